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

#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Dialect/Tensor/Transforms/Transforms.h"
#include "mlir/Dialect/Tensor/Utils/Utils.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir::tlc {
#define GEN_PASS_DEF_TLPREPARECODEGEN
#include "tlc/Transforms/Passes.h.inc"
} // namespace mlir::tlc

using namespace mlir;

namespace {

/// tensor.pad of a static shape with a uniform value -> fill + insert_slice,
/// with the fill placed before the producer of the source when possible:
/// empty-tensor elimination can then make the producer write into the
/// interior of the padded buffer instead of a copy.
struct DecomposeStaticPad : public OpRewritePattern<tensor::PadOp> {
  DecomposeStaticPad(MLIRContext *ctx)
      : OpRewritePattern<tensor::PadOp>(ctx, /*benefit=*/2) {}

  LogicalResult matchAndRewrite(tensor::PadOp pad,
                                PatternRewriter &rewriter) const override {
    RankedTensorType type = pad.getResultType();
    if (!type.hasStaticShape())
      return failure();
    auto yield = cast<tensor::YieldOp>(pad.getBody()->getTerminator());
    Value value = yield.getValue();
    Operation *valueDef = value.getDefiningOp();
    bool inside = valueDef && pad->isAncestor(valueDef);
    if (inside && !matchPattern(value, m_Constant()))
      return failure();
    if (!inside && !valueDef)
      return failure(); // A block argument: the index-dependent form.

    Location loc = pad.getLoc();
    // Early insertion point: right before the source's producer.
    Operation *producer = pad.getSource().getDefiningOp();
    if (producer && producer->getBlock() == pad->getBlock() &&
        (inside || valueDef->isBeforeInBlock(producer)))
      rewriter.setInsertionPoint(producer);
    else
      rewriter.setInsertionPoint(pad);
    Value padValue =
        inside ? rewriter.clone(*valueDef)->getResult(0) : value;
    // An allocation, not a tensor.empty: CSE would merge the buffers of
    // same-shaped paddings, and then every padding copies the shared one.
    Value empty = bufferization::AllocTensorOp::create(rewriter, loc, type,
                                                       ValueRange{});
    Value fill =
        linalg::FillOp::create(rewriter, loc, padValue, empty).getResult(0);
    rewriter.setInsertionPoint(pad);
    SmallVector<OpFoldResult> sizes =
        tensor::getMixedSizes(rewriter, loc, pad.getSource());
    SmallVector<OpFoldResult> strides(type.getRank(), rewriter.getIndexAttr(1));
    rewriter.replaceOpWithNewOp<tensor::InsertSliceOp>(
        pad, pad.getSource(), fill, pad.getMixedLowPad(), sizes, strides);
    return success();
  }
};

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
    patterns.add<DecomposeStaticPad>(&getContext());
    linalg::populateDecomposePadPatterns(patterns);
    tensor::populateDecomposeTensorConcatPatterns(patterns);
    if (failed(applyPatternsGreedily(func, std::move(patterns))))
      return signalPassFailure();
  }
};
} // namespace
