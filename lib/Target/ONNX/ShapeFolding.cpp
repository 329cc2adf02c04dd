//===- ShapeFolding.cpp - fold shape subgraphs at import time --------------===//
//
// Exporters compute the shape arguments of Reshape, Expand, Resize... with
// small subgraphs: PyTorch writes `x.view(x.size(0), -1)` as
// Shape -> Gather -> Unsqueeze -> Concat -> Reshape. tl takes those shapes as
// attributes, so such subgraphs are evaluated here on FoldedTensors. A
// dynamic dimension stays symbolic (SymInt) so that Reshape can still turn
// it into a "copy this dim" (0) or "infer" (-1) entry.
//
// Only small tensors (kMaxFoldElements) are folded; larger constant math is
// imported as runtime ops.
//
//===----------------------------------------------------------------------===//

#include "ImporterContext.h"

#include "onnx/onnx_pb.h"

#include <cmath>

using namespace mlir;
using namespace mlir::tlc;
using namespace mlir::tlc::onnx_import;

namespace {
using Inputs = SmallVector<std::optional<FoldedTensor>>;
/// Returns the folded outputs, or nullopt when the node cannot be folded
/// (it is then imported as runtime ops); failure on a reported error.
using FoldFunction = FailureOr<std::optional<SmallVector<FoldedTensor>>> (*)(
    NodeImporter &, Inputs &);
using FoldResult = FailureOr<std::optional<SmallVector<FoldedTensor>>>;
} // namespace

static FoldResult notFoldable() {
  return std::optional<SmallVector<FoldedTensor>>();
}
static FoldResult folded(FoldedTensor result) {
  SmallVector<FoldedTensor> results;
  results.push_back(std::move(result));
  return std::optional<SmallVector<FoldedTensor>>(std::move(results));
}

static int64_t product(ArrayRef<int64_t> shape) {
  int64_t result = 1;
  for (int64_t d : shape)
    result *= d;
  return result;
}

static FoldedTensor makeInts(ArrayRef<int64_t> shape, Type elementType,
                             SmallVector<SymInt> ints) {
  FoldedTensor t;
  t.shape.assign(shape.begin(), shape.end());
  t.elementType = elementType;
  t.ints = std::move(ints);
  return t;
}

/// The same elements with another shape.
static FoldedTensor reshaped(const FoldedTensor &t, ArrayRef<int64_t> shape) {
  FoldedTensor result = t;
  result.shape.assign(shape.begin(), shape.end());
  return result;
}

/// Rounds `v` to the precision of `type` (f16/bf16/f32), so that folded
/// arithmetic matches arithmetic in the element type.
static double roundTo(Type type, double v) {
  auto floatType = cast<FloatType>(type);
  if (floatType.getWidth() == 64)
    return v;
  llvm::APFloat value(v);
  bool lost;
  value.convert(floatType.getFloatSemantics(),
                llvm::APFloat::rmNearestTiesToEven, &lost);
  value.convert(llvm::APFloat::IEEEdouble(),
                llvm::APFloat::rmNearestTiesToEven, &lost);
  return value.convertToDouble();
}

/// The ONNX symbol (dim_param) of dim `dim` of value `name`, if any.
static std::string getDimSymbol(NodeImporter &node, StringRef name,
                                int64_t dim) {
  const onnx::TypeProto *type = node.getONNXType(name);
  if (!type || !type->tensor_type().has_shape())
    return {};
  const onnx::TensorShapeProto &shape = type->tensor_type().shape();
  if (dim >= shape.dim_size())
    return {};
  return shape.dim(dim).dim_param();
}

