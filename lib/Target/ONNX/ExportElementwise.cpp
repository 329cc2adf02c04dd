//===- ExportElementwise.cpp - tl math, activations, logic to ONNX ---------===//

#include "ExporterContext.h"

#include "onnx/onnx_pb.h"

#include <cmath>

using namespace mlir;
using namespace mlir::tlc;
using namespace mlir::tlc::onnx_export;

static Type getElementType(Value value) {
  return getTensorType(value).getElementType();
}

/// One ONNX node of `opType` on the op's operands, producing its result.
static ExportFunction direct(StringRef opType) {
  std::string name = opType.str();
  return [name](OpExporter &ex) -> LogicalResult {
    std::vector<std::string> inputs;
    for (unsigned i = 0, e = ex.getOp()->getNumOperands(); i < e; ++i)
      inputs.push_back(ex.input(i));
    ex.node(name, inputs, {ex.output()});
    return success();
  };
}

/// A unary op whose ONNX form may not take the element type at the target
/// opset (bf16 and f16 math): computed in f32 between two Casts.
static ExportFunction unaryOrViaF32(StringRef opType) {
  std::string name = opType.str();
  return [name](OpExporter &ex) -> LogicalResult {
    Type type = getElementType(ex.getOp()->getOperand(0));
    if (!ex.hasOp(name))
      return ex.emitError() << "ONNX " << name << " is not defined";
    if (ex.acceptsType(name, 0, type)) {
      ex.node(name, {ex.input(0)}, {ex.output()});
      return success();
    }
    Type f32 = Float32Type::get(ex.getContext());
    if (!isa<FloatType>(type) || !ex.acceptsType(name, 0, f32))
      return ex.emitError() << "ONNX " << name << " does not take " << type;
    onnx::NodeProto &up = ex.node("Cast", {ex.input(0)}, {ex.temp("f32")});
    setInt(up, "to", *getONNXDataType(f32));
    std::string result = ex.emit(name, {up.output(0)});
    onnx::NodeProto &down = ex.node("Cast", {result}, {ex.output()});
    setInt(down, "to", *getONNXDataType(type));
    return success();
  };
}

//===----------------------------------------------------------------------===//
// Activations
//===----------------------------------------------------------------------===//

static LogicalResult exportRelu(OpExporter &ex) {
  Type type = getElementType(ex.getOp()->getOperand(0));
  if (ex.acceptsType("Relu", 0, type)) {
    ex.node("Relu", {ex.input(0)}, {ex.output()});
    return success();
  }
  // Integer Relu arrives in opset 14: max(x, 0).
  ex.node("Max", {ex.input(0), ex.scalar(type, 0)}, {ex.output()});
  return success();
}

static LogicalResult exportRsqrt(OpExporter &ex) {
  std::string root = ex.emit("Sqrt", {ex.input(0)});
  ex.node("Reciprocal", {root}, {ex.output()});
  return success();
}

static LogicalResult exportIsInf(OpExporter &ex) {
  auto op = cast<tl::IsInfOp>(ex.getOp());
  onnx::NodeProto &node = ex.node("IsInf", {ex.input(0)}, {ex.output()});
  setInt(node, "detect_negative", op.getDetectNegative());
  setInt(node, "detect_positive", op.getDetectPositive());
  return success();
}

static LogicalResult exportLeakyRelu(OpExporter &ex) {
  auto op = cast<tl::LeakyReluOp>(ex.getOp());
  setFloat(ex.node("LeakyRelu", {ex.input(0)}, {ex.output()}), "alpha",
           op.getAlpha().convertToDouble());
  return success();
}

static LogicalResult exportElu(OpExporter &ex) {
  auto op = cast<tl::EluOp>(ex.getOp());
  setFloat(ex.node("Elu", {ex.input(0)}, {ex.output()}), "alpha",
           op.getAlpha().convertToDouble());
  return success();
}

