//===- TLElementwiseOps.td - tl elementwise math and activations -*- tablegen -*-===//

#ifndef TL_ELEMENTWISE_OPS_TD
#define TL_ELEMENTWISE_OPS_TD

include "tl/IR/TLBase.td"
include "mlir/Interfaces/CastInterfaces.td"

//===----------------------------------------------------------------------===//
// Unary math
//===----------------------------------------------------------------------===//

class TL_FloatUnaryOp<string mnemonic, string formula>
    : TL_UnaryOp<mnemonic, TL_FloatTensor> {
  let summary = "elementwise " # formula;
  let description = "Computes `" # formula # "` for every element.\n\n"
    # "Example:\n\n```mlir\n%y = tl." # mnemonic
    # " %x : tensor<2x?xf32>\n```";
}

class TL_NumericUnaryOp<string mnemonic, string formula>
    : TL_UnaryOp<mnemonic, TL_NumericTensor> {
  let summary = "elementwise " # formula;
  let description = "Computes `" # formula # "` for every element of a "
    # "floating-point or integer tensor.\n\nExample:\n\n```mlir\n%y = tl."
    # mnemonic # " %x : tensor<4xi32>\n```";
}

def TL_AbsOp : TL_NumericUnaryOp<"abs", "|x|"> { let hasFolder = 1; }
def TL_NegOp : TL_NumericUnaryOp<"neg", "-x"> { let hasFolder = 1; }
def TL_SignOp : TL_NumericUnaryOp<"sign", "sign(x)">;
def TL_ExpOp : TL_FloatUnaryOp<"exp", "exp(x)">;
def TL_LogOp : TL_FloatUnaryOp<"log", "ln(x)">;
def TL_SqrtOp : TL_FloatUnaryOp<"sqrt", "sqrt(x)">;
def TL_RsqrtOp : TL_FloatUnaryOp<"rsqrt", "1 / sqrt(x)">;
def TL_ReciprocalOp : TL_FloatUnaryOp<"reciprocal", "1 / x">;
def TL_FloorOp : TL_FloatUnaryOp<"floor", "floor(x)">;
def TL_CeilOp : TL_FloatUnaryOp<"ceil", "ceil(x)">;
def TL_RoundOp : TL_FloatUnaryOp<"round", "round half to even(x)">;
def TL_SinOp : TL_FloatUnaryOp<"sin", "sin(x)">;
def TL_CosOp : TL_FloatUnaryOp<"cos", "cos(x)">;
def TL_TanOp : TL_FloatUnaryOp<"tan", "tan(x)">;
def TL_AsinOp : TL_FloatUnaryOp<"asin", "asin(x)">;
def TL_AcosOp : TL_FloatUnaryOp<"acos", "acos(x)">;
def TL_AtanOp : TL_FloatUnaryOp<"atan", "atan(x)">;
def TL_SinhOp : TL_FloatUnaryOp<"sinh", "sinh(x)">;
def TL_CoshOp : TL_FloatUnaryOp<"cosh", "cosh(x)">;
def TL_AsinhOp : TL_FloatUnaryOp<"asinh", "asinh(x)">;
def TL_AcoshOp : TL_FloatUnaryOp<"acosh", "acosh(x)">;
def TL_AtanhOp : TL_FloatUnaryOp<"atanh", "atanh(x)">;
def TL_ErfOp : TL_FloatUnaryOp<"erf", "erf(x)">;

def TL_NotOp : TL_UnaryOp<"not", TL_BoolTensor> {
  let summary = "elementwise logical not";
  let description = [{
    Logical negation of a boolean tensor.

    ```mlir
    %y = tl.not %x : tensor<3xi1>
    ```
  }];
  let hasFolder = 1;
}

