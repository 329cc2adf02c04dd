//===- TLLossOps.td - tl loss functions -------------------*- tablegen -*-===//
//
// TensorLayer's cost functions. Softmax cross-entropy is not an op of its
// own: it is tl.log_softmax over the class axis followed by tl.nll_loss.
//
//===----------------------------------------------------------------------===//

#ifndef TL_LOSS_OPS_TD
#define TL_LOSS_OPS_TD

include "tl/IR/TLBase.td"

def TL_LossReduction : I32EnumAttr<"LossReduction",
    "how a loss combines its per-element values", [
      I32EnumAttrCase<"none", 0>,
      I32EnumAttrCase<"sum", 1>,
      I32EnumAttrCase<"mean", 2>]> {
  let cppNamespace = "::mlir::tl";
  let genSpecializedAttr = 0;
}
def TL_LossReductionAttr
    : EnumAttr<TL_Dialect, TL_LossReduction, "loss_reduction">;

def TL_NLLLossOp : TL_InferOp<"nll_loss"> {
  let summary = "negative log-likelihood loss of log-probabilities";
  let description = [{
    `input` holds log-probabilities `[N, C, d1, ..., dk]` (class axis 1) and
    `target` the class of every sample `[N, d1, ..., dk]`. The per-element
    loss is `-input[n, target[n, d...], d...] * w` with
    `w = weight[target[n, d...]]` (1 without `weight`); elements whose target
    equals `ignore_index` have `w = 0` and contribute nothing.

    `reduction` is `none` (the per-element losses, shaped like `target`),
    `sum` (their sum, rank 0) or `mean` (the sum divided by the sum of the
    `w`, rank 0), as ONNX NegativeLogLikelihoodLoss and PyTorch's nll_loss.
    Targets outside `[0, C)` other than `ignore_index` are undefined
    behaviour; the lowering clamps them so that no read is out of bounds.

    ```mlir
    %l = tl.nll_loss %logp, %t, %w {ignore_index = -1 : i64, reduction = #tl<loss_reduction sum>}
        : (tensor<3x5xf32>, tensor<3xi64>, tensor<5xf32>) -> tensor<f32>
    ```
  }];
  let arguments = (ins TL_FloatTensor:$input, TL_IndexTensor:$target,
                   Optional<TL_FloatTensor>:$weight,
                   DefaultValuedAttr<TL_LossReductionAttr,
                                     "LossReduction::mean">:$reduction,
                   OptionalAttr<I64Attr>:$ignore_index);
  let results = (outs TL_FloatTensor:$output);
  let assemblyFormat = [{
    $input `,` $target (`,` $weight^)? attr-dict `:` functional-type(operands, results)
  }];
}

#endif // TL_LOSS_OPS_TD
