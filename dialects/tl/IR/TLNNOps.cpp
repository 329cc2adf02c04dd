//===- TLNNOps.cpp - dense, matmul, convolution, pooling, normalization ---===//

#include "TLOpsUtils.h"
#include "tl/IR/TLOps.h"

using namespace mlir;
using namespace mlir::tl;
using namespace mlir::tl::detail;

static constexpr int64_t kDynamic = ShapedType::kDynamic;

/// `attr` or `count` copies of `fill` when the attribute is absent.
static SmallVector<int64_t> valuesOr(std::optional<ArrayRef<int64_t>> attr,
                                     int64_t count, int64_t fill) {
  if (attr)
    return SmallVector<int64_t>(*attr);
  return SmallVector<int64_t>(count, fill);
}

/// Checks the window attributes shared by convolutions and pooling against
/// the number of spatial dims: strides/dilations one positive entry each, pads
/// two non-negative entries each.
static LogicalResult
verifyWindowAttrs(std::optional<Location> loc, int64_t spatial,
                  std::optional<ArrayRef<int64_t>> strides,
                  std::optional<ArrayRef<int64_t>> pads,
                  std::optional<ArrayRef<int64_t>> dilations) {
  auto checkPositive = [&](std::optional<ArrayRef<int64_t>> values,
                           StringRef name) -> LogicalResult {
    if (!values)
      return success();
    if (static_cast<int64_t>(values->size()) != spatial)
      return inferError(loc, name + " must have " + Twine(spatial) +
                                 " entries (one per spatial dim), got " +
                                 Twine(values->size()));
    if (llvm::any_of(*values, [](int64_t v) { return v < 1; }))
      return inferError(loc, name + " must be positive, got " +
                                 formatShape(*values));
    return success();
  };
  if (failed(checkPositive(strides, "strides")) ||
      failed(checkPositive(dilations, "dilations")))
    return failure();
  if (pads) {
    if (static_cast<int64_t>(pads->size()) != 2 * spatial)
      return inferError(loc, "pads must have " + Twine(2 * spatial) +
                                 " entries (begins then ends), got " +
                                 Twine(pads->size()));
    if (llvm::any_of(*pads, [](int64_t v) { return v < 0; }))
      return inferError(loc, "pads must be non-negative, got " +
                                 formatShape(*pads));
  }
  return success();
}

/// Output size of a sliding window: floor (or ceil) of
/// (size + pads - dilation * (kernel - 1) - 1) / stride + 1. With ceil mode a
/// last window that would start in the end padding is dropped.
static int64_t windowOutputSize(int64_t size, int64_t kernel, int64_t stride,
                                int64_t padBegin, int64_t padEnd,
                                int64_t dilation, bool ceilMode) {
  if (ShapedType::isDynamic(size) || ShapedType::isDynamic(kernel))
    return kDynamic;
  int64_t span = size + padBegin + padEnd - dilation * (kernel - 1) - 1;
  if (span < 0)
    return 0;
  int64_t out = (ceilMode ? (span + stride - 1) / stride : span / stride) + 1;
  if (ceilMode && (out - 1) * stride >= size + padBegin)
    --out;
  return out;
}

//===----------------------------------------------------------------------===//
// DenseOp
//===----------------------------------------------------------------------===//

LogicalResult DenseOp::inferReturnTypes(MLIRContext *,
                                        std::optional<Location> loc,
                                        Adaptor adaptor,
                                        SmallVectorImpl<Type> &inferred) {
  auto input = cast<RankedTensorType>(adaptor.getInput().getType());
  auto weight = cast<RankedTensorType>(adaptor.getWeight().getType());
  if (input.getRank() < 1)
    return inferError(loc, "input must have rank >= 1");
  if (weight.getRank() != 2)
    return inferError(loc, "weight must be [in_features, out_features], got rank " +
                               Twine(weight.getRank()));
  int64_t inFeatures = input.getShape().back();
  if (!ShapedType::isDynamic(inFeatures) &&
      !ShapedType::isDynamic(weight.getDimSize(0)) &&
      inFeatures != weight.getDimSize(0))
    return inferError(loc, "input features (" + Twine(inFeatures) +
                               ") do not match weight rows (" +
                               Twine(weight.getDimSize(0)) + ")");
  SmallVector<int64_t> shape(input.getShape());
  shape.back() = weight.getDimSize(1);
  inferred.push_back(RankedTensorType::get(shape, input.getElementType()));
  return success();
}

