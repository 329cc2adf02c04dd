//===- Passes.h - tlc conversion passes -------------------------*- C++ -*-===//

#ifndef TLC_CONVERSION_PASSES_H
#define TLC_CONVERSION_PASSES_H

#include "tlc/Conversion/TLToLinalg/TLToLinalg.h"

#include "mlir/Pass/Pass.h"

namespace mlir {
namespace tlc {

#define GEN_PASS_REGISTRATION
#include "tlc/Conversion/Passes.h.inc"

} // namespace tlc
} // namespace mlir

#endif // TLC_CONVERSION_PASSES_H
