//===- Conv.cpp - tl.conv and tl.conv_transpose to linalg -----------------===//
//
// tl.conv pads its input with zeros (tensor.pad), then uses the channels-first
// named convolution of its rank: linalg.conv_{1,2,3}d_nc*_fc* for group 1,
// linalg.depthwise_conv_{1,2,3}d_nc*_c* for depthwise (group == C == F), and
// linalg.conv_2d_ngchw_gfchw (2-D) or an equivalent linalg.generic (1-D, 3-D)
// for other groups, on [N, G, C/G, ...] views. The bias is an elementwise
// linalg.generic after the convolution.
//
// tl.conv_transpose is the stride-1 convolution of the input dilated by the
// stride (zeros inserted), padded by dilation * (K - 1) - pad (plus
// output_padding at the end; a negative amount crops), with the kernel
// flipped and its in/out channels swapped per group.
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
/// A convolution's window parameters, one entry per spatial dim.
struct ConvWindow {
  SmallVector<int64_t> strides, dilations;
};
} // namespace

template <typename NamedOp>
static Value createNamedConv(OpBuilder &b, Location loc, Value input,
                             Value weight, Value init,
                             const ConvWindow &window) {
  return NamedOp::create(b, loc, TypeRange{init.getType()},
                         ValueRange{input, weight}, ValueRange{init},
                         b.getI64TensorAttr(window.strides),
                         b.getI64TensorAttr(window.dilations))
      .getResult(0);
}

/// Grouped convolution as a linalg.generic: input [N, G, C/G, D...], weight
/// [G, F/G, C/G, K...], init [N, G, F/G, O...] (the maps of
/// linalg.conv_2d_ngchw_gfchw, for any spatial rank).
static Value createGroupedConvGeneric(OpBuilder &b, Location loc, Value input,
                                      Value weight, Value init,
                                      const ConvWindow &window) {
  int64_t spatial = window.strides.size();
  // Loops: n, g, f, o_1..o_S, c, k_1..k_S.
  int64_t numLoops = 4 + 2 * spatial;
  auto d = [&](int64_t i) { return b.getAffineDimExpr(i); };
  AffineExpr n = d(0), g = d(1), f = d(2), c = d(3 + spatial);
  SmallVector<AffineExpr> inputExprs = {n, g, c}, weightExprs = {g, f, c},
                          outputExprs = {n, g, f};
  for (int64_t i = 0; i < spatial; ++i) {
    AffineExpr o = d(3 + i), k = d(4 + spatial + i);
    inputExprs.push_back(o * window.strides[i] + k * window.dilations[i]);
    weightExprs.push_back(k);
    outputExprs.push_back(o);
  }
  MLIRContext *ctx = b.getContext();
  SmallVector<AffineMap> maps = {AffineMap::get(numLoops, 0, inputExprs, ctx),
                                 AffineMap::get(numLoops, 0, weightExprs, ctx),
                                 AffineMap::get(numLoops, 0, outputExprs, ctx)};
  SmallVector<utils::IteratorType> iterators(3 + spatial,
                                             utils::IteratorType::parallel);
  iterators.append(1 + spatial, utils::IteratorType::reduction);
  return linalg::GenericOp::create(
             b, loc, TypeRange{init.getType()}, ValueRange{input, weight},
             ValueRange{init}, maps, iterators,
             [](OpBuilder &nb, Location nloc, ValueRange args) {
               if (isa<IntegerType>(args[0].getType())) {
                 Value product =
                     arith::MulIOp::create(nb, nloc, args[0], args[1]);
                 Value sum = arith::AddIOp::create(nb, nloc, args[2], product);
                 linalg::YieldOp::create(nb, nloc, sum);
                 return;
               }
               Value product =
                   arith::MulFOp::create(nb, nloc, args[0], args[1]);
               Value sum = arith::AddFOp::create(nb, nloc, args[2], product);
               linalg::YieldOp::create(nb, nloc, sum);
             })
      .getResult(0);
}

