//===- Elementwise.cpp - tl elementwise ops to linalg.generic -------------===//
//
// Unary math, activations, casts, predicates and the broadcasting binary ops.
// Each op becomes one all-parallel linalg.generic over its (broadcast)
// operands; one pattern template serves them all, parameterized by the scalar
// body. Semantics follow ONNX (and numpy where ONNX is silent): max/min
// propagate NaN, integer division truncates, float to integer truncates
// toward zero, round is half to even.
//
//===----------------------------------------------------------------------===//

#include "ElementwiseUtils.h"
#include "tlc/Conversion/TLToLinalg/TLToLinalg.h"

#include "tl/IR/TLOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/IR/TypeUtilities.h"
#include "mlir/Transforms/DialectConversion.h"
#include "llvm/Support/MathExtras.h"

#include <cmath>

using namespace mlir;
using namespace mlir::tlc;
using namespace mlir::tlc::ew;

//===----------------------------------------------------------------------===//
// Scalar building blocks. Operands are in compute types (signless integers,
// f32 for f16/bf16); `isUnsigned` comes from the tl element type.
//===----------------------------------------------------------------------===//

static bool isFloat(Value v) { return isa<FloatType>(v.getType()); }

static Value cst(OpBuilder &b, Location loc, Value like, double value) {
  return createScalarConstant(b, loc, like.getType(), value);
}

static Value add(OpBuilder &b, Location loc, Value x, Value y) {
  if (isFloat(x))
    return arith::AddFOp::create(b, loc, x, y);
  return arith::AddIOp::create(b, loc, x, y);
}

static Value sub(OpBuilder &b, Location loc, Value x, Value y) {
  if (isFloat(x))
    return arith::SubFOp::create(b, loc, x, y);
  return arith::SubIOp::create(b, loc, x, y);
}

static Value mul(OpBuilder &b, Location loc, Value x, Value y) {
  if (isFloat(x))
    return arith::MulFOp::create(b, loc, x, y);
  return arith::MulIOp::create(b, loc, x, y);
}

static Value div(OpBuilder &b, Location loc, Value x, Value y,
                 bool isUnsigned) {
  if (isFloat(x))
    return arith::DivFOp::create(b, loc, x, y);
  if (isUnsigned)
    return arith::DivUIOp::create(b, loc, x, y);
  return arith::DivSIOp::create(b, loc, x, y);
}

/// max/min; floats propagate NaN (arith.maximumf/minimumf).
static Value max(OpBuilder &b, Location loc, Value x, Value y,
                 bool isUnsigned) {
  if (isFloat(x))
    return arith::MaximumFOp::create(b, loc, x, y);
  if (isUnsigned)
    return arith::MaxUIOp::create(b, loc, x, y);
  return arith::MaxSIOp::create(b, loc, x, y);
}

static Value min(OpBuilder &b, Location loc, Value x, Value y,
                 bool isUnsigned) {
  if (isFloat(x))
    return arith::MinimumFOp::create(b, loc, x, y);
  if (isUnsigned)
    return arith::MinUIOp::create(b, loc, x, y);
  return arith::MinSIOp::create(b, loc, x, y);
}

/// Comparison by float predicate (ordered: false with NaN); integers use
/// the signed or unsigned counterpart. i1 compares as unsigned.
static Value compare(OpBuilder &b, Location loc, arith::CmpFPredicate pred,
                     Value x, Value y, bool isUnsigned) {
  if (isFloat(x))
    return arith::CmpFOp::create(b, loc, pred, x, y);
  bool u = isUnsigned || x.getType().isInteger(1);
  arith::CmpIPredicate ipred;
  switch (pred) {
  case arith::CmpFPredicate::OEQ:
    ipred = arith::CmpIPredicate::eq;
    break;
  case arith::CmpFPredicate::ONE:
    ipred = arith::CmpIPredicate::ne;
    break;
  case arith::CmpFPredicate::OLT:
    ipred = u ? arith::CmpIPredicate::ult : arith::CmpIPredicate::slt;
    break;
  case arith::CmpFPredicate::OLE:
    ipred = u ? arith::CmpIPredicate::ule : arith::CmpIPredicate::sle;
    break;
  case arith::CmpFPredicate::OGT:
    ipred = u ? arith::CmpIPredicate::ugt : arith::CmpIPredicate::sgt;
    break;
  case arith::CmpFPredicate::OGE:
    ipred = u ? arith::CmpIPredicate::uge : arith::CmpIPredicate::sge;
    break;
  default:
    llvm_unreachable("unexpected comparison");
  }
  return arith::CmpIOp::create(b, loc, ipred, x, y);
}

