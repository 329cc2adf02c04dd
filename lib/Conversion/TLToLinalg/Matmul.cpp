//===- Matmul.cpp - tl.dense and tl.matmul to linalg ----------------------===//
//
// Both lower to linalg.matmul (or linalg.batch_matmul / linalg.dot) into a
// zero-filled destination, with leading dims folded into M where the
// right-hand side has no batch dims, so that the codegen pipeline sees one
// large matmul. A dense bias is a separate elementwise linalg.generic that
// fusion folds into the matmul's tile loop.
//
//===----------------------------------------------------------------------===//

#include "StructuredUtils.h"

#include "tlc/Conversion/TLToLinalg/TLToLinalg.h"

#include "tl/IR/TLOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Transforms/DialectConversion.h"

using namespace mlir;
using namespace mlir::tlc::detail;

/// Collapses the dims before `keepTrailing` trailing dims of `value` into one
/// dim (rank >= keepTrailing + 1), or adds a leading unit dim when there are
/// none.
static Value foldLeadingDims(OpBuilder &b, Location loc, Value value,
                             int64_t keepTrailing) {
  auto type = cast<RankedTensorType>(value.getType());
  int64_t rank = type.getRank();
  SmallVector<int64_t> groupSizes;
  if (rank == keepTrailing) {
    // Promote: [x...] -> [1, x...].
    SmallVector<OpFoldResult> sizes = {b.getIndexAttr(1)};
    llvm::append_range(sizes, getDimSizes(b, loc, value));
    SmallVector<ReassociationIndices> groups;
    if (rank > 0) {
      groups = getContiguousGroups(SmallVector<int64_t>(rank, 1));
      for (ReassociationIndices &group : groups)
        for (int64_t &dim : group)
          ++dim;
      groups.front().insert(groups.front().begin(), 0);
    }
    return expand(b, loc, value, groups, sizes);
  }
  if (rank == keepTrailing + 1)
    return value;
  groupSizes.push_back(rank - keepTrailing);
  groupSizes.append(keepTrailing, 1);
  return collapse(b, loc, value, getContiguousGroups(groupSizes));
}

/// A zero of `elementType`.
static Value zeroOf(OpBuilder &b, Location loc, Type elementType) {
  return createScalarConstant(b, loc, elementType, 0.0);
}

/// `init += lhs x rhs` by the named contraction `NamedOp`, whose loops are
/// `numParallel` parallel then one reduction dim, read through `maps`.
/// Unsigned integers, which arith cannot compute on, get the equivalent
/// linalg.generic over zero-extended index values (the product wraps modulo
/// 2^bits like the named op's).
template <typename NamedOp>
static Value buildContraction(OpBuilder &b, Location loc, Value lhs, Value rhs,
                              Value init, int64_t numParallel,
                              ArrayRef<ArrayRef<int64_t>> maps) {
  Type elementType = cast<RankedTensorType>(init.getType()).getElementType();
  if (!elementType.isUnsignedInteger())
    return NamedOp::create(b, loc, TypeRange{init.getType()},
                           ValueRange{lhs, rhs}, ValueRange{init})
        .getResult(0);
  int64_t numLoops = numParallel + 1;
  SmallVector<AffineMap> affineMaps;
  for (ArrayRef<int64_t> dims : maps) {
    SmallVector<AffineExpr> exprs;
    for (int64_t d : dims)
      exprs.push_back(b.getAffineDimExpr(d));
    affineMaps.push_back(AffineMap::get(numLoops, 0, exprs, b.getContext()));
  }
  SmallVector<utils::IteratorType> iterators(numParallel,
                                             utils::IteratorType::parallel);
  iterators.push_back(utils::IteratorType::reduction);
  return linalg::GenericOp::create(
             b, loc, TypeRange{init.getType()}, ValueRange{lhs, rhs},
             ValueRange{init}, affineMaps, iterators,
             [&](OpBuilder &nb, Location nloc, ValueRange args) {
               Value product = arith::MulIOp::create(
                   nb, nloc, unsignedToIndex(nb, nloc, args[0]),
                   unsignedToIndex(nb, nloc, args[1]));
               Value sum = arith::AddIOp::create(
                   nb, nloc, unsignedToIndex(nb, nloc, args[2]), product);
               linalg::YieldOp::create(
                   nb, nloc, indexToUnsigned(nb, nloc, sum, elementType));
             })
      .getResult(0);
}