/// Convolution (no padding, no bias) of `input` [N, C, D...] with `weight`
/// [F, C/G, K...] into [N, F, O...] where `outSpatial` gives the O sizes.
static Value buildConvolution(OpBuilder &b, Location loc, Value input,
                              Value weight, const ConvWindow &window,
                              int64_t group,
                              ArrayRef<OpFoldResult> outSpatial) {
  auto inputType = cast<RankedTensorType>(input.getType());
  auto weightType = cast<RankedTensorType>(weight.getType());
  Type elementType = inputType.getElementType();
  int64_t spatial = inputType.getRank() - 2;
  Value zero = createScalarConstant(b, loc, elementType, 0.0);
  IndexMath m(b, loc);

  OpFoldResult batch = getDimSize(b, loc, input, 0);
  OpFoldResult channels = getDimSize(b, loc, input, 1);
  OpFoldResult filters = getDimSize(b, loc, weight, 0);
  SmallVector<OpFoldResult> outSizes = {batch, filters};
  llvm::append_range(outSizes, outSpatial);

  if (group == 1) {
    Value init = createFilled(b, loc, outSizes, zero);
    switch (spatial) {
    case 1:
      return createNamedConv<linalg::Conv1DNcwFcwOp>(b, loc, input, weight,
                                                     init, window);
    case 2:
      return createNamedConv<linalg::Conv2DNchwFchwOp>(b, loc, input, weight,
                                                       init, window);
    default:
      return createNamedConv<linalg::Conv3DNcdhwFcdhwOp>(b, loc, input, weight,
                                                         init, window);
    }
  }

  // Depthwise with multiplier 1: weight [C, 1, K...] -> [C, K...].
  int64_t staticChannels = inputType.getDimSize(1);
  if (!ShapedType::isDynamic(staticChannels) && group == staticChannels &&
      weightType.getDimSize(0) == staticChannels) {
    SmallVector<ReassociationIndices> groups = {{0, 1}};
    for (int64_t i = 0; i < spatial; ++i)
      groups.push_back({2 + i});
    Value kernel = collapse(b, loc, weight, groups);
    Value init = createFilled(b, loc, outSizes, zero);
    switch (spatial) {
    case 1:
      return createNamedConv<linalg::DepthwiseConv1DNcwCwOp>(
          b, loc, input, kernel, init, window);
    case 2:
      return createNamedConv<linalg::DepthwiseConv2DNchwChwOp>(
          b, loc, input, kernel, init, window);
    default:
      return createNamedConv<linalg::DepthwiseConv3DNcdhwCdhwOp>(
          b, loc, input, kernel, init, window);
    }
  }

  // General groups on [N, G, C/G, ...] views.
  OpFoldResult g = m.c(group);
  SmallVector<OpFoldResult> inputSizes = {batch, g, m.floorDiv(channels, g)};
  SmallVector<OpFoldResult> weightSizes = {g, m.floorDiv(filters, g),
                                           getDimSize(b, loc, weight, 1)};
  SmallVector<OpFoldResult> groupedOutSizes = {batch, g,
                                               m.floorDiv(filters, g)};
  for (int64_t i = 0; i < spatial; ++i) {
    inputSizes.push_back(getDimSize(b, loc, input, 2 + i));
    weightSizes.push_back(getDimSize(b, loc, weight, 2 + i));
    groupedOutSizes.push_back(outSpatial[i]);
  }
  SmallVector<int64_t> splitChannels = {1, 2};
  SmallVector<int64_t> splitFilters = {2};
  splitChannels.append(spatial, 1);
  splitFilters.append(1 + spatial, 1);
  Value groupedInput =
      expand(b, loc, input, getContiguousGroups(splitChannels), inputSizes);
  Value groupedWeight =
      expand(b, loc, weight, getContiguousGroups(splitFilters), weightSizes);
  Value init = createFilled(b, loc, groupedOutSizes, zero);
  Value result = spatial == 2
                     ? createNamedConv<linalg::Conv2DNgchwGfchwOp>(
                           b, loc, groupedInput, groupedWeight, init, window)
                     : createGroupedConvGeneric(b, loc, groupedInput,
                                                groupedWeight, init, window);
  return collapse(b, loc, result, getContiguousGroups(splitChannels));
}

