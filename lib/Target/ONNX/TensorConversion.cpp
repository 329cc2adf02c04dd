//===- TensorConversion.cpp - ONNX types and tensors to MLIR ---------------===//

#include "ImporterContext.h"

#include "mlir/IR/AsmState.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "llvm/ADT/APFloat.h"
#include "llvm/ADT/StringExtras.h"

#include "onnx/onnx_pb.h"

#include <cstring>

using namespace mlir;
using namespace mlir::tlc;
using namespace mlir::tlc::onnx_import;

Type mlir::tlc::onnx_import::convertElementType(int32_t dataType,
                                                MLIRContext *context) {
  auto signless = [&](unsigned width) -> Type {
    return IntegerType::get(context, width);
  };
  auto unsignedInt = [&](unsigned width) -> Type {
    return IntegerType::get(context, width, IntegerType::Unsigned);
  };
  switch (dataType) {
  case onnx::TensorProto::FLOAT:
    return Float32Type::get(context);
  case onnx::TensorProto::DOUBLE:
    return Float64Type::get(context);
  case onnx::TensorProto::FLOAT16:
    return Float16Type::get(context);
  case onnx::TensorProto::BFLOAT16:
    return BFloat16Type::get(context);
  case onnx::TensorProto::BOOL:
    return signless(1);
  case onnx::TensorProto::INT8:
    return signless(8);
  case onnx::TensorProto::INT16:
    return signless(16);
  case onnx::TensorProto::INT32:
    return signless(32);
  case onnx::TensorProto::INT64:
    return signless(64);
  case onnx::TensorProto::UINT8:
    return unsignedInt(8);
  case onnx::TensorProto::UINT16:
    return unsignedInt(16);
  case onnx::TensorProto::UINT32:
    return unsignedInt(32);
  case onnx::TensorProto::UINT64:
    return unsignedInt(64);
  default:
    return {};
  }
}

std::string mlir::tlc::onnx_import::dataTypeName(int32_t dataType) {
  if (onnx::TensorProto::DataType_IsValid(dataType))
    return onnx::TensorProto::DataType_Name(
        static_cast<onnx::TensorProto::DataType>(dataType));
  return "data type " + std::to_string(dataType);
}

FailureOr<RankedTensorType>
mlir::tlc::onnx_import::convertType(const onnx::TypeProto &type,
                                    MLIRContext *context, std::string &error) {
  if (!type.has_tensor_type()) {
    error = "is not a tensor (sequence, map, optional and sparse values are "
            "not supported)";
    return failure();
  }
  const onnx::TypeProto::Tensor &tensor = type.tensor_type();
  Type elementType = convertElementType(tensor.elem_type(), context);
  if (!elementType) {
    error = "has unsupported element type " + dataTypeName(tensor.elem_type());
    return failure();
  }
  if (!tensor.has_shape()) {
    error = "has an unknown rank (tl tensors are ranked)";
    return failure();
  }
  SmallVector<int64_t> shape;
  for (const onnx::TensorShapeProto::Dimension &dim : tensor.shape().dim())
    shape.push_back(dim.has_dim_value() && dim.dim_value() >= 0
                        ? dim.dim_value()
                        : ShapedType::kDynamic);
  return RankedTensorType::get(shape, elementType);
}

/// Bytes per element in host layout (booleans take one byte).
static int64_t getElementBytes(Type elementType) {
  return std::max<int64_t>(1, elementType.getIntOrFloatBitWidth() / 8);
}

/// A resource key made of identifier characters, so that the printed
/// `dense_resource<...>` parses back.
static std::string sanitizeBlobName(StringRef name) {
  std::string result;
  for (char c : name)
    result.push_back(llvm::isAlnum(c) || c == '_' || c == '.' ? c : '_');
  if (result.empty() || llvm::isDigit(result.front()) || result.front() == '.')
    result.insert(result.begin(), '_');
  return result;
}

ElementsAttr mlir::tlc::onnx_import::makeElementsAttr(
    RankedTensorType type, ArrayRef<char> bytes, StringRef blobName,
    int64_t maxInlineElements) {
  Type elementType = type.getElementType();
  int64_t count = type.getNumElements();
  if (elementType.isInteger(1)) {
    SmallVector<bool> values;
    for (char byte : bytes)
      values.push_back(byte != 0);
    return DenseElementsAttr::get(type, values);
  }
  int64_t width = getElementBytes(elementType);
  bool splat = count > 0;
  for (int64_t i = 1; i < count && splat; ++i)
    splat = std::memcmp(bytes.data(), bytes.data() + i * width, width) == 0;
  if (count == 0 || splat)
    return DenseElementsAttr::getFromRawBuffer(type, bytes.take_front(width * (count > 0)));
  if (count <= maxInlineElements)
    return DenseElementsAttr::getFromRawBuffer(type, bytes);
  AsmResourceBlob blob = HeapAsmResourceBlob::allocateAndCopyWithAlign(
      bytes, std::max<size_t>(width, alignof(uint64_t)),
      /*dataIsMutable=*/false);
  return DenseResourceElementsAttr::get(type, sanitizeBlobName(blobName),
                                        std::move(blob));
}

