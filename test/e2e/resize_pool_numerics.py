#!/usr/bin/env python3
"""Numerical check of tl.resize's cubic mode and ONNX-only coordinate
transforms, and of tl.max_pool_with_indices, compiled and run end to end
with tl-run.

References, independent of tlc:
  - PyTorch's bicubic F.interpolate (Keys kernel, a = -0.75), with and
    without align_corners, from scale factors and from sizes;
  - ONNX's own reference implementation of Resize (the interpolate_nd that
    generates the ONNX backend test data, shipped with python3-onnx) for
    cubic_coeff_a, exclude_outside, tf_crop_and_resize and the other
    transforms;
  - numpy for tf_half_pixel_for_nn (x = (o + 0.5) / scale), which that
    reference lacks;
  - PyTorch's max_pool{1,2,3}d(return_indices=True) for the argmax indices
    (per-plane there: ONNX adds plane * spatial size), and a numpy window
    scan for integer types (first maximum in row-major order wins).

All cases become the inputs and outputs of one `main` function, so that
tl-run compiles once. Floats compare with rtol 1e-4 / atol 1e-5 (f16 cases
with rtol 2e-3 / atol 2e-3), integers exactly.

  test/e2e/resize_pool_numerics.py [--bin build/bin] [-k FILTER] [-v]
"""

import argparse
import os
import sys

import numpy as np
import torch
import torch.nn.functional as F
from onnx.backend.test.case.node.resize import (cubic_coeffs, interpolate_nd,
                                                 linear_coeffs, nearest_coeffs)
from tl_run_batch import run_batch, split_results, tensor_type

RNG = np.random.default_rng(7)
def rand(*shape, dtype=np.float32):
    return RNG.standard_normal(shape).astype(dtype)


class Case:
    """One tl op (`op`, `attrs`) on `x`; `expected` are its reference
    results (one array, or a list). Dims in `dynamic` are written '?' in
    the input and result types."""

    def __init__(self, name, x, expected, attrs, dynamic=(), op="resize"):
        self.name = name
        self.x = x
        expected = expected if isinstance(expected, list) else [
            np.asarray(expected).astype(x.dtype)]
        self.expected = [np.asarray(e) for e in expected]
        self.attrs = attrs
        self.dynamic = dynamic
        self.op = op

    def in_type(self):
        return tensor_type(self.x.shape, self.x.dtype, self.dynamic)

    def out_types(self):
        return [tensor_type(e.shape, e.dtype, self.dynamic) for e in self.expected]


def f64s(values):
    return "array<f64: " + ", ".join(repr(float(v)) for v in values) + ">"


def i64s(values):
    return "array<i64: " + ", ".join(str(int(v)) for v in values) + ">"


def attrs(mode="cubic", scales=None, sizes=None, transform=None, a=None,
          exclude=False, roi=None, extrapolation=None, nearest=None):
    parts = [f"mode = #tl<resize_mode {mode}>"]
    if scales is not None:
        parts.append(f"scales = {f64s(scales)}")
    if sizes is not None:
        parts.append(f"sizes = {i64s(sizes)}")
    if transform:
        parts.append(f"coordinate_transform = #tl<coordinate_transform {transform}>")
    if nearest:
        parts.append(f"nearest_mode = #tl<nearest_mode {nearest}>")
    if a is not None:
        parts.append(f"cubic_coeff_a = {float(a)!r} : f64")
    if exclude:
        parts.append("exclude_outside = true")
    if roi is not None:
        parts.append(f"roi = {f64s(roi)}")
    if extrapolation is not None:
        parts.append(f"extrapolation_value = {float(extrapolation)!r} : f64")
    return ", ".join(parts)


def onnx_ref(x, mode, scales=None, sizes=None, transform="half_pixel", a=-0.75,
             exclude=False, roi=None, extrapolation=0.0):
    """ONNX's reference Resize, computed in float64."""
    coeffs = {"cubic": lambda r: cubic_coeffs(r, A=a), "linear": linear_coeffs,
              "nearest": nearest_coeffs}[mode]
    return interpolate_nd(x.astype(np.float64), coeffs,
                           output_size=None if sizes is None else np.array(sizes),
                           scale_factors=None if scales is None else np.array(scales),
                           roi=None if roi is None else np.array(roi),
                           coordinate_transformation_mode=transform,
                           exclude_outside=exclude,
                           extrapolation_value=extrapolation)


