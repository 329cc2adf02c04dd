//===- ImportQuant.cpp - ONNX quantization operators ----------------------===//
//
// QuantizeLinear and DequantizeLinear map to tl.quantize / tl.dequantize.
// The others are decompositions that keep integer results exact:
//  * MatMulInteger, ConvInteger: operands cast to i32, zero points
//    subtracted, tl.matmul / tl.conv on i32 (padding then contributes zero,
//    i.e. the input's zero point, as ONNX specifies).
//  * QLinearMatMul, QLinearConv: the same i32 accumulation (plus the i32 bias
//    of QLinearConv), then the real value `acc * (scale_a * scale_b)` in f32
//    is quantized with the output's scale and zero point.
//  * DynamicQuantizeLinear: the range [min(x, 0), max(x, 0)] by reductions,
//    scale = range / 255, zero point = saturate(round(-min / scale)), then
//    tl.quantize to ui8.
//
//===----------------------------------------------------------------------===//

#include "ImporterContext.h"

using namespace mlir;
using namespace mlir::tlc;
using namespace mlir::tlc::onnx_import;

/// Optional input `i`, or null when omitted.
static FailureOr<Value> getOptionalInput(NodeImporter &node, unsigned i) {
  if (!node.hasInput(i))
    return Value();
  return node.getInput(i);
}

/// A quantization parameter of shape [1] as a scalar (ONNX writes per-tensor
/// parameters either way).
static FailureOr<Value> asScalarIfSingle(NodeImporter &node, Value value) {
  RankedTensorType type = getType(value);
  if (type.getRank() != 1 || type.getDimSize(0) != 1)
    return value;
  auto constant = value.getDefiningOp<tl::ConstantOp>();
  if (auto dense = constant ? dyn_cast<DenseElementsAttr>(constant.getValue())
                            : DenseElementsAttr())
    return node.constant(
        dense.reshape(RankedTensorType::get({}, type.getElementType())));
  return node.create<tl::ReshapeOp>(
      value, node.getBuilder().getDenseI64ArrayAttr(ArrayRef<int64_t>{}));
}

/// A zero point of `elementType` shaped like `scale` (an omitted input).
static Value zeroLike(NodeImporter &node, Value scale, Type elementType) {
  auto type = RankedTensorType::get(getType(scale).getShape(), elementType);
  return node.constant(DenseElementsAttr::get(
      type, IntegerAttr::get(elementType, 0)));
}

//===----------------------------------------------------------------------===//
// QuantizeLinear / DequantizeLinear
//===----------------------------------------------------------------------===//

template <typename OpTy>
static LogicalResult importQuantizeOrDequantize(NodeImporter &node) {
  constexpr bool isQuantize = std::is_same_v<OpTy, tl::QuantizeOp>;
  FailureOr<Value> x = node.getInput(0);
  FailureOr<Value> scale = node.getInput(1);
  FailureOr<Value> zeroPoint = getOptionalInput(node, 2);
  FailureOr<int64_t> axis = node.getInt("axis", 1);
  if (failed(x) || failed(scale) || failed(zeroPoint) || failed(axis))
    return failure();
  FailureOr<Value> s = asScalarIfSingle(node, *scale);
  if (failed(s))
    return failure();
  Value zp = *zeroPoint;
  if (!zp) {
    Type zpType = isQuantize
                      ? IntegerType::get(node.getContext(), 8,
                                         IntegerType::Unsigned)
                      : getType(*x).getElementType();
    zp = zeroLike(node, *s, zpType);
  } else {
    FailureOr<Value> z = asScalarIfSingle(node, zp);
    if (failed(z))
      return failure();
    zp = *z;
  }
  return setResult(node, node.create<OpTy>(*x, *s, zp,
                                           node.getBuilder().getI64IntegerAttr(
                                               *axis)));
}

//===----------------------------------------------------------------------===//
// DynamicQuantizeLinear
//===----------------------------------------------------------------------===//

