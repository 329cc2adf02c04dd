// What the exporter cannot write is an error located at the op (or the
// function), naming it, with exit status 1.

// RUN: tl-translate --export-onnx %s -split-input-file -verify-diagnostics -o /dev/null
// RUN: not tl-translate --export-onnx %S/export-errors.mlir --onnx-export-opset=18 -o /dev/null 2>&1 | FileCheck %s --check-prefix=OPSET
// OPSET: error: ONNX export opset 18 is outside the supported range [11, 17]
// RUN: tl-translate --help | FileCheck %s --check-prefix=HELP
// HELP: --export-onnx {{.*}}export a tl dialect module as an ONNX model (.onnx)
// HELP: --onnx-export-entry=<string>
// HELP: --onnx-export-max-typed-elements=<long>
// HELP: --onnx-export-opset=<int>

func.func @main(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{cannot export 'func.call' to ONNX: the exporter has no mapping for it}}
  %0 = func.call @helper(%x) : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
func.func private @helper(%x: tensor<4xf32>) -> tensor<4xf32> {
  return %x : tensor<4xf32>
}

// -----

// expected-error @+1 {{cannot export argument #0 of type 'i32': ONNX graph inputs are ranked tensors}}
func.func @scalar_argument(%x: i32) -> tensor<4xf32> {
  %0 = tl.constant dense<1.0> : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// expected-error @+1 {{cannot export argument #0 of type 'tensor<*xf32>'}}
func.func @unranked(%x: tensor<*xf32>) -> tensor<4xf32> {
  %0 = tl.constant dense<1.0> : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// expected-error @+1 {{argument #0 has a 'tl.dim_names' that is not an array of 2 strings}}
func.func @bad_dim_names(%x: tensor<?x4xf32> {tl.dim_names = ["batch"]}) -> tensor<?x4xf32> {
  %0 = tl.relu %x : tensor<?x4xf32>
  return %0 : tensor<?x4xf32>
}

// -----

// expected-error @+1 {{the module has several public functions ('a', 'b'); choose one to export}}
module {
  func.func @a(%x: tensor<4xf32>) -> tensor<4xf32> {
    return %x : tensor<4xf32>
  }
  func.func @b(%x: tensor<4xf32>) -> tensor<4xf32> {
    return %x : tensor<4xf32>
  }
}

// -----

// expected-error @+1 {{the module has no public function to export}}
module {
  func.func private @a(%x: tensor<4xf32>) -> tensor<4xf32> {
    return %x : tensor<4xf32>
  }
}

// -----

func.func @elided_blob(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{cannot export constant: its dense_resource blob 'missing' has no data (elided or missing)}}
  %w = tl.constant dense_resource<missing> : tensor<4xf32>
  %0 = tl.add %x, %w : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
