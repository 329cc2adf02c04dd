// RUN: tl-opt %s -split-input-file -verify-diagnostics

func.func @scale_zero_point_shapes(%x: tensor<2x3xf32>, %s: tensor<3xf32>, %z: tensor<ui8>) {
  // expected-error @+2 {{scale [3] and zero point [] must have the same shape}}
  // expected-error @+1 {{failed to infer returned types}}
  %q = tl.quantize %x, %s, %z : (tensor<2x3xf32>, tensor<3xf32>, tensor<ui8>) -> tensor<2x3xui8>
  return
}

// -----

func.func @axis_size(%x: tensor<2x3xf32>, %s: tensor<2xf32>, %z: tensor<2xui8>) {
  // expected-error @+2 {{scale has 2 elements but input dim 1 has size 3}}
  // expected-error @+1 {{failed to infer returned types}}
  %q = tl.quantize %x, %s, %z : (tensor<2x3xf32>, tensor<2xf32>, tensor<2xui8>) -> tensor<2x3xui8>
  return
}

// -----

func.func @axis_range(%x: tensor<2x3xf32>, %s: tensor<3xf32>, %z: tensor<3xui8>) {
  // expected-error @+2 {{axis 2 is out of range for rank 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %q = tl.quantize %x, %s, %z {axis = 2 : i64} : (tensor<2x3xf32>, tensor<3xf32>, tensor<3xui8>) -> tensor<2x3xui8>
  return
}

// -----

func.func @scale_rank(%x: tensor<2x3xf32>, %s: tensor<1x3xf32>, %z: tensor<1x3xui8>) {
  // expected-error @+2 {{scale must be rank 0 (per tensor) or 1 (per axis), got rank 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %q = tl.quantize %x, %s, %z : (tensor<2x3xf32>, tensor<1x3xf32>, tensor<1x3xui8>) -> tensor<2x3xui8>
  return
}

// -----

func.func @result_type(%x: tensor<2x3xf32>, %s: tensor<f32>, %z: tensor<ui8>) {
  // expected-error @+2 {{inferred type(s) 'tensor<2x3xui8>' are incompatible with return type(s) of operation 'tensor<2x3xi8>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %q = tl.quantize %x, %s, %z : (tensor<2x3xf32>, tensor<f32>, tensor<ui8>) -> tensor<2x3xi8>
  return
}

// -----

func.func @scale_type(%x: tensor<2x3xf32>, %s: tensor<f16>, %z: tensor<ui8>) {
  // expected-error @+1 {{scale must have the input's element type}}
  %q = tl.quantize %x, %s, %z : (tensor<2x3xf32>, tensor<f16>, tensor<ui8>) -> tensor<2x3xui8>
  return
}

// -----

func.func @float_input(%x: tensor<2x3xf32>, %s: tensor<f32>, %z: tensor<f32>) {
  // expected-error @+1 {{operand #2 must be ranked tensor of quantized integer values}}
  %q = tl.quantize %x, %s, %z : (tensor<2x3xf32>, tensor<f32>, tensor<f32>) -> tensor<2x3xui8>
  return
}

// -----

func.func @dequantize_zero_point_type(%q: tensor<4xui8>, %s: tensor<f32>, %z: tensor<i8>) {
  // expected-error @+1 {{zero point must have the input's element type}}
  %d = tl.dequantize %q, %s, %z : (tensor<4xui8>, tensor<f32>, tensor<i8>) -> tensor<4xf32>
  return
}

// -----

func.func @conv_unsigned(%x: tensor<1x1x3x3xui8>, %w: tensor<1x1x2x2xui8>) {
  // expected-error @+1 {{operand #0 must be ranked tensor of}}
  %y = tl.conv %x, %w : (tensor<1x1x3x3xui8>, tensor<1x1x2x2xui8>) -> tensor<1x1x2x2xui8>
  return
}

// -----

func.func @conv_bias_type(%x: tensor<1x1x3x3xi32>, %w: tensor<1x1x2x2xi32>, %b: tensor<1xi8>) {
  // expected-error @+1 {{bias must have the input's element type}}
  %y = tl.conv %x, %w, %b : (tensor<1x1x3x3xi32>, tensor<1x1x2x2xi32>, tensor<1xi8>) -> tensor<1x1x2x2xi32>
  return
}
