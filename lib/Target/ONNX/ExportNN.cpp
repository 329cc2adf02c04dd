//===- ExportNN.cpp - tl dense, conv, pooling, normalization to ONNX ------===//

#include "ExporterContext.h"

#include "mlir/IR/DialectResourceBlobManager.h"

#include "onnx/onnx_pb.h"

#include <cstring>
#include <numeric>

using namespace mlir;
using namespace mlir::tlc;
using namespace mlir::tlc::onnx_export;

static void setOptionalInts(onnx::NodeProto &node, StringRef name,
                            std::optional<ArrayRef<int64_t>> values) {
  if (values)
    setInts(node, name, *values);
}

/// kernel_shape from the static spatial dims of a weight (omitted, and then
/// inferred by ONNX from the weight, when some are dynamic).
static void setKernelShape(onnx::NodeProto &node, RankedTensorType weight) {
  ArrayRef<int64_t> kernel = weight.getShape().drop_front(2);
  if (llvm::none_of(kernel, ShapedType::isDynamic))
    setInts(node, "kernel_shape", kernel);
}

//===----------------------------------------------------------------------===//
// Dense / MatMul
//===----------------------------------------------------------------------===//

/// The ONNX importer stores Gemm's `transB = 1` weights transposed, as a
/// blob named `<initializer>_transposed`. Returns the original [N, K]
/// initializer under its own name, so that Gemm round-trips.
static std::optional<std::string> getUntransposedWeight(OpExporter &ex,
                                                        Value weight) {
  auto constant = weight.getDefiningOp<tl::ConstantOp>();
  if (!constant)
    return std::nullopt;
  auto resource = dyn_cast<DenseResourceElementsAttr>(constant.getValue());
  if (!resource)
    return std::nullopt;
  StringRef key = resource.getRawHandle().getKey();
  AsmResourceBlob *blob = resource.getRawHandle().getBlob();
  auto type = cast<RankedTensorType>(resource.getType());
  if (!key.ends_with("_transposed") || !blob || type.getRank() != 2 ||
      !type.hasStaticShape())
    return std::nullopt;
  int64_t rows = type.getDimSize(0), cols = type.getDimSize(1);
  ArrayRef<char> data = blob->getData();
  size_t width = type.getElementTypeBitWidth() / 8;
  if (width == 0 || data.size() != rows * cols * width)
    return std::nullopt;
  std::vector<char> bytes(data.size());
  for (int64_t r = 0; r < rows; ++r)
    for (int64_t c = 0; c < cols; ++c)
      std::memcpy(bytes.data() + (c * rows + r) * width,
                  data.data() + (r * cols + c) * width, width);
  auto transposedType =
      RankedTensorType::get({cols, rows}, type.getElementType());
  auto attr = DenseElementsAttr::getFromRawBuffer(transposedType, bytes);
  return ex.constant(attr, key.drop_back(strlen("_transposed")));
}

/// tl.dense: Gemm for a 2-D input (transB = 1 with the original weight when
/// the importer transposed it), else MatMul followed by Add.
static LogicalResult exportDense(OpExporter &ex) {
  auto op = cast<tl::DenseOp>(ex.getOp());
  std::string x = ex.input(0);
  std::string bias = op.getBias() ? ex.nameOf(op.getBias()) : "";
  if (getTensorType(op.getInput()).getRank() == 2) {
    std::optional<std::string> original =
        getUntransposedWeight(ex, op.getWeight());
    std::vector<std::string> inputs{x, original ? *original : ex.input(1)};
    if (!bias.empty())
      inputs.push_back(bias);
    onnx::NodeProto &node = ex.node("Gemm", inputs, {ex.output()});
    if (original)
      setInt(node, "transB", 1);
    return success();
  }
  if (bias.empty()) {
    ex.node("MatMul", {x, ex.input(1)}, {ex.output()});
    return success();
  }
  std::string product = ex.emit("MatMul", {x, ex.input(1)});
  ex.node("Add", {product, bias}, {ex.output()});
  return success();
}

//===----------------------------------------------------------------------===//
// Convolution and pooling
//===----------------------------------------------------------------------===//

static LogicalResult exportConv(OpExporter &ex) {
  auto op = cast<tl::ConvOp>(ex.getOp());
  // Integer convolutions (from ConvInteger/QLinearConv) run as Conv in a
  // float type that holds their values exactly.
  Type type = getTensorType(op.getInput()).getElementType();
  SmallVector<std::pair<std::string, Type>> inputs{{ex.input(0), type},
                                                   {ex.input(1), type}};
  if (op.getBias())
    inputs.push_back({ex.nameOf(op.getBias()), type});
  onnx::NodeProto *conv = ex.nodeWithCasts("Conv", inputs, ex.output(), type);
  if (!conv)
    return failure();
  onnx::NodeProto &node = *conv;
  setKernelShape(node, getTensorType(op.getWeight()));
  setOptionalInts(node, "strides", op.getStrides());
  setOptionalInts(node, "pads", op.getPads());
  setOptionalInts(node, "dilations", op.getDilations());
  if (op.getGroup() != 1)
    setInt(node, "group", op.getGroup());
  return success();
}

