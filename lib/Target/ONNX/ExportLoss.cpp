//===- ExportLoss.cpp - tl loss functions to ONNX -------------------------===//
//
// tl.nll_loss is ONNX NegativeLogLikelihoodLoss from opset 12, its function
// body (GatherElements, Gather, Where, ReduceSum, ...) before. The
// log_softmax + nll_loss pair that SoftmaxCrossEntropyLoss imports to is
// exported as the two nodes, which compute the same values.
//
//===----------------------------------------------------------------------===//

#include "ExporterContext.h"

#include "onnx/onnx_pb.h"

using namespace mlir;
using namespace mlir::tlc;
using namespace mlir::tlc::onnx_export;

/// Before opset 12, NegativeLogLikelihoodLoss as its ONNX function body:
/// -GatherElements(input, Unsqueeze(target), axis 1) (squeezed) times the
/// gathered weight, 0 where the target is ignore_index (replaced by 0 before
/// the gathers so that they stay in bounds), then reduced; mean divides by
/// the summed weights.
static LogicalResult exportNLLLossDecomposed(OpExporter &ex, tl::NLLLossOp op) {
  Type elementType = getTensorType(op.getInput()).getElementType();
  Type targetType = getTensorType(op.getTarget()).getElementType();
  std::string target = ex.input(1);
  std::string ignored;
  if (std::optional<int64_t> ignoreIndex = op.getIgnoreIndex()) {
    ignored = ex.emit(
        "Equal",
        {target, ex.scalar(targetType, static_cast<int64_t>(*ignoreIndex))});
    target = ex.emit("Where", {ignored, ex.scalar(targetType, 0), target});
  }
  std::string index = ex.temp("target");
  emitWithAxes(ex, "Unsqueeze", {target}, {1}, 13, index);
  std::string gathered = ex.temp("gathered");
  setInt(ex.node("GatherElements", {ex.input(0), index}, {gathered}), "axis",
         1);
  std::string picked = ex.temp("picked");
  emitWithAxes(ex, "Squeeze", {gathered}, {1}, 13, picked);
  std::string loss = ex.emit("Neg", {picked});
  std::string weight;
  if (op.getWeight()) {
    weight = ex.emit("Gather", {ex.input(2), target});
    loss = ex.emit("Mul", {loss, weight});
  }
  if (!ignored.empty()) {
    std::string zero = ex.scalar(elementType, 0);
    loss = ex.emit("Where", {ignored, zero, loss});
    if (weight.empty()) {
      weight = ex.temp("weight");
      std::optional<int32_t> dataType = getONNXDataType(elementType);
      if (!dataType)
        return ex.emitError() << "no ONNX type for the weights";
      setInt(ex.node("Cast", {ex.emit("Not", {ignored})}, {weight}), "to",
             *dataType);
    } else {
      weight = ex.emit("Where", {ignored, zero, weight});
    }
  }
  switch (op.getReduction()) {
  case tl::LossReduction::none:
    ex.node("Identity", {loss}, {ex.output()});
    return success();
  case tl::LossReduction::sum:
    setInt(ex.node("ReduceSum", {loss}, {ex.output()}), "keepdims", 0);
    return success();
  case tl::LossReduction::mean:
    if (weight.empty()) {
      setInt(ex.node("ReduceMean", {loss}, {ex.output()}), "keepdims", 0);
      return success();
    }
    std::string total = ex.temp("loss_sum");
    setInt(ex.node("ReduceSum", {loss}, {total}), "keepdims", 0);
    std::string norm = ex.temp("weight_sum");
    setInt(ex.node("ReduceSum", {weight}, {norm}), "keepdims", 0);
    ex.node("Div", {total, norm}, {ex.output()});
    return success();
  }
  llvm_unreachable("unknown reduction");
}

static LogicalResult exportNLLLoss(OpExporter &ex) {
  auto op = cast<tl::NLLLossOp>(ex.getOp());
  StringRef name = "NegativeLogLikelihoodLoss";
  if (!ex.hasOp(name))
    return exportNLLLossDecomposed(ex, op);
  SmallVector<std::pair<std::string, Type>> operands;
  for (auto [i, operand] : llvm::enumerate(op->getOperands()))
    operands.emplace_back(ex.input(i), getTensorType(operand).getElementType());
  onnx::NodeProto *node =
      ex.nodeWithCasts(name, operands, ex.output(),
                       getTensorType(op.getOutput()).getElementType());
  if (!node)
    return failure();
  setString(*node, "reduction", tl::stringifyLossReduction(op.getReduction()));
  if (std::optional<int64_t> ignoreIndex = op.getIgnoreIndex())
    setInt(*node, "ignore_index", *ignoreIndex);
  return success();
}

void mlir::tlc::onnx_export::addLossExporters(ExportTable &table) {
  table[tl::NLLLossOp::getOperationName()] = exportNLLLoss;
}
