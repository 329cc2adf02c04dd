// RUN: tl-opt %s --convert-tl-to-linalg -cse | FileCheck %s

// tl.if -> scf.if on the extracted condition; tl.loop -> scf.while carrying
// (iteration, condition, carried..., scan buffers...).

// CHECK-LABEL: func.func @choose
// CHECK-SAME: (%[[C:[^:]+]]: tensor<i1>, %[[A:[^:]+]]: tensor<5xf32>, %[[B:[^:]+]]: tensor<3xf32>)
// CHECK: %[[COND:.*]] = tensor.extract %[[C]][] : tensor<i1>
// CHECK: %[[R:.*]] = scf.if %[[COND]] -> (tensor<?xf32>) {
// CHECK:   %[[N:.*]] = linalg.generic
// CHECK:   %[[NC:.*]] = tensor.cast %[[N]] : tensor<5xf32> to tensor<?xf32>
// CHECK:   scf.yield %[[NC]] : tensor<?xf32>
// CHECK: } else {
// CHECK:   %[[BC:.*]] = tensor.cast %[[B]] : tensor<3xf32> to tensor<?xf32>
// CHECK:   scf.yield %[[BC]] : tensor<?xf32>
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
// CHECK: %[[NI:.*]] = tensor.extract %[[N]][] : tensor<i64>
// CHECK: %[[MAX:.*]] = arith.index_cast %[[NI]] : i64 to index
// CHECK: %[[C0:.*]] = tensor.extract %[[COND]][] : tensor<i1>
// CHECK: %[[BUF:.*]] = tensor.empty(%[[MAX]]) : tensor<?xf32>
// CHECK: %[[W:.*]]:4 = scf.while (%[[I:.*]] = %{{.*}}, %[[C:.*]] = %[[C0]], %[[V:.*]] = %[[START]], %[[S:.*]] = %[[BUF]]) : (index, i1, tensor<f32>, tensor<?xf32>)
// CHECK:   %[[BELOW:.*]] = arith.cmpi slt, %[[I]], %[[MAX]] : index
// CHECK:   %[[GO:.*]] = arith.andi %[[BELOW]], %[[C]] : i1
// CHECK:   scf.condition(%[[GO]])
// CHECK: } do {
// CHECK: ^bb0(%[[I2:.*]]: index, %[[C2:.*]]: i1, %[[V2:.*]]: tensor<f32>, %[[S2:.*]]: tensor<?xf32>):
// CHECK:   %[[CT:.*]] = tensor.from_elements %[[C2]] : tensor<i1>
// CHECK:   %[[NEXT:.*]] = linalg.generic {{.*}} ins(%[[V2]], %[[DELTA]] :
// CHECK:   %[[I3:.*]] = arith.addi %[[I2]], %{{.*}} : index
// CHECK:   %[[C3:.*]] = tensor.extract %[[CT]][] : tensor<i1>
// CHECK:   %[[S3:.*]] = tensor.insert_slice %[[V2]] into %[[S2]][%[[I2]]] [1] [1] : tensor<f32> into tensor<?xf32>
// CHECK:   scf.yield %[[I3]], %[[C3]], %[[NEXT]], %[[S3]]
// CHECK: %[[SEQ:.*]] = tensor.extract_slice %[[W]]#3[0] [%[[W]]#0] [1]
// CHECK: return %[[SEQ]]
func.func @range(%n: tensor<i64>, %start: tensor<f32>, %delta: tensor<f32>, %cond: tensor<i1>) -> tensor<?xf32> {
  %last, %seq = tl.loop max_trip_count %n : tensor<i64> cond %cond : tensor<i1> init(%start : tensor<f32>)
      -> tensor<f32>, tensor<?xf32> {
  ^bb0(%i: tensor<i64>, %c: tensor<i1>, %prev: tensor<f32>):
    %next = tl.add %prev, %delta : (tensor<f32>, tensor<f32>) -> tensor<f32>
    tl.yield %c, %next, %prev : tensor<i1>, tensor<f32>, tensor<f32>
  }
  return %seq : tensor<?xf32>
}
