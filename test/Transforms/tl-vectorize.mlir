// RUN: tl-opt %s --split-input-file --tl-vectorize | FileCheck %s

// A matmul register tile in a k loop: a vector contraction whose accumulator
// is read before the loop, carried as a vector and written once after it.
// CHECK-LABEL: func.func @matmul_tile
// CHECK-SAME: (%[[A:.*]]: tensor<8x64xf32>, %[[B:.*]]: tensor<64x32xf32>, %[[C:.*]]: tensor<8x32xf32>)
// CHECK: %[[INIT:.*]] = vector.transfer_read %[[C]]{{.*}} : tensor<8x32xf32>, vector<8x32xf32>
// CHECK: %[[ACC:.*]] = scf.for %[[K:.*]] = {{.*}} iter_args(%[[ITER:.*]] = %[[INIT]]) -> (vector<8x32xf32>)
// CHECK:   %[[LHS:.*]] = vector.transfer_read %[[A]][%{{.*}}, %[[K]]]
// CHECK:   %[[RHS:.*]] = vector.transfer_read %[[B]][%[[K]], %{{.*}}]
// CHECK:   %[[NEXT:.*]] = vector.contract {{.*}} %[[LHS]], %[[RHS]], %[[ITER]]
// CHECK:   scf.yield %[[NEXT]] : vector<8x32xf32>
// CHECK: %[[R:.*]] = vector.transfer_write %[[ACC]], %[[C]]
// CHECK: return %[[R]]
func.func @matmul_tile(%a: tensor<8x64xf32>, %b: tensor<64x32xf32>, %c: tensor<8x32xf32>) -> tensor<8x32xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c64 = arith.constant 64 : index
  %r = scf.for %k = %c0 to %c64 step %c1 iter_args(%acc = %c) -> tensor<8x32xf32> {
    %sa = tensor.extract_slice %a[0, %k] [8, 1] [1, 1] : tensor<8x64xf32> to tensor<8x1xf32>
    %sb = tensor.extract_slice %b[%k, 0] [1, 32] [1, 1] : tensor<64x32xf32> to tensor<1x32xf32>
    %m = linalg.matmul ins(%sa, %sb : tensor<8x1xf32>, tensor<1x32xf32>) outs(%acc : tensor<8x32xf32>) -> tensor<8x32xf32>
    scf.yield %m : tensor<8x32xf32>
  }
  return %r : tensor<8x32xf32>
}

// -----

