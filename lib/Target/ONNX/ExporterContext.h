//===- ExporterContext.h - state shared by the ONNX op exporters -*- C++
//-*-===//
//
// The graph exporter walks the ops of the exported function in order and
// hands each one to the export function registered for its op name, through
// an OpExporter: the ONNX names of the op's operands and results, creation
// of ONNX nodes and constant initializers, the target opset and what its
// operator schemas accept, and diagnostics located at the op.
//
// Value names: function arguments and results are named by `tl.name`;
// constants become initializers (named after their dense_resource blob);
// other results are named after the op's location (the ONNX node name an
// importer recorded as a NameLoc), made unique.
//
//===----------------------------------------------------------------------===//

#ifndef TLC_LIB_TARGET_ONNX_EXPORTERCONTEXT_H
#define TLC_LIB_TARGET_ONNX_EXPORTERCONTEXT_H

#include "tl/IR/TLOps.h"
#include "tlc/Target/ONNX/ONNXExporter.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Diagnostics.h"
#include "llvm/ADT/StringMap.h"

#include <functional>
#include <optional>
#include <string>

namespace onnx {
class GraphProto;
class NodeProto;
class TensorProto;
class TypeProto;
} // namespace onnx

namespace mlir::tlc::onnx_export {

//===----------------------------------------------------------------------===//
// Types and tensors (ExportTypes.cpp)
//===----------------------------------------------------------------------===//

/// The ONNX TensorProto.DataType of an MLIR element type, or nullopt for
/// types ONNX lacks.
std::optional<int32_t> getONNXDataType(Type elementType);
/// Sets `type` to the ONNX tensor type of `tensorType`; dynamic dims take
/// the matching entry of `dimNames` as dim_param (unknown when empty).
/// Fails for element types without an ONNX equivalent.
LogicalResult setONNXType(onnx::TypeProto &type, RankedTensorType tensorType,
                          ArrayRef<std::string> dimNames = {});
/// Fills `tensor` (dims, data type, data) with the value of `attr`: the
/// typed fields for at most `maxTypedElements` elements, raw_data beyond.
/// Fails, with `error` set, when the data is not available (an elided
/// dense_resource blob) or the element type has no ONNX equivalent.
LogicalResult convertAttribute(ElementsAttr attr, onnx::TensorProto &tensor,
                               int64_t maxTypedElements, std::string &error);

//===----------------------------------------------------------------------===//
// Op export
//===----------------------------------------------------------------------===//

class GraphExporter;

/// The view of one tl op that export functions work with.
class OpExporter {
public:
  OpExporter(GraphExporter &graph, Operation *op);

  Operation *getOp() const { return op; }
  MLIRContext *getContext() const { return op->getContext(); }
  /// The opset of the default domain the model is written at.
  int64_t getOpset() const;
  const ONNXExportOptions &getOptions() const;

  /// "cannot export 'tl.x' at opset N: " at the op's location.
  InFlightDiagnostic emitError() const;

  //===--- Names ----------------------------------------------------------===//
  /// The ONNX name of operand `i` (initializers are created on first use).
  std::string input(unsigned i);
  /// The ONNX name of `value`, an operand of the op.
  std::string nameOf(Value value);
  /// The ONNX name of result `i` (the graph output name for a returned
  /// value).
  std::string output(unsigned i = 0);
  /// A fresh name for an intermediate value of a decomposition.
  std::string temp(StringRef suffix = "");

  //===--- Nodes ----------------------------------------------------------===//
  /// Adds a node of the default domain. An empty input name is an omitted
  /// optional input.
  onnx::NodeProto &node(StringRef opType, ArrayRef<std::string> inputs,
                        ArrayRef<std::string> outputs);
  /// Adds a node with one output, a fresh intermediate unless `output` is
  /// given; returns the output's name.
  std::string emit(StringRef opType, ArrayRef<std::string> inputs,
                   std::string output = "");

  //===--- Constants (initializers) ---------------------------------------===//
  /// A 1-D int64 initializer (shapes, axes, pads, sizes).
  std::string constantI64(ArrayRef<int64_t> values);
  /// A 1-D float initializer (Resize scales).
  std::string constantF32(ArrayRef<float> values);
  /// A rank-0 initializer of `elementType` holding `value`.
  std::string scalar(Type elementType, double value);
  /// An initializer holding `attr`, named after `nameHint`.
  std::string constant(ElementsAttr attr, StringRef nameHint = "");

  //===--- Operator schemas at the target opset ---------------------------===//
  /// True when the default domain defines `opType` at the target opset.
  bool hasOp(StringRef opType) const;
  /// True when input `index` of `opType` (at the target opset) accepts
  /// tensors of `elementType`.
  bool acceptsType(StringRef opType, unsigned index, Type elementType) const;
  /// A type that holds every value of `elementType` exactly and that input
  /// `index` of `opType` accepts (f16/bf16 -> f32 -> f64, small integers ->
  /// i32 -> i64 -> f64), or null.
  Type getWiderType(StringRef opType, unsigned index, Type elementType) const;
  /// Adds a node of `opType` with one output `output` of `resultType`.
  /// Operands whose type the operator does not take at the target opset are
  /// cast to a wider type (getWiderType), and the result back to
  /// `resultType`. Returns null after an error when no type fits.
  onnx::NodeProto *
  nodeWithCasts(StringRef opType,
                ArrayRef<std::pair<std::string, Type>> operands,
                const std::string &output, Type resultType);

private:
  GraphExporter &graph;
  Operation *op;
};

/// Sets attributes on a node.
void setInt(onnx::NodeProto &node, StringRef name, int64_t value);
void setFloat(onnx::NodeProto &node, StringRef name, double value);
void setString(onnx::NodeProto &node, StringRef name, StringRef value);
void setInts(onnx::NodeProto &node, StringRef name, ArrayRef<int64_t> values);

/// Exports one op; emits an error at the op on failure.
using ExportFunction = std::function<LogicalResult(OpExporter &)>;
using ExportTable = llvm::StringMap<ExportFunction>;

void addElementwiseExporters(ExportTable &table);
void addNNExporters(ExportTable &table);
void addRecurrentExporters(ExportTable &table);
void addReductionExporters(ExportTable &table);
void addTensorExporters(ExportTable &table);
void addQuantExporters(ExportTable &table);
void addLossExporters(ExportTable &table);
void addPositionalExporters(ExportTable &table);
void addIndexingExporters(ExportTable &table);

//===----------------------------------------------------------------------===//
// Helpers shared by the op exporters
//===----------------------------------------------------------------------===//

inline RankedTensorType getTensorType(Value value) {
  return cast<RankedTensorType>(value.getType());
}

/// `axis` in [0, rank) (tl verifiers have checked the range).
inline int64_t normalizeAxis(int64_t axis, int64_t rank) {
  return axis < 0 ? axis + rank : axis;
}

/// Emits a Squeeze/Unsqueeze/ReduceSum-style axes operand: an int64 input
/// from `inputOpset` on, else the `axes` attribute. Appends the input name to
/// `inputs` or sets the attribute on the returned node.
onnx::NodeProto &emitWithAxes(OpExporter &ex, StringRef opType,
                              std::vector<std::string> inputs,
                              ArrayRef<int64_t> axes, int64_t inputOpset,
                              std::string output);

} // namespace mlir::tlc::onnx_export

#endif // TLC_LIB_TARGET_ONNX_EXPORTERCONTEXT_H
