#!/usr/bin/env python3
"""Numerical check of convert-tl-to-linalg for the elementwise, activation,
reduction and normalization families against numpy.

For every case the script writes a kernel holding one tl op (inputs may have
dynamic dims) and a `main` that calls it on random constants, lowers the
module with `tl-opt --convert-tl-to-linalg`, the math lowering passes and
`--tl-cpu-pipeline`, runs it with `mlir-runner`, and compares the printed
result bit patterns with a float64 numpy reference computed from the same
(exactly representable) inputs. Cases are grouped into one module per op.

Usage: tl_to_linalg_numerics.py [--bin DIR | --build-dir DIR] [--llvm-bin DIR] [-k SUBSTR]
                                [-j N] [-v] [--math libm|expand]
Exit status 0 when every case matches.
"""

import argparse
import math
import os
import re
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

import numpy as np

# Special values (NaN, inf) and wrapping integer arithmetic are intended.
np.seterr(all="ignore")

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# tl-cpu-pipeline as on main, plus what it still misses for these ops:
# convert-bufferization-to-memref (a function returning its argument gets a
# bufferization.clone), expand-strided-metadata (memref.expand_shape of
# keepdims), convert-math-to-funcs (math.ipowi, after bufferization since it
# emits unstructured control flow) and a lowering of the math functions that
# have no LLVM intrinsic (erf, asinh, acosh, atanh), chosen by --math:
#   libm:   convert-math-to-llvm, then convert-math-to-libm (after the C
#           wrappers are requested, so that libm declarations get none);
#   expand: math-expand-ops for just those four (inline, vectorizable; it
#           leaves f64 erf, which then goes to libm as above).
MATH_LOWERINGS = {
    "libm": ["convert-math-to-llvm", "convert-math-to-libm"],
    "expand": ["math-expand-ops{ops=erf,asinh,acosh,atanh}", "convert-math-to-llvm",
               "convert-math-to-libm"],
}


def lowering(math_mode):
    return ",".join([
        "canonicalize",
        "one-shot-bufferize{bufferize-function-boundaries "
        "function-boundary-type-conversion=identity-layout-map}",
        "buffer-deallocation-pipeline",
        "convert-bufferization-to-memref",
        "func.func(convert-linalg-to-loops)",
        "func.func(llvm-request-c-wrappers)",
        "convert-math-to-funcs",
    ] + MATH_LOWERINGS[math_mode] + [
        "expand-strided-metadata",
        "lower-affine",
        "convert-scf-to-cf",
        "convert-to-llvm",
        "reconcile-unrealized-casts",
    ])

FLOATS = ["f32", "f64", "f16", "bf16"]
SIGNED = ["i8", "i16", "i32", "i64"]
UNSIGNED = ["ui8", "ui16", "ui32", "ui64"]
INTS = SIGNED + UNSIGNED

NP_TYPES = {
    "f32": np.float32, "f64": np.float64, "f16": np.float16,
    "i8": np.int8, "i16": np.int16, "i32": np.int32, "i64": np.int64,
    "ui8": np.uint8, "ui16": np.uint16, "ui32": np.uint32, "ui64": np.uint64,
    "i1": np.bool_,
}

# (rtol, atol) per float result type.
TOLERANCES = {
    "f32": (1e-5, 1e-6), "f64": (1e-10, 1e-12),
    "f16": (2e-3, 1e-3), "bf16": (1.6e-2, 1e-2),
}

#===------------------------------------------------------------------------===#
# Values: exact conversion to tl element types, encoding, decoding
#===------------------------------------------------------------------------===#


def bf16_bits(x):
    """Round float64 values to bf16 (nearest even); returns the uint16 bits."""
    bits = np.asarray(x, dtype=np.float32).view(np.uint32).astype(np.uint64)
    rounded = (bits + 0x7FFF + ((bits >> 16) & 1)) >> 16
    nan = np.isnan(np.asarray(x, dtype=np.float32))
    rounded = np.where(nan, 0x7FC0, rounded)
    return rounded.astype(np.uint16)


def bf16_value(bits):
    return (np.asarray(bits).astype(np.uint32) << 16).view(np.float32).astype(np.float64)


def quantize(x, ty):
    """The values of `x` as element type `ty` holds them (floats as float64)."""
    x = np.asarray(x)
    if ty == "bf16":
        return bf16_value(bf16_bits(x))
    if ty in FLOATS:
        return x.astype(NP_TYPES[ty]).astype(np.float64)
    if ty == "i1":
        return x.astype(np.bool_)
    return x.astype(NP_TYPES[ty])


def dense_literal(x, ty):
    """An arith.constant attribute for `x` (already quantized to `ty`)."""
    if ty == "i1":
        text = str(np.asarray(x).tolist()).replace("True", "true").replace("False", "false")
        return "dense<%s>" % text
    if ty == "bf16":
        raw = bf16_bits(x)
    elif ty in FLOATS:
        raw = np.asarray(x).astype(NP_TYPES[ty])
    else:
        raw = np.asarray(x).astype(NP_TYPES[ty])
    data = np.ascontiguousarray(raw).tobytes()
    return 'dense<"0x%s">' % data.hex().upper()


def decode(values, ty):
    """Printed i64 values back to the result element type."""
    v = np.array(values, dtype=np.int64)
    if ty == "f32":
        return v.astype(np.uint32).view(np.float32).astype(np.float64)
    if ty == "f64":
        return v.view(np.float64)
    if ty == "f16":
        return v.astype(np.uint16).view(np.float16).astype(np.float64)
    if ty == "bf16":
        return bf16_value(v.astype(np.uint16))
    if ty == "i1":
        return v.astype(np.bool_)
    return v.astype(NP_TYPES[ty])


def tensor_type(shape, ty, dyn=()):
    dims = ["?" if i in dyn else str(d) for i, d in enumerate(shape)]
    return "tensor<%s>" % "x".join(dims + [ty])


