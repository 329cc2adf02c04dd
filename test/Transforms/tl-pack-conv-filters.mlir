// RUN: tl-opt %s --split-input-file --tl-pack-conv-filters | FileCheck %s
// RUN: tl-opt %s --split-input-file --tl-pack-conv-filters="lane-block=0" | FileCheck %s --check-prefix=NOBLOCK

// 64 output channels, blocks of 32: the filter becomes [2, 16, 3, 3, 32] and
// the output channel loop splits into a block loop (d1) and a lane loop (d7).
// CHECK-DAG: #[[IN:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7) -> (d0, d4, d2 + d5, d3 + d6)>
// CHECK-DAG: #[[FILTER:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7) -> (d1, d4, d5, d6, d7)>
// CHECK-DAG: #[[OUT:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7) -> (d0, d1 * 32 + d7, d2, d3)>
// CHECK-LABEL: func.func @blocked
// CHECK-SAME: (%[[X:.*]]: tensor<1x16x30x30xf32>, %[[W:.*]]: tensor<64x16x3x3xf32>, %[[O:.*]]: tensor<1x64x28x28xf32>)
// CHECK: %[[BLOCKS:.*]] = tensor.expand_shape %[[W]] {{\[}}[0, 1], [2], [3], [4]] output_shape [2, 32, 16, 3, 3]
// CHECK: %[[PACKED:.*]] = linalg.transpose ins(%[[BLOCKS]] : tensor<2x32x16x3x3xf32>) outs(%{{.*}} : tensor<2x16x3x3x32xf32>) permutation = [0, 2, 3, 4, 1]
// CHECK: %[[R:.*]] = linalg.generic {indexing_maps = [#[[IN]], #[[FILTER]], #[[OUT]]], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction", "parallel"]}
// CHECK-SAME: ins(%[[X]], %[[PACKED]] : {{.*}}) outs(%[[O]] : {{.*}}) attrs = {tl.lane_dim = 7 : i64, tl.row_dim = 3 : i64}
// CHECK: arith.mulf
// CHECK: arith.addf
// CHECK: return %[[R]]

// Without blocking the filter becomes CHWF.
// NOBLOCK-LABEL: func.func @blocked
// NOBLOCK: linalg.transpose ins(%{{.*}} : tensor<64x16x3x3xf32>) outs(%{{.*}} : tensor<16x3x3x64xf32>) permutation = [1, 2, 3, 0]
// NOBLOCK-NOT: tl.lane_dim
func.func @blocked(%x: tensor<1x16x30x30xf32>, %w: tensor<64x16x3x3xf32>, %o: tensor<1x64x28x28xf32>) -> tensor<1x64x28x28xf32> {
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
     ins(%x, %w : tensor<1x16x30x30xf32>, tensor<64x16x3x3xf32>) outs(%o : tensor<1x64x28x28xf32>) -> tensor<1x64x28x28xf32>
  return %r : tensor<1x64x28x28xf32>
}

// -----

// 40 output channels are no multiple of 32: CHWF, same loops.
// CHECK-DAG: #[[FILTER:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d4, d5, d6, d1)>
// CHECK-LABEL: func.func @unblocked
// CHECK: %[[PACKED:.*]] = linalg.transpose ins(%{{.*}} : tensor<40x16x3x3xf32>) outs(%{{.*}} : tensor<16x3x3x40xf32>) permutation = [1, 2, 3, 0]
// CHECK: linalg.generic {indexing_maps = [#{{.*}}, #[[FILTER]], #{{.*}}]
// CHECK-SAME: ins(%{{.*}}, %[[PACKED]] :
func.func @unblocked(%x: tensor<1x16x30x30xf32>, %w: tensor<40x16x3x3xf32>, %o: tensor<1x40x14x14xf32>) -> tensor<1x40x14x14xf32> {
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
     ins(%x, %w : tensor<1x16x30x30xf32>, tensor<40x16x3x3xf32>) outs(%o : tensor<1x40x14x14xf32>) -> tensor<1x40x14x14xf32>
  return %r : tensor<1x40x14x14xf32>
}

// -----

// Grouped: [G, F, C, H, W] becomes [G, F/32, C, H, W, 32].
// CHECK-LABEL: func.func @grouped
// CHECK: tensor.expand_shape %{{.*}} {{\[}}[0], [1, 2], [3], [4], [5]] output_shape [2, 1, 32, 4, 3, 3]
// CHECK: linalg.transpose ins(%{{.*}} : tensor<2x1x32x4x3x3xf32>) outs(%{{.*}} : tensor<2x1x4x3x3x32xf32>) permutation = [0, 1, 3, 4, 5, 2]
// CHECK: linalg.generic {{.*}} attrs = {tl.lane_dim = 8 : i64, tl.row_dim = 4 : i64}
func.func @grouped(%x: tensor<1x2x4x9x9xf32>, %w: tensor<2x32x4x3x3xf32>, %o: tensor<1x2x32x7x7xf32>) -> tensor<1x2x32x7x7xf32> {
  %r = linalg.conv_2d_ngchw_gfchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
     ins(%x, %w : tensor<1x2x4x9x9xf32>, tensor<2x32x4x3x3xf32>) outs(%o : tensor<1x2x32x7x7xf32>) -> tensor<1x2x32x7x7xf32>
  return %r : tensor<1x2x32x7x7xf32>
}

// -----

// Depthwise convolutions reduce over no channel: left alone.
// CHECK-LABEL: func.func @depthwise
// CHECK-NOT: linalg.transpose
// CHECK: linalg.depthwise_conv_2d_nchw_chw
func.func @depthwise(%x: tensor<1x8x12x12xf32>, %w: tensor<8x3x3xf32>, %o: tensor<1x8x10x10xf32>) -> tensor<1x8x10x10xf32> {
  %r = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
     ins(%x, %w : tensor<1x8x12x12xf32>, tensor<8x3x3xf32>) outs(%o : tensor<1x8x10x10xf32>) -> tensor<1x8x10x10xf32>
  return %r : tensor<1x8x10x10xf32>
}
