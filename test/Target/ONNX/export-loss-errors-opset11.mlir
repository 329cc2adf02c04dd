// Trilu's decomposition before opset 14 needs static innermost dims.

// RUN: tl-translate --export-onnx %s -split-input-file -verify-diagnostics -o /dev/null --onnx-export-opset=11

func.func @trilu_dynamic(%x: tensor<?x4xf32>) -> tensor<?x4xf32> {
  // expected-error @+1 {{cannot export 'tl.trilu' at ONNX opset 11: Trilu needs opset 14, or static sizes of the two innermost dims for its decomposition}}
  %0 = tl.trilu %x : (tensor<?x4xf32>) -> tensor<?x4xf32>
  return %0 : tensor<?x4xf32>
}
