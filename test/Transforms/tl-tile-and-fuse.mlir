// RUN: tl-opt %s --split-input-file --tl-tile-and-fuse --canonicalize --cse | FileCheck %s
// RUN: tl-opt %s --split-input-file --tl-tile-and-fuse="parallel=0" --canonicalize --cse | FileCheck %s --check-prefix=SEQ

// A matmul: an scf.forall over blocks of rows and columns with the fill fused
// in, a loop over 256-deep blocks of k, 8x32 register tiles and a loop of
// single k iterations inside.
// CHECK-LABEL: func.func @matmul
// CHECK-SAME: (%[[A:.*]]: tensor<256x300xf32>, %[[B:.*]]: tensor<300x512xf32>)
// CHECK: %[[R:.*]] = scf.forall (%[[I:.*]], %[[J:.*]]) = (0, 0) to (256, 512) step (32, 256) shared_outs(%[[OUT:.*]] = %{{.*}})
// CHECK:   %[[INIT:.*]] = scf.for
// CHECK:     linalg.fill {{.*}} -> tensor<1x64xf32>
// CHECK:   scf.for %[[K:.*]] = %{{.*}} to %{{.*}} step %c256 iter_args(%{{.*}} = %[[INIT]])
// CHECK:     scf.for %{{.*}} step %c8
// CHECK:       scf.for %{{.*}} step %c32
// CHECK:         scf.for %{{.*}} step %c1
// CHECK:           linalg.matmul ins(%{{.*}}, %{{.*}} : tensor<8x1xf32>, tensor<1x32xf32>) outs(%{{.*}} : tensor<8x32xf32>)
// CHECK:   scf.forall.in_parallel
// CHECK: return %[[R]]

// Without parallelism the blocks are sequential loops.
// SEQ-LABEL: func.func @matmul
// SEQ-NOT: scf.forall
// SEQ: linalg.matmul ins(%{{.*}}, %{{.*}} : tensor<8x1xf32>, tensor<1x32xf32>) outs(%{{.*}} : tensor<8x32xf32>)
func.func @matmul(%a: tensor<256x300xf32>, %b: tensor<300x512xf32>) -> tensor<256x512xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<256x512xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<256x512xf32>) -> tensor<256x512xf32>
  %r = linalg.matmul ins(%a, %b : tensor<256x300xf32>, tensor<300x512xf32>) outs(%f : tensor<256x512xf32>) -> tensor<256x512xf32>
  return %r : tensor<256x512xf32>
}

// -----

// Register tiles are peeled: full 8x32 tiles have static shapes, the rest
// (3 rows, 29 columns) are separate loops.
// CHECK-LABEL: func.func @peeled
// CHECK-DAG: linalg.matmul ins(%{{.*}}, %{{.*}} : tensor<8x1xf32>, tensor<1x32xf32>) outs(%{{.*}} : tensor<8x32xf32>)
// CHECK-DAG: linalg.matmul ins(%{{.*}}, %{{.*}} : tensor<8x1xf32>, tensor<1x29xf32>) outs(%{{.*}} : tensor<8x29xf32>)
// CHECK-DAG: linalg.matmul ins(%{{.*}}, %{{.*}} : tensor<3x1xf32>, tensor<1x32xf32>) outs(%{{.*}} : tensor<3x32xf32>)
// CHECK-DAG: linalg.matmul ins(%{{.*}}, %{{.*}} : tensor<3x1xf32>, tensor<1x29xf32>) outs(%{{.*}} : tensor<3x29xf32>)
func.func @peeled(%a: tensor<67x45xf32>, %b: tensor<45x93xf32>, %c: tensor<67x93xf32>) -> tensor<67x93xf32> {
  %r = linalg.matmul ins(%a, %b : tensor<67x45xf32>, tensor<45x93xf32>) outs(%c : tensor<67x93xf32>) -> tensor<67x93xf32>
  return %r : tensor<67x93xf32>
}

// -----

