//===- ExportReduction.cpp - tl reductions to ONNX
//-------------------------===//

#include "ExporterContext.h"

#include "onnx/onnx_pb.h"

#include <limits>

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
    if (!op.getSelectLastIndex() || ex.getOpset() >= 12) {
      onnx::NodeProto &node = ex.node(name, {ex.input(0)}, {ex.output()});
      setInt(node, "axis", op.getAxis());
      setInt(node, "keepdims", op.getKeepdims());
      if (op.getSelectLastIndex())
        setInt(node, "select_last_index", 1);
      return success();
    }
    // select_last_index arrives in opset 12: the first index in the input
    // reversed along the axis, counted from the back (n - 1 - index).
    RankedTensorType type = getTensorType(op.getInput());
    int64_t axis = normalizeAxis(op.getAxis(), type.getRank());
    int64_t size = type.getDimSize(axis);
    if (ShapedType::isDynamic(size))
      return ex.emitError() << "select_last_index needs opset 12 or a static "
                               "size along the axis";
    std::string reversed = ex.emit(
        "Slice", {ex.input(0), ex.constantI64({-1}),
                  ex.constantI64({std::numeric_limits<int64_t>::min()}),
                  ex.constantI64({axis}), ex.constantI64({-1})});
    std::string index = ex.temp(StringRef(name).lower());
    onnx::NodeProto &node = ex.node(name, {reversed}, {index});
    setInt(node, "axis", axis);
    setInt(node, "keepdims", op.getKeepdims());
    Type i64 = IntegerType::get(ex.getContext(), 64);
    ex.node("Sub", {ex.scalar(i64, size - 1), index}, {ex.output()});
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
