#!/usr/bin/env python3
"""Numerical check of the linear-algebra, convolution, pooling, tensor and
resize families of tl ops, compiled by tl-compile and run through the
artifact ABI, against PyTorch and numpy.

Every case is one tl op on function arguments (some with dynamic dims). Cases
are batched into modules with one public function that takes all their inputs
and returns all their results; each module is compiled by `tl-compile` (the
whole CPU pipeline, LLVM, the runtime and its thread pool) into a shared
library, which runs with 1 and with 2 threads (artifact_runner.py). Results
are compared with PyTorch or numpy references (rtol 1e-4). Dynamic-batch
cases run at two sizes from one library. A batch that fails to compile or run
is rerun case by case to name the culprit.

Run with /usr/bin/python3 (numpy and torch):
    test/e2e/tl_to_linalg_nn_numerics.py [--build-dir build] [-k FILTER] [-v]
        [-j N] [--batch-size N] [-O N] [--keep DIR] [--dump FILE]
Prints one line per failing case and a closing summary; exit status 0 when
every case matches.
"""

import argparse
import os
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

import artifact_runner

RNG = np.random.default_rng(1234)
# The references are small; one thread keeps PyTorch from starting a pool in
# the process that forks the runs.
torch.set_num_threads(1)

# ----------------------------------------------------------------------------
# Cases
# ----------------------------------------------------------------------------

MLIR_TYPES = {
    np.dtype(np.float32): "f32",
    np.dtype(np.float64): "f64",
    np.dtype(np.int32): "i32",
    np.dtype(np.int64): "i64",
    np.dtype(np.uint8): "ui8",
}


def tensor_type(shape, dtype, dynamic=()):
    dims = ["?" if i in dynamic else str(d) for i, d in enumerate(shape)]
    return "tensor<" + "".join(d + "x" for d in dims) + MLIR_TYPES[np.dtype(dtype)] + ">"


class Case:
    """One tl op applied to `inputs`; `expected` are the reference results.

    `dyn_in[i]` / `dyn_out[i]` list the dims of input/result i written as
    dynamic (the result ones must be what the op infers). `text` overrides
    the op's syntax: a format string over {args} {types} {results}. `more`
    are cases of the same op and types at other sizes of the dynamic dims,
    run by the same library (see `at_sizes`).
    """

    def __init__(self, name, op, inputs, expected, attrs="", dyn_in=None,
                 dyn_out=None, text=None):
        self.label = name
        self.op = op
        self.inputs = [np.asarray(x) for x in inputs]
        self.expected = [np.asarray(e) for e in (expected if isinstance(expected, (list, tuple)) else [expected])]
        self.attrs = attrs
        self.dyn_in = dyn_in or {}
        self.dyn_out = dyn_out or {}
        self.text = text
        self.more = []
        self.num_results = len(self.expected)
        self._sets = None

    @property
    def name(self):
        if not self.more:
            return self.label
        return f"{self.label} at {' and '.join('x'.join(map(str, c.inputs[0].shape)) for c in [self] + self.more)}"

    def in_type(self, i):
        x = self.inputs[i]
        return tensor_type(x.shape, x.dtype, self.dyn_in.get(i, ()))

    def out_type(self, i):
        e = self.expected[i]
        return tensor_type(e.shape, e.dtype, self.dyn_out.get(i, ()))

    def signature(self):
        return ([self.in_type(i) for i in range(len(self.inputs))],
                [self.out_type(i) for i in range(len(self.expected))])

    def op_text(self, arg_names):
        """The op applied to `arg_names`, as the right-hand side of its results."""
        outs = [self.out_type(i) for i in range(len(self.expected))]
        in_types = ", ".join(self.in_type(i) for i in range(len(self.inputs)))
        if self.text:
            return self.text.format(args=", ".join(arg_names), types=in_types,
                                    results=", ".join(outs))
        attrs = f" {{{self.attrs}}}" if self.attrs else ""
        out_sig = outs[0] if len(outs) == 1 else "(" + ", ".join(outs) + ")"
        return f"tl.{self.op} {', '.join(arg_names)}{attrs} : ({in_types}) -> {out_sig}"

    def input_sets(self):
        if self._sets is None:
            self._sets = [[artifact_runner.abi_input(x) for x in c.inputs]
                          for c in [self] + self.more]
        return self._sets

    def check(self, k, outputs):
        return compare(([self] + self.more)[k], outputs)


def at_sizes(make, sizes=(1, 3)):
    """The case make(n) for the first of `sizes`, also run at the others:
    make(n) must only change the dynamic dims."""
    cases = [make(n) for n in sizes]
    for other in cases[1:]:
        assert other.signature() == cases[0].signature(), other.label
    cases[0].more = cases[1:]
    return cases[0]


def dense_literal(x):
    """A hex dense attribute: exact bits, any shape."""
    data = np.ascontiguousarray(x)
    if data.dtype == np.uint8:
        raw = data.tobytes()
    else:
        raw = data.astype(data.dtype.newbyteorder("<")).tobytes()
    return f'dense<"0x{raw.hex().upper()}">'


def build_module(cases):
    """One public function: every case's inputs in, every case's results out."""
    params, body, results, types = [], [], [], []
    for ci, case in enumerate(cases):
        names = [f"%a{ci}_{i}" for i in range(len(case.inputs))]
        params += [f"{n}: {case.in_type(i)}" for i, n in enumerate(names)]
        outs = [f"%r{ci}_{i}" for i in range(len(case.expected))]
        body.append(f"  {', '.join(outs)} = {case.op_text(names)}")
        results += outs
        types += [case.out_type(i) for i in range(len(case.expected))]
    return (f"func.func @main({', '.join(params)}) -> ({', '.join(types)}) {{\n"
            + "\n".join(body) + f"\n  return {', '.join(results)} : {', '.join(types)}\n}}\n")


def compare(case, outputs):
    if len(outputs) != len(case.expected):
        return f"expected {len(case.expected)} results, got {len(outputs)}"
    for i, (got, expected) in enumerate(zip(outputs, case.expected)):
        if got.shape != expected.shape:
            return f"result {i}: shape {got.shape}, expected {expected.shape}"
        if got.dtype != expected.dtype:
            return f"result {i}: dtype {got.dtype}, expected {expected.dtype}"
        values = got.astype(np.float64).ravel()
        exp = expected.astype(np.float64).ravel()
        if expected.dtype.kind in "iu":
            if not np.array_equal(values, exp):
                bad = int(np.argmax(values != exp))
                return f"result {i}: at {bad} got {values[bad]:g}, expected {exp[bad]:g}"
            continue
        scale = max(1.0, float(np.max(np.abs(exp)))) if exp.size else 1.0
        if not np.allclose(values, exp, rtol=1e-4, atol=1e-5 * scale, equal_nan=True):
            bad = np.argmax(np.abs(values - exp))
            return (f"result {i}: max error {np.max(np.abs(values - exp)):.3g} at "
                    f"{bad}: got {values[bad]}, expected {exp[bad]}")
    return None


# ----------------------------------------------------------------------------
# References
# ----------------------------------------------------------------------------

def rand(*shape, dtype=np.float32):
    if np.dtype(dtype).kind == "f":
        return RNG.standard_normal(shape).astype(dtype)
    if np.dtype(dtype) == np.uint8:
        return RNG.integers(0, 256, shape).astype(dtype)
    return RNG.integers(-20, 20, shape).astype(dtype)


def arr(*values):
    if not values:
        return "array<i64>"
    return "array<i64: " + ", ".join(str(v) for v in values) + ">"


def t(x):
    return torch.from_numpy(np.ascontiguousarray(x)).double()


def npf(y, dtype=np.float32):
    return y.numpy().astype(dtype)


CONV = {1: F.conv1d, 2: F.conv2d, 3: F.conv3d}
CONV_T = {1: F.conv_transpose1d, 2: F.conv_transpose2d, 3: F.conv_transpose3d}


def torch_pads(pads):
    """tl pads (begins then ends) as F.pad's (last dim first) list."""
    n = len(pads) // 2
    out = []
    for i in reversed(range(n)):
        out += [pads[i], pads[n + i]]
    return out


