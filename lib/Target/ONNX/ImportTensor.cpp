//===- ImportTensor.cpp - ONNX constants, shapes, data movement, resize ---===//
//
// Many of these ops took attributes in early opsets that later became
// inputs (Slice starts/ends/axes/steps at 10, Pad pads at 11, Squeeze,
// Unsqueeze and Split at 13, Upsample scales at 9). Inputs that tl needs as
// attributes must be known at import time: initializers, Constant nodes or
// folded shape subgraphs (ShapeFolding.cpp).
//
//===----------------------------------------------------------------------===//

#include "ImporterContext.h"

#include "onnx/onnx_pb.h"

#include <cmath>
#include <limits>

using namespace mlir;
using namespace mlir::tlc;
using namespace mlir::tlc::onnx_import;

/// An integer list that is an attribute before `opsetSwitch` and input
/// `index` from then on; nullopt when absent.
static FailureOr<std::optional<SmallVector<int64_t>>>
getIntsArg(NodeImporter &node, StringRef name, int64_t opsetSwitch,
           unsigned index) {
  if (node.getOpset() < opsetSwitch)
    return node.getInts(name);
  if (!node.hasInput(index))
    return std::optional<SmallVector<int64_t>>();
  FailureOr<SmallVector<int64_t>> values = node.getConstantInts(index, name);
  if (failed(values))
    return failure();
  return std::optional<SmallVector<int64_t>>(*values);
}

/// Follows dim `dim` of `value` back through the imported ops that pass it
/// through unchanged (transposes, reshapes that copy it, ops whose result has
/// their one operand's shape) to the value and dim it comes from.
static std::pair<Value, int64_t> traceDim(Value value, int64_t dim) {
  while (Operation *op = value.getDefiningOp()) {
    if (auto transpose = dyn_cast<tl::TransposeOp>(op)) {
      int64_t rank = getType(transpose.getInput()).getRank();
      std::optional<ArrayRef<int64_t>> perm = transpose.getPerm();
      dim = perm ? (*perm)[dim] : rank - 1 - dim;
      value = transpose.getInput();
      continue;
    }
    if (auto reshape = dyn_cast<tl::ReshapeOp>(op)) {
      if (reshape.getNewShape()[dim] != 0)
        break;
      value = reshape.getInput();
      continue;
    }
    if (op->getNumOperands() == 1 &&
        (op->hasTrait<OpTrait::SameOperandsAndResultShape>() ||
         op->hasTrait<OpTrait::SameOperandsAndResultType>())) {
      value = op->getOperand(0);
      continue;
    }
    break;
  }
  return {value, dim};
}

/// True when runtime element `element` is dim `dim` of input `inputIndex`:
/// the same value, the same ONNX symbol (dim_param), or, where ONNX shape
/// inference lost track of the dim (a Reshape to a computed shape), the
/// same dim traced back through the imported ops.
static bool isInputDim(NodeImporter &node, const SymInt &element,
                       unsigned inputIndex, int64_t dim) {
  if (element.known || dim < 0)
    return false;
  StringRef name = node.getInputName(inputIndex);
  if (element.isDimOf(name, dim))
    return true;
  Value source = element.source.empty()
                     ? Value()
                     : node.getRuntimeValue(element.source);
  Value input = node.getRuntimeValue(name);
  if (source && input && element.dim >= 0 &&
      element.dim < getType(source).getRank() &&
      dim < getType(input).getRank() &&
      traceDim(source, element.dim) == traceDim(input, dim))
    return true;
  if (element.symbol.empty())
    return false;
  const onnx::TypeProto *type = node.getONNXType(name);
  if (!type || !type->tensor_type().has_shape() ||
      dim >= type->tensor_type().shape().dim_size())
    return false;
  return type->tensor_type().shape().dim(dim).dim_param() == element.symbol;
}

//===----------------------------------------------------------------------===//
// Constants
//===----------------------------------------------------------------------===//

static LogicalResult importConstant(NodeImporter &node) {
  MLIRContext *context = node.getContext();
  OpBuilder &b = node.getBuilder();
  if (node.hasAttr("value")) {
    FailureOr<ElementsAttr> value = node.getTensorAttr("value");
    if (failed(value))
      return failure();
    node.setOutputConstant(0, *value);
    return success();
  }
  auto i64 = IntegerType::get(context, 64);
  auto f32 = Float32Type::get(context);
  if (node.hasAttr("value_float")) {
    FailureOr<double> v = node.getFloat("value_float", 0);
    if (failed(v))
      return failure();
    node.setOutputConstant(0, DenseElementsAttr::get(
                                  RankedTensorType::get({}, f32),
                                  b.getF32FloatAttr(static_cast<float>(*v))));
    return success();
  }
  if (node.hasAttr("value_int")) {
    FailureOr<int64_t> v = node.getInt("value_int", 0);
    if (failed(v))
      return failure();
    node.setOutputConstant(0, DenseElementsAttr::get(
                                  RankedTensorType::get({}, i64),
                                  b.getI64IntegerAttr(*v)));
    return success();
  }
  if (node.hasAttr("value_floats")) {
    FailureOr<std::optional<SmallVector<double>>> v =
        node.getFloats("value_floats");
    if (failed(v))
      return failure();
    SmallVector<float> values((*v)->begin(), (*v)->end());
    node.setOutputConstant(
        0, DenseElementsAttr::get(
               RankedTensorType::get({(int64_t)values.size()}, f32),
               ArrayRef<float>(values)));
    return success();
  }
  if (node.hasAttr("value_ints")) {
    FailureOr<std::optional<SmallVector<int64_t>>> v =
        node.getInts("value_ints");
    if (failed(v))
      return failure();
    node.setOutputConstant(
        0, DenseElementsAttr::get(
               RankedTensorType::get({(int64_t)(*v)->size()}, i64),
               ArrayRef<int64_t>(**v)));
    return success();
  }
  return node.emitError()
         << "only tensor, float and int constants are supported (not sparse "
            "or string constants)";
}

