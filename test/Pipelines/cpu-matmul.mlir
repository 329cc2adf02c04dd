// Contractions (blocked matmul with odd sizes, dense with transposed weights, matvec, batch_matmul, dynamic batch, 1x1) through tl-cpu-pipeline.
// Each kernel is compiled three ways -- the optimized pipeline sequentially
// and in parallel (through the chunking stand-in runtime), and the reference
// lowering to scalar loops (optimize=0) -- and the printed results compared.
//
// RUN: cat %s %S/Inputs/generators.mlir %S/Inputs/parallel_runtime.mlir | tl-opt --tl-cpu-pipeline=optimize=0 | mlir-runner -e main -entry-point-result=void --shared-libs=%mlir_c_runner_utils,%mlir_runner_utils > %t.ref
// RUN: cat %s %S/Inputs/generators.mlir %S/Inputs/parallel_runtime.mlir | tl-opt --tl-cpu-pipeline=parallel=0 | mlir-runner -e main -entry-point-result=void --shared-libs=%mlir_c_runner_utils,%mlir_runner_utils > %t.seq
// RUN: cat %s %S/Inputs/generators.mlir %S/Inputs/parallel_runtime.mlir | tl-opt --tl-cpu-pipeline | mlir-runner -e main -entry-point-result=void --shared-libs=%mlir_c_runner_utils,%mlir_runner_utils > %t.par
// RUN: %python %S/Inputs/compare_outputs.py %t.seq %t.ref | FileCheck %s
// RUN: %python %S/Inputs/compare_outputs.py %t.par %t.ref | FileCheck %s
// CHECK: 6 outputs match

// Crosses every blocking boundary: M > 128, N > 256, K > 256, all odd.
func.func @matmul(%a: tensor<150x301xf32>, %b: tensor<301x263xf32>) -> tensor<150x263xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<150x263xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<150x263xf32>) -> tensor<150x263xf32>
  %r = linalg.matmul ins(%a, %b : tensor<150x301xf32>, tensor<301x263xf32>) outs(%f : tensor<150x263xf32>) -> tensor<150x263xf32>
  return %r : tensor<150x263xf32>
}
// Dense layer: x W^T + b, ReLU (weights [N, K] as exported by PyTorch).
func.func @dense(%x: tensor<7x45xf32>, %w: tensor<19x45xf32>, %b: tensor<19xf32>) -> tensor<7x19xf32> {
  %e = tensor.empty() : tensor<7x19xf32>
  %bb = linalg.broadcast ins(%b : tensor<19xf32>) outs(%e : tensor<7x19xf32>) dimensions = [0]
  %m = linalg.matmul indexing_maps = [affine_map<(m, n, k) -> (m, k)>, affine_map<(m, n, k) -> (n, k)>, affine_map<(m, n, k) -> (m, n)>]
     ins(%x, %w : tensor<7x45xf32>, tensor<19x45xf32>) outs(%bb : tensor<7x19xf32>) -> tensor<7x19xf32>
  %zero = arith.constant 0.0 : f32
  %r = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]}
     ins(%m : tensor<7x19xf32>) outs(%e : tensor<7x19xf32>) {
  ^bb0(%a: f32, %o: f32):
    %y = arith.maximumf %a, %zero : f32
    linalg.yield %y : f32
  } -> tensor<7x19xf32>
  return %r : tensor<7x19xf32>
}
// Matrix-vector product (batch-1 dense layer).
func.func @matvec(%x: tensor<1x200xf32>, %w: tensor<200x300xf32>) -> tensor<1x300xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x300xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x300xf32>) -> tensor<1x300xf32>
  %r = linalg.matmul ins(%x, %w : tensor<1x200xf32>, tensor<200x300xf32>) outs(%f : tensor<1x300xf32>) -> tensor<1x300xf32>
  return %r : tensor<1x300xf32>
}
func.func @batch_matmul(%a: tensor<3x17x9xf32>, %b: tensor<3x9x35xf32>) -> tensor<3x17x35xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<3x17x35xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<3x17x35xf32>) -> tensor<3x17x35xf32>
  %r = linalg.batch_matmul ins(%a, %b : tensor<3x17x9xf32>, tensor<3x9x35xf32>) outs(%f : tensor<3x17x35xf32>) -> tensor<3x17x35xf32>
  return %r : tensor<3x17x35xf32>
}
// Dynamic batch of a dense layer.
func.func @dyn(%x: tensor<?x33xf32>, %w: tensor<33x40xf32>) -> tensor<?x40xf32> {
  %c0 = arith.constant 0 : index
  %n = tensor.dim %x, %c0 : tensor<?x33xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty(%n) : tensor<?x40xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<?x40xf32>) -> tensor<?x40xf32>
  %r = linalg.matmul ins(%x, %w : tensor<?x33xf32>, tensor<33x40xf32>) outs(%f : tensor<?x40xf32>) -> tensor<?x40xf32>
  return %r : tensor<?x40xf32>
}
// Sizes of one.
func.func @tiny(%a: tensor<1x1xf32>, %b: tensor<1x1xf32>) -> tensor<1x1xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x1xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x1xf32>) -> tensor<1x1xf32>
  %r = linalg.matmul ins(%a, %b : tensor<1x1xf32>, tensor<1x1xf32>) outs(%f : tensor<1x1xf32>) -> tensor<1x1xf32>
  return %r : tensor<1x1xf32>
}

