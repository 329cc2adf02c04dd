// RUN: tl-opt %s --convert-tl-to-linalg | FileCheck %s

// tl.resize: one index-computing generic; coordinates follow ONNX Resize's
// coordinate_transform, nearest rounds by nearest_mode, linear blends the
// neighbours over the resized dims.

// CHECK-LABEL: func.func @nearest_asymmetric_floor
// CHECK-SAME: (%[[X:.*]]: tensor<1x3x4x4xf32>)
// CHECK: %[[SCALE:.*]] = arith.constant 2.000000e+00 : f32
// CHECK: linalg.generic {{.*}} outs(%{{.*}} : tensor<1x3x8x8xf32>)
// CHECK: %[[N:.*]] = linalg.index 0 : index
// CHECK: %[[C:.*]] = linalg.index 1 : index
// CHECK: %[[OH:.*]] = linalg.index 2 : index
// CHECK: %[[OHI:.*]] = arith.index_cast %[[OH]] : index to i64
// CHECK: %[[OHF:.*]] = arith.sitofp %[[OHI]] : i64 to f32
// CHECK: %[[XH:.*]] = arith.divf %[[OHF]], %[[SCALE]] : f32
// CHECK: %[[FH:.*]] = math.floor %[[XH]] : f32
// CHECK: %[[IH:.*]] = arith.fptosi %[[FH]] : f32 to i64
// CHECK: %[[H:.*]] = arith.index_cast %[[IH]] : i64 to index
// CHECK: %[[HCLAMP:.*]] = arith.minsi %[[H]], %{{.*}} : index
// CHECK: %[[HSRC:.*]] = arith.maxsi %[[HCLAMP]], %{{.*}} : index
// CHECK: math.floor
// CHECK: %[[WSRC:.*]] = arith.maxsi
// CHECK: %[[V:.*]] = tensor.extract %[[X]][%[[N]], %[[C]], %[[HSRC]], %[[WSRC]]] : tensor<1x3x4x4xf32>
// CHECK: linalg.yield %[[V]] : f32
func.func @nearest_asymmetric_floor(%x: tensor<1x3x4x4xf32>) -> tensor<1x3x8x8xf32> {
  %y = tl.resize %x {mode = #tl<resize_mode nearest>, scales = array<f64: 1.0, 1.0, 2.0, 2.0>, coordinate_transform = #tl<coordinate_transform asymmetric>, nearest_mode = #tl<nearest_mode floor>} : (tensor<1x3x4x4xf32>) -> tensor<1x3x8x8xf32>
  return %y : tensor<1x3x8x8xf32>
}

// With sizes, the scale is output / input; ties round down: ceil(x - 0.5).
// The unresized last dim is read at the output index.
// CHECK-LABEL: func.func @nearest_half_pixel_round_prefer_floor
// CHECK-SAME: (%[[X:.*]]: tensor<1x1x4x4xf32>)
// CHECK: %[[SCALE:.*]] = arith.divf %{{.*}}, %{{.*}} : f32
// CHECK: linalg.generic
// CHECK: %[[N:.*]] = linalg.index 0 : index
// CHECK: %[[C:.*]] = linalg.index 1 : index
// CHECK: %[[OW:.*]] = linalg.index 3 : index
// CHECK: %[[HALF:.*]] = arith.constant 5.000000e-01 : f32
// CHECK: %[[SHIFTED:.*]] = arith.addf %{{.*}}, %[[HALF]] : f32
// CHECK: %[[SCALED:.*]] = arith.divf %[[SHIFTED]], %[[SCALE]] : f32
// CHECK: %[[XH:.*]] = arith.subf %[[SCALED]], %[[HALF]] : f32
// CHECK: %[[DOWN:.*]] = arith.subf %[[XH]], %{{.*}} : f32
// CHECK: math.ceil %[[DOWN]] : f32
// CHECK: %[[HSRC:.*]] = arith.maxsi
// CHECK: tensor.extract %[[X]][%[[N]], %[[C]], %[[HSRC]], %[[OW]]] : tensor<1x1x4x4xf32>
func.func @nearest_half_pixel_round_prefer_floor(%x: tensor<1x1x4x4xf32>) -> tensor<1x1x6x4xf32> {
  %y = tl.resize %x {sizes = array<i64: 1, 1, 6, 4>} : (tensor<1x1x4x4xf32>) -> tensor<1x1x6x4xf32>
  return %y : tensor<1x1x6x4xf32>
}

// Bilinear: four neighbours weighted by the fractional parts.
// CHECK-LABEL: func.func @bilinear_align_corners
// CHECK-SAME: (%[[X:.*]]: tensor<1x2x3x5xf32>)
// CHECK: linalg.generic {{.*}} outs(%{{.*}} : tensor<1x2x6x10xf32>)
// CHECK: %[[XH:.*]] = arith.maximumf
// CHECK: %[[FH:.*]] = math.floor %[[XH]] : f32
// CHECK: %[[FRAC_H:.*]] = arith.subf %[[XH]], %[[FH]] : f32
// CHECK: %[[XW:.*]] = arith.maximumf
// CHECK: %[[FW:.*]] = math.floor %[[XW]] : f32
// CHECK: %[[FRAC_W:.*]] = arith.subf %[[XW]], %[[FW]] : f32
// CHECK-COUNT-4: tensor.extract %[[X]]
// CHECK: linalg.yield
func.func @bilinear_align_corners(%x: tensor<1x2x3x5xf32>) -> tensor<1x2x6x10xf32> {
  %y = tl.resize %x {mode = #tl<resize_mode linear>, scales = array<f64: 1.0, 1.0, 2.0, 2.0>, coordinate_transform = #tl<coordinate_transform align_corners>} : (tensor<1x2x3x5xf32>) -> tensor<1x2x6x10xf32>
  return %y : tensor<1x2x6x10xf32>
}

// Dynamic dims: the output size floor(D * scale) (an unscaled dim keeps D).
// CHECK-LABEL: func.func @linear_dynamic
// CHECK-SAME: (%[[X:.*]]: tensor<?x3x?xf32>)
// CHECK: %[[N:.*]] = tensor.dim %[[X]], %{{.*}}
// CHECK: %[[W:.*]] = tensor.dim %[[X]], %{{.*}}
// CHECK: %[[WF:.*]] = arith.sitofp
// CHECK: %[[SCALED:.*]] = arith.mulf %[[WF]], %{{.*}} : f32
// CHECK: %[[FLOORED:.*]] = math.floor %[[SCALED]] : f32
// CHECK: %[[OWI:.*]] = arith.fptosi %[[FLOORED]] : f32 to i64
// CHECK: %[[OW:.*]] = arith.index_cast %[[OWI]] : i64 to index
// CHECK: %[[INIT:.*]] = tensor.empty(%[[N]], %[[OW]]) : tensor<?x3x?xf32>
// CHECK: linalg.generic {{.*}} outs(%[[INIT]] : tensor<?x3x?xf32>)
// CHECK-COUNT-2: tensor.extract %[[X]]
func.func @linear_dynamic(%x: tensor<?x3x?xf32>) -> tensor<?x3x?xf32> {
  %y = tl.resize %x {mode = #tl<resize_mode linear>, scales = array<f64: 1.0, 1.0, 2.5>, coordinate_transform = #tl<coordinate_transform pytorch_half_pixel>} : (tensor<?x3x?xf32>) -> tensor<?x3x?xf32>
  return %y : tensor<?x3x?xf32>
}
