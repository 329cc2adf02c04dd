#!/usr/bin/env python3
"""Numerical check of the elementwise, activation, reduction and normalization
families of tl ops, compiled by tl-compile and run through the artifact ABI,
against numpy.

Every case is one tl op on function arguments (some with dynamic dims). Cases
are batched into modules with one public function that takes all their inputs
and returns all their results; each module is compiled by `tl-compile` (the
whole CPU pipeline, LLVM, the runtime and its thread pool) into a shared
library, which runs with 1 and with 2 threads (artifact_runner.py). Results
are compared with a float64 numpy reference computed from the same (exactly
representable) inputs. Dynamic-batch cases run at two sizes from one library.
A batch that fails to compile or run is rerun case by case to name the culprit.

Usage: tl_to_linalg_numerics.py [--bin DIR | --build-dir DIR] [-k SUBSTR] [-j N] [-v]
                                [--batch-size N] [-O N] [--keep DIR] [--print-module SUBSTR]
Exit status 0 when every case matches (known failures excepted).
"""

import argparse
import math
import os
import sys
import time

import numpy as np

import artifact_runner

# Special values (NaN, inf) and wrapping integer arithmetic are intended.
np.seterr(all="ignore")

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

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

# Cases that fail through the real pipeline for a known reason (a bug filed
# against the compiler, not the test): run alone, reported as XFAIL.
KNOWN_FAILURES = {}
# Cases not run at all: compiling them does not finish.
SKIPPED = {
    "reduce_prod(tensor<?x3x4x?x%s>) {axes = array<i64: 1, 3>, keepdims = false} -> %s" % (t, t):
        "LLVM 22's loop vectorizer (-O3, znver4) turns the outlined loop into "
        "~500k instructions; tl-compile -O3 does not finish in minutes"
    for t in ("ui8", "ui16")
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


def abi_value(x, ty):
    """An input array (already quantized to `ty`) as the ABI takes it."""
    if ty == "bf16":
        return artifact_runner.abi_input(bf16_bits(x), artifact_runner.BF16)
    return artifact_runner.abi_input(np.asarray(x).astype(NP_TYPES[ty]))


def from_abi(got, ty):
    """A result array from the ABI as the reference holds it (floats as
    float64), or None when its dtype is not `ty`'s."""
    if ty == "bf16":
        return bf16_value(got) if got.dtype == np.uint16 else None
    if got.dtype != NP_TYPES[ty]:
        return None
    return got.astype(np.float64) if ty in FLOATS else got


def tensor_type(shape, ty, dyn=()):
    dims = ["?" if i in dyn else str(d) for i, d in enumerate(shape)]
    return "tensor<%s>" % "x".join(dims + [ty])


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
    (floats as float64) to the expected result. `more` are cases of the same
    op and types at other sizes of the dynamic dims, run by the same library
    (see `at_sizes`)."""

    def __init__(self, op, args, ref, out_ty=None, attrs="", fmt="binary",
                 out_shape=None, tol=None):
        self.op, self.args, self.attrs, self.fmt = op, args, attrs, fmt
        self.out_ty = out_ty or args[0].ty
        self.expected = np.asarray(ref(*[a.values for a in args]))
        self.out_kernel_shape = out_shape
        self.tol = tol
        self.more = []
        self.num_results = 1
        self._sets = None

    def signature(self):
        return "%s(%s)%s -> %s" % (self.op, ", ".join(a.kernel_type() for a in self.args),
                                   " " + self.attrs if self.attrs else "", self.out_ty)

    @property
    def name(self):
        if not self.more:
            return self.signature()
        return "%s at %s" % (self.signature(), " and ".join(
            "x".join(map(str, c.args[0].shape)) for c in [self] + self.more))

    def input_sets(self):
        if self._sets is None:
            self._sets = [[abi_value(a.values, a.ty) for a in c.args] for c in [self] + self.more]
        return self._sets

    def check(self, k, outputs):
        case = ([self] + self.more)[k]
        return compare(case, outputs[0])


def at_sizes(make, sizes):
    """The case make(n) for the first of `sizes`, also run at the others:
    make(n) must only change the dynamic dims."""
    cases = [make(n) for n in sizes]
    for other in cases[1:]:
        assert other.signature() == cases[0].signature(), other.signature()
    cases[0].more = cases[1:]
    return cases[0]


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
    """One public function: every case's inputs in, every case's result out."""
    params, body, results, types = [], [], [], []
    for k, case in enumerate(cases):
        names = ["%%a%d_%d" % (k, i) for i in range(len(case.args))]
        params += ["%s: %s" % (n, a.kernel_type()) for n, a in zip(names, case.args)]
        rtype = kernel_result_type(case)
        body.append("  %%r%d = %s" % (k, op_text(case, names, rtype)))
        results.append("%%r%d" % k)
        types.append(rtype)
    return "func.func @main(%s) -> (%s) {\n%s\n  return %s : %s\n}\n" % (
        ", ".join(params), ", ".join(types), "\n".join(body), ", ".join(results),
        ", ".join(types))


def compare(case, got):
    """None when the ABI's result `got` matches the reference, else why not."""
    expected = case.expected
    if got.shape != expected.shape:
        return "result shape %s, expected %s" % (got.shape, expected.shape)
    values = from_abi(got, case.out_ty)
    if values is None:
        return "result dtype %s, expected %s" % (got.dtype, case.out_ty)
    if case.out_ty in TOLERANCES:
        rtol, atol = case.tol or TOLERANCES[case.out_ty]
        expected = quantize(expected, case.out_ty) if case.out_ty in ("f16", "bf16") else expected
        # Infinities must match in sign (allclose compares them exactly).
        ok = np.allclose(values, expected.astype(np.float64), rtol=rtol, atol=atol, equal_nan=True)
    else:
        ok = np.array_equal(values, expected.astype(values.dtype))
    if ok:
        return None
    flat_got, flat_expected = values.reshape(-1), expected.reshape(-1)
    if case.out_ty in TOLERANCES:
        bad = ~np.isclose(flat_got, flat_expected.astype(np.float64), rtol=rtol, atol=atol,
                          equal_nan=True)
    else:
        bad = flat_got != flat_expected.astype(flat_got.dtype)
    first = int(np.argmax(bad))
    return "%d of %d elements differ, the first at %d: got %r, expected %r\n  expected %s\n  got      %s" % (
        np.count_nonzero(bad), bad.size, first, flat_got[first], flat_expected[first],
        np.array2string(flat_expected[:12], precision=8),
        np.array2string(flat_got[:12], precision=8))


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
# Dynamic batch: one library run at two sizes of a `?` dim
#===------------------------------------------------------------------------===#

# Small sizes (1 is the edge) and larger ones whose work exceeds the tiling's
# per-task minimum, so that static-size code would be split between threads.
SMALL, LARGE = (1, 6), (3, 70)


def dynamic_batch_cases():
    cases = []

    def add(make, sizes=SMALL):
        cases.append(at_sizes(make, sizes))

    # Elementwise math and activations.
    for op, ty in [("exp", "f32"), ("tanh", "f32"), ("erf", "f32"), ("sigmoid", "f16"),
                   ("softplus", "bf16"), ("sqrt", "f64"), ("mish", "f32")]:
        ref, lo, hi = UNARY_FLOAT[op]
        add(lambda n, op=op, ty=ty, ref=ref, lo=lo, hi=hi:
            Case(op, [Arg(uniform((n, 37), lo, hi), ty, (0,))], ref, fmt="unary"))
    add(lambda n: Case("exp", [Arg(uniform((n, 1000), -5, 5), "f32", (0,))], np.exp,
                       fmt="unary"), LARGE)
    add(lambda n: Case("gelu", [Arg(uniform((n, 3, 19), -4, 4), "f32", (0,))],
                       lambda v: 0.5 * v * (1 + np.tanh(math.sqrt(2 / math.pi) * (v + 0.044715 * v ** 3))),
                       attrs="{approximate = #tl<gelu_approximation tanh>}", fmt="unary"))
    add(lambda n: Case("leaky_relu", [Arg(with_specials(uniform((n, 11), -4, 4)), "f32", (0,))],
                       lambda v: np.where(v < 0, 0.1 * v, v), attrs="{alpha = 0.1 : f64}",
                       fmt="unary"))
    add(lambda n: Case("clip", [Arg(ints((n, 9), "i16", -20, 20), "i16", (0,))],
                       lambda a: np.clip(a, -3, 7).astype(a.dtype),
                       attrs="{min = -3.5 : f64, max = 7.9 : f64}", fmt="unary"))
    add(lambda n: Case("abs", [Arg(ints((n, 13), "i8"), "i8", (0,))],
                       lambda v: np.abs(v).astype(np.int8), fmt="unary"))
    # Predicates and casts.
    add(lambda n: Case("is_nan", [Arg(with_specials(uniform((n, 9), -3, 3)), "f32", (0,))],
                       np.isnan, out_ty="i1", fmt="predicate"))
    for src, dst in [("f32", "i32"), ("i64", "f16"), ("f16", "f32"), ("i1", "f32"), ("ui8", "i64")]:
        ref = cast_reference(dst)
        if dst in ("f16", "bf16") and src not in FLOATS:
            ref = lambda v, dst=dst: quantize(v.astype(np.float64), dst)
        add(lambda n, src=src, dst=dst, ref=ref:
            Case("cast", [Arg(np.concatenate([cast_source(src, dst)] * 2)[:n], src, (0,))],
                 ref, out_ty=dst, fmt="cast"))
    # Binary ops, comparisons, select (the dynamic dims meet 1 or themselves).
    add(lambda n: Case("add", [Arg(uniform((n, 1, 5), -9, 9), "f32", (0,)),
                               Arg(uniform((4, 1), -9, 9), "f32")], np.add))
    add(lambda n: Case("add", [Arg(uniform((n, 1000), -9, 9), "f32", (0,)),
                               Arg(uniform((1000,), -9, 9), "f32")], np.add), LARGE)
    add(lambda n: Case("mul", [Arg(ints((n, 9), "i32", -1000, 1000), "i32", (0,)),
                               Arg(ints((9,), "i32", -1000, 1000), "i32")],
                       arith_ref(np.multiply, "i32")))
    add(lambda n: Case("div", [Arg(uniform((n, 7), -9, 9), "f16", (0,)),
                               Arg(uniform((n, 7), 1, 9), "f16", (0,))], np.divide))
    add(lambda n: Case("sub", [Arg(ints((n, 1), "ui8"), "ui8", (0,)),
                               Arg(ints((1, 6), "ui8"), "ui8")], arith_ref(np.subtract, "ui8")))
    add(lambda n: Case("pow", [Arg(uniform((n, 6), 0.1, 3), "f32", (0,)),
                               Arg(uniform((6,), -2, 2), "f32")], np.power))
    add(lambda n: Case("mod", [Arg(ints((n, 6), "i16", -50, 50), "i16", (0,)),
                               Arg(np.array([3, -7, 5, 9, -2, 4]), "i16")],
                       lambda a, b: np.mod(a, b).astype(a.dtype)))
    add(lambda n: Case("max", [Arg(with_specials(uniform((n, 8), -2, 2)), "f64", (0,)),
                               Arg(uniform((n, 8), -2, 2), "f64", (0,))], np.maximum))
    add(lambda n: Case("less", [Arg(RNG.integers(-2, 3, size=(n, 7)) * 0.5, "f32", (0,)),
                                Arg(RNG.integers(-2, 3, size=(7,)) * 0.5, "f32")],
                       np.less, out_ty="i1"))
    add(lambda n: Case("equal", [Arg(ints((n, 5), "i64", -2, 2), "i64", (0,)),
                                 Arg(ints((n, 1), "i64", -2, 2), "i64", (0,))],
                       np.equal, out_ty="i1"))
    add(lambda n: Case("and", [Arg(RNG.integers(0, 2, size=(n, 4)).astype(bool), "i1", (0,)),
                               Arg(RNG.integers(0, 2, size=(n, 4)).astype(bool), "i1", (0,))],
                       np.logical_and))
    add(lambda n: Case("select", [Arg(RNG.integers(0, 2, size=(n, 1, 5)).astype(bool), "i1", (0,)),
                                  Arg(uniform((4, 1), -5, 5), "f32"),
                                  Arg(uniform((5,), -5, 5), "f32")], np.where, out_ty="f32"))
    add(lambda n: Case("prelu", [Arg(uniform((n, 3, 4, 5), -3, 3), "f32", (0,)),
                                 Arg(uniform((3, 1, 1), 0, 1), "f32")],
                       lambda v, s: np.where(v < 0, s * v, v), out_shape=[None, 3, 4, 5]))
    # Reductions, along the dynamic dim too.
    for op, fn, ty, shape, axes, keepdims in [
            ("reduce_sum", np.sum, "f32", (5, 6), (1,), True),
            ("reduce_mean", np.mean, "f32", (7,), (0,), False),
            ("reduce_max", np.max, "i32", (4, 3), None, False),
            ("reduce_min", np.min, "f16", (9,), (-1,), True),
            ("reduce_prod", np.prod, "f64", (3,), (0,), True),
            ("reduce_sum", np.sum, "ui16", (4,), (1,), False)]:
        def make(n, op=op, fn=fn, ty=ty, shape=shape, axes=axes, keepdims=keepdims):
            full = (n,) + shape
            if ty in FLOATS:
                x = uniform(full, 0.8, 1.2) if op == "reduce_prod" else uniform(full, -5, 5)
            else:
                x = ints(full, ty, 0 if ty.startswith("ui") else -5, 5)
            a = Arg(x, ty, (0,))
            return Case(op, [a], lambda v: reduce_ref(fn, ty)(v, axes, keepdims),
                        attrs=axes_attr(axes, keepdims),
                        out_shape=reduce_kernel_shape(a, axes, keepdims))
        add(make)
    add(lambda n: Case("reduce_sum", [Arg(uniform((n, 1000), -5, 5), "f32", (0,))],
                       lambda v: np.sum(v, axis=1), attrs=axes_attr((1,), False),
                       out_shape=[None], tol=(1e-4, 1e-5)), LARGE)
    add(lambda n: Case("reduce_max", [Arg(uniform((n, 1000), -5, 5), "f32", (0,))],
                       lambda v: np.max(v, axis=0, keepdims=True), attrs=axes_attr((0,), True),
                       out_shape=[1, 1000]), LARGE)
    for op, fn, axis, keepdims in [("argmax", np.argmax, 1, False), ("argmin", np.argmin, 0, True)]:
        def make(n, op=op, fn=fn, axis=axis, keepdims=keepdims):
            a = Arg(RNG.integers(-3, 4, size=(n, 7)) * 0.5, "f32", (0,))
            attrs = "{axis = %d : i64%s}" % (axis, "" if keepdims else ", keepdims = false")
            return Case(op, [a], lambda v: (np.expand_dims(fn(v, axis=axis), axis) if keepdims
                                            else fn(v, axis=axis)),
                        out_ty="i64", attrs=attrs, out_shape=reduce_kernel_shape(a, [axis], keepdims))
        add(make)
    # Normalizations.
    for op, axis in [("softmax", -1), ("log_softmax", 0)]:
        ref = softmax_ref(op == "log_softmax")
        add(lambda n, op=op, axis=axis, ref=ref:
            Case(op, [Arg(uniform((n, 10), -4, 4), "f32", (0,))], lambda v: ref(v, axis),
                 attrs="{axis = %d : i64}" % axis, fmt="unary"))
    add(lambda n: Case("softmax", [Arg(uniform((n, 1000), -4, 4), "f32", (0,))],
                       lambda v: softmax_ref(False)(v, -1), attrs="{axis = -1 : i64}",
                       fmt="unary"), LARGE)
    add(lambda n: Case("layer_norm", [Arg(uniform((n, 4, 6), -3, 3) + 2, "f32", (0,)),
                                      Arg(uniform((6,), 0.5, 1.5), "f32"),
                                      Arg(uniform((6,), -1, 1), "f32")],
                       lambda v, s, b: layer_norm_ref(v, -1, s, b, 1e-5),
                       attrs="{axis = -1 : i64}", fmt="norm", tol=(1e-4, 1e-5)))

    def bn(v, s, b, m, var):
        sh = (-1,) + (1,) * (v.ndim - 2)
        return (v - m.reshape(sh)) / np.sqrt(var.reshape(sh) + 1e-5) * s.reshape(sh) + b.reshape(sh)
    params = [uniform((3,), 0.5, 1.5), uniform((3,), -1, 1), uniform((3,), -1, 1),
              uniform((3,), 0.1, 2)]
    add(lambda n: Case("batch_norm", [Arg(uniform((n, 3, 5, 4), -2, 4), "f32", (0,))] +
                       [Arg(p, "f32") for p in params], bn, fmt="norm"))
    scale, bias = uniform((3,), 0.5, 1.5), uniform((3,), -1, 1)
    add(lambda n: Case("instance_norm", [Arg(uniform((n, 3, 7), -2, 4), "f16", (0,)),
                                         Arg(scale, "f16"), Arg(bias, "f16")],
                       lambda v, s, b: layer_norm_ref(v, 2, None, None, 1e-3) * s.reshape(-1, 1)
                       + b.reshape(-1, 1), attrs="{epsilon = 1.0e-03 : f64}", fmt="norm"))
    return cases


def parallel_cases():
    """Static shapes with enough work that the tiling splits them into tasks
    for the thread pool (the small ones above run as one task)."""
    x = uniform((300, 257), -5, 5)
    return [
        Case("exp", [Arg(x, "f32")], np.exp, fmt="unary"),
        Case("add", [Arg(uniform((300, 257), -9, 9), "f32"), Arg(uniform((257,), -9, 9), "f32")],
             np.add),
        Case("reduce_sum", [Arg(x, "f32")], lambda v: np.sum(v, axis=1),
             attrs=axes_attr((1,), False), out_shape=[300], tol=(1e-4, 1e-5)),
        Case("reduce_max", [Arg(x, "f32")], lambda v: np.max(v, axis=0),
             attrs=axes_attr((0,), False), out_shape=[257]),
        Case("softmax", [Arg(uniform((130, 513), -4, 4), "f32")],
             lambda v: softmax_ref(False)(v, -1), attrs="{axis = -1 : i64}", fmt="unary"),
    ]


#===------------------------------------------------------------------------===#
# Driver
#===------------------------------------------------------------------------===#


def all_cases():
    return unary_cases() + predicate_cases() + cast_cases() + binary_cases() + \
        reduction_cases() + normalization_cases() + dynamic_batch_cases() + parallel_cases()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bin", default=os.environ.get("TLC_BIN"),
                        help="directory holding tl-compile (default: $TLC_BIN, else BUILD_DIR/bin)")
    parser.add_argument("--build-dir", default=os.path.join(ROOT, "build"),
                        help="build directory (default: build/)")
    parser.add_argument("-k", dest="filter", default="", help="only cases whose name contains this")
    parser.add_argument("-j", dest="jobs", type=int, default=os.cpu_count() or 2,
                        help="batches compiled at once (default: one per CPU)")
    parser.add_argument("-v", dest="verbose", action="store_true")
    parser.add_argument("--batch-size", type=int, default=25, help="cases per library")
    parser.add_argument("-O", dest="opt_level", type=int, choices=range(4),
                        help="tl-compile's optimization level (default: its own, -O3)")
    parser.add_argument("--threads", default="1,2", help="thread counts to run with")
    parser.add_argument("--keep", metavar="DIR", help="keep each batch's module and library in DIR")
    parser.add_argument("--print-module", metavar="SUBSTR",
                        help="print the module of the cases whose name contains this and exit")
    args = parser.parse_args()
    started = time.time()

    cases = [c for c in all_cases() if args.filter in c.name]
    skipped = [c for c in cases if c.signature() in SKIPPED]
    cases = [c for c in cases if c.signature() not in SKIPPED]
    if args.print_module:
        sys.stdout.write(build_module([c for c in cases if args.print_module in c.name]))
        return 0
    bin_dir = args.bin or os.path.join(args.build_dir, "bin")
    options = artifact_runner.Options(
        os.path.join(bin_dir, "tl-compile"), threads=[int(t) for t in args.threads.split(",")],
        batch_size=args.batch_size, jobs=args.jobs, opt_level=args.opt_level, keep=args.keep,
        verbose=args.verbose)
    isolate = {i for i, c in enumerate(cases) if c.name in KNOWN_FAILURES}
    problems, stats = artifact_runner.run_cases(cases, build_module, options, isolate)
    for case in skipped:
        print("SKIP %s: %s" % (case.name, SKIPPED[case.signature()]))
    return artifact_runner.report(cases, problems, stats, options, "tl-to-linalg numerics",
                                  started, expected_failures=KNOWN_FAILURES)


if __name__ == "__main__":
    sys.exit(main())
