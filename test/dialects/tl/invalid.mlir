// RUN: tl-opt %s -split-input-file -verify-diagnostics

// Every verifier and type-inference error of the tl dialect.

func.func @binary_not_broadcastable(%a: tensor<2x3xf32>, %b: tensor<4xf32>) {
  // expected-error @+2 {{operand shapes [2, 3] and [4] are not broadcast-compatible}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.add %a, %b : (tensor<2x3xf32>, tensor<4xf32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @binary_wrong_result(%a: tensor<2x3xf32>, %b: tensor<3xf32>) {
  // expected-error @+2 {{'tl.mul' op inferred type(s) 'tensor<2x3xf32>' are incompatible with return type(s) of operation 'tensor<3x3xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.mul %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<3x3xf32>
  return
}

// -----

func.func @binary_element_mismatch(%a: tensor<3xf32>, %b: tensor<3xf16>) {
  // expected-error @+1 {{requires the same element type for all operands}}
  %0 = tl.add %a, %b : (tensor<3xf32>, tensor<3xf16>) -> tensor<3xf32>
  return
}

// -----

func.func @compare_result_not_bool(%a: tensor<3xf32>) {
  // expected-error @+1 {{result #0 must be ranked tensor of 1-bit signless integer values}}
  %0 = tl.less %a, %a : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return
}

// -----

func.func @float_op_on_int(%a: tensor<3xi32>) {
  // expected-error @+1 {{operand #0 must be ranked tensor of floating-point values}}
  %0 = tl.exp %a : tensor<3xi32>
  return
}

// -----

func.func @logic_on_float(%a: tensor<3xf32>) {
  // expected-error @+1 {{must be ranked tensor of 1-bit signless integer values}}
  %0 = tl.and %a, %a : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xi1>
  return
}

// -----

func.func @unranked(%a: tensor<*xf32>) {
  // expected-error @+1 {{must be ranked tensor of floating-point values}}
  %0 = "tl.sigmoid"(%a) : (tensor<*xf32>) -> tensor<*xf32>
  return
}

// -----

func.func @celu_zero_alpha(%a: tensor<3xf32>) {
  // expected-error @+1 {{alpha must be non-zero}}
  %0 = tl.celu %a {alpha = 0.0 : f64} : tensor<3xf32>
  return
}

// -----

func.func @clip_inverted(%a: tensor<3xf32>) {
  // expected-error @+1 {{min (6.000000e+00) must not exceed max (0.000000e+00)}}
  %0 = tl.clip %a {min = 6.0 : f64, max = 0.0 : f64} : tensor<3xf32>
  return
}

// -----

func.func @cast_shape_change(%a: tensor<3xf32>) {
  // expected-error @+1 {{requires the same shape for all operands and results}}
  %0 = tl.cast %a : tensor<3xf32> to tensor<4xi32>
  return
}

// -----

func.func @prelu_slope_too_big(%a: tensor<1x8xf32>, %s: tensor<2x8xf32>) {
  // expected-error @+2 {{slope shape [2, 8] does not broadcast to the input shape [1, 8]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.prelu %a, %s : (tensor<1x8xf32>, tensor<2x8xf32>) -> tensor<1x8xf32>
  return
}

// -----

func.func @select_shapes(%c: tensor<3xi1>, %a: tensor<4xf32>) {
  // expected-error @+2 {{condition and value shapes [3], [4] and [4] are not broadcast-compatible}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.select %c, %a, %a : (tensor<3xi1>, tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @select_types(%c: tensor<4xi1>, %a: tensor<4xf32>, %b: tensor<4xi32>) {
  // expected-error @+1 {{on_true and on_false must have the same element type}}
  %0 = tl.select %c, %a, %b : (tensor<4xi1>, tensor<4xf32>, tensor<4xi32>) -> tensor<4xf32>
  return
}

// -----

func.func @dense_features(%x: tensor<2x10xf32>, %w: tensor<12x4xf32>) {
  // expected-error @+2 {{input features (10) do not match weight rows (12)}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.dense %x, %w : (tensor<2x10xf32>, tensor<12x4xf32>) -> tensor<2x4xf32>
  return
}

// -----

func.func @dense_weight_rank(%x: tensor<2x10xf32>, %w: tensor<10xf32>) {
  // expected-error @+2 {{weight must be [in_features, out_features], got rank 1}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.dense %x, %w : (tensor<2x10xf32>, tensor<10xf32>) -> tensor<2xf32>
  return
}

