// Export of tl.nll_loss as NegativeLogLikelihoodLoss (opset 12 on) and of
// tl.trilu / tl.cumsum as Trilu (opset 14 on) / CumSum with an int64 axis.

// RUN: %python %S/Inputs/export_all.py tl-translate %s | FileCheck %s
// RUN: %python %S/Inputs/export_all.py tl-translate %s --onnx-export-opset=12 | FileCheck %s --check-prefix=O12
// RUN: %python %S/Inputs/export_all.py tl-translate %s --onnx-export-opset=11 | FileCheck %s --check-prefix=O11

// export-all: min-opset 12
// CHECK-LABEL: model losses opset 17
// CHECK: node [[SUM:.*]] = NegativeLogLikelihoodLoss(x, t, w) {ignore_index = -1, reduction = "sum"}
// CHECK: node [[NONE:.*]] = NegativeLogLikelihoodLoss(x, t) {reduction = "none"}
// CHECK: node [[LP:.*]] = LogSoftmax(x) {axis = 1}
// CHECK: node [[MEAN:.*]] = NegativeLogLikelihoodLoss([[LP]], t) {reduction = "mean"}
// O12-LABEL: model losses opset 12
// O12: NegativeLogLikelihoodLoss(x, t, w) {ignore_index = -1, reduction = "sum"}
func.func @losses(%x: tensor<3x5x2xf32> {tl.name = "x"}, %t: tensor<3x2xi64> {tl.name = "t"}, %w: tensor<5xf32> {tl.name = "w"})
    -> (tensor<f32>, tensor<3x2xf32>, tensor<f32>) {
  %0 = tl.nll_loss %x, %t, %w {ignore_index = -1 : i64, reduction = #tl<loss_reduction sum>} : (tensor<3x5x2xf32>, tensor<3x2xi64>, tensor<5xf32>) -> tensor<f32>
  %1 = tl.nll_loss %x, %t {reduction = #tl<loss_reduction none>} : (tensor<3x5x2xf32>, tensor<3x2xi64>) -> tensor<3x2xf32>
  %lp = tl.log_softmax %x {axis = 1 : i64} : tensor<3x5x2xf32>
  %2 = tl.nll_loss %lp, %t : (tensor<3x5x2xf32>, tensor<3x2xi64>) -> tensor<f32>
  return %0, %1, %2 : tensor<f32>, tensor<3x2xf32>, tensor<f32>
}

// -----

// Before opset 14, Trilu is Where(not(col - row < k), x, 0) (upper) or
// Where(not(col - row > k), x, 0) (lower) with a constant matrix of col - row.
// CHECK-LABEL: model positional opset 17
// CHECK: init [[AXIS:.*]]: int64[] typed = [-1]
// CHECK: node [[UP:.*]] = Trilu(x, k)
// CHECK: node [[LO:.*]] = Trilu(x) {upper = 0}
// CHECK: node [[CS:.*]] = CumSum(x, [[AXIS]]) {exclusive = 1, reverse = 1}
// O11-LABEL: model positional opset 11
// O11: init [[OFFSETS:.*]]: int64[3,4] typed = [0, 1, 2, 3, -1, 0, 1, 2, -2, -1, 0, 1]
// O11: init [[ZERO:.*]]: float[] typed = [0]
// O11: init [[K0:.*]]: int64[] typed = [0]
// O11: node [[LT:.*]] = Less([[OFFSETS]], k)
// O11: node [[KEEP:.*]] = Not([[LT]])
// O11: node output_0 = Where([[KEEP]], x, [[ZERO]])
// O11: node [[GT:.*]] = Greater([[OFFSETS]], [[K0]])
// O11: node [[KEEP2:.*]] = Not([[GT]])
// O11: node output_1 = Where([[KEEP2]], x, [[ZERO]])
// O11: node output_2 = CumSum(x, {{.*}}) {exclusive = 1, reverse = 1}
func.func @positional(%x: tensor<2x3x4xf32> {tl.name = "x"}, %k: tensor<i64> {tl.name = "k"})
    -> (tensor<2x3x4xf32>, tensor<2x3x4xf32>, tensor<2x3x4xf32>) {
  %0 = tl.trilu %x, %k : (tensor<2x3x4xf32>, tensor<i64>) -> tensor<2x3x4xf32>
  %1 = tl.trilu %x {upper = false} : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  %2 = tl.cumsum %x {axis = -1 : i64, exclusive = true, reverse = true} : tensor<2x3x4xf32>
  return %0, %1, %2 : tensor<2x3x4xf32>, tensor<2x3x4xf32>, tensor<2x3x4xf32>
}
