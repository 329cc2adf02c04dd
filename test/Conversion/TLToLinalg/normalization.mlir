// RUN: tl-opt %s --convert-tl-to-linalg --split-input-file | FileCheck %s

// softmax: max over the axis, sum of exp(x - max), then exp(x - max) / sum.
// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-DAG: #[[ROW:.*]] = affine_map<(d0, d1, d2) -> (d0, d2)>
// CHECK-LABEL: func.func @softmax
// CHECK-SAME: (%[[X:.*]]: tensor<2x?x4xf32>)
// CHECK: %[[NINF:.*]] = arith.constant 0xFF800000 : f32
// CHECK: %[[MAXINIT:.*]] = linalg.fill ins(%[[NINF]] : f32) outs(%{{.*}} : tensor<2x4xf32>)
// CHECK: %[[MAX:.*]] = linalg.generic
// CHECK-SAME: indexing_maps = [#[[ID]], #[[ROW]]]
// CHECK-SAME: iterator_types = ["parallel", "reduction", "parallel"]
// CHECK-SAME: ins(%[[X]] : tensor<2x?x4xf32>) outs(%[[MAXINIT]] : tensor<2x4xf32>)
// CHECK: arith.maximumf
// CHECK: %[[SUMINIT:.*]] = linalg.fill
// CHECK: %[[SUM:.*]] = linalg.generic
// CHECK-SAME: indexing_maps = [#[[ID]], #[[ROW]], #[[ROW]]]
// CHECK-SAME: iterator_types = ["parallel", "reduction", "parallel"]
// CHECK-SAME: ins(%[[X]], %[[MAX]] : tensor<2x?x4xf32>, tensor<2x4xf32>) outs(%[[SUMINIT]] : tensor<2x4xf32>)
// CHECK: ^bb0(%[[E:.*]]: f32, %[[M:.*]]: f32, %[[ACC:.*]]: f32):
// CHECK: %[[SH:.*]] = arith.subf %[[E]], %[[M]] : f32
// CHECK: %[[EX:.*]] = math.exp %[[SH]] : f32
// CHECK: arith.addf %[[EX]], %[[ACC]] : f32
// CHECK: %[[R:.*]] = linalg.generic
// CHECK-SAME: indexing_maps = [#[[ID]], #[[ROW]], #[[ROW]], #[[ID]]]
// CHECK-SAME: iterator_types = ["parallel", "parallel", "parallel"]
// CHECK-SAME: ins(%[[X]], %[[MAX]], %[[SUM]] : tensor<2x?x4xf32>, tensor<2x4xf32>, tensor<2x4xf32>)
// CHECK: ^bb0(%[[E2:.*]]: f32, %[[M2:.*]]: f32, %[[S2:.*]]: f32, %{{.*}}: f32):
// CHECK: %[[SH2:.*]] = arith.subf %[[E2]], %[[M2]] : f32
// CHECK: %[[EX2:.*]] = math.exp %[[SH2]] : f32
// CHECK: %[[Q:.*]] = arith.divf %[[EX2]], %[[S2]] : f32
// CHECK: linalg.yield %[[Q]]
// CHECK: return %[[R]]
func.func @softmax(%x: tensor<2x?x4xf32>) -> tensor<2x?x4xf32> {
  %r = tl.softmax %x {axis = 1 : i64} : tensor<2x?x4xf32>
  return %r : tensor<2x?x4xf32>
}

// -----

// CHECK-DAG: #[[ROW:.*]] = affine_map<(d0, d1) -> (d0)>
// CHECK-LABEL: func.func @log_softmax_f16
// CHECK: linalg.fill ins(%{{.*}} : f32) outs(%{{.*}} : tensor<3xf32>)
// CHECK: arith.extf
// CHECK: arith.maximumf
// CHECK: linalg.generic {{.*}} iterator_types = ["parallel", "reduction"]
// CHECK: linalg.generic {{.*}} iterator_types = ["parallel", "parallel"]
// CHECK: ^bb0(%[[E:.*]]: f16, %[[M:.*]]: f32, %[[S:.*]]: f32, %{{.*}}: f16):
// CHECK: %[[W:.*]] = arith.extf %[[E]] : f16 to f32
// CHECK: %[[SH:.*]] = arith.subf %[[W]], %[[M]] : f32
// CHECK: %[[L:.*]] = math.log %[[S]] : f32
// CHECK: %[[R:.*]] = arith.subf %[[SH]], %[[L]] : f32
// CHECK: %[[H:.*]] = arith.truncf %[[R]] : f32 to f16
// CHECK: linalg.yield %[[H]] : f16
func.func @log_softmax_f16(%x: tensor<3x?xf16>) -> tensor<3x?xf16> {
  %r = tl.log_softmax %x : tensor<3x?xf16>
  return %r : tensor<3x?xf16>
}

// -----

