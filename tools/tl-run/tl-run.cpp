//===- tl-run.cpp - Run a model on tensor files ---------------------------===//

#include "TensorFile.h"

#include "tlc/Runtime/ABI.h"
#include "tlc/Runtime/Npy.h"
#include "tlc/Runtime/Runtime.h"
#include "tlc/Target/CPU/ModelCompiler.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"

#include "llvm/ADT/APFloat.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>

using namespace llvm;
using namespace tlc;

static cl::OptionCategory category("tl-run options");

static cl::opt<std::string> modelPath(cl::Positional, cl::Required,
                                      cl::desc("<model.so|model.mlir|model.onnx>"),
                                      cl::cat(category));
static cl::list<std::string>
    inputFiles("input",
               cl::desc("An input tensor (.npy or ONNX TensorProto .pb): "
                        "FILE in the model's input order, or NAME=FILE; "
                        "also -i"),
               cl::value_desc("[name=]file"), cl::cat(category));
static cl::alias inputAlias("i", cl::desc("Same as --input"),
                            cl::aliasopt(inputFiles), cl::cat(category));
static cl::opt<std::string>
    outputDir("output-dir",
              cl::desc("Write output i to DIR/output_<i>.npy, or .pb (see "
                       "--output-format); DIR is created if needed"),
              cl::value_desc("dir"), cl::cat(category));

namespace {
enum class OutputFormat { Npy, Pb };
} // namespace
static cl::opt<OutputFormat> outputFormat(
    "output-format", cl::desc("File format of the --output-dir files:"),
    cl::values(clEnumValN(OutputFormat::Npy, "npy",
                          "NumPy .npy (default); an element type .npy cannot "
                          "hold (bf16) is written as an ONNX TensorProto "
                          "output_<i>.pb instead"),
               clEnumValN(OutputFormat::Pb, "pb",
                          "ONNX TensorProto output_<i>.pb for every output")),
    cl::init(OutputFormat::Npy), cl::cat(category));
static cl::opt<unsigned>
    benchmark("benchmark",
              cl::desc("Time N more runs and print the median, minimum and "
                       "mean latency"),
              cl::value_desc("N"), cl::init(0), cl::cat(category));
static cl::opt<unsigned>
    printValues("print-values",
                cl::desc("Print up to N leading values of each output "
                         "(default 8)"),
                cl::value_desc("N"), cl::init(8), cl::cat(category));
static cl::opt<std::string>
    entry("entry",
          cl::desc("Function to compile from a .mlir model (default: the "
                   "single public one)"),
          cl::value_desc("symbol"), cl::cat(category));
static cl::opt<char>
    optLevel("O", cl::desc("Optimization level for .mlir/.onnx models "
                           "(-O0 to -O3, default -O3)"),
             cl::Prefix, cl::init('3'), cl::value_desc("0-3"),
             cl::cat(category));

static const char overview[] = R"(tl-run: run a compiled model on tensor files

Loads a shared library built by tl-compile (or compiles a .mlir or .onnx
model to a temporary one first, exactly as tl-compile does), feeds it the
--input tensors, prints each output's shape and a summary of its values,
and optionally writes the outputs as .npy (or ONNX TensorProto .pb) files
and times repeated runs.

  tl-run libmodel.so --input x.npy --input w.npy
  tl-run model.mlir --input x=x.npy --output-dir out --benchmark 100 --threads 2
  tl-run model.onnx --input input_0.pb --output-dir out --output-format=pb

NumPy has no bfloat16: bf16 tensors are read from and written to ONNX
TensorProto .pb files (BFLOAT16 data type).

A wrong input shape or dtype is reported with the runtime's message
(naming the input, expected vs. got) and exit code 1.
)";

static int fail(const Twine &message) {
  WithColor::error(errs(), "tl-run") << message << "\n";
  return 1;
}

namespace {
/// Owns the dlopen()ed model and, for compiled models, its temporary files.
struct LoadedModel {
  void *handle = nullptr;
  const tlc_model_api *api = nullptr;
  ~LoadedModel() {
    if (handle)
      dlclose(handle);
  }
};
} // namespace

