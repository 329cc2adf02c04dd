//===- TensorFile.h - Tensor files of tl-run --------------------*- C++ -*-===//

#ifndef TLC_TOOLS_TLRUN_TENSORFILE_H
#define TLC_TOOLS_TLRUN_TENSORFILE_H

#include "tlc/Runtime/ABI.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace tlc {

/// A dense, row-major host tensor.
struct HostTensor {
  int32_t dtype = 0;
  std::vector<int64_t> shape;
  std::vector<char> data;
};

/// Reads a NumPy .npy file or an ONNX TensorProto .pb file (by extension).
/// Returns false with `error` set (naming the file) on failure.
bool readTensorFile(llvm::StringRef path, HostTensor &tensor,
                    std::string &error);

/// Writes a dense, row-major tensor of a tlc_dtype (ONNX's data type codes)
/// as an ONNX TensorProto .pb file (raw little-endian data): the format for
/// element types that .npy cannot hold (bf16). Returns false with `error`
/// set on failure.
bool writeTensorProto(llvm::StringRef path, int32_t dtype,
                      llvm::ArrayRef<int64_t> shape, const void *data,
                      size_t size, std::string &error);

} // namespace tlc

#endif // TLC_TOOLS_TLRUN_TENSORFILE_H
