//===- ImportVision.cpp - ONNX GridSample and NonMaxSuppression -----------===//
//
// GridSample maps to tl.grid_sample (opset 16 mode names bilinear/bicubic,
// opset 20 names linear/cubic).
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

void mlir::tlc::onnx_import::addVisionImporters(ImportTable &table) {
  table["GridSample"] = importGridSample;
  table["NonMaxSuppression"] = importNonMaxSuppression;
}
