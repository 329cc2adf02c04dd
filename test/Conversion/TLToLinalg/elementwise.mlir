// RUN: tl-opt %s --convert-tl-to-linalg --split-input-file | FileCheck %s

// Broadcasting: a missing leading dim is dropped from the map, a static 1
// facing a larger dim reads index 0, dynamic dims come from tensor.dim.

// CHECK-DAG: #[[ID2:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[ROW:.*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-LABEL: func.func @add_broadcast
// CHECK-SAME: (%[[A:.*]]: tensor<?x3xf32>, %[[B:.*]]: tensor<3xf32>)
// CHECK: %[[C0:.*]] = arith.constant 0 : index
// CHECK: %[[D0:.*]] = tensor.dim %[[A]], %[[C0]]
// CHECK: %[[INIT:.*]] = tensor.empty(%[[D0]]) : tensor<?x3xf32>
// CHECK: %[[R:.*]] = linalg.generic
// CHECK-SAME: indexing_maps = [#[[ID2]], #[[ROW]], #[[ID2]]]
// CHECK-SAME: iterator_types = ["parallel", "parallel"]
// CHECK-SAME: ins(%[[A]], %[[B]] : tensor<?x3xf32>, tensor<3xf32>) outs(%[[INIT]] : tensor<?x3xf32>)
// CHECK: ^bb0(%[[X:.*]]: f32, %[[Y:.*]]: f32, %{{.*}}: f32):
// CHECK: %[[S:.*]] = arith.addf %[[X]], %[[Y]] : f32
// CHECK: linalg.yield %[[S]] : f32
// CHECK: return %[[R]]
func.func @add_broadcast(%a: tensor<?x3xf32>, %b: tensor<3xf32>) -> tensor<?x3xf32> {
  %r = tl.add %a, %b : (tensor<?x3xf32>, tensor<3xf32>) -> tensor<?x3xf32>
  return %r : tensor<?x3xf32>
}

// -----

// CHECK-DAG: #[[LHS:.*]] = affine_map<(d0, d1, d2) -> (d0, 0, d2)>
// CHECK-DAG: #[[RHS:.*]] = affine_map<(d0, d1, d2) -> (d1, 0)>
// CHECK-DAG: #[[ID3:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-LABEL: func.func @mul_broadcast_ones
// CHECK: %[[INIT:.*]] = tensor.empty() : tensor<2x4x5xi32>
// CHECK: linalg.generic
// CHECK-SAME: indexing_maps = [#[[LHS]], #[[RHS]], #[[ID3]]]
// CHECK: arith.muli %{{.*}}, %{{.*}} : i32
func.func @mul_broadcast_ones(%a: tensor<2x1x5xi32>, %b: tensor<4x1xi32>) -> tensor<2x4x5xi32> {
  %r = tl.mul %a, %b : (tensor<2x1x5xi32>, tensor<4x1xi32>) -> tensor<2x4x5xi32>
  return %r : tensor<2x4x5xi32>
}

// -----

// Dynamic dims facing each other are assumed equal; the result's sizes are
// read from the first operand that is dynamic there.
// CHECK-DAG: #[[ID2:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[COL:.*]] = affine_map<(d0, d1) -> (d0, 0)>
// CHECK-LABEL: func.func @sub_dynamic
// CHECK-SAME: (%[[A:.*]]: tensor<?x?xf64>, %[[B:.*]]: tensor<?x1xf64>)
// CHECK-DAG: %[[D0:.*]] = tensor.dim %[[A]], %{{.*}} : tensor<?x?xf64>
// CHECK-DAG: %[[D1:.*]] = tensor.dim %[[A]], %{{.*}} : tensor<?x?xf64>
// CHECK: tensor.empty(%[[D0]], %[[D1]]) : tensor<?x?xf64>
// CHECK: linalg.generic
// CHECK-SAME: indexing_maps = [#[[ID2]], #[[COL]], #[[ID2]]]
// CHECK: arith.subf %{{.*}}, %{{.*}} : f64
func.func @sub_dynamic(%a: tensor<?x?xf64>, %b: tensor<?x1xf64>) -> tensor<?x?xf64> {
  %r = tl.sub %a, %b : (tensor<?x?xf64>, tensor<?x1xf64>) -> tensor<?x?xf64>
  return %r : tensor<?x?xf64>
}

// -----

