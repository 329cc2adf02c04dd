//===- ONNXLoader.cpp - parse, check and prepare an ONNX model ------------===//
//
// libonnx reports every failure with a C++ exception; this file is the only
// one that calls it, and turns each exception into an MLIR diagnostic.
//
//===----------------------------------------------------------------------===//

#include "ONNXLoader.h"
#include "ImporterContext.h"

#include "mlir/IR/Diagnostics.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include "onnx/checker.h"
#include "onnx/onnx_pb.h"
#include "onnx/proto_utils.h"
#include "onnx/shape_inference/implementation.h"
#include "onnx/version_converter/convert.h"

#include <exception>
#include <optional>

using namespace mlir;
using namespace mlir::tlc;
using namespace mlir::tlc::onnx_import;

LoadedModel::LoadedModel() = default;
LoadedModel::LoadedModel(LoadedModel &&) = default;
LoadedModel::~LoadedModel() = default;

std::string mlir::tlc::onnx_import::describeNode(const onnx::NodeProto &node,
                                                int64_t index) {
  std::string name = node.name().empty() ? "#" + std::to_string(index)
                                         : "'" + node.name() + "'";
  return "node " + name + " (" + node.op_type() + ")";
}

namespace {
/// A libonnx exception message as one diagnostic line, and the node it is
/// about when the message says.
struct LibONNXError {
  std::string node;
  std::string message;
};
} // namespace

/// The node named `name` with op type `opType` described as describeNode
/// does; nodes of subgraphs, which have no index here, by name only.
static std::string findNode(const onnx::GraphProto *graph, StringRef name,
                            StringRef opType) {
  if (graph)
    for (auto [index, node] : llvm::enumerate(graph->node()))
      if (node.name() == name && node.op_type() == opType)
        return describeNode(node, index);
  return "node " + (name.empty() ? std::string() : "'" + name.str() + "' ") +
         "(" + opType.str() + ")";
}

/// libonnx's messages span several lines and name the node in a trailing
/// context block ("\n\n==> Context: Bad node spec for node. Name: n OpType:
/// Relu") or a prefix ("(op_type:Relu, node name: n): "); failed internal
/// assertions carry the source position. Diagnostics are one line starting
/// with the node, so the message is taken apart and its whitespace folded.
static LibONNXError describe(const std::exception &e,
                             const onnx::GraphProto *graph = nullptr) {
  LibONNXError result;
  std::string folded;
  for (char c : StringRef(e.what()).trim()) {
    bool space = llvm::isSpace(static_cast<unsigned char>(c));
    if (!space)
      folded.push_back(c);
    else if (!folded.empty() && folded.back() != ' ')
      folded.push_back(' ');
  }
  StringRef message = folded;

  // "onnx/.../foo.h:12: func: Assertion `x` failed: text" -> "text".
  size_t assertion = message.find("Assertion `");
  if (assertion != StringRef::npos) {
    size_t failed = message.find("failed", assertion);
    if (failed != StringRef::npos) {
      StringRef rest = message.drop_front(failed + 6).ltrim(": ").trim();
      if (!rest.empty())
        message = rest;
    }
  }

  // "... ==> Context: Bad node spec for node. Name: n OpType: Relu".
  size_t context = message.find("==> Context:");
  if (context != StringRef::npos) {
    StringRef spec = message.drop_front(context).split(':').second.trim();
    message = message.take_front(context).trim();
    if (spec.consume_front("Bad node spec for node. Name:")) {
      auto [name, opType] = spec.rsplit(" OpType: ");
      result.node = findNode(graph, name.trim(), opType.trim());
    }
  }

  // "[ShapeInferenceError] (op_type:Relu, node name: n): text".
  size_t opTypeAt = message.find("(op_type:");
  if (result.node.empty() && opTypeAt != StringRef::npos) {
    StringRef spec = message.drop_front(opTypeAt + 9);
    size_t end = spec.find("): ");
    if (end != StringRef::npos) {
      StringRef rest = spec.drop_front(end + 3);
      spec = spec.take_front(end);
      auto [opType, name] = spec.split(", node name: ");
      result.node = findNode(graph, name.trim(), opType.trim());
      result.message = (message.take_front(opTypeAt) + rest).str();
      return result;
    }
  }
  result.message = message.str();
  return result;
}

