//===- FoldConstantTransposes.cpp - the tl-fold-constant-transposes pass --===//
//
// Layout changes of weights (filter packing, transposed dense weights) are
// transposes of constants; this pass permutes the constant data at compile
// time. Both elements attributes and dense_resource blobs are handled.
//
//===----------------------------------------------------------------------===//

#include "tlc/Transforms/Passes.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/AsmState.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/IR/PatternMatch.h"

namespace mlir::tlc {
#define GEN_PASS_DEF_TLFOLDCONSTANTTRANSPOSES
#include "tlc/Transforms/Passes.h.inc"
} // namespace mlir::tlc

using namespace mlir;

namespace {

/// `perm` such that result dimension i is source dimension perm[i], if `op`
/// only permutes its single input.
std::optional<SmallVector<int64_t>> getTransposition(linalg::LinalgOp op) {
  if (auto transpose = dyn_cast<linalg::TransposeOp>(op.getOperation()))
    return SmallVector<int64_t>(transpose.getPermutation());
  auto generic = dyn_cast<linalg::GenericOp>(op.getOperation());
  if (!generic || generic.getNumDpsInputs() != 1 ||
      generic.getNumDpsInits() != 1 ||
      generic.getNumReductionLoops() != 0)
    return std::nullopt;
  Block &body = generic.getRegion().front();
  if (body.getOperations().size() != 1 ||
      body.getTerminator()->getOperand(0) != body.getArgument(0))
    return std::nullopt;
  AffineMap in = generic.getMatchingIndexingMap(generic.getDpsInputOperand(0));
  AffineMap out = generic.getMatchingIndexingMap(generic.getDpsInitOperand(0));
  if (!in.isPermutation() || !out.isIdentity())
    return std::nullopt;
  // Input dimension j is indexed by loop (= result dimension) in(j).
  SmallVector<int64_t> perm(in.getNumResults());
  for (unsigned j = 0; j < in.getNumResults(); ++j)
    perm[in.getDimPosition(j)] = j;
  return perm;
}

/// The bytes of `data` (row-major `shape`, `elemBytes` per element) permuted.
std::vector<char> permuteBytes(ArrayRef<char> data, ArrayRef<int64_t> shape,
                               ArrayRef<int64_t> perm, size_t elemBytes) {
  size_t rank = shape.size();
  SmallVector<int64_t> srcStrides(rank, 1);
  for (int64_t i = int64_t(rank) - 2; i >= 0; --i)
    srcStrides[i] = srcStrides[i + 1] * shape[i + 1];
  SmallVector<int64_t> dstShape, dstToSrc;
  for (int64_t p : perm) {
    dstShape.push_back(shape[p]);
    dstToSrc.push_back(srcStrides[p]);
  }
  std::vector<char> out(data.size());
  SmallVector<int64_t> index(rank, 0);
  int64_t count = data.size() / elemBytes;
  int64_t srcOffset = 0;
  for (int64_t linear = 0; linear < count; ++linear) {
    std::memcpy(out.data() + linear * elemBytes,
                data.data() + srcOffset * elemBytes, elemBytes);
    // Advance the destination index odometer, tracking the source offset.
    for (int64_t d = int64_t(rank) - 1; d >= 0; --d) {
      if (++index[d] < dstShape[d]) {
        srcOffset += dstToSrc[d];
        break;
      }
      srcOffset -= dstToSrc[d] * (dstShape[d] - 1);
      index[d] = 0;
    }
  }
  return out;
}

/// The constant `value`, read as `sourceType`, transposed into `type`, or
/// null.
Attribute transposeConstant(Attribute value, RankedTensorType sourceType,
                            RankedTensorType type, ArrayRef<int64_t> perm) {
  Type elemType = type.getElementType();
  if (!elemType.isIntOrIndexOrFloat() ||
      elemType.getIntOrFloatBitWidth() % 8 != 0)
    return {};
  size_t elemBytes = elemType.getIntOrFloatBitWidth() / 8;
  if (auto dense = dyn_cast<DenseElementsAttr>(value)) {
    if (dense.isSplat())
      return dense.resizeSplat(type);
    std::vector<char> data = permuteBytes(
        dense.getRawData(), sourceType.getShape(), perm, elemBytes);
    return DenseElementsAttr::getFromRawBuffer(type, data);
  }
  if (auto resource = dyn_cast<DenseResourceElementsAttr>(value)) {
    AsmResourceBlob *blob = resource.getRawHandle().getBlob();
    if (!blob)
      return {};
    std::vector<char> data = permuteBytes(
        blob->getData(), sourceType.getShape(), perm, elemBytes);
    return DenseResourceElementsAttr::get(
        type, (resource.getRawHandle().getKey() + "_transposed").str(),
        HeapAsmResourceBlob::allocateAndCopyWithAlign(data, alignof(double)));
  }
  return {};
}

struct FoldConstantTransposesPass
    : public tlc::impl::TLFoldConstantTransposesBase<
          FoldConstantTransposesPass> {
  void runOnOperation() override {
    IRRewriter rewriter(&getContext());
    SmallVector<linalg::LinalgOp> candidates;
    getOperation().walk([&](linalg::LinalgOp op) {
      if (op.hasPureTensorSemantics())
        candidates.push_back(op);
    });
    for (linalg::LinalgOp op : candidates) {
      std::optional<SmallVector<int64_t>> perm = getTransposition(op);
      if (!perm)
        continue;
      // Reshapes keep the row-major data: look through them.
      Value source = op.getDpsInputOperand(0)->get();
      auto sourceType = dyn_cast<RankedTensorType>(source.getType());
      while (true) {
        if (auto expand = source.getDefiningOp<tensor::ExpandShapeOp>())
          source = expand.getSrc();
        else if (auto collapse = source.getDefiningOp<tensor::CollapseShapeOp>())
          source = collapse.getSrc();
        else
          break;
      }
      auto constant = source.getDefiningOp<arith::ConstantOp>();
      auto resultType = dyn_cast<RankedTensorType>(op->getResult(0).getType());
      if (!constant || !resultType || !resultType.hasStaticShape() ||
          !sourceType || !sourceType.hasStaticShape())
        continue;
      Attribute folded = transposeConstant(constant.getValue(), sourceType,
                                           resultType, *perm);
      if (!folded)
        continue;
      rewriter.setInsertionPoint(op);
      rewriter.replaceOpWithNewOp<arith::ConstantOp>(
          op, resultType, cast<TypedAttr>(folded));
    }
  }
};

} // namespace