static LogicalResult importDynamicQuantizeLinear(NodeImporter &node) {
  FailureOr<Value> x = node.getInput(0);
  if (failed(x))
    return failure();
  Type floatType = getType(*x).getElementType();
  if (!isa<FloatType>(floatType))
    return node.emitError() << "input must be floating-point";
  OpBuilder &b = node.getBuilder();
  BoolAttr noKeep = b.getBoolAttr(false);
  Value zero = node.scalar(floatType, 0.0);
  FailureOr<Value> low = node.create<tl::ReduceMinOp>(*x, DenseI64ArrayAttr(), noKeep);
  FailureOr<Value> high = node.create<tl::ReduceMaxOp>(*x, DenseI64ArrayAttr(), noKeep);
  if (failed(low) || failed(high))
    return failure();
  low = node.create<tl::MinOp>(*low, zero);
  high = node.create<tl::MaxOp>(*high, zero);
  if (failed(low) || failed(high))
    return failure();
  FailureOr<Value> range = node.create<tl::SubOp>(*high, *low);
  if (failed(range))
    return failure();
  FailureOr<Value> scale =
      node.create<tl::DivOp>(*range, node.scalar(floatType, 255.0));
  if (failed(scale))
    return failure();
  // zero point = saturate(round(0 - min / scale)) in [0, 255]
  FailureOr<Value> ratio = node.create<tl::DivOp>(*low, *scale);
  if (failed(ratio))
    return failure();
  FailureOr<Value> shifted = node.create<tl::NegOp>(*ratio);
  if (failed(shifted))
    return failure();
  FailureOr<Value> rounded = node.create<tl::RoundOp>(*shifted);
  if (failed(rounded))
    return failure();
  FailureOr<Value> clipped = node.create<tl::ClipOp>(
      *rounded, b.getF64FloatAttr(0.0), b.getF64FloatAttr(255.0));
  if (failed(clipped))
    return failure();
  Type u8 = IntegerType::get(node.getContext(), 8, IntegerType::Unsigned);
  FailureOr<Value> zeroPoint = castTo(node, *clipped, u8);
  if (failed(zeroPoint))
    return failure();
  FailureOr<Value> y = node.create<tl::QuantizeOp>(*x, *scale, *zeroPoint,
                                                   b.getI64IntegerAttr(1));
  if (failed(y))
    return failure();
  node.setOutput(0, *y);
  node.setOutput(1, *scale);
  node.setOutput(2, *zeroPoint);
  return success();
}

//===----------------------------------------------------------------------===//
// Integer matmul and convolution
//===----------------------------------------------------------------------===//

/// `value` converted to i32: a constant (zero points usually are) is
/// converted here, so that no unsigned constant reaches the lowering.
static FailureOr<Value> castToI32(NodeImporter &node, Value value) {
  Type i32 = IntegerType::get(node.getContext(), 32);
  auto constant = value.getDefiningOp<tl::ConstantOp>();
  auto dense = constant ? dyn_cast<DenseIntElementsAttr>(constant.getValue())
                        : DenseIntElementsAttr();
  if (!dense || dense.getElementType().isInteger(1) ||
      cast<IntegerType>(dense.getElementType()).getWidth() > 32)
    return castTo(node, value, i32);
  bool isUnsigned = dense.getElementType().isUnsignedInteger();
  SmallVector<APInt> values;
  for (const APInt &v : dense.getValues<APInt>())
    values.push_back(isUnsigned ? v.zext(32) : v.sext(32));
  return node.constant(DenseElementsAttr::get(
      RankedTensorType::get(dense.getType().getShape(), i32), values));
}

