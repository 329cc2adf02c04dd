//===- ImportPositional.cpp - ONNX Trilu and CumSum -----------------------===//
//
// Trilu maps to tl.trilu, its k input (a rank-0 int64) staying a runtime
// operand. CumSum maps to tl.cumsum; its axis input must be known at import
// time (the loop structure depends on it).
//
//===----------------------------------------------------------------------===//

#include "ImporterContext.h"

using namespace mlir;
using namespace mlir::tlc;
using namespace mlir::tlc::onnx_import;

static LogicalResult importTrilu(NodeImporter &node) {
  FailureOr<Value> x = node.getInput(0);
  FailureOr<int64_t> upper = node.getInt("upper", 1);
  if (failed(x) || failed(upper))
    return failure();
  Value k;
  if (node.hasInput(1)) {
    RankedTensorType type = node.getInputType(1);
    if (!type.getElementType().isInteger(64))
      return node.emitError() << "input 'k' must be int64";
    // A one-element 1-D k (which some exporters write) becomes rank 0.
    if (type.getRank() != 0 &&
        (!type.hasStaticShape() || type.getNumElements() != 1))
      return node.emitError() << "input 'k' must hold a single value";
    auto scalarType = RankedTensorType::get({}, type.getElementType());
    FailureOr<Value> kValue;
    if (ElementsAttr constant = node.getInputConstant(1)) {
      kValue = node.constant(DenseElementsAttr::get(
          scalarType, *constant.getValues<APInt>().begin()));
    } else {
      kValue = node.getInput(1);
      if (succeeded(kValue) && type.getRank() != 0)
        kValue = node.create<tl::ReshapeOp>(
            *kValue, node.getBuilder().getDenseI64ArrayAttr({}));
    }
    if (failed(kValue))
      return failure();
    k = *kValue;
  }
  FailureOr<Value> y =
      node.create<tl::TriluOp>(*x, k, node.getBuilder().getBoolAttr(*upper));
  if (failed(y))
    return failure();
  node.setOutput(0, *y);
  return success();
}

static LogicalResult importCumSum(NodeImporter &node) {
  FailureOr<Value> x = node.getInput(0);
  FailureOr<int64_t> exclusive = node.getInt("exclusive", 0);
  FailureOr<int64_t> reverse = node.getInt("reverse", 0);
  if (failed(x) || failed(exclusive) || failed(reverse))
    return failure();
  FailureOr<SmallVector<int64_t>> axis = node.getConstantInts(1, "axis");
  if (failed(axis))
    return failure();
  if (axis->size() != 1)
    return node.emitError() << "input 'axis' must hold a single value";
  OpBuilder &b = node.getBuilder();
  FailureOr<Value> y = node.create<tl::CumSumOp>(
      *x, b.getI64IntegerAttr(axis->front()), b.getBoolAttr(*exclusive != 0),
      b.getBoolAttr(*reverse != 0));
  if (failed(y))
    return failure();
  node.setOutput(0, *y);
  return success();
}

void mlir::tlc::onnx_import::addPositionalImporters(ImportTable &table) {
  table["Trilu"] = importTrilu;
  table["CumSum"] = importCumSum;
}