def to_i64_body(ty):
    """Body lines converting %x (of `ty`) to %y : i64 bit-exactly."""
    if ty == "f32":
        return ["%b = arith.bitcast %x : f32 to i32", "%y = arith.extui %b : i32 to i64"]
    if ty == "f64":
        return ["%y = arith.bitcast %x : f64 to i64"]
    if ty in ("f16", "bf16"):
        return ["%%b = arith.bitcast %%x : %s to i16" % ty, "%y = arith.extui %b : i16 to i64"]
    if ty == "i64":
        return ["%y = arith.addi %x, %z : i64"]
    if ty.startswith("ui"):
        width = ty[2:]
        lines = ["%%s = builtin.unrealized_conversion_cast %%x : %s to i%s" % (ty, width)]
        if width == "64":
            return lines + ["%y = arith.addi %s, %z : i64"]
        return lines + ["%%y = arith.extui %%s : i%s to i64" % width]
    if ty == "i1":
        return ["%y = arith.extui %x : i1 to i64"]
    return ["%%y = arith.extsi %%x : %s to i64" % ty]


#===------------------------------------------------------------------------===#
# Cases
#===------------------------------------------------------------------------===#


class Arg:
    def __init__(self, values, ty, dyn=()):
        self.ty = ty
        self.values = quantize(values, ty)
        self.dyn = tuple(dyn)

    @property
    def shape(self):
        return np.shape(self.values)

    def static_type(self):
        return tensor_type(self.shape, self.ty)

    def kernel_type(self):
        return tensor_type(self.shape, self.ty, self.dyn)

    def kernel_shape(self):
        return [None if i in self.dyn else d for i, d in enumerate(self.shape)]


class Case:
    """One tl op applied to `args`; `ref` maps the quantized input values
    (floats as float64) to the expected result."""

    def __init__(self, op, args, ref, out_ty=None, attrs="", fmt="binary",
                 out_shape=None, tol=None):
        self.op, self.args, self.attrs, self.fmt = op, args, attrs, fmt
        self.out_ty = out_ty or args[0].ty
        self.expected = np.asarray(ref(*[a.values for a in args]))
        self.out_kernel_shape = out_shape
        self.tol = tol

    def name(self):
        return "%s(%s)%s -> %s" % (self.op, ", ".join(a.kernel_type() for a in self.args),
                                   " " + self.attrs if self.attrs else "", self.out_ty)


def broadcast_shape(shapes):
    """tl's inferred broadcast shape; None marks a dynamic dim."""
    rank = max(len(s) for s in shapes)
    out = [1] * rank
    for s in shapes:
        s = [1] * (rank - len(s)) + list(s)
        for i, (l, r) in enumerate(zip(out, s)):
            if l == 1:
                out[i] = r
            elif r == 1:
                out[i] = l
            elif l is None:
                out[i] = r
            else:
                out[i] = l
    return out


def kernel_result_type(case):
    shape = case.out_kernel_shape
    if shape is None:
        if case.fmt in ("unary", "predicate", "cast", "norm"):
            shape = case.args[0].kernel_shape()
        else:
            shape = broadcast_shape([a.kernel_shape() for a in case.args])
    dims = ["?" if d is None else str(d) for d in shape]
    return "tensor<%s>" % "x".join(dims + [case.out_ty])


def op_text(case, names, result_type):
    attrs = (" " + case.attrs) if case.attrs else ""
    types = [a.kernel_type() for a in case.args]
    if case.fmt == "unary":
        return "tl.%s %s%s : %s" % (case.op, names[0], attrs, result_type)
    if case.fmt == "predicate":
        return "tl.%s %s%s : %s -> %s" % (case.op, names[0], attrs, types[0], result_type)
    if case.fmt == "cast":
        return "tl.cast %s : %s to %s" % (names[0], types[0], result_type)
    return "tl.%s %s%s : (%s) -> %s" % (case.op, ", ".join(names), attrs,
                                         ", ".join(types), result_type)


def build_module(cases):
    lines = ["func.func private @printMemrefI64(memref<*xi64>)"]
    # %z: the i64 zero the result conversions add to i64 values.
    main = ["func.func @main() {", "  %z = arith.constant 0 : i64"]
    for k, case in enumerate(cases):
        names = ["%%a%d" % i for i in range(len(case.args))]
        rtype = kernel_result_type(case)
        params = ", ".join("%s: %s" % (n, a.kernel_type()) for n, a in zip(names, case.args))
        lines += ["func.func @k%d(%s) -> %s {" % (k, params, rtype),
                  "  %%r = %s" % op_text(case, names, rtype),
                  "  return %%r : %s" % rtype, "}"]
        call_args = []
        for i, a in enumerate(case.args):
            main.append("  %%c%d_%d = arith.constant %s : %s" % (k, i, dense_literal(a.values, a.ty), a.static_type()))
            if a.kernel_type() != a.static_type():
                main.append("  %%d%d_%d = tensor.cast %%c%d_%d : %s to %s" % (k, i, k, i, a.static_type(), a.kernel_type()))
                call_args.append("%%d%d_%d" % (k, i))
            else:
                call_args.append("%%c%d_%d" % (k, i))
        shape = case.expected.shape
        static = tensor_type(shape, case.out_ty)
        wide = tensor_type(shape, "i64")
        rank = len(shape)
        dims = ", ".join("d%d" % i for i in range(rank))
        ident = "affine_map<(%s) -> (%s)>" % (dims, dims)
        main += [
            "  %%r%d = call @k%d(%s) : (%s) -> %s" % (k, k, ", ".join(call_args),
                                                   ", ".join(a.kernel_type() for a in case.args), rtype),
            "  %%s%d = tensor.cast %%r%d : %s to %s" % (k, k, rtype, static) if rtype != static
            else "  %%s%d = tensor.cast %%r%d : %s to %s" % (k, k, rtype, rtype),
            "  %%e%d = tensor.empty() : %s" % (k, wide),
            "  %%w%d = linalg.generic {indexing_maps = [%s, %s], iterator_types = [%s]} "
            "ins(%%s%d : %s) outs(%%e%d : %s) {" % (k, ident, ident, ", ".join(['"parallel"'] * rank),
                                                    k, static, k, wide),
            "  ^bb0(%%x: %s, %%o: i64):" % case.out_ty]
        main += ["    " + l for l in to_i64_body(case.out_ty)]
        main += ["    linalg.yield %y : i64", "  } -> %s" % wide,
                 "  %%m%d = bufferization.to_buffer %%w%d : %s to %s" % (k, k, wide, wide.replace("tensor", "memref")),
                 "  %%u%d = memref.cast %%m%d : %s to memref<*xi64>" % (k, k, wide.replace("tensor", "memref")),
                 "  call @printMemrefI64(%%u%d) : (memref<*xi64>) -> ()" % k]
    main += ["  return", "}"]
    return "\n".join(lines + main) + "\n"


