//===- TLTensorOps.cpp - constants and tensor manipulation ----------------===//

#include "TLOpsUtils.h"
#include "tl/IR/TLOps.h"

#include "mlir/IR/BuiltinAttributes.h"

#include <cmath>

using namespace mlir;
using namespace mlir::tl;
using namespace mlir::tl::detail;

static constexpr int64_t kDynamic = ShapedType::kDynamic;

/// Product of `dims`, or kDynamic when one of them is dynamic.
static int64_t product(ArrayRef<int64_t> dims) {
  int64_t result = 1;
  for (int64_t d : dims) {
    if (ShapedType::isDynamic(d))
      return kDynamic;
    result *= d;
  }
  return result;
}

static RankedTensorType withShape(Type type, ArrayRef<int64_t> shape) {
  return RankedTensorType::get(shape,
                               cast<RankedTensorType>(type).getElementType());
}

//===----------------------------------------------------------------------===//
// ConstantOp
//===----------------------------------------------------------------------===//

LogicalResult ConstantOp::inferReturnTypes(
    MLIRContext *, std::optional<Location> loc, ValueRange, DictionaryAttr,
    OpaqueProperties properties, RegionRange, SmallVectorImpl<Type> &inferred) {
  auto *props = properties.as<Properties *>();
  if (!props || !props->value)
    return inferError(loc, "requires a `value` attribute");
  inferred.push_back(props->value.getType());
  return success();
}

LogicalResult ConstantOp::verify() {
  auto type = dyn_cast<RankedTensorType>(getValue().getType());
  if (!type)
    return emitOpError("value must be a ranked tensor attribute");
  return success();
}

//===----------------------------------------------------------------------===//
// Shape manipulation
//===----------------------------------------------------------------------===//

LogicalResult ReshapeOp::inferReturnTypes(MLIRContext *,
                                          std::optional<Location> loc,
                                          Adaptor adaptor,
                                          SmallVectorImpl<Type> &inferred) {
  auto input = cast<RankedTensorType>(adaptor.getInput().getType());
  ArrayRef<int64_t> newShape = adaptor.getNewShape();
  SmallVector<int64_t> shape;
  std::optional<size_t> inferredDim;
  for (auto [i, size] : llvm::enumerate(newShape)) {
    if (size == -1) {
      if (inferredDim)
        return inferError(loc, "new_shape has more than one -1 entry");
      inferredDim = i;
      shape.push_back(kDynamic);
    } else if (size == 0) {
      if (i >= static_cast<size_t>(input.getRank()))
        return inferError(loc, "new_shape entry " + Twine(i) +
                                   " is 0 (copy) but the input has rank " +
                                   Twine(input.getRank()));
      shape.push_back(input.getDimSize(i));
    } else if (size < 0) {
      return inferError(loc, "new_shape entries must be positive, 0 or -1, "
                             "got " + Twine(size));
    } else {
      shape.push_back(size);
    }
  }
  int64_t total = product(input.getShape());
  if (inferredDim) {
    SmallVector<int64_t> known(shape);
    known.erase(known.begin() + *inferredDim);
    int64_t rest = product(known);
    if (!ShapedType::isDynamic(total) && !ShapedType::isDynamic(rest)) {
      if (rest == 0 || total % rest != 0)
        return inferError(loc, "cannot reshape " +
                                   formatShape(input.getShape()) + " to " +
                                   formatShape(newShape));
      shape[*inferredDim] = total / rest;
    }
  } else if (!ShapedType::isDynamic(total) &&
             !ShapedType::isDynamic(product(shape)) &&
             total != product(shape)) {
    return inferError(loc, "cannot reshape " + formatShape(input.getShape()) +
                               " (" + Twine(total) + " elements) to " +
                               formatShape(shape));
  }
  inferred.push_back(withShape(input, shape));
  return success();
}