// A stride-2 convolution tile (4 output columns x 32 output channels): each
// row multiplies a broadcast input element by the contiguous filter vector;
// the accumulator is read as columns x channels through a transposing map.
// CHECK-LABEL: func.func @conv_tile
// CHECK-SAME: (%[[X:.*]]: tensor<1x1x1x9xf32>, %[[W:.*]]: tensor<1x1x1x1x32xf32>, %[[O:.*]]: tensor<1x32x1x4xf32>)
// CHECK-DAG: %[[C0:.*]] = arith.constant 0 : index
// CHECK-DAG: %[[C2:.*]] = arith.constant 2 : index
// CHECK-DAG: %[[C6:.*]] = arith.constant 6 : index
// CHECK: %[[ACC:.*]] = vector.transfer_read %[[O]]{{.*}} permutation_map = #[[TRANSPOSED:.*]]} : tensor<1x32x1x4xf32>, vector<4x32xf32>
// CHECK: %[[E0:.*]] = tensor.extract %[[X]][%[[C0]], %[[C0]], %[[C0]], %[[C0]]]
// CHECK: %[[B0:.*]] = vector.broadcast %[[E0]] : f32 to vector<32xf32>
// CHECK: %[[E1:.*]] = tensor.extract %[[X]][%[[C0]], %[[C0]], %[[C0]], %[[C2]]]
// CHECK: tensor.extract %[[X]][%[[C0]], %[[C0]], %[[C0]], %[[C6]]]
// CHECK: %[[F:.*]] = vector.transfer_read %[[W]]{{.*}} : tensor<1x1x1x1x32xf32>, vector<32xf32>
// CHECK: %[[ROW0:.*]] = vector.extract %[[ACC]][0]
// CHECK: %[[P0:.*]] = arith.mulf %[[B0]], %[[F]] fastmath<contract>
// CHECK: arith.addf %[[ROW0]], %[[P0]] fastmath<contract>
// CHECK-COUNT-3: vector.insert
// CHECK: vector.transfer_write {{.*}}, %[[O]]{{.*}} permutation_map = #[[TRANSPOSED]]} : vector<4x32xf32>, tensor<1x32x1x4xf32>
#in = affine_map<(n, fo, oh, ow, c, kh, kw, fi) -> (n, c, oh + kh, ow * 2 + kw)>
#filter = affine_map<(n, fo, oh, ow, c, kh, kw, fi) -> (fo, c, kh, kw, fi)>
#out = affine_map<(n, fo, oh, ow, c, kh, kw, fi) -> (n, fo * 32 + fi, oh, ow)>
func.func @conv_tile(%x: tensor<1x1x1x9xf32>, %w: tensor<1x1x1x1x32xf32>, %o: tensor<1x32x1x4xf32>) -> tensor<1x32x1x4xf32> {
  %r = linalg.generic {indexing_maps = [#in, #filter, #out],
                       iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction", "parallel"]}
     ins(%x, %w : tensor<1x1x1x9xf32>, tensor<1x1x1x1x32xf32>) outs(%o : tensor<1x32x1x4xf32>) attrs = {tl.lane_dim = 7 : i64, tl.row_dim = 3 : i64} {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %s = arith.addf %acc, %m : f32
    linalg.yield %s : f32
  } -> tensor<1x32x1x4xf32>
  return %r : tensor<1x32x1x4xf32>
}

// -----

// Max pooling with stride 2 along the lanes: one contiguous read compacted
// by a shuffle.
// CHECK-LABEL: func.func @pool_tile
// CHECK: %[[ACC:.*]] = vector.transfer_read %{{.*}} : tensor<1x1x1x16xf32>, vector<16xf32>
// CHECK: %[[WIDE:.*]] = vector.transfer_read %{{.*}} : tensor<1x1x1x31xf32>, vector<31xf32>
// CHECK: %[[EVEN:.*]] = vector.shuffle %[[WIDE]], %[[WIDE]] [0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30]
// CHECK: %[[MAX:.*]] = arith.maximumf %[[ACC]], %[[EVEN]]
// CHECK: vector.transfer_write %[[MAX]]
func.func @pool_tile(%x: tensor<1x1x1x31xf32>, %o: tensor<1x1x1x16xf32>) -> tensor<1x1x1x16xf32> {
  %k = tensor.empty() : tensor<1x1xf32>
  %r = linalg.pooling_nchw_max {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
     ins(%x, %k : tensor<1x1x1x31xf32>, tensor<1x1xf32>) outs(%o : tensor<1x1x1x16xf32>) -> tensor<1x1x1x16xf32>
  return %r : tensor<1x1x1x16xf32>
}

// -----

// A boundary tile of dynamic size bounded by 64: masked transfers.
// CHECK-LABEL: func.func @masked
// CHECK: %[[N:.*]] = affine.min
// CHECK: %[[MASK:.*]] = vector.create_mask %{{.*}}, %[[N]] : vector<1x64xi1>
// CHECK: %[[V:.*]] = vector.transfer_read %{{.*}}, %[[MASK]] {{.*}} : tensor<1x?xf32>, vector<1x64xf32>
// CHECK: %[[E:.*]] = math.exp %[[V]] : vector<1x64xf32>
// CHECK: vector.transfer_write %[[E]], %{{.*}}, %[[MASK]]
func.func @masked(%x: tensor<1x?xf32>, %o: tensor<1x?xf32>) -> tensor<1x?xf32> {
  %c1 = arith.constant 1 : index
  %d = tensor.dim %x, %c1 : tensor<1x?xf32>
  %n = affine.min affine_map<()[s0] -> (s0, 64)>()[%d]
  %xs = tensor.extract_slice %x[0, 0] [1, %n] [1, 1] : tensor<1x?xf32> to tensor<1x?xf32>
  %os = tensor.extract_slice %o[0, 0] [1, %n] [1, 1] : tensor<1x?xf32> to tensor<1x?xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]}
     ins(%xs : tensor<1x?xf32>) outs(%os : tensor<1x?xf32>) {
  ^bb0(%a: f32, %b: f32):
    %m = math.exp %a : f32
    linalg.yield %m : f32
  } -> tensor<1x?xf32>
  %ins = tensor.insert_slice %r into %o[0, 0] [1, %n] [1, 1] : tensor<1x?xf32> into tensor<1x?xf32>
  return %ins : tensor<1x?xf32>
}

// -----

// A filled accumulator starts as the fill value in registers.
// CHECK-LABEL: func.func @filled
// CHECK: %[[ZERO:.*]] = arith.constant dense<0.000000e+00> : vector<8x32xf32>
// CHECK: scf.for {{.*}} iter_args(%{{.*}} = %[[ZERO]]) -> (vector<8x32xf32>)
func.func @filled(%a: tensor<8x64xf32>, %b: tensor<64x32xf32>) -> tensor<8x32xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c64 = arith.constant 64 : index
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<8x32xf32>
  %c = linalg.fill ins(%zero : f32) outs(%e : tensor<8x32xf32>) -> tensor<8x32xf32>
  %r = scf.for %k = %c0 to %c64 step %c1 iter_args(%acc = %c) -> tensor<8x32xf32> {
    %sa = tensor.extract_slice %a[0, %k] [8, 1] [1, 1] : tensor<8x64xf32> to tensor<8x1xf32>
    %sb = tensor.extract_slice %b[%k, 0] [1, 32] [1, 1] : tensor<64x32xf32> to tensor<1x32xf32>
    %m = linalg.matmul ins(%sa, %sb : tensor<8x1xf32>, tensor<1x32xf32>) outs(%acc : tensor<8x32xf32>) -> tensor<8x32xf32>
    scf.yield %m : tensor<8x32xf32>
  }
  return %r : tensor<8x32xf32>
}

