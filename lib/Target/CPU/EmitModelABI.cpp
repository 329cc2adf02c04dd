//===- EmitModelABI.cpp - the tl-cpu-emit-model-abi pass ------------------===//
//
// Emits, into the LLVM-dialect module of a compiled model, the C API that
// docs/abi.md specifies. The struct layouts built here mirror the C structs
// of include/tlc/Runtime/ABI.h and include/tlc/Runtime/Runtime.h:
//
//   tlc_tensor_info {ptr name, i32 dtype, i32 rank, ptr shape, ptr dim_names}
//   tlc_model_info  {i32 abi_version, i32 num_inputs, i32 num_outputs,
//                    ptr name, ptr inputs, ptr outputs}
//   tlc_model_api   {i32 abi_version, ptr info, ptr session_create,
//                    ptr session_destroy, ptr run, ptr session_threads}
//   tlrt_model      {ptr info, ptr invoke, ptr in_place}
//
//===----------------------------------------------------------------------===//

#include "tlc/Target/CPU/ModelABI.h"
#include "tlc/Target/CPU/Passes.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/ImplicitLocOpBuilder.h"
#include "mlir/IR/SymbolTable.h"
#include "llvm/ADT/Sequence.h"

namespace mlir::tlc {
#define GEN_PASS_DEF_TLCPUEMITMODELABI
#include "tlc/Target/CPU/Passes.h.inc"
} // namespace mlir::tlc

using namespace mlir;
using namespace mlir::tlc;

namespace {

/// Argument attribute of tl-results-to-out-params: the result an out-param
/// holds.
constexpr llvm::StringLiteral kResultAttrName = "tl.result";

/// Builds the ABI's globals and functions at the end of a module.
class ABIEmitter {
public:
  ABIEmitter(ModuleOp module, StringRef prefix)
      : module(module), prefix(prefix.str()),
        b(module.getLoc(), module.getContext()) {
    MLIRContext *ctx = module.getContext();
    ptrTy = LLVM::LLVMPointerType::get(ctx);
    i32Ty = IntegerType::get(ctx, 32);
    i64Ty = IntegerType::get(ctx, 64);
    voidTy = LLVM::LLVMVoidType::get(ctx);
    tensorInfoTy =
        LLVM::LLVMStructType::getLiteral(ctx, {ptrTy, i32Ty, i32Ty, ptrTy, ptrTy});
    modelInfoTy = LLVM::LLVMStructType::getLiteral(
        ctx, {i32Ty, i32Ty, i32Ty, ptrTy, ptrTy, ptrTy});
    apiTy = LLVM::LLVMStructType::getLiteral(
        ctx, {i32Ty, ptrTy, ptrTy, ptrTy, ptrTy, ptrTy});
    modelTy = LLVM::LLVMStructType::getLiteral(ctx, {ptrTy, ptrTy, ptrTy});
    b.setInsertionPointToEnd(module.getBody());
  }

  LogicalResult emit(const ModelABI &abi, bool exportAPITable, bool emitMain);

private:
  std::string sym(const Twine &suffix) { return (prefix + suffix).str(); }

  /// The memref descriptor struct of a rank.
  Type descriptorType(int64_t rank);

  /// A constant internal global whose value `init` computes in its
  /// initializer region.
  LLVM::GlobalOp constantGlobal(const Twine &name, Type type,
                                function_ref<Value(ImplicitLocOpBuilder &)> init);
  LLVM::GlobalOp stringGlobal(const Twine &name, StringRef value);
  Value address(ImplicitLocOpBuilder &builder, LLVM::GlobalOp global) {
    return LLVM::AddressOfOp::create(builder, global);
  }
  Value null(ImplicitLocOpBuilder &builder) {
    return LLVM::ZeroOp::create(builder, ptrTy);
  }
  Value i32(ImplicitLocOpBuilder &builder, int64_t value) {
    return LLVM::ConstantOp::create(builder, i32Ty,
                                    builder.getI32IntegerAttr(value));
  }

  LLVM::GlobalOp tensorInfos(StringRef kind, ArrayRef<TensorABI> tensors);
  LLVM::LLVMFuncOp declare(StringRef name, Type result, ArrayRef<Type> params);
  LLVM::LLVMFuncOp define(StringRef name, Type result, ArrayRef<Type> params,
                          LLVM::Linkage linkage);
  LLVM::LLVMFuncOp invokeThunk(const ModelABI &abi, LLVM::LLVMFuncOp ciface,
                               ArrayRef<int64_t> outParams);

