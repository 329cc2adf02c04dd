//===- ONNXExporter.cpp - a tl function to an ONNX graph
//-------------------===//
//
// Walks the exported function's ops in order: arguments become graph
// inputs, constants initializers (on first use), every other op one or more
// ONNX nodes through the export function of its op name, and the returned
// values the graph outputs. The model is then checked with strict ONNX shape
// inference (which also names the outputs' symbolic dims) and the ONNX
// checker; their errors are reported at the op whose node they name.
//
//===----------------------------------------------------------------------===//

#include "tlc/Target/ONNX/ONNXExporter.h"
#include "ExporterContext.h"

#include "tl/IR/TLDialect.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "llvm/ADT/StringSet.h"

#include "onnx/checker.h"
#include "onnx/defs/schema.h"
#include "onnx/onnx_pb.h"
#include "onnx/shape_inference/implementation.h"

#include <map>
#include <set>

using namespace mlir;
using namespace mlir::tlc;
using namespace mlir::tlc::onnx_export;

/// The name an importer recorded for an op (a NameLoc, possibly inside a
/// fused or call-site location).
static std::optional<StringRef> getLocName(Location loc) {
  if (auto name = dyn_cast<NameLoc>(loc))
    return name.getName().strref();
  if (auto fused = dyn_cast<FusedLoc>(loc))
    for (Location inner : fused.getLocations())
      if (std::optional<StringRef> name = getLocName(inner))
        return name;
  if (auto callSite = dyn_cast<CallSiteLoc>(loc))
    return getLocName(callSite.getCallee());
  return std::nullopt;
}

/// The IR version of the ONNX release that introduced `opset`.
static int64_t getIRVersion(int64_t opset) {
  if (opset <= 11)
    return 6;
  if (opset <= 14)
    return 7;
  return 8;
}

//===----------------------------------------------------------------------===//
// GraphExporter
//===----------------------------------------------------------------------===//

namespace mlir::tlc::onnx_export {

class GraphExporter {
public:
  GraphExporter(func::FuncOp func, onnx::ModelProto &model,
                const ONNXExportOptions &options)
      : func(func), model(model), graph(*model.mutable_graph()),
        options(options) {
    addElementwiseExporters(table);
    addNNExporters(table);
    addRecurrentExporters(table);
    addReductionExporters(table);
    addTensorExporters(table);
    addQuantExporters(table);
    addLossExporters(table);
    addPositionalExporters(table);
    addIndexingExporters(table);
  }

  LogicalResult exportFunction();
  /// Runs strict shape inference and the checker; names the outputs'
  /// symbolic dims from the inferred types.
  LogicalResult checkModel();

  func::FuncOp func;
  onnx::ModelProto &model;
  onnx::GraphProto &graph;
  const ONNXExportOptions &options;
  ExportTable table;
  /// Set when an error was emitted inside an export function.
  bool hadError = false;

  llvm::StringSet<> valueNames;
  llvm::StringMap<unsigned> valueNameCounters;
  llvm::StringSet<> nodeNames;
  llvm::StringMap<unsigned> nodeNameCounters;
  /// ONNX names of the values exported so far.
  DenseMap<Value, std::string> names;
  /// Returned op results, named after their graph output.
  DenseMap<Value, std::string> outputNames;
  /// Initializers by value, so that equal constants are stored once.
  DenseMap<Attribute, std::string> initializers;
  /// The op each node was exported from, for errors of the ONNX checks.
  std::map<std::string, Location> nodeLocs;
  /// Graph outputs and the dim names given for them.
  SmallVector<std::pair<std::string, SmallVector<std::string>>> outputDims;

  std::string uniqueValueName(StringRef base);
  std::string uniqueNodeName(StringRef base);
  std::string baseName(Operation *op);
  /// The ONNX name of `value`; a constant becomes an initializer named
  /// after its blob, its location or else `user`.
  std::string nameOf(Value value, Operation *user = nullptr);
  std::string initializer(ElementsAttr attr, StringRef nameHint, Location loc);
  onnx::NodeProto &addNode(Operation *op, StringRef opType,
                           ArrayRef<std::string> inputs,
                           ArrayRef<std::string> outputs);
  /// The error location for an ONNX check message naming a node.
  Location locateMessage(StringRef message);

private:
  LogicalResult exportSignature();
  LogicalResult exportOp(Operation *op);
};

} // namespace mlir::tlc::onnx_export

