// RUN: tl-opt %s --convert-tl-to-linalg --split-input-file | FileCheck %s

// The grid's x and y are read through the maps; bilinear reads four taps
// with tensor.extract, each zeroed outside the input.
// CHECK-DAG: #[[GX:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d2, d3, 0)>
// CHECK-DAG: #[[GY:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d2, d3, 1)>
// CHECK-DAG: #[[OUT:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-LABEL: func.func @bilinear_zeros
// CHECK-SAME: (%[[X:.*]]: tensor<1x1x4x4xf32>, %[[G:.*]]: tensor<1x6x6x2xf32>)
// CHECK: linalg.generic {indexing_maps = [#[[GX]], #[[GY]], #[[OUT]]], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
// CHECK-SAME: ins(%[[G]], %[[G]] : tensor<1x6x6x2xf32>, tensor<1x6x6x2xf32>)
// CHECK: %[[N:.*]] = linalg.index 0 : index
// CHECK: %[[C:.*]] = linalg.index 1 : index
// CHECK: math.floor
// CHECK: %[[V0:.*]] = tensor.extract %[[X]][%[[N]], %[[C]], %{{.*}}, %{{.*}}] : tensor<1x1x4x4xf32>
// CHECK: arith.select %{{.*}}, %[[V0]], %{{.*}} : f32
// CHECK-COUNT-3: tensor.extract %[[X]]
// CHECK: linalg.yield %{{.*}} : f32
func.func @bilinear_zeros(%x: tensor<1x1x4x4xf32>, %g: tensor<1x6x6x2xf32>) -> tensor<1x1x6x6xf32> {
  %y = tl.grid_sample %x, %g : (tensor<1x1x4x4xf32>, tensor<1x6x6x2xf32>) -> tensor<1x1x6x6xf32>
  return %y : tensor<1x1x6x6xf32>
}

// -----

// Nearest rounds half to even after the border clamp; f16 computes in f32.
// CHECK-LABEL: func.func @nearest_border_f16
// CHECK-SAME: (%[[X:.*]]: tensor<?x2x3x5xf16>, %[[G:.*]]: tensor<?x4x4x2xf16>)
// CHECK: %[[N:.*]] = tensor.dim %[[X]], %{{.*}} : tensor<?x2x3x5xf16>
// CHECK: tensor.empty(%[[N]]) : tensor<?x2x4x4xf16>
// CHECK: ^bb0(%[[GXE:.*]]: f16, %[[GYE:.*]]: f16, %{{.*}}: f16):
// CHECK: arith.extf %[[GXE]] : f16 to f32
// CHECK: arith.minimumf
// CHECK: math.roundeven %{{.*}} : f32
// CHECK: math.roundeven %{{.*}} : f32
// CHECK: %[[V:.*]] = tensor.extract %[[X]]
// CHECK: %[[VF:.*]] = arith.extf %[[V]] : f16 to f32
// CHECK: %[[SEL:.*]] = arith.select %{{.*}}, %[[VF]], %{{.*}} : f32
// CHECK: %[[R:.*]] = arith.truncf %[[SEL]] : f32 to f16
// CHECK: linalg.yield %[[R]] : f16
// CHECK-NOT: tensor.extract
func.func @nearest_border_f16(%x: tensor<?x2x3x5xf16>, %g: tensor<?x4x4x2xf16>) -> tensor<?x2x4x4xf16> {
  %y = tl.grid_sample %x, %g {mode = #tl<resize_mode nearest>, padding_mode = #tl<grid_padding_mode border>, align_corners = true} : (tensor<?x2x3x5xf16>, tensor<?x4x4x2xf16>) -> tensor<?x2x4x4xf16>
  return %y : tensor<?x2x4x4xf16>
}
