// RUN: tl-opt %s --convert-tl-to-linalg --split-input-file | FileCheck %s

// CHECK-DAG: #[[IN:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-DAG: #[[OUT:.*]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-LABEL: func.func @sum_keepdims
// CHECK-SAME: (%[[X:.*]]: tensor<2x?x4xf32>)
// CHECK: %[[D1:.*]] = tensor.dim %[[X]], %{{.*}} : tensor<2x?x4xf32>
// CHECK: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[EMPTY:.*]] = tensor.empty(%[[D1]]) : tensor<2x?xf32>
// CHECK: %[[INIT:.*]] = linalg.fill ins(%[[ZERO]] : f32) outs(%[[EMPTY]] : tensor<2x?xf32>)
// CHECK: %[[SUM:.*]] = linalg.generic
// CHECK-SAME: indexing_maps = [#[[IN]], #[[OUT]]]
// CHECK-SAME: iterator_types = ["parallel", "parallel", "reduction"]
// CHECK-SAME: ins(%[[X]] : tensor<2x?x4xf32>) outs(%[[INIT]] : tensor<2x?xf32>)
// CHECK: ^bb0(%[[E:.*]]: f32, %[[ACC:.*]]: f32):
// CHECK: %[[ADD:.*]] = arith.addf %[[E]], %[[ACC]] : f32
// CHECK: linalg.yield %[[ADD]]
// CHECK: %[[R:.*]] = tensor.expand_shape %[[SUM]] {{\[}}[0], [1, 2]] output_shape [2, %{{.*}}, 1] : tensor<2x?xf32> into tensor<2x?x1xf32>
// CHECK: return %[[R]]
func.func @sum_keepdims(%x: tensor<2x?x4xf32>) -> tensor<2x?x1xf32> {
  %r = tl.reduce_sum %x {axes = array<i64: -1>} : (tensor<2x?x4xf32>) -> tensor<2x?x1xf32>
  return %r : tensor<2x?x1xf32>
}

// -----

// Leading reduced dims join the first kept dim's group.
// CHECK-DAG: #[[OUT:.*]] = affine_map<(d0, d1, d2) -> (d1)>
// CHECK-LABEL: func.func @prod_outer_axes
// CHECK: %[[ONE:.*]] = arith.constant 1 : i32
// CHECK: linalg.fill ins(%[[ONE]] : i32)
// CHECK: linalg.generic
// CHECK-SAME: iterator_types = ["reduction", "parallel", "reduction"]
// CHECK: arith.muli
// CHECK: tensor.expand_shape %{{.*}} {{\[}}[0, 1, 2]] output_shape [1, 5, 1] : tensor<5xi32> into tensor<1x5x1xi32>
func.func @prod_outer_axes(%x: tensor<3x5x7xi32>) -> tensor<1x5x1xi32> {
  %r = tl.reduce_prod %x {axes = array<i64: 0, 2>} : (tensor<3x5x7xi32>) -> tensor<1x5x1xi32>
  return %r : tensor<1x5x1xi32>
}

// -----

// f16 accumulates in f32; the mean divides by the (dynamic) element count
// and rounds back in one elementwise generic.
// CHECK-DAG: #[[IN:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[ALL:.*]] = affine_map<(d0, d1) -> ()>
// CHECK-LABEL: func.func @mean_all
// CHECK-SAME: (%[[X:.*]]: tensor<?x3xf16>)
// CHECK: %[[D0:.*]] = tensor.dim %[[X]], %{{.*}} : tensor<?x3xf16>
// CHECK: %[[INIT:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%{{.*}} : tensor<f32>)
// CHECK: %[[SUM:.*]] = linalg.generic
// CHECK-SAME: indexing_maps = [#[[IN]], #[[ALL]]]
// CHECK-SAME: iterator_types = ["reduction", "reduction"]
// CHECK: ^bb0(%[[E:.*]]: f16, %[[ACC:.*]]: f32):
// CHECK: %[[W:.*]] = arith.extf %[[E]] : f16 to f32
// CHECK: arith.addf %[[W]], %[[ACC]] : f32
// CHECK: %[[C3:.*]] = arith.constant 3 : index
// CHECK: %[[N:.*]] = arith.muli %[[D0]], %[[C3]] : index
// CHECK: %[[NI:.*]] = arith.index_castui %[[N]] : index to i64
// CHECK: %[[NF:.*]] = arith.uitofp %[[NI]] : i64 to f32
// CHECK: linalg.generic
// CHECK-SAME: ins(%[[SUM]] : tensor<f32>) outs(%{{.*}} : tensor<f16>)
// CHECK: ^bb0(%[[S:.*]]: f32, %{{.*}}: f16):
// CHECK: %[[MEAN:.*]] = arith.divf %[[S]], %[[NF]] : f32
// CHECK: %[[H:.*]] = arith.truncf %[[MEAN]] : f32 to f16
// CHECK: linalg.yield %[[H]] : f16
func.func @mean_all(%x: tensor<?x3xf16>) -> tensor<f16> {
  %r = tl.reduce_mean %x {keepdims = false} : (tensor<?x3xf16>) -> tensor<f16>
  return %r : tensor<f16>
}

