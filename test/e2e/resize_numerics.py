#!/usr/bin/env python3
"""Numerical check of tl.resize's cubic mode and ONNX-only coordinate
transforms, compiled and run end to end with tl-run.

References, independent of tlc:
  - PyTorch's bicubic F.interpolate (Keys kernel, a = -0.75), with and
    without align_corners, from scale factors and from sizes;
  - ONNX's own reference implementation of Resize (the interpolate_nd that
    generates the ONNX backend test data, shipped with python3-onnx) for
    cubic_coeff_a, exclude_outside, tf_crop_and_resize and the other
    transforms;
  - numpy for tf_half_pixel_for_nn (x = (o + 0.5) / scale), which that
    reference lacks.

All cases become the inputs and outputs of one `main` function, so that
tl-run compiles once. Floats compare with rtol 1e-4 / atol 1e-5 (f16 cases
with rtol 2e-3 / atol 2e-3).

  test/e2e/resize_numerics.py [--bin build/bin] [-v]
"""

import argparse
import os
import subprocess
import sys
import tempfile

import numpy as np
import torch
import torch.nn.functional as F
from onnx.backend.test.case.node.resize import (cubic_coeffs, interpolate_nd,
                                                 linear_coeffs, nearest_coeffs)

RNG = np.random.default_rng(7)
MLIR_TYPES = {np.dtype(np.float32): "f32", np.dtype(np.float64): "f64",
              np.dtype(np.float16): "f16"}


def rand(*shape, dtype=np.float32):
    return RNG.standard_normal(shape).astype(dtype)


class Case:
    def __init__(self, name, x, expected, attrs, dynamic=()):
        self.name = name
        self.x = x
        self.expected = np.asarray(expected).astype(x.dtype)
        self.attrs = attrs
        self.dynamic = dynamic  # input and result dims written as '?'

    def type(self, shape):
        dims = ["?" if i in self.dynamic else str(d) for i, d in enumerate(shape)]
        return f"tensor<{'x'.join(dims)}x{MLIR_TYPES[self.x.dtype]}>"


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


def build_module(selected):
    args = ", ".join(f"%x{i}: {c.type(c.x.shape)}" for i, c in enumerate(selected))
    results = ", ".join(c.type(c.expected.shape) for c in selected)
    lines = [f"func.func @main({args}) -> ({results}) {{"]
    for i, c in enumerate(selected):
        lines.append(f"  %y{i} = tl.resize %x{i} {{{c.attrs}}} : "
                     f"({c.type(c.x.shape)}) -> {c.type(c.expected.shape)}")
    lines.append(f"  return {', '.join(f'%y{i}' for i in range(len(selected)))} : {results}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def check(case, got):
    if got.shape != case.expected.shape:
        return f"shape {list(got.shape)} != expected {list(case.expected.shape)}"
    tol = (2e-3, 2e-3) if case.x.dtype == np.float16 else (1e-4, 1e-5)
    a, e = got.astype(np.float64), case.expected.astype(np.float64)
    ok = np.isclose(a, e, rtol=tol[0], atol=tol[1])
    if ok.all():
        return None
    i = int(np.argmin(ok.ravel()))
    return (f"{int((~ok).sum())}/{ok.size} differ, e.g. at {i}: got {a.ravel()[i]}, "
            f"expected {e.ravel()[i]}")


def run(selected, bindir, verbose):
    with tempfile.TemporaryDirectory(prefix="tlc-resize-") as tmp:
        model = os.path.join(tmp, "resize.mlir")
        with open(model, "w") as f:
            f.write(build_module(selected))
        cmd = [os.path.join(bindir, "tl-run"), model, "--output-dir", tmp, "--print-values=0"]
        for i, c in enumerate(selected):
            path = os.path.join(tmp, f"x{i}.npy")
            np.save(path, c.x)
            cmd += ["--input", path]
        proc = subprocess.run(cmd, capture_output=True, text=True)
        if proc.returncode != 0:
            return {c.name: "tl-run: " + (proc.stderr.strip().splitlines() or ["failed"])[-1]
                    for c in selected}
        return {c.name: check(c, np.load(os.path.join(tmp, f"output_{i}.npy")))
                for i, c in enumerate(selected)}


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", default=os.environ.get("TLC_BIN", "build/bin"),
                        help="folder with tl-run")
    parser.add_argument("-k", dest="filter", help="only cases whose name contains this")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    selected = [c for c in cases() if not args.filter or args.filter in c.name]
    results = run(selected, args.bin, args.verbose)
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
