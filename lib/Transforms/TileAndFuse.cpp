//===- TileAndFuse.cpp - the tl-tile-and-fuse pass ------------------------===//
//
// Tiles every linalg op on tensors for the CPU in three steps:
//
//  1. a distribution level: an `scf.forall` over cache-sized blocks (an
//     `scf.for` nest when parallelism is off) into which `linalg.fill` and
//     `tensor.empty` producers of the destinations are fused;
//  2. a register level whose tiles are the vector micro-kernels (peeled so
//     that all but the boundary tiles have static shapes);
//  3. a reduction level that leaves unit reduction loops innermost, so that
//     the accumulators stay in registers across them once tl-vectorize has
//     hoisted the accumulator transfers.
//
// The loop that becomes the vector lanes comes from OpKinds.h. The elementwise
// consumer of a contraction, convolution or window op (its epilogue: bias,
// activation, residual) is fused into the producer's blocks and register
// tiles (Epilogues.h).
//
//===----------------------------------------------------------------------===//

#include "Epilogues.h"
#include "OpKinds.h"
#include "tlc/Transforms/Passes.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/SCF/Transforms/TileUsingInterface.h"
#include "mlir/Dialect/SCF/Transforms/Transforms.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/RegionUtils.h"

namespace mlir::tlc {
#define GEN_PASS_DEF_TLTILEANDFUSE
#include "tlc/Transforms/Passes.h.inc"
} // namespace mlir::tlc

using namespace mlir;
using namespace mlir::tlc;