LogicalResult FlattenOp::inferReturnTypes(MLIRContext *,
                                          std::optional<Location> loc,
                                          Adaptor adaptor,
                                          SmallVectorImpl<Type> &inferred) {
  auto input = cast<RankedTensorType>(adaptor.getInput().getType());
  int64_t rank = input.getRank();
  int64_t axis = adaptor.getAxis();
  // Flatten accepts axis == rank (everything in the outer dim).
  if (axis < -rank || axis > rank)
    return inferError(loc, "axis " + Twine(axis) + " is out of range for rank " +
                               Twine(rank));
  if (axis < 0)
    axis += rank;
  inferred.push_back(
      withShape(input, {product(input.getShape().take_front(axis)),
                        product(input.getShape().drop_front(axis))}));
  return success();
}

LogicalResult SqueezeOp::inferReturnTypes(MLIRContext *,
                                          std::optional<Location> loc,
                                          Adaptor adaptor,
                                          SmallVectorImpl<Type> &inferred) {
  auto input = cast<RankedTensorType>(adaptor.getInput().getType());
  int64_t rank = input.getRank();
  SmallVector<bool> removed(rank, false);
  if (std::optional<ArrayRef<int64_t>> axes = adaptor.getAxes()) {
    for (int64_t axis : *axes) {
      FailureOr<int64_t> normalized = normalizeAxis(axis, rank);
      if (failed(normalized))
        return inferError(loc, "axis " + Twine(axis) +
                                   " is out of range for rank " + Twine(rank));
      if (removed[*normalized])
        return inferError(loc, "axis " + Twine(axis) + " is repeated");
      int64_t size = input.getDimSize(*normalized);
      if (!ShapedType::isDynamic(size) && size != 1)
        return inferError(loc, "cannot squeeze axis " + Twine(axis) +
                                   " of size " + Twine(size));
      removed[*normalized] = true;
    }
  } else {
    for (int64_t i = 0; i < rank; ++i)
      removed[i] = input.getDimSize(i) == 1;
  }
  SmallVector<int64_t> shape;
  for (int64_t i = 0; i < rank; ++i)
    if (!removed[i])
      shape.push_back(input.getDimSize(i));
  inferred.push_back(withShape(input, shape));
  return success();
}

LogicalResult UnsqueezeOp::inferReturnTypes(MLIRContext *,
                                            std::optional<Location> loc,
                                            Adaptor adaptor,
                                            SmallVectorImpl<Type> &inferred) {
  auto input = cast<RankedTensorType>(adaptor.getInput().getType());
  ArrayRef<int64_t> axes = adaptor.getAxes();
  int64_t outRank = input.getRank() + axes.size();
  SmallVector<bool> inserted(outRank, false);
  for (int64_t axis : axes) {
    FailureOr<int64_t> normalized = normalizeAxis(axis, outRank);
    if (failed(normalized))
      return inferError(loc, "axis " + Twine(axis) +
                                 " is out of range for output rank " +
                                 Twine(outRank));
    if (inserted[*normalized])
      return inferError(loc, "axis " + Twine(axis) + " is repeated");
    inserted[*normalized] = true;
  }
  SmallVector<int64_t> shape;
  int64_t next = 0;
  for (int64_t i = 0; i < outRank; ++i)
    shape.push_back(inserted[i] ? 1 : input.getDimSize(next++));
  inferred.push_back(withShape(input, shape));
  return success();
}

SmallVector<int64_t> TransposeOp::getPermOrDefault() {
  if (std::optional<ArrayRef<int64_t>> perm = getPerm())
    return SmallVector<int64_t>(*perm);
  return llvm::to_vector(
      llvm::reverse(llvm::seq<int64_t>(0, getInput().getType().getRank())));
}

