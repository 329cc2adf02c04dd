//===- TLEinsumOps.td - tl einsum -------------------------*- tablegen -*-===//

#ifndef TL_EINSUM_OPS_TD
#define TL_EINSUM_OPS_TD

include "tl/IR/TLBase.td"

def TL_EinsumOp : TL_InferOp<"einsum"> {
  let summary = "Einstein summation over one or more operands";
  let description = [{
    numpy/ONNX `einsum`: `equation` names the dimensions of every operand
    with letters (`a`-`z`, `A`-`Z`), comma-separated, optionally followed by
    `->` and the letters of the result. A letter repeated within an operand
    reads its diagonal; letters absent from the result are summed over. In the
    implicit form (no `->`) the result has the letters that occur exactly
    once, in alphabetical order. `...` stands for the leading dimensions not
    named by letters; they broadcast numpy-style across operands and lead the
    implicit result. Spaces are ignored. All operands have the same element
    type, which is the result's.

    ```mlir
    %c = tl.einsum %a, %b {equation = "bij,bjk->bik"}
        : (tensor<5x2x3xf32>, tensor<5x3x4xf32>) -> tensor<5x2x4xf32>
    %d = tl.einsum %x {equation = "...ii->...i"} : (tensor<3x5x5xf64>) -> tensor<3x5xf64>
    ```
  }];
  let arguments = (ins Variadic<TL_NumericTensor>:$inputs, StrAttr:$equation);
  let results = (outs TL_NumericTensor:$output);
  let assemblyFormat = [{
    $inputs attr-dict `:` functional-type($inputs, results)
  }];
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    /// A parsed equation. Every distinct letter and every dim covered by
    /// `...` (aligned from the back across operands) gets a label in
    /// [0, numLabels); `inputs[i][d]` is the label of dim d of operand i and
    /// `output` the labels of the result dims.
    struct Spec {
      ::llvm::SmallVector<::llvm::SmallVector<int64_t>> inputs;
      ::llvm::SmallVector<int64_t> output;
      int64_t numLabels = 0;
    };
    /// Parses `equation` for operands of the given ranks; failure with
    /// `error` set on malformed equations or rank mismatches.
    static ::mlir::FailureOr<Spec> parseEquation(::llvm::StringRef equation,
                                                 ::llvm::ArrayRef<int64_t> ranks,
                                                 std::string &error);
    /// The size of every label from the operand shapes (broadcast across
    /// operands: a static 1 gives way to any other size), or failure when two
    /// static sizes other than 1 disagree (`error` set).
    static ::mlir::FailureOr<::llvm::SmallVector<int64_t>>
    getLabelSizes(const Spec &spec, ::mlir::TypeRange operandTypes,
                  std::string &error);
  }];
}

#endif // TL_EINSUM_OPS_TD
