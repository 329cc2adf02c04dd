//===- ModelABI.cpp - The tensor signature of a compiled model ------------===//

#include "tlc/Target/CPU/ModelABI.h"

#include "tlc/Runtime/ABI.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Diagnostics.h"
#include "llvm/ADT/StringExtras.h"

using namespace mlir;
using namespace mlir::tlc;

std::optional<int32_t> mlir::tlc::getDTypeCode(Type type) {
  if (type.isF32())
    return TLC_DTYPE_F32;
  if (type.isF64())
    return TLC_DTYPE_F64;
  if (type.isF16())
    return TLC_DTYPE_F16;
  if (type.isBF16())
    return TLC_DTYPE_BF16;
  auto integer = dyn_cast<IntegerType>(type);
  if (!integer)
    return std::nullopt;
  bool isUnsigned = integer.isUnsigned();
  switch (integer.getWidth()) {
  case 1:
    return TLC_DTYPE_BOOL;
  case 8:
    return isUnsigned ? TLC_DTYPE_U8 : TLC_DTYPE_I8;
  case 16:
    return isUnsigned ? TLC_DTYPE_U16 : TLC_DTYPE_I16;
  case 32:
    return isUnsigned ? TLC_DTYPE_U32 : TLC_DTYPE_I32;
  case 64:
    return isUnsigned ? TLC_DTYPE_U64 : TLC_DTYPE_I64;
  default:
    return std::nullopt;
  }
}

StringRef mlir::tlc::getDTypeName(int32_t code) {
  switch (code) {
#define TLC_DTYPE(ENUM, NAME, SIZE)                                            \
  case ENUM:                                                                   \
    return NAME;
#include "tlc/Runtime/DTypes.def"
  default:
    return "?";
  }
}

bool mlir::tlc::isCIdentifier(StringRef name) {
  if (name.empty() || llvm::isDigit(name.front()))
    return false;
  return llvm::all_of(
      name, [](char c) { return llvm::isAlnum(c) || c == '_'; });
}

static DictionaryAttr buildTensorAttr(Builder &builder,
                                      const TensorABI &tensor) {
  SmallVector<NamedAttribute> fields;
  fields.push_back(builder.getNamedAttr("name",
                                        builder.getStringAttr(tensor.name)));
  fields.push_back(
      builder.getNamedAttr("type", TypeAttr::get(tensor.type)));
  if (llvm::any_of(tensor.dimNames,
                   [](const std::string &n) { return !n.empty(); })) {
    SmallVector<Attribute> names;
    for (const std::string &name : tensor.dimNames)
      names.push_back(builder.getStringAttr(name));
    fields.push_back(
        builder.getNamedAttr("dim_names", builder.getArrayAttr(names)));
  }
  return builder.getDictionaryAttr(fields);
}

DictionaryAttr mlir::tlc::buildModelABIAttr(MLIRContext *context,
                                            const ModelABI &abi) {
  Builder builder(context);
  auto tensors = [&](ArrayRef<TensorABI> list) {
    SmallVector<Attribute> attrs;
    for (const TensorABI &tensor : list)
      attrs.push_back(buildTensorAttr(builder, tensor));
    return builder.getArrayAttr(attrs);
  };
  return builder.getDictionaryAttr({
      builder.getNamedAttr("entry", builder.getStringAttr(abi.entry)),
      builder.getNamedAttr("inputs", tensors(abi.inputs)),
      builder.getNamedAttr("outputs", tensors(abi.outputs)),
  });
}

static LogicalResult readTensors(ModuleOp module, DictionaryAttr dict,
                                 StringRef key,
                                 SmallVectorImpl<TensorABI> &tensors) {
  auto list = dict.getAs<ArrayAttr>(key);
  if (!list)
    return module.emitError() << "'" << kModelABIAttrName
                              << "' lacks the array '" << key << "'";
  for (auto [index, attr] : llvm::enumerate(list)) {
    auto entry = dyn_cast<DictionaryAttr>(attr);
    auto name = entry ? entry.getAs<StringAttr>("name") : StringAttr();
    auto typeAttr = entry ? entry.getAs<TypeAttr>("type") : TypeAttr();
    auto type =
        typeAttr ? dyn_cast<ShapedType>(typeAttr.getValue()) : ShapedType();
    if (!name || !type || !type.hasRank())
      return module.emitError()
             << "'" << kModelABIAttrName << "': " << key << "[" << index
             << "] needs a string 'name' and a ranked shaped 'type'";
    TensorABI tensor{name.str(), type, {}};
    tensor.dimNames.resize(type.getRank());
    if (auto names = entry.getAs<ArrayAttr>("dim_names")) {
      if (static_cast<int64_t>(names.size()) != type.getRank())
        return module.emitError()
               << "'" << kModelABIAttrName << "': " << key << "[" << index
               << "] has " << names.size() << " dim_names for rank "
               << type.getRank();
      for (auto [d, dimName] : llvm::enumerate(names)) {
        auto str = dyn_cast<StringAttr>(dimName);
        if (!str)
          return module.emitError() << "'" << kModelABIAttrName << "': "
                                    << key << "[" << index
                                    << "] dim_names must be strings";
        tensor.dimNames[d] = str.str();
      }
    }
    tensors.push_back(std::move(tensor));
  }
  return success();
}

FailureOr<ModelABI> mlir::tlc::readModelABI(ModuleOp module) {
  auto dict = module->getAttrOfType<DictionaryAttr>(kModelABIAttrName);
  if (!dict)
    return module.emitError()
           << "module has no '" << kModelABIAttrName
           << "' attribute; run tl-cpu-record-model-abi before lowering";
  ModelABI abi;
  auto entry = dict.getAs<StringAttr>("entry");
  if (!entry)
    return module.emitError()
           << "'" << kModelABIAttrName << "' lacks the string 'entry'";
  abi.entry = entry.str();
  if (failed(readTensors(module, dict, "inputs", abi.inputs)) ||
      failed(readTensors(module, dict, "outputs", abi.outputs)))
    return failure();
  return abi;
}
