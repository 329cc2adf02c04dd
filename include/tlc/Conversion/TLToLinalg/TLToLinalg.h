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

} // namespace tlc
} // namespace mlir

#endif // TLC_CONVERSION_TLTOLINALG_TLTOLINALG_H
