//===- TLEinsumOps.cpp - einsum equation parsing and type inference -------===//

#include "TLOpsUtils.h"
#include "tl/IR/TLOps.h"

#include "llvm/ADT/StringExtras.h"

using namespace mlir;
using namespace mlir::tl;
using namespace mlir::tl::detail;

namespace {
/// One operand (or the result) of an equation: its letters with the position
/// of `...` among them, if any.
struct Term {
  std::string letters;
  std::optional<size_t> ellipsisAt;
};
} // namespace

static FailureOr<Term> parseTerm(StringRef text, std::string &error) {
  Term term;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == ' ')
      continue;
    if (c == '.') {
      if (term.ellipsisAt || !text.substr(i).starts_with("...")) {
        error = "'.' must appear as one '...' per term";
        return failure();
      }
      term.ellipsisAt = term.letters.size();
      i += 2;
      continue;
    }
    if (!llvm::isAlpha(c)) {
      error = std::string("unexpected character '") + c + "' in equation";
      return failure();
    }
    term.letters.push_back(c);
  }
  return term;
}

FailureOr<EinsumOp::Spec> EinsumOp::parseEquation(StringRef equation,
                                                  ArrayRef<int64_t> ranks,
                                                  std::string &error) {
  auto [lhs, rhs] = equation.split("->");
  bool explicitOutput = lhs.size() != equation.size();
  SmallVector<StringRef> operandTexts;
  lhs.split(operandTexts, ',');
  if (operandTexts.size() != ranks.size()) {
    error = "equation has " + std::to_string(operandTexts.size()) +
            " operand terms but the op has " + std::to_string(ranks.size()) +
            " operands";
    return failure();
  }

  SmallVector<Term> terms;
  int64_t ellipsisRank = 0;
  for (auto [i, text] : llvm::enumerate(operandTexts)) {
    FailureOr<Term> term = parseTerm(text, error);
    if (failed(term))
      return failure();
    int64_t named = term->letters.size();
    if (term->ellipsisAt ? named > ranks[i] : named != ranks[i]) {
      error = "term " + std::to_string(i) + " names " + std::to_string(named) +
              " dims but operand " + std::to_string(i) + " has rank " +
              std::to_string(ranks[i]);
      return failure();
    }
    if (term->ellipsisAt)
      ellipsisRank = std::max(ellipsisRank, ranks[i] - named);
    terms.push_back(*term);
  }

  // Labels: the ellipsis dims first, then letters in order of appearance.
  Spec spec;
  spec.numLabels = ellipsisRank;
  llvm::DenseMap<char, int64_t> labelOf;
  llvm::DenseMap<char, int64_t> count;
  auto labelFor = [&](char c) {
    auto [it, inserted] = labelOf.try_emplace(c, spec.numLabels);
    if (inserted)
      ++spec.numLabels;
    return it->second;
  };
  for (auto [i, term] : llvm::enumerate(terms)) {
    SmallVector<int64_t> labels;
    int64_t covered = ranks[i] - term.letters.size();
    for (size_t j = 0; j <= term.letters.size(); ++j) {
      if (term.ellipsisAt && *term.ellipsisAt == j)
        for (int64_t e = ellipsisRank - covered; e < ellipsisRank; ++e)
          labels.push_back(e);
      if (j < term.letters.size()) {
        labels.push_back(labelFor(term.letters[j]));
        ++count[term.letters[j]];
      }
    }
    spec.inputs.push_back(std::move(labels));
  }

  if (!explicitOutput) {
    for (int64_t e = 0; e < ellipsisRank; ++e)
      spec.output.push_back(e);
    std::string once;
    for (auto [c, n] : count)
      if (n == 1)
        once.push_back(c);
    llvm::sort(once);
    for (char c : once)
      spec.output.push_back(labelOf[c]);
    return spec;
  }

  FailureOr<Term> result = parseTerm(rhs, error);
  if (failed(result))
    return failure();
  if (!result->ellipsisAt && ellipsisRank > 0) {
    // As in numpy: the dims '...' covers cannot vanish from the result.
    error = "the result term must contain '...' when an operand does";
    return failure();
  }
  for (size_t j = 0; j <= result->letters.size(); ++j) {
    if (result->ellipsisAt && *result->ellipsisAt == j)
      for (int64_t e = 0; e < ellipsisRank; ++e)
        spec.output.push_back(e);
    if (j == result->letters.size())
      break;
    char c = result->letters[j];
    auto it = labelOf.find(c);
    if (it == labelOf.end()) {
      error = std::string("result letter '") + c +
              "' does not appear in any operand";
      return failure();
    }
    if (llvm::is_contained(spec.output, it->second)) {
      error = std::string("result letter '") + c + "' is repeated";
      return failure();
    }
    spec.output.push_back(it->second);
  }
  return spec;
}

FailureOr<SmallVector<int64_t>>
EinsumOp::getLabelSizes(const Spec &spec, TypeRange operandTypes,
                        std::string &error) {
  // 1 until a dim says otherwise; kDynamic once a dynamic dim is seen and no
  // static size other than 1 is known.
  SmallVector<int64_t> sizes(spec.numLabels, 1);
  for (auto [i, type] : llvm::enumerate(operandTypes)) {
    ArrayRef<int64_t> shape = cast<RankedTensorType>(type).getShape();
    for (auto [d, label] : llvm::enumerate(spec.inputs[i])) {
      int64_t size = shape[d];
      int64_t &known = sizes[label];
      if (size == 1 || size == known)
        continue;
      if (ShapedType::isDynamic(size)) {
        if (known == 1)
          known = size;
        continue;
      }
      if (known == 1 || ShapedType::isDynamic(known)) {
        known = size;
        continue;
      }
      error = "dim " + std::to_string(d) + " of operand " + std::to_string(i) +
              " has size " + std::to_string(size) + " but its label has size " +
              std::to_string(known) + " elsewhere";
      return failure();
    }
  }
  return sizes;
}

LogicalResult EinsumOp::inferReturnTypes(MLIRContext *,
                                         std::optional<Location> loc,
                                         Adaptor adaptor,
                                         SmallVectorImpl<Type> &inferred) {
  if (adaptor.getInputs().empty())
    return inferError(loc, "expects at least one operand");
  SmallVector<int64_t> ranks;
  for (Value v : adaptor.getInputs())
    ranks.push_back(cast<RankedTensorType>(v.getType()).getRank());
  std::string error;
  FailureOr<Spec> spec = parseEquation(adaptor.getEquation(), ranks, error);
  if (failed(spec))
    return inferError(loc, "invalid equation '" + adaptor.getEquation() +
                               "': " + error);
  FailureOr<SmallVector<int64_t>> sizes =
      getLabelSizes(*spec, adaptor.getInputs().getTypes(), error);
  if (failed(sizes))
    return inferError(loc, error);
  SmallVector<int64_t> shape;
  for (int64_t label : spec->output)
    shape.push_back((*sizes)[label]);
  inferred.push_back(RankedTensorType::get(
      shape,
      cast<RankedTensorType>(adaptor.getInputs()[0].getType()).getElementType()));
  return success();
}

LogicalResult EinsumOp::verify() {
  Type elementType =
      cast<RankedTensorType>(getInputs()[0].getType()).getElementType();
  for (Value input : getInputs())
    if (cast<RankedTensorType>(input.getType()).getElementType() !=
        elementType)
      return emitOpError("operands must have the same element type");
  return success();
}
