//===- TLOpsUtils.h - helpers shared by the tl op implementations -*- C++ -*-===//
//
// Private to dialects/tl/IR.
//
//===----------------------------------------------------------------------===//

#ifndef TL_IR_TLOPSUTILS_H
#define TL_IR_TLOPSUTILS_H

#include "tl/IR/TLOps.h"

#include "mlir/IR/Diagnostics.h"
#include "llvm/Support/FormatVariadic.h"

#include <optional>
#include <string>

namespace mlir {
namespace tl {
namespace detail {

/// "[2, ?, 4]"
std::string formatShape(ArrayRef<int64_t> shape);

/// Emits `message` at `loc` when a location is given (inference during
/// verification) and returns failure; builders pass no location.
inline LogicalResult inferError(std::optional<Location> loc,
                                const llvm::Twine &message) {
  return emitOptionalError(loc, message);
}

/// Result type of tl.reduce_*: `axes` (all when absent) removed, or kept as
/// size 1 with `keepdims`.
LogicalResult inferReduceType(std::optional<Location> loc, Type input,
                              std::optional<ArrayRef<int64_t>> axes,
                              bool keepdims, SmallVectorImpl<Type> &inferred);

/// Result type of tl.argmax/argmin: i64 indices with `axis` reduced.
LogicalResult inferArgReduceType(std::optional<Location> loc, Type input,
                                 int64_t axis, bool keepdims,
                                 SmallVectorImpl<Type> &inferred);

} // namespace detail
} // namespace tl
} // namespace mlir

#endif // TL_IR_TLOPSUTILS_H
