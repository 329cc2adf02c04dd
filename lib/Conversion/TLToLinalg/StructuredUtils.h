//===- StructuredUtils.h - helpers for building linalg on tensors -*- C++
//-*-===//
//
// Private to lib/Conversion/TLToLinalg. Small builders shared by the matmul,
// convolution, pooling and tensor-manipulation lowerings: sizes as
// OpFoldResults (constants when static, tensor.dim otherwise), index
// arithmetic that folds constants, destination tensors, and a few
// linalg.generic shapes that recur (broadcast, channel bias, index-computed
// gathers).
//
//===----------------------------------------------------------------------===//

#ifndef TLC_LIB_CONVERSION_TLTOLINALG_STRUCTUREDUTILS_H
#define TLC_LIB_CONVERSION_TLTOLINALG_STRUCTUREDUTILS_H

#include "mlir/Dialect/Utils/ReshapeOpsUtils.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpDefinition.h"

namespace mlir::tlc::detail {

//===----------------------------------------------------------------------===//
// Sizes and index arithmetic
//===----------------------------------------------------------------------===//

/// Size of dimension `dim` of the ranked tensor `value`: an index attribute
/// when static, a tensor.dim otherwise.
OpFoldResult getDimSize(OpBuilder &b, Location loc, Value value, int64_t dim);
SmallVector<OpFoldResult> getDimSizes(OpBuilder &b, Location loc, Value value);

/// `computed`, with the entries that `type` knows statically replaced by
/// constants (a tl op's result type may be more static than what the lowering
/// can compute).
SmallVector<OpFoldResult> refineSizes(RankedTensorType type,
                                      ArrayRef<OpFoldResult> computed);

/// Index arithmetic on OpFoldResults: constant operands fold in C++, others
/// become arith ops on `index`.
class IndexMath {
public:
  IndexMath(OpBuilder &b, Location loc) : b(b), loc(loc) {}

