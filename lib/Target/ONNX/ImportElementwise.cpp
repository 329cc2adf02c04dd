//===- ImportElementwise.cpp - ONNX math, logic and activations -----------===//

#include "ImporterContext.h"

#include <cfloat>

using namespace mlir;
using namespace mlir::tlc;
using namespace mlir::tlc::onnx_import;

/// Binds output 0 to `value` when it succeeded.
//===----------------------------------------------------------------------===//
// Unary ops
//===----------------------------------------------------------------------===//

template <typename OpTy>
static LogicalResult importUnary(NodeImporter &node) {
  FailureOr<Value> x = node.getInput(0);
  if (failed(x))
    return failure();
  return setResult(node, node.create<OpTy>(*x));
}

/// An activation with one float attribute `name` (default `defaultValue`)
/// mapped to the tl op's attribute of the same meaning.
template <typename OpTy>
static LogicalResult importWithAlpha(NodeImporter &node, StringRef name,
                                     double defaultValue) {
  FailureOr<Value> x = node.getInput(0);
  FailureOr<double> alpha = node.getFloat(name, defaultValue);
  if (failed(x) || failed(alpha))
    return failure();
  return setResult(
      node, node.create<OpTy>(*x, node.getBuilder().getF64FloatAttr(*alpha)));
}

static LogicalResult importLeakyRelu(NodeImporter &node) {
  return importWithAlpha<tl::LeakyReluOp>(node, "alpha", 0.01);
}
static LogicalResult importElu(NodeImporter &node) {
  return importWithAlpha<tl::EluOp>(node, "alpha", 1.0);
}
static LogicalResult importCelu(NodeImporter &node) {
  return importWithAlpha<tl::CeluOp>(node, "alpha", 1.0);
}

static LogicalResult importSelu(NodeImporter &node) {
  FailureOr<Value> x = node.getInput(0);
  FailureOr<double> alpha = node.getFloat("alpha", 1.67326319217681884765625);
  FailureOr<double> gamma = node.getFloat("gamma", 1.05070102214813232421875);
  if (failed(x) || failed(alpha) || failed(gamma))
    return failure();
  OpBuilder &b = node.getBuilder();
  return setResult(node,
                   node.create<tl::SeluOp>(*x, b.getF64FloatAttr(*alpha),
                                           b.getF64FloatAttr(*gamma)));
}

static LogicalResult importHardSigmoid(NodeImporter &node) {
  FailureOr<Value> x = node.getInput(0);
  FailureOr<double> alpha = node.getFloat("alpha", 0.2);
  FailureOr<double> beta = node.getFloat("beta", 0.5);
  if (failed(x) || failed(alpha) || failed(beta))
    return failure();
  OpBuilder &b = node.getBuilder();
  return setResult(node,
                   node.create<tl::HardSigmoidOp>(*x, b.getF64FloatAttr(*alpha),
                                                  b.getF64FloatAttr(*beta)));
}

static Type getElementType(Value value) {
  return cast<RankedTensorType>(value.getType()).getElementType();
}

/// ThresholdedRelu: x > alpha ? x : 0.
static LogicalResult importThresholdedRelu(NodeImporter &node) {
  FailureOr<Value> x = node.getInput(0);
  FailureOr<double> alpha = node.getFloat("alpha", 1.0);
  if (failed(x) || failed(alpha))
    return failure();
  Type type = getElementType(*x);
  FailureOr<Value> above =
      node.create<tl::GreaterOp>(*x, node.scalar(type, *alpha));
  if (failed(above))
    return failure();
  return setResult(node, node.create<tl::SelectOp>(*above, *x,
                                                   node.scalar(type, 0)));
}

