//===- ExportReduction.cpp - tl reductions to ONNX
//-------------------------===//

#include "ExporterContext.h"

#include "onnx/onnx_pb.h"

using namespace mlir;
using namespace mlir::tlc;
using namespace mlir::tlc::onnx_export;

/// Reduce* with `keepdims`; the axes are an input of ReduceSum from opset 13
/// (of the others from 18), an attribute before. Without axes every dim is
/// reduced, as ONNX does when they are omitted.
template <typename OpTy>
static ExportFunction reduce(StringRef opType, int64_t axesInputOpset) {
  std::string name = opType.str();
  return [name, axesInputOpset](OpExporter &ex) -> LogicalResult {
    auto op = cast<OpTy>(ex.getOp());
    std::optional<ArrayRef<int64_t>> axes = op.getAxes();
    // An empty axes list reduces nothing in tl, everything in ONNX.
    if (axes && axes->empty()) {
      ex.node("Identity", {ex.input(0)}, {ex.output()});
      return success();
    }
    onnx::NodeProto *node;
    if (axes)
      node = &emitWithAxes(ex, name, {ex.input(0)}, *axes, axesInputOpset,
                           ex.output());
    else
      node = &ex.node(name, {ex.input(0)}, {ex.output()});
    setInt(*node, "keepdims", op.getKeepdims());
    return success();
  };
}

template <typename OpTy> static ExportFunction argReduce(StringRef opType) {
  std::string name = opType.str();
  return [name](OpExporter &ex) -> LogicalResult {
    auto op = cast<OpTy>(ex.getOp());
    if (op.getSelectLastIndex() && ex.getOpset() < 12)
      return ex.emitError() << "select_last_index needs opset 12";
    onnx::NodeProto &node = ex.node(name, {ex.input(0)}, {ex.output()});
    setInt(node, "axis", op.getAxis());
    setInt(node, "keepdims", op.getKeepdims());
    if (op.getSelectLastIndex())
      setInt(node, "select_last_index", 1);
    return success();
  };
}

void mlir::tlc::onnx_export::addReductionExporters(ExportTable &table) {
  table[tl::ReduceSumOp::getOperationName()] =
      reduce<tl::ReduceSumOp>("ReduceSum", 13);
  table[tl::ReduceMeanOp::getOperationName()] =
      reduce<tl::ReduceMeanOp>("ReduceMean", 18);
  table[tl::ReduceMaxOp::getOperationName()] =
      reduce<tl::ReduceMaxOp>("ReduceMax", 18);
  table[tl::ReduceMinOp::getOperationName()] =
      reduce<tl::ReduceMinOp>("ReduceMin", 18);
  table[tl::ReduceProdOp::getOperationName()] =
      reduce<tl::ReduceProdOp>("ReduceProd", 18);
  table[tl::ArgMaxOp::getOperationName()] = argReduce<tl::ArgMaxOp>("ArgMax");
  table[tl::ArgMinOp::getOperationName()] = argReduce<tl::ArgMinOp>("ArgMin");
}