/// Size of `dim` of `value`'s tensor type, or kDynamic when the rank is too
/// small (the type-inference check reports that case).
static int64_t dimOrDynamic(Value value, int64_t dim) {
  auto type = cast<RankedTensorType>(value.getType());
  return dim < type.getRank() ? type.getDimSize(dim) : kDynamic;
}

/// A bias of `[channels]` for an op with `channels` outputs.
static LogicalResult verifyChannelVector(Operation *op, Value value,
                                         StringRef name, int64_t channels) {
  auto type = cast<RankedTensorType>(value.getType());
  if (type.getRank() != 1)
    return op->emitOpError() << name << " must be 1-D, got rank "
                             << type.getRank();
  if (!ShapedType::isDynamic(channels) && !type.isDynamicDim(0) &&
      type.getDimSize(0) != channels)
    return op->emitOpError() << name << " has " << type.getDimSize(0)
                             << " elements, expected " << channels;
  return success();
}

LogicalResult DenseOp::verify() {
  if (getWeight().getType().getElementType() !=
      getInput().getType().getElementType())
    return emitOpError("input and weight must have the same element type");
  if (Value bias = getBias())
    return verifyChannelVector(*this, bias, "bias", dimOrDynamic(getWeight(), 1));
  return success();
}

//===----------------------------------------------------------------------===//
// MatMulOp
//===----------------------------------------------------------------------===//

LogicalResult MatMulOp::inferReturnTypes(MLIRContext *,
                                         std::optional<Location> loc,
                                         Adaptor adaptor,
                                         SmallVectorImpl<Type> &inferred) {
  auto lhs = cast<RankedTensorType>(adaptor.getLhs().getType());
  auto rhs = cast<RankedTensorType>(adaptor.getRhs().getType());
  if (lhs.getRank() < 1 || rhs.getRank() < 1)
    return inferError(loc, "operands must have rank >= 1");
  // numpy promotes 1-D operands to matrices: [K] -> [1, K] and [K] -> [K, 1].
  SmallVector<int64_t> l(lhs.getShape()), r(rhs.getShape());
  if (l.size() == 1)
    l.insert(l.begin(), 1);
  if (r.size() == 1)
    r.push_back(1);
  int64_t lk = l.back(), rk = r[r.size() - 2];
  if (!ShapedType::isDynamic(lk) && !ShapedType::isDynamic(rk) && lk != rk)
    return inferError(loc, "contracted dimensions differ: lhs " +
                               formatShape(lhs.getShape()) + ", rhs " +
                               formatShape(rhs.getShape()));
  FailureOr<SmallVector<int64_t>> batch =
      broadcastShapes(ArrayRef<int64_t>(l).drop_back(2),
                      ArrayRef<int64_t>(r).drop_back(2));
  if (failed(batch))
    return inferError(loc, "batch dimensions of " + formatShape(lhs.getShape()) +
                               " and " + formatShape(rhs.getShape()) +
                               " are not broadcast-compatible");
  SmallVector<int64_t> shape = *batch;
  if (lhs.getRank() > 1)
    shape.push_back(l[l.size() - 2]);
  if (rhs.getRank() > 1)
    shape.push_back(r.back());
  inferred.push_back(RankedTensorType::get(shape, lhs.getElementType()));
  return success();
}