/// Integer-list argument: attribute `name` before `opsetSwitch`, input
/// `index` from then on. nullopt when absent.
static FailureOr<std::optional<SmallVector<int64_t>>>
getIntsArg(NodeImporter &node, Inputs &inputs, StringRef name,
           int64_t opsetSwitch, unsigned index) {
  if (node.getOpset() < opsetSwitch)
    return node.getInts(name);
  if (index >= inputs.size() || !inputs[index])
    return std::optional<SmallVector<int64_t>>();
  SmallVector<int64_t> values;
  for (const SymInt &v : inputs[index]->ints) {
    if (!v.known)
      return std::optional<SmallVector<int64_t>>();
    values.push_back(v.value);
  }
  return std::optional<SmallVector<int64_t>>(std::move(values));
}

//===----------------------------------------------------------------------===//
// Shape producers
//===----------------------------------------------------------------------===//

static FoldResult foldShape(NodeImporter &node, Inputs &) {
  RankedTensorType type = node.getInputType(0);
  if (!type)
    return notFoldable();
  int64_t rank = type.getRank();
  FailureOr<int64_t> start = node.getInt("start", 0);
  FailureOr<std::optional<int64_t>> end = node.getOptionalInt("end");
  if (failed(start) || failed(end))
    return failure();
  auto clampIndex = [&](int64_t i) {
    if (i < 0)
      i += rank;
    return std::clamp<int64_t>(i, 0, rank);
  };
  int64_t first = clampIndex(*start);
  int64_t last = end->has_value() ? clampIndex(**end) : rank;
  SmallVector<SymInt> dims;
  for (int64_t i = first; i < last; ++i) {
    int64_t size = type.getDimSize(i);
    if (!ShapedType::isDynamic(size)) {
      dims.push_back(SymInt::constant(size));
      continue;
    }
    SymInt dim = SymInt::opaque();
    dim.source = node.getInputName(0).str();
    dim.dim = i;
    dim.symbol = getDimSymbol(node, dim.source, i);
    dims.push_back(dim);
  }
  int64_t count = dims.size();
  return folded(makeInts({count}, IntegerType::get(node.getContext(), 64),
                         std::move(dims)));
}

static FoldResult foldSize(NodeImporter &node, Inputs &) {
  RankedTensorType type = node.getInputType(0);
  if (!type)
    return notFoldable();
  SymInt size = type.hasStaticShape() ? SymInt::constant(type.getNumElements())
                                      : SymInt::opaque();
  return folded(makeInts({}, IntegerType::get(node.getContext(), 64), {size}));
}

//===----------------------------------------------------------------------===//
// Data movement
//===----------------------------------------------------------------------===//

static FoldResult foldIdentity(NodeImporter &, Inputs &inputs) {
  return folded(*inputs[0]);
}

/// Element `i` of `from` converted to `to`'s element type into `out`.
static bool castElement(const FoldedTensor &from, int64_t i, Type to,
                        FoldedTensor &out) {
  bool toFloat = isa<FloatType>(to);
  if (from.isFloat()) {
    double v = from.floats[i];
    if (toFloat)
      out.floats.push_back(roundTo(to, v));
    else if (to.isInteger(1))
      out.ints.push_back(SymInt::constant(v != 0));
    else if (std::isfinite(v))
      out.ints.push_back(SymInt::constant(static_cast<int64_t>(std::trunc(v))));
    else
      return false;
    return true;
  }
  const SymInt &v = from.ints[i];
  if (toFloat) {
    if (!v.known)
      return false;
    out.floats.push_back(roundTo(to, static_cast<double>(v.value)));
  } else if (to.isInteger(1)) {
    if (!v.known)
      return false;
    out.ints.push_back(SymInt::constant(v.value != 0));
  } else {
    out.ints.push_back(v);
  }
  return true;
}

static FoldResult castFolded(const FoldedTensor &input, Type to) {
  FoldedTensor result;
  result.shape = input.shape;
  result.elementType = to;
  for (int64_t i = 0, e = input.size(); i < e; ++i)
    if (!castElement(input, i, to, result))
      return notFoldable();
  return folded(std::move(result));
}

static FoldResult foldCast(NodeImporter &node, Inputs &inputs) {
  FailureOr<int64_t> to = node.getInt("to", 0);
  if (failed(to))
    return failure();
  Type type = convertElementType(*to, node.getContext());
  if (!type)
    return notFoldable();
  return castFolded(*inputs[0], type);
}