// Elementwise: blocks of rows in parallel, 64-lane tiles along the row and a
// peeled 40-lane tail.
// CHECK-LABEL: func.func @elementwise
// CHECK: scf.forall (%{{.*}}) = (0) to (300) step (34)
// CHECK:   scf.for
// CHECK:     scf.for %{{.*}} = %c0 to %c960 step %c64
// CHECK:       linalg.generic {{.*}} ins(%{{.*}} : tensor<1x64xf32>) outs(%{{.*}} : tensor<1x64xf32>)
// CHECK:     linalg.generic {{.*}} ins(%{{.*}} : tensor<1x40xf32>) outs(%{{.*}} : tensor<1x40xf32>)
func.func @elementwise(%x: tensor<300x1000xf32>) -> tensor<300x1000xf32> {
  %e = tensor.empty() : tensor<300x1000xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]}
     ins(%x : tensor<300x1000xf32>) outs(%e : tensor<300x1000xf32>) {
  ^bb0(%a: f32, %o: f32):
    %m = math.exp %a : f32
    linalg.yield %m : f32
  } -> tensor<300x1000xf32>
  return %r : tensor<300x1000xf32>
}

// -----

// A reduction along the innermost axis: one row at a time, 64-lane chunks of
// the reduction and a peeled tail; too small to be parallel.
// CHECK-LABEL: func.func @row_sum
// CHECK-NOT: scf.forall
// CHECK: scf.for %{{.*}} = %c0 to %c5 step %c1
// CHECK:   linalg.fill {{.*}} -> tensor<1xf32>
// CHECK:   scf.for %{{.*}} = %c0 to %c256 step %c64
// CHECK:     linalg.reduce ins(%{{.*}} : tensor<1x64xf32>) outs(%{{.*}} : tensor<1xf32>)
// CHECK:   linalg.reduce ins(%{{.*}} : tensor<1x45xf32>) outs(%{{.*}} : tensor<1xf32>)
func.func @row_sum(%x: tensor<5x301xf32>) -> tensor<5xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<5xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<5xf32>) -> tensor<5xf32>
  %r = linalg.reduce ins(%x : tensor<5x301xf32>) outs(%f : tensor<5xf32>) dimensions = [1]
    (%a: f32, %b: f32) {
      %s = arith.addf %a, %b : f32
      linalg.yield %s : f32
    }
  return %r : tensor<5xf32>
}

// -----

// A convolution built by tl-pack-conv-filters (lanes: output channels of a
// block, loop 7; rows: output columns, loop 3): tasks over channel blocks
// and output rows, register tiles of 7 columns x 32 channels with the fill
// fused in, and unit loops over input channels and the window innermost.
// CHECK-LABEL: func.func @packed_conv
// CHECK: scf.forall (%{{.*}}, %{{.*}}) = (0, 0) to (2, 28) step (1, 14)
// CHECK:   scf.for %{{.*}} = %c0 to %c14 step %c1
// CHECK:     scf.for %{{.*}} = %c0 to %c28 step %c7
// CHECK:       %[[FILL:.*]] = linalg.fill {{.*}} -> tensor<1x32x1x7xf32>
// CHECK:       scf.for %{{.*}} = %c0 to %c16 step %c1 iter_args(%{{.*}} = %[[FILL]])
// CHECK:         scf.for %{{.*}} = %c0 to %c3 step %c1
// CHECK:           scf.for %{{.*}} = %c0 to %c3 step %c1
// CHECK:             linalg.generic {{.*}} ins(%{{.*}}, %{{.*}} : tensor<1x1x1x7xf32>, tensor<1x1x1x1x32xf32>) outs(%{{.*}} : tensor<1x32x1x7xf32>) attrs = {tl.lane_dim = 7 : i64, tl.row_dim = 3 : i64}
#in = affine_map<(n, fo, oh, ow, c, kh, kw, fi) -> (n, c, oh + kh, ow + kw)>
#filter = affine_map<(n, fo, oh, ow, c, kh, kw, fi) -> (fo, c, kh, kw, fi)>
#out = affine_map<(n, fo, oh, ow, c, kh, kw, fi) -> (n, fo * 32 + fi, oh, ow)>
func.func @packed_conv(%x: tensor<1x16x30x30xf32>, %w: tensor<2x16x3x3x32xf32>) -> tensor<1x64x28x28xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x64x28x28xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x64x28x28xf32>) -> tensor<1x64x28x28xf32>
  %r = linalg.generic {indexing_maps = [#in, #filter, #out],
                       iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction", "parallel"]}
     ins(%x, %w : tensor<1x16x30x30xf32>, tensor<2x16x3x3x32xf32>) outs(%f : tensor<1x64x28x28xf32>) attrs = {tl.lane_dim = 7 : i64, tl.row_dim = 3 : i64} {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %m = arith.mulf %a, %b : f32
    %s = arith.addf %o, %m : f32
    linalg.yield %s : f32
  } -> tensor<1x64x28x28xf32>
  return %r : tensor<1x64x28x28xf32>
}

// -----

// Flipped filters (2 - kh) cannot be sliced at the tile origin: left whole.
// CHECK-LABEL: func.func @flipped
// CHECK-NOT: scf.for
// CHECK: linalg.generic
func.func @flipped(%w: tensor<4x3x3xf32>) -> tensor<4x3x3xf32> {
  %e = tensor.empty() : tensor<4x3x3xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(c, h, w) -> (c, -h + 2, -w + 2)>, affine_map<(c, h, w) -> (c, h, w)>], iterator_types = ["parallel", "parallel", "parallel"]}
     ins(%w : tensor<4x3x3xf32>) outs(%e : tensor<4x3x3xf32>) {
  ^bb0(%a: f32, %o: f32):
    linalg.yield %a : f32
  } -> tensor<4x3x3xf32>
  return %r : tensor<4x3x3xf32>
}