static Value select(OpBuilder &b, Location loc, Value cond, Value x, Value y) {
  return arith::SelectOp::create(b, loc, cond, x, y);
}

static Value exp(OpBuilder &b, Location loc, Value x) {
  return math::ExpOp::create(b, loc, x);
}

static Value recip(OpBuilder &b, Location loc, Value x) {
  return arith::DivFOp::create(b, loc, cst(b, loc, x, 1.0), x);
}

/// max(lo, min(hi, x)) with NaN propagated.
static Value clamp01(OpBuilder &b, Location loc, Value x) {
  return max(b, loc, cst(b, loc, x, 0.0),
             min(b, loc, cst(b, loc, x, 1.0), x, false), false);
}

/// 1 / (1 + exp(-x)).
static Value sigmoid(OpBuilder &b, Location loc, Value x) {
  Value e = exp(b, loc, arith::NegFOp::create(b, loc, x));
  return recip(b, loc, add(b, loc, cst(b, loc, x, 1.0), e));
}

/// ln(1 + exp(x)) as max(x, 0) + log1p(exp(-|x|)): no overflow for large x.
static Value softplus(OpBuilder &b, Location loc, Value x) {
  Value negAbs = arith::NegFOp::create(b, loc, math::AbsFOp::create(b, loc, x));
  Value tail = math::Log1pOp::create(b, loc, exp(b, loc, negAbs));
  return add(b, loc, max(b, loc, x, cst(b, loc, x, 0.0), false), tail);
}

/// x < 0 ? negative : x (false for NaN, which then passes through).
static Value ifNegative(OpBuilder &b, Location loc, Value x, Value negative,
                        arith::CmpFPredicate pred = arith::CmpFPredicate::OLT) {
  Value isNeg = compare(b, loc, pred, x, cst(b, loc, x, 0.0), false);
  return select(b, loc, isNeg, negative, x);
}

static Type elementTypeOf(Value tensor) { return getElementTypeOrSelf(tensor); }

static bool isUnsignedTensor(Value tensor) {
  return isUnsignedInt(elementTypeOf(tensor));
}

//===----------------------------------------------------------------------===//
// The pattern
//===----------------------------------------------------------------------===//

namespace {
/// Lowers `OpTy` to one elementwise linalg.generic whose body `body` builds.
template <typename OpTy>
struct ElementwiseLowering : OpConversionPattern<OpTy> {
  using BodyFn = Value (*)(OpTy, OpBuilder &, Location, ValueRange);

  ElementwiseLowering(MLIRContext *context, BodyFn body)
      : OpConversionPattern<OpTy>(context), body(body) {}

  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto resultType = cast<RankedTensorType>(op->getResult(0).getType());
    Value result = buildElementwiseGeneric(
        rewriter, op.getLoc(), adaptor.getOperands(), resultType,
        [&](OpBuilder &b, Location loc, ValueRange args) {
          return body(op, b, loc, args);
        });
    rewriter.replaceOp(op, result);
    return success();
  }

  BodyFn body;
};
} // namespace

template <typename OpTy>
static void addElementwise(RewritePatternSet &patterns,
                           typename ElementwiseLowering<OpTy>::BodyFn body) {
  patterns.add<ElementwiseLowering<OpTy>>(patterns.getContext(), body);
}

/// A tl float op that is exactly one math op.
template <typename OpTy, typename MathOpTy>
static void addMathUnary(RewritePatternSet &patterns) {
  addElementwise<OpTy>(patterns,
                       [](OpTy, OpBuilder &b, Location loc, ValueRange a) {
                         return Value(MathOpTy::create(b, loc, a[0]));
                       });
}

