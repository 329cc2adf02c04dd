//===- Sampling.cpp - tl.grid_sample to linalg ----------------------------===//
//
// One index-computing linalg.generic over the output [N, C, H_out, W_out],
// following PyTorch's grid_sampler_2d: the grid point (read through the
// generic's maps) is unnormalized to input coordinates; for nearest and
// bilinear the padding mode then moves the coordinate (border clamps it,
// reflection mirrors it at the border and clamps), for bicubic it moves each
// of the 4x4 taps. Taps read the input with tensor.extract at clamped
// indices and contribute 0 where they fall outside it (zeros padding).
// Coordinates are computed in f32 (f64 for f64 data).
//
//===----------------------------------------------------------------------===//

#include "StructuredUtils.h"

#include "tlc/Conversion/TLToLinalg/TLToLinalg.h"

#include "tl/IR/TLOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Transforms/DialectConversion.h"

using namespace mlir;
using namespace mlir::tlc::detail;

namespace {

/// Scalar arithmetic in the coordinate type inside the generic's body.
class SampleMath {
public:
  SampleMath(OpBuilder &b, Location loc, FloatType type)
      : b(b), loc(loc), type(type) {}

  Value c(double v) {
    return arith::ConstantOp::create(b, loc, b.getFloatAttr(type, v));
  }
  Value add(Value x, Value y) { return arith::AddFOp::create(b, loc, x, y); }
  Value sub(Value x, Value y) { return arith::SubFOp::create(b, loc, x, y); }
  Value mul(Value x, Value y) { return arith::MulFOp::create(b, loc, x, y); }
  Value div(Value x, Value y) { return arith::DivFOp::create(b, loc, x, y); }
  Value floor(Value x) { return math::FloorOp::create(b, loc, x); }
  Value abs(Value x) { return math::AbsFOp::create(b, loc, x); }
  Value min(Value x, Value y) { return arith::MinimumFOp::create(b, loc, x, y); }
  Value max(Value x, Value y) { return arith::MaximumFOp::create(b, loc, x, y); }
  Value clamp(Value x, Value lo, Value hi) { return min(max(x, lo), hi); }
  Value cmp(arith::CmpFPredicate p, Value x, Value y) {
    return arith::CmpFOp::create(b, loc, p, x, y);
  }
  Value select(Value cond, Value x, Value y) {
    return arith::SelectOp::create(b, loc, cond, x, y);
  }
  Value fromIndex(Value index) {
    Value i64 = arith::IndexCastOp::create(b, loc, b.getI64Type(), index);
    return arith::SIToFPOp::create(b, loc, type, i64);
  }
  Value toIndex(Value x) {
    Value i64 = arith::FPToSIOp::create(b, loc, b.getI64Type(), x);
    return arith::IndexCastOp::create(b, loc, b.getIndexType(), i64);
  }

private:
  OpBuilder &b;
  Location loc;
  FloatType type;
};

/// One spatial dim of the input: its size as a float and the largest index.
struct SampledDim {
  Value size; // D
  Value last; // D - 1
};

struct GridSampleOpLowering : OpConversionPattern<tl::GridSampleOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(tl::GridSampleOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType resultType = op.getType();
    Value input = adaptor.getInput(), grid = adaptor.getGrid();
    Type elementType = resultType.getElementType();
    FloatType coordType = elementType.isF64()
                              ? cast<FloatType>(rewriter.getF64Type())
                              : cast<FloatType>(rewriter.getF32Type());
    tl::ResizeMode mode = op.getMode();
    tl::GridPaddingMode padding = op.getPaddingMode();
    bool alignCorners = op.getAlignCorners();

    SmallVector<OpFoldResult> sizes = {
        getDimSize(rewriter, loc, input, 0), getDimSize(rewriter, loc, input, 1),
        getDimSize(rewriter, loc, grid, 1), getDimSize(rewriter, loc, grid, 2)};
    sizes = refineSizes(resultType, sizes);
    IndexMath im(rewriter, loc);
    SampleMath outer(rewriter, loc, coordType);
    SampledDim dims[2];
    for (int64_t i = 0; i < 2; ++i) {
      Value size = im.value(getDimSize(rewriter, loc, input, 2 + i));
      dims[i].size = outer.fromIndex(size);
      dims[i].last = outer.sub(dims[i].size, outer.c(1));
    }

    // grid[n, h, w, 0] (x) and grid[n, h, w, 1] (y).
    MLIRContext *ctx = op.getContext();
    auto d = [&](unsigned i) { return getAffineDimExpr(i, ctx); };
    SmallVector<AffineMap> maps = {
        AffineMap::get(4, 0, {d(0), d(2), d(3), getAffineConstantExpr(0, ctx)},
                       ctx),
        AffineMap::get(4, 0, {d(0), d(2), d(3), getAffineConstantExpr(1, ctx)},
                       ctx)};

    Value result = buildIndexedGeneric(
        rewriter, loc, sizes, elementType, {grid, grid}, maps,
        [&](OpBuilder &b, Location l, ValueRange indices,
            ValueRange args) -> Value {
          SampleMath m(b, l, coordType);
          auto toCoord = [&](Value v) -> Value {
            if (v.getType() == coordType)
              return v;
            return arith::ExtFOp::create(b, l, coordType, v);
          };
          // Unnormalize: dims[1] is W (x), dims[0] is H (y).
          auto unnormalize = [&](Value g, const SampledDim &dim) {
            Value shifted = m.add(g, m.c(1));
            if (alignCorners)
              return m.mul(m.mul(shifted, m.c(0.5)), dim.last);
            return m.mul(m.sub(m.mul(shifted, dim.size), m.c(1)), m.c(0.5));
          };
          // Mirrors x into [lo, hi] = [twiceLow / 2, twiceHigh / 2].
          auto reflect = [&](Value x, Value twiceLow, Value twiceHigh) {
            Value low = m.mul(twiceLow, m.c(0.5));
            Value span = m.mul(m.sub(twiceHigh, twiceLow), m.c(0.5));
            Value dist = m.abs(m.sub(x, low));
            Value flips = m.floor(m.div(dist, span));
            Value extra = m.sub(dist, m.mul(flips, span));
            Value half = m.mul(flips, m.c(0.5));
            Value even = m.cmp(arith::CmpFPredicate::OEQ, m.floor(half), half);
            Value mirrored =
                m.select(even, m.add(extra, low), m.add(m.sub(span, extra), low));
            // A single position (span 0) reflects onto itself.
            Value degenerate =
                m.cmp(arith::CmpFPredicate::OEQ, span, m.c(0));
            return m.select(degenerate, m.c(0), mirrored);
          };
          auto applyPadding = [&](Value x, const SampledDim &dim) -> Value {
            switch (padding) {
            case tl::GridPaddingMode::zeros:
              return x;
            case tl::GridPaddingMode::border:
              return m.clamp(x, m.c(0), dim.last);
            case tl::GridPaddingMode::reflection: {
              Value reflected =
                  alignCorners
                      ? reflect(x, m.c(0), m.mul(dim.last, m.c(2)))
                      : reflect(x, m.c(-1), m.sub(m.mul(dim.size, m.c(2)),
                                                  m.c(1)));
              return m.clamp(reflected, m.c(0), dim.last);
            }
            }
            llvm_unreachable("unknown padding mode");
          };
          // input[n, c, y, x] for integral float coordinates; 0 outside.
          auto read = [&](Value y, Value x) -> Value {
            Value inside = arith::AndIOp::create(
                b, l,
                arith::AndIOp::create(
                    b, l, m.cmp(arith::CmpFPredicate::OGE, x, m.c(0)),
                    m.cmp(arith::CmpFPredicate::OLE, x, dims[1].last)),
                arith::AndIOp::create(
                    b, l, m.cmp(arith::CmpFPredicate::OGE, y, m.c(0)),
                    m.cmp(arith::CmpFPredicate::OLE, y, dims[0].last)));
            Value yi = m.toIndex(m.clamp(y, m.c(0), dims[0].last));
            Value xi = m.toIndex(m.clamp(x, m.c(0), dims[1].last));
            Value v = toCoord(tensor::ExtractOp::create(
                b, l, input, ValueRange{indices[0], indices[1], yi, xi}));
            return m.select(inside, v, m.c(0));
          };

          Value x = unnormalize(toCoord(args[0]), dims[1]);
          Value y = unnormalize(toCoord(args[1]), dims[0]);
          Value value;
          if (mode == tl::ResizeMode::nearest) {
            x = math::RoundEvenOp::create(b, l, applyPadding(x, dims[1]));
            y = math::RoundEvenOp::create(b, l, applyPadding(y, dims[0]));
            value = read(y, x);
          } else if (mode == tl::ResizeMode::linear) {
            x = applyPadding(x, dims[1]);
            y = applyPadding(y, dims[0]);
            Value x0 = m.floor(x), y0 = m.floor(y);
            Value x1 = m.add(x0, m.c(1)), y1 = m.add(y0, m.c(1));
            Value wx1 = m.sub(x, x0), wy1 = m.sub(y, y0);
            Value wx0 = m.sub(m.c(1), wx1), wy0 = m.sub(m.c(1), wy1);
            value = m.add(
                m.add(m.mul(m.mul(wy0, wx0), read(y0, x0)),
                      m.mul(m.mul(wy0, wx1), read(y0, x1))),
                m.add(m.mul(m.mul(wy1, wx0), read(y1, x0)),
                      m.mul(m.mul(wy1, wx1), read(y1, x1))));
          } else {
            // Keys cubic convolution, a = -0.75, over the 4x4 neighbourhood.
            const double a = -0.75;
            auto near = [&](Value t) { // |t| <= 1
              return m.add(
                  m.mul(m.mul(m.sub(m.mul(m.c(a + 2), t), m.c(a + 3)), t), t),
                  m.c(1));
            };
            auto far = [&](Value t) { // 1 < |t| < 2
              return m.sub(
                  m.mul(m.add(m.mul(m.sub(m.mul(m.c(a), t), m.c(5 * a)), t),
                              m.c(8 * a)),
                        t),
                  m.c(4 * a));
            };
            auto coefficients = [&](Value t) -> std::array<Value, 4> {
              return {far(m.add(t, m.c(1))), near(t), near(m.sub(m.c(1), t)),
                      far(m.sub(m.c(2), t))};
            };
            Value x0 = m.floor(x), y0 = m.floor(y);
            std::array<Value, 4> cx = coefficients(m.sub(x, x0));
            std::array<Value, 4> cy = coefficients(m.sub(y, y0));
            value = m.c(0);
            for (int64_t i = 0; i < 4; ++i) {
              Value yi = applyPadding(m.add(y0, m.c(i - 1)), dims[0]);
              Value row = m.c(0);
              for (int64_t j = 0; j < 4; ++j) {
                Value xj = applyPadding(m.add(x0, m.c(j - 1)), dims[1]);
                row = m.add(row, m.mul(cx[j], read(yi, xj)));
              }
              value = m.add(value, m.mul(cy[i], row));
            }
          }
          if (value.getType() != elementType)
            value = arith::TruncFOp::create(b, l, elementType, value);
          return value;
        });
    rewriter.replaceOp(op, castToType(rewriter, loc, result, resultType));
    return success();
  }
};

} // namespace

void mlir::tlc::populateTLSamplingToLinalgPatterns(
    RewritePatternSet &patterns) {
  patterns.add<GridSampleOpLowering>(patterns.getContext());
}
