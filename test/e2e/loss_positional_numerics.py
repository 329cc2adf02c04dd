#!/usr/bin/env python3
"""Numerical check of tl.nll_loss (also after tl.log_softmax, the
SoftmaxCrossEntropyLoss import), tl.trilu and tl.cumsum, compiled and run end
to end with tl-run, beyond what the ONNX backend test data covers: f16 and
f64, i32 targets, dynamic dims, runtime k, integer and unsigned prefix sums,
long axes.

References, independent of tlc:
  - PyTorch's F.nll_loss and F.cross_entropy (weights, ignore_index, N-d
    inputs; mean divides by the summed weights of non-ignored targets);
  - numpy's triu/tril and cumsum (exclusive as the shifted inclusive sum,
    reverse on the flipped input; integers wrap as in numpy), on short axes
    (the masked-sum lowering) and long ones (the log-step scan).

All cases become the inputs and outputs of one `main` function, so that
tl-run compiles once. Floats compare with rtol 1e-4 / atol 1e-5 (f16 results
with rtol 2e-3 / atol 2e-3), integers and bools exactly.

  test/e2e/loss_positional_numerics.py [--bin build/bin] [-k FILTER] [-v]
"""

import argparse
import os
import sys

import numpy as np
import torch
import torch.nn.functional as F
from tl_run_batch import run_batch, split_results, tensor_type as batch_tensor_type

RNG = np.random.default_rng(11)
def tensor_type(array, dynamic=()):
    return batch_tensor_type(array.shape, array.dtype, dynamic)


class Case:
    """`body` is the function body for inputs named %{name}_0.. (a list of
    lines defining %{name}_r0..); `expected` are the reference results.
    Dims listed in `dynamic[i]` of input i are written '?'."""

    def __init__(self, name, inputs, body, expected, dynamic=None):
        self.name = name
        self.inputs = [np.asarray(a) for a in inputs]
        self.body = body
        self.expected = [np.asarray(e) for e in expected]
        self.dynamic = dynamic or {}

    def in_types(self):
        return [tensor_type(a, self.dynamic.get(i, ())) for i, a in enumerate(self.inputs)]


def nll_case(name, x, t, w=None, reduction="mean", ignore_index=None,
             dynamic=None, log_softmax=False):
    """tl.nll_loss (after tl.log_softmax over the class axis when
    `log_softmax`) against F.nll_loss / F.cross_entropy."""
    xt = torch.from_numpy(x.astype(np.float64 if x.dtype == np.float64 else np.float32))
    tt = torch.from_numpy(t.astype(np.int64))
    wt = None if w is None else torch.from_numpy(w.astype(xt.numpy().dtype))
    kwargs = dict(weight=wt, reduction=reduction)
    if ignore_index is not None:
        kwargs["ignore_index"] = ignore_index
    fn = F.cross_entropy if log_softmax else F.nll_loss
    ref = fn(xt, tt, **kwargs).numpy().astype(x.dtype)
    inputs = [x, t] + ([] if w is None else [w])
    types = [tensor_type(a, (dynamic or {}).get(i, ())) for i, a in enumerate(inputs)]
    attrs = [f"reduction = #tl<loss_reduction {reduction}>"]
    if ignore_index is not None:
        attrs.append(f"ignore_index = {ignore_index} : i64")
    out_type = tensor_type(ref, (dynamic or {}).get(1, ()) if reduction == "none" else ())

    def body(n):
        lines = []
        src = f"%{n}_0"
        if log_softmax:
            lines.append(f"%{n}_lp = tl.log_softmax %{n}_0 {{axis = 1 : i64}} : {types[0]}")
            src = f"%{n}_lp"
        operands = ", ".join([src] + [f"%{n}_{i}" for i in range(1, len(inputs))])
        lines.append(f"%{n}_r0 = tl.nll_loss {operands} {{{', '.join(attrs)}}} : "
                     f"({', '.join(types)}) -> {out_type}")
        return lines, [out_type]

    return Case(name, inputs, body, [ref], dynamic)


