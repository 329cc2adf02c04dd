//===- ImporterContext.h - state shared by the ONNX op importers -*- C++ -*-===//
//
// The graph importer walks the (topologically sorted) ONNX nodes and hands
// each one to the import function registered for its op type, through a
// NodeImporter: typed access to the node's inputs and attributes, checked
// creation of tl ops, and diagnostics that name the node.
//
// An ONNX value is known to the importer as one of
//  * a runtime SSA value,
//  * a compile-time constant (initializers, Constant nodes, folded shape
//    subgraphs), materialized as tl.constant only when a runtime op uses it,
//  * a "shape value": a small integer tensor computed from tensor shapes
//    whose elements may be runtime dimensions (Shape of a tensor with a
//    dynamic batch dim). These never exist at run time; ops that need a
//    constant shape (Reshape, Expand) resolve them symbolically.
//
//===----------------------------------------------------------------------===//

#ifndef TLC_LIB_TARGET_ONNX_IMPORTERCONTEXT_H
#define TLC_LIB_TARGET_ONNX_IMPORTERCONTEXT_H

#include "tl/IR/TLOps.h"
#include "tlc/Target/ONNX/ONNXImporter.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Verifier.h"
#include "llvm/ADT/StringMap.h"

#include <optional>
#include <string>
#include <vector>

namespace onnx {
class AttributeProto;
class GraphProto;
class NodeProto;
class TensorProto;
class TypeProto;
class ValueInfoProto;
} // namespace onnx

namespace mlir::tlc::onnx_import {

//===----------------------------------------------------------------------===//
// Compile-time values
//===----------------------------------------------------------------------===//

/// An integer element known at import time, or a runtime dimension: dim `dim`
/// of the ONNX value `source` (whose dim may carry the ONNX symbol `symbol`),
/// or an opaque runtime value computed from dimensions.
struct SymInt {
  int64_t value = 0;
  bool known = true;
  std::string source;
  int64_t dim = -1;
  std::string symbol;

  static SymInt constant(int64_t v) { return SymInt{v, true, {}, -1, {}}; }
  static SymInt opaque() { return SymInt{0, false, {}, -1, {}}; }
  bool isDimOf(StringRef value, int64_t d) const {
    return !known && !source.empty() && source == value && dim == d;
  }
};

/// A small tensor whose elements are known at import time (integers may be
/// runtime dimensions, see SymInt). Integer and bool elements live in
/// `ints`, floating-point ones in `floats`.
struct FoldedTensor {
  SmallVector<int64_t> shape;
  Type elementType;
  SmallVector<SymInt> ints;
  SmallVector<double> floats;

