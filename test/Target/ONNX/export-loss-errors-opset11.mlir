// NegativeLogLikelihoodLoss arrives in opset 12; Trilu's opset-11
// decomposition needs static innermost dims.

// RUN: tl-translate --export-onnx %s -split-input-file -verify-diagnostics -o /dev/null --onnx-export-opset=11

func.func @nll_loss(%x: tensor<3x5xf32>, %t: tensor<3xi64>) -> tensor<f32> {
  // expected-error @+1 {{cannot export 'tl.nll_loss' at ONNX opset 11: ONNX NegativeLogLikelihoodLoss is not defined}}
  %0 = tl.nll_loss %x, %t : (tensor<3x5xf32>, tensor<3xi64>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

func.func @trilu_dynamic(%x: tensor<?x4xf32>) -> tensor<?x4xf32> {
  // expected-error @+1 {{cannot export 'tl.trilu' at ONNX opset 11: Trilu needs opset 14, or static sizes of the two innermost dims for its decomposition}}
  %0 = tl.trilu %x : (tensor<?x4xf32>) -> tensor<?x4xf32>
  return %0 : tensor<?x4xf32>
}
