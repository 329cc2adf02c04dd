//===- TLLossOps.cpp - loss functions -------------------------------------===//

#include "TLOpsUtils.h"
#include "tl/IR/TLOps.h"

using namespace mlir;
using namespace mlir::tl;
using namespace mlir::tl::detail;

/// True when two dims may be equal (equal, or one of them dynamic).
static bool compatibleDims(int64_t lhs, int64_t rhs) {
  return ShapedType::isDynamic(lhs) || ShapedType::isDynamic(rhs) || lhs == rhs;
}

LogicalResult NLLLossOp::inferReturnTypes(MLIRContext *,
                                          std::optional<Location> loc,
                                          Adaptor adaptor,
                                          SmallVectorImpl<Type> &inferred) {
  auto input = cast<RankedTensorType>(adaptor.getInput().getType());
  auto target = cast<RankedTensorType>(adaptor.getTarget().getType());
  if (input.getRank() < 2)
    return inferError(loc, "input must have rank >= 2 ([N, C, ...]), got " +
                               formatShape(input.getShape()));
  // target is input without the class axis 1.
  SmallVector<int64_t> expected = {input.getDimSize(0)};
  llvm::append_range(expected, input.getShape().drop_front(2));
  if (target.getRank() != input.getRank() - 1 ||
      !llvm::all_of_zip(expected, target.getShape(), compatibleDims))
    return inferError(loc, "target shape " + formatShape(target.getShape()) +
                               " does not match input shape " +
                               formatShape(input.getShape()) +
                               " without its class axis");
  if (Value weight = adaptor.getWeight()) {
    auto weightType = cast<RankedTensorType>(weight.getType());
    if (weightType.getElementType() != input.getElementType())
      return inferError(loc, "weight element type must match the input's");
    if (weightType.getRank() != 1 ||
        !compatibleDims(weightType.getDimSize(0), input.getDimSize(1)))
      return inferError(loc, "weight shape " +
                                 formatShape(weightType.getShape()) +
                                 " must be [C] for input shape " +
                                 formatShape(input.getShape()));
  }
  SmallVector<int64_t> shape;
  if (adaptor.getReduction() == LossReduction::none)
    shape = llvm::to_vector(target.getShape());
  inferred.push_back(RankedTensorType::get(shape, input.getElementType()));
  return success();
}