def torch_bicubic(x, align_corners, scale=None, size=None):
    t = torch.from_numpy(x.astype(np.float64))
    return F.interpolate(t, scale_factor=scale, size=size, mode="bicubic",
                         align_corners=align_corners).numpy()


def cases():
    out = []
    # Bicubic against PyTorch: half_pixel is PyTorch's align_corners=False
    # (from scale factors: scale; from sizes: size / input).
    x = rand(2, 3, 5, 7)
    for scale in [(2.0, 1.5), (0.6, 0.5), (3.0, 0.75)]:
        name = "x".join(str(s) for s in scale)
        out.append(Case(f"bicubic_scales_{name}", x,
                        torch_bicubic(x, False, scale=scale),
                        attrs(scales=(1, 1) + scale)))
    for size in [(9, 4), (3, 13), (1, 1)]:
        name = "x".join(map(str, size))
        out.append(Case(f"bicubic_sizes_{name}", x,
                        torch_bicubic(x, False, size=size),
                        attrs(sizes=(2, 3) + size)))
        if size != (1, 1):
            out.append(Case(f"bicubic_align_corners_{name}", x,
                            torch_bicubic(x, True, size=size),
                            attrs(sizes=(2, 3) + size, transform="align_corners")))
    y = torch_bicubic(x, False, scale=(2.0, 1.5))
    assert np.allclose(onnx_ref(x, "cubic", scales=(1, 1, 2.0, 1.5)), y, atol=1e-6)

    # ONNX's own cubic options and transforms.
    x = rand(1, 2, 6, 5)
    for a, exclude in [(-0.5, True), (-0.5, False), (-0.75, True)]:
        for scales in [(1, 1, 1.5, 2.2), (1, 1, 0.5, 0.6)]:
            name = f"a{-a}_{'excl' if exclude else 'incl'}_{'x'.join(map(str, scales[2:]))}"
            out.append(Case(f"cubic_{name}", x,
                            onnx_ref(x, "cubic", scales=scales, a=a, exclude=exclude),
                            attrs(scales=scales, a=a, exclude=exclude)))
    for transform in ["asymmetric", "align_corners", "pytorch_half_pixel"]:
        scales = (1, 1, 1.5, 0.8)
        out.append(Case(f"cubic_{transform}", x,
                        onnx_ref(x, "cubic", scales=scales, transform=transform),
                        attrs(scales=scales, transform=transform)))
    # align_corners with scales: the resized length is D * scale.
    for mode in ["linear", "cubic"]:
        scales = (1, 1, 0.6, 1.5)
        out.append(Case(f"{mode}_align_corners_scales", x,
                        onnx_ref(x, mode, scales=scales, transform="align_corners"),
                        attrs(mode, scales=scales, transform="align_corners")))
    # tf_crop_and_resize: crops inside the input, and windows reaching out
    # of it (extrapolated), from sizes and from scales.
    for mode in ["linear", "cubic", "nearest"]:
        for roi, extra in [((0, 0, 0.2, 0.3, 1, 1, 0.9, 0.8), 0.0),
                           ((0, 0, -0.2, 0.4, 1, 1, 0.7, 1.6), 7.5)]:
            tag = "out" if extra else "in"
            out.append(Case(f"crop_{mode}_{tag}", x,
                            onnx_ref(x, mode, sizes=(1, 2, 4, 7),
                                     transform="tf_crop_and_resize", roi=roi,
                                     extrapolation=extra),
                            attrs(mode, sizes=(1, 2, 4, 7), transform="tf_crop_and_resize",
                                  roi=roi, extrapolation=extra or None)))
    roi = (0, 0, 0.1, 0.25, 1, 1, 0.8, 1.2)
    out.append(Case("crop_linear_scales", x,
                    onnx_ref(x, "linear", scales=(1, 1, 1.5, 0.8),
                             transform="tf_crop_and_resize", roi=roi, extrapolation=-1),
                    attrs("linear", scales=(1, 1, 1.5, 0.8), transform="tf_crop_and_resize",
                          roi=roi, extrapolation=-1)))
    out.append(Case("crop_to_one", x,
                    onnx_ref(x, "linear", sizes=(1, 2, 1, 1),
                             transform="tf_crop_and_resize", roi=roi),
                    attrs("linear", sizes=(1, 2, 1, 1), transform="tf_crop_and_resize",
                          roi=roi)))

    # tf_half_pixel_for_nn (nearest): x = (o + 0.5) / scale.
    x = rand(1, 1, 7, 6)
    for sizes, nearest in [((1, 1, 3, 4), "round_prefer_floor"), ((1, 1, 10, 9), "floor"),
                           ((1, 1, 5, 2), "round_prefer_ceil")]:
        y = x
        for d in (2, 3):
            scale = np.float32(sizes[d] / x.shape[d])
            c = (np.arange(sizes[d], dtype=np.float32) + np.float32(0.5)) / scale
            idx = {"round_prefer_floor": np.ceil(c - np.float32(0.5)),
                   "round_prefer_ceil": np.floor(c + np.float32(0.5)),
                   "floor": np.floor(c)}[nearest]
            y = np.take(y, np.clip(idx.astype(np.int64), 0, x.shape[d] - 1), axis=d)
        out.append(Case(f"tf_half_pixel_for_nn_{'x'.join(map(str, sizes[2:]))}", x, y,
                        attrs("nearest", sizes=sizes, transform="tf_half_pixel_for_nn",
                              nearest=nearest)))

    # Other ranks, dtypes and dynamic dims.
    x = rand(2, 9)
    out.append(Case("cubic_1d", x, onnx_ref(x, "cubic", scales=(1, 0.7)),
                    attrs(scales=(1, 0.7))))
    x = rand(1, 1, 3, 4, 5)
    out.append(Case("tricubic", x, onnx_ref(x, "cubic", sizes=(1, 1, 5, 3, 7)),
                    attrs(sizes=(1, 1, 5, 3, 7))))
    x = rand(1, 2, 5, 6, dtype=np.float64)
    out.append(Case("bicubic_f64", x, torch_bicubic(x, True, size=(7, 4)),
                    attrs(sizes=(1, 2, 7, 4), transform="align_corners")))
    x = rand(1, 2, 5, 6, dtype=np.float16)
    out.append(Case("bicubic_f16", x, torch_bicubic(x.astype(np.float64), False, scale=(2.0, 2.0)),
                    attrs(scales=(1, 1, 2, 2))))
    x = rand(3, 2, 5, 6)
    out.append(Case("bicubic_dynamic", x, torch_bicubic(x, False, scale=(1.5, 2.0)),
                    attrs(scales=(1, 1, 1.5, 2.0)), dynamic=(0, 2, 3)))
    return out


