//===- Indexing.cpp - tl gathers, scatters, top-k, unpooling to linalg ----===//
//
// Gathers (gather_elements, gather_nd, reverse_sequence) are index-computing
// linalg.generics that read their source with tensor.extract. Scatters
// (scatter_elements, scatter_nd, max_unpool) write data-dependent positions
// in a fixed order, which ONNX requires for duplicate indices: they are
// scf.for nests carrying the destination tensor, one tensor.insert per
// update, which bufferization turns into in-place stores. top_k ranks every
// element of a slice against the others (a reduction generic; equal
// elements rank by position), then picks the element of each rank below k.
//
//===----------------------------------------------------------------------===//

#include "ElementwiseUtils.h"
#include "StructuredUtils.h"

#include "tlc/Conversion/TLToLinalg/TLToLinalg.h"

#include "tl/IR/TLOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Transforms/DialectConversion.h"

using namespace mlir;
using namespace mlir::tlc::detail;

static int64_t normalized(int64_t axis, int64_t rank) {
  return axis < 0 ? axis + rank : axis;
}

/// An index element read from `indices` at `position`, as `index`.
static Value extractIndex(OpBuilder &b, Location loc, Value indices,
                          ValueRange position) {
  Value element = tensor::ExtractOp::create(b, loc, indices, position);
  return arith::IndexCastOp::create(b, loc, b.getIndexType(), element);
}

/// `index` into a dim of `size`: negative values count from the back, and
/// indices out of range, which ONNX leaves undefined, clamp to the nearest
/// end (as tl.gather), so that no bad index reads or writes outside a tensor.
static Value wrap(OpBuilder &b, Location loc, Value index, OpFoldResult size) {
  IndexMath im(b, loc);
  return im.value(im.clampIndex(index, size));
}

static SmallVector<Value> toValues(OpBuilder &b, Location loc,
                                   ArrayRef<OpFoldResult> sizes) {
  return llvm::map_to_vector(sizes, [&](OpFoldResult size) {
    return getValueOrCreateConstantIndexOp(b, loc, size);
  });
}

/// Combines the element `old` of the destination with `update` by
/// `reduction` (elements of tl type `type`).
static Value combine(OpBuilder &b, Location loc, tl::ScatterReduction reduction,
                     Value old, Value update, Type type) {
  if (reduction == tl::ScatterReduction::none)
    return update;
  bool isUnsigned = tlc::ew::isUnsignedInt(type);
  Value x = tlc::ew::promoteScalar(b, loc, old);
  Value y = tlc::ew::promoteScalar(b, loc, update);
  bool isFloat = isa<FloatType>(x.getType());
  Value result;
  switch (reduction) {
  case tl::ScatterReduction::add:
    result = isFloat ? Value(arith::AddFOp::create(b, loc, x, y))
                     : Value(arith::AddIOp::create(b, loc, x, y));
    break;
  case tl::ScatterReduction::mul:
    result = isFloat ? Value(arith::MulFOp::create(b, loc, x, y))
                     : Value(arith::MulIOp::create(b, loc, x, y));
    break;
  case tl::ScatterReduction::max:
    result = isFloat      ? Value(arith::MaximumFOp::create(b, loc, x, y))
             : isUnsigned ? Value(arith::MaxUIOp::create(b, loc, x, y))
                          : Value(arith::MaxSIOp::create(b, loc, x, y));
    break;
  case tl::ScatterReduction::min:
    result = isFloat      ? Value(arith::MinimumFOp::create(b, loc, x, y))
             : isUnsigned ? Value(arith::MinUIOp::create(b, loc, x, y))
                          : Value(arith::MinSIOp::create(b, loc, x, y));
    break;
  case tl::ScatterReduction::none:
    llvm_unreachable("handled above");
  }
  return tlc::ew::demoteScalar(b, loc, result, type);
}

/// Body of a scatter loop nest: the loop indices to the destination position
/// and the update value of this iteration.
using ScatterPointFn = function_ref<std::pair<SmallVector<Value>, Value>(
    OpBuilder &, Location, ValueRange)>;