// -----

// Iteration spaces above max-vector-elements are left for loop lowering.
// CHECK-LABEL: func.func @too_big
// CHECK-NOT: vector.
// CHECK: linalg.generic
func.func @too_big(%x: tensor<128x128xf32>) -> tensor<128x128xf32> {
  %e = tensor.empty() : tensor<128x128xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]}
     ins(%x : tensor<128x128xf32>) outs(%e : tensor<128x128xf32>) {
  ^bb0(%a: f32, %b: f32):
    %m = math.exp %a : f32
    linalg.yield %m : f32
  } -> tensor<128x128xf32>
  return %r : tensor<128x128xf32>
}

// -----

// i1 vectors are bit-packed in memory, i1 buffers are not: left scalar.
// CHECK-LABEL: func.func @booleans
// CHECK-NOT: vector.
// CHECK: linalg.generic
func.func @booleans(%x: tensor<3xi1>) -> tensor<3xi1> {
  %e = tensor.empty() : tensor<3xi1>
  %r = linalg.generic {indexing_maps = [affine_map<(i) -> (i)>, affine_map<(i) -> (i)>], iterator_types = ["parallel"]}
     ins(%x : tensor<3xi1>) outs(%e : tensor<3xi1>) {
  ^bb0(%a: i1, %o: i1):
    %t = arith.constant true
    %n = arith.xori %a, %t : i1
    linalg.yield %n : i1
  } -> tensor<3xi1>
  return %r : tensor<3xi1>
}

// -----

// An epilogue after a convolution tile reads the accumulator that the tile
// wrote transposed: the read becomes a transpose of the accumulator vector
// and the intermediate write disappears.
// CHECK-LABEL: func.func @conv_tile_epilogue
// CHECK-SAME: (%[[X:.*]]: tensor<1x1x1x4xf32>, %[[W:.*]]: tensor<1x1x1x1x32xf32>, %[[O:.*]]: tensor<1x32x1x4xf32>)
// CHECK: %[[ACC:.*]] = vector.transfer_read %[[O]]{{.*}} : tensor<1x32x1x4xf32>, vector<4x32xf32>
// CHECK: %[[SUM:.*]] = vector.insert {{.*}} [3] : vector<32xf32> into vector<4x32xf32>
// CHECK: %[[T:.*]] = vector.transpose %[[SUM]], [1, 0] : vector<4x32xf32> to vector<32x4xf32>
// CHECK: %[[V:.*]] = vector.shape_cast %[[T]] : vector<32x4xf32> to vector<1x32x1x4xf32>
// CHECK: %[[RELU:.*]] = arith.maximumf %[[V]]
// CHECK: %[[R:.*]] = vector.transfer_write %[[RELU]], %[[O]]
// CHECK-NOT: vector.transfer_write
// CHECK: return %[[R]]
#in = affine_map<(n, fo, oh, ow, c, kh, kw, fi) -> (n, c, oh + kh, ow + kw)>
#filter = affine_map<(n, fo, oh, ow, c, kh, kw, fi) -> (fo, c, kh, kw, fi)>
#out = affine_map<(n, fo, oh, ow, c, kh, kw, fi) -> (n, fo * 32 + fi, oh, ow)>
#id = affine_map<(n, c, h, w) -> (n, c, h, w)>
func.func @conv_tile_epilogue(%x: tensor<1x1x1x4xf32>, %w: tensor<1x1x1x1x32xf32>, %o: tensor<1x32x1x4xf32>) -> tensor<1x32x1x4xf32> {
  %zero = arith.constant 0.0 : f32
  %c = linalg.generic {indexing_maps = [#in, #filter, #out],
                       iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction", "parallel"]}
     ins(%x, %w : tensor<1x1x1x4xf32>, tensor<1x1x1x1x32xf32>) outs(%o : tensor<1x32x1x4xf32>) attrs = {tl.lane_dim = 7 : i64, tl.row_dim = 3 : i64} {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %s = arith.addf %acc, %m : f32
    linalg.yield %s : f32
  } -> tensor<1x32x1x4xf32>
  %r = linalg.generic {indexing_maps = [#id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
     outs(%c : tensor<1x32x1x4xf32>) {
  ^bb0(%v: f32):
    %y = arith.maximumf %v, %zero : f32
    linalg.yield %y : f32
  } -> tensor<1x32x1x4xf32>
  return %r : tensor<1x32x1x4xf32>
}
