//===- ImportVision.cpp - ONNX GridSample and NonMaxSuppression -----------===//
//
// GridSample maps to tl.grid_sample (opset 16 mode names bilinear/bicubic,
// opset 20 names linear/cubic).
//
// RoiAlign (average mode, a fixed sampling_ratio) is a decomposition onto
// tl.grid_sample: the sampling points of every RoI bin are computed from the
// rois with elementwise ops, the RoI's image is gathered by batch index,
// bilinear samples with border clamping (align_corners, so that grid
// coordinates are pixel indices) are zeroed where a point lies beyond one
// pixel outside the image, as ONNX Runtime does, and averaged per bin by
// tl.avg_pool.
//
// NonMaxSuppression's output size depends on the data, which a compiled tl
// function (static result ranks, shapes fixed by the inputs' shapes) cannot
// express. It is supported when its inputs are known at import time
// (initializers, Constants, or inputs bound with --onnx-constant-input): the
// selection runs here and its result becomes a constant. Otherwise the
// importer reports which input must be known.
//
//===----------------------------------------------------------------------===//

#include "ImporterContext.h"

#include "llvm/ADT/StringSwitch.h"

#include <algorithm>
#include <array>

using namespace mlir;
using namespace mlir::tlc;
using namespace mlir::tlc::onnx_import;

namespace {
/// A box as [y1, x1, y2, x2] with y1 <= y2 and x1 <= x2.
using Box = std::array<double, 4>;
} // namespace

static Box normalizeBox(ArrayRef<double> v, bool centerPoint) {
  if (centerPoint) {
    // [x_center, y_center, width, height]
    double xc = v[0], yc = v[1], w = v[2], h = v[3];
    return {yc - h / 2, xc - w / 2, yc + h / 2, xc + w / 2};
  }
  return {std::min(v[0], v[2]), std::min(v[1], v[3]), std::max(v[0], v[2]),
          std::max(v[1], v[3])};
}

/// Whether the intersection over union of `a` and `b` exceeds `threshold`.
static bool suppresses(const Box &a, const Box &b, double threshold) {
  double ih = std::min(a[2], b[2]) - std::max(a[0], b[0]);
  double iw = std::min(a[3], b[3]) - std::max(a[1], b[1]);
  if (ih <= 0 || iw <= 0)
    return false;
  double intersection = ih * iw;
  double areaA = (a[2] - a[0]) * (a[3] - a[1]);
  double areaB = (b[2] - b[0]) * (b[3] - b[1]);
  double unionArea = areaA + areaB - intersection;
  if (areaA <= 0 || areaB <= 0 || unionArea <= 0)
    return false;
  return intersection / unionArea > threshold;
}

