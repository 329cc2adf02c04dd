//===- RecordModelABI.cpp - the tl-cpu-record-model-abi pass --------------===//

#include "tlc/Target/CPU/ModelABI.h"
#include "tlc/Target/CPU/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/BuiltinAttributes.h"

namespace mlir::tlc {
#define GEN_PASS_DEF_TLCPURECORDMODELABI
#include "tlc/Target/CPU/Passes.h.inc"
} // namespace mlir::tlc

using namespace mlir;
using namespace mlir::tlc;

/// Checks one argument or result type and fills in `tensor`.
static LogicalResult describe(func::FuncOp func, Type type,
                              DictionaryAttr attrs, StringRef kind,
                              unsigned index, TensorABI &tensor) {
  auto fail = [&]() {
    return func.emitError() << "model " << kind << " " << index << " ('"
                            << tensor.name << "') ";
  };
  auto shaped = dyn_cast<ShapedType>(type);
  if (!shaped || !isa<RankedTensorType, MemRefType>(type) ||
      !shaped.hasRank())
    return fail() << "has type " << type
                  << "; the artifact ABI takes ranked tensors";
  if (auto memref = dyn_cast<MemRefType>(type);
      memref && !memref.getLayout().isIdentity())
    return fail() << "has type " << type
                  << "; memrefs need the identity layout";
  if (!getDTypeCode(shaped.getElementType()))
    return fail() << "has element type " << shaped.getElementType()
                  << "; supported are f16, bf16, f32, f64, i1, i8-i64 and "
                     "ui8-ui64";
  if (shaped.getRank() > kMaxRank)
    return fail() << "has rank " << shaped.getRank()
                  << "; the artifact ABI supports up to " << kMaxRank;
  tensor.type = shaped;
  tensor.dimNames.assign(shaped.getRank(), "");
  Attribute dimNames = attrs ? attrs.get(kDimNamesAttrName) : Attribute();
  if (!dimNames)
    return success();
  auto list = dyn_cast<ArrayAttr>(dimNames);
  if (!list || static_cast<int64_t>(list.size()) != shaped.getRank() ||
      !llvm::all_of(list, [](Attribute a) { return isa<StringAttr>(a); }))
    return fail() << "has a '" << kDimNamesAttrName
                  << "' that is not an array of " << shaped.getRank()
                  << " strings";
  for (auto [d, name] : llvm::enumerate(list.getAsValueRange<StringAttr>()))
    tensor.dimNames[d] = name.str();
  return success();
}

static std::string tensorName(DictionaryAttr attrs, StringRef prefix,
                              unsigned index) {
  if (attrs)
    if (auto name = attrs.getAs<StringAttr>(kNameAttrName))
      return name.str();
  return (prefix + "_" + Twine(index)).str();
}

namespace {
struct RecordModelABIPass
    : public tlc::impl::TLCPURecordModelABIBase<RecordModelABIPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    func::FuncOp func = findEntry(module);
    if (!func)
      return signalPassFailure();

    ModelABI abi;
    abi.entry = func.getSymName().str();
    FunctionType type = func.getFunctionType();
    if (type.getNumResults() == 0) {
      func.emitError() << "model entry '" << abi.entry
                       << "' returns nothing; a model needs an output";
      return signalPassFailure();
    }
    for (unsigned i = 0; i < type.getNumInputs(); ++i) {
      TensorABI tensor;
      tensor.name = tensorName(func.getArgAttrDict(i), "input", i);
      if (failed(describe(func, type.getInput(i), func.getArgAttrDict(i),
                          "input", i, tensor)))
        return signalPassFailure();
      abi.inputs.push_back(std::move(tensor));
    }
    for (unsigned i = 0; i < type.getNumResults(); ++i) {
      TensorABI tensor;
      tensor.name = tensorName(func.getResultAttrDict(i), "output", i);
      if (failed(describe(func, type.getResult(i), func.getResultAttrDict(i),
                          "output", i, tensor)))
        return signalPassFailure();
      abi.outputs.push_back(std::move(tensor));
    }
    module->setAttr(kModelABIAttrName,
                    buildModelABIAttr(&getContext(), abi));
    func->setAttr(LLVM::LLVMDialect::getEmitCWrapperAttrName(),
                  UnitAttr::get(&getContext()));
  }

  func::FuncOp findEntry(ModuleOp module) {
    if (!entry.empty()) {
      auto func = module.lookupSymbol<func::FuncOp>(entry);
      if (!func || func.isExternal()) {
        module.emitError() << "no function named '" << entry
                           << "' with a body to use as the model entry";
        return nullptr;
      }
      return func;
    }
    SmallVector<func::FuncOp> candidates;
    for (auto func : module.getOps<func::FuncOp>())
      if (func.isPublic() && !func.isExternal())
        candidates.push_back(func);
    if (candidates.size() == 1)
      return candidates.front();
    if (candidates.empty()) {
      module.emitError()
          << "no public function with a body to use as the model entry";
      return nullptr;
    }
    InFlightDiagnostic diag = module.emitError()
                              << "several public functions could be the model "
                                 "entry; pick one with --entry: ";
    llvm::interleaveComma(candidates, diag, [&](func::FuncOp func) {
      diag << "'" << func.getSymName() << "'";
    });
    for (func::FuncOp func : candidates)
      diag.attachNote(func.getLoc()) << "candidate '" << func.getSymName()
                                     << "'";
    return nullptr;
  }
};
} // namespace