LogicalResult MatMulOp::verify() {
  if (getLhs().getType().getElementType() != getRhs().getType().getElementType())
    return emitOpError("lhs and rhs must have the same element type");
  return success();
}

//===----------------------------------------------------------------------===//
// ConvOp / ConvTransposeOp
//===----------------------------------------------------------------------===//

int64_t ConvOp::getNumSpatialDims() { return getInput().getType().getRank() - 2; }
SmallVector<int64_t> ConvOp::getStridesOrDefault() {
  return valuesOr(getStrides(), getNumSpatialDims(), 1);
}
SmallVector<int64_t> ConvOp::getPadsOrDefault() {
  return valuesOr(getPads(), 2 * getNumSpatialDims(), 0);
}
SmallVector<int64_t> ConvOp::getDilationsOrDefault() {
  return valuesOr(getDilations(), getNumSpatialDims(), 1);
}

/// Checks input/weight ranks (3-5, equal) and the group against the channels.
/// `weightInputDim` is the weight dim holding input channels per group.
static LogicalResult verifyConvOperands(std::optional<Location> loc,
                                        RankedTensorType input,
                                        RankedTensorType weight, int64_t group,
                                        bool transposed) {
  if (input.getRank() < 3 || input.getRank() > 5)
    return inferError(loc, "input must be [N, C, D...] with 1 to 3 spatial "
                           "dims, got rank " + Twine(input.getRank()));
  if (weight.getRank() != input.getRank())
    return inferError(loc, "weight rank (" + Twine(weight.getRank()) +
                               ") must equal input rank (" +
                               Twine(input.getRank()) + ")");
  if (group < 1)
    return inferError(loc, "group must be positive, got " + Twine(group));
  int64_t channels = input.getDimSize(1);
  if (ShapedType::isDynamic(channels))
    return success();
  if (channels % group != 0)
    return inferError(loc, "input channels (" + Twine(channels) +
                               ") are not divisible by group (" + Twine(group) +
                               ")");
  if (transposed) {
    if (!weight.isDynamicDim(0) && weight.getDimSize(0) != channels)
      return inferError(loc, "weight dim 0 (" + Twine(weight.getDimSize(0)) +
                                 ") must equal input channels (" +
                                 Twine(channels) + ")");
  } else if (!weight.isDynamicDim(1) &&
             weight.getDimSize(1) * group != channels) {
    return inferError(loc, "weight expects " +
                               Twine(weight.getDimSize(1) * group) +
                               " input channels (dim 1 = " +
                               Twine(weight.getDimSize(1)) + " x group " +
                               Twine(group) + "), input has " +
                               Twine(channels));
  }
  return success();
}

LogicalResult ConvOp::inferReturnTypes(MLIRContext *,
                                       std::optional<Location> loc,
                                       Adaptor adaptor,
                                       SmallVectorImpl<Type> &inferred) {
  auto input = cast<RankedTensorType>(adaptor.getInput().getType());
  auto weight = cast<RankedTensorType>(adaptor.getWeight().getType());
  int64_t group = adaptor.getGroup();
  if (failed(verifyConvOperands(loc, input, weight, group, false)))
    return failure();
  int64_t spatial = input.getRank() - 2;
  if (failed(verifyWindowAttrs(loc, spatial, adaptor.getStrides(),
                               adaptor.getPads(), adaptor.getDilations())))
    return failure();
  int64_t filters = weight.getDimSize(0);
  if (!ShapedType::isDynamic(filters) && filters % group != 0)
    return inferError(loc, "output channels (" + Twine(filters) +
                               ") are not divisible by group (" +
                               Twine(group) + ")");
  SmallVector<int64_t> strides = valuesOr(adaptor.getStrides(), spatial, 1);
  SmallVector<int64_t> pads = valuesOr(adaptor.getPads(), 2 * spatial, 0);
  SmallVector<int64_t> dilations = valuesOr(adaptor.getDilations(), spatial, 1);
  SmallVector<int64_t> shape = {input.getDimSize(0), filters};
  for (int64_t i = 0; i < spatial; ++i) {
    int64_t out = windowOutputSize(input.getDimSize(i + 2),
                                   weight.getDimSize(i + 2), strides[i],
                                   pads[i], pads[i + spatial], dilations[i],
                                   /*ceilMode=*/false);
    if (out == 0)
      return inferError(loc, "spatial dim " + Twine(i) + " of size " +
                                 Twine(input.getDimSize(i + 2)) +
                                 " is smaller than the dilated kernel");
    shape.push_back(out);
  }
  inferred.push_back(RankedTensorType::get(shape, input.getElementType()));
  return success();
}

