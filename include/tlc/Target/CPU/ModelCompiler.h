//===- ModelCompiler.h - Model file to CPU artifact -------------*- C++ -*-===//
//
// The compilation flow shared by tl-compile and tl-run: load a model (.mlir
// or .onnx), lower it with tl-cpu-record-model-abi, tl-cpu-pipeline and
// tl-cpu-emit-model-abi, then emit MLIR, LLVM IR, assembly, an object, a
// shared library or an executable.
//
//===----------------------------------------------------------------------===//

#ifndef TLC_TARGET_CPU_MODELCOMPILER_H
#define TLC_TARGET_CPU_MODELCOMPILER_H

#include "tlc/Target/CPU/ObjectEmitter.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>

namespace llvm {
class SourceMgr;
} // namespace llvm

namespace mlir {
class DialectRegistry;
class MLIRContext;
namespace tlc {

enum class EmitKind { Library, Object, Executable, MLIR, LLVMIR, Assembly };

/// "lib", "obj", "exe", "mlir", "llvm", "asm".
std::optional<EmitKind> parseEmitKind(llvm::StringRef text);

struct ModelCompileOptions {
  EmitKind emit = EmitKind::Library;
  /// Symbol prefix of the API (a C identifier).
  std::string name = "model";
  /// Entry function; empty for the single public function.
  std::string entry;
  CPUTargetOptions target;
  /// Header written beside a library or object; empty for the default
  /// (see defaultHeaderPath), "-" for none.
  std::string headerPath;
  /// Model file named in the header's comment.
  std::string sourceName;
};

/// Registers every dialect a model module may contain and the translations
/// to LLVM IR.
void registerModelCompilerDialects(DialectRegistry &registry);

/// Loads a model: `.mlir` (parsed through `sourceMgr`, so that a diagnostic
/// handler on it reports file:line:col) or `.onnx` (imported). Emits a
/// diagnostic and returns null on failure.
OwningOpRef<ModuleOp> loadModel(llvm::SourceMgr &sourceMgr,
                                llvm::StringRef path, MLIRContext *context);

/// Lowers a tl (or linalg-on-tensors) module to the LLVM dialect with the
/// model API emitted for `options.emit`.
LogicalResult lowerModelToLLVM(ModuleOp module,
                               const ModelCompileOptions &options);

/// lowerModelToLLVM, then writes the artifact of `options.emit` to
/// `outputPath` ("-" is stdout for the textual kinds) plus the header.
LogicalResult compileModel(ModuleOp module, llvm::StringRef outputPath,
                           const ModelCompileOptions &options);

/// `OUT` with its extension (.so, .o, ...) replaced by `.h`.
std::string defaultHeaderPath(llvm::StringRef outputPath);

} // namespace tlc
} // namespace mlir

#endif // TLC_TARGET_CPU_MODELCOMPILER_H