/// Emits `what: message` for a libonnx exception, prefixed with the node it
/// names.
static LogicalResult emitLibONNXError(Location loc, StringRef what,
                                      const std::exception &e,
                                      const onnx::GraphProto *graph) {
  LibONNXError error = describe(e, graph);
  InFlightDiagnostic diag = emitError(loc);
  if (!error.node.empty())
    diag << error.node << ": ";
  return diag << what << ": " << error.message;
}

/// The default-domain opset the model imports, or nullopt when it has none.
static std::optional<int64_t> getDefaultOpset(const onnx::ModelProto &model) {
  for (const onnx::OperatorSetIdProto &opset : model.opset_import())
    if (opset.domain().empty() || opset.domain() == "ai.onnx")
      return opset.version();
  return std::nullopt;
}

/// Loads tensors stored outside the model (data_location = EXTERNAL) into
/// their raw_data field, resolving locations against the model's directory.
static LogicalResult loadExternalData(onnx::TensorProto &tensor,
                                      StringRef path, Location loc) {
  if (tensor.data_location() != onnx::TensorProto::EXTERNAL)
    return success();
  std::string location;
  int64_t offset = 0, length = -1;
  for (const onnx::StringStringEntryProto &entry : tensor.external_data()) {
    bool bad = false;
    if (entry.key() == "location")
      location = entry.value();
    else if (entry.key() == "offset")
      bad = StringRef(entry.value()).getAsInteger(10, offset) || offset < 0;
    else if (entry.key() == "length")
      bad = StringRef(entry.value()).getAsInteger(10, length) || length < 0;
    if (bad)
      return emitError(loc) << "tensor '" << tensor.name() << "' has an invalid "
                            << "external data " << entry.key() << " '"
                            << entry.value() << "'";
  }
  if (location.empty())
    return emitError(loc) << "tensor '" << tensor.name()
                          << "' has external data without a location";
  SmallString<256> file = llvm::sys::path::parent_path(path);
  llvm::sys::path::append(file, location);
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> buffer =
      length < 0 ? llvm::MemoryBuffer::getFile(file, /*IsText=*/false,
                                               /*RequiresNullTerminator=*/false)
                 : llvm::MemoryBuffer::getFileSlice(file, length, offset);
  if (!buffer)
    return emitError(loc) << "cannot read external data of tensor '"
                          << tensor.name() << "' from '" << file
                          << "': " << buffer.getError().message();
  if (length < 0 && offset > 0) {
    if (static_cast<uint64_t>(offset) > (*buffer)->getBufferSize())
      return emitError(loc) << "external data offset of tensor '"
                            << tensor.name() << "' is past the end of '"
                            << file << "'";
    tensor.set_raw_data((*buffer)->getBufferStart() + offset,
                        (*buffer)->getBufferSize() - offset);
  } else {
    tensor.set_raw_data((*buffer)->getBufferStart(),
                        (*buffer)->getBufferSize());
  }
  tensor.clear_external_data();
  tensor.set_data_location(onnx::TensorProto::DEFAULT);
  return success();
}

static LogicalResult loadExternalData(onnx::GraphProto &graph, StringRef path,
                                      Location loc) {
  for (onnx::TensorProto &tensor : *graph.mutable_initializer())
    if (failed(loadExternalData(tensor, path, loc)))
      return failure();
  for (onnx::NodeProto &node : *graph.mutable_node())
    for (onnx::AttributeProto &attr : *node.mutable_attribute()) {
      if (attr.has_t() && failed(loadExternalData(*attr.mutable_t(), path, loc)))
        return failure();
      if (attr.has_g() && failed(loadExternalData(*attr.mutable_g(), path, loc)))
        return failure();
    }
  return success();
}