  bool isFloat() const { return isa<FloatType>(elementType); }
  int64_t size() const { return isFloat() ? floats.size() : ints.size(); }
  bool isFullyKnown() const {
    return llvm::all_of(ints, [](const SymInt &i) { return i.known; });
  }
  /// The first runtime element, when there is one.
  const SymInt *firstUnknown() const {
    for (const SymInt &i : ints)
      if (!i.known)
        return &i;
    return nullptr;
  }
};

/// Largest folded tensor (in elements) the shape folder produces or consumes.
inline constexpr int64_t kMaxFoldElements = 64;
/// Largest constant the importer generates itself (Range, EyeLike, OneHot's
/// iota) and largest integer list it reads as a shape, axes or sizes.
inline constexpr int64_t kMaxGeneratedElements = int64_t(1) << 26;

/// What the importer knows about one ONNX value.
struct ImportedValue {
  Value value;                         // runtime value (or materialized)
  ElementsAttr constant;               // compile-time constant
  std::optional<FoldedTensor> folded;  // shape value with runtime elements
};

//===----------------------------------------------------------------------===//
// Tensor and type conversion (TensorConversion.cpp)
//===----------------------------------------------------------------------===//

/// The MLIR element type of an ONNX TensorProto.DataType, or null for types
/// the tl dialect has no equivalent of (strings, complex, float8).
Type convertElementType(int32_t dataType, MLIRContext *context);
/// "FLOAT", "STRING", ... for diagnostics.
std::string dataTypeName(int32_t dataType);
/// The ranked tensor type of an ONNX value type; symbolic or unknown dims
/// become dynamic. Failure (with `error` set) for non-tensor, unranked or
/// unsupported element types.
FailureOr<RankedTensorType> convertType(const onnx::TypeProto &type,
                                        MLIRContext *context,
                                        std::string &error);
/// The type of a TensorProto once its dims and data agree: non-negative
/// dims, and raw_data (or the typed field of its data type) holding exactly
/// their product of elements. Failure (with `error` set) otherwise, and for
/// unsupported element types, segments and unloaded external data.
FailureOr<RankedTensorType> validateTensor(const onnx::TensorProto &tensor,
                                           MLIRContext *context,
                                           std::string &error);
/// The value of a TensorProto (raw_data or typed fields) as an elements
/// attribute: dense for splats, booleans and tensors of at most
/// `maxInlineElements` elements, a dense_resource blob named after the
/// tensor otherwise.
FailureOr<ElementsAttr> convertTensor(const onnx::TensorProto &tensor,
                                      MLIRContext *context,
                                      int64_t maxInlineElements,
                                      std::string &error);
/// `bytes` (host layout, one element after another) as an elements attribute
/// of `type`, inline or as a blob as convertTensor decides.
ElementsAttr makeElementsAttr(RankedTensorType type, ArrayRef<char> bytes,
                              StringRef blobName, int64_t maxInlineElements);
/// The host-layout bytes of a non-splat, non-bool elements attribute.
std::optional<ArrayRef<char>> getRawBytes(ElementsAttr attr);
/// The elements of a small constant as a FoldedTensor (failure for more than
/// `maxElements` elements).
FailureOr<FoldedTensor> toFolded(ElementsAttr attr, int64_t maxElements);
/// A fully known FoldedTensor as a dense elements attribute.
ElementsAttr fromFolded(const FoldedTensor &tensor);

//===----------------------------------------------------------------------===//
// Node import
//===----------------------------------------------------------------------===//

class GraphImporter;

/// The view of one node that import functions work with.
class NodeImporter {
public:
  NodeImporter(GraphImporter &graph, const onnx::NodeProto &node,
               int64_t index, int64_t opset);

  MLIRContext *getContext() const { return builder.getContext(); }
  const onnx::NodeProto &getNode() const { return node; }
  StringRef getOpType() const;
  /// The opset version of the default domain the node is imported at.
  int64_t getOpset() const { return opset; }
  Location getLoc() const { return loc; }
  OpBuilder &getBuilder() { return builder; }
  const ONNXImportOptions &getOptions() const;

  /// "node 'Conv_3' (Conv)" (or "node #3 (Conv)" for an unnamed node).
  std::string describe() const;
  /// An error at the node's location, prefixed with describe().
  InFlightDiagnostic emitError() const;

  //===--- Inputs ---------------------------------------------------------===//
  unsigned getNumInputs() const;
  /// True when input `i` exists and is not the empty name (an omitted
  /// optional input).
  bool hasInput(unsigned i) const;
  StringRef getInputName(unsigned i) const;
  /// The runtime value of input `i`, materializing constants. Fails (with an
  /// error) for missing inputs and for shape values with runtime elements.
  FailureOr<Value> getInput(unsigned i);
  /// The type of input `i` (runtime, constant or shape value).
  RankedTensorType getInputType(unsigned i) const;
  /// The ONNX-declared type of a value (from the graph or shape inference),
  /// when it is a tensor type.
  const onnx::TypeProto *getONNXType(StringRef name) const;
  /// The runtime value already imported for the ONNX value `name`, if any
  /// (null for constants, shape values and names not seen yet).
  Value getRuntimeValue(StringRef name) const;
  /// Input `i` when it is a compile-time constant.
  ElementsAttr getInputConstant(unsigned i) const;
  /// Input `i` as a folded tensor (constants of at most kMaxFoldElements
  /// elements and shape values), if it is known at import time.
  std::optional<FoldedTensor> getInputFolded(unsigned i) const;
  /// The integer elements of input `i`, which must be known at import time
  /// (`what` names the input in the error: "shape", "axes").
  FailureOr<SmallVector<int64_t>> getConstantInts(unsigned i, StringRef what);
  /// As getConstantInts, but runtime dimensions are allowed (SymInt).
  FailureOr<SmallVector<SymInt>> getShapeInts(unsigned i, StringRef what);
  /// The elements of input `i` converted to double; must be constant.
  FailureOr<SmallVector<double>> getConstantFloats(unsigned i, StringRef what);

