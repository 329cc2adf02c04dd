//===- ElementwiseUtils.h - elementwise-like lowering helpers ---*- C++ -*-===//
//
// Private to lib/Conversion/TLToLinalg. Shared by the elementwise, reduction
// and normalization families: scalar type handling inside linalg bodies
// (unsigned integers, f16/bf16 promotion), shapes with dynamic dims, numpy
// broadcasting maps and the builder of broadcasting elementwise generics.
//
// Two conventions hold for every body built with these helpers:
//  * Tensors keep the tl element types (`ui8` included), but arith and math
//    only accept signless integers, so unsigned scalars are converted to the
//    signless type of the same width when entering a body and back when
//    leaving it (`builtin.unrealized_conversion_cast`, which the LLVM lowering
//    folds away since both map to the same LLVM type). The signedness picks
//    the arith op (divui, cmpi ult, extui, uitofp, ...).
//  * f16 and bf16 are computed in f32 and rounded once at the end; for the
//    basic operations this gives the correctly rounded result, and the math
//    functions then have an f32 implementation everywhere.
//
//===----------------------------------------------------------------------===//

#ifndef TLC_CONVERSION_TLTOLINALG_ELEMENTWISEUTILS_H
#define TLC_CONVERSION_TLTOLINALG_ELEMENTWISEUTILS_H

#include "mlir/Dialect/Utils/StructuredOpsUtils.h"
#include "mlir/IR/AffineMap.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpDefinition.h"

/// Private helpers of the elementwise, reduction and normalization lowerings
/// (lower-nn's StructuredUtils.h holds its own in tlc::detail).
namespace mlir::tlc::ew {

//===----------------------------------------------------------------------===//
// Scalar types inside linalg bodies
//===----------------------------------------------------------------------===//

/// True for `uiN`.
bool isUnsignedInt(Type type);

/// The type a body computes in for elements of tl type `type`: f16/bf16 ->
/// f32, uiN -> iN, anything else unchanged.
Type getComputeType(Type type);

/// Converts `value` of tl element type to `getComputeType` of it.
Value promoteScalar(OpBuilder &b, Location loc, Value value);

/// Converts `value` (of `getComputeType(type)` or another float type when
/// `type` is a float) back to the tl element type `type`.
Value demoteScalar(OpBuilder &b, Location loc, Value value, Type type);

/// Converts a float scalar to float type `type` (extf, truncf or nothing).
Value convertFloat(OpBuilder &b, Location loc, Value value, Type type);

/// A float or integer constant of signless/float `type`; integers take the
/// value truncated toward zero.
Value createScalarConstant(OpBuilder &b, Location loc, Type type, double value);

/// The smallest and largest values of a float (-inf, +inf) or integer type
/// (`isUnsigned` picks the integer interpretation) as constants of `type`.
Value createLowestValue(OpBuilder &b, Location loc, Type type, bool isUnsigned);
Value createHighestValue(OpBuilder &b, Location loc, Type type,
                         bool isUnsigned);

/// Converts an index to a float of `type` (through i64).
Value indexToFloat(OpBuilder &b, Location loc, Value index, Type type);

//===----------------------------------------------------------------------===//
// Shapes and tensors
//===----------------------------------------------------------------------===//

/// Every dim of `tensor`: static sizes as attributes, dynamic ones read with
/// tensor.dim.
SmallVector<OpFoldResult> getDims(OpBuilder &b, Location loc, Value tensor);

/// tensor.empty with the given sizes and element type.
Value createEmptyTensor(OpBuilder &b, Location loc,
                        ArrayRef<OpFoldResult> sizes, Type elementType);

/// tensor.empty + linalg.fill with `value`.
Value createFilledTensor(OpBuilder &b, Location loc,
                         ArrayRef<OpFoldResult> sizes, Value value);

/// The product of `sizes[d]` for d in `dims` as an index value.
Value getElementCount(OpBuilder &b, Location loc, ArrayRef<OpFoldResult> sizes,
                      ArrayRef<int64_t> dims);

/// tensor.cast `value` to `type` when the types differ (a result type more
/// static than the computed one).
Value castToType(OpBuilder &b, Location loc, Value value, Type type);

//===----------------------------------------------------------------------===//
// Broadcasting
//===----------------------------------------------------------------------===//

/// The sizes of `resultType` for operands broadcast numpy-style to it: static
/// dims from the type; a dynamic dim is read from the first operand that is
/// dynamic there. Dynamic dims broadcast against each other are assumed equal
/// at run time (a dynamic dim that is 1 at run time does not broadcast), as in
/// onnx-mlir and IREE.
SmallVector<OpFoldResult> getBroadcastSizes(OpBuilder &b, Location loc,
                                            ValueRange operands,
                                            RankedTensorType resultType);

/// The indexing map of an operand of type `operandType` broadcast numpy-style
/// (aligned from the back) into an iteration space of `resultShape`: a static
/// 1 facing a dim that is not a static 1 becomes the constant 0, missing
/// leading dims are dropped.
AffineMap getBroadcastMap(RankedTensorType operandType,
                          ArrayRef<int64_t> resultShape);

/// Builds the body of an elementwise generic: gets the operands' elements in
/// their compute types and returns the result element in the compute type of
/// the result (or any float type for a float result).
using ScalarBodyBuilder =
    function_ref<Value(OpBuilder &, Location, ValueRange)>;

/// A linalg.generic computing `body` over `operands` broadcast to
/// `resultType` (all parallel, destination a tensor.empty).
Value buildElementwiseGeneric(OpBuilder &b, Location loc, ValueRange operands,
                              RankedTensorType resultType,
                              ScalarBodyBuilder body);

/// An all-parallel linalg.generic over an iteration space of `sizes`: inputs
/// read through `inputMaps`, one result of `elementType` written through the
/// identity map, elements handed to `body` promoted as above.
Value buildParallelGeneric(OpBuilder &b, Location loc, ValueRange inputs,
                           ArrayRef<AffineMap> inputMaps,
                           ArrayRef<OpFoldResult> sizes, Type elementType,
                           ScalarBodyBuilder body);

//===----------------------------------------------------------------------===//
// Reductions
//===----------------------------------------------------------------------===//

/// A map of rank `rank` keeping the dims not in `droppedDims`.
AffineMap getProjectionMap(int64_t rank, ArrayRef<int64_t> droppedDims,
                           MLIRContext *context);

/// Combines the (promoted) input elements into the accumulator.
using ReductionBodyBuilder =
    function_ref<Value(OpBuilder &, Location, ValueRange, Value)>;

/// A linalg.generic over an iteration space of `sizes` that reduces the dims
/// `reducedDims` into one accumulator of the kept dims, filled first with
/// the scalar `init` (whose type is the accumulator's element type).
Value buildReductionGeneric(OpBuilder &b, Location loc, ValueRange inputs,
                            ArrayRef<AffineMap> inputMaps,
                            ArrayRef<OpFoldResult> sizes,
                            ArrayRef<int64_t> reducedDims, Value init,
                            ReductionBodyBuilder body);

/// Reinserts the reduced dims `reducedDims` (sorted) as size-1 dims into
/// `reduced` (keepdims) with tensor.expand_shape.
Value expandReducedDims(OpBuilder &b, Location loc, Value reduced,
                        ArrayRef<int64_t> reducedDims);

} // namespace mlir::tlc::ew

#endif // TLC_CONVERSION_TLTOLINALG_ELEMENTWISEUTILS_H
