// RUN: tl-opt %s --split-input-file --tl-copy-aliased-results | FileCheck %s

// The second return of one buffer gets its own allocation and a copy.
// CHECK-LABEL: func.func @twice
// CHECK-SAME: (%[[A:.*]]: memref<4xf32>)
// CHECK: %[[COPY:.*]] = memref.alloc() : memref<4xf32>
// CHECK: memref.copy %[[A]], %[[COPY]]
// CHECK: return %[[A]], %[[COPY]]
func.func @twice(%a: memref<4xf32>) -> (memref<4xf32>, memref<4xf32>) {
  return %a, %a : memref<4xf32>, memref<4xf32>
}

// -----

// Views of one allocation count as the same buffer; dynamic sizes are kept.
// CHECK-LABEL: func.func @views
// CHECK-SAME: (%[[A:.*]]: memref<?xf32>)
// CHECK: %[[CAST:.*]] = memref.cast %[[A]]
// CHECK: %[[C0:.*]] = arith.constant 0 : index
// CHECK: %[[N:.*]] = memref.dim %[[CAST]], %[[C0]]
// CHECK: %[[COPY:.*]] = memref.alloc(%[[N]]) : memref<?xf32>
// CHECK: memref.copy %[[CAST]], %[[COPY]]
// CHECK: return %[[A]], %[[COPY]]
func.func @views(%a: memref<?xf32>) -> (memref<?xf32>, memref<?xf32>) {
  %c = memref.cast %a : memref<?xf32> to memref<?xf32>
  return %a, %c : memref<?xf32>, memref<?xf32>
}

// -----

// Distinct buffers are left alone.
// CHECK-LABEL: func.func @distinct
// CHECK-NOT: memref.copy
// CHECK: return
func.func @distinct(%a: memref<4xf32>, %b: memref<4xf32>) -> (memref<4xf32>, memref<4xf32>) {
  return %a, %b : memref<4xf32>, memref<4xf32>
}