static FoldResult foldCastLike(NodeImporter &, Inputs &inputs) {
  if (!inputs[1])
    return notFoldable();
  return castFolded(*inputs[0], inputs[1]->elementType);
}

/// Strides of a row-major shape.
static SmallVector<int64_t> getStrides(ArrayRef<int64_t> shape) {
  SmallVector<int64_t> strides(shape.size(), 1);
  for (int64_t i = static_cast<int64_t>(shape.size()) - 2; i >= 0; --i)
    strides[i] = strides[i + 1] * shape[i + 1];
  return strides;
}

/// Appends element `i` of `from` to `to` (same element kind).
static void copyElement(const FoldedTensor &from, int64_t i,
                        FoldedTensor &to) {
  if (from.isFloat())
    to.floats.push_back(from.floats[i]);
  else
    to.ints.push_back(from.ints[i]);
}

static FoldResult foldGather(NodeImporter &node, Inputs &inputs) {
  const FoldedTensor &data = *inputs[0];
  const FoldedTensor &indices = *inputs[1];
  FailureOr<int64_t> axisAttr = node.getInt("axis", 0);
  if (failed(axisAttr))
    return failure();
  int64_t rank = data.shape.size();
  FailureOr<int64_t> axis = normalizeAxis(node, *axisAttr, rank);
  if (failed(axis) || !indices.isFullyKnown() || indices.isFloat())
    return failed(axis) ? FoldResult(failure()) : notFoldable();
  int64_t outer = product(ArrayRef<int64_t>(data.shape).take_front(*axis));
  int64_t inner = product(ArrayRef<int64_t>(data.shape).drop_front(*axis + 1));
  int64_t size = data.shape[*axis];
  FoldedTensor result;
  result.elementType = data.elementType;
  result.shape.assign(data.shape.begin(), data.shape.begin() + *axis);
  llvm::append_range(result.shape, indices.shape);
  result.shape.append(data.shape.begin() + *axis + 1, data.shape.end());
  for (int64_t o = 0; o < outer; ++o)
    for (const SymInt &index : indices.ints) {
      int64_t k = index.value < 0 ? index.value + size : index.value;
      if (k < 0 || k >= size)
        return node.emitError() << "index " << index.value
                                << " is out of range for a dim of size "
                                << size;
      for (int64_t i = 0; i < inner; ++i)
        copyElement(data, (o * size + k) * inner + i, result);
    }
  return folded(std::move(result));
}

static FoldResult foldConcat(NodeImporter &node, Inputs &inputs) {
  FailureOr<int64_t> axisAttr = node.getInt("axis", 0);
  if (failed(axisAttr))
    return failure();
  const FoldedTensor &first = *inputs[0];
  int64_t rank = first.shape.size();
  FailureOr<int64_t> axis = normalizeAxis(node, *axisAttr, rank);
  if (failed(axis))
    return failure();
  FoldedTensor result;
  result.elementType = first.elementType;
  result.shape = first.shape;
  result.shape[*axis] = 0;
  for (const std::optional<FoldedTensor> &input : inputs) {
    if (!input || input->shape.size() != first.shape.size() ||
        input->elementType != first.elementType)
      return notFoldable();
    result.shape[*axis] += input->shape[*axis];
  }
  int64_t outer = product(ArrayRef<int64_t>(first.shape).take_front(*axis));
  for (int64_t o = 0; o < outer; ++o)
    for (const std::optional<FoldedTensor> &input : inputs) {
      int64_t chunk = product(ArrayRef<int64_t>(input->shape).drop_front(*axis));
      for (int64_t i = 0; i < chunk; ++i)
        copyElement(*input, o * chunk + i, result);
    }
  return folded(std::move(result));
}

