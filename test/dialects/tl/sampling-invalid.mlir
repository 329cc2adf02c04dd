// RUN: tl-opt %s -split-input-file -verify-diagnostics

func.func @input_rank(%x: tensor<3x8x8xf32>, %g: tensor<1x4x5x2xf32>) {
  // expected-error @+2 {{input must be [N, C, H, W], got rank 3}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.grid_sample %x, %g : (tensor<3x8x8xf32>, tensor<1x4x5x2xf32>) -> tensor<1x3x4x5xf32>
  return
}

// -----

func.func @grid_last_dim(%x: tensor<1x3x8x8xf32>, %g: tensor<1x4x5x3xf32>) {
  // expected-error @+2 {{grid must be [N, H_out, W_out, 2], got [1, 4, 5, 3]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.grid_sample %x, %g : (tensor<1x3x8x8xf32>, tensor<1x4x5x3xf32>) -> tensor<1x3x4x5xf32>
  return
}

// -----

func.func @batch(%x: tensor<2x3x8x8xf32>, %g: tensor<1x4x5x2xf32>) {
  // expected-error @+2 {{input batch 2 differs from grid batch 1}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.grid_sample %x, %g : (tensor<2x3x8x8xf32>, tensor<1x4x5x2xf32>) -> tensor<2x3x4x5xf32>
  return
}

// -----

func.func @grid_type(%x: tensor<1x3x8x8xf32>, %g: tensor<1x4x5x2xf16>) {
  // expected-error @+1 {{grid must have the input's element type}}
  %0 = tl.grid_sample %x, %g : (tensor<1x3x8x8xf32>, tensor<1x4x5x2xf16>) -> tensor<1x3x4x5xf32>
  return
}
