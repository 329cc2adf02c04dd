//===- tl-translate.cpp - translations between tl and external formats ----===//
//
// mlir-translate with the tlc translations registered:
//   --import-onnx   ONNX model (.onnx) -> tl dialect module
//   --export-onnx   tl dialect module -> ONNX model (.onnx)
//
//===----------------------------------------------------------------------===//

#include "tlc/Target/ONNX/ONNXExporter.h"
#include "tlc/Target/ONNX/ONNXImporter.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-translate/MlirTranslateMain.h"
#include "mlir/Tools/mlir-translate/Translation.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/SourceMgr.h"

using namespace mlir;

static llvm::cl::OptionCategory onnxCategory("ONNX import options");

static llvm::cl::opt<std::string>
    entryName("onnx-entry-name",
              llvm::cl::desc("Name of the imported function (default: main)"),
              llvm::cl::init("main"), llvm::cl::cat(onnxCategory));

static llvm::cl::opt<int> targetOpset(
    "onnx-opset",
    llvm::cl::desc("Convert the model to this opset with the ONNX version "
                   "converter before import (default: import at the model's "
                   "own opset, upgrading opsets older than 6)"),
    llvm::cl::init(0), llvm::cl::cat(onnxCategory));

static llvm::cl::opt<int64_t> maxInlineElements(
    "onnx-max-inline-elements",
    llvm::cl::desc("Initializers with more elements become dense_resource "
                   "blobs (default: 16)"),
    llvm::cl::init(16), llvm::cl::cat(onnxCategory));

static llvm::cl::list<std::string> constantInputs(
    "onnx-constant-input",
    llvm::cl::desc("Bind a graph input to a constant read from a serialized "
                   "ONNX TensorProto: NAME=FILE.pb (repeatable)"),
    llvm::cl::cat(onnxCategory));

static void registerONNXImport() {
  TranslateToMLIRRegistration importONNX(
      "import-onnx", "import an ONNX model (.onnx) into the tl dialect",
      [](llvm::SourceMgr &sourceMgr,
         MLIRContext *context) -> OwningOpRef<Operation *> {
        const llvm::MemoryBuffer *buffer =
            sourceMgr.getMemoryBuffer(sourceMgr.getMainFileID());
        tlc::ONNXImportOptions options;
        options.entryName = entryName;
        if (targetOpset != 0)
          options.targetOpset = targetOpset;
        options.maxInlineElements = maxInlineElements;
        for (StringRef binding : constantInputs) {
          auto [name, file] = binding.split('=');
          if (name.empty() || file.empty()) {
            emitError(UnknownLoc::get(context))
                << "--onnx-constant-input expects NAME=FILE, got '" << binding
                << "'";
            return nullptr;
          }
          options.constantInputs.emplace_back(name.str(), file.str());
        }
        return tlc::importONNXModelFromBuffer(buffer->getBuffer(),
                                              buffer->getBufferIdentifier(),
                                              context, options);
      },
      tlc::registerONNXImportDialects);
}

static llvm::cl::OptionCategory onnxExportCategory("ONNX export options");

static llvm::cl::opt<int> exportOpset(
    "onnx-export-opset",
    llvm::cl::desc("Opset of the default ONNX domain to export at "
                   "(default: 17; supported: 11 to 17)"),
    llvm::cl::init(17), llvm::cl::cat(onnxExportCategory));

static llvm::cl::opt<std::string> exportEntry(
    "onnx-export-entry",
    llvm::cl::desc("Function to export (default: the module's only public "
                   "function)"),
    llvm::cl::init(""), llvm::cl::cat(onnxExportCategory));

static llvm::cl::opt<int64_t> exportMaxTypedElements(
    "onnx-export-max-typed-elements",
    llvm::cl::desc("Initializers with more elements are written as raw_data "
                   "(default: 16)"),
    llvm::cl::init(16), llvm::cl::cat(onnxExportCategory));

static void registerONNXExport() {
  TranslateFromMLIRRegistration exportONNX(
      "export-onnx", "export a tl dialect module as an ONNX model (.onnx)",
      [](Operation *op, llvm::raw_ostream &os) -> LogicalResult {
        auto module = dyn_cast<ModuleOp>(op);
        if (!module)
          return op->emitError() << "expected a builtin.module";
        tlc::ONNXExportOptions options;
        options.opset = exportOpset;
        options.entryName = exportEntry;
        options.maxTypedElements = exportMaxTypedElements;
        return tlc::exportONNXModel(module, os, options);
      },
      tlc::registerONNXExportDialects);
}

int main(int argc, char **argv) {
  registerONNXImport();
  registerONNXExport();
  return failed(mlirTranslateMain(
      argc, argv,
      "tl-translate: translations between the tl dialect and external "
      "formats\n"));
}
