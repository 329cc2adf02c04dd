//===- ImportNN.cpp - ONNX Gemm, MatMul, Conv, pooling, normalization -----===//

#include "ImporterContext.h"

#include <cstring>

using namespace mlir;
using namespace mlir::tlc;
using namespace mlir::tlc::onnx_import;

/// `values` as an attribute, or null when every entry equals `fill` (the
/// tl op's default).
static DenseI64ArrayAttr optionalArray(OpBuilder &b, ArrayRef<int64_t> values,
                                       int64_t fill) {
  if (llvm::all_of(values, [&](int64_t v) { return v == fill; }))
    return {};
  return b.getDenseI64ArrayAttr(values);
}

//===----------------------------------------------------------------------===//
// Gemm / MatMul
//===----------------------------------------------------------------------===//

/// A 2-D constant transposed at import time (tl.dense takes [in, out]
/// weights, ONNX Gemm with transB = 1 stores [out, in]).
static ElementsAttr transposeConstant(NodeImporter &node, ElementsAttr attr) {
  auto type = cast<RankedTensorType>(attr.getType());
  auto transposedType = RankedTensorType::get(
      {type.getDimSize(1), type.getDimSize(0)}, type.getElementType());
  if (auto dense = dyn_cast<DenseElementsAttr>(attr))
    if (dense.isSplat())
      return dense.resizeSplat(transposedType);
  std::optional<ArrayRef<char>> bytes = getRawBytes(attr);
  if (!bytes)
    return {};
  int64_t rows = type.getDimSize(0), cols = type.getDimSize(1);
  size_t width = bytes->size() / std::max<int64_t>(1, rows * cols);
  std::vector<char> result(bytes->size());
  for (int64_t r = 0; r < rows; ++r)
    for (int64_t c = 0; c < cols; ++c)
      std::memcpy(result.data() + (c * rows + r) * width,
                  bytes->data() + (r * cols + c) * width, width);
  return makeElementsAttr(transposedType, result,
                          (node.getInputName(1) + "_transposed").str(),
                          node.getOptions().maxInlineElements);
}

/// The same elements with another (static) shape.
static ElementsAttr reshapeConstant(NodeImporter &node, ElementsAttr attr,
                                    ArrayRef<int64_t> shape) {
  auto type = RankedTensorType::get(
      shape, cast<RankedTensorType>(attr.getType()).getElementType());
  if (auto dense = dyn_cast<DenseElementsAttr>(attr))
    return dense.reshape(type);
  std::optional<ArrayRef<char>> bytes = getRawBytes(attr);
  return makeElementsAttr(type, *bytes, node.getInputName(2),
                          node.getOptions().maxInlineElements);
}

