//===- ExportIndexing.cpp - tl gathers, scatters, top-k, shifts to ONNX ---===//

#include "ExporterContext.h"

#include "onnx/onnx_pb.h"

using namespace mlir;
using namespace mlir::tlc;
using namespace mlir::tlc::onnx_export;

/// Emits `opType` with the op's operands as inputs and its results as
/// outputs, after checking that the target opset defines it.
static FailureOr<onnx::NodeProto *> direct(OpExporter &ex, StringRef opType) {
  if (!ex.hasOp(opType))
    return ex.emitError() << "ONNX " << opType << " is not defined", failure();
  SmallVector<std::string> inputs, outputs;
  for (unsigned i = 0; i < ex.getOp()->getNumOperands(); ++i)
    inputs.push_back(ex.input(i));
  for (unsigned i = 0; i < ex.getOp()->getNumResults(); ++i)
    outputs.push_back(ex.output(i));
  return &ex.node(opType, inputs, outputs);
}

/// The `reduction` attribute (opset 16 for add/mul, 18 for max/min).
static LogicalResult setReduction(OpExporter &ex, onnx::NodeProto &node,
                                  tl::ScatterReduction reduction) {
  if (reduction == tl::ScatterReduction::none)
    return success();
  int64_t needed = reduction == tl::ScatterReduction::add ||
                           reduction == tl::ScatterReduction::mul
                       ? 16
                       : 18;
  if (ex.getOpset() < needed)
    return ex.emitError() << "reduction '"
                          << tl::stringifyScatterReduction(reduction)
                          << "' needs opset " << needed;
  setString(node, "reduction", tl::stringifyScatterReduction(reduction));
  return success();
}

static LogicalResult exportGatherElements(OpExporter &ex) {
  auto op = cast<tl::GatherElementsOp>(ex.getOp());
  FailureOr<onnx::NodeProto *> node = direct(ex, "GatherElements");
  if (failed(node))
    return failure();
  setInt(**node, "axis", op.getAxis());
  return success();
}

static LogicalResult exportScatterElements(OpExporter &ex) {
  auto op = cast<tl::ScatterElementsOp>(ex.getOp());
  FailureOr<onnx::NodeProto *> node = direct(ex, "ScatterElements");
  if (failed(node))
    return failure();
  setInt(**node, "axis", op.getAxis());
  return setReduction(ex, **node, op.getReduction());
}

static LogicalResult exportGatherND(OpExporter &ex) {
  auto op = cast<tl::GatherNDOp>(ex.getOp());
  if (op.getBatchDims() != 0 && ex.getOpset() < 12)
    return ex.emitError() << "batch_dims needs opset 12";
  FailureOr<onnx::NodeProto *> node = direct(ex, "GatherND");
  if (failed(node))
    return failure();
  if (op.getBatchDims() != 0)
    setInt(**node, "batch_dims", op.getBatchDims());
  return success();
}

static LogicalResult exportScatterND(OpExporter &ex) {
  auto op = cast<tl::ScatterNDOp>(ex.getOp());
  FailureOr<onnx::NodeProto *> node = direct(ex, "ScatterND");
  if (failed(node))
    return failure();
  return setReduction(ex, **node, op.getReduction());
}

/// TopK takes k as an input from opset 10 and `largest` from 11.
static LogicalResult exportTopK(OpExporter &ex) {
  auto op = cast<tl::TopKOp>(ex.getOp());
  if (ex.getOpset() < 10)
    return ex.emitError() << "TopK with k as an input needs opset 10";
  if (!op.getLargest() && ex.getOpset() < 11)
    return ex.emitError() << "TopK of the smallest elements needs opset 11";
  onnx::NodeProto &node =
      ex.node("TopK", {ex.input(0), ex.constantI64({static_cast<int64_t>(op.getK())})},
              {ex.output(0), ex.output(1)});
  setInt(node, "axis", op.getAxis());
  if (!op.getLargest())
    setInt(node, "largest", 0);
  return success();
}

static LogicalResult exportReverseSequence(OpExporter &ex) {
  auto op = cast<tl::ReverseSequenceOp>(ex.getOp());
  FailureOr<onnx::NodeProto *> node = direct(ex, "ReverseSequence");
  if (failed(node))
    return failure();
  setInt(**node, "batch_axis", op.getBatchAxis());
  setInt(**node, "time_axis", op.getTimeAxis());
  return success();
}

/// MaxUnpool with the full output shape as its third input; kernel_shape is
/// required by ONNX but only matters without that input.
static LogicalResult exportMaxUnpool(OpExporter &ex) {
  auto op = cast<tl::MaxUnpoolOp>(ex.getOp());
  RankedTensorType type = op.getType();
  if (!type.hasStaticShape())
    return ex.emitError() << "MaxUnpool needs a static output shape";
  if (!ex.hasOp("MaxUnpool"))
    return ex.emitError() << "ONNX MaxUnpool is not defined";
  onnx::NodeProto &node = ex.node(
      "MaxUnpool",
      {ex.input(0), ex.input(1), ex.constantI64(type.getShape())},
      {ex.output()});
  setInts(node, "kernel_shape",
          SmallVector<int64_t>(type.getRank() - 2, 1));
  return success();
}

static ExportFunction bitShift(StringRef direction) {
  std::string name = direction.str();
  return [name](OpExporter &ex) -> LogicalResult {
    FailureOr<onnx::NodeProto *> node = direct(ex, "BitShift");
    if (failed(node))
      return failure();
    setString(**node, "direction", name);
    return success();
  };
}

void mlir::tlc::onnx_export::addIndexingExporters(ExportTable &table) {
  table[tl::GatherElementsOp::getOperationName()] = exportGatherElements;
  table[tl::ScatterElementsOp::getOperationName()] = exportScatterElements;
  table[tl::GatherNDOp::getOperationName()] = exportGatherND;
  table[tl::ScatterNDOp::getOperationName()] = exportScatterND;
  table[tl::TopKOp::getOperationName()] = exportTopK;
  table[tl::ReverseSequenceOp::getOperationName()] = exportReverseSequence;
  table[tl::MaxUnpoolOp::getOperationName()] = exportMaxUnpool;
  table[tl::ShiftLeftOp::getOperationName()] = bitShift("LEFT");
  table[tl::ShiftRightOp::getOperationName()] = bitShift("RIGHT");
}
