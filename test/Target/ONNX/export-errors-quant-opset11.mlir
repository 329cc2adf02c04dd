// Per-axis quantization (opset 13), Einsum (12) and GridSample (16) do not
// exist at opset 11.

// RUN: tl-translate --export-onnx %s -split-input-file -verify-diagnostics -o /dev/null --onnx-export-opset=11

func.func @per_axis(%x: tensor<2x3xf32>, %s: tensor<3xf32>, %z: tensor<3xi8>) -> tensor<2x3xi8> {
  // expected-error @+1 {{cannot export 'tl.quantize' at ONNX opset 11: per-axis QuantizeLinear needs opset 13}}
  %q = tl.quantize %x, %s, %z {axis = -1 : i64} : (tensor<2x3xf32>, tensor<3xf32>, tensor<3xi8>) -> tensor<2x3xi8>
  return %q : tensor<2x3xi8>
}

// -----

func.func @einsum(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>) -> tensor<2x4xf32> {
  // expected-error @+1 {{cannot export 'tl.einsum' at ONNX opset 11: ONNX Einsum is not defined}}
  %e = tl.einsum %a, %b {equation = "ij,jk->ik"} : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
  return %e : tensor<2x4xf32>
}

// -----

func.func @grid_sample(%x: tensor<1x1x4x4xf32>, %g: tensor<1x2x2x2xf32>) -> tensor<1x1x2x2xf32> {
  // expected-error @+1 {{cannot export 'tl.grid_sample' at ONNX opset 11: ONNX GridSample is not defined}}
  %s = tl.grid_sample %x, %g : (tensor<1x1x4x4xf32>, tensor<1x2x2x2xf32>) -> tensor<1x1x2x2xf32>
  return %s : tensor<1x1x2x2xf32>
}
