// Input generators shared by the execution tests: gen<rank>(sizes..., seed)
// fills a tensor with multiples of 1/8 in [-1, 1) (exact in f32, so sums of
// products do not depend on the summation order).
func.func @gen1(%d0: index, %seed: index) -> tensor<?xf32> {
  %t = tensor.generate %d0 {
  ^bb0(%i0: index):
    %c0 = arith.constant 7 : index
    %m0 = arith.muli %i0, %c0 : index
    %s0 = arith.addi %seed, %m0 : index
    %c17 = arith.constant 17 : index
    %r = arith.remui %s0, %c17 : index
    %ri = arith.index_cast %r : index to i32
    %f = arith.sitofp %ri : i32 to f32
    %c8 = arith.constant 0.125 : f32
    %g = arith.mulf %f, %c8 : f32
    %one = arith.constant 1.0 : f32
    %h = arith.subf %g, %one : f32
    tensor.yield %h : f32
  } : tensor<?xf32>
  return %t : tensor<?xf32>
}
func.func @gen2(%d0: index, %d1: index, %seed: index) -> tensor<?x?xf32> {
  %t = tensor.generate %d0, %d1 {
  ^bb0(%i0: index, %i1: index):
    %c0 = arith.constant 7 : index
    %m0 = arith.muli %i0, %c0 : index
    %s0 = arith.addi %seed, %m0 : index
    %c1 = arith.constant 13 : index
    %m1 = arith.muli %i1, %c1 : index
    %s1 = arith.addi %s0, %m1 : index
    %c17 = arith.constant 17 : index
    %r = arith.remui %s1, %c17 : index
    %ri = arith.index_cast %r : index to i32
    %f = arith.sitofp %ri : i32 to f32
    %c8 = arith.constant 0.125 : f32
    %g = arith.mulf %f, %c8 : f32
    %one = arith.constant 1.0 : f32
    %h = arith.subf %g, %one : f32
    tensor.yield %h : f32
  } : tensor<?x?xf32>
  return %t : tensor<?x?xf32>
}
func.func @gen3(%d0: index, %d1: index, %d2: index, %seed: index) -> tensor<?x?x?xf32> {
  %t = tensor.generate %d0, %d1, %d2 {
  ^bb0(%i0: index, %i1: index, %i2: index):
    %c0 = arith.constant 7 : index
    %m0 = arith.muli %i0, %c0 : index
    %s0 = arith.addi %seed, %m0 : index
    %c1 = arith.constant 13 : index
    %m1 = arith.muli %i1, %c1 : index
    %s1 = arith.addi %s0, %m1 : index
    %c2 = arith.constant 3 : index
    %m2 = arith.muli %i2, %c2 : index
    %s2 = arith.addi %s1, %m2 : index
    %c17 = arith.constant 17 : index
    %r = arith.remui %s2, %c17 : index
    %ri = arith.index_cast %r : index to i32
    %f = arith.sitofp %ri : i32 to f32
    %c8 = arith.constant 0.125 : f32
    %g = arith.mulf %f, %c8 : f32
    %one = arith.constant 1.0 : f32
    %h = arith.subf %g, %one : f32
    tensor.yield %h : f32
  } : tensor<?x?x?xf32>
  return %t : tensor<?x?x?xf32>
}
func.func @gen4(%d0: index, %d1: index, %d2: index, %d3: index, %seed: index) -> tensor<?x?x?x?xf32> {
  %t = tensor.generate %d0, %d1, %d2, %d3 {
  ^bb0(%i0: index, %i1: index, %i2: index, %i3: index):
    %c0 = arith.constant 7 : index
    %m0 = arith.muli %i0, %c0 : index
    %s0 = arith.addi %seed, %m0 : index
    %c1 = arith.constant 13 : index
    %m1 = arith.muli %i1, %c1 : index
    %s1 = arith.addi %s0, %m1 : index
    %c2 = arith.constant 3 : index
    %m2 = arith.muli %i2, %c2 : index
    %s2 = arith.addi %s1, %m2 : index
    %c3 = arith.constant 5 : index
    %m3 = arith.muli %i3, %c3 : index
    %s3 = arith.addi %s2, %m3 : index
    %c17 = arith.constant 17 : index
    %r = arith.remui %s3, %c17 : index
    %ri = arith.index_cast %r : index to i32
    %f = arith.sitofp %ri : i32 to f32
    %c8 = arith.constant 0.125 : f32
    %g = arith.mulf %f, %c8 : f32
    %one = arith.constant 1.0 : f32
    %h = arith.subf %g, %one : f32
    tensor.yield %h : f32
  } : tensor<?x?x?x?xf32>
  return %t : tensor<?x?x?x?xf32>
}
func.func @gen5(%d0: index, %d1: index, %d2: index, %d3: index, %d4: index, %seed: index) -> tensor<?x?x?x?x?xf32> {
  %t = tensor.generate %d0, %d1, %d2, %d3, %d4 {
  ^bb0(%i0: index, %i1: index, %i2: index, %i3: index, %i4: index):
    %c0 = arith.constant 7 : index
    %m0 = arith.muli %i0, %c0 : index
    %s0 = arith.addi %seed, %m0 : index
    %c1 = arith.constant 13 : index
    %m1 = arith.muli %i1, %c1 : index
    %s1 = arith.addi %s0, %m1 : index
    %c2 = arith.constant 3 : index
    %m2 = arith.muli %i2, %c2 : index
    %s2 = arith.addi %s1, %m2 : index
    %c3 = arith.constant 5 : index
    %m3 = arith.muli %i3, %c3 : index
    %s3 = arith.addi %s2, %m3 : index
    %c4 = arith.constant 11 : index
    %m4 = arith.muli %i4, %c4 : index
    %s4 = arith.addi %s3, %m4 : index
    %c17 = arith.constant 17 : index
    %r = arith.remui %s4, %c17 : index
    %ri = arith.index_cast %r : index to i32
    %f = arith.sitofp %ri : i32 to f32
    %c8 = arith.constant 0.125 : f32
    %g = arith.mulf %f, %c8 : f32
    %one = arith.constant 1.0 : f32
    %h = arith.subf %g, %one : f32
    tensor.yield %h : f32
  } : tensor<?x?x?x?x?xf32>
  return %t : tensor<?x?x?x?x?xf32>
}
