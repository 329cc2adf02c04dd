//===- InferShapes.cpp - refine tl result types from their operands -------===//

#include "tl/IR/TLOps.h"
#include "tl/Transforms/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"

namespace mlir::tl {
#define GEN_PASS_DEF_TLINFERSHAPES
#include "tl/Transforms/Passes.h.inc"
} // namespace mlir::tl

using namespace mlir;
using namespace mlir::tl;

/// The more static of two compatible ranked tensor types (dim by dim), or
/// null when they are not compatible.
static Type meet(Type written, Type inferred) {
  auto a = dyn_cast<RankedTensorType>(written);
  auto b = dyn_cast<RankedTensorType>(inferred);
  if (!a || !b || a.getElementType() != b.getElementType() ||
      a.getRank() != b.getRank())
    return written == inferred ? written : Type();
  SmallVector<int64_t> shape;
  for (auto [x, y] : llvm::zip(a.getShape(), b.getShape())) {
    if (!ShapedType::isDynamic(x) && !ShapedType::isDynamic(y) && x != y)
      return Type();
    shape.push_back(ShapedType::isDynamic(x) ? y : x);
  }
  return a.clone(shape);
}

namespace {
struct TLInferShapesPass
    : public tl::impl::TLInferShapesBase<TLInferShapesPass> {
  void runOnOperation() override {
    func::FuncOp func = getOperation();
    WalkResult result = func.walk([&](Operation *op) {
      if (!isa<TLDialect>(op->getDialect()))
        return WalkResult::advance();
      auto infer = dyn_cast<InferTypeOpInterface>(op);
      if (!infer)
        return WalkResult::advance();
      SmallVector<Type> inferred;
      if (failed(infer.inferReturnTypes(
              op->getContext(), op->getLoc(), op->getOperands(),
              op->getAttrDictionary(), op->getPropertiesStorage(),
              op->getRegions(), inferred)))
        return WalkResult::interrupt();
      for (auto [value, type] : llvm::zip(op->getResults(), inferred)) {
        Type refined = meet(value.getType(), type);
        if (!refined) {
          op->emitOpError("result type ")
              << value.getType() << " is incompatible with the inferred "
              << type;
          return WalkResult::interrupt();
        }
        value.setType(refined);
      }
      return WalkResult::advance();
    });
    if (result.wasInterrupted())
      return signalPassFailure();

    // Users outside the tl dialect (func.return) now see refined operands;
    // make the signature agree.
    auto returnOp = cast<func::ReturnOp>(func.getBody().back().getTerminator());
    func.setType(FunctionType::get(func.getContext(),
                                   func.getFunctionType().getInputs(),
                                   returnOp.getOperandTypes()));
  }
};
} // namespace
