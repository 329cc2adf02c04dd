//===- VectorizeWindow.cpp - vector micro-kernels for convolutions --------===//
//
// Upstream linalg vectorization needs projected-permutation indexing maps, so
// it cannot take the `oh * s + kh` accesses of convolutions and pooling. Once
// tl-tile-and-fuse has reduced such an op to a register tile (all reduction
// loops of one iteration; only the lane loop and possibly a row loop longer
// than one), every operand index is a compile-time constant of the tile and
// the tile is an outer-product-like update of a rows x lanes accumulator:
//
//   acc[r][:] = payload(in_0(r, :), ..., acc[r][:])
//
// where each input row is a broadcast scalar (no lane dependence), one
// contiguous vector read, a strided read compacted by a shuffle, or, in the
// worst case, a gather of scalars.
//
//===----------------------------------------------------------------------===//

#include "OpKinds.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/UB/IR/UBOps.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/PatternMatch.h"

using namespace mlir;
using namespace mlir::tlc;

namespace {

/// Indices of `map` at the iteration point where `lane` is `l`, `row` is `r`
/// and every other loop is 0.
SmallVector<int64_t> indicesAt(AffineMap map, unsigned numLoops, unsigned lane,
                               std::optional<unsigned> row, int64_t r,
                               int64_t l) {
  SmallVector<int64_t> point(numLoops, 0);
  point[lane] = l;
  if (row)
    point[*row] = r;
  return map.compose(point);
}

SmallVector<Value> constantIndices(OpBuilder &b, Location loc,
                                   ArrayRef<int64_t> indices) {
  return llvm::map_to_vector(indices, [&](int64_t i) -> Value {
    return arith::ConstantIndexOp::create(b, loc, i);
  });
}

/// The vector of input `source` seen by accumulator row `r`.
Value readInputRow(OpBuilder &b, Location loc, Value source, AffineMap map,
                   unsigned numLoops, unsigned lane,
                   std::optional<unsigned> row, int64_t r, int64_t lanes) {
  auto tensorType = cast<RankedTensorType>(source.getType());
  Type elemType = tensorType.getElementType();
  auto vecType = VectorType::get({lanes}, elemType);
  SmallVector<SmallVector<int64_t>> perLane;
  for (int64_t l = 0; l < lanes; ++l)
    perLane.push_back(indicesAt(map, numLoops, lane, row, r, l));

  unsigned rank = tensorType.getRank();
  bool invariant = llvm::all_equal(perLane);
  if (invariant) {
    Value scalar = tensor::ExtractOp::create(
        b, loc, source, constantIndices(b, loc, perLane.front()));
    return vector::BroadcastOp::create(b, loc, vecType, scalar);
  }
  // Only the innermost index moves, by a constant stride.
  bool leadingFixed = rank > 0 && llvm::all_of(perLane, [&](auto &idx) {
    return ArrayRef<int64_t>(idx).drop_back() ==
           ArrayRef<int64_t>(perLane.front()).drop_back();
  });
  int64_t stride = lanes > 1 ? perLane[1].back() - perLane[0].back() : 1;
  bool affineLanes = leadingFixed && stride > 0;
  for (int64_t l = 1; affineLanes && l < lanes; ++l)
    affineLanes = perLane[l].back() - perLane[l - 1].back() == stride;
  if (affineLanes && stride <= 4) {
    int64_t span = (lanes - 1) * stride + 1;
    auto spanType = VectorType::get({span}, elemType);
    Value pad = ub::PoisonOp::create(b, loc, elemType);
    Value wide = vector::TransferReadOp::create(
        b, loc, spanType, source, constantIndices(b, loc, perLane.front()),
        pad, ArrayRef<bool>{true});
    if (stride == 1)
      return wide;
    SmallVector<int64_t> mask;
    for (int64_t l = 0; l < lanes; ++l)
      mask.push_back(l * stride);
    return vector::ShuffleOp::create(b, loc, wide, wide, mask);
  }
  SmallVector<Value> elems;
  for (ArrayRef<int64_t> idx : perLane)
    elems.push_back(
        tensor::ExtractOp::create(b, loc, source, constantIndices(b, loc, idx)));
  return vector::FromElementsOp::create(b, loc, vecType, elems);
}

} // namespace

