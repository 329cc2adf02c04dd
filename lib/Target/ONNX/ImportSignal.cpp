//===- ImportSignal.cpp - ONNX window functions and MelWeightMatrix -------===//
//
// HannWindow, HammingWindow, BlackmanWindow and MelWeightMatrix depend only
// on scalar inputs (sizes, rates, frequencies) that must be known at import
// time; their outputs are computed here in double precision and bound as
// constants of the requested `output_datatype`.
//
// DFT and STFT are decompositions: the transform along the signal axis is one
// tl.einsum of the signal ([..., N, 1] real or [..., N, 2] complex) with a
// constant [K, 2, N, C] matrix of cos/sin terms (real and imaginary parts of
// e^(-+2 pi i k n / L), computed in double). STFT first gathers the frames
// with a constant index tensor and multiplies them by the window.
//
//===----------------------------------------------------------------------===//

#include "ImporterContext.h"

#include <cmath>

using namespace mlir;
using namespace mlir::tlc;
using namespace mlir::tlc::onnx_import;

/// `values` as a constant of `shape` and the ONNX element type
/// `output_datatype` (default FLOAT), bound to output 0.
static LogicalResult setConstantOutput(NodeImporter &node,
                                       ArrayRef<int64_t> shape,
                                       ArrayRef<double> values) {
  FailureOr<int64_t> dataType = node.getInt("output_datatype", 1);
  if (failed(dataType))
    return failure();
  Type elementType = convertElementType(*dataType, node.getContext());
  if (!elementType || elementType.isInteger(1))
    return node.emitError() << "unsupported output_datatype " << *dataType;
  SmallVector<Attribute> elements;
  for (double v : values) {
    if (auto floatType = dyn_cast<FloatType>(elementType))
      elements.push_back(FloatAttr::get(floatType, v));
    else
      elements.push_back(
          IntegerAttr::get(elementType, static_cast<int64_t>(v)));
  }
  node.setOutputConstant(0, DenseElementsAttr::get(
                                RankedTensorType::get(shape, elementType),
                                elements));
  return success();
}

/// The single integer of scalar input `i` (`what` names it in errors).
static FailureOr<int64_t> getScalarInt(NodeImporter &node, unsigned i,
                                       StringRef what) {
  FailureOr<SmallVector<int64_t>> values = node.getConstantInts(i, what);
  if (failed(values))
    return failure();
  if (values->size() != 1)
    return node.emitError() << what << " must be a scalar";
  return values->front();
}

static FailureOr<double> getScalarFloat(NodeImporter &node, unsigned i,
                                        StringRef what) {
  FailureOr<SmallVector<double>> values = node.getConstantFloats(i, what);
  if (failed(values))
    return failure();
  if (values->size() != 1)
    return node.emitError() << what << " must be a scalar";
  return values->front();
}

//===----------------------------------------------------------------------===//
// Windows
//===----------------------------------------------------------------------===//

/// A generalized cosine window a0 - a1 cos(2 pi n / N) + a2 cos(4 pi n / N)
/// with N = size when periodic, size - 1 when symmetric.
template <int A0Num, int A0Den, int A2Num, int A2Den>
static LogicalResult importCosineWindow(NodeImporter &node) {
  FailureOr<int64_t> size = getScalarInt(node, 0, "size");
  FailureOr<int64_t> periodic = node.getInt("periodic", 1);
  if (failed(size) || failed(periodic))
    return failure();
  if (*size < 0 || *size > kMaxGeneratedElements)
    return node.emitError() << "size " << *size << " is out of range";
  double a0 = double(A0Num) / A0Den, a2 = double(A2Num) / A2Den;
  double a1 = 1.0 - a0 - a2;
  double denominator = *periodic ? double(*size) : double(*size - 1);
  SmallVector<double> values;
  for (int64_t n = 0; n < *size; ++n) {
    double angle = denominator == 0 ? 0 : 2 * M_PI * double(n) / denominator;
    values.push_back(a0 - a1 * std::cos(angle) + a2 * std::cos(2 * angle));
  }
  return setConstantOutput(node, {*size}, values);
}

