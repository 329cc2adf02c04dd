//===- ModelCompiler.cpp - Model file to CPU artifact ---------------------===//

#include "tlc/Target/CPU/ModelCompiler.h"
#include "tlc/Target/ONNX/ONNXImporter.h"

#include "tlc/InitAll.h"
#include "tlc/Pipelines/CPUPipeline.h"
#include "tlc/Target/CPU/Linker.h"
#include "tlc/Target/CPU/ModelABI.h"
#include "tlc/Target/CPU/ModelHeader.h"
#include "tlc/Target/CPU/Passes.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Support/FileUtilities.h"

#include "llvm/ADT/StringSwitch.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Target/TargetMachine.h"

using namespace mlir;
using namespace mlir::tlc;

std::optional<EmitKind> mlir::tlc::parseEmitKind(StringRef text) {
  return llvm::StringSwitch<std::optional<EmitKind>>(text)
      .Case("lib", EmitKind::Library)
      .Case("obj", EmitKind::Object)
      .Case("exe", EmitKind::Executable)
      .Case("mlir", EmitKind::MLIR)
      .Case("llvm", EmitKind::LLVMIR)
      .Case("asm", EmitKind::Assembly)
      .Default(std::nullopt);
}

void mlir::tlc::registerModelCompilerDialects(DialectRegistry &registry) {
  mlir::registerAllDialects(registry);
  mlir::registerAllExtensions(registry);
  mlir::tlc::registerAllDialects(registry);
  registerCPUTranslations(registry);
}

OwningOpRef<ModuleOp> mlir::tlc::loadModel(llvm::SourceMgr &sourceMgr,
                                           StringRef path,
                                           MLIRContext *context) {
  Location fileLoc = FileLineColLoc::get(context, path, 0, 0);
  StringRef extension = llvm::sys::path::extension(path);
  if (extension == ".onnx")
    return importONNXModel(path, context);
  if (extension != ".mlir") {
    emitError(fileLoc) << "unknown model format '" << extension
                       << "'; expected a .mlir or .onnx file";
    return nullptr;
  }
  std::string error;
  std::unique_ptr<llvm::MemoryBuffer> buffer = openInputFile(path, &error);
  if (!buffer) {
    emitError(fileLoc) << error;
    return nullptr;
  }
  sourceMgr.AddNewSourceBuffer(std::move(buffer), llvm::SMLoc());
  return parseSourceFile<ModuleOp>(sourceMgr, context);
}

LogicalResult mlir::tlc::lowerModelToLLVM(ModuleOp module,
                                          const ModelCompileOptions &options) {
  PassManager pm(module.getContext());
  TLCPURecordModelABIOptions record;
  record.entry = options.entry;
  pm.addPass(createTLCPURecordModelABI(record));
  // Results of static shape are written into the caller's output buffers
  // (the run entry passes them), and buffers come from the runtime's
  // allocation hooks, which reuse large blocks across the runs of a session
  // (docs/abi.md).
  CPUPipelineOptions pipeline;
  pipeline.outParams = true;
  pipeline.runtimeAllocator = true;
  buildCPUPipeline(pm, pipeline);
  TLCPUEmitModelABIOptions emit;
  emit.name = options.name;
  emit.exportAPITable = options.emit == EmitKind::Library;
  emit.emitMain = options.emit == EmitKind::Executable;
  pm.addPass(createTLCPUEmitModelABI(emit));
  return pm.run(module);
}

std::string mlir::tlc::defaultHeaderPath(StringRef outputPath) {
  SmallString<256> path(outputPath);
  llvm::sys::path::replace_extension(path, ".h");
  return std::string(path);
}

static LogicalResult writeHeader(ModuleOp module, StringRef outputPath,
                                 const ModelCompileOptions &options) {
  if (options.headerPath == "-")
    return success();
  FailureOr<ModelABI> abi = readModelABI(module);
  if (failed(abi))
    return failure();
  std::string path = options.headerPath.empty() ? defaultHeaderPath(outputPath)
                                                : options.headerPath;
  std::string error;
  std::unique_ptr<llvm::ToolOutputFile> file = openOutputFile(path, &error);
  if (!file)
    return module.emitError() << error;
  writeModelHeader(*abi, options.name, options.sourceName, file->os());
  file->keep();
  return success();
}

LogicalResult mlir::tlc::compileModel(ModuleOp module, StringRef outputPath,
                                      const ModelCompileOptions &options) {
  if (failed(lowerModelToLLVM(module, options)))
    return failure();

  std::string error;
  auto openOutput = [&](StringRef path) {
    std::unique_ptr<llvm::ToolOutputFile> file = openOutputFile(path, &error);
    if (!file)
      module.emitError() << error;
    return file;
  };
  if (options.emit == EmitKind::MLIR) {
    std::unique_ptr<llvm::ToolOutputFile> file = openOutput(outputPath);
    if (!file)
      return failure();
    module.print(file->os());
    file->os() << "\n";
    file->keep();
    return success();
  }

  std::unique_ptr<llvm::TargetMachine> machine =
      createCPUTargetMachine(options.target, error);
  if (!machine)
    return module.emitError() << error;
  llvm::LLVMContext llvmContext;
  std::unique_ptr<llvm::Module> llvmModule = translateAndOptimize(
      module, llvmContext, *machine, options.target.optLevel);
  if (!llvmModule)
    return failure();

  switch (options.emit) {
  case EmitKind::LLVMIR: {
    std::unique_ptr<llvm::ToolOutputFile> file = openOutput(outputPath);
    if (!file)
      return failure();
    llvmModule->print(file->os(), nullptr);
    file->keep();
    return success();
  }
  case EmitKind::Assembly:
  case EmitKind::Object: {
    std::unique_ptr<llvm::ToolOutputFile> file = openOutput(outputPath);
    if (!file)
      return failure();
    MachineCodeKind kind = options.emit == EmitKind::Object
                               ? MachineCodeKind::Object
                               : MachineCodeKind::Assembly;
    if (failed(emitMachineCode(*llvmModule, *machine, kind,
                               file->os(), error)))
      return module.emitError() << error;
    file->keep();
    if (options.emit == EmitKind::Object)
      return writeHeader(module, outputPath, options);
    return success();
  }
  case EmitKind::Library:
  case EmitKind::Executable: {
    SmallString<128> objectPath;
    int fd;
    if (std::error_code ec = llvm::sys::fs::createTemporaryFile(
            "tlc-model", "o", fd, objectPath))
      return module.emitError()
             << "cannot create a temporary object file: " << ec.message();
    llvm::FileRemover removeObject(objectPath);
    {
      llvm::raw_fd_ostream os(fd, /*shouldClose=*/true);
      if (failed(emitMachineCode(*llvmModule, *machine,
                                 MachineCodeKind::Object, os, error)))
        return module.emitError() << error;
    }
    LinkOptions link;
    if (options.emit == EmitKind::Library) {
      link.kind = LinkKind::SharedLibrary;
      for (StringRef suffix :
           {"_info", "_api", "_session_create", "_session_destroy",
            "_session_threads", "_run"})
        link.exportedSymbols.push_back(options.name + suffix.str());
      link.exportedSymbols.push_back(TLC_GET_MODEL_API_SYMBOL);
    } else {
      link.kind = LinkKind::Executable;
    }
    if (failed(linkModel(objectPath, outputPath, link, error)))
      return module.emitError() << error;
    if (options.emit == EmitKind::Library)
      return writeHeader(module, outputPath, options);
    return success();
  }
  case EmitKind::MLIR:
    break;
  }
  return success();
}