  ModuleOp module;
  std::string prefix;
  ImplicitLocOpBuilder b;
  Type ptrTy, i32Ty, i64Ty, voidTy;
  LLVM::LLVMStructType tensorInfoTy, modelInfoTy, apiTy, modelTy;
};

} // namespace

Type ABIEmitter::descriptorType(int64_t rank) {
  MLIRContext *ctx = module.getContext();
  if (rank == 0)
    return LLVM::LLVMStructType::getLiteral(ctx, {ptrTy, ptrTy, i64Ty});
  auto array = LLVM::LLVMArrayType::get(i64Ty, rank);
  return LLVM::LLVMStructType::getLiteral(ctx,
                                          {ptrTy, ptrTy, i64Ty, array, array});
}

LLVM::GlobalOp ABIEmitter::constantGlobal(
    const Twine &name, Type type,
    function_ref<Value(ImplicitLocOpBuilder &)> init) {
  auto global = LLVM::GlobalOp::create(b, type, /*isConstant=*/true,
                                       LLVM::Linkage::Internal, name.str(),
                                       Attribute());
  ImplicitLocOpBuilder builder(b.getLoc(), b.getContext());
  builder.setInsertionPointToStart(
      builder.createBlock(&global.getInitializerRegion()));
  LLVM::ReturnOp::create(builder, init(builder));
  return global;
}

LLVM::GlobalOp ABIEmitter::stringGlobal(const Twine &name, StringRef value) {
  std::string bytes = value.str();
  bytes.push_back('\0');
  auto type = LLVM::LLVMArrayType::get(IntegerType::get(b.getContext(), 8),
                                       bytes.size());
  return LLVM::GlobalOp::create(b, type, /*isConstant=*/true,
                                LLVM::Linkage::Internal, name.str(),
                                b.getStringAttr(bytes));
}

LLVM::GlobalOp ABIEmitter::tensorInfos(StringRef kind,
                                       ArrayRef<TensorABI> tensors) {
  struct Parts {
    LLVM::GlobalOp name, shape, dimNames;
  };
  SmallVector<Parts> parts;
  for (auto [i, tensor] : llvm::enumerate(tensors)) {
    std::string base = sym("__" + kind + Twine(i));
    Parts p;
    p.name = stringGlobal(base + "_name", tensor.name);
    int64_t rank = tensor.type.getRank();
    if (rank > 0) {
      SmallVector<int64_t> shape;
      for (int64_t dim : tensor.type.getShape())
        shape.push_back(ShapedType::isDynamic(dim) ? -1 : dim);
      auto attrType = RankedTensorType::get({rank}, i64Ty);
      p.shape = LLVM::GlobalOp::create(
          b, LLVM::LLVMArrayType::get(i64Ty, rank), /*isConstant=*/true,
          LLVM::Linkage::Internal, base + "_shape",
          DenseElementsAttr::get(attrType, ArrayRef<int64_t>(shape)));
    }
    if (llvm::any_of(tensor.dimNames,
                     [](const std::string &n) { return !n.empty(); })) {
      SmallVector<LLVM::GlobalOp> names;
      for (auto [d, dimName] : llvm::enumerate(tensor.dimNames))
        names.push_back(dimName.empty() ? LLVM::GlobalOp()
                                        : stringGlobal(base + "_dim" +
                                                           Twine(d) + "_name",
                                                       dimName));
      p.dimNames = constantGlobal(
          base + "_dim_names", LLVM::LLVMArrayType::get(ptrTy, rank),
          [&](ImplicitLocOpBuilder &builder) {
            Value array = LLVM::UndefOp::create(
                builder, LLVM::LLVMArrayType::get(ptrTy, rank));
            for (auto [d, global] : llvm::enumerate(names)) {
              Value value = global ? address(builder, global) : null(builder);
              array = LLVM::InsertValueOp::create(builder, array, value,
                                                  ArrayRef<int64_t>{(int64_t)d});
            }
            return array;
          });
    }
    parts.push_back(p);
  }
  auto arrayTy = LLVM::LLVMArrayType::get(tensorInfoTy, tensors.size());
  return constantGlobal(
      sym("__" + kind + "s"), arrayTy, [&](ImplicitLocOpBuilder &builder) {
        Value array = LLVM::UndefOp::create(builder, arrayTy);
        for (auto [i, tensor] : llvm::enumerate(tensors)) {
          const Parts &p = parts[i];
          Value fields[] = {
              address(builder, p.name),
              i32(builder, *getDTypeCode(tensor.type.getElementType())),
              i32(builder, tensor.type.getRank()),
              p.shape ? address(builder, p.shape) : null(builder),
              p.dimNames ? address(builder, p.dimNames) : null(builder)};
          Value info = LLVM::UndefOp::create(builder, tensorInfoTy);
          for (auto [f, field] : llvm::enumerate(fields))
            info = LLVM::InsertValueOp::create(builder, info, field,
                                               ArrayRef<int64_t>{(int64_t)f});
          array = LLVM::InsertValueOp::create(builder, array, info,
                                              ArrayRef<int64_t>{(int64_t)i});
        }
        return array;
      });
}

