//===- TLIndexingOps.cpp - gathers, scatters, top-k, unpooling ------------===//

#include "TLOpsUtils.h"
#include "tl/IR/TLOps.h"

#include "mlir/IR/TypeUtilities.h"

using namespace mlir;
using namespace mlir::tl;
using namespace mlir::tl::detail;

static RankedTensorType withShape(Type type, ArrayRef<int64_t> shape) {
  return RankedTensorType::get(shape,
                               cast<RankedTensorType>(type).getElementType());
}

static LogicalResult axisError(std::optional<Location> loc, StringRef what,
                               int64_t axis, int64_t rank) {
  return inferError(loc, what + " " + Twine(axis) +
                             " is out of range for rank " + Twine(rank));
}

/// Two dims that must agree: equal, or one of them dynamic.
static bool compatible(int64_t a, int64_t b) {
  return ShapedType::isDynamic(a) || ShapedType::isDynamic(b) || a == b;
}

//===----------------------------------------------------------------------===//
// gather_elements, scatter_elements
//===----------------------------------------------------------------------===//

LogicalResult GatherElementsOp::inferReturnTypes(
    MLIRContext *, std::optional<Location> loc, Adaptor adaptor,
    SmallVectorImpl<Type> &inferred) {
  auto data = cast<RankedTensorType>(adaptor.getData().getType());
  auto indices = cast<RankedTensorType>(adaptor.getIndices().getType());
  if (failed(normalizeAxis(adaptor.getAxis(), data.getRank())))
    return axisError(loc, "axis", adaptor.getAxis(), data.getRank());
  if (indices.getRank() != data.getRank())
    return inferError(loc, "indices must have the rank of data (" +
                               Twine(data.getRank()) + "), got " +
                               Twine(indices.getRank()));
  inferred.push_back(withShape(data, indices.getShape()));
  return success();
}

LogicalResult ScatterElementsOp::inferReturnTypes(
    MLIRContext *, std::optional<Location> loc, Adaptor adaptor,
    SmallVectorImpl<Type> &inferred) {
  auto data = cast<RankedTensorType>(adaptor.getData().getType());
  if (failed(normalizeAxis(adaptor.getAxis(), data.getRank())))
    return axisError(loc, "axis", adaptor.getAxis(), data.getRank());
  inferred.push_back(data);
  return success();
}

LogicalResult ScatterElementsOp::verify() {
  RankedTensorType data = getData().getType();
  RankedTensorType indices = getIndices().getType();
  RankedTensorType updates = getUpdates().getType();
  if (indices.getRank() != data.getRank())
    return emitOpError("indices must have the rank of data (")
           << data.getRank() << "), got " << indices.getRank();
  if (failed(verifyCompatibleShape(indices.getShape(), updates.getShape())))
    return emitOpError("updates shape ")
           << formatShape(updates.getShape())
           << " must match the indices shape "
           << formatShape(indices.getShape());
  if (updates.getElementType() != data.getElementType())
    return emitOpError("updates must have the element type of data");
  return success();
}

//===----------------------------------------------------------------------===//
// gather_nd, scatter_nd
//===----------------------------------------------------------------------===//

LogicalResult GatherNDOp::inferReturnTypes(MLIRContext *,
                                           std::optional<Location> loc,
                                           Adaptor adaptor,
                                           SmallVectorImpl<Type> &inferred) {
  auto data = cast<RankedTensorType>(adaptor.getData().getType());
  auto indices = cast<RankedTensorType>(adaptor.getIndices().getType());
  int64_t batchDims = adaptor.getBatchDims();
  if (indices.getRank() < 1)
    return inferError(loc, "indices must have rank at least 1");
  if (batchDims < 0 || batchDims >= indices.getRank() ||
      batchDims >= data.getRank())
    return inferError(loc, "batch_dims " + Twine(batchDims) +
                               " must be in [0, min(rank(data), "
                               "rank(indices)))");
  for (int64_t d = 0; d < batchDims; ++d)
    if (!compatible(data.getDimSize(d), indices.getDimSize(d)))
      return inferError(loc, "batch dim " + Twine(d) + " differs: data " +
                                 formatShape(data.getShape()) + ", indices " +
                                 formatShape(indices.getShape()));
  int64_t k = indices.getShape().back();
  if (ShapedType::isDynamic(k))
    return inferError(loc, "the last dim of indices must be static");
  if (k < 1 || batchDims + k > data.getRank())
    return inferError(loc, "index tuples of size " + Twine(k) +
                               " do not fit data of rank " +
                               Twine(data.getRank()) + " after " +
                               Twine(batchDims) + " batch dims");
  SmallVector<int64_t> shape(indices.getShape().drop_back());
  llvm::append_range(shape, data.getShape().drop_front(batchDims + k));
  inferred.push_back(withShape(data, shape));
  return success();
}

LogicalResult ScatterNDOp::inferReturnTypes(MLIRContext *,
                                            std::optional<Location> loc,
                                            Adaptor adaptor,
                                            SmallVectorImpl<Type> &inferred) {
  inferred.push_back(adaptor.getData().getType());
  return success();
}

