//===- Tensor.cpp - tl constants and tensor manipulation to linalg --------===//
//
// Reshapes become tensor.collapse_shape/expand_shape where the dim grouping
// is known (tensor.reshape otherwise), transposes linalg.transpose, concat and
// split/slice insert_slice/extract_slice, broadcasts linalg.generic with
// constant-0 indexing, and the ops that compute source positions (negative
// slice steps, reflect/edge pads, gather) an index-computing linalg.generic
// that reads its source with tensor.extract.
//
//===----------------------------------------------------------------------===//

#include "StructuredUtils.h"

#include "tlc/Conversion/TLToLinalg/TLToLinalg.h"

#include "tl/IR/TLOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/Transforms/DialectConversion.h"

using namespace mlir;
using namespace mlir::tlc::detail;

/// `axis` in [0, rank) (the op verified it is in [-rank, rank)).
static int64_t normalized(int64_t axis, int64_t rank) {
  return axis < 0 ? axis + rank : axis;
}

/// `value` reshaped to `resultType` (same element count; `sizes` are the
/// result sizes): one collapse or expand when `groups` relate the shapes (a
/// cast when they are one-to-one), else tensor.reshape.
static Value
reshapeTo(OpBuilder &b, Location loc, Value value, RankedTensorType resultType,
          ArrayRef<OpFoldResult> sizes,
          std::optional<SmallVector<ReassociationIndices>> groups) {
  auto type = cast<RankedTensorType>(value.getType());
  if (groups && type.getRank() > resultType.getRank())
    return castToType(b, loc, collapse(b, loc, value, *groups), resultType);
  if (groups && type.getRank() < resultType.getRank())
    return castToType(b, loc, expand(b, loc, value, *groups, sizes),
                      resultType);
  if (groups)
    return castToType(b, loc, value, resultType);
  SmallVector<Value> shape;
  for (OpFoldResult size : sizes)
    shape.push_back(getValueOrCreateConstantIndexOp(b, loc, size));
  Value shapeTensor = tensor::FromElementsOp::create(
      b, loc, RankedTensorType::get({resultType.getRank()}, b.getIndexType()),
      shape);
  return tensor::ReshapeOp::create(b, loc, resultType, value, shapeTensor);
}

/// A grouping of the dims of `source` into the dims of `target` (the larger
/// rank is grouped), sound when it exists: every group of static dims has the
/// product of its target dim, and the (at most one) dynamic dim of each side
/// lie in the same group, whose size then follows from the element count.
static std::optional<SmallVector<ReassociationIndices>>
findReassociation(ArrayRef<int64_t> source, ArrayRef<int64_t> target) {
  bool collapsing = source.size() > target.size();
  ArrayRef<int64_t> large = collapsing ? source : target;
  ArrayRef<int64_t> small = collapsing ? target : source;
  if (llvm::count_if(large, ShapedType::isDynamic) > 1 ||
      llvm::count_if(small, ShapedType::isDynamic) > 1)
    return std::nullopt;
  if (small.empty()) {
    if (llvm::all_of(large, [](int64_t d) { return d == 1; }))
      return SmallVector<ReassociationIndices>{};
    return std::nullopt;
  }
  // Greedy: grow each group until its static product matches; a dynamic
  // small dim takes the large dynamic dim and, afterwards, any unit dims.
  SmallVector<ReassociationIndices> groups;
  size_t next = 0;
  for (size_t i = 0; i < small.size(); ++i) {
    ReassociationIndices group;
    if (ShapedType::isDynamic(small[i])) {
      while (next < large.size() && !ShapedType::isDynamic(large[next]))
        group.push_back(next++);
      if (next == large.size())
        return std::nullopt;
      group.push_back(next++);
    } else {
      int64_t product = 1;
      while (next < large.size() && !ShapedType::isDynamic(large[next]) &&
             product < small[i]) {
        product *= large[next];
        group.push_back(next++);
      }
      if (product != small[i] || group.empty()) {
        // A unit small dim may take a unit large dim.
        if (!(small[i] == 1 && group.empty() && next < large.size() &&
              large[next] == 1))
          return std::nullopt;
        group.push_back(next++);
      }
    }
    // Trailing unit dims of the large side join the last group.
    if (i + 1 == small.size())
      while (next < large.size() && large[next] == 1)
        group.push_back(next++);
    groups.push_back(group);
  }
  if (next != large.size())
    return std::nullopt;
  // The dynamic dims must share a group.
  for (const ReassociationIndices &group : groups) {
    bool hasDynamic = llvm::any_of(
        group, [&](int64_t d) { return ShapedType::isDynamic(large[d]); });
    size_t index = &group - groups.begin();
    if (hasDynamic != ShapedType::isDynamic(small[index]))
      return std::nullopt;
  }
  return groups;
}

