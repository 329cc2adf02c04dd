//===- Vectorize.cpp - the tl-vectorize pass ------------------------------===//
//
// Turns the register tiles left by tl-tile-and-fuse into vector code on
// tensors and keeps accumulators in registers across reduction loops:
//
//  * convolution and pooling tiles go through vectorizeWindowTile;
//  * every other linalg op whose (bounded) iteration space fits the vector
//    budget goes through upstream linalg::vectorize, masked when its sizes
//    are dynamic (the partial tiles at the boundaries);
//  * tensor subset ops are folded into the transfers and loop-invariant
//    transfer_read/transfer_write pairs on loop-carried tensors are hoisted,
//    so a K loop carries its accumulator as a vector.
//
// Ops that cannot be vectorized are left alone and become scalar loops after
// bufferization.
//
//===----------------------------------------------------------------------===//

#include "OpKinds.h"
#include "tlc/Transforms/Passes.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Tensor/Transforms/Transforms.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/Dialect/Vector/Transforms/LoweringPatterns.h"
#include "mlir/Dialect/Vector/Transforms/VectorRewritePatterns.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "mlir/Transforms/LoopInvariantCodeMotionUtils.h"

namespace mlir::tlc {
#define GEN_PASS_DEF_TLVECTORIZE
#include "tlc/Transforms/Passes.h.inc"
} // namespace mlir::tlc

using namespace mlir;
using namespace mlir::tlc;

namespace {

/// Vectorizes `op` if its iteration space has a bound of at most
/// `maxElements` points.
LogicalResult vectorizeOp(RewriterBase &rewriter, linalg::LinalgOp op,
                          int64_t maxElements) {
  if (!op.hasPureTensorSemantics() || op.getNumLoops() == 0)
    return failure();
  // Vectors of i1 are bit-packed in memory while buffers hold a byte per
  // element: sub-byte element types stay scalar.
  for (Value operand : op->getOperands()) {
    Type elemType = getElementTypeOrSelf(operand.getType());
    if (elemType.isIntOrFloat() && elemType.getIntOrFloatBitWidth() % 8 != 0)
      return failure();
  }
  SmallVector<int64_t> bounds = getLoopSizeBounds(op);
  if (llvm::any_of(bounds, ShapedType::isDynamic))
    return failure();
  int64_t volume = 1;
  for (int64_t b : bounds)
    volume *= std::max<int64_t>(b, 1);
  if (volume > maxElements || llvm::is_contained(bounds, 0))
    return failure();

  FailureOr<OpInfo> info = classifyOp(op);
  if (succeeded(info) &&
      (info->kind == OpKind::Conv || info->kind == OpKind::Window ||
       // Generic contractions (e.g. over a packed operand, with unit
       // loops besides the lanes and rows) that upstream vectorization
       // would not turn into a 2-D vector.contract.
       (info->kind == OpKind::Contraction &&
        isa<linalg::GenericOp>(op.getOperation()) &&
        succeeded(vectorizeWindowTilePrecondition(op, *info))))) {
    FailureOr<SmallVector<Value>> replacements =
        vectorizeWindowTile(rewriter, op, *info);
    if (failed(replacements))
      return failure();
    rewriter.replaceOp(op, *replacements);
    return success();
  }

  bool dynamic = llvm::any_of(op.getStaticLoopRanges(), ShapedType::isDynamic);
  SmallVector<int64_t> vectorSizes;
  if (dynamic) {
    // Masked: vector sizes at the bounds, rounded up to powers of two so
    // that boundary tiles use the same machine vectors as full tiles.
    vectorSizes = llvm::map_to_vector(bounds, [](int64_t b) {
      return int64_t(llvm::PowerOf2Ceil(std::max<int64_t>(b, 1)));
    });
  }
  // An empty list of scalable flags yields mask types that differ from the
  // ones the verifier expects; spell the flags out.
  SmallVector<bool> scalable(vectorSizes.size(), false);
  rewriter.setInsertionPoint(op);
  FailureOr<linalg::VectorizationResult> result = linalg::vectorize(
      rewriter, op, vectorSizes, scalable,
      // Gathers are vectorized with indices linearized over the tensor's
      // shape, which is wrong once the tensor is a strided view.
      /*vectorizeNDExtract=*/false, /*flatten1DDepthwiseConv=*/false,
      /*assumeDynamicDimsMatchVecSizes=*/false,
      // Matmul-like tiles as one vector.contract on 2-D operands (lowered
      // to outer products); other reductions (e.g. a dot product with a
      // rank-0 result) as multi-reductions.
      /*createNamedContraction=*/!dynamic && succeeded(info) &&
          info->kind == OpKind::Contraction);
  if (failed(result))
    return failure();
  rewriter.replaceOp(op, result->replacements);
  return success();
}

/// A read of a tensor that a transfer_write has entirely overwritten with a
/// splat (a vectorized fill) is that splat: the accumulator of a register
/// tile then starts in registers, whatever the read's permutation.
struct ReadOfSplatWrite : public OpRewritePattern<vector::TransferReadOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(vector::TransferReadOp read,
                                PatternRewriter &rewriter) const override {
    auto write = read.getBase().getDefiningOp<vector::TransferWriteOp>();
    if (!write || write.getMask() || read.getMask() ||
        !read.getPermutationMap().isProjectedPermutation())
      return failure();
    auto tensorType = dyn_cast<RankedTensorType>(write.getBase().getType());
    if (!tensorType || !tensorType.hasStaticShape() ||
        write.getVectorType().getShape() != tensorType.getShape() ||
        !write.getPermutationMap().isMinorIdentity() ||
        !llvm::all_of(write.getIndices(), isZeroInteger) ||
        llvm::any_of(read.getInBoundsValues(), [](bool b) { return !b; }))
      return failure();
    SplatElementsAttr splat;
    if (!matchPattern(write.getVector(), m_Constant(&splat)))
      return failure();
    rewriter.replaceOpWithNewOp<arith::ConstantOp>(
        read, SplatElementsAttr::get(read.getVectorType(),
                                     splat.getSplatValue<Attribute>()));
    return success();
  }
};

