//===- StructuredUtils.cpp - helpers for building linalg on tensors -------===//

#include "StructuredUtils.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/Dialect/Index/IR/IndexOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"

#include <limits>

using namespace mlir;
using namespace mlir::tlc::detail;

//===----------------------------------------------------------------------===//
// Sizes and index arithmetic
//===----------------------------------------------------------------------===//

OpFoldResult mlir::tlc::detail::getDimSize(OpBuilder &b, Location loc,
                                           Value value, int64_t dim) {
  auto type = cast<RankedTensorType>(value.getType());
  if (!type.isDynamicDim(dim))
    return b.getIndexAttr(type.getDimSize(dim));
  return tensor::DimOp::create(b, loc, value, dim).getResult();
}

SmallVector<OpFoldResult>
mlir::tlc::detail::getDimSizes(OpBuilder &b, Location loc, Value value) {
  SmallVector<OpFoldResult> sizes;
  int64_t rank = cast<RankedTensorType>(value.getType()).getRank();
  for (int64_t i = 0; i < rank; ++i)
    sizes.push_back(getDimSize(b, loc, value, i));
  return sizes;
}

SmallVector<OpFoldResult>
mlir::tlc::detail::refineSizes(RankedTensorType type,
                               ArrayRef<OpFoldResult> computed) {
  SmallVector<OpFoldResult> sizes(computed);
  Builder b(type.getContext());
  for (int64_t i = 0, e = type.getRank(); i < e; ++i)
    if (!type.isDynamicDim(i))
      sizes[i] = b.getIndexAttr(type.getDimSize(i));
  return sizes;
}

OpFoldResult IndexMath::c(int64_t value) { return b.getIndexAttr(value); }

Value IndexMath::value(OpFoldResult ofr) {
  return getValueOrCreateConstantIndexOp(b, loc, ofr);
}

OpFoldResult IndexMath::add(OpFoldResult lhs, OpFoldResult rhs) {
  std::optional<int64_t> l = getConstantIntValue(lhs);
  std::optional<int64_t> r = getConstantIntValue(rhs);
  if (l && r)
    return c(*l + *r);
  if (l == 0)
    return rhs;
  if (r == 0)
    return lhs;
  return arith::AddIOp::create(b, loc, value(lhs), value(rhs)).getResult();
}

OpFoldResult IndexMath::sub(OpFoldResult lhs, OpFoldResult rhs) {
  std::optional<int64_t> l = getConstantIntValue(lhs);
  std::optional<int64_t> r = getConstantIntValue(rhs);
  if (l && r)
    return c(*l - *r);
  if (r == 0)
    return lhs;
  return arith::SubIOp::create(b, loc, value(lhs), value(rhs)).getResult();
}

OpFoldResult IndexMath::mul(OpFoldResult lhs, OpFoldResult rhs) {
  std::optional<int64_t> l = getConstantIntValue(lhs);
  std::optional<int64_t> r = getConstantIntValue(rhs);
  if (l && r)
    return c(*l * *r);
  if (l == 1)
    return rhs;
  if (r == 1)
    return lhs;
  return arith::MulIOp::create(b, loc, value(lhs), value(rhs)).getResult();
}

OpFoldResult IndexMath::floorDiv(OpFoldResult lhs, OpFoldResult rhs) {
  std::optional<int64_t> l = getConstantIntValue(lhs);
  std::optional<int64_t> r = getConstantIntValue(rhs);
  if (l && r)
    return c(llvm::divideFloorSigned(*l, *r));
  if (r == 1)
    return lhs;
  return arith::FloorDivSIOp::create(b, loc, value(lhs), value(rhs))
      .getResult();
}

OpFoldResult IndexMath::ceilDiv(OpFoldResult lhs, OpFoldResult rhs) {
  std::optional<int64_t> l = getConstantIntValue(lhs);
  std::optional<int64_t> r = getConstantIntValue(rhs);
  if (l && r)
    return c(llvm::divideCeilSigned(*l, *r));
  if (r == 1)
    return lhs;
  return arith::CeilDivSIOp::create(b, loc, value(lhs), value(rhs)).getResult();
}

OpFoldResult IndexMath::min(OpFoldResult lhs, OpFoldResult rhs) {
  std::optional<int64_t> l = getConstantIntValue(lhs);
  std::optional<int64_t> r = getConstantIntValue(rhs);
  if (l && r)
    return c(std::min(*l, *r));
  return arith::MinSIOp::create(b, loc, value(lhs), value(rhs)).getResult();
}