namespace {

//===----------------------------------------------------------------------===//
// Constants and pass-through ops
//===----------------------------------------------------------------------===//

struct ConstantOpLowering : OpConversionPattern<tl::ConstantOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(tl::ConstantOp op, OpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOpWithNewOp<arith::ConstantOp>(
        op, cast<TypedAttr>(op.getValue()));
    return success();
  }
};

template <typename PassThroughOp>
struct PassThroughLowering : OpConversionPattern<PassThroughOp> {
  using OpConversionPattern<PassThroughOp>::OpConversionPattern;

  LogicalResult
  matchAndRewrite(PassThroughOp op, typename PassThroughOp::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOp(op, adaptor.getInput());
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Reshapes
//===----------------------------------------------------------------------===//

struct ReshapeOpLowering : OpConversionPattern<tl::ReshapeOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(tl::ReshapeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType resultType = op.getType();
    Value input = adaptor.getInput();
    auto inputType = cast<RankedTensorType>(input.getType());
    ArrayRef<int64_t> newShape = op.getNewShape();
    IndexMath m(rewriter, loc);

    SmallVector<OpFoldResult> inputSizes = getDimSizes(rewriter, loc, input);
    SmallVector<OpFoldResult> sizes;
    std::optional<size_t> inferred;
    for (auto [i, size] : llvm::enumerate(newShape)) {
      if (size == -1) {
        inferred = i;
        sizes.push_back(m.c(1));
      } else {
        sizes.push_back(size == 0 ? inputSizes[i] : m.c(size));
      }
    }
    if (inferred && resultType.isDynamicDim(*inferred))
      sizes[*inferred] = m.floorDiv(m.product(inputSizes), m.product(sizes));
    sizes = refineSizes(resultType, sizes);
    // The result type as static as the sizes know it (the written one may be
    // more dynamic): the grouping below works on it.
    SmallVector<int64_t> knownShape;
    SmallVector<Value> unusedDynamic;
    dispatchIndexOpFoldResults(sizes, unusedDynamic, knownShape);
    RankedTensorType knownType = resultType.clone(knownShape);

    // Leading dims copied by `0` (or equal and static) stay their own
    // groups; the rest is grouped by findReassociation.
    int64_t prefix = 0;
    int64_t common = std::min(inputType.getRank(), knownType.getRank()) - 1;
    while (prefix < common &&
           (newShape[prefix] == 0 ||
            (!inputType.isDynamicDim(prefix) &&
             inputType.getDimSize(prefix) == knownType.getDimSize(prefix))))
      ++prefix;
    std::optional<SmallVector<ReassociationIndices>> groups =
        findReassociation(inputType.getShape().drop_front(prefix),
                          knownType.getShape().drop_front(prefix));
    if (groups) {
      for (ReassociationIndices &group : *groups)
        for (int64_t &dim : group)
          dim += prefix;
      SmallVector<ReassociationIndices> withPrefix;
      for (int64_t i = 0; i < prefix; ++i)
        withPrefix.push_back({i});
      llvm::append_range(withPrefix, *groups);
      groups = withPrefix;
    }
    // A collapse to rank 0 needs static unit dims.
    if (groups && knownType.getRank() == 0)
      input = castToType(
          rewriter, loc, input,
          inputType.clone(SmallVector<int64_t>(inputType.getRank(), 1)));
    Value result = reshapeTo(rewriter, loc, input, knownType, sizes, groups);
    rewriter.replaceOp(op, castToType(rewriter, loc, result, resultType));
    return success();
  }
};

struct FlattenOpLowering : OpConversionPattern<tl::FlattenOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(tl::FlattenOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value input = adaptor.getInput();
    int64_t rank = cast<RankedTensorType>(input.getType()).getRank();
    // Flatten accepts axis == rank.
    int64_t axis = static_cast<int64_t>(op.getAxis());
    if (axis < 0)
      axis += rank;
    IndexMath m(rewriter, loc);
    Value result;
    if (axis > 0 && axis < rank) {
      result = collapse(rewriter, loc, input,
                        getContiguousGroups({axis, rank - axis}));
    } else {
      // Everything goes to one side: collapse to [P], add the unit dim.
      SmallVector<OpFoldResult> inputSizes = getDimSizes(rewriter, loc, input);
      Value flat = input;
      if (rank > 1)
        flat = collapse(rewriter, loc, input, getContiguousGroups({rank}));
      OpFoldResult total = m.product(inputSizes);
      SmallVector<OpFoldResult> sizes = {m.c(1), total};
      if (axis != 0)
        std::swap(sizes[0], sizes[1]);
      SmallVector<ReassociationIndices> groups;
      if (rank > 0)
        groups.push_back({0, 1});
      result = expand(rewriter, loc, flat, groups, sizes);
    }
    rewriter.replaceOp(op, castToType(rewriter, loc, result, op.getType()));
    return success();
  }
};