namespace {
/// What the vectorization of a tile needs to know, computed without touching
/// the IR.
struct WindowTile {
  unsigned numLoops;
  unsigned lane;
  std::optional<unsigned> row;
  int64_t lanes, rows;
  /// Output dimensions along which the lanes and the rows move.
  unsigned outLane;
  std::optional<unsigned> outRow;
  /// Output indices of the tile's origin.
  SmallVector<int64_t> base;
};

FailureOr<WindowTile> analyzeWindowTile(linalg::LinalgOp op,
                                        const OpInfo &info) {
  if ((info.kind != OpKind::Conv && info.kind != OpKind::Window &&
       info.kind != OpKind::Contraction) ||
      op.getNumDpsInits() != 1 || op->getNumResults() != 1)
    return failure();
  SmallVector<int64_t> sizes = op.getStaticLoopRanges();
  if (llvm::any_of(sizes, ShapedType::isDynamic))
    return failure();
  WindowTile tile;
  tile.numLoops = sizes.size();
  tile.lane = info.laneDim;
  tile.row = info.rowDim;
  for (unsigned d = 0; d < tile.numLoops; ++d)
    if (d != tile.lane && (!tile.row || d != *tile.row) && sizes[d] != 1)
      return failure();
  tile.lanes = sizes[tile.lane];
  tile.rows = tile.row ? sizes[*tile.row] : 1;
  if (tile.rows == 1)
    tile.row = std::nullopt;

  Block &body = op->getRegion(0).front();
  for (Operation &payload : body.without_terminator())
    if (!isa<arith::ArithDialect, math::MathDialect>(payload.getDialect()) ||
        payload.getNumRegions() != 0 || payload.getNumResults() != 1)
      return failure();

  // The accumulator: the output index must move by one in a single
  // dimension along the lanes and in another along the rows.
  AffineMap outMap = op.getMatchingIndexingMap(op.getDpsInitOperand(0));
  tile.base = indicesAt(outMap, tile.numLoops, tile.lane, tile.row, 0, 0);
  auto movingDim = [&](int64_t r, int64_t l) -> std::optional<unsigned> {
    SmallVector<int64_t> next =
        indicesAt(outMap, tile.numLoops, tile.lane, tile.row, r, l);
    std::optional<unsigned> moved;
    for (unsigned i = 0; i < next.size(); ++i) {
      if (next[i] == tile.base[i])
        continue;
      if (moved || next[i] != tile.base[i] + 1)
        return std::nullopt;
      moved = i;
    }
    return moved;
  };
  // (Evaluated one step past a single-lane tile too: maps are affine.)
  std::optional<unsigned> outLane = movingDim(0, 1);
  tile.outRow = tile.row ? movingDim(1, 0) : std::nullopt;
  if (!outLane || (tile.row && (!tile.outRow || *outLane == *tile.outRow)))
    return failure();
  tile.outLane = *outLane;
  return tile;
}
} // namespace

LogicalResult mlir::tlc::vectorizeWindowTilePrecondition(linalg::LinalgOp op,
                                                         const OpInfo &info) {
  return success(succeeded(analyzeWindowTile(op, info)));
}