/// The value whose whole shape `shape` is, dim by dim (x.new_zeros(x.shape)
/// with dynamic dims), or null.
static Value getShapeSource(NodeImporter &node, ArrayRef<SymInt> shape) {
  const SymInt *unknown = llvm::find_if(
      shape, [](const SymInt &element) { return !element.known; });
  if (unknown == shape.end() || unknown->source.empty())
    return {};
  Value source = node.getRuntimeValue(unknown->source);
  if (!source || getType(source).getRank() != static_cast<int64_t>(shape.size()))
    return {};
  for (auto [i, element] : llvm::enumerate(shape)) {
    int64_t size = getType(source).getDimSize(i);
    if (element.known ? element.value != size
                      : !element.isDimOf(unknown->source, i))
      return {};
  }
  return source;
}

/// A tensor of rank `rank` whose dim `position` is the runtime dim `size`
/// and whose other dims are 1: the first elements of size's source along
/// that dim.
static FailureOr<Value> getDimCarrier(NodeImporter &node, const SymInt &size,
                                      int64_t position, int64_t rank) {
  Value source = size.source.empty() ? Value()
                                     : node.getRuntimeValue(size.source);
  if (!source || size.dim < 0 || size.dim >= getType(source).getRank())
    return node.emitError() << "input 'shape' ('" << node.getInputName(0)
                            << "') depends on a value computed from runtime "
                               "dims, which tl cannot compute at run time";
  OpBuilder &b = node.getBuilder();
  int64_t sourceRank = getType(source).getRank();
  SmallVector<int64_t> others;
  for (int64_t j = 0; j < sourceRank; ++j)
    if (j != size.dim)
      others.push_back(j);
  FailureOr<Value> carrier = source;
  if (!others.empty()) {
    SmallVector<int64_t> zeros(others.size(), 0), ones(others.size(), 1);
    carrier = node.create<tl::SliceOp>(
        source, b.getDenseI64ArrayAttr(zeros), b.getDenseI64ArrayAttr(ones),
        b.getDenseI64ArrayAttr(others), DenseI64ArrayAttr());
    if (succeeded(carrier))
      carrier = node.create<tl::SqueezeOp>(*carrier,
                                           b.getDenseI64ArrayAttr(others));
  }
  if (failed(carrier) || rank == 1)
    return carrier;
  SmallVector<int64_t> axes;
  for (int64_t j = 0; j < rank; ++j)
    if (j != position)
      axes.push_back(j);
  return node.create<tl::UnsqueezeOp>(*carrier, b.getDenseI64ArrayAttr(axes));
}

static LogicalResult importConstantOfShape(NodeImporter &node) {
  FailureOr<SmallVector<SymInt>> shape = node.getShapeInts(0, "shape");
  if (failed(shape))
    return failure();
  MLIRContext *context = node.getContext();
  Attribute element = FloatAttr::get(Float32Type::get(context), 0.0);
  Type elementType = Float32Type::get(context);
  if (node.hasAttr("value")) {
    FailureOr<ElementsAttr> value = node.getTensorAttr("value");
    if (failed(value))
      return failure();
    FailureOr<FoldedTensor> folded = toFolded(*value, 1);
    if (failed(folded) || folded->size() != 1)
      return node.emitError() << "value must have exactly one element";
    elementType = folded->elementType;
    if (auto floatType = dyn_cast<FloatType>(elementType))
      element = FloatAttr::get(floatType, folded->floats.front());
    else if (elementType.isInteger(1))
      element = BoolAttr::get(context, folded->ints.front().value != 0);
    else
      element = IntegerAttr::get(elementType, folded->ints.front().value);
  }
  SmallVector<int64_t> sizes;
  for (const SymInt &size : *shape) {
    if (size.known && size.value < 0)
      return node.emitError() << "shape must be non-negative";
    sizes.push_back(size.known ? size.value : ShapedType::kDynamic);
  }
  if (!ShapedType::isDynamicShape(sizes)) {
    node.setOutputConstant(
        0, DenseElementsAttr::get(RankedTensorType::get(sizes, elementType),
                                  element));
    return success();
  }
  // A runtime shape: the value broadcast over it by a select whose
  // condition has the runtime dims (both branches are the value, so the
  // condition's elements do not matter). When the shape is the whole shape
  // of one imported value, that value gives the condition.
  Value fill = node.constant(
      DenseElementsAttr::get(RankedTensorType::get({}, elementType), element));
  if (Value source = getShapeSource(node, *shape)) {
    FailureOr<Value> condition = node.create<tl::EqualOp>(source, source);
    if (failed(condition))
      return failure();
    return setResult(node, node.create<tl::SelectOp>(*condition, fill, fill));
  }
  // Otherwise each runtime dim contributes a [1, .., n, .., 1] condition
  // (a slice of its source along that dim) and the static dims are
  // broadcast with tl.expand: [1, x.size(0), 48] for an LSTM's zero state.
  int64_t rank = shape->size();
  Value condition;
  for (auto [i, size] : llvm::enumerate(*shape)) {
    if (size.known)
      continue;
    FailureOr<Value> carrier = getDimCarrier(node, size, i, rank);
    if (failed(carrier))
      return failure();
    FailureOr<Value> mask = node.create<tl::EqualOp>(*carrier, *carrier);
    if (failed(mask))
      return failure();
    if (condition)
      mask = node.create<tl::AndOp>(condition, *mask);
    if (failed(mask))
      return failure();
    condition = *mask;
  }
  FailureOr<Value> result = node.create<tl::SelectOp>(condition, fill, fill);
  if (failed(result))
    return failure();
  if (llvm::any_of(*shape, [](const SymInt &s) { return s.known && s.value != 1; })) {
    SmallVector<int64_t> target;
    for (const SymInt &size : *shape)
      target.push_back(size.known ? size.value : 1);
    result = node.create<tl::ExpandOp>(
        *result, node.getBuilder().getDenseI64ArrayAttr(target));
  }
  return setResult(node, result);
}

//===----------------------------------------------------------------------===//
// Identity, Dropout, Cast
//===----------------------------------------------------------------------===//

