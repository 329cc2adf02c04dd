//===- Recurrent.cpp - tl.rnn, tl.gru, tl.lstm to linalg + scf ------------===//
//
// A recurrent layer lowers, per direction, to
//  * one linalg.matmul of the whole sequence with the input weights (the
//    input projection of every step at once, biases folded into its
//    destination),
//  * an scf.for over the time steps carrying the hidden (and cell) state and
//    the output sequence; each step is a linalg.matmul of the state with the
//    recurrence weights and one linalg.generic computing the gates and the
//    new state (GRU without linear_before_reset needs a second matmul of the
//    reset state and a second generic).
// Sequence lengths mask the steps past each batch entry's length (state kept,
// output zero). A reverse direction without lengths walks the steps
// backwards; with lengths, every entry's valid prefix is reversed before and
// after the loop instead.
//
//===----------------------------------------------------------------------===//

#include "ElementwiseUtils.h"

#include "tlc/Conversion/TLToLinalg/TLToLinalg.h"

#include "tl/IR/TLOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Transforms/DialectConversion.h"

using namespace mlir;
using namespace mlir::tlc;

namespace {

enum class CellKind { RNN, GRU, LSTM };

struct Activation {
  std::string name;
  float alpha = 0.0f;
  float beta = 0.0f;
};

/// What every step of one layer needs to know.
struct CellConfig {
  CellKind kind;
  int64_t hidden;
  int64_t numActivations; // per direction
  SmallVector<Activation> activations;
  std::optional<double> clip;
  bool linearBeforeReset = false;
  bool inputForget = false;
  Type elementType;
};

/// Scalar builders for the cell bodies (operands in the compute type).
struct ScalarMath {
  OpBuilder &b;
  Location loc;
  Type type;

  Value cst(double v) { return ew::createScalarConstant(b, loc, type, v); }
  Value add(Value x, Value y) { return arith::AddFOp::create(b, loc, x, y); }
  Value sub(Value x, Value y) { return arith::SubFOp::create(b, loc, x, y); }
  Value mul(Value x, Value y) { return arith::MulFOp::create(b, loc, x, y); }
  Value div(Value x, Value y) { return arith::DivFOp::create(b, loc, x, y); }
  Value max(Value x, Value y) {
    return arith::MaximumFOp::create(b, loc, x, y);
  }
  Value min(Value x, Value y) {
    return arith::MinimumFOp::create(b, loc, x, y);
  }
  Value select(Value c, Value x, Value y) {
    return arith::SelectOp::create(b, loc, c, x, y);
  }
  Value cmp(arith::CmpFPredicate p, Value x, Value y) {
    return arith::CmpFOp::create(b, loc, p, x, y);
  }
  Value exp(Value x) { return math::ExpOp::create(b, loc, x); }
  Value tanh(Value x) { return math::TanhOp::create(b, loc, x); }
  Value sigmoid(Value x) {
    return div(cst(1.0), add(cst(1.0), exp(arith::NegFOp::create(b, loc, x))));
  }

