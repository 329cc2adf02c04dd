// Export of tl.quantize/tl.dequantize (QuantizeLinear/DequantizeLinear with
// axis for per-axis parameters), tl.einsum (Einsum), tl.grid_sample
// (GridSample, opset-16 mode names) and integer tl.conv (Conv in f64, which
// holds i32 accumulations of quantized values exactly).

// RUN: %python %S/Inputs/export_all.py tl-translate %s | FileCheck %s

// CHECK-LABEL: model quantize opset 17
// CHECK: init [[S:.*]]: float[] typed = [0.5]
// CHECK: init [[Z:.*]]: uint8[] typed = [128]
// CHECK: node [[Q:.*]] = QuantizeLinear(input_0, input_1, input_2) {axis = 1}
// CHECK: node output_0 = DequantizeLinear([[Q]], input_1, input_2) {axis = 1}
// CHECK: node output_1 = QuantizeLinear(output_0, [[S]], [[Z]])
func.func @quantize(%x: tensor<2x3xf32>, %s: tensor<3xf32>, %z: tensor<3xi8>) -> (tensor<2x3xf32>, tensor<2x3xui8>) {
  %q = tl.quantize %x, %s, %z {axis = -1 : i64} : (tensor<2x3xf32>, tensor<3xf32>, tensor<3xi8>) -> tensor<2x3xi8>
  %d = tl.dequantize %q, %s, %z {axis = 1 : i64} : (tensor<2x3xi8>, tensor<3xf32>, tensor<3xi8>) -> tensor<2x3xf32>
  %st = tl.constant dense<0.5> : tensor<f32>
  %zt = tl.constant dense<128> : tensor<ui8>
  %q2 = tl.quantize %d, %st, %zt : (tensor<2x3xf32>, tensor<f32>, tensor<ui8>) -> tensor<2x3xui8>
  return %d, %q2 : tensor<2x3xf32>, tensor<2x3xui8>
}

// -----

// CHECK-LABEL: model einsum_grid_conv opset 17
// CHECK: node output_0 = Einsum(input_0, input_1) {equation = "ij,jk->ik"}
// CHECK: node output_1 = GridSample(input_2, input_3) {align_corners = 1, mode = "bicubic", padding_mode = "border"}
// CHECK: node [[CX:.*]] = Cast(input_4) {to = 11}
// CHECK: node [[CW:.*]] = Cast(input_5) {to = 11}
// CHECK: node [[CONV:.*]] = Conv([[CX]], [[CW]]) {kernel_shape = [2, 2]}
// CHECK: node output_2 = Cast([[CONV]]) {to = 6}
func.func @einsum_grid_conv(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>, %x: tensor<1x1x4x4xf32>, %g: tensor<1x2x2x2xf32>, %i: tensor<1x1x3x3xi32>, %w: tensor<1x1x2x2xi32>) -> (tensor<2x4xf32>, tensor<1x1x2x2xf32>, tensor<1x1x2x2xi32>) {
  %e = tl.einsum %a, %b {equation = "ij,jk->ik"} : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
  %s = tl.grid_sample %x, %g {mode = #tl<resize_mode cubic>, padding_mode = #tl<grid_padding_mode border>, align_corners = true} : (tensor<1x1x4x4xf32>, tensor<1x2x2x2xf32>) -> tensor<1x1x2x2xf32>
  %c = tl.conv %i, %w : (tensor<1x1x3x3xi32>, tensor<1x1x2x2xi32>) -> tensor<1x1x2x2xi32>
  return %e, %s, %c : tensor<2x4xf32>, tensor<1x1x2x2xf32>, tensor<1x1x2x2xi32>
}