LogicalResult ConvOp::verify() {
  if (getWeight().getType().getElementType() !=
      getInput().getType().getElementType())
    return emitOpError("input and weight must have the same element type");
  if (Value bias = getBias()) {
    if (cast<RankedTensorType>(bias.getType()).getElementType() !=
        getInput().getType().getElementType())
      return emitOpError("bias must have the input's element type");
    return verifyChannelVector(*this, bias, "bias", dimOrDynamic(getWeight(), 0));
  }
  return success();
}

int64_t ConvTransposeOp::getNumSpatialDims() {
  return getInput().getType().getRank() - 2;
}
SmallVector<int64_t> ConvTransposeOp::getStridesOrDefault() {
  return valuesOr(getStrides(), getNumSpatialDims(), 1);
}
SmallVector<int64_t> ConvTransposeOp::getPadsOrDefault() {
  return valuesOr(getPads(), 2 * getNumSpatialDims(), 0);
}
SmallVector<int64_t> ConvTransposeOp::getDilationsOrDefault() {
  return valuesOr(getDilations(), getNumSpatialDims(), 1);
}
SmallVector<int64_t> ConvTransposeOp::getOutputPaddingOrDefault() {
  return valuesOr(getOutputPadding(), getNumSpatialDims(), 0);
}

LogicalResult ConvTransposeOp::inferReturnTypes(
    MLIRContext *, std::optional<Location> loc, Adaptor adaptor,
    SmallVectorImpl<Type> &inferred) {
  auto input = cast<RankedTensorType>(adaptor.getInput().getType());
  auto weight = cast<RankedTensorType>(adaptor.getWeight().getType());
  int64_t group = adaptor.getGroup();
  if (failed(verifyConvOperands(loc, input, weight, group, true)))
    return failure();
  int64_t spatial = input.getRank() - 2;
  if (failed(verifyWindowAttrs(loc, spatial, adaptor.getStrides(),
                               adaptor.getPads(), adaptor.getDilations())))
    return failure();
  SmallVector<int64_t> strides = valuesOr(adaptor.getStrides(), spatial, 1);
  SmallVector<int64_t> pads = valuesOr(adaptor.getPads(), 2 * spatial, 0);
  SmallVector<int64_t> dilations = valuesOr(adaptor.getDilations(), spatial, 1);
  std::optional<ArrayRef<int64_t>> outputPaddingAttr = adaptor.getOutputPadding();
  if (outputPaddingAttr &&
      static_cast<int64_t>(outputPaddingAttr->size()) != spatial)
    return inferError(loc, "output_padding must have " + Twine(spatial) +
                               " entries, got " +
                               Twine(outputPaddingAttr->size()));
  SmallVector<int64_t> outputPadding = valuesOr(outputPaddingAttr, spatial, 0);
  for (int64_t i = 0; i < spatial; ++i)
    if (outputPadding[i] < 0 ||
        outputPadding[i] >= std::max(strides[i], dilations[i]))
      return inferError(loc, "output_padding must be in [0, max(stride, "
                             "dilation)), got " + formatShape(outputPadding));
  int64_t filters = ShapedType::isDynamic(weight.getDimSize(1))
                        ? kDynamic
                        : weight.getDimSize(1) * group;
  SmallVector<int64_t> shape = {input.getDimSize(0), filters};
  for (int64_t i = 0; i < spatial; ++i) {
    int64_t size = input.getDimSize(i + 2), kernel = weight.getDimSize(i + 2);
    if (ShapedType::isDynamic(size) || ShapedType::isDynamic(kernel)) {
      shape.push_back(kDynamic);
      continue;
    }
    int64_t out = strides[i] * (size - 1) + outputPadding[i] +
                  dilations[i] * (kernel - 1) + 1 - pads[i] - pads[i + spatial];
    if (out < 1)
      return inferError(loc, "pads leave no output along spatial dim " +
                                 Twine(i));
    shape.push_back(out);
  }
  inferred.push_back(RankedTensorType::get(shape, input.getElementType()));
  return success();
}

