// RUN: tl-opt %s -split-input-file -verify-diagnostics

func.func @operand_count(%a: tensor<2x3xf32>) {
  // expected-error @+2 {{invalid equation 'ij,jk->ik': equation has 2 operand terms but the op has 1 operands}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.einsum %a {equation = "ij,jk->ik"} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @rank(%a: tensor<2x3xf32>) {
  // expected-error @+2 {{term 0 names 3 dims but operand 0 has rank 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.einsum %a {equation = "ijk->i"} : (tensor<2x3xf32>) -> tensor<2xf32>
  return
}

// -----

func.func @unknown_letter(%a: tensor<2x3xf32>) {
  // expected-error @+2 {{result letter 'k' does not appear in any operand}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.einsum %a {equation = "ij->k"} : (tensor<2x3xf32>) -> tensor<2xf32>
  return
}

// -----

func.func @sizes(%a: tensor<2x3xf32>, %b: tensor<4x5xf32>) {
  // expected-error @+2 {{dim 0 of operand 1 has size 4 but its label has size 3 elsewhere}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.einsum %a, %b {equation = "ij,jk->ik"} : (tensor<2x3xf32>, tensor<4x5xf32>) -> tensor<2x5xf32>
  return
}

// -----

func.func @bad_character(%a: tensor<2x3xf32>) {
  // expected-error @+2 {{unexpected character '1' in equation}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.einsum %a {equation = "i1->i"} : (tensor<2x3xf32>) -> tensor<2xf32>
  return
}

// -----

func.func @ellipsis_missing(%a: tensor<2x3x4xf32>) {
  // expected-error @+2 {{the result term must contain '...' when an operand does}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.einsum %a {equation = "...ij->ij"} : (tensor<2x3x4xf32>) -> tensor<3x4xf32>
  return
}

// -----

func.func @element_types(%a: tensor<2x3xf32>, %b: tensor<3xf64>) {
  // expected-error @+1 {{operands must have the same element type}}
  %0 = tl.einsum %a, %b {equation = "ij,j->i"} : (tensor<2x3xf32>, tensor<3xf64>) -> tensor<2xf32>
  return
}
