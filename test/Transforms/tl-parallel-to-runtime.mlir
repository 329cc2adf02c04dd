// RUN: tl-opt %s --split-input-file --tl-parallel-to-runtime --verify-diagnostics | FileCheck %s

// The forall becomes a context struct on the stack (memrefs as descriptors,
// the scalar, the dynamic trip count of the inner dimension) and a call of
// tlrt_parallel_for over the linearized iterations; the body is outlined
// into a function that delinearizes [begin, end).
// CHECK-LABEL: func.func @scale
// CHECK-SAME: (%[[IN:.*]]: memref<64x100xf32>, %[[OUT:.*]]: memref<64x100xf32>, %[[S:.*]]: f32, %[[N:.*]]: index)
// CHECK: %[[CTX:.*]] = llvm.alloca %{{.*}} x !llvm.struct<(struct<(ptr, ptr, i64, array<2 x i64>, array<2 x i64>)>, f32, struct<(ptr, ptr, i64, array<2 x i64>, array<2 x i64>)>, i64)>
// CHECK: %[[SPAN:.*]] = arith.subi %[[N]], %{{.*}} : index
// CHECK: arith.ceildivsi %[[SPAN]], %c25
// CHECK: %[[DIN:.*]] = builtin.unrealized_conversion_cast %[[IN]] : memref<64x100xf32> to !llvm.struct
// CHECK: %[[F0:.*]] = llvm.insertvalue %[[DIN]], %{{.*}}[0]
// CHECK: %[[F1:.*]] = llvm.insertvalue %[[S]], %[[F0]][1]
// CHECK: %[[DOUT:.*]] = builtin.unrealized_conversion_cast %[[OUT]]
// CHECK: %[[F2:.*]] = llvm.insertvalue %[[DOUT]], %[[F1]][2]
// CHECK: %[[F3:.*]] = llvm.insertvalue %{{.*}}, %[[F2]][3]
// CHECK: llvm.store %[[F3]], %[[CTX]]
// CHECK: %[[FN:.*]] = llvm.mlir.addressof @scale_parallel_0 : !llvm.ptr
// CHECK: %[[TOTAL:.*]] = arith.index_cast %{{.*}} : index to i64
// CHECK: llvm.call @tlrt_parallel_for(%[[TOTAL]], %[[FN]], %[[CTX]]) : (i64, !llvm.ptr, !llvm.ptr) -> ()
// CHECK-NOT: scf.forall

// CHECK-LABEL: llvm.func internal @scale_parallel_0
// CHECK-SAME: (%[[C:.*]]: !llvm.ptr, %[[BEGIN:.*]]: i64, %[[END:.*]]: i64)
// CHECK: %[[FIELDS:.*]] = llvm.load %[[C]]
// CHECK: %[[D0:.*]] = llvm.extractvalue %[[FIELDS]][0]
// CHECK: %[[M0:.*]] = builtin.unrealized_conversion_cast %[[D0]] : !llvm.struct<(ptr, ptr, i64, array<2 x i64>, array<2 x i64>)> to memref<64x100xf32>
// CHECK: %[[SCALE:.*]] = llvm.extractvalue %[[FIELDS]][1]
// CHECK: %[[D2:.*]] = llvm.extractvalue %[[FIELDS]][2]
// CHECK: %[[M2:.*]] = builtin.unrealized_conversion_cast %[[D2]]
// CHECK: %[[B:.*]] = arith.index_cast %[[BEGIN]] : i64 to index
// CHECK: %[[E:.*]] = arith.index_cast %[[END]] : i64 to index
// CHECK: scf.for %[[L:.*]] = %[[B]] to %[[E]] step
// CHECK:   %[[J:.*]] = arith.remui %[[L]],
// CHECK:   %[[I:.*]] = arith.divui %[[L]],
// CHECK:   %[[V:.*]] = memref.load %[[M0]]
// CHECK:   %[[W:.*]] = arith.mulf %[[V]], %[[SCALE]]
// CHECK:   memref.store %[[W]], %[[M2]]
// CHECK: llvm.return
// CHECK: llvm.func @tlrt_parallel_for(i64, !llvm.ptr, !llvm.ptr)
func.func @scale(%in: memref<64x100xf32>, %out: memref<64x100xf32>, %s: f32, %n: index) {
  scf.forall (%i, %j) = (0, 0) to (64, %n) step (16, 25) {
    %v = memref.load %in[%i, %j] : memref<64x100xf32>
    %w = arith.mulf %v, %s : f32
    memref.store %w, %out[%i, %j] : memref<64x100xf32>
  }
  return
}

