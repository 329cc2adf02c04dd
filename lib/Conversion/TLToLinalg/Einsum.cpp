//===- Einsum.cpp - tl.einsum to one linalg.generic -----------------------===//
//
// The loops are the equation's labels: the result's first (parallel), then
// the summed ones (reduction). Every operand is read through the map of its
// labels (a repeated label reads a diagonal; a static size-1 dim facing a
// larger loop, ellipsis broadcasting, reads index 0); the body multiplies
// the operands and adds the product to a zero-filled accumulator.
//
//===----------------------------------------------------------------------===//

#include "ElementwiseUtils.h"
#include "StructuredUtils.h"
#include "tlc/Conversion/TLToLinalg/TLToLinalg.h"

#include "tl/IR/TLOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Transforms/DialectConversion.h"

using namespace mlir;
using namespace mlir::tlc;

namespace {

struct EinsumOpLowering : OpConversionPattern<tl::EinsumOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(tl::EinsumOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    MLIRContext *context = op.getContext();
    RankedTensorType resultType = op.getType();
    Type elementType = resultType.getElementType();
    ValueRange inputs = adaptor.getInputs();
    SmallVector<int64_t> ranks;
    for (Value input : inputs)
      ranks.push_back(cast<RankedTensorType>(input.getType()).getRank());
    std::string error;
    FailureOr<tl::EinsumOp::Spec> spec =
        tl::EinsumOp::parseEquation(op.getEquation(), ranks, error);
    if (failed(spec))
      return rewriter.notifyMatchFailure(op, error);
    FailureOr<SmallVector<int64_t>> labelSizes =
        tl::EinsumOp::getLabelSizes(*spec, inputs.getTypes(), error);
    if (failed(labelSizes))
      return rewriter.notifyMatchFailure(op, error);

    // Loop order: result labels, then the summed labels.
    SmallVector<int64_t> loopOf(spec->numLabels, -1);
    SmallVector<int64_t> labelOfLoop(spec->output);
    for (int64_t label = 0; label < spec->numLabels; ++label)
      if (!llvm::is_contained(spec->output, label))
        labelOfLoop.push_back(label);
    for (auto [loop, label] : llvm::enumerate(labelOfLoop))
      loopOf[label] = loop;
    int64_t numLoops = labelOfLoop.size();
    int64_t numParallel = spec->output.size();

    // The runtime size of every label: the first operand dim that is not a
    // static 1 (a label may be 1 everywhere).
    SmallVector<OpFoldResult> sizes(spec->numLabels, rewriter.getIndexAttr(1));
    SmallVector<bool> found(spec->numLabels, false);
    for (auto [i, input] : llvm::enumerate(inputs)) {
      auto type = cast<RankedTensorType>(input.getType());
      for (auto [d, label] : llvm::enumerate(spec->inputs[i])) {
        if (found[label] || type.getDimSize(d) == 1)
          continue;
        found[label] = true;
        sizes[label] = tlc::detail::getDimSize(rewriter, loc, input, d);
      }
    }
    for (int64_t label = 0; label < spec->numLabels; ++label)
      if (!ShapedType::isDynamic((*labelSizes)[label]))
        sizes[label] = rewriter.getIndexAttr((*labelSizes)[label]);

    SmallVector<AffineMap> maps;
    for (auto [i, input] : llvm::enumerate(inputs)) {
      auto type = cast<RankedTensorType>(input.getType());
      SmallVector<AffineExpr> exprs;
      for (auto [d, label] : llvm::enumerate(spec->inputs[i])) {
        bool broadcast = type.getDimSize(d) == 1 && (*labelSizes)[label] != 1;
        exprs.push_back(broadcast
                            ? getAffineConstantExpr(0, context)
                            : getAffineDimExpr(loopOf[label], context));
      }
      maps.push_back(AffineMap::get(numLoops, 0, exprs, context));
    }
    SmallVector<AffineExpr> outputExprs;
    for (int64_t loop = 0; loop < numParallel; ++loop)
      outputExprs.push_back(getAffineDimExpr(loop, context));
    maps.push_back(AffineMap::get(numLoops, 0, outputExprs, context));

    SmallVector<OpFoldResult> outSizes;
    for (int64_t label : spec->output)
      outSizes.push_back(sizes[label]);
    Value init = tlc::detail::createFilled(
        rewriter, loc, outSizes,
        tlc::detail::createScalarConstant(rewriter, loc, elementType, 0.0));
    SmallVector<utils::IteratorType> iterators(numParallel,
                                               utils::IteratorType::parallel);
    iterators.append(numLoops - numParallel, utils::IteratorType::reduction);
    auto generic = linalg::GenericOp::create(
        rewriter, loc, TypeRange{init.getType()}, inputs, ValueRange{init},
        maps, iterators, [&](OpBuilder &b, Location l, ValueRange args) {
          SmallVector<Value> values;
          for (Value arg : args)
            values.push_back(ew::promoteScalar(b, l, arg));
          bool isFloat = isa<FloatType>(values.front().getType());
          Value product = values.front();
          for (Value v : ArrayRef<Value>(values).drop_front().drop_back()) {
            if (isFloat)
              product = arith::MulFOp::create(b, l, product, v);
            else
              product = arith::MulIOp::create(b, l, product, v);
          }
          Value sum;
          if (isFloat)
            sum = arith::AddFOp::create(b, l, values.back(), product);
          else
            sum = arith::AddIOp::create(b, l, values.back(), product);
          linalg::YieldOp::create(
              b, l, ew::demoteScalar(b, l, sum, elementType));
        });
    rewriter.replaceOp(op, ew::castToType(rewriter, loc, generic.getResult(0),
                                          resultType));
    return success();
  }
};

} // namespace

void mlir::tlc::populateTLEinsumToLinalgPatterns(RewritePatternSet &patterns) {
  patterns.add<EinsumOpLowering>(patterns.getContext());
}