// CHECK-DAG: #[[SCALAR:.*]] = affine_map<(d0, d1) -> ()>
// CHECK-LABEL: func.func @add_rank0
// CHECK: linalg.generic
// CHECK-SAME: indexing_maps = [#[[SCALAR]],
func.func @add_rank0(%a: tensor<f32>, %b: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %r = tl.add %a, %b : (tensor<f32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  return %r : tensor<2x3xf32>
}

// -----

// A result type more static than the operands sizes the destination.
// CHECK-LABEL: func.func @add_refined_result
// CHECK-NOT: tensor.dim
// CHECK: %[[INIT:.*]] = tensor.empty() : tensor<4xf32>
// CHECK: linalg.generic
// CHECK-SAME: ins(%{{.*}}, %{{.*}} : tensor<?xf32>, tensor<?xf32>) outs(%[[INIT]] : tensor<4xf32>)
func.func @add_refined_result(%a: tensor<?xf32>, %b: tensor<?xf32>) -> tensor<4xf32> {
  %r = tl.add %a, %b : (tensor<?xf32>, tensor<?xf32>) -> tensor<4xf32>
  return %r : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @div_signed
// CHECK: arith.divsi %{{.*}}, %{{.*}} : i16
func.func @div_signed(%a: tensor<4xi16>, %b: tensor<4xi16>) -> tensor<4xi16> {
  %r = tl.div %a, %b : (tensor<4xi16>, tensor<4xi16>) -> tensor<4xi16>
  return %r : tensor<4xi16>
}

// -----

// Unsigned elements are reinterpreted as signless inside the body; the
// signedness picks the arith op.
// CHECK-LABEL: func.func @div_unsigned
// CHECK: ^bb0(%[[X:.*]]: ui16, %[[Y:.*]]: ui16, %{{.*}}: ui16):
// CHECK: %[[SX:.*]] = builtin.unrealized_conversion_cast %[[X]] : ui16 to i16
// CHECK: %[[SY:.*]] = builtin.unrealized_conversion_cast %[[Y]] : ui16 to i16
// CHECK: %[[Q:.*]] = arith.divui %[[SX]], %[[SY]] : i16
// CHECK: %[[U:.*]] = builtin.unrealized_conversion_cast %[[Q]] : i16 to ui16
// CHECK: linalg.yield %[[U]] : ui16
func.func @div_unsigned(%a: tensor<4xui16>, %b: tensor<4xui16>) -> tensor<4xui16> {
  %r = tl.div %a, %b : (tensor<4xui16>, tensor<4xui16>) -> tensor<4xui16>
  return %r : tensor<4xui16>
}

// -----

// f16 and bf16 compute in f32 and round once.
// CHECK-LABEL: func.func @div_f16
// CHECK: ^bb0(%[[X:.*]]: f16, %[[Y:.*]]: f16, %{{.*}}: f16):
// CHECK: %[[WX:.*]] = arith.extf %[[X]] : f16 to f32
// CHECK: %[[WY:.*]] = arith.extf %[[Y]] : f16 to f32
// CHECK: %[[Q:.*]] = arith.divf %[[WX]], %[[WY]] : f32
// CHECK: %[[N:.*]] = arith.truncf %[[Q]] : f32 to f16
// CHECK: linalg.yield %[[N]] : f16
func.func @div_f16(%a: tensor<4xf16>, %b: tensor<4xf16>) -> tensor<4xf16> {
  %r = tl.div %a, %b : (tensor<4xf16>, tensor<4xf16>) -> tensor<4xf16>
  return %r : tensor<4xf16>
}

// -----

// CHECK-LABEL: func.func @binary_float
// CHECK: arith.mulf
// CHECK: arith.maximumf
// CHECK: arith.minimumf
// CHECK: math.powf
// CHECK: arith.remf
func.func @binary_float(%a: tensor<4xbf16>, %b: tensor<4xbf16>) -> tensor<4xbf16> {
  %0 = tl.mul %a, %b : (tensor<4xbf16>, tensor<4xbf16>) -> tensor<4xbf16>
  %1 = tl.max %0, %b : (tensor<4xbf16>, tensor<4xbf16>) -> tensor<4xbf16>
  %2 = tl.min %1, %b : (tensor<4xbf16>, tensor<4xbf16>) -> tensor<4xbf16>
  %3 = tl.pow %2, %b : (tensor<4xbf16>, tensor<4xbf16>) -> tensor<4xbf16>
  %4 = tl.mod %3, %b {fmod = true} : (tensor<4xbf16>, tensor<4xbf16>) -> tensor<4xbf16>
  return %4 : tensor<4xbf16>
}

// -----

// CHECK-LABEL: func.func @binary_signed
// CHECK: arith.addi
// CHECK: arith.subi
// CHECK: arith.maxsi
// CHECK: arith.minsi
// CHECK: math.ipowi
// CHECK: arith.remsi
func.func @binary_signed(%a: tensor<4xi8>, %b: tensor<4xi8>) -> tensor<4xi8> {
  %0 = tl.add %a, %b : (tensor<4xi8>, tensor<4xi8>) -> tensor<4xi8>
  %1 = tl.sub %0, %b : (tensor<4xi8>, tensor<4xi8>) -> tensor<4xi8>
  %2 = tl.max %1, %b : (tensor<4xi8>, tensor<4xi8>) -> tensor<4xi8>
  %3 = tl.min %2, %b : (tensor<4xi8>, tensor<4xi8>) -> tensor<4xi8>
  %4 = tl.pow %3, %b : (tensor<4xi8>, tensor<4xi8>) -> tensor<4xi8>
  %5 = tl.mod %4, %b {fmod = true} : (tensor<4xi8>, tensor<4xi8>) -> tensor<4xi8>
  return %5 : tensor<4xi8>
}

// -----

// CHECK-LABEL: func.func @binary_unsigned
// CHECK: arith.maxui
// CHECK: arith.minui
// CHECK: arith.remui
// The exponent of math.ipowi is signed: unsigned operands are widened.
// CHECK: %[[WX:.*]] = arith.extui %{{.*}} : i32 to i64
// CHECK: %[[WY:.*]] = arith.extui %{{.*}} : i32 to i64
// CHECK: %[[P:.*]] = math.ipowi %[[WX]], %[[WY]] : i64
// CHECK: arith.trunci %[[P]] : i64 to i32
func.func @binary_unsigned(%a: tensor<4xui32>, %b: tensor<4xui32>) -> tensor<4xui32> {
  %0 = tl.max %a, %b : (tensor<4xui32>, tensor<4xui32>) -> tensor<4xui32>
  %1 = tl.min %0, %b : (tensor<4xui32>, tensor<4xui32>) -> tensor<4xui32>
  %2 = tl.mod %1, %b : (tensor<4xui32>, tensor<4xui32>) -> tensor<4xui32>
  %3 = tl.pow %2, %b : (tensor<4xui32>, tensor<4xui32>) -> tensor<4xui32>
  return %3 : tensor<4xui32>
}

// -----

// Python-style remainder: add the divisor where the signs differ.
// CHECK-LABEL: func.func @mod_python
// CHECK: ^bb0(%[[X:.*]]: i32, %[[Y:.*]]: i32, %{{.*}}: i32):
// CHECK: %[[REM:.*]] = arith.remsi %[[X]], %[[Y]] : i32
// CHECK: %[[ZERO:.*]] = arith.constant 0 : i32
// CHECK: %[[NZ:.*]] = arith.cmpi ne, %[[REM]], %[[ZERO]] : i32
// CHECK: %[[RNEG:.*]] = arith.cmpi slt, %[[REM]], %[[ZERO]] : i32
// CHECK: %[[YNEG:.*]] = arith.cmpi slt, %[[Y]], %[[ZERO]] : i32
// CHECK: %[[DIFF:.*]] = arith.xori %[[RNEG]], %[[YNEG]] : i1
// CHECK: %[[FIX:.*]] = arith.andi %[[NZ]], %[[DIFF]] : i1
// CHECK: %[[SUM:.*]] = arith.addi %[[REM]], %[[Y]] : i32
// CHECK: %[[RES:.*]] = arith.select %[[FIX]], %[[SUM]], %[[REM]] : i32
// CHECK: linalg.yield %[[RES]] : i32
func.func @mod_python(%a: tensor<4xi32>, %b: tensor<4xi32>) -> tensor<4xi32> {
  %r = tl.mod %a, %b : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
  return %r : tensor<4xi32>
}

// -----

// CHECK-LABEL: func.func @mod_float_python
// CHECK: arith.remf
// CHECK: arith.cmpf one
// CHECK: arith.cmpf olt
// CHECK: arith.select
func.func @mod_float_python(%a: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<4xf32> {
  %r = tl.mod %a, %b : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %r : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @logic
// CHECK: arith.andi %{{.*}}, %{{.*}} : i1
// CHECK: arith.ori %{{.*}}, %{{.*}} : i1
// CHECK: arith.xori %{{.*}}, %{{.*}} : i1
// CHECK: %[[TRUE:.*]] = arith.constant true
// CHECK: arith.xori %{{.*}}, %[[TRUE]] : i1
func.func @logic(%a: tensor<4xi1>, %b: tensor<1xi1>) -> tensor<4xi1> {
  %0 = tl.and %a, %b : (tensor<4xi1>, tensor<1xi1>) -> tensor<4xi1>
  %1 = tl.or %0, %b : (tensor<4xi1>, tensor<1xi1>) -> tensor<4xi1>
  %2 = tl.xor %1, %b : (tensor<4xi1>, tensor<1xi1>) -> tensor<4xi1>
  %3 = tl.not %2 : tensor<4xi1>
  return %3 : tensor<4xi1>
}

// -----

// Float comparisons are ordered (false with NaN); integers follow the type's
// signedness and bools compare as unsigned.
// CHECK-LABEL: func.func @compare
// CHECK: arith.cmpf oeq, %{{.*}}, %{{.*}} : f32
// CHECK: arith.cmpf olt, %{{.*}}, %{{.*}} : f32
// CHECK: arith.cmpf ole, %{{.*}}, %{{.*}} : f32
// CHECK: arith.cmpf ogt, %{{.*}}, %{{.*}} : f32
// CHECK: arith.cmpf oge, %{{.*}}, %{{.*}} : f32
// CHECK: arith.cmpi slt, %{{.*}}, %{{.*}} : i64
// CHECK: arith.cmpi ult, %{{.*}}, %{{.*}} : i8
// CHECK: arith.cmpi ugt, %{{.*}}, %{{.*}} : i1
// CHECK: arith.cmpi eq, %{{.*}}, %{{.*}} : i1
func.func @compare(%a: tensor<4xf32>, %b: tensor<4xf32>, %i: tensor<4xi64>,
                   %u: tensor<4xui8>, %c: tensor<4xi1>)
    -> (tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>,
        tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>) {
  %0 = tl.equal %a, %b : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  %1 = tl.less %a, %b : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  %2 = tl.less_equal %a, %b : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  %3 = tl.greater %a, %b : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  %4 = tl.greater_equal %a, %b : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  %5 = tl.less %i, %i : (tensor<4xi64>, tensor<4xi64>) -> tensor<4xi1>
  %6 = tl.less %u, %u : (tensor<4xui8>, tensor<4xui8>) -> tensor<4xi1>
  %7 = tl.greater %c, %c : (tensor<4xi1>, tensor<4xi1>) -> tensor<4xi1>
  %8 = tl.equal %c, %c : (tensor<4xi1>, tensor<4xi1>) -> tensor<4xi1>
  return %0, %1, %2, %3, %4, %5, %6, %7, %8
      : tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>,
        tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>
}

// -----

// CHECK-DAG: #[[C:.*]] = affine_map<(d0, d1) -> (d0, 0)>
// CHECK-DAG: #[[T:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[F:.*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-LABEL: func.func @select
// CHECK: linalg.generic
// CHECK-SAME: indexing_maps = [#[[C]], #[[T]], #[[F]], #[[T]]]
// CHECK: ^bb0(%[[COND:.*]]: i1, %[[X:.*]]: f32, %[[Y:.*]]: f32, %{{.*}}: f32):
// CHECK: %[[R:.*]] = arith.select %[[COND]], %[[X]], %[[Y]] : f32
// CHECK: linalg.yield %[[R]]
func.func @select(%c: tensor<?x1xi1>, %a: tensor<?x5xf32>, %b: tensor<5xf32>) -> tensor<?x5xf32> {
  %r = tl.select %c, %a, %b : (tensor<?x1xi1>, tensor<?x5xf32>, tensor<5xf32>) -> tensor<?x5xf32>
  return %r : tensor<?x5xf32>
}

// -----

// CHECK-LABEL: func.func @unary_numeric
// CHECK: math.absf %{{.*}} : f32
// CHECK: arith.negf %{{.*}} : f32
// CHECK: math.absi %{{.*}} : i32
// CHECK: %[[Z:.*]] = arith.constant 0 : i32
// CHECK: arith.subi %[[Z]], %{{.*}} : i32
// CHECK: arith.maxsi %{{.*}}, %{{.*}} : i32
func.func @unary_numeric(%a: tensor<4xf32>, %i: tensor<4xi32>) -> (tensor<4xf32>, tensor<4xi32>) {
  %0 = tl.abs %a : tensor<4xf32>
  %1 = tl.neg %0 : tensor<4xf32>
  %2 = tl.abs %i : tensor<4xi32>
  %3 = tl.neg %2 : tensor<4xi32>
  %4 = tl.relu %3 : tensor<4xi32>
  return %1, %4 : tensor<4xf32>, tensor<4xi32>
}

// -----

// abs and relu of unsigned numbers are the identity.
// CHECK-LABEL: func.func @unary_unsigned
// CHECK: ^bb0(%[[X:.*]]: ui8, %{{.*}}: ui8):
// CHECK-NEXT: %[[S:.*]] = builtin.unrealized_conversion_cast %[[X]] : ui8 to i8
// CHECK-NEXT: %[[U:.*]] = builtin.unrealized_conversion_cast %[[S]] : i8 to ui8
// CHECK-NEXT: linalg.yield %[[U]] : ui8
func.func @unary_unsigned(%a: tensor<4xui8>) -> tensor<4xui8> {
  %0 = tl.abs %a : tensor<4xui8>
  return %0 : tensor<4xui8>
}

// -----

// sign keeps 0 and NaN for floats.
// CHECK-LABEL: func.func @sign_float
// CHECK: ^bb0(%[[X:.*]]: f32, %{{.*}}: f32):
// CHECK-DAG: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-DAG: %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
// CHECK-DAG: %[[MONE:.*]] = arith.constant -1.000000e+00 : f32
// CHECK-DAG: %[[POS:.*]] = arith.cmpf ogt, %[[X]], %[[ZERO]] : f32
// CHECK-DAG: %[[NEG:.*]] = arith.cmpf olt, %[[X]], %[[ZERO]] : f32
// CHECK: %[[INNER:.*]] = arith.select %[[NEG]], %[[MONE]], %[[X]] : f32
// CHECK: %[[R:.*]] = arith.select %[[POS]], %[[ONE]], %[[INNER]] : f32
// CHECK: linalg.yield %[[R]]
func.func @sign_float(%a: tensor<4xf32>) -> tensor<4xf32> {
  %0 = tl.sign %a : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @sign_int
// CHECK: arith.cmpi sgt
// CHECK: arith.cmpi slt
// CHECK: arith.select
// CHECK: arith.select
// CHECK-LABEL: func.func @sign_unsigned
// CHECK: arith.cmpi ugt
// CHECK: arith.select
func.func @sign_int(%a: tensor<4xi16>) -> tensor<4xi16> {
  %0 = tl.sign %a : tensor<4xi16>
  return %0 : tensor<4xi16>
}
func.func @sign_unsigned(%a: tensor<4xui16>) -> tensor<4xui16> {
  %0 = tl.sign %a : tensor<4xui16>
  return %0 : tensor<4xui16>
}

// -----

// Every float math op is one math op in a generic.
// CHECK-LABEL: func.func @math_ops
// CHECK: math.exp
// CHECK: math.log
// CHECK: math.sqrt
// CHECK: math.rsqrt
// CHECK: math.floor
// CHECK: math.ceil
// CHECK: math.roundeven
// CHECK: math.sin
// CHECK: math.cos
// CHECK: math.tan
// CHECK: math.asin
// CHECK: math.acos
// CHECK: math.atan
// CHECK: math.sinh
// CHECK: math.cosh
// CHECK: math.asinh
// CHECK: math.acosh
// CHECK: math.atanh
// CHECK: math.erf
// CHECK: math.tanh
// CHECK: %[[ONE:.*]] = arith.constant 1.000000e+00 : f64
// CHECK: arith.divf %[[ONE]], %{{.*}} : f64
func.func @math_ops(%x: tensor<2x?xf64>) -> tensor<2x?xf64> {
  %0 = tl.exp %x : tensor<2x?xf64>
  %1 = tl.log %0 : tensor<2x?xf64>
  %2 = tl.sqrt %1 : tensor<2x?xf64>
  %3 = tl.rsqrt %2 : tensor<2x?xf64>
  %4 = tl.floor %3 : tensor<2x?xf64>
  %5 = tl.ceil %4 : tensor<2x?xf64>
  %6 = tl.round %5 : tensor<2x?xf64>
  %7 = tl.sin %6 : tensor<2x?xf64>
  %8 = tl.cos %7 : tensor<2x?xf64>
  %9 = tl.tan %8 : tensor<2x?xf64>
  %10 = tl.asin %9 : tensor<2x?xf64>
  %11 = tl.acos %10 : tensor<2x?xf64>
  %12 = tl.atan %11 : tensor<2x?xf64>
  %13 = tl.sinh %12 : tensor<2x?xf64>
  %14 = tl.cosh %13 : tensor<2x?xf64>
  %15 = tl.asinh %14 : tensor<2x?xf64>
  %16 = tl.acosh %15 : tensor<2x?xf64>
  %17 = tl.atanh %16 : tensor<2x?xf64>
  %18 = tl.erf %17 : tensor<2x?xf64>
  %19 = tl.tanh %18 : tensor<2x?xf64>
  %20 = tl.reciprocal %19 : tensor<2x?xf64>
  return %20 : tensor<2x?xf64>
}

// -----

// CHECK-LABEL: func.func @relu
// CHECK: ^bb0(%[[X:.*]]: f32, %{{.*}}: f32):
// CHECK: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[R:.*]] = arith.maximumf %[[X]], %[[ZERO]] : f32
// CHECK: linalg.yield %[[R]]
func.func @relu(%a: tensor<1x3x?x?xf32>) -> tensor<1x3x?x?xf32> {
  %0 = tl.relu %a : tensor<1x3x?x?xf32>
  return %0 : tensor<1x3x?x?xf32>
}

// -----

// CHECK-LABEL: func.func @clip_float
// CHECK: ^bb0(%[[X:.*]]: f32, %{{.*}}: f32):
// CHECK: %[[LO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[A:.*]] = arith.maximumf %[[X]], %[[LO]] : f32
// CHECK: %[[HI:.*]] = arith.constant 6.000000e+00 : f32
// CHECK: %[[B:.*]] = arith.minimumf %[[A]], %[[HI]] : f32
// CHECK: linalg.yield %[[B]]
func.func @clip_float(%a: tensor<8xf32>) -> tensor<8xf32> {
  %0 = tl.clip %a {min = 0.0 : f64, max = 6.0 : f64} : tensor<8xf32>
  return %0 : tensor<8xf32>
}

// -----

// Integer bounds round inward and saturate to the type.
// CHECK-LABEL: func.func @clip_int
// CHECK: %[[LO:.*]] = arith.constant 0 : i8
// CHECK: arith.maxui %{{.*}}, %[[LO]] : i8
// CHECK: %[[HI:.*]] = arith.constant 7 : i8
// CHECK: arith.minui %{{.*}}, %[[HI]] : i8
// CHECK-LABEL: func.func @clip_signed
// CHECK: %[[LO:.*]] = arith.constant -128 : i8
// CHECK: arith.maxsi %{{.*}}, %[[LO]] : i8
func.func @clip_int(%a: tensor<8xui8>) -> tensor<8xui8> {
  %0 = tl.clip %a {min = -3.5 : f64, max = 7.9 : f64} : tensor<8xui8>
  return %0 : tensor<8xui8>
}
func.func @clip_signed(%a: tensor<8xi8>) -> tensor<8xi8> {
  %0 = tl.clip %a {min = -1.0e+10 : f64} : tensor<8xi8>
  return %0 : tensor<8xi8>
}

// -----

// CHECK-LABEL: func.func @sigmoid
// CHECK: ^bb0(%[[X:.*]]: f32, %{{.*}}: f32):
// CHECK: %[[NX:.*]] = arith.negf %[[X]] : f32
// CHECK: %[[E:.*]] = math.exp %[[NX]] : f32
// CHECK: %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
// CHECK: %[[D:.*]] = arith.addf %[[ONE]], %[[E]] : f32
// CHECK: %[[R:.*]] = arith.divf %{{.*}}, %[[D]] : f32
// CHECK: linalg.yield %[[R]]
func.func @sigmoid(%a: tensor<8xf32>) -> tensor<8xf32> {
  %0 = tl.sigmoid %a : tensor<8xf32>
  return %0 : tensor<8xf32>
}

// -----

// CHECK-LABEL: func.func @silu
// CHECK: ^bb0(%[[X:.*]]: f32, %{{.*}}: f32):
// CHECK: math.exp
// CHECK: %[[S:.*]] = arith.divf
// CHECK: %[[R:.*]] = arith.mulf %[[X]], %[[S]] : f32
func.func @silu(%a: tensor<8xf32>) -> tensor<8xf32> {
  %0 = tl.silu %a : tensor<8xf32>
  return %0 : tensor<8xf32>
}

// -----

// softplus = max(x, 0) + log1p(exp(-|x|)) cannot overflow.
// CHECK-LABEL: func.func @softplus_mish
// CHECK: math.absf
// CHECK: arith.negf
// CHECK: math.exp
// CHECK: math.log1p
// CHECK: arith.maximumf
// CHECK: arith.addf
// CHECK: math.log1p
// CHECK: math.tanh
// CHECK: arith.mulf
func.func @softplus_mish(%a: tensor<8xf32>) -> (tensor<8xf32>, tensor<8xf32>) {
  %0 = tl.softplus %a : tensor<8xf32>
  %1 = tl.mish %a : tensor<8xf32>
  return %0, %1 : tensor<8xf32>, tensor<8xf32>
}

// -----

// CHECK-LABEL: func.func @softsign
// CHECK: ^bb0(%[[X:.*]]: f32, %{{.*}}: f32):
// CHECK: %[[A:.*]] = math.absf %[[X]] : f32
// CHECK: %[[D:.*]] = arith.addf %{{.*}}, %[[A]] : f32
// CHECK: arith.divf %[[X]], %[[D]] : f32
func.func @softsign(%a: tensor<8xf32>) -> tensor<8xf32> {
  %0 = tl.softsign %a : tensor<8xf32>
  return %0 : tensor<8xf32>
}

// -----

// CHECK-LABEL: func.func @hard_sigmoid_swish
// CHECK: arith.constant 2.000000e-01 : f32
// CHECK: arith.mulf
// CHECK: arith.constant 5.000000e-01 : f32
// CHECK: arith.addf
// CHECK: arith.minimumf
// CHECK: arith.maximumf
// CHECK: linalg.generic
// CHECK: arith.constant 0.16666{{.*}} : f32
// CHECK: arith.minimumf
// CHECK: arith.maximumf
// CHECK: arith.mulf
func.func @hard_sigmoid_swish(%a: tensor<8xf32>) -> (tensor<8xf32>, tensor<8xf32>) {
  %0 = tl.hard_sigmoid %a : tensor<8xf32>
  %1 = tl.hard_swish %a : tensor<8xf32>
  return %0, %1 : tensor<8xf32>, tensor<8xf32>
}

// -----

// CHECK-LABEL: func.func @leaky_relu
// CHECK: ^bb0(%[[X:.*]]: f32, %{{.*}}: f32):
// CHECK: %[[ALPHA:.*]] = arith.constant 1.000000e-01 : f32
// CHECK: %[[AX:.*]] = arith.mulf %[[ALPHA]], %[[X]] : f32
// CHECK: %[[NEG:.*]] = arith.cmpf olt, %[[X]], %{{.*}} : f32
// CHECK: %[[R:.*]] = arith.select %[[NEG]], %[[AX]], %[[X]] : f32
func.func @leaky_relu(%a: tensor<8xf32>) -> tensor<8xf32> {
  %0 = tl.leaky_relu %a {alpha = 0.1 : f64} : tensor<8xf32>
  return %0 : tensor<8xf32>
}

// -----

// CHECK-DAG: #[[X:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-DAG: #[[SLOPE:.*]] = affine_map<(d0, d1, d2, d3) -> (d1, 0, 0)>
// CHECK-LABEL: func.func @prelu
// CHECK: linalg.generic
// CHECK-SAME: indexing_maps = [#[[X]], #[[SLOPE]], #[[X]]]
// CHECK: ^bb0(%[[V:.*]]: f32, %[[S:.*]]: f32, %{{.*}}: f32):
// CHECK: %[[SV:.*]] = arith.mulf %[[S]], %[[V]] : f32
// CHECK: %[[NEG:.*]] = arith.cmpf olt, %[[V]], %{{.*}} : f32
// CHECK: arith.select %[[NEG]], %[[SV]], %[[V]] : f32
func.func @prelu(%x: tensor<?x3x4x4xf32>, %s: tensor<3x1x1xf32>) -> tensor<?x3x4x4xf32> {
  %0 = tl.prelu %x, %s : (tensor<?x3x4x4xf32>, tensor<3x1x1xf32>) -> tensor<?x3x4x4xf32>
  return %0 : tensor<?x3x4x4xf32>
}

// -----

// CHECK-LABEL: func.func @elu_family
// CHECK: math.expm1
// CHECK: arith.cmpf olt
// CHECK: arith.select
// selu selects with x <= 0 and scales by gamma.
// CHECK: math.expm1
// CHECK: arith.cmpf ole
// CHECK: arith.select
// CHECK: arith.mulf
// celu = max(0, x) + min(0, alpha * expm1(x / alpha))
// CHECK: arith.divf
// CHECK: math.expm1
// CHECK: arith.minimumf
// CHECK: arith.maximumf
// CHECK: arith.addf
func.func @elu_family(%a: tensor<8xf32>) -> (tensor<8xf32>, tensor<8xf32>, tensor<8xf32>) {
  %0 = tl.elu %a {alpha = 0.5 : f64} : tensor<8xf32>
  %1 = tl.selu %a : tensor<8xf32>
  %2 = tl.celu %a {alpha = 2.0 : f64} : tensor<8xf32>
  return %0, %1, %2 : tensor<8xf32>, tensor<8xf32>, tensor<8xf32>
}

// -----

// CHECK-LABEL: func.func @gelu
// CHECK: arith.constant 0.70710{{.*}} : f32
// CHECK: math.erf
// CHECK: linalg.generic
// CHECK: arith.constant 4.471{{.*}}e-02 : f32
// CHECK: arith.constant 0.79788{{.*}} : f32
// CHECK: math.tanh
func.func @gelu(%a: tensor<8xf32>) -> (tensor<8xf32>, tensor<8xf32>) {
  %0 = tl.gelu %a : tensor<8xf32>
  %1 = tl.gelu %a {approximate = #tl<gelu_approximation tanh>} : tensor<8xf32>
  return %0, %1 : tensor<8xf32>, tensor<8xf32>
}

// -----

// CHECK-LABEL: func.func @predicates
// CHECK: ^bb0(%[[X:.*]]: f16, %{{.*}}: i1):
// CHECK: %[[W:.*]] = arith.extf %[[X]] : f16 to f32
// CHECK: arith.cmpf uno, %[[W]], %[[W]] : f32
// CHECK: math.absf
// CHECK: arith.constant 0x7F800000 : f32
// CHECK: arith.cmpf oeq
// CHECK: arith.constant 0xFF800000 : f32
// CHECK: arith.cmpf oeq
// CHECK: arith.constant false
func.func @predicates(%a: tensor<4xf16>) -> (tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>) {
  %0 = tl.is_nan %a : tensor<4xf16> -> tensor<4xi1>
  %1 = tl.is_inf %a : tensor<4xf16> -> tensor<4xi1>
  %2 = tl.is_inf %a {detect_positive = false} : tensor<4xf16> -> tensor<4xi1>
  %3 = tl.is_inf %a {detect_positive = false, detect_negative = false} : tensor<4xf16> -> tensor<4xi1>
  return %0, %1, %2, %3 : tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>
}

// -----

// CHECK-LABEL: func.func @cast_float_to_int
// CHECK: arith.fptosi %{{.*}} : f32 to i32
// CHECK: arith.fptoui %{{.*}} : f32 to i8
// CHECK: arith.cmpf une
func.func @cast_float_to_int(%a: tensor<4xf32>) -> (tensor<4xi32>, tensor<4xui8>, tensor<4xi1>) {
  %0 = tl.cast %a : tensor<4xf32> to tensor<4xi32>
  %1 = tl.cast %a : tensor<4xf32> to tensor<4xui8>
  %2 = tl.cast %a : tensor<4xf32> to tensor<4xi1>
  return %0, %1, %2 : tensor<4xi32>, tensor<4xui8>, tensor<4xi1>
}

// -----

// CHECK-LABEL: func.func @cast_int_to_float
// CHECK: arith.sitofp %{{.*}} : i32 to f32
// CHECK: arith.uitofp %{{.*}} : i16 to f64
// CHECK: arith.uitofp %{{.*}} : i1 to f32
// CHECK: %[[W:.*]] = arith.sitofp %{{.*}} : i64 to f32
// CHECK: arith.truncf %[[W]] : f32 to f16
func.func @cast_int_to_float(%a: tensor<4xi32>, %u: tensor<4xui16>, %b: tensor<4xi1>, %l: tensor<4xi64>)
    -> (tensor<4xf32>, tensor<4xf64>, tensor<4xf32>, tensor<4xf16>) {
  %0 = tl.cast %a : tensor<4xi32> to tensor<4xf32>
  %1 = tl.cast %u : tensor<4xui16> to tensor<4xf64>
  %2 = tl.cast %b : tensor<4xi1> to tensor<4xf32>
  %3 = tl.cast %l : tensor<4xi64> to tensor<4xf16>
  return %0, %1, %2, %3 : tensor<4xf32>, tensor<4xf64>, tensor<4xf32>, tensor<4xf16>
}

// -----

// Widening follows the source's signedness; narrowing truncates.
// CHECK-LABEL: func.func @cast_int_to_int
// CHECK: arith.extsi %{{.*}} : i8 to i32
// CHECK: arith.extui %{{.*}} : i8 to i32
// CHECK: arith.extui %{{.*}} : i1 to i64
// CHECK: arith.trunci %{{.*}} : i64 to i16
// CHECK: arith.cmpi ne
func.func @cast_int_to_int(%a: tensor<4xi8>, %u: tensor<4xui8>, %b: tensor<4xi1>, %l: tensor<4xi64>)
    -> (tensor<4xi32>, tensor<4xi32>, tensor<4xi64>, tensor<4xui16>, tensor<4xi1>) {
  %0 = tl.cast %a : tensor<4xi8> to tensor<4xi32>
  %1 = tl.cast %u : tensor<4xui8> to tensor<4xi32>
  %2 = tl.cast %b : tensor<4xi1> to tensor<4xi64>
  %3 = tl.cast %l : tensor<4xi64> to tensor<4xui16>
  %4 = tl.cast %l : tensor<4xi64> to tensor<4xi1>
  return %0, %1, %2, %3, %4 : tensor<4xi32>, tensor<4xi32>, tensor<4xi64>, tensor<4xui16>, tensor<4xi1>
}

// -----

// CHECK-LABEL: func.func @cast_float_to_float
// CHECK: arith.truncf %{{.*}} : f64 to f16
// CHECK: %[[W:.*]] = arith.extf %{{.*}} : f16 to f32
// CHECK: arith.truncf %[[W]] : f32 to bf16
func.func @cast_float_to_float(%a: tensor<4xf64>) -> tensor<4xbf16> {
  %0 = tl.cast %a : tensor<4xf64> to tensor<4xf16>
  %1 = tl.cast %0 : tensor<4xf16> to tensor<4xbf16>
  return %1 : tensor<4xbf16>
}

// -----

// A result type less static than the operands: the generic iterates over the
// static broadcast shape and its result is cast to the written type.
// CHECK-LABEL: func.func @add_less_static_result
// CHECK-NOT: tensor.dim
// CHECK: %[[INIT:.*]] = tensor.empty() : tensor<3x4xf32>
// CHECK: %[[R:.*]] = linalg.generic
// CHECK-SAME: outs(%[[INIT]] : tensor<3x4xf32>)
// CHECK: %[[C:.*]] = tensor.cast %[[R]] : tensor<3x4xf32> to tensor<?x4xf32>
// CHECK: return %[[C]]
func.func @add_less_static_result(%a: tensor<3x1xf32>, %b: tensor<4xf32>) -> tensor<?x4xf32> {
  %r = tl.add %a, %b : (tensor<3x1xf32>, tensor<4xf32>) -> tensor<?x4xf32>
  return %r : tensor<?x4xf32>
}
