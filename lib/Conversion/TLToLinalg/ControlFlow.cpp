//===- ControlFlow.cpp - tl.if, tl.loop to scf ----------------------------===//
//
// tl.if becomes scf.if on the extracted condition; tl.loop becomes scf.while
// carrying the iteration number (index), the condition (i1), the
// loop-carried tensors and one buffer per scan output, [max_trip_count,
// element...], into which each iteration inserts its element; the scan
// outputs are the buffers' first `iterations` rows. The regions are moved
// into the scf ops; their tl ops are converted by the other patterns.
//
//===----------------------------------------------------------------------===//

#include "ElementwiseUtils.h"

#include "tlc/Conversion/TLToLinalg/TLToLinalg.h"

#include "tl/IR/TLOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Transforms/DialectConversion.h"

using namespace mlir;
using namespace mlir::tlc;

namespace {

/// The single element of `tensor` (any rank, one element).
Value extractScalar(OpBuilder &b, Location loc, Value tensor) {
  auto type = cast<RankedTensorType>(tensor.getType());
  Value zero = arith::ConstantIndexOp::create(b, loc, 0);
  SmallVector<Value> indices(type.getRank(), zero);
  return tensor::ExtractOp::create(b, loc, tensor, indices);
}

Value castTo(OpBuilder &b, Location loc, Value value, Type type) {
  if (value.getType() == type)
    return value;
  return tensor::CastOp::create(b, loc, type, value);
}

/// Replaces the tl.yield ending `block` by scf.yield of its operands cast to
/// `types`.
void replaceYield(ConversionPatternRewriter &rewriter, Block &block,
                  TypeRange types) {
  auto yield = cast<tl::YieldOp>(block.getTerminator());
  rewriter.setInsertionPoint(yield);
  SmallVector<Value> values;
  for (auto [value, type] : llvm::zip(yield.getValues(), types))
    values.push_back(castTo(rewriter, yield.getLoc(), value, type));
  rewriter.replaceOpWithNewOp<scf::YieldOp>(yield, values);
}

struct IfOpLowering : OpConversionPattern<tl::IfOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(tl::IfOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value cond = extractScalar(rewriter, loc, adaptor.getCondition());
    auto ifOp = scf::IfOp::create(rewriter, loc, op.getResultTypes(), cond,
                                  /*addThenBlock=*/false,
                                  /*addElseBlock=*/false);
    rewriter.inlineRegionBefore(op.getThenRegion(), ifOp.getThenRegion(),
                                ifOp.getThenRegion().end());
    rewriter.inlineRegionBefore(op.getElseRegion(), ifOp.getElseRegion(),
                                ifOp.getElseRegion().end());
    replaceYield(rewriter, ifOp.getThenRegion().front(), op.getResultTypes());
    replaceYield(rewriter, ifOp.getElseRegion().front(), op.getResultTypes());
    rewriter.replaceOp(op, ifOp.getResults());
    return success();
  }
};

