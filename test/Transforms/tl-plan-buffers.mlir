// RUN: tl-opt %s --split-input-file --tl-plan-buffers | FileCheck %s

// %a is dead once copied into %b, so %c reuses its bytes; %b lives on
// through a view of it until the last copy; the returned buffer and the
// arena are the only allocations left.
// CHECK-LABEL: func.func @chain
// CHECK-SAME: (%[[X:.*]]: memref<64xf32>)
// CHECK: %[[ARENA:.*]] = memref.alloc() {alignment = 64 : i64} : memref<512xi8>
// CHECK: %[[OA:.*]] = arith.constant 0 : index
// CHECK: %[[A:.*]] = memref.view %[[ARENA]][%[[OA]]][] : memref<512xi8> to memref<64xf32>
// CHECK: %[[OB:.*]] = arith.constant 256 : index
// CHECK: %[[B:.*]] = memref.view %[[ARENA]][%[[OB]]][] : memref<512xi8> to memref<64xf32>
// CHECK: memref.copy %[[X]], %[[A]]
// CHECK: memref.copy %[[A]], %[[B]]
// CHECK: %[[OC:.*]] = arith.constant 0 : index
// CHECK: %[[C:.*]] = memref.view %[[ARENA]][%[[OC]]][] : memref<512xi8> to memref<16xf32>
// CHECK: %[[S:.*]] = memref.subview %[[B]]
// CHECK: memref.copy %[[S]], %[[C]]
// CHECK: %[[R:.*]] = memref.alloc() : memref<64xf32>
// CHECK-NOT: memref.dealloc %[[A]]
// CHECK: memref.dealloc %[[ARENA]] : memref<512xi8>
// CHECK-NEXT: return %[[R]]
func.func @chain(%x: memref<64xf32>) -> memref<64xf32> {
  %a = memref.alloc() {alignment = 64 : i64} : memref<64xf32>
  %b = memref.alloc() {alignment = 64 : i64} : memref<64xf32>
  memref.copy %x, %a : memref<64xf32> to memref<64xf32>
  memref.copy %a, %b : memref<64xf32> to memref<64xf32>
  %c = memref.alloc() {alignment = 64 : i64} : memref<16xf32>
  %s = memref.subview %b[0] [16] [1] : memref<64xf32> to memref<16xf32, strided<[1]>>
  memref.copy %s, %c : memref<16xf32, strided<[1]>> to memref<16xf32>
  %r = memref.alloc() : memref<64xf32>
  memref.copy %x, %r : memref<64xf32> to memref<64xf32>
  memref.dealloc %a : memref<64xf32>
  memref.dealloc %b : memref<64xf32>
  memref.dealloc %c : memref<16xf32>
  return %r : memref<64xf32>
}

// -----

// Uses inside nested regions extend the live range to the enclosing loop;
// dynamic shapes and buffers freed elsewhere are not planned.
// CHECK-LABEL: func.func @nested
// CHECK: %[[ARENA:.*]] = memref.alloc() {alignment = 64 : i64} : memref<128xi8>
// CHECK: %[[T:.*]] = memref.view %[[ARENA]]
// CHECK: %[[U:.*]] = memref.view %[[ARENA]]
// CHECK: scf.for
// CHECK:   memref.copy %[[T]], %[[U]]
// CHECK: %[[D:.*]] = memref.alloc(%{{.*}}) : memref<?xf32>
// CHECK: memref.dealloc %[[D]]
func.func @nested(%x: memref<16xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %t = memref.alloc() : memref<16xf32>
  %u = memref.alloc() : memref<16xf32>
  memref.copy %x, %t : memref<16xf32> to memref<16xf32>
  scf.for %i = %c0 to %c4 step %c1 {
    memref.copy %t, %u : memref<16xf32> to memref<16xf32>
  }
  %d = memref.alloc(%n) : memref<?xf32>
  memref.dealloc %d : memref<?xf32>
  memref.dealloc %t : memref<16xf32>
  memref.dealloc %u : memref<16xf32>
  return
}

// -----

// A single temporary is left alone.
// CHECK-LABEL: func.func @single
// CHECK: memref.alloc() : memref<16xf32>
// CHECK-NOT: memref.view
func.func @single(%x: memref<16xf32>) {
  %t = memref.alloc() : memref<16xf32>
  memref.copy %x, %t : memref<16xf32> to memref<16xf32>
  memref.dealloc %t : memref<16xf32>
  return
}
