//===- ModelABI.h - The tensor signature of a compiled model ----*- C++ -*-===//
//
// The `tl.model_abi` module attribute written by tl-cpu-record-model-abi and
// read by tl-cpu-emit-model-abi and the header writer.
//
//===----------------------------------------------------------------------===//

#ifndef TLC_TARGET_CPU_MODELABI_H
#define TLC_TARGET_CPU_MODELABI_H

#include "tlc/Runtime/ABI.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/Support/LLVM.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>

namespace mlir {
namespace tlc {

/// Module attribute holding the signature.
inline constexpr llvm::StringLiteral kModelABIAttrName = "tl.model_abi";
/// Argument/result attribute naming a model input/output.
inline constexpr llvm::StringLiteral kNameAttrName = "tl.name";
/// Argument/result attribute naming each dimension ("" when unnamed).
inline constexpr llvm::StringLiteral kDimNamesAttrName = "tl.dim_names";

/// Highest rank the artifact ABI supports.
inline constexpr int64_t kMaxRank = TLC_MAX_RANK;

struct TensorABI {
  std::string name;
  ShapedType type;
  /// One entry per dimension; empty when unnamed.
  SmallVector<std::string> dimNames;
};

struct ModelABI {
  std::string entry;
  SmallVector<TensorABI> inputs;
  SmallVector<TensorABI> outputs;
};

/// The tlc_dtype code (ONNX TensorProto.DataType) of an element type, if the
/// ABI supports it.
std::optional<int32_t> getDTypeCode(Type elementType);

/// Short dtype name used in headers and messages ("f32", "u8", "bool").
llvm::StringRef getDTypeName(int32_t code);

/// Builds the `tl.model_abi` attribute.
DictionaryAttr buildModelABIAttr(MLIRContext *context, const ModelABI &abi);

/// Reads `tl.model_abi` from `module`; emits an error on the module and fails
/// when it is missing or malformed.
FailureOr<ModelABI> readModelABI(ModuleOp module);

/// Whether `name` is a valid C identifier (usable as a symbol prefix).
bool isCIdentifier(llvm::StringRef name);

} // namespace tlc
} // namespace mlir

#endif // TLC_TARGET_CPU_MODELABI_H
