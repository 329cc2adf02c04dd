//===- CPUPipeline.h - tl to LLVM for CPUs ----------------------*- C++ -*-===//

#ifndef TLC_PIPELINES_CPUPIPELINE_H
#define TLC_PIPELINES_CPUPIPELINE_H

#include "mlir/Pass/PassOptions.h"

namespace mlir {
class OpPassManager;
namespace tlc {

struct CPUPipelineOptions : public PassPipelineOptions<CPUPipelineOptions> {
  PassOptions::Option<bool> parallel{
      *this, "parallel",
      llvm::cl::desc("Run the outer loop of each op on the artifact runtime's "
                     "thread pool (tlrt_parallel_for); off: sequential code "
                     "with no runtime dependency"),
      llvm::cl::init(true)};
  PassOptions::Option<bool> optimize{
      *this, "optimize",
      llvm::cl::desc("Tile, fuse and vectorize; off: every op becomes plain "
                     "scalar loops (the reference lowering tests compare "
                     "against)"),
      llvm::cl::init(true)};
  PassOptions::Option<bool> runtimeAllocator{
      *this, "runtime-allocator",
      llvm::cl::desc("Allocate and free buffers through "
                     "_mlir_memref_to_llvm_alloc/_aligned_alloc/_free (which "
                     "the runtime provides, e.g. caching freed blocks to avoid "
                     "page faults on every run) instead of malloc/free; the "
                     "blocks of returned buffers must still be free()-able"),
      llvm::cl::init(false)};
  PassOptions::Option<bool> outParams{
      *this, "out-params",
      llvm::cl::desc("Public functions write their static-shaped results "
                     "into buffers the caller passes as trailing arguments "
                     "(tl-results-to-out-params) instead of returning fresh "
                     "allocations"),
      llvm::cl::init(false)};
  PassOptions::Option<int64_t> vectorWidth{
      *this, "vector-width",
      llvm::cl::desc("f32 lanes of a machine vector (16: AVX-512, 8: AVX2, "
                     "4: SSE/NEON); 0 picks the host's"),
      llvm::cl::init(0)};
};

/// tl (or linalg on tensors) -> LLVM dialect:
///
///   convert-tl-to-linalg, tl-prepare-codegen, tl-pack-conv-filters,
///   tl-fold-constant-transposes, linalg-fuse-elementwise-ops,
///   tl-tile-and-fuse, tl-vectorize, one-shot-bufferize, buffer
///   deallocation, tl-lower-copies, linalg loops (fallback),
///   tl-lower-vectors, tl-parallel-to-runtime (or sequential foralls),
///   conversion to LLVM.
///
/// Every public function keeps its name and gets a C-interface wrapper
/// `_mlir_ciface_<name>` taking pointers to memref descriptors; its results
/// are returned as memrefs whose buffers are fresh heap allocations the
/// caller owns and releases with free() (never a global, an argument or a
/// view of another buffer). With `out-params`, results of static shapes are
/// instead written into caller buffers passed as trailing arguments marked
/// `tl.result = <result index>`. With `parallel`, the code calls
///
///   void tlrt_parallel_for(int64_t n,
///                          void (*fn)(void *ctx, int64_t begin, int64_t end),
///                          void *ctx);
///
/// which the artifact runtime provides.
void buildCPUPipeline(OpPassManager &pm, const CPUPipelineOptions &options);

/// f32 lanes of the host's widest vector unit that the pipeline targets.
int64_t getHostVectorWidth();

/// Registers `tl-cpu-pipeline` with the global pass registry.
void registerCPUPipeline();

} // namespace tlc
} // namespace mlir

#endif // TLC_PIPELINES_CPUPIPELINE_H