/// Appends the little-endian bytes of `value` truncated to `width` bytes.
static void appendBytes(std::vector<char> &bytes, uint64_t value,
                        int64_t width) {
  for (int64_t b = 0; b < width; ++b)
    bytes.push_back(static_cast<char>((value >> (8 * b)) & 0xff));
}

/// The number of elements in the typed field that holds `tensor`'s data
/// type (which field depends on the type).
static int64_t getTypedElementCount(const onnx::TensorProto &tensor) {
  switch (tensor.data_type()) {
  case onnx::TensorProto::FLOAT:
    return tensor.float_data_size();
  case onnx::TensorProto::DOUBLE:
    return tensor.double_data_size();
  case onnx::TensorProto::INT64:
    return tensor.int64_data_size();
  case onnx::TensorProto::UINT32:
  case onnx::TensorProto::UINT64:
    return tensor.uint64_data_size();
  default:
    // INT32, INT16, INT8, UINT16, UINT8, BOOL, and the bit patterns of
    // FLOAT16 and BFLOAT16.
    return tensor.int32_data_size();
  }
}

FailureOr<RankedTensorType>
mlir::tlc::onnx_import::validateTensor(const onnx::TensorProto &tensor,
                                       MLIRContext *context,
                                       std::string &error) {
  Type elementType = convertElementType(tensor.data_type(), context);
  if (!elementType) {
    error = "has unsupported element type " + dataTypeName(tensor.data_type());
    return failure();
  }
  if (tensor.has_segment()) {
    error = "is segmented, which is not supported";
    return failure();
  }
  if (tensor.data_location() == onnx::TensorProto::EXTERNAL) {
    error = "has external data that was not loaded";
    return failure();
  }
  SmallVector<int64_t> shape;
  int64_t count = 1;
  for (int64_t dim : tensor.dims()) {
    if (dim < 0) {
      error = "has a negative dimension";
      return failure();
    }
    shape.push_back(dim);
    // A tensor in a protobuf holds less than 2^31 bytes (external data:
    // 2^40 elements is plenty); this also keeps the product from overflowing.
    if (dim != 0 && count > (int64_t(1) << 40) / dim) {
      error = "is too large";
      return failure();
    }
    count *= dim;
  }
  if (tensor.has_raw_data()) {
    int64_t expected = count * getElementBytes(elementType);
    if (static_cast<int64_t>(tensor.raw_data().size()) != expected) {
      error = "has " + std::to_string(tensor.raw_data().size()) +
              " bytes of raw data, expected " + std::to_string(expected);
      return failure();
    }
  } else if (int64_t available = getTypedElementCount(tensor);
             available != count) {
    error = "has " + std::to_string(available) + " elements, expected " +
            std::to_string(count);
    return failure();
  }
  return RankedTensorType::get(shape, elementType);
}

FailureOr<ElementsAttr> mlir::tlc::onnx_import::convertTensor(
    const onnx::TensorProto &tensor, MLIRContext *context,
    int64_t maxInlineElements, std::string &error) {
  FailureOr<RankedTensorType> type = validateTensor(tensor, context, error);
  if (failed(type))
    return failure();
  int64_t width = getElementBytes(type->getElementType());

  std::vector<char> bytes;
  if (tensor.has_raw_data()) {
    bytes.assign(tensor.raw_data().begin(), tensor.raw_data().end());
  } else {
    // Typed fields: which one holds the data depends on the element type.
    switch (tensor.data_type()) {
    case onnx::TensorProto::FLOAT:
      for (float v : tensor.float_data()) {
        uint32_t bits;
        std::memcpy(&bits, &v, 4);
        appendBytes(bytes, bits, 4);
      }
      break;
    case onnx::TensorProto::DOUBLE:
      for (double v : tensor.double_data()) {
        uint64_t bits;
        std::memcpy(&bits, &v, 8);
        appendBytes(bytes, bits, 8);
      }
      break;
    case onnx::TensorProto::INT64:
      for (int64_t v : tensor.int64_data())
        appendBytes(bytes, static_cast<uint64_t>(v), 8);
      break;
    case onnx::TensorProto::UINT32:
    case onnx::TensorProto::UINT64:
      for (uint64_t v : tensor.uint64_data())
        appendBytes(bytes, v, width);
      break;
    default:
      // INT32, INT16, INT8, UINT16, UINT8, BOOL, and the bit patterns of
      // FLOAT16 and BFLOAT16 are all stored in int32_data.
      for (int32_t v : tensor.int32_data())
        appendBytes(bytes, static_cast<uint32_t>(v), width);
      break;
    }
  }
  std::string name = tensor.name().empty() ? "tensor" : tensor.name();
  return makeElementsAttr(*type, bytes, name, maxInlineElements);
}