/// Shrink: x < -lambd ? x + bias : (x > lambd ? x - bias : 0).
static LogicalResult importShrink(NodeImporter &node) {
  FailureOr<Value> x = node.getInput(0);
  FailureOr<double> bias = node.getFloat("bias", 0.0);
  FailureOr<double> lambd = node.getFloat("lambd", 0.5);
  if (failed(x) || failed(bias) || failed(lambd))
    return failure();
  Type type = getElementType(*x);
  FailureOr<Value> below =
      node.create<tl::LessOp>(*x, node.scalar(type, -*lambd));
  FailureOr<Value> above =
      failed(below) ? below
                    : node.create<tl::GreaterOp>(*x, node.scalar(type, *lambd));
  FailureOr<Value> plus =
      failed(above) ? above
                    : node.create<tl::AddOp>(*x, node.scalar(type, *bias));
  FailureOr<Value> minus =
      failed(plus) ? plus
                   : node.create<tl::SubOp>(*x, node.scalar(type, *bias));
  FailureOr<Value> inner =
      failed(minus) ? minus
                    : node.create<tl::SelectOp>(*above, *minus,
                                                node.scalar(type, 0));
  if (failed(inner))
    return failure();
  return setResult(node, node.create<tl::SelectOp>(*below, *plus, *inner));
}

static LogicalResult importIsInf(NodeImporter &node) {
  FailureOr<Value> x = node.getInput(0);
  FailureOr<int64_t> positive = node.getInt("detect_positive", 1);
  FailureOr<int64_t> negative = node.getInt("detect_negative", 1);
  if (failed(x) || failed(positive) || failed(negative))
    return failure();
  OpBuilder &b = node.getBuilder();
  return setResult(node, node.create<tl::IsInfOp>(*x, b.getBoolAttr(*positive),
                                                  b.getBoolAttr(*negative)));
}

/// Clip: bounds are attributes before opset 11 and optional inputs after.
/// Constant bounds become tl.clip attributes; runtime bounds tl.max/tl.min.
static LogicalResult importClip(NodeImporter &node) {
  FailureOr<Value> x = node.getInput(0);
  if (failed(x))
    return failure();
  OpBuilder &b = node.getBuilder();
  FloatAttr minAttr, maxAttr;
  if (node.getOpset() < 11) {
    FailureOr<double> min = node.getFloat("min", -FLT_MAX);
    FailureOr<double> max = node.getFloat("max", FLT_MAX);
    if (failed(min) || failed(max))
      return failure();
    if (node.hasAttr("min"))
      minAttr = b.getF64FloatAttr(*min);
    if (node.hasAttr("max"))
      maxAttr = b.getF64FloatAttr(*max);
    return setResult(node, node.create<tl::ClipOp>(*x, minAttr, maxAttr));
  }
  Value result = *x;
  for (unsigned i : {1u, 2u}) {
    if (!node.hasInput(i))
      continue;
    std::optional<FoldedTensor> bound = node.getInputFolded(i);
    if (bound && bound->isFullyKnown() && bound->size() == 1) {
      double value = bound->isFloat() ? bound->floats.front()
                                      : double(bound->ints.front().value);
      (i == 1 ? minAttr : maxAttr) = b.getF64FloatAttr(value);
      continue;
    }
    // A bound computed at run time.
    FailureOr<Value> limit = node.getInput(i);
    if (failed(limit))
      return failure();
    FailureOr<Value> clamped =
        i == 1 ? node.create<tl::MaxOp>(result, *limit)
               : node.create<tl::MinOp>(result, *limit);
    if (failed(clamped))
      return failure();
    result = *clamped;
  }
  if (minAttr || maxAttr)
    return setResult(node, node.create<tl::ClipOp>(result, minAttr, maxAttr));
  node.setOutput(0, result);
  return success();
}

//===----------------------------------------------------------------------===//
// Binary ops
//===----------------------------------------------------------------------===//

/// Both operands of a binary op, with the pre-opset-7 broadcast attributes
/// applied to the rhs.
static FailureOr<std::pair<Value, Value>> getBinaryOperands(NodeImporter &node) {
  FailureOr<Value> lhs = node.getInput(0);
  FailureOr<Value> rhs = node.getInput(1);
  if (failed(lhs) || failed(rhs))
    return failure();
  FailureOr<Value> aligned = applyLegacyBroadcast(node, *lhs, *rhs);
  if (failed(aligned))
    return failure();
  return std::make_pair(*lhs, *aligned);
}

