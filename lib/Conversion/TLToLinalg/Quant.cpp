//===- Quant.cpp - tl.quantize and tl.dequantize to linalg ----------------===//
//
// Each is one elementwise linalg.generic; the scale and zero point are read
// at () (per tensor) or at the quantization axis (per axis).
//
// quantize:   clamp(roundeven(x / scale) + float(zp), qmin, qmax) -> int
//             (in the float type of x, f16/bf16 promoted to f32; in f64
//             from the rounding on for i32, whose range f32 cannot hold)
// dequantize: float(int64(x) - int64(zp)) * scale (the difference is exact)
//
//===----------------------------------------------------------------------===//

#include "ElementwiseUtils.h"
#include "tlc/Conversion/TLToLinalg/TLToLinalg.h"

#include "tl/IR/TLOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/IR/Matchers.h"
#include "mlir/Transforms/DialectConversion.h"

using namespace mlir;
using namespace mlir::tlc;
using namespace mlir::tlc::ew;

/// The maps reading input, scale and zero point over the input's iteration
/// space.
static SmallVector<AffineMap> getQuantMaps(MLIRContext *context, int64_t rank,
                                           std::optional<int64_t> axis) {
  AffineMap identity = AffineMap::getMultiDimIdentityMap(rank, context);
  AffineMap param =
      axis ? AffineMap::get(rank, 0, getAffineDimExpr(*axis, context), context)
           : AffineMap::get(rank, 0, context);
  return {identity, param, param};
}

/// The signless integer `value` (of a tl integer type that is unsigned when
/// `isUnsigned`) as a float of `type`.
static Value intToFloat(OpBuilder &b, Location loc, Value value,
                        bool isUnsigned, Type type) {
  if (isUnsigned)
    return arith::UIToFPOp::create(b, loc, type, value);
  return arith::SIToFPOp::create(b, loc, type, value);
}

/// `tensor` itself, or, for a constant of unsigned integers, the same bits as
/// a signless constant: linalg folds constant operands into the body, where
/// arith only accepts signless integers (the bodies pick the signed or
/// unsigned conversions themselves).
static Value asSignless(OpBuilder &b, Location loc, Value tensor) {
  auto type = cast<RankedTensorType>(tensor.getType());
  auto intType = dyn_cast<IntegerType>(type.getElementType());
  DenseElementsAttr value;
  if (!intType || !intType.isUnsigned() ||
      !matchPattern(tensor, m_Constant(&value)))
    return tensor;
  Type signless = IntegerType::get(b.getContext(), intType.getWidth());
  return arith::ConstantOp::create(b, loc, value.bitcast(signless));
}

namespace {

struct QuantizeOpLowering : OpConversionPattern<tl::QuantizeOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(tl::QuantizeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType resultType = op.getType();
    auto intType = cast<IntegerType>(resultType.getElementType());
    bool isUnsigned = intType.isUnsigned();
    unsigned width = intType.getWidth();
    double qmin = isUnsigned ? 0.0 : -std::ldexp(1.0, width - 1);
    double qmax = isUnsigned ? std::ldexp(1.0, width) - 1
                             : std::ldexp(1.0, width - 1) - 1;
    Value input = adaptor.getInput();
    int64_t rank = resultType.getRank();
    SmallVector<AffineMap> maps =
        getQuantMaps(op.getContext(), rank, op.getQuantizedAxis());
    Value result = buildParallelGeneric(
        rewriter, loc,
        {input, adaptor.getScale(),
         asSignless(rewriter, loc, adaptor.getZeroPoint())},
        maps, getDims(rewriter, loc, input), intType,
        [&](OpBuilder &b, Location l, ValueRange args) -> Value {
          Value scaled = arith::DivFOp::create(b, l, args[0], args[1]);
          Value rounded = math::RoundEvenOp::create(b, l, scaled);
          Type floatType = rounded.getType();
          if (width > 16 && !floatType.isF64()) {
            floatType = b.getF64Type();
            rounded = arith::ExtFOp::create(b, l, floatType, rounded);
          }
          Value zeroPoint = intToFloat(b, l, args[2], isUnsigned, floatType);
          Value shifted = arith::AddFOp::create(b, l, rounded, zeroPoint);
          Value low = ew::createScalarConstant(b, l, floatType, qmin);
          Value high = ew::createScalarConstant(b, l, floatType, qmax);
          Value clamped = arith::MinimumFOp::create(
              b, l, arith::MaximumFOp::create(b, l, shifted, low), high);
          Type signless = IntegerType::get(b.getContext(), width);
          if (isUnsigned)
            return arith::FPToUIOp::create(b, l, signless, clamped);
          return arith::FPToSIOp::create(b, l, signless, clamped);
        });
    rewriter.replaceOp(op, ew::castToType(rewriter, loc, result, resultType));
    return success();
  }
};

struct DequantizeOpLowering : OpConversionPattern<tl::DequantizeOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(tl::DequantizeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType resultType = op.getType();
    bool isUnsigned = op.getInput().getType().getElementType().isUnsignedInteger();
    Value input = asSignless(rewriter, loc, adaptor.getInput());
    SmallVector<AffineMap> maps = getQuantMaps(
        op.getContext(), resultType.getRank(), op.getQuantizedAxis());
    Value result = buildParallelGeneric(
        rewriter, loc,
        {input, adaptor.getScale(),
         asSignless(rewriter, loc, adaptor.getZeroPoint())},
        maps, getDims(rewriter, loc, input), resultType.getElementType(),
        [&](OpBuilder &b, Location l, ValueRange args) -> Value {
          Type i64 = b.getI64Type();
          auto widen = [&](Value v) -> Value {
            if (isUnsigned)
              return arith::ExtUIOp::create(b, l, i64, v);
            return arith::ExtSIOp::create(b, l, i64, v);
          };
          Value diff =
              arith::SubIOp::create(b, l, widen(args[0]), widen(args[2]));
          Type floatType = args[1].getType();
          Value value = arith::SIToFPOp::create(b, l, floatType, diff);
          return arith::MulFOp::create(b, l, value, args[1]);
        });
    rewriter.replaceOp(op, ew::castToType(rewriter, loc, result, resultType));
    return success();
  }
};

} // namespace

void mlir::tlc::populateTLQuantToLinalgPatterns(RewritePatternSet &patterns) {
  patterns.add<QuantizeOpLowering, DequantizeOpLowering>(
      patterns.getContext());
}