static LogicalResult importNonMaxSuppression(NodeImporter &node) {
  FailureOr<int64_t> centerPoint = node.getInt("center_point_box", 0);
  if (failed(centerPoint))
    return failure();
  RankedTensorType boxesType = node.getInputType(0);
  RankedTensorType scoresType = node.getInputType(1);
  if (!boxesType || !scoresType || !boxesType.hasStaticShape() ||
      !scoresType.hasStaticShape() || boxesType.getRank() != 3 ||
      scoresType.getRank() != 3 || boxesType.getDimSize(2) != 4)
    return node.emitError() << "boxes must be [batch, boxes, 4] and scores "
                               "[batch, classes, boxes] with static shapes";
  int64_t batches = boxesType.getDimSize(0), numBoxes = boxesType.getDimSize(1);
  int64_t classes = scoresType.getDimSize(1);
  if (scoresType.getDimSize(0) != batches ||
      scoresType.getDimSize(2) != numBoxes)
    return node.emitError() << "boxes and scores disagree on the batch or "
                               "box count";

  FailureOr<SmallVector<double>> boxes = node.getConstantFloats(0, "boxes");
  if (failed(boxes))
    return failure();
  FailureOr<SmallVector<double>> scores = node.getConstantFloats(1, "scores");
  if (failed(scores))
    return failure();
  int64_t maxOutput = 0;
  double iouThreshold = 0;
  std::optional<double> scoreThreshold;
  if (node.hasInput(2)) {
    FailureOr<SmallVector<int64_t>> v =
        node.getConstantInts(2, "max_output_boxes_per_class");
    if (failed(v))
      return failure();
    if (!v->empty())
      maxOutput = v->front();
  }
  if (node.hasInput(3)) {
    FailureOr<SmallVector<double>> v =
        node.getConstantFloats(3, "iou_threshold");
    if (failed(v))
      return failure();
    if (!v->empty())
      iouThreshold = v->front();
  }
  if (node.hasInput(4)) {
    FailureOr<SmallVector<double>> v =
        node.getConstantFloats(4, "score_threshold");
    if (failed(v))
      return failure();
    if (!v->empty())
      scoreThreshold = v->front();
  }

  SmallVector<int64_t> selected; // (batch, class, box) triples
  for (int64_t b = 0; b < batches; ++b) {
    SmallVector<Box> batchBoxes;
    for (int64_t i = 0; i < numBoxes; ++i)
      batchBoxes.push_back(normalizeBox(
          ArrayRef<double>(*boxes).slice((b * numBoxes + i) * 4, 4),
          *centerPoint));
    for (int64_t c = 0; c < classes; ++c) {
      ArrayRef<double> classScores =
          ArrayRef<double>(*scores).slice((b * classes + c) * numBoxes,
                                          numBoxes);
      SmallVector<int64_t> candidates;
      for (int64_t i = 0; i < numBoxes; ++i)
        if (!scoreThreshold || classScores[i] > *scoreThreshold)
          candidates.push_back(i);
      // Highest score first; ties keep the lower index first.
      llvm::sort(candidates, [&](int64_t x, int64_t y) {
        if (classScores[x] != classScores[y])
          return classScores[x] > classScores[y];
        return x < y;
      });
      SmallVector<int64_t> kept;
      for (int64_t i : candidates) {
        if (static_cast<int64_t>(kept.size()) >= maxOutput)
          break;
        if (llvm::any_of(kept, [&](int64_t k) {
              return suppresses(batchBoxes[k], batchBoxes[i], iouThreshold);
            }))
          continue;
        kept.push_back(i);
        selected.append({b, c, i});
      }
    }
  }
  auto type = RankedTensorType::get(
      {static_cast<int64_t>(selected.size() / 3), 3},
      IntegerType::get(node.getContext(), 64));
  node.setOutputConstant(
      0, DenseElementsAttr::get(type, ArrayRef<int64_t>(selected)));
  return success();
}

static LogicalResult importGridSample(NodeImporter &node) {
  FailureOr<Value> input = node.getInput(0);
  FailureOr<Value> grid = node.getInput(1);
  FailureOr<std::string> mode = node.getString("mode", "bilinear");
  FailureOr<std::string> padding = node.getString("padding_mode", "zeros");
  FailureOr<int64_t> alignCorners = node.getInt("align_corners", 0);
  if (failed(input) || failed(grid) || failed(mode) || failed(padding) ||
      failed(alignCorners))
    return failure();
  std::optional<tl::ResizeMode> resizeMode =
      llvm::StringSwitch<std::optional<tl::ResizeMode>>(*mode)
          .Case("bilinear", tl::ResizeMode::linear)
          .Case("linear", tl::ResizeMode::linear)
          .Case("nearest", tl::ResizeMode::nearest)
          .Case("bicubic", tl::ResizeMode::cubic)
          .Case("cubic", tl::ResizeMode::cubic)
          .Default(std::nullopt);
  if (!resizeMode)
    return node.emitError() << "unsupported mode '" << *mode << "'";
  std::optional<tl::GridPaddingMode> paddingMode =
      tl::symbolizeGridPaddingMode(*padding);
  if (!paddingMode)
    return node.emitError() << "unsupported padding_mode '" << *padding << "'";
  MLIRContext *context = node.getContext();
  FailureOr<Value> result = node.create<tl::GridSampleOp>(
      *input, *grid, tl::ResizeModeAttr::get(context, *resizeMode),
      tl::GridPaddingModeAttr::get(context, *paddingMode),
      node.getBuilder().getBoolAttr(*alignCorners != 0));
  if (failed(result))
    return failure();
  node.setOutput(0, *result);
  return success();
}