OpFoldResult IndexMath::max(OpFoldResult lhs, OpFoldResult rhs) {
  std::optional<int64_t> l = getConstantIntValue(lhs);
  std::optional<int64_t> r = getConstantIntValue(rhs);
  if (l && r)
    return c(std::max(*l, *r));
  return arith::MaxSIOp::create(b, loc, value(lhs), value(rhs)).getResult();
}

OpFoldResult IndexMath::ge(OpFoldResult lhs, OpFoldResult rhs) {
  std::optional<int64_t> l = getConstantIntValue(lhs);
  std::optional<int64_t> r = getConstantIntValue(rhs);
  if (l && r)
    return c(*l >= *r ? 1 : 0);
  Value cond = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sge,
                                     value(lhs), value(rhs));
  return arith::SelectOp::create(b, loc, cond, value(c(1)), value(c(0)))
      .getResult();
}

OpFoldResult IndexMath::wrapNegative(OpFoldResult lhs, OpFoldResult size) {
  if (std::optional<int64_t> l = getConstantIntValue(lhs))
    return *l < 0 ? add(lhs, size) : lhs;
  Value isNegative = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt,
                                           value(lhs), value(c(0)));
  return arith::SelectOp::create(b, loc, isNegative, value(add(lhs, size)),
                                 value(lhs))
      .getResult();
}

OpFoldResult IndexMath::clampIndex(OpFoldResult lhs, OpFoldResult size) {
  return max(min(wrapNegative(lhs, size), sub(size, c(1))), c(0));
}

OpFoldResult IndexMath::product(ArrayRef<OpFoldResult> values) {
  OpFoldResult result = c(1);
  for (OpFoldResult v : values)
    result = mul(result, v);
  return result;
}

//===----------------------------------------------------------------------===//
// Destinations and scalars
//===----------------------------------------------------------------------===//

Value mlir::tlc::detail::createEmpty(OpBuilder &b, Location loc,
                                     ArrayRef<OpFoldResult> sizes,
                                     Type elementType) {
  return tensor::EmptyOp::create(b, loc, sizes, elementType);
}

Value mlir::tlc::detail::createFilled(OpBuilder &b, Location loc,
                                      ArrayRef<OpFoldResult> sizes,
                                      Value fill) {
  Value empty = createEmpty(b, loc, sizes, fill.getType());
  return linalg::FillOp::create(b, loc, ValueRange{fill}, ValueRange{empty})
      .getResult(0);
}

/// A scalar integer constant of `type`. arith.constant takes signless scalars
/// only, so an unsigned one is read out of a rank-0 tensor constant.
static Value createIntegerConstant(OpBuilder &b, Location loc, IntegerType type,
                                   const APInt &bits) {
  if (type.isSignless())
    return arith::ConstantOp::create(b, loc, b.getIntegerAttr(type, bits));
  auto tensorType = RankedTensorType::get({}, type);
  Value tensor = arith::ConstantOp::create(
      b, loc, DenseElementsAttr::get(tensorType, ArrayRef<APInt>{bits}));
  return tensor::ExtractOp::create(b, loc, tensor, ValueRange{});
}

Value mlir::tlc::detail::createScalarConstant(OpBuilder &b, Location loc,
                                              Type elementType, double value) {
  if (auto floatType = dyn_cast<FloatType>(elementType))
    return arith::ConstantOp::create(b, loc, b.getFloatAttr(floatType, value));
  auto intType = cast<IntegerType>(elementType);
  APInt bits(intType.getWidth(), static_cast<int64_t>(value),
             /*isSigned=*/true, /*implicitTrunc=*/true);
  return createIntegerConstant(b, loc, intType, bits);
}

Value mlir::tlc::detail::createLowestValue(OpBuilder &b, Location loc,
                                           Type elementType) {
  if (auto floatType = dyn_cast<FloatType>(elementType))
    return arith::ConstantOp::create(
        b, loc,
        b.getFloatAttr(floatType, APFloat::getInf(floatType.getFloatSemantics(),
                                                  /*Negative=*/true)));
  auto intType = cast<IntegerType>(elementType);
  unsigned width = intType.getWidth();
  APInt lowest = intType.isUnsigned() || width == 1
                     ? APInt::getZero(width)
                     : APInt::getSignedMinValue(width);
  return createIntegerConstant(b, loc, intType, lowest);
}