namespace {

struct ConvOpLowering : OpConversionPattern<tl::ConvOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(tl::ConvOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType resultType = op.getType();
    int64_t spatial = op.getNumSpatialDims();
    ConvWindow window{op.getStridesOrDefault(), op.getDilationsOrDefault()};
    SmallVector<int64_t> pads = op.getPadsOrDefault();
    Value weight = adaptor.getWeight();
    IndexMath m(rewriter, loc);

    SmallVector<OpFoldResult> low(2, m.c(0)), high(2, m.c(0));
    for (int64_t i = 0; i < spatial; ++i) {
      low.push_back(m.c(pads[i]));
      high.push_back(m.c(pads[spatial + i]));
    }
    Type elementType = resultType.getElementType();
    Value input =
        padWithValue(rewriter, loc, adaptor.getInput(), low, high,
                     createScalarConstant(rewriter, loc, elementType, 0.0));

    // O = (padded - dilation * (K - 1) - 1) / stride + 1
    SmallVector<OpFoldResult> outSpatial;
    for (int64_t i = 0; i < spatial; ++i) {
      if (!resultType.isDynamicDim(2 + i)) {
        outSpatial.push_back(m.c(resultType.getDimSize(2 + i)));
        continue;
      }
      OpFoldResult kernel = getDimSize(rewriter, loc, weight, 2 + i);
      OpFoldResult span =
          m.sub(getDimSize(rewriter, loc, input, 2 + i),
                m.add(m.mul(m.c(window.dilations[i]), m.sub(kernel, m.c(1))),
                      m.c(1)));
      outSpatial.push_back(
          m.add(m.floorDiv(span, m.c(window.strides[i])), m.c(1)));
    }

    Value result = buildConvolution(rewriter, loc, input, weight, window,
                                    op.getGroup(), outSpatial);
    if (Value bias = adaptor.getBias())
      result = addBiasAlongDim(rewriter, loc, result, bias, /*dim=*/1);
    rewriter.replaceOp(op, castToType(rewriter, loc, result, resultType));
    return success();
  }
};

struct ConvTransposeOpLowering : OpConversionPattern<tl::ConvTransposeOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(tl::ConvTransposeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType resultType = op.getType();
    auto weightType = cast<RankedTensorType>(adaptor.getWeight().getType());
    int64_t spatial = op.getNumSpatialDims();
    SmallVector<int64_t> strides = op.getStridesOrDefault();
    SmallVector<int64_t> dilations = op.getDilationsOrDefault();
    SmallVector<int64_t> pads = op.getPadsOrDefault();
    SmallVector<int64_t> outputPadding = op.getOutputPaddingOrDefault();
    int64_t group = op.getGroup();
    ArrayRef<int64_t> kernel = weightType.getShape().drop_front(2);
    if (ShapedType::isDynamic(weightType.getDimSize(1)) ||
        llvm::any_of(kernel, ShapedType::isDynamic))
      return op.emitOpError(
                 "lowering needs static kernel and output-channel dims of the "
                 "weight, got ")
             << weightType;
    IndexMath m(rewriter, loc);
    Type elementType = resultType.getElementType();
    Value zero = createScalarConstant(rewriter, loc, elementType, 0.0);
    Value input = adaptor.getInput();

    // Dilate by the stride and pad in one insert_slice into a zero tensor:
    // length s * (D - 1) + 1 + max(lo, 0) + max(hi, 0).
    SmallVector<OpFoldResult> inputSizes = getDimSizes(rewriter, loc, input);
    SmallVector<OpFoldResult> bufferSizes = {inputSizes[0], inputSizes[1]};
    SmallVector<OpFoldResult> offsets(2, m.c(0)), insertStrides(2, m.c(1));
    SmallVector<OpFoldResult> cropOffsets(2, m.c(0)), cropSizes(inputSizes);
    cropSizes.resize(2);
    bool crop = false;
    for (int64_t i = 0; i < spatial; ++i) {
      int64_t reach = dilations[i] * (kernel[i] - 1);
      int64_t lo = reach - pads[i];
      int64_t hi = reach - pads[spatial + i] + outputPadding[i];
      OpFoldResult dilated = m.add(
          m.mul(m.c(strides[i]), m.sub(inputSizes[2 + i], m.c(1))), m.c(1));
      bufferSizes.push_back(m.add(
          dilated, m.c(std::max<int64_t>(lo, 0) + std::max<int64_t>(hi, 0))));
      offsets.push_back(m.c(std::max<int64_t>(lo, 0)));
      insertStrides.push_back(m.c(strides[i]));
      cropOffsets.push_back(m.c(std::max<int64_t>(-lo, 0)));
      cropSizes.push_back(m.add(dilated, m.c(lo + hi)));
      crop |= lo < 0 || hi < 0;
    }
    Value buffer = createFilled(rewriter, loc, bufferSizes, zero);
    Value dilatedInput = tensor::InsertSliceOp::create(
        rewriter, loc, input, buffer, offsets, inputSizes, insertStrides);
    if (crop)
      dilatedInput = tensor::ExtractSliceOp::create(
          rewriter, loc, dilatedInput, cropOffsets, cropSizes,
          SmallVector<OpFoldResult>(2 + spatial, m.c(1)));

    Value weight = transposeKernel(rewriter, loc, adaptor.getWeight(), group);

    SmallVector<OpFoldResult> outSpatial;
    for (int64_t i = 0; i < spatial; ++i)
      outSpatial.push_back(
          resultType.isDynamicDim(2 + i)
              ? m.sub(getDimSize(rewriter, loc, dilatedInput, 2 + i),
                      m.c(dilations[i] * (kernel[i] - 1)))
              : m.c(resultType.getDimSize(2 + i)));
    ConvWindow window{SmallVector<int64_t>(spatial, 1), dilations};
    Value result = buildConvolution(rewriter, loc, dilatedInput, weight, window,
                                    group, outSpatial);
    if (Value bias = adaptor.getBias())
      result = addBiasAlongDim(rewriter, loc, result, bias, /*dim=*/1);
    rewriter.replaceOp(op, castToType(rewriter, loc, result, resultType));
    return success();
  }

