//===- TLIndexingOps.td - tl gathers, scatters and selections -*- tablegen -*-===//
//
// Ops that read or write elements at positions held in index tensors:
// elementwise and n-dimensional gathers and scatters, top-k, sequence
// reversal and max unpooling.
//
//===----------------------------------------------------------------------===//

#ifndef TL_INDEXING_OPS_TD
#define TL_INDEXING_OPS_TD

include "tl/IR/TLBase.td"

def TL_ScatterReduction : I32EnumAttr<"ScatterReduction",
    "how a scatter combines an update with the element it lands on", [
      I32EnumAttrCase<"none", 0>,
      I32EnumAttrCase<"add", 1>,
      I32EnumAttrCase<"mul", 2>,
      I32EnumAttrCase<"max", 3>,
      I32EnumAttrCase<"min", 4>]> {
  let cppNamespace = "::mlir::tl";
  let genSpecializedAttr = 0;
}
def TL_ScatterReductionAttr
    : EnumAttr<TL_Dialect, TL_ScatterReduction, "scatter_reduction">;

def TL_GatherElementsOp : TL_InferOp<"gather_elements"> {
  let summary = "gather single elements along an axis (ONNX GatherElements)";
  let description = [{
    `output[i0, ..., ik] = data[i0, ..., indices[i0, ..., ik], ..., ik]`, the
    index replacing the position at `axis`; the output has the shape of
    `indices`, which has the rank of `data`. Negative indices count from the
    back of the axis. In every op of this family, an index outside
    `[-dim, dim - 1]`, which ONNX leaves undefined, is clamped to the nearest
    end (as `tl.gather`), so that no bad index reads or writes outside a
    tensor.

    ```mlir
    %y = tl.gather_elements %x, %i {axis = 1 : i64}
        : (tensor<2x2xf32>, tensor<2x3xi64>) -> tensor<2x3xf32>
    ```
  }];
  let arguments = (ins TL_Tensor:$data, TL_IndexTensor:$indices,
                   DefaultValuedAttr<I64Attr, "0">:$axis);
  let results = (outs TL_Tensor:$output);
  let assemblyFormat = "$data `,` $indices attr-dict `:` functional-type(operands, results)";
}