// -----

// The epilogue of a convolution (bias, residual and ReLU) updates the
// convolution's result in place and joins its blocks and register tiles:
// each 7x32 tile is followed by the epilogue on the same slice, with the
// bias and residual slices of the block taken before the tile loops.
// CHECK-LABEL: func.func @conv_epilogue
// CHECK-SAME: (%[[X:.*]]: tensor<1x16x30x30xf32>, %[[W:.*]]: tensor<2x16x3x3x32xf32>, %[[BIAS:.*]]: tensor<64xf32>, %[[RES:.*]]: tensor<1x64x28x28xf32>)
// CHECK: %[[R:.*]] = scf.forall (%[[F:.*]], %[[H:.*]]) = (0, 0) to (2, 28) step (1, 14)
// CHECK:   %[[BIASB:.*]] = tensor.extract_slice %[[BIAS]]
// CHECK:   %[[RESB:.*]] = tensor.extract_slice %[[RES]]
// CHECK:   scf.for
// CHECK:     scf.for %{{.*}} = %c0 to %c28 step %c7 iter_args(%[[DEST:.*]] = %{{.*}})
// CHECK:       %[[ACC:.*]] = scf.for
// CHECK:         linalg.generic {{.*}} outs(%{{.*}} : tensor<1x32x1x7xf32>) attrs = {tl.lane_dim = 7 : i64, tl.row_dim = 3 : i64}
// CHECK:       %[[RT:.*]] = tensor.extract_slice %[[RESB]]
// CHECK:       %[[E:.*]] = linalg.generic {{.*}} ins(%[[BIASB]], %[[RT]] : tensor<32xf32>, tensor<1x32x1x7xf32>) outs(%[[ACC]] : tensor<1x32x1x7xf32>)
// CHECK:         arith.addf
// CHECK:         arith.addf
// CHECK:         arith.maximumf
// CHECK:       tensor.insert_slice %[[E]] into %[[DEST]]
// CHECK:   scf.forall.in_parallel
// CHECK-NOT: linalg.generic
// CHECK: return %[[R]]