def run_module(text, tools):
    tl_opt, runner, libs, pipeline = tools
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "m.mlir")
        with open(src, "w") as f:
            f.write(text)
        cmd = ("{t} {src} --convert-tl-to-linalg | {t} --pass-pipeline='builtin.module({p})' | "
               "{r} -e main -entry-point-result=void --shared-libs={libs}").format(
                   t=tl_opt, src=src, p=pipeline, r=runner, libs=libs)
        proc = subprocess.run(["bash", "-o", "pipefail", "-c", cmd], capture_output=True, text=True)
        return proc.returncode, proc.stdout, proc.stderr


def parse_outputs(stdout):
    chunks = stdout.split("Unranked Memref")[1:]
    result = []
    for chunk in chunks:
        data = chunk.split("data =", 1)[1]
        result.append([int(v) for v in re.findall(r"-?\d+", data)])
    return result


def compare(case, values):
    got = decode(values, case.out_ty).reshape(case.expected.shape)
    expected = case.expected
    if case.out_ty in TOLERANCES:
        rtol, atol = case.tol or TOLERANCES[case.out_ty]
        expected = quantize(expected, case.out_ty) if case.out_ty in ("f16", "bf16") else expected
        ok = np.allclose(got, expected.astype(np.float64), rtol=rtol, atol=atol, equal_nan=True)
        # Infinities must match in sign (allclose compares them exactly).
    else:
        ok = np.array_equal(got, expected.astype(got.dtype))
    return ok, got


#===------------------------------------------------------------------------===#
# The reference semantics and the case list
#===------------------------------------------------------------------------===#

RNG = np.random.default_rng(20240611)


def uniform(shape, lo, hi):
    return RNG.uniform(lo, hi, size=shape)


def ints(shape, ty, lo=None, hi=None):
    info = np.iinfo(NP_TYPES[ty])
    lo = info.min if lo is None else max(lo, info.min)
    hi = info.max if hi is None else min(hi, info.max)
    return RNG.integers(lo, hi, size=shape, endpoint=True, dtype=NP_TYPES[ty])


def with_specials(x):
    """Puts NaN, +-inf and +-0 at the front of a float array."""
    x = np.array(x, dtype=np.float64)
    flat = x.reshape(-1)
    specials = [np.nan, np.inf, -np.inf, 0.0, -0.0]
    flat[:min(len(specials), flat.size)] = specials[:flat.size]
    return x


erf = np.vectorize(math.erf, otypes=[np.float64])


def softplus(x):
    return np.logaddexp(0.0, x)


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


UNARY_FLOAT = {
    # op: (reference, lo, hi)
    "exp": (np.exp, -5, 5), "log": (np.log, 0.01, 10), "sqrt": (np.sqrt, 0, 10),
    "rsqrt": (lambda x: 1 / np.sqrt(x), 0.01, 10), "reciprocal": (lambda x: 1 / x, 0.5, 4),
    "floor": (np.floor, -5, 5), "ceil": (np.ceil, -5, 5), "sin": (np.sin, -4, 4),
    "cos": (np.cos, -4, 4), "tan": (np.tan, -1.2, 1.2), "asin": (np.arcsin, -0.99, 0.99),
    "acos": (np.arccos, -0.99, 0.99), "atan": (np.arctan, -5, 5), "sinh": (np.sinh, -3, 3),
    "cosh": (np.cosh, -3, 3), "asinh": (np.arcsinh, -5, 5), "acosh": (np.arccosh, 1, 6),
    "atanh": (np.arctanh, -0.95, 0.95), "erf": (erf, -3, 3), "tanh": (np.tanh, -4, 4),
    "sigmoid": (sigmoid, -8, 8), "silu": (lambda x: x * sigmoid(x), -8, 8),
    "softplus": (softplus, -20, 20), "softsign": (lambda x: x / (1 + np.abs(x)), -5, 5),
    "mish": (lambda x: x * np.tanh(softplus(x)), -6, 6),
    "hard_swish": (lambda x: x * np.clip(x / 6 + 0.5, 0, 1), -5, 5),
}

# Unary ops on floats and integers: (reference, float range).
UNARY_NUMERIC = {
    "abs": (np.abs, -5, 5), "neg": (np.negative, -5, 5), "sign": (np.sign, -3, 3),
    "relu": (lambda x: np.maximum(x, 0), -5, 5),
}

UNARY_SHAPES = [((7, 5), ()), ((7, 5), (0,)), ((13,), (0,)), ((), ()), ((2, 3, 4), (0, 2))]


