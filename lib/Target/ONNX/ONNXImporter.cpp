//===- ONNXImporter.cpp - ONNX graph to a tl function ----------------------===//
//
// Walks the checked, shape-inferred ONNX graph: initializers become
// constants, graph inputs function arguments, and every node is folded (shape
// subgraphs) or handed to the import function of its op type.
//
//===----------------------------------------------------------------------===//

#include "tlc/Target/ONNX/ONNXImporter.h"
#include "ImporterContext.h"
#include "ONNXLoader.h"

#include "tl/IR/TLDialect.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/Verifier.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/MemoryBuffer.h"

#include "onnx/onnx_pb.h"

#include <functional>

using namespace mlir;
using namespace mlir::tlc;
using namespace mlir::tlc::onnx_import;

//===----------------------------------------------------------------------===//
// GraphImporter
//===----------------------------------------------------------------------===//

namespace mlir::tlc::onnx_import {

class GraphImporter {
public:
  GraphImporter(const onnx::GraphProto &graph, int64_t opset, StringRef path,
                MLIRContext *context, const ONNXImportOptions &options)
      : graph(graph), opset(opset), path(path.str()), context(context),
        options(options), builder(context),
        fileLoc(FileLineColLoc::get(context, path, 0, 0)) {
    addControlFlowImporters(table);
    addElementwiseImporters(table);
    addNNImporters(table);
    addRecurrentImporters(table);
    addReductionImporters(table);
    addTensorImporters(table);
    addQuantImporters(table);
    addLinearAlgebraImporters(table);
    addSignalImporters(table);
    addVisionImporters(table);
    addTextImporters(table);
    addLossImporters(table);
    addPositionalImporters(table);
    addIndexingImporters(table);
  }

  /// Fails with the importer's error on the first node it cannot import
  /// because of its op type, before shape inference runs.
  LogicalResult checkOperators();
  OwningOpRef<ModuleOp> import();

  const onnx::GraphProto &graph;
  int64_t opset;
  std::string path;
  MLIRContext *context;
  const ONNXImportOptions &options;
  OpBuilder builder;
  Location fileLoc;

  llvm::StringMap<ImportedValue> values;
  /// Declared or inferred types of graph inputs, outputs and intermediates.
  llvm::StringMap<const onnx::TypeProto *> onnxTypes;
  /// Names consumed by some node or returned by the graph.
  llvm::StringSet<> usedNames;
  ImportTable table;

  Location nodeLoc(const onnx::NodeProto &node);
  FailureOr<SmallVector<Value>> importSubgraph(const onnx::GraphProto &graph,
                                               Block *block, ValueRange inputs);

private:
  LogicalResult importInitializers();
  LogicalResult importNode(const onnx::NodeProto &node, int64_t index);
};

} // namespace mlir::tlc::onnx_import

Location GraphImporter::nodeLoc(const onnx::NodeProto &node) {
  std::string name = node.name();
  if (name.empty() && node.output_size() > 0)
    name = node.output(0);
  if (name.empty())
    return fileLoc;
  return NameLoc::get(StringAttr::get(context, name), fileLoc);
}

LogicalResult GraphImporter::importInitializers() {
  for (const onnx::TensorProto &tensor : graph.initializer()) {
    std::string error;
    FailureOr<ElementsAttr> attr =
        convertTensor(tensor, context, options.maxInlineElements, error);
    if (failed(attr))
      return emitError(fileLoc) << "initializer '" << tensor.name() << "' "
                                << error;
    values[tensor.name()].constant = *attr;
  }
  return success();
}

/// The error for a node whose domain or op type the importer does not know.
static LogicalResult emitUnsupported(NodeImporter &importer,
                                     StringRef domain) {
  if (!domain.empty() && domain != "ai.onnx")
    return importer.emitError()
           << "unsupported operator (domain '" << domain << "')";
  return importer.emitError() << "unsupported operator";
}