/// `value - zeroPoint` in i32 (`value` cast to i32 when no zero point).
/// A 1-D zero point of more than one element applies along `axis` of
/// `value` and is reshaped to broadcast there.
static FailureOr<Value> subtractZeroPoint(NodeImporter &node, Value value,
                                          Value zeroPoint, int64_t axis) {
  FailureOr<Value> wide = castToI32(node, value);
  if (failed(wide) || !zeroPoint)
    return wide;
  RankedTensorType zpType = getType(zeroPoint);
  if (zpType.getRank() > 1)
    return node.emitError() << "zero point must be a scalar or 1-D";
  if (zpType.getElementType() != getType(value).getElementType())
    return node.emitError() << "zero point must have its input's type";
  FailureOr<Value> zp = asScalarIfSingle(node, zeroPoint);
  if (failed(zp))
    return failure();
  zp = castToI32(node, *zp);
  if (failed(zp))
    return failure();
  int64_t rank = getType(value).getRank();
  if (getType(*zp).getRank() == 1 && axis != rank - 1) {
    // [n] -> [n, 1, ..., 1] to align with dim `axis`.
    SmallVector<int64_t> axes;
    for (int64_t d = axis + 1; d < rank; ++d)
      axes.push_back(d - axis);
    zp = node.create<tl::UnsqueezeOp>(
        *zp, node.getBuilder().getDenseI64ArrayAttr(axes));
    if (failed(zp))
      return failure();
  }
  return node.create<tl::SubOp>(*wide, *zp);
}

/// The i32 product of MatMulInteger / QLinearMatMul: operand a at input
/// `a`, its zero point at `aZp`, likewise for b. A's zero point is per row
/// (axis rank - 2), B's per column (the last axis).
static FailureOr<Value> integerMatmul(NodeImporter &node, unsigned a,
                                      unsigned aZp, unsigned b, unsigned bZp) {
  FailureOr<Value> lhs = node.getInput(a);
  FailureOr<Value> rhs = node.getInput(b);
  FailureOr<Value> lhsZp = getOptionalInput(node, aZp);
  FailureOr<Value> rhsZp = getOptionalInput(node, bZp);
  if (failed(lhs) || failed(rhs) || failed(lhsZp) || failed(rhsZp))
    return failure();
  int64_t lhsRank = getType(*lhs).getRank();
  int64_t rhsRank = getType(*rhs).getRank();
  FailureOr<Value> l =
      subtractZeroPoint(node, *lhs, *lhsZp, std::max<int64_t>(lhsRank - 2, 0));
  FailureOr<Value> r = subtractZeroPoint(node, *rhs, *rhsZp, rhsRank - 1);
  if (failed(l) || failed(r))
    return failure();
  return node.create<tl::MatMulOp>(*l, *r);
}

/// The i32 convolution of ConvInteger / QLinearConv (with an optional i32
/// bias): x's zero point is per tensor, w's per output channel.
static FailureOr<Value> integerConv(NodeImporter &node, unsigned x,
                                    unsigned xZp, unsigned w, unsigned wZp,
                                    Value bias) {
  FailureOr<Value> input = node.getInput(x);
  FailureOr<Value> weight = node.getInput(w);
  FailureOr<Value> inputZp = getOptionalInput(node, xZp);
  FailureOr<Value> weightZp = getOptionalInput(node, wZp);
  if (failed(input) || failed(weight) || failed(inputZp) || failed(weightZp))
    return failure();
  if (*inputZp && getType(*inputZp).getNumElements() != 1)
    return node.emitError() << "the input zero point must be a scalar";
  FailureOr<Value> i = subtractZeroPoint(node, *input, *inputZp, 0);
  FailureOr<Value> k = subtractZeroPoint(node, *weight, *weightZp, 0);
  if (failed(i) || failed(k))
    return failure();
  return buildConv(node, *i, *k, bias);
}