def unary_cases():
    cases = []
    for op, (ref, lo, hi) in UNARY_FLOAT.items():
        for shape, dyn in UNARY_SHAPES:
            cases.append(Case(op, [Arg(uniform(shape, lo, hi), "f32", dyn)], ref, fmt="unary"))
        for ty in ["f64", "f16", "bf16"]:
            cases.append(Case(op, [Arg(uniform((3, 5), lo, hi), ty, (1,))], ref, fmt="unary"))
    # round: half to even, exact halves included.
    halves = np.array([-2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 3.5, 0.49, -0.51, 7.0, 1e7 + 0.5])
    for ty in FLOATS:
        cases.append(Case("round", [Arg(halves, ty, (0,))], np.round, fmt="unary"))
    cases.append(Case("round", [Arg(uniform((7, 5), -9, 9), "f32")], np.round, fmt="unary"))
    for op, (ref, lo, hi) in UNARY_NUMERIC.items():
        for shape, dyn in UNARY_SHAPES[:3]:
            cases.append(Case(op, [Arg(with_specials(uniform(shape, lo, hi)), "f32", dyn)], ref, fmt="unary"))
        for ty in ["f64", "f16", "bf16"]:
            cases.append(Case(op, [Arg(uniform((3, 5), lo, hi), ty, (0,))], ref, fmt="unary"))
        for ty in INTS:
            lo_i = 0 if ty.startswith("ui") else -100
            x = ints((3, 7), ty, lo_i, 100)
            x.reshape(-1)[0] = 0
            # abs/neg wrap like the hardware: compute in the type.
            cases.append(Case(op, [Arg(x, ty, (1,))],
                              lambda v, ref=ref, ty=ty: ref(v).astype(NP_TYPES[ty]), fmt="unary"))
    # Activations with attributes.
    x = with_specials(uniform((6, 7), -4, 4))
    xs = uniform((6, 7), -4, 4)
    for ty in FLOATS:
        xv = x if ty == "f32" else xs
        dyn = (0,) if ty != "f64" else ()
        cases += [
            Case("leaky_relu", [Arg(xv, ty, dyn)], lambda v: np.where(v < 0, 0.1 * v, v),
                 attrs="{alpha = 0.1 : f64}", fmt="unary"),
            Case("elu", [Arg(xv, ty, dyn)], lambda v: np.where(v < 0, 0.7 * np.expm1(v), v),
                 attrs="{alpha = 0.7 : f64}", fmt="unary"),
            Case("selu", [Arg(xv, ty, dyn)],
                 lambda v: 1.05070102214813232421875 * np.where(
                     v <= 0, 1.67326319217681884765625 * np.expm1(v), v), fmt="unary"),
            Case("celu", [Arg(xv, ty, dyn)],
                 lambda v: np.maximum(0, v) + np.minimum(0, 1.5 * np.expm1(v / 1.5)),
                 attrs="{alpha = 1.5 : f64}", fmt="unary"),
            Case("hard_sigmoid", [Arg(xv, ty, dyn)], lambda v: np.clip(0.25 * v + 0.4, 0, 1),
                 attrs="{alpha = 0.25 : f64, beta = 0.4 : f64}", fmt="unary"),
            Case("gelu", [Arg(xv, ty, dyn)], lambda v: 0.5 * v * (1 + erf(v / math.sqrt(2))),
                 fmt="unary"),
            Case("gelu", [Arg(xv, ty, dyn)],
                 lambda v: 0.5 * v * (1 + np.tanh(math.sqrt(2 / math.pi) * (v + 0.044715 * v ** 3))),
                 attrs="{approximate = #tl<gelu_approximation tanh>}", fmt="unary"),
            Case("clip", [Arg(xv, ty, dyn)], lambda v: np.clip(v, 0, 6),
                 attrs="{min = 0.0 : f64, max = 6.0 : f64}", fmt="unary"),
            Case("clip", [Arg(xv, ty, dyn)], lambda v: np.maximum(v, -1.5),
                 attrs="{min = -1.5 : f64}", fmt="unary"),
            Case("clip", [Arg(xv, ty, dyn)], lambda v: np.minimum(v, 0.25),
                 attrs="{max = 0.25 : f64}", fmt="unary"),
        ]
    for ty in INTS:
        v = ints((4, 9), ty, 0 if ty.startswith("ui") else -20, 20)
        cases += [
            Case("clip", [Arg(v, ty, (0,))], lambda a: np.clip(a, -3, 7).astype(a.dtype),
                 attrs="{min = -3.5 : f64, max = 7.9 : f64}", fmt="unary"),
            Case("clip", [Arg(v, ty)], lambda a: np.clip(a, 2, 5).astype(a.dtype),
                 attrs="{min = 1.5 : f64, max = 5.0 : f64}", fmt="unary"),
            Case("clip", [Arg(v, ty)], lambda a: np.maximum(a, np.iinfo(a.dtype).min),
                 attrs="{min = -1.0e30 : f64}", fmt="unary"),
        ]
    return cases


def predicate_cases():
    cases = []
    for ty in FLOATS:
        x = with_specials(uniform((3, 5), -3, 3))
        dyn = (1,) if ty != "f16" else ()
        cases += [
            Case("is_nan", [Arg(x, ty, dyn)], np.isnan, out_ty="i1", fmt="predicate"),
            Case("is_inf", [Arg(x, ty, dyn)], np.isinf, out_ty="i1", fmt="predicate"),
            Case("is_inf", [Arg(x, ty, dyn)], np.isposinf, out_ty="i1", fmt="predicate",
                 attrs="{detect_negative = false}"),
            Case("is_inf", [Arg(x, ty, dyn)], np.isneginf, out_ty="i1", fmt="predicate",
                 attrs="{detect_positive = false}"),
            Case("is_inf", [Arg(x, ty, dyn)], lambda v: np.zeros(v.shape, bool), out_ty="i1",
                 fmt="predicate", attrs="{detect_positive = false, detect_negative = false}"),
        ]
    b = RNG.integers(0, 2, size=(4, 6)).astype(bool)
    cases.append(Case("not", [Arg(b, "i1", (0,))], np.logical_not, fmt="unary"))
    return cases


def cast_source(src, dst):
    """Values of type `src` whose conversion to `dst` is defined."""
    shape = (3, 7)
    if src in FLOATS:
        if dst in FLOATS:
            return with_specials(uniform(shape, -300, 300))
        if dst == "i1":
            return with_specials(RNG.choice([0.0, 0.5, -2.0, 3.25], size=shape))
        lo = 0 if dst.startswith("ui") else -120
        hi = 120 if src != "f16" else 100
        x = uniform(shape, lo, hi)
        x.reshape(-1)[:4] = [2.7, 0.5, 0.99, 1.0] if lo == 0 else [-2.7, 2.7, -0.5, 0.99]
        return x
    if src == "i1":
        return RNG.integers(0, 2, size=shape).astype(bool)
    x = ints(shape, src)
    if dst in ("f16",):  # stay in f16's finite range
        x = ints(shape, src, 0 if src.startswith("ui") else -60000, 60000)
    if dst == "i1":
        x.reshape(-1)[:5] = 0
    return x


