// RUN: tl-opt %s -split-input-file -verify-diagnostics --tl-cpu-emit-model-abi="name=m emit-main export-api-table" | FileCheck %s

// A module as tl-cpu-pipeline leaves it: the entry @main and its C wrapper.
// Input 1 and output 1 exercise rank 0 and rank 1.

// The model's own definitions become internal; @main, which the executable's
// main() needs, is renamed and its callers follow.
// CHECK-LABEL: module attributes {tl.model_abi
// CHECK-DAG: llvm.func @tlrt_session_create(i32, !llvm.ptr, !llvm.ptr) -> i32
// CHECK-DAG: llvm.func @tlrt_session_destroy(!llvm.ptr)
// CHECK-DAG: llvm.func @tlrt_session_num_threads(!llvm.ptr) -> i32
// CHECK-DAG: llvm.func @tlrt_run(!llvm.ptr, !llvm.ptr, !llvm.ptr, i64, !llvm.ptr, i64, !llvm.ptr) -> i32
// CHECK-DAG: llvm.func @tlrt_exe_main(!llvm.ptr, i32, !llvm.ptr) -> i32
// CHECK-DAG: llvm.mlir.global internal constant @weights(dense<[1, 2]> : tensor<2xi64>)
// CHECK-DAG: llvm.func @malloc(i64) -> !llvm.ptr
// CHECK: llvm.func internal @[[RENAMED:main_[0-9]+]]()
// The wrapper loses the tl.name argument attribute.
// CHECK: llvm.func internal @_mlir_ciface_main(%{{.*}}: !llvm.ptr, %{{.*}}: !llvm.ptr, %{{.*}}: !llvm.ptr)
// CHECK-NEXT: llvm.call @[[RENAMED]]()

// Metadata: names, shapes with -1 for dynamic dimensions, dimension names.
// CHECK: llvm.mlir.global internal constant @m__name("m\00")
// CHECK: llvm.mlir.global internal constant @m__input0_name("x\00")
// CHECK: llvm.mlir.global internal constant @m__input0_shape(dense<[-1, 4]> : tensor<2xi64>) {{.*}} : !llvm.array<2 x i64>
// CHECK: llvm.mlir.global internal constant @m__input0_dim0_name("batch\00")
// CHECK-LABEL: llvm.mlir.global internal constant @m__input0_dim_names() {{.*}} : !llvm.array<2 x ptr>
// CHECK: %[[BATCH:.+]] = llvm.mlir.addressof @m__input0_dim0_name
// CHECK: %[[NAMES0:.+]] = llvm.insertvalue %[[BATCH]], %{{.+}}[0]
// CHECK: %[[UNNAMED:.+]] = llvm.mlir.zero : !llvm.ptr
// CHECK: llvm.insertvalue %[[UNNAMED]], %[[NAMES0]][1]
// CHECK: llvm.mlir.global internal constant @m__input1_name("s\00")
// CHECK-NOT: @m__input1_shape

