//===- CopyAliasedResults.cpp - the tl-copy-aliased-results pass ----------===//
//
// The pipeline's contract is that every result is a heap buffer the caller
// releases with free(). After buffer deallocation each returned memref is an
// allocation owned by the caller, but one allocation may be returned more than
// once; such repeats get their own copy.
//
//===----------------------------------------------------------------------===//

#include "tlc/Transforms/Passes.h"

#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Interfaces/ViewLikeInterface.h"

namespace mlir::tlc {
#define GEN_PASS_DEF_TLCOPYALIASEDRESULTS
#include "tlc/Transforms/Passes.h.inc"
} // namespace mlir::tlc

using namespace mlir;

namespace {

/// The value a chain of views starts from.
Value viewRoot(Value v) {
  while (auto view = v.getDefiningOp<ViewLikeOpInterface>())
    v = view.getViewSource();
  return v;
}

struct CopyAliasedResultsPass
    : public tlc::impl::TLCopyAliasedResultsBase<CopyAliasedResultsPass> {
  void runOnOperation() override {
    getOperation().walk([](func::ReturnOp ret) {
      OpBuilder b(ret);
      llvm::SmallPtrSet<Value, 4> roots;
      for (OpOperand &operand : ret->getOpOperands()) {
        auto type = dyn_cast<MemRefType>(operand.get().getType());
        if (!type || roots.insert(viewRoot(operand.get())).second)
          continue;
        Location loc = ret.getLoc();
        SmallVector<Value> dynamicSizes;
        for (int64_t d = 0; d < type.getRank(); ++d)
          if (type.isDynamicDim(d))
            dynamicSizes.push_back(
                memref::DimOp::create(b, loc, operand.get(), d));
        auto allocType = MemRefType::get(type.getShape(),
                                         type.getElementType());
        Value copy = memref::AllocOp::create(b, loc, allocType, dynamicSizes);
        memref::CopyOp::create(b, loc, operand.get(), copy);
        if (allocType != type)
          copy = memref::CastOp::create(b, loc, type, copy);
        operand.set(copy);
      }
    });
  }
};

} // namespace