/// An scf.for nest over `sizes` that carries `dest` and, at every point,
/// combines the update `point` computes into the destination element.
static Value buildScatterLoops(OpBuilder &b, Location loc, Value dest,
                               ArrayRef<OpFoldResult> sizes,
                               tl::ScatterReduction reduction,
                               ScatterPointFn point) {
  Type elementType = cast<RankedTensorType>(dest.getType()).getElementType();
  Value zero = arith::ConstantIndexOp::create(b, loc, 0);
  Value one = arith::ConstantIndexOp::create(b, loc, 1);
  SmallVector<Value> lbs(sizes.size(), zero), steps(sizes.size(), one);
  scf::LoopNest nest = scf::buildLoopNest(
      b, loc, lbs, toValues(b, loc, sizes), steps, ValueRange{dest},
      [&](OpBuilder &nb, Location nloc, ValueRange ivs,
          ValueRange args) -> scf::ValueVector {
        auto [target, update] = point(nb, nloc, ivs);
        Value acc = args[0];
        if (reduction != tl::ScatterReduction::none) {
          Value old = tensor::ExtractOp::create(nb, nloc, acc, target);
          update = combine(nb, nloc, reduction, old, update, elementType);
        }
        return {tensor::InsertOp::create(nb, nloc, update, acc, target)};
      });
  return nest.results.front();
}

namespace {

//===----------------------------------------------------------------------===//
// Gathers
//===----------------------------------------------------------------------===//

struct GatherElementsOpLowering : OpConversionPattern<tl::GatherElementsOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(tl::GatherElementsOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType resultType = op.getType();
    Value data = adaptor.getData(), indices = adaptor.getIndices();
    int64_t rank = resultType.getRank();
    int64_t axis = normalized(op.getAxis(), rank);
    OpFoldResult axisSize = getDimSize(rewriter, loc, data, axis);
    SmallVector<OpFoldResult> sizes =
        refineSizes(resultType, getDimSizes(rewriter, loc, indices));
    Value result = buildIndexedGeneric(
        rewriter, loc, sizes, resultType.getElementType(), ValueRange{indices},
        {rewriter.getMultiDimIdentityMap(rank)},
        [&](OpBuilder &b, Location l, ValueRange ivs, ValueRange args) {
          Value index =
              arith::IndexCastOp::create(b, l, b.getIndexType(), args[0]);
          SmallVector<Value> source(ivs);
          source[axis] = wrap(b, l, index, axisSize);
          return Value(tensor::ExtractOp::create(b, l, data, source));
        });
    rewriter.replaceOp(op, castToType(rewriter, loc, result, resultType));
    return success();
  }
};

struct GatherNDOpLowering : OpConversionPattern<tl::GatherNDOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(tl::GatherNDOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType resultType = op.getType();
    Value data = adaptor.getData(), indices = adaptor.getIndices();
    auto indicesType = cast<RankedTensorType>(indices.getType());
    int64_t batchDims = op.getBatchDims();
    int64_t tupleDims = indicesType.getRank() - 1;
    int64_t k = indicesType.getShape().back();
    SmallVector<OpFoldResult> dataSizes = getDimSizes(rewriter, loc, data);
    SmallVector<OpFoldResult> sizes = getDimSizes(rewriter, loc, indices);
    sizes.pop_back();
    sizes.append(dataSizes.begin() + batchDims + k, dataSizes.end());
    Value result = buildIndexedGeneric(
        rewriter, loc, refineSizes(resultType, sizes),
        resultType.getElementType(), ValueRange{}, {},
        [&](OpBuilder &b, Location l, ValueRange ivs, ValueRange) {
          SmallVector<Value> source(ivs.take_front(batchDims));
          SmallVector<Value> position(ivs.take_front(tupleDims));
          position.push_back(Value());
          for (int64_t j = 0; j < k; ++j) {
            position.back() = arith::ConstantIndexOp::create(b, l, j);
            Value index = extractIndex(b, l, indices, position);
            source.push_back(wrap(b, l, index, dataSizes[batchDims + j]));
          }
          llvm::append_range(source, ivs.drop_front(tupleDims));
          return Value(tensor::ExtractOp::create(b, l, data, source));
        });
    rewriter.replaceOp(op, castToType(rewriter, loc, result, resultType));
    return success();
  }
};

