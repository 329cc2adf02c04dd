//===- TLOps.cpp - tl op definitions and shared shape helpers -------------===//
//
// The op classes generated from ODS are defined here; the per-family
// verifiers and type inference live in TL<Family>Ops.cpp, the folders in
// TLFolds.cpp.
//
//===----------------------------------------------------------------------===//

#include "tl/IR/TLOps.h"
#include "TLOpsUtils.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/OpImplementation.h"

using namespace mlir;
using namespace mlir::tl;

bool mlir::tl::areCompatibleReturnTypes(TypeRange inferred, TypeRange actual) {
  if (inferred.size() != actual.size())
    return false;
  for (auto [inf, act] : llvm::zip(inferred, actual)) {
    if (inf == act)
      continue;
    auto infTensor = dyn_cast<RankedTensorType>(inf);
    auto actTensor = dyn_cast<RankedTensorType>(act);
    if (!infTensor || !actTensor ||
        infTensor.getElementType() != actTensor.getElementType() ||
        infTensor.getRank() != actTensor.getRank())
      return false;
    for (auto [i, a] : llvm::zip(infTensor.getShape(), actTensor.getShape()))
      if (!ShapedType::isDynamic(i) && !ShapedType::isDynamic(a) && i != a)
        return false;
  }
  return true;
}

FailureOr<SmallVector<int64_t>>
mlir::tl::broadcastShapes(ArrayRef<int64_t> lhs, ArrayRef<int64_t> rhs) {
  size_t rank = std::max(lhs.size(), rhs.size());
  SmallVector<int64_t> result(rank);
  for (size_t i = 0; i < rank; ++i) {
    // Align from the back; missing leading dims act as 1.
    int64_t l = i < rank - lhs.size() ? 1 : lhs[i - (rank - lhs.size())];
    int64_t r = i < rank - rhs.size() ? 1 : rhs[i - (rank - rhs.size())];
    if (l == 1) {
      result[i] = r;
    } else if (r == 1) {
      result[i] = l;
    } else if (ShapedType::isDynamic(l)) {
      // A dynamic dim broadcast against a static one must equal it at run
      // time (or be 1, which the static side then determines).
      result[i] = r;
    } else if (ShapedType::isDynamic(r) || l == r) {
      result[i] = l;
    } else {
      return failure();
    }
  }
  return result;
}

FailureOr<int64_t> mlir::tl::normalizeAxis(int64_t axis, int64_t rank) {
  if (axis < -rank || axis >= rank)
    return failure();
  return axis < 0 ? axis + rank : axis;
}

std::string mlir::tl::detail::formatShape(ArrayRef<int64_t> shape) {
  std::string s = "[";
  llvm::raw_string_ostream os(s);
  llvm::interleave(
      shape, os,
      [&](int64_t d) {
        if (ShapedType::isDynamic(d))
          os << "?";
        else
          os << d;
      },
      ", ");
  os << "]";
  return s;
}

#define GET_OP_CLASSES
#include "tl/IR/TLOps.cpp.inc"
