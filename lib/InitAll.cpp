//===- InitAll.cpp - Register every tlc dialect, pass and pipeline --------===//

#include "tlc/InitAll.h"

#include "tl/IR/TLDialect.h"
#include "tl/Transforms/Passes.h"
#include "tlc/Conversion/Passes.h"
#include "tlc/Pipelines/CPUPipeline.h"
#include "tlc/Transforms/Passes.h"
#include "tlc/Target/CPU/Passes.h"

#include "mlir/IR/DialectRegistry.h"

void mlir::tlc::registerAllDialects(DialectRegistry &registry) {
  registry.insert<tl::TLDialect>();
}

void mlir::tlc::registerAllPasses() {
  tl::registerTLPasses();
  registerTLCConversionPasses();
  registerCPUPipeline();
  registerTLCTransformsPasses();
  registerTLCTargetCPUPasses();
}