LogicalResult TransposeOp::inferReturnTypes(MLIRContext *,
                                            std::optional<Location> loc,
                                            Adaptor adaptor,
                                            SmallVectorImpl<Type> &inferred) {
  auto input = cast<RankedTensorType>(adaptor.getInput().getType());
  int64_t rank = input.getRank();
  SmallVector<int64_t> perm;
  if (std::optional<ArrayRef<int64_t>> attr = adaptor.getPerm())
    perm.assign(attr->begin(), attr->end());
  else
    perm = llvm::to_vector(llvm::reverse(llvm::seq<int64_t>(0, rank)));
  if (static_cast<int64_t>(perm.size()) != rank)
    return inferError(loc, "perm has " + Twine(perm.size()) +
                               " entries for an input of rank " + Twine(rank));
  SmallVector<bool> seen(rank, false);
  SmallVector<int64_t> shape;
  for (int64_t p : perm) {
    if (p < 0 || p >= rank || seen[p])
      return inferError(loc, "perm " + formatShape(perm) +
                                 " is not a permutation of [0, " + Twine(rank) +
                                 ")");
    seen[p] = true;
    shape.push_back(input.getDimSize(p));
  }
  inferred.push_back(withShape(input, shape));
  return success();
}

LogicalResult ConcatOp::inferReturnTypes(MLIRContext *,
                                         std::optional<Location> loc,
                                         Adaptor adaptor,
                                         SmallVectorImpl<Type> &inferred) {
  ValueRange inputs = adaptor.getInputs();
  if (inputs.empty())
    return inferError(loc, "requires at least one input");
  auto first = cast<RankedTensorType>(inputs.front().getType());
  FailureOr<int64_t> axis = normalizeAxis(adaptor.getAxis(), first.getRank());
  if (failed(axis))
    return inferError(loc, "axis " + Twine(static_cast<int64_t>(adaptor.getAxis())) +
                               " is out of range for rank " +
                               Twine(first.getRank()));
  SmallVector<int64_t> shape(first.getShape());
  shape[*axis] = 0;
  for (Value input : inputs) {
    auto type = cast<RankedTensorType>(input.getType());
    if (type.getElementType() != first.getElementType())
      return inferError(loc, "inputs must have the same element type");
    if (type.getRank() != first.getRank())
      return inferError(loc, "inputs must have the same rank");
    for (int64_t i = 0; i < type.getRank(); ++i) {
      int64_t size = type.getDimSize(i);
      if (i == *axis) {
        shape[i] = ShapedType::isDynamic(shape[i]) || ShapedType::isDynamic(size)
                       ? kDynamic
                       : shape[i] + size;
      } else if (ShapedType::isDynamic(shape[i])) {
        shape[i] = size;
      } else if (!ShapedType::isDynamic(size) && size != shape[i]) {
        return inferError(loc, "inputs differ in dim " + Twine(i) + " (" +
                                   Twine(shape[i]) + " vs " + Twine(size) +
                                   ") outside the concatenation axis");
      }
    }
  }
  inferred.push_back(withShape(first, shape));
  return success();
}

LogicalResult SplitOp::inferReturnTypes(MLIRContext *,
                                        std::optional<Location> loc,
                                        Adaptor adaptor,
                                        SmallVectorImpl<Type> &inferred) {
  auto input = cast<RankedTensorType>(adaptor.getInput().getType());
  FailureOr<int64_t> axis = normalizeAxis(adaptor.getAxis(), input.getRank());
  if (failed(axis))
    return inferError(loc, "axis " + Twine(static_cast<int64_t>(adaptor.getAxis())) +
                               " is out of range for rank " +
                               Twine(input.getRank()));
  ArrayRef<int64_t> sizes = adaptor.getSizes();
  if (sizes.empty())
    return inferError(loc, "sizes must not be empty");
  int64_t total = 0;
  for (int64_t size : sizes) {
    if (size < 0)
      return inferError(loc, "sizes must be non-negative, got " +
                                 formatShape(sizes));
    total += size;
  }
  int64_t dim = input.getDimSize(*axis);
  if (!ShapedType::isDynamic(dim) && total != dim)
    return inferError(loc, "sizes " + formatShape(sizes) + " sum to " +
                               Twine(total) + ", but the split dim has size " +
                               Twine(dim));
  for (int64_t size : sizes) {
    SmallVector<int64_t> shape(input.getShape());
    shape[*axis] = size;
    inferred.push_back(withShape(input, shape));
  }
  return success();
}

