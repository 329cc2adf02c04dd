// RUN: tl-opt %s --split-input-file --tl-lower-copies="vector-width=8" | FileCheck %s

// Rows of a view into rows of another view: loops whose innermost one moves
// 8-lane vectors, masked at the end of the 5-element rows.
// CHECK-LABEL: func.func @strided
// CHECK: %[[SRC:.*]] = memref.subview %{{.*}}[2, 1] [3, 5] [1, 1]
// CHECK: %[[DST:.*]] = memref.subview %{{.*}}[0, 0] [3, 5] [1, 1]
// CHECK-NOT: memref.copy
// CHECK: scf.for %[[I:.*]] = %{{.*}} to %{{.*}} step %{{.*}} {
// CHECK:   scf.for %[[J:.*]] = %{{.*}} to %{{.*}} step %c8 {
// CHECK:     %[[V:.*]] = vector.transfer_read %[[SRC]][%[[I]], %[[J]]], %{{.*}} : memref<3x5xf32, strided<[8, 1], offset: 17>>, vector<8xf32>
// CHECK:     vector.transfer_write %[[V]], %[[DST]][%[[I]], %[[J]]] : vector<8xf32>, memref<3x5xf32, strided<[37, 1]>>
func.func @strided(%a: memref<8x8xf32>, %b: memref<3x37xf32>) {
  %s = memref.subview %a[2, 1] [3, 5] [1, 1] : memref<8x8xf32> to memref<3x5xf32, strided<[8, 1], offset: 17>>
  %t = memref.subview %b[0, 0] [3, 5] [1, 1] : memref<3x37xf32> to memref<3x5xf32, strided<[37, 1]>>
  memref.copy %s, %t : memref<3x5xf32, strided<[8, 1], offset: 17>> to memref<3x5xf32, strided<[37, 1]>>
  return
}

// -----

// A column (innermost stride 6): scalar loads and stores.
// CHECK-LABEL: func.func @column
// CHECK-SAME: (%{{.*}}: memref<4x6xf32>, %[[B:.*]]: memref<4xf32>)
// CHECK: %[[SRC:.*]] = memref.subview
// CHECK: scf.for %[[I:.*]] =
// CHECK:   %[[E:.*]] = memref.load %[[SRC]][%[[I]]]
// CHECK:   memref.store %[[E]], %[[B]][%[[I]]]
func.func @column(%a: memref<4x6xf32>, %b: memref<4xf32>) {
  %s = memref.subview %a[0, 2] [4, 1] [1, 1] : memref<4x6xf32> to memref<4xf32, strided<[6], offset: 2>>
  memref.copy %s, %b : memref<4xf32, strided<[6], offset: 2>> to memref<4xf32>
  return
}

// -----

// Contiguous copies stay: they become a memcpy.
// CHECK-LABEL: func.func @contiguous
// CHECK: memref.copy
func.func @contiguous(%a: memref<4x6xf32>, %b: memref<4x6xf32>) {
  memref.copy %a, %b : memref<4x6xf32> to memref<4x6xf32>
  return
}
