//===- TLPositionalOps.td - ops that depend on positions --*- tablegen -*-===//
//
// Ops whose result at an element depends on where the element is, not only
// on its value: triangular masks and prefix sums along an axis.
//
//===----------------------------------------------------------------------===//

#ifndef TL_POSITIONAL_OPS_TD
#define TL_POSITIONAL_OPS_TD

include "tl/IR/TLBase.td"

def TL_TriluOp : TL_InferOp<"trilu"> {
  let summary = "upper or lower triangle of the innermost matrices";
  let description = [{
    Keeps the elements of every matrix formed by the two innermost dims on or
    above (`upper`, the default) or on or below the `k`-th diagonal and sets
    the others to zero (ONNX Trilu, numpy triu/tril). Element `[.., i, j]`
    is kept when `j - i >= k` (upper) or `j - i <= k` (lower). `k` is a
    rank-0 i64 tensor, known at run time only if need be; 0 when absent.

    ```mlir
    %u = tl.trilu %x, %k : (tensor<2x4x5xf32>, tensor<i64>) -> tensor<2x4x5xf32>
    %l = tl.trilu %x {upper = false} : (tensor<4x5xf32>) -> tensor<4x5xf32>
    ```
  }];
  let arguments = (ins TL_Tensor:$input,
                   Optional<0DTensorOf<[I64]>>:$k,
                   DefaultValuedAttr<BoolAttr, "true">:$upper);
  let results = (outs TL_Tensor:$output);
  let assemblyFormat = [{
    $input (`,` $k^)? attr-dict `:` functional-type(operands, results)
  }];
}

def TL_CumSumOp : TL_UnaryOp<"cumsum", TL_NumericTensor> {
  let summary = "cumulative sum along an axis";
  let description = [{
    `output[.., i, ..] = sum of input[.., j, ..]` along `axis` for `j <= i`;
    `exclusive` leaves out `j = i` (the first element becomes 0), `reverse`
    sums from the back (`j >= i`). ONNX CumSum, numpy cumsum.

    ```mlir
    %y = tl.cumsum %x {axis = 1 : i64, exclusive = true} : tensor<2x3xf32>
    ```
  }];
  let arguments = (ins TL_NumericTensor:$input,
                   DefaultValuedAttr<I64Attr, "0">:$axis,
                   DefaultValuedAttr<BoolAttr, "false">:$exclusive,
                   DefaultValuedAttr<BoolAttr, "false">:$reverse);
  let hasVerifier = 1;
}

#endif // TL_POSITIONAL_OPS_TD
