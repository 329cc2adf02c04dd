//===- LowerCopies.cpp - the tl-lower-copies pass -------------------------===//
//
// The LLVM lowering of `memref.copy` between buffers that are not both
// contiguous calls `memrefCopy` from MLIR's C runner utils, a library that
// compiled models must not need. Such copies (inserts into concatenations and
// paddings, slices returned as results, ...) become loop nests here whose
// innermost loop moves vectors, masked at the tail, when the innermost stride
// is one, and scalars otherwise.
//
//===----------------------------------------------------------------------===//

#include "tlc/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/MemRef/Utils/MemRefUtils.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/UB/IR/UBOps.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/PatternMatch.h"

namespace mlir::tlc {
#define GEN_PASS_DEF_TLLOWERCOPIES
#include "tlc/Transforms/Passes.h.inc"
} // namespace mlir::tlc

using namespace mlir;

namespace {

bool isContiguous(MemRefType type) {
  return type.getLayout().isIdentity() ||
         memref::isStaticShapeAndContiguousRowMajor(type);
}

bool hasUnitInnerStride(MemRefType type) {
  if (type.getRank() == 0)
    return false;
  SmallVector<int64_t> strides;
  int64_t offset;
  if (failed(type.getStridesAndOffset(strides, offset)))
    return false;
  return strides.back() == 1;
}

void lowerCopy(RewriterBase &rewriter, memref::CopyOp copy,
               int64_t vectorWidth) {
  Location loc = copy.getLoc();
  Value src = copy.getSource(), dst = copy.getTarget();
  auto srcType = cast<MemRefType>(src.getType());
  auto dstType = cast<MemRefType>(dst.getType());
  int64_t rank = srcType.getRank();
  rewriter.setInsertionPoint(copy);
  Value zero = arith::ConstantIndexOp::create(rewriter, loc, 0);
  Value one = arith::ConstantIndexOp::create(rewriter, loc, 1);
  // (Sub-byte vectors are bit-packed, buffers are not: those stay scalar.)
  Type elemType = srcType.getElementType();
  bool vectorized = hasUnitInnerStride(srcType) &&
                    hasUnitInnerStride(dstType) && elemType.isIntOrFloat() &&
                    elemType.getIntOrFloatBitWidth() % 8 == 0;

  SmallVector<Value> ivs;
  OpBuilder::InsertionGuard guard(rewriter);
  for (int64_t d = 0; d < rank; ++d) {
    Value size = memref::DimOp::create(rewriter, loc, src, d);
    Value step = one;
    if (d == rank - 1 && vectorized)
      step = arith::ConstantIndexOp::create(rewriter, loc, vectorWidth);
    auto loop = scf::ForOp::create(rewriter, loc, zero, size, step);
    ivs.push_back(loop.getInductionVar());
    rewriter.setInsertionPointToStart(loop.getBody());
  }
  if (vectorized) {
    auto vecType = VectorType::get({vectorWidth}, elemType);
    Value pad = ub::PoisonOp::create(rewriter, loc, elemType);
    // Out-of-bounds lanes at the tail are masked off.
    Value v = vector::TransferReadOp::create(rewriter, loc, vecType, src, ivs,
                                             pad, ArrayRef<bool>{false});
    vector::TransferWriteOp::create(rewriter, loc, v, dst, ivs,
                                    ArrayRef<bool>{false});
  } else {
    Value v = memref::LoadOp::create(rewriter, loc, src, ivs);
    memref::StoreOp::create(rewriter, loc, v, dst, ivs);
  }
  rewriter.eraseOp(copy);
}

struct LowerCopiesPass
    : public tlc::impl::TLLowerCopiesBase<LowerCopiesPass> {
  using Base::Base;

  void runOnOperation() override {
    IRRewriter rewriter(&getContext());
    SmallVector<memref::CopyOp> copies;
    getOperation()->walk([&](memref::CopyOp copy) {
      auto srcType = cast<MemRefType>(copy.getSource().getType());
      auto dstType = cast<MemRefType>(copy.getTarget().getType());
      if (!isContiguous(srcType) || !isContiguous(dstType))
        copies.push_back(copy);
    });
    for (memref::CopyOp copy : copies)
      lowerCopy(rewriter, copy, vectorWidth);
  }
};

} // namespace