std::string GraphExporter::uniqueValueName(StringRef base) {
  std::string name = base.empty() ? "v" : base.str();
  if (valueNames.insert(name).second)
    return name;
  unsigned &counter = valueNameCounters[name];
  while (true) {
    std::string candidate = name + "_" + std::to_string(++counter);
    if (valueNames.insert(candidate).second)
      return candidate;
  }
}

std::string GraphExporter::uniqueNodeName(StringRef base) {
  std::string name = base.str();
  if (nodeNames.insert(name).second)
    return name;
  unsigned &counter = nodeNameCounters[name];
  while (true) {
    std::string candidate = name + "_" + std::to_string(++counter);
    if (nodeNames.insert(candidate).second)
      return candidate;
  }
}

std::string GraphExporter::baseName(Operation *op) {
  if (std::optional<StringRef> name = getLocName(op->getLoc()))
    return name->str();
  return op->getName().stripDialect().str();
}

std::string GraphExporter::initializer(ElementsAttr attr, StringRef nameHint,
                                       Location loc) {
  auto it = initializers.find(attr);
  if (it != initializers.end())
    return it->second;
  std::string hint = nameHint.str();
  if (auto resource = dyn_cast<DenseResourceElementsAttr>(attr))
    hint = resource.getRawHandle().getKey().str();
  std::string name = uniqueValueName(hint.empty() ? "const" : hint);
  onnx::TensorProto *tensor = graph.add_initializer();
  tensor->set_name(name);
  std::string error;
  if (failed(
          convertAttribute(attr, *tensor, options.maxTypedElements, error))) {
    emitError(loc) << "cannot export constant: " << error;
    hadError = true;
  }
  initializers[attr] = name;
  return name;
}

std::string GraphExporter::nameOf(Value value, Operation *user) {
  auto it = names.find(value);
  if (it != names.end())
    return it->second;
  if (auto constant = value.getDefiningOp<tl::ConstantOp>()) {
    std::optional<StringRef> locName = getLocName(constant.getLoc());
    std::string hint = locName ? locName->str()
                       : user  ? baseName(user)
                               : std::string("const");
    std::string name =
        initializer(constant.getValue(), hint + "_const", constant.getLoc());
    names[value] = name;
    return name;
  }
  // Values are exported in order; an unnamed operand was not produced by an
  // exported op (the verifier's dominance rules make this unreachable for
  // ops of the function body).
  emitError(value.getLoc()) << "value used before it was exported";
  hadError = true;
  return "";
}

onnx::NodeProto &GraphExporter::addNode(Operation *op, StringRef opType,
                                        ArrayRef<std::string> inputs,
                                        ArrayRef<std::string> outputs) {
  onnx::NodeProto *node = graph.add_node();
  std::optional<StringRef> locName = getLocName(op->getLoc());
  node->set_name(uniqueNodeName(locName ? *locName : opType));
  node->set_op_type(opType.str());
  for (const std::string &input : inputs)
    node->add_input(input);
  for (const std::string &output : outputs)
    node->add_output(output);
  nodeLocs.emplace(node->name(), op->getLoc());
  return *node;
}

Location GraphExporter::locateMessage(StringRef message) {
  // Shape inference: "(op_type:Relu, node name: relu_1): ..."; checker:
  // "Node (relu_1) has ...".
  for (StringRef marker : {"node name: ", "Node ("}) {
    size_t start = message.find(marker);
    if (start == StringRef::npos)
      continue;
    StringRef rest = message.drop_front(start + marker.size());
    std::string name = rest.take_until([](char c) { return c == ')'; }).str();
    auto it = nodeLocs.find(name);
    if (it != nodeLocs.end())
      return it->second;
  }
  return func.getLoc();
}

