//===- Resize.cpp - tl.resize to linalg -----------------------------------===//
//
// One index-computing linalg.generic over the output: for every resized dim
// the output coordinate maps to an input coordinate x by the op's
// coordinate_transform (ONNX Resize's formulas). Nearest mode rounds x by
// nearest_mode and reads one element; linear and cubic mode take per dim a
// few taps (index, weight) around x -- two with the linear weights, four with
// the Keys cubic kernel -- and sum the weighted elements over every
// combination of the dims' taps (multilinear / multicubic). Taps outside the
// input read the edge element. tf_crop_and_resize selects the extrapolation
// value where x leaves the input. Dims that keep their size and scale are
// read at the output index.
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
  Value length;     // float: the resized length, input * scale
  Value lastIndex;  // index: D - 1
  double roiStart;  // tf_crop_and_resize only
  double roiEnd;
};

/// One neighbour of x along a dim: the (clamped) index and its weight.
struct Tap {
  Value index;
  Value weight;
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
    std::optional<ArrayRef<double>> roi = op.getRoi();
    tl::CoordinateTransform transform = op.getCoordinateTransform();
    bool crop = transform == tl::CoordinateTransform::tf_crop_and_resize;
    IndexMath m(rewriter, loc);

    auto indexToFloat = [&](OpBuilder &b, Location l, Value index) -> Value {
      Value asInt = arith::IndexCastOp::create(b, l, b.getI64Type(), index);
      return arith::SIToFPOp::create(b, l, coordType, asInt);
    };
    auto floatConstant = [&](OpBuilder &b, Location l, double v) -> Value {
      return arith::ConstantOp::create(b, l, b.getFloatAttr(coordType, v));
    };