LogicalResult ConvTransposeOp::verify() {
  if (getWeight().getType().getElementType() !=
      getInput().getType().getElementType())
    return emitOpError("input and weight must have the same element type");
  if (Value bias = getBias())
    return verifyChannelVector(*this, bias, "bias", dimOrDynamic(getOutput(), 1));
  return success();
}

//===----------------------------------------------------------------------===//
// Pooling
//===----------------------------------------------------------------------===//

static LogicalResult inferPoolType(std::optional<Location> loc,
                                   RankedTensorType input,
                                   ArrayRef<int64_t> kernel,
                                   std::optional<ArrayRef<int64_t>> stridesAttr,
                                   std::optional<ArrayRef<int64_t>> padsAttr,
                                   std::optional<ArrayRef<int64_t>> dilationsAttr,
                                   bool ceilMode,
                                   SmallVectorImpl<Type> &inferred) {
  int64_t spatial = input.getRank() - 2;
  if (spatial < 1)
    return inferError(loc, "input must be [N, C, D...] with at least one "
                           "spatial dim, got rank " + Twine(input.getRank()));
  if (static_cast<int64_t>(kernel.size()) != spatial)
    return inferError(loc, "kernel_shape must have " + Twine(spatial) +
                               " entries (one per spatial dim), got " +
                               Twine(kernel.size()));
  if (llvm::any_of(kernel, [](int64_t k) { return k < 1; }))
    return inferError(loc, "kernel_shape must be positive, got " +
                               formatShape(kernel));
  if (failed(verifyWindowAttrs(loc, spatial, stridesAttr, padsAttr,
                               dilationsAttr)))
    return failure();
  SmallVector<int64_t> strides = valuesOr(stridesAttr, spatial, 1);
  SmallVector<int64_t> pads = valuesOr(padsAttr, 2 * spatial, 0);
  SmallVector<int64_t> dilations = valuesOr(dilationsAttr, spatial, 1);
  for (int64_t i = 0; i < spatial; ++i)
    if (pads[i] >= kernel[i] || pads[i + spatial] >= kernel[i])
      return inferError(loc, "pads must be smaller than the kernel, got " +
                                 formatShape(pads) + " for kernel " +
                                 formatShape(kernel));
  SmallVector<int64_t> shape(input.getShape().take_front(2));
  for (int64_t i = 0; i < spatial; ++i) {
    int64_t out = windowOutputSize(input.getDimSize(i + 2), kernel[i],
                                   strides[i], pads[i], pads[i + spatial],
                                   dilations[i], ceilMode);
    if (out == 0)
      return inferError(loc, "spatial dim " + Twine(i) + " of size " +
                                 Twine(input.getDimSize(i + 2)) +
                                 " is smaller than the pooling window");
    shape.push_back(out);
  }
  inferred.push_back(RankedTensorType::get(shape, input.getElementType()));
  return success();
}

LogicalResult MaxPoolOp::inferReturnTypes(MLIRContext *,
                                          std::optional<Location> loc,
                                          Adaptor adaptor,
                                          SmallVectorImpl<Type> &inferred) {
  return inferPoolType(loc, cast<RankedTensorType>(adaptor.getInput().getType()),
                       adaptor.getKernelShape(), adaptor.getStrides(),
                       adaptor.getPads(), adaptor.getDilations(),
                       adaptor.getCeilMode(), inferred);
}

