//===- ImportRecurrent.cpp - ONNX RNN, GRU, LSTM --------------------------===//
//
// Each node becomes one tl.rnn / tl.gru / tl.lstm. The activations' alpha and
// beta lists, which ONNX consumes in order by the activations that take them,
// are resolved into one entry per activation (defaults filled in).
//
//===----------------------------------------------------------------------===//

#include "ImporterContext.h"

#include "onnx/onnx_pb.h"

using namespace mlir;
using namespace mlir::tlc;
using namespace mlir::tlc::onnx_import;

namespace {
/// Attributes common to the three layers, checked and converted.
struct RecurrentAttrs {
  IntegerAttr hiddenSize;
  tl::RNNDirectionAttr direction;
  ArrayAttr activations;
  DenseF32ArrayAttr alpha, beta;
  FloatAttr clip;
  BoolAttr batchMajor;
};
} // namespace

static FailureOr<RecurrentAttrs>
readRecurrentAttrs(NodeImporter &node, ArrayRef<StringRef> defaultActivations) {
  OpBuilder &b = node.getBuilder();
  RecurrentAttrs attrs;
  FailureOr<std::string> direction = node.getString("direction", "forward");
  FailureOr<int64_t> layout = node.getInt("layout", 0);
  FailureOr<std::optional<SmallVector<double>>> alphas =
      node.getFloats("activation_alpha");
  FailureOr<std::optional<SmallVector<double>>> betas =
      node.getFloats("activation_beta");
  FailureOr<std::optional<int64_t>> hidden = node.getOptionalInt("hidden_size");
  if (failed(direction) || failed(layout) || failed(alphas) || failed(betas) ||
      failed(hidden))
    return failure();

  tl::RNNDirection dir;
  if (*direction == "forward")
    dir = tl::RNNDirection::forward;
  else if (*direction == "reverse")
    dir = tl::RNNDirection::reverse;
  else if (*direction == "bidirectional")
    dir = tl::RNNDirection::bidirectional;
  else
    return node.emitError() << "unknown direction '" << *direction << "'";
  attrs.direction = tl::RNNDirectionAttr::get(node.getContext(), dir);
  int64_t numDirections = dir == tl::RNNDirection::bidirectional ? 2 : 1;

  if (*layout != 0 && *layout != 1)
    return node.emitError() << "layout must be 0 or 1, got " << *layout;
  if (*layout)
    attrs.batchMajor = b.getBoolAttr(true);

  // hidden_size may be left out; R is [D, gates * hidden, hidden].
  int64_t hiddenSize;
  if (*hidden) {
    hiddenSize = **hidden;
  } else {
    RankedTensorType r = node.getInputType(2);
    if (r.getRank() != 3 || r.isDynamicDim(2))
      return node.emitError()
             << "needs hidden_size or a recurrence weight of static shape";
    hiddenSize = r.getDimSize(2);
  }
  if (hiddenSize <= 0)
    return node.emitError() << "hidden_size must be positive, got "
                            << hiddenSize;
  attrs.hiddenSize = b.getI64IntegerAttr(hiddenSize);

  if (node.hasAttr("clip")) {
    FailureOr<double> value = node.getFloat("clip", 0.0);
    if (failed(value))
      return failure();
    attrs.clip = b.getF32FloatAttr(*value);
  }

  const onnx::AttributeProto *names = node.getAttr("activations");
  if (!names) {
    if (*alphas || *betas)
      return node.emitError()
             << "activation_alpha/activation_beta need activations";
    return attrs;
  }
  size_t expected = defaultActivations.size() * numDirections;
  if (static_cast<size_t>(names->strings_size()) != expected)
    return node.emitError() << "expects " << expected << " activations, got "
                            << names->strings_size();
  SmallVector<Attribute> canonical;
  SmallVector<float> alphaValues, betaValues;
  size_t nextAlpha = 0, nextBeta = 0;
  for (const std::string &name : names->strings()) {
    std::optional<tl::RNNActivationInfo> info = tl::lookupRNNActivation(name);
    if (!info)
      return node.emitError() << "unsupported activation '" << name << "'";
    canonical.push_back(b.getStringAttr(info->name));
    float alpha = info->defaultAlpha, beta = info->defaultBeta;
    if (info->usesAlpha && *alphas && nextAlpha < (*alphas)->size())
      alpha = (**alphas)[nextAlpha++];
    if (info->usesBeta && *betas && nextBeta < (*betas)->size())
      beta = (**betas)[nextBeta++];
    alphaValues.push_back(alpha);
    betaValues.push_back(beta);
  }
  attrs.activations = b.getArrayAttr(canonical);
  attrs.alpha = b.getDenseF32ArrayAttr(alphaValues);
  attrs.beta = b.getDenseF32ArrayAttr(betaValues);
  return attrs;
}