struct LoopOpLowering : OpConversionPattern<tl::LoopOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(tl::LoopOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    unsigned numCarried = op.getInitial().size();
    unsigned numScans = op.getNumScanOutputs();
    Value max;
    if (Value trips = adaptor.getMaxTripCount())
      max = arith::IndexCastOp::create(rewriter, loc, rewriter.getIndexType(),
                                       extractScalar(rewriter, loc, trips));
    else if (numScans)
      return rewriter.notifyMatchFailure(
          op, "scan outputs need a max trip count");
    Value cond = adaptor.getCondition()
                     ? extractScalar(rewriter, loc, adaptor.getCondition())
                     : arith::ConstantIntOp::create(rewriter, loc, 1, 1)
                           .getResult();

    // State: iteration, condition, carried..., scan buffers...
    SmallVector<Value> inits = {arith::ConstantIndexOp::create(rewriter, loc, 0),
                                cond};
    SmallVector<Type> types = {rewriter.getIndexType(), rewriter.getI1Type()};
    for (unsigned i = 0; i < numCarried; ++i) {
      Type type = op.getResult(i).getType();
      inits.push_back(castTo(rewriter, loc, adaptor.getInitial()[i], type));
      types.push_back(type);
    }
    for (unsigned i = 0; i < numScans; ++i) {
      auto type = cast<RankedTensorType>(op.getResult(numCarried + i).getType());
      if (!llvm::all_of(type.getShape().drop_front(),
                        [](int64_t d) { return !ShapedType::isDynamic(d); }))
        return rewriter.notifyMatchFailure(
            op, "scan elements must have a static shape");
      SmallVector<OpFoldResult> sizes = {max};
      for (int64_t d : type.getShape().drop_front())
        sizes.push_back(rewriter.getIndexAttr(d));
      Value buffer =
          ew::createEmptyTensor(rewriter, loc, sizes, type.getElementType());
      types.push_back(buffer.getType());
      inits.push_back(buffer);
    }

    auto whileOp = scf::WhileOp::create(rewriter, loc, types, inits);
    SmallVector<Location> locs(types.size(), loc);
    {
      Block *before = rewriter.createBlock(&whileOp.getBefore(), {}, types,
                                           locs);
      Value go = before->getArgument(1);
      if (max) {
        Value below = arith::CmpIOp::create(rewriter, loc,
                                            arith::CmpIPredicate::slt,
                                            before->getArgument(0), max);
        go = arith::AndIOp::create(rewriter, loc, below, go);
      }
      scf::ConditionOp::create(rewriter, loc, go, before->getArguments());
    }
    Block *after = rewriter.createBlock(&whileOp.getAfter(), {}, types, locs);
    Value iteration = after->getArgument(0);
    Value iterTensor = tensor::FromElementsOp::create(
        rewriter, loc, RankedTensorType::get({}, rewriter.getI64Type()),
        ValueRange{arith::IndexCastOp::create(rewriter, loc,
                                              rewriter.getI64Type(),
                                              iteration)});
    Value condTensor = tensor::FromElementsOp::create(
        rewriter, loc, RankedTensorType::get({}, rewriter.getI1Type()),
        ValueRange{after->getArgument(1)});
    Block &body = op.getBody().front();
    SmallVector<Value> bodyArgs = {iterTensor, condTensor};
    for (unsigned i = 0; i < numCarried; ++i)
      bodyArgs.push_back(castTo(rewriter, loc, after->getArgument(2 + i),
                                body.getArgument(2 + i).getType()));
    auto yield = cast<tl::YieldOp>(body.getTerminator());
    rewriter.inlineBlockBefore(&body, after, after->end(), bodyArgs);

    rewriter.setInsertionPoint(yield);
    SmallVector<Value> next = {
        arith::AddIOp::create(rewriter, loc, iteration,
                              arith::ConstantIndexOp::create(rewriter, loc, 1)),
        extractScalar(rewriter, loc, yield.getValues()[0])};
    for (unsigned i = 0; i < numCarried; ++i)
      next.push_back(castTo(rewriter, loc, yield.getValues()[1 + i],
                            types[2 + i]));
    for (unsigned i = 0; i < numScans; ++i) {
      Value element = yield.getValues()[1 + numCarried + i];
      Value buffer = after->getArgument(2 + numCarried + i);
      auto bufferType = cast<RankedTensorType>(buffer.getType());
      SmallVector<OpFoldResult> offsets = {iteration};
      SmallVector<OpFoldResult> sizes = {rewriter.getIndexAttr(1)};
      for (int64_t d : bufferType.getShape().drop_front()) {
        offsets.push_back(rewriter.getIndexAttr(0));
        sizes.push_back(rewriter.getIndexAttr(d));
      }
      SmallVector<OpFoldResult> strides(sizes.size(), rewriter.getIndexAttr(1));
      auto elementType = RankedTensorType::get(
          bufferType.getShape().drop_front(), bufferType.getElementType());
      next.push_back(tensor::InsertSliceOp::create(
          rewriter, loc, castTo(rewriter, loc, element, elementType), buffer,
          offsets, sizes, strides));
    }
    rewriter.replaceOpWithNewOp<scf::YieldOp>(yield, next);

    rewriter.setInsertionPointAfter(whileOp);
    SmallVector<Value> results;
    for (unsigned i = 0; i < numCarried; ++i)
      results.push_back(whileOp.getResult(2 + i));
    Value iterations = whileOp.getResult(0);
    for (unsigned i = 0; i < numScans; ++i) {
      Value buffer = whileOp.getResult(2 + numCarried + i);
      auto bufferType = cast<RankedTensorType>(buffer.getType());
      SmallVector<OpFoldResult> offsets(bufferType.getRank(),
                                        rewriter.getIndexAttr(0));
      SmallVector<OpFoldResult> sizes = {iterations};
      for (int64_t d : bufferType.getShape().drop_front())
        sizes.push_back(rewriter.getIndexAttr(d));
      SmallVector<OpFoldResult> strides(sizes.size(), rewriter.getIndexAttr(1));
      Value rows = tensor::ExtractSliceOp::create(rewriter, loc, buffer,
                                                  offsets, sizes, strides);
      results.push_back(
          castTo(rewriter, loc, rows, op.getResult(numCarried + i).getType()));
    }
    rewriter.replaceOp(op, results);
    return success();
  }
};

} // namespace

void mlir::tlc::populateTLControlFlowToSCFPatterns(
    RewritePatternSet &patterns) {
  patterns.add<IfOpLowering, LoopOpLowering>(patterns.getContext());
}