static LogicalResult importIdentity(NodeImporter &node) {
  // The identity of a constant (exporters write Identity nodes to share
  // initializers) is that constant.
  if (ElementsAttr constant = node.getInputConstant(0)) {
    node.setOutputConstant(0, constant);
    return success();
  }
  FailureOr<Value> x = node.getInput(0);
  if (failed(x))
    return failure();
  return setResult(node, node.create<tl::IdentityOp>(*x));
}

static LogicalResult importDropout(NodeImporter &node) {
  FailureOr<Value> x = node.getInput(0);
  if (failed(x))
    return failure();
  // At inference the mask keeps everything: all true (all ones before
  // opset 10, where it has the input's type).
  if (node.isOutputUsed(1)) {
    RankedTensorType type = getType(*x);
    if (!type.hasStaticShape())
      return node.emitError() << "the mask output needs a static shape";
    Attribute one = node.getOpset() < 10
                        ? node.getBuilder().getFloatAttr(type.getElementType(), 1.0)
                        : Attribute(node.getBuilder().getBoolAttr(true));
    Type maskType = node.getOpset() < 10
                        ? type
                        : type.clone(node.getBuilder().getI1Type());
    node.setOutputConstant(
        1, DenseElementsAttr::get(cast<ShapedType>(maskType), one));
  }
  double ratio = 0.5;
  if (node.getOpset() < 12) {
    FailureOr<double> attr = node.getFloat("ratio", 0.5);
    if (failed(attr))
      return failure();
    ratio = *attr;
  } else {
    if (node.hasInput(1)) {
      FailureOr<SmallVector<double>> values =
          node.getConstantFloats(1, "ratio");
      if (failed(values))
        return failure();
      if (values->size() != 1)
        return node.emitError() << "ratio must be a scalar";
      ratio = values->front();
    }
    if (node.hasInput(2)) {
      FailureOr<SmallVector<int64_t>> training =
          node.getConstantInts(2, "training_mode");
      if (failed(training))
        return failure();
      if (llvm::any_of(*training, [](int64_t v) { return v != 0; }))
        return node.emitError() << "training_mode = true is not supported";
    }
  }
  return setResult(node, node.create<tl::DropoutOp>(
                             *x, node.getBuilder().getF64FloatAttr(ratio)));
}

static LogicalResult importCast(NodeImporter &node) {
  FailureOr<Value> x = node.getInput(0);
  if (failed(x))
    return failure();
  Type target;
  if (node.getOpType() == "CastLike") {
    RankedTensorType like = node.getInputType(1);
    if (!like)
      return node.emitError() << "missing target_type input";
    target = like.getElementType();
  } else {
    FailureOr<int64_t> to = node.getInt("to", 0);
    if (failed(to))
      return failure();
    target = convertElementType(*to, node.getContext());
    if (!target)
      return node.emitError() << "unsupported target type "
                              << dataTypeName(*to);
  }
  return setResult(node, castTo(node, *x, target));
}

//===----------------------------------------------------------------------===//
// Shape manipulation
//===----------------------------------------------------------------------===//

/// Reshape: the target shape may hold runtime dims (x.view(x.size(0), -1)
/// with a dynamic batch). A runtime entry that is the input's own dim at the
/// same position becomes 0 ("copy"); one remaining runtime entry becomes -1.
static LogicalResult importEmptyReshape(NodeImporter &node,
                                        RankedTensorType inputType,
                                        ArrayRef<SymInt> shape) {
  SmallVector<int64_t> dims;
  for (const SymInt &element : shape) {
    if (!element.known || element.value < 0)
      return node.emitError() << "allowzero = 1 with a zero dim needs every "
                                 "other dim of the shape known and "
                                 "non-negative";
    dims.push_back(element.value);
  }
  if (inputType.hasStaticShape() && inputType.getNumElements() != 0)
    return node.emitError() << "cannot reshape " << inputType.getNumElements()
                            << " elements into a shape with a zero dim";
  if (!inputType.hasStaticShape())
    return node.emitError() << "allowzero = 1 with a zero dim needs a static "
                               "input shape";
  auto type = RankedTensorType::get(dims, inputType.getElementType());
  node.setOutputConstant(0, DenseElementsAttr::get(type, ArrayRef<Attribute>()));
  return success();
}

static LogicalResult importReshape(NodeImporter &node) {
  FailureOr<Value> x = node.getInput(0);
  FailureOr<int64_t> allowZero = node.getInt("allowzero", 0);
  if (failed(x) || failed(allowZero))
    return failure();
  FailureOr<SmallVector<SymInt>> shape = node.getShapeInts(1, "shape");
  if (failed(shape))
    return failure();
  // allowzero = 1 keeps a 0 as a dim of size 0 (not "copy the input's
  // dim"): the input has no elements, nor has the result, an empty
  // constant of that shape.
  if (*allowZero && llvm::any_of(*shape, [](const SymInt &s) {
        return s.known && s.value == 0;
      }))
    return importEmptyReshape(node, getType(*x), *shape);
  SmallVector<int64_t> newShape;
  int64_t inferredAt = -1;
  const SymInt *unresolved = nullptr;
  for (auto [i, element] : llvm::enumerate(*shape)) {
    if (element.known) {
      if (element.value == -1)
        inferredAt = i;
      newShape.push_back(element.value);
      continue;
    }
    if (isInputDim(node, element, 0, i)) {
      newShape.push_back(0);
      continue;
    }
    if (unresolved)
      return node.emitError()
             << "shape has several runtime dims that are not dims of the "
                "input at the same position";
    unresolved = &element;
    newShape.push_back(-1);
  }
  if (unresolved && inferredAt >= 0)
    return node.emitError() << "shape has both a -1 and a runtime dim that "
                               "is not a dim of the input at the same "
                               "position";
  FailureOr<Value> result = node.create<tl::ReshapeOp>(
      *x, node.getBuilder().getDenseI64ArrayAttr(newShape));
  if (failed(result))
    return failure();
  // tl infers a -1 entry only from a static input. When the dynamic input
  // dims are all copied (0), the -1 entry is still static: the product of
  // the other input dims over the product of the explicit sizes.
  RankedTensorType inputType = getType(*x);
  auto inferred = llvm::find(newShape, -1);
  if (inferred != newShape.end()) {
    int64_t rest = 1, known = 1;
    bool computable = true;
    SmallVector<bool> copied(inputType.getRank(), false);
    for (auto [i, size] : llvm::enumerate(newShape)) {
      if (size == 0 && static_cast<int64_t>(i) < inputType.getRank())
        copied[i] = true;
      else if (size > 0)
        known *= size;
    }
    for (int64_t i = 0; i < inputType.getRank(); ++i) {
      if (copied[i])
        continue;
      int64_t dim = inputType.getDimSize(i);
      computable &= !ShapedType::isDynamic(dim);
      rest *= computable ? dim : 1;
    }
    if (computable && known > 0 && rest % known == 0) {
      SmallVector<int64_t> shape(getType(*result).getShape());
      shape[inferred - newShape.begin()] = rest / known;
      node.refineType(*result, getType(*result).clone(shape));
    }
  }
  node.setOutput(0, *result);
  return success();
}