//===----------------------------------------------------------------------===//
// MelWeightMatrix
//===----------------------------------------------------------------------===//

/// The [dft_length / 2 + 1, num_mel_bins] matrix of triangular filters
/// evenly spaced on the mel scale between the edge frequencies, as the ONNX
/// operator defines it (filter edges rounded down to spectrogram bins).
static LogicalResult importMelWeightMatrix(NodeImporter &node) {
  FailureOr<int64_t> numMelBins = getScalarInt(node, 0, "num_mel_bins");
  FailureOr<int64_t> dftLength = getScalarInt(node, 1, "dft_length");
  FailureOr<int64_t> sampleRate = getScalarInt(node, 2, "sample_rate");
  FailureOr<double> lowerHertz = getScalarFloat(node, 3, "lower_edge_hertz");
  FailureOr<double> upperHertz = getScalarFloat(node, 4, "upper_edge_hertz");
  if (failed(numMelBins) || failed(dftLength) || failed(sampleRate) ||
      failed(lowerHertz) || failed(upperHertz))
    return failure();
  if (*numMelBins <= 0 || *dftLength <= 0 || *sampleRate <= 0)
    return node.emitError()
           << "num_mel_bins, dft_length and sample_rate must be positive";
  int64_t numSpectrogramBins = *dftLength / 2 + 1;
  if (numSpectrogramBins * *numMelBins > kMaxGeneratedElements)
    return node.emitError() << "the matrix is too large";

  auto toMel = [](double hertz) { return 2595 * std::log10(1 + hertz / 700); };
  double lowMel = toMel(*lowerHertz), highMel = toMel(*upperHertz);
  int64_t numPoints = *numMelBins + 2;
  double melStep = (highMel - lowMel) / double(numPoints);
  SmallVector<int64_t> bins;
  for (int64_t i = 0; i < numPoints; ++i) {
    double mel = double(i) * melStep + lowMel;
    double hertz = 700 * (std::pow(10.0, mel / 2595) - 1);
    int64_t bin =
        static_cast<int64_t>(std::floor(double(*dftLength + 1) * hertz /
                                        double(*sampleRate)));
    if (bin < 0 || bin >= numSpectrogramBins)
      return node.emitError() << "the edge frequencies map outside the "
                              << numSpectrogramBins << " spectrogram bins";
    bins.push_back(bin);
  }

  SmallVector<double> values(numSpectrogramBins * *numMelBins, 0.0);
  auto at = [&](int64_t j, int64_t i) -> double & {
    return values[j * *numMelBins + i];
  };
  for (int64_t i = 0; i < *numMelBins; ++i) {
    int64_t low = bins[i], center = bins[i + 1], high = bins[i + 2];
    if (center == low)
      at(center, i) = 1;
    else
      for (int64_t j = low; j <= center; ++j)
        at(j, i) = double(j - low) / double(center - low);
    if (high > center)
      for (int64_t j = center; j < high; ++j)
        at(j, i) = double(high - j) / double(high - center);
  }
  return setConstantOutput(node, {numSpectrogramBins, *numMelBins}, values);
}

//===----------------------------------------------------------------------===//
// DFT and STFT
//===----------------------------------------------------------------------===//

