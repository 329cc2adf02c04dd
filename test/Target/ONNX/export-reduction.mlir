// Export of reductions: ReduceSum takes its axes as an input from opset 13,
// the other Reduce ops keep the attribute up to 17. Without axes every dim is
// reduced (the ONNX default); an empty axes list reduces nothing.

// RUN: %python %S/Inputs/export_all.py tl-translate %s | FileCheck %s
// RUN: %python %S/Inputs/export_all.py tl-translate %s --onnx-export-opset=11 | FileCheck %s --check-prefix=O11

// CHECK-LABEL: model reductions opset 17
// CHECK: init [[AXES:.*]]: int64[2] typed = [0, -1]
// CHECK: node [[SUM:.*]] = ReduceSum(x, [[AXES]]) {keepdims = 0}
// CHECK: node [[MEAN:.*]] = ReduceMean(x) {axes = [1], keepdims = 1}
// CHECK: node [[MAX:.*]] = ReduceMax(x) {keepdims = 0}
// CHECK: node [[MIN:.*]] = ReduceMin(x) {axes = [0], keepdims = 0}
// CHECK: node [[PROD:.*]] = ReduceProd(x) {axes = [-1], keepdims = 1}
// CHECK: node [[ALL:.*]] = ReduceSum(x) {keepdims = 1}
// CHECK: node [[NONE:.*]] = Identity(x)
// O11-LABEL: model reductions opset 11
// O11: node [[SUM:.*]] = ReduceSum(x) {axes = [0, -1], keepdims = 0}
func.func @reductions(%x: tensor<2x3x4xf32> {tl.name = "x"})
    -> (tensor<3xf32>, tensor<2x1x4xf32>, tensor<f32>, tensor<3x4xf32>, tensor<2x3x1xf32>, tensor<1x1x1xf32>, tensor<2x3x4xf32>) {
  %0 = tl.reduce_sum %x {axes = array<i64: 0, -1>, keepdims = false} : (tensor<2x3x4xf32>) -> tensor<3xf32>
  %1 = tl.reduce_mean %x {axes = array<i64: 1>} : (tensor<2x3x4xf32>) -> tensor<2x1x4xf32>
  %2 = tl.reduce_max %x {keepdims = false} : (tensor<2x3x4xf32>) -> tensor<f32>
  %3 = tl.reduce_min %x {axes = array<i64: 0>, keepdims = false} : (tensor<2x3x4xf32>) -> tensor<3x4xf32>
  %4 = tl.reduce_prod %x {axes = array<i64: -1>} : (tensor<2x3x4xf32>) -> tensor<2x3x1xf32>
  %5 = tl.reduce_sum %x : (tensor<2x3x4xf32>) -> tensor<1x1x1xf32>
  %6 = tl.reduce_sum %x {axes = array<i64>} : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %0, %1, %2, %3, %4, %5, %6 : tensor<3xf32>, tensor<2x1x4xf32>, tensor<f32>, tensor<3x4xf32>, tensor<2x3x1xf32>, tensor<1x1x1xf32>, tensor<2x3x4xf32>
}

// -----

// Integer reductions; ArgMax/ArgMin with select_last_index (opset 12),
// before: the first index in the input reversed along the axis, from the back.
// CHECK-LABEL: model arg_reductions opset 17
// CHECK: output output_0: int64[2,1]
// CHECK: output output_1: int64[4]
// CHECK: output output_2: int32[4]
// CHECK: node output_0 = ArgMax(x) {axis = 1, keepdims = 1, select_last_index = 1}
// CHECK: node output_1 = ArgMin(x) {axis = 0, keepdims = 0}
// CHECK: node output_2 = ReduceMax(x) {axes = [0], keepdims = 0}
// O11-LABEL: model arg_reductions opset 11
// O11-DAG: init [[START:.*]]: int64[1] typed = [-1]
// O11-DAG: init [[END:.*]]: int64[1] typed = [-9223372036854775808]
// O11-DAG: init [[AXIS:.*]]: int64[1] typed = [1]
// O11-DAG: init [[LAST:.*]]: int64[] typed = [3]
// O11: node [[REV:.*]] = Slice(x, [[START]], [[END]], [[AXIS]], [[START]])
// O11: node [[IDX:.*]] = ArgMax([[REV]]) {axis = 1, keepdims = 1}
// O11: node output_0 = Sub([[LAST]], [[IDX]])
func.func @arg_reductions(%x: tensor<2x4xi32> {tl.name = "x"}) -> (tensor<2x1xi64>, tensor<4xi64>, tensor<4xi32>) {
  %0 = tl.argmax %x {axis = 1 : i64, select_last_index = true} : (tensor<2x4xi32>) -> tensor<2x1xi64>
  %1 = tl.argmin %x {axis = 0 : i64, keepdims = false} : (tensor<2x4xi32>) -> tensor<4xi64>
  %2 = tl.reduce_max %x {axes = array<i64: 0>, keepdims = false} : (tensor<2x4xi32>) -> tensor<4xi32>
  return %0, %1, %2 : tensor<2x1xi64>, tensor<4xi64>, tensor<4xi32>
}