/// Gemm: Y = alpha * A' * B' + beta * C, as tl.dense (weight [K, N], bias
/// [N]) for floats, tl.matmul for integers.
static LogicalResult importGemm(NodeImporter &node) {
  FailureOr<Value> a = node.getInput(0);
  FailureOr<int64_t> transA = node.getInt("transA", 0);
  FailureOr<int64_t> transB = node.getInt("transB", 0);
  FailureOr<double> alpha = node.getFloat("alpha", 1.0);
  FailureOr<double> beta = node.getFloat("beta", 1.0);
  if (failed(a) || failed(transA) || failed(transB) || failed(alpha) ||
      failed(beta))
    return failure();
  if (*transA) {
    a = node.create<tl::TransposeOp>(*a, DenseI64ArrayAttr());
    if (failed(a))
      return failure();
  }
  FailureOr<Value> b;
  ElementsAttr bConstant = node.getInputConstant(1);
  if (*transB && bConstant && node.getInputType(1).getRank() == 2) {
    ElementsAttr transposed = transposeConstant(node, bConstant);
    b = transposed ? FailureOr<Value>(node.constant(transposed))
                   : node.create<tl::TransposeOp>(node.constant(bConstant),
                                                  DenseI64ArrayAttr());
  } else {
    b = node.getInput(1);
    if (succeeded(b) && *transB)
      b = node.create<tl::TransposeOp>(*b, DenseI64ArrayAttr());
  }
  if (failed(b))
    return failure();

  Type elementType = getType(*a).getElementType();
  bool isFloat = isa<FloatType>(elementType);
  // A bias of [N] (or [1, N], reshaped) goes into tl.dense when no scaling
  // sits between the product and the addition.
  Value bias;
  Value c;
  if (node.hasInput(2)) {
    FailureOr<Value> cValue = node.getInput(2);
    if (failed(cValue))
      return failure();
    c = *cValue;
    RankedTensorType cType = getType(c);
    int64_t n = getType(*b).getRank() == 2 ? getType(*b).getDimSize(1)
                                           : ShapedType::kDynamic;
    bool matchesN = !ShapedType::isDynamic(n) && cType.getNumElements() == n &&
                    cType.hasStaticShape() &&
                    (cType.getRank() == 1 ||
                     (cType.getRank() == 2 && cType.getDimSize(0) == 1));
    if (isFloat && *alpha == 1.0 && *beta == 1.0 && matchesN) {
      if (cType.getRank() == 2) {
        ElementsAttr constant = node.getInputConstant(2);
        FailureOr<Value> flat =
            constant ? FailureOr<Value>(node.constant(
                           reshapeConstant(node, constant, {n})))
                     : node.create<tl::ReshapeOp>(
                           c, node.getBuilder().getDenseI64ArrayAttr({n}));
        if (failed(flat))
          return failure();
        bias = *flat;
      } else {
        bias = c;
      }
      c = Value();
    }
  }
  FailureOr<Value> y = isFloat ? node.create<tl::DenseOp>(*a, *b, bias)
                               : node.create<tl::MatMulOp>(*a, *b);
  if (failed(y))
    return failure();
  if (*alpha != 1.0)
    y = node.create<tl::MulOp>(*y, node.scalar(elementType, *alpha));
  if (succeeded(y) && c) {
    if (*beta != 1.0) {
      FailureOr<Value> scaled =
          node.create<tl::MulOp>(c, node.scalar(elementType, *beta));
      if (failed(scaled))
        return failure();
      c = *scaled;
    }
    y = node.create<tl::AddOp>(*y, c);
  }
  return setResult(node, y);
}

static LogicalResult importMatMul(NodeImporter &node) {
  FailureOr<Value> a = node.getInput(0);
  FailureOr<Value> b = node.getInput(1);
  if (failed(a) || failed(b))
    return failure();
  return setResult(node, node.create<tl::MatMulOp>(*a, *b));
}

//===----------------------------------------------------------------------===//
// Window attributes (Conv, ConvTranspose, pooling)
//===----------------------------------------------------------------------===//

namespace {
struct Window {
  SmallVector<int64_t> kernel, strides, pads, dilations;
};
} // namespace