// -----

// A forall nested in another runs sequentially inside the outlined body;
// constants are rematerialized there instead of being captured.
// CHECK-LABEL: func.func @nested
// CHECK: llvm.call @tlrt_parallel_for
// CHECK-LABEL: llvm.func internal @nested_parallel_0
// CHECK: %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
// CHECK: scf.for
// CHECK:   scf.for
// CHECK:     memref.store %[[ONE]]
// CHECK-NOT: scf.forall
func.func @nested(%out: memref<8x8xf32>) {
  %one = arith.constant 1.0 : f32
  scf.forall (%i) in (8) {
    scf.forall (%j) in (8) {
      memref.store %one, %out[%i, %j] : memref<8x8xf32>
    }
  }
  return
}

// -----

// An existing definition of the runtime function (as in tests that stand in
// for the runtime) is reused.
// CHECK-LABEL: llvm.func @tlrt_parallel_for(%{{.*}}: i64, %{{.*}}: !llvm.ptr, %{{.*}}: !llvm.ptr)
// CHECK-NOT: llvm.func @tlrt_parallel_for
llvm.func @tlrt_parallel_for(%n: i64, %fn: !llvm.ptr, %ctx: !llvm.ptr) {
  %c0 = llvm.mlir.constant(0 : i64) : i64
  llvm.call %fn(%ctx, %c0, %n) : !llvm.ptr, (!llvm.ptr, i64, i64) -> ()
  llvm.return
}
func.func @reuse(%out: memref<8xf32>) {
  %one = arith.constant 1.0 : f32
  scf.forall (%i) in (8) {
    memref.store %one, %out[%i] : memref<8xf32>
  }
  return
}

// -----

func.func @tensors(%t: tensor<8xf32>) -> tensor<8xf32> {
  %one = arith.constant 1.0 : f32
  // expected-error @below {{'scf.forall' op must be bufferized before outlining}}
  %r = scf.forall (%i) in (8) shared_outs(%o = %t) -> tensor<8xf32> {
    %v = tensor.from_elements %one : tensor<1xf32>
    scf.forall.in_parallel {
      tensor.parallel_insert_slice %v into %o[%i] [1] [1] : tensor<1xf32> into tensor<8xf32>
    }
  }
  return %r : tensor<8xf32>
}

// -----

// Unsigned scalars travel as the signless LLVM integer, cast back inside.
// CHECK-LABEL: func.func @unsigned
// CHECK-SAME: (%{{.*}}: memref<8xui8>, %[[V:.*]]: ui8)
// CHECK: %[[CAST:.*]] = builtin.unrealized_conversion_cast %[[V]] : ui8 to i8
// CHECK: llvm.insertvalue %[[CAST]]
// CHECK-LABEL: llvm.func internal @unsigned_parallel_0
// CHECK: %[[FIELD:.*]] = llvm.extractvalue %{{.*}}[0] : !llvm.struct<(i8, struct<(ptr, ptr, i64, array<1 x i64>, array<1 x i64>)>)>
// CHECK: %[[BACK:.*]] = builtin.unrealized_conversion_cast %[[FIELD]] : i8 to ui8
// CHECK: memref.store %[[BACK]]
func.func @unsigned(%out: memref<8xui8>, %v: ui8) {
  scf.forall (%i) in (8) {
    memref.store %v, %out[%i] : memref<8xui8>
  }
  return
}