static LogicalResult importFlatten(NodeImporter &node) {
  FailureOr<Value> x = node.getInput(0);
  FailureOr<int64_t> axis = node.getInt("axis", 1);
  if (failed(x) || failed(axis))
    return failure();
  return setResult(node, node.create<tl::FlattenOp>(
                             *x, node.getBuilder().getI64IntegerAttr(*axis)));
}

static LogicalResult importSqueeze(NodeImporter &node) {
  FailureOr<Value> x = node.getInput(0);
  FailureOr<std::optional<SmallVector<int64_t>>> axes =
      getIntsArg(node, "axes", 13, 1);
  if (failed(x) || failed(axes))
    return failure();
  DenseI64ArrayAttr axesAttr;
  if (*axes)
    axesAttr = node.getBuilder().getDenseI64ArrayAttr(**axes);
  return setResult(node, node.create<tl::SqueezeOp>(*x, axesAttr));
}

static LogicalResult importUnsqueeze(NodeImporter &node) {
  FailureOr<Value> x = node.getInput(0);
  FailureOr<std::optional<SmallVector<int64_t>>> axes =
      getIntsArg(node, "axes", 13, 1);
  if (failed(x) || failed(axes))
    return failure();
  if (!*axes)
    return node.emitError() << "requires axes";
  return setResult(node, node.create<tl::UnsqueezeOp>(
                             *x, node.getBuilder().getDenseI64ArrayAttr(**axes)));
}

static LogicalResult importTranspose(NodeImporter &node) {
  FailureOr<Value> x = node.getInput(0);
  FailureOr<std::optional<SmallVector<int64_t>>> perm = node.getInts("perm");
  if (failed(x) || failed(perm))
    return failure();
  DenseI64ArrayAttr permAttr;
  if (*perm)
    permAttr = node.getBuilder().getDenseI64ArrayAttr(**perm);
  return setResult(node, node.create<tl::TransposeOp>(*x, permAttr));
}

static LogicalResult importConcat(NodeImporter &node) {
  FailureOr<int64_t> axis = node.getInt("axis", 0);
  if (failed(axis))
    return failure();
  if (!node.hasAttr("axis"))
    return node.emitError() << "requires axis";
  SmallVector<Value> inputs;
  for (unsigned i = 0; i < node.getNumInputs(); ++i) {
    FailureOr<Value> input = node.getInput(i);
    if (failed(input))
      return failure();
    inputs.push_back(*input);
  }
  return setResult(node, node.create<tl::ConcatOp>(
                             inputs, node.getBuilder().getI64IntegerAttr(*axis)));
}

static LogicalResult importSplit(NodeImporter &node) {
  FailureOr<Value> x = node.getInput(0);
  FailureOr<int64_t> axisAttr = node.getInt("axis", 0);
  FailureOr<std::optional<SmallVector<int64_t>>> sizes =
      getIntsArg(node, "split", 13, 1);
  if (failed(x) || failed(axisAttr) || failed(sizes))
    return failure();
  unsigned numOutputs = node.getNumOutputs();
  if (numOutputs == 0)
    return node.emitError() << "has no outputs";
  SmallVector<int64_t> parts;
  if (*sizes && !(*sizes)->empty()) {
    parts = **sizes;
  } else {
    RankedTensorType type = getType(*x);
    FailureOr<int64_t> axis = normalizeAxis(node, *axisAttr, type.getRank());
    if (failed(axis))
      return failure();
    int64_t dim = type.getDimSize(*axis);
    if (ShapedType::isDynamic(dim))
      return node.emitError() << "an equal split needs a static dim along "
                                 "the split axis";
    if (dim % numOutputs != 0)
      return node.emitError() << "dim " << dim << " does not split into "
                              << numOutputs << " equal parts";
    parts.assign(numOutputs, dim / numOutputs);
  }
  if (parts.size() != numOutputs)
    return node.emitError() << "split has " << parts.size()
                            << " sizes for " << numOutputs << " outputs";
  OpBuilder &b = node.getBuilder();
  FailureOr<SmallVector<Value>> results = node.createMulti<tl::SplitOp>(
      numOutputs, *x, b.getI64IntegerAttr(*axisAttr),
      b.getDenseI64ArrayAttr(parts));
  if (failed(results))
    return failure();
  for (auto [i, result] : llvm::enumerate(*results))
    node.setOutput(i, result);
  return success();
}

