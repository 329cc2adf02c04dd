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

/// Unary math, activations, casts, predicates, broadcasting binary ops and
/// select (Elementwise.cpp).
void populateTLElementwiseToLinalgPatterns(RewritePatternSet &patterns);

/// reduce_{sum,mean,max,min,prod}, argmax and argmin (Reduction.cpp).
void populateTLReductionToLinalgPatterns(RewritePatternSet &patterns);

/// softmax, log_softmax, batch_norm, layer_norm, instance_norm
/// (Normalization.cpp).
void populateTLNormalizationToLinalgPatterns(RewritePatternSet &patterns);

} // namespace tlc
} // namespace mlir

#endif // TLC_CONVERSION_TLTOLINALG_TLTOLINALG_H
