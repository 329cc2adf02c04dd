// Two inputs, two outputs, a dynamic batch dimension:
//   y = x @ w          [batch, 3]
//   z = max(x, 0) * 2  [batch, 5]
func.func @mlp(%x: tensor<?x5xf32> {tl.name = "x", tl.dim_names = ["batch", ""]},
               %w: tensor<5x3xf32> {tl.name = "w"})
    -> (tensor<?x3xf32> {tl.name = "y"}, tensor<?x5xf32> {tl.name = "z"}) {
  %c0 = arith.constant 0 : index
  %zero = arith.constant 0.0 : f32
  %two = arith.constant 2.0 : f32
  %n = tensor.dim %x, %c0 : tensor<?x5xf32>
  %empty_y = tensor.empty(%n) : tensor<?x3xf32>
  %init_y = linalg.fill ins(%zero : f32) outs(%empty_y : tensor<?x3xf32>) -> tensor<?x3xf32>
  %y = linalg.matmul ins(%x, %w : tensor<?x5xf32>, tensor<5x3xf32>)
                     outs(%init_y : tensor<?x3xf32>) -> tensor<?x3xf32>
  %empty_z = tensor.empty(%n) : tensor<?x5xf32>
  %z = linalg.generic {
      indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>],
      iterator_types = ["parallel", "parallel"]}
      ins(%x : tensor<?x5xf32>) outs(%empty_z : tensor<?x5xf32>) {
  ^bb0(%in: f32, %out: f32):
    %r = arith.maximumf %in, %zero : f32
    %d = arith.mulf %r, %two : f32
    linalg.yield %d : f32
  } -> tensor<?x5xf32>
  return %y, %z : tensor<?x3xf32>, tensor<?x5xf32>
}