/// Reads kernel_shape (or `kernelFromWeight`), strides, dilations, pads and
/// auto_pad. SAME_* pads are computed so that the output size is
/// ceil(input / stride); they need static spatial input dims.
static FailureOr<Window> getWindow(NodeImporter &node,
                                   RankedTensorType inputType,
                                   ArrayRef<int64_t> kernelFromWeight,
                                   bool hasDilations) {
  int64_t spatial = inputType.getRank() - 2;
  if (spatial < 1)
    return node.emitError() << "input must have at least one spatial dim, got "
                               "rank "
                            << inputType.getRank();
  Window w;
  FailureOr<std::optional<SmallVector<int64_t>>> kernel =
      node.getInts("kernel_shape");
  FailureOr<std::optional<SmallVector<int64_t>>> strides =
      node.getInts("strides");
  FailureOr<std::optional<SmallVector<int64_t>>> pads = node.getInts("pads");
  FailureOr<std::optional<SmallVector<int64_t>>> dilations =
      node.getInts("dilations");
  FailureOr<std::string> autoPad = node.getString("auto_pad", "NOTSET");
  if (failed(kernel) || failed(strides) || failed(pads) || failed(dilations) ||
      failed(autoPad))
    return failure();
  if (*kernel)
    w.kernel = **kernel;
  else
    w.kernel.assign(kernelFromWeight.begin(), kernelFromWeight.end());
  if (static_cast<int64_t>(w.kernel.size()) != spatial)
    return node.emitError() << "kernel_shape must have " << spatial
                            << " entries";
  if (!kernelFromWeight.empty())
    for (auto [k, fromWeight] : llvm::zip(w.kernel, kernelFromWeight))
      if (!ShapedType::isDynamic(fromWeight) && k != fromWeight)
        return node.emitError()
               << "kernel_shape does not match the weight's spatial dims";
  w.strides = strides->value_or(SmallVector<int64_t>(spatial, 1));
  w.dilations = dilations->value_or(SmallVector<int64_t>(spatial, 1));
  if (!hasDilations && *dilations)
    return node.emitError() << "dilations are not supported";
  if (static_cast<int64_t>(w.strides.size()) != spatial ||
      static_cast<int64_t>(w.dilations.size()) != spatial)
    return node.emitError() << "strides and dilations must have " << spatial
                            << " entries";
  auto positive = [](ArrayRef<int64_t> values) {
    return llvm::all_of(values, [](int64_t v) { return v > 0; });
  };
  if (!positive(w.strides) || !positive(w.dilations) ||
      !llvm::all_of(w.kernel, [](int64_t k) {
        return k > 0 || ShapedType::isDynamic(k);
      }))
    return node.emitError()
           << "kernel_shape, strides and dilations must be positive";

  StringRef mode = *autoPad;
  if (mode == "NOTSET") {
    w.pads = pads->value_or(SmallVector<int64_t>(2 * spatial, 0));
    return w;
  }
  if (mode == "VALID") {
    w.pads.assign(2 * spatial, 0);
    return w;
  }
  if (mode != "SAME_UPPER" && mode != "SAME_LOWER")
    return node.emitError() << "unsupported auto_pad '" << mode << "'";
  w.pads.assign(2 * spatial, 0);
  for (int64_t i = 0; i < spatial; ++i) {
    int64_t size = inputType.getDimSize(i + 2);
    if (ShapedType::isDynamic(size) || ShapedType::isDynamic(w.kernel[i]))
      return node.emitError() << "auto_pad " << mode
                              << " needs static spatial dims";
    int64_t out = (size + w.strides[i] - 1) / w.strides[i];
    int64_t total = std::max<int64_t>(
        0, (out - 1) * w.strides[i] + (w.kernel[i] - 1) * w.dilations[i] + 1 -
               size);
    int64_t small = total / 2;
    bool upper = mode == "SAME_UPPER";
    w.pads[i] = upper ? small : total - small;
    w.pads[i + spatial] = upper ? total - small : small;
  }
  return w;
}

static SmallVector<int64_t> getSpatialDims(RankedTensorType type) {
  return SmallVector<int64_t>(type.getShape().drop_front(2));
}

//===----------------------------------------------------------------------===//
// Conv / ConvTranspose
//===----------------------------------------------------------------------===//

FailureOr<Value> mlir::tlc::onnx_import::buildConv(NodeImporter &node, Value x,
                                                   Value w, Value bias) {
  FailureOr<int64_t> group = node.getInt("group", 1);
  if (failed(group))
    return failure();
  RankedTensorType wType = getType(w);
  if (wType.getRank() != getType(x).getRank())
    return node.emitError() << "weight rank " << wType.getRank()
                            << " does not match input rank "
                            << getType(x).getRank();
  FailureOr<Window> window =
      getWindow(node, getType(x), getSpatialDims(wType), true);
  if (failed(window))
    return failure();
  OpBuilder &b = node.getBuilder();
  return node.create<tl::ConvOp>(x, w, bias,
                                 optionalArray(b, window->strides, 1),
                                 optionalArray(b, window->pads, 0),
                                 optionalArray(b, window->dilations, 1),
                                 b.getI64IntegerAttr(*group));
}

static LogicalResult importConv(NodeImporter &node) {
  FailureOr<Value> x = node.getInput(0);
  FailureOr<Value> w = node.getInput(1);
  if (failed(x) || failed(w))
    return failure();
  Value bias;
  if (node.hasInput(2)) {
    FailureOr<Value> b = node.getInput(2);
    if (failed(b))
      return failure();
    bias = *b;
  }
  return setResult(node, buildConv(node, *x, *w, bias));
}