LLVM::LLVMFuncOp ABIEmitter::declare(StringRef name, Type result,
                                     ArrayRef<Type> params) {
  if (auto existing = module.lookupSymbol<LLVM::LLVMFuncOp>(name))
    return existing;
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(module.getBody());
  return LLVM::LLVMFuncOp::create(b, name,
                                  LLVM::LLVMFunctionType::get(result, params));
}

LLVM::LLVMFuncOp ABIEmitter::define(StringRef name, Type result,
                                    ArrayRef<Type> params,
                                    LLVM::Linkage linkage) {
  auto func = LLVM::LLVMFuncOp::create(
      b, name, LLVM::LLVMFunctionType::get(result, params), linkage);
  func.addEntryBlock(b);
  return func;
}

/// void <prefix>__invoke(void **inputs, void **outputs): loads the input
/// descriptor pointers, calls the C interface wrapper, passing outputs[i] as
/// the out-param of each output in `outParams` (the ciface's trailing
/// arguments, in order), and stores the descriptor of every other (returned)
/// result where outputs[i] points.
LLVM::LLVMFuncOp ABIEmitter::invokeThunk(const ModelABI &abi,
                                         LLVM::LLVMFuncOp ciface,
                                         ArrayRef<int64_t> outParams) {
  LLVM::LLVMFuncOp thunk =
      define(sym("__invoke"), voidTy, {ptrTy, ptrTy}, LLVM::Linkage::Internal);
  ImplicitLocOpBuilder builder(b.getLoc(), b.getContext());
  builder.setInsertionPointToStart(&thunk.getBody().front());
  Value inputs = thunk.getArgument(0), outputs = thunk.getArgument(1);

  auto outputSlot = [&](int64_t i) {
    Value slot = LLVM::GEPOp::create(builder, ptrTy, ptrTy, outputs,
                                     ArrayRef<LLVM::GEPArg>{(int32_t)i});
    return LLVM::LoadOp::create(builder, ptrTy, slot).getResult();
  };
  SmallVector<int64_t> returned;
  SmallVector<Type> resultTypes;
  for (auto [i, tensor] : llvm::enumerate(abi.outputs)) {
    if (llvm::is_contained(outParams, int64_t(i)))
      continue;
    returned.push_back(i);
    resultTypes.push_back(descriptorType(tensor.type.getRank()));
  }
  Type resultTy = resultTypes.size() == 1
                      ? resultTypes.front()
                      : LLVM::LLVMStructType::getLiteral(b.getContext(),
                                                         resultTypes);
  SmallVector<Value> args;
  Value results;
  if (!returned.empty()) {
    Value one = LLVM::ConstantOp::create(builder, i64Ty,
                                         builder.getI64IntegerAttr(1));
    results = LLVM::AllocaOp::create(builder, ptrTy, resultTy, one);
    args.push_back(results);
  }
  for (unsigned i = 0; i < abi.inputs.size(); ++i) {
    Value slot = LLVM::GEPOp::create(builder, ptrTy, ptrTy, inputs,
                                     ArrayRef<LLVM::GEPArg>{(int32_t)i});
    args.push_back(LLVM::LoadOp::create(builder, ptrTy, slot));
  }
  for (int64_t output : outParams)
    args.push_back(outputSlot(output));
  LLVM::CallOp::create(builder, ciface, args);
  for (auto [j, type] : llvm::enumerate(resultTypes)) {
    Value source = results;
    if (resultTypes.size() > 1)
      source = LLVM::GEPOp::create(builder, ptrTy, resultTy, results,
                                   ArrayRef<LLVM::GEPArg>{0, (int32_t)j});
    Value descriptor = LLVM::LoadOp::create(builder, type, source);
    LLVM::StoreOp::create(builder, descriptor, outputSlot(returned[j]));
  }
  LLVM::ReturnOp::create(builder, ValueRange());
  return thunk;
}

