// RUN: tl-opt %s --convert-tl-to-linalg --split-input-file | FileCheck %s

// trilu keeps [.., i, j] where j - i >= k (upper) with k read once.
// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-LABEL: func.func @triu_runtime_k
// CHECK-SAME: (%[[X:[^:]*]]: tensor<2x4x5xf32>, %[[K:[^:]*]]: tensor<i64>)
// CHECK: %[[KE:.*]] = tensor.extract %[[K]][] : tensor<i64>
// CHECK: %[[KI:.*]] = arith.index_cast %[[KE]] : i64 to index
// CHECK: %[[R:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[ID]]], iterator_types = ["parallel", "parallel", "parallel"]} ins(%[[X]] : tensor<2x4x5xf32>)
// CHECK: ^bb0(%[[E:.*]]: f32, %{{.*}}: f32):
// CHECK: %[[ROW:.*]] = linalg.index 1 : index
// CHECK: %[[COL:.*]] = linalg.index 2 : index
// CHECK: %[[DIAG:.*]] = arith.subi %[[COL]], %[[ROW]] : index
// CHECK: %[[KEEP:.*]] = arith.cmpi sge, %[[DIAG]], %[[KI]] : index
// CHECK: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[SEL:.*]] = arith.select %[[KEEP]], %[[E]], %[[ZERO]] : f32
// CHECK: linalg.yield %[[SEL]]
// CHECK: return %[[R]]
func.func @triu_runtime_k(%x: tensor<2x4x5xf32>, %k: tensor<i64>) -> tensor<2x4x5xf32> {
  %0 = tl.trilu %x, %k : (tensor<2x4x5xf32>, tensor<i64>) -> tensor<2x4x5xf32>
  return %0 : tensor<2x4x5xf32>
}

// -----

// Lower without k: j - i <= 0.
// CHECK-LABEL: func.func @tril_bool
// CHECK: %[[K:.*]] = arith.constant 0 : index
// CHECK: linalg.generic
// CHECK: ^bb0(%[[E:.*]]: i1, %{{.*}}: i1):
// CHECK: %[[KEEP:.*]] = arith.cmpi sle, %{{.*}}, %[[K]] : index
// CHECK: %[[FALSE:.*]] = arith.constant false
// CHECK: arith.select %[[KEEP]], %[[E]], %[[FALSE]] : i1
func.func @tril_bool(%x: tensor<?x3xi1>) -> tensor<?x3xi1> {
  %0 = tl.trilu %x {upper = false} : (tensor<?x3xi1>) -> tensor<?x3xi1>
  return %0 : tensor<?x3xi1>
}

// -----

// A static size-0 dim: nothing to compute.
// CHECK-LABEL: func.func @trilu_empty
// CHECK-NEXT: %[[E:.*]] = tensor.empty() : tensor<3x0x5xi64>
// CHECK-NEXT: return %[[E]]
func.func @trilu_empty(%x: tensor<3x0x5xi64>, %k: tensor<i64>) -> tensor<3x0x5xi64> {
  %0 = tl.trilu %x, %k {upper = false} : (tensor<3x0x5xi64>, tensor<i64>) -> tensor<3x0x5xi64>
  return %0 : tensor<3x0x5xi64>
}

// -----

// cumsum: a reduction over j (the last loop) reading the input at j along
// the axis, adding where j <= i.
// CHECK-DAG: #[[IN:.*]] = affine_map<(d0, d1, d2) -> (d0, d2)>
// CHECK-DAG: #[[OUT:.*]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-LABEL: func.func @cumsum_inclusive
// CHECK-SAME: (%[[X:[^:]*]]: tensor<2x?xf32>)
// CHECK: %[[INIT:.*]] = linalg.fill
// CHECK: %[[R:.*]] = linalg.generic {indexing_maps = [#[[IN]], #[[OUT]]], iterator_types = ["parallel", "parallel", "reduction"]} ins(%[[X]] : tensor<2x?xf32>) outs(%[[INIT]] : tensor<2x?xf32>)
// CHECK: ^bb0(%[[E:.*]]: f32, %[[ACC:.*]]: f32):
// CHECK: %[[I:.*]] = linalg.index 1 : index
// CHECK: %[[J:.*]] = linalg.index 2 : index
// CHECK: %[[IN_RANGE:.*]] = arith.cmpi ule, %[[J]], %[[I]] : index
// CHECK: %[[SUM:.*]] = arith.addf %[[ACC]], %[[E]] : f32
// CHECK: %[[SEL:.*]] = arith.select %[[IN_RANGE]], %[[SUM]], %[[ACC]] : f32
// CHECK: linalg.yield %[[SEL]]
// CHECK: return %[[R]]
func.func @cumsum_inclusive(%x: tensor<2x?xf32>) -> tensor<2x?xf32> {
  %0 = tl.cumsum %x {axis = -1 : i64} : tensor<2x?xf32>
  return %0 : tensor<2x?xf32>
}

