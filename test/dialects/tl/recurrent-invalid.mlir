// RUN: tl-opt %s -split-input-file -verify-diagnostics

// Verifier and type-inference errors of tl.rnn, tl.gru and tl.lstm.

func.func @input_rank(%x: tensor<5x3xf32>, %w: tensor<1x4x3xf32>, %r: tensor<1x4x4xf32>) {
  // expected-error @+1 {{input must be [seq, batch, input_size], got rank 2}}
  %y, %yh = tl.rnn %x, %w, %r {hidden_size = 4 : i64}
      : (tensor<5x3xf32>, tensor<1x4x3xf32>, tensor<1x4x4xf32>) -> (tensor<5x1x3x4xf32>, tensor<1x3x4xf32>)
  return
}

// -----

func.func @weight_gates(%x: tensor<5x2x3xf32>, %w: tensor<1x12x3xf32>, %r: tensor<1x15x4xf32>) {
  // expected-error @+1 {{weight must be [1, 15, 3], got [1, 12, 3]}}
  %y, %yh = tl.gru %x, %w, %r {hidden_size = 5 : i64}
      : (tensor<5x2x3xf32>, tensor<1x12x3xf32>, tensor<1x15x4xf32>) -> (tensor<5x1x2x5xf32>, tensor<1x2x5xf32>)
  return
}

// -----

func.func @recurrence_hidden(%x: tensor<5x2x3xf32>, %w: tensor<1x15x3xf32>, %r: tensor<1x15x4xf32>) {
  // expected-error @+1 {{recurrence must be [1, 15, 5], got [1, 15, 4]}}
  %y, %yh = tl.gru %x, %w, %r {hidden_size = 5 : i64}
      : (tensor<5x2x3xf32>, tensor<1x15x3xf32>, tensor<1x15x4xf32>) -> (tensor<5x1x2x5xf32>, tensor<1x2x5xf32>)
  return
}

// -----

