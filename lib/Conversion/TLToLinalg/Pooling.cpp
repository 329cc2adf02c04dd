//===- Pooling.cpp - tl pooling ops to linalg -----------------------------===//
//
// Windowed pooling pads the input (with the lowest value for max, zeros for
// average; ceil_mode adds end padding so the last window fits) and uses
// linalg.pooling_ncw_* / linalg.pooling_nchw_* for 1-D/2-D, or a
// linalg.generic with the same indexing maps for 3-D (linalg has no
// channels-first 3-D pooling) and unsigned max (compared as zero-extended
// index values, as arith takes signless integers only). Average pooling divides
// by the exact per-position count of the window's elements inside the input (or
// inside input plus explicit padding with count_include_pad), computed from
// the output indices in the dividing linalg.generic.
//
//===----------------------------------------------------------------------===//

#include "StructuredUtils.h"

#include "tlc/Conversion/TLToLinalg/TLToLinalg.h"

#include "tl/IR/TLOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/Transforms/DialectConversion.h"

using namespace mlir;
using namespace mlir::tlc::detail;

namespace {
/// Combines the accumulator with one input element.
using CombineFn =
    function_ref<Value(OpBuilder &b, Location loc, Value acc, Value element)>;

/// A pooling window and its placement, one entry per spatial dim.
struct PoolWindow {
  SmallVector<int64_t> kernel, strides, dilations, pads;
  bool ceilMode = false;

  int64_t spatial() const { return kernel.size(); }
  int64_t padBegin(int64_t i) const { return pads[i]; }
  int64_t padEnd(int64_t i) const { return pads[spatial() + i]; }
};
} // namespace

/// Output spatial sizes: the result type's static sizes, else
/// floor/ceil((D + pads - dilation * (K - 1) - 1) / stride) + 1, less one in
/// ceil mode when the last window would start past the begin padding + input.
static SmallVector<OpFoldResult> getPoolOutputSizes(OpBuilder &b, Location loc,
                                                    Value input,
                                                    RankedTensorType resultType,
                                                    const PoolWindow &w) {
  IndexMath m(b, loc);
  SmallVector<OpFoldResult> sizes;
  for (int64_t i = 0; i < w.spatial(); ++i) {
    if (!resultType.isDynamicDim(2 + i)) {
      sizes.push_back(m.c(resultType.getDimSize(2 + i)));
      continue;
    }
    OpFoldResult size = getDimSize(b, loc, input, 2 + i);
    OpFoldResult span = m.sub(m.add(size, m.c(w.padBegin(i) + w.padEnd(i))),
                              m.c(w.dilations[i] * (w.kernel[i] - 1) + 1));
    OpFoldResult stride = m.c(w.strides[i]);
    if (!w.ceilMode) {
      sizes.push_back(m.add(m.floorDiv(span, stride), m.c(1)));
      continue;
    }
    OpFoldResult out = m.add(m.ceilDiv(span, stride), m.c(1));
    OpFoldResult lastStart = m.mul(m.sub(out, m.c(1)), stride);
    sizes.push_back(
        m.sub(out, m.ge(lastStart, m.add(size, m.c(w.padBegin(i))))));
  }
  return sizes;
}

/// Pads `input` for the windows: begin pads, and end pads grown so that the
/// last (ceil-mode) window lies inside.
static Value padForWindows(OpBuilder &b, Location loc, Value input,
                           ArrayRef<OpFoldResult> outSizes, const PoolWindow &w,
                           Value padValue) {
  IndexMath m(b, loc);
  SmallVector<OpFoldResult> low(2, m.c(0)), high(2, m.c(0));
  for (int64_t i = 0; i < w.spatial(); ++i) {
    low.push_back(m.c(w.padBegin(i)));
    OpFoldResult end = m.c(w.padEnd(i));
    if (w.ceilMode) {
      // Needed extent: (O - 1) * stride + dilation * (K - 1) + 1.
      OpFoldResult needed =
          m.add(m.mul(m.sub(outSizes[i], m.c(1)), m.c(w.strides[i])),
                m.c(w.dilations[i] * (w.kernel[i] - 1) + 1));
      OpFoldResult available = m.add(getDimSize(b, loc, input, 2 + i),
                                     m.c(w.padBegin(i) + w.padEnd(i)));
      end = m.add(end, m.max(m.c(0), m.sub(needed, available)));
    }
    high.push_back(end);
  }
  return padWithValue(b, loc, input, low, high, padValue);
}

