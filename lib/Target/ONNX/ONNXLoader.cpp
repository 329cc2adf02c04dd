//===- ONNXLoader.cpp - parse, check and prepare an ONNX model ------------===//
//
// libonnx reports every failure with a C++ exception; this file is the only
// one that calls it, and turns each exception into an MLIR diagnostic.
//
//===----------------------------------------------------------------------===//

#include "ONNXLoader.h"

#include "mlir/IR/Diagnostics.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include "onnx/checker.h"
#include "onnx/onnx_pb.h"
#include "onnx/proto_utils.h"
#include "onnx/shape_inference/implementation.h"
#include "onnx/version_converter/convert.h"

#include <exception>

using namespace mlir;
using namespace mlir::tlc;
using namespace mlir::tlc::onnx_import;

LoadedModel::LoadedModel() = default;
LoadedModel::LoadedModel(LoadedModel &&) = default;
LoadedModel::~LoadedModel() = default;

/// The first line of an exception message; libonnx appends context blocks
/// and, for failed assertions, the source position of the assertion.
static std::string describe(const std::exception &e) {
  StringRef message = StringRef(e.what()).trim();
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
  return message.str();
}

/// The default-domain opset the model imports, or 0 when it has none.
static int64_t getDefaultOpset(const onnx::ModelProto &model) {
  for (const onnx::OperatorSetIdProto &opset : model.opset_import())
    if (opset.domain().empty() || opset.domain() == "ai.onnx")
      return opset.version();
  return 0;
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
        return emitError(loc)
               << "node "
               << (node.name().empty() ? "#" + std::to_string(index)
                                       : "'" + node.name() + "'")
               << " (" << node.op_type() << "): " << name
               << " must be positive";
    }
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
  if (!onnx::ParseProtoFromBytes(&model, bytes.data(), bytes.size()))
    return emitError(loc)
           << "cannot parse the file as an ONNX model (malformed or "
              "truncated protobuf)";

  if (failed(bindConstantInputs(*model.mutable_graph(), options.constantInputs,
                                loc)) ||
      failed(loadExternalData(*model.mutable_graph(), path, loc)))
    return failure();

  // The checker, the version converter and shape inference all throw.
  try {
    onnx::checker::check_model(model);
  } catch (const std::exception &e) {
    return emitError(loc) << "ONNX checker rejected the model: "
                          << describe(e);
  }

  if (failed(validateWindowAttributes(model.graph(), loc)))
    return failure();

  int64_t opset = getDefaultOpset(model);
  if (opset == 0)
    return emitError(loc) << "model imports no opset of the default "
                             "(ai.onnx) domain";
  if (opset > kMaxImportOpset)
    return emitError(loc) << "model uses opset " << opset
                          << ", newer than the newest supported opset "
                          << kMaxImportOpset;
  int64_t target = opset;
  if (options.targetOpset) {
    target = *options.targetOpset;
    if (target < kMinImportOpset || target > kMaxImportOpset)
      return emitError(loc) << "requested opset " << target
                            << " is outside the supported range ["
                            << kMinImportOpset << ", " << kMaxImportOpset
                            << "]";
  } else if (opset < kMinImportOpset) {
    target = kMinImportOpset;
  }

  if (target != opset) {
    try {
      model = onnx::version_conversion::ConvertVersion(model, target);
    } catch (const std::exception &e) {
      return emitError(loc) << "cannot convert the model from opset " << opset
                            << " to opset " << target << ": " << describe(e);
    }
    if (getDefaultOpset(model) != target)
      return emitError(loc) << "cannot convert the model from opset " << opset
                            << " to opset " << target;
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
  auto restore = [&] {
    for (auto &[node, outputs] : hidden)
      for (const std::string &output : outputs)
        node->add_output(output);
  };
  try {
    onnx::ShapeInferenceOptions inferenceOptions(
        /*check_type_val=*/false, /*strict_mode_val=*/0,
        /*data_prop_val=*/true);
    onnx::shape_inference::InferShapes(
        model, onnx::OpSchemaRegistry::Instance(), inferenceOptions);
  } catch (const std::exception &e) {
    restore();
    return emitError(loc) << "ONNX shape inference failed: " << describe(e);
  }
  restore();
  return success();
}