  //===--- Attributes -----------------------------------------------------===//
  const onnx::AttributeProto *getAttr(StringRef name) const;
  bool hasAttr(StringRef name) const { return getAttr(name); }
  /// Typed attribute access; failure (with an error) when the attribute has
  /// another type. Absent attributes give the default.
  FailureOr<int64_t> getInt(StringRef name, int64_t defaultValue);
  FailureOr<std::optional<int64_t>> getOptionalInt(StringRef name);
  FailureOr<double> getFloat(StringRef name, double defaultValue);
  FailureOr<std::string> getString(StringRef name, StringRef defaultValue);
  FailureOr<std::optional<SmallVector<int64_t>>> getInts(StringRef name);
  FailureOr<std::optional<SmallVector<double>>> getFloats(StringRef name);
  FailureOr<ElementsAttr> getTensorAttr(StringRef name);

  //===--- Outputs --------------------------------------------------------===//
  unsigned getNumOutputs() const;
  StringRef getOutputName(unsigned i) const;
  /// True when output `i` is named and consumed by a node or the graph.
  bool isOutputUsed(unsigned i) const;
  /// Fails with an error when any output from `first` on is used: those are
  /// outputs the importer does not produce (Dropout mask, pooling indices).
  LogicalResult checkOutputsUnused(unsigned first, StringRef what);
  /// Binds output `i`. A result of a tl op with no uses yet takes the more
  /// static ONNX-inferred type when that is compatible.
  void setOutput(unsigned i, Value value);
  void setOutputConstant(unsigned i, ElementsAttr value);
  /// Gives `value` (an unused result of a tl op) the more static type
  /// `refined` when the op accepts it; returns whether it did.
  bool refineType(Value value, RankedTensorType refined);
  void setOutputFolded(unsigned i, FoldedTensor value);

  //===--- Building -------------------------------------------------------===//
  /// Creates a single-result tl op. The result type is inferred by the op
  /// (never through the builders that abort on inference failure); inference
  /// and verification errors become a diagnostic naming the node.
  template <typename OpTy, typename... Args>
  FailureOr<Value> create(Args &&...args) {
    auto op = OpTy::create(builder, loc, NoneType::get(getContext()),
                           std::forward<Args>(args)...);
    if (failed(finalize(op.getOperation())))
      return failure();
    return op->getResult(0);
  }
  /// As create, for an op with `numResults` results.
  template <typename OpTy, typename... Args>
  FailureOr<SmallVector<Value>> createMulti(unsigned numResults,
                                            Args &&...args) {
    SmallVector<Type> placeholders(numResults, NoneType::get(getContext()));
    auto op = OpTy::create(builder, loc, TypeRange(placeholders),
                           std::forward<Args>(args)...);
    if (failed(finalize(op.getOperation())))
      return failure();
    return SmallVector<Value>(op->getResults());
  }
  /// Imports the graph attribute `name` into `block`, whose arguments stand
  /// for the subgraph's inputs; returns its outputs (defined in `block` or
  /// above). Values of enclosing graphs stay visible inside.
  FailureOr<SmallVector<Value>> importSubgraph(StringRef name, Block *block);
  /// As above, with the subgraph's inputs bound to `inputs` (values defined
  /// in `block` or above).
  FailureOr<SmallVector<Value>> importSubgraph(StringRef name, Block *block,
                                               ValueRange inputs);
  /// The subgraph attribute `name`, or null (with an error) when absent.
  const onnx::GraphProto *getSubgraph(StringRef name);

