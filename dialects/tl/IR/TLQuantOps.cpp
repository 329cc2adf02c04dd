//===- TLQuantOps.cpp - quantize and dequantize ---------------------------===//

#include "TLOpsUtils.h"
#include "tl/IR/TLOps.h"

#include "mlir/IR/TypeUtilities.h"

using namespace mlir;
using namespace mlir::tl;
using namespace mlir::tl::detail;

/// Checks the scale/zero-point pair of a quantize or dequantize of `input`:
/// equal shapes, rank 0 or rank 1 matching dimension `axis` of the input.
static LogicalResult verifyQuantParams(std::optional<Location> loc,
                                       RankedTensorType input,
                                       RankedTensorType scale,
                                       RankedTensorType zeroPoint,
                                       int64_t axis) {
  if (scale.getRank() != zeroPoint.getRank() ||
      failed(verifyCompatibleShape(scale.getShape(), zeroPoint.getShape())))
    return inferError(loc, "scale " + formatShape(scale.getShape()) +
                               " and zero point " +
                               formatShape(zeroPoint.getShape()) +
                               " must have the same shape");
  if (scale.getRank() == 0)
    return success();
  if (scale.getRank() != 1)
    return inferError(loc, "scale must be rank 0 (per tensor) or 1 (per "
                           "axis), got rank " +
                               Twine(scale.getRank()));
  FailureOr<int64_t> normalized = normalizeAxis(axis, input.getRank());
  if (failed(normalized))
    return inferError(loc, "axis " + Twine(axis) +
                               " is out of range for rank " +
                               Twine(input.getRank()));
  int64_t dim = input.getDimSize(*normalized);
  int64_t size = scale.getDimSize(0);
  if (!ShapedType::isDynamic(dim) && !ShapedType::isDynamic(size) &&
      dim != size)
    return inferError(loc, "scale has " + Twine(size) +
                               " elements but input dim " +
                               Twine(*normalized) + " has size " + Twine(dim));
  return success();
}

static std::optional<int64_t> quantizedAxis(Value input, Value scale,
                                            int64_t axis) {
  if (cast<RankedTensorType>(scale.getType()).getRank() == 0)
    return std::nullopt;
  return *normalizeAxis(axis,
                        cast<RankedTensorType>(input.getType()).getRank());
}

//===----------------------------------------------------------------------===//
// QuantizeOp
//===----------------------------------------------------------------------===//

LogicalResult QuantizeOp::inferReturnTypes(MLIRContext *,
                                           std::optional<Location> loc,
                                           Adaptor adaptor,
                                           SmallVectorImpl<Type> &inferred) {
  auto input = cast<RankedTensorType>(adaptor.getInput().getType());
  auto scale = cast<RankedTensorType>(adaptor.getScale().getType());
  auto zeroPoint = cast<RankedTensorType>(adaptor.getZeroPoint().getType());
  if (failed(verifyQuantParams(loc, input, scale, zeroPoint,
                               adaptor.getAxis())))
    return failure();
  inferred.push_back(RankedTensorType::get(input.getShape(),
                                           zeroPoint.getElementType()));
  return success();
}

LogicalResult QuantizeOp::verify() {
  if (getScale().getType().getElementType() !=
      getInput().getType().getElementType())
    return emitOpError("scale must have the input's element type");
  return success();
}

std::optional<int64_t> QuantizeOp::getQuantizedAxis() {
  return quantizedAxis(getInput(), getScale(), getAxis());
}

//===----------------------------------------------------------------------===//
// DequantizeOp
//===----------------------------------------------------------------------===//

LogicalResult DequantizeOp::inferReturnTypes(MLIRContext *,
                                             std::optional<Location> loc,
                                             Adaptor adaptor,
                                             SmallVectorImpl<Type> &inferred) {
  auto input = cast<RankedTensorType>(adaptor.getInput().getType());
  auto scale = cast<RankedTensorType>(adaptor.getScale().getType());
  auto zeroPoint = cast<RankedTensorType>(adaptor.getZeroPoint().getType());
  if (failed(verifyQuantParams(loc, input, scale, zeroPoint,
                               adaptor.getAxis())))
    return failure();
  inferred.push_back(
      RankedTensorType::get(input.getShape(), scale.getElementType()));
  return success();
}

LogicalResult DequantizeOp::verify() {
  if (getZeroPoint().getType().getElementType() !=
      getInput().getType().getElementType())
    return emitOpError("zero point must have the input's element type");
  return success();
}

std::optional<int64_t> DequantizeOp::getQuantizedAxis() {
  return quantizedAxis(getInput(), getScale(), getAxis());
}
