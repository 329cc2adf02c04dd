//===- ExportTypes.cpp - MLIR types and constants to ONNX
//------------------===//

#include "ExporterContext.h"

#include "mlir/IR/DialectResourceBlobManager.h"

#include "onnx/onnx_pb.h"

#include <cstring>

using namespace mlir;
using namespace mlir::tlc;
using namespace mlir::tlc::onnx_export;

std::optional<int32_t>
mlir::tlc::onnx_export::getONNXDataType(Type elementType) {
  if (elementType.isF32())
    return onnx::TensorProto::FLOAT;
  if (elementType.isF64())
    return onnx::TensorProto::DOUBLE;
  if (elementType.isF16())
    return onnx::TensorProto::FLOAT16;
  if (elementType.isBF16())
    return onnx::TensorProto::BFLOAT16;
  auto integer = dyn_cast<IntegerType>(elementType);
  if (!integer)
    return std::nullopt;
  if (integer.getWidth() == 1)
    return onnx::TensorProto::BOOL;
  // Signless integers are signed in tl (as in ONNX); ui8..ui64 unsigned.
  bool isUnsigned = integer.isUnsigned();
  switch (integer.getWidth()) {
  case 8:
    return isUnsigned ? onnx::TensorProto::UINT8 : onnx::TensorProto::INT8;
  case 16:
    return isUnsigned ? onnx::TensorProto::UINT16 : onnx::TensorProto::INT16;
  case 32:
    return isUnsigned ? onnx::TensorProto::UINT32 : onnx::TensorProto::INT32;
  case 64:
    return isUnsigned ? onnx::TensorProto::UINT64 : onnx::TensorProto::INT64;
  default:
    return std::nullopt;
  }
}

LogicalResult
mlir::tlc::onnx_export::setONNXType(onnx::TypeProto &type,
                                    RankedTensorType tensorType,
                                    ArrayRef<std::string> dimNames) {
  std::optional<int32_t> dataType =
      getONNXDataType(tensorType.getElementType());
  if (!dataType)
    return failure();
  onnx::TypeProto::Tensor *tensor = type.mutable_tensor_type();
  tensor->set_elem_type(*dataType);
  onnx::TensorShapeProto *shape = tensor->mutable_shape();
  for (auto [i, size] : llvm::enumerate(tensorType.getShape())) {
    onnx::TensorShapeProto::Dimension *dim = shape->add_dim();
    if (!ShapedType::isDynamic(size))
      dim->set_dim_value(size);
    else if (i < dimNames.size() && !dimNames[i].empty())
      dim->set_dim_param(dimNames[i]);
  }
  return success();
}

/// Bytes per element in host layout (booleans take one byte).
static size_t getElementBytes(Type elementType) {
  return std::max<size_t>(1, elementType.getIntOrFloatBitWidth() / 8);
}

/// The elements of `attr` in host layout, one after another (booleans one
/// byte each), expanded when the attribute is a splat.
static FailureOr<std::vector<char>> getBytes(ElementsAttr attr,
                                             std::string &error) {
  auto type = cast<ShapedType>(attr.getType());
  Type elementType = type.getElementType();
  size_t width = getElementBytes(elementType);
  size_t count = type.getNumElements();
  std::vector<char> bytes;
  bytes.reserve(count * width);

  if (auto resource = dyn_cast<DenseResourceElementsAttr>(attr)) {
    AsmResourceBlob *blob = resource.getRawHandle().getBlob();
    if (!blob) {
      error = "its dense_resource blob '" +
              resource.getRawHandle().getKey().str() +
              "' has no data (elided or missing)";
      return failure();
    }
    ArrayRef<char> data = blob->getData();
    if (data.size() != count * width) {
      error = "its dense_resource blob has " + std::to_string(data.size()) +
              " bytes, expected " + std::to_string(count * width);
      return failure();
    }
    bytes.assign(data.begin(), data.end());
    return bytes;
  }

  auto dense = dyn_cast<DenseElementsAttr>(attr);
  if (!dense) {
    error = "it is not a dense or dense_resource elements attribute";
    return failure();
  }
  if (elementType.isInteger(1)) {
    for (bool value : dense.getValues<bool>())
      bytes.push_back(value ? 1 : 0);
    return bytes;
  }
  ArrayRef<char> raw = dense.getRawData();
  if (dense.isSplat()) {
    for (size_t i = 0; i < count; ++i)
      bytes.insert(bytes.end(), raw.begin(), raw.begin() + width);
    return bytes;
  }
  bytes.assign(raw.begin(), raw.end());
  return bytes;
}

/// Reads the `i`th element of `bytes` as an unsigned integer of `width`
/// bytes (little endian, as the host).
static uint64_t readElement(const std::vector<char> &bytes, size_t i,
                            size_t width) {
  uint64_t value = 0;
  std::memcpy(&value, bytes.data() + i * width, width);
  return value;
}

/// Sign-extends the low `width` bytes of `value`.
static int64_t signExtend(uint64_t value, size_t width) {
  unsigned shift = 64 - 8 * width;
  return static_cast<int64_t>(value << shift) >> shift;
}

LogicalResult mlir::tlc::onnx_export::convertAttribute(
    ElementsAttr attr, onnx::TensorProto &tensor, int64_t maxTypedElements,
    std::string &error) {
  auto type = cast<ShapedType>(attr.getType());
  Type elementType = type.getElementType();
  std::optional<int32_t> dataType = getONNXDataType(elementType);
  if (!dataType) {
    std::string typeName;
    llvm::raw_string_ostream os(typeName);
    os << elementType;
    error = "its element type " + typeName + " has no ONNX equivalent";
    return failure();
  }
  FailureOr<std::vector<char>> bytes = getBytes(attr, error);
  if (failed(bytes))
    return failure();
  tensor.set_data_type(*dataType);
  for (int64_t dim : type.getShape())
    tensor.add_dims(dim);

  size_t count = type.getNumElements();
  if (static_cast<int64_t>(count) > maxTypedElements) {
    tensor.set_raw_data(bytes->data(), bytes->size());
    return success();
  }
  size_t width = getElementBytes(elementType);
  for (size_t i = 0; i < count; ++i) {
    uint64_t bits = readElement(*bytes, i, width);
    switch (*dataType) {
    case onnx::TensorProto::FLOAT: {
      float value;
      uint32_t bits32 = static_cast<uint32_t>(bits);
      std::memcpy(&value, &bits32, sizeof(value));
      tensor.add_float_data(value);
      break;
    }
    case onnx::TensorProto::DOUBLE: {
      double value;
      std::memcpy(&value, &bits, sizeof(value));
      tensor.add_double_data(value);
      break;
    }
    case onnx::TensorProto::INT64:
      tensor.add_int64_data(static_cast<int64_t>(bits));
      break;
    case onnx::TensorProto::UINT32:
    case onnx::TensorProto::UINT64:
      tensor.add_uint64_data(bits);
      break;
    case onnx::TensorProto::INT8:
    case onnx::TensorProto::INT16:
    case onnx::TensorProto::INT32:
      tensor.add_int32_data(static_cast<int32_t>(signExtend(bits, width)));
      break;
    default:
      // BOOL, UINT8, UINT16, and the bits of FLOAT16 / BFLOAT16.
      tensor.add_int32_data(static_cast<int32_t>(bits));
      break;
    }
  }
  return success();
}