static bool openLibrary(StringRef path, LoadedModel &model,
                        std::string &error) {
  model.handle = dlopen(path.str().c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!model.handle) {
    error = std::string("cannot load ") + path.str() + ": " + dlerror();
    return false;
  }
  auto get = reinterpret_cast<tlc_get_model_api_fn>(
      dlsym(model.handle, TLC_GET_MODEL_API_SYMBOL));
  if (!get) {
    error = path.str() + " is not a model library built by tl-compile (no " +
            TLC_GET_MODEL_API_SYMBOL + ")";
    return false;
  }
  model.api = get();
  if (!model.api || model.api->abi_version != TLC_ABI_VERSION) {
    error = path.str() + " was built for ABI version " +
            std::to_string(model.api ? model.api->abi_version : 0) +
            "; this tl-run expects " + std::to_string(TLC_ABI_VERSION);
    return false;
  }
  return true;
}

/// Compiles a .mlir/.onnx model into a temporary shared library and loads it.
static bool compileAndOpen(StringRef path, LoadedModel &model) {
  mlir::DialectRegistry registry;
  mlir::tlc::registerModelCompilerDialects(registry);
  mlir::MLIRContext context(registry);
  context.loadAllAvailableDialects();
  context.printOpOnDiagnostic(false);
  SourceMgr sourceMgr;
  mlir::SourceMgrDiagnosticHandler diagnostics(sourceMgr, &context);
  mlir::OwningOpRef<mlir::ModuleOp> module =
      mlir::tlc::loadModel(sourceMgr, path, &context);
  if (!module)
    return false;

  // createUniqueDirectory is relative to the working directory; the model
  // belongs in the temporary one.
  SmallString<128> prefix, dir;
  sys::path::system_temp_directory(/*ErasedOnReboot=*/true, prefix);
  sys::path::append(prefix, "tl-run");
  if (std::error_code ec = sys::fs::createUniqueDirectory(prefix, dir)) {
    fail("cannot create a temporary directory: " + ec.message());
    return false;
  }
  SmallString<128> library(dir);
  sys::path::append(library, "model.so");
  mlir::tlc::ModelCompileOptions options;
  options.emit = mlir::tlc::EmitKind::Library;
  options.entry = entry;
  options.headerPath = "-";
  options.target.optLevel = optLevel - '0';
  bool ok = succeeded(mlir::tlc::compileModel(*module, library, options));
  std::string error;
  if (ok && !openLibrary(library, model, error)) {
    fail(error);
    ok = false;
  }
  // The loaded library stays mapped after its file is gone.
  sys::fs::remove(library);
  sys::fs::remove(dir);
  return ok;
}

static double elementAsDouble(const char *at, int32_t dtype) {
  auto load = [&](auto value) {
    std::memcpy(&value, at, sizeof(value));
    return value;
  };
  auto fromBits = [&](const fltSemantics &semantics) {
    uint16_t bits = load(uint16_t());
    APFloat value(semantics, APInt(16, bits));
    bool lost;
    value.convert(APFloat::IEEEdouble(), APFloat::rmNearestTiesToEven, &lost);
    return value.convertToDouble();
  };
  switch (dtype) {
  case TLC_DTYPE_F32:
    return load(float());
  case TLC_DTYPE_F64:
    return load(double());
  case TLC_DTYPE_F16:
    return fromBits(APFloat::IEEEhalf());
  case TLC_DTYPE_BF16:
    return fromBits(APFloat::BFloat());
  case TLC_DTYPE_I8:
    return load(int8_t());
  case TLC_DTYPE_U8:
  case TLC_DTYPE_BOOL:
    return load(uint8_t());
  case TLC_DTYPE_I16:
    return load(int16_t());
  case TLC_DTYPE_U16:
    return load(uint16_t());
  case TLC_DTYPE_I32:
    return load(int32_t());
  case TLC_DTYPE_U32:
    return load(uint32_t());
  case TLC_DTYPE_I64:
    return static_cast<double>(load(int64_t()));
  case TLC_DTYPE_U64:
    return static_cast<double>(load(uint64_t()));
  default:
    return 0;
  }
}

static void printShape(raw_ostream &os, int32_t rank, const int64_t *shape) {
  os << "[";
  for (int32_t d = 0; d < rank; ++d)
    os << (d ? ", " : "") << shape[d];
  os << "]";
}

static bool isFloat(int32_t dtype) {
  return dtype == TLC_DTYPE_F32 || dtype == TLC_DTYPE_F64 ||
         dtype == TLC_DTYPE_F16 || dtype == TLC_DTYPE_BF16;
}