// layer_norm: sum -> mean -> sum of squared deviations -> 1/sqrt(var + eps)
// on the rows, then one elementwise generic.
// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-DAG: #[[ROW:.*]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-DAG: #[[ROWID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[PARAM:.*]] = affine_map<(d0, d1, d2) -> (d2)>
// CHECK-LABEL: func.func @layer_norm
// CHECK-SAME: (%[[X:.*]]: tensor<?x8x16xf32>, %[[G:.*]]: tensor<16xf32>, %[[B:.*]]: tensor<16xf32>)
// CHECK: %[[N:.*]] = arith.constant 16 : index
// CHECK: %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
// CHECK: %[[NI:.*]] = arith.index_castui %[[N]] : index to i64
// CHECK: %[[NF:.*]] = arith.uitofp %[[NI]] : i64 to f32
// CHECK: %[[INV:.*]] = arith.divf %[[ONE]], %[[NF]] : f32
// CHECK: %[[SUM:.*]] = linalg.generic
// CHECK-SAME: indexing_maps = [#[[ID]], #[[ROW]]]
// CHECK-SAME: iterator_types = ["parallel", "parallel", "reduction"]
// CHECK: %[[MEAN:.*]] = linalg.generic
// CHECK-SAME: indexing_maps = [#[[ROWID]], #[[ROWID]]]
// CHECK-SAME: ins(%[[SUM]] : tensor<?x8xf32>)
// CHECK: arith.mulf %{{.*}}, %[[INV]] : f32
// CHECK: %[[SQ:.*]] = linalg.generic
// CHECK-SAME: indexing_maps = [#[[ID]], #[[ROW]], #[[ROW]]]
// CHECK-SAME: ins(%[[X]], %[[MEAN]] : tensor<?x8x16xf32>, tensor<?x8xf32>)
// CHECK: ^bb0(%[[E:.*]]: f32, %[[M:.*]]: f32, %[[ACC:.*]]: f32):
// CHECK: %[[DEV:.*]] = arith.subf %[[E]], %[[M]] : f32
// CHECK: %[[DEV2:.*]] = arith.mulf %[[DEV]], %[[DEV]] : f32
// CHECK: arith.addf %[[DEV2]], %[[ACC]] : f32
// CHECK: %[[EPS:.*]] = arith.constant 9.99999974E-6 : f32
// CHECK: %[[RSTD:.*]] = linalg.generic
// CHECK-SAME: ins(%[[SQ]] : tensor<?x8xf32>)
// CHECK: %[[VAR:.*]] = arith.mulf %{{.*}}, %[[INV]] : f32
// CHECK: %[[VE:.*]] = arith.addf %[[VAR]], %[[EPS]] : f32
// CHECK: math.rsqrt %[[VE]] : f32
// CHECK: %[[R:.*]] = linalg.generic
// CHECK-SAME: indexing_maps = [#[[ID]], #[[ROW]], #[[ROW]], #[[PARAM]], #[[PARAM]], #[[ID]]]
// CHECK-SAME: ins(%[[X]], %[[MEAN]], %[[RSTD]], %[[G]], %[[B]] :
// CHECK: ^bb0(%[[E2:.*]]: f32, %[[M2:.*]]: f32, %[[RS:.*]]: f32, %[[GV:.*]]: f32, %[[BV:.*]]: f32, %{{.*}}: f32):
// CHECK: %[[C:.*]] = arith.subf %[[E2]], %[[M2]] : f32
// CHECK: %[[NORM:.*]] = arith.mulf %[[C]], %[[RS]] : f32
// CHECK: %[[SC:.*]] = arith.mulf %[[NORM]], %[[GV]] : f32
// CHECK: %[[OUT:.*]] = arith.addf %[[SC]], %[[BV]] : f32
// CHECK: linalg.yield %[[OUT]]
// CHECK: return %[[R]]
func.func @layer_norm(%x: tensor<?x8x16xf32>, %g: tensor<16xf32>, %b: tensor<16xf32>) -> tensor<?x8x16xf32> {
  %r = tl.layer_norm %x, %g, %b {axis = -1 : i64} : (tensor<?x8x16xf32>, tensor<16xf32>, tensor<16xf32>) -> tensor<?x8x16xf32>
  return %r : tensor<?x8x16xf32>
}

// -----

// Normalizing over several dims with a dynamic one counts elements at run
// time; without scale and bias the last generic reads three inputs.
// CHECK-DAG: #[[ROW:.*]] = affine_map<(d0, d1, d2) -> (d0)>
// CHECK-LABEL: func.func @layer_norm_no_params
// CHECK-SAME: (%[[X:.*]]: tensor<2x?x6xf32>)
// CHECK: %[[D:.*]] = tensor.dim %[[X]], %{{.*}} : tensor<2x?x6xf32>
// CHECK: %[[C6:.*]] = arith.constant 6 : index
// CHECK: arith.muli %[[D]], %[[C6]] : index
// CHECK: linalg.generic
// CHECK-SAME: iterator_types = ["parallel", "reduction", "reduction"]
// CHECK: linalg.generic {{.*}} ins(%[[X]], %{{.*}}, %{{.*}} : tensor<2x?x6xf32>, tensor<2xf32>, tensor<2xf32>)
func.func @layer_norm_no_params(%x: tensor<2x?x6xf32>) -> tensor<2x?x6xf32> {
  %r = tl.layer_norm %x {axis = 1 : i64} : (tensor<2x?x6xf32>) -> tensor<2x?x6xf32>
  return %r : tensor<2x?x6xf32>
}

