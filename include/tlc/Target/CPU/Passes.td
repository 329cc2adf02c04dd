//===- Passes.td - CPU artifact passes ---------------------*- tablegen -*-===//

#ifndef TLC_TARGET_CPU_PASSES_TD
#define TLC_TARGET_CPU_PASSES_TD

include "mlir/Pass/PassBase.td"

def TLCPURecordModelABI : Pass<"tl-cpu-record-model-abi", "ModuleOp"> {
  let summary = "Record the model's tensor signature for the artifact ABI";
  let description = [{
    Picks the model's entry function (the single public `func.func`, or the
    one named by `entry`) and records its tensor-level signature as the
    module attribute `tl.model_abi`, which survives lowering to the LLVM
    dialect (where memref arguments become descriptor fields and their types
    are gone). Each input and output gets

    * a name: the `tl.name` string argument/result attribute when present
      (the ONNX importer sets it to the graph's input/output names), else
      `input_<i>` / `output_<i>`;
    * its type: a ranked tensor (or identity-layout memref) of f16, bf16,
      f32, f64, i1, i8-i64 or ui8-ui64, rank at most 8;
    * optional dimension names: the `tl.dim_names` array attribute (one
      string per dimension, empty when unnamed); inputs whose dynamic
      dimensions share a name must agree on their size at run time.

    The entry function also gets `llvm.emit_c_interface`. Run it before
    `tl-cpu-pipeline`, and `tl-cpu-emit-model-abi` after.

    Example:

    ```mlir
    func.func @main(%x: tensor<?x4xf32> {tl.name = "x"}) -> tensor<?x3xf32>
    ```

    becomes a module with

    ```mlir
    tl.model_abi = {
      entry = "main",
      inputs = [
        {name = "x", type = tensor<?x4xf32>}
      ],
      outputs = [
        {name = "output_0", type = tensor<?x3xf32>}
      ]
    }
    ```
  }];
  let options = [
    Option<"entry", "entry", "std::string", /*default=*/"\"\"",
           "Name of the entry function (default: the single public "
           "function)">,
  ];
}

def TLCPUEmitModelABI : Pass<"tl-cpu-emit-model-abi", "ModuleOp"> {
  let summary = "Emit the C ABI of a compiled model into its LLVM module";
  let description = [{
    Runs on the LLVM-dialect module that `tl-cpu-pipeline` produced from a
    module carrying `tl.model_abi` (see `tl-cpu-record-model-abi`) and adds
    the model's C API (docs/abi.md), every symbol prefixed with `name`:

    * metadata globals: input/output names, dtypes (ONNX TensorProto codes),
      ranks, shapes (-1 for dynamic dimensions) and dimension names, as a
      `tlc_model_info` struct returned by `<name>_info()`;
    * `<name>_session_create`, `<name>_session_destroy` and `<name>_run`,
      which call the C runtime (`tlrt_session_create`, `tlrt_run`, ...)
      with a descriptor of the model whose thunk calls
      `_mlir_ciface_<entry>` on memref descriptors;
    * `<name>_api()`, the same entry points as a `tlc_model_api` table;
      with `export-api-table` also `tlc_get_model_api()`, the fixed-name
      accessor shared libraries export so that loaders such as tl-run can
      find any model's API;
    * with `emit-main`, a `main` calling `tlrt_exe_main` (standalone
      executables).

    Every other function and global defined in the module gets internal
    linkage, so that two models link into one program and a shared library
    exports nothing else; functions whose names clash with the API (an
    entry called `main`, say) are renamed.
  }];
  let options = [
    Option<"name", "name", "std::string", /*default=*/"\"model\"",
           "Prefix of the API symbols (a C identifier)">,
    Option<"exportAPITable", "export-api-table", "bool", /*default=*/"false",
           "Also define tlc_get_model_api() (shared libraries)">,
    Option<"emitMain", "emit-main", "bool", /*default=*/"false",
           "Also define main() running the model on .npy files">,
  ];
  let dependentDialects = ["::mlir::LLVM::LLVMDialect"];
}

#endif // TLC_TARGET_CPU_PASSES_TD