struct ReverseSequenceOpLowering
    : OpConversionPattern<tl::ReverseSequenceOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(tl::ReverseSequenceOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType resultType = op.getType();
    Value input = adaptor.getInput(), lens = adaptor.getSequenceLens();
    int64_t batchAxis = op.getBatchAxis(), timeAxis = op.getTimeAxis();
    OpFoldResult timeSize = getDimSize(rewriter, loc, input, timeAxis);
    Value result = buildIndexedGeneric(
        rewriter, loc,
        refineSizes(resultType, getDimSizes(rewriter, loc, input)),
        resultType.getElementType(), ValueRange{}, {},
        [&](OpBuilder &b, Location l, ValueRange ivs, ValueRange) {
          // A length outside [0, steps] is clamped into it.
          IndexMath im(b, l);
          Value len = im.value(im.max(
              im.min(extractIndex(b, l, lens, ivs[batchAxis]), timeSize),
              im.c(0)));
          Value t = ivs[timeAxis];
          Value inside = arith::CmpIOp::create(
              b, l, arith::CmpIPredicate::slt, t, len);
          Value one = arith::ConstantIndexOp::create(b, l, 1);
          Value reversed = arith::SubIOp::create(
              b, l, arith::SubIOp::create(b, l, len, one), t);
          SmallVector<Value> source(ivs);
          source[timeAxis] = arith::SelectOp::create(b, l, inside, reversed, t);
          return Value(tensor::ExtractOp::create(b, l, input, source));
        });
    rewriter.replaceOp(op, castToType(rewriter, loc, result, resultType));
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Scatters
//===----------------------------------------------------------------------===//

struct ScatterElementsOpLowering
    : OpConversionPattern<tl::ScatterElementsOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(tl::ScatterElementsOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value data = adaptor.getData(), indices = adaptor.getIndices(),
          updates = adaptor.getUpdates();
    int64_t axis = normalized(op.getAxis(), op.getType().getRank());
    OpFoldResult axisSize = getDimSize(rewriter, loc, data, axis);
    Value result = buildScatterLoops(
        rewriter, loc, data, getDimSizes(rewriter, loc, indices),
        op.getReduction(), [&](OpBuilder &b, Location l, ValueRange ivs) {
          SmallVector<Value> target(ivs);
          target[axis] = wrap(b, l, extractIndex(b, l, indices, ivs), axisSize);
          Value update = tensor::ExtractOp::create(b, l, updates, ivs);
          return std::make_pair(target, update);
        });
    rewriter.replaceOp(op, castToType(rewriter, loc, result, op.getType()));
    return success();
  }
};

struct ScatterNDOpLowering : OpConversionPattern<tl::ScatterNDOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(tl::ScatterNDOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value data = adaptor.getData(), indices = adaptor.getIndices(),
          updates = adaptor.getUpdates();
    auto indicesType = cast<RankedTensorType>(indices.getType());
    int64_t tupleDims = indicesType.getRank() - 1;
    int64_t k = indicesType.getShape().back();
    SmallVector<OpFoldResult> dataSizes = getDimSizes(rewriter, loc, data);
    // The updates' shape, indices.shape[:-1] + data.shape[k:].
    SmallVector<OpFoldResult> sizes = getDimSizes(rewriter, loc, indices);
    sizes.pop_back();
    sizes.append(dataSizes.begin() + k, dataSizes.end());
    Value result = buildScatterLoops(
        rewriter, loc, data, sizes, op.getReduction(),
        [&](OpBuilder &b, Location l, ValueRange ivs) {
          SmallVector<Value> target;
          SmallVector<Value> position(ivs.take_front(tupleDims));
          position.push_back(Value());
          for (int64_t j = 0; j < k; ++j) {
            position.back() = arith::ConstantIndexOp::create(b, l, j);
            target.push_back(
                wrap(b, l, extractIndex(b, l, indices, position), dataSizes[j]));
          }
          llvm::append_range(target, ivs.drop_front(tupleDims));
          Value update = tensor::ExtractOp::create(b, l, updates, ivs);
          return std::make_pair(target, update);
        });
    rewriter.replaceOp(op, castToType(rewriter, loc, result, op.getType()));
    return success();
  }
};