template <typename OpTy>
static LogicalResult importBinary(NodeImporter &node) {
  FailureOr<std::pair<Value, Value>> operands = getBinaryOperands(node);
  if (failed(operands))
    return failure();
  return setResult(node, node.create<OpTy>(operands->first, operands->second));
}

/// Pow: since opset 12 the exponent may have another element type than the
/// base; tl.pow takes one, so the exponent is cast to the base's.
static LogicalResult importPow(NodeImporter &node) {
  FailureOr<std::pair<Value, Value>> operands = getBinaryOperands(node);
  if (failed(operands))
    return failure();
  FailureOr<Value> exponent =
      castTo(node, operands->second, getElementType(operands->first));
  if (failed(exponent))
    return failure();
  return setResult(node, node.create<tl::PowOp>(operands->first, *exponent));
}

static LogicalResult importMod(NodeImporter &node) {
  FailureOr<std::pair<Value, Value>> operands = getBinaryOperands(node);
  FailureOr<int64_t> fmod = node.getInt("fmod", 0);
  if (failed(operands) || failed(fmod))
    return failure();
  if (!*fmod && isa<FloatType>(getElementType(operands->first)))
    return node.emitError() << "floating-point Mod requires fmod = 1";
  return setResult(node, node.create<tl::ModOp>(
                             operands->first, operands->second,
                             node.getBuilder().getBoolAttr(*fmod != 0)));
}

static LogicalResult importPRelu(NodeImporter &node) {
  FailureOr<Value> x = node.getInput(0);
  FailureOr<Value> slope = node.getInput(1);
  if (failed(x) || failed(slope))
    return failure();
  // Before opset 7 a 1-D slope of C elements applied per channel (dim 1);
  // numpy broadcasting would align it with the last dim instead.
  auto xType = cast<RankedTensorType>(x->getType());
  auto slopeType = cast<RankedTensorType>(slope->getType());
  if (node.getOpset() < 7 && slopeType.getRank() == 1 && xType.getRank() > 2 &&
      slopeType.getDimSize(0) != 1) {
    SmallVector<int64_t> axes;
    for (int64_t i = 1; i < xType.getRank() - 1; ++i)
      axes.push_back(i);
    FailureOr<Value> aligned = node.create<tl::UnsqueezeOp>(*slope, axes);
    if (failed(aligned))
      return failure();
    slope = aligned;
  }
  return setResult(node, node.create<tl::PReluOp>(*x, *slope));
}

static LogicalResult importWhere(NodeImporter &node) {
  FailureOr<Value> cond = node.getInput(0);
  FailureOr<Value> onTrue = node.getInput(1);
  FailureOr<Value> onFalse = node.getInput(2);
  if (failed(cond) || failed(onTrue) || failed(onFalse))
    return failure();
  return setResult(node, node.create<tl::SelectOp>(*cond, *onTrue, *onFalse));
}

//===----------------------------------------------------------------------===//
// Variadic ops: folded into chains of binary ops
//===----------------------------------------------------------------------===//

template <typename OpTy>
static FailureOr<Value> foldVariadic(NodeImporter &node) {
  if (node.getNumInputs() == 0)
    return node.emitError() << "requires at least one input";
  FailureOr<Value> result = node.getInput(0);
  for (unsigned i = 1; i < node.getNumInputs() && succeeded(result); ++i) {
    FailureOr<Value> next = node.getInput(i);
    if (failed(next))
      return failure();
    result = node.create<OpTy>(*result, *next);
  }
  return result;
}

template <typename OpTy>
static LogicalResult importVariadic(NodeImporter &node) {
  return setResult(node, foldVariadic<OpTy>(node));
}