  /// A tl.constant of `attr`.
  Value constant(ElementsAttr attr);
  /// A rank-0 tl.constant of `elementType` holding `value`.
  Value scalar(Type elementType, double value);

private:
  LogicalResult finalize(Operation *op);
  const ImportedValue *lookupInput(unsigned i) const;

  GraphImporter &graph;
  const onnx::NodeProto &node;
  int64_t index;
  int64_t opset;
  OpBuilder &builder;
  Location loc;
  mutable bool reportedError = false;
};

/// Binds `value` to output 0 of `node`; failure when `value` is one.
inline LogicalResult setResult(NodeImporter &node, FailureOr<Value> value) {
  if (failed(value))
    return failure();
  node.setOutput(0, *value);
  return success();
}

/// The ranked tensor type of an imported value (tl values always have one).
inline RankedTensorType getType(Value value) {
  return cast<RankedTensorType>(value.getType());
}

/// ONNX Gather and GatherElements: (data, indices) and an `axis` attribute.
template <typename OpTy>
LogicalResult importAxisGather(NodeImporter &node) {
  FailureOr<Value> data = node.getInput(0);
  FailureOr<Value> indices = node.getInput(1);
  FailureOr<int64_t> axis = node.getInt("axis", 0);
  if (failed(data) || failed(indices) || failed(axis))
    return failure();
  return setResult(node, node.create<OpTy>(
                             *data, *indices,
                             node.getBuilder().getI64IntegerAttr(*axis)));
}

/// Imports one node; emits an error naming the node on failure.
using ImportFunction = LogicalResult (*)(NodeImporter &);
using ImportTable = llvm::StringMap<ImportFunction>;

void addControlFlowImporters(ImportTable &table);
void addElementwiseImporters(ImportTable &table);
void addNNImporters(ImportTable &table);
void addRecurrentImporters(ImportTable &table);
void addReductionImporters(ImportTable &table);
void addTensorImporters(ImportTable &table);
void addQuantImporters(ImportTable &table);
void addLinearAlgebraImporters(ImportTable &table);
void addSignalImporters(ImportTable &table);
void addVisionImporters(ImportTable &table);
void addTextImporters(ImportTable &table);
void addLossImporters(ImportTable &table);
void addPositionalImporters(ImportTable &table);
void addIndexingImporters(ImportTable &table);

/// Folds a node whose inputs are known at import time (shape subgraphs).
/// Returns true when the outputs were bound, false when the node is not
/// foldable and must be imported as runtime ops.
FailureOr<bool> foldNode(NodeImporter &node);
/// True for op types foldNode knows (some, like Shape, only fold).
bool isFoldable(StringRef opType);

//===----------------------------------------------------------------------===//
// Helpers shared by the op importers
//===----------------------------------------------------------------------===//

/// Applies the pre-opset-7 `broadcast`/`axis` attributes of binary ops:
/// with an `axis`, the rhs is aligned to the lhs dims starting at `axis`
/// (trailing size-1 dims are appended); otherwise numpy broadcasting applies.
FailureOr<Value> applyLegacyBroadcast(NodeImporter &node, Value lhs, Value rhs);

/// Converts `value` to element type `type` with tl.cast unless it already
/// has it.
FailureOr<Value> castTo(NodeImporter &node, Value value, Type elementType);

/// A tl.conv of `x`, `w` and the optional `bias` with the node's Conv
/// attributes (kernel_shape, strides, pads, auto_pad, dilations, group);
/// shared by Conv, ConvInteger and QLinearConv.
FailureOr<Value> buildConv(NodeImporter &node, Value x, Value w, Value bias);

/// Normalizes `axis` against `rank` with an error naming the node.
FailureOr<int64_t> normalizeAxis(NodeImporter &node, int64_t axis,
                                 int64_t rank, StringRef what = "axis");

} // namespace mlir::tlc::onnx_import

#endif // TLC_LIB_TARGET_ONNX_IMPORTERCONTEXT_H
