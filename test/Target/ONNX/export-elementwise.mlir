// Export of elementwise math, logic, casts and activations: one ONNX op per
// tl op where ONNX has it at the opset, else its decomposition (GELU, SiLU,
// Mish always; HardSwish before 14; Celu for non-f32 and before 12;
// LessOrEqual/GreaterOrEqual before 12; integer Relu before 14). Operand types
// an ONNX op lacks at the opset are widened through Casts.

// RUN: %python %S/Inputs/export_all.py tl-translate %s | FileCheck %s
// RUN: %python %S/Inputs/export_all.py tl-translate %s --onnx-export-opset=13 | FileCheck %s --check-prefix=O13
// RUN: %python %S/Inputs/export_all.py tl-translate %s --onnx-export-opset=11 | FileCheck %s --check-prefix=O11

// CHECK-LABEL: model unary opset 17 ir 8
// CHECK: input x: float[2,3]
// CHECK: output y: float[2,3]
// CHECK: node [[ABS:.*]] = Abs(x)
// CHECK: node [[NEG:.*]] = Neg([[ABS]])
// CHECK: node [[SIGN:.*]] = Sign([[NEG]])
// CHECK: node [[EXP:.*]] = Exp([[SIGN]])
// CHECK: node [[LOG:.*]] = Log([[EXP]])
// CHECK: node [[SQRT:.*]] = Sqrt([[LOG]])
// CHECK: node [[REC:.*]] = Reciprocal([[SQRT]])
// CHECK: node [[FLOOR:.*]] = Floor([[REC]])
// CHECK: node [[CEIL:.*]] = Ceil([[FLOOR]])
// CHECK: node [[ROUND:.*]] = Round([[CEIL]])
// CHECK: node [[SIN:.*]] = Sin([[ROUND]])
// CHECK: node [[COS:.*]] = Cos([[SIN]])
// CHECK: node [[TAN:.*]] = Tan([[COS]])
// CHECK: node [[ASIN:.*]] = Asin([[TAN]])
// CHECK: node [[ACOS:.*]] = Acos([[ASIN]])
// CHECK: node [[ATAN:.*]] = Atan([[ACOS]])
// CHECK: node [[SINH:.*]] = Sinh([[ATAN]])
// CHECK: node [[COSH:.*]] = Cosh([[SINH]])
// CHECK: node [[ASINH:.*]] = Asinh([[COSH]])
// CHECK: node [[ACOSH:.*]] = Acosh([[ASINH]])
// CHECK: node [[ATANH:.*]] = Atanh([[ACOSH]])
// CHECK: node [[ERF:.*]] = Erf([[ATANH]])
// CHECK: node [[SIG:.*]] = Sigmoid([[ERF]])
// CHECK: node [[TANH:.*]] = Tanh([[SIG]])
// CHECK: node [[SP:.*]] = Softplus([[TANH]])
// CHECK: node [[SS:.*]] = Softsign([[SP]])
// rsqrt: 1 / sqrt(x).
// CHECK: node [[ROOT:.*]] = Sqrt([[SS]])
// CHECK: node y = Reciprocal([[ROOT]])
func.func @unary(%x: tensor<2x3xf32> {tl.name = "x"}) -> (tensor<2x3xf32> {tl.name = "y"}) {
  %0 = tl.abs %x : tensor<2x3xf32>
  %1 = tl.neg %0 : tensor<2x3xf32>
  %2 = tl.sign %1 : tensor<2x3xf32>
  %3 = tl.exp %2 : tensor<2x3xf32>
  %4 = tl.log %3 : tensor<2x3xf32>
  %5 = tl.sqrt %4 : tensor<2x3xf32>
  %6 = tl.reciprocal %5 : tensor<2x3xf32>
  %7 = tl.floor %6 : tensor<2x3xf32>
  %8 = tl.ceil %7 : tensor<2x3xf32>
  %9 = tl.round %8 : tensor<2x3xf32>
  %10 = tl.sin %9 : tensor<2x3xf32>
  %11 = tl.cos %10 : tensor<2x3xf32>
  %12 = tl.tan %11 : tensor<2x3xf32>
  %13 = tl.asin %12 : tensor<2x3xf32>
  %14 = tl.acos %13 : tensor<2x3xf32>
  %15 = tl.atan %14 : tensor<2x3xf32>
  %16 = tl.sinh %15 : tensor<2x3xf32>
  %17 = tl.cosh %16 : tensor<2x3xf32>
  %18 = tl.asinh %17 : tensor<2x3xf32>
  %19 = tl.acosh %18 : tensor<2x3xf32>
  %20 = tl.atanh %19 : tensor<2x3xf32>
  %21 = tl.erf %20 : tensor<2x3xf32>
  %22 = tl.sigmoid %21 : tensor<2x3xf32>
  %23 = tl.tanh %22 : tensor<2x3xf32>
  %24 = tl.softplus %23 : tensor<2x3xf32>
  %25 = tl.softsign %24 : tensor<2x3xf32>
  %26 = tl.rsqrt %25 : tensor<2x3xf32>
  return %26 : tensor<2x3xf32>
}