static LogicalResult importMean(NodeImporter &node) {
  FailureOr<Value> sum = foldVariadic<tl::AddOp>(node);
  if (failed(sum))
    return failure();
  if (node.getNumInputs() == 1) {
    node.setOutput(0, *sum);
    return success();
  }
  Value count = node.scalar(getElementType(*sum), node.getNumInputs());
  return setResult(node, node.create<tl::DivOp>(*sum, count));
}

void mlir::tlc::onnx_import::addElementwiseImporters(ImportTable &table) {
  // Unary math.
  table["Abs"] = importUnary<tl::AbsOp>;
  table["Neg"] = importUnary<tl::NegOp>;
  table["Sign"] = importUnary<tl::SignOp>;
  table["Exp"] = importUnary<tl::ExpOp>;
  table["Log"] = importUnary<tl::LogOp>;
  table["Sqrt"] = importUnary<tl::SqrtOp>;
  table["Reciprocal"] = importUnary<tl::ReciprocalOp>;
  table["Floor"] = importUnary<tl::FloorOp>;
  table["Ceil"] = importUnary<tl::CeilOp>;
  table["Round"] = importUnary<tl::RoundOp>;
  table["Sin"] = importUnary<tl::SinOp>;
  table["Cos"] = importUnary<tl::CosOp>;
  table["Tan"] = importUnary<tl::TanOp>;
  table["Asin"] = importUnary<tl::AsinOp>;
  table["Acos"] = importUnary<tl::AcosOp>;
  table["Atan"] = importUnary<tl::AtanOp>;
  table["Sinh"] = importUnary<tl::SinhOp>;
  table["Cosh"] = importUnary<tl::CoshOp>;
  table["Asinh"] = importUnary<tl::AsinhOp>;
  table["Acosh"] = importUnary<tl::AcoshOp>;
  table["Atanh"] = importUnary<tl::AtanhOp>;
  table["Erf"] = importUnary<tl::ErfOp>;
  table["Not"] = importUnary<tl::NotOp>;
  table["IsNaN"] = importUnary<tl::IsNaNOp>;
  table["IsInf"] = importIsInf;
  // Activations.
  table["Relu"] = importUnary<tl::ReluOp>;
  table["Sigmoid"] = importUnary<tl::SigmoidOp>;
  table["Tanh"] = importUnary<tl::TanhOp>;
  table["HardSwish"] = importUnary<tl::HardSwishOp>;
  table["Softplus"] = importUnary<tl::SoftplusOp>;
  table["Softsign"] = importUnary<tl::SoftsignOp>;
  table["Mish"] = importUnary<tl::MishOp>;
  table["LeakyRelu"] = importLeakyRelu;
  table["Elu"] = importElu;
  table["Selu"] = importSelu;
  table["Celu"] = importCelu;
  table["HardSigmoid"] = importHardSigmoid;
  table["ThresholdedRelu"] = importThresholdedRelu;
  table["Shrink"] = importShrink;
  table["Clip"] = importClip;
  table["PRelu"] = importPRelu;
  // Binary ops.
  table["Add"] = importBinary<tl::AddOp>;
  table["Sub"] = importBinary<tl::SubOp>;
  table["Mul"] = importBinary<tl::MulOp>;
  table["Div"] = importBinary<tl::DivOp>;
  table["Pow"] = importPow;
  table["Mod"] = importMod;
  table["And"] = importBinary<tl::AndOp>;
  table["Or"] = importBinary<tl::OrOp>;
  table["Xor"] = importBinary<tl::XorOp>;
  table["Equal"] = importBinary<tl::EqualOp>;
  table["Less"] = importBinary<tl::LessOp>;
  table["LessOrEqual"] = importBinary<tl::LessEqualOp>;
  table["Greater"] = importBinary<tl::GreaterOp>;
  table["GreaterOrEqual"] = importBinary<tl::GreaterEqualOp>;
  table["Where"] = importWhere;
  // Variadic ops.
  table["Sum"] = importVariadic<tl::AddOp>;
  table["Max"] = importVariadic<tl::MaxOp>;
  table["Min"] = importVariadic<tl::MinOp>;
  table["Mean"] = importMean;
}
