// bfloat16 in and out of tl-run: a bf16 input widened to f32, an f32 input
// narrowed to bf16 (round to nearest even: 1 + 2^-8 and 1 + 3 * 2^-8
// are ties), a bf16 sum.
func.func @bf16(%a: tensor<2x3xbf16>, %b: tensor<4xf32>)
    -> (tensor<2x3xf32>, tensor<4xbf16>, tensor<2x3xbf16>) {
  %wide = tl.cast %a : tensor<2x3xbf16> to tensor<2x3xf32>
  %narrow = tl.cast %b : tensor<4xf32> to tensor<4xbf16>
  %sum = tl.add %a, %a : (tensor<2x3xbf16>, tensor<2x3xbf16>) -> tensor<2x3xbf16>
  return %wide, %narrow, %sum : tensor<2x3xf32>, tensor<4xbf16>, tensor<2x3xbf16>
}
