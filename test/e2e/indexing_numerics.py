#!/usr/bin/env python3
"""Numerical check of the tl indexing ops (gather_elements, scatter_elements,
gather_nd, scatter_nd, top_k, reverse_sequence, max_unpool, shift_left/right)
on shapes, element types and edge cases that the ONNX test data lacks:
3-D and 4-D operands, dynamic dims, i32 indices, negative indices, duplicate
scatter positions with every reduction, batch_dims = 2, ties in top_k, shifts
by the bit width or more.

References, independent of tlc:
  - numpy (take_along_axis, explicit loops in ONNX's order for scatters,
    stable argsort for top_k's tie order, masked shifts);
  - PyTorch's max_pool2d/1d(return_indices=True) + max_unpool2d/1d for
    max_unpool (per-plane indices there; ONNX adds plane * spatial size).

All cases become one `main` function compiled and run once by tl-run.
Floats compare with rtol 1e-5 / atol 1e-6 (NaN equal to NaN), integers
exactly.

  test/e2e/indexing_numerics.py [--bin build/bin] [-k FILTER] [-v]
"""

import argparse
import os
import sys

import numpy as np
import torch
import torch.nn.functional as F
from tl_run_batch import run_batch, split_results, tensor_type

RNG = np.random.default_rng(11)
def ttype(a, dynamic=()):
    return tensor_type(a.shape, a.dtype, dynamic)


class Case:
    """`op` is the tl op text with {0}, {1}, ... for the operands and {T}
    for the functional type; `expected` the reference results. Dims listed
    in `dynamic[i]` of input i (and `out_dynamic[j]` of result j) are '?'."""

    def __init__(self, name, op, inputs, expected, dynamic=None, out_dynamic=None):
        self.name, self.op = name, op
        self.inputs = inputs
        self.expected = expected
        self.dynamic = dynamic or [()] * len(inputs)
        self.out_dynamic = out_dynamic or [()] * len(expected)

    def in_types(self):
        return [ttype(a, d) for a, d in zip(self.inputs, self.dynamic)]

    def out_types(self):
        return [ttype(e, d) for e, d in zip(self.expected, self.out_dynamic)]


def ints(low, high, shape, dtype=np.int64):
    return RNG.integers(low, high, shape).astype(dtype)


def rand(*shape, dtype=np.float32):
    return RNG.standard_normal(shape).astype(dtype)


#===------------------------------------------------------------------------===#
# References
#===------------------------------------------------------------------------===#

def ref_gather_elements(data, indices, axis):
    # Out-of-range indices (undefined in ONNX) clamp to the nearest end in tl.
    wrapped = np.where(indices < 0, indices + data.shape[axis], indices)
    wrapped = np.clip(wrapped, 0, data.shape[axis] - 1)
    return np.take_along_axis(data, wrapped.astype(np.int64), axis)


REDUCE = {"none": lambda old, u: u, "add": lambda old, u: old + u,
          "mul": lambda old, u: old * u, "max": max, "min": min}


def ref_scatter_elements(data, indices, updates, axis, reduction):
    out = data.copy()
    for pos in np.ndindex(*indices.shape):
        target = list(pos)
        i = int(indices[pos])
        target[axis] = i + data.shape[axis] if i < 0 else i
        target = tuple(target)
        out[target] = REDUCE[reduction](out[target], updates[pos])
    return out


def ref_gather_nd(data, indices, batch_dims):
    k = indices.shape[-1]
    out_shape = indices.shape[:-1] + data.shape[batch_dims + k:]
    out = np.empty(out_shape, data.dtype)
    for pos in np.ndindex(*indices.shape[:-1]):
        tup = [int(v) + data.shape[batch_dims + j] if v < 0 else int(v)
               for j, v in enumerate(indices[pos])]
        out[pos] = data[tuple(pos[:batch_dims]) + tuple(tup)]
    return out


def ref_scatter_nd(data, indices, updates, reduction):
    out = data.copy()
    k = indices.shape[-1]
    for pos in np.ndindex(*indices.shape[:-1]):
        tup = tuple(int(v) + data.shape[j] if v < 0 else int(v)
                    for j, v in enumerate(indices[pos]))
        for rest in np.ndindex(*data.shape[k:]):
            out[tup + rest] = REDUCE[reduction](out[tup + rest], updates[pos + rest])
    return out


