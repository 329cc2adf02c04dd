// RUN: tl-opt %s --tl-infer-shapes --split-input-file --verify-diagnostics | FileCheck %s

// Static sizes from a specialized input reach every op and the signature.
// CHECK-LABEL: func @propagate_batch
// CHECK-SAME: -> tensor<4x10xf32>
// CHECK: tl.dense {{.*}} -> tensor<4x32xf32>
// CHECK: tl.relu {{.*}} : tensor<4x32xf32>
// CHECK: tl.dense {{.*}} -> tensor<4x10xf32>
// CHECK: tl.softmax {{.*}} : tensor<4x10xf32>
// CHECK: return {{.*}} : tensor<4x10xf32>
func.func @propagate_batch(%x: tensor<4x16xf32>, %w1: tensor<16x32xf32>, %w2: tensor<32x10xf32>) -> tensor<?x10xf32> {
  %0 = tl.dense %x, %w1 : (tensor<4x16xf32>, tensor<16x32xf32>) -> tensor<?x32xf32>
  %1 = tl.relu %0 : tensor<?x32xf32>
  %2 = tl.dense %1, %w2 : (tensor<?x32xf32>, tensor<32x10xf32>) -> tensor<?x10xf32>
  %3 = tl.softmax %2 : tensor<?x10xf32>
  return %3 : tensor<?x10xf32>
}

// -----

// Dims stay dynamic where nothing determines them; written static dims stay.
// CHECK-LABEL: func @keep_written
// CHECK: tl.add {{.*}} -> tensor<?x3xf32>
// CHECK: tl.reshape {{.*}} -> tensor<?x3xf32>
func.func @keep_written(%x: tensor<?x3xf32>, %y: tensor<3xf32>) -> tensor<?x3xf32> {
  %0 = tl.add %x, %y : (tensor<?x3xf32>, tensor<3xf32>) -> tensor<?x3xf32>
  %1 = tl.reshape %0 {new_shape = array<i64: -1, 3>} : (tensor<?x3xf32>) -> tensor<?x3xf32>
  return %1 : tensor<?x3xf32>
}

// -----

// Multi-result ops are refined result by result.
// CHECK-LABEL: func @split_refined
// CHECK: tl.split {{.*}} -> (tensor<5x2xf32>, tensor<5x4xf32>)
func.func @split_refined(%x: tensor<5x6xf32>) -> (tensor<?x2xf32>, tensor<?x4xf32>) {
  %0:2 = tl.split %x {axis = 1 : i64, sizes = array<i64: 2, 4>} : (tensor<5x6xf32>) -> (tensor<?x2xf32>, tensor<?x4xf32>)
  return %0#0, %0#1 : tensor<?x2xf32>, tensor<?x4xf32>
}
