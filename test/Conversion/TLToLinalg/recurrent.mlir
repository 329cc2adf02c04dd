// RUN: tl-opt %s --convert-tl-to-linalg -cse | FileCheck %s

// Recurrent layers: the input projection of all steps at once (a
// contraction into a bias-filled destination), then an scf.for over the
// steps carrying the state and the output sequence, each step a matmul with
// the transposed recurrence weights and a generic computing the new state.

// CHECK-LABEL: func.func @rnn_forward
// CHECK-SAME: (%[[X:[^:]+]]: tensor<?x?x3xf32>, %[[W:[^:]+]]: tensor<1x4x3xf32>, %[[R:[^:]+]]: tensor<1x4x4xf32>, %[[B:[^:]+]]: tensor<1x8xf32>)
// CHECK-DAG: %[[SEQ:.*]] = tensor.dim %[[X]], %[[C0:.*]] : tensor<?x?x3xf32>
// CHECK-DAG: %[[BATCH:.*]] = tensor.dim %[[X]], %[[C1:.*]] : tensor<?x?x3xf32>
// CHECK: %[[WS:.*]] = tensor.extract_slice %[[W]][0, 0, 0] [1, 4, 3] [1, 1, 1] : tensor<1x4x3xf32> to tensor<4x3xf32>
// CHECK: %[[WT:.*]] = linalg.transpose ins(%[[WS]] : tensor<4x3xf32>) {{.*}} permutation = [1, 0]
// CHECK: %[[RT:.*]] = linalg.transpose ins(%{{.*}} : tensor<4x4xf32>) {{.*}} permutation = [1, 0]
// CHECK: %[[BIAS:.*]] = linalg.generic {{.*}} outs(%{{.*}} : tensor<?x?x4xf32>)
// CHECK: %[[PROJ:.*]] = linalg.generic {{.*}}iterator_types = ["parallel", "parallel", "parallel", "reduction"]{{.*}} ins(%[[X]], %[[WT]] : tensor<?x?x3xf32>, tensor<3x4xf32>) outs(%[[BIAS]] : tensor<?x?x4xf32>)
// CHECK: %[[H0:.*]] = linalg.fill
// CHECK: %[[LOOP:.*]]:2 = scf.for %[[T:[^ ]+]] = %[[C0]] to %[[SEQ]] step %[[C1]] iter_args(%[[H:[^ ]+]] = %[[H0]], %[[Y:[^ ]+]] = %{{.*}}) -> (tensor<?x4xf32>, tensor<?x?x4xf32>)
// CHECK:   %[[GX:.*]] = tensor.extract_slice %[[PROJ]][%[[T]], 0, 0] [1, %[[BATCH]], 4]
// CHECK:   %[[HR:.*]] = linalg.matmul ins(%[[H]], %[[RT]] : tensor<?x4xf32>, tensor<4x4xf32>)
// CHECK:   %[[STEP:.*]]:2 = linalg.generic {{.*}} ins(%[[GX]], %[[HR]], %[[H]] : {{.*}}) outs(%[[H]], %{{.*}} : {{.*}})
// CHECK:     math.tanh
// CHECK:   %[[YN:.*]] = tensor.insert_slice %[[STEP]]#1 into %[[Y]][%[[T]], 0, 0] [1, %[[BATCH]], 4]
// CHECK:   scf.yield %[[STEP]]#0, %[[YN]]
// CHECK: tensor.insert_slice %[[LOOP]]#1 into %{{.*}}[0, 0, 0, 0] [%[[SEQ]], 1, %[[BATCH]], 4]
// CHECK: tensor.insert_slice %[[LOOP]]#0 into %{{.*}}[0, 0, 0] [1, %[[BATCH]], 4]
func.func @rnn_forward(%x: tensor<?x?x3xf32>, %w: tensor<1x4x3xf32>, %r: tensor<1x4x4xf32>, %b: tensor<1x8xf32>)
    -> (tensor<?x1x?x4xf32>, tensor<1x?x4xf32>) {
  %y, %yh = tl.rnn %x, %w, %r bias %b {hidden_size = 4 : i64}
      : (tensor<?x?x3xf32>, tensor<1x4x3xf32>, tensor<1x4x4xf32>, tensor<1x8xf32>) -> (tensor<?x1x?x4xf32>, tensor<1x?x4xf32>)
  return %y, %yh : tensor<?x1x?x4xf32>, tensor<1x?x4xf32>
}