/// libonnx's shape inference reads constant tensors (Constant values,
/// initializers) trusting their dims: raw data shorter than the dims say
/// overflows its buffers. Every numeric tensor of the graph and its
/// subgraphs is checked first; other element types are left to the stages
/// that reject them by name.
static LogicalResult validateTensorData(const onnx::GraphProto &graph,
                                        Location loc) {
  MLIRContext *context = loc.getContext();
  auto check = [&](const onnx::TensorProto &tensor,
                   auto describe) -> LogicalResult {
    if (!convertElementType(tensor.data_type(), context))
      return success();
    std::string error;
    if (succeeded(validateTensor(tensor, context, error)))
      return success();
    return emitError(loc) << describe() << " " << error;
  };
  for (const onnx::TensorProto &tensor : graph.initializer())
    if (failed(check(tensor, [&] {
          return "initializer '" + tensor.name() + "'";
        })))
      return failure();
  for (int index = 0, e = graph.node_size(); index < e; ++index) {
    const onnx::NodeProto &node = graph.node(index);
    for (const onnx::AttributeProto &attr : node.attribute()) {
      auto describe = [&] {
        return describeNode(node, index) + ": attribute '" + attr.name() + "'";
      };
      if (attr.has_t() && failed(check(attr.t(), describe)))
        return failure();
      for (const onnx::TensorProto &tensor : attr.tensors())
        if (failed(check(tensor, describe)))
          return failure();
      if (attr.has_g() && failed(validateTensorData(attr.g(), loc)))
        return failure();
      for (const onnx::GraphProto &subgraph : attr.graphs())
        if (failed(validateTensorData(subgraph, loc)))
          return failure();
    }
  }
  return success();
}

/// Makes the graph inputs named in `bindings` initializers holding the
/// tensors stored in the given files.
static LogicalResult
bindConstantInputs(onnx::GraphProto &graph,
                   ArrayRef<std::pair<std::string, std::string>> bindings,
                   Location loc) {
  for (const auto &binding : bindings) {
    const std::string &name = binding.first, &file = binding.second;
    bool isInput = llvm::any_of(graph.input(), [&](const auto &input) {
      return input.name() == name;
    });
    if (!isInput)
      return emitError(loc) << "cannot bind '" << name
                            << "': the graph has no such input";
    llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> buffer =
        llvm::MemoryBuffer::getFile(file, /*IsText=*/false,
                                    /*RequiresNullTerminator=*/false);
    if (!buffer)
      return emitError(loc) << "cannot read the value of input '" << name
                            << "' from '" << file
                            << "': " << buffer.getError().message();
    onnx::TensorProto tensor;
    if (!onnx::ParseProtoFromBytes(&tensor, (*buffer)->getBufferStart(),
                                   (*buffer)->getBufferSize()))
      return emitError(loc) << "'" << file << "' is not an ONNX TensorProto";
    tensor.set_name(name);
    onnx::TensorProto *slot = nullptr;
    for (onnx::TensorProto &init : *graph.mutable_initializer())
      if (init.name() == name)
        slot = &init;
    if (!slot)
      slot = graph.add_initializer();
    *slot = std::move(tensor);
  }
  return success();
}

/// libonnx 1.12's convolution and pooling shape inference divides by the
/// strides without checking them (SIGFPE on 0): reject non-positive window
/// attributes first. They are invalid for every op that has them.
static LogicalResult validateWindowAttributes(const onnx::GraphProto &graph,
                                              Location loc) {
  for (auto [index, node] : llvm::enumerate(graph.node()))
    for (const onnx::AttributeProto &attr : node.attribute()) {
      StringRef name = attr.name();
      if (name != "strides" && name != "dilations" && name != "kernel_shape")
        continue;
      if (llvm::any_of(attr.ints(), [](int64_t v) { return v < 1; }))
        return emitError(loc) << describeNode(node, index) << ": " << name
                              << " must be positive";
    }
  return success();
}

/// Where a value comes from: a graph input, an initializer or a node.
static constexpr int64_t kGraphInput = -1, kInitializer = -2;

static std::string describeProducer(const onnx::GraphProto &graph,
                                    int64_t producer) {
  if (producer == kGraphInput)
    return "a graph input";
  if (producer == kInitializer)
    return "an initializer";
  return "an output of " + describeNode(graph.node(producer), producer);
}

/// True when the node dependencies (`producer` of each input) form a cycle.
static bool hasCycle(const onnx::GraphProto &graph,
                     const llvm::StringMap<int64_t> &producer) {
  int64_t numNodes = graph.node_size();
  std::vector<SmallVector<int64_t>> users(numNodes);
  std::vector<int64_t> pending(numNodes, 0);
  for (auto [index, node] : llvm::enumerate(graph.node()))
    for (const std::string &input : node.input()) {
      auto it = producer.find(input);
      if (input.empty() || it == producer.end() || it->second < 0)
        continue;
      users[it->second].push_back(index);
      ++pending[index];
    }
  SmallVector<int64_t> ready;
  for (int64_t i = 0; i < numNodes; ++i)
    if (pending[i] == 0)
      ready.push_back(i);
  int64_t sorted = 0;
  while (!ready.empty()) {
    int64_t next = ready.pop_back_val();
    ++sorted;
    for (int64_t user : users[next])
      if (--pending[user] == 0)
        ready.push_back(user);
  }
  return sorted != numNodes;
}

