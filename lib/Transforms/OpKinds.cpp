//===- OpKinds.cpp - How the CPU codegen sees a linalg op -----------------===//

#include "OpKinds.h"

#include "mlir/Dialect/Linalg/IR/LinalgInterfaces.h"
#include "mlir/Interfaces/ValueBoundsOpInterface.h"

using namespace mlir;
using namespace mlir::tlc;

/// The loop indexing the innermost dimension of `map`, if that result is a
/// plain loop index.
static std::optional<unsigned> innermostDim(AffineMap map) {
  if (map.getNumResults() == 0)
    return std::nullopt;
  if (auto dim = dyn_cast<AffineDimExpr>(map.getResults().back()))
    return dim.getPosition();
  return std::nullopt;
}

/// The last loop that the output indexes as a plain dimension and for which
/// `pred` holds.
static std::optional<unsigned>
lastOutputDim(linalg::LinalgOp op, llvm::function_ref<bool(unsigned)> pred) {
  AffineMap outMap = op.getMatchingIndexingMap(op.getDpsInitOperand(0));
  for (AffineExpr expr : llvm::reverse(outMap.getResults()))
    if (auto dim = dyn_cast<AffineDimExpr>(expr))
      if (pred(dim.getPosition()))
        return dim.getPosition();
  return std::nullopt;
}

FailureOr<OpInfo> mlir::tlc::classifyOp(linalg::LinalgOp op) {
  unsigned numLoops = op.getNumLoops();
  if (numLoops == 0 || op.getNumDpsInits() < 1 || !op.hasPureTensorSemantics())
    return failure();
  // Several results must share the iteration-to-output mapping (as produced by
  // elementwise fusion); otherwise the lane choice is ambiguous.
  AffineMap outMap = op.getMatchingIndexingMap(op.getDpsInitOperand(0));
  for (OpOperand &init : op.getDpsInitsMutable())
    if (op.getMatchingIndexingMap(&init) != outMap)
      return failure();

  SmallVector<utils::IteratorType> iters = op.getIteratorTypesArray();
  auto isParallel = [&](unsigned d) {
    return iters[d] == utils::IteratorType::parallel;
  };

  // Loops named by the pass that built the op.
  auto laneAttr = op->getAttrOfType<IntegerAttr>(kLaneDimAttr);
  auto rowAttr = op->getAttrOfType<IntegerAttr>(kRowDimAttr);
  if (laneAttr && rowAttr && laneAttr.getInt() < numLoops &&
      rowAttr.getInt() < numLoops &&
      op.getNumDpsInputs() == 2 && op.getNumDpsInits() == 1)
    return OpInfo{OpKind::Conv, unsigned(laneAttr.getInt()),
                  unsigned(rowAttr.getInt())};

  if (op.getNumDpsInits() == 1 && linalg::isaContractionOpInterface(op)) {
    FailureOr<linalg::ContractionDimensions> dims =
        linalg::inferContractionDims(op);
    if (succeeded(dims)) {
      // Lanes along the n loop that is contiguous in the output.
      std::optional<unsigned> lane = lastOutputDim(
          op, [&](unsigned d) { return llvm::is_contained(dims->n, d); });
      std::optional<unsigned> row = lastOutputDim(
          op, [&](unsigned d) { return llvm::is_contained(dims->m, d); });
      // A single row (matrix-vector products) with N split into panels:
      // the panels are the rows of the register tile instead.
      SmallVector<int64_t> ranges = op.getStaticLoopRanges();
      if (lane && (!row || ranges[*row] == 1)) {
        std::optional<unsigned> panels = lastOutputDim(op, [&](unsigned d) {
          return d != *lane && llvm::is_contained(dims->n, d) &&
                 ranges[d] != 1;
        });
        if (panels)
          row = panels;
      }
      if (lane)
        return OpInfo{OpKind::Contraction, *lane, row};
    }
  }

  if (op.getNumDpsInits() == 1 && op.getNumDpsInputs() == 2 &&
      linalg::isaConvolutionOpInterface(op)) {
    FailureOr<linalg::ConvolutionDimensions> dims =
        linalg::inferConvolutionDims(op);
    if (succeeded(dims) && !dims->outputImage.empty()) {
      unsigned ow = dims->outputImage.back();
      if (!dims->outputChannel.empty() && !dims->inputChannel.empty()) {
        unsigned f = dims->outputChannel.back();
        // A filter packed with the output channel innermost gives contiguous
        // filter vectors: lanes along f, one accumulator row per output
        // column. Otherwise lanes run along the output columns and each
        // output channel is a row fed by a broadcast filter element.
        AffineMap filterMap =
            op.getMatchingIndexingMap(op.getDpsInputOperand(1));
        if (innermostDim(filterMap) == f)
          return OpInfo{OpKind::Conv, f, ow};
        return OpInfo{OpKind::Conv, ow, f};
      }
      return OpInfo{OpKind::Window, ow, std::nullopt};
    }
  }

  bool hasReduction = llvm::any_of(
      iters, [](utils::IteratorType t) { return t == utils::IteratorType::reduction; });
  if (!hasReduction) {
    std::optional<unsigned> lane = lastOutputDim(op, isParallel);
    return OpInfo{OpKind::Elementwise, lane.value_or(numLoops - 1),
                  std::nullopt};
  }

  // The innermost loop of the first input decides whether the lanes run along
  // the reduction or along a parallel loop.
  std::optional<unsigned> inner;
  for (OpOperand *input : op.getDpsInputOperands()) {
    if (!isa<ShapedType>(input->get().getType()))
      continue;
    inner = innermostDim(op.getMatchingIndexingMap(input));
    break;
  }
  if (inner && !isParallel(*inner))
    return OpInfo{OpKind::InnerReduction, *inner, std::nullopt};
  std::optional<unsigned> lane = inner ? inner : lastOutputDim(op, isParallel);
  if (!lane)
    return failure();
  return OpInfo{OpKind::OuterReduction, *lane, std::nullopt};
}

/// How many values one loop bound may look through: plenty for the
/// affine.min sizes of tiles, while a dynamic batch dim, which has no bound,
/// is not chased back through every op of a deep model for every op (that
/// made tiling quadratic in the model's depth).
static constexpr unsigned kMaxBoundValues = 16;

SmallVector<int64_t> mlir::tlc::getLoopSizeBounds(linalg::LinalgOp op) {
  SmallVector<int64_t> sizes = op.getStaticLoopRanges();
  for (auto [loop, size] : llvm::enumerate(sizes)) {
    if (!ShapedType::isDynamic(size))
      continue;
    // Bound the loop through an operand dimension that it indexes directly.
    for (OpOperand &operand : op->getOpOperands()) {
      auto shaped = dyn_cast<ShapedType>(operand.get().getType());
      if (!shaped)
        continue;
      AffineMap map = op.getMatchingIndexingMap(&operand);
      std::optional<unsigned> pos =
          map.getResultPosition(getAffineDimExpr(loop, op.getContext()));
      if (!pos)
        continue;
      unsigned visited = 0;
      auto stop = [&](Value, std::optional<int64_t>,
                      ValueBoundsConstraintSet &) {
        return ++visited > kMaxBoundValues;
      };
      FailureOr<int64_t> bound =
          ValueBoundsConstraintSet::computeConstantBound(
              presburger::BoundType::UB, {operand.get(), *pos}, stop,
              /*closedUB=*/true);
      if (succeeded(bound)) {
        size = *bound;
        break;
      }
    }
  }
  return sizes;
}