/// Slice: starts/ends/axes are attributes before opset 10; from then on
/// inputs, with optional steps. An `ends` entry that is the runtime size of
/// the sliced dim means "to the end".
static LogicalResult importSlice(NodeImporter &node) {
  FailureOr<Value> x = node.getInput(0);
  if (failed(x))
    return failure();
  int64_t rank = getType(*x).getRank();
  SmallVector<int64_t> starts, ends;
  std::optional<SmallVector<int64_t>> axes, steps;
  if (node.getOpset() < 10) {
    FailureOr<std::optional<SmallVector<int64_t>>> s = node.getInts("starts");
    FailureOr<std::optional<SmallVector<int64_t>>> e = node.getInts("ends");
    FailureOr<std::optional<SmallVector<int64_t>>> a = node.getInts("axes");
    if (failed(s) || failed(e) || failed(a))
      return failure();
    if (!*s || !*e)
      return node.emitError() << "requires starts and ends";
    starts = **s;
    ends = **e;
    axes = *a;
  } else {
    FailureOr<SmallVector<int64_t>> s = node.getConstantInts(1, "starts");
    FailureOr<std::optional<SmallVector<int64_t>>> a =
        getIntsArg(node, "axes", 10, 3);
    FailureOr<std::optional<SmallVector<int64_t>>> st =
        getIntsArg(node, "steps", 10, 4);
    FailureOr<SmallVector<SymInt>> e = node.getShapeInts(2, "ends");
    if (failed(s) || failed(a) || failed(st) || failed(e))
      return failure();
    starts = *s;
    axes = *a;
    steps = *st;
    for (auto [i, end] : llvm::enumerate(*e)) {
      if (end.known) {
        ends.push_back(end.value);
        continue;
      }
      int64_t axis = axes && i < axes->size() ? (*axes)[i] : i;
      if (axis < 0)
        axis += rank;
      if (!isInputDim(node, end, 0, axis))
        return node.emitError()
               << "input 'ends' depends on a runtime dim that is not the "
                  "size of the sliced dim";
      ends.push_back(std::numeric_limits<int64_t>::max());
    }
  }
  OpBuilder &b = node.getBuilder();
  return setResult(node, node.create<tl::SliceOp>(
                             *x, b.getDenseI64ArrayAttr(starts),
                             b.getDenseI64ArrayAttr(ends),
                             axes ? b.getDenseI64ArrayAttr(*axes)
                                  : DenseI64ArrayAttr(),
                             steps ? b.getDenseI64ArrayAttr(*steps)
                                   : DenseI64ArrayAttr()));
}

static LogicalResult importPad(NodeImporter &node) {
  FailureOr<Value> x = node.getInput(0);
  FailureOr<std::string> modeName = node.getString("mode", "constant");
  if (failed(x) || failed(modeName))
    return failure();
  std::optional<tl::PadMode> mode =
      *modeName == "constant" ? std::optional(tl::PadMode::constant)
      : *modeName == "reflect" ? std::optional(tl::PadMode::reflect)
      : *modeName == "edge"    ? std::optional(tl::PadMode::edge)
                               : std::nullopt;
  if (!mode)
    return node.emitError() << "unsupported mode '" << *modeName << "'";
  SmallVector<int64_t> pads;
  double value = 0.0;
  if (node.getOpset() < 11) {
    FailureOr<std::optional<SmallVector<int64_t>>> attr = node.getInts("pads");
    FailureOr<double> valueAttr = node.getFloat("value", 0.0);
    if (failed(attr) || failed(valueAttr))
      return failure();
    if (!*attr)
      return node.emitError() << "requires pads";
    pads = **attr;
    value = *valueAttr;
  } else {
    FailureOr<SmallVector<int64_t>> input = node.getConstantInts(1, "pads");
    if (failed(input))
      return failure();
    pads = *input;
    if (node.hasInput(2)) {
      FailureOr<SmallVector<double>> constant =
          node.getConstantFloats(2, "constant_value");
      if (failed(constant))
        return failure();
      if (constant->size() != 1)
        return node.emitError() << "constant_value must be a scalar";
      value = constant->front();
    }
  }
  // PyTorch pads every average pool, mostly with zeros.
  if (llvm::all_of(pads, [](int64_t p) { return p == 0; })) {
    node.setOutput(0, *x);
    return success();
  }
  MLIRContext *context = node.getContext();
  return setResult(node, node.create<tl::PadOp>(
                             *x, node.getBuilder().getDenseI64ArrayAttr(pads),
                             tl::PadModeAttr::get(context, *mode),
                             node.getBuilder().getF64FloatAttr(value)));
}

/// Expand: a runtime entry of the target shape that is the input's own dim
/// (aligned from the back) broadcasts like 1.
static LogicalResult importExpand(NodeImporter &node) {
  FailureOr<Value> x = node.getInput(0);
  FailureOr<SmallVector<SymInt>> shape = node.getShapeInts(1, "shape");
  if (failed(x) || failed(shape))
    return failure();
  int64_t rank = getType(*x).getRank();
  int64_t offset = static_cast<int64_t>(shape->size()) - rank;
  SmallVector<int64_t> target;
  for (auto [i, element] : llvm::enumerate(*shape)) {
    if (element.known) {
      target.push_back(element.value);
      continue;
    }
    if (!isInputDim(node, element, 0, static_cast<int64_t>(i) - offset))
      return node.emitError() << "input 'shape' depends on a runtime dim "
                                 "that is not the input's dim at the same "
                                 "position";
    target.push_back(1);
  }
  return setResult(node, node.create<tl::ExpandOp>(
                             *x, node.getBuilder().getDenseI64ArrayAttr(target)));
}

static LogicalResult importTile(NodeImporter &node) {
  FailureOr<Value> x = node.getInput(0);
  FailureOr<SmallVector<int64_t>> repeats = node.getConstantInts(1, "repeats");
  if (failed(x) || failed(repeats))
    return failure();
  return setResult(node, node.create<tl::TileOp>(
                             *x, node.getBuilder().getDenseI64ArrayAttr(*repeats)));
}

static LogicalResult importDepthToSpace(NodeImporter &node) {
  FailureOr<Value> x = node.getInput(0);
  FailureOr<int64_t> blocksize = node.getInt("blocksize", 0);
  FailureOr<std::string> modeName = node.getString("mode", "DCR");
  if (failed(x) || failed(blocksize) || failed(modeName))
    return failure();
  if (*modeName != "DCR" && *modeName != "CRD")
    return node.emitError() << "unsupported mode '" << *modeName << "'";
  auto mode = *modeName == "CRD" ? tl::DepthToSpaceMode::CRD
                                 : tl::DepthToSpaceMode::DCR;
  return setResult(node, node.create<tl::DepthToSpaceOp>(
                             *x, node.getBuilder().getI64IntegerAttr(*blocksize),
                             tl::DepthToSpaceModeAttr::get(node.getContext(),
                                                           mode)));
}

