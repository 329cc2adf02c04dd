//===- ImportLoss.cpp - ONNX loss functions -------------------------------===//
//
// NegativeLogLikelihoodLoss maps to tl.nll_loss. SoftmaxCrossEntropyLoss is
// tl.log_softmax over the class axis (its optional log_prob output) followed
// by tl.nll_loss, as in its ONNX function body.
//
//===----------------------------------------------------------------------===//

#include "ImporterContext.h"

using namespace mlir;
using namespace mlir::tlc;
using namespace mlir::tlc::onnx_import;

/// tl.nll_loss of `logProb` with the node's targets (input 1), optional
/// weights (input 2), `reduction` and `ignore_index`.
static FailureOr<Value> importNLLLoss(NodeImporter &node, Value logProb) {
  FailureOr<Value> target = node.getInput(1);
  FailureOr<std::string> reduction = node.getString("reduction", "mean");
  FailureOr<std::optional<int64_t>> ignoreIndex =
      node.getOptionalInt("ignore_index");
  if (failed(target) || failed(reduction) || failed(ignoreIndex))
    return failure();
  std::optional<tl::LossReduction> kind =
      tl::symbolizeLossReduction(*reduction);
  if (!kind)
    return node.emitError() << "unknown reduction '" << *reduction
                            << "' (expected none, sum or mean)",
           failure();
  Value weight;
  if (node.hasInput(2)) {
    FailureOr<Value> w = node.getInput(2);
    if (failed(w))
      return failure();
    weight = *w;
  }
  OpBuilder &b = node.getBuilder();
  IntegerAttr ignoreAttr =
      *ignoreIndex ? b.getI64IntegerAttr(**ignoreIndex) : IntegerAttr();
  return node.create<tl::NLLLossOp>(
      logProb, *target, weight,
      tl::LossReductionAttr::get(node.getContext(), *kind), ignoreAttr);
}

static LogicalResult importNegativeLogLikelihoodLoss(NodeImporter &node) {
  FailureOr<Value> input = node.getInput(0);
  if (failed(input))
    return failure();
  FailureOr<Value> loss = importNLLLoss(node, *input);
  if (failed(loss))
    return failure();
  node.setOutput(0, *loss);
  return success();
}

static LogicalResult importSoftmaxCrossEntropyLoss(NodeImporter &node) {
  FailureOr<Value> scores = node.getInput(0);
  if (failed(scores))
    return failure();
  FailureOr<Value> logProb = node.create<tl::LogSoftmaxOp>(
      *scores, node.getBuilder().getI64IntegerAttr(1));
  if (failed(logProb))
    return failure();
  FailureOr<Value> loss = importNLLLoss(node, *logProb);
  if (failed(loss))
    return failure();
  node.setOutput(0, *loss);
  if (node.getNumOutputs() > 1 && !node.getOutputName(1).empty())
    node.setOutput(1, *logProb);
  return success();
}

void mlir::tlc::onnx_import::addLossImporters(ImportTable &table) {
  table["NegativeLogLikelihoodLoss"] = importNegativeLogLikelihoodLoss;
  table["SoftmaxCrossEntropyLoss"] = importSoftmaxCrossEntropyLoss;
}
