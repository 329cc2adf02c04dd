// RUN: tl-opt %s --split-input-file --tl-prepare-codegen | FileCheck %s

// A static padding: fill of a fresh allocation placed before the producer of
// the source, then an insert of the source.
// CHECK-LABEL: func.func @pad
// CHECK: %[[BUF:.*]] = bufferization.alloc_tensor() : tensor<1x4x7x7xf32>
// CHECK: %[[FILL:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%[[BUF]] : tensor<1x4x7x7xf32>)
// CHECK: %[[SRC:.*]] = linalg.generic
// CHECK: %[[R:.*]] = tensor.insert_slice %[[SRC]] into %[[FILL]][0, 0, 1, 1] [1, 4, 5, 5] [1, 1, 1, 1]
// CHECK: return %[[R]]
func.func @pad(%x: tensor<1x4x5x5xf32>) -> tensor<1x4x7x7xf32> {
  %e = tensor.empty() : tensor<1x4x5x5xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(n, c, h, w) -> (n, c, h, w)>, affine_map<(n, c, h, w) -> (n, c, h, w)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
     ins(%x : tensor<1x4x5x5xf32>) outs(%e : tensor<1x4x5x5xf32>) {
  ^bb0(%a: f32, %o: f32):
    %z = arith.constant 0.0 : f32
    %m = arith.maximumf %a, %z : f32
    linalg.yield %m : f32
  } -> tensor<1x4x5x5xf32>
  %p = tensor.pad %r low[0, 0, 1, 1] high[0, 0, 1, 1] {
  ^bb0(%a: index, %b: index, %c: index, %d: index):
    %z = arith.constant 0.0 : f32
    tensor.yield %z : f32
  } : tensor<1x4x5x5xf32> to tensor<1x4x7x7xf32>
  return %p : tensor<1x4x7x7xf32>
}

// -----

// Dynamic shapes: the upstream decomposition at the padding.
// CHECK-LABEL: func.func @pad_dynamic
// CHECK-SAME: (%[[X:.*]]: tensor<?x5xf32>, %[[V:.*]]: f32)
// CHECK: %[[E:.*]] = tensor.empty(%{{.*}}) : tensor<?x9xf32>
// CHECK: %[[FILL:.*]] = linalg.fill ins(%[[V]] : f32) outs(%[[E]] : tensor<?x9xf32>)
// CHECK: tensor.insert_slice %[[X]] into %[[FILL]][1, 2] [%{{.*}}, 5] [1, 1]
func.func @pad_dynamic(%x: tensor<?x5xf32>, %v: f32) -> tensor<?x9xf32> {
  %p = tensor.pad %x low[1, 2] high[0, 2] {
  ^bb0(%a: index, %b: index):
    tensor.yield %v : f32
  } : tensor<?x5xf32> to tensor<?x9xf32>
  return %p : tensor<?x9xf32>
}

// -----

// CHECK-LABEL: func.func @concat
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>, %[[Y:.*]]: tensor<2x5xf32>)
// CHECK: %[[E:.*]] = tensor.empty() : tensor<2x8xf32>
// CHECK: %[[A:.*]] = tensor.insert_slice %[[X]] into %[[E]][0, 0] [2, 3] [1, 1]
// CHECK: tensor.insert_slice %[[Y]] into %[[A]][0, 3] [2, 5] [1, 1]
func.func @concat(%x: tensor<2x3xf32>, %y: tensor<2x5xf32>) -> tensor<2x8xf32> {
  %c = tensor.concat dim(1) %x, %y : (tensor<2x3xf32>, tensor<2x5xf32>) -> tensor<2x8xf32>
  return %c : tensor<2x8xf32>
}

// -----

// linalg.softmax: max, exp(x - max), sum, divide.
// CHECK-LABEL: func.func @softmax
// CHECK-NOT: linalg.softmax
// CHECK: arith.maxnumf
// CHECK: math.exp
// CHECK: arith.addf
// CHECK: arith.divf
func.func @softmax(%x: tensor<2x16xf32>) -> tensor<2x16xf32> {
  %e = tensor.empty() : tensor<2x16xf32>
  %r = linalg.softmax dimension(1) ins(%x : tensor<2x16xf32>) outs(%e : tensor<2x16xf32>) -> tensor<2x16xf32>
  return %r : tensor<2x16xf32>
}
