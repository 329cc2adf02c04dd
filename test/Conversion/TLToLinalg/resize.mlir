// RUN: tl-opt %s --convert-tl-to-linalg | FileCheck %s

// tl.resize: one index-computing generic; coordinates follow ONNX Resize's
// coordinate_transform, nearest rounds by nearest_mode, linear and cubic
// blend the neighbours over the resized dims.

// CHECK-LABEL: func.func @nearest_asymmetric_floor
// CHECK-SAME: (%[[X:.*]]: tensor<1x3x4x4xf32>)
// CHECK: %[[SCALE:.*]] = arith.constant 2.000000e+00 : f32
// CHECK: linalg.generic {{.*}} outs(%{{.*}} : tensor<1x3x8x8xf32>)
// CHECK: %[[N:.*]] = linalg.index 0 : index
// CHECK: %[[C:.*]] = linalg.index 1 : index
// CHECK: %[[OH:.*]] = linalg.index 2 : index
// CHECK: %[[OHI:.*]] = arith.index_cast %[[OH]] : index to i64
// CHECK: %[[OHF:.*]] = arith.sitofp %[[OHI]] : i64 to f32
// CHECK: %[[XH:.*]] = arith.divf %[[OHF]], %[[SCALE]] : f32
// CHECK: %[[FH:.*]] = math.floor %[[XH]] : f32
// CHECK: %[[IH:.*]] = arith.fptosi %[[FH]] : f32 to i64
// CHECK: %[[H:.*]] = arith.index_cast %[[IH]] : i64 to index
// CHECK: %[[HCLAMP:.*]] = arith.minsi %[[H]], %{{.*}} : index
// CHECK: %[[HSRC:.*]] = arith.maxsi %[[HCLAMP]], %{{.*}} : index
// CHECK: math.floor
// CHECK: %[[WSRC:.*]] = arith.maxsi
// CHECK: %[[V:.*]] = tensor.extract %[[X]][%[[N]], %[[C]], %[[HSRC]], %[[WSRC]]] : tensor<1x3x4x4xf32>
// CHECK: linalg.yield %[[V]] : f32
func.func @nearest_asymmetric_floor(%x: tensor<1x3x4x4xf32>) -> tensor<1x3x8x8xf32> {
  %y = tl.resize %x {mode = #tl<resize_mode nearest>, scales = array<f64: 1.0, 1.0, 2.0, 2.0>, coordinate_transform = #tl<coordinate_transform asymmetric>, nearest_mode = #tl<nearest_mode floor>} : (tensor<1x3x4x4xf32>) -> tensor<1x3x8x8xf32>
  return %y : tensor<1x3x8x8xf32>
}

// With sizes, the scale is output / input; ties round down: ceil(x - 0.5).
// The unresized last dim is read at the output index.
// CHECK-LABEL: func.func @nearest_half_pixel_round_prefer_floor
// CHECK-SAME: (%[[X:.*]]: tensor<1x1x4x4xf32>)
// CHECK: %[[SCALE:.*]] = arith.constant 1.500000e+00 : f32
// CHECK: linalg.generic
// CHECK: %[[N:.*]] = linalg.index 0 : index
// CHECK: %[[C:.*]] = linalg.index 1 : index
// CHECK: %[[OW:.*]] = linalg.index 3 : index
// CHECK: %[[HALF:.*]] = arith.constant 5.000000e-01 : f32
// CHECK: %[[SHIFTED:.*]] = arith.addf %{{.*}}, %[[HALF]] : f32
// CHECK: %[[SCALED:.*]] = arith.divf %[[SHIFTED]], %[[SCALE]] : f32
// CHECK: %[[XH:.*]] = arith.subf %[[SCALED]], %[[HALF]] : f32
// CHECK: %[[DOWN:.*]] = arith.subf %[[XH]], %{{.*}} : f32
// CHECK: math.ceil %[[DOWN]] : f32
// CHECK: %[[HSRC:.*]] = arith.maxsi
// CHECK: tensor.extract %[[X]][%[[N]], %[[C]], %[[HSRC]], %[[OW]]] : tensor<1x1x4x4xf32>
func.func @nearest_half_pixel_round_prefer_floor(%x: tensor<1x1x4x4xf32>) -> tensor<1x1x6x4xf32> {
  %y = tl.resize %x {sizes = array<i64: 1, 1, 6, 4>} : (tensor<1x1x4x4xf32>) -> tensor<1x1x6x4xf32>
  return %y : tensor<1x1x6x4xf32>
}

// Bilinear: four neighbours weighted by the fractional parts.
// CHECK-LABEL: func.func @bilinear_align_corners
// CHECK-SAME: (%[[X:.*]]: tensor<1x2x3x5xf32>)
// CHECK: linalg.generic {{.*}} outs(%{{.*}} : tensor<1x2x6x10xf32>)
// CHECK: %[[XH:.*]] = arith.maximumf
// CHECK: %[[FH:.*]] = math.floor %[[XH]] : f32
// CHECK: %[[FRAC_H:.*]] = arith.subf %[[XH]], %[[FH]] : f32
// CHECK: %[[XW:.*]] = arith.maximumf
// CHECK: %[[FW:.*]] = math.floor %[[XW]] : f32
// CHECK: %[[FRAC_W:.*]] = arith.subf %[[XW]], %[[FW]] : f32
// CHECK-COUNT-4: tensor.extract %[[X]]
// CHECK: linalg.yield
func.func @bilinear_align_corners(%x: tensor<1x2x3x5xf32>) -> tensor<1x2x6x10xf32> {
  %y = tl.resize %x {mode = #tl<resize_mode linear>, scales = array<f64: 1.0, 1.0, 2.0, 2.0>, coordinate_transform = #tl<coordinate_transform align_corners>} : (tensor<1x2x3x5xf32>) -> tensor<1x2x6x10xf32>
  return %y : tensor<1x2x6x10xf32>
}

// Dynamic dims: the output size floor(D * scale) (an unscaled dim keeps D).
// CHECK-LABEL: func.func @linear_dynamic
// CHECK-SAME: (%[[X:.*]]: tensor<?x3x?xf32>)
// CHECK: %[[N:.*]] = tensor.dim %[[X]], %{{.*}}
// CHECK: %[[W:.*]] = tensor.dim %[[X]], %{{.*}}
// CHECK: %[[WF:.*]] = arith.sitofp
// CHECK: %[[SCALED:.*]] = arith.mulf %[[WF]], %{{.*}} : f32
// CHECK: %[[FLOORED:.*]] = math.floor %[[SCALED]] : f32
// CHECK: %[[OWI:.*]] = arith.fptosi %[[FLOORED]] : f32 to i64
// CHECK: %[[OW:.*]] = arith.index_cast %[[OWI]] : i64 to index
// CHECK: %[[INIT:.*]] = tensor.empty(%[[N]], %[[OW]]) : tensor<?x3x?xf32>
// CHECK: linalg.generic {{.*}} outs(%[[INIT]] : tensor<?x3x?xf32>)
// CHECK-COUNT-2: tensor.extract %[[X]]
func.func @linear_dynamic(%x: tensor<?x3x?xf32>) -> tensor<?x3x?xf32> {
  %y = tl.resize %x {mode = #tl<resize_mode linear>, scales = array<f64: 1.0, 1.0, 2.5>, coordinate_transform = #tl<coordinate_transform pytorch_half_pixel>} : (tensor<?x3x?xf32>) -> tensor<?x3x?xf32>
  return %y : tensor<?x3x?xf32>
}

// Dynamic input with sizes: the scale is computed at run time.
// CHECK-LABEL: func.func @nearest_sizes_dynamic
// CHECK-SAME: (%[[X:.*]]: tensor<1x1x?x4xf32>)
// CHECK: %[[H:.*]] = tensor.dim %[[X]], %{{.*}}
// CHECK: %[[LEN:.*]] = arith.constant 6.000000e+00 : f32
// CHECK: %[[HI:.*]] = arith.index_cast %[[H]] : index to i64
// CHECK: %[[HF:.*]] = arith.sitofp %[[HI]] : i64 to f32
// CHECK: %[[SCALE:.*]] = arith.divf %[[LEN]], %[[HF]] : f32
// CHECK: linalg.generic
// CHECK: arith.divf %{{.*}}, %[[SCALE]] : f32
func.func @nearest_sizes_dynamic(%x: tensor<1x1x?x4xf32>) -> tensor<1x1x6x4xf32> {
  %y = tl.resize %x {sizes = array<i64: 1, 1, 6, 4>} : (tensor<1x1x?x4xf32>) -> tensor<1x1x6x4xf32>
  return %y : tensor<1x1x6x4xf32>
}

// align_corners with scales: the resized length is D * scale = 2.4 (ONNX's
// length_resized), not the output size 2: x = o * (D - 1) / (2.4 - 1).
// CHECK-LABEL: func.func @linear_align_corners_scales
// CHECK-DAG: %[[LEN:.*]] = arith.constant 2.400000e+00 : f32
// CHECK: linalg.generic {{.*}} outs(%{{.*}} : tensor<1x1x1x2xf32>)
// CHECK: %[[OW:.*]] = linalg.index 3 : index
// CHECK: %[[OWI:.*]] = arith.index_cast %[[OW]] : index to i64
// CHECK: %[[OWF:.*]] = arith.sitofp %[[OWI]] : i64 to f32
// CHECK: %[[SINGLE:.*]] = arith.cmpf ole, %[[LEN]], %{{.*}} : f32
// CHECK: %[[SCALED:.*]] = arith.mulf %[[OWF]], %{{.*}} : f32
// CHECK: %[[LAST:.*]] = arith.subf %[[LEN]], %{{.*}} : f32
// CHECK: %[[SAFE:.*]] = arith.select %[[SINGLE]], %{{.*}}, %[[LAST]] : f32
// CHECK: %[[XW:.*]] = arith.divf %[[SCALED]], %[[SAFE]] : f32
// CHECK: arith.select %[[SINGLE]], %{{.*}}, %[[XW]] : f32
func.func @linear_align_corners_scales(%x: tensor<1x1x2x4xf32>) -> tensor<1x1x1x2xf32> {
  %y = tl.resize %x {mode = #tl<resize_mode linear>, scales = array<f64: 1.0, 1.0, 0.6, 0.6>, coordinate_transform = #tl<coordinate_transform align_corners>} : (tensor<1x1x2x4xf32>) -> tensor<1x1x1x2xf32>
  return %y : tensor<1x1x1x2xf32>
}

// Bicubic: per resized dim, floor(x) - 1 .. floor(x) + 2 clamped to the
// input, weighted by Keys' kernel (A = -0.75: A + 2 = 1.25, A + 3 = 2.25);
// 4 x 4 taps.
// CHECK-LABEL: func.func @bicubic
// CHECK-SAME: (%[[X:.*]]: tensor<1x1x4x4xf32>)
// CHECK: linalg.generic {{.*}} outs(%{{.*}} : tensor<1x1x8x6xf32>)
// CHECK: %[[XH:.*]] = arith.subf %{{.*}}, %{{.*}} : f32
// CHECK: %[[XW:.*]] = arith.subf %{{.*}}, %{{.*}} : f32
// CHECK: %[[FH:.*]] = math.floor %[[XH]] : f32
// CHECK: %[[TH:.*]] = arith.subf %[[XH]], %[[FH]] : f32
// CHECK: %[[A:.*]] = arith.constant -7.500000e-01 : f32
// CHECK: %[[A2:.*]] = arith.constant 1.250000e+00 : f32
// CHECK: %[[NEAR:.*]] = arith.mulf %[[A2]], %[[TH]] : f32
// CHECK: %[[A3:.*]] = arith.constant 2.250000e+00 : f32
// CHECK: arith.subf %[[NEAR]], %[[A3]] : f32
// CHECK-COUNT-4: arith.maxsi
// CHECK: %[[FW:.*]] = math.floor %[[XW]] : f32
// CHECK-COUNT-4: arith.maxsi
// CHECK-COUNT-16: tensor.extract %[[X]]
// CHECK-NOT: tensor.extract
// CHECK: linalg.yield
func.func @bicubic(%x: tensor<1x1x4x4xf32>) -> tensor<1x1x8x6xf32> {
  %y = tl.resize %x {mode = #tl<resize_mode cubic>, scales = array<f64: 1.0, 1.0, 2.0, 1.5>} : (tensor<1x1x4x4xf32>) -> tensor<1x1x8x6xf32>
  return %y : tensor<1x1x8x6xf32>
}

// exclude_outside: taps outside [0, D - 1] get weight 0 and the weights are
// divided by their sum.
// CHECK-LABEL: func.func @cubic_exclude_outside
// CHECK: linalg.generic
// CHECK: %[[IN0:.*]] = arith.cmpi sge, %{{.*}}, %{{.*}} : index
// CHECK: %[[IN1:.*]] = arith.cmpi sle, %{{.*}}, %{{.*}} : index
// CHECK: %[[INSIDE:.*]] = arith.andi %[[IN0]], %[[IN1]] : i1
// CHECK: %[[W0:.*]] = arith.select %[[INSIDE]], %{{.*}}, %{{.*}} : f32
// CHECK-COUNT-3: arith.andi
// CHECK: %[[W3:.*]] = arith.select
// CHECK: %[[TOTAL:.*]] = arith.addf %{{.*}}, %[[W3]] : f32
// CHECK: arith.divf %[[W0]], %[[TOTAL]] : f32
// CHECK-COUNT-4: tensor.extract
// CHECK-NOT: tensor.extract
func.func @cubic_exclude_outside(%x: tensor<5xf32>) -> tensor<3xf32> {
  %y = tl.resize %x {mode = #tl<resize_mode cubic>, cubic_coeff_a = -0.5 : f64, exclude_outside = true, scales = array<f64: 0.6>} : (tensor<5xf32>) -> tensor<3xf32>
  return %y : tensor<3xf32>
}

// tf_crop_and_resize: x = start * (D - 1) + o * (end - start) * (D - 1) /
// (O - 1); outside [0, D - 1] in any dim gives extrapolation_value.
// CHECK-LABEL: func.func @crop_and_resize
// CHECK-SAME: (%[[X:.*]]: tensor<1x1x4x4xf32>)
// CHECK-DAG: %[[EXTRA:.*]] = arith.constant 1.000000e+01 : f32
// CHECK: linalg.generic
// CHECK: arith.divf
// CHECK: %[[XH:.*]] = arith.select %{{.*}}, %{{.*}}, %{{.*}} : f32
// CHECK: %[[BELOW_H:.*]] = arith.cmpf olt, %[[XH]], %{{.*}} : f32
// CHECK: %[[ABOVE_H:.*]] = arith.cmpf ogt, %[[XH]], %{{.*}} : f32
// CHECK: %[[OUT_H:.*]] = arith.ori %[[BELOW_H]], %[[ABOVE_H]] : i1
// CHECK: arith.divf
// CHECK: %[[XW:.*]] = arith.select %{{.*}}, %{{.*}}, %{{.*}} : f32
// CHECK: %[[BELOW_W:.*]] = arith.cmpf olt, %[[XW]], %{{.*}} : f32
// CHECK: %[[ABOVE_W:.*]] = arith.cmpf ogt, %[[XW]], %{{.*}} : f32
// CHECK: %[[OUT_W:.*]] = arith.ori %[[BELOW_W]], %[[ABOVE_W]] : i1
// CHECK: %[[OUT:.*]] = arith.ori %[[OUT_H]], %[[OUT_W]] : i1
// CHECK-COUNT-4: tensor.extract %[[X]]
// CHECK: %[[SUM:.*]] = arith.addf
// CHECK: %[[V:.*]] = arith.select %[[OUT]], %[[EXTRA]], %[[SUM]] : f32
// CHECK: linalg.yield %[[V]] : f32
func.func @crop_and_resize(%x: tensor<1x1x4x4xf32>) -> tensor<1x1x3x3xf32> {
  %y = tl.resize %x {mode = #tl<resize_mode linear>, coordinate_transform = #tl<coordinate_transform tf_crop_and_resize>, roi = array<f64: 0.0, 0.0, 0.4, 0.6, 1.0, 1.0, 1.2, 1.7>, extrapolation_value = 10.0 : f64, sizes = array<i64: 1, 1, 3, 3>} : (tensor<1x1x4x4xf32>) -> tensor<1x1x3x3xf32>
  return %y : tensor<1x1x3x3xf32>
}

// tf_half_pixel_for_nn: x = (o + 0.5) / scale, no -0.5.
// CHECK-LABEL: func.func @nearest_tf_half_pixel_for_nn
// CHECK: %[[SCALE:.*]] = arith.constant 7.500000e-01 : f32
// CHECK: linalg.generic
// CHECK: %[[OH:.*]] = linalg.index 2 : index
// CHECK: %[[OHI:.*]] = arith.index_cast %[[OH]] : index to i64
// CHECK: %[[OHF:.*]] = arith.sitofp %[[OHI]] : i64 to f32
// CHECK: %[[SHIFTED:.*]] = arith.addf %[[OHF]], %{{.*}} : f32
// CHECK: %[[XH:.*]] = arith.divf %[[SHIFTED]], %[[SCALE]] : f32
// CHECK-NEXT: arith.index_cast
// CHECK: arith.subf %[[XH]], %{{.*}} : f32
// CHECK: math.ceil
func.func @nearest_tf_half_pixel_for_nn(%x: tensor<1x1x4x4xf32>) -> tensor<1x1x3x2xf32> {
  %y = tl.resize %x {coordinate_transform = #tl<coordinate_transform tf_half_pixel_for_nn>, sizes = array<i64: 1, 1, 3, 2>} : (tensor<1x1x4x4xf32>) -> tensor<1x1x3x2xf32>
  return %y : tensor<1x1x3x2xf32>
}