/// The strings of a `tl.dim_names` attribute (empty when absent).
static FailureOr<SmallVector<std::string>>
getDimNames(DictionaryAttr attrs, int64_t rank, Location loc, StringRef what) {
  SmallVector<std::string> result(rank);
  Attribute attr = attrs ? attrs.get("tl.dim_names") : Attribute();
  if (!attr)
    return result;
  auto list = dyn_cast<ArrayAttr>(attr);
  if (!list || static_cast<int64_t>(list.size()) != rank ||
      !llvm::all_of(list, [](Attribute a) { return isa<StringAttr>(a); }))
    return emitError(loc) << what << " has a 'tl.dim_names' that is not an "
                          << "array of " << rank << " strings",
           failure();
  for (auto [i, name] : llvm::enumerate(list.getAsValueRange<StringAttr>()))
    result[i] = name.str();
  return result;
}

static std::string getTLName(DictionaryAttr attrs, StringRef prefix,
                             unsigned index) {
  if (attrs)
    if (auto name = attrs.getAs<StringAttr>("tl.name"))
      if (!name.getValue().empty())
        return name.str();
  return (prefix + "_" + Twine(index)).str();
}

LogicalResult GraphExporter::exportSignature() {
  FunctionType type = func.getFunctionType();
  Block &entry = func.getBody().front();

  // Graph inputs.
  for (auto [i, argType] : llvm::enumerate(type.getInputs())) {
    auto tensorType = dyn_cast<RankedTensorType>(argType);
    std::string what = "argument #" + std::to_string(i);
    if (!tensorType || !getONNXDataType(tensorType.getElementType()))
      return emitError(func.getLoc())
             << "cannot export " << what << " of type " << argType
             << ": ONNX graph inputs are ranked tensors of "
                "f16, bf16, f32, f64, i1, i8-i64 or ui8-ui64";
    std::string name =
        uniqueValueName(getTLName(func.getArgAttrDict(i), "input", i));
    FailureOr<SmallVector<std::string>> dimNames = getDimNames(
        func.getArgAttrDict(i), tensorType.getRank(), func.getLoc(), what);
    if (failed(dimNames))
      return failure();
    // Unnamed dynamic dims get names of their own.
    for (auto [d, size] : llvm::enumerate(tensorType.getShape()))
      if (ShapedType::isDynamic(size) && (*dimNames)[d].empty())
        (*dimNames)[d] = name + "_dim" + std::to_string(d);
    onnx::ValueInfoProto *input = graph.add_input();
    input->set_name(name);
    (void)setONNXType(*input->mutable_type(), tensorType, *dimNames);
    names[entry.getArgument(i)] = name;
  }

  // Graph outputs: a returned op result takes the output's name; arguments,
  // constants and values returned twice go through Identity nodes
  // (exportFunction adds them).
  auto returnOp = cast<func::ReturnOp>(entry.getTerminator());
  for (auto [i, resultType] : llvm::enumerate(type.getResults())) {
    auto tensorType = dyn_cast<RankedTensorType>(resultType);
    std::string what = "result #" + std::to_string(i);
    if (!tensorType || !getONNXDataType(tensorType.getElementType()))
      return emitError(func.getLoc())
             << "cannot export " << what << " of type " << resultType
             << ": ONNX graph outputs are ranked tensors of "
                "f16, bf16, f32, f64, i1, i8-i64 or ui8-ui64";
    std::string name = getTLName(func.getResultAttrDict(i), "output", i);
    FailureOr<SmallVector<std::string>> dimNames = getDimNames(
        func.getResultAttrDict(i), tensorType.getRank(), func.getLoc(), what);
    if (failed(dimNames))
      return failure();
    Value value = returnOp.getOperand(i);
    auto arg = dyn_cast<BlockArgument>(value);
    if (!(arg && names[arg] == name)) {
      bool isOpResult = !arg && !value.getDefiningOp<tl::ConstantOp>() &&
                        !outputNames.count(value);
      name = uniqueValueName(name);
      if (isOpResult)
        outputNames[value] = name;
    }
    outputDims.emplace_back(name, *dimNames);
    onnx::ValueInfoProto *output = graph.add_output();
    output->set_name(name);
    (void)setONNXType(*output->mutable_type(), tensorType, *dimNames);
  }
  return success();
}

