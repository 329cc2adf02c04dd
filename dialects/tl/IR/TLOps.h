//===- TLOps.h - tl dialect operations --------------------------*- C++ -*-===//

#ifndef TL_IR_TLOPS_H
#define TL_IR_TLOPS_H

#include "tl/IR/TLDialect.h"

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/CastInterfaces.h"
#include "mlir/Interfaces/ControlFlowInterfaces.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "tl/IR/TLEnums.h.inc"

#define GET_ATTRDEF_CLASSES
#include "tl/IR/TLAttrs.h.inc"

namespace mlir {
namespace tl {

/// True when every `actual` type is compatible with the `inferred` type at the
/// same position: same element type and rank, and every dim equal or dynamic
/// on one side. The result types a tl op may carry; `tl-infer-shapes` makes
/// them as static as inference allows.
bool areCompatibleReturnTypes(TypeRange inferred, TypeRange actual);

/// The numpy broadcast of two shapes (dynamic dims as ShapedType::kDynamic),
/// or failure when two static dims differ and neither is 1.
FailureOr<SmallVector<int64_t>> broadcastShapes(ArrayRef<int64_t> lhs,
                                                ArrayRef<int64_t> rhs);

/// Infers the result type of a broadcasting binary op: the broadcast shape
/// and the lhs element type (i1 when `boolResult`).
LogicalResult inferBroadcastResultType(std::optional<Location> loc, Type lhs,
                                       Type rhs, bool boolResult,
                                       SmallVectorImpl<Type> &inferred);

/// Normalizes `axis` against `rank` (negative counts from the back); failure
/// when out of [-rank, rank).
FailureOr<int64_t> normalizeAxis(int64_t axis, int64_t rank);

/// One of ONNX's activation functions of recurrent layers (tl.rnn, tl.gru,
/// tl.lstm): its name as ONNX spells it, whether it takes `alpha`/`beta`, and
/// their defaults.
struct RNNActivationInfo {
  StringRef name;
  bool usesAlpha;
  bool usesBeta;
  float defaultAlpha;
  float defaultBeta;
};
/// The activation called `name` (compared case-insensitively), if any.
std::optional<RNNActivationInfo> lookupRNNActivation(StringRef name);

namespace detail {
/// `axes` normalized to [0, rank) and sorted, or every axis when absent.
/// The axes must be valid (the op verified).
SmallVector<int64_t> getReducedAxes(int64_t rank,
                                    std::optional<ArrayRef<int64_t>> axes);
} // namespace detail

} // namespace tl
} // namespace mlir

#define GET_OP_CLASSES
#include "tl/IR/TLOps.h.inc"

#endif // TL_IR_TLOPS_H