static LogicalResult importRoiAlign(NodeImporter &node) {
  FailureOr<Value> x = node.getInput(0);
  FailureOr<Value> rois = node.getInput(1);
  FailureOr<Value> batchIndices = node.getInput(2);
  FailureOr<std::string> mode = node.getString("mode", "avg");
  FailureOr<int64_t> outH = node.getInt("output_height", 1);
  FailureOr<int64_t> outW = node.getInt("output_width", 1);
  FailureOr<int64_t> ratio = node.getInt("sampling_ratio", 0);
  FailureOr<double> spatialScale = node.getFloat("spatial_scale", 1.0);
  FailureOr<std::string> transform = node.getString(
      "coordinate_transformation_mode",
      node.getOpset() >= 16 ? "half_pixel" : "output_half_pixel");
  if (failed(x) || failed(rois) || failed(batchIndices) || failed(mode) ||
      failed(outH) || failed(outW) || failed(ratio) || failed(spatialScale) ||
      failed(transform))
    return failure();
  if (*mode != "avg")
    return node.emitError() << "only mode 'avg' is supported";
  if (*ratio <= 0)
    return node.emitError() << "sampling_ratio must be positive (the "
                               "adaptive ratio depends on the RoI sizes)";
  if (*outH <= 0 || *outW <= 0)
    return node.emitError() << "output_height and output_width must be "
                               "positive";
  if (*transform != "half_pixel" && *transform != "output_half_pixel")
    return node.emitError() << "unsupported coordinate_transformation_mode '"
                            << *transform << "'";
  auto xType = cast<RankedTensorType>(x->getType());
  auto roisType = cast<RankedTensorType>(rois->getType());
  if (xType.getRank() != 4 || xType.isDynamicDim(2) || xType.isDynamicDim(3) ||
      xType.getDimSize(2) < 2 || xType.getDimSize(3) < 2)
    return node.emitError()
           << "X must be [N, C, H, W] with static H, W of at least 2";
  if (roisType.getRank() != 2 || roisType.getDimSize(1) != 4 ||
      roisType.getElementType() != xType.getElementType())
    return node.emitError() << "rois must be [num_rois, 4] of X's type";
  Type floatType = xType.getElementType();
  int64_t height = xType.getDimSize(2), width = xType.getDimSize(3);
  int64_t sr = *ratio, samplesH = *outH * sr, samplesW = *outW * sr;
  OpBuilder &b = node.getBuilder();
  double offset = *transform == "half_pixel" ? 0.5 : 0.0;

  auto column = [&](int64_t i) -> FailureOr<Value> {
    SmallVector<int64_t> starts = {i}, ends = {i + 1}, axes = {1};
    FailureOr<Value> c = node.create<tl::SliceOp>(
        *rois, b.getDenseI64ArrayAttr(starts), b.getDenseI64ArrayAttr(ends),
        b.getDenseI64ArrayAttr(axes), DenseI64ArrayAttr());
    if (failed(c))
      return failure();
    FailureOr<Value> scaled =
        node.create<tl::MulOp>(*c, node.scalar(floatType, *spatialScale));
    if (failed(scaled) || offset == 0.0)
      return scaled;
    return node.create<tl::SubOp>(*scaled, node.scalar(floatType, offset));
  };
  // The sample coordinates along one axis, [R, out * sr], with the mask of
  // those within [-1, size].
  auto samples = [&](Value start, Value end, int64_t out,
                     int64_t size) -> FailureOr<std::pair<Value, Value>> {
    FailureOr<Value> extent = node.create<tl::SubOp>(end, start);
    if (failed(extent))
      return failure();
    if (offset == 0.0)
      extent = node.create<tl::MaxOp>(*extent, node.scalar(floatType, 1.0));
    if (failed(extent))
      return failure();
    FailureOr<Value> bin =
        node.create<tl::DivOp>(*extent, node.scalar(floatType, double(out)));
    if (failed(bin))
      return failure();
    SmallVector<Attribute> offsets;
    for (int64_t p = 0; p < out; ++p)
      for (int64_t i = 0; i < sr; ++i)
        offsets.push_back(
            FloatAttr::get(floatType, double(p) + (double(i) + 0.5) / sr));
    Value offsetRow = node.constant(DenseElementsAttr::get(
        RankedTensorType::get({1, out * sr}, floatType), offsets));
    FailureOr<Value> scaled = node.create<tl::MulOp>(offsetRow, *bin);
    if (failed(scaled))
      return failure();
    FailureOr<Value> coords = node.create<tl::AddOp>(start, *scaled);
    if (failed(coords))
      return failure();
    FailureOr<Value> above =
        node.create<tl::GreaterEqualOp>(*coords, node.scalar(floatType, -1.0));
    FailureOr<Value> below = node.create<tl::LessEqualOp>(
        *coords, node.scalar(floatType, double(size)));
    if (failed(above) || failed(below))
      return failure();
    FailureOr<Value> inside = node.create<tl::AndOp>(*above, *below);
    if (failed(inside))
      return failure();
    // Grid coordinates with align_corners: -1 + 2 x / (size - 1).
    FailureOr<Value> normalized = node.create<tl::MulOp>(
        *coords, node.scalar(floatType, 2.0 / double(size - 1)));
    if (failed(normalized))
      return failure();
    normalized =
        node.create<tl::SubOp>(*normalized, node.scalar(floatType, 1.0));
    if (failed(normalized))
      return failure();
    return std::make_pair(*normalized, *inside);
  };

  FailureOr<Value> x1 = column(0), y1 = column(1), x2 = column(2),
                   y2 = column(3);
  if (failed(x1) || failed(y1) || failed(x2) || failed(y2))
    return failure();
  FailureOr<std::pair<Value, Value>> xs = samples(*x1, *x2, *outW, width);
  FailureOr<std::pair<Value, Value>> ys = samples(*y1, *y2, *outH, height);
  if (failed(xs) || failed(ys))
    return failure();

  // grid [R, samplesH, samplesW, 2] from x [R, 1, samplesW, 1] and
  // y [R, samplesH, 1, 1].
  Value zeros = node.constant(DenseElementsAttr::get(
      RankedTensorType::get({1, samplesH, samplesW, 1}, floatType),
      FloatAttr::get(floatType, 0.0)));
  FailureOr<Value> gx =
      node.create<tl::UnsqueezeOp>(xs->first, b.getDenseI64ArrayAttr({1, 3}));
  FailureOr<Value> gy =
      node.create<tl::UnsqueezeOp>(ys->first, b.getDenseI64ArrayAttr({2, 3}));
  if (failed(gx) || failed(gy))
    return failure();
  gx = node.create<tl::AddOp>(*gx, zeros);
  gy = node.create<tl::AddOp>(*gy, zeros);
  if (failed(gx) || failed(gy))
    return failure();
  FailureOr<Value> grid = node.create<tl::ConcatOp>(
      ValueRange{*gx, *gy}, b.getI64IntegerAttr(3));
  FailureOr<Value> images = node.create<tl::GatherOp>(
      *x, *batchIndices, b.getI64IntegerAttr(0));
  if (failed(grid) || failed(images))
    return failure();
  MLIRContext *context = node.getContext();
  FailureOr<Value> sampled = node.create<tl::GridSampleOp>(
      *images, *grid, tl::ResizeModeAttr::get(context, tl::ResizeMode::linear),
      tl::GridPaddingModeAttr::get(context, tl::GridPaddingMode::border),
      b.getBoolAttr(true));
  if (failed(sampled))
    return failure();

  // mask [R, 1, samplesH, samplesW]
  FailureOr<Value> maskX = castTo(node, xs->second, floatType);
  FailureOr<Value> maskY = castTo(node, ys->second, floatType);
  if (failed(maskX) || failed(maskY))
    return failure();
  maskX = node.create<tl::UnsqueezeOp>(*maskX, b.getDenseI64ArrayAttr({1, 2}));
  maskY = node.create<tl::UnsqueezeOp>(*maskY, b.getDenseI64ArrayAttr({1, 3}));
  if (failed(maskX) || failed(maskY))
    return failure();
  FailureOr<Value> mask = node.create<tl::MulOp>(*maskY, *maskX);
  if (failed(mask))
    return failure();
  FailureOr<Value> masked = node.create<tl::MulOp>(*sampled, *mask);
  if (failed(masked))
    return failure();
  SmallVector<int64_t> window = {sr, sr};
  FailureOr<Value> pooled = node.create<tl::AvgPoolOp>(
      *masked, b.getDenseI64ArrayAttr(window), b.getDenseI64ArrayAttr(window),
      DenseI64ArrayAttr(), b.getBoolAttr(false), b.getBoolAttr(false));
  if (failed(pooled))
    return failure();
  node.setOutput(0, *pooled);
  return success();
}

void mlir::tlc::onnx_import::addVisionImporters(ImportTable &table) {
  table["RoiAlign"] = importRoiAlign;
  table["GridSample"] = importGridSample;
  table["NonMaxSuppression"] = importNonMaxSuppression;
}
