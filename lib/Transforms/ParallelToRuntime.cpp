//===- ParallelToRuntime.cpp - the tl-parallel-to-runtime pass ------------===//
//
// Runs the outermost `scf.forall` loops (on buffers) on the artifact runtime's
// thread pool. Each loop becomes
//
//   * an internal function `void body(void *ctx, int64_t begin, int64_t end)`
//     that unpacks the values the loop captures from `ctx` and runs the
//     linearized iterations [begin, end) of the loop body serially, and
//   * at the loop's place, a context struct filled with those values (memrefs
//     travel as their LLVM descriptor structs, through unrealized casts that
//     reconcile away after the conversion to LLVM) and a call
//     `tlrt_parallel_for(iterations, body, &ctx)`.
//
// Nested foralls become sequential loops inside the outlined body.
//
//===----------------------------------------------------------------------===//

#include "tlc/Transforms/Passes.h"

#include "mlir/Conversion/LLVMCommon/TypeConverter.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/SCF/Transforms/Transforms.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Transforms/RegionUtils.h"

namespace mlir::tlc {
#define GEN_PASS_DEF_TLPARALLELTORUNTIME
#include "tlc/Transforms/Passes.h.inc"
} // namespace mlir::tlc

using namespace mlir;

namespace {

constexpr llvm::StringLiteral kRuntimeFn = "tlrt_parallel_for";

/// The LLVM type a captured value travels as, or null when unsupported.
Type contextType(Type type, const LLVMTypeConverter &converter) {
  MLIRContext *ctx = type.getContext();
  if (isa<MemRefType>(type))
    return converter.convertType(type);
  if (isa<IndexType>(type))
    return IntegerType::get(ctx, 64);
  // (Signed and unsigned integers travel as the signless LLVM integer.)
  if (isa<IntegerType, FloatType>(type))
    return converter.convertType(type);
  if (auto vec = dyn_cast<VectorType>(type))
    if (vec.getRank() == 1 && !vec.isScalable())
      return converter.convertType(type);
  return {};
}

/// Values that are rematerialized in the outlined body instead of captured.
bool isCloneable(Value v) {
  Operation *def = v.getDefiningOp();
  return def && def->getNumOperands() == 0 && def->getNumRegions() == 0 &&
         def->getNumResults() == 1 && isPure(def);
}

LLVM::LLVMFuncOp getOrCreateRuntimeFn(ModuleOp module) {
  if (auto fn = module.lookupSymbol<LLVM::LLVMFuncOp>(kRuntimeFn))
    return fn;
  MLIRContext *ctx = module.getContext();
  OpBuilder b = OpBuilder::atBlockEnd(module.getBody());
  auto ptr = LLVM::LLVMPointerType::get(ctx);
  auto i64 = IntegerType::get(ctx, 64);
  auto type = LLVM::LLVMFunctionType::get(LLVM::LLVMVoidType::get(ctx),
                                          {i64, ptr, ptr});
  return LLVM::LLVMFuncOp::create(b, module.getLoc(), kRuntimeFn, type);
}

LogicalResult outline(scf::ForallOp forall, unsigned index,
                      const LLVMTypeConverter &converter) {
  if (forall.getNumResults() != 0)
    return forall.emitOpError("must be bufferized before outlining");
  auto func = forall->getParentOfType<FunctionOpInterface>();
  auto module = forall->getParentOfType<ModuleOp>();
  MLIRContext *ctx = forall.getContext();
  Location loc = forall.getLoc();
  auto i64 = IntegerType::get(ctx, 64);
  auto ptr = LLVM::LLVMPointerType::get(ctx);
  auto indexType = IndexType::get(ctx);

  // Iteration counts per dimension and in total, computed at the call site.
  OpBuilder b(forall);
  SmallVector<Value> lbs, steps, counts;
  Value total = arith::ConstantIndexOp::create(b, loc, 1);
  for (auto [lbOfr, ubOfr, stepOfr] :
       llvm::zip(forall.getMixedLowerBound(), forall.getMixedUpperBound(),
                 forall.getMixedStep())) {
    Value lb = getValueOrCreateConstantIndexOp(b, loc, lbOfr);
    Value step = getValueOrCreateConstantIndexOp(b, loc, stepOfr);
    std::optional<int64_t> lbInt = getConstantIntValue(lbOfr);
    std::optional<int64_t> ubInt = getConstantIntValue(ubOfr);
    std::optional<int64_t> stepInt = getConstantIntValue(stepOfr);
    Value count;
    if (lbInt && ubInt && stepInt && *stepInt > 0) {
      count = arith::ConstantIndexOp::create(
          b, loc,
          std::max<int64_t>((*ubInt - *lbInt + *stepInt - 1) / *stepInt, 0));
    } else {
      Value ub = getValueOrCreateConstantIndexOp(b, loc, ubOfr);
      Value span = arith::SubIOp::create(b, loc, ub, lb);
      count = arith::CeilDivSIOp::create(b, loc, span, step);
      Value zero = arith::ConstantIndexOp::create(b, loc, 0);
      count = arith::MaxSIOp::create(b, loc, count, zero);
    }
    lbs.push_back(lb);
    steps.push_back(step);
    counts.push_back(count);
    total = arith::MulIOp::create(b, loc, total, count);
  }

  // What the body needs from outside.
  llvm::SetVector<Value> used;
  getUsedValuesDefinedAbove(forall.getRegion(), used);
  for (Value v : llvm::concat<Value>(lbs, steps, counts))
    used.insert(v);
  SmallVector<Value> captured, cloned;
  SmallVector<Type> fieldTypes;
  for (Value v : used) {
    if (isCloneable(v)) {
      cloned.push_back(v);
      continue;
    }
    Type field = contextType(v.getType(), converter);
    if (!field)
      return failure();
    captured.push_back(v);
    fieldTypes.push_back(field);
  }
  auto structType = LLVM::LLVMStructType::getLiteral(ctx, fieldTypes);

  // The outlined body.
  std::string name =
      (func.getName() + "_parallel_" + Twine(index)).str();
  SymbolTable symbols(module);
  OpBuilder mb = OpBuilder::atBlockEnd(module.getBody());
  auto bodyType = LLVM::LLVMFunctionType::get(LLVM::LLVMVoidType::get(ctx),
                                              {ptr, i64, i64});
  auto body = LLVM::LLVMFuncOp::create(mb, loc, name, bodyType,
                                       LLVM::Linkage::Internal);
  symbols.insert(body);
  Block *entry = body.addEntryBlock(mb);
  OpBuilder fb = OpBuilder::atBlockBegin(entry);
  IRMapping mapping;
  for (Value v : cloned)
    mapping.map(v, fb.clone(*v.getDefiningOp())->getResult(0));
  if (!captured.empty()) {
    Value fields =
        LLVM::LoadOp::create(fb, loc, structType, entry->getArgument(0));
    for (auto [i, v] : llvm::enumerate(captured)) {
      Value field = LLVM::ExtractValueOp::create(fb, loc, fields, i);
      if (isa<IndexType>(v.getType()))
        field = arith::IndexCastOp::create(fb, loc, indexType, field);
      else if (field.getType() != v.getType())
        field = UnrealizedConversionCastOp::create(fb, loc, v.getType(), field)
                    .getResult(0);
      mapping.map(v, field);
    }
  }
  Value begin =
      arith::IndexCastOp::create(fb, loc, indexType, entry->getArgument(1));
  Value end =
      arith::IndexCastOp::create(fb, loc, indexType, entry->getArgument(2));
  Value one = arith::ConstantIndexOp::create(fb, loc, 1);
  auto loop = scf::ForOp::create(fb, loc, begin, end, one);
  LLVM::ReturnOp::create(fb, loc, ValueRange{});

  OpBuilder lb = OpBuilder::atBlockBegin(loop.getBody());
  Value linear = loop.getInductionVar();
  SmallVector<Value> ivs(counts.size());
  for (int64_t d = counts.size() - 1; d >= 0; --d) {
    Value count = mapping.lookup(counts[d]);
    Value idx = d == 0 ? linear : arith::RemUIOp::create(lb, loc, linear, count);
    if (d > 0)
      linear = arith::DivUIOp::create(lb, loc, linear, count);
    Value scaled = arith::MulIOp::create(lb, loc, idx, mapping.lookup(steps[d]));
    ivs[d] = arith::AddIOp::create(lb, loc, scaled, mapping.lookup(lbs[d]));
  }
  for (auto [iv, value] : llvm::zip(forall.getInductionVars(), ivs))
    mapping.map(iv, value);
  for (Operation &op : forall.getBody()->without_terminator())
    lb.clone(op, mapping);

  // The call site: fill the context on the stack and hand over.
  OpBuilder eb = OpBuilder::atBlockBegin(&func.getFunctionBody().front());
  Value size = LLVM::ConstantOp::create(eb, loc, i64, eb.getI64IntegerAttr(1));
  Value context = LLVM::AllocaOp::create(eb, loc, ptr, structType, size,
                                         /*alignment=*/16);
  if (!captured.empty()) {
    Value fields = LLVM::PoisonOp::create(b, loc, structType);
    for (auto [i, v] : llvm::enumerate(captured)) {
      Value field = v;
      if (isa<IndexType>(v.getType()))
        field = arith::IndexCastOp::create(b, loc, i64, v);
      else if (fieldTypes[i] != v.getType())
        field = UnrealizedConversionCastOp::create(b, loc, fieldTypes[i], v)
                    .getResult(0);
      fields = LLVM::InsertValueOp::create(b, loc, fields, field, i);
    }
    LLVM::StoreOp::create(b, loc, fields, context);
  }
  Value fnPtr = LLVM::AddressOfOp::create(b, loc, body);
  Value n = arith::IndexCastOp::create(b, loc, i64, total);
  LLVM::CallOp::create(b, loc, getOrCreateRuntimeFn(module),
                       ValueRange{n, fnPtr, context});
  forall.erase();
  return success();
}

struct ParallelToRuntimePass
    : public tlc::impl::TLParallelToRuntimeBase<ParallelToRuntimePass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    IRRewriter rewriter(&getContext());

    // Loops nested in a parallel loop run sequentially in its body.
    SmallVector<scf::ForallOp> nested;
    module.walk([&](scf::ForallOp forall) {
      if (forall->getParentOfType<scf::ForallOp>())
        nested.push_back(forall);
    });
    for (scf::ForallOp forall : llvm::reverse(nested))
      if (failed(scf::forallToForLoop(rewriter, forall)))
        return signalPassFailure();

    LLVMTypeConverter converter(&getContext());
    SmallVector<scf::ForallOp> outer;
    module.walk([&](scf::ForallOp forall) { outer.push_back(forall); });
    llvm::DenseMap<Operation *, unsigned> counter;
    for (scf::ForallOp forall : outer) {
      Operation *func = forall->getParentOfType<FunctionOpInterface>();
      if (succeeded(outline(forall, counter[func]++, converter)))
        continue;
      // Captures the context cannot carry: run the loop sequentially.
      if (forall.getNumResults() != 0 ||
          failed(scf::forallToForLoop(rewriter, forall)))
        return signalPassFailure();
    }
  }
};

} // namespace