def nll_cases():
    out = []
    x = RNG.standard_normal((5, 4)).astype(np.float32)
    t = RNG.integers(0, 4, 5).astype(np.int64)
    w = RNG.uniform(0.2, 2.0, 4).astype(np.float32)
    for reduction in ("none", "sum", "mean"):
        out.append(nll_case(f"nll_2d_{reduction}", x, t, reduction=reduction))
        out.append(nll_case(f"nll_2d_weight_{reduction}", x, t, w, reduction))
    t_ii = t.copy()
    t_ii[[1, 3]] = 2
    out.append(nll_case("nll_2d_weight_ii_mean", x, t_ii, w, "mean", ignore_index=2))
    t_neg = t.copy()
    t_neg[0] = -100
    out.append(nll_case("nll_2d_negative_ii_mean", x, t_neg, None, "mean", ignore_index=-100))
    # N-d input, i32 targets, f64, dynamic batch.
    x = RNG.standard_normal((2, 3, 4, 5)).astype(np.float32)
    t = RNG.integers(0, 3, (2, 4, 5)).astype(np.int32)
    t[0, 1, :] = 1
    w = RNG.uniform(0.2, 2.0, 3).astype(np.float32)
    out.append(nll_case("nll_4d_i32_weight_ii_mean", x, t, w, "mean", ignore_index=1))
    out.append(nll_case("nll_4d_none_dynamic", x, t, None, "none",
                        dynamic={0: (0, 2), 1: (0, 1)}))
    x = RNG.standard_normal((6, 7, 3))
    t = RNG.integers(0, 7, (6, 3))
    out.append(nll_case("nll_3d_f64_sum", x, t, None, "sum"))
    out.append(nll_case("nll_3d_f64_weight_mean_dynamic", x, t,
                        RNG.uniform(0.5, 1.5, 7), "mean", dynamic={0: (0,), 1: (0,)}))
    x = RNG.standard_normal((8, 5)).astype(np.float16)
    t = RNG.integers(0, 5, 8)
    out.append(nll_case("nll_f16_weight_mean", x, t,
                        RNG.uniform(0.5, 1.5, 5).astype(np.float16), "mean"))
    # Softmax cross-entropy: log_softmax over the class axis, then nll_loss.
    x = RNG.standard_normal((3, 5, 2, 2)).astype(np.float32)
    t = RNG.integers(0, 5, (3, 2, 2))
    t[1, 0, 1] = 4
    out.append(nll_case("sce_4d_weight_ii_mean", x, t, RNG.uniform(0.5, 1.5, 5).astype(np.float32),
                        "mean", ignore_index=4, log_softmax=True))
    out.append(nll_case("sce_2d_sum", x[:, :, 0, 0].copy(), t[:, 0, 0].copy(), None, "sum",
                        log_softmax=True))
    return out


def trilu_case(name, x, k=None, upper=True, runtime_k=False, dynamic=None):
    kk = 0 if k is None else k
    ref = np.triu(x, kk) if upper else np.tril(x, kk)
    if x.dtype == np.bool_:
        ref = ref.astype(np.bool_)
    inputs = [x] + ([np.array(kk, dtype=np.int64)] if runtime_k else [])
    in_type = tensor_type(x, (dynamic or {}).get(0, ()))
    attr = "" if upper else " {upper = false}"

    def body(n):
        lines = []
        operands = f"%{n}_0"
        types = in_type
        if runtime_k:
            operands += f", %{n}_1"
            types += ", tensor<i64>"
        elif k is not None:
            lines.append(f"%{n}_k = tl.constant dense<{k}> : tensor<i64>")
            operands += f", %{n}_k"
            types += ", tensor<i64>"
        lines.append(f"%{n}_r0 = tl.trilu {operands}{attr} : ({types}) -> {in_type}")
        return lines, [in_type]

    return Case(name, inputs, body, [ref], dynamic)


def trilu_cases():
    x = RNG.standard_normal((2, 3, 4, 6)).astype(np.float32)
    out = [trilu_case("triu_4d", x), trilu_case("tril_4d", x, upper=False)]
    for k in (-2, 1, 5, -7):
        out.append(trilu_case(f"triu_k{k}", x, k))
        out.append(trilu_case(f"tril_runtime_k{k}", x, k, upper=False, runtime_k=True))
    out.append(trilu_case("triu_dynamic", RNG.standard_normal((7, 5)).astype(np.float32), 1,
                          runtime_k=True, dynamic={0: (0, 1)}))
    out.append(trilu_case("tril_bool", RNG.integers(0, 2, (4, 4)).astype(np.bool_), -1,
                          upper=False))
    out.append(trilu_case("triu_i64", RNG.integers(-9, 9, (3, 5, 2)), 0))
    out.append(trilu_case("triu_f16", RNG.standard_normal((5, 3)).astype(np.float16), -1))
    return out


def np_cumsum(x, axis, exclusive=False, reverse=False):
    y = np.flip(x, axis) if reverse else x
    acc = np.float32 if x.dtype == np.float16 else x.dtype
    s = np.cumsum(y, axis=axis, dtype=acc)
    if exclusive:
        s = s - y.astype(acc)
    s = np.flip(s, axis) if reverse else s
    return s.astype(x.dtype)


def cumsum_case(name, x, axis, exclusive=False, reverse=False, dynamic=None):
    in_type = tensor_type(x, (dynamic or {}).get(0, ()))
    attrs = [f"axis = {axis} : i64"]
    if exclusive:
        attrs.append("exclusive = true")
    if reverse:
        attrs.append("reverse = true")

    def body(n):
        return [f"%{n}_r0 = tl.cumsum %{n}_0 {{{', '.join(attrs)}}} : {in_type}"], [in_type]

    return Case(name, [x], body, [np_cumsum(x, axis, exclusive, reverse)], dynamic)