LogicalResult GraphImporter::importNode(const onnx::NodeProto &node,
                                        int64_t index) {
  StringRef domain = node.domain();
  bool defaultDomain = domain.empty() || domain == "ai.onnx";
  builder.setInsertionPointToEnd(builder.getInsertionBlock());
  NodeImporter importer(*this, node, index, opset);
  if (!defaultDomain)
    return emitUnsupported(importer, domain);
  for (const std::string &input : node.input())
    if (!input.empty() && !values.count(input))
      return importer.emitError() << "input '" << input
                                  << "' is not defined before the node";

  FailureOr<bool> folded = foldNode(importer);
  if (failed(folded))
    return failure();
  if (!*folded) {
    auto it = table.find(node.op_type());
    if (it == table.end())
      return emitUnsupported(importer, domain);
    if (failed(it->second(importer)))
      return failure();
  }
  for (int i = 0, e = node.output_size(); i < e; ++i)
    if (importer.isOutputUsed(i) && !values.count(node.output(i)))
      return importer.emitError()
             << "output '" << node.output(i) << "' is not supported";
  return success();
}

LogicalResult GraphImporter::checkOperators() {
  for (auto [index, node] : llvm::enumerate(graph.node())) {
    StringRef domain = node.domain();
    bool known = (domain.empty() || domain == "ai.onnx") &&
                 (table.count(node.op_type()) || isFoldable(node.op_type()));
    if (!known) {
      NodeImporter importer(*this, node, index, opset);
      return emitUnsupported(importer, domain);
    }
  }
  return success();
}

/// The `tl.dim_names` of a graph input or output: its ONNX dim_params (""
/// for other dims), or null when it has none or its rank differs from
/// `type`'s. The names ONNX shape inference makes up for unknown dims
/// (unk__<n>) are not kept.
static ArrayAttr getDimNames(Builder &builder,
                             const onnx::ValueInfoProto &info, Type type) {
  auto tensorType = dyn_cast<RankedTensorType>(type);
  if (!tensorType || !info.type().has_tensor_type() ||
      !info.type().tensor_type().has_shape())
    return {};
  const onnx::TensorShapeProto &shape = info.type().tensor_type().shape();
  if (shape.dim_size() != tensorType.getRank())
    return {};
  SmallVector<Attribute> names;
  bool any = false;
  for (const onnx::TensorShapeProto::Dimension &dim : shape.dim()) {
    bool named = dim.has_dim_param() && !dim.dim_param().empty() &&
                 !StringRef(dim.dim_param()).starts_with("unk__");
    any |= named;
    names.push_back(builder.getStringAttr(named ? dim.dim_param() : ""));
  }
  return any ? builder.getArrayAttr(names) : ArrayAttr();
}

