// RUN: tl-opt %s --split-input-file --tl-pack-matmul | FileCheck %s

// B [300, 96] becomes three [300, 32] panels; C is filled as [64, 3, 32]
// and collapsed back.
// CHECK-DAG: #[[A:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d3)>
// CHECK-DAG: #[[B:.*]] = affine_map<(d0, d1, d2, d3) -> (d1, d3, d2)>
// CHECK-DAG: #[[C:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
// CHECK-LABEL: func.func @matmul
// CHECK-SAME: (%[[LHS:.*]]: tensor<64x300xf32>, %[[RHS:.*]]: tensor<300x96xf32>)
// CHECK: %[[SPLIT:.*]] = tensor.expand_shape %[[RHS]] {{\[}}[0], [1, 2]] output_shape [300, 3, 32]
// CHECK: %[[PANELS:.*]] = linalg.transpose ins(%[[SPLIT]] : tensor<300x3x32xf32>) outs(%{{.*}} : tensor<3x300x32xf32>) permutation = [1, 0, 2]
// CHECK: %[[E:.*]] = tensor.empty() : tensor<64x3x32xf32>
// CHECK: %[[F:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%[[E]] : tensor<64x3x32xf32>)
// CHECK: %[[R:.*]] = linalg.generic {indexing_maps = [#[[A]], #[[B]], #[[C]]], iterator_types = ["parallel", "parallel", "parallel", "reduction"]}
// CHECK-SAME: ins(%[[LHS]], %[[PANELS]] : tensor<64x300xf32>, tensor<3x300x32xf32>) outs(%[[F]] : tensor<64x3x32xf32>)
// CHECK: arith.mulf
// CHECK: arith.addf
// CHECK: %[[OUT:.*]] = tensor.collapse_shape %[[R]] {{\[}}[0], [1, 2]] : tensor<64x3x32xf32> into tensor<64x96xf32>
// CHECK: return %[[OUT]]
func.func @matmul(%a: tensor<64x300xf32>, %b: tensor<300x96xf32>) -> tensor<64x96xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<64x96xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<64x96xf32>) -> tensor<64x96xf32>
  %r = linalg.matmul ins(%a, %b : tensor<64x300xf32>, tensor<300x96xf32>) outs(%f : tensor<64x96xf32>) -> tensor<64x96xf32>
  return %r : tensor<64x96xf32>
}

// -----

// Transposed constant weights of a single-row dense layer: packed (the copy
// is folded at compile time); a C that is not a fill is reshaped.
// CHECK-LABEL: func.func @dense
// CHECK-SAME: (%[[X:.*]]: tensor<1x40xf32>, %[[C:.*]]: tensor<1x64xf32>)
// CHECK: %[[W:.*]] = arith.constant
// CHECK: %[[SPLIT:.*]] = tensor.expand_shape %[[W]] {{\[}}[0, 1], [2]] output_shape [2, 32, 40]
// CHECK: %[[PANELS:.*]] = linalg.transpose ins(%[[SPLIT]] : tensor<2x32x40xf32>) outs(%{{.*}} : tensor<2x40x32xf32>) permutation = [0, 2, 1]
// CHECK: %[[C3:.*]] = tensor.expand_shape %[[C]] {{\[}}[0], [1, 2]] output_shape [1, 2, 32]
// CHECK: linalg.generic {{.*}} ins(%[[X]], %[[PANELS]] : tensor<1x40xf32>, tensor<2x40x32xf32>) outs(%[[C3]] : tensor<1x2x32xf32>)
func.func @dense(%x: tensor<1x40xf32>, %c: tensor<1x64xf32>) -> tensor<1x64xf32> {
  %w = arith.constant dense<0.5> : tensor<64x40xf32>
  %r = linalg.matmul indexing_maps = [affine_map<(m, n, k) -> (m, k)>, affine_map<(m, n, k) -> (n, k)>, affine_map<(m, n, k) -> (m, n)>]
     ins(%x, %w : tensor<1x40xf32>, tensor<64x40xf32>) outs(%c : tensor<1x64xf32>) -> tensor<1x64xf32>
  return %r : tensor<1x64xf32>
}

// -----

// A variable B with few rows of A is not worth copying; N = 40 has no
// whole panels.
// CHECK-LABEL: func.func @skinny
// CHECK: linalg.matmul
// CHECK-LABEL: func.func @odd
// CHECK: linalg.matmul
func.func @skinny(%x: tensor<2x40xf32>, %w: tensor<40x64xf32>, %c: tensor<2x64xf32>) -> tensor<2x64xf32> {
  %r = linalg.matmul ins(%x, %w : tensor<2x40xf32>, tensor<40x64xf32>) outs(%c : tensor<2x64xf32>) -> tensor<2x64xf32>
  return %r : tensor<2x64xf32>
}
func.func @odd(%a: tensor<64x30xf32>, %b: tensor<30x40xf32>, %c: tensor<64x40xf32>) -> tensor<64x40xf32> {
  %r = linalg.matmul ins(%a, %b : tensor<64x30xf32>, tensor<30x40xf32>) outs(%c : tensor<64x40xf32>) -> tensor<64x40xf32>
  return %r : tensor<64x40xf32>
}