// Reverse without lengths: step s reads and writes time T - 1 - s. An
// unused output sequence is not built.
// CHECK-LABEL: func.func @rnn_reverse_state_only
// CHECK: scf.for %[[S:[^ ]+]] = %{{.*}} to %[[SEQ:.*]] step %{{.*}} iter_args(%{{.*}} = %{{.*}}) -> (tensor<2x4xf32>)
// CHECK:   %[[LAST:.*]] = arith.subi %[[SEQ]], %{{.*}} : index
// CHECK:   %[[T:.*]] = arith.subi %[[LAST]], %[[S]] : index
// CHECK:   tensor.extract_slice %{{.*}}[%[[T]], 0, 0] [1, 2, 4]
// CHECK-NOT: tensor.insert_slice
// CHECK:   scf.yield
func.func @rnn_reverse_state_only(%x: tensor<?x2x3xf32>, %w: tensor<1x4x3xf32>, %r: tensor<1x4x4xf32>) -> tensor<1x2x4xf32> {
  %y, %yh = tl.rnn %x, %w, %r {hidden_size = 4 : i64, direction = #tl<rnn_direction reverse>}
      : (tensor<?x2x3xf32>, tensor<1x4x3xf32>, tensor<1x4x4xf32>) -> (tensor<?x1x2x4xf32>, tensor<1x2x4xf32>)
  return %yh : tensor<1x2x4xf32>
}

// LSTM with sequence lengths in both directions: the backward direction
// reverses each entry's valid prefix (a gather) before and after its loop;
// steps past an entry's length keep the state and output zeros.
// CHECK-LABEL: func.func @lstm_bidirectional_lengths
// CHECK-SAME: %[[LENS:[^:]+]]: tensor<2xi32>
// CHECK: %[[FWD:.*]]:3 = scf.for %[[S:[^ ]+]] = {{.*}} -> (tensor<2x3xf32>, tensor<2x3xf32>, tensor<?x2x3xf32>)
// CHECK:   linalg.matmul
// CHECK:   linalg.generic {{.*}} ins({{.*}}, %[[LENS]] : {{.*}}tensor<2xi32>) outs(%{{.*}}, %{{.*}}, %{{.*}} :
// CHECK:     arith.index_cast %{{.*}} : i32 to index
// CHECK:     arith.cmpi slt, %[[S]], %{{.*}} : index
// CHECK:     arith.select
// CHECK: linalg.generic {{.*}} ins(%[[LENS]] : tensor<2xi32>)
// CHECK:   tensor.extract %{{.*}} : tensor<?x2x4xf32>
// CHECK: %[[BWD:.*]]:3 = scf.for
// CHECK: %[[YB:.*]] = linalg.generic {{.*}} ins(%[[LENS]] : tensor<2xi32>)
// CHECK:   tensor.extract %[[BWD]]#2
// CHECK: tensor.insert_slice %[[FWD]]#2 into %{{.*}}[0, 0, 0, 0]
// CHECK: tensor.insert_slice %[[YB]] into %{{.*}}[0, 1, 0, 0]
func.func @lstm_bidirectional_lengths(%x: tensor<?x2x4xf32>, %w: tensor<2x12x4xf32>, %r: tensor<2x12x3xf32>,
                                      %lens: tensor<2xi32>)
    -> (tensor<?x2x2x3xf32>, tensor<2x2x3xf32>, tensor<2x2x3xf32>) {
  %y, %yh, %yc = tl.lstm %x, %w, %r sequence_lens %lens
      {hidden_size = 3 : i64, direction = #tl<rnn_direction bidirectional>}
      : (tensor<?x2x4xf32>, tensor<2x12x4xf32>, tensor<2x12x3xf32>, tensor<2xi32>)
      -> (tensor<?x2x2x3xf32>, tensor<2x2x3xf32>, tensor<2x2x3xf32>)
  return %y, %yh, %yc : tensor<?x2x2x3xf32>, tensor<2x2x3xf32>, tensor<2x2x3xf32>
}

// GRU without linear_before_reset: z and r * H first, then (r * H) R_h^T.
// CHECK-LABEL: func.func @gru_reset_before_product
// CHECK: %[[RT:.*]] = linalg.transpose ins(%{{.*}} : tensor<15x5xf32>)
// CHECK: scf.for
// CHECK:   %[[RZR:.*]] = tensor.extract_slice %[[RT]][0, 0] [5, 10] [1, 1]
// CHECK:   linalg.matmul ins(%{{.*}}, %[[RZR]] : tensor<2x5xf32>, tensor<5x10xf32>)
// CHECK:   %[[ZR:.*]]:2 = linalg.generic
// CHECK:   %[[RH:.*]] = tensor.extract_slice %[[RT]][0, 10] [5, 5] [1, 1]
// CHECK:   linalg.matmul ins(%[[ZR]]#1, %[[RH]] : tensor<2x5xf32>, tensor<5x5xf32>)
// CHECK:   linalg.generic
// CHECK:   scf.yield
func.func @gru_reset_before_product(%x: tensor<7x2x3xf32>, %w: tensor<1x15x3xf32>, %r: tensor<1x15x5xf32>)
    -> tensor<1x2x5xf32> {
  %y, %yh = tl.gru %x, %w, %r {hidden_size = 5 : i64}
      : (tensor<7x2x3xf32>, tensor<1x15x3xf32>, tensor<1x15x5xf32>) -> (tensor<7x1x2x5xf32>, tensor<1x2x5xf32>)
  return %yh : tensor<1x2x5xf32>
}

// Batch-major layout: the input is transposed to [seq, batch, features]
// first and the results back.
// CHECK-LABEL: func.func @gru_batch_major
// CHECK: linalg.transpose ins(%{{.*}} : tensor<2x7x3xf32>) {{.*}} permutation = [1, 0, 2]
// CHECK: scf.for
// CHECK: linalg.transpose ins(%{{.*}} : tensor<7x1x2x5xf32>) {{.*}} permutation = [2, 0, 1, 3]
// CHECK: linalg.transpose ins(%{{.*}} : tensor<1x2x5xf32>) {{.*}} permutation = [1, 0, 2]
func.func @gru_batch_major(%x: tensor<2x7x3xf32>, %w: tensor<1x15x3xf32>, %r: tensor<1x15x5xf32>)
    -> (tensor<2x7x1x5xf32>, tensor<2x1x5xf32>) {
  %y, %yh = tl.gru %x, %w, %r {hidden_size = 5 : i64, linear_before_reset = true, batch_major = true}
      : (tensor<2x7x3xf32>, tensor<1x15x3xf32>, tensor<1x15x5xf32>) -> (tensor<2x7x1x5xf32>, tensor<2x1x5xf32>)
  return %y, %yh : tensor<2x7x1x5xf32>, tensor<2x1x5xf32>
}