/// Reassociation between a tensor and the same tensor with the dims marked in
/// `unit` removed: every unit dim joins the next kept dim's group (trailing
/// ones the last group).
static SmallVector<ReassociationIndices> groupUnitDims(ArrayRef<bool> unit) {
  SmallVector<ReassociationIndices> groups;
  ReassociationIndices pending;
  for (auto [i, isUnit] : llvm::enumerate(unit)) {
    pending.push_back(i);
    if (!isUnit) {
      groups.push_back(pending);
      pending.clear();
    }
  }
  if (!groups.empty())
    llvm::append_range(groups.back(), pending);
  return groups;
}

struct SqueezeOpLowering : OpConversionPattern<tl::SqueezeOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(tl::SqueezeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value input = adaptor.getInput();
    auto inputType = cast<RankedTensorType>(input.getType());
    int64_t rank = inputType.getRank();
    SmallVector<bool> removed(rank, false);
    if (std::optional<ArrayRef<int64_t>> axes = op.getAxes())
      for (int64_t axis : *axes)
        removed[normalized(axis, rank)] = true;
    else
      for (int64_t i = 0; i < rank; ++i)
        removed[i] = inputType.getDimSize(i) == 1;
    // Squeezed dims are 1 (a dynamic one is asserted so by the cast).
    SmallVector<int64_t> shape(inputType.getShape());
    for (int64_t i = 0; i < rank; ++i)
      if (removed[i])
        shape[i] = 1;
    input = castToType(rewriter, loc, input, inputType.clone(shape));
    Value result = collapse(rewriter, loc, input, groupUnitDims(removed));
    rewriter.replaceOp(op, castToType(rewriter, loc, result, op.getType()));
    return success();
  }
};

