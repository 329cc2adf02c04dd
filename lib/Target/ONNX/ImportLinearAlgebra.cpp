//===- ImportLinearAlgebra.cpp - ONNX Einsum and Det ----------------------===//
//
// Einsum maps to tl.einsum, which checks the equation against the operand
// ranks and lowers to one linalg.generic.
//
// Det of [..., M, M] matrices with a static M of at most 4 is the Laplace
// (cofactor) expansion along the first row, written with tl.slice and
// elementwise tl ops on the [...] batch of each matrix element.
//
//===----------------------------------------------------------------------===//

#include "ImporterContext.h"

using namespace mlir;
using namespace mlir::tlc;
using namespace mlir::tlc::onnx_import;

static LogicalResult importEinsum(NodeImporter &node) {
  FailureOr<std::string> equation = node.getString("equation", "");
  if (failed(equation))
    return failure();
  if (equation->empty())
    return node.emitError() << "missing attribute 'equation'";
  SmallVector<Value> inputs;
  for (unsigned i = 0, e = node.getNumInputs(); i < e; ++i) {
    FailureOr<Value> input = node.getInput(i);
    if (failed(input))
      return failure();
    inputs.push_back(*input);
  }
  FailureOr<Value> result = node.create<tl::EinsumOp>(
      inputs, node.getBuilder().getStringAttr(*equation));
  if (failed(result))
    return failure();
  node.setOutput(0, *result);
  return success();
}

/// The determinant of the matrix whose element (i, j) is
/// elements[rows[i]][cols[j]] (each a tensor over the batch dims).
static FailureOr<Value> laplace(NodeImporter &node,
                                ArrayRef<SmallVector<Value>> elements,
                                ArrayRef<int64_t> rows,
                                ArrayRef<int64_t> cols) {
  if (rows.size() == 1)
    return elements[rows[0]][cols[0]];
  FailureOr<Value> sum;
  for (size_t j = 0; j < cols.size(); ++j) {
    SmallVector<int64_t> minorCols(cols);
    minorCols.erase(minorCols.begin() + j);
    FailureOr<Value> minor =
        laplace(node, elements, rows.drop_front(), minorCols);
    if (failed(minor))
      return failure();
    FailureOr<Value> term =
        node.create<tl::MulOp>(elements[rows[0]][cols[j]], *minor);
    if (failed(term))
      return failure();
    if (j == 0)
      sum = term;
    else if (j % 2 == 1)
      sum = node.create<tl::SubOp>(*sum, *term);
    else
      sum = node.create<tl::AddOp>(*sum, *term);
    if (failed(sum))
      return failure();
  }
  return sum;
}

static LogicalResult importDet(NodeImporter &node) {
  FailureOr<Value> x = node.getInput(0);
  if (failed(x))
    return failure();
  auto type = cast<RankedTensorType>(x->getType());
  int64_t rank = type.getRank();
  if (rank < 2 || !isa<FloatType>(type.getElementType()))
    return node.emitError() << "input must be a float tensor of rank >= 2";
  int64_t m = type.getDimSize(rank - 1);
  if (ShapedType::isDynamic(m) || type.getDimSize(rank - 2) != m)
    return node.emitError() << "the matrices must be square with static size";
  if (m < 1 || m > 4)
    return node.emitError() << "Det of " << m << "x" << m
                            << " matrices is not supported (at most 4x4)";
  OpBuilder &b = node.getBuilder();
  SmallVector<SmallVector<Value>> elements(m);
  SmallVector<int64_t> axes = {rank - 2, rank - 1};
  for (int64_t i = 0; i < m; ++i)
    for (int64_t j = 0; j < m; ++j) {
      SmallVector<int64_t> starts = {i, j}, ends = {i + 1, j + 1};
      FailureOr<Value> slice = node.create<tl::SliceOp>(
          *x, b.getDenseI64ArrayAttr(starts), b.getDenseI64ArrayAttr(ends),
          b.getDenseI64ArrayAttr(axes), DenseI64ArrayAttr());
      if (failed(slice))
        return failure();
      FailureOr<Value> element =
          node.create<tl::SqueezeOp>(*slice, b.getDenseI64ArrayAttr(axes));
      if (failed(element))
        return failure();
      elements[i].push_back(*element);
    }
  SmallVector<int64_t> indices = llvm::to_vector(llvm::seq<int64_t>(0, m));
  FailureOr<Value> det = laplace(node, elements, indices, indices);
  if (failed(det))
    return failure();
  node.setOutput(0, *det);
  return success();
}

void mlir::tlc::onnx_import::addLinearAlgebraImporters(ImportTable &table) {
  table["Det"] = importDet;
  table["Einsum"] = importEinsum;
}
