//===- CPUPipeline.h - tl to LLVM for CPUs ----------------------*- C++ -*-===//

#ifndef TLC_PIPELINES_CPUPIPELINE_H
#define TLC_PIPELINES_CPUPIPELINE_H

#include "mlir/Pass/PassOptions.h"

namespace mlir {
class OpPassManager;
namespace tlc {

struct CPUPipelineOptions : public PassPipelineOptions<CPUPipelineOptions> {
  // Codegen options are added here as the pipeline grows.
};

/// tl (or linalg on tensors) -> LLVM dialect. Every public function keeps its
/// name and gets a C-interface wrapper `_mlir_ciface_<name>` taking pointers
/// to memref descriptors; its results are returned as memrefs whose buffers
/// the caller owns and releases with free().
void buildCPUPipeline(OpPassManager &pm, const CPUPipelineOptions &options);

/// Registers `tl-cpu-pipeline` with the global pass registry.
void registerCPUPipeline();

} // namespace tlc
} // namespace mlir

#endif // TLC_PIPELINES_CPUPIPELINE_H
