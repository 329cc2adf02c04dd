//===- Reduction.cpp - tl reductions to linalg.generic --------------------===//
//
// reduce_{sum,mean,max,min,prod} become one reduction linalg.generic into an
// accumulator filled with the identity (0, 1, -inf/lowest, +inf/highest),
// followed by an elementwise generic where the mean divides or f16/bf16
// (accumulated in f32) round back. argmax/argmin carry a (value, index) pair.
// keepdims reinserts the reduced dims with tensor.expand_shape.
//
//===----------------------------------------------------------------------===//

#include "ElementwiseUtils.h"
#include "tlc/Conversion/TLToLinalg/TLToLinalg.h"

#include "tl/IR/TLOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Transforms/DialectConversion.h"

using namespace mlir;
using namespace mlir::tlc;
using namespace mlir::tlc::ew;

namespace {
enum class ReduceKind { Sum, Mean, Max, Min, Prod };
} // namespace

/// The identity of the reduction in the accumulator type `type`.
static Value createReductionInit(OpBuilder &b, Location loc, ReduceKind kind,
                                 Type type, bool isUnsigned) {
  switch (kind) {
  case ReduceKind::Sum:
  case ReduceKind::Mean:
    return createScalarConstant(b, loc, type, 0.0);
  case ReduceKind::Prod:
    return createScalarConstant(b, loc, type, 1.0);
  case ReduceKind::Max:
    return createLowestValue(b, loc, type, isUnsigned);
  case ReduceKind::Min:
    return createHighestValue(b, loc, type, isUnsigned);
  }
  llvm_unreachable("unknown reduction");
}

static Value combine(OpBuilder &b, Location loc, ReduceKind kind, Value x,
                     Value acc, bool isUnsigned) {
  bool isFloat = isa<FloatType>(x.getType());
  switch (kind) {
  case ReduceKind::Sum:
  case ReduceKind::Mean:
    return isFloat ? Value(arith::AddFOp::create(b, loc, x, acc))
                   : Value(arith::AddIOp::create(b, loc, x, acc));
  case ReduceKind::Prod:
    return isFloat ? Value(arith::MulFOp::create(b, loc, x, acc))
                   : Value(arith::MulIOp::create(b, loc, x, acc));
  case ReduceKind::Max:
    if (isFloat) // NaN propagates, as in numpy and ONNX Runtime.
      return arith::MaximumFOp::create(b, loc, x, acc);
    return isUnsigned ? Value(arith::MaxUIOp::create(b, loc, x, acc))
                      : Value(arith::MaxSIOp::create(b, loc, x, acc));
  case ReduceKind::Min:
    if (isFloat)
      return arith::MinimumFOp::create(b, loc, x, acc);
    return isUnsigned ? Value(arith::MinUIOp::create(b, loc, x, acc))
                      : Value(arith::MinSIOp::create(b, loc, x, acc));
  }
  llvm_unreachable("unknown reduction");
}

namespace {
template <typename OpTy, ReduceKind Kind>
struct ReduceLowering : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;

  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value input = adaptor.getInput();
    auto inputType = cast<RankedTensorType>(input.getType());
    Type elementType = inputType.getElementType();
    Type accType = getComputeType(elementType);
    bool isUnsigned = isUnsignedInt(elementType);
    SmallVector<int64_t> axes = op.getNormalizedAxes();
    int64_t rank = inputType.getRank();

    SmallVector<OpFoldResult> sizes = getDims(rewriter, loc, input);
    Value init = createReductionInit(rewriter, loc, Kind, accType, isUnsigned);
    Value reduced = buildReductionGeneric(
        rewriter, loc, input, rewriter.getMultiDimIdentityMap(rank), sizes,
        axes, init,
        [&](OpBuilder &b, Location nloc, ValueRange elems, Value acc) {
          return combine(b, nloc, Kind, elems[0], acc, isUnsigned);
        });

    if (Kind == ReduceKind::Mean || accType != elementType) {
      // Divide (mean) and round back to the element type.
      Value count;
      if (Kind == ReduceKind::Mean) {
        Value n = getElementCount(rewriter, loc, sizes, axes);
        count = isa<FloatType>(accType)
                    ? indexToFloat(rewriter, loc, n, accType)
                    : arith::IndexCastUIOp::create(rewriter, loc, accType, n)
                          .getResult();
      }
      auto reducedType = cast<RankedTensorType>(reduced.getType());
      reduced = buildElementwiseGeneric(
          rewriter, loc, reduced, reducedType.clone(elementType),
          [&](OpBuilder &b, Location nloc, ValueRange args) -> Value {
            Value x = args[0];
            if (!count)
              return x;
            if (isa<FloatType>(accType))
              return arith::DivFOp::create(b, nloc, x, count);
            if (isUnsigned)
              return arith::DivUIOp::create(b, nloc, x, count);
            return arith::DivSIOp::create(b, nloc, x, count);
          });
    }
    if (op.getKeepdims())
      reduced = expandReducedDims(rewriter, loc, reduced, axes);
    rewriter.replaceOp(op, castToType(rewriter, loc, reduced, op.getType()));
    return success();
  }
};
} // namespace