  /// The ONNX activation `act` of `x`, its input clipped first.
  Value apply(const Activation &act, Value x, std::optional<double> clip) {
    if (clip)
      x = max(min(x, cst(*clip)), cst(-*clip));
    StringRef name = act.name;
    using P = arith::CmpFPredicate;
    if (name == "Relu")
      return max(x, cst(0.0));
    if (name == "Tanh")
      return tanh(x);
    if (name == "Sigmoid")
      return sigmoid(x);
    if (name == "Affine")
      return add(mul(cst(act.alpha), x), cst(act.beta));
    if (name == "LeakyRelu")
      return select(cmp(P::OGE, x, cst(0.0)), x, mul(cst(act.alpha), x));
    if (name == "ThresholdedRelu")
      return select(cmp(P::OGT, x, cst(act.alpha)), x, cst(0.0));
    if (name == "ScaledTanh")
      return mul(cst(act.alpha), tanh(mul(cst(act.beta), x)));
    if (name == "HardSigmoid")
      return max(cst(0.0),
                 min(cst(1.0), add(mul(cst(act.alpha), x), cst(act.beta))));
    if (name == "Elu")
      return select(cmp(P::OGE, x, cst(0.0)), x,
                    mul(cst(act.alpha), sub(exp(x), cst(1.0))));
    if (name == "Softsign")
      return div(x, add(cst(1.0), math::AbsFOp::create(b, loc, x)));
    assert(name == "Softplus" && "verifier admits only known activations");
    return math::LogOp::create(b, loc, add(exp(x), cst(1.0)));
  }
};

using StepBody =
    function_ref<SmallVector<Value>(OpBuilder &, Location, ValueRange)>;

/// An all-parallel linalg.generic over `sizes` with `numResults` results of
/// `elementType`; input elements reach `body` in the compute type. The
/// leading results are written into `destinations` (the loop-carried state,
/// so that bufferization updates it in place), the others into new tensors.
SmallVector<Value> buildStepGeneric(OpBuilder &b, Location loc,
                                    ValueRange inputs,
                                    ArrayRef<AffineMap> inputMaps,
                                    ArrayRef<OpFoldResult> sizes,
                                    Type elementType, unsigned numResults,
                                    StepBody body,
                                    ValueRange destinations = {}) {
  SmallVector<Value> inits(destinations);
  for (unsigned i = inits.size(); i < numResults; ++i)
    inits.push_back(ew::createEmptyTensor(b, loc, sizes, elementType));
  SmallVector<AffineMap> maps(inputMaps);
  maps.append(numResults, b.getMultiDimIdentityMap(sizes.size()));
  SmallVector<utils::IteratorType> iterators(sizes.size(),
                                             utils::IteratorType::parallel);
  auto generic = linalg::GenericOp::create(
      b, loc, ValueRange(inits).getTypes(), inputs, inits, maps, iterators,
      [&](OpBuilder &nb, Location nloc, ValueRange args) {
        SmallVector<Value> promoted;
        for (Value arg : args.drop_back(numResults))
          promoted.push_back(ew::promoteScalar(nb, nloc, arg));
        SmallVector<Value> results;
        for (Value result : body(nb, nloc, promoted))
          results.push_back(ew::demoteScalar(nb, nloc, result, elementType));
        linalg::YieldOp::create(nb, nloc, results);
      });
  return SmallVector<Value>(generic.getResults());
}

/// linalg.matmul of `lhs` [M, K] and `rhs` [K, N] accumulated into `init`.
Value matmulInto(OpBuilder &b, Location loc, Value lhs, Value rhs, Value init) {
  return linalg::MatmulOp::create(b, loc, TypeRange{init.getType()},
                                  ValueRange{lhs, rhs}, ValueRange{init})
      .getResult(0);
}

/// `init[t, b, g] += sum_k x[t, b, k] * w[k, g]`.
Value projectInputs(OpBuilder &b, Location loc, Value x, Value w, Value init) {
  MLIRContext *ctx = b.getContext();
  auto map = [&](ArrayRef<unsigned> dims) {
    SmallVector<AffineExpr> exprs;
    for (unsigned d : dims)
      exprs.push_back(getAffineDimExpr(d, ctx));
    return AffineMap::get(4, 0, exprs, ctx);
  };
  SmallVector<utils::IteratorType> iterators(3, utils::IteratorType::parallel);
  iterators.push_back(utils::IteratorType::reduction);
  return linalg::GenericOp::create(
             b, loc, TypeRange{init.getType()}, ValueRange{x, w},
             ValueRange{init},
             ArrayRef<AffineMap>{map({0, 1, 3}), map({3, 2}), map({0, 1, 2})},
             iterators,
             [&](OpBuilder &nb, Location nloc, ValueRange args) {
               Value product = arith::MulFOp::create(nb, nloc, args[0], args[1]);
               Value sum = arith::AddFOp::create(nb, nloc, args[2], product);
               linalg::YieldOp::create(nb, nloc, sum);
             })
      .getResult(0);
}

Value matmul(OpBuilder &b, Location loc, Value lhs, Value rhs) {
  Type elementType = cast<RankedTensorType>(lhs.getType()).getElementType();
  SmallVector<OpFoldResult> sizes = {tensor::getMixedSize(b, loc, lhs, 0),
                                     tensor::getMixedSize(b, loc, rhs, 1)};
  Value zero = ew::createScalarConstant(b, loc, elementType, 0.0);
  return matmulInto(b, loc, lhs, rhs,
                    ew::createFilledTensor(b, loc, sizes, zero));
}

Value transpose(OpBuilder &b, Location loc, Value value,
                ArrayRef<int64_t> perm) {
  SmallVector<OpFoldResult> dims = ew::getDims(b, loc, value);
  SmallVector<OpFoldResult> sizes;
  for (int64_t p : perm)
    sizes.push_back(dims[p]);
  Value init = ew::createEmptyTensor(
      b, loc, sizes, cast<RankedTensorType>(value.getType()).getElementType());
  return linalg::TransposeOp::create(b, loc, value, init, perm)->getResult(0);
}

/// The slice `[offsets, offsets + sizes)` of `value` with the unit dims in
/// `dropDims` removed (a rank-reducing tensor.extract_slice).
Value slice(OpBuilder &b, Location loc, Value value,
            ArrayRef<OpFoldResult> offsets, ArrayRef<OpFoldResult> sizes,
            ArrayRef<int64_t> dropDims) {
  auto type = cast<RankedTensorType>(value.getType());
  SmallVector<int64_t> shape;
  for (auto [i, size] : llvm::enumerate(sizes)) {
    if (llvm::is_contained(dropDims, static_cast<int64_t>(i)))
      continue;
    std::optional<int64_t> c = getConstantIntValue(size);
    shape.push_back(c ? *c : ShapedType::kDynamic);
  }
  SmallVector<OpFoldResult> strides(sizes.size(), b.getIndexAttr(1));
  return tensor::ExtractSliceOp::create(
      b, loc, RankedTensorType::get(shape, type.getElementType()), value,
      offsets, sizes, strides);
}

/// Inserts `source` into `dest` at `offsets` with `sizes` (unit dims of the
/// destination that `source` lacks are implied).
Value insert(OpBuilder &b, Location loc, Value source, Value dest,
             ArrayRef<OpFoldResult> offsets, ArrayRef<OpFoldResult> sizes) {
  SmallVector<OpFoldResult> strides(sizes.size(), b.getIndexAttr(1));
  return tensor::InsertSliceOp::create(b, loc, source, dest, offsets, sizes,
                                       strides);
}

/// `sequence_lens[b]` as an index (inside a body, `len` being its element).
Value lengthAsIndex(OpBuilder &b, Location loc, Value len) {
  return arith::IndexCastOp::create(b, loc, b.getIndexType(), len);
}

/// Reverses the first `lens[b]` steps of every batch entry of `value`
/// [seq, batch, features] (ONNX ReverseSequence); later steps stay.
Value reverseValidSteps(OpBuilder &b, Location loc, Value value, Value lens) {
  SmallVector<OpFoldResult> sizes = ew::getDims(b, loc, value);
  Type elementType = cast<RankedTensorType>(value.getType()).getElementType();
  Value init = ew::createEmptyTensor(b, loc, sizes, elementType);
  MLIRContext *ctx = b.getContext();
  AffineMap lensMap =
      AffineMap::get(3, 0, {getAffineDimExpr(1, ctx)}, ctx);
  SmallVector<utils::IteratorType> iterators(3, utils::IteratorType::parallel);
  return linalg::GenericOp::create(
             b, loc, TypeRange{init.getType()}, ValueRange{lens},
             ValueRange{init},
             ArrayRef<AffineMap>{lensMap, b.getMultiDimIdentityMap(3)},
             iterators,
             [&](OpBuilder &nb, Location nloc, ValueRange args) {
               Value t = linalg::IndexOp::create(nb, nloc, 0);
               Value batch = linalg::IndexOp::create(nb, nloc, 1);
               Value f = linalg::IndexOp::create(nb, nloc, 2);
               Value len = lengthAsIndex(nb, nloc, args[0]);
               Value one = arith::ConstantIndexOp::create(nb, nloc, 1);
               Value mirrored = arith::SubIOp::create(
                   nb, nloc, arith::SubIOp::create(nb, nloc, len, one), t);
               Value valid = arith::CmpIOp::create(
                   nb, nloc, arith::CmpIPredicate::slt, t, len);
               Value source =
                   arith::SelectOp::create(nb, nloc, valid, mirrored, t);
               Value element = tensor::ExtractOp::create(
                   nb, nloc, value, ValueRange{source, batch, f});
               linalg::YieldOp::create(nb, nloc, element);
             })
      .getResult(0);
}

/// The state operand (`initial_h`/`initial_c`) of direction `d` as
/// [batch, hidden], or zeros.
Value initialState(OpBuilder &b, Location loc, Value state, int64_t d,
                   bool batchMajor, OpFoldResult batch, int64_t hidden,
                   Type elementType) {
  OpFoldResult h = b.getIndexAttr(hidden);
  if (!state) {
    Value zero = ew::createScalarConstant(b, loc, elementType, 0.0);
    return ew::createFilledTensor(b, loc, {batch, h}, zero);
  }
  OpFoldResult zero = b.getIndexAttr(0), one = b.getIndexAttr(1),
               dir = b.getIndexAttr(d);
  if (batchMajor)
    return slice(b, loc, state, {zero, dir, zero}, {batch, one, h}, {1});
  return slice(b, loc, state, {dir, zero, zero}, {one, batch, h}, {0});
}

/// The operands of one layer after the adaptor (converted values).
struct LayerOperands {
  Value input, weight, recurrence, bias, lens, initialH, initialC, peepholes;
};

/// Lowers one layer; returns output, output_h (and output_c for LSTM) in the
/// op's layout.
SmallVector<Value> lowerLayer(OpBuilder &b, Location loc,
                              const LayerOperands &in, const CellConfig &cell,
                              tl::RNNDirection direction, bool batchMajor,
                              bool needOutput) {
  MLIRContext *ctx = b.getContext();
  Type elementType = cell.elementType;
  Type computeType = ew::getComputeType(elementType);
  int64_t hidden = cell.hidden;
  int64_t numGates =
      cell.kind == CellKind::LSTM ? 4 : (cell.kind == CellKind::GRU ? 3 : 1);
  int64_t gateWidth = numGates * hidden;
  bool isLSTM = cell.kind == CellKind::LSTM;

  Value x = batchMajor ? transpose(b, loc, in.input, {1, 0, 2}) : in.input;
  OpFoldResult seq = tensor::getMixedSize(b, loc, x, 0);
  OpFoldResult batch = tensor::getMixedSize(b, loc, x, 1);
  OpFoldResult features = tensor::getMixedSize(b, loc, x, 2);
  OpFoldResult zeroIdx = b.getIndexAttr(0), oneIdx = b.getIndexAttr(1);
  OpFoldResult hiddenIdx = b.getIndexAttr(hidden);
  OpFoldResult gateIdx = b.getIndexAttr(gateWidth);
  Value seqValue = getValueOrCreateConstantIndexOp(b, loc, seq);

  AffineMap identity = b.getMultiDimIdentityMap(2);
  AffineMap perHidden = AffineMap::get(2, 0, {getAffineDimExpr(1, ctx)}, ctx);
  AffineMap perBatch = AffineMap::get(2, 0, {getAffineDimExpr(0, ctx)}, ctx);
  SmallVector<OpFoldResult> stepSizes = {batch, hiddenIdx};

  int64_t numDirs = direction == tl::RNNDirection::bidirectional ? 2 : 1;
  SmallVector<Value> outputs, finalH, finalC;
  for (int64_t d = 0; d < numDirs; ++d) {
    bool reverse = direction == tl::RNNDirection::reverse || d == 1;
    bool reverseByGather = reverse && in.lens;
    bool reverseByIndex = reverse && !in.lens;
    OpFoldResult dir = b.getIndexAttr(d);
    auto activation = [&](int64_t k) -> const Activation & {
      return cell.activations[d * cell.numActivations + k];
    };

    // Weights as [K, gates] for the row-major products.
    Value w = transpose(
        b, loc,
        slice(b, loc, in.weight, {dir, zeroIdx, zeroIdx},
              {oneIdx, gateIdx, features}, {0}),
        {1, 0});
    Value r = transpose(
        b, loc,
        slice(b, loc, in.recurrence, {dir, zeroIdx, zeroIdx},
              {oneIdx, gateIdx, hiddenIdx}, {0}),
        {1, 0});

    // Bias of the input projection: Wb + Rb, except Rb_h of a GRU with
    // linear_before_reset, which goes inside the reset product.
    Value rbh;
    Value projectionInit;
    if (in.bias) {
      Value wb = slice(b, loc, in.bias, {dir, zeroIdx}, {oneIdx, gateIdx}, {0});
      Value rb = slice(b, loc, in.bias, {dir, gateIdx}, {oneIdx, gateIdx}, {0});
      bool rbhApart = cell.kind == CellKind::GRU && cell.linearBeforeReset;
      if (rbhApart)
        rbh = slice(b, loc, in.bias, {dir, b.getIndexAttr(gateWidth + 2 * hidden)},
                    {oneIdx, hiddenIdx}, {0});
      // [seq, batch, gates] filled with the bias of each gate column.
      AffineMap column = AffineMap::get(3, 0, {getAffineDimExpr(2, ctx)}, ctx);
      projectionInit = buildStepGeneric(
          b, loc, ValueRange{wb, rb}, {column, column}, {seq, batch, gateIdx},
          elementType, 1,
          [&](OpBuilder &nb, Location nloc, ValueRange args) {
            ScalarMath m{nb, nloc, computeType};
            Value sum = m.add(args[0], args[1]);
            if (rbhApart) {
              Value j = linalg::IndexOp::create(nb, nloc, 2);
              Value inH = arith::CmpIOp::create(
                  nb, nloc, arith::CmpIPredicate::sge, j,
                  arith::ConstantIndexOp::create(nb, nloc, 2 * hidden));
              sum = m.select(inH, args[0], sum);
            }
            return SmallVector<Value>{sum};
          })[0];
    } else {
      Value zero = ew::createScalarConstant(b, loc, elementType, 0.0);
      projectionInit =
          ew::createFilledTensor(b, loc, {seq, batch, gateIdx}, zero);
    }
    Value xd = reverseByGather ? reverseValidSteps(b, loc, x, in.lens) : x;
    // The input projection of every step: a contraction over the features
    // (no reshape to one matmul: expanding its result's dynamic rows back
    // into [seq, batch] trips up MLIR 22's strided-metadata expansion).
    Value projected = projectInputs(b, loc, xd, w, projectionInit);

    Value h0 = initialState(b, loc, in.initialH, d, batchMajor, batch, hidden,
                            elementType);
    Value c0 = isLSTM ? initialState(b, loc, in.initialC, d, batchMajor, batch,
                                     hidden, elementType)
                      : Value();
    SmallVector<Value> peepholes;
    if (isLSTM && in.peepholes)
      for (int64_t k = 0; k < 3; ++k)
        peepholes.push_back(slice(b, loc, in.peepholes,
                                  {dir, b.getIndexAttr(k * hidden)},
                                  {oneIdx, hiddenIdx}, {0}));

    SmallVector<Value> iterInit = {h0};
    if (isLSTM)
      iterInit.push_back(c0);
    if (needOutput)
      iterInit.push_back(ew::createEmptyTensor(b, loc, {seq, batch, hiddenIdx},
                                               elementType));
    Value lb = arith::ConstantIndexOp::create(b, loc, 0);
    Value step = arith::ConstantIndexOp::create(b, loc, 1);
    auto loop = scf::ForOp::create(
        b, loc, lb, seqValue, step, iterInit,
        [&](OpBuilder &lb, Location lloc, Value s, ValueRange carried) {
          Value h = carried[0];
          Value c = isLSTM ? carried[1] : Value();
          Value t = s;
          if (reverseByIndex) {
            Value last = arith::SubIOp::create(
                lb, lloc, seqValue, arith::ConstantIndexOp::create(lb, lloc, 1));
            t = arith::SubIOp::create(lb, lloc, last, s);
          }
          Value gx = slice(lb, lloc, projected, {t, zeroIdx, zeroIdx},
                           {oneIdx, batch, gateIdx}, {0});
          auto gate = [&](Value v, int64_t k) {
            return slice(lb, lloc, v, {zeroIdx, lb.getIndexAttr(k * hidden)},
                         {batch, hiddenIdx}, {});
          };
          bool gruSplit = cell.kind == CellKind::GRU && !cell.linearBeforeReset;
          Value hr =
              gruSplit
                  ? matmul(lb, lloc, h,
                           slice(lb, lloc, r, {zeroIdx, zeroIdx},
                                 {hiddenIdx, lb.getIndexAttr(2 * hidden)}, {}))
                  : matmul(lb, lloc, h, r);

          // Common trailing inputs: h (the state kept by masked steps) and
          // the lengths.
          auto masked = [&](ScalarMath &m, ValueRange args, Value next,
                            Value previous) -> std::pair<Value, Value> {
            if (!in.lens)
              return {next, next};
            Value len = lengthAsIndex(m.b, m.loc, args.back());
            Value valid = arith::CmpIOp::create(
                m.b, m.loc, arith::CmpIPredicate::slt, s, len);
            return {m.select(valid, next, previous),
                    m.select(valid, next, m.cst(0.0))};
          };
          SmallVector<Value> inputs;
          SmallVector<AffineMap> maps;
          auto addInput = [&](Value v, AffineMap map) {
            inputs.push_back(v);
            maps.push_back(map);
          };
          auto addLens = [&] {
            if (in.lens)
              addInput(in.lens, perBatch);
          };

          SmallVector<Value> results; // h', [c'], y
          if (cell.kind == CellKind::RNN) {
            addInput(gx, identity);
            addInput(hr, identity);
            addInput(h, identity);
            addLens();
            results = buildStepGeneric(
                lb, lloc, inputs, maps, stepSizes, elementType, 2,
                [&](OpBuilder &nb, Location nloc, ValueRange args) {
                  ScalarMath m{nb, nloc, computeType};
                  Value next = m.apply(activation(0), m.add(args[0], args[1]),
                                       cell.clip);
                  auto [state, y] = masked(m, args, next, args[2]);
                  return SmallVector<Value>{state, y};
                },
                ValueRange{h});
          } else if (isLSTM) {
            for (int64_t k = 0; k < 4; ++k)
              addInput(gate(gx, k), identity);
            for (int64_t k = 0; k < 4; ++k)
              addInput(gate(hr, k), identity);
            addInput(h, identity);
            addInput(c, identity);
            for (Value p : peepholes)
              addInput(p, perHidden);
            addLens();
            bool hasPeepholes = !peepholes.empty();
            results = buildStepGeneric(
                lb, lloc, inputs, maps, stepSizes, elementType, 3,
                [&](OpBuilder &nb, Location nloc, ValueRange args) {
                  ScalarMath m{nb, nloc, computeType};
                  // Gates in ONNX order i, o, f, c.
                  Value pre[4];
                  for (int64_t k = 0; k < 4; ++k)
                    pre[k] = m.add(args[k], args[4 + k]);
                  Value hPrev = args[8], cPrev = args[9];
                  if (hasPeepholes) {
                    pre[0] = m.add(pre[0], m.mul(args[10], cPrev));
                    pre[2] = m.add(pre[2], m.mul(args[12], cPrev));
                  }
                  Value i = m.apply(activation(0), pre[0], cell.clip);
                  Value f = cell.inputForget
                                ? m.sub(m.cst(1.0), i)
                                : m.apply(activation(0), pre[2], cell.clip);
                  Value g = m.apply(activation(1), pre[3], cell.clip);
                  Value cNext = m.add(m.mul(f, cPrev), m.mul(i, g));
                  if (hasPeepholes)
                    pre[1] = m.add(pre[1], m.mul(args[11], cNext));
                  Value o = m.apply(activation(0), pre[1], cell.clip);
                  Value hNext =
                      m.mul(o, m.apply(activation(2), cNext, std::nullopt));
                  auto [hState, y] = masked(m, args, hNext, hPrev);
                  Value cState = masked(m, args, cNext, cPrev).first;
                  return SmallVector<Value>{hState, cState, y};
                },
                ValueRange{h, c});
          } else if (cell.linearBeforeReset) {
            for (int64_t k = 0; k < 3; ++k)
              addInput(gate(gx, k), identity);
            for (int64_t k = 0; k < 3; ++k)
              addInput(gate(hr, k), identity);
            addInput(h, identity);
            if (rbh)
              addInput(rbh, perHidden);
            addLens();
            bool hasRbh = static_cast<bool>(rbh);
            results = buildStepGeneric(
                lb, lloc, inputs, maps, stepSizes, elementType, 2,
                [&](OpBuilder &nb, Location nloc, ValueRange args) {
                  ScalarMath m{nb, nloc, computeType};
                  Value hPrev = args[6];
                  Value z = m.apply(activation(0), m.add(args[0], args[3]),
                                    cell.clip);
                  Value rg = m.apply(activation(0), m.add(args[1], args[4]),
                                     cell.clip);
                  Value hr = hasRbh ? m.add(args[5], args[7]) : args[5];
                  Value cand = m.apply(activation(1),
                                       m.add(args[2], m.mul(rg, hr)), cell.clip);
                  Value next = m.add(m.mul(m.sub(m.cst(1.0), z), cand),
                                     m.mul(z, hPrev));
                  auto [state, y] = masked(m, args, next, hPrev);
                  return SmallVector<Value>{state, y};
                },
                ValueRange{h});
          } else {
            // z and r * H first, then the candidate from (r * H) R_h^T.
            SmallVector<Value> zr = buildStepGeneric(
                lb, lloc,
                ValueRange{gate(gx, 0), gate(gx, 1), gate(hr, 0), gate(hr, 1),
                           h},
                {identity, identity, identity, identity, identity}, stepSizes,
                elementType, 2,
                [&](OpBuilder &nb, Location nloc, ValueRange args) {
                  ScalarMath m{nb, nloc, computeType};
                  Value z = m.apply(activation(0), m.add(args[0], args[2]),
                                    cell.clip);
                  Value rg = m.apply(activation(0), m.add(args[1], args[3]),
                                     cell.clip);
                  return SmallVector<Value>{z, m.mul(rg, args[4])};
                });
            Value rh = matmul(
                lb, lloc, zr[1],
                slice(lb, lloc, r, {zeroIdx, lb.getIndexAttr(2 * hidden)},
                      {hiddenIdx, hiddenIdx}, {}));
            addInput(gate(gx, 2), identity);
            addInput(rh, identity);
            addInput(zr[0], identity);
            addInput(h, identity);
            addLens();
            results = buildStepGeneric(
                lb, lloc, inputs, maps, stepSizes, elementType, 2,
                [&](OpBuilder &nb, Location nloc, ValueRange args) {
                  ScalarMath m{nb, nloc, computeType};
                  Value z = args[2], hPrev = args[3];
                  Value cand = m.apply(activation(1), m.add(args[0], args[1]),
                                       cell.clip);
                  Value next = m.add(m.mul(m.sub(m.cst(1.0), z), cand),
                                     m.mul(z, hPrev));
                  auto [state, y] = masked(m, args, next, hPrev);
                  return SmallVector<Value>{state, y};
                },
                ValueRange{h});
          }

          SmallVector<Value> yielded = {results[0]};
          if (isLSTM)
            yielded.push_back(results[1]);
          if (needOutput) {
            Value y = results.back();
            yielded.push_back(insert(lb, lloc, y, carried.back(),
                                     {t, zeroIdx, zeroIdx},
                                     {oneIdx, batch, hiddenIdx}));
          }
          scf::YieldOp::create(lb, lloc, yielded);
        });
    finalH.push_back(loop.getResult(0));
    if (isLSTM)
      finalC.push_back(loop.getResult(1));
    if (needOutput) {
      Value y = loop.getResults().back();
      outputs.push_back(reverseByGather ? reverseValidSteps(b, loc, y, in.lens)
                                        : y);
    }
  }

  // Gather the directions: output [seq, D, batch, hidden], states
  // [D, batch, hidden]; then the batch-major layout.
  OpFoldResult dirs = b.getIndexAttr(numDirs);
  SmallVector<Value> results;
  if (needOutput) {
    Value y = ew::createEmptyTensor(b, loc, {seq, dirs, batch, hiddenIdx},
                                    elementType);
    for (auto [d, part] : llvm::enumerate(outputs))
      y = insert(b, loc, part, y,
                 {zeroIdx, b.getIndexAttr(d), zeroIdx, zeroIdx},
                 {seq, oneIdx, batch, hiddenIdx});
    results.push_back(batchMajor ? transpose(b, loc, y, {2, 0, 1, 3}) : y);
  } else {
    // Unused: an uninitialized tensor of the output's shape stands in.
    SmallVector<OpFoldResult> sizes =
        batchMajor ? SmallVector<OpFoldResult>{batch, seq, dirs, hiddenIdx}
                   : SmallVector<OpFoldResult>{seq, dirs, batch, hiddenIdx};
    results.push_back(ew::createEmptyTensor(b, loc, sizes, elementType));
  }
  for (ArrayRef<Value> parts : {ArrayRef<Value>(finalH), ArrayRef<Value>(finalC)}) {
    if (parts.empty())
      continue;
    Value state =
        ew::createEmptyTensor(b, loc, {dirs, batch, hiddenIdx}, elementType);
    for (auto [d, part] : llvm::enumerate(parts))
      state = insert(b, loc, part, state, {b.getIndexAttr(d), zeroIdx, zeroIdx},
                     {oneIdx, batch, hiddenIdx});
    results.push_back(batchMajor ? transpose(b, loc, state, {1, 0, 2})
                                 : state);
  }
  return results;
}

template <typename OpTy>
struct RecurrentOpLowering : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;
  using OpAdaptor = typename OpConversionPattern<OpTy>::OpAdaptor;