// Without parallelism the epilogue still follows each register tile.
// SEQ-LABEL: func.func @conv_epilogue
// SEQ: %[[ACC:.*]] = scf.for {{.*}} -> (tensor<1x32x1x7xf32>)
// SEQ:   linalg.generic {{.*}} outs(%{{.*}} : tensor<1x32x1x7xf32>) attrs = {tl.lane_dim = 7 : i64, tl.row_dim = 3 : i64}
// SEQ: linalg.generic {{.*}} outs(%[[ACC]] : tensor<1x32x1x7xf32>)
#in = affine_map<(n, fo, oh, ow, c, kh, kw, fi) -> (n, c, oh + kh, ow + kw)>
#filter = affine_map<(n, fo, oh, ow, c, kh, kw, fi) -> (fo, c, kh, kw, fi)>
#out = affine_map<(n, fo, oh, ow, c, kh, kw, fi) -> (n, fo * 32 + fi, oh, ow)>
#id = affine_map<(n, c, h, w) -> (n, c, h, w)>
#chan = affine_map<(n, c, h, w) -> (c)>
func.func @conv_epilogue(%x: tensor<1x16x30x30xf32>, %w: tensor<2x16x3x3x32xf32>, %bias: tensor<64xf32>, %res: tensor<1x64x28x28xf32>) -> tensor<1x64x28x28xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x64x28x28xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x64x28x28xf32>) -> tensor<1x64x28x28xf32>
  %c = linalg.generic {indexing_maps = [#in, #filter, #out],
                       iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction", "parallel"]}
     ins(%x, %w : tensor<1x16x30x30xf32>, tensor<2x16x3x3x32xf32>) outs(%f : tensor<1x64x28x28xf32>) attrs = {tl.lane_dim = 7 : i64, tl.row_dim = 3 : i64} {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %m = arith.mulf %a, %b : f32
    %s = arith.addf %o, %m : f32
    linalg.yield %s : f32
  } -> tensor<1x64x28x28xf32>
  %e2 = tensor.empty() : tensor<1x64x28x28xf32>
  %r = linalg.generic {indexing_maps = [#id, #chan, #id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
     ins(%c, %bias, %res : tensor<1x64x28x28xf32>, tensor<64xf32>, tensor<1x64x28x28xf32>) outs(%e2 : tensor<1x64x28x28xf32>) {
  ^bb0(%v: f32, %b: f32, %s: f32, %o: f32):
    %1 = arith.addf %v, %b : f32
    %2 = arith.addf %1, %s : f32
    %3 = arith.maximumf %2, %zero : f32
    linalg.yield %3 : f32
  } -> tensor<1x64x28x28xf32>
  return %r : tensor<1x64x28x28xf32>
}

// -----

// A matmul whose k loop is split into blocks only has final values after the
// last block: its epilogue joins the matmul's blocks, after the k loop, and
// is tiled like an elementwise op there.
// CHECK-LABEL: func.func @matmul_epilogue
// CHECK: %[[R:.*]] = scf.forall
// CHECK:   %[[ACC:.*]] = scf.for %{{.*}} step %c256
// CHECK:     linalg.matmul
// CHECK:   %[[E:.*]] = scf.for
// CHECK:     linalg.generic {{.*}} outs(%{{.*}} : tensor<1x64xf32>)
// CHECK:       arith.maximumf
// CHECK:   tensor.parallel_insert_slice %[[E]]
// CHECK: return %[[R]]
func.func @matmul_epilogue(%a: tensor<256x300xf32>, %b: tensor<300x512xf32>) -> tensor<256x512xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<256x512xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<256x512xf32>) -> tensor<256x512xf32>
  %m = linalg.matmul ins(%a, %b : tensor<256x300xf32>, tensor<300x512xf32>) outs(%f : tensor<256x512xf32>) -> tensor<256x512xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]}
     ins(%m : tensor<256x512xf32>) outs(%e : tensor<256x512xf32>) {
  ^bb0(%v: f32, %o: f32):
    %1 = arith.maximumf %v, %zero : f32
    linalg.yield %1 : f32
  } -> tensor<256x512xf32>
  return %r : tensor<256x512xf32>
}

// -----

