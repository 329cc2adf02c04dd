// RUN: tl-opt %s -split-input-file -verify-diagnostics

func.func @trilu_rank(%x: tensor<5xf32>) {
  // expected-error @+2 {{input must have rank >= 2, got [5]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.trilu %x : (tensor<5xf32>) -> tensor<5xf32>
  return
}

// -----

func.func @trilu_k_rank(%x: tensor<3x3xf32>, %k: tensor<1xi64>) {
  // expected-error @+1 {{operand #1 must be 0D tensor of 64-bit signless integer values}}
  %0 = tl.trilu %x, %k : (tensor<3x3xf32>, tensor<1xi64>) -> tensor<3x3xf32>
  return
}

// -----

func.func @cumsum_axis(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{'tl.cumsum' op axis 2 is out of range for rank 2}}
  %0 = tl.cumsum %x {axis = 2 : i64} : tensor<2x3xf32>
  return
}

// -----

func.func @cumsum_bool(%x: tensor<2x3xi1>) {
  // expected-error @+1 {{operand #0 must be ranked tensor of numeric values}}
  %0 = tl.cumsum %x : tensor<2x3xi1>
  return
}