LogicalResult GraphExporter::exportOp(Operation *op) {
  if (isa<tl::ConstantOp>(op))
    return success(); // initializers are created on first use
  auto it = table.find(op->getName().getStringRef());
  if (it == table.end())
    return emitError(op->getLoc())
           << "cannot export '" << op->getName()
           << "' to ONNX: the exporter has no mapping for it";
  OpExporter exporter(*this, op);
  if (failed(it->second(exporter)) || hadError)
    return failure();
  for (Value result : op->getResults()) {
    auto nameIt = names.find(result);
    if (nameIt == names.end())
      return emitError(op->getLoc())
             << "exporter of '" << op->getName() << "' left result #"
             << cast<OpResult>(result).getResultNumber() << " without a value";
    auto type = dyn_cast<RankedTensorType>(result.getType());
    if (!options.emitValueInfo || outputNames.count(result) || !type)
      continue;
    onnx::ValueInfoProto *info = graph.add_value_info();
    info->set_name(nameIt->second);
    (void)setONNXType(*info->mutable_type(), type);
  }
  return success();
}

LogicalResult GraphExporter::exportFunction() {
  graph.set_name(options.graphName.empty() ? func.getSymName().str()
                                           : options.graphName);
  if (failed(exportSignature()))
    return failure();
  Block &entry = func.getBody().front();
  for (Operation &op : entry.without_terminator()) {
    for (Value operand : op.getOperands())
      if (auto type = dyn_cast<RankedTensorType>(operand.getType());
          !type || !getONNXDataType(type.getElementType()))
        return emitError(op.getLoc())
               << "cannot export '" << op.getName() << "': operand type "
               << operand.getType() << " has no ONNX equivalent";
    for (Value result : op.getResults())
      if (auto type = dyn_cast<RankedTensorType>(result.getType());
          !type || !getONNXDataType(type.getElementType()))
        return emitError(op.getLoc())
               << "cannot export '" << op.getName() << "': result type "
               << result.getType() << " has no ONNX equivalent";
    if (op.getNumRegions() != 0)
      return emitError(op.getLoc())
             << "cannot export '" << op.getName()
             << "': ops with regions have no ONNX mapping";
    if (failed(exportOp(&op)))
      return failure();
  }

  auto returnOp = cast<func::ReturnOp>(entry.getTerminator());
  for (auto [i, value] : llvm::enumerate(returnOp.getOperands())) {
    const std::string &outputName = graph.output(i).name();
    std::string source = nameOf(value);
    if (hadError)
      return failure();
    if (source == outputName)
      continue;
    onnx::NodeProto &node =
        addNode(returnOp, "Identity", {source}, {outputName});
    node.set_name(uniqueNodeName(outputName + "_identity"));
    nodeLocs.emplace(node.name(), returnOp.getLoc());
  }
  return success();
}

LogicalResult GraphExporter::checkModel() {
  // Shape inference on a copy: strict (node errors throw) and with type
  // checks against the operator schemas' type constraints.
  onnx::ModelProto inferred = model;
  try {
    onnx::ShapeInferenceOptions inferenceOptions(
        /*check_type_val=*/true, /*strict_mode_val=*/1,
        /*data_prop_val=*/false);
    onnx::shape_inference::InferShapes(
        inferred, onnx::OpSchemaRegistry::Instance(), inferenceOptions);
  } catch (const std::exception &e) {
    return emitError(locateMessage(e.what()))
           << "exported model fails ONNX shape inference: " << e.what();
  }

  // Symbolic dims of the outputs: the given names, else an input's
  // dim_param that inference propagated, else a name of their own.
  std::set<std::string> inputDims;
  for (const onnx::ValueInfoProto &input : graph.input())
    for (const auto &dim : input.type().tensor_type().shape().dim())
      if (dim.has_dim_param())
        inputDims.insert(dim.dim_param());
  for (auto [i, entry] : llvm::enumerate(outputDims)) {
    auto &[name, dimNames] = entry;
    onnx::TensorShapeProto *shape = graph.mutable_output(i)
                                        ->mutable_type()
                                        ->mutable_tensor_type()
                                        ->mutable_shape();
    const onnx::TypeProto &inferredType = inferred.graph().output(i).type();
    for (int d = 0; d < shape->dim_size(); ++d) {
      onnx::TensorShapeProto::Dimension *dim = shape->mutable_dim(d);
      if (dim->has_dim_value() || dim->has_dim_param())
        continue;
      if (inferredType.has_tensor_type() &&
          inferredType.tensor_type().has_shape() &&
          inferredType.tensor_type().shape().dim_size() == shape->dim_size() &&
          inputDims.count(
              inferredType.tensor_type().shape().dim(d).dim_param()))
        dim->set_dim_param(
            inferredType.tensor_type().shape().dim(d).dim_param());
      else
        dim->set_dim_param(name + "_dim" + std::to_string(d));
    }
  }

  try {
    onnx::checker::check_model(model);
  } catch (const std::exception &e) {
    return emitError(locateMessage(e.what()))
           << "exported model fails the ONNX checker: " << e.what();
  }
  return success();
}