def ref_top_k(x, k, axis, largest):
    # A stable sort keeps equal elements in index order, as ONNX requires.
    # NaN ranks above every number (PyTorch's convention, which tl follows).
    key = np.where(np.isnan(x), np.inf, x.astype(np.float64))
    key = -key if largest else key
    order = np.argsort(key, axis=axis, kind="stable")
    idx = np.take(order, np.arange(k), axis=axis)
    return np.take_along_axis(x, idx, axis), idx.astype(np.int64)


def ref_reverse_sequence(x, lens, batch_axis, time_axis):
    out = x.copy()
    for b, n in enumerate(lens):
        for t in range(n):
            src = [slice(None)] * x.ndim
            dst = [slice(None)] * x.ndim
            src[batch_axis] = dst[batch_axis] = b
            src[time_axis], dst[time_axis] = n - 1 - t, t
            out[tuple(dst)] = x[tuple(src)]
    return out


def torch_unpool(x, kernel, stride, out_spatial):
    """Pooled values, ONNX whole-tensor indices and the unpooled tensor."""
    t = torch.from_numpy(x)
    dims = x.ndim - 2
    pool = F.max_pool1d if dims == 1 else F.max_pool2d
    unpool = F.max_unpool1d if dims == 1 else F.max_unpool2d
    values, plane_idx = pool(t, kernel, stride, return_indices=True)
    y = unpool(values, plane_idx, kernel, stride, output_size=list(out_spatial))
    spatial = int(np.prod(out_spatial))
    n, c = x.shape[:2]
    planes = np.arange(n * c).reshape(n, c, *([1] * dims)) * spatial
    onnx_idx = plane_idx.numpy() + planes
    return values.numpy(), onnx_idx.astype(np.int64), y.numpy()


def ref_shift(x, s, left):
    bits = x.dtype.itemsize * 8
    big = s >= bits
    safe = np.where(big, 0, s).astype(x.dtype)
    shifted = np.left_shift(x, safe) if left else np.right_shift(x, safe)
    return np.where(big, 0, shifted).astype(x.dtype)


#===------------------------------------------------------------------------===#
# Cases
#===------------------------------------------------------------------------===#

