//===- TLTensorOps.td - tl tensor construction and manipulation -*- tablegen -*-===//

#ifndef TL_TENSOR_OPS_TD
#define TL_TENSOR_OPS_TD

include "tl/IR/TLBase.td"
include "mlir/IR/BuiltinAttributeInterfaces.td"

def TL_ConstantOp : TL_Op<"constant", [ConstantLike,
    DeclareOpInterfaceMethods<InferTypeOpInterface>]> {
  let summary = "a constant tensor";
  let description = [{
    A tensor constant: dense elements for small values, `dense_resource`
    blobs for weights.

    ```mlir
    %c = tl.constant dense<[1.0, 2.0]> : tensor<2xf32>
    %w = tl.constant dense_resource<conv1_weight> : tensor<64x3x7x7xf32>
    ```
  }];
  let arguments = (ins ElementsAttr:$value);
  let results = (outs TL_Tensor:$output);
  let assemblyFormat = "attr-dict $value";
  let hasFolder = 1;
  let hasVerifier = 1;
}

def TL_IdentityOp : TL_UnaryOp<"identity", TL_Tensor> {
  let summary = "returns its operand (removed by canonicalization)";
  let description = [{
    ```mlir
    %y = tl.identity %x : tensor<4xf32>
    ```
  }];
  let hasFolder = 1;
}

def TL_DropoutOp : TL_UnaryOp<"dropout", TL_Tensor> {
  let summary = "dropout, the identity at inference (removed by canonicalization)";
  let description = [{
    Kept so that models keep their structure through import; tlc compiles
    for inference, where dropout passes its input through.

    ```mlir
    %y = tl.dropout %x {ratio = 0.5 : f64} : tensor<4xf32>
    ```
  }];
  let arguments = (ins TL_Tensor:$input,
                   DefaultValuedAttr<F64Attr, "0.5">:$ratio);
  let hasFolder = 1;
}

