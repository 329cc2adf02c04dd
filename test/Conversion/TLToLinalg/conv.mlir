// RUN: tl-opt %s --convert-tl-to-linalg | FileCheck %s

// tl.conv pads with zeros and uses the channels-first named convolutions
// (grouped ones on [N, G, C/G, ...] views); tl.conv_transpose becomes a
// convolution of the stride-dilated input.

// CHECK-DAG: #[[ID4:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-DAG: #[[CHANNEL:.*]] = affine_map<(d0, d1, d2, d3) -> (d1)>
// CHECK-DAG: #[[FLIP2D:.*]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d2, d1, -d3 + 2, -d4 + 2)>
// CHECK-DAG: #[[ID5:.*]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3, d4)>
// CHECK-DAG: #[[FLIP1D:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d2, d1, -d3 + 1)>
// CHECK-DAG: #[[GROUPED_IN:.*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d4, d3 * 2 + d5 * 2)>

// CHECK-LABEL: func.func @conv2d_pads_bias
// CHECK-SAME: (%[[X:.*]]: tensor<1x3x7x7xf32>, %[[W:.*]]: tensor<8x3x3x3xf32>, %[[B:.*]]: tensor<8xf32>)
// CHECK: %[[PADDED:.*]] = tensor.pad %[[X]] low[0, 0, 1, 0] high[0, 0, 1, 1]
// CHECK: } : tensor<1x3x7x7xf32> to tensor<1x3x9x8xf32>
// CHECK: %[[FILL:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%{{.*}} : tensor<1x8x4x2xf32>)
// CHECK: %[[CONV:.*]] = linalg.conv_2d_nchw_fchw {dilations = dense<[1, 2]> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
// CHECK-SAME: ins(%[[PADDED]], %[[W]] : tensor<1x3x9x8xf32>, tensor<8x3x3x3xf32>) outs(%[[FILL]] : tensor<1x8x4x2xf32>)
// CHECK: %[[BIASED:.*]] = linalg.generic {indexing_maps = [#[[ID4]], #[[CHANNEL]], #[[ID4]]]
// CHECK-SAME: ins(%[[CONV]], %[[B]] : tensor<1x8x4x2xf32>, tensor<8xf32>)
// CHECK: arith.addf
// CHECK: return %[[BIASED]]
func.func @conv2d_pads_bias(%x: tensor<1x3x7x7xf32>, %w: tensor<8x3x3x3xf32>, %b: tensor<8xf32>) -> tensor<1x8x4x2xf32> {
  %y = tl.conv %x, %w, %b {strides = array<i64: 2, 2>, pads = array<i64: 1, 0, 1, 1>, dilations = array<i64: 1, 2>} : (tensor<1x3x7x7xf32>, tensor<8x3x3x3xf32>, tensor<8xf32>) -> tensor<1x8x4x2xf32>
  return %y : tensor<1x8x4x2xf32>
}

// CHECK-LABEL: func.func @conv1d
// CHECK-NOT: tensor.pad
// CHECK: linalg.conv_1d_ncw_fcw {dilations = dense<1> : tensor<1xi64>, strides = dense<1> : tensor<1xi64>}
// CHECK-SAME: -> tensor<2x6x7xf32>
func.func @conv1d(%x: tensor<2x4x9xf32>, %w: tensor<6x4x3xf32>) -> tensor<2x6x7xf32> {
  %y = tl.conv %x, %w : (tensor<2x4x9xf32>, tensor<6x4x3xf32>) -> tensor<2x6x7xf32>
  return %y : tensor<2x6x7xf32>
}

// CHECK-LABEL: func.func @conv3d
// CHECK: linalg.conv_3d_ncdhw_fcdhw
// CHECK-SAME: -> tensor<1x3x3x4x3xf32>
func.func @conv3d(%x: tensor<1x2x5x6x4xf32>, %w: tensor<3x2x3x3x2xf32>) -> tensor<1x3x3x4x3xf32> {
  %y = tl.conv %x, %w : (tensor<1x2x5x6x4xf32>, tensor<3x2x3x3x2xf32>) -> tensor<1x3x3x4x3xf32>
  return %y : tensor<1x3x3x4x3xf32>
}

// CHECK-LABEL: func.func @conv2d_depthwise
// CHECK-SAME: (%[[X:.*]]: tensor<1x4x7x7xf32>, %[[W:.*]]: tensor<4x1x3x3xf32>)
// CHECK: %[[K:.*]] = tensor.collapse_shape %[[W]] {{\[}}[0, 1], [2], [3]] : tensor<4x1x3x3xf32> into tensor<4x3x3xf32>
// CHECK: %[[CONV:.*]] = linalg.depthwise_conv_2d_nchw_chw {{.*}} ins(%[[X]], %[[K]] : tensor<1x4x7x7xf32>, tensor<4x3x3xf32>)
// CHECK: return %[[CONV]]
func.func @conv2d_depthwise(%x: tensor<1x4x7x7xf32>, %w: tensor<4x1x3x3xf32>) -> tensor<1x4x5x5xf32> {
  %y = tl.conv %x, %w {group = 4 : i64} : (tensor<1x4x7x7xf32>, tensor<4x1x3x3xf32>) -> tensor<1x4x5x5xf32>
  return %y : tensor<1x4x5x5xf32>
}

