//===- Positional.cpp - trilu and cumsum to linalg ------------------------===//
//
// trilu: an elementwise generic that keeps an element or yields 0 depending
// on its two innermost indices (linalg.index) and k, read once before the
// generic.
// cumsum: a generic over the input's dims plus one reduction dim j along the
// axis, summing input[.., j, ..] where j is on the kept side of i (j <= i,
// j < i when exclusive, mirrored when reversed). That is quadratic in the
// axis length, but stays a plain linalg reduction that the CPU pipeline
// tiles and vectorizes like any other.
//
//===----------------------------------------------------------------------===//

#include "ElementwiseUtils.h"
#include "tlc/Conversion/TLToLinalg/TLToLinalg.h"

#include "tl/IR/TLOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Transforms/DialectConversion.h"

using namespace mlir;
using namespace mlir::tlc;
using namespace mlir::tlc::ew;

/// An op whose result has a static size-0 dim computes nothing: its result is
/// a tensor.empty shaped like `input` (the tiling passes reject zero-trip
/// iteration spaces).
static bool replaceEmptyResult(ConversionPatternRewriter &rewriter,
                               Operation *op, Value input) {
  auto type = cast<RankedTensorType>(op->getResult(0).getType());
  if (!llvm::is_contained(type.getShape(), 0))
    return false;
  Location loc = op->getLoc();
  Value empty = createEmptyTensor(rewriter, loc, getDims(rewriter, loc, input),
                                  type.getElementType());
  rewriter.replaceOp(op, castToType(rewriter, loc, empty, type));
  return true;
}

namespace {
struct TriluLowering : OpConversionPattern<tl::TriluOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(tl::TriluOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value input = adaptor.getInput();
    if (replaceEmptyResult(rewriter, op, input))
      return success();
    auto inputType = cast<RankedTensorType>(input.getType());
    Type elementType = inputType.getElementType();
    int64_t rank = inputType.getRank();
    bool upper = op.getUpper();

    Value k;
    if (Value kTensor = adaptor.getK())
      k = arith::IndexCastOp::create(
          rewriter, loc, rewriter.getIndexType(),
          tensor::ExtractOp::create(rewriter, loc, kTensor, ValueRange{}));
    else
      k = arith::ConstantIndexOp::create(rewriter, loc, 0);

    Value result = buildParallelGeneric(
        rewriter, loc, input, rewriter.getMultiDimIdentityMap(rank),
        getDims(rewriter, loc, input), elementType,
        [&](OpBuilder &b, Location l, ValueRange args) -> Value {
          Value row = linalg::IndexOp::create(b, l, rank - 2);
          Value col = linalg::IndexOp::create(b, l, rank - 1);
          Value diagonal = arith::SubIOp::create(b, l, col, row);
          Value keep = arith::CmpIOp::create(b, l,
                                             upper ? arith::CmpIPredicate::sge
                                                   : arith::CmpIPredicate::sle,
                                             diagonal, k);
          Value zero = createScalarConstant(b, l, args[0].getType(), 0.0);
          return arith::SelectOp::create(b, l, keep, args[0], zero);
        });
    rewriter.replaceOp(op, castToType(rewriter, loc, result, op.getType()));
    return success();
  }
};

struct CumSumLowering : OpConversionPattern<tl::CumSumOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(tl::CumSumOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value input = adaptor.getInput();
    if (replaceEmptyResult(rewriter, op, input))
      return success();
    auto inputType = cast<RankedTensorType>(input.getType());
    Type elementType = inputType.getElementType();
    Type accType = getComputeType(elementType);
    int64_t rank = inputType.getRank();
    int64_t axis = *tl::normalizeAxis(op.getAxis(), rank);
    MLIRContext *context = rewriter.getContext();

    // Iteration space: the input's dims, then j along the axis.
    SmallVector<OpFoldResult> sizes = getDims(rewriter, loc, input);
    sizes.push_back(sizes[axis]);
    SmallVector<AffineExpr> exprs;
    for (int64_t d = 0; d < rank; ++d)
      exprs.push_back(getAffineDimExpr(d == axis ? rank : d, context));
    AffineMap inputMap = AffineMap::get(rank + 1, 0, exprs, context);

    // j is summed into i when j <= i (inclusive) or j < i (exclusive);
    // reverse swaps the sides.
    arith::CmpIPredicate predicate =
        op.getReverse() ? (op.getExclusive() ? arith::CmpIPredicate::ugt
                                             : arith::CmpIPredicate::uge)
                        : (op.getExclusive() ? arith::CmpIPredicate::ult
                                             : arith::CmpIPredicate::ule);
    bool isFloat = isa<FloatType>(accType);
    Value result = buildReductionGeneric(
        rewriter, loc, input, inputMap, sizes, {rank},
        createScalarConstant(rewriter, loc, accType, 0.0),
        [&](OpBuilder &b, Location l, ValueRange args, Value acc) -> Value {
          Value i = linalg::IndexOp::create(b, l, axis);
          Value j = linalg::IndexOp::create(b, l, rank);
          Value inside = arith::CmpIOp::create(b, l, predicate, j, i);
          Value sum = isFloat
                          ? Value(arith::AddFOp::create(b, l, acc, args[0]))
                          : Value(arith::AddIOp::create(b, l, acc, args[0]));
          return arith::SelectOp::create(b, l, inside, sum, acc);
        });
    if (accType != elementType)
      result = buildParallelGeneric(
          rewriter, loc, result, rewriter.getMultiDimIdentityMap(rank),
          getDims(rewriter, loc, result), elementType,
          [](OpBuilder &, Location, ValueRange args) { return args[0]; });
    rewriter.replaceOp(op, castToType(rewriter, loc, result, op.getType()));
    return success();
  }
};
} // namespace

void mlir::tlc::populateTLPositionalToLinalgPatterns(
    RewritePatternSet &patterns) {
  patterns.add<TriluLowering, CumSumLowering>(patterns.getContext());
}
