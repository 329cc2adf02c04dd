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

LogicalResult packFilter(RewriterBase &rewriter, linalg::LinalgOp op) {
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
  void runOnOperation() override {
    IRRewriter rewriter(&getContext());
    SmallVector<linalg::LinalgOp> convs;
    getOperation().walk([&](linalg::LinalgOp op) { convs.push_back(op); });
    for (linalg::LinalgOp op : convs)
      (void)packFilter(rewriter, op);
  }
};

} // namespace
