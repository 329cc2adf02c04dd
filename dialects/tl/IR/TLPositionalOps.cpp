//===- TLPositionalOps.cpp - trilu and cumsum -----------------------------===//

#include "TLOpsUtils.h"
#include "tl/IR/TLOps.h"

using namespace mlir;
using namespace mlir::tl;
using namespace mlir::tl::detail;

LogicalResult TriluOp::inferReturnTypes(MLIRContext *,
                                        std::optional<Location> loc,
                                        Adaptor adaptor,
                                        SmallVectorImpl<Type> &inferred) {
  auto input = cast<RankedTensorType>(adaptor.getInput().getType());
  if (input.getRank() < 2)
    return inferError(loc, "input must have rank >= 2, got " +
                               formatShape(input.getShape()));
  inferred.push_back(input);
  return success();
}

LogicalResult CumSumOp::verify() {
  int64_t rank = getInput().getType().getRank();
  if (failed(normalizeAxis(getAxis(), rank)))
    return emitOpError("axis ") << static_cast<int64_t>(getAxis())
                                << " is out of range for rank " << rank;
  return success();
}
