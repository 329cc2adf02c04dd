//===- ImportIndexing.cpp - ONNX gathers, scatters, selections, BitShift --===//
//
// GatherElements, Scatter/ScatterElements, GatherND, ScatterND, TopK,
// ReverseSequence and MaxUnpool map to tl ops; BitShift to tl.shift_left or
// tl.shift_right.
//
// Compress, NonZero and Unique have output shapes that depend on input
// values, which a tl tensor cannot have (its dims are known before the op
// runs). They import when those values are known at import time
// (initializers, Constant nodes, folded subgraphs, --onnx-constant-input):
// Compress becomes a tl.gather at the selected positions, NonZero and
// Unique fold to constants. Otherwise the error names the input that must
// be known.
//
//===----------------------------------------------------------------------===//

#include "ImporterContext.h"

#include "onnx/onnx_pb.h"

#include <cmath>
#include <map>
#include <numeric>

using namespace mlir;
using namespace mlir::tlc;
using namespace mlir::tlc::onnx_import;

/// A dense i64 constant of `shape`.
static ElementsAttr i64Constant(MLIRContext *context, ArrayRef<int64_t> shape,
                                ArrayRef<int64_t> values) {
  auto type = RankedTensorType::get(shape, IntegerType::get(context, 64));
  return DenseElementsAttr::get(type, values);
}

/// A dense constant of `type` from doubles (integers are exact up to 2^53).
static ElementsAttr denseFromDoubles(RankedTensorType type,
                                     ArrayRef<double> values) {
  Type elementType = type.getElementType();
  SmallVector<Attribute> attrs;
  for (double v : values) {
    if (auto floatType = dyn_cast<FloatType>(elementType)) {
      attrs.push_back(FloatAttr::get(floatType, v));
    } else {
      auto intType = cast<IntegerType>(elementType);
      APInt bits(intType.getWidth(),
                 intType.isUnsigned() ? static_cast<uint64_t>(v)
                                      : static_cast<uint64_t>(
                                            static_cast<int64_t>(v)),
                 /*isSigned=*/!intType.isUnsigned());
      attrs.push_back(IntegerAttr::get(intType, bits));
    }
  }
  return DenseElementsAttr::get(type, attrs);
}

/// The reduction attribute of ScatterElements/ScatterND (opset 16).
static FailureOr<tl::ScatterReduction> getReduction(NodeImporter &node) {
  FailureOr<std::string> name = node.getString("reduction", "none");
  if (failed(name))
    return failure();
  std::optional<tl::ScatterReduction> reduction =
      tl::symbolizeScatterReduction(*name);
  if (!reduction)
    return node.emitError() << "unsupported reduction '" << *name << "'",
           failure();
  return *reduction;
}

/// ScatterElements and the deprecated Scatter (opset 9-10, no reduction).
static LogicalResult importScatterElements(NodeImporter &node) {
  FailureOr<Value> data = node.getInput(0);
  FailureOr<Value> indices = node.getInput(1);
  FailureOr<Value> updates = node.getInput(2);
  FailureOr<int64_t> axis = node.getInt("axis", 0);
  FailureOr<tl::ScatterReduction> reduction = getReduction(node);
  if (failed(data) || failed(indices) || failed(updates) || failed(axis) ||
      failed(reduction))
    return failure();
  return setResult(node,
                   node.create<tl::ScatterElementsOp>(
                       *data, *indices, *updates,
                       node.getBuilder().getI64IntegerAttr(*axis),
                       tl::ScatterReductionAttr::get(node.getContext(),
                                                     *reduction)));
}

static LogicalResult importGatherND(NodeImporter &node) {
  FailureOr<Value> data = node.getInput(0);
  FailureOr<Value> indices = node.getInput(1);
  FailureOr<int64_t> batchDims = node.getInt("batch_dims", 0);
  if (failed(data) || failed(indices) || failed(batchDims))
    return failure();
  return setResult(node, node.create<tl::GatherNDOp>(
                             *data, *indices,
                             node.getBuilder().getI64IntegerAttr(*batchDims)));
}

static LogicalResult importScatterND(NodeImporter &node) {
  FailureOr<Value> data = node.getInput(0);
  FailureOr<Value> indices = node.getInput(1);
  FailureOr<Value> updates = node.getInput(2);
  FailureOr<tl::ScatterReduction> reduction = getReduction(node);
  if (failed(data) || failed(indices) || failed(updates) || failed(reduction))
    return failure();
  return setResult(node, node.create<tl::ScatterNDOp>(
                             *data, *indices, *updates,
                             tl::ScatterReductionAttr::get(node.getContext(),
                                                           *reduction)));
}

