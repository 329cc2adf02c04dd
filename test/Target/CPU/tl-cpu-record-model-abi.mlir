// RUN: tl-opt %s -split-input-file -verify-diagnostics --tl-cpu-record-model-abi | FileCheck %s

// Names come from tl.name, else input_<i>/output_<i>; dim names from
// tl.dim_names; the entry gets the C interface attribute.
// CHECK-LABEL: module attributes {tl.model_abi = {entry = "main",
// CHECK-SAME: inputs = [{dim_names = ["batch", ""], name = "x", type = tensor<?x4xf32>}, {name = "input_1", type = tensor<4x3xf32>}],
// CHECK-SAME: outputs = [{name = "y", type = tensor<?x3xf32>}, {name = "output_1", type = tensor<i64>}]}}
// CHECK: func.func @main({{.*}} attributes {llvm.emit_c_interface}
module {
  func.func @main(%x: tensor<?x4xf32> {tl.name = "x", tl.dim_names = ["batch", ""]},
                  %w: tensor<4x3xf32>)
      -> (tensor<?x3xf32> {tl.name = "y"}, tensor<i64>) {
    %c = arith.constant 2 : index
    %y = tensor.empty(%c) : tensor<?x3xf32>
    %s = arith.constant dense<7> : tensor<i64>
    return %y, %s : tensor<?x3xf32>, tensor<i64>
  }
}

// -----

// Private and external functions are not candidates; every supported
// element type maps to a dtype.
// CHECK-LABEL: module attributes {tl.model_abi = {entry = "types",
// CHECK-SAME: {name = "input_0", type = tensor<2xf16>}, {name = "input_1", type = tensor<2xbf16>}, {name = "input_2", type = tensor<2xf64>}, {name = "input_3", type = tensor<2xi1>}, {name = "input_4", type = tensor<2xi8>}, {name = "input_5", type = tensor<2xui8>}, {name = "input_6", type = tensor<2xi16>}, {name = "input_7", type = tensor<2xui16>}, {name = "input_8", type = tensor<2xi32>}, {name = "input_9", type = tensor<2xui32>}, {name = "input_10", type = tensor<2xui64>}, {name = "input_11", type = memref<3x2xf32>}
module {
  func.func private @helper(%a: tensor<2xf32>) -> tensor<2xf32> {
    return %a : tensor<2xf32>
  }
  func.func private @external(tensor<2xf32>) -> tensor<2xf32>
  func.func @types(%a: tensor<2xf16>, %b: tensor<2xbf16>, %c: tensor<2xf64>,
                   %d: tensor<2xi1>, %e: tensor<2xi8>, %f: tensor<2xui8>,
                   %g: tensor<2xi16>, %h: tensor<2xui16>, %i: tensor<2xi32>,
                   %j: tensor<2xui32>, %k: tensor<2xui64>, %l: memref<3x2xf32>)
      -> tensor<2xf16> {
    return %a : tensor<2xf16>
  }
}

// -----

// Without --entry, several public functions are ambiguous (see
// tl-cpu-record-model-abi-entry.mlir).
// expected-error @+1 {{several public functions could be the model entry; pick one with --entry: 'first', 'second'}}
module {
  // expected-note @+1 {{candidate 'first'}}
  func.func @first(%a: tensor<2xf32>) -> tensor<2xf32> {
    return %a : tensor<2xf32>
  }
  // expected-note @+1 {{candidate 'second'}}
  func.func @second(%a: tensor<2xf32>) -> tensor<2xf32> {
    return %a : tensor<2xf32>
  }
}

// -----

// expected-error @+1 {{no public function with a body to use as the model entry}}
module {
  func.func private @hidden(%a: tensor<2xf32>) -> tensor<2xf32> {
    return %a : tensor<2xf32>
  }
}

// -----

module {
  // expected-error @+1 {{model input 0 ('input_0') has type 'index'; the artifact ABI takes ranked tensors}}
  func.func @scalar(%a: index) -> tensor<2xf32> {
    %t = tensor.empty() : tensor<2xf32>
    return %t : tensor<2xf32>
  }
}

// -----

module {
  // expected-error @+1 {{model output 0 ('out') has type 'tensor<*xf32>'; the artifact ABI takes ranked tensors}}
  func.func @unranked(%a: tensor<2xf32>) -> (tensor<*xf32> {tl.name = "out"}) {
    %u = tensor.cast %a : tensor<2xf32> to tensor<*xf32>
    return %u : tensor<*xf32>
  }
}

// -----

module {
  // expected-error @+1 {{model input 0 ('input_0') has element type 'index'; supported are f16, bf16, f32, f64, i1, i8-i64 and ui8-ui64}}
  func.func @index_tensor(%a: tensor<2xindex>) -> tensor<2xf32> {
    %t = tensor.empty() : tensor<2xf32>
    return %t : tensor<2xf32>
  }
}

// -----

module {
  // expected-error @+1 {{model input 0 ('input_0') has rank 9; the artifact ABI supports up to 8}}
  func.func @rank9(%a: tensor<1x1x1x1x1x1x1x1x1xf32>) -> tensor<2xf32> {
    %t = tensor.empty() : tensor<2xf32>
    return %t : tensor<2xf32>
  }
}

// -----

module {
  // expected-error @+1 {{model input 0 ('x') has a 'tl.dim_names' that is not an array of 2 strings}}
  func.func @bad_dim_names(%a: tensor<?x2xf32> {tl.name = "x", tl.dim_names = ["n"]}) -> tensor<2xf32> {
    %t = tensor.empty() : tensor<2xf32>
    return %t : tensor<2xf32>
  }
}

// -----

module {
  // expected-error @+1 {{model input 0 ('input_0') has type 'memref<2xf32, strided<[2]>>'; memrefs need the identity layout}}
  func.func @strided(%a: memref<2xf32, strided<[2]>>) -> tensor<2xf32> {
    %t = tensor.empty() : tensor<2xf32>
    return %t : tensor<2xf32>
  }
}

// -----

module {
  // expected-error @+1 {{model entry 'nothing' returns nothing; a model needs an output}}
  func.func @nothing(%a: tensor<2xf32>) {
    return
  }
}