func.func private @printMemrefF32(tensor<*xf32>) attributes {llvm.emit_c_interface}
func.func @main() {
  %c39 = arith.constant 39 : index
  %c36 = arith.constant 36 : index
  %c40 = arith.constant 40 : index
  %c30 = arith.constant 30 : index
  %c33 = arith.constant 33 : index
  %c27 = arith.constant 27 : index
  %c35 = arith.constant 35 : index
  %c24 = arith.constant 24 : index
  %c17 = arith.constant 17 : index
  %c21 = arith.constant 21 : index
  %c300 = arith.constant 300 : index
  %c18 = arith.constant 18 : index
  %c200 = arith.constant 200 : index
  %c1 = arith.constant 1 : index
  %c15 = arith.constant 15 : index
  %c12 = arith.constant 12 : index
  %c19 = arith.constant 19 : index
  %c9 = arith.constant 9 : index
  %c45 = arith.constant 45 : index
  %c7 = arith.constant 7 : index
  %c6 = arith.constant 6 : index
  %c263 = arith.constant 263 : index
  %c3 = arith.constant 3 : index
  %c301 = arith.constant 301 : index
  %c150 = arith.constant 150 : index
  %in0_0_d = func.call @gen2(%c150, %c301, %c3) : (index, index, index) -> tensor<?x?xf32>
  %in0_0 = tensor.cast %in0_0_d : tensor<?x?xf32> to tensor<150x301xf32>
  %in0_1_d = func.call @gen2(%c301, %c263, %c6) : (index, index, index) -> tensor<?x?xf32>
  %in0_1 = tensor.cast %in0_1_d : tensor<?x?xf32> to tensor<301x263xf32>
  %r0 = func.call @matmul(%in0_0, %in0_1) : (tensor<150x301xf32>, tensor<301x263xf32>) -> tensor<150x263xf32>
  %u0 = tensor.cast %r0 : tensor<150x263xf32> to tensor<*xf32>
  func.call @printMemrefF32(%u0) : (tensor<*xf32>) -> ()
  %in1_0_d = func.call @gen2(%c7, %c45, %c9) : (index, index, index) -> tensor<?x?xf32>
  %in1_0 = tensor.cast %in1_0_d : tensor<?x?xf32> to tensor<7x45xf32>
  %in1_1_d = func.call @gen2(%c19, %c45, %c12) : (index, index, index) -> tensor<?x?xf32>
  %in1_1 = tensor.cast %in1_1_d : tensor<?x?xf32> to tensor<19x45xf32>
  %in1_2_d = func.call @gen1(%c19, %c15) : (index, index) -> tensor<?xf32>
  %in1_2 = tensor.cast %in1_2_d : tensor<?xf32> to tensor<19xf32>
  %r1 = func.call @dense(%in1_0, %in1_1, %in1_2) : (tensor<7x45xf32>, tensor<19x45xf32>, tensor<19xf32>) -> tensor<7x19xf32>
  %u1 = tensor.cast %r1 : tensor<7x19xf32> to tensor<*xf32>
  func.call @printMemrefF32(%u1) : (tensor<*xf32>) -> ()
  %in2_0_d = func.call @gen2(%c1, %c200, %c18) : (index, index, index) -> tensor<?x?xf32>
  %in2_0 = tensor.cast %in2_0_d : tensor<?x?xf32> to tensor<1x200xf32>
  %in2_1_d = func.call @gen2(%c200, %c300, %c21) : (index, index, index) -> tensor<?x?xf32>
  %in2_1 = tensor.cast %in2_1_d : tensor<?x?xf32> to tensor<200x300xf32>
  %r2 = func.call @matvec(%in2_0, %in2_1) : (tensor<1x200xf32>, tensor<200x300xf32>) -> tensor<1x300xf32>
  %u2 = tensor.cast %r2 : tensor<1x300xf32> to tensor<*xf32>
  func.call @printMemrefF32(%u2) : (tensor<*xf32>) -> ()
  %in3_0_d = func.call @gen3(%c3, %c17, %c9, %c24) : (index, index, index, index) -> tensor<?x?x?xf32>
  %in3_0 = tensor.cast %in3_0_d : tensor<?x?x?xf32> to tensor<3x17x9xf32>
  %in3_1_d = func.call @gen3(%c3, %c9, %c35, %c27) : (index, index, index, index) -> tensor<?x?x?xf32>
  %in3_1 = tensor.cast %in3_1_d : tensor<?x?x?xf32> to tensor<3x9x35xf32>
  %r3 = func.call @batch_matmul(%in3_0, %in3_1) : (tensor<3x17x9xf32>, tensor<3x9x35xf32>) -> tensor<3x17x35xf32>
  %u3 = tensor.cast %r3 : tensor<3x17x35xf32> to tensor<*xf32>
  func.call @printMemrefF32(%u3) : (tensor<*xf32>) -> ()
  %in4_0_d = func.call @gen2(%c21, %c33, %c30) : (index, index, index) -> tensor<?x?xf32>
  %in4_0 = tensor.cast %in4_0_d : tensor<?x?xf32> to tensor<?x33xf32>
  %in4_1_d = func.call @gen2(%c33, %c40, %c33) : (index, index, index) -> tensor<?x?xf32>
  %in4_1 = tensor.cast %in4_1_d : tensor<?x?xf32> to tensor<33x40xf32>
  %r4 = func.call @dyn(%in4_0, %in4_1) : (tensor<?x33xf32>, tensor<33x40xf32>) -> tensor<?x40xf32>
  %u4 = tensor.cast %r4 : tensor<?x40xf32> to tensor<*xf32>
  func.call @printMemrefF32(%u4) : (tensor<*xf32>) -> ()
  %in5_0_d = func.call @gen2(%c1, %c1, %c36) : (index, index, index) -> tensor<?x?xf32>
  %in5_0 = tensor.cast %in5_0_d : tensor<?x?xf32> to tensor<1x1xf32>
  %in5_1_d = func.call @gen2(%c1, %c1, %c39) : (index, index, index) -> tensor<?x?xf32>
  %in5_1 = tensor.cast %in5_1_d : tensor<?x?xf32> to tensor<1x1xf32>
  %r5 = func.call @tiny(%in5_0, %in5_1) : (tensor<1x1xf32>, tensor<1x1xf32>) -> tensor<1x1xf32>
  %u5 = tensor.cast %r5 : tensor<1x1xf32> to tensor<*xf32>
  func.call @printMemrefF32(%u5) : (tensor<*xf32>) -> ()
  return
}