static LogicalResult importBitShift(NodeImporter &node) {
  FailureOr<Value> x = node.getInput(0);
  FailureOr<Value> y = node.getInput(1);
  FailureOr<std::string> direction = node.getString("direction", "");
  if (failed(x) || failed(y) || failed(direction))
    return failure();
  if (*direction == "LEFT")
    return setResult(node, node.create<tl::ShiftLeftOp>(*x, *y));
  if (*direction == "RIGHT")
    return setResult(node, node.create<tl::ShiftRightOp>(*x, *y));
  return node.emitError() << "direction must be LEFT or RIGHT, got '"
                          << *direction << "'";
}

/// TopK: `k` is an attribute before opset 10, then an input that must be
/// known at import time (it sets the output shape).
static LogicalResult importTopK(NodeImporter &node) {
  FailureOr<Value> x = node.getInput(0);
  FailureOr<int64_t> axis = node.getInt("axis", -1);
  FailureOr<int64_t> largest = node.getInt("largest", 1);
  if (failed(x) || failed(axis) || failed(largest))
    return failure();
  int64_t k;
  if (node.getOpset() < 10) {
    FailureOr<int64_t> attr = node.getInt("k", -1);
    if (failed(attr))
      return failure();
    k = *attr;
  } else {
    FailureOr<SmallVector<int64_t>> ks = node.getConstantInts(1, "K");
    if (failed(ks))
      return failure();
    if (ks->size() != 1)
      return node.emitError() << "input 'K' must hold one value";
    k = ks->front();
  }
  OpBuilder &b = node.getBuilder();
  FailureOr<SmallVector<Value>> results = node.createMulti<tl::TopKOp>(
      2, *x, b.getI64IntegerAttr(k), b.getI64IntegerAttr(*axis),
      b.getBoolAttr(*largest != 0));
  if (failed(results))
    return failure();
  node.setOutput(0, (*results)[0]);
  if (node.getNumOutputs() > 1)
    node.setOutput(1, (*results)[1]);
  return success();
}

static LogicalResult importReverseSequence(NodeImporter &node) {
  FailureOr<Value> x = node.getInput(0);
  FailureOr<Value> lens = node.getInput(1);
  FailureOr<int64_t> batchAxis = node.getInt("batch_axis", 1);
  FailureOr<int64_t> timeAxis = node.getInt("time_axis", 0);
  if (failed(x) || failed(lens) || failed(batchAxis) || failed(timeAxis))
    return failure();
  OpBuilder &b = node.getBuilder();
  return setResult(node, node.create<tl::ReverseSequenceOp>(
                             *x, *lens, b.getI64IntegerAttr(*batchAxis),
                             b.getI64IntegerAttr(*timeAxis)));
}

/// MaxUnpool: the spatial output shape is `output_shape[2:]` when given
/// (it must be known at import time), else `(in - 1) * stride + kernel -
/// pad_begin - pad_end` per spatial dim.
static LogicalResult importMaxUnpool(NodeImporter &node) {
  FailureOr<Value> x = node.getInput(0);
  FailureOr<Value> indices = node.getInput(1);
  FailureOr<std::optional<SmallVector<int64_t>>> kernel =
      node.getInts("kernel_shape");
  FailureOr<std::optional<SmallVector<int64_t>>> strides =
      node.getInts("strides");
  FailureOr<std::optional<SmallVector<int64_t>>> pads = node.getInts("pads");
  if (failed(x) || failed(indices) || failed(kernel) || failed(strides) ||
      failed(pads))
    return failure();
  RankedTensorType type = getType(*x);
  int64_t spatialRank = type.getRank() - 2;
  if (spatialRank < 1)
    return node.emitError() << "input must be [N, C, D1, ...]";
  SmallVector<int64_t> spatial;
  if (node.hasInput(2)) {
    FailureOr<SmallVector<int64_t>> shape =
        node.getConstantInts(2, "output_shape");
    if (failed(shape))
      return failure();
    if (static_cast<int64_t>(shape->size()) != type.getRank())
      return node.emitError() << "output_shape must have " << type.getRank()
                              << " entries";
    spatial.assign(shape->begin() + 2, shape->end());
  } else {
    if (!*kernel || static_cast<int64_t>((*kernel)->size()) != spatialRank)
      return node.emitError()
             << "kernel_shape must have one entry per spatial dim";
    SmallVector<int64_t> s =
        *strides ? **strides : SmallVector<int64_t>(spatialRank, 1);
    SmallVector<int64_t> p =
        *pads ? **pads : SmallVector<int64_t>(2 * spatialRank, 0);
    if (static_cast<int64_t>(s.size()) != spatialRank ||
        static_cast<int64_t>(p.size()) != 2 * spatialRank)
      return node.emitError() << "strides and pads must match kernel_shape";
    for (int64_t i = 0; i < spatialRank; ++i) {
      int64_t in = type.getDimSize(i + 2);
      if (ShapedType::isDynamic(in))
        return node.emitError()
               << "spatial input dims must be static without output_shape";
      spatial.push_back((in - 1) * s[i] + (**kernel)[i] - p[i] -
                        p[i + spatialRank]);
    }
  }
  return setResult(node, node.create<tl::MaxUnpoolOp>(
                             *x, *indices,
                             node.getBuilder().getDenseI64ArrayAttr(spatial)));
}