def pool_ref(x, kernel, strides, pads, dilations, ceil_mode, column_major=False):
    """Max pooling and ONNX argmax indices by scanning every window (numpy):
    the first maximum in row-major order wins, padding never does."""
    n, c, *dims = x.shape
    k = len(kernel)
    outs = []
    for i in range(k):
        span = dims[i] + pads[i] + pads[k + i] - dilations[i] * (kernel[i] - 1) - 1
        o = (-(-span // strides[i]) if ceil_mode else span // strides[i]) + 1
        if ceil_mode and (o - 1) * strides[i] >= dims[i] + pads[i]:
            o -= 1
        outs.append(o)
    values = np.zeros([n, c] + outs, x.dtype)
    indices = np.zeros([n, c] + outs, np.int64)
    size = int(np.prod(dims))
    for plane in range(n * c):
        data = x.reshape(n * c, *dims)[plane]
        for o in np.ndindex(*outs):
            best = None
            for w in np.ndindex(*kernel):
                p = [o[i] * strides[i] + w[i] * dilations[i] - pads[i] for i in range(k)]
                if any(q < 0 or q >= d for q, d in zip(p, dims)):
                    continue
                if best is None or data[tuple(p)] > best[0]:
                    best = (data[tuple(p)], p)
            order = "F" if column_major else "C"
            values.reshape(n * c, *outs)[(plane,) + o] = best[0]
            indices.reshape(n * c, *outs)[(plane,) + o] = (
                plane * size + np.ravel_multi_index(best[1], dims, order=order))
    return values, indices


def torch_pool(x, kernel, strides, pads, dilations, ceil_mode):
    """PyTorch's values and per-plane indices, made ONNX's flat indices."""
    fn = {1: F.max_pool1d, 2: F.max_pool2d, 3: F.max_pool3d}[len(kernel)]
    k = len(kernel)
    assert pads[:k] == pads[k:], "PyTorch pads symmetrically"
    y, i = fn(torch.from_numpy(x), kernel, strides, pads[:k], dilations,
              ceil_mode=ceil_mode, return_indices=True)
    n, c = x.shape[:2]
    size = int(np.prod(x.shape[2:]))
    plane = np.arange(n * c).reshape(n, c, *([1] * k)) * size
    return y.numpy(), i.numpy() + plane


def pool_attrs(kernel, strides=None, pads=None, dilations=None, ceil_mode=False,
               column_major=False):
    parts = [f"kernel_shape = {i64s(kernel)}"]
    if strides:
        parts.append(f"strides = {i64s(strides)}")
    if pads:
        parts.append(f"pads = {i64s(pads)}")
    if dilations:
        parts.append(f"dilations = {i64s(dilations)}")
    if ceil_mode:
        parts.append("ceil_mode = true")
    if column_major:
        parts.append("storage_order = #tl<storage_order column_major>")
    return ", ".join(parts)


def pool_cases():
    out = []
    configs = [  # kernel, strides, pads, dilations, ceil_mode
        ((3, 3), (2, 2), (1, 1, 1, 1), (1, 1), False),
        ((2, 3), (2, 1), (0, 0, 0, 0), (1, 1), True),
        ((3, 2), (1, 2), (1, 0, 1, 0), (2, 1), False),
        ((2, 2), (2, 2), (1, 1, 1, 1), (1, 1), True),
    ]
    x = rand(2, 3, 9, 8)
    for i, (kernel, strides, pads, dilations, ceil) in enumerate(configs):
        ref = torch_pool(x, kernel, strides, pads, dilations, ceil)
        assert all(np.array_equal(a, b) for a, b in zip(
            ref, pool_ref(x, kernel, strides, pads, dilations, ceil)))
        out.append(Case(f"max_pool_indices_2d_{i}", x, list(ref),
                        pool_attrs(kernel, strides, pads, dilations, ceil),
                        op="max_pool_with_indices"))
        out.append(Case(f"max_pool_indices_2d_{i}_column_major", x,
                        list(pool_ref(x, kernel, strides, pads, dilations, ceil, True)),
                        pool_attrs(kernel, strides, pads, dilations, ceil, True),
                        op="max_pool_with_indices"))
    x = rand(2, 3, 11)
    out.append(Case("max_pool_indices_1d", x,
                    list(torch_pool(x, (3,), (2,), (1, 1), (2,), False)),
                    pool_attrs((3,), (2,), (1, 1), (2,)), op="max_pool_with_indices"))
    x = rand(1, 2, 5, 6, 7)
    out.append(Case("max_pool_indices_3d", x,
                    list(torch_pool(x, (2, 3, 2), (2, 2, 1), (1, 1, 0, 1, 1, 0), (1, 1, 1), True)),
                    pool_attrs((2, 3, 2), (2, 2, 1), (1, 1, 0, 1, 1, 0), None, True),
                    op="max_pool_with_indices"))
    out.append(Case("max_pool_indices_3d_column_major", x,
                    list(pool_ref(x, (2, 2, 2), (2, 2, 2), (0,) * 6, (1, 1, 1), False, True)),
                    pool_attrs((2, 2, 2), (2, 2, 2), None, None, False, True),
                    op="max_pool_with_indices"))
    # Asymmetric pads; integers with ties (the first maximum wins); unsigned
    # values above 127; f64; dynamic dims.
    x = rand(1, 2, 7, 7)
    out.append(Case("max_pool_indices_asymmetric_pads", x,
                    list(pool_ref(x, (3, 3), (2, 2), (0, 1, 2, 1), (1, 1), False)),
                    pool_attrs((3, 3), (2, 2), (0, 1, 2, 1)), op="max_pool_with_indices"))
    x = RNG.integers(-3, 3, (2, 2, 6, 6)).astype(np.int32)
    out.append(Case("max_pool_indices_i32_ties", x,
                    list(pool_ref(x, (3, 3), (1, 1), (1, 1, 1, 1), (1, 1), False)),
                    pool_attrs((3, 3), (1, 1), (1, 1, 1, 1)), op="max_pool_with_indices"))
    x = RNG.integers(0, 256, (1, 3, 6, 5)).astype(np.uint8)
    out.append(Case("max_pool_indices_ui8", x,
                    list(pool_ref(x, (2, 2), (2, 2), (0, 0, 1, 1), (1, 1), False, True)),
                    pool_attrs((2, 2), (2, 2), (0, 0, 1, 1), None, False, True),
                    op="max_pool_with_indices"))
    x = rand(2, 2, 7, 6, dtype=np.float64)
    out.append(Case("max_pool_indices_f64", x,
                    list(torch_pool(x, (3, 2), (2, 2), (1, 0, 1, 0), (1, 1), True)),
                    pool_attrs((3, 2), (2, 2), (1, 0, 1, 0), None, True),
                    op="max_pool_with_indices"))
    x = rand(3, 2, 8, 9)
    out.append(Case("max_pool_indices_dynamic", x,
                    list(pool_ref(x, (3, 3), (2, 2), (1, 1, 1, 1), (1, 1), False, True)),
                    pool_attrs((3, 3), (2, 2), (1, 1, 1, 1), None, False, True),
                    dynamic=(0, 2, 3), op="max_pool_with_indices"))
    return out


def build_module(selected):
    args = ", ".join(f"%x{i}: {c.in_type()}" for i, c in enumerate(selected))
    results = [t for c in selected for t in c.out_types()]
    lines = [f"func.func @main({args}) -> ({', '.join(results)}) {{"]
    names = []
    for i, c in enumerate(selected):
        outs = c.out_types()
        name = f"%y{i}" + (f":{len(outs)}" if len(outs) > 1 else "")
        sig = outs[0] if len(outs) == 1 else "(" + ", ".join(outs) + ")"
        lines.append(f"  {name} = tl.{c.op} %x{i} {{{c.attrs}}} : ({c.in_type()}) -> {sig}")
        names += [f"%y{i}"] if len(outs) == 1 else [f"%y{i}#{j}" for j in range(len(outs))]
    lines.append(f"  return {', '.join(names)} : {', '.join(results)}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def check(case, expected, got):
    if got.shape != expected.shape:
        return f"shape {list(got.shape)} != expected {list(expected.shape)}"
    if expected.dtype.kind in "iu":
        if got.dtype != expected.dtype:
            return f"dtype {got.dtype} != expected {expected.dtype}"
        bad = got != expected
        if not bad.any():
            return None
        i = int(np.argmax(bad.ravel()))
        return (f"{int(bad.sum())}/{bad.size} differ, e.g. at {i}: got {got.ravel()[i]}, "
                f"expected {expected.ravel()[i]}")
    tol = (2e-3, 2e-3) if case.x.dtype == np.float16 else (1e-4, 1e-5)
    a, e = got.astype(np.float64), expected.astype(np.float64)
    ok = np.isclose(a, e, rtol=tol[0], atol=tol[1])
    if ok.all():
        return None
    i = int(np.argmin(ok.ravel()))
    return (f"{int((~ok).sum())}/{ok.size} differ, e.g. at {i}: got {a.ravel()[i]}, "
            f"expected {e.ravel()[i]}")


def run(selected, bindir):
    outputs, error = run_batch(build_module(selected), [c.x for c in selected], bindir,
                               "tlc-resize-pool-")
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
    selected = [c for c in cases() + pool_cases()
                if not args.filter or args.filter in c.name]
    results = run(selected, args.bin)
    failed = 0
    for name, reason in results.items():
        if reason:
            failed += 1
            print(f"FAIL {name}: {reason}")
        elif args.verbose:
            print(f"PASS {name}")
    print(f"{len(results) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