struct MaxUnpoolOpLowering : OpConversionPattern<tl::MaxUnpoolOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(tl::MaxUnpoolOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType resultType = op.getType();
    Value input = adaptor.getInput(), indices = adaptor.getIndices();
    Type elementType = resultType.getElementType();
    SmallVector<OpFoldResult> sizes = getDimSizes(rewriter, loc, input);
    sizes.resize(2);
    for (int64_t d : op.getOutputShape())
      sizes.push_back(rewriter.getIndexAttr(d));
    sizes = refineSizes(resultType, sizes);
    Value zeros = createFilled(
        rewriter, loc, sizes,
        createScalarConstant(rewriter, loc, elementType, 0.0));
    // The indices count over the whole output tensor: scatter into its
    // flat view.
    SmallVector<ReassociationIndices> all(1);
    for (int64_t i = 0; i < resultType.getRank(); ++i)
      all.front().push_back(i);
    Value flat = collapse(rewriter, loc, zeros, all);
    OpFoldResult total = IndexMath(rewriter, loc).product(sizes);
    Value scattered = buildScatterLoops(
        rewriter, loc, flat, getDimSizes(rewriter, loc, input),
        tl::ScatterReduction::none,
        [&](OpBuilder &b, Location l, ValueRange ivs) {
          SmallVector<Value> target{
              wrap(b, l, extractIndex(b, l, indices, ivs), total)};
          Value update = tensor::ExtractOp::create(b, l, input, ivs);
          return std::make_pair(target, update);
        });
    Value result = expand(rewriter, loc, scattered, all, sizes);
    rewriter.replaceOp(op, castToType(rewriter, loc, result, resultType));
    return success();
  }
};

//===----------------------------------------------------------------------===//
// top_k
//===----------------------------------------------------------------------===//

