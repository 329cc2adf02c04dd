// RUN: tl-opt %s --tl-cpu-pipeline="vector-width=16" | FileCheck %s
// RUN: tl-opt %s --tl-cpu-pipeline="vector-width=16 parallel=0" | FileCheck %s --check-prefix=SEQ
// RUN: tl-opt %s --tl-cpu-pipeline="optimize=0" | FileCheck %s --check-prefix=REF

// The matmul ends as a parallel region whose body holds the register-tile
// FMAs on 32-lane rows (two 16-lane registers); sequentially the same FMAs are in
// the function itself; the reference lowering has scalar code only.
// CHECK-LABEL: llvm.func @matmul(
// CHECK: llvm.call @tlrt_parallel_for(%{{.*}}, %{{.*}}, %{{.*}}) : (i64, !llvm.ptr, !llvm.ptr) -> ()
// CHECK-LABEL: llvm.func @_mlir_ciface_matmul(
// CHECK-LABEL: llvm.func internal @matmul_parallel_0(
// CHECK: llvm.intr.fmuladd({{.*}}) : (vector<32xf32>, vector<32xf32>, vector<32xf32>) -> vector<32xf32>
// CHECK: llvm.func @tlrt_parallel_for(i64, !llvm.ptr, !llvm.ptr)

// SEQ-NOT: tlrt_parallel_for
// SEQ-LABEL: llvm.func @matmul(
// SEQ: llvm.intr.fmuladd({{.*}}) : (vector<32xf32>, vector<32xf32>, vector<32xf32>) -> vector<32xf32>

// REF-NOT: tlrt_parallel_for
// REF-NOT: vector<
// REF-LABEL: llvm.func @matmul(
// REF: llvm.fmul {{.*}} : f32
func.func @matmul(%a: tensor<256x256xf32>, %b: tensor<256x256xf32>) -> tensor<256x256xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<256x256xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<256x256xf32>) -> tensor<256x256xf32>
  %r = linalg.matmul ins(%a, %b : tensor<256x256xf32>, tensor<256x256xf32>) outs(%f : tensor<256x256xf32>) -> tensor<256x256xf32>
  return %r : tensor<256x256xf32>
}
