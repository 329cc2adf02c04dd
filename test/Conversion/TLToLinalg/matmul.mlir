// RUN: tl-opt %s --convert-tl-to-linalg | FileCheck %s

// tl.dense and tl.matmul lower to linalg.matmul / batch_matmul / dot into a
// zero-filled destination; leading dims fold into M when the rhs has no batch.

// CHECK-DAG: #[[ID2:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[LAST:.*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-DAG: #[[BCAST_UNIT:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, 0, d2, d3)>
// CHECK-DAG: #[[ID4:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-DAG: #[[BCAST_LEAD:.*]] = affine_map<(d0, d1, d2, d3) -> (d1, d2, d3)>
// CHECK-DAG: #[[MM_LHS:.*]] = affine_map<(d0, d1, d2) -> (d0, d2)>
// CHECK-DAG: #[[MM_RHS:.*]] = affine_map<(d0, d1, d2) -> (d2, d1)>
// CHECK-DAG: #[[MM_OUT:.*]] = affine_map<(d0, d1, d2) -> (d0, d1)>

// CHECK-LABEL: func.func @dense_bias
// CHECK-SAME: (%[[X:.*]]: tensor<4x8xf32>, %[[W:.*]]: tensor<8x16xf32>, %[[B:.*]]: tensor<16xf32>)
// CHECK: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[EMPTY:.*]] = tensor.empty() : tensor<4x16xf32>
// CHECK: %[[FILL:.*]] = linalg.fill ins(%[[ZERO]] : f32) outs(%[[EMPTY]] : tensor<4x16xf32>)
// CHECK: %[[MM:.*]] = linalg.matmul ins(%[[X]], %[[W]] : tensor<4x8xf32>, tensor<8x16xf32>) outs(%[[FILL]] : tensor<4x16xf32>)
// CHECK: %[[OUT:.*]] = tensor.empty() : tensor<4x16xf32>
// CHECK: %[[SUM:.*]] = linalg.generic {indexing_maps = [#[[ID2]], #[[LAST]], #[[ID2]]], iterator_types = ["parallel", "parallel"]}
// CHECK-SAME: ins(%[[MM]], %[[B]] : tensor<4x16xf32>, tensor<16xf32>) outs(%[[OUT]] : tensor<4x16xf32>)
// CHECK: arith.addf
// CHECK: return %[[SUM]]
func.func @dense_bias(%x: tensor<4x8xf32>, %w: tensor<8x16xf32>, %b: tensor<16xf32>) -> tensor<4x16xf32> {
  %y = tl.dense %x, %w, %b : (tensor<4x8xf32>, tensor<8x16xf32>, tensor<16xf32>) -> tensor<4x16xf32>
  return %y : tensor<4x16xf32>
}

// CHECK-LABEL: func.func @dense_vector
// CHECK-SAME: (%[[X:.*]]: tensor<8xf32>, %[[W:.*]]: tensor<8x3xf32>)
// CHECK: %[[ROW:.*]] = tensor.expand_shape %[[X]] {{\[}}[0, 1]] output_shape [1, 8] : tensor<8xf32> into tensor<1x8xf32>
// CHECK: %[[MM:.*]] = linalg.matmul ins(%[[ROW]], %[[W]] : tensor<1x8xf32>, tensor<8x3xf32>)
// CHECK: %[[RES:.*]] = tensor.collapse_shape %[[MM]] {{\[}}[0, 1]] : tensor<1x3xf32> into tensor<3xf32>
// CHECK: return %[[RES]]
func.func @dense_vector(%x: tensor<8xf32>, %w: tensor<8x3xf32>) -> tensor<3xf32> {
  %y = tl.dense %x, %w : (tensor<8xf32>, tensor<8x3xf32>) -> tensor<3xf32>
  return %y : tensor<3xf32>
}

