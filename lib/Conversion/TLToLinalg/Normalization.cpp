//===- Normalization.cpp - softmax and normalizations to linalg -----------===//
//
// softmax/log_softmax: max over the axis, sum of exp(x - max), then one
// elementwise generic (the max is subtracted first, so exp cannot overflow).
// layer_norm/instance_norm: two-pass moments (mean, then the mean of squared
// deviations) over the trailing dims, 1/sqrt(var + eps) on the small
// per-row tensor, then one elementwise generic. batch_norm (inference) folds
// scale / sqrt(var + eps) per channel first. f16/bf16 compute in f32.
//
//===----------------------------------------------------------------------===//

#include "ElementwiseUtils.h"
#include "tlc/Conversion/TLToLinalg/TLToLinalg.h"

#include "tl/IR/TLOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Transforms/DialectConversion.h"

using namespace mlir;
using namespace mlir::tlc;
using namespace mlir::tlc::ew;

/// The dims [first, rank).
static SmallVector<int64_t> trailingDims(int64_t first, int64_t rank) {
  return llvm::to_vector(llvm::seq<int64_t>(first, rank));
}

/// Converts every float element to `type`.
static SmallVector<Value> toType(OpBuilder &b, Location loc, ValueRange values,
                                 Type type) {
  SmallVector<Value> result;
  for (Value v : values)
    result.push_back(convertFloat(b, loc, v, type));
  return result;
}

namespace {
template <typename OpTy, bool IsLog>
struct SoftmaxLowering : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;

  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value input = adaptor.getInput();
    auto type = cast<RankedTensorType>(input.getType());
    int64_t rank = type.getRank();
    int64_t axis = *tl::normalizeAxis(op.getAxis(), rank);
    Type computeType = getComputeType(type.getElementType());
    MLIRContext *context = rewriter.getContext();

    SmallVector<OpFoldResult> sizes = getDims(rewriter, loc, input);
    AffineMap identity = rewriter.getMultiDimIdentityMap(rank);
    AffineMap row = getProjectionMap(rank, {axis}, context);

    Value negInf =
        createLowestValue(rewriter, loc, computeType, /*isUnsigned=*/false);
    Value max = buildReductionGeneric(
        rewriter, loc, input, identity, sizes, {axis}, negInf,
        [](OpBuilder &b, Location nloc, ValueRange x, Value acc) -> Value {
          return arith::MaximumFOp::create(b, nloc, x[0], acc);
        });
    Value zero = createScalarConstant(rewriter, loc, computeType, 0.0);
    Value sum = buildReductionGeneric(
        rewriter, loc, ValueRange{input, max}, {identity, row}, sizes, {axis},
        zero,
        [](OpBuilder &b, Location nloc, ValueRange x, Value acc) -> Value {
          Value shifted = arith::SubFOp::create(b, nloc, x[0], x[1]);
          return arith::AddFOp::create(
              b, nloc, math::ExpOp::create(b, nloc, shifted), acc);
        });
    Value result = buildParallelGeneric(
        rewriter, loc, ValueRange{input, max, sum}, {identity, row, row}, sizes,
        type.getElementType(),
        [](OpBuilder &b, Location nloc, ValueRange x) -> Value {
          Value shifted = arith::SubFOp::create(b, nloc, x[0], x[1]);
          if (IsLog)
            return arith::SubFOp::create(b, nloc, shifted,
                                         math::LogOp::create(b, nloc, x[2]));
          return arith::DivFOp::create(
              b, nloc, math::ExpOp::create(b, nloc, shifted), x[2]);
        });
    rewriter.replaceOp(op, castToType(rewriter, loc, result, op.getType()));
    return success();
  }
};
} // namespace