/// A read of a whole tensor that a transfer_write has entirely overwritten
/// with a permuted vector (a register tile written transposed, as the
/// convolution micro-kernel writes its accumulator) is that vector
/// transposed: an epilogue fused after the tile then takes the accumulator
/// from registers, and the write dies.
struct ReadOfPermutedWrite : public OpRewritePattern<vector::TransferReadOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(vector::TransferReadOp read,
                                PatternRewriter &rewriter) const override {
    auto write = read.getBase().getDefiningOp<vector::TransferWriteOp>();
    auto tensorType = dyn_cast<RankedTensorType>(read.getBase().getType());
    if (!write || write.getMask() || read.getMask() || !tensorType ||
        !tensorType.hasStaticShape() ||
        read.getVectorType().getShape() != tensorType.getShape() ||
        !read.getPermutationMap().isIdentity() ||
        !llvm::all_of(read.getIndices(), isZeroInteger) ||
        !llvm::all_of(write.getIndices(), isZeroInteger) ||
        llvm::any_of(read.getInBoundsValues(), [](bool b) { return !b; }) ||
        llvm::any_of(write.getInBoundsValues(), [](bool b) { return !b; }))
      return failure();
    // The written vector's dimensions, in the order of the tensor dimensions
    // they cover; every other tensor dimension has size 1.
    AffineMap map = write.getPermutationMap();
    VectorType written = write.getVectorType();
    SmallVector<int64_t> permutation;
    for (int64_t dim = 0; dim < tensorType.getRank(); ++dim) {
      std::optional<unsigned> position =
          map.getResultPosition(getAffineDimExpr(dim, read.getContext()));
      if (!position) {
        if (tensorType.getDimSize(dim) != 1)
          return failure();
        continue;
      }
      if (written.getDimSize(*position) != tensorType.getDimSize(dim))
        return failure();
      permutation.push_back(*position);
    }
    if (int64_t(permutation.size()) != written.getRank() ||
        !map.isProjectedPermutation())
      return failure();
    Value value = write.getVector();
    if (!llvm::equal(permutation, llvm::seq<int64_t>(0, written.getRank())))
      value = vector::TransposeOp::create(rewriter, read.getLoc(), value,
                                          permutation);
    rewriter.replaceOpWithNewOp<vector::ShapeCastOp>(read, read.getVectorType(),
                                                     value);
    return success();
  }
};