static FoldResult foldUnsqueeze(NodeImporter &node, Inputs &inputs) {
  FailureOr<std::optional<SmallVector<int64_t>>> axes =
      getIntsArg(node, inputs, "axes", 13, 1);
  if (failed(axes))
    return failure();
  if (!*axes)
    return notFoldable();
  const FoldedTensor &input = *inputs[0];
  int64_t outRank = input.shape.size() + (*axes)->size();
  SmallVector<bool> inserted(outRank, false);
  for (int64_t axis : **axes) {
    FailureOr<int64_t> normalized = normalizeAxis(node, axis, outRank);
    if (failed(normalized))
      return failure();
    if (inserted[*normalized])
      return notFoldable(); // repeated axis: left to tl's verifier
    inserted[*normalized] = true;
  }
  SmallVector<int64_t> shape;
  int64_t next = 0;
  for (int64_t i = 0; i < outRank; ++i)
    shape.push_back(inserted[i] ? 1 : input.shape[next++]);
  return folded(reshaped(input, shape));
}

static FoldResult foldSqueeze(NodeImporter &node, Inputs &inputs) {
  FailureOr<std::optional<SmallVector<int64_t>>> axes =
      getIntsArg(node, inputs, "axes", 13, 1);
  if (failed(axes))
    return failure();
  const FoldedTensor &input = *inputs[0];
  int64_t rank = input.shape.size();
  SmallVector<bool> removed(rank, false);
  if (*axes) {
    for (int64_t axis : **axes) {
      FailureOr<int64_t> normalized = normalizeAxis(node, axis, rank);
      if (failed(normalized))
        return failure();
      if (input.shape[*normalized] != 1 || removed[*normalized])
        return notFoldable();
      removed[*normalized] = true;
    }
  } else {
    for (int64_t i = 0; i < rank; ++i)
      removed[i] = input.shape[i] == 1;
  }
  SmallVector<int64_t> shape;
  for (int64_t i = 0; i < rank; ++i)
    if (!removed[i])
      shape.push_back(input.shape[i]);
  return folded(reshaped(input, shape));
}

static FoldResult foldReshape(NodeImporter &node, Inputs &inputs) {
  const FoldedTensor &input = *inputs[0];
  FailureOr<std::optional<SmallVector<int64_t>>> target =
      getIntsArg(node, inputs, "shape", 5, 1);
  FailureOr<int64_t> allowZero = node.getInt("allowzero", 0);
  if (failed(target) || failed(allowZero))
    return failure();
  if (!*target)
    return notFoldable();
  SmallVector<int64_t> shape;
  int64_t inferred = -1;
  for (auto [i, size] : llvm::enumerate(**target)) {
    if (size == 0 && !*allowZero) {
      if (i >= input.shape.size())
        return notFoldable();
      size = input.shape[i];
    } else if (size == -1) {
      inferred = i;
      size = 1;
    }
    shape.push_back(size);
  }
  int64_t known = product(shape);
  if (inferred >= 0) {
    if (known == 0 || input.size() % known != 0)
      return notFoldable();
    shape[inferred] = input.size() / known;
  }
  if (product(shape) != input.size())
    return notFoldable();
  return folded(reshaped(input, shape));
}

static FoldResult foldFlatten(NodeImporter &node, Inputs &inputs) {
  const FoldedTensor &input = *inputs[0];
  int64_t rank = input.shape.size();
  FailureOr<int64_t> axis = node.getInt("axis", 1);
  if (failed(axis))
    return failure();
  int64_t a = *axis < 0 ? *axis + rank : *axis;
  if (a < 0 || a > rank)
    return notFoldable();
  ArrayRef<int64_t> shape(input.shape);
  return folded(reshaped(input, {product(shape.take_front(a)),
                                 product(shape.drop_front(a))}));
}

