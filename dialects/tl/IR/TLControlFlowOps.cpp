//===- TLControlFlowOps.cpp - tl.if, tl.loop, tl.yield --------------------===//

#include "TLOpsUtils.h"
#include "tl/IR/TLOps.h"

using namespace mlir;
using namespace mlir::tl;

/// True when `type` holds one element (rank 0, or every dim 1 or dynamic).
static bool isScalarLike(RankedTensorType type) {
  return llvm::all_of(type.getShape(), [](int64_t d) {
    return d == 1 || ShapedType::isDynamic(d);
  });
}

/// Checks that the region ends in a tl.yield whose operand types are
/// compatible with `expected` (the values may be less or more static).
static LogicalResult verifyYield(Operation *op, Region &region,
                                 TypeRange expected, StringRef what) {
  auto yield = dyn_cast<YieldOp>(region.front().getTerminator());
  if (!yield)
    return op->emitOpError() << what << " must end in tl.yield";
  if (yield.getValues().size() != expected.size())
    return op->emitOpError()
           << what << " yields " << yield.getValues().size()
           << " values, expected " << expected.size();
  for (auto [i, pair] :
       llvm::enumerate(llvm::zip(yield.getValues().getTypes(), expected)))
    if (!areCompatibleReturnTypes(std::get<1>(pair), std::get<0>(pair)))
      return op->emitOpError()
             << what << " value #" << i << " has type " << std::get<0>(pair)
             << ", incompatible with " << std::get<1>(pair);
  return success();
}

LogicalResult IfOp::verify() {
  if (!isScalarLike(getCondition().getType()))
    return emitOpError("condition must hold one element");
  if (failed(verifyYield(*this, getThenRegion(), getResultTypes(),
                         "then region")) ||
      failed(verifyYield(*this, getElseRegion(), getResultTypes(),
                         "else region")))
    return failure();
  return success();
}

LogicalResult LoopOp::verify() {
  if (Value max = getMaxTripCount())
    if (!isScalarLike(cast<RankedTensorType>(max.getType())))
      return emitOpError("max_trip_count must hold one element");
  if (Value cond = getCondition())
    if (!isScalarLike(cast<RankedTensorType>(cond.getType())))
      return emitOpError("condition must hold one element");
  size_t numCarried = getInitial().size();
  if (getNumResults() < numCarried)
    return emitOpError("expects a result per loop-carried value");
  Block &body = getBody().front();
  if (body.getNumArguments() != numCarried + 2)
    return emitOpError("body must take the iteration number, the condition "
                       "and ")
           << numCarried << " loop-carried values";
  auto scalar = [&](Type element) {
    return RankedTensorType::get({}, element);
  };
  Builder b(getContext());
  if (body.getArgument(0).getType() != scalar(b.getI64Type()) ||
      body.getArgument(1).getType() != scalar(b.getI1Type()))
    return emitOpError("body arguments #0 and #1 must be tensor<i64> and "
                       "tensor<i1>");
  SmallVector<Type> yielded = {scalar(b.getI1Type())};
  for (unsigned i = 0; i < numCarried; ++i) {
    Type result = getResult(i).getType();
    if (!areCompatibleReturnTypes(result, getInitial()[i].getType()) ||
        !areCompatibleReturnTypes(result, body.getArgument(i + 2).getType()))
      return emitOpError("loop-carried value #")
             << i << " has incompatible initial, argument and result types";
    yielded.push_back(result);
  }
  // Scan elements: the result without its leading dim.
  for (unsigned i = numCarried; i < getNumResults(); ++i) {
    auto result = cast<RankedTensorType>(getResult(i).getType());
    if (result.getRank() < 1)
      return emitOpError("scan output #") << i - numCarried
                                          << " must have rank >= 1";
    yielded.push_back(RankedTensorType::get(result.getShape().drop_front(),
                                            result.getElementType()));
  }
  return verifyYield(*this, getBody(), yielded, "body");
}