/// Mean and 1 / sqrt(variance + epsilon) over the dims [first, rank) of
/// `input`, as tensors of the dims [0, first) in `computeType`.
static std::pair<Value, Value> buildMoments(OpBuilder &b, Location loc,
                                            Value input,
                                            ArrayRef<OpFoldResult> sizes,
                                            int64_t first, double epsilon,
                                            Type computeType) {
  auto type = cast<RankedTensorType>(input.getType());
  int64_t rank = type.getRank();
  SmallVector<int64_t> reduced = trailingDims(first, rank);
  SmallVector<OpFoldResult> rowSizes(sizes.begin(), sizes.begin() + first);
  AffineMap identity = b.getMultiDimIdentityMap(rank);
  AffineMap row = getProjectionMap(rank, reduced, b.getContext());
  AffineMap rowIdentity = b.getMultiDimIdentityMap(first);

  Value count = getElementCount(b, loc, sizes, reduced);
  Value invCount = arith::DivFOp::create(
      b, loc, createScalarConstant(b, loc, computeType, 1.0),
      indexToFloat(b, loc, count, computeType));
  Value zero = createScalarConstant(b, loc, computeType, 0.0);

  Value sum = buildReductionGeneric(
      b, loc, input, identity, sizes, reduced, zero,
      [&](OpBuilder &nb, Location nloc, ValueRange x, Value acc) -> Value {
        return arith::AddFOp::create(nb, nloc, x[0], acc);
      });
  Value mean = buildParallelGeneric(
      b, loc, sum, rowIdentity, rowSizes, computeType,
      [&](OpBuilder &nb, Location nloc, ValueRange x) -> Value {
        return arith::MulFOp::create(nb, nloc, x[0], invCount);
      });
  Value squares = buildReductionGeneric(
      b, loc, ValueRange{input, mean}, {identity, row}, sizes, reduced, zero,
      [&](OpBuilder &nb, Location nloc, ValueRange x, Value acc) -> Value {
        Value d = arith::SubFOp::create(nb, nloc, x[0], x[1]);
        return arith::AddFOp::create(
            nb, nloc, arith::MulFOp::create(nb, nloc, d, d), acc);
      });
  Value eps = createScalarConstant(b, loc, computeType, epsilon);
  Value rstd = buildParallelGeneric(
      b, loc, squares, rowIdentity, rowSizes, computeType,
      [&](OpBuilder &nb, Location nloc, ValueRange x) -> Value {
        Value var = arith::MulFOp::create(nb, nloc, x[0], invCount);
        return math::RsqrtOp::create(nb, nloc,
                                     arith::AddFOp::create(nb, nloc, var, eps));
      });
  return {mean, rstd};
}

/// (x - mean) * rstd [* scale] [+ bias] over the shape of `input` (`sizes`),
/// with mean and rstd over the dims [0, first) and scale/bias read through
/// their maps.
static Value buildNormalized(OpBuilder &b, Location loc, Value input,
                             ArrayRef<OpFoldResult> sizes, int64_t first,
                             Value mean, Value rstd, Value scale,
                             AffineMap scaleMap, Value bias, AffineMap biasMap,
                             Type computeType) {
  auto type = cast<RankedTensorType>(input.getType());
  int64_t rank = type.getRank();
  AffineMap row =
      getProjectionMap(rank, trailingDims(first, rank), b.getContext());
  SmallVector<Value> inputs = {input, mean, rstd};
  SmallVector<AffineMap> maps = {b.getMultiDimIdentityMap(rank), row, row};
  if (scale) {
    inputs.push_back(scale);
    maps.push_back(scaleMap);
  }
  if (bias) {
    inputs.push_back(bias);
    maps.push_back(biasMap);
  }
  return buildParallelGeneric(
      b, loc, inputs, maps, sizes, type.getElementType(),
      [&](OpBuilder &nb, Location nloc, ValueRange args) -> Value {
        SmallVector<Value> x = toType(nb, nloc, args, computeType);
        Value y = arith::MulFOp::create(
            nb, nloc, arith::SubFOp::create(nb, nloc, x[0], x[1]), x[2]);
        size_t next = 3;
        if (scale)
          y = arith::MulFOp::create(nb, nloc, y, x[next++]);
        if (bias)
          y = arith::AddFOp::create(nb, nloc, y, x[next++]);
        return y;
      });
}