// -----

// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-DAG: #[[ROW:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1)>
// CHECK-DAG: #[[CH:.*]] = affine_map<(d0, d1, d2, d3) -> (d1)>
// CHECK-LABEL: func.func @instance_norm
// CHECK-SAME: (%[[X:.*]]: tensor<?x8x5x5xbf16>, %[[S:.*]]: tensor<8xbf16>, %[[B:.*]]: tensor<8xbf16>)
// CHECK: linalg.generic
// CHECK-SAME: iterator_types = ["parallel", "parallel", "reduction", "reduction"]
// CHECK: arith.extf %{{.*}} : bf16 to f32
// CHECK: %[[EPS:.*]] = arith.constant 1.000000e-03 : f32
// CHECK: %[[R:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[ROW]], #[[ROW]], #[[CH]], #[[CH]], #[[ID]]]
// CHECK-SAME: ins(%[[X]], %{{.*}}, %{{.*}}, %[[S]], %[[B]] :
// CHECK: arith.truncf %{{.*}} : f32 to bf16
func.func @instance_norm(%x: tensor<?x8x5x5xbf16>, %s: tensor<8xbf16>, %b: tensor<8xbf16>) -> tensor<?x8x5x5xbf16> {
  %r = tl.instance_norm %x, %s, %b {epsilon = 1.0e-03 : f64} : (tensor<?x8x5x5xbf16>, tensor<8xbf16>, tensor<8xbf16>) -> tensor<?x8x5x5xbf16>
  return %r : tensor<?x8x5x5xbf16>
}

// -----

// batch_norm folds scale / sqrt(var + eps) per channel, then computes
// (x - mean) * factor + bias.
// CHECK-DAG: #[[VEC:.*]] = affine_map<(d0) -> (d0)>
// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-DAG: #[[CH:.*]] = affine_map<(d0, d1, d2, d3) -> (d1)>
// CHECK-LABEL: func.func @batch_norm
// CHECK-SAME: (%[[X:.*]]: tensor<?x3x5x5xf32>, %[[SC:.*]]: tensor<3xf32>, %[[BI:.*]]: tensor<3xf32>, %[[ME:.*]]: tensor<3xf32>, %[[VA:.*]]: tensor<3xf32>)
// CHECK: %[[EPS:.*]] = arith.constant 1.000000e-03 : f32
// CHECK: %[[F:.*]] = linalg.generic
// CHECK-SAME: indexing_maps = [#[[VEC]], #[[VEC]], #[[VEC]]]
// CHECK-SAME: ins(%[[SC]], %[[VA]] : tensor<3xf32>, tensor<3xf32>)
// CHECK: ^bb0(%[[S:.*]]: f32, %[[V:.*]]: f32, %{{.*}}: f32):
// CHECK: %[[VE:.*]] = arith.addf %[[V]], %[[EPS]] : f32
// CHECK: %[[RS:.*]] = math.rsqrt %[[VE]] : f32
// CHECK: arith.mulf %[[S]], %[[RS]] : f32
// CHECK: %[[R:.*]] = linalg.generic
// CHECK-SAME: indexing_maps = [#[[ID]], #[[CH]], #[[CH]], #[[CH]], #[[ID]]]
// CHECK-SAME: ins(%[[X]], %[[ME]], %[[F]], %[[BI]] :
// CHECK: ^bb0(%[[E:.*]]: f32, %[[M:.*]]: f32, %[[FV:.*]]: f32, %[[BV:.*]]: f32, %{{.*}}: f32):
// CHECK: %[[C:.*]] = arith.subf %[[E]], %[[M]] : f32
// CHECK: %[[P:.*]] = arith.mulf %[[C]], %[[FV]] : f32
// CHECK: %[[O:.*]] = arith.addf %[[P]], %[[BV]] : f32
// CHECK: linalg.yield %[[O]]
// CHECK: return %[[R]]
func.func @batch_norm(%x: tensor<?x3x5x5xf32>, %s: tensor<3xf32>, %b: tensor<3xf32>, %m: tensor<3xf32>, %v: tensor<3xf32>) -> tensor<?x3x5x5xf32> {
  %r = tl.batch_norm %x, %s, %b, %m, %v {epsilon = 1.0e-03 : f64} : (tensor<?x3x5x5xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<?x3x5x5xf32>
  return %r : tensor<?x3x5x5xf32>
}