namespace {

constexpr llvm::StringLiteral kPeelMarker = "__tl_register_tile__";

/// Register-level tile sizes of the matmul micro-kernel, in vectors.
constexpr int64_t kRows = 8;
constexpr int64_t kLaneVectors = 2;
/// Largest register tile (elements): 8 rows x 4 vectors of 16 lanes.
constexpr int64_t kRegisterTileElements = 512;
/// Cache blocking of contractions (elements).
constexpr int64_t kBlockM = 128, kBlockN = 256, kBlockK = 256;
/// Below these amounts of work a loop is not worth a parallel dispatch.
constexpr int64_t kMinFlopsPerTask = 1 << 22;
constexpr int64_t kMinElementsPerTask = 1 << 15;
constexpr int64_t kMaxTasks = 64;
/// Convolutions split into fewer tasks: each one rereads its filter panel.
constexpr int64_t kMaxConvTasks = 16;
/// Filter bytes per block of output channels (half the L2 of the target).
constexpr int64_t kFilterPanelBytes = 512 * 1024;

struct TileLevel {
  SmallVector<int64_t> sizes;
  bool peel = false;
  /// Fuse fill/empty initializations of the destination into the loops
  /// (only valid when no reduction loop is tiled).
  bool fuseInit = false;
  /// The register level, whose tiles take the op's epilogue when no earlier
  /// level split a reduction (the tiles then hold final values).
  bool registers = false;
};

/// Whether `kind` has an epilogue fused into its tiles.
bool takesEpilogue(OpKind kind) {
  return kind == OpKind::Contraction || kind == OpKind::Conv ||
         kind == OpKind::Window;
}

/// Fusion control that recomputes only the initialization of destinations;
/// fusing a real producer would recompute its halo or its whole reduction.
std::optional<scf::SCFTileAndFuseOptions::ControlFnResult>
fuseInitsOnly(tensor::ExtractSliceOp, OpResult producer, bool isDestination) {
  if (isDestination &&
      isa<linalg::FillOp, tensor::EmptyOp>(producer.getOwner()))
    return scf::SCFTileAndFuseOptions::ControlFnResult{};
  return std::nullopt;
}

int64_t ceilDiv(int64_t a, int64_t b) { return (a + b - 1) / b; }
int64_t roundUp(int64_t a, int64_t b) { return ceilDiv(a, b) * b; }

/// Tile for the lane loop: `maxLanes` unless the loop is statically shorter,
/// in which case the whole loop (one possibly odd-sized vector).
int64_t laneTile(int64_t size, int64_t maxLanes) {
  if (ShapedType::isDynamic(size) || size >= maxLanes)
    return maxLanes;
  return size;
}

/// Product of the loop sizes (dynamic ones count as `dynamicGuess`).
int64_t volume(ArrayRef<int64_t> sizes, int64_t dynamicGuess = 1024) {
  int64_t v = 1;
  for (int64_t s : sizes)
    v = std::min<int64_t>(v * (ShapedType::isDynamic(s) ? dynamicGuess : s),
                          int64_t(1) << 50);
  return v;
}

/// Sets the distribution tiles of `dims` (outermost first) so that about
/// `tasks` blocks result; tile sizes are multiples of `multiple[d]`, and loops
/// already covered by one block keep tile 0.
void distribute(ArrayRef<int64_t> sizes, ArrayRef<unsigned> dims,
                int64_t tasks, ArrayRef<int64_t> multiple,
                SmallVector<int64_t> &tiles) {
  int64_t remaining = tasks;
  for (unsigned d : dims) {
    if (remaining <= 1)
      break;
    int64_t unit = std::max<int64_t>(multiple[d], 1);
    if (ShapedType::isDynamic(sizes[d])) {
      tiles[d] = unit;
      remaining = 1;
      continue;
    }
    int64_t units = ceilDiv(sizes[d], unit);
    if (units <= 1)
      continue;
    if (units >= remaining) {
      tiles[d] = ceilDiv(units, remaining) * unit;
      remaining = 1;
    } else {
      tiles[d] = unit;
      remaining = ceilDiv(remaining, units);
    }
  }
}

/// A sum of loop indices with non-negative factors and no constant term.
bool isOriginPreserving(AffineExpr e) {
  if (isa<AffineDimExpr>(e))
    return true;
  auto bin = dyn_cast<AffineBinaryOpExpr>(e);
  if (!bin)
    return false;
  if (bin.getKind() == AffineExprKind::Add)
    return isOriginPreserving(bin.getLHS()) && isOriginPreserving(bin.getRHS());
  if (bin.getKind() == AffineExprKind::Mul) {
    auto factor = dyn_cast<AffineConstantExpr>(bin.getRHS());
    return factor && factor.getValue() >= 0 && isOriginPreserving(bin.getLHS());
  }
  return false;
}

/// Tiling keeps the indexing maps and slices each operand at the image of
/// the tile's origin, which is only right when every index is a constant or
/// grows with the loops it depends on from zero (not, e.g., the `2 - kh` of a
/// flipped filter).
bool hasTileableMaps(linalg::LinalgOp op) {
  return llvm::all_of(op.getIndexingMapsArray(), [](AffineMap map) {
    return llvm::all_of(map.getResults(), [](AffineExpr e) {
      return isa<AffineConstantExpr>(e) || isOriginPreserving(e);
    });
  });
}

class Tiler {
public:
  Tiler(RewriterBase &rewriter, int64_t vectorWidth, bool parallel)
      : rewriter(rewriter), vw(vectorWidth), parallel(parallel) {}

  /// Step 1 on `op`, fusing fill/empty producers of its destinations and
  /// its epilogue.
  LogicalResult tileOuter(linalg::LinalgOp op);
  /// Steps 2 and 3 on `op`, fusing its epilogue into the register tiles.
  void tileInner(linalg::LinalgOp op);
  /// Whether the tiler erased `op` (an epilogue fused into its producer).
  bool isErased(Operation *op) const { return erased.contains(op); }

private:
  SmallVector<int64_t> outerTiles(linalg::LinalgOp op, const OpInfo &info);
  SmallVector<TileLevel> innerLevels(linalg::LinalgOp op, const OpInfo &info);
  SmallVector<Operation *> applyLevel(Operation *op, const TileLevel &level);

  RewriterBase &rewriter;
  int64_t vw;
  bool parallel;
  llvm::DenseSet<Operation *> erased;
};

} // namespace

