// RUN: tl-opt %s | tl-opt | FileCheck %s
// RUN: tl-opt %s --mlir-print-op-generic | tl-opt | FileCheck %s

// Every tl op parses, verifies, prints and re-parses to the same form.

// CHECK-LABEL: func @unary_math
func.func @unary_math(%x: tensor<2x?xf32>, %i: tensor<4xi32>, %b: tensor<3xi1>) {
  // CHECK: tl.abs %{{.*}} : tensor<4xi32>
  %0 = tl.abs %i : tensor<4xi32>
  // CHECK: tl.neg %{{.*}} : tensor<2x?xf32>
  %1 = tl.neg %x : tensor<2x?xf32>
  // CHECK: tl.sign
  %2 = tl.sign %x : tensor<2x?xf32>
  // CHECK: tl.exp
  %3 = tl.exp %x : tensor<2x?xf32>
  // CHECK: tl.log
  %4 = tl.log %x : tensor<2x?xf32>
  // CHECK: tl.sqrt
  %5 = tl.sqrt %x : tensor<2x?xf32>
  // CHECK: tl.rsqrt
  %6 = tl.rsqrt %x : tensor<2x?xf32>
  // CHECK: tl.reciprocal
  %7 = tl.reciprocal %x : tensor<2x?xf32>
  // CHECK: tl.floor
  %8 = tl.floor %x : tensor<2x?xf32>
  // CHECK: tl.ceil
  %9 = tl.ceil %x : tensor<2x?xf32>
  // CHECK: tl.round
  %10 = tl.round %x : tensor<2x?xf32>
  // CHECK: tl.sin
  %11 = tl.sin %x : tensor<2x?xf32>
  // CHECK: tl.cos
  %12 = tl.cos %x : tensor<2x?xf32>
  // CHECK: tl.tan
  %13 = tl.tan %x : tensor<2x?xf32>
  // CHECK: tl.asin
  %14 = tl.asin %x : tensor<2x?xf32>
  // CHECK: tl.acos
  %15 = tl.acos %x : tensor<2x?xf32>
  // CHECK: tl.atan
  %16 = tl.atan %x : tensor<2x?xf32>
  // CHECK: tl.sinh
  %17 = tl.sinh %x : tensor<2x?xf32>
  // CHECK: tl.cosh
  %18 = tl.cosh %x : tensor<2x?xf32>
  // CHECK: tl.asinh
  %19 = tl.asinh %x : tensor<2x?xf32>
  // CHECK: tl.acosh
  %20 = tl.acosh %x : tensor<2x?xf32>
  // CHECK: tl.atanh
  %21 = tl.atanh %x : tensor<2x?xf32>
  // CHECK: tl.erf
  %22 = tl.erf %x : tensor<2x?xf32>
  // CHECK: tl.not %{{.*}} : tensor<3xi1>
  %23 = tl.not %b : tensor<3xi1>
  // CHECK: tl.is_nan %{{.*}} : tensor<2x?xf32> -> tensor<2x?xi1>
  %24 = tl.is_nan %x : tensor<2x?xf32> -> tensor<2x?xi1>
  // CHECK: tl.is_inf %{{.*}} {detect_negative = false} : tensor<2x?xf32> -> tensor<2x?xi1>
  %25 = tl.is_inf %x {detect_negative = false} : tensor<2x?xf32> -> tensor<2x?xi1>
  // CHECK: tl.cast %{{.*}} : tensor<2x?xf32> to tensor<2x?xi64>
  %26 = tl.cast %x : tensor<2x?xf32> to tensor<2x?xi64>
  // CHECK: tl.cast %{{.*}} : tensor<4xi32> to tensor<4xui8>
  %27 = tl.cast %i : tensor<4xi32> to tensor<4xui8>
  return
}

