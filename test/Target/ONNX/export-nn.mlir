// Export of dense, matmul, convolutions, pooling, normalization and softmax.
// LayerNormalization (opset 17) is decomposed before 17 and when scale/bias
// do not have the normalized shape; Softmax along a non-last axis is moved
// to the back by Transposes before opset 13 (the 2-D coercion of Softmax-11).

// RUN: %python %S/Inputs/export_all.py tl-translate %s | FileCheck %s
// RUN: %python %S/Inputs/export_all.py tl-translate %s --onnx-export-opset=13 | FileCheck %s --check-prefix=O13
// RUN: %python %S/Inputs/export_all.py tl-translate %s --onnx-export-opset=11 | FileCheck %s --check-prefix=O11

// A 2-D dense is a Gemm. The ONNX importer stores Gemm weights of
// transB = 1 transposed, as <name>_transposed: they go back to their
// original layout and name.
// CHECK-LABEL: model dense_gemm opset 17
// CHECK: input x: float[batch,2]
// CHECK: output y: float[batch,3]
// CHECK-DAG: init w: float[3,2] typed = [1, 4, 2, 5, 3, 6]
// CHECK-DAG: init [[B:.*]]: float[3] typed = [0.5, -0.5, 1]
// CHECK: node [[G1:.*]] = Gemm(x, w, [[B]]) {transB = 1}
// CHECK: node [[G2:.*]] = Gemm(x, [[W2:.*]])
// CHECK: node y = Add([[G1]], [[G2]])
func.func @dense_gemm(%x: tensor<?x2xf32> {tl.name = "x", tl.dim_names = ["batch", ""]}) -> (tensor<?x3xf32> {tl.name = "y"}) {
  %w = tl.constant dense_resource<w_transposed> : tensor<2x3xf32>
  %b = tl.constant dense<[0.5, -0.5, 1.0]> : tensor<3xf32>
  %w2 = tl.constant dense<[[1.0, 0.0, 1.0], [0.0, 1.0, 0.0]]> : tensor<2x3xf32>
  %0 = tl.dense %x, %w, %b : (tensor<?x2xf32>, tensor<2x3xf32>, tensor<3xf32>) -> tensor<?x3xf32>
  %1 = tl.dense %x, %w2 : (tensor<?x2xf32>, tensor<2x3xf32>) -> tensor<?x3xf32>
  %2 = tl.add %0, %1 : (tensor<?x3xf32>, tensor<?x3xf32>) -> tensor<?x3xf32>
  return %2 : tensor<?x3xf32>
}
{-#
  dialect_resources: {
    builtin: {
      w_transposed: "0x040000000000803F0000004000004040000080400000A0400000C040"
    }
  }
#-}

// -----

// Other ranks: MatMul, plus Add for the bias.
// CHECK-LABEL: model dense_3d opset 17
// CHECK: node [[MM:.*]] = MatMul(x, [[W:.*]])
// CHECK: node [[D:.*]] = Add([[MM]], [[B:.*]])
// CHECK: node y = MatMul([[D]], [[W2:.*]])
func.func @dense_3d(%x: tensor<2x4x2xf32> {tl.name = "x"}) -> (tensor<2x4x2xf32> {tl.name = "y"}) {
  %w = tl.constant dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> : tensor<2x3xf32>
  %b = tl.constant dense<[0.5, -0.5, 1.0]> : tensor<3xf32>
  %w2 = tl.constant dense<[[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]> : tensor<3x2xf32>
  %0 = tl.dense %x, %w, %b : (tensor<2x4x2xf32>, tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x4x3xf32>
  %1 = tl.matmul %0, %w2 : (tensor<2x4x3xf32>, tensor<3x2xf32>) -> tensor<2x4x2xf32>
  return %1 : tensor<2x4x2xf32>
}

// -----

// Conv attributes (kernel_shape from the weight); large constants are
// raw_data initializers named after their blob.
// CHECK-LABEL: model conv opset 17
// CHECK: input x: float[1,3,7,7]
// CHECK: init conv_w: float[2,3,2,2] raw
// CHECK: node [[C1:.*]] = Conv(x, conv_w, [[B:.*]]) {dilations = [2, 1], kernel_shape = [2, 2], pads = [1, 0, 1, 1], strides = [2, 2]}
// CHECK: node [[C2:.*]] = Conv([[C1]], [[DW:.*]]) {group = 2, kernel_shape = [1, 1]}
// CHECK: node y = ConvTranspose([[C2]], [[TW:.*]]) {group = 2, kernel_shape = [2, 2], output_padding = [1, 0], strides = [2, 2]}
func.func @conv(%x: tensor<1x3x7x7xf32> {tl.name = "x"}) -> (tensor<1x4x9x8xf32> {tl.name = "y"}) {
  %w = tl.constant dense_resource<conv_w> : tensor<2x3x2x2xf32>
  %b = tl.constant dense<[0.5, -0.5]> : tensor<2xf32>
  %dw = tl.constant dense<[[[[2.0]]], [[[3.0]]]]> : tensor<2x1x1x1xf32>
  %tw = tl.constant dense<1.0> : tensor<2x2x2x2xf32>
  %0 = tl.conv %x, %w, %b {strides = array<i64: 2, 2>, pads = array<i64: 1, 0, 1, 1>, dilations = array<i64: 2, 1>}
      : (tensor<1x3x7x7xf32>, tensor<2x3x2x2xf32>, tensor<2xf32>) -> tensor<1x2x4x4xf32>
  %1 = tl.conv %0, %dw {group = 2 : i64} : (tensor<1x2x4x4xf32>, tensor<2x1x1x1xf32>) -> tensor<1x2x4x4xf32>
  %2 = tl.conv_transpose %1, %tw {strides = array<i64: 2, 2>, output_padding = array<i64: 1, 0>, group = 2 : i64}
      : (tensor<1x2x4x4xf32>, tensor<2x2x2x2xf32>) -> tensor<1x4x9x8xf32>
  return %2 : tensor<1x4x9x8xf32>
}
{-#
  dialect_resources: {
    builtin: {
      conv_w: "0x04000000CDCCCC3DCDCC4C3E9A99993ECDCCCC3E0000003F9A99193F3333333FCDCC4C3F6666663F0000803FCDCC8C3F9A99993F6666A63F3333B33F0000C03FCDCCCC3F9A99D93F6666E63F3333F33F0000004066660640CDCC0C40333313409A991940"
    }
  }
#-}

// -----

// CHECK-LABEL: model pooling opset 17
// CHECK: node [[MP:.*]] = MaxPool(x) {ceil_mode = 1, dilations = [1, 2], kernel_shape = [3, 3], pads = [1, 1, 1, 1], strides = [2, 2]}
// CHECK: node [[AP:.*]] = AveragePool([[MP]]) {count_include_pad = 1, kernel_shape = [2, 2], pads = [0, 0, 1, 1]}
// CHECK: node [[GA:.*]] = GlobalAveragePool([[AP]])
// CHECK: node [[GM:.*]] = GlobalMaxPool([[AP]])
// CHECK: node y = Add([[GA]], [[GM]])
func.func @pooling(%x: tensor<1x2x9x9xf32> {tl.name = "x"}) -> (tensor<1x2x1x1xf32> {tl.name = "y"}) {
  %0 = tl.max_pool %x {kernel_shape = array<i64: 3, 3>, strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>,
                       dilations = array<i64: 1, 2>, ceil_mode = true} : (tensor<1x2x9x9xf32>) -> tensor<1x2x5x4xf32>
  %1 = tl.avg_pool %0 {kernel_shape = array<i64: 2, 2>, pads = array<i64: 0, 0, 1, 1>, count_include_pad = true}
      : (tensor<1x2x5x4xf32>) -> tensor<1x2x5x4xf32>
  %2 = tl.global_avg_pool %1 : (tensor<1x2x5x4xf32>) -> tensor<1x2x1x1xf32>
  %3 = tl.global_max_pool %1 : (tensor<1x2x5x4xf32>) -> tensor<1x2x1x1xf32>
  %4 = tl.add %2, %3 : (tensor<1x2x1x1xf32>, tensor<1x2x1x1xf32>) -> tensor<1x2x1x1xf32>
  return %4 : tensor<1x2x1x1xf32>
}

// -----

// MaxPool's Indices output, in column-major storage order.
// CHECK-LABEL: model max_pool_indices opset 17
// CHECK: output i: int64[1,1,2,2]
// CHECK: node y, i = MaxPool(x) {kernel_shape = [2, 2], storage_order = 1, strides = [2, 2]}
func.func @max_pool_indices(%x: tensor<1x1x4x4xf32> {tl.name = "x"}) -> (tensor<1x1x2x2xf32> {tl.name = "y"}, tensor<1x1x2x2xi64> {tl.name = "i"}) {
  %0, %1 = tl.max_pool_with_indices %x {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, storage_order = #tl<storage_order column_major>}
      : (tensor<1x1x4x4xf32>) -> (tensor<1x1x2x2xf32>, tensor<1x1x2x2xi64>)
  return %0, %1 : tensor<1x1x2x2xf32>, tensor<1x1x2x2xi64>
}

// -----

// Unnamed dynamic dims get names of their own; the output's come from ONNX
// shape inference.
// CHECK-LABEL: model norms opset 17
// CHECK: input x: float[x_dim0,3,4,4]
// CHECK: output y: float[x_dim0,3,4,4]
// CHECK: node [[BN:.*]] = BatchNormalization(x, s, b, m, v) {epsilon = 0.001}
// CHECK: node y = InstanceNormalization([[BN]], s, b) {epsilon = 1e-05}
func.func @norms(%x: tensor<?x3x4x4xf32> {tl.name = "x"}, %s: tensor<3xf32> {tl.name = "s"}, %b: tensor<3xf32> {tl.name = "b"},
                 %m: tensor<3xf32> {tl.name = "m"}, %v: tensor<3xf32> {tl.name = "v"}) -> (tensor<?x3x4x4xf32> {tl.name = "y"}) {
  %0 = tl.batch_norm %x, %s, %b, %m, %v {epsilon = 1.0e-03 : f64}
      : (tensor<?x3x4x4xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<?x3x4x4xf32>
  %1 = tl.instance_norm %0, %s, %b : (tensor<?x3x4x4xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<?x3x4x4xf32>
  return %1 : tensor<?x3x4x4xf32>
}

// -----

// CHECK-LABEL: model layer_norm opset 17
// CHECK: node [[LN:.*]] = LayerNormalization(x, g, b) {axis = -2, epsilon = 0.001}
// Without a scale: the decomposition.
// CHECK: node [[MEAN:.*]] = ReduceMean([[LN]]) {axes = [2]}
// CHECK: node [[D:.*]] = Sub([[LN]], [[MEAN]])
// CHECK: node [[SQ:.*]] = Mul([[D]], [[D]])
// CHECK: node [[VAR:.*]] = ReduceMean([[SQ]]) {axes = [2]}
// CHECK: node [[VE:.*]] = Add([[VAR]], [[EPS:.*]])
// CHECK: node [[STD:.*]] = Sqrt([[VE]])
// CHECK: node y = Div([[D]], [[STD]])
// O13-LABEL: model layer_norm opset 13
// O13: node [[MEAN:.*]] = ReduceMean(x) {axes = [1, 2]}
// O13: node [[D:.*]] = Sub(x, [[MEAN]])
// O13: node [[SQ:.*]] = Mul([[D]], [[D]])
// O13: node [[VAR:.*]] = ReduceMean([[SQ]]) {axes = [1, 2]}
// O13: node [[VE:.*]] = Add([[VAR]], [[EPS:.*]])
// O13: node [[STD:.*]] = Sqrt([[VE]])
// O13: node [[N:.*]] = Div([[D]], [[STD]])
// O13: node [[S:.*]] = Mul([[N]], g)
// O13: node [[LN:.*]] = Add([[S]], b)
// O13: node {{.*}} = ReduceMean([[LN]]) {axes = [2]}
func.func @layer_norm(%x: tensor<2x3x4xf32> {tl.name = "x"}, %g: tensor<3x4xf32> {tl.name = "g"}, %b: tensor<3x4xf32> {tl.name = "b"}) -> (tensor<2x3x4xf32> {tl.name = "y"}) {
  %0 = tl.layer_norm %x, %g, %b {axis = -2 : i64, epsilon = 1.0e-03 : f64}
      : (tensor<2x3x4xf32>, tensor<3x4xf32>, tensor<3x4xf32>) -> tensor<2x3x4xf32>
  %1 = tl.layer_norm %0 : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %1 : tensor<2x3x4xf32>
}

// -----

// CHECK-LABEL: model softmax opset 17
// CHECK: node [[S:.*]] = Softmax(x) {axis = 1}
// CHECK: node y = LogSoftmax([[S]]) {axis = -1}
// O11-LABEL: model softmax opset 11
// O11: node [[T:.*]] = Transpose(x) {perm = [0, 2, 1]}
// O11: node [[N:.*]] = Softmax([[T]]) {axis = 2}
// O11: node [[S:.*]] = Transpose([[N]]) {perm = [0, 2, 1]}
// O11: node y = LogSoftmax([[S]]) {axis = 2}
func.func @softmax(%x: tensor<2x3x4xf32> {tl.name = "x"}) -> (tensor<2x3x4xf32> {tl.name = "y"}) {
  %0 = tl.softmax %x {axis = 1 : i64} : tensor<2x3x4xf32>
  %1 = tl.log_softmax %0 : tensor<2x3x4xf32>
  return %1 : tensor<2x3x4xf32>
}
