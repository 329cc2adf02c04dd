//===- TLSamplingOps.cpp - grid_sample ------------------------------------===//

#include "TLOpsUtils.h"
#include "tl/IR/TLOps.h"

using namespace mlir;
using namespace mlir::tl;
using namespace mlir::tl::detail;

LogicalResult GridSampleOp::inferReturnTypes(MLIRContext *,
                                             std::optional<Location> loc,
                                             Adaptor adaptor,
                                             SmallVectorImpl<Type> &inferred) {
  auto input = cast<RankedTensorType>(adaptor.getInput().getType());
  auto grid = cast<RankedTensorType>(adaptor.getGrid().getType());
  if (input.getRank() != 4)
    return inferError(loc, "input must be [N, C, H, W], got rank " +
                               Twine(input.getRank()));
  if (grid.getRank() != 4 || (!grid.isDynamicDim(3) && grid.getDimSize(3) != 2))
    return inferError(loc, "grid must be [N, H_out, W_out, 2], got " +
                               formatShape(grid.getShape()));
  int64_t n = input.getDimSize(0), gn = grid.getDimSize(0);
  if (!ShapedType::isDynamic(n) && !ShapedType::isDynamic(gn) && n != gn)
    return inferError(loc, "input batch " + Twine(n) +
                               " differs from grid batch " + Twine(gn));
  inferred.push_back(RankedTensorType::get(
      {ShapedType::isDynamic(n) ? gn : n, input.getDimSize(1),
       grid.getDimSize(1), grid.getDimSize(2)},
      input.getElementType()));
  return success();
}

LogicalResult GridSampleOp::verify() {
  if (getGrid().getType().getElementType() !=
      getInput().getType().getElementType())
    return emitOpError("grid must have the input's element type");
  return success();
}