FailureOr<SmallVector<Value>>
mlir::tlc::vectorizeWindowTile(RewriterBase &rewriter, linalg::LinalgOp op,
                               const OpInfo &info) {
  FailureOr<WindowTile> tile = analyzeWindowTile(op, info);
  if (failed(tile))
    return failure();
  unsigned numLoops = tile->numLoops;
  unsigned lane = tile->lane;
  std::optional<unsigned> row = tile->row;
  int64_t lanes = tile->lanes, rows = tile->rows;
  std::optional<unsigned> outLane = tile->outLane, outRow = tile->outRow;
  SmallVector<int64_t> base = tile->base;
  Block &body = op->getRegion(0).front();
  OpOperand *init = op.getDpsInitOperand(0);
  MLIRContext *ctx = op.getContext();

  Location loc = op.getLoc();
  OpBuilder::InsertionGuard guard(rewriter);
  rewriter.setInsertionPoint(op);
  auto outType = cast<RankedTensorType>(init->get().getType());
  Type elemType = outType.getElementType();
  unsigned outRank = outType.getRank();
  auto laneType = VectorType::get({lanes}, elemType);

  // The accumulator, read once as rows x lanes (possibly transposed).
  SmallVector<AffineExpr> accExprs;
  if (row)
    accExprs.push_back(getAffineDimExpr(*outRow, ctx));
  accExprs.push_back(getAffineDimExpr(*outLane, ctx));
  AffineMap accMap = AffineMap::get(outRank, 0, accExprs, ctx);
  VectorType accType =
      row ? VectorType::get({rows, lanes}, elemType) : laneType;
  SmallVector<bool> inBounds(accExprs.size(), true);
  SmallVector<Value> accIndices = constantIndices(rewriter, loc, base);
  Value pad = ub::PoisonOp::create(rewriter, loc, elemType);
  Value acc = vector::TransferReadOp::create(rewriter, loc, accType,
                                             init->get(), accIndices, pad,
                                             accMap, inBounds);

  // Input vectors per row (computed once when an input ignores the row).
  SmallVector<SmallVector<Value>> inputRows;
  for (OpOperand *input : op.getDpsInputOperands()) {
    SmallVector<Value> perRow;
    BlockArgument arg = op.getMatchingBlockArgument(input);
    Value source = input->get();
    if (arg.use_empty()) {
      inputRows.push_back(perRow);
      continue;
    }
    if (!isa<RankedTensorType>(source.getType())) {
      Value splat = vector::BroadcastOp::create(
          rewriter, loc, VectorType::get({lanes}, source.getType()), source);
      inputRows.push_back(SmallVector<Value>(rows, splat));
      continue;
    }
    AffineMap map = op.getMatchingIndexingMap(input);
    bool rowInvariant = !row || !map.isFunctionOfDim(*row);
    for (int64_t r = 0; r < rows; ++r) {
      if (rowInvariant && r > 0) {
        perRow.push_back(perRow.front());
        continue;
      }
      perRow.push_back(
          readInputRow(rewriter, loc, source, map, numLoops, lane, row, r, lanes));
    }
    inputRows.push_back(perRow);
  }

  auto toVector = [&](Value v) -> Value {
    if (isa<VectorType>(v.getType()))
      return v;
    return vector::BroadcastOp::create(
        rewriter, loc, VectorType::get({lanes}, v.getType()), v);
  };

  Value result = acc;
  for (int64_t r = 0; r < rows; ++r) {
    IRMapping mapping;
    for (auto [idx, input] : llvm::enumerate(op.getDpsInputOperands())) {
      BlockArgument arg = op.getMatchingBlockArgument(input);
      if (!arg.use_empty())
        mapping.map(arg, inputRows[idx][r]);
    }
    Value accRow =
        row ? vector::ExtractOp::create(rewriter, loc, acc, r).getResult()
            : acc;
    mapping.map(op.getMatchingBlockArgument(init), accRow);

    for (Operation &payload : body.without_terminator()) {
      SmallVector<Value> operands = llvm::map_to_vector(
          payload.getOperands(),
          [&](Value v) { return mapping.lookupOrDefault(v); });
      if (llvm::none_of(operands, [](Value v) {
            return isa<VectorType>(v.getType());
          })) {
        rewriter.clone(payload, mapping);
        continue;
      }
      for (Value &v : operands)
        v = toVector(v);
      Type resultType =
          VectorType::get({lanes}, payload.getResult(0).getType());
      OperationState state(payload.getLoc(), payload.getName(), operands,
                           resultType, payload.getAttrs());
      Operation *vectorOp = rewriter.create(state);
      // Products feeding sums become FMAs.
      if (auto fm = dyn_cast<arith::ArithFastMathInterface>(vectorOp))
        vectorOp->setAttr(
            fm.getFastMathAttrName(),
            arith::FastMathFlagsAttr::get(
                ctx, fm.getFastMathFlagsAttr().getValue() |
                         arith::FastMathFlags::contract));
      mapping.map(payload.getResult(0), vectorOp->getResult(0));
    }
    Value yielded = toVector(
        mapping.lookupOrDefault(body.getTerminator()->getOperand(0)));
    result = row ? vector::InsertOp::create(rewriter, loc, yielded, result, r)
                       .getResult()
                 : yielded;
  }

  Value written =
      vector::TransferWriteOp::create(rewriter, loc, result, init->get(),
                                      accIndices, accMap, inBounds)
          .getResult();
  return SmallVector<Value>{written};
}
