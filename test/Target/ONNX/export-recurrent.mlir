// Export of tl.rnn, tl.gru and tl.lstm: one RNN / GRU / LSTM node; alpha and
// beta only for the activations that take them; batch-major layers as
// Transposes around a layout 0 node; i64 lengths cast to int32.

// RUN: %python %S/Inputs/export_all.py tl-translate %s | FileCheck %s

// CHECK-LABEL: model lstm_full opset 17
// CHECK: node [[L:.*]] = Cast(lens) {to = 6}
// CHECK: node y, y_h, y_c = LSTM(x, w, r, b, [[L]], h0, c0, p) {direction = "bidirectional", hidden_size = 3, input_forget = 1}
func.func @lstm_full(%x: tensor<?x2x4xf32> {tl.name = "x"}, %w: tensor<2x12x4xf32> {tl.name = "w"},
                     %r: tensor<2x12x3xf32> {tl.name = "r"}, %b: tensor<2x24xf32> {tl.name = "b"},
                     %lens: tensor<2xi64> {tl.name = "lens"}, %h0: tensor<2x2x3xf32> {tl.name = "h0"},
                     %c0: tensor<2x2x3xf32> {tl.name = "c0"}, %p: tensor<2x9xf32> {tl.name = "p"})
    -> (tensor<?x2x2x3xf32> {tl.name = "y"}, tensor<2x2x3xf32> {tl.name = "y_h"}, tensor<2x2x3xf32> {tl.name = "y_c"}) {
  %y, %yh, %yc = tl.lstm %x, %w, %r bias %b sequence_lens %lens initial_h %h0 initial_c %c0 peepholes %p
      {hidden_size = 3 : i64, direction = #tl<rnn_direction bidirectional>, input_forget = true}
      : (tensor<?x2x4xf32>, tensor<2x12x4xf32>, tensor<2x12x3xf32>, tensor<2x24xf32>, tensor<2xi64>,
         tensor<2x2x3xf32>, tensor<2x2x3xf32>, tensor<2x9xf32>)
      -> (tensor<?x2x2x3xf32>, tensor<2x2x3xf32>, tensor<2x2x3xf32>)
  return %y, %yh, %yc : tensor<?x2x2x3xf32>, tensor<2x2x3xf32>, tensor<2x2x3xf32>
}

// -----

// CHECK-LABEL: model gru_activations opset 17
// CHECK: node [[Y:.*]], y_h = GRU(x, w, r) {activation_alpha = [0.3, 0.05], activation_beta = [0.6], activations = [b'HardSigmoid', b'LeakyRelu'], clip = 2, direction = "reverse", hidden_size = 5, linear_before_reset = 1}
func.func @gru_activations(%x: tensor<7x2x3xf32> {tl.name = "x"}, %w: tensor<1x15x3xf32> {tl.name = "w"},
                           %r: tensor<1x15x5xf32> {tl.name = "r"}) -> (tensor<1x2x5xf32> {tl.name = "y_h"}) {
  %y, %yh = tl.gru %x, %w, %r
      {hidden_size = 5 : i64, direction = #tl<rnn_direction reverse>, linear_before_reset = true,
       clip = 2.0 : f32, activations = ["HardSigmoid", "LeakyRelu"],
       activation_alpha = array<f32: 0.3, 0.05>, activation_beta = array<f32: 0.6, 0.0>}
      : (tensor<7x2x3xf32>, tensor<1x15x3xf32>, tensor<1x15x5xf32>) -> (tensor<7x1x2x5xf32>, tensor<1x2x5xf32>)
  return %yh : tensor<1x2x5xf32>
}

// -----

// CHECK-LABEL: model rnn_batch_major opset 17
// CHECK: node [[XT:.*]] = Transpose(x) {perm = [1, 0, 2]}
// CHECK: node [[HT:.*]] = Transpose(h0) {perm = [1, 0, 2]}
// CHECK: node [[Y:.*]], [[YH:.*]] = RNN([[XT]], w, r, , , [[HT]]) {hidden_size = 4}
// CHECK: node y = Transpose([[Y]]) {perm = [2, 0, 1, 3]}
// CHECK: node y_h = Transpose([[YH]]) {perm = [1, 0, 2]}
func.func @rnn_batch_major(%x: tensor<2x7x3xf32> {tl.name = "x"}, %w: tensor<1x4x3xf32> {tl.name = "w"},
                           %r: tensor<1x4x4xf32> {tl.name = "r"}, %h0: tensor<2x1x4xf32> {tl.name = "h0"})
    -> (tensor<2x7x1x4xf32> {tl.name = "y"}, tensor<2x1x4xf32> {tl.name = "y_h"}) {
  %y, %yh = tl.rnn %x, %w, %r initial_h %h0 {hidden_size = 4 : i64, batch_major = true}
      : (tensor<2x7x3xf32>, tensor<1x4x3xf32>, tensor<1x4x4xf32>, tensor<2x1x4xf32>) -> (tensor<2x7x1x4xf32>, tensor<2x1x4xf32>)
  return %y, %yh : tensor<2x7x1x4xf32>, tensor<2x1x4xf32>
}