struct TopKOpLowering : OpConversionPattern<tl::TopKOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(tl::TopKOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value input = adaptor.getInput();
    auto valuesType = cast<RankedTensorType>(op.getValues().getType());
    auto indicesType = cast<RankedTensorType>(op.getIndices().getType());
    Type elementType = valuesType.getElementType();
    bool isUnsigned = tlc::ew::isUnsignedInt(elementType);
    int64_t rank = valuesType.getRank();
    int64_t axis = normalized(op.getAxis(), rank);
    bool largest = op.getLargest();
    MLIRContext *context = rewriter.getContext();
    Type i64 = rewriter.getI64Type();

    // Iteration spaces of rank + 1: the slice position plus a reduced dim
    // `r` walking the axis.
    SmallVector<OpFoldResult> inputSizes = getDimSizes(rewriter, loc, input);
    OpFoldResult axisSize = inputSizes[axis];
    AffineMap identity = AffineMap::getMultiDimIdentityMap(rank + 1, context)
                             .getMajorSubMap(rank);
    SmallVector<AffineExpr> atR(identity.getResults());
    atR[axis] = rewriter.getAffineDimExpr(rank);
    AffineMap alongR = AffineMap::get(rank + 1, 0, atR, context);

    // rank[i] = #{r : x[r] beats x[i]}, where x[r] beats x[i] when it is
    // larger (smaller) or equal at a lower position.
    SmallVector<OpFoldResult> rankSizes(inputSizes);
    rankSizes.push_back(axisSize);
    Value zero64 = arith::ConstantOp::create(rewriter, loc, i64,
                                             rewriter.getI64IntegerAttr(0));
    Value ranks = tlc::ew::buildReductionGeneric(
        rewriter, loc, ValueRange{input, input}, {identity, alongR}, rankSizes,
        {rank}, zero64,
        [&](OpBuilder &b, Location l, ValueRange args, Value acc) -> Value {
          Value xi = args[0], xr = args[1];
          Value beats, equal;
          if (isa<FloatType>(xi.getType())) {
            // NaN ranks above every number and equal to NaN (as PyTorch's
            // topk), so that the order is total and every rank is taken.
            auto isNaN = [&](Value v) -> Value {
              return arith::CmpFOp::create(b, l, arith::CmpFPredicate::UNO, v,
                                           v);
            };
            auto notNaN = [&](Value v) -> Value {
              return arith::CmpFOp::create(b, l, arith::CmpFPredicate::ORD, v,
                                           v);
            };
            Value ordered = arith::CmpFOp::create(
                b, l,
                largest ? arith::CmpFPredicate::OGT : arith::CmpFPredicate::OLT,
                xr, xi);
            Value byNaN =
                largest ? arith::AndIOp::create(b, l, isNaN(xr), notNaN(xi))
                        : arith::AndIOp::create(b, l, notNaN(xr), isNaN(xi));
            beats = arith::OrIOp::create(b, l, ordered, byNaN);
            equal = arith::OrIOp::create(
                b, l,
                arith::CmpFOp::create(b, l, arith::CmpFPredicate::OEQ, xr, xi),
                arith::AndIOp::create(b, l, isNaN(xr), isNaN(xi)));
          } else {
            arith::CmpIPredicate pred =
                largest ? (isUnsigned ? arith::CmpIPredicate::ugt
                                      : arith::CmpIPredicate::sgt)
                        : (isUnsigned ? arith::CmpIPredicate::ult
                                      : arith::CmpIPredicate::slt);
            beats = arith::CmpIOp::create(b, l, pred, xr, xi);
            equal =
                arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq, xr, xi);
          }
          Value r = linalg::IndexOp::create(b, l, rank);
          Value i = linalg::IndexOp::create(b, l, axis);
          Value before =
              arith::CmpIOp::create(b, l, arith::CmpIPredicate::ult, r, i);
          Value wins = arith::OrIOp::create(
              b, l, beats, arith::AndIOp::create(b, l, equal, before));
          Value one = arith::ExtUIOp::create(b, l, acc.getType(), wins);
          return arith::AddIOp::create(b, l, acc, one);
        });

    // indices[p] = the r whose rank is p (exactly one), as a sum.
    SmallVector<OpFoldResult> pickSizes(inputSizes);
    pickSizes[axis] = rewriter.getIndexAttr(op.getK());
    pickSizes = refineSizes(indicesType, pickSizes);
    pickSizes.push_back(axisSize);
    Value indices = tlc::ew::buildReductionGeneric(
        rewriter, loc, ValueRange{ranks}, {alongR}, pickSizes, {rank}, zero64,
        [&](OpBuilder &b, Location l, ValueRange args, Value acc) -> Value {
          Value p = arith::IndexCastOp::create(
              b, l, i64, linalg::IndexOp::create(b, l, axis));
          Value r = arith::IndexCastOp::create(
              b, l, i64, linalg::IndexOp::create(b, l, rank));
          Value hit =
              arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq, args[0], p);
          Value term = arith::SelectOp::create(b, l, hit, r, zero64);
          return arith::AddIOp::create(b, l, acc, term);
        });

    pickSizes.pop_back();
    Value values = buildIndexedGeneric(
        rewriter, loc, pickSizes, elementType, ValueRange{indices},
        {rewriter.getMultiDimIdentityMap(rank)},
        [&](OpBuilder &b, Location l, ValueRange ivs, ValueRange args) {
          SmallVector<Value> source(ivs);
          source[axis] =
              arith::IndexCastOp::create(b, l, b.getIndexType(), args[0]);
          return Value(tensor::ExtractOp::create(b, l, input, source));
        });
    rewriter.replaceOp(op, {castToType(rewriter, loc, values, valuesType),
                            castToType(rewriter, loc, indices, indicesType)});
    return success();
  }
};

} // namespace

void mlir::tlc::populateTLIndexingToLinalgPatterns(
    RewritePatternSet &patterns) {
  patterns.add<GatherElementsOpLowering, GatherNDOpLowering,
               ReverseSequenceOpLowering, ScatterElementsOpLowering,
               ScatterNDOpLowering, MaxUnpoolOpLowering, TopKOpLowering>(
      patterns.getContext());
}