static LogicalResult importConvTranspose(NodeImporter &node) {
  FailureOr<Value> x = node.getInput(0);
  FailureOr<Value> w = node.getInput(1);
  if (failed(x) || failed(w))
    return failure();
  Value bias;
  if (node.hasInput(2)) {
    FailureOr<Value> b = node.getInput(2);
    if (failed(b))
      return failure();
    bias = *b;
  }
  RankedTensorType xType = getType(*x), wType = getType(*w);
  int64_t spatial = xType.getRank() - 2;
  if (spatial < 1 || wType.getRank() != xType.getRank())
    return node.emitError() << "expects input and weight of equal rank >= 3";
  FailureOr<int64_t> group = node.getInt("group", 1);
  FailureOr<std::optional<SmallVector<int64_t>>> outputShape =
      node.getInts("output_shape");
  FailureOr<std::optional<SmallVector<int64_t>>> outputPaddingAttr =
      node.getInts("output_padding");
  FailureOr<std::string> autoPad = node.getString("auto_pad", "NOTSET");
  if (failed(group) || failed(outputShape) || failed(outputPaddingAttr) ||
      failed(autoPad))
    return failure();
  SmallVector<int64_t> outputPadding =
      outputPaddingAttr->value_or(SmallVector<int64_t>(spatial, 0));
  if (static_cast<int64_t>(outputPadding.size()) != spatial)
    return node.emitError() << "output_padding must have " << spatial
                            << " entries";

  // SAME_* and output_shape determine the pads (ONNX ConvTranspose spec):
  // total = stride * (in - 1) + output_padding + (k - 1) * dilation + 1 - out,
  // the odd pad at the end for SAME_UPPER and at the begin otherwise.
  std::optional<SmallVector<int64_t>> targetShape;
  if (*outputShape) {
    SmallVector<int64_t> shape = **outputShape;
    if (static_cast<int64_t>(shape.size()) == spatial + 2)
      shape.erase(shape.begin(), shape.begin() + 2);
    if (static_cast<int64_t>(shape.size()) != spatial)
      return node.emitError() << "output_shape must have " << spatial
                              << " entries";
    targetShape = shape;
  }
  StringRef mode = *autoPad;
  bool same = mode == "SAME_UPPER" || mode == "SAME_LOWER";
  if (!same && mode != "NOTSET" && mode != "VALID")
    return node.emitError() << "unsupported auto_pad '" << mode << "'";

  FailureOr<Window> window =
      getWindow(node, xType, getSpatialDims(wType), true);
  if (failed(window))
    return failure();
  if (same && !targetShape) {
    SmallVector<int64_t> shape;
    for (int64_t i = 0; i < spatial; ++i) {
      int64_t size = xType.getDimSize(i + 2);
      if (ShapedType::isDynamic(size))
        return node.emitError() << "auto_pad " << mode
                                << " needs static spatial dims";
      shape.push_back(size * window->strides[i]);
    }
    targetShape = shape;
  }
  if (mode == "VALID")
    window->pads.assign(2 * spatial, 0);
  if (targetShape) {
    for (int64_t i = 0; i < spatial; ++i) {
      int64_t size = xType.getDimSize(i + 2);
      if (ShapedType::isDynamic(size) ||
          ShapedType::isDynamic(window->kernel[i]))
        return node.emitError() << "output_shape needs static spatial dims";
      int64_t total = window->strides[i] * (size - 1) + outputPadding[i] +
                      (window->kernel[i] - 1) * window->dilations[i] + 1 -
                      (*targetShape)[i];
      if (total < 0) {
        // The output is larger than the natural size: extend at the end.
        outputPadding[i] += -total;
        total = 0;
      }
      int64_t small = total / 2;
      bool upper = mode == "SAME_UPPER";
      window->pads[i] = upper ? small : total - small;
      window->pads[i + spatial] = upper ? total - small : small;
    }
  }
  OpBuilder &b = node.getBuilder();
  return setResult(
      node, node.create<tl::ConvTransposeOp>(
                *x, *w, bias, optionalArray(b, window->strides, 1),
                optionalArray(b, window->pads, 0),
                optionalArray(b, window->dilations, 1),
                optionalArray(b, outputPadding, 0),
                b.getI64IntegerAttr(*group)));
}

//===----------------------------------------------------------------------===//
// Pooling
//===----------------------------------------------------------------------===//

