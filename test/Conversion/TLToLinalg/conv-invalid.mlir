// RUN: tl-opt %s --convert-tl-to-linalg -split-input-file -verify-diagnostics

// The kernel flip of tl.conv_transpose needs static kernel sizes.
func.func @conv_transpose_dynamic_kernel(%x: tensor<1x4x5x5xf32>, %w: tensor<4x2x?x3xf32>) -> tensor<1x2x?x7xf32> {
  // expected-error @+2 {{lowering needs static kernel and output-channel dims of the weight, got 'tensor<4x2x?x3xf32>'}}
  // expected-error @+1 {{failed to legalize operation 'tl.conv_transpose'}}
  %y = tl.conv_transpose %x, %w : (tensor<1x4x5x5xf32>, tensor<4x2x?x3xf32>) -> tensor<1x2x?x7xf32>
  return %y : tensor<1x2x?x7xf32>
}