//===----------------------------------------------------------------------===//
// Bodies that need more than a few lines
//===----------------------------------------------------------------------===//

static Value buildSign(tl::SignOp op, OpBuilder &b, Location loc,
                       ValueRange a) {
  Value x = a[0];
  Value zero = cst(b, loc, x, 0.0), one = cst(b, loc, x, 1.0);
  bool isUnsigned = isUnsignedTensor(op.getInput());
  Value positive =
      compare(b, loc, arith::CmpFPredicate::OGT, x, zero, isUnsigned);
  if (isUnsigned)
    return select(b, loc, positive, one, zero);
  Value negative = compare(b, loc, arith::CmpFPredicate::OLT, x, zero, false);
  // Floats keep 0, -0 and NaN as they are.
  Value otherwise = isFloat(x) ? x : zero;
  return select(b, loc, positive, one,
                select(b, loc, negative, cst(b, loc, x, -1.0), otherwise));
}

/// The integer bounds of tl.clip: [ceil(min), floor(max)] saturated to the
/// element type, so that clamping an integer to them equals clamping to the
/// real-valued bounds.
static Value intClipBound(OpBuilder &b, Location loc, Type type,
                          bool isUnsigned, double bound, bool isLower) {
  double rounded = isLower ? std::ceil(bound) : std::floor(bound);
  APSInt value(type.getIntOrFloatBitWidth(), isUnsigned);
  bool exact;
  // Out-of-range values saturate to the type's extremes.
  (void)APFloat(rounded).convertToInteger(value, APFloat::rmTowardZero, &exact);
  return arith::ConstantOp::create(b, loc, IntegerAttr::get(type, value));
}

static Value buildClip(tl::ClipOp op, OpBuilder &b, Location loc,
                       ValueRange a) {
  Value x = a[0];
  bool isUnsigned = isUnsignedTensor(op.getInput());
  auto bound = [&](double value, bool isLower) -> Value {
    if (isFloat(x))
      return cst(b, loc, x, value);
    return intClipBound(b, loc, x.getType(), isUnsigned, value, isLower);
  };
  if (std::optional<APFloat> lo = op.getMin())
    x = max(b, loc, x, bound(lo->convertToDouble(), true), isUnsigned);
  if (std::optional<APFloat> hi = op.getMax())
    x = min(b, loc, x, bound(hi->convertToDouble(), false), isUnsigned);
  return x;
}

static Value buildGelu(tl::GeluOp op, OpBuilder &b, Location loc,
                       ValueRange a) {
  Value x = a[0];
  Value inner;
  if (op.getApproximate() == tl::GeluApproximation::tanh) {
    // tanh(sqrt(2 / pi) * (x + 0.044715 * x^3))
    Value x3 = mul(b, loc, mul(b, loc, x, x), x);
    Value poly = add(b, loc, x, mul(b, loc, cst(b, loc, x, 0.044715), x3));
    inner = math::TanhOp::create(
        b, loc,
        mul(b, loc, cst(b, loc, x, std::sqrt(2.0 / llvm::numbers::pi)), poly));
  } else {
    inner = math::ErfOp::create(
        b, loc, mul(b, loc, x, cst(b, loc, x, llvm::numbers::inv_sqrt2)));
  }
  Value half = mul(b, loc, cst(b, loc, x, 0.5), x);
  return mul(b, loc, half, add(b, loc, cst(b, loc, x, 1.0), inner));
}

static Value buildIsInf(tl::IsInfOp op, OpBuilder &b, Location loc,
                        ValueRange a) {
  Value x = a[0];
  auto floatType = cast<FloatType>(x.getType());
  auto inf = [&](bool negative) -> Value {
    return arith::ConstantOp::create(
        b, loc,
        FloatAttr::get(floatType, APFloat::getInf(floatType.getFloatSemantics(),
                                                  negative)));
  };
  auto equals = [&](Value lhs, Value rhs) -> Value {
    return arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OEQ, lhs, rhs);
  };
  bool pos = op.getDetectPositive(), neg = op.getDetectNegative();
  if (pos && neg)
    return equals(math::AbsFOp::create(b, loc, x), inf(false));
  if (pos || neg)
    return equals(x, inf(neg));
  return arith::ConstantOp::create(b, loc, b.getBoolAttr(false));
}

