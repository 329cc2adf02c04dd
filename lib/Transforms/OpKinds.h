//===- OpKinds.h - How the CPU codegen sees a linalg op ---------*- C++ -*-===//
//
// Shared by tl-tile-and-fuse and tl-vectorize: every structured op is put in
// one family, and each family has a fixed choice of the loop that becomes the
// vector lanes (and, for register-blocked families, the loop whose iterations
// become separate accumulator rows).
//
//===----------------------------------------------------------------------===//

#ifndef TLC_LIB_TRANSFORMS_OPKINDS_H
#define TLC_LIB_TRANSFORMS_OPKINDS_H

#include "mlir/Dialect/Linalg/IR/Linalg.h"

#include <optional>

namespace mlir {
namespace tlc {

/// Discardable attributes by which a pass that builds a generic for the
/// micro-kernel (tl-pack-conv-filters) names its lane and row loops.
constexpr llvm::StringLiteral kLaneDimAttr = "tl.lane_dim";
constexpr llvm::StringLiteral kRowDimAttr = "tl.row_dim";

enum class OpKind {
  /// batch/m/n/k contraction (matmul, batch_matmul, matvec, generics).
  Contraction,
  /// Convolution with a reduction over input channels (regular/grouped).
  Conv,
  /// Sliding-window op without channel reduction (depthwise conv, pooling).
  Window,
  /// Only parallel loops.
  Elementwise,
  /// Reductions whose innermost loop (in the first input) is parallel: the
  /// lanes run along that parallel loop and the reduction is a loop.
  OuterReduction,
  /// Reductions along the innermost loop: the lanes run along the reduction.
  InnerReduction,
};

struct OpInfo {
  OpKind kind;
  /// Loop whose iterations map to vector lanes.
  unsigned laneDim;
  /// Loop whose iterations map to separate accumulator vectors, if any.
  std::optional<unsigned> rowDim;
};

/// Classifies `op`; fails for ops the codegen does not tile (no loops,
/// several results of different shapes, ...).
FailureOr<OpInfo> classifyOp(linalg::LinalgOp op);

/// Static loop sizes of `op`, with dynamic sizes replaced by a constant upper
/// bound where one can be derived from the IR (affine.min of tiling), and left
/// as ShapedType::kDynamic otherwise.
SmallVector<int64_t> getLoopSizeBounds(linalg::LinalgOp op);

/// Vectorizes a register tile of a Conv or Window op (static loop sizes, unit
/// reduction loops, at most the lane and row loops longer than one): operands
/// that do not vary along the lanes are broadcast scalars, the others are
/// contiguous (or strided, then shuffled) vector reads, and the accumulator
/// is read once as rows x lanes. Returns the replacement values.
LogicalResult vectorizeWindowTilePrecondition(linalg::LinalgOp op,
                                             const OpInfo &info);
FailureOr<SmallVector<Value>> vectorizeWindowTile(RewriterBase &rewriter,
                                                  linalg::LinalgOp op,
                                                  const OpInfo &info);

} // namespace tlc
} // namespace mlir

#endif // TLC_LIB_TRANSFORMS_OPKINDS_H