// tlc_tensor_info {name, dtype, rank, shape, dim_names}: x is f32 (1) of
// rank 2; s is f32 of rank 0 without shape or names.
// CHECK-LABEL: llvm.mlir.global internal constant @m__inputs() {{.*}} : !llvm.array<2 x struct<(ptr, i32, i32, ptr, ptr)>>
// CHECK: %[[XNAME:.+]] = llvm.mlir.addressof @m__input0_name
// CHECK: %[[XDTYPE:.+]] = llvm.mlir.constant(1 : i32)
// CHECK: %[[XRANK:.+]] = llvm.mlir.constant(2 : i32)
// CHECK: %[[XSHAPE:.+]] = llvm.mlir.addressof @m__input0_shape
// CHECK: %[[XDIMS:.+]] = llvm.mlir.addressof @m__input0_dim_names
// CHECK: %[[X0:.+]] = llvm.insertvalue %[[XNAME]], %{{.+}}[0]
// CHECK: %[[X1:.+]] = llvm.insertvalue %[[XDTYPE]], %[[X0]][1]
// CHECK: %[[X2:.+]] = llvm.insertvalue %[[XRANK]], %[[X1]][2]
// CHECK: %[[X3:.+]] = llvm.insertvalue %[[XSHAPE]], %[[X2]][3]
// CHECK: %[[X4:.+]] = llvm.insertvalue %[[XDIMS]], %[[X3]][4]
// CHECK: %[[INPUTS0:.+]] = llvm.insertvalue %[[X4]], %{{.+}}[0]
// CHECK: %[[SNAME:.+]] = llvm.mlir.addressof @m__input1_name
// CHECK: %[[SRANK:.+]] = llvm.mlir.constant(0 : i32)
// CHECK: %[[SSHAPE:.+]] = llvm.mlir.zero
// CHECK: llvm.insertvalue %[[SRANK]], %{{.+}}[2]
// CHECK: llvm.insertvalue %[[SSHAPE]], %{{.+}}[3]
// CHECK: %[[INPUTS1:.+]] = llvm.insertvalue %{{.+}}, %[[INPUTS0]][1]
// CHECK: llvm.return %[[INPUTS1]]

// Output 1 is i64 (dtype 7) of shape [2].
// CHECK: llvm.mlir.global internal constant @m__output1_shape(dense<2> : tensor<1xi64>)
// CHECK-LABEL: llvm.mlir.global internal constant @m__outputs()
// CHECK: llvm.mlir.addressof @m__output1_name
// CHECK-NEXT: llvm.mlir.constant(7 : i32)
// CHECK-NEXT: llvm.mlir.constant(1 : i32)

// tlc_model_info {abi_version, num_inputs, num_outputs, name, inputs, outputs}
// CHECK-LABEL: llvm.mlir.global internal constant @m__info() {{.*}} : !llvm.struct<(i32, i32, i32, ptr, ptr, ptr)>
// CHECK: %[[VERSION:.+]] = llvm.mlir.constant(1 : i32)
// CHECK: %[[NIN:.+]] = llvm.mlir.constant(2 : i32)
// CHECK: %[[NOUT:.+]] = llvm.mlir.constant(2 : i32)
// CHECK: %[[NAME:.+]] = llvm.mlir.addressof @m__name
// CHECK: %[[INS:.+]] = llvm.mlir.addressof @m__inputs
// CHECK: %[[OUTS:.+]] = llvm.mlir.addressof @m__outputs
// CHECK: llvm.insertvalue %[[VERSION]], %{{.+}}[0]
// CHECK: llvm.insertvalue %[[NIN]], %{{.+}}[1]
// CHECK: llvm.insertvalue %[[NOUT]], %{{.+}}[2]
// CHECK: llvm.insertvalue %[[NAME]], %{{.+}}[3]
// CHECK: llvm.insertvalue %[[INS]], %{{.+}}[4]
// CHECK: llvm.insertvalue %[[OUTS]], %{{.+}}[5]

