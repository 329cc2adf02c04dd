// Export of gathers, scatters, TopK (k an int64 initializer), ReverseSequence,
// MaxUnpool (the full output shape as its third input) and BitShift.
// GatherND batch_dims needs opset 12, which opset 11 rejects.

// RUN: %python %S/Inputs/export_all.py tl-translate %s | FileCheck %s
// RUN: not tl-translate --export-onnx %s --onnx-export-opset=11 -o /dev/null 2>&1 | FileCheck %s --check-prefix=O11

// CHECK-LABEL: model indexing opset 17
// CHECK-DAG: init [[K:.*]]: int64[1] typed = [2]
// CHECK-DAG: init [[SHAPE:.*]]: int64[4] typed = [1, 1, 4, 4]
// CHECK: node ge = GatherElements(x, i) {axis = 1}
// CHECK: node gnd = GatherND(d, j) {batch_dims = 1}
// CHECK: node se = ScatterElements(x, i, u) {axis = 1, reduction = "add"}
// CHECK: node snd = ScatterND(x, k, v) {reduction = "mul"}
// CHECK: node tv, ti = TopK(x, [[K]]) {axis = 1, largest = 0}
// CHECK: node rev = ReverseSequence(x, lens) {batch_axis = 0, time_axis = 1}
// CHECK: node up = MaxUnpool(p, pi, [[SHAPE]]) {kernel_shape = [1, 1]}
// CHECK: node shl = BitShift(b, c) {direction = "LEFT"}
// CHECK: node shr = BitShift(b, c) {direction = "RIGHT"}
// O11: error: cannot export 'tl.gather_nd' at ONNX opset 11: batch_dims needs opset 12
func.func @indexing(%x: tensor<3x4xf32> {tl.name = "x"}, %i: tensor<3x2xi64> {tl.name = "i"},
                    %u: tensor<3x2xf32> {tl.name = "u"}, %d: tensor<2x2x2xi32> {tl.name = "d"},
                    %j: tensor<2x1xi64> {tl.name = "j"}, %k: tensor<2x1xi64> {tl.name = "k"},
                    %v: tensor<2x4xf32> {tl.name = "v"}, %lens: tensor<3xi64> {tl.name = "lens"},
                    %p: tensor<1x1x2x2xf32> {tl.name = "p"}, %pi: tensor<1x1x2x2xi64> {tl.name = "pi"},
                    %b: tensor<3xui8> {tl.name = "b"}, %c: tensor<3xui8> {tl.name = "c"})
    -> (tensor<3x2xf32> {tl.name = "ge"}, tensor<2x2xi32> {tl.name = "gnd"},
        tensor<3x4xf32> {tl.name = "se"}, tensor<3x4xf32> {tl.name = "snd"},
        tensor<3x2xf32> {tl.name = "tv"}, tensor<3x2xi64> {tl.name = "ti"},
        tensor<3x4xf32> {tl.name = "rev"}, tensor<1x1x4x4xf32> {tl.name = "up"},
        tensor<3xui8> {tl.name = "shl"}, tensor<3xui8> {tl.name = "shr"}) {
  %0 = tl.gather_elements %x, %i {axis = 1 : i64} : (tensor<3x4xf32>, tensor<3x2xi64>) -> tensor<3x2xf32>
  %1 = tl.gather_nd %d, %j {batch_dims = 1 : i64} : (tensor<2x2x2xi32>, tensor<2x1xi64>) -> tensor<2x2xi32>
  %2 = tl.scatter_elements %x, %i, %u {axis = 1 : i64, reduction = #tl<scatter_reduction add>}
      : (tensor<3x4xf32>, tensor<3x2xi64>, tensor<3x2xf32>) -> tensor<3x4xf32>
  %3 = tl.scatter_nd %x, %k, %v {reduction = #tl<scatter_reduction mul>}
      : (tensor<3x4xf32>, tensor<2x1xi64>, tensor<2x4xf32>) -> tensor<3x4xf32>
  %tv, %ti = tl.top_k %x {axis = 1 : i64, k = 2 : i64, largest = false}
      : (tensor<3x4xf32>) -> (tensor<3x2xf32>, tensor<3x2xi64>)
  %4 = tl.reverse_sequence %x, %lens {batch_axis = 0 : i64, time_axis = 1 : i64}
      : (tensor<3x4xf32>, tensor<3xi64>) -> tensor<3x4xf32>
  %5 = tl.max_unpool %p, %pi {output_shape = array<i64: 4, 4>}
      : (tensor<1x1x2x2xf32>, tensor<1x1x2x2xi64>) -> tensor<1x1x4x4xf32>
  %6 = tl.shift_left %b, %c : (tensor<3xui8>, tensor<3xui8>) -> tensor<3xui8>
  %7 = tl.shift_right %b, %c : (tensor<3xui8>, tensor<3xui8>) -> tensor<3xui8>
  return %0, %1, %2, %3, %tv, %ti, %4, %5, %6, %7
      : tensor<3x2xf32>, tensor<2x2xi32>, tensor<3x4xf32>, tensor<3x4xf32>, tensor<3x2xf32>,
        tensor<3x2xi64>, tensor<3x4xf32>, tensor<1x1x4x4xf32>, tensor<3xui8>, tensor<3xui8>
}
