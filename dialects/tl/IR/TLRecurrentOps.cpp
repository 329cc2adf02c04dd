//===- TLRecurrentOps.cpp - tl.rnn, tl.gru, tl.lstm -----------------------===//

#include "TLOpsUtils.h"
#include "tl/IR/TLOps.h"

#include "mlir/IR/BuiltinTypes.h"
#include "llvm/ADT/StringSwitch.h"

using namespace mlir;
using namespace mlir::tl;
using namespace mlir::tl::detail;

std::optional<RNNActivationInfo> mlir::tl::lookupRNNActivation(StringRef name) {
  static const RNNActivationInfo infos[] = {
      {"Relu", false, false, 0.0f, 0.0f},
      {"Tanh", false, false, 0.0f, 0.0f},
      {"Sigmoid", false, false, 0.0f, 0.0f},
      {"Affine", true, true, 1.0f, 0.0f},
      {"LeakyRelu", true, false, 0.01f, 0.0f},
      {"ThresholdedRelu", true, false, 1.0f, 0.0f},
      {"ScaledTanh", true, true, 1.0f, 1.0f},
      {"HardSigmoid", true, true, 0.2f, 0.5f},
      {"Elu", true, false, 1.0f, 0.0f},
      {"Softsign", false, false, 0.0f, 0.0f},
      {"Softplus", false, false, 0.0f, 0.0f},
  };
  for (const RNNActivationInfo &info : infos)
    if (info.name.equals_insensitive(name))
      return info;
  return std::nullopt;
}

int64_t RNNOp::getNumGates() { return 1; }
int64_t GRUOp::getNumGates() { return 3; }
int64_t LSTMOp::getNumGates() { return 4; }

ArrayRef<StringRef> RNNOp::getDefaultActivations() {
  static const StringRef names[] = {"Tanh"};
  return names;
}
ArrayRef<StringRef> GRUOp::getDefaultActivations() {
  static const StringRef names[] = {"Sigmoid", "Tanh"};
  return names;
}
ArrayRef<StringRef> LSTMOp::getDefaultActivations() {
  static const StringRef names[] = {"Sigmoid", "Tanh", "Tanh"};
  return names;
}

/// Output, output_h (and output_c) types from the input `[seq, batch, in]`
/// (`[batch, seq, in]` when batch-major).
static LogicalResult inferRecurrentTypes(std::optional<Location> loc,
                                         Type inputType, int64_t hidden,
                                         RNNDirection direction,
                                         bool batchMajor, unsigned numStates,
                                         SmallVectorImpl<Type> &inferred) {
  auto input = cast<RankedTensorType>(inputType);
  if (input.getRank() != 3)
    return inferError(loc, "input must be [seq, batch, input_size], got rank " +
                               Twine(input.getRank()));
  if (hidden <= 0)
    return inferError(loc, "hidden_size must be positive");
  int64_t dirs = direction == RNNDirection::bidirectional ? 2 : 1;
  int64_t seq = input.getDimSize(batchMajor ? 1 : 0);
  int64_t batch = input.getDimSize(batchMajor ? 0 : 1);
  Type element = input.getElementType();
  SmallVector<int64_t> y = batchMajor
                               ? SmallVector<int64_t>{batch, seq, dirs, hidden}
                               : SmallVector<int64_t>{seq, dirs, batch, hidden};
  SmallVector<int64_t> state = batchMajor
                                   ? SmallVector<int64_t>{batch, dirs, hidden}
                                   : SmallVector<int64_t>{dirs, batch, hidden};
  inferred.push_back(RankedTensorType::get(y, element));
  for (unsigned i = 0; i < numStates; ++i)
    inferred.push_back(RankedTensorType::get(state, element));
  return success();
}

LogicalResult RNNOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                      Adaptor adaptor,
                                      SmallVectorImpl<Type> &inferred) {
  return inferRecurrentTypes(loc, adaptor.getInput().getType(),
                             adaptor.getHiddenSize(), adaptor.getDirection(),
                             adaptor.getBatchMajor(), 1, inferred);
}
LogicalResult GRUOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                      Adaptor adaptor,
                                      SmallVectorImpl<Type> &inferred) {
  return inferRecurrentTypes(loc, adaptor.getInput().getType(),
                             adaptor.getHiddenSize(), adaptor.getDirection(),
                             adaptor.getBatchMajor(), 1, inferred);
}
LogicalResult LSTMOp::inferReturnTypes(MLIRContext *,
                                       std::optional<Location> loc,
                                       Adaptor adaptor,
                                       SmallVectorImpl<Type> &inferred) {
  return inferRecurrentTypes(loc, adaptor.getInput().getType(),
                             adaptor.getHiddenSize(), adaptor.getDirection(),
                             adaptor.getBatchMajor(), 2, inferred);
}