/// The DFT of length `length` of `signal` [..., N, C] (C = 1 real, 2
/// complex) along `axis`: [..., K, 2] with K = length, or length / 2 + 1
/// when `onesided`. A signal longer than `length` is truncated, a shorter
/// one zero-padded (its missing samples contribute nothing).
static FailureOr<Value> buildDFT(NodeImporter &node, Value signal, int64_t axis,
                                 int64_t length, bool inverse, bool onesided) {
  auto type = cast<RankedTensorType>(signal.getType());
  int64_t rank = type.getRank();
  Type elementType = type.getElementType();
  if (!isa<FloatType>(elementType))
    return node.emitError() << "the signal must be floating-point";
  if (rank < 2 || axis < 0 || axis >= rank - 1)
    return node.emitError() << "axis " << axis << " is out of range for a "
                            << "signal of rank " << rank;
  if (rank > 24)
    return node.emitError() << "signals of rank above 24 are not supported";
  int64_t n = type.getDimSize(axis), c = type.getDimSize(rank - 1);
  if (ShapedType::isDynamic(n) || (c != 1 && c != 2))
    return node.emitError() << "the signal axis must be static and the last "
                               "dim 1 (real) or 2 (complex)";
  if (length <= 0)
    return node.emitError() << "dft_length must be positive";
  if (inverse && onesided)
    return node.emitError() << "a onesided inverse DFT is not supported";
  if (n > length) {
    SmallVector<int64_t> starts = {0}, ends = {length}, axes = {axis};
    OpBuilder &b = node.getBuilder();
    FailureOr<Value> sliced = node.create<tl::SliceOp>(
        signal, b.getDenseI64ArrayAttr(starts), b.getDenseI64ArrayAttr(ends),
        b.getDenseI64ArrayAttr(axes), DenseI64ArrayAttr());
    if (failed(sliced))
      return failure();
    signal = *sliced;
    n = length;
  }
  int64_t k = onesided ? length / 2 + 1 : length;
  if (k * 2 * n * c > kMaxGeneratedElements)
    return node.emitError() << "the DFT length is too large";

  // m[kk, o, nn, cc]: output part o (0 real, 1 imaginary) from input part cc.
  double sign = inverse ? 1.0 : -1.0;
  double norm = inverse ? 1.0 / double(length) : 1.0;
  SmallVector<Attribute> elements;
  auto floatType = cast<FloatType>(elementType);
  for (int64_t kk = 0; kk < k; ++kk)
    for (int64_t o = 0; o < 2; ++o)
      for (int64_t nn = 0; nn < n; ++nn)
        for (int64_t cc = 0; cc < c; ++cc) {
          double angle = sign * 2 * M_PI * double((kk * nn) % length) /
                         double(length);
          double cosine = std::cos(angle), sine = std::sin(angle);
          // (xr + i xi)(cos + i sin) = (xr cos - xi sin) + i (xr sin + xi cos)
          double value = o == 0 ? (cc == 0 ? cosine : -sine)
                                : (cc == 0 ? sine : cosine);
          elements.push_back(FloatAttr::get(floatType, value * norm));
        }
  Value matrix = node.constant(DenseElementsAttr::get(
      RankedTensorType::get({k, 2, n, c}, elementType), elements));

  std::string in, out;
  for (int64_t d = 0; d < rank; ++d) {
    char letter = 'a' + d;
    in.push_back(letter);
    out.push_back(d == axis ? 'y' : d == rank - 1 ? 'z' : letter);
  }
  std::string equation = in + ",yz" + in[axis] + in[rank - 1] + "->" + out;
  return node.create<tl::EinsumOp>(
      ValueRange{signal, matrix}, node.getBuilder().getStringAttr(equation));
}

static LogicalResult importDFT(NodeImporter &node) {
  if (node.getOpset() < 17)
    return node.emitError() << "DFT before opset 17 is not defined";
  FailureOr<Value> signal = node.getInput(0);
  FailureOr<int64_t> axis = node.getInt("axis", 1);
  FailureOr<int64_t> inverse = node.getInt("inverse", 0);
  FailureOr<int64_t> onesided = node.getInt("onesided", 0);
  if (failed(signal) || failed(axis) || failed(inverse) || failed(onesided))
    return failure();
  auto type = cast<RankedTensorType>(signal->getType());
  // axis is in [-r, -2] or [0, r - 2]: the last dim holds the parts.
  int64_t rank = type.getRank();
  int64_t normalized = *axis < 0 ? *axis + rank : *axis;
  if (normalized < 0 || normalized > rank - 2)
    return node.emitError() << "axis " << *axis << " is out of range for a "
                            << "signal of rank " << rank;
  int64_t length = type.getDimSize(normalized);
  if (node.hasInput(1)) {
    FailureOr<int64_t> given = getScalarInt(node, 1, "dft_length");
    if (failed(given))
      return failure();
    length = *given;
  }
  if (ShapedType::isDynamic(length))
    return node.emitError() << "the signal axis must be static";
  FailureOr<Value> result =
      buildDFT(node, *signal, normalized, length, *inverse, *onesided);
  if (failed(result))
    return failure();
  node.setOutput(0, *result);
  return success();
}