static LogicalResult importSpaceToDepth(NodeImporter &node) {
  FailureOr<Value> x = node.getInput(0);
  FailureOr<int64_t> blocksize = node.getInt("blocksize", 0);
  if (failed(x) || failed(blocksize))
    return failure();
  return setResult(node,
                   node.create<tl::SpaceToDepthOp>(
                       *x, node.getBuilder().getI64IntegerAttr(*blocksize)));
}

//===----------------------------------------------------------------------===//
// Resize / Upsample
//===----------------------------------------------------------------------===//

namespace {
/// The attributes of tl.resize besides mode, scales and sizes.
struct ResizeOptions {
  tl::CoordinateTransform transform = tl::CoordinateTransform::half_pixel;
  tl::NearestMode nearest = tl::NearestMode::round_prefer_floor;
  double cubicA = -0.75;
  bool excludeOutside = false;
  std::optional<SmallVector<double>> roi;
  double extrapolation = 0.0;
};
} // namespace

/// Builds tl.resize from scales or sizes.
static LogicalResult buildResize(NodeImporter &node, Value x, tl::ResizeMode mode,
                                 std::optional<SmallVector<double>> scales,
                                 std::optional<SmallVector<int64_t>> sizes,
                                 const ResizeOptions &options) {
  OpBuilder &b = node.getBuilder();
  MLIRContext *context = node.getContext();
  return setResult(
      node,
      node.create<tl::ResizeOp>(
          x, tl::ResizeModeAttr::get(context, mode),
          scales ? b.getDenseF64ArrayAttr(*scales) : DenseF64ArrayAttr(),
          sizes ? b.getDenseI64ArrayAttr(*sizes) : DenseI64ArrayAttr(),
          tl::CoordinateTransformAttr::get(context, options.transform),
          tl::NearestModeAttr::get(context, options.nearest),
          b.getF64FloatAttr(options.cubicA),
          b.getBoolAttr(options.excludeOutside),
          options.roi ? b.getDenseF64ArrayAttr(*options.roi)
                      : DenseF64ArrayAttr(),
          b.getF64FloatAttr(options.extrapolation)));
}

/// Upsample and Resize-10: asymmetric coordinates; nearest rounds down when
/// upsampling and up when downsampling (the reference behaviour of those
/// opsets).
static LogicalResult importLegacyResize(NodeImporter &node,
                                        SmallVector<double> scales) {
  FailureOr<Value> x = node.getInput(0);
  FailureOr<std::string> modeName = node.getString("mode", "nearest");
  if (failed(x) || failed(modeName))
    return failure();
  tl::ResizeMode mode;
  if (*modeName == "nearest")
    mode = tl::ResizeMode::nearest;
  else if (*modeName == "linear" || *modeName == "bilinear")
    mode = tl::ResizeMode::linear;
  else
    return node.emitError() << "unsupported mode '" << *modeName << "'";
  bool up = llvm::any_of(scales, [](double s) { return s > 1; });
  bool down = llvm::any_of(scales, [](double s) { return s < 1; });
  if (mode == tl::ResizeMode::nearest && up && down)
    return node.emitError() << "nearest resize that upsamples some dims and "
                               "downsamples others is not supported";
  ResizeOptions options;
  options.transform = tl::CoordinateTransform::asymmetric;
  options.nearest = down ? tl::NearestMode::ceil : tl::NearestMode::floor;
  return buildResize(node, *x, mode, scales, std::nullopt, options);
}

static LogicalResult importUpsample(NodeImporter &node) {
  SmallVector<double> scales;
  if (node.getOpset() < 7) {
    // Upsample-1: scales of the last two dims of a 4-D input.
    FailureOr<double> height = node.getFloat("height_scale", 0);
    FailureOr<double> width = node.getFloat("width_scale", 0);
    if (failed(height) || failed(width))
      return failure();
    if (!node.hasAttr("height_scale") || !node.hasAttr("width_scale"))
      return node.emitError() << "requires height_scale and width_scale";
    scales = {1.0, 1.0, *height, *width};
  } else if (node.getOpset() < 9) {
    FailureOr<std::optional<SmallVector<double>>> attr =
        node.getFloats("scales");
    if (failed(attr))
      return failure();
    if (!*attr)
      return node.emitError() << "requires scales";
    scales = **attr;
  } else {
    FailureOr<SmallVector<double>> input = node.getConstantFloats(1, "scales");
    if (failed(input))
      return failure();
    scales = *input;
  }
  return importLegacyResize(node, scales);
}

