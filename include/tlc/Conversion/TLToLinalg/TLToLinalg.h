//===- TLToLinalg.h - tl to linalg conversion -------------------*- C++ -*-===//
//
// The conversion is split by op family; each family contributes its patterns
// through a populate function defined in lib/Conversion/TLToLinalg/<Family>.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef TLC_CONVERSION_TLTOLINALG_TLTOLINALG_H
#define TLC_CONVERSION_TLTOLINALG_TLTOLINALG_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Pass/Pass.h"

namespace mlir {
class RewritePatternSet;

namespace tlc {

#define GEN_PASS_DECL_CONVERTTLTOLINALG
#include "tlc/Conversion/Passes.h.inc"

/// Adds the patterns of every family below.
void populateTLToLinalgConversionPatterns(RewritePatternSet &patterns);

/// tl.dense, tl.matmul (Matmul.cpp).
void populateTLMatmulToLinalgPatterns(RewritePatternSet &patterns);
/// tl.conv, tl.conv_transpose (Conv.cpp).
void populateTLConvToLinalgPatterns(RewritePatternSet &patterns);
/// tl.max_pool, tl.avg_pool, tl.global_{avg,max}_pool (Pooling.cpp).
void populateTLPoolingToLinalgPatterns(RewritePatternSet &patterns);
/// Constants and tensor manipulation (Tensor.cpp).
void populateTLTensorToLinalgPatterns(RewritePatternSet &patterns);
/// tl.resize (Resize.cpp).
void populateTLResizeToLinalgPatterns(RewritePatternSet &patterns);

/// Unary math, activations, casts, predicates, broadcasting binary ops and
/// select (Elementwise.cpp).
void populateTLElementwiseToLinalgPatterns(RewritePatternSet &patterns);

/// reduce_{sum,mean,max,min,prod}, argmax and argmin (Reduction.cpp).
void populateTLReductionToLinalgPatterns(RewritePatternSet &patterns);

/// softmax, log_softmax, batch_norm, layer_norm, instance_norm
/// (Normalization.cpp).
void populateTLNormalizationToLinalgPatterns(RewritePatternSet &patterns);

/// tl.quantize, tl.dequantize (Quant.cpp).
void populateTLQuantToLinalgPatterns(RewritePatternSet &patterns);

/// tl.einsum (Einsum.cpp).
void populateTLEinsumToLinalgPatterns(RewritePatternSet &patterns);

/// tl.grid_sample (Sampling.cpp).
void populateTLSamplingToLinalgPatterns(RewritePatternSet &patterns);
/// nll_loss (Loss.cpp).
void populateTLLossToLinalgPatterns(RewritePatternSet &patterns);

/// trilu, cumsum (Positional.cpp).
void populateTLPositionalToLinalgPatterns(RewritePatternSet &patterns);
/// gather_elements, gather_nd, scatter_elements, scatter_nd, top_k,
/// reverse_sequence, max_unpool (Indexing.cpp).
void populateTLIndexingToLinalgPatterns(RewritePatternSet &patterns);

/// tl.rnn, tl.gru, tl.lstm: an scf.for over the time steps (Recurrent.cpp).
void populateTLRecurrentToLinalgPatterns(RewritePatternSet &patterns);

/// tl.if, tl.loop: scf.if and scf.while (ControlFlow.cpp).
void populateTLControlFlowToSCFPatterns(RewritePatternSet &patterns);

} // namespace tlc
} // namespace mlir

#endif // TLC_CONVERSION_TLTOLINALG_TLTOLINALG_H
