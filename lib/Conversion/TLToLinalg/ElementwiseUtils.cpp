//===- ElementwiseUtils.cpp - helpers of the elementwise-like lowerings ---===//

#include "ElementwiseUtils.h"

#include "tl/IR/TLOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/BuiltinOps.h"

using namespace mlir;

//===----------------------------------------------------------------------===//
// Scalar types inside linalg bodies
//===----------------------------------------------------------------------===//

bool tlc::ew::isUnsignedInt(Type type) {
  auto intType = dyn_cast<IntegerType>(type);
  return intType && intType.isUnsigned();
}

Type tlc::ew::getComputeType(Type type) {
  if (auto floatType = dyn_cast<FloatType>(type))
    return floatType.getWidth() < 32 ? Float32Type::get(type.getContext())
                                     : type;
  if (isUnsignedInt(type))
    return IntegerType::get(type.getContext(), type.getIntOrFloatBitWidth());
  return type;
}

/// unsigned <-> signless of the same width; both lower to the same LLVM type.
static Value reinterpretInt(OpBuilder &b, Location loc, Value value,
                            Type type) {
  return UnrealizedConversionCastOp::create(b, loc, type, value).getResult(0);
}

Value tlc::ew::convertFloat(OpBuilder &b, Location loc, Value value,
                            Type type) {
  auto from = cast<FloatType>(value.getType());
  auto to = cast<FloatType>(type);
  if (from == to)
    return value;
  if (from.getWidth() < to.getWidth())
    return arith::ExtFOp::create(b, loc, to, value);
  if (from.getWidth() > to.getWidth())
    return arith::TruncFOp::create(b, loc, to, value);
  // f16 <-> bf16: through f32, which holds both exactly.
  Value wide =
      arith::ExtFOp::create(b, loc, Float32Type::get(b.getContext()), value);
  return arith::TruncFOp::create(b, loc, to, wide);
}

Value tlc::ew::promoteScalar(OpBuilder &b, Location loc, Value value) {
  Type type = value.getType();
  Type computeType = getComputeType(type);
  if (computeType == type)
    return value;
  if (isa<FloatType>(type))
    return convertFloat(b, loc, value, computeType);
  return reinterpretInt(b, loc, value, computeType);
}

Value tlc::ew::demoteScalar(OpBuilder &b, Location loc, Value value,
                            Type type) {
  if (value.getType() == type)
    return value;
  if (isa<FloatType>(type))
    return convertFloat(b, loc, value, type);
  return reinterpretInt(b, loc, value, type);
}

Value tlc::ew::createScalarConstant(OpBuilder &b, Location loc, Type type,
                                    double value) {
  if (auto floatType = dyn_cast<FloatType>(type))
    return arith::ConstantOp::create(b, loc, FloatAttr::get(floatType, value));
  auto intType = cast<IntegerType>(type);
  APInt bits(intType.getWidth(), static_cast<int64_t>(value),
             /*isSigned=*/true, /*implicitTrunc=*/true);
  return arith::ConstantOp::create(b, loc, IntegerAttr::get(intType, bits));
}

static Value createExtremeValue(OpBuilder &b, Location loc, Type type,
                                bool isUnsigned, bool highest) {
  if (auto floatType = dyn_cast<FloatType>(type))
    return arith::ConstantOp::create(
        b, loc,
        FloatAttr::get(floatType, APFloat::getInf(floatType.getFloatSemantics(),
                                                  /*Negative=*/!highest)));
  unsigned width = type.getIntOrFloatBitWidth();
  APInt value = isUnsigned ? (highest ? APInt::getMaxValue(width)
                                      : APInt::getMinValue(width))
                           : (highest ? APInt::getSignedMaxValue(width)
                                      : APInt::getSignedMinValue(width));
  return arith::ConstantOp::create(b, loc, IntegerAttr::get(type, value));
}

Value tlc::ew::createLowestValue(OpBuilder &b, Location loc, Type type,
                                 bool isUnsigned) {
  return createExtremeValue(b, loc, type, isUnsigned, /*highest=*/false);
}

Value tlc::ew::createHighestValue(OpBuilder &b, Location loc, Type type,
                                  bool isUnsigned) {
  return createExtremeValue(b, loc, type, isUnsigned, /*highest=*/true);
}

Value tlc::ew::indexToFloat(OpBuilder &b, Location loc, Value index,
                            Type type) {
  Value i64 = arith::IndexCastUIOp::create(b, loc, b.getI64Type(), index);
  return arith::UIToFPOp::create(b, loc, type, i64);
}

//===----------------------------------------------------------------------===//
// Shapes and tensors
//===----------------------------------------------------------------------===//

SmallVector<OpFoldResult> tlc::ew::getDims(OpBuilder &b, Location loc,
                                           Value tensor) {
  return tensor::getMixedSizes(b, loc, tensor);
}