// The thunk: load each input descriptor pointer, call the wrapper with a
// result struct, store each result descriptor where the runtime asked.
// CHECK: llvm.func internal @m__invoke(%[[IN:.+]]: !llvm.ptr, %[[OUT:.+]]: !llvm.ptr)
// CHECK: %[[RESULTS:.+]] = llvm.alloca %{{.+}} x !llvm.struct<(struct<(ptr, ptr, i64, array<2 x i64>, array<2 x i64>)>, struct<(ptr, ptr, i64, array<1 x i64>, array<1 x i64>)>)>
// CHECK: %[[IN0P:.+]] = llvm.getelementptr %[[IN]][0] : (!llvm.ptr) -> !llvm.ptr, !llvm.ptr
// CHECK: %[[IN0:.+]] = llvm.load %[[IN0P]] : !llvm.ptr -> !llvm.ptr
// CHECK: %[[IN1P:.+]] = llvm.getelementptr %[[IN]][1]
// CHECK: %[[IN1:.+]] = llvm.load %[[IN1P]]
// CHECK: llvm.call @_mlir_ciface_main(%[[RESULTS]], %[[IN0]], %[[IN1]])
// CHECK: %[[R0P:.+]] = llvm.getelementptr %[[RESULTS]][0, 0]
// CHECK: %[[R0:.+]] = llvm.load %[[R0P]] : !llvm.ptr -> !llvm.struct<(ptr, ptr, i64, array<2 x i64>, array<2 x i64>)>
// CHECK: %[[O0P:.+]] = llvm.getelementptr %[[OUT]][0]
// CHECK: %[[O0:.+]] = llvm.load %[[O0P]]
// CHECK: llvm.store %[[R0]], %[[O0]]
// CHECK: %[[R1P:.+]] = llvm.getelementptr %[[RESULTS]][0, 1]
// CHECK: %[[R1:.+]] = llvm.load %[[R1P]] : !llvm.ptr -> !llvm.struct<(ptr, ptr, i64, array<1 x i64>, array<1 x i64>)>
// CHECK: %[[O1P:.+]] = llvm.getelementptr %[[OUT]][1]
// CHECK: %[[O1:.+]] = llvm.load %[[O1P]]
// CHECK: llvm.store %[[R1]], %[[O1]]

// Both results are returned: no output is written in place.
// CHECK: llvm.mlir.global internal constant @m__in_place(dense<0> : tensor<2xi8>)
// CHECK-LABEL: llvm.mlir.global internal constant @m__model() {{.*}} : !llvm.struct<(ptr, ptr, ptr)>
// CHECK: llvm.mlir.addressof @m__info
// CHECK: llvm.mlir.addressof @m__invoke
// CHECK: llvm.mlir.addressof @m__in_place

// The API: external functions calling the runtime.
// CHECK-LABEL: llvm.func @m_info() -> !llvm.ptr
// CHECK: %[[INFO:.+]] = llvm.mlir.addressof @m__info
// CHECK: llvm.return %[[INFO]]
// CHECK: llvm.func @m_session_create(%[[THREADS:.+]]: i32, %[[SESSION:.+]]: !llvm.ptr, %[[ERROR:.+]]: !llvm.ptr) -> i32
// CHECK: llvm.call @tlrt_session_create(%[[THREADS]], %[[SESSION]], %[[ERROR]])
// CHECK-LABEL: llvm.func @m_session_destroy(
// CHECK: llvm.call @tlrt_session_destroy(
// CHECK: llvm.func @m_run(%[[A0:.+]]: !llvm.ptr, %[[A1:.+]]: !llvm.ptr, %[[A2:.+]]: i64, %[[A3:.+]]: !llvm.ptr, %[[A4:.+]]: i64, %[[A5:.+]]: !llvm.ptr) -> i32
// CHECK: %[[MODEL:.+]] = llvm.mlir.addressof @m__model
// CHECK: %[[STATUS:.+]] = llvm.call @tlrt_run(%[[MODEL]], %[[A0]], %[[A1]], %[[A2]], %[[A3]], %[[A4]], %[[A5]])
// CHECK: llvm.return %[[STATUS]]
// CHECK-LABEL: llvm.func @m_session_threads(
// CHECK: llvm.call @tlrt_session_num_threads(
// CHECK-LABEL: llvm.mlir.global internal constant @m__api() {{.*}} : !llvm.struct<(i32, ptr, ptr, ptr, ptr, ptr)>
// CHECK: llvm.mlir.addressof @m__info
// CHECK: llvm.mlir.addressof @m_session_create
// CHECK: llvm.mlir.addressof @m_session_destroy
// CHECK: llvm.mlir.addressof @m_run
// CHECK: llvm.mlir.addressof @m_session_threads
// CHECK-LABEL: llvm.func @m_api() -> !llvm.ptr
// CHECK: llvm.mlir.addressof @m__api
// CHECK-LABEL: llvm.func @tlc_get_model_api() -> !llvm.ptr
// CHECK: llvm.mlir.addressof @m__api
// CHECK: llvm.func @main(%[[ARGC:.+]]: i32, %[[ARGV:.+]]: !llvm.ptr) -> i32
// CHECK: %[[API:.+]] = llvm.mlir.addressof @m__api
// CHECK: llvm.call @tlrt_exe_main(%[[API]], %[[ARGC]], %[[ARGV]])