struct UnsqueezeOpLowering : OpConversionPattern<tl::UnsqueezeOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(tl::UnsqueezeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value input = adaptor.getInput();
    RankedTensorType resultType = op.getType();
    int64_t outRank = resultType.getRank();
    SmallVector<bool> inserted(outRank, false);
    for (int64_t axis : op.getAxes())
      inserted[normalized(axis, outRank)] = true;
    SmallVector<OpFoldResult> inputSizes = getDimSizes(rewriter, loc, input);
    SmallVector<OpFoldResult> sizes;
    int64_t next = 0;
    for (int64_t i = 0; i < outRank; ++i)
      sizes.push_back(inserted[i] ? rewriter.getIndexAttr(1)
                                  : inputSizes[next++]);
    Value result = expand(rewriter, loc, input, groupUnitDims(inserted),
                          refineSizes(resultType, sizes));
    rewriter.replaceOp(op, castToType(rewriter, loc, result, resultType));
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Transpose, concat, split, slice
//===----------------------------------------------------------------------===//

/// linalg.transpose of `value` by `perm`.
static Value transpose(OpBuilder &b, Location loc, Value value,
                       ArrayRef<int64_t> perm) {
  SmallVector<OpFoldResult> inputSizes = getDimSizes(b, loc, value);
  SmallVector<OpFoldResult> sizes;
  for (int64_t p : perm)
    sizes.push_back(inputSizes[p]);
  Value init = createEmpty(
      b, loc, sizes, cast<RankedTensorType>(value.getType()).getElementType());
  return linalg::TransposeOp::create(b, loc, value, init, perm)->getResult(0);
}

struct TransposeOpLowering : OpConversionPattern<tl::TransposeOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(tl::TransposeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Value result = transpose(rewriter, op.getLoc(), adaptor.getInput(),
                             op.getPermOrDefault());
    rewriter.replaceOp(op,
                       castToType(rewriter, op.getLoc(), result, op.getType()));
    return success();
  }
};

struct ConcatOpLowering : OpConversionPattern<tl::ConcatOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(tl::ConcatOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType resultType = op.getType();
    ValueRange inputs = adaptor.getInputs();
    int64_t rank = resultType.getRank();
    int64_t axis = normalized(op.getAxis(), rank);
    IndexMath m(rewriter, loc);

    SmallVector<OpFoldResult> sizes = getDimSizes(rewriter, loc, inputs[0]);
    sizes[axis] = m.c(0);
    for (Value input : inputs)
      sizes[axis] = m.add(sizes[axis], getDimSize(rewriter, loc, input, axis));
    sizes = refineSizes(resultType, sizes);
    Value result =
        createEmpty(rewriter, loc, sizes, resultType.getElementType());
    OpFoldResult offset = m.c(0);
    for (auto [i, input] : llvm::enumerate(inputs)) {
      SmallVector<OpFoldResult> offsets(rank, m.c(0));
      offsets[axis] = offset;
      SmallVector<OpFoldResult> inputSizes = getDimSizes(rewriter, loc, input);
      result = tensor::InsertSliceOp::create(
          rewriter, loc, input, result, offsets, inputSizes,
          SmallVector<OpFoldResult>(rank, m.c(1)));
      if (i + 1 < inputs.size())
        offset = m.add(offset, inputSizes[axis]);
    }
    rewriter.replaceOp(op, castToType(rewriter, loc, result, resultType));
    return success();
  }
};

struct SplitOpLowering : OpConversionPattern<tl::SplitOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(tl::SplitOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value input = adaptor.getInput();
    int64_t rank = cast<RankedTensorType>(input.getType()).getRank();
    int64_t axis = normalized(op.getAxis(), rank);
    IndexMath m(rewriter, loc);
    SmallVector<Value> results;
    int64_t offset = 0;
    for (auto [size, result] : llvm::zip(op.getSizes(), op.getResults())) {
      SmallVector<OpFoldResult> offsets(rank, m.c(0));
      offsets[axis] = m.c(offset);
      SmallVector<OpFoldResult> sizes = getDimSizes(rewriter, loc, input);
      sizes[axis] = m.c(size);
      // An empty part may start past the end (tensor.extract_slice rejects
      // that offset even for size 0); it holds no data to take.
      Value part =
          size == 0
              ? tensor::EmptyOp::create(
                    rewriter, loc, sizes,
                    cast<RankedTensorType>(input.getType()).getElementType())
                    .getResult()
              : tensor::ExtractSliceOp::create(
                    rewriter, loc, input, offsets, sizes,
                    SmallVector<OpFoldResult>(rank, m.c(1)))
                    .getResult();
      results.push_back(castToType(rewriter, loc, part, result.getType()));
      offset += size;
    }
    rewriter.replaceOp(op, results);
    return success();
  }
};

