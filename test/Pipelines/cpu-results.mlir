// By default the results of tl-cpu-pipeline functions are fresh heap buffers
// that the caller frees: arguments, constants and views are copied into new
// allocations, and a value returned twice gets a second allocation.
//
// RUN: tl-opt %s --tl-cpu-pipeline | FileCheck %s
// RUN: tl-opt %s --tl-cpu-pipeline="runtime-allocator=1" | FileCheck %s --check-prefix=RUNTIME

// RUN: tl-opt %s --tl-cpu-pipeline="out-params=1" | FileCheck %s --check-prefix=OUT

// With out-params, static results are written into caller buffers passed
// behind the arguments: nothing is allocated, arguments and constants are
// copied, and a value returned twice is copied into both out-params.
// OUT-NOT: @malloc
// OUT-LABEL: llvm.func @_mlir_ciface_argument(
// OUT-SAME: %{{.*}}: !llvm.ptr, %{{.*}}: !llvm.ptr {tl.result = 0 : i64})
// OUT-LABEL: llvm.func @_mlir_ciface_constant(
// OUT-SAME: %{{.*}}: !llvm.ptr {tl.result = 0 : i64})
// OUT-LABEL: llvm.func @twice(
// OUT: "llvm.intr.memcpy"
// OUT-LABEL: llvm.func @_mlir_ciface_twice(
// OUT-SAME: %{{.*}}: !llvm.ptr, %{{.*}}: !llvm.ptr {tl.result = 0 : i64}, %{{.*}}: !llvm.ptr {tl.result = 1 : i64})

// With runtime-allocator, buffers come from the runtime's allocation hooks.
// RUNTIME-NOT: @malloc
// RUNTIME: llvm.func @_mlir_memref_to_llvm_alloc(i64) -> !llvm.ptr
// RUNTIME-LABEL: llvm.func @argument(
// RUNTIME: llvm.call @_mlir_memref_to_llvm_alloc(

// CHECK-LABEL: llvm.func @argument(
// CHECK-SAME: %[[ALLOC:[a-z0-9]+]]: !llvm.ptr, %[[ALIGNED:[a-z0-9]+]]: !llvm.ptr
// CHECK: %[[BUF:.*]] = llvm.call @malloc(
// CHECK: %[[SRC:.*]] = llvm.getelementptr %[[ALIGNED]]
// CHECK: "llvm.intr.memcpy"(%[[BUF]], %[[SRC]],
// CHECK-LABEL: llvm.func @_mlir_ciface_argument(
func.func @argument(%a: tensor<4xf32>) -> tensor<4xf32> {
  return %a : tensor<4xf32>
}

// CHECK-LABEL: llvm.func @constant(
// CHECK-DAG: %[[GLOBAL:.*]] = llvm.mlir.addressof @__constant_4xf32
// CHECK-DAG: %[[BUF:.*]] = llvm.call @malloc(
// CHECK: "llvm.intr.memcpy"(%[[BUF]],
// CHECK-LABEL: llvm.func @_mlir_ciface_constant(
func.func @constant() -> tensor<4xf32> {
  %c = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  return %c : tensor<4xf32>
}

// A view of the argument is copied row by row (it is not contiguous).
// CHECK-LABEL: llvm.func @slice(
// CHECK: %[[BUF:.*]] = llvm.call @malloc(
// CHECK: llvm.intr.masked.load
// CHECK: llvm.intr.masked.store
// CHECK-LABEL: llvm.func @_mlir_ciface_slice(
func.func @slice(%a: tensor<8x8xf32>) -> tensor<3x5xf32> {
  %s = tensor.extract_slice %a[2, 1] [3, 5] [1, 1] : tensor<8x8xf32> to tensor<3x5xf32>
  return %s : tensor<3x5xf32>
}

// CHECK-LABEL: llvm.func @twice(
// CHECK: %[[FIRST:.*]] = llvm.call @malloc(
// CHECK: %[[SECOND:.*]] = llvm.call @malloc(
// CHECK: "llvm.intr.memcpy"(%[[SECOND]],
// CHECK-LABEL: llvm.func @_mlir_ciface_twice(
func.func @twice(%a: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>) {
  %e = tensor.empty() : tensor<4xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(i) -> (i)>, affine_map<(i) -> (i)>], iterator_types = ["parallel"]}
     ins(%a : tensor<4xf32>) outs(%e : tensor<4xf32>) {
  ^bb0(%x: f32, %o: f32):
    %y = arith.addf %x, %x : f32
    linalg.yield %y : f32
  } -> tensor<4xf32>
  return %r, %r : tensor<4xf32>, tensor<4xf32>
}

// Declarations keep the plain calling convention; definitions get wrappers.
// CHECK-LABEL: llvm.func @external(!llvm.ptr, !llvm.ptr, i64, i64, i64)
// CHECK-NOT: _mlir_ciface_external
func.func private @external(tensor<4xf32>)
func.func @calls(%a: tensor<4xf32>) {
  func.call @external(%a) : (tensor<4xf32>) -> ()
  return
}