def cast_reference(dst):
    def ref(x):
        if dst == "i1":
            return x != 0 if x.dtype != np.float64 else (x != 0) | np.isnan(x)
        if dst in FLOATS:
            return x.astype(np.float64)
        if x.dtype == np.float64:
            return np.trunc(x).astype(np.int64).astype(NP_TYPES[dst])
        return x.astype(NP_TYPES[dst])
    return ref


def cast_cases():
    cases = []
    types = FLOATS + INTS + ["i1"]
    for src in types:
        for dst in types:
            if src == dst:
                continue
            x = cast_source(src, dst)
            ref = cast_reference(dst)
            if dst in ("f16", "bf16") and src not in FLOATS:
                # Integers round once to the narrow type.
                ref = lambda v, dst=dst: quantize(v.astype(np.float64), dst)
            cases.append(Case("cast", [Arg(x, src, (0,) if src != "f64" else ())], ref,
                              out_ty=dst, fmt="cast"))
    return cases


def tdiv(a, b):
    """Integer division truncating toward zero, in the operands' type."""
    q = np.floor_divide(a, b)
    fix = (np.remainder(a, b) != 0) & ((a < 0) ^ (b < 0))
    return (q + fix.astype(q.dtype)).astype(a.dtype)


def fmod_int(a, b):
    return (a - tdiv(a, b) * b).astype(a.dtype)


BINARY_SHAPES = [
    # (lhs shape, lhs dyn, rhs shape, rhs dyn)
    ((7, 5), (), (7, 5), ()),
    ((3, 1, 5), (), (4, 1), ()),
    ((5,), (), (2, 3, 5), ()),
    ((), (), (4, 3), ()),
    ((6, 5), (0,), (5,), ()),
    ((6, 5), (0, 1), (6, 5), (0, 1)),
    ((2, 3, 5), (1,), (3, 1), (0,)),
    ((4, 1), (0,), (1, 3), (1,)),
]


def binary_args(ty, lo, hi, shapes, nonzero=False):
    out = []
    for ls, ld, rs, rd in shapes:
        if ty in FLOATS:
            l, r = uniform(ls, lo, hi), uniform(rs, lo, hi)
        else:
            ilo = max(lo, 0) if ty.startswith("ui") else lo
            l, r = ints(ls, ty, ilo, hi), ints(rs, ty, ilo, hi)
        if nonzero:
            r = np.where(r == 0, 1, r)
        out.append((Arg(l, ty, ld), Arg(r, ty, rd)))
    return out


def arith_ref(fn, ty):
    if ty in FLOATS:
        return fn
    return lambda a, b: fn(a, b).astype(NP_TYPES[ty])