SmallVector<int64_t> Tiler::outerTiles(linalg::LinalgOp op,
                                       const OpInfo &info) {
  SmallVector<int64_t> sizes = getLoopSizeBounds(op);
  unsigned numLoops = sizes.size();
  SmallVector<int64_t> tiles(numLoops, 0);
  SmallVector<utils::IteratorType> iters = op.getIteratorTypesArray();
  SmallVector<int64_t> multiple(numLoops, 1);
  SmallVector<unsigned> parallelDims;
  for (unsigned d = 0; d < numLoops; ++d)
    if (iters[d] == utils::IteratorType::parallel)
      parallelDims.push_back(d);

  auto taskCount = [&](int64_t work, int64_t minWork) {
    if (!parallel)
      return int64_t(1);
    return std::clamp<int64_t>(work / minWork, 1, kMaxTasks);
  };
  int64_t total = volume(sizes);

  switch (info.kind) {
  case OpKind::Contraction: {
    // Cache blocks of the micro-kernel's rows and lanes; every other parallel
    // loop is split into single iterations.
    for (unsigned d : parallelDims)
      tiles[d] = 1;
    auto block = [&](unsigned d, int64_t blockSize) {
      tiles[d] = (!ShapedType::isDynamic(sizes[d]) && sizes[d] <= blockSize)
                     ? 0
                     : blockSize;
    };
    block(info.laneDim, kBlockN);
    if (info.rowDim)
      block(*info.rowDim, kBlockM);
    // With N split into panels (tl-pack-matmul) a block spans several
    // panels, kBlockN columns in all.
    FailureOr<linalg::ContractionDimensions> dims =
        linalg::inferContractionDims(op);
    int64_t laneSize = sizes[info.laneDim];
    if (succeeded(dims) && !ShapedType::isDynamic(laneSize)) {
      for (unsigned d : llvm::reverse(dims->n)) {
        if (d == info.laneDim)
          continue;
        block(d, std::max<int64_t>(1, kBlockN / laneSize));
        break;
      }
    }
    if (!parallel || !info.rowDim ||
        ShapedType::isDynamic(sizes[*info.rowDim]))
      return tiles;
    // Split the rows further when the blocks are too few for the threads.
    int64_t tasks = taskCount(2 * total, kMinFlopsPerTask);
    int64_t otherBlocks = 1;
    for (unsigned d : parallelDims)
      if (d != *info.rowDim && tiles[d])
        otherBlocks *= ShapedType::isDynamic(sizes[d])
                           ? kMaxTasks
                           : ceilDiv(sizes[d], tiles[d]);
    int64_t rows = sizes[*info.rowDim];
    int64_t wantRowBlocks = ceilDiv(tasks, otherBlocks);
    int64_t rowTile = std::max(kRows, roundUp(ceilDiv(rows, wantRowBlocks), kRows));
    if (rowTile < rows && (tiles[*info.rowDim] == 0 || rowTile < tiles[*info.rowDim]))
      tiles[*info.rowDim] = rowTile;
    return tiles;
  }
  case OpKind::Conv:
  case OpKind::Window: {
    if (!parallel)
      return tiles;
    // The lane and row loops stay whole (a task computes full output rows);
    // output-channel blocks, batch and output rows are distributed.
    // Windows (pooling, depthwise) are light per point: counted like
    // elementwise work.
    int64_t tasks = std::min(
        info.kind == OpKind::Window ? taskCount(total, kMinElementsPerTask)
                                    : taskCount(2 * total, kMinFlopsPerTask),
        kMaxConvTasks);
    SmallVector<unsigned> dims;
    for (unsigned d : parallelDims)
      if (d != info.laneDim && (!info.rowDim || d != *info.rowDim))
        dims.push_back(d);
    OpOperand *filter = op.getDpsInputOperand(1);
    bool lanesAreChannels =
        info.kind == OpKind::Conv &&
        op.getMatchingIndexingMap(filter).isFunctionOfDim(info.laneDim);
    int64_t lane = sizes[info.laneDim];
    if (lanesAreChannels && !ShapedType::isDynamic(lane)) {
      // Blocks of output channels whose filter panel stays in L2 while all
      // the task's output positions stream past it: each panel is read from
      // memory once.
      int64_t window = 1;
      for (unsigned d = 0; d < numLoops; ++d)
        if (iters[d] == utils::IteratorType::reduction)
          window *= ShapedType::isDynamic(sizes[d]) ? 1024 : sizes[d];
      int64_t elemBytes = std::max<int64_t>(
          getElementTypeOrSelf(filter->get().getType()).getIntOrFloatBitWidth() /
              8,
          1);
      int64_t unit = kLaneVectors * vw;
      int64_t block = std::max(
          unit, kFilterPanelBytes / (window * elemBytes) / unit * unit);
      if (block < lane) {
        tiles[info.laneDim] = block;
        tasks = ceilDiv(tasks, ceilDiv(lane, block));
      }
    }
    distribute(sizes, dims, tasks, multiple, tiles);
    return tiles;
  }
  case OpKind::Elementwise:
  case OpKind::OuterReduction:
  case OpKind::InnerReduction: {
    if (!parallel)
      return SmallVector<int64_t>(numLoops, 0);
    int64_t tasks = taskCount(total, kMinElementsPerTask);
    // Outer loops first; the lane loop last, in multiples of its inner tile.
    SmallVector<unsigned> dims;
    for (unsigned d : parallelDims)
      if (d != info.laneDim)
        dims.push_back(d);
    if (iters[info.laneDim] == utils::IteratorType::parallel) {
      dims.push_back(info.laneDim);
      multiple[info.laneDim] = 4 * vw;
    }
    distribute(sizes, dims, tasks, multiple, tiles);
    return tiles;
  }
  }
  llvm_unreachable("unknown op kind");
}