OwningOpRef<ModuleOp> GraphImporter::import() {

  auto addTypes = [&](const auto &infos) {
    for (const onnx::ValueInfoProto &info : infos)
      if (info.has_type())
        onnxTypes[info.name()] = &info.type();
  };
  addTypes(graph.value_info());
  addTypes(graph.input());
  addTypes(graph.output());

  OwningOpRef<ModuleOp> module = ModuleOp::create(fileLoc);
  if (failed(importInitializers()))
    return nullptr;

  // Graph inputs that are initializers are constants; the rest are
  // function arguments.
  SmallVector<Type> argTypes;
  SmallVector<std::string> argNames;
  SmallVector<const onnx::ValueInfoProto *> runtimeInputs;
  for (const onnx::ValueInfoProto &input : graph.input()) {
    if (values.count(input.name()))
      continue;
    runtimeInputs.push_back(&input);
    std::string error;
    FailureOr<RankedTensorType> type =
        convertType(input.type(), context, error);
    if (failed(type))
      return emitError(fileLoc) << "graph input '" << input.name() << "' "
                                << error,
             nullptr;
    argTypes.push_back(*type);
    argNames.push_back(input.name());
  }

  builder.setInsertionPointToEnd(module->getBody());
  auto func = func::FuncOp::create(builder, fileLoc, options.entryName,
                                   builder.getFunctionType(argTypes, {}));
  Block *entry = func.addEntryBlock();
  for (auto [i, name] : llvm::enumerate(argNames)) {
    values[name].value = entry->getArgument(i);
    func.setArgAttr(i, "tl.name", builder.getStringAttr(name));
  }
  for (auto [i, input] : llvm::enumerate(runtimeInputs))
    if (ArrayAttr dimNames = getDimNames(builder, *input, argTypes[i]))
      func.setArgAttr(i, "tl.dim_names", dimNames);
  builder.setInsertionPointToEnd(entry);

  // Names used by nodes of subgraphs count too (outer-scope references).
  std::function<void(const onnx::GraphProto &)> addUses =
      [&](const onnx::GraphProto &g) {
        for (const onnx::NodeProto &node : g.node()) {
          for (const std::string &input : node.input())
            usedNames.insert(input);
          for (const onnx::AttributeProto &attr : node.attribute()) {
            if (attr.has_g())
              addUses(attr.g());
            for (const onnx::GraphProto &sub : attr.graphs())
              addUses(sub);
          }
        }
        if (&g != &graph)
          for (const onnx::ValueInfoProto &output : g.output())
            usedNames.insert(output.name());
      };
  addUses(graph);
  for (const onnx::ValueInfoProto &output : graph.output())
    usedNames.insert(output.name());

  for (auto [index, node] : llvm::enumerate(graph.node()))
    if (failed(importNode(node, index)))
      return nullptr;

  SmallVector<Value> results;
  for (const onnx::ValueInfoProto &output : graph.output()) {
    auto it = values.find(output.name());
    if (it == values.end())
      return emitError(fileLoc) << "graph output '" << output.name()
                                << "' is not produced by any node",
             nullptr;
    ImportedValue &value = it->second;
    if (!value.value && value.constant)
      value.value = tl::ConstantOp::create(builder, fileLoc, value.constant);
    if (!value.value)
      return emitError(fileLoc)
                 << "graph output '" << output.name()
                 << "' is computed from runtime tensor shapes, which tl "
                    "cannot produce at run time",
             nullptr;
    results.push_back(value.value);
  }
  func::ReturnOp::create(builder, fileLoc, results);
  func.setType(builder.getFunctionType(argTypes, ValueRange(results).getTypes()));
  for (auto [i, output] : llvm::enumerate(graph.output())) {
    func.setResultAttr(i, "tl.name", builder.getStringAttr(output.name()));
    if (ArrayAttr dimNames = getDimNames(builder, output, results[i].getType()))
      func.setResultAttr(i, "tl.dim_names", dimNames);
  }

  if (failed(verify(*module)))
    return nullptr;
  return module;
}

FailureOr<SmallVector<Value>>
GraphImporter::importSubgraph(const onnx::GraphProto &subgraph, Block *block,
                              ValueRange inputs) {
  // The subgraph's names and the constants it materializes must not leak
  // into the enclosing scope.
  llvm::StringMap<ImportedValue> saved = values;
  llvm::scope_exit restore([&] { values = std::move(saved); });
  OpBuilder::InsertionGuard guard(builder);
  builder.setInsertionPointToEnd(block);
  for (const auto *infos :
       {&subgraph.value_info(), &subgraph.input(), &subgraph.output()})
    for (const onnx::ValueInfoProto &info : *infos)
      if (info.has_type())
        onnxTypes[info.name()] = &info.type();
  for (const onnx::TensorProto &tensor : subgraph.initializer()) {
    std::string error;
    FailureOr<ElementsAttr> attr =
        convertTensor(tensor, context, options.maxInlineElements, error);
    if (failed(attr))
      return emitError(fileLoc) << "initializer '" << tensor.name() << "' "
                                << error;
    values[tensor.name()] = ImportedValue{Value(), *attr, std::nullopt};
  }
  if (static_cast<size_t>(subgraph.input_size()) != inputs.size())
    return emitError(fileLoc) << "subgraph '" << subgraph.name() << "' has "
                              << subgraph.input_size() << " inputs, expected "
                              << inputs.size();
  for (auto [i, input] : llvm::enumerate(subgraph.input()))
    values[input.name()] =
        ImportedValue{inputs[i], ElementsAttr(), std::nullopt};
  for (auto [index, node] : llvm::enumerate(subgraph.node()))
    if (failed(importNode(node, index)))
      return failure();
  SmallVector<Value> results;
  for (const onnx::ValueInfoProto &output : subgraph.output()) {
    auto it = values.find(output.name());
    if (it == values.end())
      return emitError(fileLoc) << "subgraph output '" << output.name()
                                << "' is not produced by any node";
    ImportedValue &value = it->second;
    if (!value.value && !value.constant && value.folded &&
        value.folded->isFullyKnown())
      value.constant = fromFolded(*value.folded);
    if (!value.value && value.constant)
      value.value = tl::ConstantOp::create(builder, fileLoc, value.constant);
    if (!value.value)
      return emitError(fileLoc)
             << "subgraph output '" << output.name()
             << "' is computed from runtime tensor shapes";
    results.push_back(value.value);
  }
  return results;
}

