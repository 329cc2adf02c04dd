// RUN: tl-opt %s --convert-tl-to-linalg --split-input-file | FileCheck %s

// Loops: the result labels (b, i, k), then the summed j.
// CHECK-DAG: #[[A:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d3)>
// CHECK-DAG: #[[B:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d3, d2)>
// CHECK-DAG: #[[C:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
// CHECK-LABEL: func.func @batch_matmul
// CHECK-SAME: (%[[X:.*]]: tensor<5x2x3xf32>, %[[Y:.*]]: tensor<5x3x4xf32>)
// CHECK: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[EMPTY:.*]] = tensor.empty() : tensor<5x2x4xf32>
// CHECK: %[[INIT:.*]] = linalg.fill ins(%[[ZERO]] : f32) outs(%[[EMPTY]] : tensor<5x2x4xf32>)
// CHECK: %[[R:.*]] = linalg.generic {indexing_maps = [#[[A]], #[[B]], #[[C]]], iterator_types = ["parallel", "parallel", "parallel", "reduction"]}
// CHECK-SAME: ins(%[[X]], %[[Y]] : tensor<5x2x3xf32>, tensor<5x3x4xf32>) outs(%[[INIT]] : tensor<5x2x4xf32>)
// CHECK: ^bb0(%[[XE:.*]]: f32, %[[YE:.*]]: f32, %[[ACC:.*]]: f32):
// CHECK: %[[P:.*]] = arith.mulf %[[XE]], %[[YE]] : f32
// CHECK: %[[S:.*]] = arith.addf %[[ACC]], %[[P]] : f32
// CHECK: linalg.yield %[[S]] : f32
// CHECK: return %[[R]]
func.func @batch_matmul(%a: tensor<5x2x3xf32>, %b: tensor<5x3x4xf32>) -> tensor<5x2x4xf32> {
  %c = tl.einsum %a, %b {equation = "bij,bjk->bik"} : (tensor<5x2x3xf32>, tensor<5x3x4xf32>) -> tensor<5x2x4xf32>
  return %c : tensor<5x2x4xf32>
}

// -----

// A repeated label reads the diagonal; dynamic ellipsis dims come from the
// operand.
// CHECK-DAG: #[[DIAG:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2, d2)>
// CHECK-DAG: #[[OUT:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-LABEL: func.func @batch_diagonal
// CHECK-SAME: (%[[X:.*]]: tensor<3x?x5x5xf64>)
// CHECK: %[[D1:.*]] = tensor.dim %[[X]], %{{.*}} : tensor<3x?x5x5xf64>
// CHECK: %[[EMPTY:.*]] = tensor.empty(%[[D1]]) : tensor<3x?x5xf64>
// CHECK: linalg.generic {indexing_maps = [#[[DIAG]], #[[OUT]]], iterator_types = ["parallel", "parallel", "parallel"]}
// CHECK: ^bb0(%[[E:.*]]: f64, %[[ACC:.*]]: f64):
// CHECK: arith.addf %[[ACC]], %[[E]] : f64
func.func @batch_diagonal(%x: tensor<3x?x5x5xf64>) -> tensor<3x?x5xf64> {
  %d = tl.einsum %x {equation = "...ii->...i"} : (tensor<3x?x5x5xf64>) -> tensor<3x?x5xf64>
  return %d : tensor<3x?x5xf64>
}

// -----

// A static 1 facing a larger ellipsis dim broadcasts (index 0); unsigned
// integers compute on signless values.
// CHECK-DAG: #[[A:.*]] = affine_map<(d0, d1, d2) -> (d0, 0, d2)>
// CHECK-DAG: #[[B:.*]] = affine_map<(d0, d1, d2) -> (d1, d2)>
// CHECK-DAG: #[[C:.*]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-LABEL: func.func @broadcast_ellipsis_ui8
// CHECK: linalg.generic {indexing_maps = [#[[A]], #[[B]], #[[C]]], iterator_types = ["parallel", "parallel", "reduction"]}
// CHECK: ^bb0(%[[AE:.*]]: ui8, %[[BE:.*]]: ui8, %[[ACC:.*]]: ui8):
// CHECK-DAG: %[[AI:.*]] = builtin.unrealized_conversion_cast %[[AE]] : ui8 to i8
// CHECK-DAG: %[[BI:.*]] = builtin.unrealized_conversion_cast %[[BE]] : ui8 to i8
// CHECK-DAG: %[[CI:.*]] = builtin.unrealized_conversion_cast %[[ACC]] : ui8 to i8
// CHECK: %[[P:.*]] = arith.muli %[[AI]], %[[BI]] : i8
// CHECK: %[[S:.*]] = arith.addi %[[CI]], %[[P]] : i8
// CHECK: %[[R:.*]] = builtin.unrealized_conversion_cast %[[S]] : i8 to ui8
// CHECK: linalg.yield %[[R]] : ui8
func.func @broadcast_ellipsis_ui8(%a: tensor<2x1x3xui8>, %b: tensor<4x3xui8>) -> tensor<2x4xui8> {
  %c = tl.einsum %a, %b {equation = "...j,...j->..."} : (tensor<2x1x3xui8>, tensor<4x3xui8>) -> tensor<2x4xui8>
  return %c : tensor<2x4xui8>
}