//===----------------------------------------------------------------------===//
// OpExporter
//===----------------------------------------------------------------------===//

OpExporter::OpExporter(GraphExporter &graph, Operation *op)
    : graph(graph), op(op) {}

int64_t OpExporter::getOpset() const { return graph.options.opset; }

const ONNXExportOptions &OpExporter::getOptions() const {
  return graph.options;
}

InFlightDiagnostic OpExporter::emitError() const {
  graph.hadError = true;
  return std::move(mlir::emitError(op->getLoc())
                   << "cannot export '" << op->getName() << "' at ONNX opset "
                   << getOpset() << ": ");
}

std::string OpExporter::input(unsigned i) {
  return graph.nameOf(op->getOperand(i), op);
}

std::string OpExporter::nameOf(Value value) { return graph.nameOf(value, op); }

std::string OpExporter::output(unsigned i) {
  Value result = op->getResult(i);
  auto it = graph.names.find(result);
  if (it != graph.names.end())
    return it->second;
  std::string name;
  auto outputIt = graph.outputNames.find(result);
  if (outputIt != graph.outputNames.end()) {
    name = outputIt->second;
  } else {
    std::string base = graph.baseName(op);
    if (op->getNumResults() > 1)
      base += "_" + std::to_string(i);
    name = graph.uniqueValueName(base);
  }
  graph.names[result] = name;
  return name;
}

std::string OpExporter::temp(StringRef suffix) {
  std::string base = graph.baseName(op);
  return graph.uniqueValueName(base + "_" +
                               (suffix.empty() ? "tmp" : suffix.str()));
}

onnx::NodeProto &OpExporter::node(StringRef opType,
                                  ArrayRef<std::string> inputs,
                                  ArrayRef<std::string> outputs) {
  return graph.addNode(op, opType, inputs, outputs);
}

std::string OpExporter::emit(StringRef opType, ArrayRef<std::string> inputs,
                             std::string output) {
  if (output.empty())
    output = temp(StringRef(opType).lower());
  node(opType, inputs, {output});
  return output;
}

std::string OpExporter::constantI64(ArrayRef<int64_t> values) {
  auto type = RankedTensorType::get({static_cast<int64_t>(values.size())},
                                    IntegerType::get(getContext(), 64));
  return constant(DenseIntElementsAttr::get(type, values));
}

std::string OpExporter::constantF32(ArrayRef<float> values) {
  auto type = RankedTensorType::get({static_cast<int64_t>(values.size())},
                                    Float32Type::get(getContext()));
  return constant(DenseFPElementsAttr::get(type, values));
}

std::string OpExporter::scalar(Type elementType, double value) {
  auto type = RankedTensorType::get({}, elementType);
  Attribute element;
  if (auto floatType = dyn_cast<FloatType>(elementType)) {
    element = FloatAttr::get(floatType, value);
  } else if (elementType.isInteger(1)) {
    element = BoolAttr::get(getContext(), value != 0);
  } else {
    auto intType = cast<IntegerType>(elementType);
    element = IntegerAttr::get(
        intType, APInt(intType.getWidth(), static_cast<int64_t>(value),
                       /*isSigned=*/!intType.isUnsigned(),
                       /*implicitTrunc=*/true));
  }
  return constant(DenseElementsAttr::get(type, element));
}