static FoldResult foldSlice(NodeImporter &node, Inputs &inputs) {
  const FoldedTensor &input = *inputs[0];
  int64_t rank = input.shape.size();
  FailureOr<std::optional<SmallVector<int64_t>>> starts =
      getIntsArg(node, inputs, "starts", 10, 1);
  FailureOr<std::optional<SmallVector<int64_t>>> ends =
      getIntsArg(node, inputs, "ends", 10, 2);
  FailureOr<std::optional<SmallVector<int64_t>>> axes =
      getIntsArg(node, inputs, "axes", 10, 3);
  FailureOr<std::optional<SmallVector<int64_t>>> steps =
      getIntsArg(node, inputs, "steps", 10, 4);
  if (failed(starts) || failed(ends) || failed(axes) || failed(steps))
    return failure();
  if (!*starts || !*ends || (*starts)->size() != (*ends)->size())
    return notFoldable();
  // Present-but-unknown optional inputs make the node not foldable.
  if ((node.getOpset() >= 10 && node.hasInput(3) && !*axes) ||
      (node.hasInput(4) && !*steps))
    return notFoldable();
  size_t count = (*starts)->size();
  SmallVector<int64_t> begin(rank, 0), step(rank, 1), size(input.shape);
  for (size_t i = 0; i < count; ++i) {
    int64_t axisValue = *axes ? (**axes)[i] : static_cast<int64_t>(i);
    FailureOr<int64_t> axis = normalizeAxis(node, axisValue, rank);
    if (failed(axis))
      return failure();
    int64_t s = *steps ? (**steps)[i] : 1;
    if (s == 0)
      return notFoldable();
    int64_t dim = input.shape[*axis];
    int64_t b = (**starts)[i], e = (**ends)[i];
    if (b < 0)
      b += dim;
    if (e < 0)
      e += dim;
    if (s > 0) {
      b = std::clamp<int64_t>(b, 0, dim);
      e = std::clamp<int64_t>(e, 0, dim);
      size[*axis] = e > b ? (e - b + s - 1) / s : 0;
    } else {
      b = std::clamp<int64_t>(b, -1, dim - 1);
      e = std::clamp<int64_t>(e, -1, dim - 1);
      size[*axis] = b > e ? (b - e - s - 1) / -s : 0;
    }
    begin[*axis] = b;
    step[*axis] = s;
  }
  FoldedTensor result;
  result.elementType = input.elementType;
  result.shape = size;
  SmallVector<int64_t> inStrides = getStrides(input.shape);
  int64_t total = product(size);
  SmallVector<int64_t> outStrides = getStrides(size);
  for (int64_t flat = 0; flat < total; ++flat) {
    int64_t offset = 0;
    for (int64_t d = 0; d < rank; ++d) {
      int64_t index = (flat / outStrides[d]) % size[d];
      offset += (begin[d] + index * step[d]) * inStrides[d];
    }
    copyElement(input, offset, result);
  }
  return folded(std::move(result));
}

static FoldResult foldRange(NodeImporter &node, Inputs &inputs) {
  for (const std::optional<FoldedTensor> &input : inputs)
    if (!input || input->size() != 1 || !input->isFullyKnown())
      return notFoldable();
  const FoldedTensor &start = *inputs[0];
  auto value = [](const FoldedTensor &t) {
    return t.isFloat() ? t.floats[0] : static_cast<double>(t.ints[0].value);
  };
  double first = value(start), limit = value(*inputs[1]),
         delta = value(*inputs[2]);
  if (delta == 0)
    return node.emitError() << "delta must be non-zero";
  int64_t count = std::max<int64_t>(
      static_cast<int64_t>(std::ceil((limit - first) / delta)), 0);
  if (count > kMaxFoldElements)
    return notFoldable();
  FoldedTensor result;
  result.elementType = start.elementType;
  result.shape = {count};
  for (int64_t i = 0; i < count; ++i) {
    if (start.isFloat())
      result.floats.push_back(roundTo(start.elementType, first + i * delta));
    else
      result.ints.push_back(SymInt::constant(start.ints[0].value +
                                             i * inputs[2]->ints[0].value));
  }
  return folded(std::move(result));
}