// -----

// Activations with attributes.
// CHECK-LABEL: model activations opset 17
// CHECK: node [[A:.*]] = LeakyRelu(x) {alpha = 0.25}
// CHECK: node [[B:.*]] = Elu([[A]]) {alpha = 0.5}
// CHECK: node [[C:.*]] = Selu([[B]]) {alpha = 1.673263, gamma = 1.050701}
// CHECK: node [[D:.*]] = HardSigmoid([[C]]) {alpha = 0.125, beta = 0.625}
// CHECK: node [[E:.*]] = Celu([[D]]) {alpha = 2}
// CHECK: node y = HardSwish([[E]])
// Celu (opset 12) is alpha * Elu(x / alpha) at 11; HardSwish (opset 14) is
// x * HardSigmoid(x, 1/6, 1/2) before.
// O13-LABEL: model activations opset 13
// O13: node [[E:.*]] = Celu({{.*}}) {alpha = 2}
// O13: node [[G:.*]] = HardSigmoid([[E]]) {alpha = 0.1666667, beta = 0.5}
// O13: node y = Mul([[E]], [[G]])
// O11-LABEL: model activations opset 11
// O11: init [[ALPHA:.*]]: float[] typed = [2]
// O11: node [[D:.*]] = HardSigmoid({{.*}}) {alpha = 0.125, beta = 0.625}
// O11: node [[S:.*]] = Div([[D]], [[ALPHA]])
// O11: node [[ELU:.*]] = Elu([[S]])
// O11: node [[E:.*]] = Mul([[ELU]], [[ALPHA]])
// O11: node [[G:.*]] = HardSigmoid([[E]]) {alpha = 0.1666667, beta = 0.5}
// O11: node y = Mul([[E]], [[G]])
func.func @activations(%x: tensor<4xf32> {tl.name = "x"}) -> (tensor<4xf32> {tl.name = "y"}) {
  %0 = tl.leaky_relu %x {alpha = 0.25 : f64} : tensor<4xf32>
  %1 = tl.elu %0 {alpha = 0.5 : f64} : tensor<4xf32>
  %2 = tl.selu %1 : tensor<4xf32>
  %3 = tl.hard_sigmoid %2 {alpha = 0.125 : f64, beta = 0.625 : f64} : tensor<4xf32>
  %4 = tl.celu %3 {alpha = 2.0 : f64} : tensor<4xf32>
  %5 = tl.hard_swish %4 : tensor<4xf32>
  return %5 : tensor<4xf32>
}

// -----