static LogicalResult importResize(NodeImporter &node) {
  if (node.getOpset() < 11) {
    FailureOr<SmallVector<double>> scales = node.getConstantFloats(1, "scales");
    if (failed(scales))
      return failure();
    return importLegacyResize(node, *scales);
  }
  FailureOr<Value> x = node.getInput(0);
  FailureOr<std::string> modeName = node.getString("mode", "nearest");
  FailureOr<std::string> transformName =
      node.getString("coordinate_transformation_mode", "half_pixel");
  FailureOr<std::string> nearestName =
      node.getString("nearest_mode", "round_prefer_floor");
  FailureOr<double> cubicA = node.getFloat("cubic_coeff_a", -0.75);
  FailureOr<int64_t> excludeOutside = node.getInt("exclude_outside", 0);
  FailureOr<double> extrapolation = node.getFloat("extrapolation_value", 0.0);
  if (failed(x) || failed(modeName) || failed(transformName) ||
      failed(nearestName) || failed(cubicA) || failed(excludeOutside) ||
      failed(extrapolation))
    return failure();
  std::optional<tl::ResizeMode> mode = tl::symbolizeResizeMode(*modeName);
  if (!mode)
    return node.emitError() << "unsupported mode '" << *modeName << "'";
  std::optional<tl::CoordinateTransform> transform =
      tl::symbolizeCoordinateTransform(*transformName);
  if (!transform)
    return node.emitError() << "unsupported coordinate_transformation_mode '"
                            << *transformName << "'";
  std::optional<tl::NearestMode> nearest =
      tl::symbolizeNearestMode(*nearestName);
  if (!nearest)
    return node.emitError() << "unsupported nearest_mode '" << *nearestName
                            << "'";
  // Attributes that do not apply to the mode or transform are not carried.
  ResizeOptions options;
  options.transform = *transform;
  options.nearest = *nearest;
  if (*mode == tl::ResizeMode::cubic) {
    options.cubicA = *cubicA;
    options.excludeOutside = *excludeOutside != 0;
  }
  RankedTensorType type = getType(*x);
  if (*transform == tl::CoordinateTransform::tf_crop_and_resize) {
    if (!node.hasInput(1))
      return node.emitError() << "tf_crop_and_resize requires roi";
    FailureOr<SmallVector<double>> roi = node.getConstantFloats(1, "roi");
    if (failed(roi))
      return failure();
    if (static_cast<int64_t>(roi->size()) != 2 * type.getRank())
      return node.emitError() << "roi must have a start and an end per dim";
    options.roi = *roi;
    options.extrapolation = *extrapolation;
  }

  // Scales (input 2) when given and non-empty, sizes (input 3) otherwise.
  if (node.hasInput(2) && node.getInputType(2) &&
      node.getInputType(2).getNumElements() != 0) {
    FailureOr<SmallVector<double>> scales = node.getConstantFloats(2, "scales");
    if (failed(scales))
      return failure();
    return buildResize(node, *x, *mode, *scales, std::nullopt, options);
  }
  if (!node.hasInput(3))
    return node.emitError() << "requires scales or sizes";
  FailureOr<SmallVector<SymInt>> sizes = node.getShapeInts(3, "sizes");
  if (failed(sizes))
    return failure();
  if (static_cast<int64_t>(sizes->size()) != type.getRank())
    return node.emitError() << "sizes must have one entry per dim";
  if (llvm::all_of(*sizes, [](const SymInt &s) { return s.known; }))
    return buildResize(node, *x, *mode, std::nullopt,
                       llvm::map_to_vector(*sizes,
                                           [](const SymInt &s) {
                                             return s.value;
                                           }),
                       options);
  // Runtime entries (a dynamic batch) that keep the input's dim: express
  // the resize with scales (1 there, size / input elsewhere).
  SmallVector<double> scales;
  for (auto [i, size] : llvm::enumerate(*sizes)) {
    if (!size.known) {
      if (!isInputDim(node, size, 0, i))
        return node.emitError() << "input 'sizes' depends on a runtime dim "
                                   "that is not the input's dim";
      scales.push_back(1.0);
      continue;
    }
    int64_t in = type.getDimSize(i);
    if (ShapedType::isDynamic(in))
      return node.emitError() << "sizes for a dynamic dim must be the dim "
                                 "itself";
    double scale = static_cast<double>(size.value) / in;
    // The output size is floor(in * scale): nudge up past rounding error.
    while (static_cast<int64_t>(std::floor(in * scale)) < size.value)
      scale = std::nextafter(scale, std::numeric_limits<double>::infinity());
    scales.push_back(scale);
  }
  return buildResize(node, *x, *mode, scales, std::nullopt, options);
}

//===----------------------------------------------------------------------===//
// Generated constants and one-hot encoding
//===----------------------------------------------------------------------===//

/// A constant of `type` whose element i is `values[i]` (converted to the
/// element type), as an inline or blob attribute like initializers.
static ElementsAttr makeConstant(NodeImporter &node, RankedTensorType type,
                                 ArrayRef<double> values) {
  Type elementType = type.getElementType();
  if (elementType.isInteger(1))
    return DenseElementsAttr::get(
        type, llvm::map_to_vector(values, [](double v) { return v != 0; }));
  DenseElementsAttr dense;
  if (auto floatType = dyn_cast<FloatType>(elementType)) {
    SmallVector<llvm::APFloat> elements;
    for (double v : values) {
      llvm::APFloat value(v);
      bool lost;
      value.convert(floatType.getFloatSemantics(),
                    llvm::APFloat::rmNearestTiesToEven, &lost);
      elements.push_back(value);
    }
    dense = DenseElementsAttr::get(type, elements);
  } else {
    unsigned width = elementType.getIntOrFloatBitWidth();
    SmallVector<llvm::APInt> elements;
    for (double v : values)
      elements.push_back(llvm::APInt(width, static_cast<int64_t>(v),
                                     /*isSigned=*/true, /*implicitTrunc=*/true));
    dense = DenseElementsAttr::get(type, elements);
  }
  if (dense.isSplat() ||
      type.getNumElements() <= node.getOptions().maxInlineElements)
    return dense;
  return makeElementsAttr(type, dense.getRawData(), node.getOutputName(0),
                          node.getOptions().maxInlineElements);
}

/// Range with start, limit and delta known at import time (small ranges are
/// folded earlier, in ShapeFolding.cpp).
static LogicalResult importRange(NodeImporter &node) {
  SmallVector<double> args;
  static constexpr StringLiteral names[] = {"start", "limit", "delta"};
  for (auto [i, name] : llvm::enumerate(names)) {
    FailureOr<SmallVector<double>> value = node.getConstantFloats(i, name);
    if (failed(value))
      return failure();
    if (value->size() != 1)
      return node.emitError() << "input '" << name << "' must be a scalar";
    args.push_back(value->front());
  }
  if (args[2] == 0)
    return node.emitError() << "delta must be non-zero";
  double steps = std::ceil((args[1] - args[0]) / args[2]);
  if (!(steps <= kMaxGeneratedElements))
    return node.emitError() << "range is too large to be a constant";
  int64_t count = std::max<int64_t>(static_cast<int64_t>(steps), 0);
  SmallVector<double> values;
  for (int64_t i = 0; i < count; ++i)
    values.push_back(args[0] + i * args[2]);
  auto type = RankedTensorType::get({count},
                                    node.getInputType(0).getElementType());
  node.setOutputConstant(0, makeConstant(node, type, values));
  return success();
}

