//===- ExportElementwise.cpp - tl math, activations, logic to ONNX
//---------===//

#include "ExporterContext.h"

#include "onnx/onnx_pb.h"

#include <cmath>

using namespace mlir;
using namespace mlir::tlc;
using namespace mlir::tlc::onnx_export;

static Type getElementType(Value value) {
  return getTensorType(value).getElementType();
}

/// The op's operands with their element types.
static SmallVector<std::pair<std::string, Type>> getOperands(OpExporter &ex) {
  SmallVector<std::pair<std::string, Type>> operands;
  for (auto [i, operand] : llvm::enumerate(ex.getOp()->getOperands()))
    operands.emplace_back(ex.input(i), getElementType(operand));
  return operands;
}

/// One ONNX node of `opType` on the op's operands, producing its result;
/// operand types the operator lacks at the target opset are widened.
static ExportFunction direct(StringRef opType) {
  std::string name = opType.str();
  return [name](OpExporter &ex) -> LogicalResult {
    if (!ex.hasOp(name))
      return ex.emitError() << "ONNX " << name << " is not defined";
    Operation *op = ex.getOp();
    return success(ex.nodeWithCasts(name, getOperands(ex), ex.output(),
                                    getElementType(op->getResult(0))));
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
  return success(
      ex.nodeWithCasts("Max", {{ex.input(0), type}, {ex.scalar(type, 0), type}},
                       ex.output(), type));
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
    std::string poly =
        ex.emit("Add", {x, ex.emit("Mul", {cube, ex.scalar(type, 0.044715)})});
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
  if (low) {
    std::string result = high ? ex.temp("max") : ex.output();
    if (!ex.nodeWithCasts("Max", {{value, type}, {ex.scalar(type, *low), type}},
                          result, type))
      return failure();
    value = result;
  }
  if (high)
    return success(
        ex.nodeWithCasts("Min", {{value, type}, {ex.scalar(type, *high), type}},
                         ex.output(), type));
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
  onnx::NodeProto *node = ex.nodeWithCasts("Mod", getOperands(ex), ex.output(),
                                           getElementType(op.getOutput()));
  if (node && op.getFmod())
    setInt(*node, "fmod", 1);
  return success(node);
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
  add(tl::ExpOp::getOperationName(), direct("Exp"));
  add(tl::LogOp::getOperationName(), direct("Log"));
  add(tl::SqrtOp::getOperationName(), direct("Sqrt"));
  add(tl::RsqrtOp::getOperationName(), exportRsqrt);
  add(tl::ReciprocalOp::getOperationName(), direct("Reciprocal"));
  add(tl::FloorOp::getOperationName(), direct("Floor"));
  add(tl::CeilOp::getOperationName(), direct("Ceil"));
  add(tl::RoundOp::getOperationName(), direct("Round"));
  add(tl::SinOp::getOperationName(), direct("Sin"));
  add(tl::CosOp::getOperationName(), direct("Cos"));
  add(tl::TanOp::getOperationName(), direct("Tan"));
  add(tl::AsinOp::getOperationName(), direct("Asin"));
  add(tl::AcosOp::getOperationName(), direct("Acos"));
  add(tl::AtanOp::getOperationName(), direct("Atan"));
  add(tl::SinhOp::getOperationName(), direct("Sinh"));
  add(tl::CoshOp::getOperationName(), direct("Cosh"));
  add(tl::AsinhOp::getOperationName(), direct("Asinh"));
  add(tl::AcoshOp::getOperationName(), direct("Acosh"));
  add(tl::AtanhOp::getOperationName(), direct("Atanh"));
  add(tl::ErfOp::getOperationName(), direct("Erf"));
  add(tl::NotOp::getOperationName(), direct("Not"));
  add(tl::IsNaNOp::getOperationName(), direct("IsNaN"));
  add(tl::IsInfOp::getOperationName(), exportIsInf);
  // Activations.
  add(tl::ReluOp::getOperationName(), exportRelu);
  add(tl::SigmoidOp::getOperationName(), direct("Sigmoid"));
  add(tl::TanhOp::getOperationName(), direct("Tanh"));
  add(tl::HardSwishOp::getOperationName(), exportHardSwish);
  add(tl::SiluOp::getOperationName(), exportSilu);
  add(tl::SoftplusOp::getOperationName(), direct("Softplus"));
  add(tl::SoftsignOp::getOperationName(), direct("Softsign"));
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