//===----------------------------------------------------------------------===//
// NodeImporter
//===----------------------------------------------------------------------===//

const onnx::GraphProto *NodeImporter::getSubgraph(StringRef name) {
  const onnx::AttributeProto *attr = getAttr(name);
  if (!attr || !attr->has_g())
    return emitError() << "missing subgraph attribute '" << name << "'",
           nullptr;
  return &attr->g();
}

FailureOr<SmallVector<Value>> NodeImporter::importSubgraph(StringRef name,
                                                           Block *block) {
  return importSubgraph(name, block, block->getArguments());
}

FailureOr<SmallVector<Value>>
NodeImporter::importSubgraph(StringRef name, Block *block, ValueRange inputs) {
  const onnx::GraphProto *subgraph = getSubgraph(name);
  if (!subgraph)
    return failure();
  return graph.importSubgraph(*subgraph, block, inputs);
}

NodeImporter::NodeImporter(GraphImporter &graph, const onnx::NodeProto &node,
                           int64_t index, int64_t opset)
    : graph(graph), node(node), index(index), opset(opset),
      builder(graph.builder), loc(graph.nodeLoc(node)) {}

StringRef NodeImporter::getOpType() const { return node.op_type(); }

const ONNXImportOptions &NodeImporter::getOptions() const {
  return graph.options;
}

std::string NodeImporter::describe() const {
  return describeNode(node, index);
}

InFlightDiagnostic NodeImporter::emitError() const {
  InFlightDiagnostic diag = mlir::emitError(loc);
  // One error per node: later errors (from operands evaluated after the
  // failing one) would only repeat the cause.
  if (reportedError) {
    diag.abandon();
    return diag;
  }
  reportedError = true;
  return std::move(diag << describe() << ": ");
}

unsigned NodeImporter::getNumInputs() const { return node.input_size(); }

bool NodeImporter::hasInput(unsigned i) const {
  return i < getNumInputs() && !node.input(i).empty();
}

StringRef NodeImporter::getInputName(unsigned i) const {
  return i < getNumInputs() ? StringRef(node.input(i)) : StringRef();
}

const ImportedValue *NodeImporter::lookupInput(unsigned i) const {
  if (!hasInput(i))
    return nullptr;
  auto it = graph.values.find(node.input(i));
  return it == graph.values.end() ? nullptr : &it->second;
}

/// "dim 0 of 'x'" for a runtime element of a shape value.
static std::string describeUnknown(const SymInt &element) {
  if (element.source.empty())
    return "a value computed from runtime dimensions";
  return "runtime dim " + std::to_string(element.dim) + " of '" +
         element.source + "'";
}

FailureOr<Value> NodeImporter::getInput(unsigned i) {
  if (!hasInput(i))
    return emitError() << "missing input #" << i, failure();
  ImportedValue &value = graph.values[node.input(i)];
  if (value.value)
    return value.value;
  if (value.constant) {
    value.value = constant(value.constant);
    return value.value;
  }
  if (value.folded) {
    if (const SymInt *unknown = value.folded->firstUnknown())
      return emitError() << "input '" << node.input(i) << "' depends on "
                         << describeUnknown(*unknown)
                         << ", which tl cannot compute at run time",
             failure();
    value.constant = fromFolded(*value.folded);
    value.value = constant(value.constant);
    return value.value;
  }
  return emitError() << "input '" << node.input(i) << "' has no value",
         failure();
}