//===----------------------------------------------------------------------===//
// Data-dependent output shapes
//===----------------------------------------------------------------------===//

/// Compress: tl.gather of the positions where the (import-time) condition
/// holds, along `axis`, or over the flattened input without one.
static LogicalResult importCompress(NodeImporter &node) {
  FailureOr<Value> x = node.getInput(0);
  if (failed(x))
    return failure();
  FailureOr<SmallVector<int64_t>> condition =
      node.getConstantInts(1, "condition");
  FailureOr<std::optional<int64_t>> axisAttr = node.getOptionalInt("axis");
  if (failed(condition) || failed(axisAttr))
    return failure();
  Value data = *x;
  OpBuilder &b = node.getBuilder();
  int64_t axis = 0;
  if (*axisAttr) {
    FailureOr<int64_t> normalized =
        normalizeAxis(node, **axisAttr, getType(data).getRank());
    if (failed(normalized))
      return failure();
    axis = *normalized;
  } else {
    FailureOr<Value> flat = node.create<tl::ReshapeOp>(
        data, b.getDenseI64ArrayAttr({-1}));
    if (failed(flat))
      return failure();
    data = *flat;
  }
  int64_t size = getType(data).getDimSize(axis);
  SmallVector<int64_t> positions;
  for (auto [i, c] : llvm::enumerate(*condition)) {
    if (!c)
      continue;
    if (!ShapedType::isDynamic(size) && static_cast<int64_t>(i) >= size)
      return node.emitError() << "condition selects position " << i
                              << " beyond the axis size " << size;
    positions.push_back(i);
  }
  Value indices = node.constant(i64Constant(
      node.getContext(), {static_cast<int64_t>(positions.size())}, positions));
  return setResult(node, node.create<tl::GatherOp>(data, indices,
                                                   b.getI64IntegerAttr(axis)));
}

/// NonZero of an import-time input: the [rank, count] constant of the
/// row-major positions of the non-zero elements.
static LogicalResult importNonZero(NodeImporter &node) {
  FailureOr<SmallVector<double>> values = node.getConstantFloats(0, "X");
  if (failed(values))
    return failure();
  ArrayRef<int64_t> shape = node.getInputType(0).getShape();
  int64_t rank = shape.size();
  SmallVector<int64_t> hits;
  for (auto [i, v] : llvm::enumerate(*values))
    if (v != 0)
      hits.push_back(i);
  int64_t count = hits.size();
  SmallVector<int64_t> result(rank * count);
  for (int64_t j = 0; j < count; ++j) {
    int64_t flat = hits[j];
    for (int64_t d = rank - 1; d >= 0; --d) {
      result[d * count + j] = flat % shape[d];
      flat /= shape[d];
    }
  }
  node.setOutputConstant(0,
                         i64Constant(node.getContext(), {rank, count}, result));
  return success();
}

/// Lexicographic order of slices in which NaN is above every number and
/// equal to NaN (numpy's unique collapses NaNs), so that it is a strict weak
/// order for std::map and sorting.
static bool lessSlice(ArrayRef<double> a, ArrayRef<double> b) {
  for (auto [x, y] : llvm::zip(a, b)) {
    bool xNaN = std::isnan(x), yNaN = std::isnan(y);
    if (xNaN && yNaN)
      continue;
    if (xNaN || yNaN)
      return yNaN;
    if (x != y)
      return x < y;
  }
  return false;
}

