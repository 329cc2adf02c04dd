// RUN: tl-opt %s | tl-opt | FileCheck %s
// RUN: tl-opt %s --mlir-print-op-generic | tl-opt | FileCheck %s

// tl.rnn, tl.gru and tl.lstm parse, verify, print and re-parse; their result
// types are inferred from the input, hidden_size, direction and layout.

// CHECK-LABEL: func.func @rnn_minimal
// CHECK-SAME: (%[[X:.*]]: tensor<?x?x3xf32>, %[[W:.*]]: tensor<1x4x3xf32>, %[[R:.*]]: tensor<1x4x4xf32>)
func.func @rnn_minimal(%x: tensor<?x?x3xf32>, %w: tensor<1x4x3xf32>, %r: tensor<1x4x4xf32>)
    -> (tensor<?x1x?x4xf32>, tensor<1x?x4xf32>) {
  // CHECK: %[[Y:.*]], %[[YH:.*]] = tl.rnn %[[X]], %[[W]], %[[R]] {hidden_size = 4 : i64} : (tensor<?x?x3xf32>, tensor<1x4x3xf32>, tensor<1x4x4xf32>) -> (tensor<?x1x?x4xf32>, tensor<1x?x4xf32>)
  %y, %yh = tl.rnn %x, %w, %r {hidden_size = 4 : i64}
      : (tensor<?x?x3xf32>, tensor<1x4x3xf32>, tensor<1x4x4xf32>) -> (tensor<?x1x?x4xf32>, tensor<1x?x4xf32>)
  return %y, %yh : tensor<?x1x?x4xf32>, tensor<1x?x4xf32>
}

// CHECK-LABEL: func.func @rnn_all_attributes
func.func @rnn_all_attributes(%x: tensor<2x5x3xf32>, %w: tensor<2x4x3xf32>, %r: tensor<2x4x4xf32>,
                              %b: tensor<2x8xf32>, %lens: tensor<2xi32>, %h0: tensor<2x2x4xf32>)
    -> (tensor<2x5x2x4xf32>, tensor<2x2x4xf32>) {
  // CHECK: tl.rnn %{{.*}}, %{{.*}}, %{{.*}} bias %{{.*}} sequence_lens %{{.*}} initial_h %{{.*}} {activation_alpha = array<f32: 1.000000e-01, 0.000000e+00>, activation_beta = array<f32: 0.000000e+00, 0.000000e+00>, activations = ["LeakyRelu", "Tanh"], batch_major = true, clip = 2.500000e+00 : f32, direction = #tl<rnn_direction bidirectional>, hidden_size = 4 : i64}
  // CHECK-SAME: -> (tensor<2x5x2x4xf32>, tensor<2x2x4xf32>)
  %y, %yh = tl.rnn %x, %w, %r bias %b sequence_lens %lens initial_h %h0
      {hidden_size = 4 : i64, direction = #tl<rnn_direction bidirectional>,
       activations = ["LeakyRelu", "Tanh"], activation_alpha = array<f32: 0.1, 0.0>,
       activation_beta = array<f32: 0.0, 0.0>, clip = 2.5 : f32, batch_major = true}
      : (tensor<2x5x3xf32>, tensor<2x4x3xf32>, tensor<2x4x4xf32>, tensor<2x8xf32>, tensor<2xi32>, tensor<2x2x4xf32>)
      -> (tensor<2x5x2x4xf32>, tensor<2x2x4xf32>)
  return %y, %yh : tensor<2x5x2x4xf32>, tensor<2x2x4xf32>
}

// CHECK-LABEL: func.func @gru_linear_before_reset
func.func @gru_linear_before_reset(%x: tensor<7x2x3xf32>, %w: tensor<1x15x3xf32>, %r: tensor<1x15x5xf32>,
                                   %b: tensor<1x30xf32>) -> tensor<1x2x5xf32> {
  // CHECK: tl.gru %{{.*}}, %{{.*}}, %{{.*}} bias %{{.*}} {direction = #tl<rnn_direction reverse>, hidden_size = 5 : i64, linear_before_reset = true} : {{.*}} -> (tensor<7x1x2x5xf32>, tensor<1x2x5xf32>)
  %y, %yh = tl.gru %x, %w, %r bias %b
      {hidden_size = 5 : i64, direction = #tl<rnn_direction reverse>, linear_before_reset = true}
      : (tensor<7x2x3xf32>, tensor<1x15x3xf32>, tensor<1x15x5xf32>, tensor<1x30xf32>)
      -> (tensor<7x1x2x5xf32>, tensor<1x2x5xf32>)
  return %yh : tensor<1x2x5xf32>
}

// CHECK-LABEL: func.func @lstm_full
func.func @lstm_full(%x: tensor<?x?x4xf32>, %w: tensor<2x12x4xf32>, %r: tensor<2x12x3xf32>,
                     %b: tensor<2x24xf32>, %lens: tensor<?xi64>, %h0: tensor<2x?x3xf32>,
                     %c0: tensor<2x?x3xf32>, %p: tensor<2x9xf32>)
    -> (tensor<?x2x?x3xf32>, tensor<2x?x3xf32>, tensor<2x?x3xf32>) {
  // CHECK: tl.lstm %{{.*}}, %{{.*}}, %{{.*}} bias %{{.*}} sequence_lens %{{.*}} initial_h %{{.*}} initial_c %{{.*}} peepholes %{{.*}} {direction = #tl<rnn_direction bidirectional>, hidden_size = 3 : i64, input_forget = true}
  // CHECK-SAME: -> (tensor<?x2x?x3xf32>, tensor<2x?x3xf32>, tensor<2x?x3xf32>)
  %y, %yh, %yc = tl.lstm %x, %w, %r bias %b sequence_lens %lens initial_h %h0 initial_c %c0 peepholes %p
      {hidden_size = 3 : i64, direction = #tl<rnn_direction bidirectional>, input_forget = true}
      : (tensor<?x?x4xf32>, tensor<2x12x4xf32>, tensor<2x12x3xf32>, tensor<2x24xf32>, tensor<?xi64>,
         tensor<2x?x3xf32>, tensor<2x?x3xf32>, tensor<2x9xf32>)
      -> (tensor<?x2x?x3xf32>, tensor<2x?x3xf32>, tensor<2x?x3xf32>)
  return %y, %yh, %yc : tensor<?x2x?x3xf32>, tensor<2x?x3xf32>, tensor<2x?x3xf32>
}
