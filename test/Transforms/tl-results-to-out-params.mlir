// RUN: tl-opt %s --split-input-file --tl-results-to-out-params | FileCheck %s

// The allocation the result is computed in becomes the out-param.
// CHECK-LABEL: func.func @in_place
// CHECK-SAME: (%[[A:.*]]: memref<4xf32>, %[[OUT:.*]]: memref<4xf32> {tl.name = "y", tl.result = 0 : i64})
// CHECK-NOT: memref.alloc
// CHECK: linalg.generic {{.*}} ins(%[[A]] : memref<4xf32>) outs(%[[OUT]] : memref<4xf32>)
// CHECK: return{{$}}
func.func @in_place(%a: memref<4xf32>) -> (memref<4xf32> {tl.name = "y"}) {
  %r = memref.alloc() {alignment = 64 : i64} : memref<4xf32>
  linalg.generic {indexing_maps = [affine_map<(i) -> (i)>, affine_map<(i) -> (i)>], iterator_types = ["parallel"]}
      ins(%a : memref<4xf32>) outs(%r : memref<4xf32>) {
  ^bb0(%x: f32, %o: f32):
    %y = arith.addf %x, %x : f32
    linalg.yield %y : f32
  }
  return %r : memref<4xf32>
}

// -----

// A result that is a reshape of the allocation: the allocation becomes the
// inverse reshape of the out-param.
// CHECK-LABEL: func.func @reshaped
// CHECK-SAME: (%[[A:.*]]: memref<2x32xf32>, %[[OUT:.*]]: memref<64xf32> {tl.result = 0 : i64})
// CHECK: %[[VIEW:.*]] = memref.expand_shape %[[OUT]] {{\[\[}}0, 1]] output_shape [2, 32] : memref<64xf32> into memref<2x32xf32>
// CHECK: memref.copy %[[A]], %[[VIEW]]
// CHECK-NOT: memref.alloc
// CHECK: return{{$}}
func.func @reshaped(%a: memref<2x32xf32>) -> memref<64xf32> {
  %r = memref.alloc() : memref<2x32xf32>
  memref.copy %a, %r : memref<2x32xf32> to memref<2x32xf32>
  %c = memref.collapse_shape %r [[0, 1]] : memref<2x32xf32> into memref<64xf32>
  return %c : memref<64xf32>
}

// -----

// Arguments and constants are copied; nothing is freed.
// CHECK-LABEL: func.func @copied
// CHECK-SAME: (%[[A:.*]]: memref<4xf32>, %[[OUT0:.*]]: memref<4xf32> {tl.result = 0 : i64}, %[[OUT1:.*]]: memref<2xf32> {tl.result = 1 : i64})
// CHECK: %[[G:.*]] = memref.get_global @cst
// CHECK: memref.copy %[[A]], %[[OUT0]]
// CHECK: memref.copy %[[G]], %[[OUT1]]
// CHECK-NOT: memref.dealloc
// CHECK: return{{$}}
memref.global "private" constant @cst : memref<2xf32> = dense<[1.0, 2.0]>
func.func @copied(%a: memref<4xf32>) -> (memref<4xf32>, memref<2xf32>) {
  %g = memref.get_global @cst : memref<2xf32>
  return %a, %g : memref<4xf32>, memref<2xf32>
}

// -----

// An allocation that something else also owns (here a call) is copied into
// the out-param and then freed, as the caller would have.
// CHECK-LABEL: func.func @shared
// CHECK-SAME: (%[[OUT:.*]]: memref<4xf32> {tl.result = 0 : i64})
// CHECK: %[[R:.*]] = memref.alloc() : memref<4xf32>
// CHECK: call @use(%[[R]])
// CHECK: memref.copy %[[R]], %[[OUT]]
// CHECK: memref.dealloc %[[R]]
// CHECK: return{{$}}
func.func private @use(memref<4xf32>)
func.func @shared() -> memref<4xf32> {
  %r = memref.alloc() : memref<4xf32>
  call @use(%r) : (memref<4xf32>) -> ()
  return %r : memref<4xf32>
}

// -----

// Dynamic results stay results; the static one moves behind the arguments.
// CHECK-LABEL: func.func @mixed
// CHECK-SAME: (%[[N:.*]]: index, %[[OUT:.*]]: memref<3xf32> {tl.result = 1 : i64}) -> memref<?xf32>
// CHECK: %[[D:.*]] = memref.alloc(%[[N]]) : memref<?xf32>
// CHECK: linalg.fill {{.*}} outs(%[[OUT]] : memref<3xf32>)
// CHECK: return %[[D]] : memref<?xf32>
func.func @mixed(%n: index) -> (memref<?xf32>, memref<3xf32>) {
  %d = memref.alloc(%n) : memref<?xf32>
  %s = memref.alloc() : memref<3xf32>
  %zero = arith.constant 0.0 : f32
  linalg.fill ins(%zero : f32) outs(%s : memref<3xf32>)
  return %d, %s : memref<?xf32>, memref<3xf32>
}

// -----

// Private functions and public functions with callers keep their signature.
// CHECK-LABEL: func.func private @helper() -> memref<4xf32>
// CHECK-LABEL: func.func @called() -> memref<4xf32>
// CHECK-LABEL: func.func @caller
// CHECK-SAME: (%[[OUT:.*]]: memref<4xf32> {tl.result = 0 : i64})
// CHECK: %[[R:.*]] = call @called() : () -> memref<4xf32>
// CHECK: memref.copy %[[R]], %[[OUT]]
// CHECK: memref.dealloc %[[R]]
func.func private @helper() -> memref<4xf32> {
  %r = memref.alloc() : memref<4xf32>
  return %r : memref<4xf32>
}
func.func @called() -> memref<4xf32> {
  %r = call @helper() : () -> memref<4xf32>
  return %r : memref<4xf32>
}
func.func @caller() -> memref<4xf32> {
  %r = call @called() : () -> memref<4xf32>
  return %r : memref<4xf32>
}