static LogicalResult importMaxPool(NodeImporter &node) {
  FailureOr<Value> x = node.getInput(0);
  if (failed(x))
    return failure();
  if (!node.hasAttr("kernel_shape"))
    return node.emitError() << "requires kernel_shape";
  FailureOr<Window> window = getWindow(node, getType(*x), {}, true);
  FailureOr<int64_t> ceilMode = node.getInt("ceil_mode", 0);
  FailureOr<int64_t> storageOrder = node.getInt("storage_order", 0);
  if (failed(window) || failed(ceilMode) || failed(storageOrder))
    return failure();
  OpBuilder &b = node.getBuilder();
  DenseI64ArrayAttr kernel = b.getDenseI64ArrayAttr(window->kernel);
  DenseI64ArrayAttr strides = optionalArray(b, window->strides, 1);
  DenseI64ArrayAttr pads = optionalArray(b, window->pads, 0);
  DenseI64ArrayAttr dilations = optionalArray(b, window->dilations, 1);
  BoolAttr ceil = b.getBoolAttr(*ceilMode != 0);
  if (!node.isOutputUsed(1))
    return setResult(node, node.create<tl::MaxPoolOp>(*x, kernel, strides,
                                                      pads, dilations, ceil));
  // The argmax indices (output 1).
  if (*storageOrder != 0 && *storageOrder != 1)
    return node.emitError() << "storage_order must be 0 or 1, got "
                            << *storageOrder;
  auto order = *storageOrder ? tl::StorageOrder::column_major
                             : tl::StorageOrder::row_major;
  FailureOr<SmallVector<Value>> results =
      node.createMulti<tl::MaxPoolWithIndicesOp>(
          2, *x, kernel, strides, pads, dilations, ceil,
          tl::StorageOrderAttr::get(node.getContext(), order));
  if (failed(results))
    return failure();
  node.setOutput(0, (*results)[0]);
  node.setOutput(1, (*results)[1]);
  return success();
}

static LogicalResult importAveragePool(NodeImporter &node) {
  FailureOr<Value> x = node.getInput(0);
  if (failed(x))
    return failure();
  if (!node.hasAttr("kernel_shape"))
    return node.emitError() << "requires kernel_shape";
  FailureOr<Window> window = getWindow(node, getType(*x), {}, false);
  FailureOr<int64_t> ceilMode = node.getInt("ceil_mode", 0);
  FailureOr<int64_t> countIncludePad = node.getInt("count_include_pad", 0);
  if (failed(window) || failed(ceilMode) || failed(countIncludePad))
    return failure();
  OpBuilder &b = node.getBuilder();
  return setResult(node, node.create<tl::AvgPoolOp>(
                             *x, b.getDenseI64ArrayAttr(window->kernel),
                             optionalArray(b, window->strides, 1),
                             optionalArray(b, window->pads, 0),
                             b.getBoolAttr(*ceilMode != 0),
                             b.getBoolAttr(*countIncludePad != 0)));
}

template <typename OpTy>
static LogicalResult importGlobalPool(NodeImporter &node) {
  FailureOr<Value> x = node.getInput(0);
  if (failed(x))
    return failure();
  return setResult(node, node.create<OpTy>(*x));
}

//===----------------------------------------------------------------------===//
// Normalization
//===----------------------------------------------------------------------===//

static LogicalResult importBatchNorm(NodeImporter &node) {
  SmallVector<Value> operands;
  for (unsigned i = 0; i < 5; ++i) {
    FailureOr<Value> operand = node.getInput(i);
    if (failed(operand))
      return failure();
    operands.push_back(*operand);
  }
  FailureOr<double> epsilon = node.getFloat("epsilon", 1e-5);
  FailureOr<int64_t> spatial = node.getInt("spatial", 1);
  FailureOr<int64_t> training = node.getInt("training_mode", 0);
  if (failed(epsilon) || failed(spatial) || failed(training) ||
      failed(node.checkOutputsUnused(1, "training statistics")))
    return failure();
  if (*training)
    return node.emitError() << "training_mode = 1 is not supported";
  if (!*spatial && getType(operands[1]).getRank() != 1)
    return node.emitError()
           << "spatial = 0 with per-element statistics is not supported";
  return setResult(node, node.create<tl::BatchNormOp>(
                             operands[0], operands[1], operands[2],
                             operands[3], operands[4],
                             node.getBuilder().getF64FloatAttr(*epsilon)));
}

static LogicalResult importInstanceNorm(NodeImporter &node) {
  FailureOr<Value> x = node.getInput(0);
  FailureOr<Value> scale = node.getInput(1);
  FailureOr<Value> bias = node.getInput(2);
  FailureOr<double> epsilon = node.getFloat("epsilon", 1e-5);
  if (failed(x) || failed(scale) || failed(bias) || failed(epsilon))
    return failure();
  return setResult(node, node.create<tl::InstanceNormOp>(
                             *x, *scale, *bias,
                             node.getBuilder().getF64FloatAttr(*epsilon)));
}