// A consumer that does not read the result elementwise stays apart.
// CHECK-LABEL: func.func @not_an_epilogue
// CHECK: %[[M:.*]] = scf.for
// CHECK:   linalg.matmul
// CHECK: scf.for
// CHECK:   tensor.extract_slice %[[M]]
// CHECK:   linalg.generic
func.func @not_an_epilogue(%a: tensor<64x64xf32>, %b: tensor<64x64xf32>) -> tensor<64x64xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<64x64xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<64x64xf32>) -> tensor<64x64xf32>
  %m = linalg.matmul ins(%a, %b : tensor<64x64xf32>, tensor<64x64xf32>) outs(%f : tensor<64x64xf32>) -> tensor<64x64xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(i, j) -> (j, i)>, affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]}
     ins(%m : tensor<64x64xf32>) outs(%e : tensor<64x64xf32>) {
  ^bb0(%v: f32, %o: f32):
    linalg.yield %v : f32
  } -> tensor<64x64xf32>
  return %r : tensor<64x64xf32>
}

// -----

// A consumer that would have no input left and uses linalg.index (the
// divisor of an average pool) stays apart (upstream vectorization mishandles
// such generics).
// CHECK-LABEL: func.func @pool_divisor
// CHECK: %[[SUM:.*]] = scf.for
// CHECK:   linalg.pooling_nchw_sum
// CHECK: scf.for
// CHECK:   tensor.extract_slice %[[SUM]]
// CHECK:   linalg.index
func.func @pool_divisor(%x: tensor<1x3x32x32xf32>) -> tensor<1x3x30x30xf32> {
  %zero = arith.constant 0.0 : f32
  %k = tensor.empty() : tensor<3x3xf32>
  %e = tensor.empty() : tensor<1x3x30x30xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x3x30x30xf32>) -> tensor<1x3x30x30xf32>
  %s = linalg.pooling_nchw_sum {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
     ins(%x, %k : tensor<1x3x32x32xf32>, tensor<3x3xf32>) outs(%f : tensor<1x3x30x30xf32>) -> tensor<1x3x30x30xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(n, c, h, w) -> (n, c, h, w)>, affine_map<(n, c, h, w) -> (n, c, h, w)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
     ins(%s : tensor<1x3x30x30xf32>) outs(%e : tensor<1x3x30x30xf32>) {
  ^bb0(%v: f32, %o: f32):
    %i = linalg.index 3 : index
    %n = arith.index_cast %i : index to i64
    %d = arith.sitofp %n : i64 to f32
    %q = arith.divf %v, %d : f32
    linalg.yield %q : f32
  } -> tensor<1x3x30x30xf32>
  return %r : tensor<1x3x30x30xf32>
}

// -----

// B packed on every call (tl-pack-matmul on a variable operand): a
// sequential loop over blocks of 256 columns (8 panels) packs each block's
// panels right before the distributed contraction uses them.
// CHECK-LABEL: func.func @packed_per_block
// CHECK-SAME: (%[[A:.*]]: tensor<512x512xf32>, %[[B:.*]]: tensor<512x1024xf32>)
// CHECK: %[[B3:.*]] = tensor.expand_shape %[[B]]
// CHECK: scf.for %[[N:.*]] = %c0 to %c32 step %c8 iter_args(%[[C:.*]] = %{{.*}})
// CHECK:   %[[BBLOCK:.*]] = tensor.extract_slice %[[B3]][0, %[[N]], 0] [512, 8, 32]
// CHECK:   %[[PACKED:.*]] = scf.forall
// CHECK:     tensor.extract_slice %[[BBLOCK]]
// CHECK:     linalg.transpose
// CHECK:   scf.forall
// CHECK:     tensor.extract_slice %[[PACKED]]
// CHECK:     linalg.generic
// CHECK:   tensor.insert_slice %{{.*}} into %[[C]][0, %[[N]], 0] [512, 8, 32]
// CHECK-NOT: linalg.transpose

