//===- ONNXImporter.h - ONNX model to tl dialect ----------------*- C++ -*-===//
//
// Imports an ONNX model (a .onnx protobuf file) into a module holding one
// public func.func whose body is in the tl dialect.
//
//===----------------------------------------------------------------------===//

#ifndef TLC_TARGET_ONNX_ONNXIMPORTER_H
#define TLC_TARGET_ONNX_ONNXIMPORTER_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace mlir {
class DialectRegistry;
class MLIRContext;

namespace tlc {

/// The range of default-domain (ai.onnx) opset versions the importer maps
/// natively. Older models are upgraded to kMinImportOpset with libonnx's
/// version converter; newer ones are rejected.
inline constexpr int64_t kMinImportOpset = 6;
inline constexpr int64_t kMaxImportOpset = 17;

struct ONNXImportOptions {
  /// Name of the imported func.func.
  std::string entryName = "main";
  /// When set, the model is converted to this opset with libonnx's version
  /// converter before import (it must lie in [kMinImportOpset,
  /// kMaxImportOpset]). Otherwise models in that range are imported at their
  /// own opset and older ones are upgraded to kMinImportOpset.
  std::optional<int64_t> targetOpset;
  /// Initializers with more elements than this (and not a splat) become
  /// `dense_resource` blobs; smaller ones are plain dense attributes.
  int64_t maxInlineElements = 16;
  /// Graph inputs bound to constants: (input name, path of a serialized ONNX
  /// TensorProto, as in the backend test data's input_N.pb). Bound inputs
  /// become initializers, so shapes, axes or scales passed as inputs can be
  /// resolved at import time.
  std::vector<std::pair<std::string, std::string>> constantInputs;
};

/// Adds the dialects an imported module uses (tl, func) to `registry`.
void registerONNXImportDialects(DialectRegistry &registry);

/// Parses, checks and imports an ONNX model into a module with one public
/// func.func in the tl dialect (arg/result attrs `tl.name` carry the graph
/// input/output names). On failure emits a diagnostic through the context's
/// diagnostic engine and returns null.
OwningOpRef<ModuleOp> importONNXModel(llvm::StringRef path,
                                      MLIRContext *context,
                                      const ONNXImportOptions &options = {});

/// As above, for a model already in memory. `path` names the model in
/// diagnostics and locates external tensor data (relative to its directory).
OwningOpRef<ModuleOp> importONNXModelFromBuffer(
    llvm::StringRef bytes, llvm::StringRef path, MLIRContext *context,
    const ONNXImportOptions &options = {});

} // namespace tlc
} // namespace mlir

#endif // TLC_TARGET_ONNX_ONNXIMPORTER_H
