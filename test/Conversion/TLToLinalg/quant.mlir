// RUN: tl-opt %s --convert-tl-to-linalg --split-input-file | FileCheck %s

// Per tensor: the scale and zero point are read at ().
// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[SCALAR:.*]] = affine_map<(d0, d1) -> ()>
// CHECK-LABEL: func.func @quantize_per_tensor
// CHECK-SAME: (%[[X:.*]]: tensor<2x?xf32>, %[[S:.*]]: tensor<f32>, %[[Z:.*]]: tensor<ui8>)
// CHECK: linalg.generic {indexing_maps = [#[[ID]], #[[SCALAR]], #[[SCALAR]], #[[ID]]]
// CHECK-SAME: ins(%[[X]], %[[S]], %[[Z]] : tensor<2x?xf32>, tensor<f32>, tensor<ui8>)
// CHECK: ^bb0(%[[XE:.*]]: f32, %[[SE:.*]]: f32, %[[ZE:.*]]: ui8, %{{.*}}: ui8):
// CHECK: %[[ZI:.*]] = builtin.unrealized_conversion_cast %[[ZE]] : ui8 to i8
// CHECK: %[[DIV:.*]] = arith.divf %[[XE]], %[[SE]] : f32
// CHECK: %[[ROUND:.*]] = math.roundeven %[[DIV]] : f32
// CHECK: %[[ZF:.*]] = arith.uitofp %[[ZI]] : i8 to f32
// CHECK: %[[SUM:.*]] = arith.addf %[[ROUND]], %[[ZF]] : f32
// CHECK-DAG: %[[LO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-DAG: %[[HI:.*]] = arith.constant 2.550000e+02 : f32
// CHECK: %[[MAX:.*]] = arith.maximumf %[[SUM]], %[[LO]] : f32
// CHECK: %[[MIN:.*]] = arith.minimumf %[[MAX]], %[[HI]] : f32
// CHECK: %[[Q:.*]] = arith.fptoui %[[MIN]] : f32 to i8
// CHECK: %[[QU:.*]] = builtin.unrealized_conversion_cast %[[Q]] : i8 to ui8
// CHECK: linalg.yield %[[QU]] : ui8
func.func @quantize_per_tensor(%x: tensor<2x?xf32>, %s: tensor<f32>, %z: tensor<ui8>) -> tensor<2x?xui8> {
  %q = tl.quantize %x, %s, %z : (tensor<2x?xf32>, tensor<f32>, tensor<ui8>) -> tensor<2x?xui8>
  return %q : tensor<2x?xui8>
}

// -----

// Per axis (the last here); i32 saturates in f64, which holds its range.
// CHECK-DAG: #[[AXIS:.*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-LABEL: func.func @quantize_per_axis_i32
// CHECK: linalg.generic {indexing_maps = [#{{.*}}, #[[AXIS]], #[[AXIS]], #{{.*}}]
// CHECK: %[[ROUND:.*]] = math.roundeven %{{.*}} : f32
// CHECK: %[[WIDE:.*]] = arith.extf %[[ROUND]] : f32 to f64
// CHECK: %[[ZF:.*]] = arith.sitofp %{{.*}} : i32 to f64
// CHECK: %[[SUM:.*]] = arith.addf %[[WIDE]], %[[ZF]] : f64
// CHECK-DAG: %[[LO:.*]] = arith.constant 0xC1E0000000000000 : f64
// CHECK-DAG: %[[HI:.*]] = arith.constant 0x41DFFFFFFFC00000 : f64
// CHECK: arith.maximumf %[[SUM]], %[[LO]] : f64
// CHECK: %[[Q:.*]] = arith.fptosi %{{.*}} : f64 to i32
// CHECK: linalg.yield %[[Q]] : i32
func.func @quantize_per_axis_i32(%x: tensor<4x3xf32>, %s: tensor<3xf32>, %z: tensor<3xi32>) -> tensor<4x3xi32> {
  %q = tl.quantize %x, %s, %z {axis = -1 : i64} : (tensor<4x3xf32>, tensor<3xf32>, tensor<3xi32>) -> tensor<4x3xi32>
  return %q : tensor<4x3xi32>
}

// -----