// -----

// Integer means truncate.
// CHECK-LABEL: func.func @mean_int
// CHECK: arith.addi
// CHECK: %[[N:.*]] = arith.index_castui %{{.*}} : index to i16
// CHECK: arith.divsi %{{.*}}, %[[N]] : i16
func.func @mean_int(%x: tensor<4x6xi16>) -> tensor<4xi16> {
  %r = tl.reduce_mean %x {axes = array<i64: 1>, keepdims = false} : (tensor<4x6xi16>) -> tensor<4xi16>
  return %r : tensor<4xi16>
}

// -----

// max/min start from -inf/+inf and propagate NaN.
// CHECK-LABEL: func.func @max_min_float
// CHECK: %[[NINF:.*]] = arith.constant 0xFF800000 : f32
// CHECK: linalg.fill ins(%[[NINF]] : f32)
// CHECK: arith.maximumf
// CHECK: %[[PINF:.*]] = arith.constant 0x7F800000 : f32
// CHECK: linalg.fill ins(%[[PINF]] : f32)
// CHECK: arith.minimumf
func.func @max_min_float(%x: tensor<4x6xf32>) -> (tensor<4x1xf32>, tensor<4x1xf32>) {
  %0 = tl.reduce_max %x {axes = array<i64: 1>} : (tensor<4x6xf32>) -> tensor<4x1xf32>
  %1 = tl.reduce_min %x {axes = array<i64: 1>} : (tensor<4x6xf32>) -> tensor<4x1xf32>
  return %0, %1 : tensor<4x1xf32>, tensor<4x1xf32>
}

// -----

// Integer max/min start from the type's extremes.
// CHECK-LABEL: func.func @max_min_int
// CHECK: %[[LOW:.*]] = arith.constant -128 : i8
// CHECK: linalg.fill ins(%[[LOW]] : i8)
// CHECK: arith.maxsi
// CHECK: %[[HIGH:.*]] = arith.constant -1 : i8
// CHECK: linalg.fill ins(%[[HIGH]] : i8)
// CHECK: ^bb0(%[[E:.*]]: ui8, %[[ACC:.*]]: i8):
// CHECK: %[[S:.*]] = builtin.unrealized_conversion_cast %[[E]] : ui8 to i8
// CHECK: arith.minui %[[S]], %[[ACC]] : i8
// CHECK: linalg.generic
// CHECK-SAME: ins(%{{.*}} : tensor<4xi8>) outs(%{{.*}} : tensor<4xui8>)
// CHECK: builtin.unrealized_conversion_cast %{{.*}} : i8 to ui8
func.func @max_min_int(%x: tensor<4x6xi8>, %u: tensor<4x6xui8>) -> (tensor<4xi8>, tensor<4xui8>) {
  %0 = tl.reduce_max %x {axes = array<i64: 1>, keepdims = false} : (tensor<4x6xi8>) -> tensor<4xi8>
  %1 = tl.reduce_min %u {axes = array<i64: 1>, keepdims = false} : (tensor<4x6xui8>) -> tensor<4xui8>
  return %0, %1 : tensor<4xi8>, tensor<4xui8>
}

// -----

