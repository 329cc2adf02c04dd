//===- CPUPipeline.cpp - tl to LLVM for CPUs ------------------------------===//

#include "tlc/Pipelines/CPUPipeline.h"

#include "tlc/Conversion/Passes.h"
#include "tlc/Transforms/Passes.h"

#include "mlir/Conversion/Passes.h"
#include "mlir/Dialect/Arith/Transforms/Passes.h"
#include "mlir/Dialect/Bufferization/Pipelines/Passes.h"
#include "mlir/Dialect/Bufferization/Transforms/Passes.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/Passes.h"
#include "mlir/Dialect/Math/Transforms/Passes.h"
#include "mlir/Dialect/MemRef/Transforms/Passes.h"
#include "mlir/Dialect/SCF/Transforms/Passes.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/TargetParser/Host.h"

using namespace mlir;

int64_t mlir::tlc::getHostVectorWidth() {
  llvm::StringMap<bool> features = llvm::sys::getHostCPUFeatures();
  if (features.lookup("avx512f"))
    return 16;
  if (features.lookup("avx"))
    return 8;
  return 4;
}

void mlir::tlc::buildCPUPipeline(OpPassManager &pm,
                                 const CPUPipelineOptions &options) {
  int64_t vectorWidth =
      options.vectorWidth > 0 ? int64_t(options.vectorWidth)
                              : getHostVectorWidth();

  // tl to linalg on tensors, in the forms the tiling expects.
  pm.addNestedPass<func::FuncOp>(tlc::createConvertTLToLinalg());
  pm.addNestedPass<func::FuncOp>(tlc::createTLRequestCInterfaces());
  pm.addPass(createCanonicalizerPass());
  if (!options.optimize)
    pm.addNestedPass<func::FuncOp>(tlc::createTLPrepareCodegen());
  if (options.optimize) {
    tlc::TLPackConvFiltersOptions packing;
    packing.laneBlock = 2 * vectorWidth;
    pm.addNestedPass<func::FuncOp>(tlc::createTLPackConvFilters(packing));
    tlc::TLPackMatmulOptions matmulPacking;
    matmulPacking.laneBlock = 2 * vectorWidth;
    pm.addNestedPass<func::FuncOp>(tlc::createTLPackMatmul(matmulPacking));
    pm.addNestedPass<func::FuncOp>(tlc::createTLFoldConstantTransposes());
    pm.addPass(createLinalgElementwiseOpFusionPass());
    pm.addPass(createCanonicalizerPass());
    pm.addPass(createCSEPass());
    // After CSE, which would merge the fills of same-shaped paddings into
    // one buffer that every padding then has to copy.
    pm.addNestedPass<func::FuncOp>(tlc::createTLPrepareCodegen());

    // Tiling, fusion and vectorization on tensors.
    tlc::TLTileAndFuseOptions tiling;
    tiling.parallel = options.parallel;
    tiling.vectorWidth = vectorWidth;
    pm.addNestedPass<func::FuncOp>(tlc::createTLTileAndFuse(tiling));
    pm.addPass(createCanonicalizerPass());
    pm.addPass(createCSEPass());
    pm.addNestedPass<func::FuncOp>(tlc::createTLVectorize());
    pm.addPass(createCanonicalizerPass());
    pm.addPass(createCSEPass());
  }

  // Buffers: results are fresh allocations owned by the caller (the
  // deallocation pipeline clones returned views, arguments and globals).
  pm.addPass(bufferization::createEmptyTensorEliminationPass());
  bufferization::OneShotBufferizePassOptions bufferize;
  bufferize.bufferizeFunctionBoundaries = true;
  bufferize.functionBoundaryTypeConversion =
      bufferization::LayoutMapOption::IdentityLayoutMap;
  // Loops over time steps (recurrent layers) may yield a state that fusion
  // moved into a fresh tensor.
  bufferize.allowReturnAllocsFromLoops = true;
  pm.addPass(bufferization::createOneShotBufferizePass(bufferize));
  // CSE makes the subviews of in-place tile updates identical, so that their
  // copies-to-self fold away.
  pm.addPass(createCSEPass());
  pm.addPass(createCanonicalizerPass());
  bufferization::BufferDeallocationPipelineOptions dealloc;
  bufferization::buildBufferDeallocationPipeline(pm, dealloc);
  pm.addPass(createConvertBufferizationToMemRefPass());
  pm.addNestedPass<func::FuncOp>(tlc::createTLCopyAliasedResults());
  if (options.outParams) {
    pm.addPass(tlc::createTLResultsToOutParams());
    pm.addPass(createCanonicalizerPass());
  }
  pm.addNestedPass<func::FuncOp>(tlc::createTLPlanBuffers());
  tlc::TLLowerCopiesOptions copies;
  copies.vectorWidth = vectorWidth;
  pm.addPass(tlc::createTLLowerCopies(copies));
  pm.addNestedPass<func::FuncOp>(createConvertLinalgToLoopsPass());

  // Vectors to 1-D machine operations, then threads and LLVM. Math functions
  // without an LLVM intrinsic are expanded first (into ones that the vector
  // lowering approximates), integer powers become helper functions, and
  // what is left after conversion goes to libm.
  math::MathExpandOpsPassOptions expand;
  expand.opMnemonics = {"asinh", "acosh", "atanh"};
  pm.addPass(math::createMathExpandOpsPass(expand));
  pm.addPass(tlc::createTLLowerVectors());
  pm.addPass(createConvertMathToFuncs());
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
  if (options.parallel && options.optimize)
    pm.addPass(tlc::createTLParallelToRuntime());
  else
    pm.addPass(createForallToForLoopPass());
  pm.addPass(memref::createExpandStridedMetadataPass());
  pm.addPass(createLowerAffinePass());
  pm.addPass(arith::createArithExpandOpsPass());
  pm.addPass(createSCFToControlFlowPass());
  ConvertVectorToLLVMPassOptions vectorToLLVM;
  vectorToLLVM.reassociateFPReductions = true;
  pm.addPass(createConvertVectorToLLVMPass(vectorToLLVM));
  // Unlike convert-to-llvm, lowers memref.reshape to dynamic shapes.
  FinalizeMemRefToLLVMConversionPassOptions memrefToLLVM;
  memrefToLLVM.useGenericFunctions = options.runtimeAllocator;
  pm.addPass(createFinalizeMemRefToLLVMConversionPass(memrefToLLVM));
  pm.addPass(createConvertMathToLLVMPass());
  pm.addPass(createConvertMathToLibmPass());
  pm.addPass(createConvertToLLVMPass());
  pm.addPass(createReconcileUnrealizedCastsPass());
  pm.addPass(createCanonicalizerPass());
}

void mlir::tlc::registerCPUPipeline() {
  PassPipelineRegistration<CPUPipelineOptions>(
      "tl-cpu-pipeline",
      "Lower tl (or linalg on tensors) to the LLVM dialect for CPUs",
      buildCPUPipeline);
}
