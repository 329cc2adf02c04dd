// Ops, attributes and types that do not exist at an older opset are errors
// at the op.

// RUN: tl-translate --export-onnx %s -split-input-file -verify-diagnostics -o /dev/null --onnx-export-opset=11

// select_last_index (opset 12) is emulated on the reversed input, which
// needs the size along the axis.
func.func @select_last_index(%x: tensor<2x?xf32>) -> tensor<2x1xi64> {
  // expected-error @+1 {{cannot export 'tl.argmax' at ONNX opset 11: select_last_index needs opset 12 or a static size along the axis}}
  %0 = tl.argmax %x {axis = 1 : i64, select_last_index = true} : (tensor<2x?xf32>) -> tensor<2x1xi64>
  return %0 : tensor<2x1xi64>
}

// -----

// No type holds every int64 exactly that Max takes at opset 11 (floats only).
func.func @max_i64(%x: tensor<4xi64>, %y: tensor<4xi64>) -> tensor<4xi64> {
  // expected-error @+1 {{cannot export 'tl.max' at ONNX opset 11: ONNX Max does not take 'i64' (input #0)}}
  %0 = tl.max %x, %y : (tensor<4xi64>, tensor<4xi64>) -> tensor<4xi64>
  return %0 : tensor<4xi64>
}

// -----

// bfloat16 arrives in opset 13: ONNX shape inference rejects the Cast, and
// the error is located at the op the node came from.
func.func @bf16(%x: tensor<4xf32>) -> tensor<4xbf16> {
  // expected-error @+1 {{exported model fails ONNX shape inference: [ShapeInferenceError] (op_type:Cast, node name: Cast): output has unsupported type tensor(bfloat16)}}
  %0 = tl.cast %x : tensor<4xf32> to tensor<4xbf16>
  return %0 : tensor<4xbf16>
}