/// Pooling as a linalg.generic: loops n, c, o..., k...; the input is read at
/// (n, c, o * stride + k * dilation), the window tensor at (k...).
static Value createPoolingGeneric(OpBuilder &b, Location loc, Value input,
                                  Value window, Value init, const PoolWindow &w,
                                  CombineFn combine) {
  int64_t spatial = w.spatial();
  int64_t numLoops = 2 + 2 * spatial;
  SmallVector<AffineExpr> inputExprs = {b.getAffineDimExpr(0),
                                        b.getAffineDimExpr(1)};
  SmallVector<AffineExpr> outputExprs(inputExprs), windowExprs;
  for (int64_t i = 0; i < spatial; ++i) {
    AffineExpr o = b.getAffineDimExpr(2 + i);
    AffineExpr k = b.getAffineDimExpr(2 + spatial + i);
    inputExprs.push_back(o * w.strides[i] + k * w.dilations[i]);
    windowExprs.push_back(k);
    outputExprs.push_back(o);
  }
  MLIRContext *ctx = b.getContext();
  SmallVector<AffineMap> maps = {AffineMap::get(numLoops, 0, inputExprs, ctx),
                                 AffineMap::get(numLoops, 0, windowExprs, ctx),
                                 AffineMap::get(numLoops, 0, outputExprs, ctx)};
  SmallVector<utils::IteratorType> iterators(2 + spatial,
                                             utils::IteratorType::parallel);
  iterators.append(spatial, utils::IteratorType::reduction);
  return linalg::GenericOp::create(
             b, loc, TypeRange{init.getType()}, ValueRange{input, window},
             ValueRange{init}, maps, iterators,
             [&](OpBuilder &nb, Location nloc, ValueRange args) {
               linalg::YieldOp::create(nb, nloc,
                                       combine(nb, nloc, args[2], args[0]));
             })
      .getResult(0);
}

template <typename NamedOp>
static Value createNamedPooling(OpBuilder &b, Location loc, Value input,
                                Value window, Value init, const PoolWindow &w) {
  return NamedOp::create(b, loc, TypeRange{init.getType()},
                         ValueRange{input, window}, ValueRange{init},
                         b.getI64TensorAttr(w.strides),
                         b.getI64TensorAttr(w.dilations))
      .getResult(0);
}

/// The [N, C, O...] destination filled with `fill` and the window-shape
/// tensor the pooling ops take.
static std::pair<Value, Value>
createPoolingOperands(OpBuilder &b, Location loc, Value input,
                      ArrayRef<OpFoldResult> outSizes, const PoolWindow &w,
                      Value fill) {
  SmallVector<OpFoldResult> sizes = {getDimSize(b, loc, input, 0),
                                     getDimSize(b, loc, input, 1)};
  llvm::append_range(sizes, outSizes);
  SmallVector<OpFoldResult> windowSizes;
  for (int64_t k : w.kernel)
    windowSizes.push_back(b.getIndexAttr(k));
  Value window = createEmpty(b, loc, windowSizes, fill.getType());
  return {createFilled(b, loc, sizes, fill), window};
}

namespace {

struct MaxPoolOpLowering : OpConversionPattern<tl::MaxPoolOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(tl::MaxPoolOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType resultType = op.getType();
    Type originalElementType = resultType.getElementType();
    bool isFloat = isa<FloatType>(originalElementType);
    bool isUnsigned = originalElementType.isUnsignedInteger();
    PoolWindow w{SmallVector<int64_t>(op.getKernelShape()),
                 op.getStridesOrDefault(), op.getDilationsOrDefault(),
                 op.getPadsOrDefault(), op.getCeilMode()};

    Value input = adaptor.getInput();
    // The lowest value pads, so padding never wins.
    Value lowest = createLowestValue(rewriter, loc, originalElementType);
    SmallVector<OpFoldResult> outSizes =
        getPoolOutputSizes(rewriter, loc, input, resultType, w);
    Value padded = padForWindows(rewriter, loc, input, outSizes, w, lowest);
    auto [init, window] =
        createPoolingOperands(rewriter, loc, input, outSizes, w, lowest);

    Value result;
    if (!isUnsigned && w.spatial() == 1) {
      result = createNamedPooling<linalg::PoolingNcwMaxOp>(
          rewriter, loc, padded, window, init, w);
    } else if (!isUnsigned && w.spatial() == 2) {
      result = createNamedPooling<linalg::PoolingNchwMaxOp>(
          rewriter, loc, padded, window, init, w);
    } else {
      result = createPoolingGeneric(
          rewriter, loc, padded, window, init, w,
          [&](OpBuilder &b, Location l, Value acc, Value element) -> Value {
            if (isFloat)
              return arith::MaximumFOp::create(b, l, acc, element);
            if (isUnsigned) {
              Value max =
                  arith::MaxUIOp::create(b, l, unsignedToIndex(b, l, acc),
                                         unsignedToIndex(b, l, element));
              return indexToUnsigned(b, l, max, originalElementType);
            }
            return arith::MaxSIOp::create(b, l, acc, element);
          });
    }
    rewriter.replaceOp(op, castToType(rewriter, loc, result, resultType));
    return success();
  }
};