def TL_IsNaNOp : TL_InferOp<"is_nan"> {
  let summary = "elementwise test for NaN";
  let description = [{
    Returns `true` where the element is NaN.

    ```mlir
    %y = tl.is_nan %x : tensor<3xf32> -> tensor<3xi1>
    ```
  }];
  let arguments = (ins TL_FloatTensor:$input);
  let results = (outs TL_BoolTensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
}

def TL_IsInfOp : TL_InferOp<"is_inf"> {
  let summary = "elementwise test for infinity";
  let description = [{
    Returns `true` where the element is infinite, restricted to positive
    and/or negative infinity by `detect_positive` / `detect_negative`.

    ```mlir
    %y = tl.is_inf %x {detect_negative = false} : tensor<3xf32> -> tensor<3xi1>
    ```
  }];
  let arguments = (ins TL_FloatTensor:$input,
                   DefaultValuedAttr<BoolAttr, "true">:$detect_positive,
                   DefaultValuedAttr<BoolAttr, "true">:$detect_negative);
  let results = (outs TL_BoolTensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
}

//===----------------------------------------------------------------------===//
// Activations
//===----------------------------------------------------------------------===//

class TL_ActivationOp<string mnemonic, string formula>
    : TL_FloatUnaryOp<mnemonic, formula> {
  let summary = mnemonic # " activation: " # formula;
}

def TL_ReluOp : TL_UnaryOp<"relu", TL_NumericTensor> {
  let summary = "relu activation: max(x, 0)";
  let description = [{
    Rectified linear unit, `max(x, 0)`, for floating-point and signed
    integer tensors.

    ```mlir
    %y = tl.relu %x : tensor<1x64x56x56xf32>
    ```
  }];
}
def TL_SigmoidOp : TL_ActivationOp<"sigmoid", "1 / (1 + exp(-x))">;
def TL_TanhOp : TL_ActivationOp<"tanh", "tanh(x)">;
def TL_HardSwishOp : TL_ActivationOp<"hard_swish", "x * max(0, min(1, x / 6 + 1 / 2))">;
def TL_SiluOp : TL_ActivationOp<"silu", "x * sigmoid(x)">;
def TL_SoftplusOp : TL_ActivationOp<"softplus", "ln(1 + exp(x))">;
def TL_SoftsignOp : TL_ActivationOp<"softsign", "x / (1 + |x|)">;
def TL_MishOp : TL_ActivationOp<"mish", "x * tanh(softplus(x))">;

def TL_LeakyReluOp : TL_UnaryOp<"leaky_relu", TL_FloatTensor> {
  let summary = "leaky relu activation: x < 0 ? alpha * x : x";
  let description = [{
    ```mlir
    %y = tl.leaky_relu %x {alpha = 0.01 : f64} : tensor<8xf32>
    ```
  }];
  let arguments = (ins TL_FloatTensor:$input,
                   DefaultValuedAttr<F64Attr, "0.01">:$alpha);
}

def TL_EluOp : TL_UnaryOp<"elu", TL_FloatTensor> {
  let summary = "elu activation: x < 0 ? alpha * (exp(x) - 1) : x";
  let description = [{
    ```mlir
    %y = tl.elu %x {alpha = 1.0 : f64} : tensor<8xf32>
    ```
  }];
  let arguments = (ins TL_FloatTensor:$input,
                   DefaultValuedAttr<F64Attr, "1.0">:$alpha);
}

def TL_SeluOp : TL_UnaryOp<"selu", TL_FloatTensor> {
  let summary = "selu activation: gamma * (x < 0 ? alpha * (exp(x) - 1) : x)";
  let description = [{
    Scaled exponential linear unit with the self-normalizing defaults.

    ```mlir
    %y = tl.selu %x : tensor<8xf32>
    ```
  }];
  let arguments = (ins TL_FloatTensor:$input,
                   DefaultValuedAttr<F64Attr, "1.67326319217681884765625">:$alpha,
                   DefaultValuedAttr<F64Attr, "1.05070102214813232421875">:$gamma);
}

def TL_CeluOp : TL_UnaryOp<"celu", TL_FloatTensor> {
  let summary = "celu activation: max(0, x) + min(0, alpha * (exp(x / alpha) - 1))";
  let description = [{
    ```mlir
    %y = tl.celu %x {alpha = 1.0 : f64} : tensor<8xf32>
    ```
  }];
  let arguments = (ins TL_FloatTensor:$input,
                   DefaultValuedAttr<F64Attr, "1.0">:$alpha);
  let hasVerifier = 1;
}

def TL_HardSigmoidOp : TL_UnaryOp<"hard_sigmoid", TL_FloatTensor> {
  let summary = "hard sigmoid: max(0, min(1, alpha * x + beta))";
  let description = [{
    ```mlir
    %y = tl.hard_sigmoid %x {alpha = 0.2 : f64, beta = 0.5 : f64} : tensor<8xf32>
    ```
  }];
  let arguments = (ins TL_FloatTensor:$input,
                   DefaultValuedAttr<F64Attr, "0.2">:$alpha,
                   DefaultValuedAttr<F64Attr, "0.5">:$beta);
}

def TL_GeluOp : TL_UnaryOp<"gelu", TL_FloatTensor> {
  let summary = "gelu activation, exact (erf) or tanh approximation";
  let description = [{
    `approximate = none`: `0.5 * x * (1 + erf(x / sqrt(2)))`;
    `approximate = tanh`: `0.5 * x * (1 + tanh(sqrt(2 / pi) * (x + 0.044715 * x^3)))`.

    ```mlir
    %y = tl.gelu %x {approximate = #tl<gelu_approximation tanh>} : tensor<8xf32>
    ```
  }];
  let arguments = (ins TL_FloatTensor:$input,
                   DefaultValuedAttr<TL_GeluApproximationAttr,
                                     "GeluApproximation::none">:$approximate);
}

def TL_ClipOp : TL_UnaryOp<"clip", TL_NumericTensor> {
  let summary = "clamp to [min, max]";
  let description = [{
    Clamps every element to `[min, max]`; either bound may be absent. `relu6`
    is `tl.clip` with `min = 0, max = 6`.

    ```mlir
    %y = tl.clip %x {min = 0.0 : f64, max = 6.0 : f64} : tensor<8xf32>
    ```
  }];
  let arguments = (ins TL_NumericTensor:$input, OptionalAttr<F64Attr>:$min,
                   OptionalAttr<F64Attr>:$max);
  let hasVerifier = 1;
}

def TL_CastOp : TL_Op<"cast", [SameOperandsAndResultShape,
    DeclareOpInterfaceMethods<CastOpInterface>]> {
  let summary = "elementwise element-type conversion";
  let description = [{
    Converts every element to the result element type. Float to integer
    truncates toward zero; to `i1` tests for non-zero; from `i1` gives 0 or 1.
    Integer signedness follows the types (`ui8` is unsigned).

    ```mlir
    %y = tl.cast %x : tensor<4xf32> to tensor<4xi64>
    ```
  }];
  let arguments = (ins TL_Tensor:$input);
  let results = (outs TL_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `to` type($output)";
  let hasFolder = 1;
}

//===----------------------------------------------------------------------===//
// Binary ops with numpy broadcasting
//===----------------------------------------------------------------------===//

class TL_ArithBinaryOp<string mnemonic, string formula, list<Trait> traits = []>
    : TL_BinaryOp<mnemonic, TL_NumericTensor, TL_NumericTensor, traits> {
  let summary = "elementwise " # formula # " with broadcasting";
  let description = "Computes `" # formula # "` for the operands broadcast "
    # "numpy-style to a common shape.\n\nExample:\n\n```mlir\n%z = tl."
    # mnemonic # " %x, %y : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>\n```";
}

def TL_AddOp : TL_ArithBinaryOp<"add", "lhs + rhs", [Commutative]> { let hasFolder = 1; }
def TL_SubOp : TL_ArithBinaryOp<"sub", "lhs - rhs"> { let hasFolder = 1; }
def TL_MulOp : TL_ArithBinaryOp<"mul", "lhs * rhs", [Commutative]> { let hasFolder = 1; }
def TL_DivOp : TL_ArithBinaryOp<"div", "lhs / rhs (integers truncate)"> { let hasFolder = 1; }
def TL_PowOp : TL_ArithBinaryOp<"pow", "lhs ^ rhs">;
def TL_MaxOp : TL_ArithBinaryOp<"max", "max(lhs, rhs) (NaN propagates)", [Commutative]>;
def TL_MinOp : TL_ArithBinaryOp<"min", "min(lhs, rhs) (NaN propagates)", [Commutative]>;
def TL_ModOp : TL_ArithBinaryOp<"mod", "lhs mod rhs"> {
  let description = [{
    Remainder with the sign of the divisor (Python `%`) when `fmod` is false;
    with the sign of the dividend (C `fmod`) when true. Floating-point
    operands require `fmod = true`, as in ONNX.

    ```mlir
    %z = tl.mod %x, %y {fmod = true} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
    ```
  }];
  let arguments = (ins TL_NumericTensor:$lhs, TL_NumericTensor:$rhs,
                   DefaultValuedAttr<BoolAttr, "false">:$fmod);
}

def TL_PReluOp : TL_InferOp<"prelu", [SameOperandsElementType]> {
  let summary = "parametric relu: x < 0 ? slope * x : x";
  let description = [{
    The slope is broadcast to the input's shape (unidirectionally: the result
    has the input's shape).

    ```mlir
    %y = tl.prelu %x, %slope : (tensor<1x64x8x8xf32>, tensor<64x1x1xf32>) -> tensor<1x64x8x8xf32>
    ```
  }];
  let arguments = (ins TL_FloatTensor:$input, TL_FloatTensor:$slope);
  let results = (outs TL_FloatTensor:$output);
  let assemblyFormat = [{
    $input `,` $slope attr-dict `:` functional-type(operands, results)
  }];
}

class TL_ShiftOp<string mnemonic, string formula>
    : TL_BinaryOp<mnemonic, RankedTensorOf<[UI8, UI16, UI32, UI64]>,
                  RankedTensorOf<[UI8, UI16, UI32, UI64]>> {
  let summary = "elementwise " # formula # " of unsigned integers with broadcasting";
  let description = "Computes `" # formula # "` (ONNX `BitShift`); shifting by "
    # "the bit width or more gives 0.\n\n```mlir\n%z = tl." # mnemonic
    # " %x, %y : (tensor<3xui8>, tensor<3xui8>) -> tensor<3xui8>\n```";
}
def TL_ShiftLeftOp : TL_ShiftOp<"shift_left", "lhs << rhs">;
def TL_ShiftRightOp : TL_ShiftOp<"shift_right", "lhs >> rhs">;

class TL_LogicalBinaryOp<string mnemonic, string formula>
    : TL_BinaryOp<mnemonic, TL_BoolTensor, TL_BoolTensor, [Commutative]> {
  let summary = "elementwise logical " # formula # " with broadcasting";
  let description = "```mlir\n%z = tl." # mnemonic
    # " %x, %y : (tensor<4xi1>, tensor<4xi1>) -> tensor<4xi1>\n```";
}
def TL_AndOp : TL_LogicalBinaryOp<"and", "and">;
def TL_OrOp : TL_LogicalBinaryOp<"or", "or">;
def TL_XorOp : TL_LogicalBinaryOp<"xor", "xor">;

class TL_CompareOp<string mnemonic, string formula, list<Trait> traits = []>
    : TL_BinaryOp<mnemonic, TL_Tensor, TL_BoolTensor, traits, /*boolResult=*/1> {
  let summary = "elementwise comparison " # formula # " with broadcasting";
  let description = "Returns an `i1` tensor, true where `" # formula # "`.\n\n"
    # "```mlir\n%z = tl." # mnemonic
    # " %x, %y : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>\n```";
}
def TL_EqualOp : TL_CompareOp<"equal", "lhs == rhs", [Commutative]>;
def TL_LessOp : TL_CompareOp<"less", "lhs < rhs">;
def TL_LessEqualOp : TL_CompareOp<"less_equal", "lhs <= rhs">;
def TL_GreaterOp : TL_CompareOp<"greater", "lhs > rhs">;
def TL_GreaterEqualOp : TL_CompareOp<"greater_equal", "lhs >= rhs">;

def TL_SelectOp : TL_InferOp<"select"> {
  let summary = "elementwise choice between two tensors by a condition";
  let description = [{
    `cond ? on_true : on_false`, with the three operands broadcast
    numpy-style (ONNX `Where`).

    ```mlir
    %z = tl.select %c, %a, %b : (tensor<4xi1>, tensor<4xf32>, tensor<1xf32>) -> tensor<4xf32>
    ```
  }];
  let arguments = (ins TL_BoolTensor:$condition, TL_Tensor:$on_true,
                   TL_Tensor:$on_false);
  let results = (outs TL_Tensor:$output);
  let assemblyFormat = [{
    $condition `,` $on_true `,` $on_false attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

#endif // TL_ELEMENTWISE_OPS_TD
