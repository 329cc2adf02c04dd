// RUN: tl-opt %s -split-input-file -verify-diagnostics

func.func @nll_loss_rank(%x: tensor<5xf32>, %t: tensor<i64>) {
  // expected-error @+2 {{input must have rank >= 2 ([N, C, ...]), got [5]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.nll_loss %x, %t : (tensor<5xf32>, tensor<i64>) -> tensor<f32>
  return
}

// -----

func.func @nll_loss_target_shape(%x: tensor<3x5x2xf32>, %t: tensor<3x4xi64>) {
  // expected-error @+2 {{target shape [3, 4] does not match input shape [3, 5, 2] without its class axis}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.nll_loss %x, %t : (tensor<3x5x2xf32>, tensor<3x4xi64>) -> tensor<f32>
  return
}

// -----

func.func @nll_loss_weight_shape(%x: tensor<3x5xf32>, %t: tensor<3xi64>, %w: tensor<4xf32>) {
  // expected-error @+2 {{weight shape [4] must be [C] for input shape [3, 5]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.nll_loss %x, %t, %w : (tensor<3x5xf32>, tensor<3xi64>, tensor<4xf32>) -> tensor<f32>
  return
}

// -----

func.func @nll_loss_weight_type(%x: tensor<3x5xf32>, %t: tensor<3xi64>, %w: tensor<5xf64>) {
  // expected-error @+2 {{weight element type must match the input's}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.nll_loss %x, %t, %w : (tensor<3x5xf32>, tensor<3xi64>, tensor<5xf64>) -> tensor<f32>
  return
}

// -----

func.func @nll_loss_result(%x: tensor<3x5xf32>, %t: tensor<3xi64>) {
  // expected-error @+2 {{'tl.nll_loss' op inferred type(s) 'tensor<f32>' are incompatible with return type(s) of operation 'tensor<3xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.nll_loss %x, %t : (tensor<3x5xf32>, tensor<3xi64>) -> tensor<3xf32>
  return
}

// -----

func.func @nll_loss_target_type(%x: tensor<3x5xf32>, %t: tensor<3xf32>) {
  // expected-error @+1 {{operand #1 must be ranked tensor of 32-bit signless integer or 64-bit signless integer values}}
  %0 = tl.nll_loss %x, %t : (tensor<3x5xf32>, tensor<3xf32>) -> tensor<f32>
  return
}
