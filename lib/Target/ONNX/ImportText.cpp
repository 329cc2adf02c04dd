//===- ImportText.cpp - ONNX TfIdfVectorizer ------------------------------===//
//
// TfIdfVectorizer over integer tokens (string pools stay unsupported) is a
// decomposition into tl ops, since the pool of n-grams is an attribute: for
// every n-gram g of a counted length n and every skip distance d (1 to
// max_skip_count + 1; only 1 for unigrams, as ONNX Runtime counts them),
//   count[g] += sum_i prod_k (x[..., i + k d] == g[k])
// with the shifted windows of x as strided tl.slice ops, tl.equal against
// the token, tl.and, and a tl.reduce_sum over the positions. The counts of
// the output indices are concatenated; IDF and TFIDF weight them.
//
//===----------------------------------------------------------------------===//

#include "ImporterContext.h"

using namespace mlir;
using namespace mlir::tlc;
using namespace mlir::tlc::onnx_import;

namespace {
struct NGram {
  SmallVector<int64_t> tokens;
  int64_t outputIndex;
};
} // namespace

static LogicalResult importTfIdfVectorizer(NodeImporter &node) {
  FailureOr<Value> x = node.getInput(0);
  FailureOr<int64_t> minLength = node.getInt("min_gram_length", 1);
  FailureOr<int64_t> maxLength = node.getInt("max_gram_length", 1);
  FailureOr<int64_t> maxSkip = node.getInt("max_skip_count", 0);
  FailureOr<std::string> mode = node.getString("mode", "TF");
  FailureOr<std::optional<SmallVector<int64_t>>> counts =
      node.getInts("ngram_counts");
  FailureOr<std::optional<SmallVector<int64_t>>> indexes =
      node.getInts("ngram_indexes");
  FailureOr<std::optional<SmallVector<int64_t>>> pool =
      node.getInts("pool_int64s");
  FailureOr<std::optional<SmallVector<double>>> weights =
      node.getFloats("weights");
  if (failed(x) || failed(minLength) || failed(maxLength) || failed(maxSkip) ||
      failed(mode) || failed(counts) || failed(indexes) || failed(pool) ||
      failed(weights))
    return failure();
  if (node.hasAttr("pool_strings"))
    return node.emitError() << "string pools are not supported";
  if (!*counts || !*indexes || !*pool)
    return node.emitError()
           << "needs ngram_counts, ngram_indexes and pool_int64s";
  if (*mode != "TF" && *mode != "IDF" && *mode != "TFIDF")
    return node.emitError() << "unsupported mode '" << *mode << "'";
  auto type = cast<RankedTensorType>(x->getType());
  if (!type.getElementType().isInteger(32) &&
      !type.getElementType().isInteger(64))
    return node.emitError() << "input must be int32 or int64";
  if ((type.getRank() != 1 && type.getRank() != 2) ||
      type.isDynamicDim(type.getRank() - 1))
    return node.emitError()
           << "input must be [N] or [B, N] with a static N";
  if (*minLength < 1 || *maxLength < *minLength || *maxSkip < 0)
    return node.emitError() << "invalid gram lengths or max_skip_count";

  // The pool: group k (from ngram_counts[k]) holds the n-grams of length
  // k + 1; ngram_indexes gives each n-gram's output index in pool order.
  SmallVector<NGram> grams;
  size_t numGroups = (*counts)->size();
  for (size_t k = 0; k < numGroups; ++k) {
    int64_t begin = (**counts)[k];
    int64_t end = k + 1 < numGroups ? (**counts)[k + 1]
                                    : static_cast<int64_t>((*pool)->size());
    int64_t n = k + 1;
    if (begin < 0 || end < begin || end > int64_t((*pool)->size()) ||
        (end - begin) % n != 0)
      return node.emitError() << "ngram_counts do not split the pool";
    for (int64_t at = begin; at < end; at += n) {
      size_t id = grams.size();
      if (id >= (*indexes)->size())
        return node.emitError() << "ngram_indexes has fewer entries than "
                                   "the pool has n-grams";
      grams.push_back({SmallVector<int64_t>(ArrayRef<int64_t>(**pool).slice(
                           at, n)),
                       (**indexes)[id]});
    }
  }
  int64_t numOutputs = 0;
  for (const NGram &g : grams) {
    if (g.outputIndex < 0)
      return node.emitError() << "negative ngram_indexes";
    numOutputs = std::max(numOutputs, g.outputIndex + 1);
  }
  if (numOutputs == 0)
    return node.emitError() << "the pool is empty";
  if (*weights && (*weights)->size() != grams.size())
    return node.emitError() << "weights must have one entry per n-gram";

  OpBuilder &b = node.getBuilder();
  int64_t rank = type.getRank(), length = type.getDimSize(rank - 1);
  Type tokenType = type.getElementType();
  Type f32 = b.getF32Type();
  SmallVector<int64_t> batchShape(type.getShape().drop_back());
  batchShape.push_back(1);
  auto countType = RankedTensorType::get(batchShape, f32);
  Value zero = node.constant(
      DenseElementsAttr::get(countType, FloatAttr::get(f32, 0.0)));
  SmallVector<int64_t> lastAxis = {rank - 1};

  // Per output index, the (weighted) count.
  SmallVector<Value> outputs(numOutputs, zero);
  for (auto [id, gram] : llvm::enumerate(grams)) {
    int64_t n = gram.tokens.size();
    if (n < *minLength || n > *maxLength)
      continue;
    Value total;
    int64_t maxDistance = n == 1 ? 1 : *maxSkip + 1;
    for (int64_t d = 1; d <= maxDistance; ++d) {
      int64_t positions = length - (n - 1) * d;
      if (positions <= 0)
        break;
      Value match;
      for (int64_t k = 0; k < n; ++k) {
        SmallVector<int64_t> starts = {k * d}, ends = {k * d + positions};
        FailureOr<Value> window = node.create<tl::SliceOp>(
            *x, b.getDenseI64ArrayAttr(starts), b.getDenseI64ArrayAttr(ends),
            b.getDenseI64ArrayAttr(lastAxis), DenseI64ArrayAttr());
        if (failed(window))
          return failure();
        FailureOr<Value> equal = node.create<tl::EqualOp>(
            *window, node.scalar(tokenType, double(gram.tokens[k])));
        if (failed(equal))
          return failure();
        if (!match) {
          match = *equal;
          continue;
        }
        FailureOr<Value> both = node.create<tl::AndOp>(match, *equal);
        if (failed(both))
          return failure();
        match = *both;
      }
      FailureOr<Value> asFloat = castTo(node, match, f32);
      if (failed(asFloat))
        return failure();
      FailureOr<Value> sum = node.create<tl::ReduceSumOp>(
          *asFloat, b.getDenseI64ArrayAttr(lastAxis), b.getBoolAttr(true));
      if (failed(sum))
        return failure();
      if (!total) {
        total = *sum;
        continue;
      }
      FailureOr<Value> added = node.create<tl::AddOp>(total, *sum);
      if (failed(added))
        return failure();
      total = *added;
    }
    if (!total)
      continue;
    // IDF: weight when present; TFIDF: count * weight (weights default 1).
    double weight = *weights ? (**weights)[id] : 1.0;
    Value value = total;
    if (*mode == "IDF") {
      FailureOr<Value> present = node.create<tl::MinOp>(
          value, node.scalar(f32, 1.0));
      if (failed(present))
        return failure();
      value = *present;
    }
    if (*mode != "TF" && weight != 1.0) {
      FailureOr<Value> weighted =
          node.create<tl::MulOp>(value, node.scalar(f32, weight));
      if (failed(weighted))
        return failure();
      value = *weighted;
    }
    Value &slot = outputs[gram.outputIndex];
    if (slot == zero) {
      slot = value;
      continue;
    }
    FailureOr<Value> added = node.create<tl::AddOp>(slot, value);
    if (failed(added))
      return failure();
    slot = *added;
  }
  FailureOr<Value> result =
      numOutputs == 1
          ? FailureOr<Value>(outputs.front())
          : node.create<tl::ConcatOp>(outputs, b.getI64IntegerAttr(rank - 1));
  if (failed(result))
    return failure();
  node.setOutput(0, *result);
  return success();
}

void mlir::tlc::onnx_import::addTextImporters(ImportTable &table) {
  table["TfIdfVectorizer"] = importTfIdfVectorizer;
}
