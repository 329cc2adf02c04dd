// RUN: tl-opt %s | tl-opt | FileCheck %s

// Round trip of the loss ops; the printed result types are the inferred ones.

// CHECK-LABEL: func.func @nll_loss
// CHECK-SAME: (%[[X:[^:]*]]: tensor<3x5x2xf32>, %[[T:[^:]*]]: tensor<3x2xi64>, %[[W:[^:]*]]: tensor<5xf32>)
func.func @nll_loss(%x: tensor<3x5x2xf32>, %t: tensor<3x2xi64>, %w: tensor<5xf32>)
    -> (tensor<f32>, tensor<3x2xf32>, tensor<f32>) {
  // CHECK: tl.nll_loss %[[X]], %[[T]], %[[W]] {ignore_index = -1 : i64, reduction = #tl<loss_reduction sum>} : (tensor<3x5x2xf32>, tensor<3x2xi64>, tensor<5xf32>) -> tensor<f32>
  %0 = tl.nll_loss %x, %t, %w {ignore_index = -1 : i64, reduction = #tl<loss_reduction sum>} : (tensor<3x5x2xf32>, tensor<3x2xi64>, tensor<5xf32>) -> tensor<f32>
  // CHECK: tl.nll_loss %[[X]], %[[T]] {reduction = #tl<loss_reduction none>} : (tensor<3x5x2xf32>, tensor<3x2xi64>) -> tensor<3x2xf32>
  %1 = tl.nll_loss %x, %t {reduction = #tl<loss_reduction none>} : (tensor<3x5x2xf32>, tensor<3x2xi64>) -> tensor<3x2xf32>
  // mean is the default and is not printed.
  // CHECK: tl.nll_loss %[[X]], %[[T]] : (tensor<3x5x2xf32>, tensor<3x2xi64>) -> tensor<f32>
  %2 = tl.nll_loss %x, %t {reduction = #tl<loss_reduction mean>} : (tensor<3x5x2xf32>, tensor<3x2xi64>) -> tensor<f32>
  return %0, %1, %2 : tensor<f32>, tensor<3x2xf32>, tensor<f32>
}

// CHECK-LABEL: func.func @nll_loss_dynamic
func.func @nll_loss_dynamic(%x: tensor<?x?xf16>, %t: tensor<4xi32>) -> tensor<?xf16> {
  // CHECK: tl.nll_loss %{{.*}}, %{{.*}} {reduction = #tl<loss_reduction none>} : (tensor<?x?xf16>, tensor<4xi32>) -> tensor<?xf16>
  %0 = tl.nll_loss %x, %t {reduction = #tl<loss_reduction none>} : (tensor<?x?xf16>, tensor<4xi32>) -> tensor<?xf16>
  return %0 : tensor<?xf16>
}
