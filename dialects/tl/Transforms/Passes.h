//===- Passes.h - tl dialect transformation passes --------------*- C++ -*-===//

#ifndef TL_TRANSFORMS_PASSES_H
#define TL_TRANSFORMS_PASSES_H

#include "tl/IR/TLDialect.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Pass/Pass.h"

namespace mlir {
namespace tl {

#define GEN_PASS_DECL
#include "tl/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "tl/Transforms/Passes.h.inc"

} // namespace tl
} // namespace mlir

#endif // TL_TRANSFORMS_PASSES_H