/// Quantizes the i32 accumulator `acc` whose real value is `acc * aScale *
/// bScale` (b's scale per `bAxis` of acc when 1-D) with the output scale and
/// zero point at inputs `yScale` and `yZp`.
static FailureOr<Value> requantize(NodeImporter &node, Value acc,
                                   unsigned aScale, unsigned bScale,
                                   int64_t bAxis, unsigned yScale,
                                   unsigned yZp) {
  FailureOr<Value> sa = node.getInput(aScale);
  FailureOr<Value> sb = node.getInput(bScale);
  FailureOr<Value> sy = node.getInput(yScale);
  FailureOr<Value> zy = node.getInput(yZp);
  if (failed(sa) || failed(sb) || failed(sy) || failed(zy))
    return failure();
  sa = asScalarIfSingle(node, *sa);
  sb = asScalarIfSingle(node, *sb);
  sy = asScalarIfSingle(node, *sy);
  zy = asScalarIfSingle(node, *zy);
  if (failed(sa) || failed(sb) || failed(sy) || failed(zy))
    return failure();
  if (getType(*sa).getRank() != 0 || getType(*sy).getRank() != 0 ||
      getType(*zy).getRank() != 0)
    return node.emitError()
           << "only per-tensor input and output scales are supported";
  int64_t rank = getType(acc).getRank();
  if (getType(*sb).getRank() == 1 && bAxis != rank - 1) {
    SmallVector<int64_t> axes;
    for (int64_t d = bAxis + 1; d < rank; ++d)
      axes.push_back(d - bAxis);
    sb = node.create<tl::UnsqueezeOp>(
        *sb, node.getBuilder().getDenseI64ArrayAttr(axes));
    if (failed(sb))
      return failure();
  }
  Type floatType = getType(*sy).getElementType();
  FailureOr<Value> real = castTo(node, acc, floatType);
  if (failed(real))
    return failure();
  FailureOr<Value> scale = node.create<tl::MulOp>(*sa, *sb);
  if (failed(scale))
    return failure();
  real = node.create<tl::MulOp>(*real, *scale);
  if (failed(real))
    return failure();
  return node.create<tl::QuantizeOp>(*real, *sy, *zy,
                                     node.getBuilder().getI64IntegerAttr(1));
}

static LogicalResult importMatMulInteger(NodeImporter &node) {
  return setResult(node, integerMatmul(node, 0, 2, 1, 3));
}

static LogicalResult importConvInteger(NodeImporter &node) {
  return setResult(node, integerConv(node, 0, 2, 1, 3, Value()));
}

static LogicalResult importQLinearMatMul(NodeImporter &node) {
  // a, a_scale, a_zero_point, b, b_scale, b_zero_point, y_scale, y_zero_point
  FailureOr<Value> acc = integerMatmul(node, 0, 2, 3, 5);
  if (failed(acc))
    return failure();
  return setResult(node, requantize(node, *acc, 1, 4, getType(*acc).getRank() - 1,
                                    6, 7));
}

static LogicalResult importQLinearConv(NodeImporter &node) {
  // x, x_scale, x_zero_point, w, w_scale, w_zero_point, y_scale,
  // y_zero_point, B
  FailureOr<Value> bias = getOptionalInput(node, 8);
  if (failed(bias))
    return failure();
  if (*bias && !getType(*bias).getElementType().isInteger(32))
    return node.emitError() << "bias must be int32";
  FailureOr<Value> acc = integerConv(node, 0, 2, 3, 5, *bias);
  if (failed(acc))
    return failure();
  return setResult(node, requantize(node, *acc, 1, 4, /*bAxis=*/1, 6, 7));
}

void mlir::tlc::onnx_import::addQuantImporters(ImportTable &table) {
  table["QuantizeLinear"] = importQuantizeOrDequantize<tl::QuantizeOp>;
  table["DequantizeLinear"] = importQuantizeOrDequantize<tl::DequantizeOp>;
  table["DynamicQuantizeLinear"] = importDynamicQuantizeLinear;
  table["MatMulInteger"] = importMatMulInteger;
  table["ConvInteger"] = importConvInteger;
  table["QLinearMatMul"] = importQLinearMatMul;
  table["QLinearConv"] = importQLinearConv;
}