Value mlir::tlc::detail::padWithValue(OpBuilder &b, Location loc, Value value,
                                      ArrayRef<OpFoldResult> low,
                                      ArrayRef<OpFoldResult> high,
                                      Value padValue) {
  auto isZero = [](OpFoldResult ofr) { return isConstantIntValue(ofr, 0); };
  if (llvm::all_of(low, isZero) && llvm::all_of(high, isZero))
    return value;
  return tensor::PadOp::create(b, loc, /*resultType=*/Type(), value, low, high,
                               padValue);
}

Value mlir::tlc::detail::castToType(OpBuilder &b, Location loc, Value value,
                                    Type type) {
  if (value.getType() == type)
    return value;
  return tensor::CastOp::create(b, loc, type, value);
}

//===----------------------------------------------------------------------===//
// Unsigned integers
//===----------------------------------------------------------------------===//

Value mlir::tlc::detail::unsignedToIndex(OpBuilder &b, Location loc,
                                         Value value) {
  return index::CastUOp::create(b, loc, b.getIndexType(), value);
}

Value mlir::tlc::detail::indexToUnsigned(OpBuilder &b, Location loc,
                                         Value value, Type type) {
  return index::CastUOp::create(b, loc, type, value);
}

//===----------------------------------------------------------------------===//
// Reshapes
//===----------------------------------------------------------------------===//

Value mlir::tlc::detail::collapse(
    OpBuilder &b, Location loc, Value value,
    ArrayRef<ReassociationIndices> reassociation) {
  return tensor::CollapseShapeOp::create(b, loc, value, reassociation);
}

Value mlir::tlc::detail::expand(OpBuilder &b, Location loc, Value value,
                                ArrayRef<ReassociationIndices> reassociation,
                                ArrayRef<OpFoldResult> sizes) {
  auto source = cast<RankedTensorType>(value.getType());
  SmallVector<int64_t> shape;
  SmallVector<Value> dynamic;
  dispatchIndexOpFoldResults(sizes, dynamic, shape);
  auto type = RankedTensorType::get(shape, source.getElementType());
  // LLVM 22's expand-strided-metadata crashes on a memref.expand_shape with
  // several dynamic dims in one group (llvm-project#186830, fixed in 23):
  // such an expansion is a tensor.reshape instead.
  bool severalDynamic = llvm::any_of(reassociation, [&](const auto &group) {
    return llvm::count_if(group,
                          [&](int64_t d) { return type.isDynamicDim(d); }) > 1;
  });
  if (severalDynamic) {
    SmallVector<Value> shapeValues;
    for (OpFoldResult size : sizes)
      shapeValues.push_back(getValueOrCreateConstantIndexOp(b, loc, size));
    Value shapeTensor = tensor::FromElementsOp::create(
        b, loc, RankedTensorType::get({type.getRank()}, b.getIndexType()),
        shapeValues);
    return tensor::ReshapeOp::create(b, loc, type, value, shapeTensor);
  }
  return tensor::ExpandShapeOp::create(b, loc, type, value, reassociation,
                                       sizes);
}

SmallVector<ReassociationIndices>
mlir::tlc::detail::getContiguousGroups(ArrayRef<int64_t> groupSizes) {
  SmallVector<ReassociationIndices> groups;
  int64_t next = 0;
  for (int64_t size : groupSizes) {
    ReassociationIndices group;
    for (int64_t i = 0; i < size; ++i)
      group.push_back(next++);
    groups.push_back(group);
  }
  return groups;
}

//===----------------------------------------------------------------------===//
// linalg.generic shapes
//===----------------------------------------------------------------------===//