static LogicalResult exportSelu(OpExporter &ex) {
  auto op = cast<tl::SeluOp>(ex.getOp());
  onnx::NodeProto &node = ex.node("Selu", {ex.input(0)}, {ex.output()});
  setFloat(node, "alpha", op.getAlpha().convertToDouble());
  setFloat(node, "gamma", op.getGamma().convertToDouble());
  return success();
}

/// Celu (opset 12, f32 only), else alpha * Elu(x / alpha): for x >= 0 both
/// are x, below alpha * (exp(x / alpha) - 1).
static LogicalResult exportCelu(OpExporter &ex) {
  auto op = cast<tl::CeluOp>(ex.getOp());
  double alpha = op.getAlpha().convertToDouble();
  Type type = getElementType(op.getInput());
  if (ex.acceptsType("Celu", 0, type)) {
    setFloat(ex.node("Celu", {ex.input(0)}, {ex.output()}), "alpha", alpha);
    return success();
  }
  std::string alphaValue = ex.scalar(type, alpha);
  std::string scaled = ex.emit("Div", {ex.input(0), alphaValue});
  std::string elu = ex.emit("Elu", {scaled});
  ex.node("Mul", {elu, alphaValue}, {ex.output()});
  return success();
}

static LogicalResult exportHardSigmoid(OpExporter &ex) {
  auto op = cast<tl::HardSigmoidOp>(ex.getOp());
  onnx::NodeProto &node = ex.node("HardSigmoid", {ex.input(0)}, {ex.output()});
  setFloat(node, "alpha", op.getAlpha().convertToDouble());
  setFloat(node, "beta", op.getBeta().convertToDouble());
  return success();
}

/// HardSwish (opset 14), else x * HardSigmoid(x, 1/6, 1/2).
static LogicalResult exportHardSwish(OpExporter &ex) {
  Type type = getElementType(ex.getOp()->getOperand(0));
  if (ex.acceptsType("HardSwish", 0, type)) {
    ex.node("HardSwish", {ex.input(0)}, {ex.output()});
    return success();
  }
  std::string x = ex.input(0);
  std::string gate = ex.temp("hardsigmoid");
  onnx::NodeProto &node = ex.node("HardSigmoid", {x}, {gate});
  setFloat(node, "alpha", 1.0 / 6.0);
  setFloat(node, "beta", 0.5);
  ex.node("Mul", {x, gate}, {ex.output()});
  return success();
}

/// x * Sigmoid(x) (ONNX has no SiLU/Swish op).
static LogicalResult exportSilu(OpExporter &ex) {
  std::string x = ex.input(0);
  ex.node("Mul", {x, ex.emit("Sigmoid", {x})}, {ex.output()});
  return success();
}

/// x * Tanh(Softplus(x)) (Mish arrives in opset 18).
static LogicalResult exportMish(OpExporter &ex) {
  std::string x = ex.input(0);
  std::string tanh = ex.emit("Tanh", {ex.emit("Softplus", {x})});
  ex.node("Mul", {x, tanh}, {ex.output()});
  return success();
}

/// Gelu arrives in opset 20: its function body.
///   none: x * 0.5 * (1 + Erf(x / sqrt(2)))
///   tanh: x * 0.5 * (1 + Tanh(sqrt(2 / pi) * (x + 0.044715 * x^3)))
static LogicalResult exportGelu(OpExporter &ex) {
  auto op = cast<tl::GeluOp>(ex.getOp());
  Type type = getElementType(op.getInput());
  std::string x = ex.input(0);
  std::string inner;
  if (op.getApproximate() == tl::GeluApproximation::none) {
    std::string scaled = ex.emit("Div", {x, ex.scalar(type, std::sqrt(2.0))});
    inner = ex.emit("Erf", {scaled});
  } else {
    std::string cube = ex.emit("Mul", {ex.emit("Mul", {x, x}), x});
    std::string poly = ex.emit(
        "Add", {x, ex.emit("Mul", {cube, ex.scalar(type, 0.044715)})});
    std::string scaled =
        ex.emit("Mul", {poly, ex.scalar(type, std::sqrt(2.0 / M_PI))});
    inner = ex.emit("Tanh", {scaled});
  }
  std::string onePlus = ex.emit("Add", {inner, ex.scalar(type, 1.0)});
  std::string half = ex.emit("Mul", {x, ex.scalar(type, 0.5)});
  ex.node("Mul", {half, onePlus}, {ex.output()});
  return success();
}