// argmax carries (value, index); NaN wins over numbers, ties keep the first.
// CHECK-DAG: #[[IN:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[OUT:.*]] = affine_map<(d0, d1) -> (d0)>
// CHECK-LABEL: func.func @argmax
// CHECK-SAME: (%[[X:.*]]: tensor<?x7xf32>)
// CHECK: %[[NINF:.*]] = arith.constant 0xFF800000 : f32
// CHECK: %[[VALS:.*]] = linalg.fill ins(%[[NINF]] : f32) outs(%{{.*}} : tensor<?xf32>)
// CHECK: %[[ZERO:.*]] = arith.constant 0 : i64
// CHECK: %[[IDXS:.*]] = linalg.fill ins(%[[ZERO]] : i64) outs(%{{.*}} : tensor<?xi64>)
// CHECK: %[[R:.*]]:2 = linalg.generic
// CHECK-SAME: indexing_maps = [#[[IN]], #[[OUT]], #[[OUT]]]
// CHECK-SAME: iterator_types = ["parallel", "reduction"]
// CHECK-SAME: ins(%[[X]] : tensor<?x7xf32>) outs(%[[VALS]], %[[IDXS]] : tensor<?xf32>, tensor<?xi64>)
// CHECK: ^bb0(%[[E:.*]]: f32, %[[BEST:.*]]: f32, %[[BESTI:.*]]: i64):
// CHECK: %[[I:.*]] = linalg.index 1 : index
// CHECK: %[[II:.*]] = arith.index_cast %[[I]] : index to i64
// CHECK: %[[GT:.*]] = arith.cmpf ogt, %[[E]], %[[BEST]] : f32
// CHECK: %[[ENAN:.*]] = arith.cmpf uno, %[[E]], %[[E]] : f32
// CHECK: %[[BORD:.*]] = arith.cmpf ord, %[[BEST]], %[[BEST]] : f32
// CHECK: %[[FIRSTNAN:.*]] = arith.andi %[[ENAN]], %[[BORD]] : i1
// CHECK: %[[TAKE:.*]] = arith.ori %[[GT]], %[[FIRSTNAN]] : i1
// CHECK: %[[V:.*]] = arith.select %[[TAKE]], %[[E]], %[[BEST]] : f32
// CHECK: %[[IX:.*]] = arith.select %[[TAKE]], %[[II]], %[[BESTI]] : i64
// CHECK: linalg.yield %[[V]], %[[IX]] : f32, i64
// CHECK: return %[[R]]#1
func.func @argmax(%x: tensor<?x7xf32>) -> tensor<?xi64> {
  %r = tl.argmax %x {axis = 1 : i64, keepdims = false} : (tensor<?x7xf32>) -> tensor<?xi64>
  return %r : tensor<?xi64>
}

// -----

// select_last_index takes equal values too.
// CHECK-LABEL: func.func @argmin_last
// CHECK: %[[HIGH:.*]] = arith.constant 2147483647 : i32
// CHECK: linalg.generic
// CHECK-SAME: iterator_types = ["reduction", "parallel"]
// CHECK: linalg.index 0 : index
// CHECK: arith.cmpi sle
// CHECK: tensor.expand_shape %{{.*}}#1 {{\[}}[0, 1]] output_shape [1, %{{.*}}] : tensor<?xi64> into tensor<1x?xi64>
func.func @argmin_last(%x: tensor<4x?xi32>) -> tensor<1x?xi64> {
  %r = tl.argmin %x {axis = 0 : i64, select_last_index = true} : (tensor<4x?xi32>) -> tensor<1x?xi64>
  return %r : tensor<1x?xi64>
}

// -----

// CHECK-LABEL: func.func @argmin_float_last
// CHECK: arith.cmpf olt
// CHECK: arith.cmpf uno
// CHECK: arith.cmpf oeq
// CHECK-LABEL: func.func @argmax_unsigned
// CHECK: %[[LOW:.*]] = arith.constant 0 : i16
// CHECK: arith.cmpi ugt
func.func @argmin_float_last(%x: tensor<4x5xbf16>) -> tensor<4x1xi64> {
  %r = tl.argmin %x {axis = -1 : i64, select_last_index = true} : (tensor<4x5xbf16>) -> tensor<4x1xi64>
  return %r : tensor<4x1xi64>
}
func.func @argmax_unsigned(%x: tensor<4x5xui16>) -> tensor<5xi64> {
  %r = tl.argmax %x {keepdims = false} : (tensor<4x5xui16>) -> tensor<5xi64>
  return %r : tensor<5xi64>
}

// -----

// A result type less static than inferred gets a tensor.cast.
// CHECK-LABEL: func.func @reduce_less_static_result
// CHECK: %[[E:.*]] = tensor.expand_shape %{{.*}} {{\[}}[0, 1]] output_shape [3, 1] : tensor<3xf32> into tensor<3x1xf32>
// CHECK: tensor.cast %[[E]] : tensor<3x1xf32> to tensor<?x1xf32>
func.func @reduce_less_static_result(%a: tensor<3x5xf32>) -> tensor<?x1xf32> {
  %r = tl.reduce_max %a {axes = array<i64: 1>} : (tensor<3x5xf32>) -> tensor<?x1xf32>
  return %r : tensor<?x1xf32>
}
