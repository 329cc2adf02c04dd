//===- ExportLoss.cpp - tl loss functions to ONNX -------------------------===//
//
// tl.nll_loss is ONNX NegativeLogLikelihoodLoss (opset 12 on). The
// log_softmax + nll_loss pair that SoftmaxCrossEntropyLoss imports to is
// exported as the two nodes, which compute the same values.
//
//===----------------------------------------------------------------------===//

#include "ExporterContext.h"

#include "onnx/onnx_pb.h"

using namespace mlir;
using namespace mlir::tlc;
using namespace mlir::tlc::onnx_export;

static LogicalResult exportNLLLoss(OpExporter &ex) {
  auto op = cast<tl::NLLLossOp>(ex.getOp());
  StringRef name = "NegativeLogLikelihoodLoss";
  if (!ex.hasOp(name))
    return ex.emitError() << "ONNX " << name << " is not defined";
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