Value tlc::ew::createEmptyTensor(OpBuilder &b, Location loc,
                                 ArrayRef<OpFoldResult> sizes,
                                 Type elementType) {
  return tensor::EmptyOp::create(b, loc, sizes, elementType);
}

Value tlc::ew::createFilledTensor(OpBuilder &b, Location loc,
                                  ArrayRef<OpFoldResult> sizes, Value value) {
  Value empty = createEmptyTensor(b, loc, sizes, value.getType());
  return linalg::FillOp::create(b, loc, ValueRange{value}, ValueRange{empty})
      .getResult(0);
}

Value tlc::ew::getElementCount(OpBuilder &b, Location loc,
                               ArrayRef<OpFoldResult> sizes,
                               ArrayRef<int64_t> dims) {
  int64_t staticCount = 1;
  Value dynamicCount;
  for (int64_t dim : dims) {
    if (std::optional<int64_t> size = getConstantIntValue(sizes[dim])) {
      staticCount *= *size;
      continue;
    }
    Value size = cast<Value>(sizes[dim]);
    dynamicCount =
        dynamicCount ? arith::MulIOp::create(b, loc, dynamicCount, size) : size;
  }
  Value count = arith::ConstantIndexOp::create(b, loc, staticCount);
  if (!dynamicCount)
    return count;
  return staticCount == 1 ? dynamicCount
                          : arith::MulIOp::create(b, loc, dynamicCount, count);
}

Value tlc::ew::castToType(OpBuilder &b, Location loc, Value value, Type type) {
  if (value.getType() == type)
    return value;
  return tensor::CastOp::create(b, loc, type, value);
}

//===----------------------------------------------------------------------===//
// Broadcasting
//===----------------------------------------------------------------------===//

SmallVector<OpFoldResult>
tlc::ew::getBroadcastSizes(OpBuilder &b, Location loc, ValueRange operands,
                           RankedTensorType resultType) {
  int64_t rank = resultType.getRank();
  SmallVector<OpFoldResult> sizes;
  for (int64_t i = 0; i < rank; ++i) {
    if (!resultType.isDynamicDim(i)) {
      sizes.push_back(b.getIndexAttr(resultType.getDimSize(i)));
      continue;
    }
    OpFoldResult size = b.getIndexAttr(1);
    for (Value operand : operands) {
      auto type = cast<RankedTensorType>(operand.getType());
      int64_t j = i - (rank - type.getRank());
      if (j < 0)
        continue;
      if (type.isDynamicDim(j)) {
        size = tensor::DimOp::create(b, loc, operand, j).getResult();
        break;
      }
      if (type.getDimSize(j) != 1) {
        size = b.getIndexAttr(type.getDimSize(j));
        break;
      }
    }
    sizes.push_back(size);
  }
  return sizes;
}

AffineMap tlc::ew::getBroadcastMap(RankedTensorType operandType,
                                   ArrayRef<int64_t> resultShape) {
  MLIRContext *context = operandType.getContext();
  int64_t rank = resultShape.size();
  int64_t offset = rank - operandType.getRank();
  SmallVector<AffineExpr> exprs;
  for (auto [j, size] : llvm::enumerate(operandType.getShape())) {
    int64_t i = offset + j;
    if (size == 1 && resultShape[i] != 1)
      exprs.push_back(getAffineConstantExpr(0, context));
    else
      exprs.push_back(getAffineDimExpr(i, context));
  }
  return AffineMap::get(rank, 0, exprs, context);
}

Value tlc::ew::buildParallelGeneric(OpBuilder &b, Location loc,
                                    ValueRange inputs,
                                    ArrayRef<AffineMap> inputMaps,
                                    ArrayRef<OpFoldResult> sizes,
                                    Type elementType, ScalarBodyBuilder body) {
  Value init = createEmptyTensor(b, loc, sizes, elementType);
  SmallVector<AffineMap> maps(inputMaps);
  maps.push_back(b.getMultiDimIdentityMap(sizes.size()));
  SmallVector<utils::IteratorType> iterators(sizes.size(),
                                             utils::IteratorType::parallel);
  auto generic = linalg::GenericOp::create(
      b, loc, TypeRange{init.getType()}, inputs, ValueRange{init}, maps,
      iterators, [&](OpBuilder &nb, Location nloc, ValueRange args) {
        SmallVector<Value> promoted;
        for (Value arg : args.drop_back())
          promoted.push_back(promoteScalar(nb, nloc, arg));
        Value result = body(nb, nloc, promoted);
        linalg::YieldOp::create(nb, nloc,
                                demoteScalar(nb, nloc, result, elementType));
      });
  return generic.getResult(0);
}