/// Clip with min/max inputs (opset 11; integers from 12), else Max/Min.
static LogicalResult exportClip(OpExporter &ex) {
  auto op = cast<tl::ClipOp>(ex.getOp());
  Type type = getElementType(op.getInput());
  std::optional<double> low, high;
  if (op.getMin())
    low = op.getMin()->convertToDouble();
  if (op.getMax())
    high = op.getMax()->convertToDouble();
  if (ex.acceptsType("Clip", 0, type)) {
    std::vector<std::string> inputs{ex.input(0)};
    inputs.push_back(low ? ex.scalar(type, *low) : "");
    if (high)
      inputs.push_back(ex.scalar(type, *high));
    ex.node("Clip", inputs, {ex.output()});
    return success();
  }
  std::string value = ex.input(0);
  if (!low && !high) {
    ex.node("Identity", {value}, {ex.output()});
    return success();
  }
  if (low)
    value = high ? ex.emit("Max", {value, ex.scalar(type, *low)})
                 : ex.emit("Max", {value, ex.scalar(type, *low)}, ex.output());
  if (high)
    ex.node("Min", {value, ex.scalar(type, *high)}, {ex.output()});
  return success();
}

static LogicalResult exportCast(OpExporter &ex) {
  auto op = cast<tl::CastOp>(ex.getOp());
  onnx::NodeProto &node = ex.node("Cast", {ex.input(0)}, {ex.output()});
  setInt(node, "to", *getONNXDataType(getElementType(op.getOutput())));
  return success();
}

//===----------------------------------------------------------------------===//
// Binary ops
//===----------------------------------------------------------------------===//

static LogicalResult exportMod(OpExporter &ex) {
  auto op = cast<tl::ModOp>(ex.getOp());
  onnx::NodeProto &node =
      ex.node("Mod", {ex.input(0), ex.input(1)}, {ex.output()});
  if (op.getFmod())
    setInt(node, "fmod", 1);
  return success();
}

/// LessOrEqual / GreaterOrEqual arrive in opset 12: Not(Greater) / Not(Less)
/// before (equivalent without NaNs).
static ExportFunction orEqual(StringRef opType, StringRef negated) {
  std::string name = opType.str(), inverse = negated.str();
  return [name, inverse](OpExporter &ex) -> LogicalResult {
    if (ex.hasOp(name)) {
      ex.node(name, {ex.input(0), ex.input(1)}, {ex.output()});
      return success();
    }
    std::string opposite = ex.emit(inverse, {ex.input(0), ex.input(1)});
    ex.node("Not", {opposite}, {ex.output()});
    return success();
  };
}

