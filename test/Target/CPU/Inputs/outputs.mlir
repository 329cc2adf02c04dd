// Outputs of every kind the run entry point handles:
//   y = max(x * 2 + 1, 0)  [64, 300]  static, computed in the caller's buffer
//   s = x                  [64, 300]  static, an argument copied there
//   w = v + 1              [?]        dynamic, returned by the compiled code
func.func @outputs(%x: tensor<64x300xf32> {tl.name = "x"},
                   %v: tensor<?xf32> {tl.name = "v"})
    -> (tensor<64x300xf32> {tl.name = "y"}, tensor<64x300xf32> {tl.name = "s"},
        tensor<?xf32> {tl.name = "w"}) {
  %c0 = arith.constant 0 : index
  %zero = arith.constant 0.0 : f32
  %one = arith.constant 1.0 : f32
  %two = arith.constant 2.0 : f32
  %e = tensor.empty() : tensor<64x300xf32>
  %y = linalg.generic {
      indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>],
      iterator_types = ["parallel", "parallel"]}
      ins(%x : tensor<64x300xf32>) outs(%e : tensor<64x300xf32>) {
  ^bb0(%in: f32, %out: f32):
    %m = arith.mulf %in, %two : f32
    %a = arith.addf %m, %one : f32
    %r = arith.maximumf %a, %zero : f32
    linalg.yield %r : f32
  } -> tensor<64x300xf32>
  %n = tensor.dim %v, %c0 : tensor<?xf32>
  %ev = tensor.empty(%n) : tensor<?xf32>
  %w = linalg.generic {
      indexing_maps = [affine_map<(i) -> (i)>, affine_map<(i) -> (i)>],
      iterator_types = ["parallel"]}
      ins(%v : tensor<?xf32>) outs(%ev : tensor<?xf32>) {
  ^bb0(%in: f32, %out: f32):
    %a = arith.addf %in, %one : f32
    linalg.yield %a : f32
  } -> tensor<?xf32>
  return %y, %x, %w : tensor<64x300xf32>, tensor<64x300xf32>, tensor<?xf32>
}
