//===- Passes.h - CPU artifact passes ---------------------------*- C++ -*-===//

#ifndef TLC_TARGET_CPU_PASSES_H
#define TLC_TARGET_CPU_PASSES_H

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

namespace mlir {
namespace tlc {

#define GEN_PASS_DECL
#include "tlc/Target/CPU/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "tlc/Target/CPU/Passes.h.inc"

} // namespace tlc
} // namespace mlir

#endif // TLC_TARGET_CPU_PASSES_H
