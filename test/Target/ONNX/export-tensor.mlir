// Export of data movement and shape ops. Shapes, axes, pads and sizes are
// int64 initializers; Squeeze/Unsqueeze axes and Split sizes are inputs from
// opset 13 (attributes before), Pad's pads and value from 11, Dropout's
// ratio from 12. Resize has an empty roi (and empty scales with sizes) at
// opsets 11 and 12, where those inputs are required.

// RUN: %python %S/Inputs/export_all.py tl-translate %s | FileCheck %s
// RUN: %python %S/Inputs/export_all.py tl-translate %s --onnx-export-opset=11 | FileCheck %s --check-prefix=O11

// CHECK-LABEL: model shapes opset 17
// CHECK: input x: float[x_dim0,3,4]
// CHECK: output y: float[y_dim0,1]
// Equal constants are one initializer.
// CHECK-DAG: init [[SHAPE:.*]]: int64[2] typed = [0, -1]
// CHECK-DAG: init [[SQ:.*]]: int64[1] typed = [1]
// CHECK-DAG: init [[SQ2:.*]]: int64[2] typed = [0, 2]
// CHECK: node [[R:.*]] = Reshape(x, [[SHAPE]])
// CHECK: node [[F:.*]] = Flatten([[R]]) {axis = 0}
// CHECK: node [[U:.*]] = Unsqueeze([[F]], [[SHAPE]])
// CHECK: node [[S:.*]] = Squeeze([[U]], [[SQ]])
// tl.squeeze without axes removes the static size-1 dims only.
// CHECK: node [[S2:.*]] = Squeeze([[S]], [[SQ2]])
// CHECK: node [[U2:.*]] = Unsqueeze([[S2]], [[U0:.*]])
// CHECK: node y = Transpose([[U2]]) {perm = [1, 0]}
// O11-LABEL: model shapes opset 11
// O11: node [[U:.*]] = Unsqueeze({{.*}}) {axes = [0, -1]}
// O11: node [[S:.*]] = Squeeze([[U]]) {axes = [1]}
// O11: node [[S2:.*]] = Squeeze([[S]]) {axes = [0, 2]}
func.func @shapes(%x: tensor<?x3x4xf32> {tl.name = "x"}) -> (tensor<?x1xf32> {tl.name = "y"}) {
  %0 = tl.reshape %x {new_shape = array<i64: 0, -1>} : (tensor<?x3x4xf32>) -> tensor<?x12xf32>
  %1 = tl.flatten %0 {axis = 0 : i64} : (tensor<?x12xf32>) -> tensor<1x?xf32>
  %2 = tl.unsqueeze %1 {axes = array<i64: 0, -1>} : (tensor<1x?xf32>) -> tensor<1x1x?x1xf32>
  %3 = tl.squeeze %2 {axes = array<i64: 1>} : (tensor<1x1x?x1xf32>) -> tensor<1x?x1xf32>
  %4 = tl.squeeze %3 : (tensor<1x?x1xf32>) -> tensor<?xf32>
  %5 = tl.unsqueeze %4 {axes = array<i64: 0>} : (tensor<?xf32>) -> tensor<1x?xf32>
  %6 = tl.transpose %5 : (tensor<1x?xf32>) -> tensor<?x1xf32>
  return %6 : tensor<?x1xf32>
}

// -----

// CHECK-LABEL: model split_concat opset 17
// CHECK: init [[SIZES:.*]]: int64[2] typed = [1, 3]
// CHECK: node [[A:.*]], [[B:.*]] = Split(x, [[SIZES]]) {axis = 1}
// CHECK: node y = Concat([[B]], [[A]], x) {axis = -1}
// O11-LABEL: model split_concat opset 11
// O11: node [[A:.*]], [[B:.*]] = Split(x) {axis = 1, split = [1, 3]}
func.func @split_concat(%x: tensor<2x4xf32> {tl.name = "x"}) -> (tensor<2x8xf32> {tl.name = "y"}) {
  %a, %b = tl.split %x {axis = 1 : i64, sizes = array<i64: 1, 3>} : (tensor<2x4xf32>) -> (tensor<2x1xf32>, tensor<2x3xf32>)
  %0 = tl.concat %b, %a, %x {axis = -1 : i64} : (tensor<2x3xf32>, tensor<2x1xf32>, tensor<2x4xf32>) -> tensor<2x8xf32>
  return %0 : tensor<2x8xf32>
}

// -----

