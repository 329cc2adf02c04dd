// RUN: tl-opt %s -split-input-file -verify-diagnostics

// Verifier and type-inference errors of the indexing ops.

func.func @gather_elements_rank(%x: tensor<2x2xf32>, %i: tensor<2xi64>) {
  // expected-error @+2 {{indices must have the rank of data (2), got 1}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.gather_elements %x, %i : (tensor<2x2xf32>, tensor<2xi64>) -> tensor<2xf32>
  return
}

// -----

func.func @gather_elements_axis(%x: tensor<2x2xf32>, %i: tensor<2x2xi64>) {
  // expected-error @+2 {{axis 2 is out of range for rank 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.gather_elements %x, %i {axis = 2 : i64} : (tensor<2x2xf32>, tensor<2x2xi64>) -> tensor<2x2xf32>
  return
}

// -----

func.func @scatter_elements_updates(%x: tensor<2x2xf32>, %i: tensor<2x1xi64>, %u: tensor<2x2xf32>) {
  // expected-error @+1 {{updates shape [2, 2] must match the indices shape [2, 1]}}
  %0 = tl.scatter_elements %x, %i, %u : (tensor<2x2xf32>, tensor<2x1xi64>, tensor<2x2xf32>) -> tensor<2x2xf32>
  return
}

// -----

func.func @scatter_elements_type(%x: tensor<2x2xf32>, %i: tensor<2x2xi64>, %u: tensor<2x2xf16>) {
  // expected-error @+1 {{updates must have the element type of data}}
  %0 = tl.scatter_elements %x, %i, %u : (tensor<2x2xf32>, tensor<2x2xi64>, tensor<2x2xf16>) -> tensor<2x2xf32>
  return
}

// -----

func.func @gather_nd_tuple(%x: tensor<2x2xf32>, %i: tensor<3x3xi64>) {
  // expected-error @+2 {{index tuples of size 3 do not fit data of rank 2 after 0 batch dims}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.gather_nd %x, %i : (tensor<2x2xf32>, tensor<3x3xi64>) -> tensor<3xf32>
  return
}

// -----

func.func @gather_nd_batch(%x: tensor<2x2xf32>, %i: tensor<3x1xi64>) {
  // expected-error @+2 {{batch dim 0 differs: data [2, 2], indices [3, 1]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.gather_nd %x, %i {batch_dims = 1 : i64} : (tensor<2x2xf32>, tensor<3x1xi64>) -> tensor<3xf32>
  return
}

// -----

func.func @gather_nd_dynamic_tuple(%x: tensor<2x2xf32>, %i: tensor<3x?xi64>) {
  // expected-error @+2 {{the last dim of indices must be static}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.gather_nd %x, %i : (tensor<2x2xf32>, tensor<3x?xi64>) -> tensor<3xf32>
  return
}

// -----

func.func @scatter_nd_updates(%x: tensor<4x4xf32>, %i: tensor<2x1xi64>, %u: tensor<2x3xf32>) {
  // expected-error @+1 {{updates shape [2, 3] must be [2, 4]}}
  %0 = tl.scatter_nd %x, %i, %u : (tensor<4x4xf32>, tensor<2x1xi64>, tensor<2x3xf32>) -> tensor<4x4xf32>
  return
}

// -----

func.func @top_k_too_many(%x: tensor<3x4xf32>) {
  // expected-error @+2 {{k = 5 must be in [0, 4], the size of axis 1}}
  // expected-error @+1 {{failed to infer returned types}}
  %v, %i = tl.top_k %x {k = 5 : i64} : (tensor<3x4xf32>) -> (tensor<3x5xf32>, tensor<3x5xi64>)
  return
}

// -----

func.func @reverse_sequence_axes(%x: tensor<4x4xf32>, %l: tensor<4xi64>) {
  // expected-error @+1 {{batch_axis and time_axis must be 0 and 1 in some order, got 0 and 0}}
  %0 = tl.reverse_sequence %x, %l {batch_axis = 0 : i64, time_axis = 0 : i64} : (tensor<4x4xf32>, tensor<4xi64>) -> tensor<4x4xf32>
  return
}

// -----

func.func @reverse_sequence_lens(%x: tensor<4x3xf32>, %l: tensor<4xi64>) {
  // expected-error @+1 {{sequence_lens must be 1-D with the batch size (3), got [4]}}
  %0 = tl.reverse_sequence %x, %l : (tensor<4x3xf32>, tensor<4xi64>) -> tensor<4x3xf32>
  return
}

// -----

func.func @max_unpool_shape(%x: tensor<1x1x2x2xf32>, %i: tensor<1x1x2x2xi64>) {
  // expected-error @+2 {{output_shape must have one entry per spatial dim of an [N, C, ...] input}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = tl.max_unpool %x, %i {output_shape = array<i64: 4>} : (tensor<1x1x2x2xf32>, tensor<1x1x2x2xi64>) -> tensor<1x1x4xf32>
  return
}

// -----

func.func @max_unpool_indices(%x: tensor<1x1x2x2xf32>, %i: tensor<1x1x2x3xi64>) {
  // expected-error @+1 {{indices shape [1, 1, 2, 3] must match the input shape [1, 1, 2, 2]}}
  %0 = tl.max_unpool %x, %i {output_shape = array<i64: 4, 4>} : (tensor<1x1x2x2xf32>, tensor<1x1x2x3xi64>) -> tensor<1x1x4x4xf32>
  return
}

// -----

func.func @shift_signed(%x: tensor<3xi8>) {
  // expected-error @+1 {{must be ranked tensor of 8-bit unsigned integer or 16-bit unsigned integer or 32-bit unsigned integer or 64-bit unsigned integer values}}
  %0 = tl.shift_left %x, %x : (tensor<3xi8>, tensor<3xi8>) -> tensor<3xi8>
  return
}
