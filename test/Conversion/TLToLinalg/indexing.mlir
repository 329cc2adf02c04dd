// RUN: tl-opt %s --convert-tl-to-linalg | FileCheck %s

// Gathers become index-computing generics reading their source with
// tensor.extract; scatters scf.for nests carrying the destination, one
// tensor.insert per update in row-major order; top_k a rank reduction, a
// pick reduction and a gather.

// CHECK-DAG: #[[ID2:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[KEEP:.*]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-DAG: #[[ALONG:.*]] = affine_map<(d0, d1, d2) -> (d0, d2)>

// CHECK-LABEL: func.func @gather_elements
// CHECK-SAME: (%[[X:.*]]: tensor<3x4xf32>, %[[I:.*]]: tensor<3x2xi64>)
// CHECK: linalg.generic {indexing_maps = [#[[ID2]], #[[ID2]]], iterator_types = ["parallel", "parallel"]} ins(%[[I]] : tensor<3x2xi64>)
// CHECK: ^bb0(%[[IDX:.*]]: i64, %{{.*}}: f32):
// CHECK: %[[ROW:.*]] = linalg.index 0
// CHECK: %[[C:.*]] = arith.index_cast %[[IDX]] : i64 to index
// CHECK: %[[NEG:.*]] = arith.cmpi slt, %[[C]]
// CHECK: %[[WRAPPED:.*]] = arith.addi %[[C]], %{{.*}}
// CHECK: %[[WRAP:.*]] = arith.select %[[NEG]], %[[WRAPPED]], %[[C]]
// Out-of-range indices clamp to [0, 3].
// CHECK: %[[HI:.*]] = arith.minsi %[[WRAP]], %{{.*}}
// CHECK: %[[COL:.*]] = arith.maxsi %[[HI]], %{{.*}}
// CHECK: %[[E:.*]] = tensor.extract %[[X]][%[[ROW]], %[[COL]]]
// CHECK: linalg.yield %[[E]]
func.func @gather_elements(%x: tensor<3x4xf32>, %i: tensor<3x2xi64>) -> tensor<3x2xf32> {
  %0 = tl.gather_elements %x, %i {axis = 1 : i64} : (tensor<3x4xf32>, tensor<3x2xi64>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// CHECK-LABEL: func.func @gather_nd_batch
// CHECK-SAME: (%[[D:.*]]: tensor<2x2x2xi32>, %[[I:.*]]: tensor<2x1xi64>)
// CHECK: linalg.generic {indexing_maps = [#[[ID2]]], iterator_types = ["parallel", "parallel"]} outs(
// CHECK: %[[B:.*]] = linalg.index 0
// CHECK: %[[R:.*]] = linalg.index 1
// CHECK: %[[T:.*]] = tensor.extract %[[I]][%[[B]], %{{.*}}] : tensor<2x1xi64>
// CHECK: %[[TI:.*]] = arith.index_cast %[[T]]
// CHECK: arith.select %{{.*}}, %{{.*}}, %[[TI]]
// CHECK: arith.minsi
// CHECK: %[[W:.*]] = arith.maxsi
// CHECK: tensor.extract %[[D]][%[[B]], %[[W]], %[[R]]] : tensor<2x2x2xi32>
func.func @gather_nd_batch(%d: tensor<2x2x2xi32>, %i: tensor<2x1xi64>) -> tensor<2x2xi32> {
  %0 = tl.gather_nd %d, %i {batch_dims = 1 : i64} : (tensor<2x2x2xi32>, tensor<2x1xi64>) -> tensor<2x2xi32>
  return %0 : tensor<2x2xi32>
}

// CHECK-LABEL: func.func @scatter_elements_add
// CHECK-SAME: (%[[X:.*]]: tensor<1x5xf32>, %[[I:.*]]: tensor<1x2xi64>, %[[U:.*]]: tensor<1x2xf32>)
// CHECK: %[[OUT:.*]] = scf.for %[[A:.*]] = %{{.*}} iter_args(%[[ACC0:.*]] = %[[X]]) -> (tensor<1x5xf32>)
// CHECK: scf.for %[[B:.*]] = %{{.*}} iter_args(%[[ACC:.*]] = %[[ACC0]]) -> (tensor<1x5xf32>)
// CHECK: tensor.extract %[[I]][%[[A]], %[[B]]]
// CHECK: arith.select
// CHECK: arith.minsi
// CHECK: %[[POS:.*]] = arith.maxsi
// CHECK: %[[UPD:.*]] = tensor.extract %[[U]][%[[A]], %[[B]]]
// CHECK: %[[OLD:.*]] = tensor.extract %[[ACC]][%[[A]], %[[POS]]]
// CHECK: %[[SUM:.*]] = arith.addf %[[OLD]], %[[UPD]]
// CHECK: %[[INS:.*]] = tensor.insert %[[SUM]] into %[[ACC]][%[[A]], %[[POS]]]
// CHECK: scf.yield %[[INS]]
// CHECK: return %[[OUT]]
func.func @scatter_elements_add(%x: tensor<1x5xf32>, %i: tensor<1x2xi64>, %u: tensor<1x2xf32>) -> tensor<1x5xf32> {
  %0 = tl.scatter_elements %x, %i, %u {axis = 1 : i64, reduction = #tl<scatter_reduction add>}
      : (tensor<1x5xf32>, tensor<1x2xi64>, tensor<1x2xf32>) -> tensor<1x5xf32>
  return %0 : tensor<1x5xf32>
}

// Integer max on unsigned elements compares unsigned.
// CHECK-LABEL: func.func @scatter_nd_max_unsigned
// CHECK-SAME: (%[[X:.*]]: tensor<?x3xui8>, %[[I:.*]]: tensor<2x1xi32>, %[[U:.*]]: tensor<2x3xui8>)
// CHECK: scf.for %[[P:.*]] = %{{.*}} iter_args(%[[ACC0:.*]] = %[[X]]) -> (tensor<?x3xui8>)
// CHECK: scf.for %[[Q:.*]] = %{{.*}} iter_args(%[[ACC:.*]] = %[[ACC0]])
// CHECK: tensor.extract %[[I]][%[[P]], %{{.*}}] : tensor<2x1xi32>
// CHECK: arith.select
// CHECK: arith.minsi
// CHECK: %[[ROW:.*]] = arith.maxsi
// CHECK: tensor.extract %[[U]][%[[P]], %[[Q]]]
// CHECK: tensor.extract %[[ACC]][%[[ROW]], %[[Q]]]
// CHECK: arith.maxui
// CHECK: tensor.insert %{{.*}} into %[[ACC]][%[[ROW]], %[[Q]]]
func.func @scatter_nd_max_unsigned(%x: tensor<?x3xui8>, %i: tensor<2x1xi32>, %u: tensor<2x3xui8>) -> tensor<?x3xui8> {
  %0 = tl.scatter_nd %x, %i, %u {reduction = #tl<scatter_reduction max>}
      : (tensor<?x3xui8>, tensor<2x1xi32>, tensor<2x3xui8>) -> tensor<?x3xui8>
  return %0 : tensor<?x3xui8>
}

// CHECK-LABEL: func.func @top_k
// CHECK-SAME: (%[[X:.*]]: tensor<3x4xf32>)
// CHECK: %[[RANKS:.*]] = linalg.generic {indexing_maps = [#[[KEEP]], #[[ALONG]], #[[KEEP]]], iterator_types = ["parallel", "parallel", "reduction"]} ins(%[[X]], %[[X]] :
// CHECK: ^bb0(%[[XI:.*]]: f32, %[[XR:.*]]: f32, %[[N:.*]]: i64):
// x[r] beats x[i] when larger, or NaN against a number, or equal (NaN and
// NaN included) at a lower position.
// CHECK: %[[GT:.*]] = arith.cmpf ogt, %[[XR]], %[[XI]]
// CHECK: %[[RNAN:.*]] = arith.cmpf uno, %[[XR]], %[[XR]]
// CHECK: %[[INUM:.*]] = arith.cmpf ord, %[[XI]], %[[XI]]
// CHECK: %[[NANWINS:.*]] = arith.andi %[[RNAN]], %[[INUM]]
// CHECK: %[[BEATS:.*]] = arith.ori %[[GT]], %[[NANWINS]]
// CHECK: %[[OEQ:.*]] = arith.cmpf oeq, %[[XR]], %[[XI]]
// CHECK: %[[RNAN2:.*]] = arith.cmpf uno, %[[XR]], %[[XR]]
// CHECK: %[[INAN:.*]] = arith.cmpf uno, %[[XI]], %[[XI]]
// CHECK: %[[BOTHNAN:.*]] = arith.andi %[[RNAN2]], %[[INAN]]
// CHECK: %[[EQ:.*]] = arith.ori %[[OEQ]], %[[BOTHNAN]]
// CHECK: %[[R:.*]] = linalg.index 2
// CHECK: %[[I:.*]] = linalg.index 1
// CHECK: %[[BEFORE:.*]] = arith.cmpi ult, %[[R]], %[[I]]
// CHECK: %[[TIE:.*]] = arith.andi %[[EQ]], %[[BEFORE]]
// CHECK: %[[WINS:.*]] = arith.ori %[[BEATS]], %[[TIE]]
// CHECK: %[[ONE:.*]] = arith.extui %[[WINS]] : i1 to i64
// CHECK: arith.addi %[[N]], %[[ONE]]
// CHECK: %[[IDX:.*]] = linalg.generic {indexing_maps = [#[[ALONG]], #[[KEEP]]], iterator_types = ["parallel", "parallel", "reduction"]} ins(%[[RANKS]] : tensor<3x4xi64>) outs(%{{.*}} : tensor<3x2xi64>)
// CHECK: %[[VAL:.*]] = linalg.generic {{.*}} ins(%[[IDX]] : tensor<3x2xi64>) outs(%{{.*}} : tensor<3x2xf32>)
// CHECK: tensor.extract %[[X]]
// CHECK: return %[[VAL]], %[[IDX]]
func.func @top_k(%x: tensor<3x4xf32>) -> (tensor<3x2xf32>, tensor<3x2xi64>) {
  %v, %i = tl.top_k %x {axis = -1 : i64, k = 2 : i64} : (tensor<3x4xf32>) -> (tensor<3x2xf32>, tensor<3x2xi64>)
  return %v, %i : tensor<3x2xf32>, tensor<3x2xi64>
}

// CHECK-LABEL: func.func @reverse_sequence
// CHECK-SAME: (%[[X:.*]]: tensor<4x3xf32>, %[[L:.*]]: tensor<3xi64>)
// CHECK: %[[T:.*]] = linalg.index 0
// CHECK: %[[B:.*]] = linalg.index 1
// CHECK: %[[LEN:.*]] = tensor.extract %[[L]][%[[B]]]
// CHECK: %[[LENI:.*]] = arith.index_cast %[[LEN]]
// The length clamps to [0, 4].
// CHECK: %[[HI:.*]] = arith.minsi %[[LENI]], %{{.*}}
// CHECK: %[[N:.*]] = arith.maxsi %[[HI]], %{{.*}}
// CHECK: %[[IN:.*]] = arith.cmpi slt, %[[T]], %[[N]]
// CHECK: %[[LAST:.*]] = arith.subi %[[N]], %{{.*}}
// CHECK: %[[REV:.*]] = arith.subi %[[LAST]], %[[T]]
// CHECK: %[[SRC:.*]] = arith.select %[[IN]], %[[REV]], %[[T]]
// CHECK: tensor.extract %[[X]][%[[SRC]], %[[B]]]
func.func @reverse_sequence(%x: tensor<4x3xf32>, %l: tensor<3xi64>) -> tensor<4x3xf32> {
  %0 = tl.reverse_sequence %x, %l : (tensor<4x3xf32>, tensor<3xi64>) -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// CHECK-LABEL: func.func @max_unpool
// CHECK-SAME: (%[[X:.*]]: tensor<?x2x2x2xf32>, %[[I:.*]]: tensor<?x2x2x2xi64>)
// CHECK: %[[ZERO:.*]] = linalg.fill
// CHECK: %[[FLAT:.*]] = tensor.collapse_shape %[[ZERO]] {{\[\[}}0, 1, 2, 3]] : tensor<?x2x4x4xf32> into tensor<?xf32>
// CHECK: %[[S:.*]] = scf.for
// CHECK: %[[P:.*]] = tensor.extract %[[I]]
// CHECK: %[[PI:.*]] = arith.index_cast %[[P]]
// CHECK: arith.minsi
// CHECK: %[[PC:.*]] = arith.maxsi
// CHECK: %[[V:.*]] = tensor.extract %[[X]]
// CHECK: tensor.insert %[[V]] into %{{.*}}[%[[PC]]] : tensor<?xf32>
// CHECK: tensor.expand_shape %[[S]] {{\[\[}}0, 1, 2, 3]] output_shape [%{{.*}}, 2, 4, 4] : tensor<?xf32> into tensor<?x2x4x4xf32>
func.func @max_unpool(%x: tensor<?x2x2x2xf32>, %i: tensor<?x2x2x2xi64>) -> tensor<?x2x4x4xf32> {
  %0 = tl.max_unpool %x, %i {output_shape = array<i64: 4, 4>}
      : (tensor<?x2x2x2xf32>, tensor<?x2x2x2xi64>) -> tensor<?x2x4x4xf32>
  return %0 : tensor<?x2x4x4xf32>
}