/// ONNX Cast: float -> int truncates toward zero, anything -> bool is != 0,
/// bool -> number is 0/1, integer widening follows the source signedness.
static Value buildCast(tl::CastOp op, OpBuilder &b, Location loc,
                       ValueRange a) {
  Value x = a[0];
  Type from = elementTypeOf(op.getInput());
  Type to = elementTypeOf(op.getOutput());
  Type target = getComputeType(to);
  bool fromUnsigned = isUnsignedInt(from) || from.isInteger(1);
  if (to.isInteger(1)) {
    if (isFloat(x)) // NaN is true, as numpy's bool(nan).
      return arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNE, x,
                                   cst(b, loc, x, 0.0));
    return arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne, x,
                                 cst(b, loc, x, 0.0));
  }
  if (isa<FloatType>(to)) {
    if (isFloat(x))
      return x; // demoteScalar rounds to the result type.
    // Integers convert to f32/f64; demoteScalar rounds that to f16/bf16 (for
    // |x| > 2^24 to bf16 this rounds twice).
    if (fromUnsigned)
      return arith::UIToFPOp::create(b, loc, target, x);
    return arith::SIToFPOp::create(b, loc, target, x);
  }
  if (isFloat(x)) {
    if (isUnsignedInt(to))
      return arith::FPToUIOp::create(b, loc, target, x);
    return arith::FPToSIOp::create(b, loc, target, x);
  }
  unsigned fromWidth = x.getType().getIntOrFloatBitWidth();
  unsigned toWidth = target.getIntOrFloatBitWidth();
  if (toWidth > fromWidth) {
    if (fromUnsigned)
      return arith::ExtUIOp::create(b, loc, target, x);
    return arith::ExtSIOp::create(b, loc, target, x);
  }
  if (toWidth < fromWidth)
    return arith::TruncIOp::create(b, loc, target, x);
  return x;
}

/// tl.mod: the remainder takes the divisor's sign (Python) unless `fmod`,
/// where it takes the dividend's (C fmod).
static Value buildMod(tl::ModOp op, OpBuilder &b, Location loc, ValueRange a) {
  Value x = a[0], y = a[1];
  bool isUnsigned = isUnsignedTensor(op.getLhs());
  Value rem;
  if (isFloat(x))
    rem = arith::RemFOp::create(b, loc, x, y);
  else if (isUnsigned)
    rem = arith::RemUIOp::create(b, loc, x, y);
  else
    rem = arith::RemSIOp::create(b, loc, x, y);
  if (op.getFmod() || isUnsigned)
    return rem;
  Value zero = cst(b, loc, x, 0.0);
  Value remNonZero =
      compare(b, loc, arith::CmpFPredicate::ONE, rem, zero, false);
  Value remNeg = compare(b, loc, arith::CmpFPredicate::OLT, rem, zero, false);
  Value divNeg = compare(b, loc, arith::CmpFPredicate::OLT, y, zero, false);
  Value signsDiffer = arith::XOrIOp::create(b, loc, remNeg, divNeg);
  Value fix = arith::AndIOp::create(b, loc, remNonZero, signsDiffer);
  return select(b, loc, fix, add(b, loc, rem, y), rem);
}

static Value buildPow(tl::PowOp op, OpBuilder &b, Location loc, ValueRange a) {
  Value x = a[0], y = a[1];
  if (isFloat(x))
    return math::PowFOp::create(b, loc, x, y);
  if (!isUnsignedTensor(op.getLhs()))
    return math::IPowIOp::create(b, loc, x, y);
  // math.ipowi reads its exponent as signed: widen unsigned operands so that
  // large exponents stay positive; the low bits of the product are the same.
  Type type = x.getType();
  Type wide = b.getIntegerType(2 * type.getIntOrFloatBitWidth());
  Value wx = arith::ExtUIOp::create(b, loc, wide, x);
  Value wy = arith::ExtUIOp::create(b, loc, wide, y);
  return arith::TruncIOp::create(b, loc, type,
                                 math::IPowIOp::create(b, loc, wx, wy));
}

