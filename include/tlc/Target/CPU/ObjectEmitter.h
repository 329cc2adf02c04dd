//===- ObjectEmitter.h - LLVM dialect to object code in-process -*- C++ -*-===//

#ifndef TLC_TARGET_CPU_OBJECTEMITTER_H
#define TLC_TARGET_CPU_OBJECTEMITTER_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Support/LLVM.h"

#include <memory>
#include <string>

namespace llvm {
class LLVMContext;
class Module;
class TargetMachine;
class raw_pwrite_stream;
} // namespace llvm

namespace mlir {
class DialectRegistry;
namespace tlc {

struct CPUTargetOptions {
  /// Target triple; empty for the host's.
  std::string triple;
  /// CPU name (as llc -mcpu); empty for the host CPU when the triple is the
  /// host's, else the triple's generic CPU.
  std::string cpu;
  /// Feature string ("+avx2,-avx512f"); empty for the host's features when
  /// the CPU is the host's.
  std::string features;
  /// 0 to 3, for both LLVM's IR optimizations and code generation.
  unsigned optLevel = 3;
};

/// Adds the LLVM IR translation interfaces the emitter needs.
void registerCPUTranslations(DialectRegistry &registry);

/// Creates a position-independent TargetMachine; null with `error` set when
/// the target is unknown.
std::unique_ptr<llvm::TargetMachine>
createCPUTargetMachine(const CPUTargetOptions &options, std::string &error);

/// Translates an LLVM-dialect module to LLVM IR for `machine` and runs
/// LLVM's optimization pipeline at `optLevel`. Emits a diagnostic on the
/// module and returns null on failure.
std::unique_ptr<llvm::Module>
translateAndOptimize(ModuleOp module, llvm::LLVMContext &context,
                     llvm::TargetMachine &machine, unsigned optLevel);

enum class MachineCodeKind { Object, Assembly };

/// Runs LLVM code generation on `module` into `os`.
LogicalResult emitMachineCode(llvm::Module &module,
                              llvm::TargetMachine &machine,
                              MachineCodeKind kind, llvm::raw_pwrite_stream &os,
                              std::string &error);

} // namespace tlc
} // namespace mlir

#endif // TLC_TARGET_CPU_OBJECTEMITTER_H