def TL_ReshapeOp : TL_InferOp<"reshape"> {
  let summary = "reshape to a new shape with the same number of elements";
  let description = [{
    `new_shape` entries: a positive size; `0` copies the input's size at the
    same position; `-1` (at most once) is inferred from the element count.

    ```mlir
    %y = tl.reshape %x {new_shape = array<i64: 0, -1>} : (tensor<?x512x1x1xf32>) -> tensor<?x512xf32>
    ```
  }];
  let arguments = (ins TL_Tensor:$input, DenseI64ArrayAttr:$new_shape);
  let results = (outs TL_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
  let hasFolder = 1;
  let hasCanonicalizer = 1;
}

def TL_FlattenOp : TL_InferOp<"flatten"> {
  let summary = "collapse into a matrix at an axis";
  let description = [{
    Result `[prod(dims[0:axis]), prod(dims[axis:])]`.

    ```mlir
    %y = tl.flatten %x {axis = 1 : i64} : (tensor<?x512x1x1xf32>) -> tensor<?x512xf32>
    ```
  }];
  let arguments = (ins TL_Tensor:$input, DefaultValuedAttr<I64Attr, "1">:$axis);
  let results = (outs TL_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
}

def TL_SqueezeOp : TL_InferOp<"squeeze"> {
  let summary = "remove size-1 dimensions";
  let description = [{
    Removes the listed dimensions (which must have size 1), or every static
    size-1 dimension when `axes` is absent.

    ```mlir
    %y = tl.squeeze %x {axes = array<i64: 2, 3>} : (tensor<1x512x1x1xf32>) -> tensor<1x512xf32>
    ```
  }];
  let arguments = (ins TL_Tensor:$input, OptionalAttr<DenseI64ArrayAttr>:$axes);
  let results = (outs TL_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
}

def TL_UnsqueezeOp : TL_InferOp<"unsqueeze"> {
  let summary = "insert size-1 dimensions";
  let description = [{
    `axes` index the output (negative counts from the output's back).

    ```mlir
    %y = tl.unsqueeze %x {axes = array<i64: 0>} : (tensor<3xf32>) -> tensor<1x3xf32>
    ```
  }];
  let arguments = (ins TL_Tensor:$input, DenseI64ArrayAttr:$axes);
  let results = (outs TL_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
}

def TL_TransposeOp : TL_InferOp<"transpose"> {
  let summary = "permute dimensions";
  let description = [{
    `output.dim(i) = input.dim(perm[i])`; `perm` defaults to reversing.

    ```mlir
    %y = tl.transpose %x {perm = array<i64: 0, 2, 1>} : (tensor<2x3x4xf32>) -> tensor<2x4x3xf32>
    ```
  }];
  let arguments = (ins TL_Tensor:$input, OptionalAttr<DenseI64ArrayAttr>:$perm);
  let results = (outs TL_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
  let hasFolder = 1;
  let extraClassDeclaration = [{
    ::llvm::SmallVector<int64_t> getPermOrDefault();
  }];
}

def TL_ConcatOp : TL_InferOp<"concat"> {
  let summary = "join tensors along an axis";
  let description = [{
    ```mlir
    %y = tl.concat %a, %b {axis = 1 : i64} : (tensor<1x2x4xf32>, tensor<1x3x4xf32>) -> tensor<1x5x4xf32>
    ```
  }];
  let arguments = (ins Variadic<TL_Tensor>:$inputs, I64Attr:$axis);
  let results = (outs TL_Tensor:$output);
  let assemblyFormat = "$inputs attr-dict `:` functional-type(operands, results)";
  let hasFolder = 1;
}

def TL_SplitOp : TL_InferOp<"split"> {
  let summary = "split a tensor into parts along an axis";
  let description = [{
    `sizes` gives the size of every part along `axis`; they must sum to the
    dimension when it is static.

    ```mlir
    %a, %b = tl.split %x {axis = 1 : i64, sizes = array<i64: 2, 4>} : (tensor<3x6xf32>) -> (tensor<3x2xf32>, tensor<3x4xf32>)
    ```
  }];
  let arguments = (ins TL_Tensor:$input, I64Attr:$axis, DenseI64ArrayAttr:$sizes);
  let results = (outs Variadic<TL_Tensor>:$outputs);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
}

def TL_SliceOp : TL_InferOp<"slice"> {
  let summary = "strided slice with ONNX/numpy clamping";
  let description = [{
    For every listed axis, takes `start:end:step` (numpy semantics: negative
    positions count from the back, out-of-range bounds clamp, negative steps
    walk backwards). `axes` defaults to `[0, len(starts))`, `steps` to 1.

    ```mlir
    %y = tl.slice %x {starts = array<i64: 1>, ends = array<i64: -1>, axes = array<i64: 1>}
        : (tensor<2x10xf32>) -> tensor<2x8xf32>
    ```
  }];
  let arguments = (ins TL_Tensor:$input, DenseI64ArrayAttr:$starts,
                   DenseI64ArrayAttr:$ends,
                   OptionalAttr<DenseI64ArrayAttr>:$axes,
                   OptionalAttr<DenseI64ArrayAttr>:$steps);
  let results = (outs TL_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
}

def TL_PadOp : TL_InferOp<"pad"> {
  let summary = "pad with a constant, reflection or edge values";
  let description = [{
    `pads` has the begin pads of every dimension followed by the end pads;
    negative pads crop.

    ```mlir
    %y = tl.pad %x {pads = array<i64: 0, 1, 0, 2>, mode = #tl<pad_mode reflect>}
        : (tensor<3x4xf32>) -> tensor<3x7xf32>
    ```
  }];
  let arguments = (ins TL_Tensor:$input, DenseI64ArrayAttr:$pads,
                   DefaultValuedAttr<TL_PadModeAttr, "PadMode::constant">:$mode,
                   DefaultValuedAttr<F64Attr, "0.0">:$value);
  let results = (outs TL_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
}

def TL_GatherOp : TL_InferOp<"gather"> {
  let summary = "take slices along an axis by index (embedding lookup)";
  let description = [{
    ONNX `Gather`: result shape `data.shape[:axis] + indices.shape +
    data.shape[axis+1:]`; negative indices count from the back. Indices
    outside `[-dim, dim - 1]`, which ONNX leaves undefined, are clamped to
    the nearest end (as XLA does): a bad index never reads outside `data`. An
    embedding lookup is `tl.gather` with `axis = 0` on the table.

    ```mlir
    %e = tl.gather %table, %ids {axis = 0 : i64} : (tensor<1000x64xf32>, tensor<?x16xi64>) -> tensor<?x16x64xf32>
    ```
  }];
  let arguments = (ins TL_Tensor:$data, TL_IndexTensor:$indices,
                   DefaultValuedAttr<I64Attr, "0">:$axis);
  let results = (outs TL_Tensor:$output);
  let assemblyFormat = "$data `,` $indices attr-dict `:` functional-type(operands, results)";
}

def TL_ExpandOp : TL_InferOp<"expand"> {
  let summary = "broadcast to a shape (numpy broadcast_to, ONNX Expand)";
  let description = [{
    The result shape is the numpy broadcast of the input shape and `shape`.

    ```mlir
    %y = tl.expand %x {shape = array<i64: 4, 3>} : (tensor<1x3xf32>) -> tensor<4x3xf32>
    ```
  }];
  let arguments = (ins TL_Tensor:$input, DenseI64ArrayAttr:$shape);
  let results = (outs TL_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
}

def TL_TileOp : TL_InferOp<"tile"> {
  let summary = "repeat a tensor along every dimension";
  let description = [{
    ```mlir
    %y = tl.tile %x {repeats = array<i64: 2, 1>} : (tensor<3x4xf32>) -> tensor<6x4xf32>
    ```
  }];
  let arguments = (ins TL_Tensor:$input, DenseI64ArrayAttr:$repeats);
  let results = (outs TL_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
}

def TL_DepthToSpaceOp : TL_InferOp<"depth_to_space"> {
  let summary = "move channel blocks into spatial blocks (pixel shuffle)";
  let description = [{
    `[N, C, H, W]` to `[N, C / b^2, H * b, W * b]`. `DCR` (depth-column-row,
    the default) and `CRD` (PyTorch `PixelShuffle`) order the channels.

    ```mlir
    %y = tl.depth_to_space %x {blocksize = 2 : i64, mode = #tl<depth_to_space_mode CRD>}
        : (tensor<1x8x3x3xf32>) -> tensor<1x2x6x6xf32>
    ```
  }];
  let arguments = (ins TL_Tensor:$input, I64Attr:$blocksize,
                   DefaultValuedAttr<TL_DepthToSpaceModeAttr,
                                     "DepthToSpaceMode::DCR">:$mode);
  let results = (outs TL_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
}

def TL_SpaceToDepthOp : TL_InferOp<"space_to_depth"> {
  let summary = "move spatial blocks into channels";
  let description = [{
    `[N, C, H, W]` to `[N, C * b^2, H / b, W / b]`, the inverse of
    `tl.depth_to_space` in `DCR` mode.

    ```mlir
    %y = tl.space_to_depth %x {blocksize = 2 : i64} : (tensor<1x2x6x6xf32>) -> tensor<1x8x3x3xf32>
    ```
  }];
  let arguments = (ins TL_Tensor:$input, I64Attr:$blocksize);
  let results = (outs TL_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
}

def TL_ResizeOp : TL_InferOp<"resize"> {
  let summary = "resize by nearest, (multi)linear or (multi)cubic interpolation";
  let description = [{
    Resizes every dimension by `scales` (the output size is
    `floor(dim * scale)`), or to `sizes` when given. Every output coordinate
    maps to an input coordinate `x` by `coordinate_transform`, ONNX
    `Resize`'s formulas, with `scale` the dim's scale (`size / dim` with
    `sizes`) and `length` the resized length, `dim * scale` (unrounded, as
    ONNX defines it; the output size with `sizes`):

    | transform              | x                                               |
    |------------------------|-------------------------------------------------|
    | `half_pixel`           | `(o + 0.5) / scale - 0.5`                       |
    | `pytorch_half_pixel`   | as `half_pixel`; `0` when `length <= 1`         |
    | `align_corners`        | `o * (dim - 1) / (length - 1)`; `0` when `length == 1` |
    | `asymmetric`           | `o / scale`                                     |
    | `tf_half_pixel_for_nn` | `(o + 0.5) / scale`                             |
    | `tf_crop_and_resize`   | `start * (dim - 1) + o * (end - start) * (dim - 1) / (length - 1)`; `(start + end) / 2 * (dim - 1)` when `length == 1` |

    `nearest` rounds `x` by `nearest_mode` and reads the element (clamped to
    the input). `linear` blends the two neighbours of `x` (clamped to
    `[0, dim - 1]`) over every resized dim (bilinear for an image). `cubic`
    blends the four neighbours `floor(x) - 1 .. floor(x) + 2` over every
    resized dim (bicubic for an image) with the Keys kernel of parameter
    `cubic_coeff_a` (-0.75 as PyTorch, -0.5 as TensorFlow); neighbours
    outside the input read the edge element, or with `exclude_outside` get
    weight 0 and the other weights are renormalized to sum to 1.

    `tf_crop_and_resize` takes `roi` (one start per dim, then one end per
    dim, in normalized input coordinates); an output element whose `x` falls
    outside `[0, dim - 1]` in any dim is `extrapolation_value`. The output
    size is `floor(dim * scale)` there too, as ONNX's shape inference and
    reference implementation compute it (the ONNX text also multiplies by
    `end - start`).

    ```mlir
    %y = tl.resize %x {mode = #tl<resize_mode nearest>, scales = array<f64: 1.0, 1.0, 2.0, 2.0>}
        : (tensor<1x3x4x4xf32>) -> tensor<1x3x8x8xf32>
    %z = tl.resize %x {mode = #tl<resize_mode cubic>, sizes = array<i64: 1, 3, 7, 7>,
                       coordinate_transform = #tl<coordinate_transform align_corners>}
        : (tensor<1x3x4x4xf32>) -> tensor<1x3x7x7xf32>
    ```
  }];
  let arguments = (ins TL_Tensor:$input,
                   DefaultValuedAttr<TL_ResizeModeAttr, "ResizeMode::nearest">:$mode,
                   OptionalAttr<DenseF64ArrayAttr>:$scales,
                   OptionalAttr<DenseI64ArrayAttr>:$sizes,
                   DefaultValuedAttr<TL_CoordinateTransformAttr,
                       "CoordinateTransform::half_pixel">:$coordinate_transform,
                   DefaultValuedAttr<TL_NearestModeAttr,
                       "NearestMode::round_prefer_floor">:$nearest_mode,
                   DefaultValuedAttr<F64Attr, "-0.75">:$cubic_coeff_a,
                   DefaultValuedAttr<BoolAttr, "false">:$exclude_outside,
                   OptionalAttr<DenseF64ArrayAttr>:$roi,
                   DefaultValuedAttr<F64Attr, "0.0">:$extrapolation_value);
  let results = (outs TL_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
  let hasVerifier = 1;
}

#endif // TL_TENSOR_OPS_TD
