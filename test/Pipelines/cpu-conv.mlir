// Convolutions (NCHW, padded, strided, dilated, grouped, 1-D/3-D, depthwise, dynamic batch, blocked filter packing, constant filters) through tl-cpu-pipeline.
// Each kernel is compiled three ways -- the optimized pipeline sequentially
// and in parallel (through the chunking stand-in runtime), and the reference
// lowering to scalar loops (optimize=0) -- and the printed results compared.
//
// RUN: cat %s %S/Inputs/generators.mlir %S/Inputs/parallel_runtime.mlir | tl-opt --tl-cpu-pipeline=optimize=0 | mlir-runner -e main -entry-point-result=void --shared-libs=%mlir_c_runner_utils,%mlir_runner_utils > %t.ref
// RUN: cat %s %S/Inputs/generators.mlir %S/Inputs/parallel_runtime.mlir | tl-opt --tl-cpu-pipeline=parallel=0 | mlir-runner -e main -entry-point-result=void --shared-libs=%mlir_c_runner_utils,%mlir_runner_utils > %t.seq
// RUN: cat %s %S/Inputs/generators.mlir %S/Inputs/parallel_runtime.mlir | tl-opt --tl-cpu-pipeline | mlir-runner -e main -entry-point-result=void --shared-libs=%mlir_c_runner_utils,%mlir_runner_utils > %t.par
// RUN: %python %S/Inputs/compare_outputs.py %t.seq %t.ref | FileCheck %s
// RUN: %python %S/Inputs/compare_outputs.py %t.par %t.ref | FileCheck %s
// CHECK: 15 outputs match