void mlir::tlc::onnx_export::addElementwiseExporters(ExportTable &table) {
  auto add = [&](StringRef opName, ExportFunction fn) {
    table[opName] = std::move(fn);
  };
  // Unary math.
  add(tl::AbsOp::getOperationName(), direct("Abs"));
  add(tl::NegOp::getOperationName(), direct("Neg"));
  add(tl::SignOp::getOperationName(), direct("Sign"));
  add(tl::ExpOp::getOperationName(), unaryOrViaF32("Exp"));
  add(tl::LogOp::getOperationName(), unaryOrViaF32("Log"));
  add(tl::SqrtOp::getOperationName(), unaryOrViaF32("Sqrt"));
  add(tl::RsqrtOp::getOperationName(), exportRsqrt);
  add(tl::ReciprocalOp::getOperationName(), unaryOrViaF32("Reciprocal"));
  add(tl::FloorOp::getOperationName(), unaryOrViaF32("Floor"));
  add(tl::CeilOp::getOperationName(), unaryOrViaF32("Ceil"));
  add(tl::RoundOp::getOperationName(), unaryOrViaF32("Round"));
  add(tl::SinOp::getOperationName(), unaryOrViaF32("Sin"));
  add(tl::CosOp::getOperationName(), unaryOrViaF32("Cos"));
  add(tl::TanOp::getOperationName(), unaryOrViaF32("Tan"));
  add(tl::AsinOp::getOperationName(), unaryOrViaF32("Asin"));
  add(tl::AcosOp::getOperationName(), unaryOrViaF32("Acos"));
  add(tl::AtanOp::getOperationName(), unaryOrViaF32("Atan"));
  add(tl::SinhOp::getOperationName(), unaryOrViaF32("Sinh"));
  add(tl::CoshOp::getOperationName(), unaryOrViaF32("Cosh"));
  add(tl::AsinhOp::getOperationName(), unaryOrViaF32("Asinh"));
  add(tl::AcoshOp::getOperationName(), unaryOrViaF32("Acosh"));
  add(tl::AtanhOp::getOperationName(), unaryOrViaF32("Atanh"));
  add(tl::ErfOp::getOperationName(), unaryOrViaF32("Erf"));
  add(tl::NotOp::getOperationName(), direct("Not"));
  add(tl::IsNaNOp::getOperationName(), direct("IsNaN"));
  add(tl::IsInfOp::getOperationName(), exportIsInf);
  // Activations.
  add(tl::ReluOp::getOperationName(), exportRelu);
  add(tl::SigmoidOp::getOperationName(), unaryOrViaF32("Sigmoid"));
  add(tl::TanhOp::getOperationName(), unaryOrViaF32("Tanh"));
  add(tl::HardSwishOp::getOperationName(), exportHardSwish);
  add(tl::SiluOp::getOperationName(), exportSilu);
  add(tl::SoftplusOp::getOperationName(), unaryOrViaF32("Softplus"));
  add(tl::SoftsignOp::getOperationName(), unaryOrViaF32("Softsign"));
  add(tl::MishOp::getOperationName(), exportMish);
  add(tl::LeakyReluOp::getOperationName(), exportLeakyRelu);
  add(tl::EluOp::getOperationName(), exportElu);
  add(tl::SeluOp::getOperationName(), exportSelu);
  add(tl::CeluOp::getOperationName(), exportCelu);
  add(tl::HardSigmoidOp::getOperationName(), exportHardSigmoid);
  add(tl::GeluOp::getOperationName(), exportGelu);
  add(tl::ClipOp::getOperationName(), exportClip);
  add(tl::CastOp::getOperationName(), exportCast);
  // Binary ops.
  add(tl::AddOp::getOperationName(), direct("Add"));
  add(tl::SubOp::getOperationName(), direct("Sub"));
  add(tl::MulOp::getOperationName(), direct("Mul"));
  add(tl::DivOp::getOperationName(), direct("Div"));
  add(tl::PowOp::getOperationName(), direct("Pow"));
  add(tl::MaxOp::getOperationName(), direct("Max"));
  add(tl::MinOp::getOperationName(), direct("Min"));
  add(tl::ModOp::getOperationName(), exportMod);
  add(tl::PReluOp::getOperationName(), direct("PRelu"));
  add(tl::AndOp::getOperationName(), direct("And"));
  add(tl::OrOp::getOperationName(), direct("Or"));
  add(tl::XorOp::getOperationName(), direct("Xor"));
  add(tl::EqualOp::getOperationName(), direct("Equal"));
  add(tl::LessOp::getOperationName(), direct("Less"));
  add(tl::LessEqualOp::getOperationName(), orEqual("LessOrEqual", "Greater"));
  add(tl::GreaterOp::getOperationName(), direct("Greater"));
  add(tl::GreaterEqualOp::getOperationName(),
      orEqual("GreaterOrEqual", "Less"));
  add(tl::SelectOp::getOperationName(), direct("Where"));
}