/// The dataflow the ONNX checker requires (single assignment, every input
/// defined before its use), checked first: the checker's messages for these
/// span lines and do not always name the node.
static LogicalResult validateDataflow(const onnx::GraphProto &graph,
                                      Location loc) {
  llvm::StringMap<int64_t> producer;
  for (const onnx::ValueInfoProto &input : graph.input())
    producer.try_emplace(input.name(), kGraphInput);
  // Before IR version 4 initializers are also listed as graph inputs.
  for (const onnx::TensorProto &init : graph.initializer())
    producer.try_emplace(init.name(), kInitializer);
  for (auto [index, node] : llvm::enumerate(graph.node()))
    for (const std::string &output : node.output()) {
      if (output.empty())
        continue;
      auto [it, inserted] = producer.try_emplace(output, index);
      if (inserted)
        continue;
      if (it->second == static_cast<int64_t>(index))
        return emitError(loc) << describeNode(node, index) << ": output '"
                              << output << "' is listed twice";
      return emitError(loc) << describeNode(node, index) << ": output '"
                            << output << "' is already "
                            << describeProducer(graph, it->second)
                            << " (ONNX values are assigned once)";
    }
  for (auto [index, node] : llvm::enumerate(graph.node()))
    for (const std::string &input : node.input()) {
      if (input.empty())
        continue;
      auto it = producer.find(input);
      if (it == producer.end())
        return emitError(loc) << describeNode(node, index) << ": input '"
                              << input << "' is not a graph input, an "
                              << "initializer or an output of a node";
      int64_t source = it->second;
      if (source == static_cast<int64_t>(index))
        return emitError(loc) << describeNode(node, index) << ": input '"
                              << input << "' is the node's own output (the "
                              << "graph has a cycle)";
      if (source > static_cast<int64_t>(index))
        return emitError(loc)
               << describeNode(node, index) << ": input '" << input
               << "' is " << describeProducer(graph, source)
               << ", which comes later in the graph ("
               << (hasCycle(graph, producer)
                       ? "the graph has a cycle"
                       : "ONNX nodes must be sorted topologically")
               << ")";
    }
  for (const onnx::ValueInfoProto &output : graph.output())
    if (!producer.count(output.name()))
      return emitError(loc) << "graph output '" << output.name()
                            << "' is not a graph input, an initializer or an "
                            << "output of a node";
  return success();
}