module attributes {tl.model_abi = {entry = "main",
    inputs = [{name = "x", type = tensor<?x4xf32>, dim_names = ["batch", ""]},
              {name = "s", type = tensor<f32>}],
    outputs = [{name = "y", type = tensor<?x4xf32>},
               {name = "c", type = tensor<2xi64>}]}} {
  llvm.mlir.global external constant @weights(dense<[1, 2]> : tensor<2xi64>) : !llvm.array<2 x i64>
  llvm.func @malloc(i64) -> !llvm.ptr
  llvm.func @main() {
    llvm.return
  }
  llvm.func @_mlir_ciface_main(%results: !llvm.ptr, %x: !llvm.ptr {tl.name = "x"}, %s: !llvm.ptr) attributes {llvm.emit_c_interface} {
    llvm.call @main() : () -> ()
    llvm.return
  }
}

// -----

// A single result: the wrapper writes the descriptor itself, no struct.
// CHECK-LABEL: llvm.func internal @m__invoke(
// CHECK: %[[RESULT:.+]] = llvm.alloca %{{.+}} x !llvm.struct<(ptr, ptr, i64)>
// CHECK: llvm.call @_mlir_ciface_f(%[[RESULT]])
// CHECK: %[[DESC:.+]] = llvm.load %[[RESULT]] : !llvm.ptr -> !llvm.struct<(ptr, ptr, i64)>
// CHECK: llvm.store %[[DESC]]
module attributes {tl.model_abi = {entry = "f", inputs = [],
    outputs = [{name = "r", type = tensor<f64>}]}} {
  llvm.func @_mlir_ciface_f(%results: !llvm.ptr) {
    llvm.return
  }
}

// -----

// Out-params (tl-results-to-out-params): output 1 of static shape is written
// into the buffer whose descriptor the runtime passes at outputs[1]; output 0
// is still returned.
// CHECK-LABEL: llvm.func internal @m__invoke(
// CHECK-SAME: %[[IN:.+]]: !llvm.ptr, %[[OUT:.+]]: !llvm.ptr)
// CHECK: %[[RESULT:.+]] = llvm.alloca %{{.+}} x !llvm.struct<(ptr, ptr, i64, array<1 x i64>, array<1 x i64>)>
// CHECK: %[[IN0P:.+]] = llvm.getelementptr %[[IN]][0]
// CHECK: %[[IN0:.+]] = llvm.load %[[IN0P]]
// CHECK: %[[O1P:.+]] = llvm.getelementptr %[[OUT]][1]
// CHECK: %[[O1:.+]] = llvm.load %[[O1P]]
// CHECK: llvm.call @_mlir_ciface_f(%[[RESULT]], %[[IN0]], %[[O1]])
// CHECK: %[[DESC:.+]] = llvm.load %[[RESULT]]
// CHECK: %[[O0P:.+]] = llvm.getelementptr %[[OUT]][0]
// CHECK: %[[O0:.+]] = llvm.load %[[O0P]]
// CHECK: llvm.store %[[DESC]], %[[O0]]
// CHECK: llvm.mlir.global internal constant @m__in_place(dense<[0, 1]> : tensor<2xi8>)
module attributes {tl.model_abi = {entry = "f",
    inputs = [{name = "a", type = tensor<?xf32>}],
    outputs = [{name = "r", type = tensor<?xf32>},
               {name = "s", type = tensor<3xf32>}]}} {
  llvm.func @_mlir_ciface_f(%results: !llvm.ptr, %a: !llvm.ptr,
                            %s: !llvm.ptr {tl.result = 1 : i64}) {
    llvm.return
  }
}