static LogicalResult exportConvTranspose(OpExporter &ex) {
  auto op = cast<tl::ConvTransposeOp>(ex.getOp());
  std::vector<std::string> inputs{ex.input(0), ex.input(1)};
  if (op.getBias())
    inputs.push_back(ex.nameOf(op.getBias()));
  onnx::NodeProto &node = ex.node("ConvTranspose", inputs, {ex.output()});
  setKernelShape(node, getTensorType(op.getWeight()));
  setOptionalInts(node, "strides", op.getStrides());
  setOptionalInts(node, "pads", op.getPads());
  setOptionalInts(node, "dilations", op.getDilations());
  setOptionalInts(node, "output_padding", op.getOutputPadding());
  if (op.getGroup() != 1)
    setInt(node, "group", op.getGroup());
  return success();
}

static LogicalResult exportMaxPool(OpExporter &ex) {
  auto op = cast<tl::MaxPoolOp>(ex.getOp());
  // Integer MaxPool arrives in opset 12: in a wider float type before.
  Type type = getTensorType(op.getInput()).getElementType();
  onnx::NodeProto *maxPool = ex.nodeWithCasts(
      "MaxPool", {{ex.input(0), type}}, ex.output(), type);
  if (!maxPool)
    return failure();
  onnx::NodeProto &node = *maxPool;
  setInts(node, "kernel_shape", op.getKernelShape());
  setOptionalInts(node, "strides", op.getStrides());
  setOptionalInts(node, "pads", op.getPads());
  setOptionalInts(node, "dilations", op.getDilations());
  if (op.getCeilMode())
    setInt(node, "ceil_mode", 1);
  return success();
}

/// MaxPool with its Indices output (flat indices into the input, ONNX's
/// layout). ONNX takes no integer input with Indices before opset 12 either.
static LogicalResult exportMaxPoolWithIndices(OpExporter &ex) {
  auto op = cast<tl::MaxPoolWithIndicesOp>(ex.getOp());
  Type type = getTensorType(op.getInput()).getElementType();
  if (!ex.acceptsType("MaxPool", 0, type))
    return ex.emitError() << "MaxPool with indices takes no " << type
                          << " input at this opset";
  onnx::NodeProto &node =
      ex.node("MaxPool", {ex.input(0)}, {ex.output(0), ex.output(1)});
  setInts(node, "kernel_shape", op.getKernelShape());
  setOptionalInts(node, "strides", op.getStrides());
  setOptionalInts(node, "pads", op.getPads());
  setOptionalInts(node, "dilations", op.getDilations());
  if (op.getCeilMode())
    setInt(node, "ceil_mode", 1);
  if (op.getStorageOrder() == tl::StorageOrder::column_major)
    setInt(node, "storage_order", 1);
  return success();
}

static LogicalResult exportAvgPool(OpExporter &ex) {
  auto op = cast<tl::AvgPoolOp>(ex.getOp());
  onnx::NodeProto &node = ex.node("AveragePool", {ex.input(0)}, {ex.output()});
  setInts(node, "kernel_shape", op.getKernelShape());
  setOptionalInts(node, "strides", op.getStrides());
  setOptionalInts(node, "pads", op.getPads());
  if (op.getCeilMode())
    setInt(node, "ceil_mode", 1);
  if (op.getCountIncludePad())
    setInt(node, "count_include_pad", 1);
  return success();
}

//===----------------------------------------------------------------------===//
// Normalization
//===----------------------------------------------------------------------===//

static LogicalResult exportBatchNorm(OpExporter &ex) {
  auto op = cast<tl::BatchNormOp>(ex.getOp());
  std::vector<std::string> inputs;
  for (unsigned i = 0; i < 5; ++i)
    inputs.push_back(ex.input(i));
  setFloat(ex.node("BatchNormalization", inputs, {ex.output()}), "epsilon",
           op.getEpsilon().convertToDouble());
  return success();
}

static LogicalResult exportInstanceNorm(OpExporter &ex) {
  auto op = cast<tl::InstanceNormOp>(ex.getOp());
  setFloat(ex.node("InstanceNormalization",
                   {ex.input(0), ex.input(1), ex.input(2)}, {ex.output()}),
           "epsilon", op.getEpsilon().convertToDouble());
  return success();
}

/// True when `param` (scale or bias) has exactly the normalized shape, the
/// shape LayerNormalization expects.
static bool hasNormalizedShape(Value param, RankedTensorType input,
                               int64_t axis) {
  if (!param)
    return true;
  RankedTensorType type = getTensorType(param);
  ArrayRef<int64_t> normalized = input.getShape().drop_front(axis);
  return type.hasStaticShape() && type.getShape() == normalized;
}