std::optional<ArrayRef<char>>
mlir::tlc::onnx_import::getRawBytes(ElementsAttr attr) {
  if (auto resource = dyn_cast<DenseResourceElementsAttr>(attr)) {
    AsmResourceBlob *blob = resource.getRawHandle().getBlob();
    if (!blob)
      return std::nullopt;
    return blob->getData();
  }
  auto dense = dyn_cast<DenseElementsAttr>(attr);
  if (!dense || dense.isSplat() || dense.getElementType().isInteger(1))
    return std::nullopt;
  return dense.getRawData();
}

/// Reads element `i` of host-layout `bytes` as a double or an integer.
static double readFloat(ArrayRef<char> bytes, int64_t i, Type type) {
  auto bitsAt = [&](int64_t width) {
    uint64_t bits = 0;
    std::memcpy(&bits, bytes.data() + i * width, width);
    return bits;
  };
  auto floatType = cast<FloatType>(type);
  unsigned width = floatType.getWidth();
  llvm::APFloat value(floatType.getFloatSemantics(),
                      llvm::APInt(width, bitsAt(width / 8)));
  bool lost;
  value.convert(llvm::APFloat::IEEEdouble(),
                llvm::APFloat::rmNearestTiesToEven, &lost);
  return value.convertToDouble();
}

static int64_t readInt(ArrayRef<char> bytes, int64_t i, Type type) {
  unsigned bits = type.getIntOrFloatBitWidth();
  int64_t width = getElementBytes(type);
  uint64_t raw = 0;
  std::memcpy(&raw, bytes.data() + i * width, width);
  if (bits == 1)
    return raw != 0;
  llvm::APInt value(bits, raw);
  return type.isUnsignedInteger() ? static_cast<int64_t>(value.getZExtValue())
                                  : value.getSExtValue();
}

FailureOr<FoldedTensor>
mlir::tlc::onnx_import::toFolded(ElementsAttr attr, int64_t maxElements) {
  auto type = cast<RankedTensorType>(attr.getType());
  int64_t count = type.getNumElements();
  if (count > maxElements)
    return failure();
  FoldedTensor result;
  result.shape.assign(type.getShape().begin(), type.getShape().end());
  result.elementType = type.getElementType();
  bool isFloat = isa<FloatType>(result.elementType);
  if (auto dense = dyn_cast<DenseElementsAttr>(attr)) {
    if (isFloat) {
      for (llvm::APFloat v : dense.getValues<llvm::APFloat>()) {
        bool lost;
        v.convert(llvm::APFloat::IEEEdouble(),
                  llvm::APFloat::rmNearestTiesToEven, &lost);
        result.floats.push_back(v.convertToDouble());
      }
    } else {
      bool isUnsigned = result.elementType.isUnsignedInteger() ||
                        result.elementType.isInteger(1);
      for (const llvm::APInt &v : dense.getValues<llvm::APInt>())
        result.ints.push_back(SymInt::constant(
            isUnsigned ? static_cast<int64_t>(v.getZExtValue())
                       : v.getSExtValue()));
    }
    return result;
  }
  std::optional<ArrayRef<char>> bytes = getRawBytes(attr);
  if (!bytes)
    return failure();
  for (int64_t i = 0; i < count; ++i) {
    if (isFloat)
      result.floats.push_back(readFloat(*bytes, i, result.elementType));
    else
      result.ints.push_back(
          SymInt::constant(readInt(*bytes, i, result.elementType)));
  }
  return result;
}

ElementsAttr mlir::tlc::onnx_import::fromFolded(const FoldedTensor &tensor) {
  auto type = RankedTensorType::get(tensor.shape, tensor.elementType);
  if (auto floatType = dyn_cast<FloatType>(tensor.elementType)) {
    SmallVector<llvm::APFloat> values;
    for (double v : tensor.floats) {
      llvm::APFloat value(v);
      bool lost;
      value.convert(floatType.getFloatSemantics(),
                    llvm::APFloat::rmNearestTiesToEven, &lost);
      values.push_back(value);
    }
    return DenseElementsAttr::get(type, values);
  }
  if (tensor.elementType.isInteger(1)) {
    SmallVector<bool> values;
    for (const SymInt &v : tensor.ints)
      values.push_back(v.value != 0);
    return DenseElementsAttr::get(type, values);
  }
  unsigned width = tensor.elementType.getIntOrFloatBitWidth();
  SmallVector<llvm::APInt> values;
  for (const SymInt &v : tensor.ints)
    values.push_back(llvm::APInt(width, static_cast<uint64_t>(v.value),
                                 /*isSigned=*/!tensor.elementType
                                      .isUnsignedInteger(),
                                 /*implicitTrunc=*/true));
  return DenseElementsAttr::get(type, values);
}
