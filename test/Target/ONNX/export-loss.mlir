// Export of tl.nll_loss as NegativeLogLikelihoodLoss (its function body
// before opset 12) and of
// tl.trilu / tl.cumsum as Trilu (opset 14 on) / CumSum with an int64 axis.

// RUN: %python %S/Inputs/export_all.py tl-translate %s | FileCheck %s
// RUN: %python %S/Inputs/export_all.py tl-translate %s --onnx-export-opset=12 | FileCheck %s --check-prefix=O12
// RUN: %python %S/Inputs/export_all.py tl-translate %s --onnx-export-opset=11 | FileCheck %s --check-prefix=O11

// CHECK-LABEL: model losses opset 17
// CHECK: node [[SUM:.*]] = NegativeLogLikelihoodLoss(x, t, w) {ignore_index = -1, reduction = "sum"}
// CHECK: node [[NONE:.*]] = NegativeLogLikelihoodLoss(x, t) {reduction = "none"}
// CHECK: node [[LP:.*]] = LogSoftmax(x) {axis = 1}
// CHECK: node [[MEAN:.*]] = NegativeLogLikelihoodLoss([[LP]], t) {reduction = "mean"}
// CHECK: node [[MEAN_II:.*]] = NegativeLogLikelihoodLoss(x, t) {ignore_index = 4, reduction = "mean"}
// Before opset 12: the function body, ignored targets replaced by 0 before
// GatherElements/Gather and their loss and weight set to 0; mean divides by
// the summed weights.
// O11-LABEL: model losses opset 11
// O11: node [[IGN:.*]] = Equal(t, [[II:.*]])
// O11: node [[SAFE:.*]] = Where([[IGN]], [[ZERO_I:.*]], t)
// O11: node [[IDX:.*]] = Unsqueeze([[SAFE]]) {axes = [1]}
// O11: node [[G:.*]] = GatherElements(x, [[IDX]]) {axis = 1}
// O11: node [[P:.*]] = Squeeze([[G]]) {axes = [1]}
// O11: node [[NEG:.*]] = Neg([[P]])
// O11: node [[W:.*]] = Gather(w, [[SAFE]])
// O11: node [[L:.*]] = Mul([[NEG]], [[W]])
// O11: node [[LZ:.*]] = Where([[IGN]], [[ZERO_F:.*]], [[L]])
// O11: node [[WZ:.*]] = Where([[IGN]], [[ZERO_F]], [[W]])
// O11: node output_0 = ReduceSum([[LZ]]) {keepdims = 0}
// O11: node [[IDX2:.*]] = Unsqueeze(t) {axes = [1]}
// O11: node [[G2:.*]] = GatherElements(x, [[IDX2]]) {axis = 1}
// O11: node [[P2:.*]] = Squeeze([[G2]]) {axes = [1]}
// O11: node [[NEG2:.*]] = Neg([[P2]])
// O11: node output_1 = Identity([[NEG2]])
// O11: node [[LP:.*]] = Transpose(x)
// O11: node [[NEG3:.*]] = Neg(
// O11: node output_2 = ReduceMean([[NEG3]]) {keepdims = 0}
// O11: node [[IGN4:.*]] = Equal(t, [[II4:.*]])
// O11: node [[NEG4:.*]] = Neg(
// O11: node [[LZ4:.*]] = Where([[IGN4]], [[ZERO4:.*]], [[NEG4]])
// O11: node [[KEEP:.*]] = Not([[IGN4]])
// O11: node [[W4:.*]] = Cast([[KEEP]]) {to = 1}
// O11: node [[S4:.*]] = ReduceSum([[LZ4]]) {keepdims = 0}
// O11: node [[N4:.*]] = ReduceSum([[W4]]) {keepdims = 0}
// O11: node output_3 = Div([[S4]], [[N4]])
// O12-LABEL: model losses opset 12
// O12: NegativeLogLikelihoodLoss(x, t, w) {ignore_index = -1, reduction = "sum"}
func.func @losses(%x: tensor<3x5x2xf32> {tl.name = "x"}, %t: tensor<3x2xi64> {tl.name = "t"}, %w: tensor<5xf32> {tl.name = "w"})
    -> (tensor<f32>, tensor<3x2xf32>, tensor<f32>, tensor<f32>) {
  %0 = tl.nll_loss %x, %t, %w {ignore_index = -1 : i64, reduction = #tl<loss_reduction sum>} : (tensor<3x5x2xf32>, tensor<3x2xi64>, tensor<5xf32>) -> tensor<f32>
  %1 = tl.nll_loss %x, %t {reduction = #tl<loss_reduction none>} : (tensor<3x5x2xf32>, tensor<3x2xi64>) -> tensor<3x2xf32>
  %lp = tl.log_softmax %x {axis = 1 : i64} : tensor<3x5x2xf32>
  %2 = tl.nll_loss %lp, %t : (tensor<3x5x2xf32>, tensor<3x2xi64>) -> tensor<f32>
  %3 = tl.nll_loss %x, %t {ignore_index = 4 : i64} : (tensor<3x5x2xf32>, tensor<3x2xi64>) -> tensor<f32>
  return %0, %1, %2, %3 : tensor<f32>, tensor<3x2xf32>, tensor<f32>, tensor<f32>
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