/// linalg.matmul of `lhs` [M, K] and `rhs` [K, N] into a zero-filled [M, N].
static Value buildMatmul(OpBuilder &b, Location loc, Value lhs, Value rhs) {
  Type elementType = cast<RankedTensorType>(lhs.getType()).getElementType();
  SmallVector<OpFoldResult> sizes = {getDimSize(b, loc, lhs, 0),
                                     getDimSize(b, loc, rhs, 1)};
  Value init = createFilled(b, loc, sizes, zeroOf(b, loc, elementType));
  // Loops (m, n, k).
  return buildContraction<linalg::MatmulOp>(b, loc, lhs, rhs, init, 2,
                                            {{0, 2}, {2, 1}, {0, 1}});
}

namespace {

struct DenseOpLowering : OpConversionPattern<tl::DenseOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(tl::DenseOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value input = adaptor.getInput();
    auto inputType = cast<RankedTensorType>(input.getType());
    int64_t rank = inputType.getRank();

    // [d0, ..., K] -> [M, K]
    Value lhs = foldLeadingDims(rewriter, loc, input, /*keepTrailing=*/1);
    Value product = buildMatmul(rewriter, loc, lhs, adaptor.getWeight());
    if (Value bias = adaptor.getBias())
      product = addBiasAlongDim(rewriter, loc, product, bias, /*dim=*/1);

    // [M, N] -> [d0, ..., N]
    Value result = product;
    if (rank == 1) {
      result = collapse(rewriter, loc, product, {{0, 1}});
    } else if (rank > 2) {
      SmallVector<OpFoldResult> sizes = getDimSizes(rewriter, loc, input);
      sizes.back() = getDimSize(rewriter, loc, product, 1);
      sizes = refineSizes(op.getType(), sizes);
      result = expand(rewriter, loc, product,
                      getContiguousGroups({rank - 1, 1}), sizes);
    }
    rewriter.replaceOp(op, castToType(rewriter, loc, result, op.getType()));
    return success();
  }
};

struct MatMulOpLowering : OpConversionPattern<tl::MatMulOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(tl::MatMulOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType resultType = op.getType();
    Value lhs = adaptor.getLhs(), rhs = adaptor.getRhs();
    auto lhsType = cast<RankedTensorType>(lhs.getType());
    auto rhsType = cast<RankedTensorType>(rhs.getType());
    int64_t lhsRank = lhsType.getRank(), rhsRank = rhsType.getRank();
    Type elementType = lhsType.getElementType();

    Value result;
    if (lhsRank == 1 && rhsRank == 1) {
      Value init =
          createFilled(rewriter, loc, {}, zeroOf(rewriter, loc, elementType));
      // Loops (k).
      result = buildContraction<linalg::DotOp>(rewriter, loc, lhs, rhs, init, 0,
                                               {{0}, {0}, {}});
    } else if (rhsRank <= 2) {
      result = lowerWithoutRhsBatch(rewriter, loc, lhs, rhs, resultType);
    } else {
      result = lowerBatched(rewriter, loc, lhs, rhs, resultType);
    }
    rewriter.replaceOp(op, castToType(rewriter, loc, result, resultType));
    return success();
  }