/// Max pooling that also tracks the winner's flat input index: one
/// linalg.generic reducing (value, index) pairs over the window. An element
/// wins when it lies inside the unpadded input and is greater than the
/// accumulator, or equal with a smaller row-major index (so the result does
/// not depend on the reduction order; NaN never wins). Column-major indices
/// are converted from row-major ones afterwards.
struct MaxPoolWithIndicesOpLowering
    : OpConversionPattern<tl::MaxPoolWithIndicesOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(tl::MaxPoolWithIndicesOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto resultType = cast<RankedTensorType>(op.getOutput().getType());
    auto indicesType = cast<RankedTensorType>(op.getIndices().getType());
    Type elementType = resultType.getElementType();
    bool isFloat = isa<FloatType>(elementType);
    bool isUnsigned = elementType.isUnsignedInteger();
    PoolWindow w{SmallVector<int64_t>(op.getKernelShape()),
                 op.getStridesOrDefault(), op.getDilationsOrDefault(),
                 op.getPadsOrDefault(), op.getCeilMode()};
    int64_t spatial = w.spatial();
    Value input = adaptor.getInput();
    IndexMath m(rewriter, loc);

    Value lowest = createLowestValue(rewriter, loc, elementType);
    SmallVector<OpFoldResult> outSizes =
        getPoolOutputSizes(rewriter, loc, input, resultType, w);
    Value padded = padForWindows(rewriter, loc, input, outSizes, w, lowest);
    auto [init, window] =
        createPoolingOperands(rewriter, loc, input, outSizes, w, lowest);
    Type i64 = rewriter.getI64Type();
    Value none = arith::ConstantOp::create(rewriter, loc,
                                           rewriter.getI64IntegerAttr(-1));
    Value indexInit = createFilled(
        rewriter, loc, getDimSizes(rewriter, loc, init), none);
    SmallVector<Value> dims = llvm::map_to_vector(
        getDimSizes(rewriter, loc, input),
        [&](OpFoldResult size) { return m.value(size); });

    int64_t numLoops = 2 + 2 * spatial;
    MLIRContext *ctx = rewriter.getContext();
    SmallVector<AffineExpr> inputExprs = {rewriter.getAffineDimExpr(0),
                                          rewriter.getAffineDimExpr(1)};
    SmallVector<AffineExpr> outputExprs(inputExprs), windowExprs;
    for (int64_t i = 0; i < spatial; ++i) {
      AffineExpr o = rewriter.getAffineDimExpr(2 + i);
      AffineExpr k = rewriter.getAffineDimExpr(2 + spatial + i);
      inputExprs.push_back(o * w.strides[i] + k * w.dilations[i]);
      windowExprs.push_back(k);
      outputExprs.push_back(o);
    }
    AffineMap outputMap = AffineMap::get(numLoops, 0, outputExprs, ctx);
    SmallVector<AffineMap> maps = {AffineMap::get(numLoops, 0, inputExprs, ctx),
                                   AffineMap::get(numLoops, 0, windowExprs, ctx),
                                   outputMap, outputMap};
    SmallVector<utils::IteratorType> iterators(2 + spatial,
                                               utils::IteratorType::parallel);
    iterators.append(spatial, utils::IteratorType::reduction);
    auto pooling = linalg::GenericOp::create(
        rewriter, loc, TypeRange{init.getType(), indexInit.getType()},
        ValueRange{padded, window}, ValueRange{init, indexInit}, maps,
        iterators, [&](OpBuilder &b, Location l, ValueRange args) {
          Value element = args[0], acc = args[2], accIndex = args[3];
          IndexMath im(b, l);
          auto index = [&](int64_t dim) -> Value {
            return linalg::IndexOp::create(b, l, dim);
          };
          // Row-major flat index of the element in the unpadded input, and
          // whether it lies inside.
          OpFoldResult flat = im.add(im.mul(index(0), dims[1]), index(1));
          Value inside;
          for (int64_t i = 0; i < spatial; ++i) {
            OpFoldResult position = im.sub(
                im.add(im.mul(index(2 + i), im.c(w.strides[i])),
                       im.mul(index(2 + spatial + i), im.c(w.dilations[i]))),
                im.c(w.padBegin(i)));
            Value p = im.value(position);
            Value inRange = arith::AndIOp::create(
                b, l,
                arith::CmpIOp::create(b, l, arith::CmpIPredicate::sge, p,
                                      im.value(im.c(0))),
                arith::CmpIOp::create(b, l, arith::CmpIPredicate::slt, p,
                                      dims[2 + i]));
            inside = inside ? arith::AndIOp::create(b, l, inside, inRange)
                            : inRange;
            flat = im.add(im.mul(flat, dims[2 + i]), position);
          }
          Value flatIndex =
              arith::IndexCastOp::create(b, l, i64, im.value(flat));
          Value greater, equal;
          if (isFloat) {
            greater = arith::CmpFOp::create(b, l, arith::CmpFPredicate::OGT,
                                            element, acc);
            equal = arith::CmpFOp::create(b, l, arith::CmpFPredicate::OEQ,
                                          element, acc);
          } else {
            Value lhs = element, rhs = acc;
            if (isUnsigned) {
              lhs = unsignedToIndex(b, l, element);
              rhs = unsignedToIndex(b, l, acc);
            }
            greater = arith::CmpIOp::create(
                b, l,
                isUnsigned ? arith::CmpIPredicate::ugt
                           : arith::CmpIPredicate::sgt,
                lhs, rhs);
            equal = arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq, lhs,
                                          rhs);
          }
          // The initial index -1 is the largest unsigned value: any element
          // equal to the initial (lowest) value wins over it.
          Value earlier = arith::CmpIOp::create(b, l, arith::CmpIPredicate::ult,
                                                flatIndex, accIndex);
          Value better = arith::OrIOp::create(
              b, l, greater, arith::AndIOp::create(b, l, equal, earlier));
          Value take = arith::AndIOp::create(b, l, inside, better);
          linalg::YieldOp::create(
              b, l,
              ValueRange{arith::SelectOp::create(b, l, take, element, acc),
                         arith::SelectOp::create(b, l, take, flatIndex,
                                                 accIndex)});
        });
    Value values = pooling.getResult(0);
    Value indices = pooling.getResult(1);

    if (op.getStorageOrder() == tl::StorageOrder::column_major &&
        spatial > 1) {
      // v = plane * S + p with p row-major over the spatial dims: rebuild p
      // with the first spatial dim fastest.
      SmallVector<Value> spatialDims;
      for (int64_t i = 0; i < spatial; ++i)
        spatialDims.push_back(
            arith::IndexCastOp::create(rewriter, loc, i64, dims[2 + i]));
      AffineMap identity = AffineMap::getMultiDimIdentityMap(2 + spatial, ctx);
      indices = buildElementwiseGeneric(
          rewriter, loc, getDimSizes(rewriter, loc, indices), i64,
          ValueRange{indices}, {identity},
          [&](OpBuilder &b, Location l, ValueRange args) -> Value {
            Value rest = args[0];
            SmallVector<Value> coords(spatial);
            for (int64_t i = spatial - 1; i >= 0; --i) {
              coords[i] = arith::RemSIOp::create(b, l, rest, spatialDims[i]);
              rest = arith::DivSIOp::create(b, l, rest, spatialDims[i]);
            }
            // rest is now the (n, c) plane.
            Value result = rest;
            for (int64_t i = spatial - 1; i >= 0; --i)
              result = arith::MulIOp::create(b, l, result, spatialDims[i]);
            Value position = coords[spatial - 1];
            for (int64_t i = spatial - 2; i >= 0; --i)
              position = arith::AddIOp::create(
                  b, l, coords[i],
                  arith::MulIOp::create(b, l, spatialDims[i], position));
            return arith::AddIOp::create(b, l, result, position);
          });
    }
    rewriter.replaceOp(op, {castToType(rewriter, loc, values, resultType),
                            castToType(rewriter, loc, indices, indicesType)});
    return success();
  }
};

