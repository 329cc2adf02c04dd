//===- ExportRecurrent.cpp - tl.rnn, tl.gru, tl.lstm to ONNX --------------===//
//
// One RNN / GRU / LSTM node each. The per-activation alpha/beta lists of the
// tl ops become ONNX's lists, which hold values only for the activations that
// take them. A batch-major layer is written as Transposes around a layout 0
// node: every opset has that, and ONNX Runtime implements only layout 0.
//
//===----------------------------------------------------------------------===//

#include "ExporterContext.h"

#include "onnx/onnx_pb.h"

using namespace mlir;
using namespace mlir::tlc;
using namespace mlir::tlc::onnx_export;

static void setFloats(onnx::NodeProto &node, StringRef name,
                      ArrayRef<float> values) {
  onnx::AttributeProto *attr = node.add_attribute();
  attr->set_name(name.str());
  attr->set_type(onnx::AttributeProto::FLOATS);
  for (float v : values)
    attr->add_floats(v);
}

static void setStrings(onnx::NodeProto &node, StringRef name,
                       ArrayRef<std::string> values) {
  onnx::AttributeProto *attr = node.add_attribute();
  attr->set_name(name.str());
  attr->set_type(onnx::AttributeProto::STRINGS);
  for (const std::string &v : values)
    attr->add_strings(v);
}

template <typename OpTy>
static LogicalResult exportRecurrent(OpExporter &ex, StringRef opType) {
  auto op = cast<OpTy>(ex.getOp());
  bool batchMajor = op.getBatchMajor();
  auto transpose = [&](const std::string &value, ArrayRef<int64_t> perm,
                       std::string result) {
    setInts(ex.node("Transpose", {value}, {result}), "perm", perm);
    return result;
  };
  // [batch, x, y] <-> [x, batch, y] for the input and the states.
  auto timeMajor = [&](Value value) {
    if (!value)
      return std::string();
    std::string name = ex.nameOf(value);
    return batchMajor ? transpose(name, {1, 0, 2}, ex.temp("time_major"))
                      : name;
  };
  std::string lens;
  if (Value value = op.getSequenceLens()) {
    lens = ex.nameOf(value);
    // ONNX takes int32 lengths.
    if (!getTensorType(value).getElementType().isInteger(32)) {
      std::string cast = ex.temp("lens_i32");
      setInt(ex.node("Cast", {lens}, {cast}), "to",
             onnx::TensorProto::INT32);
      lens = cast;
    }
  }
  std::vector<std::string> inputs = {
      timeMajor(op.getInput()), ex.input(1),   ex.input(2),
      op.getBias() ? ex.nameOf(op.getBias()) : std::string(),
      lens,                     timeMajor(op.getInitialH())};
  if constexpr (std::is_same_v<OpTy, tl::LSTMOp>) {
    inputs.push_back(timeMajor(op.getInitialC()));
    inputs.push_back(op.getPeepholes() ? ex.nameOf(op.getPeepholes())
                                       : std::string());
  }
  while (!inputs.empty() && inputs.back().empty())
    inputs.pop_back();
  std::vector<std::string> outputs;
  for (unsigned i = 0; i < op->getNumResults(); ++i)
    outputs.push_back(batchMajor ? ex.temp("time_major") : ex.output(i));

  onnx::NodeProto &node = ex.node(opType, inputs, outputs);
  setInt(node, "hidden_size", op.getHiddenSize());
  if (op.getDirection() != tl::RNNDirection::forward)
    setString(node, "direction", tl::stringifyRNNDirection(op.getDirection()));
  if (std::optional<APFloat> clip = op.getClip())
    setFloat(node, "clip", clip->convertToDouble());
  if (std::optional<ArrayAttr> names = op.getActivations()) {
    std::optional<ArrayRef<float>> alphas = op.getActivationAlpha();
    std::optional<ArrayRef<float>> betas = op.getActivationBeta();
    std::vector<std::string> activations;
    SmallVector<float> alphaList, betaList;
    for (auto [i, name] : llvm::enumerate(names->getAsValueRange<StringAttr>())) {
      activations.push_back(name.str());
      std::optional<tl::RNNActivationInfo> info = tl::lookupRNNActivation(name);
      if (info && info->usesAlpha)
        alphaList.push_back(alphas ? (*alphas)[i] : info->defaultAlpha);
      if (info && info->usesBeta)
        betaList.push_back(betas ? (*betas)[i] : info->defaultBeta);
    }
    setStrings(node, "activations", activations);
    if (!alphaList.empty())
      setFloats(node, "activation_alpha", alphaList);
    if (!betaList.empty())
      setFloats(node, "activation_beta", betaList);
  }
  if constexpr (std::is_same_v<OpTy, tl::LSTMOp>) {
    if (op.getInputForget())
      setInt(node, "input_forget", 1);
  }
  if constexpr (std::is_same_v<OpTy, tl::GRUOp>) {
    if (op.getLinearBeforeReset())
      setInt(node, "linear_before_reset", 1);
  }
  if (batchMajor) {
    transpose(outputs[0], {2, 0, 1, 3}, ex.output(0));
    for (unsigned i = 1; i < outputs.size(); ++i)
      transpose(outputs[i], {1, 0, 2}, ex.output(i));
  }
  return success();
}

void mlir::tlc::onnx_export::addRecurrentExporters(ExportTable &table) {
  table[tl::RNNOp::getOperationName()] = [](OpExporter &ex) {
    return exportRecurrent<tl::RNNOp>(ex, "RNN");
  };
  table[tl::GRUOp::getOperationName()] = [](OpExporter &ex) {
    return exportRecurrent<tl::GRUOp>(ex, "GRU");
  };
  table[tl::LSTMOp::getOperationName()] = [](OpExporter &ex) {
    return exportRecurrent<tl::LSTMOp>(ex, "LSTM");
  };
}