/// The Mean and InvStdDev outputs of LayerNormalization (over the dims from
/// `axis` on, kept as size 1), computed only when the graph uses them.
static LogicalResult importLayerNormStatistics(NodeImporter &node, Value x,
                                               int64_t axis, double epsilon) {
  if (!node.isOutputUsed(1) && !node.isOutputUsed(2))
    return success();
  OpBuilder &b = node.getBuilder();
  RankedTensorType type = getType(x);
  SmallVector<int64_t> axes;
  for (int64_t i = axis; i < type.getRank(); ++i)
    axes.push_back(i);
  DenseI64ArrayAttr axesAttr = b.getDenseI64ArrayAttr(axes);
  BoolAttr keep = b.getBoolAttr(true);
  FailureOr<Value> mean = node.create<tl::ReduceMeanOp>(x, axesAttr, keep);
  FailureOr<Value> centered =
      failed(mean) ? mean : node.create<tl::SubOp>(x, *mean);
  FailureOr<Value> square =
      failed(centered) ? centered : node.create<tl::MulOp>(*centered, *centered);
  FailureOr<Value> variance =
      failed(square) ? square
                     : node.create<tl::ReduceMeanOp>(*square, axesAttr, keep);
  FailureOr<Value> shifted =
      failed(variance)
          ? variance
          : node.create<tl::AddOp>(
                *variance, node.scalar(type.getElementType(), epsilon));
  FailureOr<Value> invStdDev =
      failed(shifted) ? shifted : node.create<tl::RsqrtOp>(*shifted);
  if (failed(invStdDev))
    return failure();
  node.setOutput(1, *mean);
  node.setOutput(2, *invStdDev);
  return success();
}

static LogicalResult importLayerNorm(NodeImporter &node) {
  FailureOr<Value> x = node.getInput(0);
  if (failed(x))
    return failure();
  FailureOr<Value> scale = node.getInput(1);
  FailureOr<int64_t> axis = node.getInt("axis", -1);
  FailureOr<double> epsilon = node.getFloat("epsilon", 1e-5);
  if (failed(scale) || failed(axis) || failed(epsilon))
    return failure();
  FailureOr<int64_t> normalized =
      normalizeAxis(node, *axis, getType(*x).getRank());
  if (failed(normalized))
    return failure();
  Value bias;
  if (node.hasInput(2)) {
    FailureOr<Value> b = node.getInput(2);
    if (failed(b))
      return failure();
    bias = *b;
  }
  OpBuilder &b = node.getBuilder();
  if (failed(setResult(node, node.create<tl::LayerNormOp>(
                                 *x, *scale, bias, b.getI64IntegerAttr(*axis),
                                 b.getF64FloatAttr(*epsilon)))))
    return failure();
  return importLayerNormStatistics(node, *x, *normalized, *epsilon);
}

//===----------------------------------------------------------------------===//
// Softmax / LogSoftmax / Hardmax
//===----------------------------------------------------------------------===//

/// Normalizes `x` along `axis` (as given: it may be negative).
using AxisFunction = function_ref<FailureOr<Value>(Value x, int64_t axis)>;

/// Before opset 13, (Log)Softmax and Hardmax coerce the input to 2-D at
/// `axis` ([prod(d[:axis]), prod(d[axis:])]) and normalize each row. When the
/// dims after `axis` are all 1 that is a normalization along `axis`;
/// otherwise the input is flattened, normalized along dim 1 and reshaped
/// back. From opset 13 they work along `axis` (default -1).
static LogicalResult importAlongAxis(NodeImporter &node, AxisFunction fn) {
  FailureOr<Value> x = node.getInput(0);
  bool legacy = node.getOpset() < 13;
  FailureOr<int64_t> axisAttr = node.getInt("axis", legacy ? 1 : -1);
  if (failed(x) || failed(axisAttr))
    return failure();
  RankedTensorType type = getType(*x);
  int64_t rank = type.getRank();
  if (!legacy || rank == 0)
    return setResult(node, fn(*x, *axisAttr));
  FailureOr<int64_t> axis = normalizeAxis(node, *axisAttr, rank);
  if (failed(axis))
    return failure();
  ArrayRef<int64_t> trailing = type.getShape().drop_front(*axis + 1);
  if (llvm::all_of(trailing, [](int64_t d) { return d == 1; }))
    return setResult(node, fn(*x, *axis));

  SmallVector<int64_t> restore;
  int numDynamic = 0;
  for (int64_t d : type.getShape()) {
    numDynamic += ShapedType::isDynamic(d);
    restore.push_back(ShapedType::isDynamic(d) ? -1 : d);
  }
  if (numDynamic > 1)
    return node.emitError() << "axis " << *axisAttr
                            << " coerces the input to 2-D, which needs at "
                               "most one dynamic dim to restore the shape";
  OpBuilder &b = node.getBuilder();
  FailureOr<Value> flat =
      node.create<tl::FlattenOp>(*x, b.getI64IntegerAttr(*axis));
  if (failed(flat))
    return failure();
  FailureOr<Value> normalized = fn(*flat, 1);
  if (failed(normalized))
    return failure();
  return setResult(node, node.create<tl::ReshapeOp>(
                             *normalized, b.getDenseI64ArrayAttr(restore)));
}

