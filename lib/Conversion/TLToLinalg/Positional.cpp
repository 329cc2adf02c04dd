//===- Positional.cpp - trilu and cumsum to linalg ------------------------===//
//
// trilu: an elementwise generic that keeps an element or yields 0 depending
// on its two innermost indices (linalg.index) and k, read once before the
// generic.
// cumsum along a short or dynamic axis: a generic over the input's dims plus
// one reduction dim j along the axis, summing input[.., j, ..] where j is on
// the kept side of i (j <= i, j < i when exclusive, mirrored when reversed):
// quadratic in the axis length, but a plain linalg reduction that the CPU
// pipeline tiles and vectorizes like any other. Along a long static axis:
// log2(n) elementwise passes that each add the element 2^p positions back.
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

/// Prefix sums (in the compute type) of `input` along `axis` as one
/// reduction generic over an extra dim j: O(n^2) along the axis, for short
/// or dynamic axes.
static Value buildMaskedSumScan(OpBuilder &b, Location loc, Value input,
                                int64_t axis, bool exclusive, bool reverse,
                                Type accType) {
  int64_t rank = cast<RankedTensorType>(input.getType()).getRank();
  MLIRContext *context = b.getContext();
  // Iteration space: the input's dims, then j along the axis.
  SmallVector<OpFoldResult> sizes = getDims(b, loc, input);
  sizes.push_back(sizes[axis]);
  SmallVector<AffineExpr> exprs;
  for (int64_t d = 0; d < rank; ++d)
    exprs.push_back(getAffineDimExpr(d == axis ? rank : d, context));
  AffineMap inputMap = AffineMap::get(rank + 1, 0, exprs, context);

  // j is summed into i when j <= i (inclusive) or j < i (exclusive);
  // reverse swaps the sides.
  arith::CmpIPredicate predicate =
      reverse
          ? (exclusive ? arith::CmpIPredicate::ugt : arith::CmpIPredicate::uge)
          : (exclusive ? arith::CmpIPredicate::ult : arith::CmpIPredicate::ule);
  bool isFloat = isa<FloatType>(accType);
  return buildReductionGeneric(
      b, loc, input, inputMap, sizes, {rank},
      createScalarConstant(b, loc, accType, 0.0),
      [&](OpBuilder &nb, Location l, ValueRange args, Value acc) -> Value {
        Value i = linalg::IndexOp::create(nb, l, axis);
        Value j = linalg::IndexOp::create(nb, l, rank);
        Value inside = arith::CmpIOp::create(nb, l, predicate, j, i);
        Value sum = isFloat ? Value(arith::AddFOp::create(nb, l, acc, args[0]))
                            : Value(arith::AddIOp::create(nb, l, acc, args[0]));
        return arith::SelectOp::create(nb, l, inside, sum, acc);
      });
}

/// Prefix sums of `input` along `axis` (of static size `size`) in
/// ceil(log2(size)) elementwise passes (Hillis-Steele): pass s adds the
/// element s positions earlier in scan order (later when reversed), read
/// with tensor.extract. An exclusive scan starts from the input shifted by
/// one.
static Value buildLogStepScan(OpBuilder &b, Location loc, Value input,
                              int64_t axis, int64_t size, bool exclusive,
                              bool reverse, Type accType) {
  int64_t rank = cast<RankedTensorType>(input.getType()).getRank();
  SmallVector<OpFoldResult> sizes = getDims(b, loc, input);
  AffineMap identity = b.getMultiDimIdentityMap(rank);
  // The element `shift` positions earlier in scan order, or 0 when there is
  // none.
  auto readEarlier = [&](OpBuilder &nb, Location l, Value source, int64_t shift,
                         bool promote) -> Value {
    SmallVector<Value> indices;
    for (int64_t d = 0; d < rank; ++d)
      indices.push_back(linalg::IndexOp::create(nb, l, d));
    Value i = indices[axis];
    Value shiftValue = arith::ConstantIndexOp::create(nb, l, shift);
    Value exists, shifted;
    if (reverse) {
      Value limit = arith::ConstantIndexOp::create(nb, l, size - shift);
      exists =
          arith::CmpIOp::create(nb, l, arith::CmpIPredicate::ult, i, limit);
      shifted = arith::AddIOp::create(nb, l, i, shiftValue);
    } else {
      exists = arith::CmpIOp::create(nb, l, arith::CmpIPredicate::uge, i,
                                     shiftValue);
      shifted = arith::SubIOp::create(nb, l, i, shiftValue);
    }
    indices[axis] = arith::SelectOp::create(nb, l, exists, shifted, i);
    Value element = tensor::ExtractOp::create(nb, l, source, indices);
    if (promote)
      element = promoteScalar(nb, l, element);
    return arith::SelectOp::create(nb, l, exists, element,
                                   createScalarConstant(nb, l, accType, 0.0));
  };
  bool isFloat = isa<FloatType>(accType);
  Value scan = buildParallelGeneric(
      b, loc, input, identity, sizes, accType,
      [&](OpBuilder &nb, Location l, ValueRange args) -> Value {
        return exclusive ? readEarlier(nb, l, input, 1, /*promote=*/true)
                         : args[0];
      });
  for (int64_t shift = 1; shift < size; shift *= 2) {
    Value previous = scan;
    scan = buildParallelGeneric(
        b, loc, previous, identity, sizes, accType,
        [&](OpBuilder &nb, Location l, ValueRange args) -> Value {
          Value earlier = readEarlier(nb, l, previous, shift, false);
          return isFloat
                     ? Value(arith::AddFOp::create(nb, l, args[0], earlier))
                     : Value(arith::AddIOp::create(nb, l, args[0], earlier));
        });
  }
  return scan;
}

/// Axes longer than this scan in log2 passes instead of the quadratic
/// masked sum.
static constexpr int64_t kMaxMaskedScanSize = 32;

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
    int64_t size = inputType.getDimSize(axis);

    Value result =
        ShapedType::isDynamic(size) || size <= kMaxMaskedScanSize
            ? buildMaskedSumScan(rewriter, loc, input, axis, op.getExclusive(),
                                 op.getReverse(), accType)
            : buildLogStepScan(rewriter, loc, input, axis, size,
                               op.getExclusive(), op.getReverse(), accType);
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