//===----------------------------------------------------------------------===//
// Elementwise arithmetic and logic
//===----------------------------------------------------------------------===//

/// Maps a flat index of the broadcast result to a flat index of `shape`.
static int64_t broadcastIndex(int64_t flat, ArrayRef<int64_t> outShape,
                              ArrayRef<int64_t> shape) {
  int64_t offset = 0, stride = 1;
  int64_t rank = shape.size(), outRank = outShape.size();
  for (int64_t d = outRank - 1; d >= 0; --d) {
    int64_t index = flat % outShape[d];
    flat /= outShape[d];
    int64_t inDim = d - (outRank - rank);
    if (inDim < 0)
      continue;
    if (shape[inDim] != 1)
      offset += index * stride;
    stride *= shape[inDim];
  }
  return offset;
}

static std::optional<SmallVector<int64_t>>
broadcastFoldedShapes(ArrayRef<const FoldedTensor *> tensors) {
  SmallVector<int64_t> result;
  for (const FoldedTensor *t : tensors) {
    FailureOr<SmallVector<int64_t>> shape =
        tl::broadcastShapes(result, t->shape);
    if (failed(shape))
      return std::nullopt;
    result = *shape;
  }
  return result;
}

enum class BinaryKind { Add, Sub, Mul, Div, Equal, Less, Greater, And, Or };

static bool isComparison(BinaryKind kind) {
  return kind == BinaryKind::Equal || kind == BinaryKind::Less ||
         kind == BinaryKind::Greater;
}

/// Integer arithmetic on possibly runtime elements: known op known is known,
/// x*1, x/1, x+0, x-0 keep x, anything else on a runtime element is opaque.
static std::optional<SymInt> applyInt(BinaryKind kind, const SymInt &a,
                                      const SymInt &b) {
  if (a.known && b.known) {
    int64_t x = a.value, y = b.value;
    switch (kind) {
    case BinaryKind::Add:
      return SymInt::constant(x + y);
    case BinaryKind::Sub:
      return SymInt::constant(x - y);
    case BinaryKind::Mul:
      return SymInt::constant(x * y);
    case BinaryKind::Div:
      if (y == 0)
        return std::nullopt;
      return SymInt::constant(x / y);
    case BinaryKind::Equal:
      return SymInt::constant(x == y);
    case BinaryKind::Less:
      return SymInt::constant(x < y);
    case BinaryKind::Greater:
      return SymInt::constant(x > y);
    case BinaryKind::And:
      return SymInt::constant(x && y);
    case BinaryKind::Or:
      return SymInt::constant(x || y);
    }
  }
  if (isComparison(kind) || kind == BinaryKind::And || kind == BinaryKind::Or)
    return std::nullopt;
  if (b.known && ((b.value == 0 && (kind == BinaryKind::Add ||
                                    kind == BinaryKind::Sub)) ||
                  (b.value == 1 && (kind == BinaryKind::Mul ||
                                    kind == BinaryKind::Div))))
    return a;
  if (a.known && a.value == 0 && kind == BinaryKind::Add)
    return b;
  if (a.known && a.value == 1 && kind == BinaryKind::Mul)
    return b;
  return SymInt::opaque();
}

static double applyFloat(BinaryKind kind, double x, double y) {
  switch (kind) {
  case BinaryKind::Add:
    return x + y;
  case BinaryKind::Sub:
    return x - y;
  case BinaryKind::Mul:
    return x * y;
  case BinaryKind::Div:
    return x / y;
  case BinaryKind::Equal:
    return x == y;
  case BinaryKind::Less:
    return x < y;
  case BinaryKind::Greater:
    return x > y;
  case BinaryKind::And:
    return x != 0 && y != 0;
  case BinaryKind::Or:
    return x != 0 || y != 0;
  }
  return 0;
}