  LogicalResult
  matchAndRewrite(OpTy op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    CellConfig cell;
    if constexpr (std::is_same_v<OpTy, tl::RNNOp>)
      cell.kind = CellKind::RNN;
    else if constexpr (std::is_same_v<OpTy, tl::GRUOp>)
      cell.kind = CellKind::GRU;
    else
      cell.kind = CellKind::LSTM;
    cell.hidden = op.getHiddenSize();
    cell.elementType = op.getInput().getType().getElementType();
    ArrayRef<StringRef> defaults = OpTy::getDefaultActivations();
    cell.numActivations = defaults.size();
    std::optional<ArrayAttr> names = op.getActivations();
    std::optional<ArrayRef<float>> alphas = op.getActivationAlpha();
    std::optional<ArrayRef<float>> betas = op.getActivationBeta();
    for (int64_t i = 0, e = cell.numActivations * op.getNumDirections(); i < e;
         ++i) {
      StringRef name = names ? cast<StringAttr>((*names)[i]).getValue()
                             : defaults[i % cell.numActivations];
      std::optional<tl::RNNActivationInfo> info = tl::lookupRNNActivation(name);
      if (!info)
        return rewriter.notifyMatchFailure(op, "unknown activation");
      Activation act;
      act.name = info->name.str();
      act.alpha = alphas ? (*alphas)[i] : info->defaultAlpha;
      act.beta = betas ? (*betas)[i] : info->defaultBeta;
      cell.activations.push_back(act);
    }
    if (std::optional<APFloat> clip = op.getClip())
      cell.clip = clip->convertToDouble();
    if constexpr (std::is_same_v<OpTy, tl::GRUOp>)
      cell.linearBeforeReset = op.getLinearBeforeReset();
    LayerOperands in;
    in.input = adaptor.getInput();
    in.weight = adaptor.getWeight();
    in.recurrence = adaptor.getRecurrence();
    in.bias = adaptor.getBias();
    in.lens = adaptor.getSequenceLens();
    in.initialH = adaptor.getInitialH();
    if constexpr (std::is_same_v<OpTy, tl::LSTMOp>) {
      cell.inputForget = op.getInputForget();
      in.initialC = adaptor.getInitialC();
      in.peepholes = adaptor.getPeepholes();
    }
    bool needOutput = !op->getResult(0).use_empty();
    SmallVector<Value> results =
        lowerLayer(rewriter, loc, in, cell, op.getDirection(),
                   op.getBatchMajor(), needOutput);
    SmallVector<Value> replacements;
    for (auto [result, value] : llvm::zip(op->getResults(), results)) {
      replacements.push_back(ew::castToType(rewriter, loc, value,
                                            result.getType()));
    }
    rewriter.replaceOp(op, replacements);
    return success();
  }
};

} // namespace

void mlir::tlc::populateTLRecurrentToLinalgPatterns(
    RewritePatternSet &patterns) {
  patterns.add<RecurrentOpLowering<tl::RNNOp>, RecurrentOpLowering<tl::GRUOp>,
               RecurrentOpLowering<tl::LSTMOp>>(patterns.getContext());
}
