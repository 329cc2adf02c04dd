// RUN: tl-opt %s | tl-opt | FileCheck %s

// CHECK-LABEL: func.func @trilu
// CHECK-SAME: (%[[X:[^:]*]]: tensor<2x4x5xf32>, %[[K:[^:]*]]: tensor<i64>, %[[B:[^:]*]]: tensor<?x3xi1>)
func.func @trilu(%x: tensor<2x4x5xf32>, %k: tensor<i64>, %b: tensor<?x3xi1>)
    -> (tensor<2x4x5xf32>, tensor<2x4x5xf32>, tensor<?x3xi1>) {
  // upper is the default and is not printed.
  // CHECK: tl.trilu %[[X]], %[[K]] : (tensor<2x4x5xf32>, tensor<i64>) -> tensor<2x4x5xf32>
  %0 = tl.trilu %x, %k {upper = true} : (tensor<2x4x5xf32>, tensor<i64>) -> tensor<2x4x5xf32>
  // CHECK: tl.trilu %[[X]] {upper = false} : (tensor<2x4x5xf32>) -> tensor<2x4x5xf32>
  %1 = tl.trilu %x {upper = false} : (tensor<2x4x5xf32>) -> tensor<2x4x5xf32>
  // CHECK: tl.trilu %[[B]] : (tensor<?x3xi1>) -> tensor<?x3xi1>
  %2 = tl.trilu %b : (tensor<?x3xi1>) -> tensor<?x3xi1>
  return %0, %1, %2 : tensor<2x4x5xf32>, tensor<2x4x5xf32>, tensor<?x3xi1>
}

// CHECK-LABEL: func.func @cumsum
func.func @cumsum(%x: tensor<2x3xf32>, %i: tensor<?xui32>) -> (tensor<2x3xf32>, tensor<?xui32>) {
  // CHECK: tl.cumsum %{{.*}} {axis = -1 : i64, exclusive = true, reverse = true} : tensor<2x3xf32>
  %0 = tl.cumsum %x {axis = -1 : i64, exclusive = true, reverse = true} : tensor<2x3xf32>
  // CHECK: tl.cumsum %{{.*}} : tensor<?xui32>
  %1 = tl.cumsum %i {axis = 0 : i64} : tensor<?xui32>
  return %0, %1 : tensor<2x3xf32>, tensor<?xui32>
}