/// Number of elements numpy's `start:end:step` selects from `size` elements.
static int64_t sliceLength(int64_t size, int64_t start, int64_t end,
                           int64_t step) {
  auto clampIndex = [&](int64_t index, int64_t lo, int64_t hi) {
    if (index < 0)
      index += size;
    return std::clamp(index, lo, hi);
  };
  if (step > 0) {
    start = clampIndex(start, 0, size);
    end = clampIndex(end, 0, size);
    return end > start ? (end - start + step - 1) / step : 0;
  }
  start = clampIndex(start, -1, size - 1);
  end = clampIndex(end, -1, size - 1);
  return start > end ? (start - end - step - 1) / -step : 0;
}

LogicalResult SliceOp::inferReturnTypes(MLIRContext *,
                                        std::optional<Location> loc,
                                        Adaptor adaptor,
                                        SmallVectorImpl<Type> &inferred) {
  auto input = cast<RankedTensorType>(adaptor.getInput().getType());
  ArrayRef<int64_t> starts = adaptor.getStarts(), ends = adaptor.getEnds();
  size_t count = starts.size();
  if (ends.size() != count)
    return inferError(loc, "starts and ends must have the same length");
  SmallVector<int64_t> axes, steps(count, 1);
  if (std::optional<ArrayRef<int64_t>> attr = adaptor.getAxes())
    axes.assign(attr->begin(), attr->end());
  else
    axes = llvm::to_vector(llvm::seq<int64_t>(0, count));
  if (std::optional<ArrayRef<int64_t>> attr = adaptor.getSteps())
    steps.assign(attr->begin(), attr->end());
  if (axes.size() != count || steps.size() != count)
    return inferError(loc, "axes and steps must have as many entries as starts");
  SmallVector<int64_t> shape(input.getShape());
  SmallVector<bool> seen(input.getRank(), false);
  for (size_t i = 0; i < count; ++i) {
    FailureOr<int64_t> axis = normalizeAxis(axes[i], input.getRank());
    if (failed(axis))
      return inferError(loc, "axis " + Twine(axes[i]) +
                                 " is out of range for rank " +
                                 Twine(input.getRank()));
    if (seen[*axis])
      return inferError(loc, "axis " + Twine(axes[i]) + " is repeated");
    seen[*axis] = true;
    if (steps[i] == 0)
      return inferError(loc, "steps must be non-zero");
    int64_t size = input.getDimSize(*axis);
    shape[*axis] = ShapedType::isDynamic(size)
                       ? kDynamic
                       : sliceLength(size, starts[i], ends[i], steps[i]);
  }
  inferred.push_back(withShape(input, shape));
  return success();
}

LogicalResult PadOp::inferReturnTypes(MLIRContext *,
                                      std::optional<Location> loc,
                                      Adaptor adaptor,
                                      SmallVectorImpl<Type> &inferred) {
  auto input = cast<RankedTensorType>(adaptor.getInput().getType());
  int64_t rank = input.getRank();
  ArrayRef<int64_t> pads = adaptor.getPads();
  if (static_cast<int64_t>(pads.size()) != 2 * rank)
    return inferError(loc, "pads must have " + Twine(2 * rank) +
                               " entries (begins then ends), got " +
                               Twine(pads.size()));
  bool reflect = adaptor.getMode() == PadMode::reflect;
  SmallVector<int64_t> shape;
  for (int64_t i = 0; i < rank; ++i) {
    int64_t size = input.getDimSize(i);
    if (ShapedType::isDynamic(size)) {
      shape.push_back(kDynamic);
      continue;
    }
    if (reflect && (pads[i] >= size || pads[i + rank] >= size))
      return inferError(loc, "reflect pads must be smaller than the padded "
                             "dim, got " + formatShape(pads) + " for " +
                             formatShape(input.getShape()));
    int64_t out = size + pads[i] + pads[i + rank];
    if (out < 0)
      return inferError(loc, "negative pads crop more than dim " + Twine(i) +
                                 " holds");
    shape.push_back(out);
  }
  inferred.push_back(withShape(input, shape));
  return success();
}