/// An index-computing generic of `sizes` reading `source` at the position
/// `sourceIndices` computes from the output indices.
static Value
gatherFrom(OpBuilder &b, Location loc, Value source,
           ArrayRef<OpFoldResult> sizes,
           function_ref<SmallVector<Value>(OpBuilder &, Location, ValueRange)>
               sourceIndices) {
  Type elementType = cast<RankedTensorType>(source.getType()).getElementType();
  return buildIndexedGeneric(b, loc, sizes, elementType, ValueRange{}, {},
                             [&](OpBuilder &nb, Location nloc,
                                 ValueRange indices, ValueRange) -> Value {
                               return tensor::ExtractOp::create(
                                   nb, nloc, source,
                                   sourceIndices(nb, nloc, indices));
                             });
}

struct SliceOpLowering : OpConversionPattern<tl::SliceOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(tl::SliceOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType resultType = op.getType();
    Value input = adaptor.getInput();
    int64_t rank = resultType.getRank();
    ArrayRef<int64_t> starts = op.getStarts(), ends = op.getEnds();
    SmallVector<int64_t> axes, steps(starts.size(), 1);
    if (std::optional<ArrayRef<int64_t>> attr = op.getAxes())
      axes.assign(attr->begin(), attr->end());
    else
      axes = llvm::to_vector(llvm::seq<int64_t>(0, starts.size()));
    if (std::optional<ArrayRef<int64_t>> attr = op.getSteps())
      steps.assign(attr->begin(), attr->end());
    IndexMath m(rewriter, loc);

    SmallVector<OpFoldResult> offsets(rank, m.c(0));
    SmallVector<OpFoldResult> sizes = getDimSizes(rewriter, loc, input);
    SmallVector<OpFoldResult> strides(rank, m.c(1));
    SmallVector<bool> reversed(rank, false);
    for (size_t i = 0; i < starts.size(); ++i) {
      int64_t axis = normalized(axes[i], rank);
      int64_t step = steps[i];
      OpFoldResult dim = sizes[axis];
      // numpy: a negative position counts from the back, then clamps to
      // [0, D] (forward) or [-1, D - 1] (backward).
      auto clampPosition = [&](int64_t position) -> OpFoldResult {
        OpFoldResult lowBound = m.c(step > 0 ? 0 : -1);
        OpFoldResult highBound = step > 0 ? dim : m.sub(dim, m.c(1));
        if (position < 0)
          return m.max(m.add(dim, m.c(position)), lowBound);
        return m.min(m.c(position), highBound);
      };
      OpFoldResult start = clampPosition(starts[i]);
      OpFoldResult end = clampPosition(ends[i]);
      OpFoldResult length =
          step > 0 ? m.max(m.c(0), m.ceilDiv(m.sub(end, start), m.c(step)))
                   : m.max(m.c(0), m.ceilDiv(m.sub(start, end), m.c(-step)));
      if (!resultType.isDynamicDim(axis))
        length = m.c(resultType.getDimSize(axis));
      sizes[axis] = length;
      strides[axis] = m.c(std::abs(step));
      if (step > 0) {
        offsets[axis] = start;
      } else {
        // Read forwards from the last selected element, then reverse.
        offsets[axis] = m.max(
            m.add(start, m.mul(m.sub(length, m.c(1)), m.c(step))), m.c(0));
        reversed[axis] = true;
      }
      // An empty slice may start at D (numpy clamps there), which
      // tensor.extract_slice rejects as a static offset even for size 0.
      if (isConstantIntValue(length, 0))
        offsets[axis] = m.c(0);
    }
    Value result = tensor::ExtractSliceOp::create(rewriter, loc, input, offsets,
                                                  sizes, strides);
    if (llvm::is_contained(reversed, true)) {
      SmallVector<OpFoldResult> lastIndex;
      for (OpFoldResult size : sizes)
        lastIndex.push_back(m.sub(size, m.c(1)));
      result = gatherFrom(rewriter, loc, result, sizes,
                          [&](OpBuilder &b, Location l, ValueRange indices) {
                            IndexMath im(b, l);
                            SmallVector<Value> source(indices);
                            for (int64_t d = 0; d < rank; ++d)
                              if (reversed[d])
                                source[d] =
                                    im.value(im.sub(lastIndex[d], indices[d]));
                            return source;
                          });
    }
    rewriter.replaceOp(op, castToType(rewriter, loc, result, resultType));
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Pad, gather
//===----------------------------------------------------------------------===//

struct PadOpLowering : OpConversionPattern<tl::PadOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(tl::PadOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType resultType = op.getType();
    int64_t rank = resultType.getRank();
    ArrayRef<int64_t> pads = op.getPads();
    IndexMath m(rewriter, loc);
    Value input = adaptor.getInput();

    // Negative pads crop first.
    SmallVector<OpFoldResult> offsets,
        sizes = getDimSizes(rewriter, loc, input);
    bool crop = false;
    for (int64_t i = 0; i < rank; ++i) {
      int64_t cropBegin = std::max<int64_t>(-pads[i], 0);
      int64_t cropEnd = std::max<int64_t>(-pads[rank + i], 0);
      offsets.push_back(m.c(cropBegin));
      sizes[i] = m.sub(sizes[i], m.c(cropBegin + cropEnd));
      crop |= cropBegin + cropEnd > 0;
    }
    if (crop)
      input = tensor::ExtractSliceOp::create(
          rewriter, loc, input, offsets, sizes,
          SmallVector<OpFoldResult>(rank, m.c(1)));

    SmallVector<int64_t> low, high;
    SmallVector<OpFoldResult> lowOfr, highOfr, outSizes;
    for (int64_t i = 0; i < rank; ++i) {
      low.push_back(std::max<int64_t>(pads[i], 0));
      high.push_back(std::max<int64_t>(pads[rank + i], 0));
      lowOfr.push_back(m.c(low.back()));
      highOfr.push_back(m.c(high.back()));
      outSizes.push_back(m.add(sizes[i], m.c(low.back() + high.back())));
    }
    Type elementType = cast<RankedTensorType>(input.getType()).getElementType();
    Value result;
    if (op.getMode() == tl::PadMode::constant) {
      Value padValue = createScalarConstant(rewriter, loc, elementType,
                                            op.getValue().convertToDouble());
      result = padWithValue(rewriter, loc, input, lowOfr, highOfr, padValue);
    } else {
      bool reflect = op.getMode() == tl::PadMode::reflect;
      result =
          gatherFrom(rewriter, loc, input, refineSizes(resultType, outSizes),
                     [&](OpBuilder &b, Location l, ValueRange indices) {
                       IndexMath im(b, l);
                       SmallVector<Value> source;
                       for (int64_t d = 0; d < rank; ++d) {
                         if (low[d] == 0 && high[d] == 0) {
                           source.push_back(indices[d]);
                           continue;
                         }
                         OpFoldResult last = im.sub(sizes[d], im.c(1));
                         OpFoldResult i = im.sub(indices[d], im.c(low[d]));
                         if (reflect) {
                           // -i before the start, 2 * (D - 1) - i past the end.
                           // min(max(i, -i), 2 * (D - 1) - i) is all three
                           // cases.
                           OpFoldResult mirrored =
                               im.sub(im.mul(last, im.c(2)), i);
                           i = im.min(im.max(i, im.sub(im.c(0), i)), mirrored);
                         } else {
                           i = im.max(im.min(i, last), im.c(0));
                         }
                         source.push_back(im.value(i));
                       }
                       return source;
                     });
    }
    rewriter.replaceOp(op, castToType(rewriter, loc, result, resultType));
    return success();
  }
};