struct AvgPoolOpLowering : OpConversionPattern<tl::AvgPoolOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(tl::AvgPoolOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType resultType = op.getType();
    Type elementType = resultType.getElementType();
    int64_t spatial = op.getKernelShape().size();
    PoolWindow w{SmallVector<int64_t>(op.getKernelShape()),
                 op.getStridesOrDefault(), SmallVector<int64_t>(spatial, 1),
                 op.getPadsOrDefault(), op.getCeilMode()};
    bool countIncludePad = op.getCountIncludePad();
    Value input = adaptor.getInput();
    IndexMath m(rewriter, loc);

    Value zero = createScalarConstant(rewriter, loc, elementType, 0.0);
    SmallVector<OpFoldResult> outSizes =
        getPoolOutputSizes(rewriter, loc, input, resultType, w);
    Value padded = padForWindows(rewriter, loc, input, outSizes, w, zero);
    auto [init, window] =
        createPoolingOperands(rewriter, loc, input, outSizes, w, zero);
    Value sum;
    if (spatial == 1)
      sum = createNamedPooling<linalg::PoolingNcwSumOp>(rewriter, loc, padded,
                                                        window, init, w);
    else if (spatial == 2)
      sum = createNamedPooling<linalg::PoolingNchwSumOp>(rewriter, loc, padded,
                                                         window, init, w);
    else
      sum = createPoolingGeneric(
          rewriter, loc, padded, window, init, w,
          [](OpBuilder &b, Location l, Value acc, Value element) -> Value {
            return arith::AddFOp::create(b, l, acc, element);
          });

    // The divisor counts the window positions inside [lo, hi): the input
    // ([0, D)) or, with count_include_pad, the explicitly padded input
    // ([-pad_begin, D + pad_end)); ceil mode's extra end padding never counts.
    SmallVector<OpFoldResult> lo, hi;
    bool constantDivisor = true;
    for (int64_t i = 0; i < spatial; ++i) {
      OpFoldResult size = getDimSize(rewriter, loc, input, 2 + i);
      lo.push_back(m.c(countIncludePad ? -w.padBegin(i) : 0));
      hi.push_back(countIncludePad ? m.add(size, m.c(w.padEnd(i))) : size);
      // Every window is full when it never reaches outside [lo, hi).
      bool noPads = countIncludePad || (w.padBegin(i) == 0 && w.padEnd(i) == 0);
      std::optional<int64_t> out = getConstantIntValue(outSizes[i]);
      std::optional<int64_t> bound = getConstantIntValue(hi[i]);
      bool fits =
          out && bound &&
          (*out - 1) * w.strides[i] - w.padBegin(i) + w.kernel[i] <= *bound;
      constantDivisor &= noPads && fits;
    }
    int64_t windowSize = 1;
    for (int64_t k : w.kernel)
      windowSize *= k;

    SmallVector<OpFoldResult> sizes = getDimSizes(rewriter, loc, sum);
    AffineMap identity =
        AffineMap::getMultiDimIdentityMap(2 + spatial, rewriter.getContext());
    Value result;
    if (constantDivisor) {
      Value divisor =
          createScalarConstant(rewriter, loc, elementType, windowSize);
      result = buildElementwiseGeneric(
          rewriter, loc, sizes, elementType, ValueRange{sum}, {identity},
          [&](OpBuilder &b, Location l, ValueRange args) -> Value {
            return arith::DivFOp::create(b, l, args[0], divisor);
          });
    } else {
      result = buildIndexedGeneric(
          rewriter, loc, sizes, elementType, ValueRange{sum}, {identity},
          [&](OpBuilder &b, Location l, ValueRange indices,
              ValueRange args) -> Value {
            IndexMath im(b, l);
            OpFoldResult count = im.c(1);
            for (int64_t i = 0; i < spatial; ++i) {
              OpFoldResult start =
                  im.sub(im.mul(indices[2 + i], im.c(w.strides[i])),
                         im.c(w.padBegin(i)));
              OpFoldResult end =
                  im.min(im.add(start, im.c(w.kernel[i])), hi[i]);
              count = im.mul(count, im.sub(end, im.max(start, lo[i])));
            }
            Value asInt = arith::IndexCastOp::create(b, l, b.getI64Type(),
                                                     im.value(count));
            Value divisor = arith::SIToFPOp::create(b, l, elementType, asInt);
            return arith::DivFOp::create(b, l, args[0], divisor);
          });
    }
    rewriter.replaceOp(op, castToType(rewriter, loc, result, resultType));
    return success();
  }
};