/// One element as text: %g for floats, exact for integers.
static std::string formatElement(const char *at, int32_t dtype) {
  std::string text;
  raw_string_ostream os(text);
  if (isFloat(dtype)) {
    os << format("%g", elementAsDouble(at, dtype));
  } else if (dtype == TLC_DTYPE_I64) {
    int64_t value;
    std::memcpy(&value, at, sizeof(value));
    os << value;
  } else if (dtype == TLC_DTYPE_U64) {
    uint64_t value;
    std::memcpy(&value, at, sizeof(value));
    os << value;
  } else {
    os << static_cast<int64_t>(elementAsDouble(at, dtype));
  }
  return text;
}

static void printSummary(unsigned index, const tlc_tensor_info &info,
                         const tlc_tensor &tensor) {
  raw_ostream &os = outs();
  os << "output " << index << " '" << info.name << "': "
     << tlrt_dtype_name(tensor.dtype) << " ";
  printShape(os, tensor.rank, tensor.shape);
  size_t elementSize = tlrt_dtype_size(tensor.dtype);
  size_t count = elementSize ? tensor.size / elementSize : 0;
  const char *data = static_cast<const char *>(tensor.data);
  if (count > 0) {
    size_t minAt = 0, maxAt = 0;
    double min = elementAsDouble(data, tensor.dtype), max = min, sum = 0;
    for (size_t i = 0; i < count; ++i) {
      double value = elementAsDouble(data + i * elementSize, tensor.dtype);
      if (value < min) {
        min = value;
        minAt = i;
      }
      if (value > max) {
        max = value;
        maxAt = i;
      }
      sum += value;
    }
    os << "  min " << formatElement(data + minAt * elementSize, tensor.dtype)
       << "  max " << formatElement(data + maxAt * elementSize, tensor.dtype)
       << "  mean " << format("%g", sum / count);
  }
  os << "\n";
  if (printValues > 0 && count > 0) {
    os << "  [";
    size_t shown = std::min<size_t>(count, printValues);
    for (size_t i = 0; i < shown; ++i)
      os << (i ? ", " : "")
         << formatElement(data + i * elementSize, tensor.dtype);
    os << (shown < count ? ", ...]" : "]") << "\n";
  }
}