RankedTensorType NodeImporter::getInputType(unsigned i) const {
  const ImportedValue *value = lookupInput(i);
  if (!value)
    return {};
  if (value->value)
    return dyn_cast<RankedTensorType>(value->value.getType());
  if (value->constant)
    return cast<RankedTensorType>(value->constant.getType());
  if (value->folded)
    return RankedTensorType::get(value->folded->shape,
                                 value->folded->elementType);
  return {};
}

const onnx::TypeProto *NodeImporter::getONNXType(StringRef name) const {
  auto it = graph.onnxTypes.find(name);
  if (it == graph.onnxTypes.end() || !it->second->has_tensor_type())
    return nullptr;
  return it->second;
}

Value NodeImporter::getRuntimeValue(StringRef name) const {
  auto it = graph.values.find(name);
  return it == graph.values.end() ? Value() : it->second.value;
}

ElementsAttr NodeImporter::getInputConstant(unsigned i) const {
  const ImportedValue *value = lookupInput(i);
  return value ? value->constant : ElementsAttr();
}

std::optional<FoldedTensor> NodeImporter::getInputFolded(unsigned i) const {
  const ImportedValue *value = lookupInput(i);
  if (!value)
    return std::nullopt;
  if (value->folded)
    return value->folded;
  if (value->constant) {
    FailureOr<FoldedTensor> folded = toFolded(value->constant, kMaxFoldElements);
    if (succeeded(folded))
      return *folded;
  }
  return std::nullopt;
}

FailureOr<SmallVector<SymInt>> NodeImporter::getShapeInts(unsigned i,
                                                          StringRef what) {
  const ImportedValue *value = lookupInput(i);
  if (!value)
    return emitError() << "missing input '" << what << "'", failure();
  std::optional<FoldedTensor> folded;
  if (value->folded) {
    folded = value->folded;
  } else if (value->constant) {
    FailureOr<FoldedTensor> converted =
        toFolded(value->constant, kMaxGeneratedElements);
    if (succeeded(converted))
      folded = *converted;
  }
  if (!folded)
    return emitError() << "input '" << what << "' ('" << node.input(i)
                       << "') must be known at import time (an initializer, "
                          "a Constant or a computation on tensor shapes), but "
                          "it is computed at run time",
           failure();
  if (folded->isFloat())
    return emitError() << "input '" << what << "' must be an integer tensor",
           failure();
  return folded->ints;
}

FailureOr<SmallVector<int64_t>> NodeImporter::getConstantInts(unsigned i,
                                                              StringRef what) {
  FailureOr<SmallVector<SymInt>> ints = getShapeInts(i, what);
  if (failed(ints))
    return failure();
  SmallVector<int64_t> result;
  for (const SymInt &element : *ints) {
    if (!element.known)
      return emitError() << "input '" << what << "' ('" << node.input(i)
                         << "') depends on " << describeUnknown(element)
                         << " and must be known at import time",
             failure();
    result.push_back(element.value);
  }
  return result;
}

FailureOr<SmallVector<double>> NodeImporter::getConstantFloats(unsigned i,
                                                               StringRef what) {
  const ImportedValue *value = lookupInput(i);
  if (!value)
    return emitError() << "missing input '" << what << "'", failure();
  if (value->constant) {
    FailureOr<FoldedTensor> folded =
        toFolded(value->constant, kMaxGeneratedElements);
    if (succeeded(folded) && folded->isFloat())
      return folded->floats;
  }
  FailureOr<SmallVector<int64_t>> ints = getConstantInts(i, what);
  if (failed(ints))
    return failure();
  return llvm::map_to_vector(*ints, [](int64_t v) { return double(v); });
}

//===--- Attributes -------------------------------------------------------===//

const onnx::AttributeProto *NodeImporter::getAttr(StringRef name) const {
  for (const onnx::AttributeProto &attr : node.attribute())
    if (attr.name() == name)
      return &attr;
  return nullptr;
}

/// Error for an attribute of an unexpected type.
static LogicalResult wrongType(const NodeImporter &node, StringRef name,
                               StringRef expected) {
  return node.emitError() << "attribute '" << name << "' must be " << expected;
}

