//===- PackMatmul.cpp - the tl-pack-matmul pass ---------------------------===//
//
// C[m, n] += A[m, k] * B[k, n] becomes
//
//   Bp[n1, k, n0] = B[k, n1 * b + n0]           (expand_shape + transpose)
//   C3[m, n1, n0] += A[m, k] * Bp[n1, k, n0]     (linalg.generic)
//   C = collapse_shape(C3)
//
// so that the register tiles of the contraction (rows of m x b lanes of n0)
// stream B from one contiguous, aligned panel.
//
//===----------------------------------------------------------------------===//

#include "tlc/Transforms/Passes.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/IR/LinalgInterfaces.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"

namespace mlir::tlc {
#define GEN_PASS_DEF_TLPACKMATMUL
#include "tlc/Transforms/Passes.h.inc"
} // namespace mlir::tlc

using namespace mlir;

namespace {

/// Whether `value` is (a reshape of) a constant.
bool isConstant(Value value) {
  while (true) {
    if (auto expand = value.getDefiningOp<tensor::ExpandShapeOp>())
      value = expand.getSrc();
    else if (auto collapse = value.getDefiningOp<tensor::CollapseShapeOp>())
      value = collapse.getSrc();
    else
      break;
  }
  return matchPattern(value, m_Constant());
}

LogicalResult packMatmul(RewriterBase &rewriter, linalg::MatmulOp op,
                         int64_t block, int64_t minRows) {
  if (!op.hasPureTensorSemantics())
    return failure();
  MLIRContext *ctx = op.getContext();
  AffineExpr m = getAffineDimExpr(0, ctx), n = getAffineDimExpr(1, ctx),
             k = getAffineDimExpr(2, ctx);
  SmallVector<AffineMap> maps = op.getIndexingMapsArray();
  auto mapOf = [&](ArrayRef<AffineExpr> exprs) {
    return AffineMap::get(3, 0, exprs, ctx);
  };
  if (maps[0] != mapOf({m, k}) || maps[2] != mapOf({m, n}))
    return failure();
  bool transposedB = maps[1] == mapOf({n, k});
  if (!transposedB && maps[1] != mapOf({k, n}))
    return failure();

  Value a = op.getDpsInputOperand(0)->get();
  Value b = op.getDpsInputOperand(1)->get();
  Value c = op.getDpsInitOperand(0)->get();
  auto bType = cast<RankedTensorType>(b.getType());
  auto cType = cast<RankedTensorType>(c.getType());
  if (!bType.hasStaticShape() || bType.getElementType() != cType.getElementType())
    return failure();
  int64_t rows = cType.getDimSize(0);
  int64_t depth = bType.getDimSize(transposedB ? 1 : 0);
  int64_t cols = bType.getDimSize(transposedB ? 0 : 1);
  if (cols % block != 0 || cols / block < 1)
    return failure();
  // A variable B is copied on every call: only worth it for enough rows.
  if (!isConstant(b) && (ShapedType::isDynamic(rows) || rows < minRows))
    return failure();

  Location loc = op.getLoc();
  rewriter.setInsertionPoint(op);
  Type elemType = bType.getElementType();
  int64_t panels = cols / block;
  // B [K, N] -> [K, N/b, b] -> [N/b, K, b]; B^T [N, K] -> [N/b, b, K] ->
  // [N/b, K, b].
  Value expandedB;
  SmallVector<int64_t> perm;
  if (transposedB) {
    auto type = RankedTensorType::get({panels, block, depth}, elemType);
    expandedB = tensor::ExpandShapeOp::create(
        rewriter, loc, type, b, SmallVector<ReassociationIndices>{{0, 1}, {2}});
    perm = {0, 2, 1};
  } else {
    auto type = RankedTensorType::get({depth, panels, block}, elemType);
    expandedB = tensor::ExpandShapeOp::create(
        rewriter, loc, type, b, SmallVector<ReassociationIndices>{{0}, {1, 2}});
    perm = {1, 0, 2};
  }
  Value packedInit = tensor::EmptyOp::create(
      rewriter, loc, ArrayRef<int64_t>{panels, depth, block}, elemType);
  Value packedB = linalg::TransposeOp::create(rewriter, loc, expandedB,
                                              packedInit, perm)
                      ->getResult(0);

  // C as [M, N/b, b]: a fill of a fresh 3-D tensor when C is a fill (so that
  // the register tiles still fuse it), a reshape otherwise.
  SmallVector<int64_t> c3Shape = {rows, panels, block};
  SmallVector<ReassociationIndices> cGroups = {{0}, {1, 2}};
  auto c3Type = RankedTensorType::get(c3Shape, elemType);
  Value c3;
  auto fill = c.getDefiningOp<linalg::FillOp>();
  if (fill && fill.getOutputs()[0].getDefiningOp<tensor::EmptyOp>()) {
    SmallVector<Value> dynamicSizes;
    if (ShapedType::isDynamic(rows))
      dynamicSizes.push_back(
          tensor::DimOp::create(rewriter, loc, c, 0).getResult());
    Value empty =
        tensor::EmptyOp::create(rewriter, loc, c3Type, dynamicSizes);
    c3 = linalg::FillOp::create(rewriter, loc, fill.getInputs()[0], empty)
             .getResult(0);
  } else {
    SmallVector<OpFoldResult> outputShape = {
        tensor::getMixedSize(rewriter, loc, c, 0),
        rewriter.getIndexAttr(panels), rewriter.getIndexAttr(block)};
    c3 = tensor::ExpandShapeOp::create(rewriter, loc, c3Type, c, cGroups,
                                       outputShape);
  }

  AffineExpr dm = getAffineDimExpr(0, ctx), dn1 = getAffineDimExpr(1, ctx),
             dn0 = getAffineDimExpr(2, ctx), dk = getAffineDimExpr(3, ctx);
  SmallVector<AffineMap> newMaps = {
      AffineMap::get(4, 0, {dm, dk}, ctx),
      AffineMap::get(4, 0, {dn1, dk, dn0}, ctx),
      AffineMap::get(4, 0, {dm, dn1, dn0}, ctx)};
  SmallVector<utils::IteratorType> iters = {
      utils::IteratorType::parallel, utils::IteratorType::parallel,
      utils::IteratorType::parallel, utils::IteratorType::reduction};
  auto generic = linalg::GenericOp::create(
      rewriter, loc, TypeRange{c3Type}, ValueRange{a, packedB}, ValueRange{c3},
      newMaps, iters);
  rewriter.cloneRegionBefore(op->getRegion(0), generic.getRegion(),
                             generic.getRegion().end());
  Value result = tensor::CollapseShapeOp::create(rewriter, loc, cType,
                                                 generic.getResult(0), cGroups);
  rewriter.replaceOp(op, result);
  return success();
}

struct PackMatmulPass
    : public tlc::impl::TLPackMatmulBase<PackMatmulPass> {
  using Base::Base;

  void runOnOperation() override {
    IRRewriter rewriter(&getContext());
    SmallVector<linalg::MatmulOp> matmuls;
    getOperation().walk([&](linalg::MatmulOp op) { matmuls.push_back(op); });
    for (linalg::MatmulOp op : matmuls)
      (void)packMatmul(rewriter, op, laneBlock, minRows);
  }
};

} // namespace
