//===- Loss.cpp - tl loss functions to linalg -----------------------------===//
//
// nll_loss is a gather: an elementwise generic over the target reads
// input[n, target, d...] (and weight[target]) with tensor.extract and yields
// the weighted negative log-likelihood, 0 for ignored targets. sum and mean
// reduce it into a rank-0 accumulator; mean divides by the sum of the
// gathered weights (the count of non-ignored targets without `weight`).
// f16/bf16 compute in f32.
//
//===----------------------------------------------------------------------===//

#include "ElementwiseUtils.h"
#include "tlc/Conversion/TLToLinalg/TLToLinalg.h"

#include "tl/IR/TLOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Transforms/DialectConversion.h"

using namespace mlir;
using namespace mlir::tlc;
using namespace mlir::tlc::ew;

namespace {
/// What every element of the target selects: the class index (clamped into
/// [0, C) so that no read goes out of bounds) and whether it is ignored.
struct TargetElement {
  Value classIndex;
  Value ignored;
};

struct NLLLossLowering : OpConversionPattern<tl::NLLLossOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(tl::NLLLossOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value input = adaptor.getInput(), target = adaptor.getTarget();
    Value weight = adaptor.getWeight();
    auto inputType = cast<RankedTensorType>(input.getType());
    Type elementType = inputType.getElementType();
    Type accType = getComputeType(elementType);
    auto targetType = cast<RankedTensorType>(target.getType());
    int64_t targetRank = targetType.getRank();
    std::optional<int64_t> ignoreIndex = op.getIgnoreIndex();

    SmallVector<OpFoldResult> sizes = getDims(rewriter, loc, target);
    Value numClasses = getValueOrCreateConstantIndexOp(
        rewriter, loc, tensor::getMixedSize(rewriter, loc, input, 1));
    Value zeroIndex = arith::ConstantIndexOp::create(rewriter, loc, 0);
    Value lastClass =
        arith::SubIOp::create(rewriter, loc, numClasses,
                              arith::ConstantIndexOp::create(rewriter, loc, 1));
    AffineMap identity = rewriter.getMultiDimIdentityMap(targetRank);

    auto decode = [&](OpBuilder &b, Location l, Value t) {
      TargetElement e;
      Value index = arith::IndexCastOp::create(b, l, b.getIndexType(), t);
      index = arith::MaxSIOp::create(b, l, index, zeroIndex);
      e.classIndex = arith::MinSIOp::create(b, l, index, lastClass);
      if (ignoreIndex) {
        Value ignored = arith::ConstantOp::create(
            b, l, b.getIntegerAttr(t.getType(), *ignoreIndex));
        e.ignored =
            arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq, t, ignored);
      }
      return e;
    };
    // The weight of a target element: weight[class] or 1, 0 when ignored.
    auto weightOf = [&](OpBuilder &b, Location l, const TargetElement &e) {
      Value w = weight ? promoteScalar(b, l,
                                       tensor::ExtractOp::create(b, l, weight,
                                                                 e.classIndex))
                       : createScalarConstant(b, l, accType, 1.0);
      if (e.ignored)
        w = arith::SelectOp::create(
            b, l, e.ignored, createScalarConstant(b, l, accType, 0.0), w);
      return w;
    };

    Value losses = buildParallelGeneric(
        rewriter, loc, target, identity, sizes, accType,
        [&](OpBuilder &b, Location l, ValueRange args) -> Value {
          TargetElement e = decode(b, l, args[0]);
          SmallVector<Value> indices = {linalg::IndexOp::create(b, l, 0)};
          indices.push_back(e.classIndex);
          for (int64_t d = 1; d < targetRank; ++d)
            indices.push_back(linalg::IndexOp::create(b, l, d));
          Value x = promoteScalar(
              b, l, tensor::ExtractOp::create(b, l, input, indices));
          Value loss = arith::MulFOp::create(
              b, l, arith::NegFOp::create(b, l, x), weightOf(b, l, e));
          // An ignored element is 0 even where its input is infinite.
          if (e.ignored)
            loss = arith::SelectOp::create(
                b, l, e.ignored, createScalarConstant(b, l, accType, 0.0),
                loss);
          return loss;
        });

    Value result;
    if (op.getReduction() == tl::LossReduction::none) {
      result = losses;
    } else {
      SmallVector<int64_t> allDims =
          llvm::to_vector(llvm::seq<int64_t>(0, targetRank));
      Value zero = createScalarConstant(rewriter, loc, accType, 0.0);
      auto add = [](OpBuilder &b, Location l, ValueRange args, Value acc) {
        return arith::AddFOp::create(b, l, args[0], acc).getResult();
      };
      result = buildReductionGeneric(rewriter, loc, losses, identity, sizes,
                                     allDims, zero, add);
      if (op.getReduction() == tl::LossReduction::mean) {
        Value weights = buildParallelGeneric(
            rewriter, loc, target, identity, sizes, accType,
            [&](OpBuilder &b, Location l, ValueRange args) -> Value {
              return weightOf(b, l, decode(b, l, args[0]));
            });
        Value total = buildReductionGeneric(rewriter, loc, weights, identity,
                                            sizes, allDims, zero, add);
        AffineMap scalar = rewriter.getMultiDimIdentityMap(0);
        result = buildParallelGeneric(
            rewriter, loc, ValueRange{result, total}, {scalar, scalar}, {},
            accType, [](OpBuilder &b, Location l, ValueRange args) -> Value {
              return arith::DivFOp::create(b, l, args[0], args[1]);
            });
      }
    }
    if (accType != elementType) {
      auto type = cast<RankedTensorType>(result.getType());
      SmallVector<OpFoldResult> resultSizes = getDims(rewriter, loc, result);
      result = buildParallelGeneric(
          rewriter, loc, result,
          rewriter.getMultiDimIdentityMap(type.getRank()), resultSizes,
          elementType,
          [](OpBuilder &, Location, ValueRange args) { return args[0]; });
    }
    rewriter.replaceOp(op, castToType(rewriter, loc, result, op.getType()));
    return success();
  }
};
} // namespace

void mlir::tlc::populateTLLossToLinalgPatterns(RewritePatternSet &patterns) {
  patterns.add<NLLLossLowering>(patterns.getContext());
}