LogicalResult GatherOp::inferReturnTypes(MLIRContext *,
                                         std::optional<Location> loc,
                                         Adaptor adaptor,
                                         SmallVectorImpl<Type> &inferred) {
  auto data = cast<RankedTensorType>(adaptor.getData().getType());
  auto indices = cast<RankedTensorType>(adaptor.getIndices().getType());
  FailureOr<int64_t> axis = normalizeAxis(adaptor.getAxis(), data.getRank());
  if (failed(axis))
    return inferError(loc, "axis " + Twine(static_cast<int64_t>(adaptor.getAxis())) +
                               " is out of range for rank " +
                               Twine(data.getRank()));
  SmallVector<int64_t> shape(data.getShape().take_front(*axis));
  llvm::append_range(shape, indices.getShape());
  llvm::append_range(shape, data.getShape().drop_front(*axis + 1));
  inferred.push_back(withShape(data, shape));
  return success();
}

LogicalResult ExpandOp::inferReturnTypes(MLIRContext *,
                                         std::optional<Location> loc,
                                         Adaptor adaptor,
                                         SmallVectorImpl<Type> &inferred) {
  auto input = cast<RankedTensorType>(adaptor.getInput().getType());
  ArrayRef<int64_t> target = adaptor.getShape();
  if (llvm::any_of(target, [](int64_t d) { return d < 0; }))
    return inferError(loc, "shape entries must be non-negative, got " +
                               formatShape(target));
  FailureOr<SmallVector<int64_t>> shape =
      broadcastShapes(input.getShape(), target);
  if (failed(shape))
    return inferError(loc, "cannot broadcast " + formatShape(input.getShape()) +
                               " to " + formatShape(target));
  inferred.push_back(withShape(input, *shape));
  return success();
}

LogicalResult TileOp::inferReturnTypes(MLIRContext *,
                                       std::optional<Location> loc,
                                       Adaptor adaptor,
                                       SmallVectorImpl<Type> &inferred) {
  auto input = cast<RankedTensorType>(adaptor.getInput().getType());
  ArrayRef<int64_t> repeats = adaptor.getRepeats();
  if (static_cast<int64_t>(repeats.size()) != input.getRank())
    return inferError(loc, "repeats must have one entry per dim (" +
                               Twine(input.getRank()) + "), got " +
                               Twine(repeats.size()));
  SmallVector<int64_t> shape;
  for (auto [size, repeat] : llvm::zip(input.getShape(), repeats)) {
    if (repeat < 0)
      return inferError(loc, "repeats must be non-negative, got " +
                                 formatShape(repeats));
    shape.push_back(ShapedType::isDynamic(size) ? kDynamic : size * repeat);
  }
  inferred.push_back(withShape(input, shape));
  return success();
}

LogicalResult DepthToSpaceOp::inferReturnTypes(MLIRContext *,
                                               std::optional<Location> loc,
                                               Adaptor adaptor,
                                               SmallVectorImpl<Type> &inferred) {
  auto input = cast<RankedTensorType>(adaptor.getInput().getType());
  int64_t b = adaptor.getBlocksize();
  if (input.getRank() != 4)
    return inferError(loc, "input must be [N, C, H, W], got rank " +
                               Twine(input.getRank()));
  if (b < 1)
    return inferError(loc, "blocksize must be positive");
  ArrayRef<int64_t> s = input.getShape();
  if (!ShapedType::isDynamic(s[1]) && s[1] % (b * b) != 0)
    return inferError(loc, "channels (" + Twine(s[1]) +
                               ") are not divisible by blocksize^2 (" +
                               Twine(b * b) + ")");
  auto scale = [](int64_t d, int64_t f) {
    return ShapedType::isDynamic(d) ? kDynamic : d * f;
  };
  inferred.push_back(withShape(
      input, {s[0], ShapedType::isDynamic(s[1]) ? kDynamic : s[1] / (b * b),
              scale(s[2], b), scale(s[3], b)}));
  return success();
}