SmallVector<TileLevel> Tiler::innerLevels(linalg::LinalgOp op,
                                          const OpInfo &info) {
  SmallVector<int64_t> sizes = getLoopSizeBounds(op);
  unsigned numLoops = sizes.size();
  SmallVector<utils::IteratorType> iters = op.getIteratorTypesArray();
  auto isParallel = [&](unsigned d) {
    return iters[d] == utils::IteratorType::parallel;
  };
  SmallVector<TileLevel> levels;

  // Register level: every parallel loop but the lane and row loops becomes a
  // loop of single iterations.
  TileLevel reg{SmallVector<int64_t>(numLoops, 0), /*peel=*/true,
                /*fuseInit=*/true, /*registers=*/true};
  // Reduction level: unit reduction loops, innermost.
  TileLevel red{SmallVector<int64_t>(numLoops, 0), /*peel=*/false,
                /*fuseInit=*/false};
  for (unsigned d = 0; d < numLoops; ++d) {
    if (isParallel(d))
      reg.sizes[d] = 1;
    else
      red.sizes[d] = 1;
  }

  switch (info.kind) {
  case OpKind::Contraction: {
    FailureOr<linalg::ContractionDimensions> dims =
        linalg::inferContractionDims(op);
    // Cache blocking of a single k loop.
    if (succeeded(dims) && dims->k.size() == 1) {
      unsigned k = dims->k.front();
      if (ShapedType::isDynamic(sizes[k]) || sizes[k] > kBlockK) {
        TileLevel kBlock{SmallVector<int64_t>(numLoops, 0), false};
        kBlock.sizes[k] = kBlockK;
        levels.push_back(kBlock);
      }
    }
    int64_t rows = 1;
    if (info.rowDim) {
      int64_t m = sizes[*info.rowDim];
      rows = ShapedType::isDynamic(m) ? kRows : std::min(m, kRows);
      reg.sizes[*info.rowDim] = rows;
    }
    // Skinny products (matrix-vector) keep as many accumulators in flight
    // through longer lane tiles.
    int64_t lanes = rows >= 4 ? kLaneVectors * vw : 8 * vw;
    reg.sizes[info.laneDim] = laneTile(sizes[info.laneDim], lanes);
    levels.push_back(reg);
    levels.push_back(red);
    return levels;
  }
  case OpKind::Conv: {
    reg.sizes[info.laneDim] = laneTile(sizes[info.laneDim], kLaneVectors * vw);
    if (info.rowDim) {
      int64_t r = sizes[*info.rowDim];
      int64_t rows = kRows;
      if (!ShapedType::isDynamic(r)) {
        rows = std::min(r, kRows);
        // Prefer a row count that divides the loop: no partial tiles.
        for (int64_t cand = rows; cand >= kRows - 2; --cand)
          if (r % cand == 0) {
            rows = cand;
            break;
          }
      }
      reg.sizes[*info.rowDim] = rows;
    }
    levels.push_back(reg);
    levels.push_back(red);
    return levels;
  }
  case OpKind::Window:
  case OpKind::Elementwise:
  case OpKind::OuterReduction: {
    reg.sizes[info.laneDim] = laneTile(sizes[info.laneDim], 4 * vw);
    levels.push_back(reg);
    if (info.kind != OpKind::Elementwise)
      levels.push_back(red);
    return levels;
  }
  case OpKind::InnerReduction: {
    // Unit parallel loops around a reduction whose lane loop is consumed in
    // vector-sized chunks.
    TileLevel outer{SmallVector<int64_t>(numLoops, 0), false, true};
    for (unsigned d = 0; d < numLoops; ++d)
      if (isParallel(d))
        outer.sizes[d] = 1;
    levels.push_back(outer);
    red.sizes[info.laneDim] = laneTile(sizes[info.laneDim], 4 * vw);
    red.peel = true;
    levels.push_back(red);
    return levels;
  }
  }
  llvm_unreachable("unknown op kind");
}