def binary_cases():
    cases = []
    float_ops = {
        "add": np.add, "sub": np.subtract, "mul": np.multiply, "div": np.divide,
        "max": np.maximum, "min": np.minimum,
    }
    int_ops = {
        "add": np.add, "sub": np.subtract, "mul": np.multiply, "div": tdiv,
        "max": np.maximum, "min": np.minimum,
    }
    for op in float_ops:
        for ty in FLOATS:
            shapes = BINARY_SHAPES if ty == "f32" else BINARY_SHAPES[1:2] + BINARY_SHAPES[6:7]
            for l, r in binary_args(ty, -10, 10, shapes, nonzero=(op == "div")):
                cases.append(Case(op, [l, r], float_ops[op]))
        for ty in INTS:
            shapes = BINARY_SHAPES[:2] + BINARY_SHAPES[6:7] if ty == "i32" else BINARY_SHAPES[1:2]
            lo, hi = (-1000, 1000) if op != "mul" or ty not in ("i8", "ui8") else (-11, 11)
            for l, r in binary_args(ty, lo, hi, shapes, nonzero=(op == "div")):
                cases.append(Case(op, [l, r], arith_ref(int_ops[op], ty)))
        # Wrapping and the full range of the type.
        for ty in ["i8", "ui8", "ui64", "i64"]:
            l, r = Arg(ints((4, 8), ty), ty), Arg(ints((8,), ty), ty)
            if op == "div":
                r = Arg(np.where(r.values == 0, 3, r.values), ty)
            with np.errstate(over="ignore"):
                cases.append(Case(op, [l, r], arith_ref(int_ops[op], ty)))
    # NaN propagation of max/min.
    a = with_specials(uniform((2, 5), -2, 2))
    b = np.roll(with_specials(uniform((2, 5), -2, 2)), 3)
    for op, fn in [("max", np.maximum), ("min", np.minimum)]:
        cases.append(Case(op, [Arg(a, "f32"), Arg(b, "f32")], fn))
    # pow
    for ty in FLOATS:
        base = Arg(uniform((4, 6), 0.1, 3), ty, (0,))
        expo = Arg(uniform((6,), -2, 2), ty)
        cases.append(Case("pow", [base, expo], np.power))
    neg = Arg(uniform((3, 4), -3, 3), "f32")
    cases.append(Case("pow", [neg, Arg(np.array([2.0, 3.0, -1.0, 0.0]), "f32")], np.power))
    for ty in INTS:
        base = Arg(ints((3, 5), ty, 0 if ty.startswith("ui") else -4, 4), ty, (1,))
        expo = Arg(ints((5,), ty, 0, 5), ty)
        cases.append(Case("pow", [base, expo],
                          lambda a, b, ty=ty: np.power(a.astype(np.int64), b.astype(np.int64)).astype(NP_TYPES[ty])))
    # mod: Python (divisor's sign) and C fmod (dividend's sign).
    for ty in SIGNED + UNSIGNED:
        lo = 0 if ty.startswith("ui") else -50
        l = Arg(ints((5, 6), ty, lo, 50), ty, (0,))
        d = ints((6,), ty, lo, 9)
        r = Arg(np.where(d == 0, 7, d), ty)
        cases.append(Case("mod", [l, r], lambda a, b: np.mod(a, b).astype(a.dtype)))
        cases.append(Case("mod", [l, r], fmod_int, attrs="{fmod = true}"))
    for ty in FLOATS:
        l = Arg(uniform((5, 6), -20, 20), ty, (0,))
        r = Arg(np.where(np.abs(uniform((6,), -5, 5)) < 0.5, 2.5, uniform((6,), -5, 5)), ty)
        cases.append(Case("mod", [l, r], np.fmod, attrs="{fmod = true}"))
        cases.append(Case("mod", [l, r], np.mod))
    # Logic and comparisons.
    for op, fn in [("and", np.logical_and), ("or", np.logical_or), ("xor", np.logical_xor)]:
        for ls, ld, rs, rd in BINARY_SHAPES[:2] + BINARY_SHAPES[6:7]:
            l = Arg(RNG.integers(0, 2, size=ls).astype(bool), "i1", ld)
            r = Arg(RNG.integers(0, 2, size=rs).astype(bool), "i1", rd)
            cases.append(Case(op, [l, r], fn))
    compares = {"equal": np.equal, "less": np.less, "less_equal": np.less_equal,
                "greater": np.greater, "greater_equal": np.greater_equal}
    for op, fn in compares.items():
        for ty in FLOATS + INTS + ["i1"]:
            shapes = BINARY_SHAPES[:2] + BINARY_SHAPES[6:7] if ty in ("f32", "i32") else BINARY_SHAPES[1:2]
            for ls, ld, rs, rd in shapes:
                if ty == "i1":
                    l = RNG.integers(0, 2, size=ls).astype(bool)
                    r = RNG.integers(0, 2, size=rs).astype(bool)
                elif ty in FLOATS:
                    # Few distinct values so that equality happens.
                    l, r = RNG.integers(-2, 3, size=ls) * 0.5, RNG.integers(-2, 3, size=rs) * 0.5
                else:
                    l, r = ints(ls, ty), ints(rs, ty)
                    l.reshape(-1)[::2] = 3
                    r.reshape(-1)[::3] = 3
                cases.append(Case(op, [Arg(l, ty, ld), Arg(r, ty, rd)], fn, out_ty="i1"))
        nan = with_specials(uniform((5,), -1, 1))
        cases.append(Case(op, [Arg(nan, "f32"), Arg(np.roll(nan, 1), "f32")], fn, out_ty="i1"))
    # select, three-way broadcasting.
    for ty in ["f32", "f16", "i8", "ui32", "i64", "i1"]:
        c = Arg(RNG.integers(0, 2, size=(3, 1, 5)).astype(bool), "i1")
        if ty == "i1":
            t, f = RNG.integers(0, 2, size=(4, 1)).astype(bool), RNG.integers(0, 2, size=(5,)).astype(bool)
        elif ty in FLOATS:
            t, f = uniform((4, 1), -5, 5), uniform((5,), -5, 5)
        else:
            t, f = ints((4, 1), ty), ints((5,), ty)
        cases.append(Case("select", [c, Arg(t, ty, (0,)), Arg(f, ty)], np.where, out_ty=ty))
    cases.append(Case("select", [Arg(RNG.integers(0, 2, size=(6, 4)).astype(bool), "i1", (0,)),
                                 Arg(uniform((6, 4), -1, 1), "f32", (0,)),
                                 Arg(uniform((), -1, 1), "f32")], np.where, out_ty="f32"))
    # prelu: the slope broadcasts to the input's shape.
    for ty in FLOATS:
        x = uniform((2, 3, 4, 5), -3, 3)
        for slope, dyn in [(uniform((3, 1, 1), 0, 1), (0, 2)), (uniform((1,), 0, 1), (0,)),
                           (uniform((5,), 0, 1), ())]:
            cases.append(Case("prelu", [Arg(x, ty, dyn), Arg(slope, ty)],
                              lambda v, s: np.where(v < 0, s * v, v),
                              out_shape=[None if i in dyn else d for i, d in enumerate(x.shape)]))
    return cases


#===------------------------------------------------------------------------===#
# Reductions
#===------------------------------------------------------------------------===#


def reduce_kernel_shape(arg, axes, keepdims):
    shape = arg.kernel_shape()
    rank = len(shape)
    axes = range(rank) if axes is None else [a % rank for a in axes]
    if keepdims:
        return [1 if i in axes else d for i, d in enumerate(shape)]
    return [d for i, d in enumerate(shape) if i not in axes]


def axes_attr(axes, keepdims):
    parts = []
    if axes is not None:
        parts.append("axes = array<i64%s>" % ("" if not axes else ": " + ", ".join(map(str, axes))))
    if not keepdims:
        parts.append("keepdims = false")
    return "{%s}" % ", ".join(parts) if parts else ""


REDUCE_CONFIGS = [
    ((4, 5, 6), (), (1,), True), ((4, 5, 6), (0, 2), (0, 2), False), ((4, 5, 6), (1,), None, True),
    ((4, 5, 6), (), None, False), ((7, 3), (0,), (-1,), False), ((9,), (0,), (0,), True),
    ((3, 4), (), (), True), ((2, 3, 4, 5), (0, 3), (1, 3), False),
]


def reduce_ref(fn, ty):
    def ref(x, axes, keepdims):
        ax = None if axes is None else tuple(axes)
        if ax == ():
            return x
        if ty in FLOATS:
            return fn(x, axis=ax, keepdims=keepdims)
        if fn is np.mean:  # sum / count, truncated toward zero
            s = np.sum(x.astype(np.float64), axis=ax, keepdims=keepdims)
            count = x.size // max(np.asarray(s).size, 1)
            return np.trunc(s / count).astype(NP_TYPES[ty])
        if fn in (np.max, np.min):
            return fn(x, axis=ax, keepdims=keepdims)
        return fn(x, axis=ax, keepdims=keepdims, dtype=NP_TYPES[ty])
    return ref


