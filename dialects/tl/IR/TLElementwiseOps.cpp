//===- TLElementwiseOps.cpp - elementwise math, activations, comparisons --===//

#include "TLOpsUtils.h"
#include "tl/IR/TLOps.h"

#include "mlir/IR/TypeUtilities.h"

using namespace mlir;
using namespace mlir::tl;
using namespace mlir::tl::detail;

LogicalResult mlir::tl::inferBroadcastResultType(
    std::optional<Location> loc, Type lhs, Type rhs, bool boolResult,
    SmallVectorImpl<Type> &inferred) {
  auto lhsType = cast<RankedTensorType>(lhs);
  auto rhsType = cast<RankedTensorType>(rhs);
  FailureOr<SmallVector<int64_t>> shape =
      broadcastShapes(lhsType.getShape(), rhsType.getShape());
  if (failed(shape))
    return inferError(loc, "operand shapes " + formatShape(lhsType.getShape()) +
                               " and " + formatShape(rhsType.getShape()) +
                               " are not broadcast-compatible");
  Type elementType = boolResult ? IntegerType::get(lhs.getContext(), 1)
                                : lhsType.getElementType();
  inferred.push_back(RankedTensorType::get(*shape, elementType));
  return success();
}

/// Result type of a predicate on every element: the operand's shape as i1.
static void inferPredicateType(Type operand, SmallVectorImpl<Type> &inferred) {
  auto type = cast<RankedTensorType>(operand);
  inferred.push_back(type.clone(IntegerType::get(operand.getContext(), 1)));
}

LogicalResult IsNaNOp::inferReturnTypes(MLIRContext *, std::optional<Location>,
                                        Adaptor adaptor,
                                        SmallVectorImpl<Type> &inferred) {
  inferPredicateType(adaptor.getInput().getType(), inferred);
  return success();
}

LogicalResult IsInfOp::inferReturnTypes(MLIRContext *, std::optional<Location>,
                                        Adaptor adaptor,
                                        SmallVectorImpl<Type> &inferred) {
  inferPredicateType(adaptor.getInput().getType(), inferred);
  return success();
}

LogicalResult CeluOp::verify() {
  if (getAlpha().isZero())
    return emitOpError("alpha must be non-zero");
  return success();
}

LogicalResult ClipOp::verify() {
  if (getMin() && getMax() && getMin()->convertToDouble() > getMax()->convertToDouble())
    return emitOpError("min (")
           << getMin()->convertToDouble() << ") must not exceed max ("
           << getMax()->convertToDouble() << ")";
  return success();
}

bool CastOp::areCastCompatible(TypeRange inputs, TypeRange outputs) {
  if (inputs.size() != 1 || outputs.size() != 1)
    return false;
  auto in = dyn_cast<RankedTensorType>(inputs.front());
  auto out = dyn_cast<RankedTensorType>(outputs.front());
  return in && out && succeeded(verifyCompatibleShape(in, out));
}

LogicalResult PReluOp::inferReturnTypes(MLIRContext *,
                                        std::optional<Location> loc,
                                        Adaptor adaptor,
                                        SmallVectorImpl<Type> &inferred) {
  auto input = cast<RankedTensorType>(adaptor.getInput().getType());
  auto slope = cast<RankedTensorType>(adaptor.getSlope().getType());
  // Unidirectional broadcast: the slope must broadcast to the input's shape.
  FailureOr<SmallVector<int64_t>> shape =
      broadcastShapes(input.getShape(), slope.getShape());
  if (failed(shape) || !llvm::equal(*shape, input.getShape()))
    return inferError(loc, "slope shape " + formatShape(slope.getShape()) +
                               " does not broadcast to the input shape " +
                               formatShape(input.getShape()));
  inferred.push_back(input);
  return success();
}

LogicalResult SelectOp::inferReturnTypes(MLIRContext *,
                                         std::optional<Location> loc,
                                         Adaptor adaptor,
                                         SmallVectorImpl<Type> &inferred) {
  auto cond = cast<RankedTensorType>(adaptor.getCondition().getType());
  auto onTrue = cast<RankedTensorType>(adaptor.getOnTrue().getType());
  auto onFalse = cast<RankedTensorType>(adaptor.getOnFalse().getType());
  FailureOr<SmallVector<int64_t>> values =
      broadcastShapes(onTrue.getShape(), onFalse.getShape());
  FailureOr<SmallVector<int64_t>> shape =
      succeeded(values) ? broadcastShapes(cond.getShape(), *values) : values;
  if (failed(shape))
    return inferError(loc, "condition and value shapes " +
                               formatShape(cond.getShape()) + ", " +
                               formatShape(onTrue.getShape()) + " and " +
                               formatShape(onFalse.getShape()) +
                               " are not broadcast-compatible");
  inferred.push_back(RankedTensorType::get(*shape, onTrue.getElementType()));
  return success();
}

LogicalResult SelectOp::verify() {
  if (getOnTrue().getType().getElementType() !=
      getOnFalse().getType().getElementType())
    return emitOpError("on_true and on_false must have the same element type");
  return success();
}