// -----

// exclusive reverse: j > i; unsigned sums in signless i32, converted back.
// CHECK-DAG: #[[IN:.*]] = affine_map<(d0, d1, d2) -> (d2, d1)>
// CHECK-LABEL: func.func @cumsum_reverse_exclusive_unsigned
// CHECK: %[[ACC:.*]] = linalg.generic {indexing_maps = [#[[IN]], #{{.*}}], iterator_types = ["parallel", "parallel", "reduction"]} {{.*}} outs(%{{.*}} : tensor<4x3xi32>)
// CHECK: %[[I:.*]] = linalg.index 0 : index
// CHECK: %[[J:.*]] = linalg.index 2 : index
// CHECK: arith.cmpi ugt, %[[J]], %[[I]] : index
// CHECK: arith.addi
// CHECK: %[[R:.*]] = linalg.generic {{.*}} ins(%[[ACC]] : tensor<4x3xi32>) outs(%{{.*}} : tensor<4x3xui32>)
// CHECK: return %[[R]]
func.func @cumsum_reverse_exclusive_unsigned(%x: tensor<4x3xui32>) -> tensor<4x3xui32> {
  %0 = tl.cumsum %x {axis = 0 : i64, exclusive = true, reverse = true} : tensor<4x3xui32>
  return %0 : tensor<4x3xui32>
}

// -----

// A static axis longer than 32 scans in ceil(log2(40)) = 6 passes after the
// exclusive shift: pass s adds the element s positions later (reverse), 0
// past the end.
// CHECK-LABEL: func.func @cumsum_log_step
// CHECK-SAME: (%[[X:[^:]*]]: tensor<2x40xf32>)
// CHECK: %[[SHIFTED:.*]] = linalg.generic {{.*}} ins(%[[X]] : tensor<2x40xf32>)
// CHECK: %[[I:.*]] = linalg.index 1 : index
// CHECK: %[[ONE:.*]] = arith.constant 1 : index
// CHECK: %[[LIMIT:.*]] = arith.constant 39 : index
// CHECK: %[[IN:.*]] = arith.cmpi ult, %[[I]], %[[LIMIT]] : index
// CHECK: %[[NEXT:.*]] = arith.addi %[[I]], %[[ONE]] : index
// CHECK: %[[J:.*]] = arith.select %[[IN]], %[[NEXT]], %[[I]] : index
// CHECK: %[[E:.*]] = tensor.extract %[[X]][%{{.*}}, %[[J]]]
// CHECK: arith.select %[[IN]], %[[E]], %{{.*}} : f32
// CHECK-NOT: arith.addf
// CHECK: %[[S1:.*]] = linalg.generic {{.*}} ins(%[[SHIFTED]] : tensor<2x40xf32>)
// CHECK: ^bb0(%[[A:.*]]: f32, %{{.*}}: f32):
// CHECK: tensor.extract %[[SHIFTED]]
// CHECK: %[[B:.*]] = arith.select
// CHECK: arith.addf %[[A]], %[[B]] : f32
// CHECK: %[[S2:.*]] = linalg.generic {{.*}} ins(%[[S1]] : tensor<2x40xf32>)
// CHECK: arith.constant 2 : index
// CHECK: %[[S4:.*]] = linalg.generic {{.*}} ins(%[[S2]] : tensor<2x40xf32>)
// CHECK: %[[S8:.*]] = linalg.generic {{.*}} ins(%[[S4]] : tensor<2x40xf32>)
// CHECK: %[[S16:.*]] = linalg.generic {{.*}} ins(%[[S8]] : tensor<2x40xf32>)
// CHECK: %[[S32:.*]] = linalg.generic {{.*}} ins(%[[S16]] : tensor<2x40xf32>)
// CHECK: arith.constant 32 : index
// CHECK-NOT: linalg.generic
// CHECK: return %[[S32]]
func.func @cumsum_log_step(%x: tensor<2x40xf32>) -> tensor<2x40xf32> {
  %0 = tl.cumsum %x {axis = 1 : i64, exclusive = true, reverse = true} : tensor<2x40xf32>
  return %0 : tensor<2x40xf32>
}