def TL_ScatterElementsOp : TL_InferOp<"scatter_elements"> {
  let summary = "scatter single elements along an axis (ONNX ScatterElements)";
  let description = [{
    The output is `data` with, for every position `p` of `indices`,
    `output[p with p[axis] = indices[p]]` combined with `updates[p]` by
    `reduction` (`none` replaces). Updates apply in row-major order of
    `indices`, so with `none` the last duplicate wins. `indices` and
    `updates` have the same shape and the rank of `data`; negative indices
    count from the back.

    ```mlir
    %y = tl.scatter_elements %x, %i, %u {axis = 1 : i64, reduction = #tl<scatter_reduction add>}
        : (tensor<1x5xf32>, tensor<1x2xi64>, tensor<1x2xf32>) -> tensor<1x5xf32>
    ```
  }];
  let arguments = (ins TL_Tensor:$data, TL_IndexTensor:$indices,
                   TL_Tensor:$updates,
                   DefaultValuedAttr<I64Attr, "0">:$axis,
                   DefaultValuedAttr<TL_ScatterReductionAttr,
                                     "ScatterReduction::none">:$reduction);
  let results = (outs TL_Tensor:$output);
  let assemblyFormat = [{
    $data `,` $indices `,` $updates attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

def TL_GatherNDOp : TL_InferOp<"gather_nd"> {
  let summary = "gather slices addressed by index tuples (ONNX GatherND)";
  let description = [{
    The last dim of `indices` (size `k`) holds tuples indexing the dims
    `batch_dims .. batch_dims + k - 1` of `data`; the first `batch_dims` dims
    of both are batch dims walked together. The result shape is
    `indices.shape[:-1] + data.shape[batch_dims + k:]`. Negative indices
    count from the back.

    ```mlir
    %y = tl.gather_nd %x, %i {batch_dims = 1 : i64}
        : (tensor<2x2x2xi32>, tensor<2x1xi64>) -> tensor<2x2xi32>
    ```
  }];
  let arguments = (ins TL_Tensor:$data, TL_IndexTensor:$indices,
                   DefaultValuedAttr<I64Attr, "0">:$batch_dims);
  let results = (outs TL_Tensor:$output);
  let assemblyFormat = "$data `,` $indices attr-dict `:` functional-type(operands, results)";
}

def TL_ScatterNDOp : TL_InferOp<"scatter_nd"> {
  let summary = "scatter slices addressed by index tuples (ONNX ScatterND)";
  let description = [{
    The output is `data` with, for every tuple `indices[p, :]` (of size `k`),
    the slice `output[indices[p, :], ...]` combined with `updates[p, ...]` by
    `reduction` (`none` replaces). `updates` has the shape
    `indices.shape[:-1] + data.shape[k:]`. Tuples apply in row-major order;
    negative indices count from the back.

    ```mlir
    %y = tl.scatter_nd %x, %i, %u {reduction = #tl<scatter_reduction mul>}
        : (tensor<4x4x4xf32>, tensor<2x1xi64>, tensor<2x4x4xf32>) -> tensor<4x4x4xf32>
    ```
  }];
  let arguments = (ins TL_Tensor:$data, TL_IndexTensor:$indices,
                   TL_Tensor:$updates,
                   DefaultValuedAttr<TL_ScatterReductionAttr,
                                     "ScatterReduction::none">:$reduction);
  let results = (outs TL_Tensor:$output);
  let assemblyFormat = [{
    $data `,` $indices `,` $updates attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

def TL_TopKOp : TL_InferOp<"top_k"> {
  let summary = "the k largest or smallest elements along an axis";
  let description = [{
    ONNX `TopK`: `values` holds the `k` largest (or, with `largest = false`,
    smallest) elements of every slice along `axis`, in sorted order
    (descending, or ascending for the smallest), and `indices` their
    positions along the axis. Equal elements keep their order: the lower
    index comes first. NaN counts as larger than every number (as in
    PyTorch). The results are always sorted, which ONNX allows for
    `sorted = 0` too.

    ```mlir
    %v, %i = tl.top_k %x {axis = 1 : i64, k = 3 : i64}
        : (tensor<3x4xf32>) -> (tensor<3x3xf32>, tensor<3x3xi64>)
    ```
  }];
  let arguments = (ins TL_NumericTensor:$input, I64Attr:$k,
                   DefaultValuedAttr<I64Attr, "-1">:$axis,
                   DefaultValuedAttr<BoolAttr, "true">:$largest);
  let results = (outs TL_NumericTensor:$values, RankedTensorOf<[I64]>:$indices);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
}

def TL_ReverseSequenceOp : TL_InferOp<"reverse_sequence"> {
  let summary = "reverse the first sequence_lens[b] steps of every batch entry";
  let description = [{
    ONNX `ReverseSequence`: for every batch entry `b` (along `batch_axis`),
    the elements at time steps `t < sequence_lens[b]` (along `time_axis`)
    come from step `sequence_lens[b] - 1 - t`; later steps are copied. A
    length outside `[0, steps]` is clamped into it.

    ```mlir
    %y = tl.reverse_sequence %x, %lens {batch_axis = 1 : i64, time_axis = 0 : i64}
        : (tensor<4x4xf32>, tensor<4xi64>) -> tensor<4x4xf32>
    ```
  }];
  let arguments = (ins TL_Tensor:$input, TL_IndexTensor:$sequence_lens,
                   DefaultValuedAttr<I64Attr, "1">:$batch_axis,
                   DefaultValuedAttr<I64Attr, "0">:$time_axis);
  let results = (outs TL_Tensor:$output);
  let assemblyFormat = [{
    $input `,` $sequence_lens attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

def TL_MaxUnpoolOp : TL_InferOp<"max_unpool"> {
  let summary = "place pooled values back at their argmax positions";
  let description = [{
    ONNX `MaxUnpool`: the output `[N, C, output_shape...]` is zero except
    that every input element `input[p]` is written at the flat (row-major,
    whole-tensor) position `indices[p]`, as `tl.max_pool_with_indices`
    returns them (clamped into the output). Later positions win on
    duplicates.

    ```mlir
    %y = tl.max_unpool %x, %i {output_shape = array<i64: 4, 4>}
        : (tensor<1x1x2x2xf32>, tensor<1x1x2x2xi64>) -> tensor<1x1x4x4xf32>
    ```
  }];
  let arguments = (ins TL_NumericTensor:$input, TL_IndexTensor:$indices,
                   DenseI64ArrayAttr:$output_shape);
  let results = (outs TL_NumericTensor:$output);
  let assemblyFormat = [{
    $input `,` $indices attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

#endif // TL_INDEXING_OPS_TD