/// The shape the elementwise generic iterates over: the result type's, with
/// the dims it leaves dynamic taken from the operands' broadcast where that
/// is static (result types may be less static than inference).
static RankedTensorType getIterationType(ValueRange operands,
                                         RankedTensorType resultType) {
  if (operands.empty())
    return resultType;
  SmallVector<int64_t> shape = llvm::to_vector(
      cast<RankedTensorType>(operands.front().getType()).getShape());
  for (Value operand : operands.drop_front()) {
    FailureOr<SmallVector<int64_t>> merged = tl::broadcastShapes(
        shape, cast<RankedTensorType>(operand.getType()).getShape());
    if (failed(merged))
      return resultType;
    shape = std::move(*merged);
  }
  if (shape.size() != static_cast<size_t>(resultType.getRank()))
    return resultType;
  for (auto [i, size] : llvm::enumerate(resultType.getShape()))
    if (!ShapedType::isDynamic(size))
      shape[i] = size;
  return resultType.clone(shape);
}

Value tlc::ew::buildElementwiseGeneric(OpBuilder &b, Location loc,
                                       ValueRange operands,
                                       RankedTensorType resultType,
                                       ScalarBodyBuilder body) {
  RankedTensorType iterationType = getIterationType(operands, resultType);
  SmallVector<OpFoldResult> sizes =
      getBroadcastSizes(b, loc, operands, iterationType);
  SmallVector<AffineMap> maps;
  for (Value operand : operands)
    maps.push_back(getBroadcastMap(cast<RankedTensorType>(operand.getType()),
                                   iterationType.getShape()));
  Value result = buildParallelGeneric(b, loc, operands, maps, sizes,
                                      resultType.getElementType(), body);
  return castToType(b, loc, result, resultType);
}

//===----------------------------------------------------------------------===//
// Reductions
//===----------------------------------------------------------------------===//

AffineMap tlc::ew::getProjectionMap(int64_t rank, ArrayRef<int64_t> droppedDims,
                                    MLIRContext *context) {
  SmallVector<AffineExpr> exprs;
  for (int64_t i = 0; i < rank; ++i)
    if (!llvm::is_contained(droppedDims, i))
      exprs.push_back(getAffineDimExpr(i, context));
  return AffineMap::get(rank, 0, exprs, context);
}

Value tlc::ew::buildReductionGeneric(OpBuilder &b, Location loc,
                                     ValueRange inputs,
                                     ArrayRef<AffineMap> inputMaps,
                                     ArrayRef<OpFoldResult> sizes,
                                     ArrayRef<int64_t> reducedDims, Value init,
                                     ReductionBodyBuilder body) {
  int64_t rank = sizes.size();
  SmallVector<OpFoldResult> keptSizes;
  SmallVector<utils::IteratorType> iterators;
  for (int64_t i = 0; i < rank; ++i) {
    bool reduced = llvm::is_contained(reducedDims, i);
    iterators.push_back(reduced ? utils::IteratorType::reduction
                                : utils::IteratorType::parallel);
    if (!reduced)
      keptSizes.push_back(sizes[i]);
  }
  Value acc = createFilledTensor(b, loc, keptSizes, init);
  SmallVector<AffineMap> maps(inputMaps);
  maps.push_back(getProjectionMap(rank, reducedDims, b.getContext()));
  auto generic = linalg::GenericOp::create(
      b, loc, TypeRange{acc.getType()}, inputs, ValueRange{acc}, maps,
      iterators, [&](OpBuilder &nb, Location nloc, ValueRange args) {
        SmallVector<Value> promoted;
        for (Value arg : args.drop_back())
          promoted.push_back(promoteScalar(nb, nloc, arg));
        linalg::YieldOp::create(nb, nloc,
                                body(nb, nloc, promoted, args.back()));
      });
  return generic.getResult(0);
}

Value tlc::ew::expandReducedDims(OpBuilder &b, Location loc, Value reduced,
                                 ArrayRef<int64_t> reducedDims) {
  if (reducedDims.empty())
    return reduced;
  auto type = cast<RankedTensorType>(reduced.getType());
  int64_t rank = type.getRank() + reducedDims.size();
  SmallVector<int64_t> shape;
  // Each kept dim forms a group with the reduced dims that follow it; leading
  // reduced dims join the first group.
  SmallVector<ReassociationIndices> groups;
  ReassociationIndices leading;
  for (int64_t i = 0, kept = 0; i < rank; ++i) {
    if (llvm::is_contained(reducedDims, i)) {
      shape.push_back(1);
      if (groups.empty())
        leading.push_back(i);
      else
        groups.back().push_back(i);
      continue;
    }
    shape.push_back(type.getDimSize(kept++));
    groups.push_back(leading);
    groups.back().push_back(i);
    leading.clear();
  }
  // A rank-0 source expands with no groups at all.
  auto resultType = RankedTensorType::get(shape, type.getElementType());
  SmallVector<OpFoldResult> outputShape;
  SmallVector<OpFoldResult> sizes = getDims(b, loc, reduced);
  for (int64_t i = 0, kept = 0; i < rank; ++i)
    outputShape.push_back(llvm::is_contained(reducedDims, i)
                              ? OpFoldResult(b.getIndexAttr(1))
                              : sizes[kept++]);
  return tensor::ExpandShapeOp::create(b, loc, resultType, reduced, groups,
                                       outputShape);
}
