// RUN: tl-opt %s --convert-tl-to-linalg --split-input-file | FileCheck %s

// The per-element loss gathers input[n, t, d] with the target clamped into
// [0, C); the weight is 0 for ignored targets. sum reduces into a rank-0
// accumulator.
// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[ALL:.*]] = affine_map<(d0, d1) -> ()>
// CHECK-LABEL: func.func @nll_sum_weight_ignore
// CHECK-SAME: (%[[X:[^:]*]]: tensor<3x5x2xf32>, %[[T:[^:]*]]: tensor<3x2xi64>, %[[W:[^:]*]]: tensor<5xf32>)
// CHECK-DAG: %[[ZI:.*]] = arith.constant 0 : index
// CHECK-DAG: %[[LAST:.*]] = arith.subi %{{.*}}, %{{.*}} : index
// CHECK: %[[LOSS:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[ID]]], iterator_types = ["parallel", "parallel"]} ins(%[[T]] : tensor<3x2xi64>)
// CHECK: ^bb0(%[[TE:.*]]: i64, %{{.*}}: f32):
// CHECK: %[[I:.*]] = arith.index_cast %[[TE]] : i64 to index
// CHECK: %[[LO:.*]] = arith.maxsi %[[I]], %[[ZI]] : index
// CHECK: %[[C:.*]] = arith.minsi %[[LO]], %[[LAST]] : index
// CHECK: %[[II:.*]] = arith.constant -1 : i64
// CHECK: %[[IGN:.*]] = arith.cmpi eq, %[[TE]], %[[II]] : i64
// CHECK: %[[N:.*]] = linalg.index 0 : index
// CHECK: %[[D:.*]] = linalg.index 1 : index
// CHECK: %[[XE:.*]] = tensor.extract %[[X]][%[[N]], %[[C]], %[[D]]] : tensor<3x5x2xf32>
// CHECK: %[[NEG:.*]] = arith.negf %[[XE]] : f32
// CHECK: %[[WE:.*]] = tensor.extract %[[W]][%[[C]]] : tensor<5xf32>
// CHECK: %[[WS:.*]] = arith.select %[[IGN]], %{{.*}}, %[[WE]] : f32
// CHECK: %[[L:.*]] = arith.mulf %[[NEG]], %[[WS]] : f32
// CHECK: %[[LS:.*]] = arith.select %[[IGN]], %{{.*}}, %[[L]] : f32
// CHECK: linalg.yield %[[LS]] : f32
// CHECK: %[[INIT:.*]] = linalg.fill
// CHECK: %[[SUM:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[ALL]]], iterator_types = ["reduction", "reduction"]} ins(%[[LOSS]] : tensor<3x2xf32>) outs(%[[INIT]] : tensor<f32>)
// CHECK: arith.addf
// CHECK: return %[[SUM]] : tensor<f32>
func.func @nll_sum_weight_ignore(%x: tensor<3x5x2xf32>, %t: tensor<3x2xi64>, %w: tensor<5xf32>) -> tensor<f32> {
  %0 = tl.nll_loss %x, %t, %w {ignore_index = -1 : i64, reduction = #tl<loss_reduction sum>} : (tensor<3x5x2xf32>, tensor<3x2xi64>, tensor<5xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

// mean divides the loss sum by the sum of the gathered weights; f16 computes
// in f32 and rounds once.
// CHECK-LABEL: func.func @nll_mean_f16
// CHECK-SAME: (%[[X:[^:]*]]: tensor<?x5xf16>, %[[T:[^:]*]]: tensor<?xi32>, %[[W:[^:]*]]: tensor<5xf16>)
// CHECK: %[[LOSS:.*]] = linalg.generic {{.*}} ins(%[[T]] : tensor<?xi32>) outs(%{{.*}} : tensor<?xf32>)
// CHECK: tensor.extract %[[X]]
// CHECK: %[[SUM:.*]] = linalg.generic {{.*}} ins(%[[LOSS]] : tensor<?xf32>) outs(%{{.*}} : tensor<f32>)
// CHECK: %[[WTS:.*]] = linalg.generic {{.*}} ins(%[[T]] : tensor<?xi32>) outs(%{{.*}} : tensor<?xf32>)
// CHECK: %[[WE:.*]] = tensor.extract %[[W]]
// CHECK: arith.extf %[[WE]] : f16 to f32
// CHECK: %[[TOTAL:.*]] = linalg.generic {{.*}} ins(%[[WTS]] : tensor<?xf32>) outs(%{{.*}} : tensor<f32>)
// CHECK: %[[MEAN:.*]] = linalg.generic {{.*}} ins(%[[SUM]], %[[TOTAL]] : tensor<f32>, tensor<f32>)
// CHECK: arith.divf
// CHECK: %[[R:.*]] = linalg.generic {{.*}} ins(%[[MEAN]] : tensor<f32>) outs(%{{.*}} : tensor<f16>)
// CHECK: arith.truncf
// CHECK: return %[[R]] : tensor<f16>
func.func @nll_mean_f16(%x: tensor<?x5xf16>, %t: tensor<?xi32>, %w: tensor<5xf16>) -> tensor<f16> {
  %0 = tl.nll_loss %x, %t, %w {ignore_index = 2 : i64} : (tensor<?x5xf16>, tensor<?xi32>, tensor<5xf16>) -> tensor<f16>
  return %0 : tensor<f16>
}

// -----

// none: the per-element losses, without weights a factor of 1.
// CHECK-LABEL: func.func @nll_none
// CHECK-SAME: (%[[X:[^:]*]]: tensor<2x3xf64>, %[[T:[^:]*]]: tensor<2xi64>)
// CHECK: %[[LOSS:.*]] = linalg.generic {{.*}} ins(%[[T]] : tensor<2xi64>) outs(%{{.*}} : tensor<2xf64>)
// CHECK-NOT: arith.cmpi
// CHECK: %[[ONE:.*]] = arith.constant 1.000000e+00 : f64
// CHECK: arith.mulf %{{.*}}, %[[ONE]] : f64
// CHECK-NOT: linalg.generic
// CHECK: return %[[LOSS]] : tensor<2xf64>
func.func @nll_none(%x: tensor<2x3xf64>, %t: tensor<2xi64>) -> tensor<2xf64> {
  %0 = tl.nll_loss %x, %t {reduction = #tl<loss_reduction none>} : (tensor<2x3xf64>, tensor<2xi64>) -> tensor<2xf64>
  return %0 : tensor<2xf64>
}