/// Checks that `value` has `expected.size()` dims, each equal to the
/// expected one where both are static.
static LogicalResult checkShape(Operation *op, Value value, StringRef name,
                                ArrayRef<int64_t> expected) {
  auto type = cast<RankedTensorType>(value.getType());
  auto describe = [&] {
    return name.str() + " must be " + formatShape(expected) + ", got " +
           formatShape(type.getShape());
  };
  if (type.getRank() != static_cast<int64_t>(expected.size()))
    return op->emitOpError(describe());
  for (auto [actual, want] : llvm::zip(type.getShape(), expected))
    if (!ShapedType::isDynamic(actual) && !ShapedType::isDynamic(want) &&
        actual != want)
      return op->emitOpError(describe());
  return success();
}

/// The checks shared by the three layers: operand shapes against the input,
/// hidden_size and direction; activation lists.
template <typename OpTy>
static LogicalResult verifyRecurrent(OpTy op, ValueRange states,
                                     Value peepholes) {
  Operation *operation = op.getOperation();
  auto input = cast<RankedTensorType>(op.getInput().getType());
  Type element = input.getElementType();
  for (Value operand : operation->getOperands())
    if (operand != op.getSequenceLens() &&
        cast<RankedTensorType>(operand.getType()).getElementType() != element)
      return op.emitOpError(
          "weights, bias and states must have the input's element type");
  if (input.getRank() != 3)
    return op.emitOpError("input must be [seq, batch, input_size], got rank ")
           << input.getRank();
  bool batchMajor = op.getBatchMajor();
  int64_t dirs = op.getNumDirections();
  int64_t hidden = op.getHiddenSize();
  int64_t gates = OpTy::getNumGates() * hidden;
  int64_t batch = input.getDimSize(batchMajor ? 0 : 1);
  if (failed(checkShape(operation, op.getWeight(), "weight",
                        {dirs, gates, input.getDimSize(2)})) ||
      failed(checkShape(operation, op.getRecurrence(), "recurrence",
                        {dirs, gates, hidden})))
    return failure();
  if (Value bias = op.getBias())
    if (failed(checkShape(operation, bias, "bias", {dirs, 2 * gates})))
      return failure();
  if (Value lens = op.getSequenceLens())
    if (failed(checkShape(operation, lens, "sequence_lens", {batch})))
      return failure();
  SmallVector<int64_t> stateShape =
      batchMajor ? SmallVector<int64_t>{batch, dirs, hidden}
                 : SmallVector<int64_t>{dirs, batch, hidden};
  for (Value state : states)
    if (state && failed(checkShape(operation, state, "initial state",
                                   stateShape)))
      return failure();
  if (peepholes &&
      failed(checkShape(operation, peepholes, "peepholes", {dirs, 3 * hidden})))
    return failure();

  size_t numActivations = OpTy::getDefaultActivations().size() * dirs;
  if (std::optional<ArrayAttr> activations = op.getActivations()) {
    if (activations->size() != numActivations)
      return op.emitOpError("expects ")
             << numActivations << " activations, got " << activations->size();
    for (Attribute name : *activations)
      if (!lookupRNNActivation(cast<StringAttr>(name).getValue()))
        return op.emitOpError("unknown activation '")
               << cast<StringAttr>(name).getValue() << "'";
  }
  for (std::optional<ArrayRef<float>> values :
       {op.getActivationAlpha(), op.getActivationBeta()}) {
    if (!values)
      continue;
    if (!op.getActivations())
      return op.emitOpError(
          "activation_alpha/activation_beta need explicit activations");
    if (values->size() != numActivations)
      return op.emitOpError("expects one activation_alpha/activation_beta "
                            "per activation (")
             << numActivations << "), got " << values->size();
  }
  if (std::optional<APFloat> clip = op.getClip())
    if (!(clip->convertToDouble() > 0.0))
      return op.emitOpError("clip must be positive");
  return success();
}

LogicalResult RNNOp::verify() {
  return verifyRecurrent(*this, {getInitialH()}, Value());
}
LogicalResult GRUOp::verify() {
  return verifyRecurrent(*this, {getInitialH()}, Value());
}
LogicalResult LSTMOp::verify() {
  return verifyRecurrent(*this, {getInitialH(), getInitialC()}, getPeepholes());
}