def cases():
    out = []

    d = rand(4, 3, 5)
    i = ints(-4, 4, (2, 3, 5), np.int32)
    out.append(Case("gather_elements_axis0_neg_i32",
                    "tl.gather_elements {0}, {1} {{axis = 0 : i64}} : {T}",
                    [d, i], [ref_gather_elements(d, i, 0)]))
    d = rand(3, 5)
    i = ints(-9, 9, (3, 7))
    out.append(Case("gather_elements_out_of_range_clamps",
                    "tl.gather_elements {0}, {1} {{axis = 1 : i64}} : {T}",
                    [d, i], [ref_gather_elements(d, i, 1)]))
    d = ints(-100, 100, (2, 6, 3))
    i = ints(-6, 6, (2, 4, 3))
    out.append(Case("gather_elements_dynamic",
                    "tl.gather_elements {0}, {1} {{axis = -2 : i64}} : {T}",
                    [d, i], [ref_gather_elements(d, i, 1)],
                    dynamic=[(0, 1), (0,)], out_dynamic=[(0,)]))

    for reduction in ("none", "add", "mul", "max", "min"):
        d = rand(3, 4, 2)
        i = ints(-4, 4, (3, 6, 2))  # duplicates along axis 1
        u = rand(3, 6, 2)
        out.append(Case(f"scatter_elements_{reduction}",
                        "tl.scatter_elements {0}, {1}, {2} {{axis = 1 : i64, "
                        f"reduction = #tl<scatter_reduction {reduction}>}}}} : {{T}}",
                        [d, i, u], [ref_scatter_elements(d, i, u, 1, reduction)]))
    d = ints(0, 50, (5, 3), np.int32)
    i = ints(0, 5, (7, 3), np.int32)
    u = ints(0, 50, (7, 3), np.int32)
    out.append(Case("scatter_elements_int_add_dynamic",
                    "tl.scatter_elements {0}, {1}, {2} {{reduction = "
                    "#tl<scatter_reduction add>}} : {T}",
                    [d, i, u], [ref_scatter_elements(d, i, u, 0, "add")],
                    dynamic=[(0,), (0,), (0,)], out_dynamic=[(0,)]))

    d = rand(2, 3, 4, 5)
    i = np.stack([ints(-4, 4, (2, 3, 2)), ints(0, 5, (2, 3, 2))], -1)
    out.append(Case("gather_nd_batch2",
                    "tl.gather_nd {0}, {1} {{batch_dims = 2 : i64}} : {T}",
                    [d, i], [ref_gather_nd(d, i, 2)]))
    d = ints(-9, 9, (4, 3, 2), np.int32)
    i = np.stack([ints(-4, 4, (5,)), ints(0, 3, (5,))], -1)
    out.append(Case("gather_nd_k2",
                    "tl.gather_nd {0}, {1} : {T}", [d, i], [ref_gather_nd(d, i, 0)]))

    for reduction in ("none", "add", "max"):
        d = rand(4, 3, 2)
        i = np.stack([ints(-4, 4, (2, 3)), ints(0, 3, (2, 3))], -1)  # duplicates
        u = rand(2, 3, 2)
        out.append(Case(f"scatter_nd_k2_{reduction}",
                        "tl.scatter_nd {0}, {1}, {2} {{reduction = "
                        f"#tl<scatter_reduction {reduction}>}}}} : {{T}}",
                        [d, i, u], [ref_scatter_nd(d, i, u, reduction)]))
    d = ints(0, 255, (6, 3), np.uint8)
    i = ints(0, 6, (4, 1))
    u = ints(0, 255, (4, 3), np.uint8)
    out.append(Case("scatter_nd_ui8_min",
                    "tl.scatter_nd {0}, {1}, {2} {{reduction = "
                    "#tl<scatter_reduction min>}} : {T}",
                    [d, i, u], [ref_scatter_nd(d, i, u, "min")]))

    x = ints(0, 4, (3, 7, 2), np.int32)  # many ties
    for largest in (True, False):
        v, idx = ref_top_k(x, 4, 1, largest)
        out.append(Case(f"top_k_ties_{'largest' if largest else 'smallest'}",
                        "tl.top_k {0} {{axis = 1 : i64, k = 4 : i64, "
                        f"largest = {'true' if largest else 'false'}}}}} : {{T}}",
                        [x], [v, idx]))
    x = rand(5, 3)
    v, idx = ref_top_k(x, 5, 0, True)
    out.append(Case("top_k_axis0_all_dynamic",
                    "tl.top_k {0} {{axis = 0 : i64, k = 5 : i64}} : {T}",
                    [x], [v, idx], dynamic=[(1,)], out_dynamic=[(1,), (1,)]))
    x = rand(4, 6)
    x[0, 1] = x[1, 4] = x[1, 5] = x[3, 0] = np.nan
    for largest in (True, False):
        v, idx = ref_top_k(x, 3, 1, largest)
        out.append(Case(f"top_k_nan_{'largest' if largest else 'smallest'}",
                        "tl.top_k {0} {{k = 3 : i64, "
                        f"largest = {'true' if largest else 'false'}}}}} : {{T}}",
                        [x], [v, idx]))
    x = rand(2, 9, dtype=np.float64)
    v, idx = ref_top_k(x, 1, 1, False)
    out.append(Case("top_k_f64_k1", "tl.top_k {0} {{k = 1 : i64, largest = false}} : {T}",
                    [x], [v, idx]))

    x = rand(5, 3, 2)
    lens = np.array([5, 1, 3], np.int32)
    out.append(Case("reverse_sequence_time0",
                    "tl.reverse_sequence {0}, {1} {{batch_axis = 1 : i64, "
                    "time_axis = 0 : i64}} : {T}",
                    [x, lens], [ref_reverse_sequence(x, lens, 1, 0)]))
    x = ints(0, 99, (4, 6))
    lens = np.array([0, 6, 2, 4], np.int64)
    out.append(Case("reverse_sequence_batch0_dynamic",
                    "tl.reverse_sequence {0}, {1} {{batch_axis = 0 : i64, "
                    "time_axis = 1 : i64}} : {T}",
                    [x, lens], [ref_reverse_sequence(x, lens, 0, 1)],
                    dynamic=[(0,), (0,)], out_dynamic=[(0,)]))

    v, idx, y = torch_unpool(rand(2, 3, 6, 4), 2, 2, (6, 4))
    out.append(Case("max_unpool_2d", "tl.max_unpool {0}, {1} {{output_shape = "
                    "array<i64: 6, 4>}} : {T}", [v, idx], [y]))
    v, idx, y = torch_unpool(rand(2, 2, 7, 5), 3, 2, (8, 6))
    out.append(Case("max_unpool_2d_larger_output_dynamic",
                    "tl.max_unpool {0}, {1} {{output_shape = array<i64: 8, 6>}} : {T}",
                    [v, idx], [y], dynamic=[(0,), (0,)], out_dynamic=[(0,)]))
    v, idx, y = torch_unpool(rand(1, 4, 9), 3, 3, (9,))
    out.append(Case("max_unpool_1d", "tl.max_unpool {0}, {1} {{output_shape = "
                    "array<i64: 9>}} : {T}", [v, idx], [y]))

    for dtype, bits in ((np.uint8, 8), (np.uint16, 16), (np.uint32, 32), (np.uint64, 64)):
        x = RNG.integers(0, np.iinfo(dtype).max, (2, 5), dtype=dtype, endpoint=True)
        s = RNG.integers(0, bits + 3, (5,), dtype=dtype)
        s[0], s[1] = bits, bits - 1
        for left in (True, False):
            name = "shift_left" if left else "shift_right"
            out.append(Case(f"{name}_{np.dtype(dtype).name}",
                            f"tl.{name} {{0}}, {{1}} : {{T}}", [x, s],
                            [ref_shift(x, s, left)]))
    return out