// CHECK-LABEL: model slice_pad opset 17
// CHECK-DAG: init [[STARTS:.*]]: int64[2] typed = [-1, 1]
// CHECK-DAG: init [[ENDS:.*]]: int64[2] typed = [-9223372036854775807, 4]
// CHECK-DAG: init [[AXES:.*]]: int64[2] typed = [1, 0]
// CHECK-DAG: init [[STEPS:.*]]: int64[2] typed = [-2, 1]
// CHECK-DAG: init [[ONE:.*]]: int64[1] typed = [1]
// CHECK-DAG: init [[PADS:.*]]: int64[4] typed = [1, 0, 0, 2]
// CHECK-DAG: init [[VALUE:.*]]: float[] typed = [1.5]
// CHECK: node [[S1:.*]] = Slice(x, [[STARTS]], [[ENDS]], [[AXES]], [[STEPS]])
// CHECK: node [[S2:.*]] = Slice([[S1]], [[ONE]], [[ENDS2:.*]])
// CHECK: node [[P1:.*]] = Pad([[S2]], [[PADS]], [[VALUE]]) {mode = "constant"}
// CHECK: node [[P2:.*]] = Pad([[P1]], [[PADS]]) {mode = "reflect"}
// CHECK: node [[P3:.*]] = Pad([[P2]], [[PADS]]) {mode = "edge"}
// CHECK: node [[S3:.*]] = Slice([[P3]],
// CHECK: node y = Pad([[S3]], [[PADS3:.*]]) {mode = "constant"}
func.func @slice_pad(%x: tensor<5x6xf32> {tl.name = "x"}) -> (tensor<8x7xf32> {tl.name = "y"}) {
  %0 = tl.slice %x {starts = array<i64: -1, 1>, ends = array<i64: -9223372036854775807, 4>, axes = array<i64: 1, 0>, steps = array<i64: -2, 1>}
      : (tensor<5x6xf32>) -> tensor<3x3xf32>
  %1 = tl.slice %0 {starts = array<i64: 1>, ends = array<i64: 3>} : (tensor<3x3xf32>) -> tensor<2x3xf32>
  %2 = tl.pad %1 {pads = array<i64: 1, 0, 0, 2>, value = 1.5 : f64} : (tensor<2x3xf32>) -> tensor<3x5xf32>
  %3 = tl.pad %2 {pads = array<i64: 1, 0, 0, 2>, mode = #tl<pad_mode reflect>} : (tensor<3x5xf32>) -> tensor<4x7xf32>
  %4 = tl.pad %3 {pads = array<i64: 1, 0, 0, 2>, mode = #tl<pad_mode edge>} : (tensor<4x7xf32>) -> tensor<5x9xf32>
  %5 = tl.slice %4 {starts = array<i64: 0>, ends = array<i64: 7>, axes = array<i64: 1>} : (tensor<5x9xf32>) -> tensor<5x7xf32>
  %6 = tl.pad %5 {pads = array<i64: 3, 0, 0, 0>} : (tensor<5x7xf32>) -> tensor<8x7xf32>
  return %6 : tensor<8x7xf32>
}

// -----

// CHECK-LABEL: model gather_expand opset 17
// CHECK: input ids: int64[batch,3]
// ONNX shape inference loses the batch dim at Tile: the output's is named
// after it.
// CHECK: output y: float[y_dim0,6,4]
// CHECK: node [[E:.*]] = Gather(table, ids) {axis = 0}
// CHECK: node [[X:.*]] = Expand([[E]], [[SHAPE:.*]])
// CHECK: node y = Tile([[X]], [[REPEATS:.*]])
func.func @gather_expand(%table: tensor<10x4xf32> {tl.name = "table"}, %ids: tensor<?x3xi64> {tl.name = "ids", tl.dim_names = ["batch", ""]})
    -> (tensor<?x6x4xf32> {tl.name = "y"}) {
  %0 = tl.gather %table, %ids {axis = 0 : i64} : (tensor<10x4xf32>, tensor<?x3xi64>) -> tensor<?x3x4xf32>
  %1 = tl.expand %0 {shape = array<i64: 1, 3, 1>} : (tensor<?x3x4xf32>) -> tensor<?x3x4xf32>
  %2 = tl.tile %1 {repeats = array<i64: 1, 2, 1>} : (tensor<?x3x4xf32>) -> tensor<?x6x4xf32>
  return %2 : tensor<?x6x4xf32>
}

// -----

// CHECK-LABEL: model pixel_shuffle opset 17
// CHECK: node [[D:.*]] = DepthToSpace(x) {blocksize = 2, mode = "CRD"}
// CHECK: node [[D2:.*]] = DepthToSpace([[S:.*]]) {blocksize = 2, mode = "DCR"}
// CHECK: node y = SpaceToDepth([[D2]]) {blocksize = 2}
func.func @pixel_shuffle(%x: tensor<1x8x3x3xf32> {tl.name = "x"}) -> (tensor<1x8x3x3xf32> {tl.name = "y"}) {
  %0 = tl.depth_to_space %x {blocksize = 2 : i64, mode = #tl<depth_to_space_mode CRD>} : (tensor<1x8x3x3xf32>) -> tensor<1x2x6x6xf32>
  %1 = tl.space_to_depth %0 {blocksize = 2 : i64} : (tensor<1x2x6x6xf32>) -> tensor<1x8x3x3xf32>
  %2 = tl.depth_to_space %1 {blocksize = 2 : i64} : (tensor<1x8x3x3xf32>) -> tensor<1x2x6x6xf32>
  %3 = tl.space_to_depth %2 {blocksize = 2 : i64} : (tensor<1x2x6x6xf32>) -> tensor<1x8x3x3xf32>
  return %3 : tensor<1x8x3x3xf32>
}

// -----

// Resize: scales (f32) or sizes; nearest_mode only in nearest mode.
// CHECK-LABEL: model resize opset 17
// CHECK-DAG: init [[SCALES:.*]]: float[4] typed = [1, 1, 2, 1.5]
// CHECK-DAG: init [[SIZES:.*]]: int64[4] typed = [1, 2, 3, 5]
// CHECK: node [[R1:.*]] = Resize(x, , [[SCALES]]) {coordinate_transformation_mode = "asymmetric", mode = "nearest", nearest_mode = "floor"}
// CHECK: node y = Resize([[R1]], , , [[SIZES]]) {coordinate_transformation_mode = "align_corners", mode = "linear"}
// O11-LABEL: model resize opset 11
// O11: init [[EMPTY:.*]]: float[0] typed = []
// O11: node [[R1:.*]] = Resize(x, [[EMPTY]], [[SCALES:.*]]) {coordinate_transformation_mode = "asymmetric", mode = "nearest", nearest_mode = "floor"}
// O11: node y = Resize([[R1]], [[EMPTY]], [[EMPTY]], [[SIZES:.*]]) {coordinate_transformation_mode = "align_corners", mode = "linear"}
func.func @resize(%x: tensor<1x2x4x4xf32> {tl.name = "x"}) -> (tensor<1x2x3x5xf32> {tl.name = "y"}) {
  %0 = tl.resize %x {scales = array<f64: 1.0, 1.0, 2.0, 1.5>, coordinate_transform = #tl<coordinate_transform asymmetric>, nearest_mode = #tl<nearest_mode floor>}
      : (tensor<1x2x4x4xf32>) -> tensor<1x2x8x6xf32>
  %1 = tl.resize %0 {mode = #tl<resize_mode linear>, sizes = array<i64: 1, 2, 3, 5>, coordinate_transform = #tl<coordinate_transform align_corners>}
      : (tensor<1x2x8x6xf32>) -> tensor<1x2x3x5xf32>
  return %1 : tensor<1x2x3x5xf32>
}

// -----

// Cubic attributes, and tf_crop_and_resize's roi (an f32 input) and
// extrapolation value.
// CHECK-LABEL: model resize_cubic_crop opset 17
// CHECK-DAG: init [[ROI:.*]]: float[8] typed = [0, 0, 0.25, 0.25, 1, 1, 0.75, 0.75]
// CHECK: node [[R1:.*]] = Resize(x, , [[S1:.*]]) {coordinate_transformation_mode = "half_pixel", cubic_coeff_a = -0.5, exclude_outside = 1, mode = "cubic"}
// CHECK: node y = Resize([[R1]], [[ROI]], [[S2:.*]]) {coordinate_transformation_mode = "tf_crop_and_resize", extrapolation_value = 10, mode = "linear"}
func.func @resize_cubic_crop(%x: tensor<1x1x4x4xf32> {tl.name = "x"}) -> (tensor<1x1x6x6xf32> {tl.name = "y"}) {
  %0 = tl.resize %x {mode = #tl<resize_mode cubic>, scales = array<f64: 1.0, 1.0, 1.5, 1.5>, cubic_coeff_a = -0.5, exclude_outside = true}
      : (tensor<1x1x4x4xf32>) -> tensor<1x1x6x6xf32>
  %1 = tl.resize %0 {mode = #tl<resize_mode linear>, scales = array<f64: 1.0, 1.0, 1.0, 1.0>,
                     coordinate_transform = #tl<coordinate_transform tf_crop_and_resize>,
                     roi = array<f64: 0.0, 0.0, 0.25, 0.25, 1.0, 1.0, 0.75, 0.75>, extrapolation_value = 10.0}
      : (tensor<1x1x6x6xf32>) -> tensor<1x1x6x6xf32>
  return %1 : tensor<1x1x6x6xf32>
}

// -----

// A scale rounded to f32 is nudged until floor(in * scale) in f32 is the
// size tl computed: 13 / 11 rounds down to 1.1818181 in f32, which gives 12
// (ONNX shape inference, run strictly by export_all.py, checks the size).
// CHECK-LABEL: model resize_nudge opset 17
// CHECK: output y: float[2,13]
// CHECK: init [[SCALES:.*]]: float[2] typed = [1, 1.181818]
func.func @resize_nudge(%x: tensor<2x11xf32> {tl.name = "x"}) -> (tensor<2x13xf32> {tl.name = "y"}) {
  %0 = tl.resize %x {scales = array<f64: 1.0, 1.1818181818181819>} : (tensor<2x11xf32>) -> tensor<2x13xf32>
  return %0 : tensor<2x13xf32>
}

// -----

// Identity and Dropout stay (Dropout's ratio an input from opset 12).
// CHECK-LABEL: model identity_dropout opset 17
// CHECK: init [[RATIO:.*]]: float[] typed = [0.25]
// CHECK: node [[I:.*]] = Identity(x)
// CHECK: node y = Dropout([[I]], [[RATIO]])
// O11-LABEL: model identity_dropout opset 11
// O11: node y = Dropout({{.*}}) {ratio = 0.25}
func.func @identity_dropout(%x: tensor<4xf32> {tl.name = "x"}) -> (tensor<4xf32> {tl.name = "y"}) {
  %0 = tl.identity %x : tensor<4xf32>
  %1 = tl.dropout %0 {ratio = 0.25 : f64} : tensor<4xf32>
  return %1 : tensor<4xf32>
}

// -----

// Graph outputs: an argument returned under its own name is the input
// itself; under another name, a constant, or a value returned twice go
// through Identity. Outputs without tl.name are output_<i>.
// CHECK-LABEL: model outputs opset 17
// CHECK: input x: float[2]
// CHECK: output x: float[2]
// CHECK: output z: float[2]
// CHECK: output c: int32[2]
// CHECK: output r: float[2]
// CHECK: output output_4: float[2]
// CHECK: init [[C:.*]]: int32[2] typed = [7, 8]
// CHECK: node r = Relu(x)
// CHECK: node z = Identity(x)
// CHECK: node c = Identity([[C]])
// CHECK: node output_4 = Identity(r)
func.func @outputs(%x: tensor<2xf32> {tl.name = "x"}) -> (tensor<2xf32> {tl.name = "x"}, tensor<2xf32> {tl.name = "z"}, tensor<2xi32> {tl.name = "c"}, tensor<2xf32> {tl.name = "r"}, tensor<2xf32>) {
  %c = tl.constant dense<[7, 8]> : tensor<2xi32>
  %r = tl.relu %x : tensor<2xf32>
  return %x, %x, %c, %r, %r : tensor<2xf32>, tensor<2xf32>, tensor<2xi32>, tensor<2xf32>, tensor<2xf32>
}

// -----

// Initializers keep their blob names (made unique against graph values),
// equal constants are stored once, and booleans/unsigned/f16 constants keep
// their types; names an importer recorded (NameLoc) name the values.
// CHECK-LABEL: model constants opset 17
// CHECK: input weights: float[4]
// CHECK-DAG: init weights_1: float[4] typed = [1, 2, 3, 4]
// CHECK-DAG: init [[MASK:.*]]: bool[4] typed = [true, false, true, false]
// CHECK-DAG: init [[U8:.*]]: uint8[4] typed = [1, 2, 255, 0]
// CHECK-DAG: init [[H:.*]]: float16[2] typed = [0.5, -2]
// CHECK: node Mul_0 = Mul(weights, weights_1)
// CHECK: node [[SEL:.*]] = Where([[MASK]], Mul_0, weights_1)
func.func @constants(%x: tensor<4xf32> {tl.name = "weights"}) -> (tensor<4xf32> {tl.name = "y"}, tensor<4xui8> {tl.name = "u"}, tensor<2xf16> {tl.name = "h"}) {
  %w = tl.constant dense_resource<weights> : tensor<4xf32>
  %w2 = tl.constant dense_resource<weights> : tensor<4xf32>
  %m = tl.constant dense<[true, false, true, false]> : tensor<4xi1>
  %u = tl.constant dense<[1, 2, 255, 0]> : tensor<4xui8>
  %h = tl.constant dense<[0.5, -2.0]> : tensor<2xf16>
  %0 = tl.mul %x, %w : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32> loc("Mul_0")
  %1 = tl.select %m, %0, %w2 : (tensor<4xi1>, tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %1, %u, %h : tensor<4xf32>, tensor<4xui8>, tensor<2xf16>
}
{-#
  dialect_resources: {
    builtin: {
      weights: "0x040000000000803F000000400000404000008040"
    }
  }
#-}
