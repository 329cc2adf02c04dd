// RUN: tl-opt %s --split-input-file --tl-fold-constant-transposes | FileCheck %s

// CHECK-LABEL: func.func @elements
// CHECK: %[[C:.*]] = arith.constant dense<{{\[}}[1.000000e+00, 4.000000e+00], [2.000000e+00, 5.000000e+00], [3.000000e+00, 6.000000e+00]]> : tensor<3x2xf32>
// CHECK-NOT: linalg.transpose
// CHECK: return %[[C]]
func.func @elements() -> tensor<3x2xf32> {
  %c = arith.constant dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> : tensor<2x3xf32>
  %e = tensor.empty() : tensor<3x2xf32>
  %t = linalg.transpose ins(%c : tensor<2x3xf32>) outs(%e : tensor<3x2xf32>) permutation = [1, 0]
  return %t : tensor<3x2xf32>
}

// -----

// A generic that only permutes its input counts as a transpose; splats stay
// splats.
// CHECK-LABEL: func.func @generic_splat
// CHECK: %[[C:.*]] = arith.constant dense<2.500000e+00> : tensor<3x2xf32>
// CHECK: return %[[C]]
func.func @generic_splat() -> tensor<3x2xf32> {
  %c = arith.constant dense<2.5> : tensor<2x3xf32>
  %e = tensor.empty() : tensor<3x2xf32>
  %t = linalg.generic {indexing_maps = [affine_map<(i, j) -> (j, i)>, affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]}
     ins(%c : tensor<2x3xf32>) outs(%e : tensor<3x2xf32>) {
  ^bb0(%a: f32, %o: f32):
    linalg.yield %a : f32
  } -> tensor<3x2xf32>
  return %t : tensor<3x2xf32>
}

// -----

// Blobs become new blobs, read through a reshape: [[1, 2, 3], [4, 5, 6]]
// as 2x3x1 transposed to 1x3x2 is [[[1, 4], [2, 5], [3, 6]]].
// CHECK-LABEL: func.func @resource
// CHECK: %[[C:.*]] = arith.constant dense_resource<[[BLOB:.*]]> : tensor<1x3x2xf32>
// CHECK-NOT: linalg.transpose
// CHECK: return %[[C]]
// CHECK: [[BLOB]]: "0x080000000000803F00008040000000400000A040000040400000C040"
func.func @resource() -> tensor<1x3x2xf32> {
  %c = arith.constant dense_resource<weights> : tensor<2x3xf32>
  %x = tensor.expand_shape %c [[0], [1, 2]] output_shape [2, 3, 1] : tensor<2x3xf32> into tensor<2x3x1xf32>
  %e = tensor.empty() : tensor<1x3x2xf32>
  %t = linalg.transpose ins(%x : tensor<2x3x1xf32>) outs(%e : tensor<1x3x2xf32>) permutation = [2, 1, 0]
  return %t : tensor<1x3x2xf32>
}
{-#
  dialect_resources: {
    builtin: {
      weights: "0x040000000000803F0000004000004040000080400000A0400000C040"
    }
  }
#-}

// -----

// Transposes of values that are not constants stay.
// CHECK-LABEL: func.func @argument
// CHECK: linalg.transpose
func.func @argument(%a: tensor<2x3xf32>) -> tensor<3x2xf32> {
  %e = tensor.empty() : tensor<3x2xf32>
  %t = linalg.transpose ins(%a : tensor<2x3xf32>) outs(%e : tensor<3x2xf32>) permutation = [1, 0]
  return %t : tensor<3x2xf32>
}
