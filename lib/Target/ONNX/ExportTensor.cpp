//===- ExportTensor.cpp - tl data movement, shapes and resize to ONNX -----===//

#include "ExporterContext.h"

#include "onnx/onnx_pb.h"

#include <cmath>

using namespace mlir;
using namespace mlir::tlc;
using namespace mlir::tlc::onnx_export;

static LogicalResult exportIdentity(OpExporter &ex) {
  ex.node("Identity", {ex.input(0)}, {ex.output()});
  return success();
}

/// Dropout is the identity at inference; kept as Dropout (ratio an input
/// from opset 12) so that the model keeps its structure.
static LogicalResult exportDropout(OpExporter &ex) {
  auto op = cast<tl::DropoutOp>(ex.getOp());
  double ratio = op.getRatio().convertToDouble();
  if (ex.getOpset() >= 12) {
    ex.node("Dropout",
            {ex.input(0), ex.scalar(Float32Type::get(ex.getContext()), ratio)},
            {ex.output()});
    return success();
  }
  setFloat(ex.node("Dropout", {ex.input(0)}, {ex.output()}), "ratio", ratio);
  return success();
}

static LogicalResult exportReshape(OpExporter &ex) {
  auto op = cast<tl::ReshapeOp>(ex.getOp());
  ex.node("Reshape", {ex.input(0), ex.constantI64(op.getNewShape())},
          {ex.output()});
  return success();
}

static LogicalResult exportFlatten(OpExporter &ex) {
  auto op = cast<tl::FlattenOp>(ex.getOp());
  setInt(ex.node("Flatten", {ex.input(0)}, {ex.output()}), "axis",
         op.getAxis());
  return success();
}

/// Squeeze with explicit axes: without them tl removes the static size-1
/// dims only, ONNX every dim that is 1 at run time.
static LogicalResult exportSqueeze(OpExporter &ex) {
  auto op = cast<tl::SqueezeOp>(ex.getOp());
  RankedTensorType type = getTensorType(op.getInput());
  SmallVector<int64_t> axes;
  if (std::optional<ArrayRef<int64_t>> given = op.getAxes()) {
    for (int64_t axis : *given)
      axes.push_back(normalizeAxis(axis, type.getRank()));
  } else {
    for (int64_t i = 0; i < type.getRank(); ++i)
      if (type.getDimSize(i) == 1)
        axes.push_back(i);
  }
  if (axes.empty())
    return exportIdentity(ex);
  emitWithAxes(ex, "Squeeze", {ex.input(0)}, axes, /*inputOpset=*/13,
               ex.output());
  return success();
}

static LogicalResult exportUnsqueeze(OpExporter &ex) {
  auto op = cast<tl::UnsqueezeOp>(ex.getOp());
  emitWithAxes(ex, "Unsqueeze", {ex.input(0)}, op.getAxes(),
               /*inputOpset=*/13, ex.output());
  return success();
}

static LogicalResult exportTranspose(OpExporter &ex) {
  auto op = cast<tl::TransposeOp>(ex.getOp());
  setInts(ex.node("Transpose", {ex.input(0)}, {ex.output()}), "perm",
          op.getPermOrDefault());
  return success();
}

static LogicalResult exportConcat(OpExporter &ex) {
  auto op = cast<tl::ConcatOp>(ex.getOp());
  std::vector<std::string> inputs;
  for (unsigned i = 0, e = op->getNumOperands(); i < e; ++i)
    inputs.push_back(ex.input(i));
  setInt(ex.node("Concat", inputs, {ex.output()}), "axis", op.getAxis());
  return success();
}