// CHECK-LABEL: func.func @conv2d_groups
// CHECK-SAME: (%[[X:.*]]: tensor<2x4x7x7xf32>, %[[W:.*]]: tensor<6x2x3x3xf32>)
// CHECK: %[[GX:.*]] = tensor.expand_shape %[[X]] {{\[}}[0], [1, 2], [3], [4]] output_shape [2, 2, 2, 7, 7]
// CHECK: %[[GW:.*]] = tensor.expand_shape %[[W]] {{\[}}[0, 1], [2], [3], [4]] output_shape [2, 3, 2, 3, 3]
// CHECK: %[[CONV:.*]] = linalg.conv_2d_ngchw_gfchw {{.*}} ins(%[[GX]], %[[GW]] : tensor<2x2x2x7x7xf32>, tensor<2x3x2x3x3xf32>)
// CHECK: %[[RES:.*]] = tensor.collapse_shape %[[CONV]] {{\[}}[0], [1, 2], [3], [4]] : tensor<2x2x3x5x5xf32> into tensor<2x6x5x5xf32>
// CHECK: return %[[RES]]
func.func @conv2d_groups(%x: tensor<2x4x7x7xf32>, %w: tensor<6x2x3x3xf32>) -> tensor<2x6x5x5xf32> {
  %y = tl.conv %x, %w {group = 2 : i64} : (tensor<2x4x7x7xf32>, tensor<6x2x3x3xf32>) -> tensor<2x6x5x5xf32>
  return %y : tensor<2x6x5x5xf32>
}

// Grouped 1-D/3-D convolutions are generics with conv_2d_ngchw_gfchw's maps.
// CHECK-LABEL: func.func @conv1d_groups
// CHECK: %[[GX:.*]] = tensor.expand_shape %{{.*}} {{\[}}[0], [1, 2], [3]] output_shape [1, 2, 2, 11]
// CHECK: %[[GW:.*]] = tensor.expand_shape %{{.*}} {{\[}}[0, 1], [2], [3]] output_shape [2, 3, 2, 3]
// CHECK: %[[CONV:.*]] = linalg.generic {indexing_maps = [#[[GROUPED_IN]], #[[GW_MAP:.*]], #[[GOUT:.*]]], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction"]}
// CHECK-SAME: ins(%[[GX]], %[[GW]] : tensor<1x2x2x11xf32>, tensor<2x3x2x3xf32>) outs(%{{.*}} : tensor<1x2x3x4xf32>)
// CHECK: arith.mulf
// CHECK: arith.addf
// CHECK: tensor.collapse_shape %[[CONV]] {{\[}}[0], [1, 2], [3]] : tensor<1x2x3x4xf32> into tensor<1x6x4xf32>
func.func @conv1d_groups(%x: tensor<1x4x11xf32>, %w: tensor<6x2x3xf32>) -> tensor<1x6x4xf32> {
  %y = tl.conv %x, %w {group = 2 : i64, strides = array<i64: 2>, dilations = array<i64: 2>} : (tensor<1x4x11xf32>, tensor<6x2x3xf32>) -> tensor<1x6x4xf32>
  return %y : tensor<1x6x4xf32>
}

