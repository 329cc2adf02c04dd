// RUN: tl-opt %s --tl-cpu-pipeline="vector-width=16" | FileCheck %s
// RUN: tl-opt %s --tl-cpu-pipeline="vector-width=16" | FileCheck %s --check-prefix=DECL
// RUN: tl-opt %s --tl-cpu-pipeline="vector-width=16 parallel=0" | FileCheck %s --check-prefix=SEQ
// RUN: tl-opt %s --tl-cpu-pipeline="optimize=0" | FileCheck %s --check-prefix=REF

// The matmul (B packed into panels first) ends as parallel regions, one of
// which holds the register-tile FMAs on 32-lane rows (two 16-lane
// registers); sequentially the same FMAs are in the function itself; the
// reference lowering has scalar code only.
// CHECK-LABEL: llvm.func @matmul(
// CHECK: llvm.call @tlrt_parallel_for(%{{.*}}, %{{.*}}, %{{.*}}) : (i64, !llvm.ptr, !llvm.ptr) -> ()
// CHECK-LABEL: llvm.func @_mlir_ciface_matmul(
// CHECK: llvm.func internal @matmul_parallel_{{[0-9]+}}(
// CHECK: llvm.intr.fma{{(add)?}}({{.*}} (vector<32xf32>, vector<32xf32>, vector<32xf32>) -> vector<32xf32>
// DECL: llvm.func @tlrt_parallel_for(i64, !llvm.ptr, !llvm.ptr)

// SEQ-NOT: tlrt_parallel_for
// SEQ-LABEL: llvm.func @matmul(
// SEQ: llvm.intr.fma{{(add)?}}({{.*}} (vector<32xf32>, vector<32xf32>, vector<32xf32>) -> vector<32xf32>

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