// CHECK-LABEL: func.func @dense_dynamic_batch
// CHECK-SAME: (%[[X:.*]]: tensor<?x5x8xf32>, %[[W:.*]]: tensor<8x3xf32>)
// CHECK: %[[LHS:.*]] = tensor.collapse_shape %[[X]] {{\[}}[0, 1], [2]] : tensor<?x5x8xf32> into tensor<?x8xf32>
// CHECK: %[[M:.*]] = tensor.dim %[[LHS]], %{{.*}} : tensor<?x8xf32>
// CHECK: %[[EMPTY:.*]] = tensor.empty(%[[M]]) : tensor<?x3xf32>
// CHECK: %[[FILL:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%[[EMPTY]] : tensor<?x3xf32>)
// CHECK: %[[MM:.*]] = linalg.matmul ins(%[[LHS]], %[[W]] : tensor<?x8xf32>, tensor<8x3xf32>) outs(%[[FILL]] : tensor<?x3xf32>)
// CHECK: %[[N:.*]] = tensor.dim %[[X]], %{{.*}} : tensor<?x5x8xf32>
// CHECK: %[[RES:.*]] = tensor.expand_shape %[[MM]] {{\[}}[0, 1], [2]] output_shape [%[[N]], 5, 3] : tensor<?x3xf32> into tensor<?x5x3xf32>
// CHECK: return %[[RES]]
func.func @dense_dynamic_batch(%x: tensor<?x5x8xf32>, %w: tensor<8x3xf32>) -> tensor<?x5x3xf32> {
  %y = tl.dense %x, %w : (tensor<?x5x8xf32>, tensor<8x3xf32>) -> tensor<?x5x3xf32>
  return %y : tensor<?x5x3xf32>
}

// CHECK-LABEL: func.func @matmul_fold_batch
// CHECK-SAME: (%[[A:.*]]: tensor<2x3x5x7xf32>, %[[B:.*]]: tensor<7x4xf32>)
// CHECK: %[[LHS:.*]] = tensor.collapse_shape %[[A]] {{\[}}[0, 1, 2], [3]] : tensor<2x3x5x7xf32> into tensor<30x7xf32>
// CHECK: %[[MM:.*]] = linalg.matmul ins(%[[LHS]], %[[B]] : tensor<30x7xf32>, tensor<7x4xf32>) outs(%{{.*}} : tensor<30x4xf32>)
// CHECK: %[[RES:.*]] = tensor.expand_shape %[[MM]] {{\[}}[0, 1, 2], [3]] output_shape [2, 3, 5, 4] : tensor<30x4xf32> into tensor<2x3x5x4xf32>
// CHECK: return %[[RES]]
func.func @matmul_fold_batch(%a: tensor<2x3x5x7xf32>, %b: tensor<7x4xf32>) -> tensor<2x3x5x4xf32> {
  %y = tl.matmul %a, %b : (tensor<2x3x5x7xf32>, tensor<7x4xf32>) -> tensor<2x3x5x4xf32>
  return %y : tensor<2x3x5x4xf32>
}

// CHECK-LABEL: func.func @matmul_dot
// CHECK-SAME: (%[[A:.*]]: tensor<7xf32>, %[[B:.*]]: tensor<7xf32>)
// CHECK: %[[FILL:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%{{.*}} : tensor<f32>)
// CHECK: %[[DOT:.*]] = linalg.dot ins(%[[A]], %[[B]] : tensor<7xf32>, tensor<7xf32>) outs(%[[FILL]] : tensor<f32>)
// CHECK: return %[[DOT]]
func.func @matmul_dot(%a: tensor<7xf32>, %b: tensor<7xf32>) -> tensor<f32> {
  %y = tl.matmul %a, %b : (tensor<7xf32>, tensor<7xf32>) -> tensor<f32>
  return %y : tensor<f32>
}

