//===- TLNNOps.td - tl neural-network layers -------------*- tablegen -*-===//

#ifndef TL_NN_OPS_TD
#define TL_NN_OPS_TD

include "tl/IR/TLBase.td"

//===----------------------------------------------------------------------===//
// Linear algebra
//===----------------------------------------------------------------------===//

def TL_DenseOp : TL_InferOp<"dense"> {
  let summary = "fully connected layer: input x weight + bias";
  let description = [{
    TensorLayer's `Dense`: `output[..., n] = sum_k input[..., k] * weight[k, n]
    + bias[n]`. The weight is `[in_features, out_features]` (TensorLayer's
    layout; ONNX `Gemm` with `transB = 1` is imported by transposing the
    weight). The input may have any rank >= 1; the last dimension is
    contracted. The bias is optional.

    ```mlir
    %y = tl.dense %x, %w, %b : (tensor<?x784xf32>, tensor<784x128xf32>, tensor<128xf32>) -> tensor<?x128xf32>
    %z = tl.dense %x, %w : (tensor<?x784xf32>, tensor<784x128xf32>) -> tensor<?x128xf32>
    ```
  }];
  let arguments = (ins TL_FloatTensor:$input, TL_FloatTensor:$weight,
                   Optional<TL_FloatTensor>:$bias);
  let results = (outs TL_FloatTensor:$output);
  let assemblyFormat = [{
    $input `,` $weight (`,` $bias^)? attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

def TL_MatMulOp : TL_InferOp<"matmul"> {
  let summary = "numpy matmul: batched, broadcasting matrix product";
  let description = [{
    Matrix product with numpy semantics: 1-D operands are promoted to
    matrices (and the added dimension removed from the result), leading
    (batch) dimensions broadcast.

    ```mlir
    %c = tl.matmul %a, %b : (tensor<8x?x64xf32>, tensor<64x32xf32>) -> tensor<8x?x32xf32>
    ```
  }];
  let arguments = (ins TL_NumericTensor:$lhs, TL_NumericTensor:$rhs);
  let results = (outs TL_NumericTensor:$output);
  let assemblyFormat = [{
    $lhs `,` $rhs attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Convolution
//===----------------------------------------------------------------------===//

// Convolutions also run on signless integers (ConvInteger, QLinearConv
// accumulate in i32).
def TL_ConvTensor : RankedTensorOf<[TL_Float, I8, I16, I32, I64]>;

def TL_ConvOp : TL_InferOp<"conv"> {
  let summary = "1-D/2-D/3-D convolution (channels-first), grouped and dilated";
  let description = [{
    Cross-correlation of an `[N, C, D...]` input with an `[F, C / group, K...]`
    weight and an optional `[F]` bias. `strides` and `dilations` have one
    entry per spatial dimension (default 1); `pads` has the begin pads of
    every spatial dimension followed by the end pads (default 0). `group`
    equal to `C` and `F` is a depthwise convolution.

    Integer (signless) operands accumulate in their own type, wrapping on
    overflow; integer convolution with zero points is written as `tl.cast`
    to i32, `tl.sub` of the zero point and `tl.conv` on i32.

    Output spatial size: `floor((D + pad_begin + pad_end - dilation * (K - 1) - 1) / stride) + 1`.

    ```mlir
    %y = tl.conv %x, %w, %b {strides = array<i64: 2, 2>, pads = array<i64: 3, 3, 3, 3>}
        : (tensor<1x3x224x224xf32>, tensor<64x3x7x7xf32>, tensor<64xf32>) -> tensor<1x64x112x112xf32>
    ```
  }];
  let arguments = (ins TL_ConvTensor:$input, TL_ConvTensor:$weight,
                   Optional<TL_ConvTensor>:$bias,
                   OptionalAttr<DenseI64ArrayAttr>:$strides,
                   OptionalAttr<DenseI64ArrayAttr>:$pads,
                   OptionalAttr<DenseI64ArrayAttr>:$dilations,
                   DefaultValuedAttr<I64Attr, "1">:$group);
  let results = (outs TL_ConvTensor:$output);
  let assemblyFormat = [{
    $input `,` $weight (`,` $bias^)? attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    /// Number of spatial dimensions (1, 2 or 3).
    int64_t getNumSpatialDims();
    /// Attribute values with their defaults filled in.
    ::llvm::SmallVector<int64_t> getStridesOrDefault();
    ::llvm::SmallVector<int64_t> getPadsOrDefault();
    ::llvm::SmallVector<int64_t> getDilationsOrDefault();
  }];
}

def TL_ConvTransposeOp : TL_InferOp<"conv_transpose"> {
  let summary = "transposed (fractionally strided) convolution, channels-first";
  let description = [{
    The gradient of `tl.conv` with respect to its input, used for upsampling.
    The weight is `[C, F / group, K...]`. Output spatial size:
    `stride * (D - 1) + output_padding + dilation * (K - 1) + 1 - pad_begin - pad_end`.

    ```mlir
    %y = tl.conv_transpose %x, %w {strides = array<i64: 2, 2>}
        : (tensor<1x16x8x8xf32>, tensor<16x8x2x2xf32>) -> tensor<1x8x16x16xf32>
    ```
  }];
  let arguments = (ins TL_FloatTensor:$input, TL_FloatTensor:$weight,
                   Optional<TL_FloatTensor>:$bias,
                   OptionalAttr<DenseI64ArrayAttr>:$strides,
                   OptionalAttr<DenseI64ArrayAttr>:$pads,
                   OptionalAttr<DenseI64ArrayAttr>:$dilations,
                   OptionalAttr<DenseI64ArrayAttr>:$output_padding,
                   DefaultValuedAttr<I64Attr, "1">:$group);
  let results = (outs TL_FloatTensor:$output);
  let assemblyFormat = [{
    $input `,` $weight (`,` $bias^)? attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    int64_t getNumSpatialDims();
    ::llvm::SmallVector<int64_t> getStridesOrDefault();
    ::llvm::SmallVector<int64_t> getPadsOrDefault();
    ::llvm::SmallVector<int64_t> getDilationsOrDefault();
    ::llvm::SmallVector<int64_t> getOutputPaddingOrDefault();
  }];
}

//===----------------------------------------------------------------------===//
// Pooling
//===----------------------------------------------------------------------===//

def TL_MaxPoolOp : TL_InferOp<"max_pool"> {
  let summary = "max pooling over 1-3 spatial dimensions (channels-first)";
  let description = [{
    Maximum over windows of `kernel_shape`. `strides`/`dilations` default to
    1 and `pads` (begins then ends) to 0; padded positions never win. With
    `ceil_mode` the output size rounds up (a window must start inside the
    input or its begin padding).

    ```mlir
    %y = tl.max_pool %x {kernel_shape = array<i64: 3, 3>, strides = array<i64: 2, 2>,
                         pads = array<i64: 1, 1, 1, 1>}
        : (tensor<1x64x112x112xf32>) -> tensor<1x64x56x56xf32>
    ```
  }];
  let arguments = (ins TL_NumericTensor:$input,
                   DenseI64ArrayAttr:$kernel_shape,
                   OptionalAttr<DenseI64ArrayAttr>:$strides,
                   OptionalAttr<DenseI64ArrayAttr>:$pads,
                   OptionalAttr<DenseI64ArrayAttr>:$dilations,
                   DefaultValuedAttr<BoolAttr, "false">:$ceil_mode);
  let results = (outs TL_NumericTensor:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
  let extraClassDeclaration = [{
    ::llvm::SmallVector<int64_t> getStridesOrDefault();
    ::llvm::SmallVector<int64_t> getPadsOrDefault();
    ::llvm::SmallVector<int64_t> getDilationsOrDefault();
  }];
}

def TL_MaxPoolWithIndicesOp : TL_InferOp<"max_pool_with_indices"> {
  let summary = "max pooling that also returns where each maximum is";
  let description = [{
    `tl.max_pool` (same attributes, same `output`) plus `indices`: for every
    output element, the flat index of the winning input element in the
    unpadded input, `(n * C + c) * (D1 * ... * Dk) + p`, where `p` counts
    the spatial position row-major (`storage_order` `row_major`, the
    default) or column-major (`column_major`: the first spatial dim
    fastest), as ONNX `MaxPool`'s second output. Ties go to the first
    position in row-major order; NaN never wins.

    ```mlir
    %y, %i = tl.max_pool_with_indices %x {kernel_shape = array<i64: 2, 2>,
                                          strides = array<i64: 2, 2>}
        : (tensor<1x3x6x6xf32>) -> (tensor<1x3x3x3xf32>, tensor<1x3x3x3xi64>)
    ```
  }];
  let arguments = (ins TL_NumericTensor:$input,
                   DenseI64ArrayAttr:$kernel_shape,
                   OptionalAttr<DenseI64ArrayAttr>:$strides,
                   OptionalAttr<DenseI64ArrayAttr>:$pads,
                   OptionalAttr<DenseI64ArrayAttr>:$dilations,
                   DefaultValuedAttr<BoolAttr, "false">:$ceil_mode,
                   DefaultValuedAttr<TL_StorageOrderAttr,
                       "StorageOrder::row_major">:$storage_order);
  let results = (outs TL_NumericTensor:$output, RankedTensorOf<[I64]>:$indices);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
  let extraClassDeclaration = [{
    ::llvm::SmallVector<int64_t> getStridesOrDefault();
    ::llvm::SmallVector<int64_t> getPadsOrDefault();
    ::llvm::SmallVector<int64_t> getDilationsOrDefault();
  }];
}

def TL_AvgPoolOp : TL_InferOp<"avg_pool"> {
  let summary = "average pooling over 1-3 spatial dimensions (channels-first)";
  let description = [{
    Mean over windows of `kernel_shape`. With `count_include_pad` the
    divisor is the full window (padding counts as zeros); otherwise only the
    elements inside the input count. `ceil_mode` as in `tl.max_pool`.

    ```mlir
    %y = tl.avg_pool %x {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>}
        : (tensor<1x8x7x7xf32>) -> tensor<1x8x3x3xf32>
    ```
  }];
  let arguments = (ins TL_FloatTensor:$input,
                   DenseI64ArrayAttr:$kernel_shape,
                   OptionalAttr<DenseI64ArrayAttr>:$strides,
                   OptionalAttr<DenseI64ArrayAttr>:$pads,
                   DefaultValuedAttr<BoolAttr, "false">:$ceil_mode,
                   DefaultValuedAttr<BoolAttr, "false">:$count_include_pad);
  let results = (outs TL_FloatTensor:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
  let extraClassDeclaration = [{
    ::llvm::SmallVector<int64_t> getStridesOrDefault();
    ::llvm::SmallVector<int64_t> getPadsOrDefault();
  }];
}

def TL_GlobalAvgPoolOp : TL_InferOp<"global_avg_pool"> {
  let summary = "mean over all spatial dimensions, kept as size 1";
  let description = [{
    ```mlir
    %y = tl.global_avg_pool %x : (tensor<1x512x7x7xf32>) -> tensor<1x512x1x1xf32>
    ```
  }];
  let arguments = (ins TL_FloatTensor:$input);
  let results = (outs TL_FloatTensor:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
}

def TL_GlobalMaxPoolOp : TL_InferOp<"global_max_pool"> {
  let summary = "maximum over all spatial dimensions, kept as size 1";
  let description = [{
    ```mlir
    %y = tl.global_max_pool %x : (tensor<1x512x7x7xf32>) -> tensor<1x512x1x1xf32>
    ```
  }];
  let arguments = (ins TL_FloatTensor:$input);
  let results = (outs TL_FloatTensor:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
}

//===----------------------------------------------------------------------===//
// Normalization
//===----------------------------------------------------------------------===//

def TL_BatchNormOp : TL_InferOp<"batch_norm"> {
  let summary = "batch normalization in inference mode";
  let description = [{
    `scale * (input - mean) / sqrt(var + epsilon) + bias` over the channel
    dimension 1; `scale`, `bias`, `mean` and `var` are `[C]`.

    ```mlir
    %y = tl.batch_norm %x, %scale, %bias, %mean, %var {epsilon = 1.0e-05 : f64}
        : (tensor<1x64x56x56xf32>, tensor<64xf32>, tensor<64xf32>, tensor<64xf32>, tensor<64xf32>)
        -> tensor<1x64x56x56xf32>
    ```
  }];
  let arguments = (ins TL_FloatTensor:$input, TL_FloatTensor:$scale,
                   TL_FloatTensor:$bias, TL_FloatTensor:$mean,
                   TL_FloatTensor:$var,
                   DefaultValuedAttr<F64Attr, "1.0e-5">:$epsilon);
  let results = (outs TL_FloatTensor:$output);
  let assemblyFormat = "operands attr-dict `:` functional-type(operands, results)";
  let hasVerifier = 1;
}

def TL_LayerNormOp : TL_InferOp<"layer_norm", [AttrSizedOperandSegments]> {
  let summary = "layer normalization over the trailing dimensions";
  let description = [{
    Normalizes over the dimensions `[axis, rank)`:
    `(input - mean) / sqrt(variance + epsilon) * scale + bias`, with `scale`
    and `bias` (both optional) broadcast to the normalized shape.

    ```mlir
    %y = tl.layer_norm %x, %g, %b {axis = -1 : i64}
        : (tensor<2x16x64xf32>, tensor<64xf32>, tensor<64xf32>) -> tensor<2x16x64xf32>
    ```
  }];
  let arguments = (ins TL_FloatTensor:$input, Optional<TL_FloatTensor>:$scale,
                   Optional<TL_FloatTensor>:$bias,
                   DefaultValuedAttr<I64Attr, "-1">:$axis,
                   DefaultValuedAttr<F64Attr, "1.0e-5">:$epsilon);
  let results = (outs TL_FloatTensor:$output);
  let assemblyFormat = [{
    $input (`,` $scale^)? (`,` $bias^)? attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

def TL_InstanceNormOp : TL_InferOp<"instance_norm"> {
  let summary = "instance normalization over the spatial dimensions";
  let description = [{
    For each sample and channel, normalizes over the spatial dimensions and
    applies per-channel `scale` and `bias` (`[C]`).

    ```mlir
    %y = tl.instance_norm %x, %s, %b {epsilon = 1.0e-05 : f64}
        : (tensor<1x8x5x5xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<1x8x5x5xf32>
    ```
  }];
  let arguments = (ins TL_FloatTensor:$input, TL_FloatTensor:$scale,
                   TL_FloatTensor:$bias,
                   DefaultValuedAttr<F64Attr, "1.0e-5">:$epsilon);
  let results = (outs TL_FloatTensor:$output);
  let assemblyFormat = "operands attr-dict `:` functional-type(operands, results)";
  let hasVerifier = 1;
}

class TL_SoftmaxBase<string mnemonic, string formula>
    : TL_UnaryOp<mnemonic, TL_FloatTensor> {
  let summary = formula # " along one axis";
  let description = "Computes `" # formula # "` along `axis` (default -1), "
    # "numerically stable (the maximum is subtracted first).\n\n```mlir\n%y = tl."
    # mnemonic # " %x {axis = 1 : i64} : tensor<2x10xf32>\n```";
  let arguments = (ins TL_FloatTensor:$input,
                   DefaultValuedAttr<I64Attr, "-1">:$axis);
  let hasVerifier = 1;
}
def TL_SoftmaxOp : TL_SoftmaxBase<"softmax", "exp(x) / sum(exp(x))">;
def TL_LogSoftmaxOp : TL_SoftmaxBase<"log_softmax", "x - log(sum(exp(x)))">;

#endif // TL_NN_OPS_TD
