//===- PrepareCodegen.cpp - the tl-prepare-codegen pass -------------------===//
//
// Puts ops that tl-tile-and-fuse does not handle into structured form:
// paddings into a fill plus an insert of the source (the fill is tiled and
// vectorized like any elementwise op, the insert becomes a vectorized copy),
// concatenations into inserts, and aggregate ops such as linalg.softmax into
// their generic decomposition.
//
//===----------------------------------------------------------------------===//

#include "tlc/Transforms/Passes.h"

#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Dialect/Tensor/Transforms/Transforms.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir::tlc {
#define GEN_PASS_DEF_TLPREPARECODEGEN
#include "tlc/Transforms/Passes.h.inc"
} // namespace mlir::tlc

using namespace mlir;

namespace {
struct PrepareCodegenPass
    : public tlc::impl::TLPrepareCodegenBase<PrepareCodegenPass> {
  void runOnOperation() override {
    func::FuncOp func = getOperation();
    IRRewriter rewriter(&getContext());

    SmallVector<linalg::AggregatedOpInterface> aggregates;
    func.walk([&](linalg::AggregatedOpInterface op) {
      aggregates.push_back(op);
    });
    for (linalg::AggregatedOpInterface op : aggregates) {
      rewriter.setInsertionPoint(op);
      FailureOr<SmallVector<Value>> parts = op.decomposeOperation(rewriter);
      if (failed(parts)) {
        op->emitOpError("could not be decomposed for the CPU codegen");
        return signalPassFailure();
      }
      rewriter.replaceOp(op, *parts);
    }

    RewritePatternSet patterns(&getContext());
    linalg::populateDecomposePadPatterns(patterns);
    tensor::populateDecomposeTensorConcatPatterns(patterns);
    if (failed(applyPatternsGreedily(func, std::move(patterns))))
      return signalPassFailure();
  }
};
} // namespace