    SmallVector<OpFoldResult> inputSizes = getDimSizes(rewriter, loc, input);
    SmallVector<OpFoldResult> outputSizes;
    SmallVector<ResizedDim> resized;
    for (int64_t i = 0; i < rank; ++i) {
      OpFoldResult outSize;
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
            floatConstant(rewriter, loc, (*scales)[i]));
        Value floored = math::FloorOp::create(rewriter, loc, product);
        Value asInt = arith::FPToSIOp::create(rewriter, loc,
                                              rewriter.getI64Type(), floored);
        outSize = arith::IndexCastOp::create(rewriter, loc,
                                             rewriter.getIndexType(), asInt)
                      .getResult();
      }
      outputSizes.push_back(outSize);
      double roiStart = crop ? (*roi)[i] : 0.0;
      double roiEnd = crop ? (*roi)[rank + i] : 1.0;
      bool identity =
          (scales ? (*scales)[i] == 1.0
                  : getConstantIntValue(inputSizes[i]) == (*sizesAttr)[i]) &&
          roiStart == 0.0 && roiEnd == 1.0;
      if (identity)
        continue;
      Value scale, length;
      std::optional<int64_t> staticInput = getConstantIntValue(inputSizes[i]);
      if (scales && staticInput) {
        scale = floatConstant(rewriter, loc, (*scales)[i]);
        length = floatConstant(rewriter, loc, *staticInput * (*scales)[i]);
      } else if (scales) {
        scale = floatConstant(rewriter, loc, (*scales)[i]);
        length = arith::MulFOp::create(
            rewriter, loc, indexToFloat(rewriter, loc, m.value(inputSizes[i])),
            scale);
      } else if (staticInput) {
        scale = floatConstant(rewriter, loc,
                              static_cast<double>((*sizesAttr)[i]) / *staticInput);
        length = floatConstant(rewriter, loc, (*sizesAttr)[i]);
      } else {
        length = floatConstant(rewriter, loc, (*sizesAttr)[i]);
        scale = arith::DivFOp::create(
            rewriter, loc, length,
            indexToFloat(rewriter, loc, m.value(inputSizes[i])));
      }
      resized.push_back({i, m.value(inputSizes[i]), m.value(outSize), scale,
                         length, m.value(m.sub(inputSizes[i], m.c(1))),
                         roiStart, roiEnd});
    }

    tl::ResizeMode mode = op.getMode();
    tl::NearestMode nearestMode = op.getNearestMode();
    double cubicA = op.getCubicCoeffA().convertToDouble();
    bool excludeOutside = op.getExcludeOutside();
    Value extrapolation;
    if (crop)
      extrapolation = createScalarConstant(
          rewriter, loc, mode == tl::ResizeMode::nearest ? elementType : coordType,
          op.getExtrapolationValue().convertToDouble());

    Value result = buildIndexedGeneric(
        rewriter, loc, outputSizes, elementType, ValueRange{}, {},
        [&](OpBuilder &b, Location l, ValueRange indices, ValueRange) -> Value {
          auto fconst = [&](double v) { return floatConstant(b, l, v); };
          auto toIndex = [&](Value f) -> Value {
            Value asInt = arith::FPToSIOp::create(b, l, b.getI64Type(), f);
            return arith::IndexCastOp::create(b, l, b.getIndexType(), asInt);
          };
          auto add = [&](Value x, Value y) -> Value {
            return arith::AddFOp::create(b, l, x, y);
          };
          auto sub = [&](Value x, Value y) -> Value {
            return arith::SubFOp::create(b, l, x, y);
          };
          auto mul = [&](Value x, Value y) -> Value {
            return arith::MulFOp::create(b, l, x, y);
          };
          auto div = [&](Value x, Value y) -> Value {
            return arith::DivFOp::create(b, l, x, y);
          };
          auto fcmp = [&](arith::CmpFPredicate p, Value x, Value y) -> Value {
            return arith::CmpFOp::create(b, l, p, x, y);
          };
          auto select = [&](Value c, Value x, Value y) -> Value {
            return arith::SelectOp::create(b, l, c, x, y);
          };
          IndexMath im(b, l);

          // Input coordinate of output index `o` along `d`. `length <= 1`
          // (a single output element) takes the formulas' special cases;
          // the selects keep the divisions away from zero.
          auto sourceCoordinate = [&](const ResizedDim &d, Value o) -> Value {
            Value of = indexToFloat(b, l, o);
            auto single = [&]() {
              return fcmp(arith::CmpFPredicate::OLE, d.length, fconst(1));
            };
            auto lengthLast = [&](Value isSingle) {
              return select(isSingle, fconst(1), sub(d.length, fconst(1)));
            };
            auto halfPixel = [&]() {
              Value half = fconst(0.5);
              return sub(div(add(of, half), d.scale), half);
            };
            switch (transform) {
            case tl::CoordinateTransform::asymmetric:
              return div(of, d.scale);
            case tl::CoordinateTransform::half_pixel:
              return halfPixel();
            case tl::CoordinateTransform::pytorch_half_pixel:
              return select(single(), fconst(0), halfPixel());
            case tl::CoordinateTransform::tf_half_pixel_for_nn:
              return div(add(of, fconst(0.5)), d.scale);
            case tl::CoordinateTransform::align_corners: {
              // o * (D - 1) / (length - 1): the last output maps exactly to
              // the last input.
              Value isSingle = single();
              Value x = div(mul(of, indexToFloat(b, l, d.lastIndex)),
                            lengthLast(isSingle));
              return select(isSingle, fconst(0), x);
            }
            case tl::CoordinateTransform::tf_crop_and_resize: {
              Value last = indexToFloat(b, l, d.lastIndex);
              Value begin = mul(fconst(d.roiStart), last);
              Value span = mul(fconst(d.roiEnd - d.roiStart), last);
              Value isSingle = single();
              Value x = add(begin, div(mul(of, span), lengthLast(isSingle)));
              Value middle = mul(fconst((d.roiStart + d.roiEnd) / 2), last);
              return select(isSingle, middle, x);
            }
            }
            llvm_unreachable("unknown coordinate transform");
          };
          auto clampIndex = [&](const ResizedDim &d, Value index) -> Value {
            return im.value(im.max(im.min(index, d.lastIndex), im.c(0)));
          };

          SmallVector<Value> coordinates;
          Value outside;
          for (const ResizedDim &d : resized) {
            Value x = sourceCoordinate(d, indices[d.dim]);
            coordinates.push_back(x);
            if (!crop)
              continue;
            Value last = indexToFloat(b, l, d.lastIndex);
            Value out = arith::OrIOp::create(
                b, l, fcmp(arith::CmpFPredicate::OLT, x, fconst(0)),
                fcmp(arith::CmpFPredicate::OGT, x, last));
            outside = outside ? arith::OrIOp::create(b, l, outside, out)
                              : out;
          }
          auto extrapolate = [&](Value value) -> Value {
            return outside ? select(outside, extrapolation, value) : value;
          };

          SmallVector<Value> source(indices);
          if (mode == tl::ResizeMode::nearest) {
            for (auto [d, x] : llvm::zip(resized, coordinates)) {
              Value rounded;
              switch (nearestMode) {
              case tl::NearestMode::round_prefer_floor:
                // Ties go down: ceil(x - 0.5).
                rounded = math::CeilOp::create(b, l, sub(x, fconst(0.5)));
                break;
              case tl::NearestMode::round_prefer_ceil:
                rounded = math::FloorOp::create(b, l, add(x, fconst(0.5)));
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
            return extrapolate(tensor::ExtractOp::create(b, l, input, source));
          }
          if (resized.empty())
            return tensor::ExtractOp::create(b, l, input, source);

          // The taps of every resized dim.
          SmallVector<SmallVector<Tap>> taps;
          for (auto [d, x] : llvm::zip(resized, coordinates)) {
            SmallVector<Tap> &dimTaps = taps.emplace_back();
            if (mode == tl::ResizeMode::linear) {
              // x clamped to [0, D - 1]: floor(x) and min(floor(x) + 1, D - 1)
              // weighted 1 - frac and frac.
              Value last = indexToFloat(b, l, d.lastIndex);
              Value clamped = arith::MaximumFOp::create(
                  b, l, arith::MinimumFOp::create(b, l, x, last), fconst(0));
              Value floored = math::FloorOp::create(b, l, clamped);
              Value low = toIndex(floored);
              Value fraction = sub(clamped, floored);
              dimTaps.push_back({low, sub(fconst(1), fraction)});
              dimTaps.push_back(
                  {clampIndex(d, im.value(im.add(low, im.c(1)))), fraction});
              continue;
            }
            // Cubic: floor(x) - 1 .. floor(x) + 2 at distances 1 + t, t,
            // 1 - t, 2 - t from x, weighted by Keys' kernel
            //   |s| <= 1: (A + 2)|s|^3 - (A + 3)|s|^2 + 1
            //   1 < |s| < 2: A|s|^3 - 5A|s|^2 + 8A|s| - 4A.
            Value floored = math::FloorOp::create(b, l, x);
            Value t = sub(x, floored);
            Value base = toIndex(floored);
            Value a = fconst(cubicA);
            auto near = [&](Value s) {
              Value p = sub(mul(fconst(cubicA + 2), s), fconst(cubicA + 3));
              return add(mul(mul(p, s), s), fconst(1));
            };
            auto far = [&](Value s) {
              Value p = sub(mul(a, s), fconst(5 * cubicA));
              Value q = add(mul(p, s), fconst(8 * cubicA));
              return sub(mul(q, s), fconst(4 * cubicA));
            };
            Value oneMinusT = sub(fconst(1), t);
            Value weights[4] = {far(add(fconst(1), t)), near(t),
                                near(oneMinusT), far(add(fconst(1), oneMinusT))};
            Value total;
            for (int64_t k = 0; k < 4; ++k) {
              Value index = im.value(im.add(base, im.c(k - 1)));
              Value weight = weights[k];
              if (excludeOutside) {
                // Taps outside [0, D - 1] get no weight; the rest are
                // renormalized below.
                Value inside = arith::AndIOp::create(
                    b, l,
                    arith::CmpIOp::create(b, l, arith::CmpIPredicate::sge,
                                          index, im.value(im.c(0))),
                    arith::CmpIOp::create(b, l, arith::CmpIPredicate::sle,
                                          index, d.lastIndex));
                weight = select(inside, weight, fconst(0));
                total = total ? add(total, weight) : weight;
              }
              dimTaps.push_back({clampIndex(d, index), weight});
            }
            if (excludeOutside)
              for (Tap &tap : dimTaps)
                tap.weight = div(tap.weight, total);
          }

          // Sum over every combination of the dims' taps (mixed radix).
          int64_t combinations = 1;
          for (const SmallVector<Tap> &dimTaps : taps)
            combinations *= dimTaps.size();
          Value sum;
          for (int64_t c = 0; c < combinations; ++c) {
            Value weight;
            int64_t rest = c;
            for (auto [d, dimTaps] : llvm::zip(resized, taps)) {
              const Tap &tap = dimTaps[rest % dimTaps.size()];
              rest /= dimTaps.size();
              source[d.dim] = tap.index;
              weight = weight ? mul(weight, tap.weight) : tap.weight;
            }
            Value element = tensor::ExtractOp::create(b, l, input, source);
            if (element.getType() != coordType)
              element = arith::ExtFOp::create(b, l, coordType, element);
            Value term = mul(weight, element);
            sum = sum ? add(sum, term) : term;
          }
          sum = extrapolate(sum);
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