struct GatherOpLowering : OpConversionPattern<tl::GatherOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(tl::GatherOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType resultType = op.getType();
    Value data = adaptor.getData(), indices = adaptor.getIndices();
    int64_t dataRank = cast<RankedTensorType>(data.getType()).getRank();
    int64_t indicesRank = cast<RankedTensorType>(indices.getType()).getRank();
    int64_t axis = normalized(op.getAxis(), dataRank);
    int64_t rank = resultType.getRank();

    SmallVector<OpFoldResult> dataSizes = getDimSizes(rewriter, loc, data);
    SmallVector<OpFoldResult> sizes(dataSizes.begin(),
                                    dataSizes.begin() + axis);
    llvm::append_range(sizes, getDimSizes(rewriter, loc, indices));
    sizes.append(dataSizes.begin() + axis + 1, dataSizes.end());
    OpFoldResult axisSize = dataSizes[axis];

    SmallVector<AffineExpr> indexExprs;
    for (int64_t i = 0; i < indicesRank; ++i)
      indexExprs.push_back(rewriter.getAffineDimExpr(axis + i));
    AffineMap indicesMap =
        AffineMap::get(rank, 0, indexExprs, rewriter.getContext());
    Value result = buildIndexedGeneric(
        rewriter, loc, refineSizes(resultType, sizes),
        resultType.getElementType(), ValueRange{indices}, {indicesMap},
        [&](OpBuilder &b, Location l, ValueRange outIndices,
            ValueRange args) -> Value {
          IndexMath im(b, l);
          Value index =
              arith::IndexCastOp::create(b, l, b.getIndexType(), args[0]);
          SmallVector<Value> source(outIndices.take_front(axis));
          source.push_back(im.value(im.clampIndex(index, axisSize)));
          llvm::append_range(source, outIndices.drop_front(axis + indicesRank));
          return tensor::ExtractOp::create(b, l, data, source);
        });
    rewriter.replaceOp(op, castToType(rewriter, loc, result, resultType));
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Expand, tile, depth_to_space, space_to_depth
//===----------------------------------------------------------------------===//

struct ExpandOpLowering : OpConversionPattern<tl::ExpandOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(tl::ExpandOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType resultType = op.getType();
    Value input = adaptor.getInput();
    auto inputType = cast<RankedTensorType>(input.getType());
    int64_t rank = resultType.getRank();
    int64_t offset = rank - inputType.getRank();
    // numpy broadcast of the input shape and `shape`: a target of 1 (or a
    // missing one) keeps the input's size, any other target is the size.
    ArrayRef<int64_t> target = op.getShape();
    int64_t targetOffset = rank - target.size();
    SmallVector<OpFoldResult> sizes;
    for (int64_t i = 0; i < rank; ++i) {
      int64_t t = i < targetOffset ? 1 : target[i - targetOffset];
      if (t != 1)
        sizes.push_back(rewriter.getIndexAttr(t));
      else if (i >= offset)
        sizes.push_back(getDimSize(rewriter, loc, input, i - offset));
      else
        sizes.push_back(rewriter.getIndexAttr(1));
    }
    sizes = refineSizes(resultType, sizes);
    Value result = broadcastTo(rewriter, loc, input, sizes);
    rewriter.replaceOp(op, castToType(rewriter, loc, result, resultType));
    return success();
  }
};

