//===- LowerVectors.cpp - the tl-lower-vectors pass -----------------------===//
//
// Lowers the n-D vector code produced by tl-vectorize (after bufferization)
// to the 1-D operations that map onto machine vectors:
//
//  * vector.contract -> vector.outerproduct -> vector.fma per accumulator row
//    (broadcast of an lhs element times an rhs row), the register-blocked
//    matmul micro-kernel;
//  * multi-reductions, transposes, broadcasts, shape casts and masks to 1-D
//    operations;
//  * n-D transfers to unrolled 1-D transfers, then to loads and stores;
//  * math functions to polynomial approximations that vectorize (libm calls
//    would be scalarized).
//
//===----------------------------------------------------------------------===//

#include "tlc/Transforms/Passes.h"

#include "mlir/Conversion/VectorToSCF/VectorToSCF.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Math/Transforms/Passes.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/Dialect/Vector/Transforms/LoweringPatterns.h"
#include "mlir/Dialect/Vector/Transforms/VectorRewritePatterns.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir::tlc {
#define GEN_PASS_DEF_TLLOWERVECTORS
#include "tlc/Transforms/Passes.h.inc"
} // namespace mlir::tlc

using namespace mlir;

namespace {
struct LowerVectorsPass
    : public tlc::impl::TLLowerVectorsBase<LowerVectorsPass> {
  using Base::Base;

  void runOnOperation() override {
    Operation *root = getOperation();
    MLIRContext *ctx = &getContext();

    // High-level vector ops to 1-D arithmetic.
    {
      RewritePatternSet patterns(ctx);
      vector::populateVectorToVectorCanonicalizationPatterns(patterns);
      // Broadcasts feeding contractions fold into their indexing maps.
      vector::populateVectorReductionToContractPatterns(patterns);
      vector::populateVectorContractLoweringPatterns(
          patterns, vector::VectorContractLowering::OuterProduct);
      vector::populateVectorOuterProductLoweringPatterns(patterns);
      vector::populateVectorMultiReductionLoweringPatterns(
          patterns, vector::VectorMultiReductionLowering::InnerReduction);
      vector::populateVectorTransferPermutationMapLoweringPatterns(patterns);
      vector::populateVectorBroadcastLoweringPatterns(patterns);
      vector::populateVectorTransposeLoweringPatterns(
          patterns, vector::VectorTransposeLowering::Shuffle1D);
      vector::populateVectorShapeCastLoweringPatterns(patterns);
      vector::populateVectorMaskOpLoweringPatterns(patterns);
      vector::populateVectorMaskLoweringPatternsForSideEffectingOps(patterns);
      vector::populateVectorRankReducingFMAPattern(patterns);
      // Contractable multiply-adds (from the convolution micro-kernels) as
      // explicit FMAs.
      populateUpliftToFMAPatterns(patterns);
      vector::populateVectorGatherLoweringPatterns(patterns);
      auto approximated = [](StringRef name) {
        return llvm::is_contained(
            {"math.atan", "math.atan2", "math.tanh", "math.log", "math.log2",
             "math.log1p", "math.erf", "math.asin", "math.acos", "math.exp",
             "math.expm1", "math.cbrt", "math.sin", "math.cos"},
            name);
      };
      populateMathF32ExpansionPatterns(patterns, approximated);
      populateMathPolynomialApproximationPatterns(patterns, approximated);
      if (failed(applyPatternsGreedily(root, std::move(patterns))))
        return signalPassFailure();
    }

    // n-D elementwise ops to rows: the LLVM conversion of some of them (e.g.
    // math.absi) only takes 1-D vectors.
    {
      RewritePatternSet patterns(ctx);
      vector::populateVectorUnrollPatterns(
          patterns,
          vector::UnrollVectorOptions()
              .setFilterConstraint([](Operation *op) {
                return success(op->hasTrait<OpTrait::Elementwise>() &&
                               op->getNumResults() == 1 &&
                               isa<VectorType>(op->getResult(0).getType()));
              })
              .setNativeShapeFn(
                  [](Operation *op) -> std::optional<SmallVector<int64_t>> {
                    auto type = cast<VectorType>(op->getResult(0).getType());
                    if (type.getRank() <= 1)
                      return std::nullopt;
                    SmallVector<int64_t> shape(type.getRank(), 1);
                    shape.back() = type.getShape().back();
                    return shape;
                  }));
      vector::populateCastAwayVectorLeadingOneDimPatterns(patterns);
      vector::populateVectorToVectorCanonicalizationPatterns(patterns);
      if (failed(applyPatternsGreedily(root, std::move(patterns))))
        return signalPassFailure();
    }

    // n-D transfers to unrolled 1-D transfers, then to loads and stores.
    {
      RewritePatternSet patterns(ctx);
      populateVectorToSCFConversionPatterns(
          patterns,
          VectorTransferToSCFOptions().enableFullUnroll().setTargetRank(1));
      vector::populateVectorTransferPermutationMapLoweringPatterns(patterns);
      vector::populateVectorTransferLoweringPatterns(patterns,
                                                     /*maxTransferRank=*/1);
      vector::populateVectorMaskOpLoweringPatterns(patterns);
      vector::populateVectorShapeCastLoweringPatterns(patterns);
      vector::populateVectorBroadcastLoweringPatterns(patterns);
      vector::populateVectorToVectorCanonicalizationPatterns(patterns);
      if (failed(applyPatternsGreedily(root, std::move(patterns))))
        return signalPassFailure();
    }
  }
};
} // namespace