Value mlir::tlc::detail::broadcastTo(OpBuilder &b, Location loc, Value value,
                                     ArrayRef<OpFoldResult> sizes) {
  auto type = cast<RankedTensorType>(value.getType());
  int64_t rank = sizes.size();
  int64_t offset = rank - type.getRank();
  assert(offset >= 0 && "broadcast to a smaller rank");
  SmallVector<AffineExpr> exprs;
  bool identity = offset == 0;
  for (int64_t i = 0; i < type.getRank(); ++i) {
    std::optional<int64_t> target = getConstantIntValue(sizes[i + offset]);
    if (type.getDimSize(i) == 1 && target != 1) {
      exprs.push_back(b.getAffineConstantExpr(0));
      identity = false;
    } else {
      exprs.push_back(b.getAffineDimExpr(i + offset));
    }
  }
  if (identity)
    return value;
  MLIRContext *ctx = b.getContext();
  SmallVector<AffineMap> maps = {AffineMap::get(rank, 0, exprs, ctx),
                                 AffineMap::getMultiDimIdentityMap(rank, ctx)};
  Value init = createEmpty(b, loc, sizes, type.getElementType());
  SmallVector<utils::IteratorType> iterators(rank,
                                             utils::IteratorType::parallel);
  return linalg::GenericOp::create(
             b, loc, init.getType(), ValueRange{value}, ValueRange{init}, maps,
             iterators,
             [](OpBuilder &nb, Location nloc, ValueRange args) {
               linalg::YieldOp::create(nb, nloc, args[0]);
             })
      .getResult(0);
}

Value mlir::tlc::detail::addBiasAlongDim(OpBuilder &b, Location loc,
                                         Value value, Value bias, int64_t dim) {
  auto type = cast<RankedTensorType>(value.getType());
  int64_t rank = type.getRank();
  MLIRContext *ctx = b.getContext();
  AffineMap identity = AffineMap::getMultiDimIdentityMap(rank, ctx);
  AffineMap biasMap = AffineMap::get(rank, 0, b.getAffineDimExpr(dim), ctx);
  Value init =
      createEmpty(b, loc, getDimSizes(b, loc, value), type.getElementType());
  SmallVector<utils::IteratorType> iterators(rank,
                                             utils::IteratorType::parallel);
  bool isFloat = isa<FloatType>(type.getElementType());
  return linalg::GenericOp::create(
             b, loc, init.getType(), ValueRange{value, bias}, ValueRange{init},
             ArrayRef<AffineMap>{identity, biasMap, identity}, iterators,
             [&](OpBuilder &nb, Location nloc, ValueRange args) {
               Value sum =
                   isFloat ? arith::AddFOp::create(nb, nloc, args[0], args[1])
                                 .getResult()
                           : arith::AddIOp::create(nb, nloc, args[0], args[1])
                                 .getResult();
               linalg::YieldOp::create(nb, nloc, sum);
             })
      .getResult(0);
}

/// A linalg.generic over `sizes` with every loop parallel, writing a fresh
/// tensor; `yield` builds the body's yielded value from the block arguments
/// of the inputs.
static Value
buildParallelGeneric(OpBuilder &b, Location loc, ArrayRef<OpFoldResult> sizes,
                     Type elementType, ValueRange inputs,
                     ArrayRef<AffineMap> inputMaps,
                     function_ref<Value(OpBuilder &, Location, ValueRange)> yield) {
  int64_t rank = sizes.size();
  Value init = createEmpty(b, loc, sizes, elementType);
  SmallVector<AffineMap> maps(inputMaps);
  maps.push_back(AffineMap::getMultiDimIdentityMap(rank, b.getContext()));
  SmallVector<utils::IteratorType> iterators(rank,
                                             utils::IteratorType::parallel);
  return linalg::GenericOp::create(
             b, loc, init.getType(), inputs, ValueRange{init}, maps, iterators,
             [&](OpBuilder &nb, Location nloc, ValueRange args) {
               linalg::YieldOp::create(
                   nb, nloc, yield(nb, nloc, args.take_front(inputs.size())));
             })
      .getResult(0);
}

Value mlir::tlc::detail::buildIndexedGeneric(
    OpBuilder &b, Location loc, ArrayRef<OpFoldResult> sizes, Type elementType,
    ValueRange inputs, ArrayRef<AffineMap> inputMaps, IndexedBodyFn body) {
  int64_t rank = sizes.size();
  return buildParallelGeneric(
      b, loc, sizes, elementType, inputs, inputMaps,
      [&](OpBuilder &nb, Location nloc, ValueRange args) {
        SmallVector<Value> indices;
        for (int64_t i = 0; i < rank; ++i)
          indices.push_back(linalg::IndexOp::create(nb, nloc, i));
        return body(nb, nloc, indices, args);
      });
}

Value mlir::tlc::detail::buildElementwiseGeneric(
    OpBuilder &b, Location loc, ArrayRef<OpFoldResult> sizes, Type elementType,
    ValueRange inputs, ArrayRef<AffineMap> inputMaps, ElementwiseBodyFn body) {
  return buildParallelGeneric(b, loc, sizes, elementType, inputs, inputMaps,
                              body);
}