struct TileOpLowering : OpConversionPattern<tl::TileOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(tl::TileOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value input = adaptor.getInput();
    auto inputType = cast<RankedTensorType>(input.getType());
    SmallVector<OpFoldResult> inputSizes = getDimSizes(rewriter, loc, input);
    // Broadcast [D...] to [R0, D0, R1, D1, ...] (only where R != 1), then
    // collapse each (R, D) pair.
    SmallVector<OpFoldResult> sizes;
    SmallVector<int64_t> added, groupSizes;
    for (auto [i, repeat] : llvm::enumerate(op.getRepeats())) {
      if (repeat != 1) {
        added.push_back(sizes.size());
        sizes.push_back(rewriter.getIndexAttr(repeat));
      }
      sizes.push_back(inputSizes[i]);
      groupSizes.push_back(repeat != 1 ? 2 : 1);
    }
    Value result = input;
    if (!added.empty()) {
      Value init =
          createEmpty(rewriter, loc, sizes, inputType.getElementType());
      result = linalg::BroadcastOp::create(rewriter, loc, input, init, added)
                   ->getResult(0);
      result = collapse(rewriter, loc, result, getContiguousGroups(groupSizes));
    }
    rewriter.replaceOp(op, castToType(rewriter, loc, result, op.getType()));
    return success();
  }
};

