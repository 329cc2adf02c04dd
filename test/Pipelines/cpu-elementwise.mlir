// Elementwise chains (broadcast, math functions), dynamic and odd shapes, transposes, concat/pad through tl-cpu-pipeline.
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

#id4 = affine_map<(n, c, h, w) -> (n, c, h, w)>
#ch4 = affine_map<(n, c, h, w) -> (c)>
// Bias (broadcast over channels), scale, tanh, exp, sigmoid chain over an
// odd NCHW shape: one fused loop nest.
func.func @chain(%x: tensor<2x3x17x19xf32>, %y: tensor<2x3x17x19xf32>, %b: tensor<3xf32>) -> tensor<2x3x17x19xf32> {
  %e = tensor.empty() : tensor<2x3x17x19xf32>
  %one = arith.constant 1.0 : f32
  %half = arith.constant 0.5 : f32
  %t0 = linalg.generic {indexing_maps = [#id4, #ch4, #id4], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
     ins(%x, %b : tensor<2x3x17x19xf32>, tensor<3xf32>) outs(%e : tensor<2x3x17x19xf32>) {
  ^bb0(%a: f32, %c: f32, %o: f32):
    %s = arith.addf %a, %c : f32
    linalg.yield %s : f32
  } -> tensor<2x3x17x19xf32>
  %t1 = linalg.generic {indexing_maps = [#id4, #id4, #id4], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
     ins(%t0, %y : tensor<2x3x17x19xf32>, tensor<2x3x17x19xf32>) outs(%e : tensor<2x3x17x19xf32>) {
  ^bb0(%a: f32, %c: f32, %o: f32):
    %m = arith.mulf %a, %c : f32
    %t = math.tanh %m : f32
    %x1 = math.exp %a : f32
    %d = arith.addf %x1, %one : f32
    %sg = arith.divf %one, %d : f32
    %r = arith.addf %t, %sg : f32
    linalg.yield %r : f32
  } -> tensor<2x3x17x19xf32>
  %t2 = linalg.generic {indexing_maps = [#id4, #id4], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
     ins(%t1 : tensor<2x3x17x19xf32>) outs(%e : tensor<2x3x17x19xf32>) {
  ^bb0(%a: f32, %o: f32):
    %m = arith.mulf %a, %half : f32
    %er = math.erf %m : f32
    %l = math.log1p %er : f32
    linalg.yield %l : f32
  } -> tensor<2x3x17x19xf32>
  return %t2 : tensor<2x3x17x19xf32>
}
// Dynamic leading dimension, 1-D tail of 7.
func.func @dynamic(%x: tensor<?x7xf32>) -> tensor<?x7xf32> {
  %c0 = arith.constant 0 : index
  %n = tensor.dim %x, %c0 : tensor<?x7xf32>
  %e = tensor.empty(%n) : tensor<?x7xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]}
     ins(%x : tensor<?x7xf32>) outs(%e : tensor<?x7xf32>) {
  ^bb0(%a: f32, %o: f32):
    %m = arith.mulf %a, %a : f32
    %s = math.sqrt %m : f32
    linalg.yield %s : f32
  } -> tensor<?x7xf32>
  return %r : tensor<?x7xf32>
}
// Transposes.
func.func @transpose(%x: tensor<37x53xf32>) -> tensor<53x37xf32> {
  %e = tensor.empty() : tensor<53x37xf32>
  %r = linalg.transpose ins(%x : tensor<37x53xf32>) outs(%e : tensor<53x37xf32>) permutation = [1, 0]
  return %r : tensor<53x37xf32>
}
func.func @transpose4(%x: tensor<2x5x6x7xf32>) -> tensor<2x6x7x5xf32> {
  %e = tensor.empty() : tensor<2x6x7x5xf32>
  %r = linalg.transpose ins(%x : tensor<2x5x6x7xf32>) outs(%e : tensor<2x6x7x5xf32>) permutation = [0, 2, 3, 1]
  return %r : tensor<2x6x7x5xf32>
}
// Concatenation and padding with a non-zero value.
func.func @concat_pad(%x: tensor<2x5x7xf32>, %y: tensor<2x3x7xf32>) -> tensor<2x10x11xf32> {
  %c = tensor.concat dim(1) %x, %y : (tensor<2x5x7xf32>, tensor<2x3x7xf32>) -> tensor<2x8x7xf32>
  %v = arith.constant -2.5 : f32
  %p = tensor.pad %c low[0, 1, 3] high[0, 1, 1] {
  ^bb0(%a: index, %b: index, %d: index):
    tensor.yield %v : f32
  } : tensor<2x8x7xf32> to tensor<2x10x11xf32>
  return %p : tensor<2x10x11xf32>
}
// A large 1-D op, split across tasks and lanes.
func.func @large(%x: tensor<70001xf32>, %y: tensor<70001xf32>) -> tensor<70001xf32> {
  %e = tensor.empty() : tensor<70001xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(i) -> (i)>, affine_map<(i) -> (i)>, affine_map<(i) -> (i)>], iterator_types = ["parallel"]}
     ins(%x, %y : tensor<70001xf32>, tensor<70001xf32>) outs(%e : tensor<70001xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %m = arith.maximumf %a, %b : f32
    %n = arith.minimumf %a, %b : f32
    %c = arith.cmpf ogt, %m, %n : f32
    %s = arith.select %c, %m, %n : f32
    %r = arith.subf %s, %n : f32
    linalg.yield %r : f32
  } -> tensor<70001xf32>
  return %r : tensor<70001xf32>
}

func.func private @printMemrefF32(tensor<*xf32>) attributes {llvm.emit_c_interface}
func.func @main() {
  %c30 = arith.constant 30 : index
  %c27 = arith.constant 27 : index
  %c70001 = arith.constant 70001 : index
  %c24 = arith.constant 24 : index
  %c21 = arith.constant 21 : index
  %c18 = arith.constant 18 : index
  %c5 = arith.constant 5 : index
  %c15 = arith.constant 15 : index
  %c53 = arith.constant 53 : index
  %c37 = arith.constant 37 : index
  %c12 = arith.constant 12 : index
  %c7 = arith.constant 7 : index
  %c13 = arith.constant 13 : index
  %c9 = arith.constant 9 : index
  %c6 = arith.constant 6 : index
  %c19 = arith.constant 19 : index
  %c17 = arith.constant 17 : index
  %c3 = arith.constant 3 : index
  %c2 = arith.constant 2 : index
  %in0_0_d = func.call @gen4(%c2, %c3, %c17, %c19, %c3) : (index, index, index, index, index) -> tensor<?x?x?x?xf32>
  %in0_0 = tensor.cast %in0_0_d : tensor<?x?x?x?xf32> to tensor<2x3x17x19xf32>
  %in0_1_d = func.call @gen4(%c2, %c3, %c17, %c19, %c6) : (index, index, index, index, index) -> tensor<?x?x?x?xf32>
  %in0_1 = tensor.cast %in0_1_d : tensor<?x?x?x?xf32> to tensor<2x3x17x19xf32>
  %in0_2_d = func.call @gen1(%c3, %c9) : (index, index) -> tensor<?xf32>
  %in0_2 = tensor.cast %in0_2_d : tensor<?xf32> to tensor<3xf32>
  %r0 = func.call @chain(%in0_0, %in0_1, %in0_2) : (tensor<2x3x17x19xf32>, tensor<2x3x17x19xf32>, tensor<3xf32>) -> tensor<2x3x17x19xf32>
  %u0 = tensor.cast %r0 : tensor<2x3x17x19xf32> to tensor<*xf32>
  func.call @printMemrefF32(%u0) : (tensor<*xf32>) -> ()
  %in1_0_d = func.call @gen2(%c13, %c7, %c12) : (index, index, index) -> tensor<?x?xf32>
  %in1_0 = tensor.cast %in1_0_d : tensor<?x?xf32> to tensor<?x7xf32>
  %r1 = func.call @dynamic(%in1_0) : (tensor<?x7xf32>) -> tensor<?x7xf32>
  %u1 = tensor.cast %r1 : tensor<?x7xf32> to tensor<*xf32>
  func.call @printMemrefF32(%u1) : (tensor<*xf32>) -> ()
  %in2_0_d = func.call @gen2(%c37, %c53, %c15) : (index, index, index) -> tensor<?x?xf32>
  %in2_0 = tensor.cast %in2_0_d : tensor<?x?xf32> to tensor<37x53xf32>
  %r2 = func.call @transpose(%in2_0) : (tensor<37x53xf32>) -> tensor<53x37xf32>
  %u2 = tensor.cast %r2 : tensor<53x37xf32> to tensor<*xf32>
  func.call @printMemrefF32(%u2) : (tensor<*xf32>) -> ()
  %in3_0_d = func.call @gen4(%c2, %c5, %c6, %c7, %c18) : (index, index, index, index, index) -> tensor<?x?x?x?xf32>
  %in3_0 = tensor.cast %in3_0_d : tensor<?x?x?x?xf32> to tensor<2x5x6x7xf32>
  %r3 = func.call @transpose4(%in3_0) : (tensor<2x5x6x7xf32>) -> tensor<2x6x7x5xf32>
  %u3 = tensor.cast %r3 : tensor<2x6x7x5xf32> to tensor<*xf32>
  func.call @printMemrefF32(%u3) : (tensor<*xf32>) -> ()
  %in4_0_d = func.call @gen3(%c2, %c5, %c7, %c21) : (index, index, index, index) -> tensor<?x?x?xf32>
  %in4_0 = tensor.cast %in4_0_d : tensor<?x?x?xf32> to tensor<2x5x7xf32>
  %in4_1_d = func.call @gen3(%c2, %c3, %c7, %c24) : (index, index, index, index) -> tensor<?x?x?xf32>
  %in4_1 = tensor.cast %in4_1_d : tensor<?x?x?xf32> to tensor<2x3x7xf32>
  %r4 = func.call @concat_pad(%in4_0, %in4_1) : (tensor<2x5x7xf32>, tensor<2x3x7xf32>) -> tensor<2x10x11xf32>
  %u4 = tensor.cast %r4 : tensor<2x10x11xf32> to tensor<*xf32>
  func.call @printMemrefF32(%u4) : (tensor<*xf32>) -> ()
  %in5_0_d = func.call @gen1(%c70001, %c27) : (index, index) -> tensor<?xf32>
  %in5_0 = tensor.cast %in5_0_d : tensor<?xf32> to tensor<70001xf32>
  %in5_1_d = func.call @gen1(%c70001, %c30) : (index, index) -> tensor<?xf32>
  %in5_1 = tensor.cast %in5_1_d : tensor<?xf32> to tensor<70001xf32>
  %r5 = func.call @large(%in5_0, %in5_1) : (tensor<70001xf32>, tensor<70001xf32>) -> tensor<70001xf32>
  %u5 = tensor.cast %r5 : tensor<70001xf32> to tensor<*xf32>
  func.call @printMemrefF32(%u5) : (tensor<*xf32>) -> ()
  return
}