/// Reduces every spatial dim of [N, C, D...] into [N, C, 1...].
template <typename GlobalPoolOp, bool isMax>
struct GlobalPoolOpLowering : OpConversionPattern<GlobalPoolOp> {
  using OpConversionPattern<GlobalPoolOp>::OpConversionPattern;
  using OpAdaptor = typename GlobalPoolOp::Adaptor;

  LogicalResult
  matchAndRewrite(GlobalPoolOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType resultType = op.getType();
    Type elementType = resultType.getElementType();
    Value input = adaptor.getInput();
    int64_t rank = cast<RankedTensorType>(input.getType()).getRank();
    MLIRContext *ctx = rewriter.getContext();
    IndexMath m(rewriter, loc);

    Value fill = isMax ? createLowestValue(rewriter, loc, elementType)
                       : createScalarConstant(rewriter, loc, elementType, 0.0);
    SmallVector<OpFoldResult> inputSizes = getDimSizes(rewriter, loc, input);
    Value init =
        createFilled(rewriter, loc, ArrayRef(inputSizes).take_front(2), fill);
    SmallVector<utils::IteratorType> iterators(2,
                                               utils::IteratorType::parallel);
    iterators.append(rank - 2, utils::IteratorType::reduction);
    SmallVector<AffineMap> maps = {
        AffineMap::getMultiDimIdentityMap(rank, ctx),
        AffineMap::get(
            rank, 0,
            {rewriter.getAffineDimExpr(0), rewriter.getAffineDimExpr(1)}, ctx)};
    Value reduced =
        linalg::GenericOp::create(
            rewriter, loc, TypeRange{init.getType()}, ValueRange{input},
            ValueRange{init}, maps, iterators,
            [](OpBuilder &b, Location l, ValueRange args) {
              Value combined =
                  isMax ? arith::MaximumFOp::create(b, l, args[1], args[0])
                              .getResult()
                        : arith::AddFOp::create(b, l, args[1], args[0])
                              .getResult();
              linalg::YieldOp::create(b, l, combined);
            })
            .getResult(0);

    if (!isMax) {
      OpFoldResult count = m.product(ArrayRef(inputSizes).drop_front(2));
      Value asInt = arith::IndexCastOp::create(
          rewriter, loc, rewriter.getI64Type(), m.value(count));
      Value divisor =
          arith::SIToFPOp::create(rewriter, loc, elementType, asInt);
      reduced = buildElementwiseGeneric(
          rewriter, loc, getDimSizes(rewriter, loc, reduced), elementType,
          ValueRange{reduced}, {AffineMap::getMultiDimIdentityMap(2, ctx)},
          [&](OpBuilder &b, Location l, ValueRange args) -> Value {
            return arith::DivFOp::create(b, l, args[0], divisor);
          });
    }

    SmallVector<OpFoldResult> outSizes(inputSizes.begin(),
                                       inputSizes.begin() + 2);
    outSizes.append(rank - 2, m.c(1));
    SmallVector<ReassociationIndices> groups = {{0}, {1}};
    for (int64_t i = 2; i < rank; ++i)
      groups.back().push_back(i);
    Value result = expand(rewriter, loc, reduced, groups,
                          refineSizes(resultType, outSizes));
    rewriter.replaceOp(op, castToType(rewriter, loc, result, resultType));
    return success();
  }
};

} // namespace

void mlir::tlc::populateTLPoolingToLinalgPatterns(RewritePatternSet &patterns) {
  patterns.add<MaxPoolOpLowering, MaxPoolWithIndicesOpLowering,
               AvgPoolOpLowering,
               GlobalPoolOpLowering<tl::GlobalAvgPoolOp, false>,
               GlobalPoolOpLowering<tl::GlobalMaxPoolOp, true>>(
      patterns.getContext());
}