// Without parallelism the whole B is packed first, as before.
// SEQ-LABEL: func.func @packed_per_block
// SEQ-NOT: step %c8 iter_args
// SEQ: linalg.transpose
func.func @packed_per_block(%a: tensor<512x512xf32>, %b: tensor<512x1024xf32>) -> tensor<512x1024xf32> {
  %zero = arith.constant 0.0 : f32
  %b3 = tensor.expand_shape %b [[0], [1, 2]] output_shape [512, 32, 32] : tensor<512x1024xf32> into tensor<512x32x32xf32>
  %pe = tensor.empty() : tensor<32x512x32xf32>
  %packed = linalg.transpose ins(%b3 : tensor<512x32x32xf32>) outs(%pe : tensor<32x512x32xf32>) permutation = [1, 0, 2]
  %e = tensor.empty() : tensor<512x32x32xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<512x32x32xf32>) -> tensor<512x32x32xf32>
  %c = linalg.generic {indexing_maps = [affine_map<(m, n1, n0, k) -> (m, k)>, affine_map<(m, n1, n0, k) -> (n1, k, n0)>, affine_map<(m, n1, n0, k) -> (m, n1, n0)>],
                       iterator_types = ["parallel", "parallel", "parallel", "reduction"]}
     ins(%a, %packed : tensor<512x512xf32>, tensor<32x512x32xf32>) outs(%f : tensor<512x32x32xf32>) {
  ^bb0(%x: f32, %y: f32, %o: f32):
    %m = arith.mulf %x, %y : f32
    %s = arith.addf %o, %m : f32
    linalg.yield %s : f32
  } -> tensor<512x32x32xf32>
  %r = tensor.collapse_shape %c [[0], [1, 2]] : tensor<512x32x32xf32> into tensor<512x1024xf32>
  return %r : tensor<512x1024xf32>
}

// -----

// Ops with a static empty loop do not run: an elementwise op on an empty
// tensor yields its (empty) init, a sum over an empty dim its filled
// accumulator. Nothing is tiled (the trip count would be zero).
// CHECK-LABEL: func.func @empty_loops
// CHECK-SAME: (%[[X:.*]]: tensor<3x0x5xf32>, %[[Y:.*]]: tensor<4x0xf32>)
// CHECK-DAG: %[[E:.*]] = tensor.empty() : tensor<3x0x5xf32>
// CHECK-DAG: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-DAG: %[[ACC:.*]] = tensor.empty() : tensor<4xf32>
// CHECK: %[[FILL:.*]] = linalg.fill ins(%[[ZERO]] : f32) outs(%[[ACC]] : tensor<4xf32>)
// CHECK-NOT: linalg.generic
// CHECK-NOT: scf.forall
// CHECK: return %[[E]], %[[FILL]]
#map3 = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
#map2 = affine_map<(d0, d1) -> (d0, d1)>
#red = affine_map<(d0, d1) -> (d0)>
func.func @empty_loops(%x: tensor<3x0x5xf32>, %y: tensor<4x0xf32>) -> (tensor<3x0x5xf32>, tensor<4xf32>) {
  %e = tensor.empty() : tensor<3x0x5xf32>
  %r = linalg.generic {indexing_maps = [#map3, #map3], iterator_types = ["parallel", "parallel", "parallel"]}
      ins(%x : tensor<3x0x5xf32>) outs(%e : tensor<3x0x5xf32>) {
  ^bb0(%a: f32, %b: f32):
    %c0 = arith.constant 0.0 : f32
    %m = arith.maximumf %a, %c0 : f32
    linalg.yield %m : f32
  } -> tensor<3x0x5xf32>
  %zero = arith.constant 0.0 : f32
  %acc = tensor.empty() : tensor<4xf32>
  %fill = linalg.fill ins(%zero : f32) outs(%acc : tensor<4xf32>) -> tensor<4xf32>
  %s = linalg.generic {indexing_maps = [#map2, #red], iterator_types = ["parallel", "reduction"]}
      ins(%y : tensor<4x0xf32>) outs(%fill : tensor<4xf32>) {
  ^bb0(%a: f32, %b: f32):
    %add = arith.addf %a, %b : f32
    linalg.yield %add : f32
  } -> tensor<4xf32>
  return %r, %s : tensor<3x0x5xf32>, tensor<4xf32>
}
