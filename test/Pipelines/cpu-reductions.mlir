// Reductions (inner/outer/multi-axis, softmax, layer norm, pooling, dynamic batch) through tl-cpu-pipeline.
// Each kernel is compiled three ways -- the optimized pipeline sequentially
// and in parallel (through the chunking stand-in runtime), and the reference
// lowering to scalar loops (optimize=0) -- and the printed results compared.
//
// RUN: cat %s %S/Inputs/generators.mlir %S/Inputs/parallel_runtime.mlir | tl-opt --tl-cpu-pipeline=optimize=0 | mlir-runner -e main -entry-point-result=void --shared-libs=%mlir_c_runner_utils,%mlir_runner_utils > %t.ref
// RUN: cat %s %S/Inputs/generators.mlir %S/Inputs/parallel_runtime.mlir | tl-opt --tl-cpu-pipeline=parallel=0 | mlir-runner -e main -entry-point-result=void --shared-libs=%mlir_c_runner_utils,%mlir_runner_utils > %t.seq
// RUN: cat %s %S/Inputs/generators.mlir %S/Inputs/parallel_runtime.mlir | tl-opt --tl-cpu-pipeline | mlir-runner -e main -entry-point-result=void --shared-libs=%mlir_c_runner_utils,%mlir_runner_utils > %t.par
// RUN: %python %S/Inputs/compare_outputs.py %t.seq %t.ref | FileCheck %s
// RUN: %python %S/Inputs/compare_outputs.py %t.par %t.ref | FileCheck %s
// CHECK: 9 outputs match

