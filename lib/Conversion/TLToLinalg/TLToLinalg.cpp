//===- TLToLinalg.cpp - the convert-tl-to-linalg pass ---------------------===//

#include "tlc/Conversion/TLToLinalg/TLToLinalg.h"

#include "tl/IR/TLDialect.h"
#include "tl/IR/TLOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Index/IR/IndexDialect.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Transforms/DialectConversion.h"

namespace mlir::tlc {
#define GEN_PASS_DEF_CONVERTTLTOLINALG
#include "tlc/Conversion/Passes.h.inc"
} // namespace mlir::tlc

using namespace mlir;

void mlir::tlc::populateTLToLinalgConversionPatterns(
    RewritePatternSet &patterns) {
  // Families register here as they are implemented.
  populateTLMatmulToLinalgPatterns(patterns);
  populateTLConvToLinalgPatterns(patterns);
  populateTLPoolingToLinalgPatterns(patterns);
  populateTLTensorToLinalgPatterns(patterns);
  populateTLResizeToLinalgPatterns(patterns);
  populateTLElementwiseToLinalgPatterns(patterns);
  populateTLReductionToLinalgPatterns(patterns);
  populateTLNormalizationToLinalgPatterns(patterns);
  populateTLQuantToLinalgPatterns(patterns);
  populateTLEinsumToLinalgPatterns(patterns);
  populateTLSamplingToLinalgPatterns(patterns);
  populateTLLossToLinalgPatterns(patterns);
  populateTLPositionalToLinalgPatterns(patterns);
  populateTLIndexingToLinalgPatterns(patterns);
  populateTLRecurrentToLinalgPatterns(patterns);
  populateTLControlFlowToSCFPatterns(patterns);
}

namespace {
struct ConvertTLToLinalgPass
    : public tlc::impl::ConvertTLToLinalgBase<ConvertTLToLinalgPass> {
  void runOnOperation() override {
    MLIRContext *context = &getContext();
    ConversionTarget target(*context);
    target.addIllegalDialect<tl::TLDialect>();
    target.addLegalDialect<arith::ArithDialect, linalg::LinalgDialect,
                           math::MathDialect, tensor::TensorDialect>();
    // Recurrent layers loop over time steps.
    target.addLegalDialect<scf::SCFDialect>();
    // Unsigned integer arithmetic goes through index.castu.
    target.addLegalDialect<index::IndexDialect>();
    // Scatters are loops over their updates.
    target.addLegalDialect<scf::SCFDialect>();
    // Elementwise bodies reinterpret uiN elements as iN with it.
    target.addLegalOp<UnrealizedConversionCastOp>();
    RewritePatternSet patterns(context);
    tlc::populateTLToLinalgConversionPatterns(patterns);
    if (failed(applyPartialConversion(getOperation(), target,
                                      std::move(patterns))))
      signalPassFailure();
  }
};
} // namespace
