//===- PackConvFilters.cpp - the tl-pack-conv-filters pass ----------------===//
//
// The CPU convolution micro-kernel puts output channels on the vector lanes,
// so it reads the filter as contiguous vectors along the output channel.
// Channels-first filters (FCHW, GFCHW, ...) have it outermost; this pass
// transposes the filter (output channel moved last, other dimensions in
// order) and rewrites the convolution into a linalg.generic that reads the
// transposed filter.
//
//===----------------------------------------------------------------------===//

#include "OpKinds.h"
#include "tlc/Transforms/Passes.h"

#include "mlir/Dialect/Linalg/IR/LinalgInterfaces.h"
#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Dialect/Tensor/Utils/Utils.h"
#include "mlir/IR/PatternMatch.h"

namespace mlir::tlc {
#define GEN_PASS_DEF_TLPACKCONVFILTERS
#include "tlc/Transforms/Passes.h.inc"
} // namespace mlir::tlc

using namespace mlir;

namespace {

/// Rewrites `op` into a generic over one more loop, splitting the output
/// channel loop f into blocks fo (the old loop) and lanes fi (new, last):
/// the filter becomes [..., fo, <other filter dims>, fi] (FCHW: FoCHWFi), so
/// the panel of one block of output channels is contiguous, and the output
/// is indexed at fo * block + fi.
LogicalResult packBlocked(RewriterBase &rewriter, linalg::LinalgOp op,
                          const linalg::ConvolutionDimensions &dims,
                          unsigned pos, int64_t block) {
  MLIRContext *ctx = op.getContext();
  Location loc = op.getLoc();
  OpOperand *filter = op.getDpsInputOperand(1);
  AffineMap filterMap = op.getMatchingIndexingMap(filter);
  unsigned rank = filterMap.getNumResults();
  unsigned f = dims.outputChannel.back();
  unsigned numLoops = op.getNumLoops();
  unsigned fi = numLoops;

  // [.., F, ..] -> [.., F/block, block, ..] -> [.., F/block, .., block].
  Value source = filter->get();
  auto sourceType = cast<RankedTensorType>(source.getType());
  SmallVector<int64_t> expandedShape;
  SmallVector<ReassociationIndices> reassociation;
  for (unsigned i = 0; i < rank; ++i) {
    if (i == pos) {
      reassociation.push_back({int64_t(expandedShape.size()),
                               int64_t(expandedShape.size()) + 1});
      expandedShape.push_back(sourceType.getDimSize(i) / block);
      expandedShape.push_back(block);
      continue;
    }
    reassociation.push_back({int64_t(expandedShape.size())});
    expandedShape.push_back(sourceType.getDimSize(i));
  }
  rewriter.setInsertionPoint(op);
  auto expandedType =
      RankedTensorType::get(expandedShape, sourceType.getElementType());
  Value expanded = tensor::ExpandShapeOp::create(rewriter, loc, expandedType,
                                                 source, reassociation);
  SmallVector<int64_t> perm;
  for (unsigned i = 0; i <= pos; ++i)
    perm.push_back(i);
  for (unsigned i = pos + 2; i <= rank; ++i)
    perm.push_back(i);
  perm.push_back(pos + 1);
  SmallVector<int64_t> packedShape =
      llvm::map_to_vector(perm, [&](int64_t p) { return expandedShape[p]; });
  Value empty = tensor::EmptyOp::create(rewriter, loc, packedShape,
                                        sourceType.getElementType());
  Value packed =
      linalg::TransposeOp::create(rewriter, loc, expanded, empty, perm)
          ->getResult(0);

  // Loop f becomes the block loop; every other access to it becomes
  // f * block + fi.
  AffineExpr fExpr = getAffineDimExpr(f, ctx);
  AffineExpr split = fExpr * block + getAffineDimExpr(fi, ctx);
  SmallVector<AffineMap> maps;
  for (OpOperand &operand : op->getOpOperands()) {
    AffineMap map = op.getMatchingIndexingMap(&operand);
    SmallVector<AffineExpr> results;
    if (&operand == filter) {
      for (unsigned i = 0; i < rank; ++i)
        if (i != pos)
          results.push_back(map.getResult(i));
        else
          results.push_back(fExpr);
      // Blocks first: move the block dimension ahead of the others as in
      // `perm`, and the lanes last.
      SmallVector<AffineExpr> reordered;
      for (unsigned i = 0; i <= pos; ++i)
        reordered.push_back(results[i]);
      for (unsigned i = pos + 1; i < rank; ++i)
        reordered.push_back(results[i]);
      reordered.push_back(getAffineDimExpr(fi, ctx));
      results = reordered;
    } else {
      for (AffineExpr e : map.getResults())
        results.push_back(e.replace(fExpr, split));
    }
    maps.push_back(AffineMap::get(numLoops + 1, 0, results, ctx));
  }
  SmallVector<utils::IteratorType> iters = op.getIteratorTypesArray();
  iters.push_back(utils::IteratorType::parallel);

  auto generic = linalg::GenericOp::create(
      rewriter, loc, op->getResultTypes(),
      ValueRange{op.getDpsInputOperand(0)->get(), packed},
      op.getDpsInits(), maps, iters);
  rewriter.cloneRegionBefore(op->getRegion(0), generic.getRegion(),
                             generic.getRegion().end());
  generic->setAttr(tlc::kLaneDimAttr, rewriter.getI64IntegerAttr(fi));
  generic->setAttr(tlc::kRowDimAttr,
                   rewriter.getI64IntegerAttr(dims.outputImage.back()));
  rewriter.replaceOp(op, generic->getResults());
  return success();
}

LogicalResult packFilter(RewriterBase &rewriter, linalg::LinalgOp op,
                         int64_t block) {
  if (!op.hasPureTensorSemantics() || op.getNumDpsInputs() != 2 ||
      op.getNumDpsInits() != 1 || !linalg::isaConvolutionOpInterface(op))
    return failure();
  FailureOr<linalg::ConvolutionDimensions> dims =
      linalg::inferConvolutionDims(op);
  if (failed(dims) || dims->outputChannel.empty() ||
      dims->inputChannel.empty())
    return failure();
  OpOperand *filter = op.getDpsInputOperand(1);
  AffineMap filterMap = op.getMatchingIndexingMap(filter);
  if (!filterMap.isProjectedPermutation())
    return failure();
  std::optional<unsigned> pos = filterMap.getResultPosition(
      getAffineDimExpr(dims->outputChannel.back(), op.getContext()));
  unsigned rank = filterMap.getNumResults();
  if (!pos || *pos == rank - 1)
    return failure();
  auto filterType = cast<RankedTensorType>(filter->get().getType());
  int64_t channels = filterType.getDimSize(*pos);
  if (block > 0 && filterType.hasStaticShape() && channels % block == 0)
    return packBlocked(rewriter, op, *dims, *pos, block);

  SmallVector<int64_t> perm;
  for (unsigned i = 0; i < rank; ++i)
    if (i != *pos)
      perm.push_back(i);
  perm.push_back(*pos);

  Location loc = op.getLoc();
  rewriter.setInsertionPoint(op);
  Value source = filter->get();
  auto sourceType = cast<RankedTensorType>(source.getType());
  SmallVector<OpFoldResult> sizes =
      tensor::getMixedSizes(rewriter, loc, source);
  SmallVector<OpFoldResult> packedSizes =
      llvm::map_to_vector(perm, [&](int64_t p) { return sizes[p]; });
  Value empty = tensor::EmptyOp::create(rewriter, loc, packedSizes,
                                        sourceType.getElementType());
  Value packed =
      linalg::TransposeOp::create(rewriter, loc, source, empty, perm)
          ->getResult(0);

  SmallVector<AffineExpr> packedExprs = llvm::map_to_vector(
      perm, [&](int64_t p) { return filterMap.getResult(p); });
  AffineMap packedMap = AffineMap::get(filterMap.getNumDims(), 0, packedExprs,
                                       op.getContext());
  SmallVector<AffineMap> maps = op.getIndexingMapsArray();
  maps[filter->getOperandNumber()] = packedMap;

  linalg::GenericOp generic;
  if (auto existing = dyn_cast<linalg::GenericOp>(op.getOperation())) {
    generic = existing;
  } else {
    FailureOr<linalg::GenericOp> generalized =
        linalg::generalizeNamedOp(rewriter, op);
    if (failed(generalized))
      return failure();
    generic = *generalized;
  }
  rewriter.modifyOpInPlace(generic, [&] {
    generic.setIndexingMapsAttr(rewriter.getAffineMapArrayAttr(maps));
    generic->setOperand(1, packed);
  });
  return success();
}

struct PackConvFiltersPass
    : public tlc::impl::TLPackConvFiltersBase<PackConvFiltersPass> {
  using Base::Base;

  void runOnOperation() override {
    IRRewriter rewriter(&getContext());
    SmallVector<linalg::LinalgOp> convs;
    getOperation().walk([&](linalg::LinalgOp op) { convs.push_back(op); });
    for (linalg::LinalgOp op : convs)
      (void)packFilter(rewriter, op, laneBlock);
  }
};

} // namespace
