//===- ONNXLoader.h - parse, check and prepare an ONNX model ----*- C++ -*-===//
//
// The only part of the importer that calls into libonnx's checker, version
// converter and shape inference (which report errors with C++ exceptions).
//
//===----------------------------------------------------------------------===//

#ifndef TLC_LIB_TARGET_ONNX_ONNXLOADER_H
#define TLC_LIB_TARGET_ONNX_ONNXLOADER_H

#include "tlc/Target/ONNX/ONNXImporter.h"

#include "mlir/IR/Location.h"
#include "mlir/Support/LLVM.h"

#include <memory>
#include <string>

namespace onnx {
class ModelProto;
class NodeProto;
} // namespace onnx

namespace mlir::tlc::onnx_import {

/// A model ready for import: checked, at an opset in [kMinImportOpset,
/// kMaxImportOpset], external tensor data loaded.
struct LoadedModel {
  std::unique_ptr<onnx::ModelProto> model;
  /// The default-domain opset version the graph is imported at.
  int64_t opset = 0;
  LoadedModel();
  LoadedModel(LoadedModel &&);
  ~LoadedModel();
};

/// "node 'Conv_3' (Conv)", or "node #3 (Conv)" for an unnamed node (its
/// index in the graph): how diagnostics name a node.
std::string describeNode(const onnx::NodeProto &node, int64_t index);

/// Parses `bytes` as an ONNX ModelProto and prepares it. On failure emits an
/// error at `loc` and returns failure.
FailureOr<LoadedModel> loadModel(StringRef bytes, StringRef path, Location loc,
                                 const ONNXImportOptions &options);

/// Runs ONNX shape inference, which adds value_info for intermediate values.
/// Called once the importer knows it supports every node (libonnx's
/// inference of some unsupported ops crashes on bad attributes).
LogicalResult inferShapes(onnx::ModelProto &model, Location loc);

} // namespace mlir::tlc::onnx_import

#endif // TLC_LIB_TARGET_ONNX_ONNXLOADER_H
