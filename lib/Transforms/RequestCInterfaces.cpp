//===- RequestCInterfaces.cpp - the tl-request-c-interfaces pass ----------===//

#include "tlc/Transforms/Passes.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"

namespace mlir::tlc {
#define GEN_PASS_DEF_TLREQUESTCINTERFACES
#include "tlc/Transforms/Passes.h.inc"
} // namespace mlir::tlc

using namespace mlir;

namespace {
struct RequestCInterfacesPass
    : public tlc::impl::TLRequestCInterfacesBase<RequestCInterfacesPass> {
  void runOnOperation() override {
    func::FuncOp func = getOperation();
    if (func.isPublic() && !func.isExternal())
      func->setAttr(LLVM::LLVMDialect::getEmitCWrapperAttrName(),
                    UnitAttr::get(&getContext()));
  }
};
} // namespace