// Activations ONNX 17 lacks: SiLU, Mish, GELU (erf and tanh forms).
// CHECK-LABEL: model decomposed opset 17
// CHECK-DAG: init [[SQRT2:.*]]: float[] typed = [1.414214]
// CHECK-DAG: init [[ONE:.*]]: float[] typed = [1]
// CHECK-DAG: init [[HALF:.*]]: float[] typed = [0.5]
// CHECK-DAG: init [[C:.*]]: float[] typed = [0.044715]
// CHECK-DAG: init [[K:.*]]: float[] typed = [0.7978846]
// CHECK: node [[SIG:.*]] = Sigmoid(x)
// CHECK: node [[SILU:.*]] = Mul(x, [[SIG]])
// CHECK: node [[SP:.*]] = Softplus([[SILU]])
// CHECK: node [[TH:.*]] = Tanh([[SP]])
// CHECK: node [[MISH:.*]] = Mul([[SILU]], [[TH]])
// CHECK: node [[D:.*]] = Div([[MISH]], [[SQRT2]])
// CHECK: node [[ERF:.*]] = Erf([[D]])
// CHECK: node [[P:.*]] = Add([[ERF]], [[ONE]])
// CHECK: node [[H:.*]] = Mul([[MISH]], [[HALF]])
// CHECK: node [[GELU:.*]] = Mul([[H]], [[P]])
// CHECK: node [[SQ:.*]] = Mul([[GELU]], [[GELU]])
// CHECK: node [[CUBE:.*]] = Mul([[SQ]], [[GELU]])
// CHECK: node [[T:.*]] = Mul([[CUBE]], [[C]])
// CHECK: node [[POLY:.*]] = Add([[GELU]], [[T]])
// CHECK: node [[SC:.*]] = Mul([[POLY]], [[K]])
// CHECK: node [[TANH:.*]] = Tanh([[SC]])
// CHECK: node [[P2:.*]] = Add([[TANH]], [[ONE]])
// CHECK: node [[H2:.*]] = Mul([[GELU]], [[HALF]])
// CHECK: node y = Mul([[H2]], [[P2]])
func.func @decomposed(%x: tensor<4xf32> {tl.name = "x"}) -> (tensor<4xf32> {tl.name = "y"}) {
  %0 = tl.silu %x : tensor<4xf32>
  %1 = tl.mish %0 : tensor<4xf32>
  %2 = tl.gelu %1 : tensor<4xf32>
  %3 = tl.gelu %2 {approximate = #tl<gelu_approximation tanh>} : tensor<4xf32>
  return %3 : tensor<4xf32>
}

// -----

// Celu only takes f32: other float types are decomposed at every opset.
// CHECK-LABEL: model celu_f64 opset 17
// CHECK: init [[ALPHA:.*]]: double[] typed = [1.5]
// CHECK: node [[S:.*]] = Div(x, [[ALPHA]])
// CHECK: node [[ELU:.*]] = Elu([[S]])
// CHECK: node y = Mul([[ELU]], [[ALPHA]])
func.func @celu_f64(%x: tensor<4xf64> {tl.name = "x"}) -> (tensor<4xf64> {tl.name = "y"}) {
  %0 = tl.celu %x {alpha = 1.5 : f64} : tensor<4xf64>
  return %0 : tensor<4xf64>
}

// -----

// Clip bounds are inputs of the element type; an absent bound is an empty
// input name.
// CHECK-LABEL: model clip opset 17
// CHECK-DAG: init [[LO:.*]]: float[] typed = [0]
// CHECK-DAG: init [[HI:.*]]: float[] typed = [6]
// CHECK-DAG: init [[LO2:.*]]: float[] typed = [-1]
// CHECK: node [[A:.*]] = Clip(x, [[LO]], [[HI]])
// CHECK: node [[B:.*]] = Clip([[A]], , [[HI]])
// CHECK: node y = Clip([[B]], [[LO2]])
// O11-LABEL: model clip opset 11
// O11: node [[A:.*]] = Clip(x, [[LO:.*]], [[HI:.*]])
func.func @clip(%x: tensor<4xf32> {tl.name = "x"}) -> (tensor<4xf32> {tl.name = "y"}) {
  %0 = tl.clip %x {min = 0.0 : f64, max = 6.0 : f64} : tensor<4xf32>
  %1 = tl.clip %0 {max = 6.0 : f64} : tensor<4xf32>
  %2 = tl.clip %1 {min = -1.0 : f64} : tensor<4xf32>
  return %2 : tensor<4xf32>
}

// -----

// Integer Clip arrives in opset 12: Max/Min before (widened to double, the
// only type Max/Min take at 11).
// CHECK-LABEL: model clip_int opset 17
// CHECK: init [[LO:.*]]: int32[] typed = [-2]
// CHECK: init [[HI:.*]]: int32[] typed = [5]
// CHECK: node y = Clip(x, [[LO]], [[HI]])
// O11-LABEL: model clip_int opset 11
// O11: node [[CX:.*]] = Cast(x) {to = 11}
// O11: node [[CL:.*]] = Cast([[LO:.*]]) {to = 11}
// O11: node [[MAX:.*]] = Max([[CX]], [[CL]])
// O11: node [[M:.*]] = Cast([[MAX]]) {to = 6}
// O11: node [[MIN:.*]] = Min(
// O11: node y = Cast([[MIN]]) {to = 6}
func.func @clip_int(%x: tensor<4xi32> {tl.name = "x"}) -> (tensor<4xi32> {tl.name = "y"}) {
  %0 = tl.clip %x {min = -2.0 : f64, max = 5.0 : f64} : tensor<4xi32>
  return %0 : tensor<4xi32>
}

// -----

// Integer Relu arrives in opset 14: Max(x, 0) before (in double at 11).
// CHECK-LABEL: model relu_int opset 17
// CHECK: node y = Relu(x)
// O13-LABEL: model relu_int opset 13
// O13: init [[ZERO:.*]]: int32[] typed = [0]
// O13: node y = Max(x, [[ZERO]])
// O11-LABEL: model relu_int opset 11
// O11: node [[CX:.*]] = Cast(x) {to = 11}
// O11: node [[CZ:.*]] = Cast([[ZERO:.*]]) {to = 11}
// O11: node [[MAX:.*]] = Max([[CX]], [[CZ]])
// O11: node y = Cast([[MAX]]) {to = 6}
func.func @relu_int(%x: tensor<4xi32> {tl.name = "x"}) -> (tensor<4xi32> {tl.name = "y"}) {
  %0 = tl.relu %x : tensor<4xi32>
  return %0 : tensor<4xi32>
}

// -----

// Binary arithmetic with broadcasting, Mod's fmod, PRelu.
// CHECK-LABEL: model binary opset 17
// CHECK: input a: float[2,3]
// CHECK: input b: float[3]
// CHECK: node [[ADD:.*]] = Add(a, b)
// CHECK: node [[SUB:.*]] = Sub([[ADD]], b)
// CHECK: node [[MUL:.*]] = Mul([[SUB]], b)
// CHECK: node [[DIV:.*]] = Div([[MUL]], b)
// CHECK: node [[POW:.*]] = Pow([[DIV]], b)
// CHECK: node [[MAX:.*]] = Max([[POW]], b)
// CHECK: node [[MIN:.*]] = Min([[MAX]], b)
// CHECK: node [[MOD:.*]] = Mod([[MIN]], b) {fmod = 1}
// CHECK: node y = PRelu([[MOD]], b)
func.func @binary(%a: tensor<2x3xf32> {tl.name = "a"}, %b: tensor<3xf32> {tl.name = "b"}) -> (tensor<2x3xf32> {tl.name = "y"}) {
  %0 = tl.add %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  %1 = tl.sub %0, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  %2 = tl.mul %1, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  %3 = tl.div %2, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  %4 = tl.pow %3, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  %5 = tl.max %4, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  %6 = tl.min %5, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  %7 = tl.mod %6, %b {fmod = true} : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  %8 = tl.prelu %7, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  return %8 : tensor<2x3xf32>
}

// -----

// Unsigned element types; uint8 arithmetic arrives in opset 14: computed in
// int32 before, then cast back (wrapping as uint8 does).
// CHECK-LABEL: model unsigned opset 17
// CHECK: input a: uint8[4]
// CHECK: output y: uint8[4]
// CHECK: node [[ADD:.*]] = Add(a, b)
// CHECK: node y = Mod([[ADD]], b)
// O13-LABEL: model unsigned opset 13
// O13: node [[CA:.*]] = Cast(a) {to = 6}
// O13: node [[CB:.*]] = Cast(b) {to = 6}
// O13: node [[W:.*]] = Add([[CA]], [[CB]])
// O13: node [[ADD:.*]] = Cast([[W]]) {to = 2}
// O13: node y = Mod([[ADD]], b)
func.func @unsigned(%a: tensor<4xui8> {tl.name = "a"}, %b: tensor<4xui8> {tl.name = "b"}) -> (tensor<4xui8> {tl.name = "y"}) {
  %0 = tl.add %a, %b : (tensor<4xui8>, tensor<4xui8>) -> tensor<4xui8>
  %1 = tl.mod %0, %b : (tensor<4xui8>, tensor<4xui8>) -> tensor<4xui8>
  return %1 : tensor<4xui8>
}

// -----

// Comparisons, logic and select; LessOrEqual/GreaterOrEqual are
// Not(Greater)/Not(Less) before opset 12.
// CHECK-LABEL: model logic opset 17
// CHECK: output c: bool[4]
// CHECK: output s: float[4]
// CHECK: node [[EQ:.*]] = Equal(a, b)
// CHECK: node [[LT:.*]] = Less(a, b)
// CHECK: node [[LE:.*]] = LessOrEqual(a, b)
// CHECK: node [[GT:.*]] = Greater(a, b)
// CHECK: node [[GE:.*]] = GreaterOrEqual(a, b)
// CHECK: node [[AND:.*]] = And([[EQ]], [[LT]])
// CHECK: node [[OR:.*]] = Or([[AND]], [[LE]])
// CHECK: node [[XOR:.*]] = Xor([[OR]], [[GT]])
// CHECK: node [[NOT:.*]] = Not([[XOR]])
// CHECK: node [[NAN:.*]] = IsNaN(a)
// CHECK: node [[INF:.*]] = IsInf(a) {detect_negative = 0, detect_positive = 1}
// CHECK: node s = Where([[NOT]], a, b)
// O11-LABEL: model logic opset 11
// O11: node [[GT1:.*]] = Greater(a, b)
// O11: node [[LE:.*]] = Not([[GT1]])
// O11: node [[LT1:.*]] = Less(a, b)
// O11: node [[GE:.*]] = Not([[LT1]])
func.func @logic(%a: tensor<4xf32> {tl.name = "a"}, %b: tensor<4xf32> {tl.name = "b"}) -> (tensor<4xi1> {tl.name = "c"}, tensor<4xf32> {tl.name = "s"}) {
  %eq = tl.equal %a, %b : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  %lt = tl.less %a, %b : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  %le = tl.less_equal %a, %b : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  %gt = tl.greater %a, %b : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  %ge = tl.greater_equal %a, %b : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  %0 = tl.and %eq, %lt : (tensor<4xi1>, tensor<4xi1>) -> tensor<4xi1>
  %1 = tl.or %0, %le : (tensor<4xi1>, tensor<4xi1>) -> tensor<4xi1>
  %2 = tl.xor %1, %gt : (tensor<4xi1>, tensor<4xi1>) -> tensor<4xi1>
  %3 = tl.not %2 : tensor<4xi1>
  %nan = tl.is_nan %a : tensor<4xf32> -> tensor<4xi1>
  %inf = tl.is_inf %a {detect_negative = false} : tensor<4xf32> -> tensor<4xi1>
  %4 = tl.and %nan, %inf : (tensor<4xi1>, tensor<4xi1>) -> tensor<4xi1>
  %5 = tl.or %4, %ge : (tensor<4xi1>, tensor<4xi1>) -> tensor<4xi1>
  %6 = tl.select %3, %a, %b : (tensor<4xi1>, tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %5, %6 : tensor<4xi1>, tensor<4xf32>
}

// -----

// Cast to every element type family (bfloat16 in export-errors.mlir: it
// arrives in opset 13).
// CHECK-LABEL: model casts opset 17
// CHECK: output y: bool[3]
// CHECK: node [[H:.*]] = Cast(x) {to = 10}
// CHECK: node [[D:.*]] = Cast([[H]]) {to = 11}
// CHECK: node [[I:.*]] = Cast([[D]]) {to = 7}
// CHECK: node [[U:.*]] = Cast([[I]]) {to = 4}
// CHECK: node y = Cast([[U]]) {to = 9}
func.func @casts(%x: tensor<3xf32> {tl.name = "x"}) -> (tensor<3xi1> {tl.name = "y"}) {
  %0 = tl.cast %x : tensor<3xf32> to tensor<3xf16>
  %2 = tl.cast %0 : tensor<3xf16> to tensor<3xf64>
  %3 = tl.cast %2 : tensor<3xf64> to tensor<3xi64>
  %4 = tl.cast %3 : tensor<3xi64> to tensor<3xui16>
  %5 = tl.cast %4 : tensor<3xui16> to tensor<3xi1>
  return %5 : tensor<3xi1>
}
