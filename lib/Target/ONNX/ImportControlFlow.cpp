//===- ImportControlFlow.cpp - ONNX If, Loop and Scan ---------------------===//
//
// The branches and the loop body are ONNX subgraphs, imported into the
// regions of tl.if / tl.loop; their references to outer values become plain
// uses of values defined above. Result and loop-carried types are the join
// of what the regions produce (dynamic where shapes differ). Scan is a
// tl.loop over the scan axis whose body gathers each step's elements.
//
//===----------------------------------------------------------------------===//

#include "ImporterContext.h"

#include "onnx/onnx_pb.h"

#include <memory>

using namespace mlir;
using namespace mlir::tlc;
using namespace mlir::tlc::onnx_import;

/// The most static type both `a` and `b` conform to, or null when their
/// element types or ranks differ.
static RankedTensorType join(Type a, Type b) {
  auto ta = dyn_cast<RankedTensorType>(a), tb = dyn_cast<RankedTensorType>(b);
  if (!ta || !tb || ta.getElementType() != tb.getElementType() ||
      ta.getRank() != tb.getRank())
    return {};
  SmallVector<int64_t> shape;
  for (auto [x, y] : llvm::zip(ta.getShape(), tb.getShape()))
    shape.push_back(x == y ? x : ShapedType::kDynamic);
  return RankedTensorType::get(shape, ta.getElementType());
}

static RankedTensorType scalarType(OpBuilder &b, Type element) {
  return RankedTensorType::get({}, element);
}

static LogicalResult importIf(NodeImporter &node) {
  FailureOr<Value> cond = node.getInput(0);
  if (failed(cond))
    return failure();
  auto thenBlock = std::make_unique<Block>();
  auto elseBlock = std::make_unique<Block>();
  FailureOr<SmallVector<Value>> thenValues =
      node.importSubgraph("then_branch", thenBlock.get());
  if (failed(thenValues))
    return failure();
  FailureOr<SmallVector<Value>> elseValues =
      node.importSubgraph("else_branch", elseBlock.get());
  if (failed(elseValues))
    return failure();
  if (thenValues->size() != elseValues->size())
    return node.emitError() << "the branches return " << thenValues->size()
                            << " and " << elseValues->size() << " values";
  SmallVector<Type> types;
  for (auto [i, pair] : llvm::enumerate(llvm::zip(*thenValues, *elseValues))) {
    RankedTensorType type =
        join(std::get<0>(pair).getType(), std::get<1>(pair).getType());
    if (!type)
      return node.emitError()
             << "output #" << i << " has type " << std::get<0>(pair).getType()
             << " in then_branch but " << std::get<1>(pair).getType()
             << " in else_branch";
    types.push_back(type);
  }
  OpBuilder &b = node.getBuilder();
  Location loc = node.getLoc();
  {
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToEnd(thenBlock.get());
    tl::YieldOp::create(b, loc, *thenValues);
    b.setInsertionPointToEnd(elseBlock.get());
    tl::YieldOp::create(b, loc, *elseValues);
  }
  auto op = tl::IfOp::create(b, loc, types, *cond);
  op.getThenRegion().push_back(thenBlock.release());
  op.getElseRegion().push_back(elseBlock.release());
  for (unsigned i = 0; i < op.getNumResults(); ++i)
    node.setOutput(i, op.getResult(i));
  return success();
}

