// RUN: tl-opt %s | tl-opt | FileCheck %s
// RUN: tl-opt %s --mlir-print-op-generic | tl-opt | FileCheck %s

// tl.if and tl.loop parse, verify, print and re-parse; their regions use
// values defined above.

// CHECK-LABEL: func.func @choose
// CHECK-SAME: (%[[C:[^:]+]]: tensor<i1>, %[[A:[^:]+]]: tensor<5xf32>, %[[B:[^:]+]]: tensor<3xf32>)
// CHECK: %[[R:.*]] = tl.if %[[C]] : tensor<i1> -> tensor<?xf32> {
// CHECK:   %[[N:.*]] = tl.neg %[[A]] : tensor<5xf32>
// CHECK:   tl.yield %[[N]] : tensor<5xf32>
// CHECK: } else {
// CHECK:   tl.yield %[[B]] : tensor<3xf32>
// CHECK: }
// CHECK: return %[[R]]
func.func @choose(%c: tensor<i1>, %a: tensor<5xf32>, %b: tensor<3xf32>) -> tensor<?xf32> {
  %r = tl.if %c : tensor<i1> -> tensor<?xf32> {
    %n = tl.neg %a : tensor<5xf32>
    tl.yield %n : tensor<5xf32>
  } else {
    tl.yield %b : tensor<3xf32>
  }
  return %r : tensor<?xf32>
}

// CHECK-LABEL: func.func @range
// CHECK-SAME: (%[[N:[^:]+]]: tensor<i64>, %[[START:[^:]+]]: tensor<f32>, %[[DELTA:[^:]+]]: tensor<f32>, %[[COND:[^:]+]]: tensor<i1>)
// CHECK: %[[L:.*]]:2 = tl.loop max_trip_count %[[N]] : tensor<i64> cond %[[COND]] : tensor<i1> init(%[[START]] : tensor<f32>) -> tensor<f32>, tensor<?xf32> {
// CHECK: ^bb0(%[[I:.*]]: tensor<i64>, %[[C:.*]]: tensor<i1>, %[[PREV:.*]]: tensor<f32>):
// CHECK:   %[[NEXT:.*]] = tl.add %[[PREV]], %[[DELTA]]
// CHECK:   tl.yield %[[C]], %[[NEXT]], %[[PREV]] : tensor<i1>, tensor<f32>, tensor<f32>
// CHECK: return %[[L]]#1
func.func @range(%n: tensor<i64>, %start: tensor<f32>, %delta: tensor<f32>, %cond: tensor<i1>) -> tensor<?xf32> {
  %last, %seq = tl.loop max_trip_count %n : tensor<i64> cond %cond : tensor<i1> init(%start : tensor<f32>)
      -> tensor<f32>, tensor<?xf32> {
  ^bb0(%i: tensor<i64>, %c: tensor<i1>, %prev: tensor<f32>):
    %next = tl.add %prev, %delta : (tensor<f32>, tensor<f32>) -> tensor<f32>
    tl.yield %c, %next, %prev : tensor<i1>, tensor<f32>, tensor<f32>
  }
  return %seq : tensor<?xf32>
}

// A loop with only a condition and no carried values or scan outputs.
// CHECK-LABEL: func.func @while_only
// CHECK: tl.loop cond %{{.*}} : tensor<i1> {
func.func @while_only(%cond: tensor<i1>) {
  tl.loop cond %cond : tensor<i1> {
  ^bb0(%i: tensor<i64>, %c: tensor<i1>):
    %f = tl.constant dense<false> : tensor<i1>
    tl.yield %f : tensor<i1>
  }
  return
}