std::string OpExporter::constant(ElementsAttr attr, StringRef nameHint) {
  std::string hint =
      nameHint.empty() ? graph.baseName(op) + "_const" : nameHint.str();
  return graph.initializer(attr, hint, op->getLoc());
}

bool OpExporter::hasOp(StringRef opType) const {
  return onnx::OpSchemaRegistry::Schema(opType.str(), getOpset(), "") !=
         nullptr;
}

bool OpExporter::acceptsType(StringRef opType, unsigned index,
                             Type elementType) const {
  const onnx::OpSchema *schema =
      onnx::OpSchemaRegistry::Schema(opType.str(), getOpset(), "");
  std::optional<int32_t> dataType = getONNXDataType(elementType);
  if (!schema || !dataType || schema->inputs().empty())
    return false;
  // Inputs past the formal parameters belong to a variadic last one.
  if (index >= schema->inputs().size()) {
    if (schema->inputs().back().GetOption() !=
        onnx::OpSchema::FormalParameterOption::Variadic)
      return false;
    index = schema->inputs().size() - 1;
  }
  std::string typeString =
      "tensor(" + onnx::Utils::DataTypeUtils::ToDataTypeString(*dataType) + ")";
  const onnx::OpSchema::FormalParameter &param = schema->inputs()[index];
  onnx::DataType wanted = onnx::Utils::DataTypeUtils::ToType(typeString);
  return param.GetTypes().count(wanted) != 0;
}

Type OpExporter::getWiderType(StringRef opType, unsigned index,
                              Type elementType) const {
  MLIRContext *context = getContext();
  Type f32 = Float32Type::get(context), f64 = Float64Type::get(context);
  Type i32 = IntegerType::get(context, 32), i64 = IntegerType::get(context, 64);
  SmallVector<Type> candidates;
  if (elementType.isF16() || elementType.isBF16())
    candidates = {f32, f64};
  else if (elementType.isF32())
    candidates = {f64};
  else if (auto integer = dyn_cast<IntegerType>(elementType)) {
    unsigned width = integer.getWidth();
    if (width > 1 && width <= 16)
      candidates = {i32, i64, f32, f64};
    else if (width == 32)
      candidates = {i64, f64};
  }
  for (Type candidate : candidates)
    if (acceptsType(opType, index, candidate))
      return candidate;
  return {};
}

onnx::NodeProto *
OpExporter::nodeWithCasts(StringRef opType,
                          ArrayRef<std::pair<std::string, Type>> operands,
                          const std::string &output, Type resultType) {
  std::vector<std::string> inputs;
  Type computed = resultType;
  for (auto [i, operand] : llvm::enumerate(operands)) {
    auto [name, type] = operand;
    if (name.empty() || acceptsType(opType, i, type)) {
      inputs.push_back(name);
      continue;
    }
    Type wider = getWiderType(opType, i, type);
    if (!wider) {
      emitError() << "ONNX " << opType << " does not take " << type
                  << " (input #" << i << ")";
      return nullptr;
    }
    std::string cast = temp("cast");
    setInt(node("Cast", {name}, {cast}), "to", *getONNXDataType(wider));
    inputs.push_back(cast);
    // Results of the operands' type (T -> T ops) come out wider.
    if (type == resultType)
      computed = wider;
  }
  if (computed == resultType)
    return &node(opType, inputs, {output});
  std::string wide = temp(StringRef(opType).lower());
  onnx::NodeProto &result = node(opType, inputs, {wide});
  setInt(node("Cast", {wide}, {output}), "to", *getONNXDataType(resultType));
  return &result;
}

//===----------------------------------------------------------------------===//
// Node attributes and shared helpers
//===----------------------------------------------------------------------===//

static onnx::AttributeProto *addAttr(onnx::NodeProto &node, StringRef name,
                                     onnx::AttributeProto::AttributeType type) {
  onnx::AttributeProto *attr = node.add_attribute();
  attr->set_name(name.str());
  attr->set_type(type);
  return attr;
}

