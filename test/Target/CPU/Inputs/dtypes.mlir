// One elementwise op per element type:
//   a * 2 (f64), b + 1 (i32), c * 3 (i64), not d (i1), e + 1 (f16), f - 1 (i8)
#id1 = affine_map<(i) -> (i)>
#id2 = affine_map<(i, j) -> (i, j)>
func.func @dtypes(%a: tensor<3xf64>, %b: tensor<2x2xi32>, %c: tensor<?xi64>,
                  %d: tensor<3xi1>, %e: tensor<2xf16>, %f: tensor<2xi8>)
    -> (tensor<3xf64>, tensor<2x2xi32>, tensor<?xi64>, tensor<3xi1>,
        tensor<2xf16>, tensor<2xi8>) {
  %c0 = arith.constant 0 : index
  %ra = tensor.empty() : tensor<3xf64>
  %oa = linalg.generic {indexing_maps = [#id1, #id1], iterator_types = ["parallel"]}
      ins(%a : tensor<3xf64>) outs(%ra : tensor<3xf64>) {
  ^bb0(%x: f64, %o: f64):
    %k = arith.constant 2.0 : f64
    %y = arith.mulf %x, %k : f64
    linalg.yield %y : f64
  } -> tensor<3xf64>
  %rb = tensor.empty() : tensor<2x2xi32>
  %ob = linalg.generic {indexing_maps = [#id2, #id2], iterator_types = ["parallel", "parallel"]}
      ins(%b : tensor<2x2xi32>) outs(%rb : tensor<2x2xi32>) {
  ^bb0(%x: i32, %o: i32):
    %k = arith.constant 1 : i32
    %y = arith.addi %x, %k : i32
    linalg.yield %y : i32
  } -> tensor<2x2xi32>
  %n = tensor.dim %c, %c0 : tensor<?xi64>
  %rc = tensor.empty(%n) : tensor<?xi64>
  %oc = linalg.generic {indexing_maps = [#id1, #id1], iterator_types = ["parallel"]}
      ins(%c : tensor<?xi64>) outs(%rc : tensor<?xi64>) {
  ^bb0(%x: i64, %o: i64):
    %k = arith.constant 3 : i64
    %y = arith.muli %x, %k : i64
    linalg.yield %y : i64
  } -> tensor<?xi64>
  %rd = tensor.empty() : tensor<3xi1>
  %od = linalg.generic {indexing_maps = [#id1, #id1], iterator_types = ["parallel"]}
      ins(%d : tensor<3xi1>) outs(%rd : tensor<3xi1>) {
  ^bb0(%x: i1, %o: i1):
    %k = arith.constant true
    %y = arith.xori %x, %k : i1
    linalg.yield %y : i1
  } -> tensor<3xi1>
  %re = tensor.empty() : tensor<2xf16>
  %oe = linalg.generic {indexing_maps = [#id1, #id1], iterator_types = ["parallel"]}
      ins(%e : tensor<2xf16>) outs(%re : tensor<2xf16>) {
  ^bb0(%x: f16, %o: f16):
    %k = arith.constant 1.0 : f16
    %y = arith.addf %x, %k : f16
    linalg.yield %y : f16
  } -> tensor<2xf16>
  %rf = tensor.empty() : tensor<2xi8>
  %of = linalg.generic {indexing_maps = [#id1, #id1], iterator_types = ["parallel"]}
      ins(%f : tensor<2xi8>) outs(%rf : tensor<2xi8>) {
  ^bb0(%x: i8, %o: i8):
    %k = arith.constant 1 : i8
    %y = arith.subi %x, %k : i8
    linalg.yield %y : i8
  } -> tensor<2xi8>
  return %oa, %ob, %oc, %od, %oe, %of : tensor<3xf64>, tensor<2x2xi32>, tensor<?xi64>,
      tensor<3xi1>, tensor<2xf16>, tensor<2xi8>
}