def reduction_cases():
    cases = []
    ops = {"reduce_sum": np.sum, "reduce_mean": np.mean, "reduce_max": np.max,
           "reduce_min": np.min, "reduce_prod": np.prod}
    for op, fn in ops.items():
        for ty in FLOATS + INTS:
            configs = REDUCE_CONFIGS if ty == "f32" else REDUCE_CONFIGS[:2] + REDUCE_CONFIGS[7:]
            for shape, dyn, axes, keepdims in configs:
                if ty in FLOATS:
                    x = uniform(shape, 0.5, 1.5) if op == "reduce_prod" else uniform(shape, -5, 5)
                else:
                    lo = 0 if ty.startswith("ui") else -5
                    x = ints(shape, ty, lo if op != "reduce_prod" else (0 if lo == 0 else -2),
                             5 if op != "reduce_prod" else 2)
                a = Arg(x, ty, dyn)
                cases.append(Case(op, [a], lambda v, axes=axes, k=keepdims, r=reduce_ref(fn, ty): r(v, axes, k),
                                  attrs=axes_attr(axes, keepdims),
                                  out_shape=reduce_kernel_shape(a, axes, keepdims),
                                  tol=(1e-4, 1e-5) if ty == "f32" and op == "reduce_prod" else None))
        # NaN propagates through max/min (and sums).
        x = with_specials(uniform((3, 5), -1, 1))
        cases.append(Case(op, [Arg(x, "f32")], lambda v, fn=fn: fn(v, axis=1, keepdims=False),
                          attrs="{axes = array<i64: 1>, keepdims = false}", out_shape=[3]))
    for op, fn in [("argmax", np.argmax), ("argmin", np.argmin)]:
        for ty in FLOATS + INTS:
            for shape, dyn, axis, keepdims, last in [((4, 7), (0,), 1, False, False), ((4, 7), (), 0, True, True),
                                                    ((3, 4, 5), (0, 1), -2, False, True), ((6,), (0,), 0, True, False)]:
                if ty in FLOATS:
                    x = RNG.integers(-3, 4, size=shape) * 0.5  # ties
                else:
                    x = ints(shape, ty, 0 if ty.startswith("ui") else -3, 3)
                a = Arg(x, ty, dyn)

                def ref(v, fn=fn, axis=axis, keepdims=keepdims, last=last):
                    if last:
                        n = v.shape[axis]
                        r = n - 1 - fn(np.flip(v, axis=axis), axis=axis)
                    else:
                        r = fn(v, axis=axis)
                    return np.expand_dims(r, axis) if keepdims else r
                attrs = "{axis = %d : i64%s%s}" % (axis, "" if keepdims else ", keepdims = false",
                                                   ", select_last_index = true" if last else "")
                cases.append(Case(op, [a], ref, out_ty="i64", attrs=attrs,
                                  out_shape=reduce_kernel_shape(a, [axis], keepdims)))
        # extremes at the initial value, NaN first
        x = np.array([[-np.inf, -np.inf, 1.0], [np.inf, np.inf, -1.0], [0.0, np.nan, np.nan]])
        cases.append(Case(op, [Arg(x, "f32")], lambda v, fn=fn: fn(v, axis=1), out_ty="i64",
                          attrs="{axis = 1 : i64, keepdims = false}", out_shape=[3]))
    return cases


#===------------------------------------------------------------------------===#
# Normalizations
#===------------------------------------------------------------------------===#


def softmax_ref(log):
    def ref(x, axis):
        m = np.max(x, axis=axis, keepdims=True)
        e = np.exp(x - m)
        s = np.sum(e, axis=axis, keepdims=True)
        return (x - m - np.log(s)) if log else e / s
    return ref


def layer_norm_ref(x, axis, scale, bias, eps):
    axes = tuple(range(axis % x.ndim, x.ndim))
    mean = x.mean(axis=axes, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=axes, keepdims=True)
    y = (x - mean) / np.sqrt(var + eps)
    if scale is not None:
        y = y * scale
    if bias is not None:
        y = y + bias
    return y


