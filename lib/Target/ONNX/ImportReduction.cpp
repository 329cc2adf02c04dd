//===- ImportReduction.cpp - ONNX Reduce* and ArgMax/ArgMin ---------------===//
//
// ReduceSum/Mean/Max/Min/Prod map to tl reductions; ReduceL1, ReduceL2,
// ReduceLogSum, ReduceLogSumExp and ReduceSumSquare are decomposed into
// them. Axes are an attribute, except for ReduceSum since opset 13 where they
// are an optional input (with noop_with_empty_axes).
//
//===----------------------------------------------------------------------===//

#include "ImporterContext.h"

using namespace mlir;
using namespace mlir::tlc;
using namespace mlir::tlc::onnx_import;

namespace {
/// The reduction arguments of a node: nullopt axes reduce everything.
struct ReduceArgs {
  Value input;
  DenseI64ArrayAttr axes;
  bool keepdims = true;
  /// ReduceSum-13 with empty axes and noop_with_empty_axes: the identity.
  bool noop = false;
};
} // namespace

static FailureOr<ReduceArgs> getReduceArgs(NodeImporter &node) {
  ReduceArgs args;
  FailureOr<Value> input = node.getInput(0);
  FailureOr<int64_t> keepdims = node.getInt("keepdims", 1);
  if (failed(input) || failed(keepdims))
    return failure();
  args.input = *input;
  args.keepdims = *keepdims != 0;
  std::optional<SmallVector<int64_t>> axes;
  if (node.getOpType() == "ReduceSum" && node.getOpset() >= 13) {
    FailureOr<int64_t> noop = node.getInt("noop_with_empty_axes", 0);
    if (failed(noop))
      return failure();
    if (node.hasInput(1)) {
      FailureOr<SmallVector<int64_t>> values =
          node.getConstantInts(1, "axes");
      if (failed(values))
        return failure();
      axes = *values;
    }
    if ((!axes || axes->empty()) && *noop) {
      args.noop = true;
      return args;
    }
  } else {
    FailureOr<std::optional<SmallVector<int64_t>>> values =
        node.getInts("axes");
    if (failed(values))
      return failure();
    axes = *values;
  }
  if (axes && !axes->empty())
    args.axes = node.getBuilder().getDenseI64ArrayAttr(*axes);
  return args;
}

template <typename OpTy>
static FailureOr<Value> reduce(NodeImporter &node, Value input,
                               const ReduceArgs &args, bool keepdims) {
  return node.create<OpTy>(input, args.axes,
                           node.getBuilder().getBoolAttr(keepdims));
}

enum class Decomposition { None, L1, L2, LogSum, LogSumExp, SumSquare };

template <typename OpTy, Decomposition kind = Decomposition::None>
static LogicalResult importReduce(NodeImporter &node) {
  FailureOr<ReduceArgs> args = getReduceArgs(node);
  if (failed(args))
    return failure();
  if (args->noop) {
    node.setOutput(0, args->input);
    return success();
  }
  Value x = args->input;
  FailureOr<Value> result;
  switch (kind) {
  case Decomposition::None:
    result = reduce<OpTy>(node, x, *args, args->keepdims);
    break;
  case Decomposition::L1: {
    FailureOr<Value> abs = node.create<tl::AbsOp>(x);
    result = failed(abs) ? abs
                         : reduce<tl::ReduceSumOp>(node, *abs, *args,
                                                   args->keepdims);
    break;
  }
  case Decomposition::L2:
  case Decomposition::SumSquare: {
    FailureOr<Value> square = node.create<tl::MulOp>(x, x);
    result = failed(square) ? square
                            : reduce<tl::ReduceSumOp>(node, *square, *args,
                                                      args->keepdims);
    if (succeeded(result) && kind == Decomposition::L2)
      result = node.create<tl::SqrtOp>(*result);
    break;
  }
  case Decomposition::LogSum: {
    result = reduce<tl::ReduceSumOp>(node, x, *args, args->keepdims);
    if (succeeded(result))
      result = node.create<tl::LogOp>(*result);
    break;
  }
  case Decomposition::LogSumExp: {
    // log(sum(exp(x - m))) + m with m = max(x): no overflow in exp.
    FailureOr<Value> max = reduce<tl::ReduceMaxOp>(node, x, *args, true);
    FailureOr<Value> shifted =
        failed(max) ? max : node.create<tl::SubOp>(x, *max);
    FailureOr<Value> exp =
        failed(shifted) ? shifted : node.create<tl::ExpOp>(*shifted);
    FailureOr<Value> sum =
        failed(exp) ? exp
                    : reduce<tl::ReduceSumOp>(node, *exp, *args, args->keepdims);
    FailureOr<Value> log = failed(sum) ? sum : node.create<tl::LogOp>(*sum);
    FailureOr<Value> offset =
        failed(log) || args->keepdims
            ? max
            : reduce<tl::ReduceMaxOp>(node, x, *args, false);
    if (failed(log) || failed(offset))
      return failure();
    result = node.create<tl::AddOp>(*log, *offset);
    break;
  }
  }
  if (failed(result))
    return failure();
  node.setOutput(0, *result);
  return success();
}

template <typename OpTy>
static LogicalResult importArgReduce(NodeImporter &node) {
  FailureOr<Value> x = node.getInput(0);
  FailureOr<int64_t> axis = node.getInt("axis", 0);
  FailureOr<int64_t> keepdims = node.getInt("keepdims", 1);
  FailureOr<int64_t> last = node.getInt("select_last_index", 0);
  if (failed(x) || failed(axis) || failed(keepdims) || failed(last))
    return failure();
  OpBuilder &b = node.getBuilder();
  FailureOr<Value> result =
      node.create<OpTy>(*x, b.getI64IntegerAttr(*axis),
                        b.getBoolAttr(*keepdims != 0), b.getBoolAttr(*last != 0));
  if (failed(result))
    return failure();
  node.setOutput(0, *result);
  return success();
}

void mlir::tlc::onnx_import::addReductionImporters(ImportTable &table) {
  table["ReduceSum"] = importReduce<tl::ReduceSumOp>;
  table["ReduceMean"] = importReduce<tl::ReduceMeanOp>;
  table["ReduceMax"] = importReduce<tl::ReduceMaxOp>;
  table["ReduceMin"] = importReduce<tl::ReduceMinOp>;
  table["ReduceProd"] = importReduce<tl::ReduceProdOp>;
  table["ReduceL1"] = importReduce<tl::ReduceSumOp, Decomposition::L1>;
  table["ReduceL2"] = importReduce<tl::ReduceSumOp, Decomposition::L2>;
  table["ReduceLogSum"] = importReduce<tl::ReduceSumOp, Decomposition::LogSum>;
  table["ReduceLogSumExp"] =
      importReduce<tl::ReduceSumOp, Decomposition::LogSumExp>;
  table["ReduceSumSquare"] =
      importReduce<tl::ReduceSumOp, Decomposition::SumSquare>;
  table["ArgMax"] = importArgReduce<tl::ArgMaxOp>;
  table["ArgMin"] = importArgReduce<tl::ArgMinOp>;
}