FailureOr<std::optional<int64_t>>
NodeImporter::getOptionalInt(StringRef name) {
  const onnx::AttributeProto *attr = getAttr(name);
  if (!attr)
    return std::optional<int64_t>();
  if (attr->type() != onnx::AttributeProto::INT)
    return wrongType(*this, name, "an integer");
  return std::optional<int64_t>(attr->i());
}

FailureOr<int64_t> NodeImporter::getInt(StringRef name, int64_t defaultValue) {
  FailureOr<std::optional<int64_t>> value = getOptionalInt(name);
  if (failed(value))
    return failure();
  return value->value_or(defaultValue);
}

FailureOr<double> NodeImporter::getFloat(StringRef name, double defaultValue) {
  const onnx::AttributeProto *attr = getAttr(name);
  if (!attr)
    return defaultValue;
  if (attr->type() != onnx::AttributeProto::FLOAT)
    return wrongType(*this, name, "a float");
  return static_cast<double>(attr->f());
}

FailureOr<std::string> NodeImporter::getString(StringRef name,
                                               StringRef defaultValue) {
  const onnx::AttributeProto *attr = getAttr(name);
  if (!attr)
    return defaultValue.str();
  if (attr->type() != onnx::AttributeProto::STRING)
    return wrongType(*this, name, "a string");
  return attr->s();
}

FailureOr<std::optional<SmallVector<int64_t>>>
NodeImporter::getInts(StringRef name) {
  const onnx::AttributeProto *attr = getAttr(name);
  if (!attr)
    return std::optional<SmallVector<int64_t>>();
  if (attr->type() != onnx::AttributeProto::INTS)
    return wrongType(*this, name, "a list of integers");
  return std::optional<SmallVector<int64_t>>(
      SmallVector<int64_t>(attr->ints().begin(), attr->ints().end()));
}

FailureOr<std::optional<SmallVector<double>>>
NodeImporter::getFloats(StringRef name) {
  const onnx::AttributeProto *attr = getAttr(name);
  if (!attr)
    return std::optional<SmallVector<double>>();
  if (attr->type() != onnx::AttributeProto::FLOATS)
    return wrongType(*this, name, "a list of floats");
  return std::optional<SmallVector<double>>(
      SmallVector<double>(attr->floats().begin(), attr->floats().end()));
}

FailureOr<ElementsAttr> NodeImporter::getTensorAttr(StringRef name) {
  const onnx::AttributeProto *attr = getAttr(name);
  if (!attr || attr->type() != onnx::AttributeProto::TENSOR)
    return wrongType(*this, name, "a tensor");
  std::string error;
  FailureOr<ElementsAttr> value = convertTensor(
      attr->t(), getContext(), graph.options.maxInlineElements, error);
  if (failed(value))
    return emitError() << "attribute '" << name << "' " << error, failure();
  return value;
}

//===--- Outputs ----------------------------------------------------------===//

unsigned NodeImporter::getNumOutputs() const { return node.output_size(); }

StringRef NodeImporter::getOutputName(unsigned i) const {
  return i < getNumOutputs() ? StringRef(node.output(i)) : StringRef();
}

bool NodeImporter::isOutputUsed(unsigned i) const {
  return i < getNumOutputs() && !node.output(i).empty() &&
         graph.usedNames.contains(node.output(i));
}

LogicalResult NodeImporter::checkOutputsUnused(unsigned first,
                                               StringRef what) {
  for (unsigned i = first; i < getNumOutputs(); ++i)
    if (isOutputUsed(i))
      return emitError() << "output #" << i << " ('" << node.output(i)
                         << "', " << what << ") is not supported";
  return success();
}

void NodeImporter::setOutput(unsigned i, Value value) {
  if (i >= getNumOutputs() || node.output(i).empty())
    return;
  StringRef name = node.output(i);
  // Take the ONNX-inferred type when it is more static than what the tl op
  // inferred (e.g. a reshape of a dynamic dim that ONNX resolved).
  if (const onnx::TypeProto *onnxType = getONNXType(name)) {
    std::string error;
    FailureOr<RankedTensorType> refined =
        convertType(*onnxType, getContext(), error);
    if (succeeded(refined))
      refineType(value, *refined);
  }
  ImportedValue &slot = graph.values[name];
  slot = ImportedValue();
  slot.value = value;
}

