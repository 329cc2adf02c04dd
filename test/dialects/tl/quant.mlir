// RUN: tl-opt %s | tl-opt | FileCheck %s
// RUN: tl-opt %s --mlir-print-op-generic | tl-opt | FileCheck %s

// Quantization ops and the integer convolution they are used with.

// CHECK-LABEL: func @quantize_per_tensor
// CHECK-SAME: (%[[X:.*]]: tensor<2x?xf32>, %[[S:.*]]: tensor<f32>, %[[Z:.*]]: tensor<ui8>)
func.func @quantize_per_tensor(%x: tensor<2x?xf32>, %s: tensor<f32>, %z: tensor<ui8>) -> tensor<2x?xf32> {
  // CHECK: %[[Q:.*]] = tl.quantize %[[X]], %[[S]], %[[Z]] : (tensor<2x?xf32>, tensor<f32>, tensor<ui8>) -> tensor<2x?xui8>
  %q = tl.quantize %x, %s, %z : (tensor<2x?xf32>, tensor<f32>, tensor<ui8>) -> tensor<2x?xui8>
  // CHECK: tl.dequantize %[[Q]], %[[S]], %[[Z]] : (tensor<2x?xui8>, tensor<f32>, tensor<ui8>) -> tensor<2x?xf32>
  %d = tl.dequantize %q, %s, %z : (tensor<2x?xui8>, tensor<f32>, tensor<ui8>) -> tensor<2x?xf32>
  return %d : tensor<2x?xf32>
}

// CHECK-LABEL: func @quantize_per_axis
func.func @quantize_per_axis(%x: tensor<1x3x4xf16>, %s: tensor<3xf16>, %z: tensor<3xi8>) -> tensor<1x3x4xf16> {
  // CHECK: tl.quantize %{{.*}} {axis = -2 : i64} : (tensor<1x3x4xf16>, tensor<3xf16>, tensor<3xi8>) -> tensor<1x3x4xi8>
  %q = tl.quantize %x, %s, %z {axis = -2 : i64} : (tensor<1x3x4xf16>, tensor<3xf16>, tensor<3xi8>) -> tensor<1x3x4xi8>
  // The default axis is 1.
  // CHECK: tl.dequantize %{{.*}} : (tensor<1x3x4xi8>, tensor<3xf16>, tensor<3xi8>) -> tensor<1x3x4xf16>
  %d = tl.dequantize %q, %s, %z : (tensor<1x3x4xi8>, tensor<3xf16>, tensor<3xi8>) -> tensor<1x3x4xf16>
  return %d : tensor<1x3x4xf16>
}

// CHECK-LABEL: func @integer_conv
func.func @integer_conv(%x: tensor<1x2x5x5xi32>, %w: tensor<4x2x3x3xi32>, %b: tensor<4xi32>) -> tensor<1x4x5x5xi32> {
  // CHECK: tl.conv %{{.*}}, %{{.*}}, %{{.*}} {pads = array<i64: 1, 1, 1, 1>} : (tensor<1x2x5x5xi32>, tensor<4x2x3x3xi32>, tensor<4xi32>) -> tensor<1x4x5x5xi32>
  %y = tl.conv %x, %w, %b {pads = array<i64: 1, 1, 1, 1>} : (tensor<1x2x5x5xi32>, tensor<4x2x3x3xi32>, tensor<4xi32>) -> tensor<1x4x5x5xi32>
  return %y : tensor<1x4x5x5xi32>
}