/// tl.shift_left/right on unsigned integers: a shift by the bit width or
/// more gives 0 (arith.shli/shrui would be poison).
template <typename ShiftOpTy>
static Value buildShift(OpBuilder &b, Location loc, ValueRange a) {
  Value x = a[0], y = a[1];
  Value width = cst(b, loc, x, x.getType().getIntOrFloatBitWidth());
  Value inRange =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ult, y, width);
  Value shifted = ShiftOpTy::create(b, loc, x, y);
  return select(b, loc, inRange, shifted, cst(b, loc, x, 0.0));
}

template <arith::CmpFPredicate Pred, typename OpTy>
static void addCompare(RewritePatternSet &patterns) {
  addElementwise<OpTy>(
      patterns, [](OpTy op, OpBuilder &b, Location loc, ValueRange a) {
        return compare(b, loc, Pred, a[0], a[1], isUnsignedTensor(op.getLhs()));
      });
}

void mlir::tlc::populateTLElementwiseToLinalgPatterns(
    RewritePatternSet &patterns) {
  using Args = ValueRange;
  using B = OpBuilder;
  using L = Location;

  // Unary math on numbers.
  addElementwise<tl::AbsOp>(patterns, [](tl::AbsOp op, B &b, L loc, Args a) {
    if (isFloat(a[0]))
      return Value(math::AbsFOp::create(b, loc, a[0]));
    if (isUnsignedTensor(op.getInput()))
      return a[0];
    return Value(math::AbsIOp::create(b, loc, a[0]));
  });
  addElementwise<tl::NegOp>(patterns, [](tl::NegOp, B &b, L loc, Args a) {
    if (isFloat(a[0]))
      return Value(arith::NegFOp::create(b, loc, a[0]));
    return sub(b, loc, cst(b, loc, a[0], 0.0), a[0]);
  });
  addElementwise<tl::SignOp>(patterns, buildSign);
  addElementwise<tl::ReluOp>(patterns, [](tl::ReluOp op, B &b, L loc, Args a) {
    if (isUnsignedTensor(op.getInput()))
      return a[0];
    return max(b, loc, a[0], cst(b, loc, a[0], 0.0), false);
  });
  addElementwise<tl::ClipOp>(patterns, buildClip);

  // Unary math on floats.
  addMathUnary<tl::ExpOp, math::ExpOp>(patterns);
  addMathUnary<tl::LogOp, math::LogOp>(patterns);
  addMathUnary<tl::SqrtOp, math::SqrtOp>(patterns);
  addMathUnary<tl::RsqrtOp, math::RsqrtOp>(patterns);
  addMathUnary<tl::FloorOp, math::FloorOp>(patterns);
  addMathUnary<tl::CeilOp, math::CeilOp>(patterns);
  addMathUnary<tl::RoundOp, math::RoundEvenOp>(patterns);
  addMathUnary<tl::SinOp, math::SinOp>(patterns);
  addMathUnary<tl::CosOp, math::CosOp>(patterns);
  addMathUnary<tl::TanOp, math::TanOp>(patterns);
  addMathUnary<tl::AsinOp, math::AsinOp>(patterns);
  addMathUnary<tl::AcosOp, math::AcosOp>(patterns);
  addMathUnary<tl::AtanOp, math::AtanOp>(patterns);
  addMathUnary<tl::SinhOp, math::SinhOp>(patterns);
  addMathUnary<tl::CoshOp, math::CoshOp>(patterns);
  addMathUnary<tl::AsinhOp, math::AsinhOp>(patterns);
  addMathUnary<tl::AcoshOp, math::AcoshOp>(patterns);
  addMathUnary<tl::AtanhOp, math::AtanhOp>(patterns);
  addMathUnary<tl::ErfOp, math::ErfOp>(patterns);
  addMathUnary<tl::TanhOp, math::TanhOp>(patterns);
  addElementwise<tl::ReciprocalOp>(patterns,
                                   [](tl::ReciprocalOp, B &b, L loc, Args a) {
                                     return recip(b, loc, a[0]);
                                   });

  // Activations.
  addElementwise<tl::SigmoidOp>(
      patterns,
      [](tl::SigmoidOp, B &b, L loc, Args a) { return sigmoid(b, loc, a[0]); });
  addElementwise<tl::HardSigmoidOp>(patterns, [](tl::HardSigmoidOp op, B &b,
                                                 L loc, Args a) {
    Value x = a[0];
    Value lin = add(
        b, loc, mul(b, loc, cst(b, loc, x, op.getAlpha().convertToDouble()), x),
        cst(b, loc, x, op.getBeta().convertToDouble()));
    return clamp01(b, loc, lin);
  });
  addElementwise<tl::HardSwishOp>(
      patterns, [](tl::HardSwishOp, B &b, L loc, Args a) {
        Value x = a[0];
        Value lin = add(b, loc, mul(b, loc, x, cst(b, loc, x, 1.0 / 6.0)),
                        cst(b, loc, x, 0.5));
        return mul(b, loc, x, clamp01(b, loc, lin));
      });
  addElementwise<tl::SiluOp>(patterns, [](tl::SiluOp, B &b, L loc, Args a) {
    return mul(b, loc, a[0], sigmoid(b, loc, a[0]));
  });
  addElementwise<tl::SoftplusOp>(patterns,
                                 [](tl::SoftplusOp, B &b, L loc, Args a) {
                                   return softplus(b, loc, a[0]);
                                 });
  addElementwise<tl::SoftsignOp>(
      patterns, [](tl::SoftsignOp, B &b, L loc, Args a) {
        Value x = a[0];
        Value denom =
            add(b, loc, cst(b, loc, x, 1.0), math::AbsFOp::create(b, loc, x));
        return Value(arith::DivFOp::create(b, loc, x, denom));
      });
  addElementwise<tl::MishOp>(patterns, [](tl::MishOp, B &b, L loc, Args a) {
    Value t = math::TanhOp::create(b, loc, softplus(b, loc, a[0]));
    return mul(b, loc, a[0], t);
  });
  addElementwise<tl::LeakyReluOp>(
      patterns, [](tl::LeakyReluOp op, B &b, L loc, Args a) {
        Value x = a[0];
        Value alpha = cst(b, loc, x, op.getAlpha().convertToDouble());
        return ifNegative(b, loc, x, mul(b, loc, alpha, x));
      });
  addElementwise<tl::PReluOp>(patterns, [](tl::PReluOp, B &b, L loc, Args a) {
    return ifNegative(b, loc, a[0], mul(b, loc, a[1], a[0]));
  });
  addElementwise<tl::EluOp>(patterns, [](tl::EluOp op, B &b, L loc, Args a) {
    Value x = a[0];
    Value alpha = cst(b, loc, x, op.getAlpha().convertToDouble());
    Value em1 = math::ExpM1Op::create(b, loc, x);
    return ifNegative(b, loc, x, mul(b, loc, alpha, em1));
  });
  addElementwise<tl::SeluOp>(patterns, [](tl::SeluOp op, B &b, L loc, Args a) {
    Value x = a[0];
    Value alpha = cst(b, loc, x, op.getAlpha().convertToDouble());
    Value gamma = cst(b, loc, x, op.getGamma().convertToDouble());
    Value em1 = math::ExpM1Op::create(b, loc, x);
    Value y = ifNegative(b, loc, x, mul(b, loc, alpha, em1),
                         arith::CmpFPredicate::OLE);
    return mul(b, loc, gamma, y);
  });
  addElementwise<tl::CeluOp>(patterns, [](tl::CeluOp op, B &b, L loc, Args a) {
    // max(0, x) + min(0, alpha * expm1(x / alpha))
    Value x = a[0];
    Value alpha = cst(b, loc, x, op.getAlpha().convertToDouble());
    Value zero = cst(b, loc, x, 0.0);
    Value em1 =
        math::ExpM1Op::create(b, loc, arith::DivFOp::create(b, loc, x, alpha));
    Value neg = min(b, loc, zero, mul(b, loc, alpha, em1), false);
    return add(b, loc, max(b, loc, zero, x, false), neg);
  });
  addElementwise<tl::GeluOp>(patterns, buildGelu);

  // Predicates and casts.
  addElementwise<tl::NotOp>(patterns, [](tl::NotOp, B &b, L loc, Args a) {
    Value one = arith::ConstantOp::create(b, loc, b.getBoolAttr(true));
    return Value(arith::XOrIOp::create(b, loc, a[0], one));
  });
  addElementwise<tl::IsNaNOp>(patterns, [](tl::IsNaNOp, B &b, L loc, Args a) {
    return Value(
        arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNO, a[0], a[0]));
  });
  addElementwise<tl::IsInfOp>(patterns, buildIsInf);
  addElementwise<tl::CastOp>(patterns, buildCast);

  // Binary arithmetic.
  addElementwise<tl::AddOp>(patterns, [](tl::AddOp, B &b, L loc, Args a) {
    return add(b, loc, a[0], a[1]);
  });
  addElementwise<tl::SubOp>(patterns, [](tl::SubOp, B &b, L loc, Args a) {
    return sub(b, loc, a[0], a[1]);
  });
  addElementwise<tl::MulOp>(patterns, [](tl::MulOp, B &b, L loc, Args a) {
    return mul(b, loc, a[0], a[1]);
  });
  addElementwise<tl::DivOp>(patterns, [](tl::DivOp op, B &b, L loc, Args a) {
    return div(b, loc, a[0], a[1], isUnsignedTensor(op.getLhs()));
  });
  addElementwise<tl::MaxOp>(patterns, [](tl::MaxOp op, B &b, L loc, Args a) {
    return max(b, loc, a[0], a[1], isUnsignedTensor(op.getLhs()));
  });
  addElementwise<tl::MinOp>(patterns, [](tl::MinOp op, B &b, L loc, Args a) {
    return min(b, loc, a[0], a[1], isUnsignedTensor(op.getLhs()));
  });
  addElementwise<tl::PowOp>(patterns, buildPow);
  addElementwise<tl::ModOp>(patterns, buildMod);
  addElementwise<tl::ShiftLeftOp>(patterns, [](tl::ShiftLeftOp, B &b, L loc,
                                               Args a) {
    return buildShift<arith::ShLIOp>(b, loc, a);
  });
  addElementwise<tl::ShiftRightOp>(patterns, [](tl::ShiftRightOp, B &b, L loc,
                                                Args a) {
    return buildShift<arith::ShRUIOp>(b, loc, a);
  });

  // Logic, comparisons, select.
  addElementwise<tl::AndOp>(patterns, [](tl::AndOp, B &b, L loc, Args a) {
    return Value(arith::AndIOp::create(b, loc, a[0], a[1]));
  });
  addElementwise<tl::OrOp>(patterns, [](tl::OrOp, B &b, L loc, Args a) {
    return Value(arith::OrIOp::create(b, loc, a[0], a[1]));
  });
  addElementwise<tl::XorOp>(patterns, [](tl::XorOp, B &b, L loc, Args a) {
    return Value(arith::XOrIOp::create(b, loc, a[0], a[1]));
  });
  addCompare<arith::CmpFPredicate::OEQ, tl::EqualOp>(patterns);
  addCompare<arith::CmpFPredicate::OLT, tl::LessOp>(patterns);
  addCompare<arith::CmpFPredicate::OLE, tl::LessEqualOp>(patterns);
  addCompare<arith::CmpFPredicate::OGT, tl::GreaterOp>(patterns);
  addCompare<arith::CmpFPredicate::OGE, tl::GreaterEqualOp>(patterns);
  addElementwise<tl::SelectOp>(patterns, [](tl::SelectOp, B &b, L loc, Args a) {
    return select(b, loc, a[0], a[1], a[2]);
  });
}
