//===- Linker.cpp - Linking compiled models into artifacts ----------------===//

#include "tlc/Target/CPU/Linker.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;
using namespace mlir::tlc;

/// Directory of the running executable.
static std::string toolDirectory() {
  // Any function of this binary will do as the address.
  static int anchor;
  std::string exe = llvm::sys::fs::getMainExecutable(nullptr, &anchor);
  return llvm::sys::path::parent_path(exe).str();
}

std::string mlir::tlc::findRuntimeLibrary(std::string &error) {
  if (std::optional<std::string> env =
          llvm::sys::Process::GetEnv("TLC_RUNTIME_LIB")) {
    if (llvm::sys::fs::exists(*env))
      return *env;
    error = "TLC_RUNTIME_LIB names '" + *env + "', which does not exist";
    return "";
  }
  std::string dir = toolDirectory();
  SmallVector<std::string> candidates;
  for (StringRef relative : {"../lib", "."}) {
    SmallString<256> path(dir);
    llvm::sys::path::append(path, relative, "libtlc_runtime.a");
    llvm::sys::path::remove_dots(path, /*remove_dot_dot=*/true);
    if (llvm::sys::fs::exists(path))
      return std::string(path);
    candidates.push_back(std::string(path));
  }
  error = "cannot find the runtime archive libtlc_runtime.a (looked for " +
          llvm::join(candidates, " and ") + "; set TLC_RUNTIME_LIB)";
  return "";
}

std::string mlir::tlc::findLinkerDriver(std::string &error) {
  if (std::optional<std::string> env = llvm::sys::Process::GetEnv("TLC_CC")) {
    if (llvm::ErrorOr<std::string> path = llvm::sys::findProgramByName(*env))
      return *path;
    error = "TLC_CC names '" + *env + "', which is not an executable";
    return "";
  }
  std::string dir = toolDirectory();
  for (StringRef name : {"clang-22", "clang"})
    if (llvm::ErrorOr<std::string> path =
            llvm::sys::findProgramByName(name, {dir}))
      return *path;
  for (StringRef name : {"clang-22", "clang", "cc", "gcc"})
    if (llvm::ErrorOr<std::string> path = llvm::sys::findProgramByName(name))
      return *path;
  error = "cannot find a C compiler driver to link with (clang-22, clang, cc "
          "or gcc on PATH; or set TLC_CC)";
  return "";
}

namespace {
/// A temporary file removed when this goes out of scope.
struct TempFile {
  SmallString<128> path;
  ~TempFile() {
    if (!path.empty())
      llvm::sys::fs::remove(path);
  }
};
} // namespace

LogicalResult mlir::tlc::linkModel(StringRef objectPath, StringRef outputPath,
                                   const LinkOptions &options,
                                   std::string &error) {
  std::string driver =
      options.driver.empty() ? findLinkerDriver(error) : options.driver;
  if (driver.empty())
    return failure();
  std::string runtime = options.runtimeLibrary.empty()
                            ? findRuntimeLibrary(error)
                            : options.runtimeLibrary;
  if (runtime.empty())
    return failure();

  SmallVector<std::string> args = {driver};
  TempFile versionScript, log;
  if (options.kind == LinkKind::SharedLibrary) {
    int fd;
    if (llvm::sys::fs::createTemporaryFile("tlc-exports", "map", fd,
                                           versionScript.path)) {
      error = "cannot create a temporary file";
      return failure();
    }
    llvm::raw_fd_ostream os(fd, /*shouldClose=*/true);
    os << "{\n  global:\n";
    for (const std::string &symbol : options.exportedSymbols)
      os << "    " << symbol << ";\n";
    os << "  local: *;\n};\n";
    os.close();
    args.push_back("-shared");
    args.push_back("-Wl,--version-script=" + versionScript.path.str().str());
    args.push_back("-Wl,-soname," +
                   llvm::sys::path::filename(outputPath).str());
    // Every symbol must resolve now: the artifact is self-contained.
    args.push_back("-Wl,-z,defs");
  }
  args.push_back("-o");
  args.push_back(outputPath.str());
  args.push_back(objectPath.str());
  args.push_back(runtime);
  args.push_back("-Wl,--gc-sections");
  args.push_back("-Wl,-z,noexecstack");
  args.push_back("-Wl,--as-needed");
  args.push_back("-lm");
  args.push_back("-lpthread");

  if (llvm::sys::fs::createTemporaryFile("tlc-link", "log", log.path)) {
    error = "cannot create a temporary file";
    return failure();
  }
  SmallVector<StringRef> argRefs(args.begin(), args.end());
  std::optional<StringRef> redirects[] = {std::nullopt, log.path.str(),
                                          log.path.str()};
  std::string execError;
  int rc = llvm::sys::ExecuteAndWait(driver, argRefs, std::nullopt, redirects,
                                     /*SecondsToWait=*/0, /*MemoryLimit=*/0,
                                     &execError);
  if (rc == 0)
    return success();
  std::string output;
  if (auto buffer = llvm::MemoryBuffer::getFile(log.path))
    output = (*buffer)->getBuffer().trim().str();
  error = "linking " + outputPath.str() + " failed";
  if (!execError.empty())
    error += ": " + execError;
  error += "\n  command: " + llvm::join(args, " ");
  if (!output.empty())
    error += "\n" + output;
  return failure();
}
