// A model in the tl dialect: logits = x @ w + b with a dynamic batch.
func.func @dense(%x: tensor<?x64xf32> {tl.name = "x"}, %w: tensor<64x5xf32> {tl.name = "w"},
                 %b: tensor<5xf32> {tl.name = "b"}) -> (tensor<?x5xf32> {tl.name = "logits"}) {
  %y = tl.dense %x, %w, %b : (tensor<?x64xf32>, tensor<64x5xf32>, tensor<5xf32>) -> tensor<?x5xf32>
  return %y : tensor<?x5xf32>
}