template <BinaryKind kind>
static FoldResult foldBinary(NodeImporter &node, Inputs &inputs) {
  if (node.getOpset() < 7 && node.hasAttr("axis"))
    return notFoldable(); // legacy broadcasting: leave it to the importer
  const FoldedTensor &lhs = *inputs[0];
  const FoldedTensor &rhs = *inputs[1];
  if (lhs.elementType != rhs.elementType)
    return notFoldable();
  std::optional<SmallVector<int64_t>> shape =
      broadcastFoldedShapes({&lhs, &rhs});
  if (!shape || product(*shape) > kMaxFoldElements)
    return notFoldable();
  FoldedTensor result;
  result.shape = *shape;
  result.elementType = isComparison(kind)
                           ? IntegerType::get(node.getContext(), 1)
                           : lhs.elementType;
  for (int64_t i = 0, e = product(*shape); i < e; ++i) {
    int64_t l = broadcastIndex(i, *shape, lhs.shape);
    int64_t r = broadcastIndex(i, *shape, rhs.shape);
    if (lhs.isFloat()) {
      double v = applyFloat(kind, lhs.floats[l], rhs.floats[r]);
      if (isComparison(kind))
        result.ints.push_back(SymInt::constant(v != 0));
      else
        result.floats.push_back(roundTo(lhs.elementType, v));
      continue;
    }
    std::optional<SymInt> v = applyInt(kind, lhs.ints[l], rhs.ints[r]);
    if (!v)
      return notFoldable();
    result.ints.push_back(*v);
  }
  return folded(std::move(result));
}

static FoldResult foldNeg(NodeImporter &, Inputs &inputs) {
  FoldedTensor result = *inputs[0];
  for (double &v : result.floats)
    v = -v;
  for (SymInt &v : result.ints) {
    if (!v.known)
      return notFoldable();
    v.value = -v.value;
  }
  return folded(std::move(result));
}

static FoldResult foldNot(NodeImporter &, Inputs &inputs) {
  FoldedTensor result = *inputs[0];
  for (SymInt &v : result.ints) {
    if (!v.known)
      return notFoldable();
    v.value = !v.value;
  }
  return folded(std::move(result));
}

template <double (*fn)(double)>
static FoldResult foldFloatUnary(NodeImporter &, Inputs &inputs) {
  FoldedTensor result = *inputs[0];
  if (!result.isFloat())
    return notFoldable();
  for (double &v : result.floats)
    v = roundTo(result.elementType, fn(v));
  return folded(std::move(result));
}

static FoldResult foldWhere(NodeImporter &, Inputs &inputs) {
  const FoldedTensor &cond = *inputs[0];
  const FoldedTensor &a = *inputs[1];
  const FoldedTensor &b = *inputs[2];
  if (!cond.isFullyKnown() || a.elementType != b.elementType)
    return notFoldable();
  std::optional<SmallVector<int64_t>> shape =
      broadcastFoldedShapes({&cond, &a, &b});
  if (!shape || product(*shape) > kMaxFoldElements)
    return notFoldable();
  FoldedTensor result;
  result.shape = *shape;
  result.elementType = a.elementType;
  for (int64_t i = 0, e = product(*shape); i < e; ++i) {
    bool pick = cond.ints[broadcastIndex(i, *shape, cond.shape)].value;
    const FoldedTensor &from = pick ? a : b;
    copyElement(from, broadcastIndex(i, *shape, from.shape), result);
  }
  return folded(std::move(result));
}