FailureOr<LoadedModel>
mlir::tlc::onnx_import::loadModel(StringRef bytes, StringRef path, Location loc,
                                  const ONNXImportOptions &options) {
  LoadedModel loaded;
  loaded.model = std::make_unique<onnx::ModelProto>();
  onnx::ModelProto &model = *loaded.model;
  if (bytes.size() >= (size_t(2) << 30))
    return emitError(loc) << "model is larger than the 2 GiB protobuf limit; "
                             "store its weights as external data";
  if (bytes.empty())
    return emitError(loc) << "the file is empty, not an ONNX model";
  if (!onnx::ParseProtoFromBytes(&model, bytes.data(), bytes.size()))
    return emitError(loc)
           << "cannot parse the file as an ONNX model (malformed or "
              "truncated protobuf)";

  // The opset first: the checker's complaints about a newer opset's
  // operators would hide the actual reason.
  std::optional<int64_t> opset = getDefaultOpset(model);
  if (!opset) {
    InFlightDiagnostic diag = emitError(loc);
    for (auto [index, node] : llvm::enumerate(model.graph().node()))
      if (node.domain().empty() || node.domain() == "ai.onnx") {
        diag << describeNode(node, index) << ": ";
        break;
      }
    return diag << "the model imports no opset of the default (ai.onnx) "
                   "domain";
  }
  if (*opset < 1)
    return emitError(loc) << "the model imports invalid opset version "
                          << *opset << " of the default (ai.onnx) domain";
  if (*opset > kMaxImportOpset)
    return emitError(loc) << "model uses opset " << *opset
                          << ", newer than the newest supported opset "
                          << kMaxImportOpset;

  if (failed(bindConstantInputs(*model.mutable_graph(), options.constantInputs,
                                loc)) ||
      failed(loadExternalData(*model.mutable_graph(), path, loc)) ||
      failed(validateTensorData(model.graph(), loc)) ||
      failed(validateDataflow(model.graph(), loc)))
    return failure();

  // The checker, the version converter and shape inference all throw.
  try {
    onnx::checker::check_model(model);
  } catch (const std::exception &e) {
    return emitLibONNXError(loc, "ONNX checker rejected the model", e,
                            &model.graph());
  }

  if (failed(validateWindowAttributes(model.graph(), loc)))
    return failure();

  int64_t target = *opset;
  if (options.targetOpset) {
    target = *options.targetOpset;
    if (target < kMinImportOpset || target > kMaxImportOpset)
      return emitError(loc) << "requested opset " << target
                            << " is outside the supported range ["
                            << kMinImportOpset << ", " << kMaxImportOpset
                            << "]";
  } else if (*opset < kMinImportOpset) {
    target = kMinImportOpset;
  }

  if (target != *opset) {
    std::string what = "cannot convert the model from opset " +
                       std::to_string(*opset) + " to opset " +
                       std::to_string(target);
    try {
      model = onnx::version_conversion::ConvertVersion(model, target);
    } catch (const std::exception &e) {
      return emitLibONNXError(loc, what, e, &model.graph());
    }
    if (getDefaultOpset(model) != target)
      return emitError(loc) << what;
  }

  loaded.opset = target;
  return loaded;
}

LogicalResult mlir::tlc::onnx_import::inferShapes(onnx::ModelProto &model,
                                                  Location loc) {
  // libonnx 1.12 indexes the input shape with LayerNormalization's axis when
  // computing the Mean/InvStdDev outputs, without a range check (SIGSEGV).
  // Those outputs are hidden from shape inference; the importer computes
  // their types itself.
  std::vector<std::pair<onnx::NodeProto *, std::vector<std::string>>> hidden;
  for (onnx::NodeProto &node : *model.mutable_graph()->mutable_node()) {
    if (node.op_type() != "LayerNormalization" || node.output_size() < 2)
      continue;
    hidden.emplace_back(&node, std::vector<std::string>(
                                   node.output().begin() + 1,
                                   node.output().end()));
    node.mutable_output()->DeleteSubrange(1, node.output_size() - 1);
  }
  // Its STFT inference gives a onesided output dft_length bins instead of
  // dft_length / 2 + 1 and then rejects the model's correct declaration: the
  // output is renamed for inference (which needs it to exist) and the type
  // inferred for the temporary name dropped.
  std::vector<std::pair<onnx::NodeProto *, std::string>> renamed;
  for (onnx::NodeProto &node : *model.mutable_graph()->mutable_node()) {
    if (node.op_type() != "STFT" || node.output_size() < 1)
      continue;
    renamed.emplace_back(&node, node.output(0));
    node.set_output(0, node.output(0) + ".tlc_stft_uninferred");
  }
  auto restore = [&] {
    for (auto &[node, outputs] : hidden)
      for (const std::string &output : outputs)
        node->add_output(output);
    for (auto &[node, output] : renamed) {
      std::string temporary = node->output(0);
      node->set_output(0, output);
      auto *valueInfo = model.mutable_graph()->mutable_value_info();
      for (int i = valueInfo->size() - 1; i >= 0; --i)
        if (valueInfo->Get(i).name() == temporary)
          valueInfo->DeleteSubrange(i, 1);
    }
  };
  try {
    onnx::ShapeInferenceOptions inferenceOptions(
        /*check_type_val=*/false, /*strict_mode_val=*/0,
        /*data_prop_val=*/true);
    onnx::shape_inference::InferShapes(
        model, onnx::OpSchemaRegistry::Instance(), inferenceOptions);
  } catch (const std::exception &e) {
    restore();
    return emitLibONNXError(loc, "ONNX shape inference failed", e,
                            &model.graph());
  }
  restore();
  return success();
}
