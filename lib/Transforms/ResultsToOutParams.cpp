//===- ResultsToOutParams.cpp - the tl-results-to-out-params pass ---------===//
//
// Static-shaped results of public functions become trailing memref arguments
// that the caller provides. The buffer a result was computed in is replaced by
// the out-param (through the inverse of the reshapes between the two), so the
// result is written in place; anything else is copied into the out-param.
//
//===----------------------------------------------------------------------===//

#include "tlc/Transforms/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/CallInterfaces.h"
#include "mlir/Interfaces/ViewLikeInterface.h"

namespace mlir::tlc {
#define GEN_PASS_DEF_TLRESULTSTOOUTPARAMS
#include "tlc/Transforms/Passes.h.inc"
} // namespace mlir::tlc

using namespace mlir;

namespace {

constexpr llvm::StringLiteral kResultAttrName = "tl.result";

bool isOutParamType(Type type) {
  auto memref = dyn_cast<MemRefType>(type);
  return memref && memref.hasStaticShape() && memref.getLayout().isIdentity() &&
         !memref.getMemorySpace();
}

/// Whether the buffer of `alloc` (or a view of it) is freed, passed to a
/// call, inspected as a pointer or returned other than as `returned`: then
/// it is not simply the result's storage.
bool hasOtherOwners(memref::AllocOp alloc, OpOperand &returned) {
  SmallVector<Value> worklist = {alloc.getResult()};
  while (!worklist.empty()) {
    Value value = worklist.pop_back_val();
    for (OpOperand &use : value.getUses()) {
      Operation *user = use.getOwner();
      if (&use == &returned)
        continue;
      if (isa<memref::DeallocOp, CallOpInterface, func::ReturnOp,
              memref::ExtractAlignedPointerAsIndexOp>(user))
        return true;
      for (Value result : user->getResults())
        if (isa<BaseMemRefType>(result.getType()))
          worklist.push_back(result);
    }
  }
  return false;
}

/// Makes `outParam` the storage of the returned value `returned` when that
/// value is a reshape chain of a static allocation; returns false otherwise.
bool computeInPlace(OpOperand &returned, Value outParam) {
  SmallVector<Operation *> chain;
  Value value = returned.get();
  while (!value.getDefiningOp<memref::AllocOp>()) {
    Operation *def = value.getDefiningOp();
    if (!isa_and_nonnull<memref::ExpandShapeOp, memref::CollapseShapeOp>(def))
      return false;
    chain.push_back(def);
    value = def->getOperand(0);
  }
  auto alloc = value.getDefiningOp<memref::AllocOp>();
  if (!isOutParamType(alloc.getType()) || hasOtherOwners(alloc, returned))
    return false;
  // Every reshape between the allocation and the result must have identity
  // layouts, so that its inverse exists on the contiguous out-param.
  for (Operation *op : chain)
    if (!isOutParamType(op->getOperand(0).getType()) ||
        !isOutParamType(op->getResult(0).getType()))
      return false;

  OpBuilder builder(alloc);
  Location loc = alloc.getLoc();
  Value storage = outParam;
  for (Operation *op : chain) {
    auto sourceType = cast<MemRefType>(op->getOperand(0).getType());
    if (auto collapse = dyn_cast<memref::CollapseShapeOp>(op))
      storage = memref::ExpandShapeOp::create(
          builder, loc, sourceType, storage,
          collapse.getReassociationIndices());
    else
      storage = memref::CollapseShapeOp::create(
          builder, loc, sourceType, storage,
          cast<memref::ExpandShapeOp>(op).getReassociationIndices());
  }
  alloc.replaceAllUsesWith(storage);
  alloc.erase();
  return true;
}

void convertFunction(func::FuncOp func) {
  auto returns = llvm::to_vector(func.getOps<func::ReturnOp>());
  if (returns.size() != 1 || !func.getBody().hasOneBlock())
    return;
  func::ReturnOp ret = returns.front();
  FunctionType type = func.getFunctionType();
  llvm::BitVector converted(type.getNumResults());
  for (auto [index, resultType] : llvm::enumerate(type.getResults()))
    if (isOutParamType(resultType))
      converted.set(index);
  if (converted.none())
    return;

  MLIRContext *ctx = func.getContext();
  Builder attrBuilder(ctx);
  for (unsigned index : converted.set_bits()) {
    SmallVector<NamedAttribute> attrs(func.getResultAttrs(index));
    attrs.push_back(attrBuilder.getNamedAttr(
        kResultAttrName, attrBuilder.getI64IntegerAttr(index)));
    unsigned position = func.getNumArguments();
    if (failed(func.insertArgument(position, type.getResult(index),
                                   attrBuilder.getDictionaryAttr(attrs),
                                   func.getLoc())))
      return;
    Value outParam = func.getArgument(position);
    OpOperand &returned = ret->getOpOperand(index);
    if (computeInPlace(returned, outParam))
      continue;
    // The caller would have owned and freed the returned buffer; now the
    // function frees it after copying (the deallocation of a view frees the
    // allocation it is a view of, as the caller would have).
    OpBuilder builder(ret);
    Value value = returned.get();
    memref::CopyOp::create(builder, ret.getLoc(), value, outParam);
    Value root = value;
    while (auto view = root.getDefiningOp<ViewLikeOpInterface>())
      root = view.getViewSource();
    if (!isa<BlockArgument>(root) && !root.getDefiningOp<memref::GetGlobalOp>())
      memref::DeallocOp::create(builder, ret.getLoc(), value);
  }
  ret->eraseOperands(converted);
  (void)func.eraseResults(converted);
}

struct ResultsToOutParamsPass
    : public tlc::impl::TLResultsToOutParamsBase<ResultsToOutParamsPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    for (auto func : module.getOps<func::FuncOp>()) {
      if (!func.isPublic() || func.isExternal() ||
          !SymbolTable::symbolKnownUseEmpty(func, module))
        continue;
      convertFunction(func);
    }
  }
};

} // namespace