template <typename OpTy>
static LogicalResult importSoftmax(NodeImporter &node) {
  return importAlongAxis(node, [&](Value x, int64_t axis) {
    return node.create<OpTy>(x, node.getBuilder().getI64IntegerAttr(axis));
  });
}

/// Hardmax: 1 at the first maximum along the axis, 0 elsewhere, as
/// cast(argmax(x) == iota) with a constant iota along the axis.
static LogicalResult importHardmax(NodeImporter &node) {
  return importAlongAxis(node, [&](Value x, int64_t axisAttr) -> FailureOr<Value> {
    OpBuilder &b = node.getBuilder();
    RankedTensorType type = getType(x);
    FailureOr<int64_t> normalized = normalizeAxis(node, axisAttr, type.getRank());
    if (failed(normalized))
      return failure();
    int64_t axis = *normalized;
    int64_t size = type.getDimSize(axis);
    if (ShapedType::isDynamic(size))
      return node.emitError() << "needs a static size along the axis";
    FailureOr<Value> index =
        node.create<tl::ArgMaxOp>(x, b.getI64IntegerAttr(axis),
                                  b.getBoolAttr(true), b.getBoolAttr(false));
    if (failed(index))
      return failure();
    SmallVector<int64_t> iotaShape(type.getRank() - axis, 1);
    iotaShape.front() = size;
    Value iota = node.constant(DenseElementsAttr::get(
        RankedTensorType::get(iotaShape, b.getI64Type()),
        ArrayRef<int64_t>(llvm::to_vector(llvm::seq<int64_t>(0, size)))));
    FailureOr<Value> hot = node.create<tl::EqualOp>(*index, iota);
    if (failed(hot))
      return failure();
    return castTo(node, *hot, type.getElementType());
  });
}

//===----------------------------------------------------------------------===//
// Local normalizations (decomposed)
//===----------------------------------------------------------------------===//

/// MeanVarianceNormalization, as its ONNX function body:
/// (x - mean(x)) / (sqrt(mean(x^2) - mean(x)^2) + 1e-9) over `axes`.
static LogicalResult importMeanVarianceNorm(NodeImporter &node) {
  FailureOr<Value> x = node.getInput(0);
  FailureOr<std::optional<SmallVector<int64_t>>> axes = node.getInts("axes");
  if (failed(x) || failed(axes))
    return failure();
  OpBuilder &b = node.getBuilder();
  DenseI64ArrayAttr axesAttr =
      b.getDenseI64ArrayAttr(axes->value_or(SmallVector<int64_t>{0, 2, 3}));
  BoolAttr keep = b.getBoolAttr(true);
  Type elementType = getType(*x).getElementType();
  FailureOr<Value> mean = node.create<tl::ReduceMeanOp>(*x, axesAttr, keep);
  FailureOr<Value> square =
      failed(mean) ? mean : node.create<tl::MulOp>(*x, *x);
  FailureOr<Value> meanSquare =
      failed(square) ? square
                     : node.create<tl::ReduceMeanOp>(*square, axesAttr, keep);
  FailureOr<Value> squareMean =
      failed(meanSquare) ? meanSquare : node.create<tl::MulOp>(*mean, *mean);
  FailureOr<Value> variance =
      failed(squareMean) ? squareMean
                         : node.create<tl::SubOp>(*meanSquare, *squareMean);
  FailureOr<Value> std =
      failed(variance) ? variance : node.create<tl::SqrtOp>(*variance);
  FailureOr<Value> denominator =
      failed(std) ? std
                  : node.create<tl::AddOp>(*std, node.scalar(elementType, 1e-9));
  FailureOr<Value> centered =
      failed(denominator) ? denominator : node.create<tl::SubOp>(*x, *mean);
  if (failed(centered))
    return failure();
  return setResult(node, node.create<tl::DivOp>(*centered, *denominator));
}

