// RUN: tl-opt %s | tl-opt | FileCheck %s
// RUN: tl-opt %s --mlir-print-op-generic | tl-opt | FileCheck %s

// CHECK-LABEL: func @grid_sample
func.func @grid_sample(%x: tensor<?x3x8x8xf32>, %g: tensor<2x4x5x2xf32>) {
  // CHECK: tl.grid_sample %{{.*}}, %{{.*}} : (tensor<?x3x8x8xf32>, tensor<2x4x5x2xf32>) -> tensor<2x3x4x5xf32>
  %0 = tl.grid_sample %x, %g : (tensor<?x3x8x8xf32>, tensor<2x4x5x2xf32>) -> tensor<2x3x4x5xf32>
  // CHECK: tl.grid_sample %{{.*}}, %{{.*}} {align_corners = true, mode = #tl<resize_mode cubic>, padding_mode = #tl<grid_padding_mode reflection>}
  %1 = tl.grid_sample %x, %g {mode = #tl<resize_mode cubic>, padding_mode = #tl<grid_padding_mode reflection>, align_corners = true} : (tensor<?x3x8x8xf32>, tensor<2x4x5x2xf32>) -> tensor<2x3x4x5xf32>
  // CHECK: tl.grid_sample %{{.*}}, %{{.*}} {mode = #tl<resize_mode nearest>, padding_mode = #tl<grid_padding_mode border>}
  %2 = tl.grid_sample %x, %g {mode = #tl<resize_mode nearest>, padding_mode = #tl<grid_padding_mode border>} : (tensor<?x3x8x8xf32>, tensor<2x4x5x2xf32>) -> tensor<?x3x4x5xf32>
  return
}