namespace {
/// argmax/argmin: a reduction carrying the best value and its index. Ties go
/// to the first index (or the last with select_last_index); NaN counts as
/// the extreme, so the first NaN wins, as in numpy and PyTorch.
template <typename OpTy, bool IsMax>
struct ArgReduceLowering : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;

  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value input = adaptor.getInput();
    auto inputType = cast<RankedTensorType>(input.getType());
    Type elementType = inputType.getElementType();
    Type valueType = getComputeType(elementType);
    bool isUnsigned = isUnsignedInt(elementType);
    int64_t rank = inputType.getRank();
    int64_t axis = *tl::normalizeAxis(op.getAxis(), rank);
    bool selectLast = op.getSelectLastIndex();

    SmallVector<OpFoldResult> keptSizes = getDims(rewriter, loc, input);
    keptSizes.erase(keptSizes.begin() + axis);
    Value valueInit =
        IsMax ? createLowestValue(rewriter, loc, valueType, isUnsigned)
              : createHighestValue(rewriter, loc, valueType, isUnsigned);
    Value values = createFilledTensor(rewriter, loc, keptSizes, valueInit);
    Value indices = createFilledTensor(
        rewriter, loc, keptSizes,
        createScalarConstant(rewriter, loc, rewriter.getI64Type(), 0.0));

    AffineMap kept = getProjectionMap(rank, {axis}, rewriter.getContext());
    SmallVector<AffineMap> maps = {rewriter.getMultiDimIdentityMap(rank), kept,
                                   kept};
    SmallVector<utils::IteratorType> iterators(rank,
                                               utils::IteratorType::parallel);
    iterators[axis] = utils::IteratorType::reduction;

    auto generic = linalg::GenericOp::create(
        rewriter, loc, TypeRange{values.getType(), indices.getType()}, input,
        ValueRange{values, indices}, maps, iterators,
        [&](OpBuilder &b, Location nloc, ValueRange args) {
          Value x = promoteScalar(b, nloc, args[0]);
          Value best = args[1], bestIndex = args[2];
          Value index = arith::IndexCastOp::create(
              b, nloc, b.getI64Type(), linalg::IndexOp::create(b, nloc, axis));
          Value better;
          if (isa<FloatType>(valueType)) {
            better = arith::CmpFOp::create(b, nloc,
                                           IsMax ? arith::CmpFPredicate::OGT
                                                 : arith::CmpFPredicate::OLT,
                                           x, best);
            Value xNaN =
                arith::CmpFOp::create(b, nloc, arith::CmpFPredicate::UNO, x, x);
            Value bestOrdered = arith::CmpFOp::create(
                b, nloc, arith::CmpFPredicate::ORD, best, best);
            better = arith::OrIOp::create(
                b, nloc, better,
                arith::AndIOp::create(b, nloc, xNaN, bestOrdered));
            if (selectLast)
              better = arith::OrIOp::create(
                  b, nloc, better,
                  arith::CmpFOp::create(b, nloc, arith::CmpFPredicate::OEQ, x,
                                        best));
          } else {
            arith::CmpIPredicate pred =
                IsMax ? (isUnsigned ? arith::CmpIPredicate::ugt
                                    : arith::CmpIPredicate::sgt)
                      : (isUnsigned ? arith::CmpIPredicate::ult
                                    : arith::CmpIPredicate::slt);
            if (selectLast)
              pred = IsMax ? (isUnsigned ? arith::CmpIPredicate::uge
                                         : arith::CmpIPredicate::sge)
                           : (isUnsigned ? arith::CmpIPredicate::ule
                                         : arith::CmpIPredicate::sle);
            better = arith::CmpIOp::create(b, nloc, pred, x, best);
          }
          Value newBest = arith::SelectOp::create(b, nloc, better, x, best);
          Value newIndex =
              arith::SelectOp::create(b, nloc, better, index, bestIndex);
          linalg::YieldOp::create(b, nloc, ValueRange{newBest, newIndex});
        });

    Value result = generic.getResult(1);
    if (op.getKeepdims())
      result = expandReducedDims(rewriter, loc, result, {axis});
    rewriter.replaceOp(op, castToType(rewriter, loc, result, op.getType()));
    return success();
  }
};
} // namespace

void mlir::tlc::populateTLReductionToLinalgPatterns(
    RewritePatternSet &patterns) {
  MLIRContext *context = patterns.getContext();
  patterns.add<ReduceLowering<tl::ReduceSumOp, ReduceKind::Sum>,
               ReduceLowering<tl::ReduceMeanOp, ReduceKind::Mean>,
               ReduceLowering<tl::ReduceMaxOp, ReduceKind::Max>,
               ReduceLowering<tl::ReduceMinOp, ReduceKind::Min>,
               ReduceLowering<tl::ReduceProdOp, ReduceKind::Prod>,
               ArgReduceLowering<tl::ArgMaxOp, /*IsMax=*/true>,
               ArgReduceLowering<tl::ArgMinOp, /*IsMax=*/false>>(context);
}