LogicalResult ABIEmitter::emit(const ModelABI &abi, bool exportAPITable,
                               bool emitMain) {
  std::string cifaceName = "_mlir_ciface_" + abi.entry;
  auto ciface = module.lookupSymbol<LLVM::LLVMFuncOp>(cifaceName);
  if (!ciface || ciface.isExternal())
    return module.emitError()
           << "no C interface function '" << cifaceName
           << "' in the module; lower it with tl-cpu-pipeline first";
  // Outputs written into caller buffers are trailing arguments marked with
  // the index of their result (tl-results-to-out-params); the others are
  // returned through the leading results pointer.
  SmallVector<int64_t> outParams;
  for (unsigned i = 0; i < ciface.getNumArguments(); ++i) {
    auto index = ciface.getArgAttrOfType<IntegerAttr>(i, kResultAttrName);
    if (!index)
      continue;
    int64_t output = index.getInt();
    if (output < 0 || output >= int64_t(abi.outputs.size()) ||
        llvm::is_contained(outParams, output) ||
        !abi.outputs[output].type.hasStaticShape())
      return ciface.emitError()
             << "argument " << i << " is marked as the out-param of output "
             << output << ", which is not a distinct output of static shape";
    outParams.push_back(output);
  }
  bool hasResults = outParams.size() < abi.outputs.size();
  unsigned expectedArgs =
      unsigned(hasResults) + abi.inputs.size() + outParams.size();
  bool trailing = llvm::all_of(
      llvm::seq<unsigned>(expectedArgs - outParams.size(), expectedArgs),
      [&](unsigned i) {
        return i < ciface.getNumArguments() &&
               ciface.getArgAttr(i, kResultAttrName);
      });
  if (ciface.getNumArguments() != expectedArgs || !trailing ||
      !llvm::all_of(ciface.getArgumentTypes(),
                    [&](Type t) { return t == ptrTy; }))
    return ciface.emitError()
           << "expected " << expectedArgs
           << " pointer arguments (results, then one descriptor per input, "
              "then the out-params) to match the recorded signature";

  // Names the API takes; defined functions of the model that use one (an
  // entry called `main`) are renamed, external references are an error.
  SmallVector<std::string> apiNames = {sym("_info"), sym("_api"),
                                       sym("_session_create"),
                                       sym("_session_destroy"), sym("_run"),
                                       sym("_session_threads")};
  if (exportAPITable)
    apiNames.push_back(TLC_GET_MODEL_API_SYMBOL);
  if (emitMain)
    apiNames.push_back("main");
  SymbolTable symbols(module);
  for (const std::string &name : apiNames) {
    Operation *clash = symbols.lookup(name);
    if (!clash)
      continue;
    auto func = dyn_cast<LLVM::LLVMFuncOp>(clash);
    if (!func || func.isExternal())
      return clash->emitError()
             << "symbol '" << name << "' clashes with the model API; pick "
             << "another --name";
    if (failed(symbols.renameToUnique(clash, {&symbols})))
      return clash->emitError() << "cannot rename '" << name << "'";
  }

  // Everything the model defines becomes internal: only the API is visible.
  // Argument and result attributes outside the llvm dialect (the tl.name
  // the C wrapper inherits) have served their purpose and would only make
  // the translation to LLVM IR warn.
  for (auto func : module.getOps<LLVM::LLVMFuncOp>()) {
    if (!func.isExternal() && func.getLinkage() == LLVM::Linkage::External)
      func.setLinkage(LLVM::Linkage::Internal);
    auto llvmOnly = [](DictionaryAttr attrs) {
      SmallVector<NamedAttribute> kept;
      if (attrs)
        for (NamedAttribute attr : attrs)
          if (attr.getName().strref().starts_with("llvm."))
            kept.push_back(attr);
      return kept;
    };
    for (unsigned i = 0; i < func.getNumArguments(); ++i)
      func.setArgAttrs(i, llvmOnly(func.getArgAttrDict(i)));
    for (unsigned i = 0; i < func.getNumResults(); ++i)
      func.setResultAttrs(i, llvmOnly(func.getResultAttrDict(i)));
  }
  for (auto global : module.getOps<LLVM::GlobalOp>())
    if (global.getLinkage() == LLVM::Linkage::External &&
        (global.getValueOrNull() || !global.getInitializerRegion().empty()))
      global.setLinkage(LLVM::Linkage::Internal);

  LLVM::LLVMFuncOp runtimeCreate =
      declare("tlrt_session_create", i32Ty, {i32Ty, ptrTy, ptrTy});
  LLVM::LLVMFuncOp runtimeDestroy =
      declare("tlrt_session_destroy", voidTy, {ptrTy});
  LLVM::LLVMFuncOp runtimeThreads =
      declare("tlrt_session_num_threads", i32Ty, {ptrTy});
  LLVM::LLVMFuncOp runtimeRun = declare(
      "tlrt_run", i32Ty, {ptrTy, ptrTy, ptrTy, i64Ty, ptrTy, i64Ty, ptrTy});

  // Metadata.
  LLVM::GlobalOp modelName = stringGlobal(sym("__name"), prefix);
  LLVM::GlobalOp inputs = tensorInfos("input", abi.inputs);
  LLVM::GlobalOp outputs = tensorInfos("output", abi.outputs);
  LLVM::GlobalOp info = constantGlobal(
      sym("__info"), modelInfoTy, [&](ImplicitLocOpBuilder &builder) {
        Value fields[] = {i32(builder, TLC_ABI_VERSION),
                          i32(builder, abi.inputs.size()),
                          i32(builder, abi.outputs.size()),
                          address(builder, modelName), address(builder, inputs),
                          address(builder, outputs)};
        Value value = LLVM::UndefOp::create(builder, modelInfoTy);
        for (auto [f, field] : llvm::enumerate(fields))
          value = LLVM::InsertValueOp::create(builder, value, field,
                                              ArrayRef<int64_t>{(int64_t)f});
        return value;
      });
  LLVM::LLVMFuncOp invoke = invokeThunk(abi, ciface, outParams);
  SmallVector<int8_t> inPlaceFlags(abi.outputs.size(), 0);
  for (int64_t output : outParams)
    inPlaceFlags[output] = 1;
  LLVM::GlobalOp inPlace;
  if (!inPlaceFlags.empty()) {
    auto i8Ty = IntegerType::get(b.getContext(), 8);
    inPlace = LLVM::GlobalOp::create(
        b, LLVM::LLVMArrayType::get(i8Ty, inPlaceFlags.size()),
        /*isConstant=*/true, LLVM::Linkage::Internal, sym("__in_place"),
        DenseElementsAttr::get(
            RankedTensorType::get({int64_t(inPlaceFlags.size())}, i8Ty),
            ArrayRef<int8_t>(inPlaceFlags)));
  }
  LLVM::GlobalOp model = constantGlobal(
      sym("__model"), modelTy, [&](ImplicitLocOpBuilder &builder) {
        Value fields[] = {address(builder, info),
                          LLVM::AddressOfOp::create(builder, invoke),
                          inPlace ? address(builder, inPlace) : null(builder)};
        Value value = LLVM::UndefOp::create(builder, modelTy);
        for (auto [f, field] : llvm::enumerate(fields))
          value = LLVM::InsertValueOp::create(builder, value, field,
                                              ArrayRef<int64_t>{(int64_t)f});
        return value;
      });

  // The API functions: thin calls into the runtime.
  auto body = [&](LLVM::LLVMFuncOp func) {
    ImplicitLocOpBuilder builder(b.getLoc(), b.getContext());
    builder.setInsertionPointToStart(&func.getBody().front());
    return builder;
  };
  LLVM::LLVMFuncOp infoFn =
      define(sym("_info"), ptrTy, {}, LLVM::Linkage::External);
  {
    ImplicitLocOpBuilder builder = body(infoFn);
    LLVM::ReturnOp::create(builder, address(builder, info));
  }
  LLVM::LLVMFuncOp createFn = define(sym("_session_create"), i32Ty,
                                     {i32Ty, ptrTy, ptrTy},
                                     LLVM::Linkage::External);
  {
    ImplicitLocOpBuilder builder = body(createFn);
    auto call =
        LLVM::CallOp::create(builder, runtimeCreate, createFn.getArguments());
    LLVM::ReturnOp::create(builder, call.getResult());
  }
  LLVM::LLVMFuncOp destroyFn = define(sym("_session_destroy"), voidTy,
                                      {ptrTy}, LLVM::Linkage::External);
  {
    ImplicitLocOpBuilder builder = body(destroyFn);
    LLVM::CallOp::create(builder, runtimeDestroy, destroyFn.getArguments());
    LLVM::ReturnOp::create(builder, ValueRange());
  }
  LLVM::LLVMFuncOp runFn =
      define(sym("_run"), i32Ty, {ptrTy, ptrTy, i64Ty, ptrTy, i64Ty, ptrTy},
             LLVM::Linkage::External);
  {
    ImplicitLocOpBuilder builder = body(runFn);
    SmallVector<Value> args{address(builder, model)};
    llvm::append_range(args, runFn.getArguments());
    auto call = LLVM::CallOp::create(builder, runtimeRun, args);
    LLVM::ReturnOp::create(builder, call.getResult());
  }
  LLVM::LLVMFuncOp threadsFn = define(sym("_session_threads"), i32Ty,
                                      {ptrTy}, LLVM::Linkage::External);
  {
    ImplicitLocOpBuilder builder = body(threadsFn);
    auto call =
        LLVM::CallOp::create(builder, runtimeThreads, threadsFn.getArguments());
    LLVM::ReturnOp::create(builder, call.getResult());
  }
  LLVM::GlobalOp api = constantGlobal(
      sym("__api"), apiTy, [&](ImplicitLocOpBuilder &builder) {
        Value fields[] = {i32(builder, TLC_ABI_VERSION), address(builder, info),
                          LLVM::AddressOfOp::create(builder, createFn),
                          LLVM::AddressOfOp::create(builder, destroyFn),
                          LLVM::AddressOfOp::create(builder, runFn),
                          LLVM::AddressOfOp::create(builder, threadsFn)};
        Value value = LLVM::UndefOp::create(builder, apiTy);
        for (auto [f, field] : llvm::enumerate(fields))
          value = LLVM::InsertValueOp::create(builder, value, field,
                                              ArrayRef<int64_t>{(int64_t)f});
        return value;
      });
  auto apiAccessor = [&](StringRef name) {
    LLVM::LLVMFuncOp fn = define(name, ptrTy, {}, LLVM::Linkage::External);
    ImplicitLocOpBuilder builder = body(fn);
    LLVM::ReturnOp::create(builder, address(builder, api));
  };
  apiAccessor(sym("_api"));
  if (exportAPITable)
    apiAccessor(TLC_GET_MODEL_API_SYMBOL);
  if (emitMain) {
    LLVM::LLVMFuncOp runtimeMain =
        declare("tlrt_exe_main", i32Ty, {ptrTy, i32Ty, ptrTy});
    LLVM::LLVMFuncOp mainFn =
        define("main", i32Ty, {i32Ty, ptrTy}, LLVM::Linkage::External);
    ImplicitLocOpBuilder builder = body(mainFn);
    auto call = LLVM::CallOp::create(
        builder, runtimeMain,
        ValueRange{address(builder, api), mainFn.getArgument(0),
                   mainFn.getArgument(1)});
    LLVM::ReturnOp::create(builder, call.getResult());
  }
  return success();
}

namespace {
struct EmitModelABIPass
    : public tlc::impl::TLCPUEmitModelABIBase<EmitModelABIPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    if (!isCIdentifier(name)) {
      module.emitError() << "model name '" << name
                         << "' is not a C identifier (letters, digits and "
                            "'_', not starting with a digit)";
      return signalPassFailure();
    }
    FailureOr<ModelABI> abi = readModelABI(module);
    if (failed(abi))
      return signalPassFailure();
    for (const TensorABI &tensor :
         llvm::concat<const TensorABI>(abi->inputs, abi->outputs)) {
      if (!getDTypeCode(tensor.type.getElementType()) ||
          tensor.type.getRank() > kMaxRank) {
        module.emitError() << "'" << kModelABIAttrName << "': tensor '"
                           << tensor.name << "' of type " << tensor.type
                           << " is not supported by the artifact ABI";
        return signalPassFailure();
      }
    }
    if (failed(ABIEmitter(module, name).emit(*abi, exportAPITable, emitMain)))
      return signalPassFailure();
  }
};
} // namespace