#===------------------------------------------------------------------------===#
# Driver
#===------------------------------------------------------------------------===#

def build_module(selected):
    args, results, lines, returned = [], [], [], []
    n = 0
    for ci, c in enumerate(selected):
        names = []
        for t in c.in_types():
            args.append(f"%a{n}: {t}")
            names.append(f"%a{n}")
            n += 1
        outs = c.out_types()
        results += outs
        ins = ", ".join(c.in_types())
        fn_type = f"({ins}) -> " + (outs[0] if len(outs) == 1 else f"({', '.join(outs)})")
        res = [f"%r{ci}_{j}" for j in range(len(outs))]
        lines.append(f"  {', '.join(res)} = " + c.op.format(*names, T=fn_type))
        returned += res
    head = f"func.func @main({', '.join(args)}) -> ({', '.join(results)}) {{"
    tail = f"  return {', '.join(returned)} : {', '.join(results)}\n}}"
    return "\n".join([head] + lines + [tail]) + "\n"


def check(case, expected, actual):
    if actual.shape != expected.shape:
        return f"shape {actual.shape}, expected {expected.shape}"
    if actual.dtype != expected.dtype:
        return f"dtype {actual.dtype}, expected {expected.dtype}"
    if np.issubdtype(expected.dtype, np.floating):
        ok = np.isclose(actual, expected, rtol=1e-5, atol=1e-6, equal_nan=True)
    else:
        ok = actual == expected
    if ok.all():
        return None
    bad = np.argwhere(~ok)
    at = tuple(int(v) for v in bad[0])
    return f"{len(bad)}/{ok.size} elements differ, e.g. at {at}: {actual[at]} vs {expected[at]}"


def run(selected, bindir, verbose):
    module = build_module(selected)
    if verbose:
        print(module)
    outputs, error = run_batch(module, [a for c in selected for a in c.inputs], bindir,
                               "tlc-indexing-")
    if error:
        return {c.name: error for c in selected}
    return split_results(selected, outputs, check)


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", default=os.environ.get("TLC_BIN", "build/bin"),
                        help="folder with tl-run (default $TLC_BIN, else build/bin)")
    parser.add_argument("-k", dest="filter", help="only cases whose name contains this")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    selected = [c for c in cases() if not args.filter or args.filter in c.name]
    results = run(selected, args.bin, args.verbose)
    failed = 0
    for c in selected:
        reason = results[c.name]
        print(f"{'PASS' if reason is None else 'FAIL'}  {c.name}" +
              (f": {reason}" if reason else ""))
        failed += reason is not None
    print(f"\n{len(selected) - failed}/{len(selected)} indexing cases pass")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