static LogicalResult importLoop(NodeImporter &node) {
  OpBuilder &b = node.getBuilder();
  Location loc = node.getLoc();
  Value max, cond;
  if (node.hasInput(0)) {
    FailureOr<Value> value = node.getInput(0);
    if (failed(value))
      return failure();
    max = *value;
  }
  if (node.hasInput(1)) {
    FailureOr<Value> value = node.getInput(1);
    if (failed(value))
      return failure();
    cond = *value;
  }
  SmallVector<Value> inits;
  for (unsigned i = 2; i < node.getNumInputs(); ++i) {
    FailureOr<Value> value = node.getInput(i);
    if (failed(value))
      return failure();
    inits.push_back(*value);
  }
  const onnx::GraphProto *body = node.getSubgraph("body");
  if (!body)
    return failure();
  if (body->output_size() < static_cast<int>(inits.size()) + 1)
    return node.emitError() << "the body returns " << body->output_size()
                            << " values, expected at least "
                            << inits.size() + 1;

  // Import with the initial types; where an iteration changes a
  // loop-carried value's shape, again with the join of both.
  SmallVector<Type> carriedTypes(ValueRange(inits).getTypes());
  std::unique_ptr<Block> block;
  SmallVector<Value> yielded;
  for (int attempt = 0;; ++attempt) {
    block = std::make_unique<Block>();
    block->addArgument(scalarType(b, b.getI64Type()), loc);
    block->addArgument(scalarType(b, b.getI1Type()), loc);
    for (Type type : carriedTypes)
      block->addArgument(type, loc);
    FailureOr<SmallVector<Value>> values = node.importSubgraph("body", block.get());
    if (failed(values))
      return failure();
    yielded = std::move(*values);
    bool changed = false;
    for (unsigned i = 0; i < carriedTypes.size(); ++i) {
      Type result = yielded[1 + i].getType();
      RankedTensorType joined = join(carriedTypes[i], result);
      if (!joined)
        return node.emitError() << "loop-carried value #" << i << " changes "
                                << "from " << carriedTypes[i] << " to "
                                << result;
      changed |= joined != carriedTypes[i];
      carriedTypes[i] = joined;
    }
    if (!changed)
      break;
    if (attempt == 1)
      return node.emitError() << "loop-carried types do not settle";
  }
  auto condType = dyn_cast<RankedTensorType>(yielded[0].getType());
  if (!condType || condType.getRank() != 0 ||
      !condType.getElementType().isInteger(1))
    return node.emitError() << "the body's condition output must be a "
                               "boolean scalar, got "
                            << yielded[0].getType();
  SmallVector<Type> resultTypes(carriedTypes);
  for (unsigned i = 1 + inits.size(); i < yielded.size(); ++i) {
    auto element = cast<RankedTensorType>(yielded[i].getType());
    SmallVector<int64_t> shape = {ShapedType::kDynamic};
    llvm::append_range(shape, element.getShape());
    resultTypes.push_back(RankedTensorType::get(shape, element.getElementType()));
  }
  {
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToEnd(block.get());
    tl::YieldOp::create(b, loc, yielded);
  }
  auto op = tl::LoopOp::create(b, loc, resultTypes, max, cond, inits);
  op.getBody().push_back(block.release());
  for (unsigned i = 0; i < op.getNumResults(); ++i)
    node.setOutput(i, op.getResult(i));
  return success();
}

/// The integer list attribute `name` is absent or all `value`.
static FailureOr<bool> isAll(NodeImporter &node, StringRef name,
                             int64_t value) {
  FailureOr<std::optional<SmallVector<int64_t>>> list = node.getInts(name);
  if (failed(list))
    return failure();
  return !*list || llvm::all_of(**list, [&](int64_t v) { return v == value; });
}