// 3x3 stride 1 with zero padding; 16 output channels (one lane vector).
func.func @conv3x3(%x: tensor<1x8x13x11xf32>, %w: tensor<16x8x3x3xf32>) -> tensor<1x16x13x11xf32> {
  %zero = arith.constant 0.0 : f32
  %p = tensor.pad %x low[0, 0, 1, 1] high[0, 0, 1, 1] {
  ^bb0(%a: index, %b: index, %c: index, %d: index):
    tensor.yield %zero : f32
  } : tensor<1x8x13x11xf32> to tensor<1x8x15x13xf32>
  %e = tensor.empty() : tensor<1x16x13x11xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x16x13x11xf32>) -> tensor<1x16x13x11xf32>
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
     ins(%p, %w : tensor<1x8x15x13xf32>, tensor<16x8x3x3xf32>) outs(%f : tensor<1x16x13x11xf32>) -> tensor<1x16x13x11xf32>
  return %r : tensor<1x16x13x11xf32>
}
// Stride 2, batch 2, 40 output channels (a full and a partial lane tile).
func.func @conv3x3s2(%x: tensor<2x5x11x14xf32>, %w: tensor<40x5x3x3xf32>) -> tensor<2x40x5x6xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x40x5x6xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<2x40x5x6xf32>) -> tensor<2x40x5x6xf32>
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
     ins(%x, %w : tensor<2x5x11x14xf32>, tensor<40x5x3x3xf32>) outs(%f : tensor<2x40x5x6xf32>) -> tensor<2x40x5x6xf32>
  return %r : tensor<2x40x5x6xf32>
}
// 1x1 stride 2 (ResNet downsample shortcut) with a bias added.
func.func @conv1x1s2(%x: tensor<1x24x9x9xf32>, %w: tensor<33x24x1x1xf32>, %b: tensor<33xf32>) -> tensor<1x33x5x5xf32> {
  %e = tensor.empty() : tensor<1x33x5x5xf32>
  %f = linalg.broadcast ins(%b : tensor<33xf32>) outs(%e : tensor<1x33x5x5xf32>) dimensions = [0, 2, 3]
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
     ins(%x, %w : tensor<1x24x9x9xf32>, tensor<33x24x1x1xf32>) outs(%f : tensor<1x33x5x5xf32>) -> tensor<1x33x5x5xf32>
  return %r : tensor<1x33x5x5xf32>
}
// 7x7 stride 2 pad 3 on 3 channels (ResNet stem) followed by ReLU.
func.func @stem(%x: tensor<1x3x23x23xf32>, %w: tensor<16x3x7x7xf32>) -> tensor<1x16x12x12xf32> {
  %zero = arith.constant 0.0 : f32
  %p = tensor.pad %x low[0, 0, 3, 3] high[0, 0, 3, 3] {
  ^bb0(%a: index, %b: index, %c: index, %d: index):
    tensor.yield %zero : f32
  } : tensor<1x3x23x23xf32> to tensor<1x3x29x29xf32>
  %e = tensor.empty() : tensor<1x16x12x12xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x16x12x12xf32>) -> tensor<1x16x12x12xf32>
  %c = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
     ins(%p, %w : tensor<1x3x29x29xf32>, tensor<16x3x7x7xf32>) outs(%f : tensor<1x16x12x12xf32>) -> tensor<1x16x12x12xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(n, c, h, w) -> (n, c, h, w)>, affine_map<(n, c, h, w) -> (n, c, h, w)>],
                       iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
     ins(%c : tensor<1x16x12x12xf32>) outs(%e : tensor<1x16x12x12xf32>) {
  ^bb0(%in: f32, %out: f32):
    %m = arith.maximumf %in, %zero : f32
    linalg.yield %m : f32
  } -> tensor<1x16x12x12xf32>
  return %r : tensor<1x16x12x12xf32>
}
// Dilation 2.
func.func @dilated(%x: tensor<1x4x12x12xf32>, %w: tensor<8x4x3x3xf32>) -> tensor<1x8x8x8xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x8x8x8xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x8x8x8xf32>) -> tensor<1x8x8x8xf32>
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<2> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
     ins(%x, %w : tensor<1x4x12x12xf32>, tensor<8x4x3x3xf32>) outs(%f : tensor<1x8x8x8xf32>) -> tensor<1x8x8x8xf32>
  return %r : tensor<1x8x8x8xf32>
}
// Dynamic batch.
func.func @dynbatch(%x: tensor<?x8x10x10xf32>, %w: tensor<16x8x3x3xf32>) -> tensor<?x16x8x8xf32> {
  %c0 = arith.constant 0 : index
  %n = tensor.dim %x, %c0 : tensor<?x8x10x10xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty(%n) : tensor<?x16x8x8xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<?x16x8x8xf32>) -> tensor<?x16x8x8xf32>
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
     ins(%x, %w : tensor<?x8x10x10xf32>, tensor<16x8x3x3xf32>) outs(%f : tensor<?x16x8x8xf32>) -> tensor<?x16x8x8xf32>
  return %r : tensor<?x16x8x8xf32>
}
// Two groups of 4 -> 6 channels.
func.func @grouped(%x: tensor<1x2x4x9x9xf32>, %w: tensor<2x6x4x3x3xf32>) -> tensor<1x2x6x7x7xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x2x6x7x7xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x2x6x7x7xf32>) -> tensor<1x2x6x7x7xf32>
  %r = linalg.conv_2d_ngchw_gfchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
     ins(%x, %w : tensor<1x2x4x9x9xf32>, tensor<2x6x4x3x3xf32>) outs(%f : tensor<1x2x6x7x7xf32>) -> tensor<1x2x6x7x7xf32>
  return %r : tensor<1x2x6x7x7xf32>
}
// 1-D and 3-D.
func.func @conv1d(%x: tensor<1x6x20xf32>, %w: tensor<10x6x5xf32>) -> tensor<1x10x16xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x10x16xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x10x16xf32>) -> tensor<1x10x16xf32>
  %r = linalg.conv_1d_ncw_fcw {dilations = dense<1> : tensor<1xi64>, strides = dense<1> : tensor<1xi64>}
     ins(%x, %w : tensor<1x6x20xf32>, tensor<10x6x5xf32>) outs(%f : tensor<1x10x16xf32>) -> tensor<1x10x16xf32>
  return %r : tensor<1x10x16xf32>
}
func.func @conv3d(%x: tensor<1x3x6x7x8xf32>, %w: tensor<5x3x3x3x3xf32>) -> tensor<1x5x4x5x6xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x5x4x5x6xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x5x4x5x6xf32>) -> tensor<1x5x4x5x6xf32>
  %r = linalg.conv_3d_ncdhw_fcdhw {dilations = dense<1> : tensor<3xi64>, strides = dense<1> : tensor<3xi64>}
     ins(%x, %w : tensor<1x3x6x7x8xf32>, tensor<5x3x3x3x3xf32>) outs(%f : tensor<1x5x4x5x6xf32>) -> tensor<1x5x4x5x6xf32>
  return %r : tensor<1x5x4x5x6xf32>
}
// Depthwise, strides 1 and 2.
func.func @depthwise(%x: tensor<1x8x12x12xf32>, %w: tensor<8x3x3xf32>) -> tensor<1x8x10x10xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x8x10x10xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x8x10x10xf32>) -> tensor<1x8x10x10xf32>
  %r = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
     ins(%x, %w : tensor<1x8x12x12xf32>, tensor<8x3x3xf32>) outs(%f : tensor<1x8x10x10xf32>) -> tensor<1x8x10x10xf32>
  return %r : tensor<1x8x10x10xf32>
}
func.func @depthwise_s2(%x: tensor<1x8x41x41xf32>, %w: tensor<8x3x3xf32>) -> tensor<1x8x20x20xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x8x20x20xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x8x20x20xf32>) -> tensor<1x8x20x20xf32>
  %r = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
     ins(%x, %w : tensor<1x8x41x41xf32>, tensor<8x3x3xf32>) outs(%f : tensor<1x8x20x20xf32>) -> tensor<1x8x20x20xf32>
  return %r : tensor<1x8x20x20xf32>
}
// Output channels a multiple of the lane block: blocked filter packing.
func.func @blocked(%x: tensor<1x8x11x13xf32>, %w: tensor<64x8x3x3xf32>, %b: tensor<64xf32>) -> tensor<1x64x11x13xf32> {
  %zero = arith.constant 0.0 : f32
  %p = tensor.pad %x low[0, 0, 1, 1] high[0, 0, 1, 1] {
  ^bb0(%a: index, %c: index, %d: index, %e: index):
    tensor.yield %zero : f32
  } : tensor<1x8x11x13xf32> to tensor<1x8x13x15xf32>
  %e = tensor.empty() : tensor<1x64x11x13xf32>
  %f = linalg.broadcast ins(%b : tensor<64xf32>) outs(%e : tensor<1x64x11x13xf32>) dimensions = [0, 2, 3]
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
     ins(%p, %w : tensor<1x8x13x15xf32>, tensor<64x8x3x3xf32>) outs(%f : tensor<1x64x11x13xf32>) -> tensor<1x64x11x13xf32>
  return %r : tensor<1x64x11x13xf32>
}
func.func @blocked_s2(%x: tensor<2x16x15x15xf32>, %w: tensor<32x16x3x3xf32>) -> tensor<2x32x7x7xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x32x7x7xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<2x32x7x7xf32>) -> tensor<2x32x7x7xf32>
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
     ins(%x, %w : tensor<2x16x15x15xf32>, tensor<32x16x3x3xf32>) outs(%f : tensor<2x32x7x7xf32>) -> tensor<2x32x7x7xf32>
  return %r : tensor<2x32x7x7xf32>
}
func.func @blocked_grouped(%x: tensor<1x2x3x8x8xf32>, %w: tensor<2x32x3x3x3xf32>) -> tensor<1x2x32x6x6xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x2x32x6x6xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x2x32x6x6xf32>) -> tensor<1x2x32x6x6xf32>
  %r = linalg.conv_2d_ngchw_gfchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
     ins(%x, %w : tensor<1x2x3x8x8xf32>, tensor<2x32x3x3x3xf32>) outs(%f : tensor<1x2x32x6x6xf32>) -> tensor<1x2x32x6x6xf32>
  return %r : tensor<1x2x32x6x6xf32>
}
// Constant filter: packed at compile time (tl-fold-constant-transposes).
func.func @constant_filter(%x: tensor<1x2x6x6xf32>) -> tensor<1x32x4x4xf32> {
  %w = arith.constant dense<[[[[-1.0, -0.125, 0.75], [-0.5, 0.375, -0.875], [0.0, 0.875, -0.375]], [[0.5, -0.75, 0.125], [1.0, -0.25, 0.625], [-0.625, 0.25, -1.0]]], [[[-0.125, 0.75, -0.5], [0.375, -0.875, 0.0], [0.875, -0.375, 0.5]], [[-0.75, 0.125, 1.0], [-0.25, 0.625, -0.625], [0.25, -1.0, -0.125]]], [[[0.75, -0.5, 0.375], [-0.875, 0.0, 0.875], [-0.375, 0.5, -0.75]], [[0.125, 1.0, -0.25], [0.625, -0.625, 0.25], [-1.0, -0.125, 0.75]]], [[[-0.5, 0.375, -0.875], [0.0, 0.875, -0.375], [0.5, -0.75, 0.125]], [[1.0, -0.25, 0.625], [-0.625, 0.25, -1.0], [-0.125, 0.75, -0.5]]], [[[0.375, -0.875, 0.0], [0.875, -0.375, 0.5], [-0.75, 0.125, 1.0]], [[-0.25, 0.625, -0.625], [0.25, -1.0, -0.125], [0.75, -0.5, 0.375]]], [[[-0.875, 0.0, 0.875], [-0.375, 0.5, -0.75], [0.125, 1.0, -0.25]], [[0.625, -0.625, 0.25], [-1.0, -0.125, 0.75], [-0.5, 0.375, -0.875]]], [[[0.0, 0.875, -0.375], [0.5, -0.75, 0.125], [1.0, -0.25, 0.625]], [[-0.625, 0.25, -1.0], [-0.125, 0.75, -0.5], [0.375, -0.875, 0.0]]], [[[0.875, -0.375, 0.5], [-0.75, 0.125, 1.0], [-0.25, 0.625, -0.625]], [[0.25, -1.0, -0.125], [0.75, -0.5, 0.375], [-0.875, 0.0, 0.875]]], [[[-0.375, 0.5, -0.75], [0.125, 1.0, -0.25], [0.625, -0.625, 0.25]], [[-1.0, -0.125, 0.75], [-0.5, 0.375, -0.875], [0.0, 0.875, -0.375]]], [[[0.5, -0.75, 0.125], [1.0, -0.25, 0.625], [-0.625, 0.25, -1.0]], [[-0.125, 0.75, -0.5], [0.375, -0.875, 0.0], [0.875, -0.375, 0.5]]], [[[-0.75, 0.125, 1.0], [-0.25, 0.625, -0.625], [0.25, -1.0, -0.125]], [[0.75, -0.5, 0.375], [-0.875, 0.0, 0.875], [-0.375, 0.5, -0.75]]], [[[0.125, 1.0, -0.25], [0.625, -0.625, 0.25], [-1.0, -0.125, 0.75]], [[-0.5, 0.375, -0.875], [0.0, 0.875, -0.375], [0.5, -0.75, 0.125]]], [[[1.0, -0.25, 0.625], [-0.625, 0.25, -1.0], [-0.125, 0.75, -0.5]], [[0.375, -0.875, 0.0], [0.875, -0.375, 0.5], [-0.75, 0.125, 1.0]]], [[[-0.25, 0.625, -0.625], [0.25, -1.0, -0.125], [0.75, -0.5, 0.375]], [[-0.875, 0.0, 0.875], [-0.375, 0.5, -0.75], [0.125, 1.0, -0.25]]], [[[0.625, -0.625, 0.25], [-1.0, -0.125, 0.75], [-0.5, 0.375, -0.875]], [[0.0, 0.875, -0.375], [0.5, -0.75, 0.125], [1.0, -0.25, 0.625]]], [[[-0.625, 0.25, -1.0], [-0.125, 0.75, -0.5], [0.375, -0.875, 0.0]], [[0.875, -0.375, 0.5], [-0.75, 0.125, 1.0], [-0.25, 0.625, -0.625]]], [[[0.25, -1.0, -0.125], [0.75, -0.5, 0.375], [-0.875, 0.0, 0.875]], [[-0.375, 0.5, -0.75], [0.125, 1.0, -0.25], [0.625, -0.625, 0.25]]], [[[-1.0, -0.125, 0.75], [-0.5, 0.375, -0.875], [0.0, 0.875, -0.375]], [[0.5, -0.75, 0.125], [1.0, -0.25, 0.625], [-0.625, 0.25, -1.0]]], [[[-0.125, 0.75, -0.5], [0.375, -0.875, 0.0], [0.875, -0.375, 0.5]], [[-0.75, 0.125, 1.0], [-0.25, 0.625, -0.625], [0.25, -1.0, -0.125]]], [[[0.75, -0.5, 0.375], [-0.875, 0.0, 0.875], [-0.375, 0.5, -0.75]], [[0.125, 1.0, -0.25], [0.625, -0.625, 0.25], [-1.0, -0.125, 0.75]]], [[[-0.5, 0.375, -0.875], [0.0, 0.875, -0.375], [0.5, -0.75, 0.125]], [[1.0, -0.25, 0.625], [-0.625, 0.25, -1.0], [-0.125, 0.75, -0.5]]], [[[0.375, -0.875, 0.0], [0.875, -0.375, 0.5], [-0.75, 0.125, 1.0]], [[-0.25, 0.625, -0.625], [0.25, -1.0, -0.125], [0.75, -0.5, 0.375]]], [[[-0.875, 0.0, 0.875], [-0.375, 0.5, -0.75], [0.125, 1.0, -0.25]], [[0.625, -0.625, 0.25], [-1.0, -0.125, 0.75], [-0.5, 0.375, -0.875]]], [[[0.0, 0.875, -0.375], [0.5, -0.75, 0.125], [1.0, -0.25, 0.625]], [[-0.625, 0.25, -1.0], [-0.125, 0.75, -0.5], [0.375, -0.875, 0.0]]], [[[0.875, -0.375, 0.5], [-0.75, 0.125, 1.0], [-0.25, 0.625, -0.625]], [[0.25, -1.0, -0.125], [0.75, -0.5, 0.375], [-0.875, 0.0, 0.875]]], [[[-0.375, 0.5, -0.75], [0.125, 1.0, -0.25], [0.625, -0.625, 0.25]], [[-1.0, -0.125, 0.75], [-0.5, 0.375, -0.875], [0.0, 0.875, -0.375]]], [[[0.5, -0.75, 0.125], [1.0, -0.25, 0.625], [-0.625, 0.25, -1.0]], [[-0.125, 0.75, -0.5], [0.375, -0.875, 0.0], [0.875, -0.375, 0.5]]], [[[-0.75, 0.125, 1.0], [-0.25, 0.625, -0.625], [0.25, -1.0, -0.125]], [[0.75, -0.5, 0.375], [-0.875, 0.0, 0.875], [-0.375, 0.5, -0.75]]], [[[0.125, 1.0, -0.25], [0.625, -0.625, 0.25], [-1.0, -0.125, 0.75]], [[-0.5, 0.375, -0.875], [0.0, 0.875, -0.375], [0.5, -0.75, 0.125]]], [[[1.0, -0.25, 0.625], [-0.625, 0.25, -1.0], [-0.125, 0.75, -0.5]], [[0.375, -0.875, 0.0], [0.875, -0.375, 0.5], [-0.75, 0.125, 1.0]]], [[[-0.25, 0.625, -0.625], [0.25, -1.0, -0.125], [0.75, -0.5, 0.375]], [[-0.875, 0.0, 0.875], [-0.375, 0.5, -0.75], [0.125, 1.0, -0.25]]], [[[0.625, -0.625, 0.25], [-1.0, -0.125, 0.75], [-0.5, 0.375, -0.875]], [[0.0, 0.875, -0.375], [0.5, -0.75, 0.125], [1.0, -0.25, 0.625]]]]> : tensor<32x2x3x3xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x32x4x4xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x32x4x4xf32>) -> tensor<1x32x4x4xf32>
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
     ins(%x, %w : tensor<1x2x6x6xf32>, tensor<32x2x3x3xf32>) outs(%f : tensor<1x32x4x4xf32>) -> tensor<1x32x4x4xf32>
  return %r : tensor<1x32x4x4xf32>
}