/// Input `i` when present, else a null value.
static FailureOr<Value> optionalInput(NodeImporter &node, unsigned i) {
  if (!node.hasInput(i))
    return Value();
  return node.getInput(i);
}

/// Binds the results; outputs the node does not name are dropped.
static LogicalResult bindResults(NodeImporter &node,
                                 FailureOr<SmallVector<Value>> results) {
  if (failed(results))
    return failure();
  for (auto [i, value] : llvm::enumerate(*results))
    if (i < node.getNumOutputs())
      node.setOutput(i, value);
  return success();
}

template <typename OpTy>
static LogicalResult importRecurrent(NodeImporter &node) {
  constexpr bool isLSTM = std::is_same_v<OpTy, tl::LSTMOp>;
  FailureOr<RecurrentAttrs> attrs = readRecurrentAttrs(node, OpTy::getDefaultActivations());
  if (failed(attrs))
    return failure();
  SmallVector<Value> operands;
  unsigned numOperands = isLSTM ? 8 : 6;
  for (unsigned i = 0; i < numOperands; ++i) {
    FailureOr<Value> value =
        i < 3 ? node.getInput(i) : optionalInput(node, i);
    if (failed(value))
      return failure();
    operands.push_back(*value);
  }
  OpBuilder &b = node.getBuilder();
  if constexpr (isLSTM) {
    FailureOr<int64_t> inputForget = node.getInt("input_forget", 0);
    if (failed(inputForget))
      return failure();
    return bindResults(
        node, node.createMulti<tl::LSTMOp>(
                  3, operands[0], operands[1], operands[2], operands[3],
                  operands[4], operands[5], operands[6], operands[7],
                  attrs->hiddenSize, attrs->direction, attrs->activations,
                  attrs->alpha, attrs->beta, attrs->clip, attrs->batchMajor,
                  *inputForget ? b.getBoolAttr(true) : BoolAttr()));
  } else if constexpr (std::is_same_v<OpTy, tl::GRUOp>) {
    FailureOr<int64_t> lbr = node.getInt("linear_before_reset", 0);
    if (failed(lbr))
      return failure();
    return bindResults(
        node, node.createMulti<tl::GRUOp>(
                  2, operands[0], operands[1], operands[2], operands[3],
                  operands[4], operands[5], attrs->hiddenSize,
                  attrs->direction, attrs->activations, attrs->alpha,
                  attrs->beta, attrs->clip, attrs->batchMajor,
                  *lbr ? b.getBoolAttr(true) : BoolAttr()));
  } else {
    return bindResults(
        node, node.createMulti<tl::RNNOp>(
                  2, operands[0], operands[1], operands[2], operands[3],
                  operands[4], operands[5], attrs->hiddenSize,
                  attrs->direction, attrs->activations, attrs->alpha,
                  attrs->beta, attrs->clip, attrs->batchMajor));
  }
}

void mlir::tlc::onnx_import::addRecurrentImporters(ImportTable &table) {
  table["RNN"] = importRecurrent<tl::RNNOp>;
  table["GRU"] = importRecurrent<tl::GRUOp>;
  table["LSTM"] = importRecurrent<tl::LSTMOp>;
}
