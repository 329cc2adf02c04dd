//===- ExportQuant.cpp - quantization, einsum and grid_sample to ONNX -----===//
//
// QuantizeLinear/DequantizeLinear (per-axis parameters need opset 13),
// Einsum (opset 12) and GridSample (opset 16) are direct equivalents.
//
//===----------------------------------------------------------------------===//

#include "ExporterContext.h"

#include "tl/IR/TLOps.h"

#include "onnx/onnx_pb.h"

using namespace mlir;
using namespace mlir::tlc;
using namespace mlir::tlc::onnx_export;

template <typename OpTy>
static LogicalResult exportQuantOp(OpExporter &ex, StringRef opType) {
  auto op = cast<OpTy>(ex.getOp());
  std::optional<int64_t> axis = op.getQuantizedAxis();
  if (axis && ex.getOpset() < 13)
    return ex.emitError() << "per-axis " << opType << " needs opset 13";
  if (!ex.hasOp(opType))
    return ex.emitError() << "ONNX " << opType << " is not defined";
  Type elementType = cast<RankedTensorType>(op.getInput().getType())
                         .getElementType();
  Type zpType = cast<RankedTensorType>(op.getZeroPoint().getType())
                    .getElementType();
  if (!ex.acceptsType(opType, 0, elementType) ||
      !ex.acceptsType(opType, 2, zpType))
    return ex.emitError() << opType << " does not take these element types";
  onnx::NodeProto &node =
      ex.node(opType, {ex.input(0), ex.input(1), ex.input(2)}, {ex.output()});
  if (axis)
    setInt(node, "axis", *axis);
  return success();
}

static LogicalResult exportEinsum(OpExporter &ex) {
  auto op = cast<tl::EinsumOp>(ex.getOp());
  if (!ex.hasOp("Einsum"))
    return ex.emitError() << "ONNX Einsum is not defined";
  std::vector<std::string> inputs;
  for (unsigned i = 0, e = op.getInputs().size(); i < e; ++i)
    inputs.push_back(ex.input(i));
  onnx::NodeProto &node = ex.node("Einsum", inputs, {ex.output()});
  setString(node, "equation", op.getEquation());
  return success();
}

static LogicalResult exportGridSample(OpExporter &ex) {
  auto op = cast<tl::GridSampleOp>(ex.getOp());
  if (!ex.hasOp("GridSample"))
    return ex.emitError() << "ONNX GridSample is not defined";
  onnx::NodeProto &node =
      ex.node("GridSample", {ex.input(0), ex.input(1)}, {ex.output()});
  // The opset-16 names; opset 20 renamed bilinear/bicubic to linear/cubic.
  bool renamed = ex.getOpset() >= 20;
  switch (op.getMode()) {
  case tl::ResizeMode::nearest:
    setString(node, "mode", "nearest");
    break;
  case tl::ResizeMode::linear:
    setString(node, "mode", renamed ? "linear" : "bilinear");
    break;
  case tl::ResizeMode::cubic:
    setString(node, "mode", renamed ? "cubic" : "bicubic");
    break;
  }
  setString(node, "padding_mode", tl::stringifyGridPaddingMode(op.getPaddingMode()));
  setInt(node, "align_corners", op.getAlignCorners() ? 1 : 0);
  return success();
}

void mlir::tlc::onnx_export::addQuantExporters(ExportTable &table) {
  table[tl::QuantizeOp::getOperationName()] = [](OpExporter &ex) {
    return exportQuantOp<tl::QuantizeOp>(ex, "QuantizeLinear");
  };
  table[tl::DequantizeOp::getOperationName()] = [](OpExporter &ex) {
    return exportQuantOp<tl::DequantizeOp>(ex, "DequantizeLinear");
  };
  table[tl::EinsumOp::getOperationName()] = exportEinsum;
  table[tl::GridSampleOp::getOperationName()] = exportGridSample;
}