// CHECK-LABEL: func.func @matmul_matvec
// CHECK-SAME: (%[[A:.*]]: tensor<5x7xf32>, %[[B:.*]]: tensor<7xf32>)
// CHECK: %[[COL:.*]] = tensor.expand_shape %[[B]] {{\[}}[0, 1]] output_shape [7, 1] : tensor<7xf32> into tensor<7x1xf32>
// CHECK: %[[MM:.*]] = linalg.matmul ins(%[[A]], %[[COL]] : tensor<5x7xf32>, tensor<7x1xf32>)
// CHECK: %[[RES:.*]] = tensor.collapse_shape %[[MM]] {{\[}}[0, 1]] : tensor<5x1xf32> into tensor<5xf32>
// CHECK: return %[[RES]]
func.func @matmul_matvec(%a: tensor<5x7xf32>, %b: tensor<7xf32>) -> tensor<5xf32> {
  %y = tl.matmul %a, %b : (tensor<5x7xf32>, tensor<7xf32>) -> tensor<5xf32>
  return %y : tensor<5xf32>
}

// CHECK-LABEL: func.func @matmul_batch
// CHECK-SAME: (%[[A:.*]]: tensor<?x5x7xf32>, %[[B:.*]]: tensor<?x7x3xf32>)
// CHECK: %[[BATCH:.*]] = tensor.dim %[[A]], %{{.*}} : tensor<?x5x7xf32>
// CHECK: %[[EMPTY:.*]] = tensor.empty(%[[BATCH]]) : tensor<?x5x3xf32>
// CHECK: %[[FILL:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%[[EMPTY]] : tensor<?x5x3xf32>)
// CHECK: %[[BMM:.*]] = linalg.batch_matmul ins(%[[A]], %[[B]] : tensor<?x5x7xf32>, tensor<?x7x3xf32>) outs(%[[FILL]] : tensor<?x5x3xf32>)
// CHECK: return %[[BMM]]
func.func @matmul_batch(%a: tensor<?x5x7xf32>, %b: tensor<?x7x3xf32>) -> tensor<?x5x3xf32> {
  %y = tl.matmul %a, %b : (tensor<?x5x7xf32>, tensor<?x7x3xf32>) -> tensor<?x5x3xf32>
  return %y : tensor<?x5x3xf32>
}

// CHECK-LABEL: func.func @matmul_broadcast
// CHECK-SAME: (%[[A:.*]]: tensor<2x1x3x4xf32>, %[[B:.*]]: tensor<5x4x6xf32>)
// CHECK: %[[LB:.*]] = linalg.generic {indexing_maps = [#[[BCAST_UNIT]], #[[ID4]]]
// CHECK-SAME: ins(%[[A]] : tensor<2x1x3x4xf32>) outs(%{{.*}} : tensor<2x5x3x4xf32>)
// CHECK: %[[L3:.*]] = tensor.collapse_shape %[[LB]] {{\[}}[0, 1], [2], [3]] : tensor<2x5x3x4xf32> into tensor<10x3x4xf32>
// CHECK: %[[RB:.*]] = linalg.generic {indexing_maps = [#[[BCAST_LEAD]], #[[ID4]]]
// CHECK-SAME: ins(%[[B]] : tensor<5x4x6xf32>) outs(%{{.*}} : tensor<2x5x4x6xf32>)
// CHECK: %[[R3:.*]] = tensor.collapse_shape %[[RB]] {{\[}}[0, 1], [2], [3]] : tensor<2x5x4x6xf32> into tensor<10x4x6xf32>
// CHECK: %[[BMM:.*]] = linalg.batch_matmul ins(%[[L3]], %[[R3]] : tensor<10x3x4xf32>, tensor<10x4x6xf32>)
// CHECK: %[[RES:.*]] = tensor.expand_shape %[[BMM]] {{\[}}[0, 1], [2], [3]] output_shape [2, 5, 3, 6] : tensor<10x3x6xf32> into tensor<2x5x3x6xf32>
// CHECK: return %[[RES]]
func.func @matmul_broadcast(%a: tensor<2x1x3x4xf32>, %b: tensor<5x4x6xf32>) -> tensor<2x5x3x6xf32> {
  %y = tl.matmul %a, %b : (tensor<2x1x3x4xf32>, tensor<5x4x6xf32>) -> tensor<2x5x3x6xf32>
  return %y : tensor<2x5x3x6xf32>
}