func.func @bidirectional_weights(%x: tensor<5x2x3xf32>, %w: tensor<1x4x3xf32>, %r: tensor<1x4x4xf32>) {
  // expected-error @+1 {{weight must be [2, 4, 3], got [1, 4, 3]}}
  %y, %yh = tl.rnn %x, %w, %r {hidden_size = 4 : i64, direction = #tl<rnn_direction bidirectional>}
      : (tensor<5x2x3xf32>, tensor<1x4x3xf32>, tensor<1x4x4xf32>) -> (tensor<5x2x2x4xf32>, tensor<2x2x4xf32>)
  return
}

// -----

func.func @bias_shape(%x: tensor<5x2x3xf32>, %w: tensor<1x4x3xf32>, %r: tensor<1x4x4xf32>, %b: tensor<1x4xf32>) {
  // expected-error @+1 {{bias must be [1, 8], got [1, 4]}}
  %y, %yh = tl.rnn %x, %w, %r bias %b {hidden_size = 4 : i64}
      : (tensor<5x2x3xf32>, tensor<1x4x3xf32>, tensor<1x4x4xf32>, tensor<1x4xf32>) -> (tensor<5x1x2x4xf32>, tensor<1x2x4xf32>)
  return
}

// -----

func.func @lens_batch(%x: tensor<5x2x3xf32>, %w: tensor<1x4x3xf32>, %r: tensor<1x4x4xf32>, %l: tensor<3xi32>) {
  // expected-error @+1 {{sequence_lens must be [2], got [3]}}
  %y, %yh = tl.rnn %x, %w, %r sequence_lens %l {hidden_size = 4 : i64}
      : (tensor<5x2x3xf32>, tensor<1x4x3xf32>, tensor<1x4x4xf32>, tensor<3xi32>) -> (tensor<5x1x2x4xf32>, tensor<1x2x4xf32>)
  return
}

// -----

func.func @state_batch_major(%x: tensor<2x5x3xf32>, %w: tensor<1x4x3xf32>, %r: tensor<1x4x4xf32>, %h: tensor<1x2x4xf32>) {
  // expected-error @+1 {{initial state must be [2, 1, 4], got [1, 2, 4]}}
  %y, %yh = tl.rnn %x, %w, %r initial_h %h {hidden_size = 4 : i64, batch_major = true}
      : (tensor<2x5x3xf32>, tensor<1x4x3xf32>, tensor<1x4x4xf32>, tensor<1x2x4xf32>) -> (tensor<2x5x1x4xf32>, tensor<2x1x4xf32>)
  return
}

// -----

func.func @peepholes(%x: tensor<5x2x3xf32>, %w: tensor<1x8x3xf32>, %r: tensor<1x8x2xf32>, %p: tensor<1x4xf32>) {
  // expected-error @+1 {{peepholes must be [1, 6], got [1, 4]}}
  %y, %yh, %yc = tl.lstm %x, %w, %r peepholes %p {hidden_size = 2 : i64}
      : (tensor<5x2x3xf32>, tensor<1x8x3xf32>, tensor<1x8x2xf32>, tensor<1x4xf32>)
      -> (tensor<5x1x2x2xf32>, tensor<1x2x2xf32>, tensor<1x2x2xf32>)
  return
}

// -----

func.func @element_types(%x: tensor<5x2x3xf32>, %w: tensor<1x4x3xf16>, %r: tensor<1x4x4xf32>) {
  // expected-error @+1 {{weights, bias and states must have the input's element type}}
  %y, %yh = tl.rnn %x, %w, %r {hidden_size = 4 : i64}
      : (tensor<5x2x3xf32>, tensor<1x4x3xf16>, tensor<1x4x4xf32>) -> (tensor<5x1x2x4xf32>, tensor<1x2x4xf32>)
  return
}

// -----

func.func @activation_count(%x: tensor<5x2x3xf32>, %w: tensor<1x8x3xf32>, %r: tensor<1x8x2xf32>) {
  // expected-error @+1 {{expects 3 activations, got 2}}
  %y, %yh, %yc = tl.lstm %x, %w, %r {hidden_size = 2 : i64, activations = ["Sigmoid", "Tanh"]}
      : (tensor<5x2x3xf32>, tensor<1x8x3xf32>, tensor<1x8x2xf32>)
      -> (tensor<5x1x2x2xf32>, tensor<1x2x2xf32>, tensor<1x2x2xf32>)
  return
}

// -----

func.func @activation_name(%x: tensor<5x2x3xf32>, %w: tensor<1x4x3xf32>, %r: tensor<1x4x4xf32>) {
  // expected-error @+1 {{unknown activation 'Gelu'}}
  %y, %yh = tl.rnn %x, %w, %r {hidden_size = 4 : i64, activations = ["Gelu"]}
      : (tensor<5x2x3xf32>, tensor<1x4x3xf32>, tensor<1x4x4xf32>) -> (tensor<5x1x2x4xf32>, tensor<1x2x4xf32>)
  return
}

// -----

func.func @alpha_without_activations(%x: tensor<5x2x3xf32>, %w: tensor<1x4x3xf32>, %r: tensor<1x4x4xf32>) {
  // expected-error @+1 {{activation_alpha/activation_beta need explicit activations}}
  %y, %yh = tl.rnn %x, %w, %r {hidden_size = 4 : i64, activation_alpha = array<f32: 0.5>}
      : (tensor<5x2x3xf32>, tensor<1x4x3xf32>, tensor<1x4x4xf32>) -> (tensor<5x1x2x4xf32>, tensor<1x2x4xf32>)
  return
}

// -----

func.func @alpha_count(%x: tensor<5x2x3xf32>, %w: tensor<1x4x3xf32>, %r: tensor<1x4x4xf32>) {
  // expected-error @+1 {{expects one activation_alpha/activation_beta per activation (1), got 2}}
  %y, %yh = tl.rnn %x, %w, %r {hidden_size = 4 : i64, activations = ["Elu"], activation_alpha = array<f32: 0.5, 1.0>}
      : (tensor<5x2x3xf32>, tensor<1x4x3xf32>, tensor<1x4x4xf32>) -> (tensor<5x1x2x4xf32>, tensor<1x2x4xf32>)
  return
}

// -----

func.func @clip(%x: tensor<5x2x3xf32>, %w: tensor<1x4x3xf32>, %r: tensor<1x4x4xf32>) {
  // expected-error @+1 {{clip must be positive}}
  %y, %yh = tl.rnn %x, %w, %r {hidden_size = 4 : i64, clip = -1.0 : f32}
      : (tensor<5x2x3xf32>, tensor<1x4x3xf32>, tensor<1x4x4xf32>) -> (tensor<5x1x2x4xf32>, tensor<1x2x4xf32>)
  return
}

// -----

func.func @result_type(%x: tensor<5x2x3xf32>, %w: tensor<1x4x3xf32>, %r: tensor<1x4x4xf32>) {
  // expected-error @+2 {{failed to infer returned types}}
  // expected-error @+1 {{'tl.rnn' op inferred type(s) 'tensor<5x1x2x4xf32>', 'tensor<1x2x4xf32>' are incompatible with return type(s) of operation 'tensor<5x1x2x4xf32>', 'tensor<1x3x4xf32>'}}
  %y, %yh = tl.rnn %x, %w, %r {hidden_size = 4 : i64}
      : (tensor<5x2x3xf32>, tensor<1x4x3xf32>, tensor<1x4x4xf32>) -> (tensor<5x1x2x4xf32>, tensor<1x3x4xf32>)
  return
}