def conv_ref(x, w, b, strides, pads, dilations, group):
    n = x.ndim - 2
    xp = F.pad(t(x), torch_pads(pads))
    y = CONV[n](xp, t(w), None if b is None else t(b), stride=strides,
                dilation=dilations, groups=group)
    return npf(y)


def conv_transpose_ref(x, w, b, strides, pads, dilations, out_pad, group):
    n = x.ndim - 2
    y = CONV_T[n](t(x), t(w), None if b is None else t(b), stride=strides,
                  output_padding=out_pad, groups=group, dilation=dilations)
    index = [slice(None), slice(None)]
    for i in range(n):
        index.append(slice(pads[i], y.shape[2 + i] - pads[n + i]))
    return npf(y[tuple(index)])


def pool_out_size(d, k, s, pb, pe, dil, ceil):
    span = d + pb + pe - dil * (k - 1) - 1
    out = (-(-span // s) if ceil else span // s) + 1
    if ceil and (out - 1) * s >= d + pb:
        out -= 1
    return out


def pool_ref(x, kind, kernel, strides, pads, dilations, ceil, include_pad):
    """Direct loops over the windows, from the ONNX/PyTorch definitions."""
    n = len(kernel)
    outs = [pool_out_size(x.shape[2 + i], kernel[i], strides[i], pads[i],
                          pads[n + i], dilations[i], ceil) for i in range(n)]
    y = np.zeros(x.shape[:2] + tuple(outs), dtype=np.float64)
    for o in np.ndindex(*outs):
        # Per dim: the window's input positions and the positions counted by
        # avg with count_include_pad (PyTorch: window clipped to input + pads).
        positions, counted = [], 1
        for i in range(n):
            start = o[i] * strides[i] - pads[i]
            pos = [start + k * dilations[i] for k in range(kernel[i])]
            valid = [p for p in pos if 0 <= p < x.shape[2 + i]]
            positions.append(valid)
            if include_pad:
                end = min(start + kernel[i], x.shape[2 + i] + pads[n + i])
                counted *= end - start
            else:
                counted *= len(valid)
        idx = np.ix_(*positions)
        window = x[(slice(None), slice(None)) + idx].reshape(x.shape[:2] + (-1,))
        if kind == "max":
            y[(slice(None), slice(None)) + o] = window.max(axis=-1)
        else:
            y[(slice(None), slice(None)) + o] = window.astype(np.float64).sum(axis=-1) / counted
    return y.astype(x.dtype)


def torch_pool(x, kind, kernel, strides, pad, ceil, include_pad=True, dilation=1):
    n = len(kernel)
    if kind == "max":
        fn = {1: F.max_pool1d, 2: F.max_pool2d, 3: F.max_pool3d}[n]
        return npf(fn(t(x), kernel, strides, pad, dilation=dilation, ceil_mode=ceil), x.dtype)
    fn = {1: F.avg_pool1d, 2: F.avg_pool2d, 3: F.avg_pool3d}[n]
    return npf(fn(t(x), kernel, strides, pad, ceil_mode=ceil,
                  count_include_pad=include_pad), x.dtype)


def resize_coordinates(out_len, in_len, scale, transform):
    o = np.arange(out_len, dtype=np.float32)
    scale = np.float32(scale)
    half = np.float32(0.5)
    if transform == "asymmetric":
        return o / scale
    if transform == "half_pixel":
        return (o + half) / scale - half
    if transform == "pytorch_half_pixel":
        return (o + half) / scale - half if out_len > 1 else np.zeros(out_len, np.float32)
    if transform == "align_corners":
        # ONNX's length_resized is in_len * scale, not the rounded out_len.
        length = np.float32(in_len) * scale
        if length == 1:
            return np.zeros(out_len, np.float32)
        return o * np.float32(in_len - 1) / (length - np.float32(1))
    raise ValueError(transform)


def resize_ref(x, out_shape, scales, mode, transform, nearest):
    """ONNX Resize, separably over the dims (multilinear = per-dim linear)."""
    y = x.astype(np.float64)
    for d in range(x.ndim):
        in_len, out_len = x.shape[d], out_shape[d]
        if scales[d] == 1.0 and in_len == out_len:
            continue
        c = resize_coordinates(out_len, in_len, scales[d], transform)
        if mode == "nearest":
            if nearest == "round_prefer_floor":
                idx = np.ceil(c - np.float32(0.5))
            elif nearest == "round_prefer_ceil":
                idx = np.floor(c + np.float32(0.5))
            elif nearest == "floor":
                idx = np.floor(c)
            else:
                idx = np.ceil(c)
            idx = np.clip(idx.astype(np.int64), 0, in_len - 1)
            y = np.take(y, idx, axis=d)
        else:
            c = np.clip(c, 0, in_len - 1)
            lo = np.floor(c).astype(np.int64)
            hi = np.minimum(lo + 1, in_len - 1)
            frac = (c - lo).astype(np.float64)
            shape = [1] * x.ndim
            shape[d] = out_len
            frac = frac.reshape(shape)
            y = np.take(y, lo, axis=d) * (1 - frac) + np.take(y, hi, axis=d) * frac
    return y.astype(x.dtype)


def slice_ref(x, starts, ends, axes, steps):
    index = [slice(None)] * x.ndim
    for s, e, a, st in zip(starts, ends, axes, steps):
        index[a] = slice(s, e, st)
    return x[tuple(index)]


# ----------------------------------------------------------------------------
# Case lists
# ----------------------------------------------------------------------------

def matmul_cases():
    cases = []
    x, w, b = rand(5, 7), rand(7, 3), rand(3)
    cases.append(Case("dense_2d_bias", "dense", [x, w, b], x @ w + b))
    x, w = rand(7), rand(7, 4)
    cases.append(Case("dense_1d", "dense", [x, w], x @ w))
    x, w, b = rand(2, 3, 7), rand(7, 5), rand(5)
    cases.append(Case("dense_3d_dynamic_batch", "dense", [x, w, b], x @ w + b,
                      dyn_in={0: [0]}, dyn_out={0: [0]}))
    x, w, b = rand(2, 3, 4, 6), rand(6, 1), rand(1)
    cases.append(Case("dense_4d_one_output", "dense", [x, w, b], x @ w + b))
    for name, ls, rs in [("2x2", (5, 7), (7, 3)), ("1x1", (7,), (7,)),
                         ("1x2", (7,), (7, 3)), ("2x1", (5, 7), (7,)),
                         ("4dx2d_fold", (2, 3, 5, 7), (7, 4)),
                         ("3dx1d_fold", (2, 5, 7), (7,)),
                         ("3dx3d", (4, 5, 7), (4, 7, 3)),
                         ("bcast_batch", (2, 1, 3, 4), (5, 4, 6)),
                         ("bcast_rank", (3, 4), (2, 5, 4, 6)),
                         ("1dx3d", (4,), (2, 4, 3)),
                         ("odd", (1, 1, 9), (3, 9, 1))]:
        a, c = rand(*ls), rand(*rs)
        cases.append(Case(f"matmul_{name}", "matmul", [a, c], np.matmul(a, c)))
    a, c = rand(3, 5, 4), rand(3, 4, 6)
    cases.append(Case("matmul_dynamic_batch", "matmul", [a, c], np.matmul(a, c),
                      dyn_in={0: [0], 1: [0]}, dyn_out={0: [0]}))
    a, c = rand(5, 4), rand(4, 6)
    cases.append(Case("matmul_dynamic_m", "matmul", [a, c], np.matmul(a, c),
                      dyn_in={0: [0]}, dyn_out={0: [0]}))
    a, c = rand(2, 3, 5, 4), rand(4, 6)
    cases.append(Case("matmul_dynamic_fold", "matmul", [a, c], np.matmul(a, c),
                      dyn_in={0: [0, 2]}, dyn_out={0: [0, 2]}))
    for dtype in (np.int32, np.int64):
        a, c = rand(3, 4, 5, dtype=dtype), rand(5, 2, dtype=dtype)
        cases.append(Case(f"matmul_{np.dtype(dtype).name}", "matmul", [a, c],
                          np.matmul(a, c)))
    a, c = rand(2, 3, 4, dtype=np.int32), rand(2, 4, 5, dtype=np.int32)
    cases.append(Case("matmul_int32_batched", "matmul", [a, c], np.matmul(a, c)))
    # Unsigned products wrap modulo 2^8, as numpy's uint8 matmul.
    for name, ls, rs in [("2d", (3, 4), (4, 5)), ("batched", (2, 3, 4), (2, 4, 2)),
                         ("dot", (6,), (6,))]:
        a, c = rand(*ls, dtype=np.uint8), rand(*rs, dtype=np.uint8)
        cases.append(Case(f"matmul_uint8_{name}", "matmul", [a, c], np.matmul(a, c)))
    a, c = rand(4, 6, dtype=np.float64), rand(6, 3, dtype=np.float64)
    cases.append(Case("matmul_f64", "matmul", [a, c], np.matmul(a, c)))
    return cases


def conv_attrs(strides=None, pads=None, dilations=None, group=1, out_pad=None):
    attrs = []
    if strides:
        attrs.append(f"strides = {arr(*strides)}")
    if pads:
        attrs.append(f"pads = {arr(*pads)}")
    if dilations:
        attrs.append(f"dilations = {arr(*dilations)}")
    if out_pad:
        attrs.append(f"output_padding = {arr(*out_pad)}")
    if group != 1:
        attrs.append(f"group = {group} : i64")
    return ", ".join(attrs)


def conv_cases():
    cases = []
    specs = [
        # name, input shape, filters, kernel, strides, pads, dilations, group, bias
        ("1d_basic", (2, 3, 9), 4, (3,), None, None, None, 1, True),
        ("1d_all_attrs", (1, 4, 11), 6, (3,), (2,), (1, 2), (2,), 2, True),
        ("1d_depthwise", (1, 4, 8), 4, (3,), (1,), (1, 1), None, 4, False),
        ("2d_basic", (1, 3, 7, 7), 5, (3, 3), None, None, None, 1, True),
        ("2d_stride_pads_dil", (1, 3, 7, 7), 5, (3, 3), (2, 2), (1, 0, 2, 1), (2, 1), 1, True),
        ("2d_groups2", (2, 4, 7, 7), 6, (3, 3), (2, 2), (1, 1, 0, 2), (2, 2), 2, True),
        ("2d_depthwise", (1, 4, 7, 7), 4, (3, 3), (2, 2), (1, 1, 1, 1), None, 4, True),
        ("2d_depthwise_mult2", (1, 3, 6, 5), 6, (3, 2), (1, 2), (0, 1, 1, 0), None, 3, False),
        ("2d_1x1", (2, 8, 5, 3), 4, (1, 1), None, None, None, 1, False),
        ("2d_rect", (1, 2, 9, 6), 3, (4, 2), (3, 1), (0, 0, 3, 1), (1, 3), 1, True),
        ("3d_basic", (1, 2, 5, 6, 4), 3, (3, 3, 2), None, None, None, 1, True),
        ("3d_all_attrs", (1, 4, 7, 6, 5), 4, (3, 2, 2), (2, 1, 2), (1, 0, 1, 0, 1, 1), (1, 2, 1), 2, True),
        ("3d_depthwise", (1, 3, 5, 5, 5), 3, (2, 2, 2), (1, 2, 1), None, None, 3, False),
    ]
    for name, shape, filters, kernel, strides, pads, dil, group, bias in specs:
        n = len(kernel)
        x = rand(*shape)
        w = rand(filters, shape[1] // group, *kernel)
        b = rand(filters) if bias else None
        inputs = [x, w] + ([b] if bias else [])
        y = conv_ref(x, w, b, strides or [1] * n, pads or [0] * (2 * n),
                     dil or [1] * n, group)
        cases.append(Case(f"conv_{name}", "conv", inputs, y,
                          conv_attrs(strides, pads, dil, group)))
    # Dynamic batch and spatial dims.
    x, w, b = rand(2, 3, 8, 7), rand(4, 3, 3, 3), rand(4)
    y = conv_ref(x, w, b, [2, 1], [1, 1, 0, 1], [1, 2], 1)
    cases.append(Case("conv_2d_dynamic", "conv", [x, w, b], y,
                      conv_attrs((2, 1), (1, 1, 0, 1), (1, 2)),
                      dyn_in={0: [0, 2, 3]}, dyn_out={0: [0, 2, 3]}))
    x, w = rand(3, 4, 7, 7), rand(4, 2, 3, 3)
    y = conv_ref(x, w, None, [1, 1], [1, 1, 1, 1], [1, 1], 2)
    cases.append(Case("conv_2d_dynamic_batch_groups", "conv", [x, w], y,
                      conv_attrs(None, (1, 1, 1, 1), None, 2),
                      dyn_in={0: [0]}, dyn_out={0: [0]}))

    tspecs = [
        # name, input, filters per group, kernel, strides, pads, dil, out_pad, group, bias
        ("1d_basic", (1, 3, 5), 2, (3,), None, None, None, None, 1, True),
        ("1d_all_attrs", (2, 4, 5), 3, (3,), (2,), (1, 2), (2,), (1,), 2, True),
        ("2d_stride2", (1, 4, 4, 4), 3, (2, 2), (2, 2), None, None, None, 1, False),
        ("2d_all_attrs", (1, 4, 5, 4), 2, (3, 3), (2, 3), (1, 0, 2, 1), (2, 1), (1, 2), 2, True),
        ("2d_crop", (1, 2, 4, 4), 3, (2, 2), (2, 2), (2, 3, 2, 1), None, (1, 0), 1, True),
        ("2d_depthwise", (1, 3, 5, 5), 1, (3, 3), (2, 2), (1, 1, 1, 1), None, (1, 1), 3, False),
        ("3d", (1, 2, 3, 4, 3), 2, (2, 3, 2), (2, 1, 2), (0, 1, 1, 1, 0, 0), (1, 1, 2), (1, 0, 0), 1, True),
    ]
    for name, shape, fpg, kernel, strides, pads, dil, out_pad, group, bias in tspecs:
        n = len(kernel)
        x = rand(*shape)
        w = rand(shape[1], fpg, *kernel)
        b = rand(fpg * group) if bias else None
        inputs = [x, w] + ([b] if bias else [])
        y = conv_transpose_ref(x, w, b, strides or [1] * n, pads or [0] * (2 * n),
                               dil or [1] * n, out_pad or [0] * n, group)
        cases.append(Case(f"conv_transpose_{name}", "conv_transpose", inputs, y,
                          conv_attrs(strides, pads, dil, group, out_pad)))
    x, w, b = rand(2, 3, 4, 5), rand(3, 2, 3, 3), rand(2)
    y = conv_transpose_ref(x, w, b, [2, 2], [1, 1, 0, 0], [1, 1], [1, 0], 1)
    cases.append(Case("conv_transpose_2d_dynamic", "conv_transpose", [x, w, b], y,
                      conv_attrs((2, 2), (1, 1, 0, 0), None, 1, (1, 0)),
                      dyn_in={0: [0, 2, 3]}, dyn_out={0: [0, 2, 3]}))
    return cases


def pool_attrs(kernel, strides=None, pads=None, dilations=None, ceil=False,
               include_pad=None):
    attrs = [f"kernel_shape = {arr(*kernel)}"]
    if strides:
        attrs.append(f"strides = {arr(*strides)}")
    if pads:
        attrs.append(f"pads = {arr(*pads)}")
    if dilations:
        attrs.append(f"dilations = {arr(*dilations)}")
    if ceil:
        attrs.append("ceil_mode = true")
    if include_pad:
        attrs.append("count_include_pad = true")
    return ", ".join(attrs)


def pooling_cases():
    cases = []
    # Symmetric pads: PyTorch is the reference (it checks pool_ref too).
    torch_specs = [
        ("1d", (2, 3, 11), (3,), (2,), (1,), False),
        ("1d_ceil", (1, 2, 10), (3,), (2,), (1,), True),
        ("2d", (1, 3, 7, 7), (3, 3), (2, 2), (1, 1), False),
        ("2d_ceil", (1, 2, 7, 8), (3, 2), (2, 2), (1, 1), True),
        ("2d_ceil_nopad", (1, 2, 6, 6), (3, 3), (2, 2), (0, 0), True),
        ("3d", (1, 2, 5, 6, 7), (2, 3, 3), (2, 2, 1), (1, 1, 0), False),
        ("3d_ceil", (1, 2, 5, 6, 7), (2, 3, 2), (2, 2, 2), (0, 1, 1), True),
    ]
    for name, shape, k, s, p, ceil in torch_specs:
        x = rand(*shape)
        n = len(k)
        pads = list(p) * 2
        y = torch_pool(x, "max", k, s, p, ceil)
        assert np.allclose(y, pool_ref(x, "max", k, s, pads, [1] * n, ceil, False))
        cases.append(Case(f"max_pool_{name}", "max_pool", [x], y,
                          pool_attrs(k, s, pads, None, ceil)))
        for include in (False, True):
            y = torch_pool(x, "avg", k, s, p, ceil, include)
            assert np.allclose(y, pool_ref(x, "avg", k, s, pads, [1] * n, ceil, include), atol=1e-6)
            cases.append(Case(f"avg_pool_{name}_{'incl' if include else 'excl'}",
                              "avg_pool", [x], y, pool_attrs(k, s, pads, None, ceil, include)))
    # Dilated max pooling (PyTorch, symmetric pads).
    for name, shape, k, s, p, d, ceil in [
            ("1d_dil", (1, 2, 12), (3,), (2,), (1,), (2,), True),
            ("2d_dil", (1, 2, 9, 8), (3, 2), (2, 1), (1, 1), (2, 3), False),
            ("2d_dil_ceil", (1, 2, 9, 9), (3, 3), (2, 2), (1, 1), (2, 2), True),
            ("3d_dil", (1, 1, 7, 6, 7), (2, 2, 3), (1, 2, 2), (1, 0, 1), (2, 2, 2), True)]:
        x = rand(*shape)
        y = torch_pool(x, "max", k, s, p, ceil, dilation=d)
        assert np.allclose(y, pool_ref(x, "max", k, s, list(p) * 2, d, ceil, False))
        cases.append(Case(f"max_pool_{name}", "max_pool", [x], y,
                          pool_attrs(k, s, list(p) * 2, d, ceil)))
    # Asymmetric pads: the direct-loop reference.
    for name, shape, k, s, pads, d, ceil in [
            ("2d_asym", (1, 2, 7, 7), (3, 3), (2, 2), (0, 1, 2, 1), (1, 1), False),
            ("2d_asym_ceil", (1, 2, 8, 7), (3, 3), (2, 3), (2, 0, 1, 2), (1, 1), True),
            ("1d_asym_dil_ceil", (2, 1, 10), (3,), (3,), (1, 2), (2,), True),
            ("3d_asym_ceil", (1, 1, 5, 6, 5), (2, 3, 2), (2, 2, 2), (1, 0, 1, 0, 2, 1), (1, 1, 1), True)]:
        x = rand(*shape)
        cases.append(Case(f"max_pool_{name}", "max_pool", [x],
                          pool_ref(x, "max", k, s, pads, d, ceil, False),
                          pool_attrs(k, s, pads, d if d != (1,) * len(k) else None, ceil)))
        if d == (1,) * len(k):
            for include in (False, True):
                cases.append(Case(f"avg_pool_{name}_{'incl' if include else 'excl'}",
                                  "avg_pool", [x],
                                  pool_ref(x, "avg", k, s, pads, d, ceil, include),
                                  pool_attrs(k, s, pads, None, ceil, include)))
    # Integer max pooling.
    x = rand(1, 2, 7, 7, dtype=np.int32)
    cases.append(Case("max_pool_2d_int32", "max_pool", [x],
                      pool_ref(x, "max", (3, 3), (2, 2), [1, 1, 1, 1], [1, 1], True, False),
                      pool_attrs((3, 3), (2, 2), (1, 1, 1, 1), None, True)))
    x = rand(1, 2, 6, 5, dtype=np.uint8)
    cases.append(Case("max_pool_2d_uint8", "max_pool", [x],
                      pool_ref(x, "max", (2, 2), (2, 2), [1, 0, 0, 1], [1, 1], False, False),
                      pool_attrs((2, 2), (2, 2), (1, 0, 0, 1))))
    # Dynamic spatial dims (output sizes computed at run time).
    x = rand(2, 3, 9, 8)
    cases.append(Case("max_pool_2d_dynamic_ceil", "max_pool", [x],
                      torch_pool(x, "max", (3, 3), (2, 2), (1, 1), True),
                      pool_attrs((3, 3), (2, 2), (1, 1, 1, 1), None, True),
                      dyn_in={0: [0, 2, 3]}, dyn_out={0: [0, 2, 3]}))
    for include in (False, True):
        cases.append(Case(f"avg_pool_2d_dynamic_ceil_{'incl' if include else 'excl'}",
                          "avg_pool", [x],
                          torch_pool(x, "avg", (3, 3), (2, 2), (1, 1), True, include),
                          pool_attrs((3, 3), (2, 2), (1, 1, 1, 1), None, True, include),
                          dyn_in={0: [0, 2, 3]}, dyn_out={0: [0, 2, 3]}))
    # Global pooling.
    for shape in [(2, 3, 7), (1, 4, 5, 3), (2, 2, 3, 4, 5)]:
        x = rand(*shape)
        axes = tuple(range(2, x.ndim))
        rank = f"{len(shape) - 2}d"
        cases.append(Case(f"global_avg_pool_{rank}", "global_avg_pool", [x],
                          x.astype(np.float64).mean(axis=axes, keepdims=True).astype(np.float32)))
        cases.append(Case(f"global_max_pool_{rank}", "global_max_pool", [x],
                          x.max(axis=axes, keepdims=True)))
    x = rand(2, 3, 6, 5)
    cases.append(Case("global_avg_pool_dynamic", "global_avg_pool", [x],
                      x.astype(np.float64).mean(axis=(2, 3), keepdims=True).astype(np.float32),
                      dyn_in={0: [0, 2, 3]}, dyn_out={0: [0]}))
    cases.append(Case("global_max_pool_dynamic", "global_max_pool", [x],
                      x.max(axis=(2, 3), keepdims=True),
                      dyn_in={0: [0, 2, 3]}, dyn_out={0: [0]}))
    return cases


def tensor_cases():
    cases = []
    x = rand(2, 3)
    cases.append(Case("constant", None, [], x,
                      text="tl.constant " + dense_literal(x) + " : {results}"))
    xi = rand(2, 3, dtype=np.uint8)
    cases.append(Case("constant_uint8", None, [], xi,
                      text="tl.constant " + dense_literal(xi) + " : {results}"))
    cases.append(Case("identity", None, [x], x, text="tl.identity {args} : {results}"))
    cases.append(Case("dropout", None, [x], x,
                      text="tl.dropout {args} {{ratio = 0.3 : f64}} : {results}"))

    def reshape(name, shape, new_shape, dyn_in=None, dyn_out=None, dtype=np.float32):
        x = rand(*shape, dtype=dtype)
        target = [shape[i] if s == 0 else s for i, s in enumerate(new_shape)]
        cases.append(Case(f"reshape_{name}", "reshape", [x], x.reshape(target),
                          f"new_shape = {arr(*new_shape)}", dyn_in, dyn_out))

    reshape("collapse", (2, 3, 4), (0, -1))
    reshape("expand", (6, 4), (2, 3, 2, 2))
    reshape("regroup", (2, 3, 4), (4, 6))
    reshape("flat", (2, 3, 4), (-1,))
    reshape("scalar_to_1", (), (1, 1))
    reshape("to_scalar", (1, 1), ())
    reshape("dynamic_copy", (3, 4, 1, 1), (0, -1), {0: [0]}, {0: [0]})
    reshape("dynamic_two", (2, 3, 8), (0, 0, 2, 4), {0: [0, 1]}, {0: [0, 1]})
    reshape("dynamic_regroup", (3, 4), (2, -1), {0: [0]}, {0: [1]})
    reshape("int64", (4, 6), (3, 8), dtype=np.int64)

    x = rand(2, 3, 4)
    for axis in (0, 1, 2, 3, -1):
        a = axis + 3 if axis < 0 else axis
        outer = int(np.prod(x.shape[:a]))
        cases.append(Case(f"flatten_axis{axis}", "flatten", [x],
                          x.reshape(outer, -1), f"axis = {axis} : i64"))
    cases.append(Case("flatten_dynamic", "flatten", [x], x.reshape(2, 12),
                      "axis = 1 : i64", {0: [0]}, {0: [0]}))

    x = rand(1, 3, 1, 4, 1)
    cases.append(Case("squeeze_axes", "squeeze", [x], x.squeeze(axis=(0, 4)),
                      f"axes = {arr(0, -1)}"))
    cases.append(Case("squeeze_all", "squeeze", [x], x.squeeze()))
    y = rand(1, 1)
    cases.append(Case("squeeze_to_scalar", "squeeze", [y], y.squeeze()))
    cases.append(Case("squeeze_dynamic", "squeeze", [x], x.squeeze(axis=2),
                      f"axes = {arr(2)}", {0: [1, 2]}, {0: [1]}))
    x = rand(3, 4)
    cases.append(Case("unsqueeze_front", "unsqueeze", [x], x[None], f"axes = {arr(0)}"))
    cases.append(Case("unsqueeze_many", "unsqueeze", [x], x[:, None, :, None],
                      f"axes = {arr(1, -1)}"))
    s = np.array(2.5, dtype=np.float32)
    cases.append(Case("unsqueeze_scalar", "unsqueeze", [s], s.reshape(1, 1),
                      f"axes = {arr(0, 1)}"))
    cases.append(Case("unsqueeze_dynamic", "unsqueeze", [x], x[None, :, :, None],
                      f"axes = {arr(0, 3)}", {0: [0, 1]}, {0: [1, 2]}))

    x = rand(2, 3, 4)
    cases.append(Case("transpose_perm", "transpose", [x], x.transpose(1, 2, 0),
                      f"perm = {arr(1, 2, 0)}"))
    cases.append(Case("transpose_default", "transpose", [x], x.transpose()))
    cases.append(Case("transpose_dynamic", "transpose", [x], x.transpose(0, 2, 1),
                      f"perm = {arr(0, 2, 1)}", {0: [0, 1]}, {0: [0, 2]}))

    a, b, c = rand(2, 1, 4), rand(2, 3, 4), rand(2, 2, 4)
    cases.append(Case("concat_axis1", "concat", [a, b, c], np.concatenate([a, b, c], 1),
                      "axis = 1 : i64"))
    cases.append(Case("concat_negative_axis", "concat", [b, b], np.concatenate([b, b], -1),
                      "axis = -1 : i64"))
    cases.append(Case("concat_dynamic", "concat", [a, b, c], np.concatenate([a, b, c], 1),
                      "axis = 1 : i64", {0: [0, 1], 2: [1]}, {0: [1]}))
    ai, bi = rand(2, 3, dtype=np.int32), rand(1, 3, dtype=np.int32)
    cases.append(Case("concat_int32", "concat", [ai, bi], np.concatenate([ai, bi], 0),
                      "axis = 0 : i64"))

    x = rand(3, 7)
    parts = np.split(x, [2, 3], axis=1)
    cases.append(Case("split", "split", [x], parts, f"axis = 1 : i64, sizes = {arr(2, 1, 4)}"))
    cases.append(Case("split_dynamic", "split", [x], np.split(x, [1], axis=0),
                      f"axis = 0 : i64, sizes = {arr(1, 2)}", {0: [1]}, {0: [1], 1: [1]}))

    x = rand(6, 9, 5)
    for name, starts, ends, axes, steps in [
            ("basic", (1, 2), (5, 8), (0, 1), (1, 1)),
            ("steps", (0, 1), (6, 9), (0, 2), (2, 3)),
            ("negative_pos", (-4,), (-1,), (1,), (1,)),
            ("clamp", (-100, 2), (100, 1000), (0, 1), (1, 2)),
            ("reverse", (-1,), (-1000,), (1,), (-1,)),
            ("reverse_step", (7, 4), (1, -1000), (1, 2), (-2, -3)),
            ("mixed", (5, 1, 0), (0, 8, 5), (0, 1, 2), (-2, 3, 2)),
            ("empty_reverse", (2,), (3,), (0,), (-1,))]:
        y = slice_ref(x, starts, ends, axes, steps)
        if y.size == 0:
            continue
        attrs = (f"starts = {arr(*starts)}, ends = {arr(*ends)}, axes = {arr(*axes)}, "
                 f"steps = {arr(*steps)}")
        cases.append(Case(f"slice_{name}", "slice", [x], y, attrs))
        dyn = sorted(set(a % 3 for a in axes))
        cases.append(Case(f"slice_{name}_dynamic", "slice", [x], y, attrs,
                          {0: dyn}, {0: dyn}))
    cases.append(Case("slice_default_axes", "slice", [x], x[1:3, ::-2],
                      f"starts = {arr(1, -1)}, ends = {arr(3, -100)}, steps = {arr(1, -2)}"))

    x = rand(3, 5)
    for mode in ("constant", "reflect", "edge"):
        np_mode = {"constant": "constant", "reflect": "reflect", "edge": "edge"}[mode]
        for name, pads in [("pos", (1, 2, 2, 3)), ("crop", (-1, 2, 1, -2)), ("zero", (0, 0, 0, 0))]:
            p = np.array(pads).reshape(2, 2).T
            cropped = x[max(-p[0][0], 0): x.shape[0] - max(-p[0][1], 0),
                        max(-p[1][0], 0): x.shape[1] - max(-p[1][1], 0)]
            pos = np.maximum(p, 0)
            kwargs = {"constant_values": 1.5} if mode == "constant" else {}
            y = np.pad(cropped, pos, mode=np_mode, **kwargs)
            attrs = f"pads = {arr(*pads)}, mode = #tl<pad_mode {mode}>"
            if mode == "constant":
                attrs += ", value = 1.5 : f64"
            cases.append(Case(f"pad_{mode}_{name}", "pad", [x], y, attrs))
            if name == "pos":
                cases.append(Case(f"pad_{mode}_{name}_dynamic", "pad", [x], y, attrs,
                                  {0: [0, 1]}, {0: [0, 1]}))
    xi = rand(2, 3, dtype=np.uint8)
    cases.append(Case("pad_uint8", "pad", [xi],
                      np.pad(xi, ((1, 0), (0, 2)), constant_values=7),
                      f"pads = {arr(1, 0, 0, 2)}, value = 7.0 : f64"))

    data = rand(5, 4, 3)
    for name, idx, axis in [("axis0", np.array([0, 4, -1, 2], np.int64), 0),
                            ("axis1_2d", np.array([[1, -4], [3, 0], [2, 2]], np.int64), 1),
                            ("axis2_i32", np.array([2, 0], np.int32), 2),
                            ("scalar", np.array(-2, np.int64), 1)]:
        a = axis % data.ndim
        cases.append(Case(f"gather_{name}", "gather", [data, idx],
                          np.take(data, idx, axis=a), f"axis = {axis} : i64"))
    idx = np.array([[3, 1], [0, -1]], np.int64)
    cases.append(Case("gather_dynamic", "gather", [data, idx], np.take(data, idx, axis=0),
                      "axis = 0 : i64", {0: [0], 1: [0]}, {0: [0]}))
    table = rand(10, 6)
    ids = np.array([[1, 9, 3], [0, 0, 7]], np.int64)
    cases.append(Case("gather_embedding", "gather", [table, ids], table[ids], "axis = 0 : i64"))
    # Out-of-range indices (undefined in ONNX) clamp to the nearest end.
    bad = np.array([[12, -11], [-1, 10**12]], np.int64)
    clamped = np.clip(np.where(bad < 0, bad + 10, bad), 0, 9)
    cases.append(Case("gather_out_of_range", "gather", [table, bad], table[clamped],
                      "axis = 0 : i64"))

    x = rand(3, 1)
    cases.append(Case("expand", "expand", [x], np.broadcast_to(x, (2, 3, 4)),
                      f"shape = {arr(2, 1, 4)}"))
    cases.append(Case("expand_smaller_shape", "expand", [x], np.broadcast_to(x, (3, 5)),
                      f"shape = {arr(5)}"))
    cases.append(Case("expand_dynamic", "expand", [x], np.broadcast_to(x, (3, 4)),
                      f"shape = {arr(1, 4)}", {0: [0]}, {0: [0]}))
    x = rand(2, 3)
    cases.append(Case("tile", "tile", [x], np.tile(x, (2, 3)), f"repeats = {arr(2, 3)}"))
    cases.append(Case("tile_ones", "tile", [x], np.tile(x, (1, 2)), f"repeats = {arr(1, 2)}"))
    cases.append(Case("tile_dynamic", "tile", [x], np.tile(x, (3, 1)), f"repeats = {arr(3, 1)}",
                      {0: [0, 1]}, {0: [0, 1]}))

    x = rand(2, 8, 3, 2)
    n, c, h, w = x.shape
    b = 2
    dcr = x.reshape(n, b, b, c // 4, h, w).transpose(0, 3, 4, 1, 5, 2).reshape(n, c // 4, h * b, w * b)
    crd = npf(F.pixel_shuffle(t(x), b))
    cases.append(Case("depth_to_space_dcr", "depth_to_space", [x], dcr, "blocksize = 2 : i64"))
    cases.append(Case("depth_to_space_crd", "depth_to_space", [x], crd,
                      "blocksize = 2 : i64, mode = #tl<depth_to_space_mode CRD>"))
    cases.append(Case("depth_to_space_dynamic", "depth_to_space", [x], dcr, "blocksize = 2 : i64",
                      {0: [0, 2]}, {0: [0, 2]}))
    x = rand(1, 3, 6, 4)
    n, c, h, w = x.shape
    s2d = x.reshape(n, c, h // 2, 2, w // 2, 2).transpose(0, 3, 5, 1, 2, 4).reshape(n, c * 4, h // 2, w // 2)
    cases.append(Case("space_to_depth", "space_to_depth", [x], s2d, "blocksize = 2 : i64"))
    # space_to_depth inverts depth_to_space in DCR mode.
    back = s2d.reshape(n, 2, 2, c, h // 2, w // 2).transpose(0, 3, 4, 1, 5, 2).reshape(n, c, h, w)
    assert np.array_equal(back, x)
    cases.append(Case("space_to_depth_dynamic", "space_to_depth", [x], s2d, "blocksize = 2 : i64",
                      {0: [0, 3]}, {0: [0, 3]}))
    return cases


def resize_cases():
    cases = []
    transforms = ["half_pixel", "pytorch_half_pixel", "align_corners", "asymmetric"]
    nearest_modes = ["round_prefer_floor", "round_prefer_ceil", "floor", "ceil"]
    x = rand(1, 2, 4, 5)
    scale_sets = {"up": (1.0, 1.0, 2.0, 1.5), "down": (1.0, 1.0, 0.5, 0.6)}

    def attrs(mode, scales=None, sizes=None, transform=None, nearest=None):
        parts = [f"mode = #tl<resize_mode {mode}>"]
        if scales:
            parts.append("scales = array<f64: " + ", ".join(repr(float(s)) for s in scales) + ">")
        if sizes:
            parts.append(f"sizes = {arr(*sizes)}")
        if transform:
            parts.append(f"coordinate_transform = #tl<coordinate_transform {transform}>")
        if nearest:
            parts.append(f"nearest_mode = #tl<nearest_mode {nearest}>")
        return ", ".join(parts)

    def out_shape(shape, scales):
        return tuple(int(np.floor(d * s)) for d, s in zip(shape, scales))

    for sname, scales in scale_sets.items():
        shape = out_shape(x.shape, scales)
        for tr in transforms:
            for nm in nearest_modes:
                y = resize_ref(x, shape, scales, "nearest", tr, nm)
                cases.append(Case(f"resize_nearest_{sname}_{tr}_{nm}", "resize", [x], y,
                                  attrs("nearest", scales, None, tr, nm)))
            y = resize_ref(x, shape, scales, "linear", tr, None)
            cases.append(Case(f"resize_linear_{sname}_{tr}", "resize", [x], y,
                              attrs("linear", scales, None, tr)))
    # Sizes instead of scales (scale = out / in), to size 1 and odd sizes.
    for sizes in [(1, 2, 7, 3), (1, 2, 1, 9)]:
        scales = [o / i for o, i in zip(sizes, x.shape)]
        for tr in transforms:
            y = resize_ref(x, sizes, scales, "linear", tr, None)
            cases.append(Case(f"resize_linear_sizes_{'x'.join(map(str, sizes))}_{tr}", "resize",
                              [x], y, attrs("linear", None, sizes, tr)))
            y = resize_ref(x, sizes, scales, "nearest", tr, "round_prefer_floor")
            cases.append(Case(f"resize_nearest_sizes_{'x'.join(map(str, sizes))}_{tr}", "resize",
                              [x], y, attrs("nearest", None, sizes, tr)))
    # The reference against PyTorch where PyTorch has the mode.
    tx = t(x)
    checks = [
        (resize_ref(x, (1, 2, 8, 10), (1, 1, 2, 2), "nearest", "asymmetric", "floor"),
         F.interpolate(tx, scale_factor=(2, 2), mode="nearest")),
        (resize_ref(x, (1, 2, 8, 10), (1, 1, 2, 2), "nearest", "half_pixel", "round_prefer_ceil"),
         F.interpolate(tx, scale_factor=(2, 2), mode="nearest-exact")),
        (resize_ref(x, (1, 2, 8, 7), (1, 1, 2, 1.5), "linear", "pytorch_half_pixel", None),
         F.interpolate(tx, scale_factor=(2, 1.5), mode="bilinear", align_corners=False)),
        (resize_ref(x, (1, 2, 8, 7), (1, 1, 2, 7 / 5), "linear", "align_corners", None),
         F.interpolate(tx, size=(8, 7), mode="bilinear", align_corners=True)),
    ]
    for ours, theirs in checks:
        assert np.allclose(ours, theirs.numpy(), atol=1e-5), "resize reference disagrees with PyTorch"
    # Other ranks, dtypes and dynamic dims.
    x1 = rand(2, 3, 5)
    y = resize_ref(x1, (2, 3, 12), (1, 1, 2.5), "linear", "half_pixel", None)
    cases.append(Case("resize_linear_1d", "resize", [x1], y, attrs("linear", (1, 1, 2.5))))
    x3 = rand(1, 1, 3, 4, 2)
    y = resize_ref(x3, (1, 1, 6, 6, 4), (1, 1, 2, 1.5, 2), "linear", "align_corners", None)
    cases.append(Case("resize_trilinear", "resize", [x3], y,
                      attrs("linear", (1, 1, 2, 1.5, 2), None, "align_corners")))
    xi = rand(1, 1, 3, 4, dtype=np.int32)
    y = resize_ref(xi, (1, 1, 6, 6), (1, 1, 2, 1.5), "nearest", "asymmetric", "floor")
    cases.append(Case("resize_nearest_int32", "resize", [xi], y,
                      attrs("nearest", (1, 1, 2, 1.5), None, "asymmetric", "floor")))
    y = resize_ref(x, (1, 2, 8, 7), (1, 1, 2, 1.5), "linear", "half_pixel", None)
    cases.append(Case("resize_linear_dynamic", "resize", [x], y,
                      attrs("linear", (1, 1, 2, 1.5)), {0: [0, 2, 3]}, {0: [0, 2, 3]}))
    y = resize_ref(x, (1, 2, 6, 3), (1, 1, 6 / 4, 3 / 5), "nearest", "half_pixel", "round_prefer_floor")
    cases.append(Case("resize_nearest_sizes_dynamic", "resize", [x], y,
                      attrs("nearest", None, (1, 2, 6, 3)), {0: [2, 3]}))
    return cases


def type_cases():
    """Result types written more dynamic than inference knows (allowed), f64."""
    cases = []
    x = rand(3, 1)
    cases.append(Case("weak_expand", "expand", [x], np.broadcast_to(x, (2, 3, 4)),
                      f"shape = {arr(2, 1, 4)}", None, {0: [0, 1, 2]}))
    a, c = rand(2, 1, 3, 4), rand(5, 4, 6)
    cases.append(Case("weak_matmul_broadcast", "matmul", [a, c], np.matmul(a, c),
                      dyn_out={0: [0, 1, 2, 3]}))
    a, c = rand(1, 3, 4), rand(4, 4, 2)
    cases.append(Case("weak_matmul_unit_batch", "matmul", [a, c], np.matmul(a, c),
                      dyn_out={0: [0]}))
    x = rand(2, 3, 4)
    cases.append(Case("weak_reshape", "reshape", [x], x.reshape(2, 12),
                      f"new_shape = {arr(0, -1)}", None, {0: [0, 1]}))
    x = rand(1, 2, 4, 5)
    y = resize_ref(x, (1, 2, 7, 3), [1, 1, 7 / 4, 3 / 5], "linear", "half_pixel", None)
    cases.append(Case("weak_resize_sizes", "resize", [x], y,
                      f"mode = #tl<resize_mode linear>, sizes = {arr(1, 2, 7, 3)}",
                      None, {0: [0, 1, 2, 3]}))
    x, w = rand(1, 3, 7, 7), rand(4, 3, 3, 3)
    cases.append(Case("weak_conv", "conv", [x, w],
                      conv_ref(x, w, None, [2, 2], [1, 0, 0, 1], [1, 1], 1),
                      conv_attrs((2, 2), (1, 0, 0, 1)), None, {0: [1, 2, 3]}))
    x, w = rand(1, 4, 3, 3), rand(4, 1, 3, 3)
    cases.append(Case("weak_conv_transpose", "conv_transpose", [x, w],
                      conv_transpose_ref(x, w, None, [2, 2], [1, 1, 0, 0], [1, 1], [1, 1], 1),
                      conv_attrs((2, 2), (1, 1, 0, 0), None, 1, (1, 1)), None, {0: [1, 2, 3]}))
    x = rand(1, 2, 7, 8)
    cases.append(Case("weak_max_pool_ceil", "max_pool", [x],
                      torch_pool(x, "max", (3, 3), (2, 2), (1, 1), True),
                      pool_attrs((3, 3), (2, 2), (1, 1, 1, 1), None, True), None, {0: [2, 3]}))
    cases.append(Case("weak_avg_pool_ceil", "avg_pool", [x],
                      torch_pool(x, "avg", (3, 3), (2, 2), (1, 1), True, False),
                      pool_attrs((3, 3), (2, 2), (1, 1, 1, 1), None, True), None, {0: [2, 3]}))
    data, idx = rand(5, 4), np.array([[1, -1]], np.int64)
    cases.append(Case("weak_gather", "gather", [data, idx], np.take(data, idx, axis=0),
                      "axis = 0 : i64", None, {0: [0, 1, 2]}))
    x = rand(6, 9)
    cases.append(Case("weak_slice", "slice", [x], x[1:5, ::-2],
                      f"starts = {arr(1, -1)}, ends = {arr(5, -100)}, steps = {arr(1, -2)}",
                      None, {0: [0, 1]}))
    x = rand(2, 3)
    cases.append(Case("weak_tile", "tile", [x], np.tile(x, (2, 2)), f"repeats = {arr(2, 2)}",
                      None, {0: [0, 1]}))
    # f64 through the float paths.
    x, w, b = rand(1, 4, 7, 7, dtype=np.float64), rand(6, 2, 3, 3, dtype=np.float64), \
        rand(6, dtype=np.float64)
    cases.append(Case("f64_conv_groups", "conv", [x, w, b],
                      conv_ref(x, w, b, [2, 2], [1, 0, 1, 0], [1, 2], 2).astype(np.float64),
                      conv_attrs((2, 2), (1, 0, 1, 0), (1, 2), 2)))
    cases.append(Case("f64_avg_pool", "avg_pool", [x],
                      pool_ref(x, "avg", (3, 3), (2, 2), [1, 1, 0, 0], [1, 1], True, False),
                      pool_attrs((3, 3), (2, 2), (1, 1, 0, 0), None, True)))
    cases.append(Case("f64_resize_linear", "resize", [x],
                      resize_ref(x, (1, 4, 10, 10), [1, 1, 1.5, 1.5], "linear", "half_pixel", None),
                      "mode = #tl<resize_mode linear>, scales = array<f64: 1.0, 1.0, 1.5, 1.5>"))
    x = rand(2, 3, 4, 5)
    cases.append(Case("weak_global_avg_pool", "global_avg_pool", [x],
                      x.astype(np.float64).mean(axis=(2, 3), keepdims=True).astype(np.float32),
                      dyn_out={0: [0, 1, 2, 3]}))
    return cases


def dynamic_batch_cases():
    """One op per family with a dynamic batch dim, run at two batch sizes
    (1 and 3) by one compiled library."""
    cases = []

    def add(make, sizes=(1, 3)):
        cases.append(at_sizes(make, sizes))

    # Linear algebra.
    def dense(n):
        x, w, b = rand(n, 7), rand(7, 3), rand(3)
        return Case("dyn_dense", "dense", [x, w, b], x @ w + b, dyn_in={0: [0]}, dyn_out={0: [0]})
    add(dense)

    def matmul_batch(n):
        a, c = rand(n, 5, 4), rand(n, 4, 6)
        return Case("dyn_matmul_batch", "matmul", [a, c], np.matmul(a, c),
                    dyn_in={0: [0], 1: [0]}, dyn_out={0: [0]})
    add(matmul_batch)

    def matmul_rows(n):
        a, c = rand(n, 256), rand(256, 130)
        return Case("dyn_matmul_rows", "matmul", [a, c], np.matmul(a, c),
                    dyn_in={0: [0]}, dyn_out={0: [0]})
    add(matmul_rows, (1, 67))

    def matmul_int(n):
        a, c = rand(n, 3, 5, dtype=np.int32), rand(5, 2, dtype=np.int32)
        return Case("dyn_matmul_int32", "matmul", [a, c], np.matmul(a, c),
                    dyn_in={0: [0]}, dyn_out={0: [0]})
    add(matmul_int)

    # Convolutions.
    def conv2d(n):
        x, w, b = rand(n, 3, 8, 7), rand(4, 3, 3, 3), rand(4)
        return Case("dyn_conv_2d", "conv", [x, w, b],
                    conv_ref(x, w, b, [2, 1], [1, 1, 0, 1], [1, 2], 1),
                    conv_attrs((2, 1), (1, 1, 0, 1), (1, 2)), {0: [0]}, {0: [0]})
    add(conv2d)

    def conv2d_wide(n):
        x, w = rand(n, 16, 20, 20), rand(32, 16, 3, 3)
        return Case("dyn_conv_2d_wide", "conv", [x, w],
                    conv_ref(x, w, None, [1, 1], [1, 1, 1, 1], [1, 1], 1),
                    conv_attrs(None, (1, 1, 1, 1)), {0: [0]}, {0: [0]})
    add(conv2d_wide, (1, 4))

    def conv1d_depthwise(n):
        x, w = rand(n, 4, 9), rand(4, 1, 3)
        return Case("dyn_conv_1d_depthwise", "conv", [x, w],
                    conv_ref(x, w, None, [1], [1, 1], [1], 4),
                    conv_attrs(None, (1, 1), None, 4), {0: [0]}, {0: [0]})
    add(conv1d_depthwise)

    def conv_transpose(n):
        x, w, b = rand(n, 3, 4, 5), rand(3, 2, 3, 3), rand(2)
        return Case("dyn_conv_transpose_2d", "conv_transpose", [x, w, b],
                    conv_transpose_ref(x, w, b, [2, 2], [1, 1, 0, 0], [1, 1], [1, 0], 1),
                    conv_attrs((2, 2), (1, 1, 0, 0), None, 1, (1, 0)), {0: [0]}, {0: [0]})
    add(conv_transpose)

    # Pooling.
    def max_pool(n):
        x = rand(n, 3, 9, 8)
        return Case("dyn_max_pool_ceil", "max_pool", [x],
                    torch_pool(x, "max", (3, 3), (2, 2), (1, 1), True),
                    pool_attrs((3, 3), (2, 2), (1, 1, 1, 1), None, True), {0: [0]}, {0: [0]})
    add(max_pool)

    def avg_pool(n):
        x = rand(n, 2, 7, 7)
        return Case("dyn_avg_pool_excl", "avg_pool", [x],
                    torch_pool(x, "avg", (3, 3), (2, 2), (1, 1), False, False),
                    pool_attrs((3, 3), (2, 2), (1, 1, 1, 1)), {0: [0]}, {0: [0]})
    add(avg_pool)

    for kind in ("avg", "max"):
        def global_pool(n, kind=kind):
            x = rand(n, 4, 5, 3)
            y = x.astype(np.float64).mean(axis=(2, 3), keepdims=True).astype(np.float32) \
                if kind == "avg" else x.max(axis=(2, 3), keepdims=True)
            return Case(f"dyn_global_{kind}_pool", f"global_{kind}_pool", [x], y,
                        dyn_in={0: [0]}, dyn_out={0: [0]})
        add(global_pool)

    # Tensor manipulation.
    def reshape(n):
        x = rand(n, 3, 4)
        return Case("dyn_reshape", "reshape", [x], x.reshape(n, 12), f"new_shape = {arr(0, -1)}",
                    {0: [0]}, {0: [0]})
    add(reshape)

    def flatten(n):
        x = rand(n, 3, 4)
        return Case("dyn_flatten", "flatten", [x], x.reshape(n, 12), "axis = 1 : i64",
                    {0: [0]}, {0: [0]})
    add(flatten)

    def transpose(n):
        x = rand(n, 3, 4)
        return Case("dyn_transpose", "transpose", [x], x.transpose(2, 0, 1),
                    f"perm = {arr(2, 0, 1)}", {0: [0]}, {0: [1]})
    add(transpose)

    def concat(n):
        a, b = rand(n, 1, 4), rand(n, 3, 4)
        return Case("dyn_concat", "concat", [a, b], np.concatenate([a, b], 1), "axis = 1 : i64",
                    {0: [0], 1: [0]}, {0: [0]})
    add(concat)

    def slice_(n):
        x = rand(n, 9, 5)
        return Case("dyn_slice", "slice", [x], x[:, 7:1:-2, 1:5],
                    f"starts = {arr(7, 1)}, ends = {arr(1, 5)}, axes = {arr(1, 2)}, "
                    f"steps = {arr(-2, 1)}", {0: [0]}, {0: [0]})
    add(slice_)

    def pad(n):
        x = rand(n, 5)
        return Case("dyn_pad_reflect", "pad", [x], np.pad(x, ((0, 0), (2, 3)), mode="reflect"),
                    f"pads = {arr(0, 2, 0, 3)}, mode = #tl<pad_mode reflect>", {0: [0]}, {0: [0]})
    add(pad)

    def gather(n):
        table = rand(10, 6)
        ids = RNG.integers(-10, 10, (n, 3)).astype(np.int64)
        return Case("dyn_gather_embedding", "gather", [table, ids], np.take(table, ids, axis=0),
                    "axis = 0 : i64", {1: [0]}, {0: [0]})
    add(gather)

    def split(n):
        x = rand(n, 7)
        return Case("dyn_split", "split", [x], np.split(x, [2], axis=1),
                    f"axis = 1 : i64, sizes = {arr(2, 5)}", {0: [0]}, {0: [0], 1: [0]})
    add(split)

    def tile(n):
        x = rand(n, 3)
        return Case("dyn_tile", "tile", [x], np.tile(x, (2, 1)), f"repeats = {arr(2, 1)}",
                    {0: [0]}, {0: [0]})
    add(tile)

    def depth_to_space(n):
        x = rand(n, 8, 3, 2)
        crd = npf(F.pixel_shuffle(t(x), 2))
        return Case("dyn_depth_to_space_crd", "depth_to_space", [x], crd,
                    "blocksize = 2 : i64, mode = #tl<depth_to_space_mode CRD>", {0: [0]}, {0: [0]})
    add(depth_to_space)

    # Resize.
    def resize_linear(n):
        x = rand(n, 2, 4, 5)
        return Case("dyn_resize_linear", "resize", [x],
                    resize_ref(x, (n, 2, 8, 7), (1, 1, 2, 1.5), "linear", "half_pixel", None),
                    "mode = #tl<resize_mode linear>, scales = array<f64: 1.0, 1.0, 2.0, 1.5>",
                    {0: [0]}, {0: [0]})
    add(resize_linear)

    def resize_nearest(n):
        x = rand(n, 2, 4, 5)
        return Case("dyn_resize_nearest", "resize", [x],
                    resize_ref(x, (n, 2, 8, 7), (1, 1, 2, 1.5), "nearest", "asymmetric", "floor"),
                    "mode = #tl<resize_mode nearest>, scales = array<f64: 1.0, 1.0, 2.0, 1.5>, "
                    "coordinate_transform = #tl<coordinate_transform asymmetric>, "
                    "nearest_mode = #tl<nearest_mode floor>", {0: [0]}, {0: [0]})
    add(resize_nearest)
    return cases


def parallel_cases():
    """Static shapes with enough work that the tiling splits them into tasks
    for the thread pool (tiny ones run as one task)."""
    cases = []
    a, c = rand(192, 272), rand(272, 128)
    cases.append(Case("par_matmul", "matmul", [a, c], np.matmul(a, c)))
    x, w, b = rand(1, 16, 33, 33), rand(32, 16, 3, 3), rand(32)
    cases.append(Case("par_conv_2d", "conv", [x, w, b],
                      conv_ref(x, w, b, [1, 1], [1, 1, 1, 1], [1, 1], 1),
                      conv_attrs(None, (1, 1, 1, 1))))
    x = rand(1, 8, 40, 40)
    cases.append(Case("par_max_pool", "max_pool", [x], torch_pool(x, "max", (3, 3), (1, 1), (0, 0), False),
                      pool_attrs((3, 3), (1, 1))))
    cases.append(Case("par_avg_pool", "avg_pool", [x],
                      torch_pool(x, "avg", (3, 3), (1, 1), (1, 1), False, False),
                      pool_attrs((3, 3), (1, 1), (1, 1, 1, 1))))
    x = rand(1, 64, 20, 20)
    cases.append(Case("par_resize_linear", "resize", [x],
                      resize_ref(x, (1, 64, 40, 40), (1, 1, 2, 2), "linear", "half_pixel", None),
                      "mode = #tl<resize_mode linear>, scales = array<f64: 1.0, 1.0, 2.0, 2.0>"))
    return cases


FAMILIES = {"matmul": matmul_cases, "conv": conv_cases, "pooling": pooling_cases,
            "tensor": tensor_cases, "resize": resize_cases, "types": type_cases,
            "dynamic": dynamic_batch_cases, "parallel": parallel_cases}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    parser.add_argument("--bin", default=os.environ.get("TLC_BIN"),
                        help="directory holding tl-compile (default: $TLC_BIN, else BUILD_DIR/bin)")
    parser.add_argument("--build-dir", default=os.path.join(root, "build"))
    parser.add_argument("-k", "--filter", default="", help="run cases whose name contains this")
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("-j", dest="jobs", type=int, default=os.cpu_count() or 2,
                        help="batches compiled at once (default: one per CPU)")
    parser.add_argument("--batch-size", type=int, default=20, help="cases per library")
    parser.add_argument("-O", dest="opt_level", type=int, choices=range(4),
                        help="tl-compile's optimization level (default: its own, -O3)")
    parser.add_argument("--threads", default="1,2", help="thread counts to run with")
    parser.add_argument("--keep", metavar="DIR", help="keep each batch's module and library in DIR")
    parser.add_argument("--dump", help="write the module of the selected cases here and exit")
    args = parser.parse_args()
    started = time.time()

    cases = [c for family in FAMILIES.values() for c in family() if args.filter in c.name]
    if args.dump:
        with open(args.dump, "w") as f:
            f.write(build_module(cases))
        return 0
    bin_dir = args.bin or os.path.join(args.build_dir, "bin")
    options = artifact_runner.Options(
        os.path.join(bin_dir, "tl-compile"), threads=[int(t) for t in args.threads.split(",")],
        batch_size=args.batch_size, jobs=args.jobs, opt_level=args.opt_level, keep=args.keep,
        verbose=args.verbose)
    problems, stats = artifact_runner.run_cases(cases, build_module, options)
    return artifact_runner.report(cases, problems, stats, options, "tl-to-linalg nn numerics",
                                  started)


if __name__ == "__main__":
    sys.exit(main())