/// True when `refined` has `type`'s element type and rank, keeps every static
/// dim of `type` and makes at least one dynamic dim static.
static bool isMoreStatic(RankedTensorType type, RankedTensorType refined) {
  if (type.getElementType() != refined.getElementType() ||
      type.getRank() != refined.getRank() || type == refined)
    return false;
  for (auto [dim, refinedDim] : llvm::zip(type.getShape(), refined.getShape()))
    if (!ShapedType::isDynamic(dim) && dim != refinedDim)
      return false;
  return true;
}

bool NodeImporter::refineType(Value value, RankedTensorType refined) {
  Operation *op = value.getDefiningOp();
  auto type = dyn_cast<RankedTensorType>(value.getType());
  if (!op || !type || !value.use_empty() || !isa<InferTypeOpInterface>(op) ||
      op->hasTrait<OpTrait::SameOperandsAndResultType>() ||
      !isMoreStatic(type, refined))
    return false;
  value.setType(refined);
  ScopedDiagnosticHandler silence(getContext(),
                                  [](Diagnostic &) { return success(); });
  if (succeeded(verify(op, /*verifyRecursively=*/false)))
    return true;
  value.setType(type);
  return false;
}

void NodeImporter::setOutputConstant(unsigned i, ElementsAttr value) {
  if (i >= getNumOutputs() || node.output(i).empty())
    return;
  ImportedValue &slot = graph.values[node.output(i)];
  slot = ImportedValue();
  slot.constant = value;
}

void NodeImporter::setOutputFolded(unsigned i, FoldedTensor value) {
  if (i >= getNumOutputs() || node.output(i).empty())
    return;
  ImportedValue &slot = graph.values[node.output(i)];
  slot = ImportedValue();
  if (value.isFullyKnown())
    slot.constant = fromFolded(value);
  else
    slot.folded = std::move(value);
}

//===--- Building ---------------------------------------------------------===//

LogicalResult NodeImporter::finalize(Operation *op) {
  std::string message;
  bool ok = false;
  {
    // Inference and verification report through the diagnostic engine;
    // capture the first message and re-emit it naming the node.
    ScopedDiagnosticHandler capture(getContext(), [&](Diagnostic &diag) {
      if (message.empty())
        message = diag.str();
      return success();
    });
    auto inferable = dyn_cast<InferTypeOpInterface>(op);
    SmallVector<Type> inferred;
    if (inferable &&
        succeeded(inferable.inferReturnTypes(
            getContext(), op->getLoc(), op->getOperands(),
            op->getRawDictionaryAttrs(), op->getPropertiesStorage(),
            op->getRegions(), inferred)) &&
        inferred.size() == op->getNumResults()) {
      for (auto [result, type] : llvm::zip(op->getResults(), inferred))
        result.setType(type);
      ok = succeeded(verify(op, /*verifyRecursively=*/false));
    }
  }
  if (ok)
    return success();
  StringRef opName = op->getName().getStringRef();
  op->erase();
  if (message.empty())
    message = "cannot infer the result type of " + opName.str();
  return emitError() << message;
}

Value NodeImporter::constant(ElementsAttr attr) {
  return tl::ConstantOp::create(builder, loc, attr);
}

Value NodeImporter::scalar(Type elementType, double value) {
  auto type = RankedTensorType::get({}, elementType);
  Attribute element;
  if (auto floatType = dyn_cast<FloatType>(elementType))
    element = FloatAttr::get(floatType, value);
  else if (elementType.isInteger(1))
    element = BoolAttr::get(getContext(), value != 0);
  else
    element = IntegerAttr::get(elementType, static_cast<int64_t>(value));
  return constant(DenseElementsAttr::get(type, element));
}

//===----------------------------------------------------------------------===//
// Shared helpers
//===----------------------------------------------------------------------===//