// -----

func.func @dense_bias(%x: tensor<2x10xf32>, %w: tensor<10x4xf32>, %b: tensor<5xf32>) {
  // expected-error @+1 {{bias has 5 elements, expected 4}}
  %0 = tl.dense %x, %w, %b : (tensor<2x10xf32>, tensor<10x4xf32>, tensor<5xf32>) -> tensor<2x4xf32>
  return
}

// -----

func.func @dense_types(%x: tensor<2x10xf32>, %w: tensor<10x4xf16>) {
  // expected-error @+1 {{input and weight must have the same element type}}
  %0 = tl.dense %x, %w : (tensor<2x10xf32>, tensor<10x4xf16>) -> tensor<2x4xf32>
  return
}

// -----

func.func @matmul_contraction(%a: tensor<2x3xf32>, %b: tensor<4x5xf32>) {
  // expected-error @+2 {{contracted dimensions differ: lhs [2, 3], rhs [4, 5]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.matmul %a, %b : (tensor<2x3xf32>, tensor<4x5xf32>) -> tensor<2x5xf32>
  return
}

// -----

func.func @matmul_batch(%a: tensor<2x4x3xf32>, %b: tensor<5x3x6xf32>) {
  // expected-error @+2 {{batch dimensions of [2, 4, 3] and [5, 3, 6] are not broadcast-compatible}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.matmul %a, %b : (tensor<2x4x3xf32>, tensor<5x3x6xf32>) -> tensor<2x4x6xf32>
  return
}

// -----

func.func @matmul_types(%a: tensor<2x3xf32>, %b: tensor<3x4xi32>) {
  // expected-error @+1 {{lhs and rhs must have the same element type}}
  %0 = tl.matmul %a, %b : (tensor<2x3xf32>, tensor<3x4xi32>) -> tensor<2x4xf32>
  return
}

// -----