/// EyeLike: ones on diagonal k of a static 2-D shape.
static LogicalResult importEyeLike(NodeImporter &node) {
  RankedTensorType inputType = node.getInputType(0);
  if (!inputType)
    return node.emitError() << "missing input";
  FailureOr<int64_t> k = node.getInt("k", 0);
  FailureOr<std::optional<int64_t>> dtype = node.getOptionalInt("dtype");
  if (failed(k) || failed(dtype))
    return failure();
  if (inputType.getRank() != 2 || !inputType.hasStaticShape())
    return node.emitError() << "needs a static 2-D input shape";
  if (inputType.getNumElements() > kMaxGeneratedElements)
    return node.emitError() << "shape is too large for a constant";
  Type elementType = inputType.getElementType();
  if (*dtype) {
    elementType = convertElementType(**dtype, node.getContext());
    if (!elementType)
      return node.emitError() << "unsupported dtype " << dataTypeName(**dtype);
  }
  int64_t rows = inputType.getDimSize(0), cols = inputType.getDimSize(1);
  SmallVector<double> values(rows * cols, 0.0);
  for (int64_t r = 0; r < rows; ++r)
    if (r + *k >= 0 && r + *k < cols)
      values[r * cols + r + *k] = 1.0;
  node.setOutputConstant(
      0, makeConstant(node, RankedTensorType::get({rows, cols}, elementType),
                      values));
  return success();
}

/// OneHot: select(unsqueeze(indices, axis) == iota, on, off), with an iota of
/// `depth` values along the new axis; negative indices count from depth.
static LogicalResult importOneHot(NodeImporter &node) {
  FailureOr<Value> indices = node.getInput(0);
  if (failed(indices))
    return failure();
  FailureOr<SmallVector<double>> depthValue = node.getConstantFloats(1, "depth");
  if (failed(depthValue))
    return failure();
  FailureOr<Value> values = node.getInput(2);
  FailureOr<int64_t> axisAttr = node.getInt("axis", -1);
  if (failed(values) || failed(axisAttr))
    return failure();
  if (depthValue->size() != 1 || !(depthValue->front() >= 1) ||
      depthValue->front() > kMaxGeneratedElements)
    return node.emitError() << "depth must be a positive scalar";
  int64_t depth = static_cast<int64_t>(depthValue->front());
  OpBuilder &b = node.getBuilder();
  RankedTensorType indexType = getType(*indices);
  int64_t outRank = indexType.getRank() + 1;
  FailureOr<int64_t> axis = normalizeAxis(node, *axisAttr, outRank);
  if (failed(axis))
    return failure();
  FailureOr<Value> index = castTo(node, *indices, b.getI64Type());
  Value depthConstant = node.scalar(b.getI64Type(), depth);
  FailureOr<Value> negative =
      failed(index) ? index
                    : node.create<tl::LessOp>(*index,
                                              node.scalar(b.getI64Type(), 0));
  FailureOr<Value> wrapped =
      failed(negative) ? negative
                       : node.create<tl::AddOp>(*index, depthConstant);
  FailureOr<Value> normalized =
      failed(wrapped) ? wrapped
                      : node.create<tl::SelectOp>(*negative, *wrapped, *index);
  FailureOr<Value> lifted =
      failed(normalized)
          ? normalized
          : node.create<tl::UnsqueezeOp>(*normalized,
                                         b.getDenseI64ArrayAttr({*axis}));
  if (failed(lifted))
    return failure();
  SmallVector<int64_t> iotaShape(outRank - *axis, 1);
  iotaShape.front() = depth;
  Value iota = node.constant(DenseElementsAttr::get(
      RankedTensorType::get(iotaShape, b.getI64Type()),
      ArrayRef<int64_t>(llvm::to_vector(llvm::seq<int64_t>(0, depth)))));
  FailureOr<Value> hot = node.create<tl::EqualOp>(*lifted, iota);
  if (failed(hot))
    return failure();
  // values = [off, on].
  if (getType(*values).getNumElements() != 2)
    return node.emitError() << "values must hold [off, on]";
  FailureOr<Value> flat =
      getType(*values).getRank() == 1
          ? values
          : node.create<tl::ReshapeOp>(*values, b.getDenseI64ArrayAttr({2}));
  FailureOr<Value> off =
      failed(flat) ? flat
                   : node.create<tl::SliceOp>(*flat, b.getDenseI64ArrayAttr({0}),
                                              b.getDenseI64ArrayAttr({1}),
                                              DenseI64ArrayAttr(),
                                              DenseI64ArrayAttr());
  FailureOr<Value> on =
      failed(off) ? off
                  : node.create<tl::SliceOp>(*flat, b.getDenseI64ArrayAttr({1}),
                                             b.getDenseI64ArrayAttr({2}),
                                             DenseI64ArrayAttr(),
                                             DenseI64ArrayAttr());
  if (failed(on))
    return failure();
  return setResult(node, node.create<tl::SelectOp>(*hot, *on, *off));
}

void mlir::tlc::onnx_import::addTensorImporters(ImportTable &table) {
  table["Range"] = importRange;
  table["EyeLike"] = importEyeLike;
  table["OneHot"] = importOneHot;
  table["Constant"] = importConstant;
  table["ConstantOfShape"] = importConstantOfShape;
  table["Identity"] = importIdentity;
  table["Dropout"] = importDropout;
  table["Cast"] = importCast;
  table["CastLike"] = importCast;
  table["Reshape"] = importReshape;
  table["Flatten"] = importFlatten;
  table["Squeeze"] = importSqueeze;
  table["Unsqueeze"] = importUnsqueeze;
  table["Transpose"] = importTranspose;
  table["Concat"] = importConcat;
  table["Split"] = importSplit;
  table["Slice"] = importSlice;
  table["Pad"] = importPad;
  table["Gather"] = importAxisGather<tl::GatherOp>;
  table["Expand"] = importExpand;
  table["Tile"] = importTile;
  table["DepthToSpace"] = importDepthToSpace;
  table["SpaceToDepth"] = importSpaceToDepth;
  table["Resize"] = importResize;
  table["Upsample"] = importUpsample;
}