// Sum over the innermost axis (lanes along the reduction).
func.func @sum_inner(%x: tensor<5x301xf32>) -> tensor<5xf32> {
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
// Max over the outermost axis (lanes along the parallel axis).
func.func @max_outer(%x: tensor<33x45xf32>) -> tensor<45xf32> {
  %ninf = arith.constant 0xFF800000 : f32
  %e = tensor.empty() : tensor<45xf32>
  %f = linalg.fill ins(%ninf : f32) outs(%e : tensor<45xf32>) -> tensor<45xf32>
  %r = linalg.reduce ins(%x : tensor<33x45xf32>) outs(%f : tensor<45xf32>) dimensions = [0]
    (%a: f32, %b: f32) {
      %s = arith.maximumf %a, %b : f32
      linalg.yield %s : f32
    }
  return %r : tensor<45xf32>
}
// Mean over H and W of NCHW (global average pooling), keepdims.
func.func @mean_hw(%x: tensor<2x6x7x7xf32>) -> tensor<2x6x1x1xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x6xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<2x6xf32>) -> tensor<2x6xf32>
  %s = linalg.reduce ins(%x : tensor<2x6x7x7xf32>) outs(%f : tensor<2x6xf32>) dimensions = [2, 3]
    (%a: f32, %b: f32) {
      %t = arith.addf %a, %b : f32
      linalg.yield %t : f32
    }
  %n = arith.constant 49.0 : f32
  %e2 = tensor.empty() : tensor<2x6xf32>
  %m = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]}
     ins(%s : tensor<2x6xf32>) outs(%e2 : tensor<2x6xf32>) {
  ^bb0(%a: f32, %o: f32):
    %d = arith.divf %a, %n : f32
    linalg.yield %d : f32
  } -> tensor<2x6xf32>
  %r = tensor.expand_shape %m [[0], [1, 2, 3]] output_shape [2, 6, 1, 1] : tensor<2x6xf32> into tensor<2x6x1x1xf32>
  return %r : tensor<2x6x1x1xf32>
}
// Softmax over the last axis of a 3-D tensor.
func.func @softmax(%x: tensor<3x4x37xf32>) -> tensor<3x4x37xf32> {
  %e = tensor.empty() : tensor<3x4x37xf32>
  %r = linalg.softmax dimension(2) ins(%x : tensor<3x4x37xf32>) outs(%e : tensor<3x4x37xf32>) -> tensor<3x4x37xf32>
  return %r : tensor<3x4x37xf32>
}
// Softmax over a middle axis.
func.func @softmax_mid(%x: tensor<3x20x9xf32>) -> tensor<3x20x9xf32> {
  %e = tensor.empty() : tensor<3x20x9xf32>
  %r = linalg.softmax dimension(1) ins(%x : tensor<3x20x9xf32>) outs(%e : tensor<3x20x9xf32>) -> tensor<3x20x9xf32>
  return %r : tensor<3x20x9xf32>
}
// Layer norm over the last axis (mean, variance, normalize).
func.func @layer_norm(%x: tensor<4x50xf32>) -> tensor<4x50xf32> {
  %zero = arith.constant 0.0 : f32
  %n = arith.constant 50.0 : f32
  %eps = arith.constant 1.0e-5 : f32
  %e1 = tensor.empty() : tensor<4xf32>
  %f1 = linalg.fill ins(%zero : f32) outs(%e1 : tensor<4xf32>) -> tensor<4xf32>
  %sum = linalg.reduce ins(%x : tensor<4x50xf32>) outs(%f1 : tensor<4xf32>) dimensions = [1]
    (%a: f32, %b: f32) {
      %t = arith.addf %a, %b : f32
      linalg.yield %t : f32
    }
  %var = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i)>, affine_map<(i, j) -> (i)>], iterator_types = ["parallel", "reduction"]}
     ins(%x, %sum : tensor<4x50xf32>, tensor<4xf32>) outs(%f1 : tensor<4xf32>) {
  ^bb0(%a: f32, %s: f32, %o: f32):
    %mean = arith.divf %s, %n : f32
    %d = arith.subf %a, %mean : f32
    %d2 = arith.mulf %d, %d : f32
    %t = arith.addf %o, %d2 : f32
    linalg.yield %t : f32
  } -> tensor<4xf32>
  %e = tensor.empty() : tensor<4x50xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i)>, affine_map<(i, j) -> (i)>, affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]}
     ins(%x, %sum, %var : tensor<4x50xf32>, tensor<4xf32>, tensor<4xf32>) outs(%e : tensor<4x50xf32>) {
  ^bb0(%a: f32, %s: f32, %v: f32, %o: f32):
    %mean = arith.divf %s, %n : f32
    %d = arith.subf %a, %mean : f32
    %vm = arith.divf %v, %n : f32
    %ve = arith.addf %vm, %eps : f32
    %rs = math.rsqrt %ve : f32
    %y = arith.mulf %d, %rs : f32
    linalg.yield %y : f32
  } -> tensor<4x50xf32>
  return %r : tensor<4x50xf32>
}
// Max pooling 3x3 stride 2 with -inf padding (ResNet), and 2x2 average.
func.func @maxpool(%x: tensor<1x4x21x21xf32>) -> tensor<1x4x11x11xf32> {
  %ninf = arith.constant 0xFF800000 : f32
  %p = tensor.pad %x low[0, 0, 1, 1] high[0, 0, 1, 1] {
  ^bb0(%a: index, %b: index, %c: index, %d: index):
    tensor.yield %ninf : f32
  } : tensor<1x4x21x21xf32> to tensor<1x4x23x23xf32>
  %k = tensor.empty() : tensor<3x3xf32>
  %e = tensor.empty() : tensor<1x4x11x11xf32>
  %f = linalg.fill ins(%ninf : f32) outs(%e : tensor<1x4x11x11xf32>) -> tensor<1x4x11x11xf32>
  %r = linalg.pooling_nchw_max {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
     ins(%p, %k : tensor<1x4x23x23xf32>, tensor<3x3xf32>) outs(%f : tensor<1x4x11x11xf32>) -> tensor<1x4x11x11xf32>
  return %r : tensor<1x4x11x11xf32>
}
func.func @avgpool(%x: tensor<2x3x10x10xf32>) -> tensor<2x3x5x5xf32> {
  %zero = arith.constant 0.0 : f32
  %k = tensor.empty() : tensor<2x2xf32>
  %e = tensor.empty() : tensor<2x3x5x5xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<2x3x5x5xf32>) -> tensor<2x3x5x5xf32>
  %s = linalg.pooling_nchw_sum {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
     ins(%x, %k : tensor<2x3x10x10xf32>, tensor<2x2xf32>) outs(%f : tensor<2x3x5x5xf32>) -> tensor<2x3x5x5xf32>
  %q = arith.constant 0.25 : f32
  %r = linalg.generic {indexing_maps = [affine_map<(n, c, h, w) -> (n, c, h, w)>, affine_map<(n, c, h, w) -> (n, c, h, w)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
     ins(%s : tensor<2x3x5x5xf32>) outs(%e : tensor<2x3x5x5xf32>) {
  ^bb0(%a: f32, %o: f32):
    %d = arith.mulf %a, %q : f32
    linalg.yield %d : f32
  } -> tensor<2x3x5x5xf32>
  return %r : tensor<2x3x5x5xf32>
}
// Dynamic-batch sum over the last axis.
func.func @sum_dyn(%x: tensor<?x67xf32>) -> tensor<?xf32> {
  %c0 = arith.constant 0 : index
  %n = tensor.dim %x, %c0 : tensor<?x67xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty(%n) : tensor<?xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<?xf32>) -> tensor<?xf32>
  %r = linalg.reduce ins(%x : tensor<?x67xf32>) outs(%f : tensor<?xf32>) dimensions = [1]
    (%a: f32, %b: f32) {
      %s = arith.addf %a, %b : f32
      linalg.yield %s : f32
    }
  return %r : tensor<?xf32>
}

func.func private @printMemrefF32(tensor<*xf32>) attributes {llvm.emit_c_interface}
func.func @main() {
  %c27 = arith.constant 27 : index
  %c67 = arith.constant 67 : index
  %c24 = arith.constant 24 : index
  %c10 = arith.constant 10 : index
  %c21 = arith.constant 21 : index
  %c1 = arith.constant 1 : index
  %c18 = arith.constant 18 : index
  %c50 = arith.constant 50 : index
  %c15 = arith.constant 15 : index
  %c20 = arith.constant 20 : index
  %c12 = arith.constant 12 : index
  %c37 = arith.constant 37 : index
  %c4 = arith.constant 4 : index
  %c9 = arith.constant 9 : index
  %c7 = arith.constant 7 : index
  %c2 = arith.constant 2 : index
  %c6 = arith.constant 6 : index
  %c45 = arith.constant 45 : index
  %c33 = arith.constant 33 : index
  %c3 = arith.constant 3 : index
  %c301 = arith.constant 301 : index
  %c5 = arith.constant 5 : index
  %in0_0_d = func.call @gen2(%c5, %c301, %c3) : (index, index, index) -> tensor<?x?xf32>
  %in0_0 = tensor.cast %in0_0_d : tensor<?x?xf32> to tensor<5x301xf32>
  %r0 = func.call @sum_inner(%in0_0) : (tensor<5x301xf32>) -> tensor<5xf32>
  %u0 = tensor.cast %r0 : tensor<5xf32> to tensor<*xf32>
  func.call @printMemrefF32(%u0) : (tensor<*xf32>) -> ()
  %in1_0_d = func.call @gen2(%c33, %c45, %c6) : (index, index, index) -> tensor<?x?xf32>
  %in1_0 = tensor.cast %in1_0_d : tensor<?x?xf32> to tensor<33x45xf32>
  %r1 = func.call @max_outer(%in1_0) : (tensor<33x45xf32>) -> tensor<45xf32>
  %u1 = tensor.cast %r1 : tensor<45xf32> to tensor<*xf32>
  func.call @printMemrefF32(%u1) : (tensor<*xf32>) -> ()
  %in2_0_d = func.call @gen4(%c2, %c6, %c7, %c7, %c9) : (index, index, index, index, index) -> tensor<?x?x?x?xf32>
  %in2_0 = tensor.cast %in2_0_d : tensor<?x?x?x?xf32> to tensor<2x6x7x7xf32>
  %r2 = func.call @mean_hw(%in2_0) : (tensor<2x6x7x7xf32>) -> tensor<2x6x1x1xf32>
  %u2 = tensor.cast %r2 : tensor<2x6x1x1xf32> to tensor<*xf32>
  func.call @printMemrefF32(%u2) : (tensor<*xf32>) -> ()
  %in3_0_d = func.call @gen3(%c3, %c4, %c37, %c12) : (index, index, index, index) -> tensor<?x?x?xf32>
  %in3_0 = tensor.cast %in3_0_d : tensor<?x?x?xf32> to tensor<3x4x37xf32>
  %r3 = func.call @softmax(%in3_0) : (tensor<3x4x37xf32>) -> tensor<3x4x37xf32>
  %u3 = tensor.cast %r3 : tensor<3x4x37xf32> to tensor<*xf32>
  func.call @printMemrefF32(%u3) : (tensor<*xf32>) -> ()
  %in4_0_d = func.call @gen3(%c3, %c20, %c9, %c15) : (index, index, index, index) -> tensor<?x?x?xf32>
  %in4_0 = tensor.cast %in4_0_d : tensor<?x?x?xf32> to tensor<3x20x9xf32>
  %r4 = func.call @softmax_mid(%in4_0) : (tensor<3x20x9xf32>) -> tensor<3x20x9xf32>
  %u4 = tensor.cast %r4 : tensor<3x20x9xf32> to tensor<*xf32>
  func.call @printMemrefF32(%u4) : (tensor<*xf32>) -> ()
  %in5_0_d = func.call @gen2(%c4, %c50, %c18) : (index, index, index) -> tensor<?x?xf32>
  %in5_0 = tensor.cast %in5_0_d : tensor<?x?xf32> to tensor<4x50xf32>
  %r5 = func.call @layer_norm(%in5_0) : (tensor<4x50xf32>) -> tensor<4x50xf32>
  %u5 = tensor.cast %r5 : tensor<4x50xf32> to tensor<*xf32>
  func.call @printMemrefF32(%u5) : (tensor<*xf32>) -> ()
  %in6_0_d = func.call @gen4(%c1, %c4, %c21, %c21, %c21) : (index, index, index, index, index) -> tensor<?x?x?x?xf32>
  %in6_0 = tensor.cast %in6_0_d : tensor<?x?x?x?xf32> to tensor<1x4x21x21xf32>
  %r6 = func.call @maxpool(%in6_0) : (tensor<1x4x21x21xf32>) -> tensor<1x4x11x11xf32>
  %u6 = tensor.cast %r6 : tensor<1x4x11x11xf32> to tensor<*xf32>
  func.call @printMemrefF32(%u6) : (tensor<*xf32>) -> ()
  %in7_0_d = func.call @gen4(%c2, %c3, %c10, %c10, %c24) : (index, index, index, index, index) -> tensor<?x?x?x?xf32>
  %in7_0 = tensor.cast %in7_0_d : tensor<?x?x?x?xf32> to tensor<2x3x10x10xf32>
  %r7 = func.call @avgpool(%in7_0) : (tensor<2x3x10x10xf32>) -> tensor<2x3x5x5xf32>
  %u7 = tensor.cast %r7 : tensor<2x3x5x5xf32> to tensor<*xf32>
  func.call @printMemrefF32(%u7) : (tensor<*xf32>) -> ()
  %in8_0_d = func.call @gen2(%c6, %c67, %c27) : (index, index, index) -> tensor<?x?xf32>
  %in8_0 = tensor.cast %in8_0_d : tensor<?x?xf32> to tensor<?x67xf32>
  %r8 = func.call @sum_dyn(%in8_0) : (tensor<?x67xf32>) -> tensor<?xf32>
  %u8 = tensor.cast %r8 : tensor<?xf32> to tensor<*xf32>
  func.call @printMemrefF32(%u8) : (tensor<*xf32>) -> ()
  return
}