  OpFoldResult c(int64_t value);
  Value value(OpFoldResult ofr);
  OpFoldResult add(OpFoldResult lhs, OpFoldResult rhs);
  OpFoldResult sub(OpFoldResult lhs, OpFoldResult rhs);
  OpFoldResult mul(OpFoldResult lhs, OpFoldResult rhs);
  /// Floor division; `rhs` must be positive.
  OpFoldResult floorDiv(OpFoldResult lhs, OpFoldResult rhs);
  /// Ceiling division; `rhs` must be positive.
  OpFoldResult ceilDiv(OpFoldResult lhs, OpFoldResult rhs);
  OpFoldResult min(OpFoldResult lhs, OpFoldResult rhs);
  OpFoldResult max(OpFoldResult lhs, OpFoldResult rhs);
  /// 1 when lhs >= rhs, else 0.
  OpFoldResult ge(OpFoldResult lhs, OpFoldResult rhs);
  /// `lhs < 0 ? lhs + size : lhs`.
  OpFoldResult wrapNegative(OpFoldResult lhs, OpFoldResult size);
  /// A runtime index into a dim of `size` (> 0): negative counts from the
  /// back, then clamped to [0, size - 1] so that no index reads out of
  /// bounds.
  OpFoldResult clampIndex(OpFoldResult lhs, OpFoldResult size);
  /// Product of `values` (1 when empty).
  OpFoldResult product(ArrayRef<OpFoldResult> values);

private:
  OpBuilder &b;
  Location loc;
};

//===----------------------------------------------------------------------===//
// Destinations and scalars
//===----------------------------------------------------------------------===//

/// tensor.empty of the given sizes.
Value createEmpty(OpBuilder &b, Location loc, ArrayRef<OpFoldResult> sizes,
                  Type elementType);
/// tensor.empty filled with `fill` by linalg.fill.
Value createFilled(OpBuilder &b, Location loc, ArrayRef<OpFoldResult> sizes,
                   Value fill);

/// A scalar constant of `elementType` (float, or integer truncated towards
/// zero) equal to `value`. Unsigned integers come from a rank-0 tensor
/// constant, as arith.constant only makes signless scalars.
Value createScalarConstant(OpBuilder &b, Location loc, Type elementType,
                           double value);
/// The smallest value of `elementType`: -inf for floats, the minimum of the
/// signed or unsigned range for integers.
Value createLowestValue(OpBuilder &b, Location loc, Type elementType);

/// tensor.pad of `value` by the non-negative `low`/`high` amounts with the
/// scalar `padValue`; `value` itself when every amount is a constant 0.
Value padWithValue(OpBuilder &b, Location loc, Value value,
                   ArrayRef<OpFoldResult> low, ArrayRef<OpFoldResult> high,
                   Value padValue);

/// `value` cast to `type` with tensor.cast when the types differ.
Value castToType(OpBuilder &b, Location loc, Value value, Type type);

//===----------------------------------------------------------------------===//
// Unsigned integers
//===----------------------------------------------------------------------===//

/// arith computes on signless integers only; scalars of an unsigned type are
/// zero-extended to `index` (index.castu) for arith and truncated back.
Value unsignedToIndex(OpBuilder &b, Location loc, Value value);
Value indexToUnsigned(OpBuilder &b, Location loc, Value value, Type type);

//===----------------------------------------------------------------------===//
// Reshapes
//===----------------------------------------------------------------------===//

/// tensor.collapse_shape of `value` by `reassociation`.
Value collapse(OpBuilder &b, Location loc, Value value,
               ArrayRef<ReassociationIndices> reassociation);
/// tensor.expand_shape of `value` into `sizes` grouped by `reassociation`
/// (a tensor.reshape when a group has several dynamic dims).
Value expand(OpBuilder &b, Location loc, Value value,
             ArrayRef<ReassociationIndices> reassociation,
             ArrayRef<OpFoldResult> sizes);
/// Reassociation of consecutive dims in groups of the given sizes, e.g.
/// `{3, 1}` gives `{{0, 1, 2}, {3}}`.
SmallVector<ReassociationIndices>
getContiguousGroups(ArrayRef<int64_t> groupSizes);

//===----------------------------------------------------------------------===//
// linalg.generic shapes
//===----------------------------------------------------------------------===//

/// Broadcasts `value` to `sizes` numpy-style (trailing dims aligned): the
/// dims of `value` of static size 1 whose target is not 1 are read at index
/// 0, missing leading dims are broadcast; other dims must match.
Value broadcastTo(OpBuilder &b, Location loc, Value value,
                  ArrayRef<OpFoldResult> sizes);

/// Adds the 1-D `bias` along dimension `dim` of `value` (a linalg.generic
/// with an empty destination, so that it fuses with its producer).
Value addBiasAlongDim(OpBuilder &b, Location loc, Value value, Value bias,
                      int64_t dim);

/// Body of a generic whose output elements are computed from their indices:
/// receives the loop indices and the scalar block arguments of `inputs`, and
/// returns the value to yield.
using IndexedBodyFn = function_ref<Value(OpBuilder &b, Location loc,
                                         ValueRange indices, ValueRange args)>;

/// An all-parallel linalg.generic producing a tensor of `sizes` whose
/// elements are computed by `body` (which typically reads other tensors with
/// tensor.extract). `inputs` are read through `inputMaps` (over the output
/// indices) and handed to the body.
Value buildIndexedGeneric(OpBuilder &b, Location loc,
                          ArrayRef<OpFoldResult> sizes, Type elementType,
                          ValueRange inputs, ArrayRef<AffineMap> inputMaps,
                          IndexedBodyFn body);

/// Body of an elementwise generic: the scalar block arguments of the inputs
/// to the value to yield.
using ElementwiseBodyFn =
    function_ref<Value(OpBuilder &b, Location loc, ValueRange args)>;

/// An all-parallel linalg.generic of `sizes` reading `inputs` through
/// `inputMaps` and yielding `body`'s value (no index computations).
Value buildElementwiseGeneric(OpBuilder &b, Location loc,
                              ArrayRef<OpFoldResult> sizes, Type elementType,
                              ValueRange inputs, ArrayRef<AffineMap> inputMaps,
                              ElementwiseBodyFn body);

} // namespace mlir::tlc::detail

#endif // TLC_LIB_CONVERSION_TLTOLINALG_STRUCTUREDUTILS_H