// -----

// Every output in place: no results pointer.
// CHECK-LABEL: llvm.func internal @m__invoke(
// CHECK-SAME: %[[IN:.+]]: !llvm.ptr, %[[OUT:.+]]: !llvm.ptr)
// CHECK-NOT: llvm.alloca
// CHECK: %[[O0P:.+]] = llvm.getelementptr %[[OUT]][0]
// CHECK: %[[O0:.+]] = llvm.load %[[O0P]]
// CHECK: llvm.call @_mlir_ciface_f(%[[O0]])
// CHECK-NEXT: llvm.return
module attributes {tl.model_abi = {entry = "f", inputs = [],
    outputs = [{name = "r", type = tensor<2x2xf32>}]}} {
  llvm.func @_mlir_ciface_f(%r: !llvm.ptr {tl.result = 0 : i64}) {
    llvm.return
  }
}

// -----

module attributes {tl.model_abi = {entry = "f", inputs = [],
    outputs = [{name = "r", type = tensor<?xf32>}]}} {
  // expected-error @+1 {{argument 0 is marked as the out-param of output 0, which is not a distinct output of static shape}}
  llvm.func @_mlir_ciface_f(%r: !llvm.ptr {tl.result = 0 : i64}) {
    llvm.return
  }
}

// -----

module attributes {tl.model_abi = {entry = "f",
    inputs = [{name = "a", type = tensor<2xf32>}],
    outputs = [{name = "r", type = tensor<2xf32>}]}} {
  // expected-error @+1 {{expected 2 pointer arguments (results, then one descriptor per input, then the out-params) to match the recorded signature}}
  llvm.func @_mlir_ciface_f(%r: !llvm.ptr {tl.result = 0 : i64}, %a: !llvm.ptr) {
    llvm.return
  }
}

// -----

// expected-error @+1 {{module has no 'tl.model_abi' attribute; run tl-cpu-record-model-abi before lowering}}
module {
  llvm.func @_mlir_ciface_f(%results: !llvm.ptr) {
    llvm.return
  }
}

// -----

// expected-error @+1 {{no C interface function '_mlir_ciface_f' in the module; lower it with tl-cpu-pipeline first}}
module attributes {tl.model_abi = {entry = "f", inputs = [],
    outputs = [{name = "r", type = tensor<f64>}]}} {
  llvm.func @f() {
    llvm.return
  }
}

// -----

module attributes {tl.model_abi = {entry = "f", inputs = [{name = "a", type = tensor<2xf32>}],
    outputs = [{name = "r", type = tensor<f64>}]}} {
  // expected-error @+1 {{expected 2 pointer arguments (results, then one descriptor per input, then the out-params) to match the recorded signature}}
  llvm.func @_mlir_ciface_f(%results: !llvm.ptr) {
    llvm.return
  }
}

// -----

module attributes {tl.model_abi = {entry = "f", inputs = [],
    outputs = [{name = "r", type = tensor<f64>}]}} {
  // expected-error @+1 {{symbol 'm_run' clashes with the model API; pick another --name}}
  llvm.func @m_run()
  llvm.func @_mlir_ciface_f(%results: !llvm.ptr) {
    llvm.call @m_run() : () -> ()
    llvm.return
  }
}

// -----

// expected-error @+1 {{'tl.model_abi': outputs[0] needs a string 'name' and a ranked shaped 'type'}}
module attributes {tl.model_abi = {entry = "f", inputs = [],
    outputs = [{name = "r"}]}} {
  llvm.func @_mlir_ciface_f(%results: !llvm.ptr) {
    llvm.return
  }
}