def cumsum_cases():
    out = []
    x = RNG.standard_normal((3, 4, 5)).astype(np.float32)
    for axis in (0, 1, -1):
        for exclusive in (False, True):
            for reverse in (False, True):
                out.append(cumsum_case(f"cumsum_axis{axis}_ex{int(exclusive)}_rev{int(reverse)}",
                                       x, axis, exclusive, reverse))
    # Axes longer than 32 scan in log2 passes.
    x = RNG.standard_normal((3, 300)).astype(np.float32)
    for exclusive in (False, True):
        for reverse in (False, True):
            out.append(cumsum_case(f"cumsum_long_ex{int(exclusive)}_rev{int(reverse)}",
                                   x, 1, exclusive, reverse))
    out.append(cumsum_case("cumsum_long_axis0_3d", RNG.standard_normal((33, 2, 3)).astype(np.float32),
                           0, True, False))
    out.append(cumsum_case("cumsum_long_i64", RNG.integers(-10**9, 10**9, (2, 1000)), -1,
                           False, True))
    out.append(cumsum_case("cumsum_long_ui8_wraps", RNG.integers(0, 256, (70,)).astype(np.uint8),
                           0, True, True))
    out.append(cumsum_case("cumsum_long_f16", RNG.uniform(0, 1, (2, 64)).astype(np.float16), 1))
    out.append(cumsum_case("cumsum_dynamic", RNG.standard_normal((6, 4)).astype(np.float32), 0,
                           reverse=True, dynamic={0: (0, 1)}))
    out.append(cumsum_case("cumsum_i32", RNG.integers(-50, 50, (4, 7)).astype(np.int32), 1,
                           exclusive=True))
    out.append(cumsum_case("cumsum_i64", RNG.integers(-10**12, 10**12, (9,)), 0, reverse=True))
    out.append(cumsum_case("cumsum_ui8_wraps", RNG.integers(0, 256, (3, 6)).astype(np.uint8), 1))
    out.append(cumsum_case("cumsum_ui32", RNG.integers(0, 2**31, (5, 2)).astype(np.uint32), 0))
    out.append(cumsum_case("cumsum_f64", RNG.standard_normal((4, 5)), -1, True, True))
    out.append(cumsum_case("cumsum_f16", RNG.standard_normal((3, 8)).astype(np.float16), 1))
    return out


def build_module(cases):
    args, results, lines, names = [], [], [], []
    for ci, c in enumerate(cases):
        n = f"c{ci}"
        args += [f"%{n}_{i}: {t}" for i, t in enumerate(c.in_types())]
        body, types = c.body(n)
        lines += ["  " + l for l in body]
        results += types
        names += [f"%{n}_r{j}" for j in range(len(types))]
    return (f"func.func @main({', '.join(args)}) -> ({', '.join(results)}) {{\n" +
            "\n".join(lines) + f"\n  return {', '.join(names)} : {', '.join(results)}\n}}\n")


def check(case, expected, got):
    if got.shape != expected.shape:
        return f"shape {got.shape} != {expected.shape}"
    if expected.dtype.kind == "f":
        tol = 2e-3 if expected.dtype == np.float16 else 1e-4
        atol = 2e-3 if expected.dtype == np.float16 else 1e-5
        if not np.allclose(got.astype(np.float64), expected.astype(np.float64), rtol=tol,
                           atol=atol, equal_nan=True):
            err = np.abs(got.astype(np.float64) - expected.astype(np.float64)).max()
            return f"max abs error {err:.3g}"
        return None
    if got.dtype != expected.dtype:
        return f"dtype {got.dtype} != {expected.dtype}"
    return None if np.array_equal(got, expected) else "values differ"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bin", default=os.environ.get("TLC_BIN", "build/bin"))
    parser.add_argument("-k", default="", help="run the cases whose name contains this")
    parser.add_argument("-v", action="store_true", help="print every case")
    args = parser.parse_args()
    cases = [c for c in nll_cases() + trilu_cases() + cumsum_cases() if args.k in c.name]
    outputs, error = run_batch(build_module(cases), [a for c in cases for a in c.inputs],
                               args.bin, "tlc-loss-positional-")
    if error:
        print(f"FAIL: {error}")
        return 1
    failures = 0
    for name, reason in split_results(cases, outputs, check).items():
        if reason:
            failures += 1
            print(f"FAIL {name}: {reason}")
        elif args.v:
            print(f"PASS {name}")
    print(f"{len(cases) - failures}/{len(cases)} loss/trilu/cumsum cases match PyTorch/numpy")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