SmallVector<int64_t> MaxPoolOp::getStridesOrDefault() {
  return valuesOr(getStrides(), getKernelShape().size(), 1);
}
SmallVector<int64_t> MaxPoolOp::getPadsOrDefault() {
  return valuesOr(getPads(), 2 * getKernelShape().size(), 0);
}
SmallVector<int64_t> MaxPoolOp::getDilationsOrDefault() {
  return valuesOr(getDilations(), getKernelShape().size(), 1);
}

LogicalResult MaxPoolWithIndicesOp::inferReturnTypes(
    MLIRContext *context, std::optional<Location> loc, Adaptor adaptor,
    SmallVectorImpl<Type> &inferred) {
  if (failed(inferPoolType(
          loc, cast<RankedTensorType>(adaptor.getInput().getType()),
          adaptor.getKernelShape(), adaptor.getStrides(), adaptor.getPads(),
          adaptor.getDilations(), adaptor.getCeilMode(), inferred)))
    return failure();
  auto output = cast<RankedTensorType>(inferred.front());
  inferred.push_back(output.clone(IntegerType::get(context, 64)));
  return success();
}

SmallVector<int64_t> MaxPoolWithIndicesOp::getStridesOrDefault() {
  return valuesOr(getStrides(), getKernelShape().size(), 1);
}
SmallVector<int64_t> MaxPoolWithIndicesOp::getPadsOrDefault() {
  return valuesOr(getPads(), 2 * getKernelShape().size(), 0);
}
SmallVector<int64_t> MaxPoolWithIndicesOp::getDilationsOrDefault() {
  return valuesOr(getDilations(), getKernelShape().size(), 1);
}

LogicalResult AvgPoolOp::inferReturnTypes(MLIRContext *,
                                          std::optional<Location> loc,
                                          Adaptor adaptor,
                                          SmallVectorImpl<Type> &inferred) {
  return inferPoolType(loc, cast<RankedTensorType>(adaptor.getInput().getType()),
                       adaptor.getKernelShape(), adaptor.getStrides(),
                       adaptor.getPads(), std::nullopt, adaptor.getCeilMode(),
                       inferred);
}

SmallVector<int64_t> AvgPoolOp::getStridesOrDefault() {
  return valuesOr(getStrides(), getKernelShape().size(), 1);
}
SmallVector<int64_t> AvgPoolOp::getPadsOrDefault() {
  return valuesOr(getPads(), 2 * getKernelShape().size(), 0);
}

static LogicalResult inferGlobalPoolType(std::optional<Location> loc,
                                         Type inputType,
                                         SmallVectorImpl<Type> &inferred) {
  auto input = cast<RankedTensorType>(inputType);
  if (input.getRank() < 3)
    return inferError(loc, "input must be [N, C, D...] with at least one "
                           "spatial dim, got rank " + Twine(input.getRank()));
  SmallVector<int64_t> shape(input.getShape().take_front(2));
  shape.append(input.getRank() - 2, 1);
  inferred.push_back(RankedTensorType::get(shape, input.getElementType()));
  return success();
}

LogicalResult GlobalAvgPoolOp::inferReturnTypes(MLIRContext *,
                                                std::optional<Location> loc,
                                                Adaptor adaptor,
                                                SmallVectorImpl<Type> &inferred) {
  return inferGlobalPoolType(loc, adaptor.getInput().getType(), inferred);
}
LogicalResult GlobalMaxPoolOp::inferReturnTypes(MLIRContext *,
                                                std::optional<Location> loc,
                                                Adaptor adaptor,
                                                SmallVectorImpl<Type> &inferred) {
  return inferGlobalPoolType(loc, adaptor.getInput().getType(), inferred);
}
//===----------------------------------------------------------------------===//
// Normalization and softmax
//===----------------------------------------------------------------------===//