/// LayerNormalization (opset 17) when scale and bias have the normalized
/// shape, else its definition:
///   d = x - ReduceMean(x), y = d / Sqrt(ReduceMean(d * d) + epsilon),
///   then * scale + bias.
static LogicalResult exportLayerNorm(OpExporter &ex) {
  auto op = cast<tl::LayerNormOp>(ex.getOp());
  RankedTensorType type = getTensorType(op.getInput());
  int64_t axis = normalizeAxis(op.getAxis(), type.getRank());
  double epsilon = op.getEpsilon().convertToDouble();
  std::string scale = op.getScale() ? ex.nameOf(op.getScale()) : "";
  std::string bias = op.getBias() ? ex.nameOf(op.getBias()) : "";
  if (ex.hasOp("LayerNormalization") && op.getScale() &&
      hasNormalizedShape(op.getScale(), type, axis) &&
      hasNormalizedShape(op.getBias(), type, axis)) {
    std::vector<std::string> inputs{ex.input(0), scale};
    if (!bias.empty())
      inputs.push_back(bias);
    onnx::NodeProto &node =
        ex.node("LayerNormalization", inputs, {ex.output()});
    setInt(node, "axis", op.getAxis());
    setFloat(node, "epsilon", epsilon);
    return success();
  }

  Type elementType = type.getElementType();
  SmallVector<int64_t> axes =
      llvm::to_vector(llvm::seq<int64_t>(axis, type.getRank()));
  std::string x = ex.input(0);
  std::string mean = ex.temp("mean");
  emitWithAxes(ex, "ReduceMean", {x}, axes, /*inputOpset=*/18, mean);
  std::string centered = ex.emit("Sub", {x, mean});
  std::string square = ex.emit("Mul", {centered, centered});
  std::string variance = ex.temp("variance");
  emitWithAxes(ex, "ReduceMean", {square}, axes, /*inputOpset=*/18, variance);
  std::string shifted =
      ex.emit("Add", {variance, ex.scalar(elementType, epsilon)});
  std::string stdDev = ex.emit("Sqrt", {shifted});
  bool last = scale.empty() && bias.empty();
  std::string y =
      ex.emit("Div", {centered, stdDev}, last ? ex.output() : std::string());
  if (!scale.empty())
    y = ex.emit("Mul", {y, scale}, bias.empty() ? ex.output() : std::string());
  if (!bias.empty())
    ex.emit("Add", {y, bias}, ex.output());
  return success();
}

/// Softmax and LogSoftmax: along `axis` from opset 13. Before, they coerce
/// the input to 2-D at `axis`, which is the same along the last dim; other
/// axes are transposed to the back and back again.
static ExportFunction softmax(StringRef opType) {
  std::string name = opType.str();
  return [name](OpExporter &ex) -> LogicalResult {
    Operation *op = ex.getOp();
    int64_t axisAttr = op->getAttrOfType<IntegerAttr>("axis").getInt();
    int64_t rank = getTensorType(op->getOperand(0)).getRank();
    int64_t axis = normalizeAxis(axisAttr, rank);
    if (ex.getOpset() >= 13 || axis == rank - 1 || rank == 0) {
      onnx::NodeProto &node = ex.node(name, {ex.input(0)}, {ex.output()});
      setInt(node, "axis", ex.getOpset() >= 13 ? axisAttr : rank - 1);
      return success();
    }
    SmallVector<int64_t> perm = llvm::to_vector(llvm::seq<int64_t>(0, rank));
    std::swap(perm[axis], perm[rank - 1]);
    std::string moved = ex.temp("transposed");
    setInts(ex.node("Transpose", {ex.input(0)}, {moved}), "perm", perm);
    std::string normalized = ex.temp(StringRef(name).lower());
    setInt(ex.node(name, {moved}, {normalized}), "axis", rank - 1);
    setInts(ex.node("Transpose", {normalized}, {ex.output()}), "perm", perm);
    return success();
  };
}

void mlir::tlc::onnx_export::addNNExporters(ExportTable &table) {
  table[tl::DenseOp::getOperationName()] = exportDense;
  table[tl::MatMulOp::getOperationName()] = [](OpExporter &ex) {
    ex.node("MatMul", {ex.input(0), ex.input(1)}, {ex.output()});
    return success();
  };
  table[tl::ConvOp::getOperationName()] = exportConv;
  table[tl::ConvTransposeOp::getOperationName()] = exportConvTranspose;
  table[tl::MaxPoolOp::getOperationName()] = exportMaxPool;
  table[tl::MaxPoolWithIndicesOp::getOperationName()] = exportMaxPoolWithIndices;
  table[tl::AvgPoolOp::getOperationName()] = exportAvgPool;
  table[tl::GlobalAvgPoolOp::getOperationName()] = [](OpExporter &ex) {
    ex.node("GlobalAveragePool", {ex.input(0)}, {ex.output()});
    return success();
  };
  table[tl::GlobalMaxPoolOp::getOperationName()] = [](OpExporter &ex) {
    ex.node("GlobalMaxPool", {ex.input(0)}, {ex.output()});
    return success();
  };
  table[tl::BatchNormOp::getOperationName()] = exportBatchNorm;
  table[tl::InstanceNormOp::getOperationName()] = exportInstanceNorm;
  table[tl::LayerNormOp::getOperationName()] = exportLayerNorm;
  table[tl::SoftmaxOp::getOperationName()] = softmax("Softmax");
  table[tl::LogSoftmaxOp::getOperationName()] = softmax("LogSoftmax");
}