/// Split: the part sizes are an input from opset 13, an attribute before.
static LogicalResult exportSplit(OpExporter &ex) {
  auto op = cast<tl::SplitOp>(ex.getOp());
  std::vector<std::string> outputs;
  for (unsigned i = 0, e = op->getNumResults(); i < e; ++i)
    outputs.push_back(ex.output(i));
  std::vector<std::string> inputs{ex.input(0)};
  if (ex.getOpset() >= 13)
    inputs.push_back(ex.constantI64(op.getSizes()));
  onnx::NodeProto &node = ex.node("Split", inputs, outputs);
  setInt(node, "axis", op.getAxis());
  if (ex.getOpset() < 13)
    setInts(node, "split", op.getSizes());
  return success();
}

static LogicalResult exportSlice(OpExporter &ex) {
  auto op = cast<tl::SliceOp>(ex.getOp());
  std::vector<std::string> inputs{ex.input(0), ex.constantI64(op.getStarts()),
                                  ex.constantI64(op.getEnds())};
  if (op.getAxes() || op.getSteps()) {
    SmallVector<int64_t> axes =
        op.getAxes() ? SmallVector<int64_t>(*op.getAxes())
                     : llvm::to_vector(llvm::seq<int64_t>(
                           0, static_cast<int64_t>(op.getStarts().size())));
    inputs.push_back(ex.constantI64(axes));
  }
  if (op.getSteps())
    inputs.push_back(ex.constantI64(*op.getSteps()));
  ex.node("Slice", inputs, {ex.output()});
  return success();
}

/// Pad: pads and the constant value are inputs from opset 11.
static LogicalResult exportPad(OpExporter &ex) {
  auto op = cast<tl::PadOp>(ex.getOp());
  Type elementType = getTensorType(op.getInput()).getElementType();
  std::vector<std::string> inputs{ex.input(0), ex.constantI64(op.getPads())};
  double value = op.getValue().convertToDouble();
  if (op.getMode() == tl::PadMode::constant && value != 0)
    inputs.push_back(ex.scalar(elementType, value));
  onnx::NodeProto &node = ex.node("Pad", inputs, {ex.output()});
  setString(node, "mode", tl::stringifyPadMode(op.getMode()));
  return success();
}

static LogicalResult exportGather(OpExporter &ex) {
  auto op = cast<tl::GatherOp>(ex.getOp());
  setInt(ex.node("Gather", {ex.input(0), ex.input(1)}, {ex.output()}), "axis",
         op.getAxis());
  return success();
}

static LogicalResult exportExpand(OpExporter &ex) {
  auto op = cast<tl::ExpandOp>(ex.getOp());
  ex.node("Expand", {ex.input(0), ex.constantI64(op.getShape())},
          {ex.output()});
  return success();
}

static LogicalResult exportTile(OpExporter &ex) {
  auto op = cast<tl::TileOp>(ex.getOp());
  ex.node("Tile", {ex.input(0), ex.constantI64(op.getRepeats())},
          {ex.output()});
  return success();
}

static LogicalResult exportDepthToSpace(OpExporter &ex) {
  auto op = cast<tl::DepthToSpaceOp>(ex.getOp());
  onnx::NodeProto &node = ex.node("DepthToSpace", {ex.input(0)}, {ex.output()});
  setInt(node, "blocksize", op.getBlocksize());
  setString(node, "mode", tl::stringifyDepthToSpaceMode(op.getMode()));
  return success();
}

static LogicalResult exportSpaceToDepth(OpExporter &ex) {
  auto op = cast<tl::SpaceToDepthOp>(ex.getOp());
  setInt(ex.node("SpaceToDepth", {ex.input(0)}, {ex.output()}), "blocksize",
         op.getBlocksize());
  return success();
}

