//===- ExportPositional.cpp - tl.trilu and tl.cumsum to ONNX --------------===//
//
// tl.trilu is ONNX Trilu (opset 14 on) with k as its input, before that a
// Where over a constant diagonal-offset matrix; tl.cumsum is CumSum (opset 11
// on) with the axis as an int64 initializer.
//
//===----------------------------------------------------------------------===//

#include "ExporterContext.h"

#include "onnx/onnx_pb.h"

using namespace mlir;
using namespace mlir::tlc;
using namespace mlir::tlc::onnx_export;

/// Before opset 14 (no Trilu): Where(keep, x, 0) with keep computed from a
/// constant matrix of col - row (the innermost dims must be static) against
/// k: upper keeps col - row >= k, i.e. not (col - row < k); lower keeps
/// not (col - row > k).
static LogicalResult exportTriluDecomposed(OpExporter &ex, tl::TriluOp op) {
  RankedTensorType type = getTensorType(op.getInput());
  int64_t rows = type.getDimSize(type.getRank() - 2);
  int64_t cols = type.getDimSize(type.getRank() - 1);
  if (ShapedType::isDynamic(rows) || ShapedType::isDynamic(cols))
    return ex.emitError() << "Trilu needs opset 14, or static sizes of the two "
                             "innermost dims for its decomposition";
  Type i64 = IntegerType::get(ex.getContext(), 64);
  SmallVector<int64_t> diagonal;
  for (int64_t i = 0; i < rows; ++i)
    for (int64_t j = 0; j < cols; ++j)
      diagonal.push_back(j - i);
  std::string offsets = ex.constant(DenseIntElementsAttr::get(
      RankedTensorType::get({rows, cols}, i64), diagonal));
  std::string k = op.getK() ? ex.input(1) : ex.scalar(i64, 0);
  std::string outside =
      ex.emit(op.getUpper() ? "Less" : "Greater", {offsets, k});
  std::string keep = ex.emit("Not", {outside});
  ex.node("Where", {keep, ex.input(0), ex.scalar(type.getElementType(), 0)},
          {ex.output()});
  return success();
}

static LogicalResult exportTrilu(OpExporter &ex) {
  auto op = cast<tl::TriluOp>(ex.getOp());
  if (!ex.hasOp("Trilu"))
    return exportTriluDecomposed(ex, op);
  Type type = getTensorType(op.getInput()).getElementType();
  SmallVector<std::pair<std::string, Type>> operands = {{ex.input(0), type}};
  if (op.getK())
    operands.emplace_back(ex.input(1), IntegerType::get(ex.getContext(), 64));
  onnx::NodeProto *node =
      ex.nodeWithCasts("Trilu", operands, ex.output(), type);
  if (!node)
    return failure();
  if (!op.getUpper())
    setInt(*node, "upper", 0);
  return success();
}

static LogicalResult exportCumSum(OpExporter &ex) {
  auto op = cast<tl::CumSumOp>(ex.getOp());
  Type type = getTensorType(op.getInput()).getElementType();
  Type i64 = IntegerType::get(ex.getContext(), 64);
  onnx::NodeProto *node = ex.nodeWithCasts(
      "CumSum",
      {{ex.input(0), type},
       {ex.scalar(i64, static_cast<int64_t>(op.getAxis())), i64}},
      ex.output(), type);
  if (!node)
    return failure();
  if (op.getExclusive())
    setInt(*node, "exclusive", 1);
  if (op.getReverse())
    setInt(*node, "reverse", 1);
  return success();
}

void mlir::tlc::onnx_export::addPositionalExporters(ExportTable &table) {
  table[tl::TriluOp::getOperationName()] = exportTrilu;
  table[tl::CumSumOp::getOperationName()] = exportCumSum;
}
