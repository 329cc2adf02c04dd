//===- TensorFile.cpp - Tensor files of tl-run ----------------------------===//

#include "TensorFile.h"

#include "tlc/Runtime/Npy.h"
#include "tlc/Runtime/Runtime.h"

#include "llvm/Support/Path.h"

#include "onnx/onnx_pb.h"

#include <cstring>
#include <fstream>

using namespace tlc;

static bool readNpy(llvm::StringRef path, HostTensor &tensor,
                    std::string &error) {
  tlrt_npy_array array;
  char message[600];
  if (tlrt_npy_read(path.str().c_str(), &array, message, sizeof(message))) {
    error = message;
    return false;
  }
  tensor.dtype = array.dtype;
  tensor.shape.assign(array.shape, array.shape + array.rank);
  const char *bytes = static_cast<const char *>(array.data);
  tensor.data.assign(bytes, bytes + array.nbytes);
  tlrt_npy_free(&array);
  return true;
}

/// Copies `values` converted to T into `out`.
template <typename T, typename Container>
static void appendAs(const Container &values, std::vector<char> &out) {
  out.resize(values.size() * sizeof(T));
  char *at = out.data();
  for (auto value : values) {
    T converted = static_cast<T>(value);
    std::memcpy(at, &converted, sizeof(T));
    at += sizeof(T);
  }
}

static bool readTensorProto(llvm::StringRef path, HostTensor &tensor,
                            std::string &error) {
  std::ifstream file(path.str(), std::ios::binary);
  if (!file) {
    error = path.str() + ": cannot open";
    return false;
  }
  onnx::TensorProto proto;
  if (!proto.ParseFromIstream(&file)) {
    error = path.str() + ": not an ONNX TensorProto";
    return false;
  }
  if (proto.data_location() == onnx::TensorProto::EXTERNAL) {
    error = path.str() + ": tensors with external data are not supported";
    return false;
  }
  int32_t dtype = proto.data_type();
  size_t elementSize = tlrt_dtype_size(dtype);
  if (elementSize == 0) {
    error = path.str() + ": unsupported ONNX data type " +
            std::to_string(dtype) + " (" +
            onnx::TensorProto::DataType_Name(
                static_cast<onnx::TensorProto::DataType>(dtype)) +
            ")";
    return false;
  }
  if (proto.dims_size() > TLC_MAX_RANK) {
    error = path.str() + ": rank above " + std::to_string(TLC_MAX_RANK) +
            " is not supported";
    return false;
  }
  tensor.dtype = dtype;
  tensor.shape.assign(proto.dims().begin(), proto.dims().end());
  size_t count = 1;
  for (int64_t dim : tensor.shape) {
    if (dim < 0) {
      error = path.str() + ": negative dimension";
      return false;
    }
    count *= static_cast<size_t>(dim);
  }

  if (proto.has_raw_data()) {
    const std::string &raw = proto.raw_data();
    tensor.data.assign(raw.begin(), raw.end());
  } else {
    switch (dtype) {
    case onnx::TensorProto::FLOAT:
      appendAs<float>(proto.float_data(), tensor.data);
      break;
    case onnx::TensorProto::DOUBLE:
      appendAs<double>(proto.double_data(), tensor.data);
      break;
    case onnx::TensorProto::INT64:
      appendAs<int64_t>(proto.int64_data(), tensor.data);
      break;
    case onnx::TensorProto::UINT32:
      appendAs<uint32_t>(proto.uint64_data(), tensor.data);
      break;
    case onnx::TensorProto::UINT64:
      appendAs<uint64_t>(proto.uint64_data(), tensor.data);
      break;
    case onnx::TensorProto::INT32:
      appendAs<int32_t>(proto.int32_data(), tensor.data);
      break;
    // int32_data holds the narrow types, one element (or its bits) each.
    case onnx::TensorProto::INT16:
      appendAs<int16_t>(proto.int32_data(), tensor.data);
      break;
    case onnx::TensorProto::UINT16:
    case onnx::TensorProto::FLOAT16:
    case onnx::TensorProto::BFLOAT16:
      appendAs<uint16_t>(proto.int32_data(), tensor.data);
      break;
    case onnx::TensorProto::INT8:
      appendAs<int8_t>(proto.int32_data(), tensor.data);
      break;
    case onnx::TensorProto::UINT8:
    case onnx::TensorProto::BOOL:
      appendAs<uint8_t>(proto.int32_data(), tensor.data);
      break;
    default:
      break;
    }
  }
  if (tensor.data.size() != count * elementSize) {
    error = path.str() + ": holds " + std::to_string(tensor.data.size()) +
            " bytes of data, but its shape needs " +
            std::to_string(count * elementSize);
    return false;
  }
  return true;
}

bool tlc::readTensorFile(llvm::StringRef path, HostTensor &tensor,
                         std::string &error) {
  llvm::StringRef extension = llvm::sys::path::extension(path);
  if (extension == ".npy")
    return readNpy(path, tensor, error);
  if (extension == ".pb")
    return readTensorProto(path, tensor, error);
  error = path.str() + ": unknown tensor file format '" + extension.str() +
          "' (expected .npy or an ONNX TensorProto .pb)";
  return false;
}

bool tlc::writeTensorProto(llvm::StringRef path, int32_t dtype,
                           llvm::ArrayRef<int64_t> shape, const void *data,
                           size_t size, std::string &error) {
  if (!onnx::TensorProto::DataType_IsValid(dtype) ||
      tlrt_dtype_size(dtype) == 0) {
    error = path.str() + ": no ONNX data type for dtype " +
            std::to_string(dtype);
    return false;
  }
  onnx::TensorProto proto;
  proto.set_data_type(dtype);
  for (int64_t dim : shape)
    proto.add_dims(dim);
  proto.set_raw_data(data, size);
  std::ofstream file(path.str(), std::ios::binary | std::ios::trunc);
  if (!file || !proto.SerializeToOstream(&file)) {
    error = path.str() + ": cannot write";
    return false;
  }
  return true;
}
