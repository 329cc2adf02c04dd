// RUN: tl-opt %s --tl-cpu-record-model-abi=entry=second | FileCheck %s
// RUN: not tl-opt %s --tl-cpu-record-model-abi=entry=third 2>&1 | FileCheck %s --check-prefix=MISSING

// --entry picks one of several public functions; only it gets the C
// interface attribute.
// CHECK: module attributes {tl.model_abi = {entry = "second", inputs = [{name = "input_0", type = tensor<2xf32>}], outputs = [{name = "output_0", type = tensor<2xf32>}]}}
// CHECK-LABEL: func.func @first
// CHECK-NOT: llvm.emit_c_interface
// CHECK-LABEL: func.func @second
// CHECK-SAME: attributes {llvm.emit_c_interface}

// MISSING: error: no function named 'third' with a body to use as the model entry
func.func @first(%a: tensor<3xf32>) -> tensor<3xf32> {
  return %a : tensor<3xf32>
}
func.func @second(%a: tensor<2xf32>) -> tensor<2xf32> {
  return %a : tensor<2xf32>
}
