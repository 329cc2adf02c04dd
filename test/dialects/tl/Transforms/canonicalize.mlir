// RUN: tl-opt %s --canonicalize --split-input-file | FileCheck %s

// CHECK-LABEL: func @identity_and_dropout_vanish
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK-NEXT: return %[[X]]
func.func @identity_and_dropout_vanish(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = tl.identity %x : tensor<4xf32>
  %1 = tl.dropout %0 {ratio = 0.3 : f64} : tensor<4xf32>
  return %1 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func @neutral_elements
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
// CHECK-NEXT: return %[[X]], %[[X]], %[[X]], %[[X]]
func.func @neutral_elements(%x: tensor<2x3xf32>) -> (tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>) {
  %zero = tl.constant dense<0.0> : tensor<3xf32>
  %one = tl.constant dense<1.0> : tensor<1xf32>
  %0 = tl.add %zero, %x : (tensor<3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  %1 = tl.sub %x, %zero : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  %2 = tl.mul %x, %one : (tensor<2x3xf32>, tensor<1xf32>) -> tensor<2x3xf32>
  %3 = tl.div %x, %one : (tensor<2x3xf32>, tensor<1xf32>) -> tensor<2x3xf32>
  return %0, %1, %2, %3 : tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>
}

// -----

// Adding zero that broadcasts the operand to a larger shape is not a no-op.
// CHECK-LABEL: func @broadcasting_zero_kept
// CHECK: tl.add
func.func @broadcasting_zero_kept(%x: tensor<3xf32>) -> tensor<2x3xf32> {
  %zero = tl.constant dense<0.0> : tensor<2x3xf32>
  %0 = tl.add %x, %zero : (tensor<3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// CHECK-LABEL: func @involutions
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>, %[[B:.*]]: tensor<4xi1>)
// CHECK-NEXT: %[[ABS:.*]] = tl.abs %[[X]]
// CHECK-NEXT: return %[[X]], %[[ABS]], %[[B]]
func.func @involutions(%x: tensor<4xf32>, %b: tensor<4xi1>) -> (tensor<4xf32>, tensor<4xf32>, tensor<4xi1>) {
  %0 = tl.neg %x : tensor<4xf32>
  %1 = tl.neg %0 : tensor<4xf32>
  %2 = tl.abs %x : tensor<4xf32>
  %3 = tl.abs %2 : tensor<4xf32>
  %4 = tl.not %b : tensor<4xi1>
  %5 = tl.not %4 : tensor<4xi1>
  return %1, %3, %5 : tensor<4xf32>, tensor<4xf32>, tensor<4xi1>
}

// -----

// CHECK-LABEL: func @noop_shape_ops
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
// CHECK-NEXT: return %[[X]], %[[X]], %[[X]], %[[X]]
func.func @noop_shape_ops(%x: tensor<2x3xf32>) -> (tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>) {
  %0 = tl.reshape %x {new_shape = array<i64: 2, 3>} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %1 = tl.transpose %x {perm = array<i64: 0, 1>} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %2 = tl.concat %x {axis = 0 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %3 = tl.cast %x : tensor<2x3xf32> to tensor<2x3xf32>
  return %0, %1, %2, %3 : tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>
}

// -----

// CHECK-LABEL: func @reshape_chain
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>)
// CHECK-NEXT: %[[R:.*]] = tl.reshape %[[X]] {new_shape = array<i64: 4, 6>} : (tensor<2x3x4xf32>) -> tensor<4x6xf32>
// CHECK-NEXT: return %[[R]]
func.func @reshape_chain(%x: tensor<2x3x4xf32>) -> tensor<4x6xf32> {
  %0 = tl.reshape %x {new_shape = array<i64: 6, 4>} : (tensor<2x3x4xf32>) -> tensor<6x4xf32>
  %1 = tl.reshape %0 {new_shape = array<i64: 4, -1>} : (tensor<6x4xf32>) -> tensor<4x6xf32>
  return %1 : tensor<4x6xf32>
}

// -----

// A dynamic result keeps the chain: its 0/-1 entries refer to the middle shape.
// CHECK-LABEL: func @reshape_chain_dynamic
// CHECK-COUNT-2: tl.reshape
func.func @reshape_chain_dynamic(%x: tensor<?x3x4xf32>) -> tensor<?x4xf32> {
  %0 = tl.reshape %x {new_shape = array<i64: 0, 12>} : (tensor<?x3x4xf32>) -> tensor<?x12xf32>
  %1 = tl.reshape %0 {new_shape = array<i64: -1, 4>} : (tensor<?x12xf32>) -> tensor<?x4xf32>
  return %1 : tensor<?x4xf32>
}

// -----

// CHECK-LABEL: func @constant_folds
// CHECK-DAG: tl.constant dense<{{\[}}[1.000000e+00, 2.000000e+00, 3.000000e+00], [4.000000e+00, 5.000000e+00, 6.000000e+00]]> : tensor<2x3xf32>
// CHECK-DAG: tl.constant dense<7.000000e+00> : tensor<3x2xf32>
// CHECK-NOT: tl.reshape
// CHECK-NOT: tl.transpose
func.func @constant_folds() -> (tensor<2x3xf32>, tensor<3x2xf32>) {
  %c = tl.constant dense<[1.0, 2.0, 3.0, 4.0, 5.0, 6.0]> : tensor<6xf32>
  %0 = tl.reshape %c {new_shape = array<i64: 2, 3>} : (tensor<6xf32>) -> tensor<2x3xf32>
  %s = tl.constant dense<7.0> : tensor<2x3xf32>
  %1 = tl.transpose %s : (tensor<2x3xf32>) -> tensor<3x2xf32>
  return %0, %1 : tensor<2x3xf32>, tensor<3x2xf32>
}

// -----

// CHECK-LABEL: func @transpose_pairs
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>)
// CHECK-NEXT: %[[T:.*]] = tl.transpose %[[X]] {perm = array<i64: 1, 0, 2>} : (tensor<2x3x4xf32>) -> tensor<3x2x4xf32>
// CHECK-NEXT: return %[[X]], %[[T]]
func.func @transpose_pairs(%x: tensor<2x3x4xf32>) -> (tensor<2x3x4xf32>, tensor<3x2x4xf32>) {
  %0 = tl.transpose %x {perm = array<i64: 0, 2, 1>} : (tensor<2x3x4xf32>) -> tensor<2x4x3xf32>
  %1 = tl.transpose %0 {perm = array<i64: 0, 2, 1>} : (tensor<2x4x3xf32>) -> tensor<2x3x4xf32>
  %2 = tl.transpose %0 {perm = array<i64: 2, 0, 1>} : (tensor<2x4x3xf32>) -> tensor<3x2x4xf32>
  return %1, %2 : tensor<2x3x4xf32>, tensor<3x2x4xf32>
}