FailureOr<Value> mlir::tlc::onnx_import::applyLegacyBroadcast(
    NodeImporter &node, Value lhs, Value rhs) {
  if (node.getOpset() >= 7)
    return rhs;
  FailureOr<int64_t> broadcast = node.getInt("broadcast", 0);
  FailureOr<std::optional<int64_t>> axis = node.getOptionalInt("axis");
  if (failed(broadcast) || failed(axis))
    return failure();
  if (!*broadcast || !*axis)
    return rhs;
  int64_t lhsRank = cast<RankedTensorType>(lhs.getType()).getRank();
  int64_t rhsRank = cast<RankedTensorType>(rhs.getType()).getRank();
  int64_t start = **axis < 0 ? **axis + lhsRank : **axis;
  if (start < 0 || start + rhsRank > lhsRank)
    return node.emitError() << "broadcast axis " << **axis
                            << " does not fit a rank-" << rhsRank
                            << " operand into rank " << lhsRank,
           failure();
  int64_t trailing = lhsRank - start - rhsRank;
  if (trailing == 0)
    return rhs;
  SmallVector<int64_t> axes;
  for (int64_t i = 0; i < trailing; ++i)
    axes.push_back(rhsRank + i);
  return node.create<tl::UnsqueezeOp>(rhs, axes);
}

FailureOr<Value> mlir::tlc::onnx_import::castTo(NodeImporter &node,
                                                Value value, Type elementType) {
  auto type = cast<RankedTensorType>(value.getType());
  if (type.getElementType() == elementType)
    return value;
  auto op = tl::CastOp::create(node.getBuilder(), node.getLoc(),
                               type.clone(elementType), value);
  return op.getResult();
}

FailureOr<int64_t> mlir::tlc::onnx_import::normalizeAxis(NodeImporter &node,
                                                         int64_t axis,
                                                         int64_t rank,
                                                         StringRef what) {
  if (axis < -rank || axis >= rank)
    return node.emitError() << what << " " << axis
                            << " is out of range for rank " << rank,
           failure();
  return axis < 0 ? axis + rank : axis;
}

//===----------------------------------------------------------------------===//
// Entry points
//===----------------------------------------------------------------------===//

void mlir::tlc::registerONNXImportDialects(DialectRegistry &registry) {
  registry.insert<tl::TLDialect, func::FuncDialect>();
}

OwningOpRef<ModuleOp> mlir::tlc::importONNXModelFromBuffer(
    StringRef bytes, StringRef path, MLIRContext *context,
    const ONNXImportOptions &options) {
  context->loadDialect<tl::TLDialect, func::FuncDialect>();
  Location loc = FileLineColLoc::get(context, path, 0, 0);

  // Names in a model are arbitrary bytes: control characters (a newline in
  // a node name) are escaped so that every diagnostic stays one line.
  auto isControl = [](char c) {
    return static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
  };
  bool reemitting = false;
  ScopedDiagnosticHandler escapeNames(context, [&](Diagnostic &diag) {
    std::string text = diag.str();
    if (reemitting || llvm::none_of(text, isControl))
      return failure(); // on to the tool's handler
    std::string escaped;
    for (char c : text) {
      if (isControl(c))
        escaped += "\\x" + llvm::utohexstr(static_cast<unsigned char>(c),
                                           /*LowerCase=*/false, /*Width=*/2);
      else
        escaped.push_back(c);
    }
    reemitting = true;
    context->getDiagEngine().emit(diag.getLocation(), diag.getSeverity())
        << escaped;
    reemitting = false;
    return success();
  });

  FailureOr<LoadedModel> loaded = loadModel(bytes, path, loc, options);
  if (failed(loaded))
    return nullptr;
  GraphImporter importer(loaded->model->graph(), loaded->opset, path, context,
                         options);
  if (failed(importer.checkOperators()) ||
      failed(inferShapes(*loaded->model, loc)))
    return nullptr;
  return importer.import();
}

OwningOpRef<ModuleOp> mlir::tlc::importONNXModel(
    StringRef path, MLIRContext *context, const ONNXImportOptions &options) {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> buffer =
      llvm::MemoryBuffer::getFile(path, /*IsText=*/false,
                                  /*RequiresNullTerminator=*/false);
  if (!buffer) {
    emitError(FileLineColLoc::get(context, path, 0, 0))
        << "cannot open ONNX model: " << buffer.getError().message();
    return nullptr;
  }
  return importONNXModelFromBuffer((*buffer)->getBuffer(), path, context,
                                   options);
}