// CHECK-LABEL: func.func @matmul_vector_batch
// CHECK-SAME: (%[[A:.*]]: tensor<4xf32>, %[[B:.*]]: tensor<2x4x3xf32>)
// CHECK: %[[ROW:.*]] = tensor.expand_shape %[[A]] {{\[}}[0, 1]] output_shape [1, 4] : tensor<4xf32> into tensor<1x4xf32>
// CHECK: %[[LB:.*]] = linalg.generic {{.*}} ins(%[[ROW]] : tensor<1x4xf32>) outs(%{{.*}} : tensor<2x1x4xf32>)
// CHECK: %[[BMM:.*]] = linalg.batch_matmul ins(%[[LB]], %[[B]] : tensor<2x1x4xf32>, tensor<2x4x3xf32>)
// CHECK: %[[RES:.*]] = tensor.collapse_shape %[[BMM]] {{\[}}[0], [1, 2]] : tensor<2x1x3xf32> into tensor<2x3xf32>
// CHECK: return %[[RES]]
func.func @matmul_vector_batch(%a: tensor<4xf32>, %b: tensor<2x4x3xf32>) -> tensor<2x3xf32> {
  %y = tl.matmul %a, %b : (tensor<4xf32>, tensor<2x4x3xf32>) -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @matmul_i32
// CHECK: %[[ZERO:.*]] = arith.constant 0 : i32
// CHECK: %[[FILL:.*]] = linalg.fill ins(%[[ZERO]] : i32)
// CHECK: linalg.matmul ins(%{{.*}}, %{{.*}} : tensor<3x4xi32>, tensor<4x2xi32>) outs(%[[FILL]] : tensor<3x2xi32>)
func.func @matmul_i32(%a: tensor<3x4xi32>, %b: tensor<4x2xi32>) -> tensor<3x2xi32> {
  %y = tl.matmul %a, %b : (tensor<3x4xi32>, tensor<4x2xi32>) -> tensor<3x2xi32>
  return %y : tensor<3x2xi32>
}

// arith takes signless integers only: unsigned matmuls are the equivalent
// generic over zero-extended index values.
// CHECK-LABEL: func.func @matmul_ui8
// CHECK-SAME: (%[[A:.*]]: tensor<3x4xui8>, %[[B:.*]]: tensor<4x2xui8>)
// CHECK: %[[ZEROS:.*]] = arith.constant dense<0> : tensor<ui8>
// CHECK: %[[ZERO:.*]] = tensor.extract %[[ZEROS]][] : tensor<ui8>
// CHECK: %[[FILL:.*]] = linalg.fill ins(%[[ZERO]] : ui8) outs(%{{.*}} : tensor<3x2xui8>)
// CHECK: %[[MM:.*]] = linalg.generic {indexing_maps = [#[[MM_LHS]], #[[MM_RHS]], #[[MM_OUT]]], iterator_types = ["parallel", "parallel", "reduction"]}
// CHECK-SAME: ins(%[[A]], %[[B]] : tensor<3x4xui8>, tensor<4x2xui8>) outs(%[[FILL]] : tensor<3x2xui8>)
// CHECK: ^bb0(%[[L:.*]]: ui8, %[[R:.*]]: ui8, %[[ACC:.*]]: ui8):
// CHECK: %[[LI:.*]] = index.castu %[[L]] : ui8 to index
// CHECK: %[[RI:.*]] = index.castu %[[R]] : ui8 to index
// CHECK: %[[PROD:.*]] = arith.muli %[[LI]], %[[RI]] : index
// CHECK: %[[ACCI:.*]] = index.castu %[[ACC]] : ui8 to index
// CHECK: %[[SUM:.*]] = arith.addi %[[ACCI]], %[[PROD]] : index
// CHECK: %[[NEXT:.*]] = index.castu %[[SUM]] : index to ui8
// CHECK: linalg.yield %[[NEXT]] : ui8
// CHECK: return %[[MM]]
func.func @matmul_ui8(%a: tensor<3x4xui8>, %b: tensor<4x2xui8>) -> tensor<3x2xui8> {
  %y = tl.matmul %a, %b : (tensor<3x4xui8>, tensor<4x2xui8>) -> tensor<3x2xui8>
  return %y : tensor<3x2xui8>
}