/// ReduceProd / ReduceSum over all elements of a 1-D tensor (how exporters
/// compute flattened sizes).
template <BinaryKind kind>
static FoldResult foldReduce1D(NodeImporter &node, Inputs &inputs) {
  const FoldedTensor &input = *inputs[0];
  if (input.shape.size() != 1 || input.isFloat())
    return notFoldable();
  FailureOr<std::optional<SmallVector<int64_t>>> axes =
      node.getOpType() == "ReduceSum" ? getIntsArg(node, inputs, "axes", 13, 1)
                                      : node.getInts("axes");
  FailureOr<int64_t> keepdims = node.getInt("keepdims", 1);
  if (failed(axes) || failed(keepdims))
    return failure();
  if (*axes && !(*axes)->empty() &&
      ((*axes)->size() != 1 || ((**axes)[0] != 0 && (**axes)[0] != -1)))
    return notFoldable();
  SymInt acc = SymInt::constant(kind == BinaryKind::Mul ? 1 : 0);
  for (const SymInt &v : input.ints)
    acc = *applyInt(kind, acc, v);
  SmallVector<int64_t> shape;
  if (*keepdims)
    shape.push_back(1);
  return folded(makeInts(shape, input.elementType, {acc}));
}

//===----------------------------------------------------------------------===//
// Driver
//===----------------------------------------------------------------------===//

static const llvm::StringMap<FoldFunction> &getFoldTable() {
  static const llvm::StringMap<FoldFunction> table = [] {
    llvm::StringMap<FoldFunction> t;
    t["Shape"] = foldShape;
    t["Size"] = foldSize;
    t["Identity"] = foldIdentity;
    t["Cast"] = foldCast;
    t["CastLike"] = foldCastLike;
    t["Gather"] = foldGather;
    t["Concat"] = foldConcat;
    t["Unsqueeze"] = foldUnsqueeze;
    t["Squeeze"] = foldSqueeze;
    t["Reshape"] = foldReshape;
    t["Flatten"] = foldFlatten;
    t["Slice"] = foldSlice;
    t["Range"] = foldRange;
    t["Add"] = foldBinary<BinaryKind::Add>;
    t["Sub"] = foldBinary<BinaryKind::Sub>;
    t["Mul"] = foldBinary<BinaryKind::Mul>;
    t["Div"] = foldBinary<BinaryKind::Div>;
    t["Equal"] = foldBinary<BinaryKind::Equal>;
    t["Less"] = foldBinary<BinaryKind::Less>;
    t["Greater"] = foldBinary<BinaryKind::Greater>;
    t["And"] = foldBinary<BinaryKind::And>;
    t["Or"] = foldBinary<BinaryKind::Or>;
    t["Neg"] = foldNeg;
    t["Not"] = foldNot;
    t["Floor"] = foldFloatUnary<std::floor>;
    t["Ceil"] = foldFloatUnary<std::ceil>;
    t["Sqrt"] = foldFloatUnary<std::sqrt>;
    t["Where"] = foldWhere;
    t["ReduceProd"] = foldReduce1D<BinaryKind::Mul>;
    t["ReduceSum"] = foldReduce1D<BinaryKind::Add>;
    return t;
  }();
  return table;
}

bool mlir::tlc::onnx_import::isFoldable(StringRef opType) {
  return getFoldTable().count(opType);
}

FailureOr<bool> mlir::tlc::onnx_import::foldNode(NodeImporter &node) {
  const llvm::StringMap<FoldFunction> &table = getFoldTable();
  auto it = table.find(node.getOpType());
  if (it == table.end())
    return false;
  // Shape and Size only need the input's type; everything else needs every
  // present input known at import time.
  bool typeOnly = node.getOpType() == "Shape" || node.getOpType() == "Size";
  Inputs inputs;
  for (unsigned i = 0, e = node.getNumInputs(); i < e; ++i) {
    if (!node.hasInput(i)) {
      inputs.push_back(std::nullopt);
      continue;
    }
    std::optional<FoldedTensor> input = node.getInputFolded(i);
    if (!input && !typeOnly)
      return false;
    inputs.push_back(std::move(input));
  }
  if (!typeOnly && (inputs.empty() || !inputs[0]))
    return false;
  FoldResult result = it->second(node, inputs);
  if (failed(result))
    return failure();
  if (!*result)
    return false;
  for (const FoldedTensor &output : **result)
    if (output.size() > kMaxFoldElements)
      return false;
  for (auto [i, output] : llvm::enumerate(**result))
    node.setOutputFolded(i, output);
  return true;
}