private:
  /// rhs is [K] or [K, N]: the lhs batch dims fold into M and one
  /// linalg.matmul computes everything.
  static Value lowerWithoutRhsBatch(OpBuilder &b, Location loc, Value lhs,
                                    Value rhs, RankedTensorType resultType) {
    int64_t lhsRank = cast<RankedTensorType>(lhs.getType()).getRank();
    int64_t rhsRank = cast<RankedTensorType>(rhs.getType()).getRank();
    Value lhsMatrix = foldLeadingDims(b, loc, lhs, /*keepTrailing=*/1);
    Value rhsMatrix =
        rhsRank == 1 ? expand(b, loc, rhs, {{0, 1}},
                              {getDimSize(b, loc, rhs, 0), b.getIndexAttr(1)})
                     : rhs;
    Value product = buildMatmul(b, loc, lhsMatrix, rhsMatrix);
    // [M', N'] -> result: drop the promoted unit dims, unfold the batch.
    if (rhsRank == 1)
      product = collapse(b, loc, product, {{0, 1}}); // [M']
    if (lhsRank == 1)
      return collapse(b, loc, product, {{0, 1}}); // [1, N] -> [N]
    if (lhsRank == 2)
      return product;
    // Unfold [B*M, (N)] into [batch..., M, (N)].
    SmallVector<OpFoldResult> sizes = getDimSizes(b, loc, lhs);
    sizes.pop_back();
    SmallVector<int64_t> groupSizes = {lhsRank - 1};
    if (rhsRank == 2) {
      sizes.push_back(getDimSize(b, loc, product, 1));
      groupSizes.push_back(1);
    }
    return expand(b, loc, product, getContiguousGroups(groupSizes),
                  refineSizes(resultType, sizes));
  }

  /// rhs has batch dims: both operands are broadcast to the common batch
  /// shape, the batch collapsed to one dim, and linalg.batch_matmul computes
  /// [B, M, N].
  static Value lowerBatched(OpBuilder &b, Location loc, Value lhs, Value rhs,
                            RankedTensorType resultType) {
    auto lhsType = cast<RankedTensorType>(lhs.getType());
    auto rhsType = cast<RankedTensorType>(rhs.getType());
    bool lhsVector = lhsType.getRank() == 1;
    if (lhsVector)
      lhs = foldLeadingDims(b, loc, lhs, /*keepTrailing=*/1); // [1, K]
    lhsType = cast<RankedTensorType>(lhs.getType());
    int64_t lhsBatch = lhsType.getRank() - 2, rhsBatch = rhsType.getRank() - 2;
    int64_t batchRank = std::max(lhsBatch, rhsBatch);

    // The broadcast batch sizes: the result's static sizes, else an operand's
    // static size other than 1, else a dynamic operand size (assumed equal to
    // the other operand's when both are dynamic), else 1.
    SmallVector<OpFoldResult> batch;
    for (int64_t i = 0; i < batchRank; ++i) {
      int64_t l = i - (batchRank - lhsBatch), r = i - (batchRank - rhsBatch);
      int64_t lSize = l >= 0 ? lhsType.getDimSize(l) : 1;
      int64_t rSize = r >= 0 ? rhsType.getDimSize(r) : 1;
      if (!resultType.isDynamicDim(i))
        batch.push_back(b.getIndexAttr(resultType.getDimSize(i)));
      else if (!ShapedType::isDynamic(lSize) && lSize != 1)
        batch.push_back(b.getIndexAttr(lSize));
      else if (!ShapedType::isDynamic(rSize) && rSize != 1)
        batch.push_back(b.getIndexAttr(rSize));
      else if (ShapedType::isDynamic(lSize))
        batch.push_back(getDimSize(b, loc, lhs, l));
      else if (ShapedType::isDynamic(rSize))
        batch.push_back(getDimSize(b, loc, rhs, r));
      else
        batch.push_back(b.getIndexAttr(1));
    }
    auto broadcastOperand = [&](Value value) {
      SmallVector<OpFoldResult> sizes(batch);
      int64_t rank = cast<RankedTensorType>(value.getType()).getRank();
      sizes.push_back(getDimSize(b, loc, value, rank - 2));
      sizes.push_back(getDimSize(b, loc, value, rank - 1));
      Value broadcast = broadcastTo(b, loc, value, sizes);
      // [batch..., X, Y] -> [B, X, Y]
      if (batchRank == 1)
        return broadcast;
      return collapse(b, loc, broadcast,
                      getContiguousGroups({batchRank, 1, 1}));
    };
    Value lhs3 = broadcastOperand(lhs), rhs3 = broadcastOperand(rhs);

    Type elementType = lhsType.getElementType();
    SmallVector<OpFoldResult> productSizes = {IndexMath(b, loc).product(batch),
                                              getDimSize(b, loc, lhs3, 1),
                                              getDimSize(b, loc, rhs3, 2)};
    Value init =
        createFilled(b, loc, productSizes, zeroOf(b, loc, elementType));
    // Loops (b, m, n, k).
    Value product = buildContraction<linalg::BatchMatmulOp>(
        b, loc, lhs3, rhs3, init, 3, {{0, 1, 3}, {0, 3, 2}, {0, 1, 2}});

    // [B, M, N] -> [batch..., (M), N]
    if (lhsVector)
      product = collapse(b, loc, product, {{0}, {1, 2}}); // [B, N]
    if (batchRank == 1)
      return product;
    SmallVector<OpFoldResult> sizes(batch);
    SmallVector<int64_t> groupSizes = {batchRank};
    if (!lhsVector) {
      sizes.push_back(productSizes[1]);
      groupSizes.push_back(1);
    }
    sizes.push_back(productSizes[2]);
    groupSizes.push_back(1);
    return expand(b, loc, product, getContiguousGroups(groupSizes),
                  refineSizes(resultType, sizes));
  }
};

} // namespace

void mlir::tlc::populateTLMatmulToLinalgPatterns(RewritePatternSet &patterns) {
  patterns.add<DenseOpLowering, MatMulOpLowering>(patterns.getContext());
}