// The difference is exact in i64; f16 computes in f32.
// CHECK-DAG: #[[AXIS:.*]] = affine_map<(d0, d1, d2) -> (d1)>
// CHECK-LABEL: func.func @dequantize_per_axis
// CHECK: linalg.generic {indexing_maps = [#{{.*}}, #[[AXIS]], #[[AXIS]], #{{.*}}]
// CHECK: ^bb0(%[[Q:.*]]: i8, %[[S:.*]]: f16, %[[Z:.*]]: i8, %{{.*}}: f16):
// CHECK: %[[S32:.*]] = arith.extf %[[S]] : f16 to f32
// CHECK: %[[Q64:.*]] = arith.extsi %[[Q]] : i8 to i64
// CHECK: %[[Z64:.*]] = arith.extsi %[[Z]] : i8 to i64
// CHECK: %[[DIFF:.*]] = arith.subi %[[Q64]], %[[Z64]] : i64
// CHECK: %[[F:.*]] = arith.sitofp %[[DIFF]] : i64 to f32
// CHECK: %[[R:.*]] = arith.mulf %[[F]], %[[S32]] : f32
// CHECK: %[[H:.*]] = arith.truncf %[[R]] : f32 to f16
// CHECK: linalg.yield %[[H]] : f16
func.func @dequantize_per_axis(%q: tensor<1x3x2xi8>, %s: tensor<3xf16>, %z: tensor<3xi8>) -> tensor<1x3x2xf16> {
  %d = tl.dequantize %q, %s, %z : (tensor<1x3x2xi8>, tensor<3xf16>, tensor<3xi8>) -> tensor<1x3x2xf16>
  return %d : tensor<1x3x2xf16>
}

// -----

// Integer convolutions pad with integer zeros and use the named ops; the
// bias adds with arith.addi.
// CHECK-LABEL: func.func @conv_i32_grouped
// CHECK-SAME: (%[[X:.*]]: tensor<1x4x5x5xi32>, %[[W:.*]]: tensor<6x2x3x3xi32>, %[[B:.*]]: tensor<6xi32>)
// CHECK: %[[ZERO:.*]] = arith.constant 0 : i32
// CHECK: %[[PAD:.*]] = tensor.pad %[[X]] low[0, 0, 1, 1] high[0, 0, 1, 1]
// CHECK: tensor.yield %[[ZERO]] : i32
// CHECK: %[[GX:.*]] = tensor.expand_shape %[[PAD]]
// CHECK: %[[GW:.*]] = tensor.expand_shape %[[W]]
// CHECK: %[[CONV:.*]] = linalg.conv_2d_ngchw_gfchw {{.*}} ins(%[[GX]], %[[GW]] : tensor<1x2x2x7x7xi32>, tensor<2x3x2x3x3xi32>)
// CHECK: %[[FLAT:.*]] = tensor.collapse_shape %[[CONV]]
// CHECK: linalg.generic {{.*}} ins(%[[FLAT]], %[[B]] : tensor<1x6x5x5xi32>, tensor<6xi32>)
// CHECK: arith.addi
func.func @conv_i32_grouped(%x: tensor<1x4x5x5xi32>, %w: tensor<6x2x3x3xi32>, %b: tensor<6xi32>) -> tensor<1x6x5x5xi32> {
  %y = tl.conv %x, %w, %b {pads = array<i64: 1, 1, 1, 1>, group = 2 : i64} : (tensor<1x4x5x5xi32>, tensor<6x2x3x3xi32>, tensor<6xi32>) -> tensor<1x6x5x5xi32>
  return %y : tensor<1x6x5x5xi32>
}

// -----

// An unsigned constant zero point becomes a signless constant of the same
// bits, so that folding it into the body gives a valid arith.constant.
// CHECK-LABEL: func.func @quantize_constant_zero_point
// CHECK: %[[Z:.*]] = arith.constant dense<-56> : tensor<i8>
// CHECK: linalg.generic
// CHECK-SAME: ins(%{{.*}}, %{{.*}}, %[[Z]] : tensor<4xf32>, tensor<f32>, tensor<i8>)
// CHECK: arith.uitofp %{{.*}} : i8 to f32
func.func @quantize_constant_zero_point(%x: tensor<4xf32>, %s: tensor<f32>) -> tensor<4xui8> {
  %z = tl.constant dense<200> : tensor<ui8>
  %q = tl.quantize %x, %s, %z : (tensor<4xf32>, tensor<f32>, tensor<ui8>) -> tensor<4xui8>
  return %q : tensor<4xui8>
}