func.func private @printMemrefF32(tensor<*xf32>) attributes {llvm.emit_c_interface}
func.func @main() {
  %c93 = arith.constant 93 : index
  %c90 = arith.constant 90 : index
  %c87 = arith.constant 87 : index
  %c84 = arith.constant 84 : index
  %c32 = arith.constant 32 : index
  %c81 = arith.constant 81 : index
  %c78 = arith.constant 78 : index
  %c75 = arith.constant 75 : index
  %c64 = arith.constant 64 : index
  %c72 = arith.constant 72 : index
  %c69 = arith.constant 69 : index
  %c66 = arith.constant 66 : index
  %c41 = arith.constant 41 : index
  %c63 = arith.constant 63 : index
  %c60 = arith.constant 60 : index
  %c57 = arith.constant 57 : index
  %c54 = arith.constant 54 : index
  %c51 = arith.constant 51 : index
  %c48 = arith.constant 48 : index
  %c20 = arith.constant 20 : index
  %c45 = arith.constant 45 : index
  %c42 = arith.constant 42 : index
  %c39 = arith.constant 39 : index
  %c36 = arith.constant 36 : index
  %c10 = arith.constant 10 : index
  %c30 = arith.constant 30 : index
  %c4 = arith.constant 4 : index
  %c27 = arith.constant 27 : index
  %c7 = arith.constant 7 : index
  %c23 = arith.constant 23 : index
  %c21 = arith.constant 21 : index
  %c18 = arith.constant 18 : index
  %c33 = arith.constant 33 : index
  %c15 = arith.constant 15 : index
  %c24 = arith.constant 24 : index
  %c12 = arith.constant 12 : index
  %c40 = arith.constant 40 : index
  %c9 = arith.constant 9 : index
  %c14 = arith.constant 14 : index
  %c5 = arith.constant 5 : index
  %c2 = arith.constant 2 : index
  %c6 = arith.constant 6 : index
  %c16 = arith.constant 16 : index
  %c3 = arith.constant 3 : index
  %c11 = arith.constant 11 : index
  %c13 = arith.constant 13 : index
  %c8 = arith.constant 8 : index
  %c1 = arith.constant 1 : index
  %in0_0_d = func.call @gen4(%c1, %c8, %c13, %c11, %c3) : (index, index, index, index, index) -> tensor<?x?x?x?xf32>
  %in0_0 = tensor.cast %in0_0_d : tensor<?x?x?x?xf32> to tensor<1x8x13x11xf32>
  %in0_1_d = func.call @gen4(%c16, %c8, %c3, %c3, %c6) : (index, index, index, index, index) -> tensor<?x?x?x?xf32>
  %in0_1 = tensor.cast %in0_1_d : tensor<?x?x?x?xf32> to tensor<16x8x3x3xf32>
  %r0 = func.call @conv3x3(%in0_0, %in0_1) : (tensor<1x8x13x11xf32>, tensor<16x8x3x3xf32>) -> tensor<1x16x13x11xf32>
  %u0 = tensor.cast %r0 : tensor<1x16x13x11xf32> to tensor<*xf32>
  func.call @printMemrefF32(%u0) : (tensor<*xf32>) -> ()
  %in1_0_d = func.call @gen4(%c2, %c5, %c11, %c14, %c9) : (index, index, index, index, index) -> tensor<?x?x?x?xf32>
  %in1_0 = tensor.cast %in1_0_d : tensor<?x?x?x?xf32> to tensor<2x5x11x14xf32>
  %in1_1_d = func.call @gen4(%c40, %c5, %c3, %c3, %c12) : (index, index, index, index, index) -> tensor<?x?x?x?xf32>
  %in1_1 = tensor.cast %in1_1_d : tensor<?x?x?x?xf32> to tensor<40x5x3x3xf32>
  %r1 = func.call @conv3x3s2(%in1_0, %in1_1) : (tensor<2x5x11x14xf32>, tensor<40x5x3x3xf32>) -> tensor<2x40x5x6xf32>
  %u1 = tensor.cast %r1 : tensor<2x40x5x6xf32> to tensor<*xf32>
  func.call @printMemrefF32(%u1) : (tensor<*xf32>) -> ()
  %in2_0_d = func.call @gen4(%c1, %c24, %c9, %c9, %c15) : (index, index, index, index, index) -> tensor<?x?x?x?xf32>
  %in2_0 = tensor.cast %in2_0_d : tensor<?x?x?x?xf32> to tensor<1x24x9x9xf32>
  %in2_1_d = func.call @gen4(%c33, %c24, %c1, %c1, %c18) : (index, index, index, index, index) -> tensor<?x?x?x?xf32>
  %in2_1 = tensor.cast %in2_1_d : tensor<?x?x?x?xf32> to tensor<33x24x1x1xf32>
  %in2_2_d = func.call @gen1(%c33, %c21) : (index, index) -> tensor<?xf32>
  %in2_2 = tensor.cast %in2_2_d : tensor<?xf32> to tensor<33xf32>
  %r2 = func.call @conv1x1s2(%in2_0, %in2_1, %in2_2) : (tensor<1x24x9x9xf32>, tensor<33x24x1x1xf32>, tensor<33xf32>) -> tensor<1x33x5x5xf32>
  %u2 = tensor.cast %r2 : tensor<1x33x5x5xf32> to tensor<*xf32>
  func.call @printMemrefF32(%u2) : (tensor<*xf32>) -> ()
  %in3_0_d = func.call @gen4(%c1, %c3, %c23, %c23, %c24) : (index, index, index, index, index) -> tensor<?x?x?x?xf32>
  %in3_0 = tensor.cast %in3_0_d : tensor<?x?x?x?xf32> to tensor<1x3x23x23xf32>
  %in3_1_d = func.call @gen4(%c16, %c3, %c7, %c7, %c27) : (index, index, index, index, index) -> tensor<?x?x?x?xf32>
  %in3_1 = tensor.cast %in3_1_d : tensor<?x?x?x?xf32> to tensor<16x3x7x7xf32>
  %r3 = func.call @stem(%in3_0, %in3_1) : (tensor<1x3x23x23xf32>, tensor<16x3x7x7xf32>) -> tensor<1x16x12x12xf32>
  %u3 = tensor.cast %r3 : tensor<1x16x12x12xf32> to tensor<*xf32>
  func.call @printMemrefF32(%u3) : (tensor<*xf32>) -> ()
  %in4_0_d = func.call @gen4(%c1, %c4, %c12, %c12, %c30) : (index, index, index, index, index) -> tensor<?x?x?x?xf32>
  %in4_0 = tensor.cast %in4_0_d : tensor<?x?x?x?xf32> to tensor<1x4x12x12xf32>
  %in4_1_d = func.call @gen4(%c8, %c4, %c3, %c3, %c33) : (index, index, index, index, index) -> tensor<?x?x?x?xf32>
  %in4_1 = tensor.cast %in4_1_d : tensor<?x?x?x?xf32> to tensor<8x4x3x3xf32>
  %r4 = func.call @dilated(%in4_0, %in4_1) : (tensor<1x4x12x12xf32>, tensor<8x4x3x3xf32>) -> tensor<1x8x8x8xf32>
  %u4 = tensor.cast %r4 : tensor<1x8x8x8xf32> to tensor<*xf32>
  func.call @printMemrefF32(%u4) : (tensor<*xf32>) -> ()
  %in5_0_d = func.call @gen4(%c3, %c8, %c10, %c10, %c36) : (index, index, index, index, index) -> tensor<?x?x?x?xf32>
  %in5_0 = tensor.cast %in5_0_d : tensor<?x?x?x?xf32> to tensor<?x8x10x10xf32>
  %in5_1_d = func.call @gen4(%c16, %c8, %c3, %c3, %c39) : (index, index, index, index, index) -> tensor<?x?x?x?xf32>
  %in5_1 = tensor.cast %in5_1_d : tensor<?x?x?x?xf32> to tensor<16x8x3x3xf32>
  %r5 = func.call @dynbatch(%in5_0, %in5_1) : (tensor<?x8x10x10xf32>, tensor<16x8x3x3xf32>) -> tensor<?x16x8x8xf32>
  %u5 = tensor.cast %r5 : tensor<?x16x8x8xf32> to tensor<*xf32>
  func.call @printMemrefF32(%u5) : (tensor<*xf32>) -> ()
  %in6_0_d = func.call @gen5(%c1, %c2, %c4, %c9, %c9, %c42) : (index, index, index, index, index, index) -> tensor<?x?x?x?x?xf32>
  %in6_0 = tensor.cast %in6_0_d : tensor<?x?x?x?x?xf32> to tensor<1x2x4x9x9xf32>
  %in6_1_d = func.call @gen5(%c2, %c6, %c4, %c3, %c3, %c45) : (index, index, index, index, index, index) -> tensor<?x?x?x?x?xf32>
  %in6_1 = tensor.cast %in6_1_d : tensor<?x?x?x?x?xf32> to tensor<2x6x4x3x3xf32>
  %r6 = func.call @grouped(%in6_0, %in6_1) : (tensor<1x2x4x9x9xf32>, tensor<2x6x4x3x3xf32>) -> tensor<1x2x6x7x7xf32>
  %u6 = tensor.cast %r6 : tensor<1x2x6x7x7xf32> to tensor<*xf32>
  func.call @printMemrefF32(%u6) : (tensor<*xf32>) -> ()
  %in7_0_d = func.call @gen3(%c1, %c6, %c20, %c48) : (index, index, index, index) -> tensor<?x?x?xf32>
  %in7_0 = tensor.cast %in7_0_d : tensor<?x?x?xf32> to tensor<1x6x20xf32>
  %in7_1_d = func.call @gen3(%c10, %c6, %c5, %c51) : (index, index, index, index) -> tensor<?x?x?xf32>
  %in7_1 = tensor.cast %in7_1_d : tensor<?x?x?xf32> to tensor<10x6x5xf32>
  %r7 = func.call @conv1d(%in7_0, %in7_1) : (tensor<1x6x20xf32>, tensor<10x6x5xf32>) -> tensor<1x10x16xf32>
  %u7 = tensor.cast %r7 : tensor<1x10x16xf32> to tensor<*xf32>
  func.call @printMemrefF32(%u7) : (tensor<*xf32>) -> ()
  %in8_0_d = func.call @gen5(%c1, %c3, %c6, %c7, %c8, %c54) : (index, index, index, index, index, index) -> tensor<?x?x?x?x?xf32>
  %in8_0 = tensor.cast %in8_0_d : tensor<?x?x?x?x?xf32> to tensor<1x3x6x7x8xf32>
  %in8_1_d = func.call @gen5(%c5, %c3, %c3, %c3, %c3, %c57) : (index, index, index, index, index, index) -> tensor<?x?x?x?x?xf32>
  %in8_1 = tensor.cast %in8_1_d : tensor<?x?x?x?x?xf32> to tensor<5x3x3x3x3xf32>
  %r8 = func.call @conv3d(%in8_0, %in8_1) : (tensor<1x3x6x7x8xf32>, tensor<5x3x3x3x3xf32>) -> tensor<1x5x4x5x6xf32>
  %u8 = tensor.cast %r8 : tensor<1x5x4x5x6xf32> to tensor<*xf32>
  func.call @printMemrefF32(%u8) : (tensor<*xf32>) -> ()
  %in9_0_d = func.call @gen4(%c1, %c8, %c12, %c12, %c60) : (index, index, index, index, index) -> tensor<?x?x?x?xf32>
  %in9_0 = tensor.cast %in9_0_d : tensor<?x?x?x?xf32> to tensor<1x8x12x12xf32>
  %in9_1_d = func.call @gen3(%c8, %c3, %c3, %c63) : (index, index, index, index) -> tensor<?x?x?xf32>
  %in9_1 = tensor.cast %in9_1_d : tensor<?x?x?xf32> to tensor<8x3x3xf32>
  %r9 = func.call @depthwise(%in9_0, %in9_1) : (tensor<1x8x12x12xf32>, tensor<8x3x3xf32>) -> tensor<1x8x10x10xf32>
  %u9 = tensor.cast %r9 : tensor<1x8x10x10xf32> to tensor<*xf32>
  func.call @printMemrefF32(%u9) : (tensor<*xf32>) -> ()
  %in10_0_d = func.call @gen4(%c1, %c8, %c41, %c41, %c66) : (index, index, index, index, index) -> tensor<?x?x?x?xf32>
  %in10_0 = tensor.cast %in10_0_d : tensor<?x?x?x?xf32> to tensor<1x8x41x41xf32>
  %in10_1_d = func.call @gen3(%c8, %c3, %c3, %c69) : (index, index, index, index) -> tensor<?x?x?xf32>
  %in10_1 = tensor.cast %in10_1_d : tensor<?x?x?xf32> to tensor<8x3x3xf32>
  %r10 = func.call @depthwise_s2(%in10_0, %in10_1) : (tensor<1x8x41x41xf32>, tensor<8x3x3xf32>) -> tensor<1x8x20x20xf32>
  %u10 = tensor.cast %r10 : tensor<1x8x20x20xf32> to tensor<*xf32>
  func.call @printMemrefF32(%u10) : (tensor<*xf32>) -> ()
  %in11_0_d = func.call @gen4(%c1, %c8, %c11, %c13, %c72) : (index, index, index, index, index) -> tensor<?x?x?x?xf32>
  %in11_0 = tensor.cast %in11_0_d : tensor<?x?x?x?xf32> to tensor<1x8x11x13xf32>
  %in11_1_d = func.call @gen4(%c64, %c8, %c3, %c3, %c75) : (index, index, index, index, index) -> tensor<?x?x?x?xf32>
  %in11_1 = tensor.cast %in11_1_d : tensor<?x?x?x?xf32> to tensor<64x8x3x3xf32>
  %in11_2_d = func.call @gen1(%c64, %c78) : (index, index) -> tensor<?xf32>
  %in11_2 = tensor.cast %in11_2_d : tensor<?xf32> to tensor<64xf32>
  %r11 = func.call @blocked(%in11_0, %in11_1, %in11_2) : (tensor<1x8x11x13xf32>, tensor<64x8x3x3xf32>, tensor<64xf32>) -> tensor<1x64x11x13xf32>
  %u11 = tensor.cast %r11 : tensor<1x64x11x13xf32> to tensor<*xf32>
  func.call @printMemrefF32(%u11) : (tensor<*xf32>) -> ()
  %in12_0_d = func.call @gen4(%c2, %c16, %c15, %c15, %c81) : (index, index, index, index, index) -> tensor<?x?x?x?xf32>
  %in12_0 = tensor.cast %in12_0_d : tensor<?x?x?x?xf32> to tensor<2x16x15x15xf32>
  %in12_1_d = func.call @gen4(%c32, %c16, %c3, %c3, %c84) : (index, index, index, index, index) -> tensor<?x?x?x?xf32>
  %in12_1 = tensor.cast %in12_1_d : tensor<?x?x?x?xf32> to tensor<32x16x3x3xf32>
  %r12 = func.call @blocked_s2(%in12_0, %in12_1) : (tensor<2x16x15x15xf32>, tensor<32x16x3x3xf32>) -> tensor<2x32x7x7xf32>
  %u12 = tensor.cast %r12 : tensor<2x32x7x7xf32> to tensor<*xf32>
  func.call @printMemrefF32(%u12) : (tensor<*xf32>) -> ()
  %in13_0_d = func.call @gen5(%c1, %c2, %c3, %c8, %c8, %c87) : (index, index, index, index, index, index) -> tensor<?x?x?x?x?xf32>
  %in13_0 = tensor.cast %in13_0_d : tensor<?x?x?x?x?xf32> to tensor<1x2x3x8x8xf32>
  %in13_1_d = func.call @gen5(%c2, %c32, %c3, %c3, %c3, %c90) : (index, index, index, index, index, index) -> tensor<?x?x?x?x?xf32>
  %in13_1 = tensor.cast %in13_1_d : tensor<?x?x?x?x?xf32> to tensor<2x32x3x3x3xf32>
  %r13 = func.call @blocked_grouped(%in13_0, %in13_1) : (tensor<1x2x3x8x8xf32>, tensor<2x32x3x3x3xf32>) -> tensor<1x2x32x6x6xf32>
  %u13 = tensor.cast %r13 : tensor<1x2x32x6x6xf32> to tensor<*xf32>
  func.call @printMemrefF32(%u13) : (tensor<*xf32>) -> ()
  %in14_0_d = func.call @gen4(%c1, %c2, %c6, %c6, %c93) : (index, index, index, index, index) -> tensor<?x?x?x?xf32>
  %in14_0 = tensor.cast %in14_0_d : tensor<?x?x?x?xf32> to tensor<1x2x6x6xf32>
  %r14 = func.call @constant_filter(%in14_0) : (tensor<1x2x6x6xf32>) -> tensor<1x32x4x4xf32>
  %u14 = tensor.cast %r14 : tensor<1x32x4x4xf32> to tensor<*xf32>
  func.call @printMemrefF32(%u14) : (tensor<*xf32>) -> ()
  return
}