LogicalResult SpaceToDepthOp::inferReturnTypes(MLIRContext *,
                                               std::optional<Location> loc,
                                               Adaptor adaptor,
                                               SmallVectorImpl<Type> &inferred) {
  auto input = cast<RankedTensorType>(adaptor.getInput().getType());
  int64_t b = adaptor.getBlocksize();
  if (input.getRank() != 4)
    return inferError(loc, "input must be [N, C, H, W], got rank " +
                               Twine(input.getRank()));
  if (b < 1)
    return inferError(loc, "blocksize must be positive");
  ArrayRef<int64_t> s = input.getShape();
  for (int64_t i : {2, 3})
    if (!ShapedType::isDynamic(s[i]) && s[i] % b != 0)
      return inferError(loc, "spatial dims " + formatShape(s.drop_front(2)) +
                                 " are not divisible by blocksize " + Twine(b));
  auto divide = [&](int64_t d) {
    return ShapedType::isDynamic(d) ? kDynamic : d / b;
  };
  inferred.push_back(withShape(
      input, {s[0], ShapedType::isDynamic(s[1]) ? kDynamic : s[1] * b * b,
              divide(s[2]), divide(s[3])}));
  return success();
}

LogicalResult ResizeOp::inferReturnTypes(MLIRContext *,
                                         std::optional<Location> loc,
                                         Adaptor adaptor,
                                         SmallVectorImpl<Type> &inferred) {
  auto input = cast<RankedTensorType>(adaptor.getInput().getType());
  int64_t rank = input.getRank();
  std::optional<ArrayRef<double>> scales = adaptor.getScales();
  std::optional<ArrayRef<int64_t>> sizes = adaptor.getSizes();
  if (static_cast<bool>(scales) == static_cast<bool>(sizes))
    return inferError(loc, "exactly one of scales and sizes must be given");
  size_t count = scales ? scales->size() : sizes->size();
  if (static_cast<int64_t>(count) != rank)
    return inferError(loc, Twine(scales ? "scales" : "sizes") +
                               " must have one entry per dim (" + Twine(rank) +
                               "), got " + Twine(count));
  SmallVector<int64_t> shape;
  for (int64_t i = 0; i < rank; ++i) {
    if (sizes) {
      if ((*sizes)[i] < 1)
        return inferError(loc, "sizes must be positive");
      shape.push_back((*sizes)[i]);
      continue;
    }
    double scale = (*scales)[i];
    if (!(scale > 0))
      return inferError(loc, "scales must be positive");
    int64_t size = input.getDimSize(i);
    shape.push_back(ShapedType::isDynamic(size)
                        ? kDynamic
                        : static_cast<int64_t>(std::floor(size * scale)));
  }
  if (adaptor.getMode() != ResizeMode::nearest &&
      !isa<FloatType>(input.getElementType()))
    return inferError(loc, stringifyResizeMode(adaptor.getMode()) +
                               Twine(" resize requires a floating-point input"));
  inferred.push_back(withShape(input, shape));
  return success();
}

LogicalResult ResizeOp::verify() {
  bool crop = getCoordinateTransform() == CoordinateTransform::tf_crop_and_resize;
  if (std::optional<ArrayRef<double>> roi = getRoi()) {
    if (!crop)
      return emitOpError("roi is only used by the tf_crop_and_resize "
                         "coordinate transform");
    int64_t rank = getInput().getType().getRank();
    if (static_cast<int64_t>(roi->size()) != 2 * rank)
      return emitOpError("roi must have a start and an end per dim (")
             << 2 * rank << " entries), got " << roi->size();
  } else if (crop) {
    return emitOpError("tf_crop_and_resize requires roi");
  }
  if (!crop && getExtrapolationValue().convertToDouble() != 0.0)
    return emitOpError("extrapolation_value is only used by the "
                       "tf_crop_and_resize coordinate transform");
  if (getMode() != ResizeMode::cubic &&
      (getCubicCoeffA().convertToDouble() != -0.75 || getExcludeOutside()))
    return emitOpError("cubic_coeff_a and exclude_outside are only used by "
                       "cubic mode");
  return success();
}