// CHECK-LABEL: func @activations
func.func @activations(%x: tensor<1x8x4x4xf32>, %slope: tensor<8x1x1xf32>) {
  // CHECK: tl.relu
  %0 = tl.relu %x : tensor<1x8x4x4xf32>
  // CHECK: tl.sigmoid
  %1 = tl.sigmoid %x : tensor<1x8x4x4xf32>
  // CHECK: tl.tanh
  %2 = tl.tanh %x : tensor<1x8x4x4xf32>
  // CHECK: tl.hard_swish
  %3 = tl.hard_swish %x : tensor<1x8x4x4xf32>
  // CHECK: tl.silu
  %4 = tl.silu %x : tensor<1x8x4x4xf32>
  // CHECK: tl.softplus
  %5 = tl.softplus %x : tensor<1x8x4x4xf32>
  // CHECK: tl.softsign
  %6 = tl.softsign %x : tensor<1x8x4x4xf32>
  // CHECK: tl.mish
  %7 = tl.mish %x : tensor<1x8x4x4xf32>
  // CHECK: tl.leaky_relu %{{.*}} {alpha = 1.000000e-01 : f64}
  %8 = tl.leaky_relu %x {alpha = 0.1 : f64} : tensor<1x8x4x4xf32>
  // CHECK: tl.elu %{{.*}} {alpha = 2.000000e+00 : f64}
  %9 = tl.elu %x {alpha = 2.0 : f64} : tensor<1x8x4x4xf32>
  // CHECK: tl.selu %{{.*}} :
  %10 = tl.selu %x : tensor<1x8x4x4xf32>
  // CHECK: tl.celu %{{.*}} {alpha = 5.000000e-01 : f64}
  %11 = tl.celu %x {alpha = 0.5 : f64} : tensor<1x8x4x4xf32>
  // CHECK: tl.hard_sigmoid %{{.*}} {alpha = 0.1666{{[0-9]*}} : f64, beta = 6.000000e-01 : f64}
  %12 = tl.hard_sigmoid %x {alpha = 0.16666666666666666 : f64, beta = 0.6 : f64} : tensor<1x8x4x4xf32>
  // CHECK: tl.gelu %{{.*}} :
  %13 = tl.gelu %x : tensor<1x8x4x4xf32>
  // CHECK: tl.gelu %{{.*}} {approximate = #tl<gelu_approximation tanh>}
  %14 = tl.gelu %x {approximate = #tl<gelu_approximation tanh>} : tensor<1x8x4x4xf32>
  // CHECK: tl.clip %{{.*}} {max = 6.000000e+00 : f64, min = 0.000000e+00 : f64}
  %15 = tl.clip %x {min = 0.0 : f64, max = 6.0 : f64} : tensor<1x8x4x4xf32>
  // CHECK: tl.clip %{{.*}} {max = 1.000000e+00 : f64} :
  %16 = tl.clip %x {max = 1.0 : f64} : tensor<1x8x4x4xf32>
  // CHECK: tl.prelu %{{.*}}, %{{.*}} : (tensor<1x8x4x4xf32>, tensor<8x1x1xf32>) -> tensor<1x8x4x4xf32>
  %17 = tl.prelu %x, %slope : (tensor<1x8x4x4xf32>, tensor<8x1x1xf32>) -> tensor<1x8x4x4xf32>
  return
}

// CHECK-LABEL: func @binary
func.func @binary(%a: tensor<2x3xf32>, %b: tensor<3xf32>, %d: tensor<?x1xf32>,
                  %i: tensor<4xi32>, %p: tensor<4xi1>, %q: tensor<1xi1>) {
  // CHECK: tl.add %{{.*}}, %{{.*}} : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  %0 = tl.add %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  // CHECK: tl.sub %{{.*}}, %{{.*}} : (tensor<?x1xf32>, tensor<3xf32>) -> tensor<?x3xf32>
  %1 = tl.sub %d, %b : (tensor<?x1xf32>, tensor<3xf32>) -> tensor<?x3xf32>
  // CHECK: tl.mul
  %2 = tl.mul %a, %a : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: tl.div
  %3 = tl.div %i, %i : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
  // CHECK: tl.pow
  %4 = tl.pow %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  // CHECK: tl.max
  %5 = tl.max %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  // CHECK: tl.min
  %6 = tl.min %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  // CHECK: tl.mod %{{.*}}, %{{.*}} : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
  %7 = tl.mod %i, %i : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
  // CHECK: tl.mod %{{.*}}, %{{.*}} {fmod = true}
  %8 = tl.mod %a, %a {fmod = true} : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: tl.and
  %9 = tl.and %p, %q : (tensor<4xi1>, tensor<1xi1>) -> tensor<4xi1>
  // CHECK: tl.or
  %10 = tl.or %p, %q : (tensor<4xi1>, tensor<1xi1>) -> tensor<4xi1>
  // CHECK: tl.xor
  %11 = tl.xor %p, %q : (tensor<4xi1>, tensor<1xi1>) -> tensor<4xi1>
  // CHECK: tl.equal %{{.*}}, %{{.*}} : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xi1>
  %12 = tl.equal %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xi1>
  // CHECK: tl.less
  %13 = tl.less %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xi1>
  // CHECK: tl.less_equal
  %14 = tl.less_equal %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xi1>
  // CHECK: tl.greater
  %15 = tl.greater %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xi1>
  // CHECK: tl.greater_equal
  %16 = tl.greater_equal %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xi1>
  // CHECK: tl.select %{{.*}}, %{{.*}}, %{{.*}} : (tensor<2x3xi1>, tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  %17 = tl.select %12, %a, %b : (tensor<2x3xi1>, tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  return
}

// CHECK-LABEL: func @nn
func.func @nn(%x: tensor<?x784xf32>, %w: tensor<784x128xf32>, %bias: tensor<128xf32>,
              %a: tensor<8x?x64xf32>, %m: tensor<64x32xf32>, %v: tensor<64xf32>,
              %img: tensor<1x3x224x224xf32>, %k: tensor<64x3x7x7xf32>, %kb: tensor<64xf32>,
              %dw: tensor<32x1x3x3xf32>, %img32: tensor<2x32x9x9xf32>,
              %seq: tensor<1x4x10xf32>, %k1: tensor<6x2x3xf32>,
              %vol: tensor<1x2x5x5x5xf32>, %k3: tensor<4x2x3x3x3xf32>,
              %up: tensor<1x16x8x8xf32>, %kt: tensor<16x8x2x2xf32>, %s32: tensor<32xf32>) {
  // CHECK: tl.dense %{{.*}}, %{{.*}}, %{{.*}} : (tensor<?x784xf32>, tensor<784x128xf32>, tensor<128xf32>) -> tensor<?x128xf32>
  %0 = tl.dense %x, %w, %bias : (tensor<?x784xf32>, tensor<784x128xf32>, tensor<128xf32>) -> tensor<?x128xf32>
  // CHECK: tl.dense %{{.*}}, %{{.*}} : (tensor<?x784xf32>, tensor<784x128xf32>) -> tensor<?x128xf32>
  %1 = tl.dense %x, %w : (tensor<?x784xf32>, tensor<784x128xf32>) -> tensor<?x128xf32>
  // CHECK: tl.matmul %{{.*}}, %{{.*}} : (tensor<8x?x64xf32>, tensor<64x32xf32>) -> tensor<8x?x32xf32>
  %2 = tl.matmul %a, %m : (tensor<8x?x64xf32>, tensor<64x32xf32>) -> tensor<8x?x32xf32>
  // CHECK: tl.matmul %{{.*}}, %{{.*}} : (tensor<8x?x64xf32>, tensor<64xf32>) -> tensor<8x?xf32>
  %3 = tl.matmul %a, %v : (tensor<8x?x64xf32>, tensor<64xf32>) -> tensor<8x?xf32>
  // CHECK: tl.conv %{{.*}}, %{{.*}}, %{{.*}} {pads = array<i64: 3, 3, 3, 3>, strides = array<i64: 2, 2>}
  %4 = tl.conv %img, %k, %kb {strides = array<i64: 2, 2>, pads = array<i64: 3, 3, 3, 3>}
      : (tensor<1x3x224x224xf32>, tensor<64x3x7x7xf32>, tensor<64xf32>) -> tensor<1x64x112x112xf32>
  // CHECK: tl.conv %{{.*}}, %{{.*}} {dilations = array<i64: 2, 2>, group = 32 : i64}
  %5 = tl.conv %img32, %dw {group = 32 : i64, dilations = array<i64: 2, 2>}
      : (tensor<2x32x9x9xf32>, tensor<32x1x3x3xf32>) -> tensor<2x32x5x5xf32>
  // CHECK: tl.conv %{{.*}}, %{{.*}} {group = 2 : i64, pads = array<i64: 0, 1>}
  %6 = tl.conv %seq, %k1 {group = 2 : i64, pads = array<i64: 0, 1>}
      : (tensor<1x4x10xf32>, tensor<6x2x3xf32>) -> tensor<1x6x9xf32>
  // CHECK: tl.conv %{{.*}}, %{{.*}} :
  %7 = tl.conv %vol, %k3 : (tensor<1x2x5x5x5xf32>, tensor<4x2x3x3x3xf32>) -> tensor<1x4x3x3x3xf32>
  // CHECK: tl.conv_transpose %{{.*}}, %{{.*}} {output_padding = array<i64: 1, 1>, strides = array<i64: 2, 2>}
  %8 = tl.conv_transpose %up, %kt {strides = array<i64: 2, 2>, output_padding = array<i64: 1, 1>}
      : (tensor<1x16x8x8xf32>, tensor<16x8x2x2xf32>) -> tensor<1x8x17x17xf32>
  // CHECK: tl.max_pool %{{.*}} {ceil_mode = true, kernel_shape = array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>}
  %9 = tl.max_pool %4 {kernel_shape = array<i64: 3, 3>, strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>, ceil_mode = true}
      : (tensor<1x64x112x112xf32>) -> tensor<1x64x57x57xf32>
  // CHECK: tl.max_pool_with_indices %{{.*}} {kernel_shape = array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>, storage_order = #tl<storage_order column_major>, strides = array<i64: 2, 2>} : (tensor<1x64x112x112xf32>) -> (tensor<1x64x56x56xf32>, tensor<1x64x56x56xi64>)
  %mp:2 = tl.max_pool_with_indices %4 {kernel_shape = array<i64: 3, 3>, strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>, storage_order = #tl<storage_order column_major>}
      : (tensor<1x64x112x112xf32>) -> (tensor<1x64x56x56xf32>, tensor<1x64x56x56xi64>)
  // CHECK: tl.avg_pool %{{.*}} {count_include_pad = true, kernel_shape = array<i64: 2, 2>}
  %10 = tl.avg_pool %img32 {kernel_shape = array<i64: 2, 2>, count_include_pad = true}
      : (tensor<2x32x9x9xf32>) -> tensor<2x32x8x8xf32>
  // CHECK: tl.global_avg_pool %{{.*}} : (tensor<2x32x9x9xf32>) -> tensor<2x32x1x1xf32>
  %11 = tl.global_avg_pool %img32 : (tensor<2x32x9x9xf32>) -> tensor<2x32x1x1xf32>
  // CHECK: tl.global_max_pool %{{.*}} : (tensor<1x2x5x5x5xf32>) -> tensor<1x2x1x1x1xf32>
  %12 = tl.global_max_pool %vol : (tensor<1x2x5x5x5xf32>) -> tensor<1x2x1x1x1xf32>
  // CHECK: tl.batch_norm %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}} {epsilon = 1.000000e-03 : f64}
  %13 = tl.batch_norm %4, %kb, %kb, %kb, %kb {epsilon = 1.0e-3 : f64}
      : (tensor<1x64x112x112xf32>, tensor<64xf32>, tensor<64xf32>, tensor<64xf32>, tensor<64xf32>) -> tensor<1x64x112x112xf32>
  // CHECK: tl.layer_norm %{{.*}}, %{{.*}}, %{{.*}} :
  %14 = tl.layer_norm %0, %bias, %bias : (tensor<?x128xf32>, tensor<128xf32>, tensor<128xf32>) -> tensor<?x128xf32>
  // CHECK: tl.layer_norm %{{.*}} {axis = 1 : i64} : (tensor<?x128xf32>) -> tensor<?x128xf32>
  %15 = tl.layer_norm %0 {axis = 1 : i64} : (tensor<?x128xf32>) -> tensor<?x128xf32>
  // CHECK: tl.instance_norm %{{.*}}, %{{.*}}, %{{.*}} {epsilon = 1.000000e-03 : f64}
  %16 = tl.instance_norm %img32, %s32, %s32 {epsilon = 1.0e-3 : f64} : (tensor<2x32x9x9xf32>, tensor<32xf32>, tensor<32xf32>) -> tensor<2x32x9x9xf32>
  // CHECK: tl.softmax %{{.*}} {axis = 1 : i64} : tensor<?x128xf32>
  %17 = tl.softmax %0 {axis = 1 : i64} : tensor<?x128xf32>
  // CHECK: tl.log_softmax %{{.*}} : tensor<?x128xf32>
  %18 = tl.log_softmax %0 : tensor<?x128xf32>
  return
}

// CHECK-LABEL: func @reductions
func.func @reductions(%x: tensor<2x3x4xf32>, %i: tensor<?x5xi64>) {
  // CHECK: tl.reduce_sum %{{.*}} {axes = array<i64: 1>, keepdims = false} : (tensor<2x3x4xf32>) -> tensor<2x4xf32>
  %0 = tl.reduce_sum %x {axes = array<i64: 1>, keepdims = false} : (tensor<2x3x4xf32>) -> tensor<2x4xf32>
  // CHECK: tl.reduce_mean %{{.*}} : (tensor<2x3x4xf32>) -> tensor<1x1x1xf32>
  %1 = tl.reduce_mean %x : (tensor<2x3x4xf32>) -> tensor<1x1x1xf32>
  // CHECK: tl.reduce_max %{{.*}} {axes = array<i64: -1, 0>} : (tensor<2x3x4xf32>) -> tensor<1x3x1xf32>
  %2 = tl.reduce_max %x {axes = array<i64: -1, 0>} : (tensor<2x3x4xf32>) -> tensor<1x3x1xf32>
  // CHECK: tl.reduce_min %{{.*}} {axes = array<i64: 1>} : (tensor<?x5xi64>) -> tensor<?x1xi64>
  %3 = tl.reduce_min %i {axes = array<i64: 1>} : (tensor<?x5xi64>) -> tensor<?x1xi64>
  // CHECK: tl.reduce_prod
  %4 = tl.reduce_prod %x {axes = array<i64: 2>} : (tensor<2x3x4xf32>) -> tensor<2x3x1xf32>
  // CHECK: tl.argmax %{{.*}} {axis = 1 : i64, keepdims = false} : (tensor<2x3x4xf32>) -> tensor<2x4xi64>
  %5 = tl.argmax %x {axis = 1 : i64, keepdims = false} : (tensor<2x3x4xf32>) -> tensor<2x4xi64>
  // CHECK: tl.argmin %{{.*}} {axis = -1 : i64, select_last_index = true} : (tensor<?x5xi64>) -> tensor<?x1xi64>
  %6 = tl.argmin %i {axis = -1 : i64, select_last_index = true} : (tensor<?x5xi64>) -> tensor<?x1xi64>
  return
}

// CHECK-LABEL: func @tensor_ops
func.func @tensor_ops(%x: tensor<?x512x1x1xf32>, %y: tensor<2x3x4xf32>, %z: tensor<3x6xf32>,
                      %t: tensor<1000x64xf32>, %ids: tensor<?x16xi64>, %img: tensor<1x8x3x3xf32>) {
  // CHECK: tl.constant dense<[1.000000e+00, 2.000000e+00]> : tensor<2xf32>
  %c = tl.constant dense<[1.0, 2.0]> : tensor<2xf32>
  // CHECK: tl.identity
  %0 = tl.identity %y : tensor<2x3x4xf32>
  // CHECK: tl.dropout %{{.*}} {ratio = 2.000000e-01 : f64}
  %1 = tl.dropout %y {ratio = 0.2 : f64} : tensor<2x3x4xf32>
  // CHECK: tl.reshape %{{.*}} {new_shape = array<i64: 0, -1>} : (tensor<?x512x1x1xf32>) -> tensor<?x512xf32>
  %2 = tl.reshape %x {new_shape = array<i64: 0, -1>} : (tensor<?x512x1x1xf32>) -> tensor<?x512xf32>
  // CHECK: tl.reshape %{{.*}} {new_shape = array<i64: 4, -1>} : (tensor<2x3x4xf32>) -> tensor<4x6xf32>
  %3 = tl.reshape %y {new_shape = array<i64: 4, -1>} : (tensor<2x3x4xf32>) -> tensor<4x6xf32>
  // CHECK: tl.flatten %{{.*}} : (tensor<?x512x1x1xf32>) -> tensor<?x512xf32>
  %4 = tl.flatten %x : (tensor<?x512x1x1xf32>) -> tensor<?x512xf32>
  // CHECK: tl.squeeze %{{.*}} {axes = array<i64: 2, 3>} : (tensor<?x512x1x1xf32>) -> tensor<?x512xf32>
  %5 = tl.squeeze %x {axes = array<i64: 2, 3>} : (tensor<?x512x1x1xf32>) -> tensor<?x512xf32>
  // CHECK: tl.unsqueeze %{{.*}} {axes = array<i64: 0, -1>} : (tensor<2x3x4xf32>) -> tensor<1x2x3x4x1xf32>
  %6 = tl.unsqueeze %y {axes = array<i64: 0, -1>} : (tensor<2x3x4xf32>) -> tensor<1x2x3x4x1xf32>
  // CHECK: tl.transpose %{{.*}} {perm = array<i64: 0, 2, 1>} : (tensor<2x3x4xf32>) -> tensor<2x4x3xf32>
  %7 = tl.transpose %y {perm = array<i64: 0, 2, 1>} : (tensor<2x3x4xf32>) -> tensor<2x4x3xf32>
  // CHECK: tl.concat %{{.*}}, %{{.*}} {axis = 1 : i64} : (tensor<2x3x4xf32>, tensor<2x3x4xf32>) -> tensor<2x6x4xf32>
  %8 = tl.concat %y, %y {axis = 1 : i64} : (tensor<2x3x4xf32>, tensor<2x3x4xf32>) -> tensor<2x6x4xf32>
  // CHECK: tl.split %{{.*}} {axis = 1 : i64, sizes = array<i64: 2, 4>} : (tensor<3x6xf32>) -> (tensor<3x2xf32>, tensor<3x4xf32>)
  %9:2 = tl.split %z {axis = 1 : i64, sizes = array<i64: 2, 4>} : (tensor<3x6xf32>) -> (tensor<3x2xf32>, tensor<3x4xf32>)
  // CHECK: tl.slice %{{.*}} {axes = array<i64: 1>, ends = array<i64: -1>, starts = array<i64: 1>} : (tensor<3x6xf32>) -> tensor<3x4xf32>
  %10 = tl.slice %z {starts = array<i64: 1>, ends = array<i64: -1>, axes = array<i64: 1>} : (tensor<3x6xf32>) -> tensor<3x4xf32>
  // CHECK: tl.slice %{{.*}} {ends = array<i64: -100>, starts = array<i64: 100>, steps = array<i64: -2>} : (tensor<3x6xf32>) -> tensor<2x6xf32>
  %11 = tl.slice %z {starts = array<i64: 100>, ends = array<i64: -100>, steps = array<i64: -2>} : (tensor<3x6xf32>) -> tensor<2x6xf32>
  // CHECK: tl.pad %{{.*}} {mode = #tl<pad_mode reflect>, pads = array<i64: 0, 1, 0, 2>}
  %12 = tl.pad %z {pads = array<i64: 0, 1, 0, 2>, mode = #tl<pad_mode reflect>} : (tensor<3x6xf32>) -> tensor<3x9xf32>
  // CHECK: tl.pad %{{.*}} {pads = array<i64: 1, 0, 1, 0>, value = 5.000000e-01 : f64}
  %13 = tl.pad %z {pads = array<i64: 1, 0, 1, 0>, value = 0.5 : f64} : (tensor<3x6xf32>) -> tensor<5x6xf32>
  // CHECK: tl.gather %{{.*}}, %{{.*}} : (tensor<1000x64xf32>, tensor<?x16xi64>) -> tensor<?x16x64xf32>
  %14 = tl.gather %t, %ids : (tensor<1000x64xf32>, tensor<?x16xi64>) -> tensor<?x16x64xf32>
  // CHECK: tl.expand %{{.*}} {shape = array<i64: 4, 1, 6>} : (tensor<3x6xf32>) -> tensor<4x3x6xf32>
  %15 = tl.expand %z {shape = array<i64: 4, 1, 6>} : (tensor<3x6xf32>) -> tensor<4x3x6xf32>
  // CHECK: tl.tile %{{.*}} {repeats = array<i64: 2, 1>} : (tensor<3x6xf32>) -> tensor<6x6xf32>
  %16 = tl.tile %z {repeats = array<i64: 2, 1>} : (tensor<3x6xf32>) -> tensor<6x6xf32>
  // CHECK: tl.depth_to_space %{{.*}} {blocksize = 2 : i64, mode = #tl<depth_to_space_mode CRD>} : (tensor<1x8x3x3xf32>) -> tensor<1x2x6x6xf32>
  %17 = tl.depth_to_space %img {blocksize = 2 : i64, mode = #tl<depth_to_space_mode CRD>} : (tensor<1x8x3x3xf32>) -> tensor<1x2x6x6xf32>
  // CHECK: tl.space_to_depth %{{.*}} {blocksize = 2 : i64} : (tensor<1x2x6x6xf32>) -> tensor<1x8x3x3xf32>
  %18 = tl.space_to_depth %17 {blocksize = 2 : i64} : (tensor<1x2x6x6xf32>) -> tensor<1x8x3x3xf32>
  // CHECK: tl.resize %{{.*}} {scales = array<f64: 1.000000e+00, 1.000000e+00, 2.000000e+00, 2.000000e+00>} : (tensor<1x8x3x3xf32>) -> tensor<1x8x6x6xf32>
  %19 = tl.resize %img {scales = array<f64: 1.0, 1.0, 2.0, 2.0>} : (tensor<1x8x3x3xf32>) -> tensor<1x8x6x6xf32>
  // CHECK: tl.resize %{{.*}} {coordinate_transform = #tl<coordinate_transform align_corners>, mode = #tl<resize_mode linear>, sizes = array<i64: 1, 8, 5, 7>}
  %20 = tl.resize %img {mode = #tl<resize_mode linear>, sizes = array<i64: 1, 8, 5, 7>, coordinate_transform = #tl<coordinate_transform align_corners>} : (tensor<1x8x3x3xf32>) -> tensor<1x8x5x7xf32>
  // CHECK: tl.resize %{{.*}} {cubic_coeff_a = -5.000000e-01 : f64, exclude_outside = true, mode = #tl<resize_mode cubic>, scales = array<f64: 1.000000e+00, 1.000000e+00, 2.500000e+00, 2.000000e+00>} : (tensor<1x8x3x3xf32>) -> tensor<1x8x7x6xf32>
  %21 = tl.resize %img {mode = #tl<resize_mode cubic>, cubic_coeff_a = -0.5 : f64, exclude_outside = true, scales = array<f64: 1.0, 1.0, 2.5, 2.0>} : (tensor<1x8x3x3xf32>) -> tensor<1x8x7x6xf32>
  // CHECK: tl.resize %{{.*}} {coordinate_transform = #tl<coordinate_transform tf_crop_and_resize>, extrapolation_value = 1.000000e+01 : f64, mode = #tl<resize_mode linear>, roi = array<f64: 0.000000e+00, 0.000000e+00, 2.500000e-01, 0.000000e+00, 1.000000e+00, 1.000000e+00, 7.500000e-01, 1.500000e+00>, sizes = array<i64: 1, 8, 4, 4>}
  %22 = tl.resize %img {mode = #tl<resize_mode linear>, coordinate_transform = #tl<coordinate_transform tf_crop_and_resize>, roi = array<f64: 0.0, 0.0, 0.25, 0.0, 1.0, 1.0, 0.75, 1.5>, extrapolation_value = 10.0 : f64, sizes = array<i64: 1, 8, 4, 4>} : (tensor<1x8x3x3xf32>) -> tensor<1x8x4x4xf32>
  // CHECK: tl.resize %{{.*}} {coordinate_transform = #tl<coordinate_transform tf_half_pixel_for_nn>, sizes = array<i64: 1, 8, 2, 2>} : (tensor<1x8x3x3xf32>) -> tensor<1x8x2x2xf32>
  %23 = tl.resize %img {coordinate_transform = #tl<coordinate_transform tf_half_pixel_for_nn>, sizes = array<i64: 1, 8, 2, 2>} : (tensor<1x8x3x3xf32>) -> tensor<1x8x2x2xf32>
  return
}