LogicalResult BatchNormOp::inferReturnTypes(MLIRContext *,
                                            std::optional<Location> loc,
                                            Adaptor adaptor,
                                            SmallVectorImpl<Type> &inferred) {
  auto input = cast<RankedTensorType>(adaptor.getInput().getType());
  if (input.getRank() < 2)
    return inferError(loc, "input must be [N, C, ...], got rank " +
                               Twine(input.getRank()));
  inferred.push_back(input);
  return success();
}

LogicalResult BatchNormOp::verify() {
  int64_t channels = dimOrDynamic(getInput(), 1);
  Value params[] = {getScale(), getBias(), getMean(), getVar()};
  StringRef names[] = {"scale", "bias", "mean", "var"};
  for (auto [value, name] : llvm::zip_equal(params, names))
    if (failed(verifyChannelVector(*this, value, name, channels)))
      return failure();
  if (getEpsilon().isNegative())
    return emitOpError("epsilon must be non-negative");
  return success();
}

LogicalResult InstanceNormOp::inferReturnTypes(
    MLIRContext *, std::optional<Location> loc, Adaptor adaptor,
    SmallVectorImpl<Type> &inferred) {
  auto input = cast<RankedTensorType>(adaptor.getInput().getType());
  if (input.getRank() < 3)
    return inferError(loc, "input must be [N, C, D...], got rank " +
                               Twine(input.getRank()));
  inferred.push_back(input);
  return success();
}

LogicalResult InstanceNormOp::verify() {
  int64_t channels = dimOrDynamic(getInput(), 1);
  if (failed(verifyChannelVector(*this, getScale(), "scale", channels)) ||
      failed(verifyChannelVector(*this, getBias(), "bias", channels)))
    return failure();
  if (getEpsilon().isNegative())
    return emitOpError("epsilon must be non-negative");
  return success();
}

LogicalResult LayerNormOp::inferReturnTypes(MLIRContext *,
                                            std::optional<Location> loc,
                                            Adaptor adaptor,
                                            SmallVectorImpl<Type> &inferred) {
  auto input = cast<RankedTensorType>(adaptor.getInput().getType());
  FailureOr<int64_t> axis = normalizeAxis(adaptor.getAxis(), input.getRank());
  if (failed(axis))
    return inferError(loc, "axis " + Twine(static_cast<int64_t>(adaptor.getAxis())) +
                               " is out of range for rank " +
                               Twine(input.getRank()));
  ArrayRef<int64_t> normalized = input.getShape().drop_front(*axis);
  for (Value param : {adaptor.getScale(), adaptor.getBias()}) {
    if (!param)
      continue;
    auto type = cast<RankedTensorType>(param.getType());
    FailureOr<SmallVector<int64_t>> shape =
        broadcastShapes(normalized, type.getShape());
    if (failed(shape) || shape->size() != normalized.size())
      return inferError(loc, "scale/bias shape " +
                                 formatShape(type.getShape()) +
                                 " does not broadcast to the normalized shape " +
                                 formatShape(normalized));
  }
  inferred.push_back(input);
  return success();
}

LogicalResult LayerNormOp::verify() {
  if (getEpsilon().isNegative())
    return emitOpError("epsilon must be non-negative");
  return success();
}

template <typename SoftmaxLike>
static LogicalResult verifySoftmaxAxis(SoftmaxLike op) {
  int64_t rank = op.getInput().getType().getRank();
  if (failed(normalizeAxis(op.getAxis(), rank)))
    return op.emitOpError("axis ") << static_cast<int64_t>(op.getAxis())
                                   << " is out of range for rank " << rank;
  return success();
}

LogicalResult SoftmaxOp::verify() { return verifySoftmaxAxis(*this); }
LogicalResult LogSoftmaxOp::verify() { return verifySoftmaxAxis(*this); }