SmallVector<Operation *> Tiler::applyLevel(Operation *op,
                                           const TileLevel &level) {
  auto tileable = cast<TilingInterface>(op);
  SmallVector<int64_t> sizes = getLoopSizeBounds(cast<linalg::LinalgOp>(op));
  // Skip loops that one tile covers.
  SmallVector<int64_t> tileSizes(level.sizes);
  for (auto [t, s] : llvm::zip(tileSizes, sizes))
    if (!ShapedType::isDynamic(s) && t >= s)
      t = 0;
  if (llvm::all_of(tileSizes, [](int64_t t) { return t == 0; }))
    return {op};

  scf::SCFTileAndFuseOptions options;
  options.tilingOptions.setLoopType(scf::SCFTilingOptions::LoopType::ForOp);
  options.tilingOptions.setTileSizes(
      getAsIndexOpFoldResult(op->getContext(), tileSizes));
  options.setFusionControlFn(
      [&](tensor::ExtractSliceOp slice, OpResult producer, bool isDestination)
          -> std::optional<scf::SCFTileAndFuseOptions::ControlFnResult> {
        if (!level.fuseInit)
          return std::nullopt;
        return fuseInitsOnly(slice, producer, isDestination);
      });
  rewriter.setInsertionPoint(op);
  FailureOr<scf::SCFTileAndFuseResult> tiled =
      scf::tileConsumerAndFuseProducersUsingSCF(rewriter, tileable, options);
  if (failed(tiled))
    return {op};
  for (OpResult res : op->getResults())
    if (Value replacement = tiled->replacements.lookup(res))
      rewriter.replaceAllUsesWith(res, replacement);
  rewriter.eraseOp(op);
  Operation *tiledOp = tiled->tiledAndFusedOps.front();
  if (!level.peel || tiled->loops.empty())
    return {tiledOp};

  // Peel inner loops first, so that peeling an outer loop clones the already
  // split inner loops and every full/partial combination exists.
  tiledOp->setAttr(kPeelMarker, rewriter.getUnitAttr());
  Operation *parent = tiled->loops.front()->getParentOp();
  for (LoopLikeOpInterface loop : llvm::reverse(tiled->loops)) {
    auto forOp = dyn_cast<scf::ForOp>(loop.getOperation());
    if (!forOp)
      continue;
    scf::ForOp partial;
    (void)scf::peelForLoopAndSimplifyBounds(rewriter, forOp, partial);
  }
  SmallVector<Operation *> result;
  parent->walk([&](Operation *nested) {
    if (nested->hasAttr(kPeelMarker)) {
      nested->removeAttr(kPeelMarker);
      result.push_back(nested);
    }
  });
  return result;
}

