//===- TLSamplingOps.td - tl spatial sampling ops ---------*- tablegen -*-===//

#ifndef TL_SAMPLING_OPS_TD
#define TL_SAMPLING_OPS_TD

include "tl/IR/TLBase.td"

def TL_GridPaddingMode : I32EnumAttr<"GridPaddingMode",
    "what tl.grid_sample reads outside the input", [
      I32EnumAttrCase<"zeros", 0>,
      I32EnumAttrCase<"border", 1>,
      I32EnumAttrCase<"reflection", 2>]> {
  let cppNamespace = "::mlir::tl";
  let genSpecializedAttr = 0;
}
def TL_GridPaddingModeAttr
    : EnumAttr<TL_Dialect, TL_GridPaddingMode, "grid_padding_mode">;

def TL_GridSampleOp : TL_InferOp<"grid_sample"> {
  let summary = "samples a 2-D input at the locations of a flow-field grid";
  let description = [{
    TensorLayer's spatial transformer sampler (PyTorch `grid_sample`, ONNX
    `GridSample`): `output[n, c, h, w]` is `input[n, c]` interpolated at the
    point `grid[n, h, w] = (x, y)`, where -1 and 1 are the input's left/top
    and right/bottom edges: the centers of the corner pixels with
    `align_corners`, the outer edges of the corner pixels without.

    `mode` is `nearest` (round half to even), `linear` (bilinear) or `cubic`
    (bicubic, a = -0.75). `padding_mode` says what is read outside the
    input: `zeros`, the `border` pixel, or the input `reflection` at its
    border.

    ```mlir
    %y = tl.grid_sample %x, %grid {mode = #tl<resize_mode linear>,
                                   padding_mode = #tl<grid_padding_mode zeros>}
        : (tensor<1x3x32x32xf32>, tensor<1x16x16x2xf32>) -> tensor<1x3x16x16xf32>
    ```
  }];
  let arguments = (ins TL_FloatTensor:$input, TL_FloatTensor:$grid,
                   DefaultValuedAttr<TL_ResizeModeAttr, "ResizeMode::linear">:$mode,
                   DefaultValuedAttr<TL_GridPaddingModeAttr,
                                     "GridPaddingMode::zeros">:$padding_mode,
                   DefaultValuedAttr<BoolAttr, "false">:$align_corners);
  let results = (outs TL_FloatTensor:$output);
  let assemblyFormat = [{
    $input `,` $grid attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

#endif // TL_SAMPLING_OPS_TD