private:
  /// [C, F/G, K...] -> [F, C/G, K...] with every kernel dim reversed: the
  /// convolution kernel equivalent to the transposed convolution's.
  static Value transposeKernel(OpBuilder &b, Location loc, Value weight,
                               int64_t group) {
    auto type = cast<RankedTensorType>(weight.getType());
    int64_t spatial = type.getRank() - 2;
    IndexMath m(b, loc);
    OpFoldResult g = m.c(group);
    OpFoldResult channels = getDimSize(b, loc, weight, 0);
    OpFoldResult filtersPerGroup = getDimSize(b, loc, weight, 1);
    // [C, F/G, K...] -> [G, C/G, F/G, K...]
    SmallVector<OpFoldResult> splitSizes = {g, m.floorDiv(channels, g),
                                            filtersPerGroup};
    SmallVector<int64_t> split = {2, 1};
    split.append(spatial, 1);
    for (int64_t i = 0; i < spatial; ++i)
      splitSizes.push_back(getDimSize(b, loc, weight, 2 + i));
    Value grouped =
        expand(b, loc, weight, getContiguousGroups(split), splitSizes);
    // out[g, f, c, k...] = in[g, c, f, K - 1 - k...]
    int64_t rank = 3 + spatial;
    SmallVector<AffineExpr> exprs = {
        b.getAffineDimExpr(0), b.getAffineDimExpr(2), b.getAffineDimExpr(1)};
    for (int64_t i = 0; i < spatial; ++i)
      exprs.push_back(b.getAffineConstantExpr(type.getDimSize(2 + i) - 1) -
                      b.getAffineDimExpr(3 + i));
    SmallVector<OpFoldResult> outSizes = {splitSizes[0], splitSizes[2],
                                          splitSizes[1]};
    llvm::append_range(outSizes, ArrayRef(splitSizes).drop_front(3));
    MLIRContext *ctx = b.getContext();
    Value init = createEmpty(b, loc, outSizes, type.getElementType());
    Value flipped =
        linalg::GenericOp::create(
            b, loc, TypeRange{init.getType()}, ValueRange{grouped},
            ValueRange{init},
            ArrayRef<AffineMap>{AffineMap::get(rank, 0, exprs, ctx),
                                AffineMap::getMultiDimIdentityMap(rank, ctx)},
            SmallVector<utils::IteratorType>(rank,
                                             utils::IteratorType::parallel),
            [](OpBuilder &nb, Location nloc, ValueRange args) {
              linalg::YieldOp::create(nb, nloc, args[0]);
            })
            .getResult(0);
    // [G, F/G, C/G, K...] -> [F, C/G, K...]
    return collapse(b, loc, flipped, getContiguousGroups(split));
  }
};

} // namespace

void mlir::tlc::populateTLConvToLinalgPatterns(RewritePatternSet &patterns) {
  patterns.add<ConvOpLowering, ConvTransposeOpLowering>(patterns.getContext());
}