/// expand_shape + linalg.transpose + collapse_shape: `value` viewed with
/// `expandedSizes` (grouped by `expandGroups`), permuted by `perm`, and
/// collapsed by `collapseGroups`.
static Value shuffleDims(OpBuilder &b, Location loc, Value value,
                         ArrayRef<int64_t> expandGroups,
                         ArrayRef<OpFoldResult> expandedSizes,
                         ArrayRef<int64_t> perm,
                         ArrayRef<int64_t> collapseGroups) {
  Value expanded =
      expand(b, loc, value, getContiguousGroups(expandGroups), expandedSizes);
  Value transposed = transpose(b, loc, expanded, perm);
  return collapse(b, loc, transposed, getContiguousGroups(collapseGroups));
}

struct DepthToSpaceOpLowering : OpConversionPattern<tl::DepthToSpaceOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(tl::DepthToSpaceOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value input = adaptor.getInput();
    IndexMath m(rewriter, loc);
    int64_t block = op.getBlocksize();
    SmallVector<OpFoldResult> s = getDimSizes(rewriter, loc, input);
    OpFoldResult b = m.c(block);
    OpFoldResult channels = m.floorDiv(s[1], m.c(block * block));
    Value result;
    if (op.getMode() == tl::DepthToSpaceMode::DCR) {
      // [N, b1, b2, C', H, W] -> [N, C', H, b1, W, b2]
      result = shuffleDims(rewriter, loc, input, {1, 3, 1, 1},
                           {s[0], b, b, channels, s[2], s[3]},
                           {0, 3, 4, 1, 5, 2}, {1, 1, 2, 2});
    } else {
      // [N, C', b1, b2, H, W] -> [N, C', H, b1, W, b2]
      result = shuffleDims(rewriter, loc, input, {1, 3, 1, 1},
                           {s[0], channels, b, b, s[2], s[3]},
                           {0, 1, 4, 2, 5, 3}, {1, 1, 2, 2});
    }
    rewriter.replaceOp(op, castToType(rewriter, loc, result, op.getType()));
    return success();
  }
};

struct SpaceToDepthOpLowering : OpConversionPattern<tl::SpaceToDepthOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(tl::SpaceToDepthOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value input = adaptor.getInput();
    IndexMath m(rewriter, loc);
    int64_t block = op.getBlocksize();
    SmallVector<OpFoldResult> s = getDimSizes(rewriter, loc, input);
    OpFoldResult b = m.c(block);
    // [N, C, H', b1, W', b2] -> [N, b1, b2, C, H', W']
    Value result = shuffleDims(
        rewriter, loc, input, {1, 1, 2, 2},
        {s[0], s[1], m.floorDiv(s[2], b), b, m.floorDiv(s[3], b), b},
        {0, 3, 5, 1, 2, 4}, {1, 3, 1, 1});
    rewriter.replaceOp(op, castToType(rewriter, loc, result, op.getType()));
    return success();
  }
};

} // namespace

void mlir::tlc::populateTLTensorToLinalgPatterns(RewritePatternSet &patterns) {
  patterns
      .add<ConstantOpLowering, PassThroughLowering<tl::IdentityOp>,
           PassThroughLowering<tl::DropoutOp>, ReshapeOpLowering,
           FlattenOpLowering, SqueezeOpLowering, UnsqueezeOpLowering,
           TransposeOpLowering, ConcatOpLowering, SplitOpLowering,
           SliceOpLowering, PadOpLowering, GatherOpLowering, ExpandOpLowering,
           TileOpLowering, DepthToSpaceOpLowering, SpaceToDepthOpLowering>(
          patterns.getContext());
}
