// RUN: tl-opt %s --tl-cpu-emit-model-abi | FileCheck %s
// RUN: not tl-opt %s --tl-cpu-emit-model-abi="name=2fast" 2>&1 | FileCheck %s --check-prefix=NAME

// Without options: prefix "model", no tlc_get_model_api, no main(), and the
// entry keeps its name (internal now).
// CHECK-LABEL: module attributes {tl.model_abi
// CHECK: llvm.func internal @main()
// CHECK: llvm.func @model_info() -> !llvm.ptr
// CHECK: llvm.func @model_session_create(
// CHECK: llvm.func @model_session_destroy(
// CHECK: llvm.func @model_run(
// CHECK: llvm.func @model_session_threads(
// CHECK: llvm.func @model_api() -> !llvm.ptr
// CHECK-NOT: @tlc_get_model_api
// CHECK-NOT: llvm.func @main(

// NAME: error: model name '2fast' is not a C identifier (letters, digits and '_', not starting with a digit)
module attributes {tl.model_abi = {entry = "main", inputs = [],
    outputs = [{name = "r", type = tensor<f64>}]}} {
  llvm.func @main() {
    llvm.return
  }
  llvm.func @_mlir_ciface_main(%results: !llvm.ptr) {
    llvm.call @main() : () -> ()
    llvm.return
  }
}