LogicalResult Tiler::tileOuter(linalg::LinalgOp op) {
  // Ops without a tiling strategy stay whole and become loops later.
  FailureOr<OpInfo> info = classifyOp(op);
  if (failed(info) || !hasTileableMaps(op))
    return success();
  SmallVector<int64_t> tiles = outerTiles(op, *info);
  SmallVector<int64_t> sizes = getLoopSizeBounds(op);
  for (auto [t, s] : llvm::zip(tiles, sizes))
    if (!ShapedType::isDynamic(s) && t >= s)
      t = 0;
  if (llvm::all_of(tiles, [](int64_t t) { return t == 0; }))
    return success();
  linalg::GenericOp epilogue =
      takesEpilogue(info->kind) ? getEpilogue(op) : nullptr;

  scf::SCFTileAndFuseOptions options;
  options.tilingOptions.setLoopType(
      parallel ? scf::SCFTilingOptions::LoopType::ForallOp
               : scf::SCFTilingOptions::LoopType::ForOp);
  options.tilingOptions.setTileSizes(
      getAsIndexOpFoldResult(op->getContext(), tiles));
  options.setFusionControlFn(fuseInitsOnly);
  rewriter.setInsertionPoint(op);
  FailureOr<scf::SCFTileAndFuseResult> result =
      scf::tileConsumerAndFuseProducersUsingSCF(
          rewriter, cast<TilingInterface>(op.getOperation()), options);
  if (failed(result))
    return failure();
  for (OpResult res : op->getResults())
    if (Value replacement = result->replacements.lookup(res))
      rewriter.replaceAllUsesWith(res, replacement);
  if (op->use_empty())
    rewriter.eraseOp(op);
  if (!epilogue)
    return success();
  // The epilogue joins the blocks; when it cannot, it gets blocks of its own.
  auto forall = result->loops.empty()
                    ? scf::ForallOp()
                    : dyn_cast<scf::ForallOp>(result->loops.front().getOperation());
  if (forall && succeeded(fuseEpilogueIntoForall(rewriter, forall, epilogue))) {
    erased.insert(epilogue);
    return success();
  }
  return tileOuter(epilogue);
}

void Tiler::tileInner(linalg::LinalgOp op) {
  FailureOr<OpInfo> info = classifyOp(op);
  if (failed(info) || !hasTileableMaps(op))
    return;
  linalg::GenericOp epilogue =
      takesEpilogue(info->kind) ? getEpilogue(op) : nullptr;
  // The tile loops are created where the op is: right before its epilogue,
  // whose operands are then available to them.
  if (epilogue)
    rewriter.moveOpBefore(op, epilogue);
  SmallVector<TileLevel> levels = innerLevels(op, *info);
  SmallVector<Operation *> current = {op.getOperation()};
  bool reductionSplit = false;
  SmallVector<utils::IteratorType> iters = op.getIteratorTypesArray();
  for (const TileLevel &level : levels) {
    SmallVector<Operation *> next;
    for (Operation *cur : current)
      llvm::append_range(next, applyLevel(cur, level));
    current = std::move(next);
    if (epilogue && level.registers && !reductionSplit &&
        succeeded(fuseEpilogueIntoTiles(rewriter, current, epilogue))) {
      erased.insert(epilogue);
      epilogue = nullptr;
    }
    for (auto [size, iter] : llvm::zip(level.sizes, iters))
      reductionSplit |= size != 0 && iter == utils::IteratorType::reduction;
  }
}

