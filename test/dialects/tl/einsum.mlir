// RUN: tl-opt %s | tl-opt | FileCheck %s
// RUN: tl-opt %s --mlir-print-op-generic | tl-opt | FileCheck %s

// CHECK-LABEL: func @einsum_forms
func.func @einsum_forms(%a: tensor<5x2x3xf32>, %b: tensor<5x3x4xf32>, %v: tensor<?xi32>, %x: tensor<2x3x4x4xf64>) {
  // CHECK: tl.einsum %{{.*}}, %{{.*}} {equation = "bij, bjk -> bik"} : (tensor<5x2x3xf32>, tensor<5x3x4xf32>) -> tensor<5x2x4xf32>
  %0 = tl.einsum %a, %b {equation = "bij, bjk -> bik"} : (tensor<5x2x3xf32>, tensor<5x3x4xf32>) -> tensor<5x2x4xf32>
  // Implicit result: the letters used once, in alphabetical order (b is
  // used twice and summed).
  // CHECK: tl.einsum %{{.*}}, %{{.*}} {equation = "bij,bjk"} : (tensor<5x2x3xf32>, tensor<5x3x4xf32>) -> tensor<2x4xf32>
  %1 = tl.einsum %a, %b {equation = "bij,bjk"} : (tensor<5x2x3xf32>, tensor<5x3x4xf32>) -> tensor<2x4xf32>
  // CHECK: tl.einsum %{{.*}}, %{{.*}} {equation = "i,i"} : (tensor<?xi32>, tensor<?xi32>) -> tensor<i32>
  %2 = tl.einsum %v, %v {equation = "i,i"} : (tensor<?xi32>, tensor<?xi32>) -> tensor<i32>
  // CHECK: tl.einsum %{{.*}} {equation = "...ii->...i"} : (tensor<2x3x4x4xf64>) -> tensor<2x3x4xf64>
  %3 = tl.einsum %x {equation = "...ii->...i"} : (tensor<2x3x4x4xf64>) -> tensor<2x3x4xf64>
  // CHECK: tl.einsum %{{.*}} {equation = "...ij"} : (tensor<2x3x4x4xf64>) -> tensor<2x3x4x4xf64>
  %4 = tl.einsum %x {equation = "...ij"} : (tensor<2x3x4x4xf64>) -> tensor<2x3x4x4xf64>
  // CHECK: tl.einsum %{{.*}} {equation = "...ji"} : (tensor<5x2x3xf32>) -> tensor<5x3x2xf32>
  %5 = tl.einsum %a {equation = "...ji"} : (tensor<5x2x3xf32>) -> tensor<5x3x2xf32>
  return
}