int main(int argc, char **argv) {
  InitLLVM init(argc, argv);
  // libLLVM registers an undocumented --threads of its own; ours replaces
  // it, so it is registered here, after that one is removed.
  auto &registered = cl::getRegisteredOptions();
  if (auto it = registered.find("threads"); it != registered.end())
    it->second->removeArgument();
  static cl::opt<unsigned> threads(
      "threads",
      cl::desc("Threads to run on (default 0: $TLC_NUM_THREADS, else every "
               "CPU)"),
      cl::value_desc("N"), cl::init(0), cl::cat(category));
  cl::HideUnrelatedOptions(category);
  cl::ParseCommandLineOptions(argc, argv, overview);
  if (optLevel < '0' || optLevel > '3')
    return fail("invalid optimization level; expected -O0 to -O3");

  LoadedModel model;
  StringRef extension = sys::path::extension(modelPath);
  if (extension == ".so") {
    std::string error;
    if (!openLibrary(modelPath, model, error))
      return fail(error);
  } else if (extension == ".mlir" || extension == ".onnx") {
    if (!compileAndOpen(modelPath, model))
      return 1;
  } else {
    return fail("unknown model format '" + extension +
                "'; expected .so, .mlir or .onnx");
  }
  const tlc_model_api &api = *model.api;
  const tlc_model_info &info = *api.info;
  size_t numInputs = info.num_inputs, numOutputs = info.num_outputs;

  // Assign the --input files to the model's inputs.
  std::vector<std::string> files(numInputs);
  size_t positional = 0;
  for (const std::string &arg : inputFiles) {
    size_t slot = numInputs;
    std::string file = arg;
    size_t equals = arg.find('=');
    if (equals != std::string::npos) {
      for (size_t i = 0; i < numInputs; ++i)
        if (arg.compare(0, equals, info.inputs[i].name) == 0 &&
            std::strlen(info.inputs[i].name) == equals) {
          slot = i;
          file = arg.substr(equals + 1);
        }
    }
    if (slot == numInputs)
      slot = positional++;
    if (slot >= numInputs)
      return fail("the model takes " + Twine(numInputs) + " input" +
                  (numInputs == 1 ? "" : "s") + ", got more --input files");
    if (!files[slot].empty())
      return fail("input " + Twine(slot) + " ('" + info.inputs[slot].name +
                  "') is given twice");
    files[slot] = file;
  }
  for (size_t i = 0; i < numInputs; ++i)
    if (files[i].empty())
      return fail("missing --input for input " + Twine(i) + " ('" +
                  info.inputs[i].name + "'); the model takes " +
                  Twine(numInputs) + " input" + (numInputs == 1 ? "" : "s"));

  std::vector<HostTensor> hostInputs(numInputs);
  std::vector<tlc_tensor> inputs(numInputs);
  for (size_t i = 0; i < numInputs; ++i) {
    std::string error;
    if (!readTensorFile(files[i], hostInputs[i], error))
      return fail("input " + Twine(i) + " ('" + info.inputs[i].name +
                  "'): " + error);
    tlc_tensor &tensor = inputs[i];
    std::memset(&tensor, 0, sizeof(tensor));
    tensor.data = hostInputs[i].data.data();
    tensor.dtype = hostInputs[i].dtype;
    tensor.rank = hostInputs[i].shape.size();
    std::copy(hostInputs[i].shape.begin(), hostInputs[i].shape.end(),
              tensor.shape);
  }

  tlc_error error;
  tlc_session *session = nullptr;
  if (api.session_create(threads, &session, &error) != TLC_OK)
    return fail(error.message);
  struct SessionGuard {
    const tlc_model_api &api;
    tlc_session *session;
    ~SessionGuard() { api.session_destroy(session); }
  } sessionGuard{api, session};

  // First run: the runtime allocates the outputs (their shapes may depend
  // on the inputs' dynamic dimensions).
  std::vector<tlc_tensor> outputs(numOutputs);
  std::memset(outputs.data(), 0, numOutputs * sizeof(tlc_tensor));
  struct OutputGuard {
    std::vector<tlc_tensor> &outputs;
    ~OutputGuard() {
      for (tlc_tensor &tensor : outputs)
        std::free(tensor.data);
    }
  } outputGuard{outputs};
  if (api.run(session, inputs.data(), numInputs, outputs.data(), numOutputs,
              &error) != TLC_OK)
    return fail(error.message);

  for (size_t i = 0; i < numOutputs; ++i)
    printSummary(i, info.outputs[i], outputs[i]);

  if (!outputDir.empty()) {
    if (std::error_code ec = sys::fs::create_directories(outputDir))
      return fail("cannot create " + outputDir + ": " + ec.message());
    for (size_t i = 0; i < numOutputs; ++i) {
      const tlc_tensor &tensor = outputs[i];
      // NumPy has no bfloat16 (tlrt_npy_write refuses it).
      bool npy = outputFormat == OutputFormat::Npy &&
                 tensor.dtype != TLC_DTYPE_BF16;
      SmallString<256> path(outputDir);
      sys::path::append(path, "output_" + Twine(i) + (npy ? ".npy" : ".pb"));
      if (npy) {
        char message[600];
        if (tlrt_npy_write(path.c_str(), tensor.dtype, tensor.rank,
                           tensor.shape, tensor.data, message,
                           sizeof(message)))
          return fail(message);
        continue;
      }
      std::string error;
      if (!writeTensorProto(path, tensor.dtype,
                            ArrayRef<int64_t>(tensor.shape, tensor.rank),
                            tensor.data, tensor.size, error))
        return fail(error);
    }
  }

  if (benchmark > 0) {
    // Timed runs write into the buffers of the first run, as a caller
    // with its own output buffers would.
    std::vector<double> times;
    for (unsigned run = 0; run < benchmark; ++run) {
      auto start = std::chrono::steady_clock::now();
      int32_t status = api.run(session, inputs.data(), numInputs,
                               outputs.data(), numOutputs, &error);
      auto stop = std::chrono::steady_clock::now();
      if (status != TLC_OK)
        return fail(error.message);
      times.push_back(
          std::chrono::duration<double, std::milli>(stop - start).count());
    }
    std::sort(times.begin(), times.end());
    double sum = 0;
    for (double t : times)
      sum += t;
    size_t n = times.size();
    double median = n % 2 ? times[n / 2] : (times[n / 2 - 1] + times[n / 2]) / 2;
    // Always milliseconds (scripts parse this line), to 0.1 us.
    auto time = [](double ms) { return format("%.4f ms", ms); };
    int32_t sessionThreads = api.session_threads(session);
    outs() << "benchmark: " << n << " runs on " << sessionThreads
           << " thread" << (sessionThreads == 1 ? "" : "s") << ": median "
           << time(median) << ", min " << time(times.front()) << ", mean "
           << time(sum / n) << "\n";
  }
  return 0;
}
