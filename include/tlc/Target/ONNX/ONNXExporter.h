//===- ONNXExporter.h - tl dialect to ONNX model ----------------*- C++ -*-===//
//
// Exports a module holding one public func.func in the tl dialect as an ONNX
// model (a serialized ModelProto) at a chosen opset of the default domain.
//
//===----------------------------------------------------------------------===//

#ifndef TLC_TARGET_ONNX_ONNXEXPORTER_H
#define TLC_TARGET_ONNX_ONNXEXPORTER_H

#include "mlir/IR/BuiltinOps.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdint>
#include <string>

namespace mlir {
class DialectRegistry;

namespace tlc {

/// The default-domain (ai.onnx) opsets the exporter writes. Each op is
/// emitted in the form its opset defines (attributes that became inputs,
/// ops that do not exist yet decomposed).
inline constexpr int64_t kMinExportOpset = 11;
inline constexpr int64_t kMaxExportOpset = 17;

struct ONNXExportOptions {
  /// Opset of the default domain, in [kMinExportOpset, kMaxExportOpset].
  int64_t opset = 17;
  /// Name of the function to export; empty: the module's only public
  /// function.
  std::string entryName;
  /// Name of the ONNX graph; empty: the function's name.
  std::string graphName;
  /// Initializers with more elements than this are stored as raw_data, the
  /// others in the typed fields (float_data, int64_data, ...).
  int64_t maxTypedElements = 16;
  /// Record the type of every intermediate value in the graph's value_info
  /// (ONNX shape inference then cross-checks them).
  bool emitValueInfo = true;
};

/// Adds the dialects an exported module may use (tl, func) to `registry`.
void registerONNXExportDialects(DialectRegistry &registry);

/// Writes `module` as a serialized ONNX ModelProto to `os`. Graph inputs and
/// outputs take their names from the `tl.name` argument/result attributes
/// and their symbolic dims from `tl.dim_names`; constants become
/// initializers (named after their dense_resource blob). The model is
/// checked with the ONNX checker and strict ONNX shape inference before it
/// is written. An op, type or attribute value without an ONNX equivalent at
/// the chosen opset is an error at the op's location.
LogicalResult exportONNXModel(ModuleOp module, llvm::raw_ostream &os,
                              const ONNXExportOptions &options = {});

} // namespace tlc
} // namespace mlir

#endif // TLC_TARGET_ONNX_ONNXEXPORTER_H