def normalization_cases():
    cases = []
    for op in ["softmax", "log_softmax"]:
        ref = softmax_ref(op == "log_softmax")
        for ty in FLOATS:
            configs = [((3, 4, 5), (), -1), ((3, 4, 5), (0, 2), 1), ((3, 4, 5), (1,), 0), ((7,), (0,), 0)]
            for shape, dyn, axis in (configs if ty == "f32" else configs[:2]):
                cases.append(Case(op, [Arg(uniform(shape, -4, 4), ty, dyn)],
                                  lambda v, axis=axis, ref=ref: ref(v, axis),
                                  attrs="{axis = %d : i64}" % axis, fmt="unary"))
        # Large logits: the maximum is subtracted first.
        big = uniform((2, 6), -5, 5) + np.array([[1000.0], [-1000.0]])
        cases.append(Case(op, [Arg(big, "f32")], lambda v, ref=ref: ref(v, -1), fmt="unary"))
    for ty in FLOATS:
        for shape, dyn, axis, params in [((2, 4, 6), (0,), -1, "both"), ((2, 4, 6), (0, 1), 1, "both"),
                                         ((3, 5), (), -1, "none"), ((3, 5), (1,), -1, "scale"),
                                         ((2, 4, 6), (), 1, "bcast")]:
            x = uniform(shape, -3, 3) + 2
            norm_shape = shape[axis % len(shape):]
            args = [Arg(x, ty, dyn)]
            scale = bias = None
            if params in ("both", "scale"):
                scale = uniform(norm_shape, 0.5, 1.5)
                args.append(Arg(scale, ty))
            if params == "both":
                bias = uniform(norm_shape, -1, 1)
                args.append(Arg(bias, ty))
            if params == "bcast":
                scale, bias = uniform((1, 6), 0.5, 1.5), uniform((6,), -1, 1)
                args += [Arg(scale, ty), Arg(bias, ty)]
            has_scale, has_bias = scale is not None, bias is not None

            def ref(v, *p, axis=axis, has_scale=has_scale, has_bias=has_bias):
                p = list(p)
                s = p.pop(0) if has_scale else None
                b = p.pop(0) if has_bias else None
                return layer_norm_ref(v, axis, s, b, 1e-5)
            cases.append(Case("layer_norm", args, ref, attrs="{axis = %d : i64}" % axis, fmt="norm",
                              tol=(1e-4, 1e-5) if ty == "f32" else None))
        for shape, dyn in [((2, 3, 5, 4), ()), ((2, 3, 7), (0, 2)), ((1, 4, 3, 2, 2), (3,))]:
            x = uniform(shape, -2, 4)
            c = shape[1]
            scale, bias = uniform((c,), 0.5, 1.5), uniform((c,), -1, 1)
            cases.append(Case(
                "instance_norm", [Arg(x, ty, dyn), Arg(scale, ty), Arg(bias, ty)],
                lambda v, s, b: layer_norm_ref(v, 2, None, None, 1e-3) * s.reshape((-1,) + (1,) * (v.ndim - 2))
                + b.reshape((-1,) + (1,) * (v.ndim - 2)),
                attrs="{epsilon = 1.0e-03 : f64}", fmt="norm", tol=(1e-4, 1e-5) if ty == "f32" else None))
        for shape, dyn in [((2, 3, 5, 4), ()), ((5, 3), (0,)), ((2, 4, 7), (0, 1, 2))]:
            x = uniform(shape, -2, 4)
            c = shape[1]
            params = [uniform((c,), 0.5, 1.5), uniform((c,), -1, 1), uniform((c,), -1, 1),
                      uniform((c,), 0.1, 2)]
            dparams = (0,) if dyn else ()

            def bn(v, s, b, m, var):
                sh = (-1,) + (1,) * (v.ndim - 2)
                return (v - m.reshape(sh)) / np.sqrt(var.reshape(sh) + 1e-5) * s.reshape(sh) + b.reshape(sh)
            cases.append(Case("batch_norm", [Arg(x, ty, dyn)] + [Arg(p, ty, dparams) for p in params], bn,
                              fmt="norm"))
    return cases


#===------------------------------------------------------------------------===#
# Driver
#===------------------------------------------------------------------------===#


def all_cases():
    cases = unary_cases() + predicate_cases() + cast_cases() + binary_cases() + \
        reduction_cases() + normalization_cases()
    groups = {}
    for case in cases:
        key = case.op if case.op != "cast" else "cast_" + case.args[0].ty
        groups.setdefault(key, []).append(case)
    return groups


def check_group(key, cases, tools, verbose):
    rc, out, err = run_module(build_module(cases), tools)
    outputs = parse_outputs(out) if rc == 0 else []
    failures = []
    if rc != 0 or len(outputs) != len(cases):
        failures.append("%s: module failed (rc %d):\n%s" % (key, rc, err.strip()[-3000:]))
        return 0, len(cases), failures
    passed = 0
    for case, values in zip(cases, outputs):
        ok, got = compare(case, values)
        if ok:
            passed += 1
            continue
        msg = "FAIL %s\n  expected %s\n  got      %s" % (
            case.name(), np.array2string(case.expected.reshape(-1)[:12], precision=8),
            np.array2string(got.reshape(-1)[:12], precision=8))
        failures.append(msg)
    if verbose:
        print("%-16s %d/%d" % (key, passed, len(cases)), flush=True)
    return passed, len(cases), failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bin", default=os.environ.get("TLC_BIN"),
                        help="directory holding tl-opt (default: $TLC_BIN, else BUILD_DIR/bin)")
    parser.add_argument("--build-dir", default=os.path.join(ROOT, "build"),
                        help="build directory (default: build/)")
    parser.add_argument("--tl-opt", help="tl-opt to use (default: BIN/tl-opt)")
    parser.add_argument("--llvm-bin", default="/usr/lib/llvm-22/bin")
    parser.add_argument("-k", dest="filter", default="", help="only ops whose name contains this")
    parser.add_argument("-j", dest="jobs", type=int, default=2)
    parser.add_argument("-v", dest="verbose", action="store_true")
    parser.add_argument("--math", choices=sorted(MATH_LOWERINGS), default="libm",
                        help="how math functions without an LLVM intrinsic are lowered")
    parser.add_argument("--pipeline", metavar="PASSES",
                        help="lower with this pass pipeline after convert-tl-to-linalg instead "
                             "(e.g. 'tl-cpu-pipeline{parallel=false}')")
    parser.add_argument("--print-module", metavar="OP", help="print the module of one op group and exit")
    args = parser.parse_args()

    lib = os.path.join(os.path.dirname(args.llvm_bin.rstrip("/")), "lib")
    libs = ",".join(os.path.join(lib, n) for n in ["libmlir_runner_utils.so", "libmlir_c_runner_utils.so"])
    bin_dir = args.bin or os.path.join(args.build_dir, "bin")
    tl_opt = args.tl_opt or os.path.join(bin_dir, "tl-opt")
    tools = (tl_opt, os.path.join(args.llvm_bin, "mlir-runner"), libs,
             args.pipeline or lowering(args.math))
    groups = all_cases()
    if args.print_module:
        sys.stdout.write(build_module(groups[args.print_module]))
        return 0
    keys = [k for k in groups if args.filter in k]
    total = passed = 0
    failures = []
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        for p, n, f in pool.map(lambda k: check_group(k, groups[k], tools, args.verbose), keys):
            passed += p
            total += n
            failures += f
    for f in failures:
        print(f)
    print("tl-to-linalg numerics: %d/%d cases pass (%d op groups)" % (passed, total, len(keys)))
    return 0 if passed == total else 1


if __name__ == "__main__":
    sys.exit(main())