/// Scan (opset 9 on; opset 8 with a batch dim of 1 and no sequence_lens):
/// loop-carried states and scan elements along axis 0, forward.
static LogicalResult importScan(NodeImporter &node) {
  OpBuilder &b = node.getBuilder();
  Location loc = node.getLoc();
  bool batched = node.getOpset() < 9;
  FailureOr<int64_t> numScans = node.getInt("num_scan_inputs", -1);
  if (failed(numScans))
    return failure();
  unsigned first = batched ? 1 : 0;
  if (*numScans < 1 || first + *numScans > node.getNumInputs())
    return node.emitError() << "num_scan_inputs must be in [1, "
                            << node.getNumInputs() - first << "]";
  if (batched && node.hasInput(0))
    return node.emitError() << "sequence_lens is not supported";
  for (StringRef name : {"directions", "scan_input_directions",
                         "scan_output_directions", "scan_input_axes",
                         "scan_output_axes"}) {
    FailureOr<bool> defaults = isAll(node, name, 0);
    if (failed(defaults))
      return failure();
    if (!*defaults)
      return node.emitError() << "only scanning forward along axis 0 is "
                                 "supported ('"
                              << name << "')";
  }
  // Opset 8 has a leading batch dim: supported when it is 1.
  auto unbatch = [&](Value value) -> FailureOr<Value> {
    if (!batched)
      return value;
    auto type = cast<RankedTensorType>(value.getType());
    if (type.getRank() < 1 || type.getDimSize(0) != 1)
      return node.emitError() << "only a batch size of 1 is supported",
             failure();
    return node.create<tl::SqueezeOp>(value, b.getDenseI64ArrayAttr({0}));
  };
  SmallVector<Value> states, scans;
  unsigned numStates = node.getNumInputs() - first - *numScans;
  for (unsigned i = first; i < node.getNumInputs(); ++i) {
    FailureOr<Value> value = node.getInput(i);
    if (failed(value) || failed(value = unbatch(*value)))
      return failure();
    (i < first + numStates ? states : scans).push_back(*value);
  }
  auto scanType = cast<RankedTensorType>(scans.front().getType());
  if (scanType.getRank() < 1 || scanType.isDynamicDim(0))
    return node.emitError() << "the scan axis must have a static size";
  int64_t steps = scanType.getDimSize(0);
  Value max = node.scalar(b.getI64Type(), steps);

  auto block = std::make_unique<Block>();
  block->addArgument(scalarType(b, b.getI64Type()), loc);
  block->addArgument(scalarType(b, b.getI1Type()), loc);
  SmallVector<Value> bodyInputs;
  for (Value state : states)
    bodyInputs.push_back(block->addArgument(state.getType(), loc));
  {
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToEnd(block.get());
    for (Value scan : scans) {
      FailureOr<Value> element = node.create<tl::GatherOp>(
          scan, block->getArgument(0), b.getI64IntegerAttr(0));
      if (failed(element))
        return failure();
      bodyInputs.push_back(*element);
    }
  }
  FailureOr<SmallVector<Value>> yielded =
      node.importSubgraph("body", block.get(), bodyInputs);
  if (failed(yielded))
    return failure();
  if (yielded->size() < numStates)
    return node.emitError() << "the body returns fewer values than states";
  SmallVector<Type> resultTypes(ValueRange(states).getTypes());
  for (unsigned i = numStates; i < yielded->size(); ++i) {
    auto element = cast<RankedTensorType>((*yielded)[i].getType());
    SmallVector<int64_t> shape = {steps};
    llvm::append_range(shape, element.getShape());
    resultTypes.push_back(RankedTensorType::get(shape, element.getElementType()));
  }
  SmallVector<Value> yields = {block->getArgument(1)};
  llvm::append_range(yields, *yielded);
  {
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToEnd(block.get());
    tl::YieldOp::create(b, loc, yields);
  }
  auto op = tl::LoopOp::create(b, loc, resultTypes, max, Value(), states);
  op.getBody().push_back(block.release());
  for (unsigned i = 0; i < op.getNumResults(); ++i) {
    Value result = op.getResult(i);
    if (batched) {
      FailureOr<Value> batchedResult =
          node.create<tl::UnsqueezeOp>(result, b.getDenseI64ArrayAttr({0}));
      if (failed(batchedResult))
        return failure();
      result = *batchedResult;
    }
    node.setOutput(i, result);
  }
  return success();
}

void mlir::tlc::onnx_import::addControlFlowImporters(ImportTable &table) {
  table["Scan"] = importScan;
  table["If"] = importIf;
  table["Loop"] = importLoop;
}
