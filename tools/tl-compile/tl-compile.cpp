//===- tl-compile.cpp - Compile a model into a CPU artifact ---------------===//

#include "tlc/Target/CPU/ModelABI.h"
#include "tlc/Target/CPU/ModelCompiler.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/WithColor.h"

using namespace llvm;
using namespace mlir::tlc;

static cl::OptionCategory category("tl-compile options");

static cl::opt<std::string> inputPath(cl::Positional, cl::Required,
                                      cl::desc("<model.mlir|model.onnx>"),
                                      cl::cat(category));
static cl::opt<std::string>
    outputPath("o", cl::desc("Output file ('-' is stdout for mlir, llvm and "
                             "asm; the default for them)"),
               cl::value_desc("path"), cl::cat(category));
static cl::opt<std::string>
    targetName("target", cl::desc("Target: cpu (default)"), cl::init("cpu"),
               cl::value_desc("cpu"), cl::cat(category));
static cl::opt<EmitKind> emit(
    "emit", cl::desc("What to write (default: lib)"), cl::init(EmitKind::Library),
    cl::values(
        clEnumValN(EmitKind::Library, "lib",
                   "shared library OUT and its C header (OUT with .h)"),
        clEnumValN(EmitKind::Object, "obj",
                   "object file OUT and its C header; link it with "
                   "libtlc_runtime.a -lm -lpthread"),
        clEnumValN(EmitKind::Executable, "exe",
                   "standalone executable: reads .npy inputs, writes "
                   "output_<i>.npy (run it with --help)"),
        clEnumValN(EmitKind::MLIR, "mlir",
                   "the LLVM-dialect module with the model API"),
        clEnumValN(EmitKind::LLVMIR, "llvm", "optimized LLVM IR"),
        clEnumValN(EmitKind::Assembly, "asm", "assembly")),
    cl::cat(category));
static cl::opt<char>
    optLevel("O", cl::desc("Optimization level: -O0, -O1, -O2 or -O3 (default)"),
             cl::Prefix, cl::init('3'), cl::value_desc("0-3"),
             cl::cat(category));
static cl::opt<std::string>
    modelName("name",
              cl::desc("Prefix of the API symbols, a C identifier (default: "
                       "model); gives <name>_run, <name>_info, ..."),
              cl::init("model"), cl::value_desc("identifier"),
              cl::cat(category));
static cl::opt<std::string>
    entry("entry",
          cl::desc("Function to compile (default: the single public one)"),
          cl::value_desc("symbol"), cl::cat(category));
static cl::opt<std::string>
    headerPath("header",
               cl::desc("Where to write the C header of lib/obj (default: "
                        "OUT with its extension replaced by .h; '-' for "
                        "none)"),
               cl::value_desc("path"), cl::cat(category));
static cl::opt<std::string>
    targetTriple("target-triple",
                 cl::desc("LLVM target triple (default: the host's); "
                          "other triples for --emit=obj|asm|llvm"),
                 cl::value_desc("triple"), cl::cat(category));
static cl::opt<std::string>
    targetCPU("target-cpu",
              cl::desc("CPU to tune and select instructions for (default: "
                       "the host CPU, e.g. znver4)"),
              cl::value_desc("name"), cl::cat(category));
static cl::opt<std::string> targetFeatures(
    "target-features",
    cl::desc("LLVM feature string, e.g. +avx2,-avx512f (default: the host "
             "CPU's features when compiling for it)"),
    cl::value_desc("features"), cl::cat(category));

static const char overview[] = R"(tl-compile: compile a model into a self-contained CPU artifact

Compiles a model in the tl dialect (or linalg on tensors) from a .mlir file,
or an ONNX model, through tl-cpu-record-model-abi, tl-cpu-pipeline and
tl-cpu-emit-model-abi to machine code, in-process.

  tl-compile model.mlir -o libmodel.so            # libmodel.so + libmodel.h
  tl-compile model.onnx -o model.o --emit=obj     # model.o + model.h
  tl-compile model.mlir -o model --emit=exe       # ./model in.npy --output-dir out
  tl-compile model.mlir --emit=llvm               # LLVM IR on stdout

The shared library exports only the model API (<name>_info, <name>_run,
<name>_session_create, <name>_session_destroy, <name>_session_threads,
<name>_api) and tlc_get_model_api; it needs nothing but the C library, libm
and libpthread at run time. The header documents the inputs, outputs and
usage; the ABI is described in docs/abi.md.

Linking (lib, exe) runs the system C compiler driver with the runtime
archive libtlc_runtime.a, found beside the tool (../lib). Environment:
  TLC_CC            compiler driver to link with (default: clang-22, clang,
                    cc or gcc)
  TLC_RUNTIME_LIB   path of libtlc_runtime.a
)";

int main(int argc, char **argv) {
  InitLLVM init(argc, argv);
  cl::HideUnrelatedOptions(category);
  cl::ParseCommandLineOptions(argc, argv, overview);

  auto fail = [](const Twine &message) {
    WithColor::error(errs(), "tl-compile") << message << "\n";
    return 1;
  };
  if (targetName != "cpu")
    return fail("target '" + targetName +
                "' is not supported by this build; use --target=cpu");
  if (optLevel < '0' || optLevel > '3')
    return fail(Twine("invalid optimization level -O") + Twine(optLevel.getValue()) +
                "; expected -O0 to -O3");
  if (!isCIdentifier(modelName))
    return fail("--name '" + modelName +
                "' is not a C identifier (letters, digits and '_', not "
                "starting with a digit)");
  bool textual = emit == EmitKind::MLIR || emit == EmitKind::LLVMIR ||
                 emit == EmitKind::Assembly;
  if (outputPath.empty()) {
    if (!textual)
      return fail("-o OUT is required for --emit=lib, obj and exe");
    outputPath = "-";
  }
  if (outputPath == "-" && !textual)
    return fail("--emit=lib, obj and exe cannot write to stdout");

  mlir::DialectRegistry registry;
  registerModelCompilerDialects(registry);
  mlir::MLIRContext context(registry);
  context.loadAllAvailableDialects();
  // Diagnostics point at the model's source; dumping lowered IR with them
  // would bury the message.
  context.printOpOnDiagnostic(false);
  SourceMgr sourceMgr;
  mlir::SourceMgrDiagnosticHandler diagnostics(sourceMgr, &context);

  mlir::OwningOpRef<mlir::ModuleOp> module =
      loadModel(sourceMgr, inputPath, &context);
  if (!module)
    return 1;

  ModelCompileOptions options;
  options.emit = emit;
  options.name = modelName;
  options.entry = entry;
  options.headerPath = headerPath;
  options.sourceName = sys::path::filename(inputPath).str();
  options.target.triple = targetTriple;
  options.target.cpu = targetCPU;
  options.target.features = targetFeatures;
  options.target.optLevel = optLevel - '0';
  if (failed(compileModel(*module, outputPath, options)))
    return 1;
  return 0;
}
