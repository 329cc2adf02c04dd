//===- Resize.cpp - tl.resize to linalg -----------------------------------===//
//
// One index-computing linalg.generic over the output: for every resized dim
// the output coordinate maps to an input coordinate by the op's
// coordinate_transform (ONNX Resize's formulas); nearest mode rounds it by
// nearest_mode and reads one element, linear mode clamps it to [0, D - 1] and
// blends the 2^k neighbours over the k resized dims (multilinear). Dims that
// keep their size and scale are read at the output index.
//
//===----------------------------------------------------------------------===//

#include "StructuredUtils.h"

#include "tlc/Conversion/TLToLinalg/TLToLinalg.h"

#include "tl/IR/TLOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/Transforms/DialectConversion.h"

using namespace mlir;
using namespace mlir::tlc::detail;

namespace {

/// Per-dim values computed once outside the generic.
struct ResizedDim {
  int64_t dim;
  Value inputSize;  // index
  Value outputSize; // index
  Value scale;      // float: output / input
  Value lastIndex;  // index: D - 1
};

struct ResizeOpLowering : OpConversionPattern<tl::ResizeOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(tl::ResizeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType resultType = op.getType();
    Value input = adaptor.getInput();
    auto inputType = cast<RankedTensorType>(input.getType());
    int64_t rank = inputType.getRank();
    Type elementType = inputType.getElementType();
    // Coordinates are computed in f32 (f64 for f64 data), as ONNX Runtime.
    FloatType coordType = elementType.isF64()
                              ? cast<FloatType>(rewriter.getF64Type())
                              : cast<FloatType>(rewriter.getF32Type());
    std::optional<ArrayRef<double>> scales = op.getScales();
    std::optional<ArrayRef<int64_t>> sizesAttr = op.getSizes();
    IndexMath m(rewriter, loc);

    auto indexToFloat = [&](OpBuilder &b, Location l, Value index) -> Value {
      Value asInt = arith::IndexCastOp::create(b, l, b.getI64Type(), index);
      return arith::SIToFPOp::create(b, l, coordType, asInt);
    };

    SmallVector<OpFoldResult> inputSizes = getDimSizes(rewriter, loc, input);
    SmallVector<OpFoldResult> outputSizes;
    SmallVector<ResizedDim> resized;
    for (int64_t i = 0; i < rank; ++i) {
      OpFoldResult outSize;
      Value scale;
      if (!resultType.isDynamicDim(i)) {
        outSize = m.c(resultType.getDimSize(i));
      } else if (sizesAttr) {
        outSize = m.c((*sizesAttr)[i]);
      } else if ((*scales)[i] == 1.0) {
        outSize = inputSizes[i];
      } else {
        // floor(D * scale), only reached with scales.
        Value product = arith::MulFOp::create(
            rewriter, loc, indexToFloat(rewriter, loc, m.value(inputSizes[i])),
            arith::ConstantOp::create(
                rewriter, loc, rewriter.getFloatAttr(coordType, (*scales)[i])));
        Value floored = math::FloorOp::create(rewriter, loc, product);
        Value asInt = arith::FPToSIOp::create(rewriter, loc,
                                              rewriter.getI64Type(), floored);
        outSize = arith::IndexCastOp::create(rewriter, loc,
                                             rewriter.getIndexType(), asInt)
                      .getResult();
      }
      outputSizes.push_back(outSize);
      bool identity =
          scales ? (*scales)[i] == 1.0
                 : getConstantIntValue(inputSizes[i]) == (*sizesAttr)[i];
      if (identity)
        continue;
      if (scales) {
        scale = arith::ConstantOp::create(
            rewriter, loc, rewriter.getFloatAttr(coordType, (*scales)[i]));
      } else {
        scale = arith::DivFOp::create(
            rewriter, loc, indexToFloat(rewriter, loc, m.value(outSize)),
            indexToFloat(rewriter, loc, m.value(inputSizes[i])));
      }
      resized.push_back({i, m.value(inputSizes[i]), m.value(outSize), scale,
                         m.value(m.sub(inputSizes[i], m.c(1)))});
    }

    tl::CoordinateTransform transform = op.getCoordinateTransform();
    tl::NearestMode nearestMode = op.getNearestMode();
    bool linear = op.getMode() == tl::ResizeMode::linear;

    Value result = buildIndexedGeneric(
        rewriter, loc, outputSizes, elementType, ValueRange{}, {},
        [&](OpBuilder &b, Location l, ValueRange indices, ValueRange) -> Value {
          auto fconst = [&](double v) -> Value {
            return arith::ConstantOp::create(b, l,
                                             b.getFloatAttr(coordType, v));
          };
          auto toIndex = [&](Value f) -> Value {
            Value asInt = arith::FPToSIOp::create(b, l, b.getI64Type(), f);
            return arith::IndexCastOp::create(b, l, b.getIndexType(), asInt);
          };
          IndexMath im(b, l);

          // Input coordinate of output index `o` along `d`.
          auto sourceCoordinate = [&](const ResizedDim &d, Value o) -> Value {
            Value of = indexToFloat(b, l, o);
            auto halfPixel = [&]() -> Value {
              Value half = fconst(0.5);
              Value shifted = arith::AddFOp::create(b, l, of, half);
              Value scaled = arith::DivFOp::create(b, l, shifted, d.scale);
              return arith::SubFOp::create(b, l, scaled, half);
            };
            switch (transform) {
            case tl::CoordinateTransform::asymmetric:
              return arith::DivFOp::create(b, l, of, d.scale);
            case tl::CoordinateTransform::half_pixel:
              return halfPixel();
            case tl::CoordinateTransform::pytorch_half_pixel: {
              Value single =
                  arith::CmpIOp::create(b, l, arith::CmpIPredicate::sle,
                                        d.outputSize, im.value(im.c(1)));
              return arith::SelectOp::create(b, l, single, fconst(0.0),
                                             halfPixel());
            }
            case tl::CoordinateTransform::align_corners: {
              // o * (D - 1) / (O - 1), 0 when O == 1.
              Value outLast = im.value(im.sub(d.outputSize, im.c(1)));
              Value single = arith::CmpIOp::create(
                  b, l, arith::CmpIPredicate::sle, outLast, im.value(im.c(0)));
              Value safeOutLast = arith::SelectOp::create(
                  b, l, single, im.value(im.c(1)), outLast);
              Value ratio =
                  arith::DivFOp::create(b, l, indexToFloat(b, l, d.lastIndex),
                                        indexToFloat(b, l, safeOutLast));
              Value x = arith::MulFOp::create(b, l, of, ratio);
              return arith::SelectOp::create(b, l, single, fconst(0.0), x);
            }
            }
            llvm_unreachable("unknown coordinate transform");
          };
          auto clampIndex = [&](const ResizedDim &d, Value index) -> Value {
            return im.value(im.max(im.min(index, d.lastIndex), im.c(0)));
          };

          SmallVector<Value> source(indices);
          if (!linear) {
            for (const ResizedDim &d : resized) {
              Value x = sourceCoordinate(d, indices[d.dim]);
              Value rounded;
              switch (nearestMode) {
              case tl::NearestMode::round_prefer_floor:
                // Ties go down: ceil(x - 0.5).
                rounded = math::CeilOp::create(
                    b, l, arith::SubFOp::create(b, l, x, fconst(0.5)));
                break;
              case tl::NearestMode::round_prefer_ceil:
                rounded = math::FloorOp::create(
                    b, l, arith::AddFOp::create(b, l, x, fconst(0.5)));
                break;
              case tl::NearestMode::floor:
                rounded = math::FloorOp::create(b, l, x);
                break;
              case tl::NearestMode::ceil:
                rounded = math::CeilOp::create(b, l, x);
                break;
              }
              source[d.dim] = clampIndex(d, toIndex(rounded));
            }
            return tensor::ExtractOp::create(b, l, input, source);
          }

          // Linear: x clamped to [0, D - 1], neighbours floor(x) and
          // min(floor(x) + 1, D - 1), weights 1 - frac and frac.
          Value one = fconst(1.0);
          SmallVector<Value> lower, upper, fraction, complement;
          for (const ResizedDim &d : resized) {
            Value x = sourceCoordinate(d, indices[d.dim]);
            Value last = indexToFloat(b, l, d.lastIndex);
            x = arith::MaximumFOp::create(
                b, l, arith::MinimumFOp::create(b, l, x, last), fconst(0.0));
            Value floored = math::FloorOp::create(b, l, x);
            Value low = toIndex(floored);
            lower.push_back(low);
            upper.push_back(clampIndex(d, im.value(im.add(low, im.c(1)))));
            fraction.push_back(arith::SubFOp::create(b, l, x, floored));
            complement.push_back(
                arith::SubFOp::create(b, l, one, fraction.back()));
          }
          if (resized.empty())
            return tensor::ExtractOp::create(b, l, input, source);
          Value sum;
          for (int64_t corner = 0, e = int64_t(1) << resized.size(); corner < e;
               ++corner) {
            Value weight;
            for (auto [k, d] : llvm::enumerate(resized)) {
              bool high = (corner >> k) & 1;
              source[d.dim] = high ? upper[k] : lower[k];
              Value w = high ? fraction[k] : complement[k];
              weight = weight
                           ? arith::MulFOp::create(b, l, weight, w).getResult()
                           : w;
            }
            Value element = tensor::ExtractOp::create(b, l, input, source);
            if (element.getType() != coordType)
              element = arith::ExtFOp::create(b, l, coordType, element);
            Value term = arith::MulFOp::create(b, l, weight, element);
            sum =
                sum ? arith::AddFOp::create(b, l, sum, term).getResult() : term;
          }
          if (sum.getType() != elementType)
            sum = arith::TruncFOp::create(b, l, elementType, sum);
          return sum;
        });
    rewriter.replaceOp(op, castToType(rewriter, loc, result, resultType));
    return success();
  }
};

} // namespace

void mlir::tlc::populateTLResizeToLinalgPatterns(RewritePatternSet &patterns) {
  patterns.add<ResizeOpLowering>(patterns.getContext());
}
