//===- Linker.h - Linking compiled models into artifacts --------*- C++ -*-===//
//
// Shared libraries and executables are linked by the system's C compiler
// driver (clang or cc, which know the C library's start files and search
// paths) from the model's object and the runtime archive libtlc_runtime.a.
//
//===----------------------------------------------------------------------===//

#ifndef TLC_TARGET_CPU_LINKER_H
#define TLC_TARGET_CPU_LINKER_H

#include "mlir/Support/LLVM.h"
#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace mlir {
namespace tlc {

enum class LinkKind { SharedLibrary, Executable };

struct LinkOptions {
  LinkKind kind = LinkKind::SharedLibrary;
  /// Symbols a shared library exports; everything else is local.
  std::vector<std::string> exportedSymbols;
  /// Compiler driver and runtime archive; empty to search (see below).
  std::string driver;
  std::string runtimeLibrary;
};

/// The runtime archive: $TLC_RUNTIME_LIB, else libtlc_runtime.a in the
/// running tool's ../lib (build tree and install layout) or beside it.
/// Empty with `error` listing the places searched when none exists.
std::string findRuntimeLibrary(std::string &error);

/// The C compiler driver used to link: $TLC_CC, else clang-22 or clang
/// beside the running tool, else the first of clang-22, clang, cc, gcc on
/// PATH.
std::string findLinkerDriver(std::string &error);

/// Links `objectPath` with the runtime into `outputPath`.
LogicalResult linkModel(llvm::StringRef objectPath, llvm::StringRef outputPath,
                        const LinkOptions &options, std::string &error);

} // namespace tlc
} // namespace mlir

#endif // TLC_TARGET_CPU_LINKER_H