namespace {
/// The transpose that packs a contraction's operand on every call
/// (tl-pack-matmul on a variable B), when only the contraction uses it.
linalg::TransposeOp getRuntimePacking(linalg::LinalgOp op) {
  if (op.getNumDpsInputs() != 2)
    return nullptr;
  auto pack =
      op.getDpsInputOperand(1)->get().getDefiningOp<linalg::TransposeOp>();
  if (!pack || !pack->getResult(0).hasOneUse() ||
      !pack.getInit().getDefiningOp<tensor::EmptyOp>())
    return nullptr;
  return pack;
}

/// A contraction whose B panels are packed on every call is split into
/// sequential blocks of kBlockN columns, each packing only its own panels
/// right before using them (as BLIS packs per block): the packed panels are
/// used while they are in cache instead of being written to and read back
/// from memory. Inside each block the packing and the contraction are
/// distributed as usual.
void packPerColumnBlock(RewriterBase &rewriter, linalg::LinalgOp op) {
  linalg::TransposeOp pack = getRuntimePacking(op);
  FailureOr<OpInfo> info = classifyOp(op);
  if (!pack || failed(info) || info->kind != OpKind::Contraction)
    return;
  FailureOr<linalg::ContractionDimensions> dims =
      linalg::inferContractionDims(op);
  SmallVector<int64_t> sizes = getLoopSizeBounds(op);
  int64_t lanes = sizes[info->laneDim];
  if (failed(dims) || ShapedType::isDynamic(lanes))
    return;
  // The panel loop: the n loop besides the lanes.
  std::optional<unsigned> panels;
  for (unsigned d : dims->n)
    if (d != info->laneDim)
      panels = d;
  if (!panels || ShapedType::isDynamic(sizes[*panels]))
    return;
  int64_t block = std::max<int64_t>(1, kBlockN / lanes);
  if (sizes[*panels] <= block)
    return;
  SmallVector<int64_t> tiles(sizes.size(), 0);
  tiles[*panels] = block;

  scf::SCFTileAndFuseOptions options;
  options.tilingOptions.setLoopType(scf::SCFTilingOptions::LoopType::ForOp);
  options.tilingOptions.setTileSizes(
      getAsIndexOpFoldResult(op->getContext(), tiles));
  options.setFusionControlFn(
      [&](tensor::ExtractSliceOp slice, OpResult producer, bool isDestination)
          -> std::optional<scf::SCFTileAndFuseOptions::ControlFnResult> {
        if (producer.getOwner() == pack.getOperation())
          return scf::SCFTileAndFuseOptions::ControlFnResult{};
        return fuseInitsOnly(slice, producer, isDestination);
      });
  rewriter.setInsertionPoint(op);
  FailureOr<scf::SCFTileAndFuseResult> result =
      scf::tileConsumerAndFuseProducersUsingSCF(
          rewriter, cast<TilingInterface>(op.getOperation()), options);
  if (failed(result))
    return;
  for (OpResult res : op->getResults())
    if (Value replacement = result->replacements.lookup(res))
      rewriter.replaceAllUsesWith(res, replacement);
  if (op->use_empty())
    rewriter.eraseOp(op);
  // The fused producers (the packing, the initialization) are dead, but for
  // the slices of them that fusion left behind.
  for (Operation *producer : result->fusedProducers) {
    for (Operation *user : llvm::make_early_inc_range(producer->getUsers()))
      if (isa<tensor::ExtractSliceOp>(user) && user->use_empty())
        rewriter.eraseOp(user);
    if (producer->use_empty())
      rewriter.eraseOp(producer);
  }
}

/// Whether `op` is the epilogue of an op with a tiling strategy, which tiles
/// it along.
bool isEpilogueOfTiledOp(linalg::LinalgOp op) {
  if (op.getNumDpsInits() != 1)
    return false;
  auto producer =
      op.getDpsInitOperand(0)->get().getDefiningOp<linalg::LinalgOp>();
  if (!producer || getEpilogue(producer) != op.getOperation())
    return false;
  FailureOr<OpInfo> info = classifyOp(producer);
  return succeeded(info) && takesEpilogue(info->kind) &&
         hasTileableMaps(producer);
}

struct TileAndFusePass
    : public tlc::impl::TLTileAndFuseBase<TileAndFusePass> {
  using Base::Base;

  void runOnOperation() override {
    func::FuncOp func = getOperation();
    IRRewriter rewriter(&getContext());
    Tiler tiler(rewriter, vectorWidth, parallel);

    // An op with a static empty loop does no iteration: its results are its
    // inits (an empty tensor, or an accumulator left as initialized). Tiling
    // would divide by the zero trip count.
    SmallVector<linalg::LinalgOp> empty;
    func.walk([&](linalg::LinalgOp op) {
      if (op.hasPureTensorSemantics() &&
          llvm::is_contained(op.getStaticLoopRanges(), 0))
        empty.push_back(op);
    });
    for (linalg::LinalgOp op : empty)
      rewriter.replaceOp(op, op.getDpsInits());

    // Elementwise consumers of contractions, convolutions and windows update
    // their producer's result in place, so that they can join its tiles.
    SmallVector<linalg::LinalgOp> producers;
    func.walk([&](linalg::LinalgOp op) {
      FailureOr<OpInfo> info = classifyOp(op);
      if (succeeded(info) && takesEpilogue(info->kind) && hasTileableMaps(op))
        producers.push_back(op);
    });
    for (linalg::LinalgOp producer : producers)
      (void)makeEpilogueInPlace(rewriter, producer);

    if (parallel) {
      SmallVector<linalg::LinalgOp> packed;
      func.walk([&](linalg::LinalgOp op) {
        if (getRuntimePacking(op))
          packed.push_back(op);
      });
      for (linalg::LinalgOp op : packed)
        packPerColumnBlock(rewriter, op);
    }

    // Distribution level, consumers first so that their producers are still
    // whole when fused.
    SmallVector<linalg::LinalgOp> roots;
    func.walk([&](linalg::LinalgOp op) { roots.push_back(op); });
    for (linalg::LinalgOp op : llvm::reverse(roots)) {
      if (!op->getBlock() || tiler.isErased(op))
        continue;
      // Epilogues are tiled with their producers.
      if (isEpilogueOfTiledOp(op))
        continue;
      // Fills that only initialize destinations are fused into their users.
      if (isa<linalg::FillOp>(op) &&
          llvm::all_of(op->getUses(), [](OpOperand &use) {
            auto user = dyn_cast<DestinationStyleOpInterface>(use.getOwner());
            return user && user.isDpsInit(&use) &&
                   isa<linalg::LinalgOp>(use.getOwner());
          }) && !op->use_empty())
        continue;
      // An op the tiling rejects stays whole (sequential loops later).
      (void)tiler.tileOuter(op);
    }
    // Fills that lost their users to fusion.
    func.walk([&](linalg::FillOp fill) {
      if (fill->use_empty())
        rewriter.eraseOp(fill);
    });

    // Register and reduction levels on every op, now inside its block loops;
    // fills last, so that the register tiles of their users fuse them (the
    // accumulator then starts in registers instead of being loaded).
    SmallVector<linalg::LinalgOp> ops;
    func.walk([&](linalg::LinalgOp op) {
      if (!isa<linalg::FillOp>(op))
        ops.push_back(op);
    });
    for (linalg::LinalgOp op : ops)
      if (!tiler.isErased(op))
        tiler.tileInner(op);
    SmallVector<linalg::FillOp> fills;
    func.walk([&](linalg::FillOp fill) { fills.push_back(fill); });
    for (linalg::FillOp fill : fills) {
      if (fill->use_empty()) {
        rewriter.eraseOp(fill);
        continue;
      }
      // A fill fused into a register tile is vectorized whole, so that the
      // accumulator read folds to the fill value.
      SmallVector<int64_t> sizes =
          getLoopSizeBounds(cast<linalg::LinalgOp>(fill.getOperation()));
      if (!llvm::any_of(sizes, ShapedType::isDynamic) &&
          volume(sizes) <= kRegisterTileElements)
        continue;
      tiler.tileInner(fill);
    }
  }
};
} // namespace