namespace {
struct LayerNormLowering : OpConversionPattern<tl::LayerNormOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(tl::LayerNormOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value input = adaptor.getInput();
    auto type = cast<RankedTensorType>(input.getType());
    int64_t axis = *tl::normalizeAxis(op.getAxis(), type.getRank());
    Type computeType = getComputeType(type.getElementType());
    SmallVector<OpFoldResult> sizes = getDims(rewriter, loc, input);
    auto [mean, rstd] =
        buildMoments(rewriter, loc, input, sizes, axis,
                     op.getEpsilon().convertToDouble(), computeType);
    // scale and bias broadcast to the normalized (trailing) dims.
    auto paramMap = [&](Value param) {
      return param ? getBroadcastMap(cast<RankedTensorType>(param.getType()),
                                     type.getShape())
                   : AffineMap();
    };
    Value result = buildNormalized(
        rewriter, loc, input, sizes, axis, mean, rstd, adaptor.getScale(),
        paramMap(adaptor.getScale()), adaptor.getBias(),
        paramMap(adaptor.getBias()), computeType);
    rewriter.replaceOp(op, castToType(rewriter, loc, result, op.getType()));
    return success();
  }
};
} // namespace

/// The map reading a [C] vector at the channel dim 1 of a rank-`rank` space.
static AffineMap channelMap(int64_t rank, MLIRContext *context) {
  return AffineMap::get(rank, 0, getAffineDimExpr(1, context), context);
}

namespace {
struct InstanceNormLowering : OpConversionPattern<tl::InstanceNormOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(tl::InstanceNormOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value input = adaptor.getInput();
    auto type = cast<RankedTensorType>(input.getType());
    Type computeType = getComputeType(type.getElementType());
    SmallVector<OpFoldResult> sizes = getDims(rewriter, loc, input);
    auto [mean, rstd] =
        buildMoments(rewriter, loc, input, sizes, /*first=*/2,
                     op.getEpsilon().convertToDouble(), computeType);
    AffineMap channel = channelMap(type.getRank(), rewriter.getContext());
    Value result = buildNormalized(rewriter, loc, input, sizes, /*first=*/2,
                                   mean, rstd, adaptor.getScale(), channel,
                                   adaptor.getBias(), channel, computeType);
    rewriter.replaceOp(op, castToType(rewriter, loc, result, op.getType()));
    return success();
  }
};
} // namespace

namespace {
struct BatchNormLowering : OpConversionPattern<tl::BatchNormOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(tl::BatchNormOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value input = adaptor.getInput();
    auto type = cast<RankedTensorType>(input.getType());
    int64_t rank = type.getRank();
    Type computeType = getComputeType(type.getElementType());
    MLIRContext *context = rewriter.getContext();

    // Per channel: factor = scale / sqrt(var + epsilon).
    Value eps = createScalarConstant(rewriter, loc, computeType,
                                     op.getEpsilon().convertToDouble());
    AffineMap vector = rewriter.getMultiDimIdentityMap(1);
    Value factor = buildParallelGeneric(
        rewriter, loc, ValueRange{adaptor.getScale(), adaptor.getVar()},
        {vector, vector}, getDims(rewriter, loc, adaptor.getScale()),
        computeType,
        [&](OpBuilder &b, Location nloc, ValueRange args) -> Value {
          SmallVector<Value> x = toType(b, nloc, args, computeType);
          Value rstd = math::RsqrtOp::create(
              b, nloc, arith::AddFOp::create(b, nloc, x[1], eps));
          return arith::MulFOp::create(b, nloc, x[0], rstd);
        });

    // (x - mean) * factor + bias.
    AffineMap channel = channelMap(rank, context);
    Value result = buildParallelGeneric(
        rewriter, loc,
        ValueRange{input, adaptor.getMean(), factor, adaptor.getBias()},
        {rewriter.getMultiDimIdentityMap(rank), channel, channel, channel},
        getDims(rewriter, loc, input), type.getElementType(),
        [&](OpBuilder &b, Location nloc, ValueRange args) -> Value {
          SmallVector<Value> x = toType(b, nloc, args, computeType);
          Value centered = arith::SubFOp::create(b, nloc, x[0], x[1]);
          return arith::AddFOp::create(
              b, nloc, arith::MulFOp::create(b, nloc, centered, x[2]), x[3]);
        });
    rewriter.replaceOp(op, castToType(rewriter, loc, result, op.getType()));
    return success();
  }
};
} // namespace

void mlir::tlc::populateTLNormalizationToLinalgPatterns(
    RewritePatternSet &patterns) {
  patterns.add<SoftmaxLowering<tl::SoftmaxOp, /*IsLog=*/false>,
               SoftmaxLowering<tl::LogSoftmaxOp, /*IsLog=*/true>,
               LayerNormLowering, InstanceNormLowering, BatchNormLowering>(
      patterns.getContext());
}