/// Unique of an import-time input: the four outputs are constants. Slices
/// along `axis` (elements without one) compare lexicographically.
static LogicalResult importUnique(NodeImporter &node) {
  FailureOr<SmallVector<double>> values = node.getConstantFloats(0, "X");
  FailureOr<std::optional<int64_t>> axisAttr = node.getOptionalInt("axis");
  FailureOr<int64_t> sorted = node.getInt("sorted", 1);
  if (failed(values) || failed(axisAttr) || failed(sorted))
    return failure();
  RankedTensorType type = node.getInputType(0);
  SmallVector<int64_t> shape(type.getShape());
  int64_t axis = 0;
  if (*axisAttr) {
    FailureOr<int64_t> normalized = normalizeAxis(node, **axisAttr, shape.size());
    if (failed(normalized))
      return failure();
    axis = *normalized;
  } else {
    shape = {static_cast<int64_t>(values->size())};
  }
  // View the input as [outer, n, inner]; slice s is x[:, s, :].
  int64_t n = shape[axis];
  int64_t outer = 1, inner = 1;
  for (int64_t d = 0; d < axis; ++d)
    outer *= shape[d];
  for (int64_t d = axis + 1; d < static_cast<int64_t>(shape.size()); ++d)
    inner *= shape[d];
  auto slice = [&](int64_t s) {
    SmallVector<double> elements;
    for (int64_t o = 0; o < outer; ++o)
      for (int64_t i = 0; i < inner; ++i)
        elements.push_back((*values)[(o * n + s) * inner + i]);
    return elements;
  };
  // Distinct slices in order of first occurrence.
  auto less = [](const SmallVector<double> &a, const SmallVector<double> &b) {
    return lessSlice(a, b);
  };
  std::map<SmallVector<double>, int64_t, decltype(less)> seen(less);
  SmallVector<SmallVector<double>> uniques;
  SmallVector<int64_t> first, inverse(n), counts;
  for (int64_t s = 0; s < n; ++s) {
    SmallVector<double> key = slice(s);
    auto [it, inserted] = seen.try_emplace(key, uniques.size());
    if (inserted) {
      uniques.push_back(key);
      first.push_back(s);
      counts.push_back(0);
    }
    inverse[s] = it->second;
    ++counts[it->second];
  }
  int64_t u = uniques.size();
  SmallVector<int64_t> order(u);
  std::iota(order.begin(), order.end(), 0);
  if (*sorted)
    llvm::sort(order, [&](int64_t a, int64_t b) {
      return lessSlice(uniques[a], uniques[b]);
    });
  SmallVector<int64_t> rankOf(u);
  for (int64_t r = 0; r < u; ++r)
    rankOf[order[r]] = r;

  SmallVector<int64_t> yShape(shape);
  yShape[axis] = u;
  SmallVector<double> y(outer * u * inner);
  for (int64_t r = 0; r < u; ++r)
    for (int64_t o = 0; o < outer; ++o)
      for (int64_t i = 0; i < inner; ++i)
        y[(o * u + r) * inner + i] = uniques[order[r]][o * inner + i];
  SmallVector<int64_t> firstSorted, countsSorted, inverseSorted;
  for (int64_t r = 0; r < u; ++r) {
    firstSorted.push_back(first[order[r]]);
    countsSorted.push_back(counts[order[r]]);
  }
  for (int64_t s = 0; s < n; ++s)
    inverseSorted.push_back(rankOf[inverse[s]]);

  MLIRContext *context = node.getContext();
  node.setOutputConstant(
      0, denseFromDoubles(RankedTensorType::get(yShape, type.getElementType()),
                          y));
  if (node.getNumOutputs() > 1)
    node.setOutputConstant(1, i64Constant(context, {u}, firstSorted));
  if (node.getNumOutputs() > 2)
    node.setOutputConstant(2, i64Constant(context, {n}, inverseSorted));
  if (node.getNumOutputs() > 3)
    node.setOutputConstant(3, i64Constant(context, {u}, countsSorted));
  return success();
}

void mlir::tlc::onnx_import::addIndexingImporters(ImportTable &table) {
  table["GatherElements"] = importAxisGather<tl::GatherElementsOp>;
  table["ScatterElements"] = importScatterElements;
  table["Scatter"] = importScatterElements;
  table["GatherND"] = importGatherND;
  table["ScatterND"] = importScatterND;
  table["BitShift"] = importBitShift;
  table["TopK"] = importTopK;
  table["ReverseSequence"] = importReverseSequence;
  table["MaxUnpool"] = importMaxUnpool;
  table["Compress"] = importCompress;
  table["NonZero"] = importNonZero;
  table["Unique"] = importUnique;
}