static LogicalResult importSTFT(NodeImporter &node) {
  FailureOr<Value> signal = node.getInput(0);
  FailureOr<int64_t> step = getScalarInt(node, 1, "frame_step");
  FailureOr<int64_t> onesided = node.getInt("onesided", 1);
  if (failed(signal) || failed(step) || failed(onesided))
    return failure();
  Value window;
  int64_t frameLength = ShapedType::kDynamic;
  if (node.hasInput(2)) {
    FailureOr<Value> w = node.getInput(2);
    if (failed(w))
      return failure();
    window = *w;
    auto windowType = cast<RankedTensorType>(window.getType());
    if (windowType.getRank() != 1 || windowType.isDynamicDim(0))
      return node.emitError() << "the window must be 1-D of static size";
    frameLength = windowType.getDimSize(0);
  }
  if (node.hasInput(3)) {
    FailureOr<int64_t> given = getScalarInt(node, 3, "frame_length");
    if (failed(given))
      return failure();
    if (!ShapedType::isDynamic(frameLength) && *given != frameLength)
      return node.emitError() << "frame_length " << *given
                              << " differs from the window size "
                              << frameLength;
    frameLength = *given;
  }
  if (ShapedType::isDynamic(frameLength))
    return node.emitError() << "needs a window or a frame_length";
  auto type = cast<RankedTensorType>(signal->getType());
  if (type.getRank() != 3 || type.isDynamicDim(1))
    return node.emitError()
           << "the signal must be [batch, length, 1 or 2] with a static length";
  int64_t length = type.getDimSize(1);
  if (*step <= 0 || frameLength <= 0 || frameLength > length)
    return node.emitError() << "frame_step must be positive and frame_length "
                               "within the signal length";
  int64_t frames = (length - frameLength) / *step + 1;
  if (frames * frameLength > kMaxGeneratedElements)
    return node.emitError() << "too many frames";

  // [batch, length, C] -> [batch, frames, frame_length, C]
  SmallVector<int64_t> indices;
  for (int64_t f = 0; f < frames; ++f)
    for (int64_t j = 0; j < frameLength; ++j)
      indices.push_back(f * *step + j);
  auto indexType = RankedTensorType::get(
      {frames, frameLength}, IntegerType::get(node.getContext(), 64));
  Value indexTensor = node.constant(
      DenseElementsAttr::get(indexType, ArrayRef<int64_t>(indices)));
  OpBuilder &b = node.getBuilder();
  FailureOr<Value> framed = node.create<tl::GatherOp>(
      *signal, indexTensor, b.getI64IntegerAttr(1));
  if (failed(framed))
    return failure();
  if (window) {
    // [frame_length] -> [frame_length, 1], broadcast over frames and parts.
    FailureOr<Value> column = node.create<tl::ReshapeOp>(
        window, b.getDenseI64ArrayAttr({frameLength, 1}));
    if (failed(column))
      return failure();
    framed = node.create<tl::MulOp>(*framed, *column);
    if (failed(framed))
      return failure();
  }
  FailureOr<Value> result = buildDFT(node, *framed, /*axis=*/2, frameLength,
                                     /*inverse=*/false, *onesided);
  if (failed(result))
    return failure();
  node.setOutput(0, *result);
  return success();
}

void mlir::tlc::onnx_import::addSignalImporters(ImportTable &table) {
  table["DFT"] = importDFT;
  table["STFT"] = importSTFT;
  table["HannWindow"] = importCosineWindow<1, 2, 0, 1>;
  table["HammingWindow"] = importCosineWindow<25, 46, 0, 1>;
  table["BlackmanWindow"] = importCosineWindow<21, 50, 2, 25>;
  table["MelWeightMatrix"] = importMelWeightMatrix;
}
