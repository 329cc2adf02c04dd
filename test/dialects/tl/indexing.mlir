// RUN: tl-opt %s | tl-opt | FileCheck %s
// RUN: tl-opt %s --mlir-print-op-generic | tl-opt | FileCheck %s

// The indexing ops parse, verify, print and re-parse to the same form.

// CHECK-LABEL: func @gathers
func.func @gathers(%x: tensor<2x?xf32>, %i: tensor<2x3xi64>, %d: tensor<2x2x2xi32>,
                   %j: tensor<2x1xi32>) -> (tensor<2x3xf32>, tensor<2x2xi32>) {
  // CHECK: tl.gather_elements %{{.*}}, %{{.*}} {axis = 1 : i64} : (tensor<2x?xf32>, tensor<2x3xi64>) -> tensor<2x3xf32>
  %0 = tl.gather_elements %x, %i {axis = 1 : i64} : (tensor<2x?xf32>, tensor<2x3xi64>) -> tensor<2x3xf32>
  // CHECK: tl.gather_nd %{{.*}}, %{{.*}} {batch_dims = 1 : i64} : (tensor<2x2x2xi32>, tensor<2x1xi32>) -> tensor<2x2xi32>
  %1 = tl.gather_nd %d, %j {batch_dims = 1 : i64} : (tensor<2x2x2xi32>, tensor<2x1xi32>) -> tensor<2x2xi32>
  return %0, %1 : tensor<2x3xf32>, tensor<2x2xi32>
}

// CHECK-LABEL: func @scatters
func.func @scatters(%x: tensor<4x4x4xf32>, %i: tensor<4x4x2xi64>, %u: tensor<4x4x2xf32>,
                    %k: tensor<2x1xi64>, %v: tensor<2x4x4xf32>) -> (tensor<4x4x4xf32>, tensor<4x4x4xf32>) {
  // CHECK: tl.scatter_elements %{{.*}}, %{{.*}}, %{{.*}} {axis = -1 : i64, reduction = #tl<scatter_reduction max>}
  %0 = tl.scatter_elements %x, %i, %u {axis = -1 : i64, reduction = #tl<scatter_reduction max>}
      : (tensor<4x4x4xf32>, tensor<4x4x2xi64>, tensor<4x4x2xf32>) -> tensor<4x4x4xf32>
  // CHECK: tl.scatter_nd %{{.*}}, %{{.*}}, %{{.*}} {reduction = #tl<scatter_reduction mul>}
  %1 = tl.scatter_nd %x, %k, %v {reduction = #tl<scatter_reduction mul>}
      : (tensor<4x4x4xf32>, tensor<2x1xi64>, tensor<2x4x4xf32>) -> tensor<4x4x4xf32>
  return %0, %1 : tensor<4x4x4xf32>, tensor<4x4x4xf32>
}

// CHECK-LABEL: func @top_k
func.func @top_k(%x: tensor<?x4xi32>) -> (tensor<?x3xi32>, tensor<?x3xi64>) {
  // CHECK: tl.top_k %{{.*}} {axis = 1 : i64, k = 3 : i64, largest = false} : (tensor<?x4xi32>) -> (tensor<?x3xi32>, tensor<?x3xi64>)
  %v, %i = tl.top_k %x {axis = 1 : i64, k = 3 : i64, largest = false}
      : (tensor<?x4xi32>) -> (tensor<?x3xi32>, tensor<?x3xi64>)
  return %v, %i : tensor<?x3xi32>, tensor<?x3xi64>
}

// CHECK-LABEL: func @sequences_and_unpooling
func.func @sequences_and_unpooling(%x: tensor<4x3xf32>, %lens: tensor<4xi32>,
                                   %p: tensor<1x1x2x2xf32>, %pi: tensor<1x1x2x2xi64>)
    -> (tensor<4x3xf32>, tensor<1x1x5x5xf32>) {
  // CHECK: tl.reverse_sequence %{{.*}}, %{{.*}} {batch_axis = 0 : i64, time_axis = 1 : i64}
  %0 = tl.reverse_sequence %x, %lens {batch_axis = 0 : i64, time_axis = 1 : i64}
      : (tensor<4x3xf32>, tensor<4xi32>) -> tensor<4x3xf32>
  // CHECK: tl.max_unpool %{{.*}}, %{{.*}} {output_shape = array<i64: 5, 5>} : (tensor<1x1x2x2xf32>, tensor<1x1x2x2xi64>) -> tensor<1x1x5x5xf32>
  %1 = tl.max_unpool %p, %pi {output_shape = array<i64: 5, 5>}
      : (tensor<1x1x2x2xf32>, tensor<1x1x2x2xi64>) -> tensor<1x1x5x5xf32>
  return %0, %1 : tensor<4x3xf32>, tensor<1x1x5x5xf32>
}

// CHECK-LABEL: func @shifts
func.func @shifts(%x: tensor<3xui16>, %s: tensor<1xui16>) -> (tensor<3xui16>, tensor<3xui16>) {
  // CHECK: tl.shift_left %{{.*}}, %{{.*}} : (tensor<3xui16>, tensor<1xui16>) -> tensor<3xui16>
  %0 = tl.shift_left %x, %s : (tensor<3xui16>, tensor<1xui16>) -> tensor<3xui16>
  // CHECK: tl.shift_right
  %1 = tl.shift_right %x, %s : (tensor<3xui16>, tensor<1xui16>) -> tensor<3xui16>
  return %0, %1 : tensor<3xui16>, tensor<3xui16>
}
