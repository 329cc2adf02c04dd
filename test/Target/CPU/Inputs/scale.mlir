// r = a * 3 + 1 in f64. The entry is called main: compiled models must not
// clash with a program's main().
func.func @main(%a: tensor<?xf64> {tl.name = "a"}) -> (tensor<?xf64> {tl.name = "r"}) {
  %c0 = arith.constant 0 : index
  %n = tensor.dim %a, %c0 : tensor<?xf64>
  %e = tensor.empty(%n) : tensor<?xf64>
  %r = linalg.generic {indexing_maps = [affine_map<(i) -> (i)>, affine_map<(i) -> (i)>],
                       iterator_types = ["parallel"]}
      ins(%a : tensor<?xf64>) outs(%e : tensor<?xf64>) {
  ^bb0(%x: f64, %o: f64):
    %three = arith.constant 3.0 : f64
    %one = arith.constant 1.0 : f64
    %m = arith.mulf %x, %three : f64
    %s = arith.addf %m, %one : f64
    linalg.yield %s : f64
  } -> tensor<?xf64>
  return %r : tensor<?xf64>
}