func.func @conv_rank(%x: tensor<3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+2 {{weight rank (4) must equal input rank (3)}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.conv %x, %w : (tensor<3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_rank_2(%x: tensor<8x8xf32>, %w: tensor<8x8xf32>) {
  // expected-error @+2 {{input must be [N, C, D...] with 1 to 3 spatial dims, got rank 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.conv %x, %w : (tensor<8x8xf32>, tensor<8x8xf32>) -> tensor<8x8xf32>
  return
}

// -----

func.func @conv_channels(%x: tensor<1x3x8x8xf32>, %w: tensor<4x2x3x3xf32>) {
  // expected-error @+2 {{weight expects 2 input channels (dim 1 = 2 x group 1), input has 3}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.conv %x, %w : (tensor<1x3x8x8xf32>, tensor<4x2x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_group_divides_input(%x: tensor<1x3x8x8xf32>, %w: tensor<4x1x3x3xf32>) {
  // expected-error @+2 {{input channels (3) are not divisible by group (2)}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.conv %x, %w {group = 2 : i64} : (tensor<1x3x8x8xf32>, tensor<4x1x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_group_divides_output(%x: tensor<1x4x8x8xf32>, %w: tensor<3x2x3x3xf32>) {
  // expected-error @+2 {{output channels (3) are not divisible by group (2)}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.conv %x, %w {group = 2 : i64} : (tensor<1x4x8x8xf32>, tensor<3x2x3x3xf32>) -> tensor<1x3x6x6xf32>
  return
}

// -----

func.func @conv_bad_group(%x: tensor<1x4x8x8xf32>, %w: tensor<4x4x3x3xf32>) {
  // expected-error @+2 {{group must be positive, got 0}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.conv %x, %w {group = 0 : i64} : (tensor<1x4x8x8xf32>, tensor<4x4x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_strides(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+2 {{strides must have 2 entries (one per spatial dim), got 1}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.conv %x, %w {strides = array<i64: 2>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x3x3xf32>
  return
}

// -----

func.func @conv_zero_stride(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+2 {{strides must be positive, got [1, 0]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.conv %x, %w {strides = array<i64: 1, 0>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_dilations(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+2 {{dilations must be positive, got [0, 1]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.conv %x, %w {dilations = array<i64: 0, 1>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_pads(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+2 {{pads must have 4 entries (begins then ends), got 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.conv %x, %w {pads = array<i64: 1, 1>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x8x8xf32>
  return
}

// -----

func.func @conv_negative_pads(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+2 {{pads must be non-negative, got [-1, 0, 0, 0]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.conv %x, %w {pads = array<i64: -1, 0, 0, 0>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x5x6xf32>
  return
}

// -----

func.func @conv_kernel_too_big(%x: tensor<1x3x2x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+2 {{spatial dim 0 of size 2 is smaller than the dilated kernel}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.conv %x, %w : (tensor<1x3x2x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x1x6xf32>
  return
}

// -----

func.func @conv_bias(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>, %b: tensor<3xf32>) {
  // expected-error @+1 {{bias has 3 elements, expected 4}}
  %0 = tl.conv %x, %w, %b : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>, tensor<3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_types(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf64>) {
  // expected-error @+1 {{input and weight must have the same element type}}
  %0 = tl.conv %x, %w : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf64>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_transpose_channels(%x: tensor<1x16x8x8xf32>, %w: tensor<8x8x2x2xf32>) {
  // expected-error @+2 {{weight dim 0 (8) must equal input channels (16)}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.conv_transpose %x, %w : (tensor<1x16x8x8xf32>, tensor<8x8x2x2xf32>) -> tensor<1x8x9x9xf32>
  return
}

// -----

func.func @conv_transpose_output_padding(%x: tensor<1x16x8x8xf32>, %w: tensor<16x8x2x2xf32>) {
  // expected-error @+2 {{output_padding must be in [0, max(stride, dilation)), got [2, 0]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.conv_transpose %x, %w {strides = array<i64: 2, 2>, output_padding = array<i64: 2, 0>} : (tensor<1x16x8x8xf32>, tensor<16x8x2x2xf32>) -> tensor<1x8x18x16xf32>
  return
}

// -----

func.func @conv_transpose_output_padding_size(%x: tensor<1x16x8x8xf32>, %w: tensor<16x8x2x2xf32>) {
  // expected-error @+2 {{output_padding must have 2 entries, got 1}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.conv_transpose %x, %w {output_padding = array<i64: 0>} : (tensor<1x16x8x8xf32>, tensor<16x8x2x2xf32>) -> tensor<1x8x9x9xf32>
  return
}

// -----

func.func @conv_transpose_pads(%x: tensor<1x16x1x1xf32>, %w: tensor<16x8x1x1xf32>) {
  // expected-error @+2 {{pads leave no output along spatial dim 0}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.conv_transpose %x, %w {pads = array<i64: 1, 0, 0, 0>} : (tensor<1x16x1x1xf32>, tensor<16x8x1x1xf32>) -> tensor<1x8x1x1xf32>
  return
}

// -----

func.func @conv_transpose_bias(%x: tensor<1x16x8x8xf32>, %w: tensor<16x8x2x2xf32>, %b: tensor<16xf32>) {
  // expected-error @+1 {{bias has 16 elements, expected 8}}
  %0 = tl.conv_transpose %x, %w, %b : (tensor<1x16x8x8xf32>, tensor<16x8x2x2xf32>, tensor<16xf32>) -> tensor<1x8x9x9xf32>
  return
}

// -----

func.func @pool_kernel_size(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+2 {{kernel_shape must have 2 entries (one per spatial dim), got 3}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.max_pool %x {kernel_shape = array<i64: 2, 2, 2>} : (tensor<1x3x8x8xf32>) -> tensor<1x3x7x7xf32>
  return
}

// -----

func.func @pool_kernel_positive(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+2 {{kernel_shape must be positive, got [0, 2]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.avg_pool %x {kernel_shape = array<i64: 0, 2>} : (tensor<1x3x8x8xf32>) -> tensor<1x3x7x7xf32>
  return
}

// -----

func.func @pool_pads_vs_kernel(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+2 {{pads must be smaller than the kernel, got [2, 0, 0, 0] for kernel [2, 2]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.max_pool %x {kernel_shape = array<i64: 2, 2>, pads = array<i64: 2, 0, 0, 0>} : (tensor<1x3x8x8xf32>) -> tensor<1x3x9x7xf32>
  return
}

// -----

func.func @pool_rank(%x: tensor<3x8xf32>) {
  // expected-error @+2 {{input must be [N, C, D...] with at least one spatial dim, got rank 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.max_pool %x {kernel_shape = array<i64: 2>} : (tensor<3x8xf32>) -> tensor<3x7xf32>
  return
}

// -----

func.func @pool_window_too_big(%x: tensor<1x3x2x8xf32>) {
  // expected-error @+2 {{spatial dim 0 of size 2 is smaller than the pooling window}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.max_pool %x {kernel_shape = array<i64: 3, 3>} : (tensor<1x3x2x8xf32>) -> tensor<1x3x1x6xf32>
  return
}

// -----

func.func @pool_ceil_mode_shape(%x: tensor<1x1x5x5xf32>) {
  // ceil((5 - 2) / 2) + 1 = 3, not 2.
  // expected-error @+2 {{inferred type(s) 'tensor<1x1x3x3xf32>' are incompatible with return type(s) of operation 'tensor<1x1x2x2xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.max_pool %x {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, ceil_mode = true} : (tensor<1x1x5x5xf32>) -> tensor<1x1x2x2xf32>
  return
}

// -----

func.func @pool_indices_shape(%x: tensor<1x1x5x5xf32>) {
  // expected-error @+2 {{inferred type(s) 'tensor<1x1x4x4xf32>', 'tensor<1x1x4x4xi64>' are incompatible with return type(s) of operation 'tensor<1x1x4x4xf32>', 'tensor<1x1x3x3xi64>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0:2 = tl.max_pool_with_indices %x {kernel_shape = array<i64: 2, 2>} : (tensor<1x1x5x5xf32>) -> (tensor<1x1x4x4xf32>, tensor<1x1x3x3xi64>)
  return
}

// -----

func.func @pool_indices_kernel(%x: tensor<1x1x5x5xf32>) {
  // expected-error @+2 {{kernel_shape must have 2 entries (one per spatial dim), got 1}}
  // expected-error @+1 {{failed to infer returned types}}
  %0:2 = tl.max_pool_with_indices %x {kernel_shape = array<i64: 2>} : (tensor<1x1x5x5xf32>) -> (tensor<1x1x4x4xf32>, tensor<1x1x4x4xi64>)
  return
}

// -----

func.func @global_pool_rank(%x: tensor<3x8xf32>) {
  // expected-error @+2 {{input must be [N, C, D...] with at least one spatial dim, got rank 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.global_avg_pool %x : (tensor<3x8xf32>) -> tensor<3x1xf32>
  return
}

// -----

func.func @batch_norm_params(%x: tensor<1x3x4x4xf32>, %p: tensor<3xf32>, %q: tensor<4xf32>) {
  // expected-error @+1 {{var has 4 elements, expected 3}}
  %0 = tl.batch_norm %x, %p, %p, %p, %q : (tensor<1x3x4x4xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<4xf32>) -> tensor<1x3x4x4xf32>
  return
}

// -----

func.func @batch_norm_epsilon(%x: tensor<1x3x4x4xf32>, %p: tensor<3xf32>) {
  // expected-error @+1 {{epsilon must be non-negative}}
  %0 = tl.batch_norm %x, %p, %p, %p, %p {epsilon = -1.0 : f64} : (tensor<1x3x4x4xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<1x3x4x4xf32>
  return
}

// -----

func.func @batch_norm_rank(%x: tensor<3xf32>, %p: tensor<3xf32>) {
  // expected-error @+2 {{input must be [N, C, ...], got rank 1}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.batch_norm %x, %p, %p, %p, %p : (tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return
}

// -----

func.func @instance_norm_params(%x: tensor<1x3x4x4xf32>, %p: tensor<2xf32>) {
  // expected-error @+1 {{scale has 2 elements, expected 3}}
  %0 = tl.instance_norm %x, %p, %p : (tensor<1x3x4x4xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x3x4x4xf32>
  return
}

// -----

func.func @instance_norm_rank(%x: tensor<1x3xf32>, %p: tensor<3xf32>) {
  // expected-error @+2 {{input must be [N, C, D...], got rank 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.instance_norm %x, %p, %p : (tensor<1x3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<1x3xf32>
  return
}

// -----

func.func @layer_norm_axis(%x: tensor<2x8xf32>) {
  // expected-error @+2 {{axis 2 is out of range for rank 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.layer_norm %x {axis = 2 : i64} : (tensor<2x8xf32>) -> tensor<2x8xf32>
  return
}

// -----

func.func @layer_norm_scale(%x: tensor<2x8xf32>, %s: tensor<4xf32>) {
  // expected-error @+2 {{scale/bias shape [4] does not broadcast to the normalized shape [8]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.layer_norm %x, %s : (tensor<2x8xf32>, tensor<4xf32>) -> tensor<2x8xf32>
  return
}

// -----

func.func @layer_norm_epsilon(%x: tensor<2x8xf32>) {
  // expected-error @+1 {{epsilon must be non-negative}}
  %0 = tl.layer_norm %x {epsilon = -1.0 : f64} : (tensor<2x8xf32>) -> tensor<2x8xf32>
  return
}

// -----

func.func @softmax_axis(%x: tensor<2x8xf32>) {
  // expected-error @+1 {{axis -3 is out of range for rank 2}}
  %0 = tl.softmax %x {axis = -3 : i64} : tensor<2x8xf32>
  return
}

// -----

func.func @log_softmax_axis(%x: tensor<2x8xf32>) {
  // expected-error @+1 {{axis 2 is out of range for rank 2}}
  %0 = tl.log_softmax %x {axis = 2 : i64} : tensor<2x8xf32>
  return
}

// -----

func.func @reduce_axis(%x: tensor<2x8xf32>) {
  // expected-error @+2 {{axis 2 is out of range for rank 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.reduce_sum %x {axes = array<i64: 2>} : (tensor<2x8xf32>) -> tensor<2x1xf32>
  return
}

// -----

func.func @reduce_repeated_axis(%x: tensor<2x8xf32>) {
  // expected-error @+2 {{axis -1 is repeated}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.reduce_max %x {axes = array<i64: 1, -1>} : (tensor<2x8xf32>) -> tensor<2x1xf32>
  return
}

// -----

func.func @reduce_bool(%x: tensor<2x8xi1>) {
  // expected-error @+1 {{operand #0 must be ranked tensor of numeric values}}
  %0 = tl.reduce_sum %x : (tensor<2x8xi1>) -> tensor<1x1xi1>
  return
}

// -----

func.func @argmax_axis(%x: tensor<2x8xf32>) {
  // expected-error @+2 {{axis 5 is out of range for rank 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.argmax %x {axis = 5 : i64} : (tensor<2x8xf32>) -> tensor<2x1xi64>
  return
}

// -----

func.func @argmin_empty(%x: tensor<2x0xf32>) {
  // expected-error @+2 {{cannot take the index over an empty axis}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.argmin %x {axis = 1 : i64} : (tensor<2x0xf32>) -> tensor<2x1xi64>
  return
}

// -----

func.func @argmax_result_type(%x: tensor<2x8xf32>) {
  // expected-error @+1 {{result #0 must be ranked tensor of 64-bit signless integer values}}
  %0 = tl.argmax %x : (tensor<2x8xf32>) -> tensor<1x8xi32>
  return
}

// -----

func.func @constant_unranked() {
  // expected-error @+1 {{'tl.constant' op result #0 must be ranked tensor}}
  %0 = tl.constant dense<1.0> : vector<4xf32>
  return
}

// -----

func.func @reshape_two_inferred(%x: tensor<2x8xf32>) {
  // expected-error @+2 {{new_shape has more than one -1 entry}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.reshape %x {new_shape = array<i64: -1, -1>} : (tensor<2x8xf32>) -> tensor<4x4xf32>
  return
}

// -----

func.func @reshape_count(%x: tensor<2x8xf32>) {
  // expected-error @+2 {{cannot reshape [2, 8] (16 elements) to [3, 5]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.reshape %x {new_shape = array<i64: 3, 5>} : (tensor<2x8xf32>) -> tensor<3x5xf32>
  return
}

// -----

func.func @reshape_indivisible(%x: tensor<2x8xf32>) {
  // expected-error @+2 {{cannot reshape [2, 8] to [3, -1]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.reshape %x {new_shape = array<i64: 3, -1>} : (tensor<2x8xf32>) -> tensor<3x5xf32>
  return
}

// -----

func.func @reshape_negative(%x: tensor<2x8xf32>) {
  // expected-error @+2 {{new_shape entries must be positive, 0 or -1, got -2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.reshape %x {new_shape = array<i64: -2, 8>} : (tensor<2x8xf32>) -> tensor<2x8xf32>
  return
}

// -----

func.func @reshape_copy_out_of_range(%x: tensor<16xf32>) {
  // expected-error @+2 {{new_shape entry 1 is 0 (copy) but the input has rank 1}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.reshape %x {new_shape = array<i64: 16, 0>} : (tensor<16xf32>) -> tensor<16x1xf32>
  return
}

// -----

func.func @flatten_axis(%x: tensor<2x8xf32>) {
  // expected-error @+2 {{axis 3 is out of range for rank 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.flatten %x {axis = 3 : i64} : (tensor<2x8xf32>) -> tensor<16x1xf32>
  return
}

// -----

func.func @squeeze_non_unit(%x: tensor<2x1xf32>) {
  // expected-error @+2 {{cannot squeeze axis 0 of size 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.squeeze %x {axes = array<i64: 0>} : (tensor<2x1xf32>) -> tensor<1xf32>
  return
}

// -----

func.func @squeeze_axis_range(%x: tensor<2x1xf32>) {
  // expected-error @+2 {{axis 2 is out of range for rank 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.squeeze %x {axes = array<i64: 2>} : (tensor<2x1xf32>) -> tensor<2x1xf32>
  return
}

// -----

func.func @unsqueeze_repeated(%x: tensor<2xf32>) {
  // expected-error @+2 {{axis -3 is repeated}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.unsqueeze %x {axes = array<i64: 0, -3>} : (tensor<2xf32>) -> tensor<1x1x2xf32>
  return
}

// -----

func.func @unsqueeze_range(%x: tensor<2xf32>) {
  // expected-error @+2 {{axis 2 is out of range for output rank 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.unsqueeze %x {axes = array<i64: 2>} : (tensor<2xf32>) -> tensor<2x1xf32>
  return
}

// -----

func.func @transpose_perm(%x: tensor<2x3xf32>) {
  // expected-error @+2 {{perm [0, 0] is not a permutation of [0, 2)}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.transpose %x {perm = array<i64: 0, 0>} : (tensor<2x3xf32>) -> tensor<2x2xf32>
  return
}

// -----

func.func @transpose_perm_size(%x: tensor<2x3xf32>) {
  // expected-error @+2 {{perm has 3 entries for an input of rank 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.transpose %x {perm = array<i64: 0, 1, 2>} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @concat_dims(%a: tensor<2x3xf32>, %b: tensor<4x3xf32>) {
  // expected-error @+2 {{inputs differ in dim 0 (2 vs 4) outside the concatenation axis}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.concat %a, %b {axis = 1 : i64} : (tensor<2x3xf32>, tensor<4x3xf32>) -> tensor<2x6xf32>
  return
}

// -----

func.func @concat_types(%a: tensor<2x3xf32>, %b: tensor<2x3xi32>) {
  // expected-error @+2 {{inputs must have the same element type}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.concat %a, %b {axis = 1 : i64} : (tensor<2x3xf32>, tensor<2x3xi32>) -> tensor<2x6xf32>
  return
}

// -----

func.func @concat_rank(%a: tensor<2x3xf32>, %b: tensor<2x3x1xf32>) {
  // expected-error @+2 {{inputs must have the same rank}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.concat %a, %b {axis = 1 : i64} : (tensor<2x3xf32>, tensor<2x3x1xf32>) -> tensor<2x6xf32>
  return
}

// -----

func.func @concat_empty() {
  // expected-error @+2 {{requires at least one input}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.concat {axis = 0 : i64} : () -> tensor<2xf32>
  return
}

// -----

func.func @split_sum(%x: tensor<3x6xf32>) {
  // expected-error @+2 {{sizes [2, 3] sum to 5, but the split dim has size 6}}
  // expected-error @+1 {{failed to infer returned types}}
  %0:2 = tl.split %x {axis = 1 : i64, sizes = array<i64: 2, 3>} : (tensor<3x6xf32>) -> (tensor<3x2xf32>, tensor<3x3xf32>)
  return
}

// -----

func.func @split_count(%x: tensor<3x6xf32>) {
  // expected-error @+2 {{inferred type(s)}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.split %x {axis = 1 : i64, sizes = array<i64: 2, 4>} : (tensor<3x6xf32>) -> tensor<3x2xf32>
  return
}

// -----

func.func @slice_lengths(%x: tensor<3x6xf32>) {
  // expected-error @+2 {{starts and ends must have the same length}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.slice %x {starts = array<i64: 0, 0>, ends = array<i64: 1>} : (tensor<3x6xf32>) -> tensor<1x6xf32>
  return
}

// -----

func.func @slice_step(%x: tensor<3x6xf32>) {
  // expected-error @+2 {{steps must be non-zero}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.slice %x {starts = array<i64: 0>, ends = array<i64: 1>, steps = array<i64: 0>} : (tensor<3x6xf32>) -> tensor<1x6xf32>
  return
}

// -----

func.func @slice_repeated_axis(%x: tensor<3x6xf32>) {
  // expected-error @+2 {{axis -1 is repeated}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.slice %x {starts = array<i64: 0, 0>, ends = array<i64: 1, 1>, axes = array<i64: 1, -1>} : (tensor<3x6xf32>) -> tensor<3x1xf32>
  return
}

// -----

func.func @pad_count(%x: tensor<3x6xf32>) {
  // expected-error @+2 {{pads must have 4 entries (begins then ends), got 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.pad %x {pads = array<i64: 1, 1>} : (tensor<3x6xf32>) -> tensor<5x6xf32>
  return
}

// -----

func.func @pad_reflect(%x: tensor<3x6xf32>) {
  // expected-error @+2 {{reflect pads must be smaller than the padded dim, got [3, 0, 0, 0] for [3, 6]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.pad %x {pads = array<i64: 3, 0, 0, 0>, mode = #tl<pad_mode reflect>} : (tensor<3x6xf32>) -> tensor<6x6xf32>
  return
}

// -----

func.func @pad_crop(%x: tensor<3x6xf32>) {
  // expected-error @+2 {{negative pads crop more than dim 0 holds}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.pad %x {pads = array<i64: -2, 0, -2, 0>} : (tensor<3x6xf32>) -> tensor<0x6xf32>
  return
}

// -----

func.func @gather_axis(%x: tensor<3x6xf32>, %i: tensor<2xi64>) {
  // expected-error @+2 {{axis 2 is out of range for rank 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.gather %x, %i {axis = 2 : i64} : (tensor<3x6xf32>, tensor<2xi64>) -> tensor<3x6xf32>
  return
}

// -----

func.func @gather_index_type(%x: tensor<3x6xf32>, %i: tensor<2xf32>) {
  // expected-error @+1 {{operand #1 must be ranked tensor of 32-bit signless integer or 64-bit signless integer values}}
  %0 = tl.gather %x, %i : (tensor<3x6xf32>, tensor<2xf32>) -> tensor<2x6xf32>
  return
}

// -----

func.func @expand_incompatible(%x: tensor<3x6xf32>) {
  // expected-error @+2 {{cannot broadcast [3, 6] to [4, 6]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.expand %x {shape = array<i64: 4, 6>} : (tensor<3x6xf32>) -> tensor<4x6xf32>
  return
}

// -----

func.func @tile_repeats(%x: tensor<3x6xf32>) {
  // expected-error @+2 {{repeats must have one entry per dim (2), got 1}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.tile %x {repeats = array<i64: 2>} : (tensor<3x6xf32>) -> tensor<6x6xf32>
  return
}

// -----

func.func @depth_to_space_channels(%x: tensor<1x6x3x3xf32>) {
  // expected-error @+2 {{channels (6) are not divisible by blocksize^2 (4)}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.depth_to_space %x {blocksize = 2 : i64} : (tensor<1x6x3x3xf32>) -> tensor<1x1x6x6xf32>
  return
}

// -----

func.func @depth_to_space_rank(%x: tensor<8x3x3xf32>) {
  // expected-error @+2 {{input must be [N, C, H, W], got rank 3}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.depth_to_space %x {blocksize = 2 : i64} : (tensor<8x3x3xf32>) -> tensor<2x6x6xf32>
  return
}

// -----

func.func @space_to_depth_spatial(%x: tensor<1x2x5x6xf32>) {
  // expected-error @+2 {{spatial dims [5, 6] are not divisible by blocksize 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.space_to_depth %x {blocksize = 2 : i64} : (tensor<1x2x5x6xf32>) -> tensor<1x8x2x3xf32>
  return
}

// -----

func.func @resize_both(%x: tensor<1x3x4x4xf32>) {
  // expected-error @+2 {{exactly one of scales and sizes must be given}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.resize %x {scales = array<f64: 1.0, 1.0, 2.0, 2.0>, sizes = array<i64: 1, 3, 8, 8>} : (tensor<1x3x4x4xf32>) -> tensor<1x3x8x8xf32>
  return
}

// -----

func.func @resize_count(%x: tensor<1x3x4x4xf32>) {
  // expected-error @+2 {{scales must have one entry per dim (4), got 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.resize %x {scales = array<f64: 2.0, 2.0>} : (tensor<1x3x4x4xf32>) -> tensor<1x3x8x8xf32>
  return
}

// -----

func.func @resize_scale(%x: tensor<1x3x4x4xf32>) {
  // expected-error @+2 {{scales must be positive}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.resize %x {scales = array<f64: 1.0, 1.0, 0.0, 2.0>} : (tensor<1x3x4x4xf32>) -> tensor<1x3x0x8xf32>
  return
}

// -----

func.func @resize_linear_int(%x: tensor<1x3x4x4xi32>) {
  // expected-error @+2 {{linear resize requires a floating-point input}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.resize %x {mode = #tl<resize_mode linear>, scales = array<f64: 1.0, 1.0, 2.0, 2.0>} : (tensor<1x3x4x4xi32>) -> tensor<1x3x8x8xi32>
  return
}

// -----

func.func @resize_cubic_int(%x: tensor<1x3x4x4xi32>) {
  // expected-error @+2 {{cubic resize requires a floating-point input}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.resize %x {mode = #tl<resize_mode cubic>, scales = array<f64: 1.0, 1.0, 2.0, 2.0>} : (tensor<1x3x4x4xi32>) -> tensor<1x3x8x8xi32>
  return
}

// -----

func.func @resize_cubic_attrs_not_cubic(%x: tensor<1x3x4x4xf32>) {
  // expected-error @+1 {{'tl.resize' op cubic_coeff_a and exclude_outside are only used by cubic mode}}
  %0 = tl.resize %x {mode = #tl<resize_mode linear>, exclude_outside = true, scales = array<f64: 1.0, 1.0, 2.0, 2.0>} : (tensor<1x3x4x4xf32>) -> tensor<1x3x8x8xf32>
  return
}

// -----

func.func @resize_crop_without_roi(%x: tensor<1x3x4x4xf32>) {
  // expected-error @+1 {{'tl.resize' op tf_crop_and_resize requires roi}}
  %0 = tl.resize %x {coordinate_transform = #tl<coordinate_transform tf_crop_and_resize>, sizes = array<i64: 1, 3, 2, 2>} : (tensor<1x3x4x4xf32>) -> tensor<1x3x2x2xf32>
  return
}

// -----

func.func @resize_roi_not_crop(%x: tensor<1x3x4x4xf32>) {
  // expected-error @+1 {{'tl.resize' op roi is only used by the tf_crop_and_resize coordinate transform}}
  %0 = tl.resize %x {roi = array<f64: 0.0, 0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 1.0>, sizes = array<i64: 1, 3, 2, 2>} : (tensor<1x3x4x4xf32>) -> tensor<1x3x2x2xf32>
  return
}

// -----

func.func @resize_roi_count(%x: tensor<1x3x4x4xf32>) {
  // expected-error @+1 {{'tl.resize' op roi must have a start and an end per dim (8 entries), got 4}}
  %0 = tl.resize %x {coordinate_transform = #tl<coordinate_transform tf_crop_and_resize>, roi = array<f64: 0.0, 0.0, 1.0, 1.0>, sizes = array<i64: 1, 3, 2, 2>} : (tensor<1x3x4x4xf32>) -> tensor<1x3x2x2xf32>
  return
}

// -----

func.func @resize_extrapolation_not_crop(%x: tensor<1x3x4x4xf32>) {
  // expected-error @+1 {{'tl.resize' op extrapolation_value is only used by the tf_crop_and_resize coordinate transform}}
  %0 = tl.resize %x {extrapolation_value = 1.0 : f64, sizes = array<i64: 1, 3, 2, 2>} : (tensor<1x3x4x4xf32>) -> tensor<1x3x2x2xf32>
  return
}
