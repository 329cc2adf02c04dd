//===- TLQuantOps.td - tl quantization ops ----------------*- tablegen -*-===//
//
// Linear (affine) quantization as in TensorLayer's quantized layers and ONNX
// QuantizeLinear/DequantizeLinear. Integer matmul and convolution with zero
// points are not ops of their own: the importer writes them as tl.cast, tl.sub
// and tl.matmul / tl.conv on i32, which accept integer element types.
//
//===----------------------------------------------------------------------===//

#ifndef TL_QUANT_OPS_TD
#define TL_QUANT_OPS_TD

include "tl/IR/TLBase.td"

def TL_QuantizedElement : AnyTypeOf<[I8, UI8, I16, UI16, I32],
                                    "quantized integer">;
def TL_QuantizedTensor : RankedTensorOf<[TL_QuantizedElement]>;

def TL_QuantizeOp : TL_InferOp<"quantize"> {
  let summary = "affine quantization: saturate(round(x / scale) + zero_point)";
  let description = [{
    Quantizes every element of a float tensor to the integer type of
    `zero_point`: `saturate(round_half_to_even(x / scale) + zero_point)`,
    where saturation clamps to the range of the integer type. `scale` and
    `zero_point` have the same shape: rank 0 (per tensor) or rank 1 with one
    entry per index of dimension `axis` of the input (per axis; `axis` may be
    negative). The result has the input's shape.

    ```mlir
    %q = tl.quantize %x, %scale, %zp : (tensor<1x3x8xf32>, tensor<f32>, tensor<ui8>) -> tensor<1x3x8xui8>
    %c = tl.quantize %x, %s3, %z3 {axis = 1 : i64}
        : (tensor<1x3x8xf32>, tensor<3xf32>, tensor<3xi8>) -> tensor<1x3x8xi8>
    ```
  }];
  let arguments = (ins TL_FloatTensor:$input, TL_FloatTensor:$scale,
                   TL_QuantizedTensor:$zero_point,
                   DefaultValuedAttr<I64Attr, "1">:$axis);
  let results = (outs TL_QuantizedTensor:$output);
  let assemblyFormat = [{
    $input `,` $scale `,` $zero_point attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    /// The normalized quantization axis, or nullopt when per tensor.
    std::optional<int64_t> getQuantizedAxis();
  }];
}

def TL_DequantizeOp : TL_InferOp<"dequantize"> {
  let summary = "affine dequantization: (x - zero_point) * scale";
  let description = [{
    The inverse of `tl.quantize`: every integer element becomes
    `(x - zero_point) * scale`, computed exactly in integers and then in the
    float type of `scale`, which is the result element type. `zero_point` has
    the input's element type; `scale` and `zero_point` are rank 0 (per tensor)
    or rank 1 along dimension `axis` of the input.

    ```mlir
    %x = tl.dequantize %q, %scale, %zp : (tensor<4xui8>, tensor<f32>, tensor<ui8>) -> tensor<4xf32>
    ```
  }];
  let arguments = (ins TL_QuantizedTensor:$input, TL_FloatTensor:$scale,
                   TL_QuantizedTensor:$zero_point,
                   DefaultValuedAttr<I64Attr, "1">:$axis);
  let results = (outs TL_FloatTensor:$output);
  let assemblyFormat = [{
    $input `,` $scale `,` $zero_point attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    /// The normalized quantization axis, or nullopt when per tensor.
    std::optional<int64_t> getQuantizedAxis();
  }];
}

#endif // TL_QUANT_OPS_TD