LogicalResult ScatterNDOp::verify() {
  RankedTensorType data = getData().getType();
  RankedTensorType indices = getIndices().getType();
  RankedTensorType updates = getUpdates().getType();
  if (indices.getRank() < 1)
    return emitOpError("indices must have rank at least 1");
  int64_t k = indices.getShape().back();
  if (ShapedType::isDynamic(k))
    return emitOpError("the last dim of indices must be static");
  if (k < 1 || k > data.getRank())
    return emitOpError("index tuples of size ")
           << k << " do not fit data of rank " << data.getRank();
  SmallVector<int64_t> expected(indices.getShape().drop_back());
  llvm::append_range(expected, data.getShape().drop_front(k));
  if (failed(verifyCompatibleShape(expected, updates.getShape())))
    return emitOpError("updates shape ")
           << formatShape(updates.getShape()) << " must be "
           << formatShape(expected);
  if (updates.getElementType() != data.getElementType())
    return emitOpError("updates must have the element type of data");
  return success();
}

//===----------------------------------------------------------------------===//
// top_k
//===----------------------------------------------------------------------===//

LogicalResult TopKOp::inferReturnTypes(MLIRContext *context,
                                       std::optional<Location> loc,
                                       Adaptor adaptor,
                                       SmallVectorImpl<Type> &inferred) {
  auto input = cast<RankedTensorType>(adaptor.getInput().getType());
  FailureOr<int64_t> axis = normalizeAxis(adaptor.getAxis(), input.getRank());
  if (failed(axis))
    return axisError(loc, "axis", adaptor.getAxis(), input.getRank());
  int64_t k = adaptor.getK();
  int64_t size = input.getDimSize(*axis);
  if (k < 0 || (!ShapedType::isDynamic(size) && k > size))
    return inferError(loc, "k = " + Twine(k) + " must be in [0, " +
                               Twine(size) + "], the size of axis " +
                               Twine(*axis));
  SmallVector<int64_t> shape(input.getShape());
  shape[*axis] = k;
  inferred.push_back(withShape(input, shape));
  inferred.push_back(RankedTensorType::get(shape, IntegerType::get(context, 64)));
  return success();
}

//===----------------------------------------------------------------------===//
// reverse_sequence
//===----------------------------------------------------------------------===//

LogicalResult ReverseSequenceOp::inferReturnTypes(
    MLIRContext *, std::optional<Location> loc, Adaptor adaptor,
    SmallVectorImpl<Type> &inferred) {
  inferred.push_back(adaptor.getInput().getType());
  return success();
}

LogicalResult ReverseSequenceOp::verify() {
  RankedTensorType input = getInput().getType();
  RankedTensorType lens = getSequenceLens().getType();
  int64_t batchAxis = getBatchAxis(), timeAxis = getTimeAxis();
  if (input.getRank() < 2)
    return emitOpError("input must have rank at least 2");
  if (batchAxis < 0 || batchAxis > 1 || timeAxis < 0 || timeAxis > 1 ||
      batchAxis == timeAxis)
    return emitOpError("batch_axis and time_axis must be 0 and 1 in some "
                       "order, got ")
           << batchAxis << " and " << timeAxis;
  if (lens.getRank() != 1 ||
      !compatible(lens.getDimSize(0), input.getDimSize(batchAxis)))
    return emitOpError("sequence_lens must be 1-D with the batch size (")
           << input.getDimSize(batchAxis) << "), got "
           << formatShape(lens.getShape());
  return success();
}

//===----------------------------------------------------------------------===//
// max_unpool
//===----------------------------------------------------------------------===//

LogicalResult MaxUnpoolOp::inferReturnTypes(MLIRContext *,
                                            std::optional<Location> loc,
                                            Adaptor adaptor,
                                            SmallVectorImpl<Type> &inferred) {
  auto input = cast<RankedTensorType>(adaptor.getInput().getType());
  ArrayRef<int64_t> spatial = adaptor.getOutputShape();
  if (input.getRank() < 3 ||
      static_cast<int64_t>(spatial.size()) != input.getRank() - 2)
    return inferError(loc, "output_shape must have one entry per spatial dim "
                           "of an [N, C, ...] input");
  if (llvm::any_of(spatial, [](int64_t d) { return d < 0; }))
    return inferError(loc, "output_shape entries must be non-negative, got " +
                               formatShape(spatial));
  SmallVector<int64_t> shape(input.getShape().take_front(2));
  llvm::append_range(shape, spatial);
  inferred.push_back(withShape(input, shape));
  return success();
}

LogicalResult MaxUnpoolOp::verify() {
  if (failed(verifyCompatibleShape(getInput().getType().getShape(),
                                   getIndices().getType().getShape())))
    return emitOpError("indices shape ")
           << formatShape(getIndices().getType().getShape())
           << " must match the input shape "
           << formatShape(getInput().getType().getShape());
  return success();
}