// Output sizes of dynamic dims: (D + pads - dilation * (K - 1) - 1) / stride + 1.
// CHECK-LABEL: func.func @conv2d_dynamic
// CHECK-SAME: (%[[X:.*]]: tensor<?x3x?x?xf32>, %[[W:.*]]: tensor<4x3x3x3xf32>)
// CHECK: %[[H:.*]] = tensor.dim %[[X]], %{{.*}} : tensor<?x3x?x?xf32>
// CHECK: %[[HSPAN:.*]] = arith.subi %[[H]], %{{.*}} : index
// CHECK: %[[HDIV:.*]] = arith.floordivsi %[[HSPAN]], %{{.*}} : index
// CHECK: %[[OH:.*]] = arith.addi %[[HDIV]], %{{.*}} : index
// CHECK: %[[W_:.*]] = tensor.dim %[[X]], %{{.*}} : tensor<?x3x?x?xf32>
// CHECK: %[[WSPAN:.*]] = arith.subi %[[W_]], %{{.*}} : index
// CHECK: %[[OW:.*]] = arith.addi %[[WSPAN]], %{{.*}} : index
// CHECK: %[[N:.*]] = tensor.dim %[[X]], %{{.*}} : tensor<?x3x?x?xf32>
// CHECK: %[[EMPTY:.*]] = tensor.empty(%[[N]], %[[OH]], %[[OW]]) : tensor<?x4x?x?xf32>
// CHECK: linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<[2, 1]> : tensor<2xi64>}
// CHECK-SAME: ins(%[[X]], %[[W]] : tensor<?x3x?x?xf32>, tensor<4x3x3x3xf32>)
func.func @conv2d_dynamic(%x: tensor<?x3x?x?xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<?x4x?x?xf32> {
  %y = tl.conv %x, %w {strides = array<i64: 2, 1>} : (tensor<?x3x?x?xf32>, tensor<4x3x3x3xf32>) -> tensor<?x4x?x?xf32>
  return %y : tensor<?x4x?x?xf32>
}

// conv_transpose: the input dilated by the strides and padded by
// dilation * (K - 1) - pad (+ output_padding at the end) in one insert_slice,
// then a stride-1 convolution with the flipped, channel-swapped kernel.
// CHECK-LABEL: func.func @conv_transpose2d
// CHECK-SAME: (%[[X:.*]]: tensor<1x4x5x4xf32>, %[[W:.*]]: tensor<4x2x3x3xf32>, %[[B:.*]]: tensor<2xf32>)
// CHECK: %[[ZEROS:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%{{.*}} : tensor<1x4x13x15xf32>)
// CHECK: %[[DILATED:.*]] = tensor.insert_slice %[[X]] into %[[ZEROS]][0, 0, 1, 2] [1, 4, 5, 4] [1, 1, 2, 3]
// CHECK: %[[GW:.*]] = tensor.expand_shape %[[W]] {{\[}}[0, 1], [2], [3], [4]] output_shape [1, 4, 2, 3, 3]
// CHECK: %[[FLIPPED:.*]] = linalg.generic {indexing_maps = [#[[FLIP2D]], #[[ID5]]]
// CHECK-SAME: ins(%[[GW]] : tensor<1x4x2x3x3xf32>) outs(%{{.*}} : tensor<1x2x4x3x3xf32>)
// CHECK: %[[K:.*]] = tensor.collapse_shape %[[FLIPPED]] {{\[}}[0, 1], [2], [3], [4]] : tensor<1x2x4x3x3xf32> into tensor<2x4x3x3xf32>
// CHECK: %[[CONV:.*]] = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
// CHECK-SAME: ins(%[[DILATED]], %[[K]] : tensor<1x4x13x15xf32>, tensor<2x4x3x3xf32>)
// CHECK: %[[BIASED:.*]] = linalg.generic {{.*}} ins(%[[CONV]], %[[B]] : tensor<1x2x11x13xf32>, tensor<2xf32>)
// CHECK: return %[[BIASED]]
func.func @conv_transpose2d(%x: tensor<1x4x5x4xf32>, %w: tensor<4x2x3x3xf32>, %b: tensor<2xf32>) -> tensor<1x2x11x13xf32> {
  %y = tl.conv_transpose %x, %w, %b {strides = array<i64: 2, 3>, pads = array<i64: 1, 0, 0, 1>, output_padding = array<i64: 1, 2>} : (tensor<1x4x5x4xf32>, tensor<4x2x3x3xf32>, tensor<2xf32>) -> tensor<1x2x11x13xf32>
  return %y : tensor<1x2x11x13xf32>
}

// Pads larger than dilation * (K - 1) crop the dilated input.
// CHECK-LABEL: func.func @conv_transpose1d_crop_groups
// CHECK-SAME: (%[[X:.*]]: tensor<1x4x4xf32>, %[[W:.*]]: tensor<4x3x2xf32>)
// CHECK: %[[DILATED:.*]] = tensor.insert_slice %[[X]] into %{{.*}}[0, 0, 0] [1, 4, 4] [1, 1, 2] : tensor<1x4x4xf32> into tensor<1x4x7xf32>
// CHECK: %[[CROPPED:.*]] = tensor.extract_slice %[[DILATED]][0, 0, 1] [1, 4, 5] [1, 1, 1] : tensor<1x4x7xf32> to tensor<1x4x5xf32>
// CHECK: linalg.generic {indexing_maps = [#[[FLIP1D]], #[[ID4]]]
// CHECK-SAME: ins(%{{.*}} : tensor<2x2x3x2xf32>) outs(%{{.*}} : tensor<2x3x2x2xf32>)
// CHECK: tensor.expand_shape %[[CROPPED]] {{\[}}[0], [1, 2], [3]] output_shape [1, 2, 2, 5]
// CHECK: linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction"]
// CHECK: tensor.collapse_shape %{{.*}} {{\[}}[0], [1, 2], [3]] : tensor<1x2x3x4xf32> into tensor<1x6x4xf32>
func.func @conv_transpose1d_crop_groups(%x: tensor<1x4x4xf32>, %w: tensor<4x3x2xf32>) -> tensor<1x6x4xf32> {
  %y = tl.conv_transpose %x, %w {strides = array<i64: 2>, pads = array<i64: 2, 2>, group = 2 : i64} : (tensor<1x4x4xf32>, tensor<4x3x2xf32>) -> tensor<1x6x4xf32>
  return %y : tensor<1x6x4xf32>
}