/// A transfer_write that overwrites a whole tensor makes an earlier write
/// into that tensor dead, whatever its permutation.
struct WriteOverWrite : public OpRewritePattern<vector::TransferWriteOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(vector::TransferWriteOp write,
                                PatternRewriter &rewriter) const override {
    auto earlier = write.getBase().getDefiningOp<vector::TransferWriteOp>();
    auto tensorType = dyn_cast<RankedTensorType>(write.getBase().getType());
    if (!earlier || !earlier->hasOneUse() || write.getMask() || !tensorType ||
        !tensorType.hasStaticShape() ||
        write.getVectorType().getShape() != tensorType.getShape() ||
        !write.getPermutationMap().isIdentity() ||
        !llvm::all_of(write.getIndices(), isZeroInteger) ||
        llvm::any_of(write.getInBoundsValues(), [](bool b) { return !b; }))
      return failure();
    rewriter.modifyOpInPlace(write, [&] {
      write.getBaseMutable().assign(earlier.getBase());
    });
    return success();
  }
};

struct VectorizePass : public tlc::impl::TLVectorizeBase<VectorizePass> {
  using Base::Base;

  void runOnOperation() override {
    func::FuncOp func = getOperation();
    MLIRContext *ctx = &getContext();
    IRRewriter rewriter(ctx);

    SmallVector<linalg::LinalgOp> ops;
    func.walk([&](linalg::LinalgOp op) { ops.push_back(op); });
    for (linalg::LinalgOp op : ops)
      (void)vectorizeOp(rewriter, op, maxVectorElements);

    // Fold slices into transfers and clean up, so that accumulator accesses
    // become loop-invariant reads/writes of the loop-carried tensor.
    {
      RewritePatternSet patterns(ctx);
      tensor::populateFoldTensorSubsetIntoVectorTransferPatterns(patterns);
      patterns.add<ReadOfSplatWrite, ReadOfPermutedWrite, WriteOverWrite>(ctx);
      vector::populateVectorReductionToContractPatterns(patterns);
      vector::populateSinkVectorOpsPatterns(patterns);
      vector::TransferReadOp::getCanonicalizationPatterns(patterns, ctx);
      vector::TransferWriteOp::getCanonicalizationPatterns(patterns, ctx);
      tensor::ExtractSliceOp::getCanonicalizationPatterns(patterns, ctx);
      tensor::InsertSliceOp::getCanonicalizationPatterns(patterns, ctx);
      scf::ForOp::getCanonicalizationPatterns(patterns, ctx);
      affine::AffineApplyOp::getCanonicalizationPatterns(patterns, ctx);
      affine::AffineMinOp::getCanonicalizationPatterns(patterns, ctx);
      if (failed(applyPatternsGreedily(func, std::move(patterns))))
        return signalPassFailure();
    }

    // Masks move into the masked operations (buffer deallocation cannot look
    // into vector.mask regions).
    {
      RewritePatternSet patterns(ctx);
      vector::populateVectorMaskLoweringPatternsForSideEffectingOps(patterns);
      vector::populateVectorMultiReductionLoweringPatterns(
          patterns, vector::VectorMultiReductionLowering::InnerReduction);
      if (failed(applyPatternsGreedily(func, std::move(patterns))))
        return signalPassFailure();
    }

    // Innermost loops first, so that a hoisted pair can keep moving out.
    SmallVector<LoopLikeOpInterface> loops;
    func.walk([&](scf::ForOp loop) { loops.push_back(loop); });
    for (LoopLikeOpInterface loop : loops) {
      moveLoopInvariantCode(loop);
      (void)hoistLoopInvariantSubsets(rewriter, loop);
    }

    // Hoisted accumulator reads now read the initialization directly, and the
    // loops no longer need the tensors they carried.
    RewritePatternSet patterns(ctx);
    patterns.add<ReadOfSplatWrite, ReadOfPermutedWrite, WriteOverWrite>(ctx);
    scf::ForOp::getCanonicalizationPatterns(patterns, ctx);
    if (failed(applyPatternsGreedily(func, std::move(patterns))))
      return signalPassFailure();
  }
};

} // namespace