/// LRN: x / (bias + alpha / size * sum of x^2 over `size` neighbouring
/// channels)^beta. The channel window sum is an average pool (padding counts
/// as zeros) over x^2 with the channels moved to a spatial dim:
/// [N, C, D...] -> [N, 1, C, D...].
static LogicalResult importLRN(NodeImporter &node) {
  FailureOr<Value> x = node.getInput(0);
  FailureOr<double> alpha = node.getFloat("alpha", 1e-4);
  FailureOr<double> beta = node.getFloat("beta", 0.75);
  FailureOr<double> bias = node.getFloat("bias", 1.0);
  FailureOr<int64_t> size = node.getInt("size", 0);
  if (failed(x) || failed(alpha) || failed(beta) || failed(bias) ||
      failed(size))
    return failure();
  RankedTensorType type = getType(*x);
  int64_t spatial = type.getRank() - 2;
  if (spatial < 1 || spatial > 2)
    return node.emitError() << "supports inputs of rank 3 and 4, got rank "
                            << type.getRank();
  if (*size < 1)
    return node.emitError() << "size must be positive";
  OpBuilder &b = node.getBuilder();
  Type elementType = type.getElementType();
  SmallVector<int64_t> kernel(spatial + 1, 1), pads(2 * (spatial + 1), 0);
  kernel[0] = *size;
  pads[0] = (*size - 1) / 2;           // channels before
  pads[spatial + 1] = *size / 2;       // channels after: ceil((size - 1) / 2)
  FailureOr<Value> square = node.create<tl::MulOp>(*x, *x);
  FailureOr<Value> lifted =
      failed(square) ? square
                     : node.create<tl::UnsqueezeOp>(
                           *square, b.getDenseI64ArrayAttr({1}));
  FailureOr<Value> average =
      failed(lifted)
          ? lifted
          : node.create<tl::AvgPoolOp>(
                *lifted, b.getDenseI64ArrayAttr(kernel), DenseI64ArrayAttr(),
                b.getDenseI64ArrayAttr(pads), b.getBoolAttr(false),
                b.getBoolAttr(true));
  FailureOr<Value> windowMean =
      failed(average) ? average
                      : node.create<tl::SqueezeOp>(
                            *average, b.getDenseI64ArrayAttr({1}));
  // alpha / size * sum = alpha * mean.
  FailureOr<Value> scaled =
      failed(windowMean)
          ? windowMean
          : node.create<tl::MulOp>(*windowMean,
                                   node.scalar(elementType, *alpha));
  FailureOr<Value> shifted =
      failed(scaled) ? scaled
                     : node.create<tl::AddOp>(*scaled,
                                              node.scalar(elementType, *bias));
  FailureOr<Value> power =
      failed(shifted) ? shifted
                      : node.create<tl::PowOp>(*shifted,
                                               node.scalar(elementType, *beta));
  if (failed(power))
    return failure();
  return setResult(node, node.create<tl::DivOp>(*x, *power));
}

void mlir::tlc::onnx_import::addNNImporters(ImportTable &table) {
  table["Gemm"] = importGemm;
  table["MatMul"] = importMatMul;
  table["Conv"] = importConv;
  table["ConvTranspose"] = importConvTranspose;
  table["MaxPool"] = importMaxPool;
  table["AveragePool"] = importAveragePool;
  table["GlobalAveragePool"] = importGlobalPool<tl::GlobalAvgPoolOp>;
  table["GlobalMaxPool"] = importGlobalPool<tl::GlobalMaxPoolOp>;
  table["BatchNormalization"] = importBatchNorm;
  table["InstanceNormalization"] = importInstanceNorm;
  table["LayerNormalization"] = importLayerNorm;
  table["Softmax"] = importSoftmax<tl::SoftmaxOp>;
  table["LogSoftmax"] = importSoftmax<tl::LogSoftmaxOp>;
  table["Hardmax"] = importHardmax;
  table["MeanVarianceNormalization"] = importMeanVarianceNorm;
  table["LRN"] = importLRN;
}