void mlir::tlc::onnx_export::setInt(onnx::NodeProto &node, StringRef name,
                                    int64_t value) {
  addAttr(node, name, onnx::AttributeProto::INT)->set_i(value);
}

void mlir::tlc::onnx_export::setFloat(onnx::NodeProto &node, StringRef name,
                                      double value) {
  addAttr(node, name, onnx::AttributeProto::FLOAT)
      ->set_f(static_cast<float>(value));
}

void mlir::tlc::onnx_export::setString(onnx::NodeProto &node, StringRef name,
                                       StringRef value) {
  addAttr(node, name, onnx::AttributeProto::STRING)->set_s(value.str());
}

void mlir::tlc::onnx_export::setInts(onnx::NodeProto &node, StringRef name,
                                     ArrayRef<int64_t> values) {
  onnx::AttributeProto *attr = addAttr(node, name, onnx::AttributeProto::INTS);
  for (int64_t value : values)
    attr->add_ints(value);
}

onnx::NodeProto &mlir::tlc::onnx_export::emitWithAxes(
    OpExporter &ex, StringRef opType, std::vector<std::string> inputs,
    ArrayRef<int64_t> axes, int64_t inputOpset, std::string output) {
  bool asInput = ex.getOpset() >= inputOpset;
  if (asInput)
    inputs.push_back(ex.constantI64(axes));
  onnx::NodeProto &node = ex.node(opType, inputs, {output});
  if (!asInput)
    setInts(node, "axes", axes);
  return node;
}

//===----------------------------------------------------------------------===//
// Entry points
//===----------------------------------------------------------------------===//

void mlir::tlc::registerONNXExportDialects(DialectRegistry &registry) {
  registry.insert<tl::TLDialect, func::FuncDialect>();
}

/// The function to export: `entryName`, or the only public function.
static func::FuncOp findEntry(ModuleOp module, StringRef entryName) {
  if (!entryName.empty()) {
    auto func = module.lookupSymbol<func::FuncOp>(entryName);
    if (!func || func.isExternal())
      return emitError(module.getLoc())
                 << "no function '" << entryName << "' with a body to export",
             nullptr;
    return func;
  }
  func::FuncOp entry;
  for (auto func : module.getOps<func::FuncOp>()) {
    if (!func.isPublic() || func.isExternal())
      continue;
    if (entry)
      return emitError(module.getLoc())
                 << "the module has several public functions ('"
                 << entry.getSymName() << "', '" << func.getSymName()
                 << "'); choose one to export",
             nullptr;
    entry = func;
  }
  if (!entry)
    emitError(module.getLoc()) << "the module has no public function to export";
  return entry;
}

LogicalResult mlir::tlc::exportONNXModel(ModuleOp module, llvm::raw_ostream &os,
                                         const ONNXExportOptions &options) {
  if (options.opset < kMinExportOpset || options.opset > kMaxExportOpset)
    return emitError(module.getLoc())
           << "ONNX export opset " << options.opset
           << " is outside the supported range [" << kMinExportOpset << ", "
           << kMaxExportOpset << "]";
  func::FuncOp func = findEntry(module, options.entryName);
  if (!func)
    return failure();
  if (!func.getBody().hasOneBlock())
    return emitError(func.getLoc())
           << "cannot export a function with more than one "
              "block";

  onnx::ModelProto model;
  model.set_ir_version(getIRVersion(options.opset));
  model.set_producer_name("tlc");
  onnx::OperatorSetIdProto *opset = model.add_opset_import();
  opset->set_domain("");
  opset->set_version(options.opset);

  GraphExporter exporter(func, model, options);
  if (failed(exporter.exportFunction()) || exporter.hadError ||
      failed(exporter.checkModel()))
    return failure();

  std::string bytes;
  if (!model.SerializeToString(&bytes))
    return emitError(func.getLoc())
           << "cannot serialize the ONNX model (protobuf "
              "messages are limited to 2 GB)";
  os.write(bytes.data(), bytes.size());
  return success();
}