/// The f32 scales of Resize. ONNX takes f32 scales and computes an output
/// size floor(in * scale); a scale rounded to f32 is nudged until that gives
/// the tl result's static size.
static SmallVector<float> getResizeScales(tl::ResizeOp op) {
  RankedTensorType input = getTensorType(op.getInput());
  RankedTensorType output = getTensorType(op.getOutput());
  SmallVector<float> scales;
  for (auto [i, scale] : llvm::enumerate(*op.getScales())) {
    float value = static_cast<float>(scale);
    int64_t in = input.getDimSize(i), out = output.getDimSize(i);
    if (!ShapedType::isDynamic(in) && !ShapedType::isDynamic(out)) {
      auto size = [&](float s) {
        return static_cast<int64_t>(std::floor(static_cast<float>(in) * s));
      };
      for (int step = 0; step < 64 && size(value) < out; ++step)
        value = std::nextafter(value, INFINITY);
      for (int step = 0; step < 64 && size(value) > out; ++step)
        value = std::nextafter(value, 0.0f);
    }
    scales.push_back(value);
  }
  return scales;
}

/// Resize-11/13: inputs (X, roi, scales, sizes); roi and scales are
/// required (possibly empty) at opset 11 and 12, optional from 13.
static LogicalResult exportResize(OpExporter &ex) {
  auto op = cast<tl::ResizeOp>(ex.getOp());
  Type f32 = Float32Type::get(ex.getContext());
  std::vector<std::string> inputs{ex.input(0)};
  bool legacy = ex.getOpset() < 13;
  std::string empty =
      legacy ? ex.constant(DenseFPElementsAttr::get(
                   RankedTensorType::get({0}, f32), ArrayRef<float>()))
             : "";
  if (std::optional<ArrayRef<double>> roi = op.getRoi()) {
    SmallVector<float> values(roi->begin(), roi->end());
    inputs.push_back(ex.constantF32(values));
  } else {
    inputs.push_back(empty);
  }
  if (op.getScales()) {
    inputs.push_back(ex.constantF32(getResizeScales(op)));
  } else {
    inputs.push_back(empty);
    inputs.push_back(ex.constantI64(*op.getSizes()));
  }
  onnx::NodeProto &node = ex.node("Resize", inputs, {ex.output()});
  setString(node, "mode", tl::stringifyResizeMode(op.getMode()));
  setString(node, "coordinate_transformation_mode",
            tl::stringifyCoordinateTransform(op.getCoordinateTransform()));
  if (op.getMode() == tl::ResizeMode::nearest)
    setString(node, "nearest_mode",
              tl::stringifyNearestMode(op.getNearestMode()));
  if (op.getMode() == tl::ResizeMode::cubic)
    setFloat(node, "cubic_coeff_a", op.getCubicCoeffA().convertToDouble());
  if (op.getExcludeOutside())
    setInt(node, "exclude_outside", 1);
  if (op.getCoordinateTransform() ==
      tl::CoordinateTransform::tf_crop_and_resize)
    setFloat(node, "extrapolation_value",
             op.getExtrapolationValue().convertToDouble());
  return success();
}

void mlir::tlc::onnx_export::addTensorExporters(ExportTable &table) {
  table[tl::IdentityOp::getOperationName()] = exportIdentity;
  table[tl::DropoutOp::getOperationName()] = exportDropout;
  table[tl::ReshapeOp::getOperationName()] = exportReshape;
  table[tl::FlattenOp::getOperationName()] = exportFlatten;
  table[tl::SqueezeOp::getOperationName()] = exportSqueeze;
  table[tl::UnsqueezeOp::getOperationName()] = exportUnsqueeze;
  table[tl::TransposeOp::getOperationName()] = exportTranspose;
  table[tl::ConcatOp::getOperationName()] = exportConcat;
  table[tl::SplitOp::getOperationName()] = exportSplit;
  table[tl::SliceOp::getOperationName()] = exportSlice;
  table[tl::PadOp::getOperationName()] = exportPad;
  table[tl::GatherOp::getOperationName()] = exportGather;
  table[tl::ExpandOp::getOperationName()] = exportExpand;
  table[tl::TileOp::getOperationName()] = exportTile;
  table[tl::DepthToSpaceOp::getOperationName()] = exportDepthToSpace;
  table[tl::SpaceToDepthOp::getOperationName()] = exportSpaceToDepth;
  table[tl::ResizeOp::getOperationName()] = exportResize;
}
