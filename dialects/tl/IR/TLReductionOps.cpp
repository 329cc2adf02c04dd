//===- TLReductionOps.cpp - reductions and arg-reductions -----------------===//

#include "TLOpsUtils.h"
#include "tl/IR/TLOps.h"

using namespace mlir;
using namespace mlir::tl;
using namespace mlir::tl::detail;

/// Normalizes and sorts `axes` against `rank` (all axes when absent);
/// failure on out-of-range or repeated axes.
static FailureOr<SmallVector<int64_t>>
normalizeAxes(std::optional<Location> loc,
              std::optional<ArrayRef<int64_t>> axes, int64_t rank) {
  SmallVector<int64_t> result;
  if (!axes) {
    result = llvm::to_vector(llvm::seq<int64_t>(0, rank));
    return result;
  }
  for (int64_t axis : *axes) {
    FailureOr<int64_t> normalized = normalizeAxis(axis, rank);
    if (failed(normalized))
      return inferError(loc, "axis " + Twine(axis) +
                                 " is out of range for rank " + Twine(rank));
    if (llvm::is_contained(result, *normalized))
      return inferError(loc, "axis " + Twine(axis) + " is repeated");
    result.push_back(*normalized);
  }
  llvm::sort(result);
  return result;
}

SmallVector<int64_t>
mlir::tl::detail::getReducedAxes(int64_t rank,
                                 std::optional<ArrayRef<int64_t>> axes) {
  return *normalizeAxes(std::nullopt, axes, rank);
}

/// The shape left after reducing `axes`: size 1 with keepdims, else removed.
static SmallVector<int64_t> reducedShape(ArrayRef<int64_t> shape,
                                         ArrayRef<int64_t> axes,
                                         bool keepdims) {
  SmallVector<int64_t> result;
  for (auto [i, dim] : llvm::enumerate(shape)) {
    if (!llvm::is_contained(axes, static_cast<int64_t>(i)))
      result.push_back(dim);
    else if (keepdims)
      result.push_back(1);
  }
  return result;
}

LogicalResult mlir::tl::detail::inferReduceType(
    std::optional<Location> loc, Type inputType,
    std::optional<ArrayRef<int64_t>> axesAttr, bool keepdims,
    SmallVectorImpl<Type> &inferred) {
  auto input = cast<RankedTensorType>(inputType);
  FailureOr<SmallVector<int64_t>> axes =
      normalizeAxes(loc, axesAttr, input.getRank());
  if (failed(axes))
    return failure();
  inferred.push_back(RankedTensorType::get(
      reducedShape(input.getShape(), *axes, keepdims), input.getElementType()));
  return success();
}

LogicalResult mlir::tl::detail::inferArgReduceType(
    std::optional<Location> loc, Type inputType, int64_t axis, bool keepdims,
    SmallVectorImpl<Type> &inferred) {
  auto input = cast<RankedTensorType>(inputType);
  FailureOr<int64_t> normalized = normalizeAxis(axis, input.getRank());
  if (failed(normalized))
    return inferError(loc, "axis " + Twine(axis) + " is out of range for rank " +
                               Twine(input.getRank()));
  if (input.getDimSize(*normalized) == 0)
    return inferError(loc, "cannot take the index over an empty axis");
  inferred.push_back(RankedTensorType::get(
      reducedShape(input.getShape(), {*normalized}, keepdims),
      IntegerType::get(inputType.getContext(), 64)));
  return success();
}
