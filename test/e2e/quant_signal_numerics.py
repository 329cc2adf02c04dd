#!/usr/bin/env python3
"""Numerical check of the quantization operators, Einsum, Det, GridSample,
DFT/STFT and the window functions, imported from ONNX, compiled and run
with tl-run.

The ONNX backend test data has one or two small cases per operator; these
add odd shapes: per-axis int8 quantization with saturation and ties (round
half to even), per-row/per-column zero points, batched QLinearMatMul,
QLinearConv with strides, pads, groups, per-channel weight scales and
zero points and a bias, ConvInteger with dilations, DynamicQuantizeLinear on
a range that does not include 0, Einsum with diagonals, broadcasting
ellipses, implicit results and three operands, Det of 1x1 to 4x4 batches,
GridSample in every mode/padding/align_corners combination on points
inside and outside the input, RoiAlign (both coordinate modes, boxes
partly outside the image), DFT of real and complex signals (forward,
inverse, onesided, dft_length), STFT with a window, TfIdfVectorizer in
every mode on 1-D and batched tokens, and the windows at several sizes.

References, independent of tlc: numpy written from the ONNX operator
definitions (integer results exact; the real value of QLinear* is
acc * (scale_a * scale_b) in f32 before requantization), PyTorch's
conv2d in float64 for the integer convolutions (exact for these sizes),
numpy.einsum, numpy.linalg.det, PyTorch's F.grid_sample, torchvision's
roi_align, numpy.fft, and
numpy's hanning/blackman (symmetric) windows; TfIdfVectorizer against a
direct count over every n-gram, skip distance and position.

  test/e2e/quant_signal_numerics.py [--bin build/bin] [-k FILTER] [-v]
"""

import argparse
import os
import subprocess
import sys
import tempfile

import numpy as np
import onnx
import torch
import torch.nn.functional as F
from onnx import TensorProto as TP
from onnx import helper, numpy_helper

RNG = np.random.default_rng(11)
ONNX_TYPES = {np.dtype(np.float32): TP.FLOAT, np.dtype(np.float64): TP.DOUBLE,
              np.dtype(np.uint8): TP.UINT8, np.dtype(np.int8): TP.INT8,
              np.dtype(np.int32): TP.INT32, np.dtype(np.int64): TP.INT64}


class Case:
    """One ONNX node over runtime `inputs` (name -> array) and initializers
    `consts`, whose outputs must equal `expected` (a list)."""

    def __init__(self, name, op, inputs, expected, consts=None, opset=13,
                 input_order=None, **attrs):
        self.name = name
        self.op = op
        self.inputs = inputs
        self.consts = consts or {}
        self.expected = expected
        self.opset = opset
        self.order = input_order or list(inputs) + list(self.consts)
        self.attrs = attrs

    def model(self):
        outs = [f"out{i}" for i in range(len(self.expected))]
        node = helper.make_node(self.op, self.order, outs, **self.attrs)
        graph = helper.make_graph(
            [node], self.name,
            [helper.make_tensor_value_info(n, ONNX_TYPES[a.dtype], a.shape)
             for n, a in self.inputs.items()],
            [helper.make_tensor_value_info(o, ONNX_TYPES[e.dtype], e.shape)
             for o, e in zip(outs, self.expected)],
            [numpy_helper.from_array(np.asarray(a), n)
             for n, a in self.consts.items()])
        return helper.make_model(graph, opset_imports=[helper.make_opsetid("", self.opset)])


def saturate(values, dtype):
    info = np.iinfo(dtype)
    return np.clip(values, info.min, info.max).astype(dtype)


def quantize(x, scale, zp):
    return saturate(np.rint(x / scale) + zp.astype(np.float64), zp.dtype)


def along(v, axis, rank):
    shape = [1] * rank
    shape[axis] = v.size
    return v.reshape(shape)


def u8(*shape):
    return RNG.integers(0, 256, shape).astype(np.uint8)


def i8(*shape):
    return RNG.integers(-128, 128, shape).astype(np.int8)


def conv_i32(x, w, stride=1, pad=0, dilation=1, groups=1):
    """Integer convolution through PyTorch float64 (exact below 2^53)."""
    y = F.conv2d(torch.from_numpy(x.astype(np.float64)),
                 torch.from_numpy(w.astype(np.float64)), stride=stride,
                 padding=pad, dilation=dilation, groups=groups)
    return y.numpy().astype(np.int32)


def tfidf_reference(x, grams, indexes, min_n, max_n, max_skip, mode, weights):
    """Counts every pool n-gram at every skip distance (unigrams once), per
    row, then weights them as the ONNX operator defines."""
    rows = x.reshape(-1, x.shape[-1])
    out = np.zeros((rows.shape[0], max(indexes) + 1), np.float32)
    for r, row in enumerate(rows):
        for gram, index in zip(grams, indexes):
            n = len(gram)
            if not min_n <= n <= max_n:
                continue
            count = 0
            for d in range(1, 2 if n == 1 else max_skip + 2):
                for i in range(len(row) - (n - 1) * d):
                    count += all(row[i + k * d] == gram[k] for k in range(n))
            out[r, index] = count
    w = np.zeros(out.shape[1], np.float32)
    for index, weight in zip(indexes, weights):
        w[index] = weight
    if mode == "IDF":
        out = (out > 0) * w
    elif mode == "TFIDF":
        out = out * w
    return out.reshape(x.shape[:-1] + (out.shape[1],)).astype(np.float32)


def cases():
    result = []
    f32 = np.float32

    # QuantizeLinear: per-axis int8 with ties and saturation.
    x = (RNG.integers(-600, 600, (2, 3, 4)) / 2).astype(f32)  # many .5 ties
    s = np.array([1.0, 0.5, 2.0], f32)
    z = np.array([-3, 0, 5], np.int8)
    result.append(Case("quantize_axis1_int8", "QuantizeLinear", {"x": x, "s": s, "z": z},
                       [quantize(x, along(s, 1, 3), along(z, 1, 3))], axis=1))
    s2 = np.array([0.5, 1, 3, 0.25], f32)
    z2 = np.array([0, 10, 128, 255], np.uint8)
    result.append(Case("quantize_last_axis_uint8", "QuantizeLinear", {"x": x, "s": s2, "z": z2},
                       [quantize(x, along(s2, 2, 3), along(z2, 2, 3))], axis=-1))
    result.append(Case("quantize_default_zero_point", "QuantizeLinear", {"x": x},
                       [quantize(x, f32(0.5), np.uint8(0))], consts={"s": f32(0.5)},
                       input_order=["x", "s"]))

    # DequantizeLinear: per-axis int8, per-tensor int32.
    q = i8(2, 3, 4)
    result.append(Case("dequantize_axis_int8", "DequantizeLinear", {"q": q, "s": s, "z": z},
                       [((q.astype(np.int32) - along(z, 1, 3)) * along(s, 1, 3)).astype(f32)],
                       axis=1))
    q32 = RNG.integers(-2**20, 2**20, (5,)).astype(np.int32)
    result.append(Case("dequantize_int32", "DequantizeLinear", {"q": q32},
                       [(q32 * f32(0.125)).astype(f32)], consts={"s": f32(0.125)}))

    # DynamicQuantizeLinear: all-positive input (min clamps to 0).
    x = (RNG.random((3, 5)) * 4 + 1).astype(f32)
    lo, hi = min(x.min(), 0), max(x.max(), 0)
    scale = f32((hi - lo) / f32(255))
    zp = np.uint8(np.clip(np.rint(-lo / scale), 0, 255))
    result.append(Case("dynamic_quantize_positive", "DynamicQuantizeLinear", {"x": x},
                       [quantize(x, scale, zp), np.asarray(scale), np.asarray(zp)],
                       opset=11))

    # MatMulInteger: per-row a zero point, per-column b zero point, batch.
    a, b = u8(2, 3, 5, 7), i8(7, 4)
    az, bz = u8(5), i8(4)
    ref = np.matmul(a.astype(np.int32) - az.astype(np.int32)[:, None],
                    b.astype(np.int32) - bz.astype(np.int32))
    result.append(Case("matmul_integer_per_row_col", "MatMulInteger",
                       {"a": a, "b": b, "az": az, "bz": bz}, [ref], opset=10))

    # ConvInteger: dilation, stride, padding, per-channel weight zero point.
    x, w = u8(2, 3, 9, 8), u8(4, 3, 3, 2)
    xz, wz = np.uint8(17), u8(4)
    ref = conv_i32(x.astype(np.int32) - 17, w.astype(np.int32) - wz.astype(np.int32)[:, None, None, None],
                   stride=2, pad=(1, 2), dilation=(2, 1))
    result.append(Case("conv_integer_strided", "ConvInteger", {"x": x, "w": w},
                       [ref], consts={"xz": xz, "wz": wz}, opset=10,
                       strides=[2, 2], pads=[1, 2, 1, 2], dilations=[2, 1]))

    # QLinearMatMul, batched with broadcasting and int8 operands.
    a, b = i8(3, 4, 6), i8(6, 5)
    sa, sb, sy = f32(0.02), f32(0.03), f32(0.05)
    za, zb, zy = np.int8(-2), np.int8(3), np.int8(-5)
    acc = np.matmul(a.astype(np.int32) - za, b.astype(np.int32) - zb)
    ref = quantize(acc.astype(f32) * (sa * sb), sy, zy)
    result.append(Case("qlinear_matmul_batched_int8", "QLinearMatMul", {"a": a, "b": b},
                       [ref], consts={"sa": sa, "za": za, "sb": sb, "zb": zb,
                                      "sy": sy, "zy": zy}, opset=10,
                       input_order=["a", "sa", "za", "b", "sb", "zb", "sy", "zy"]))

    # QLinearConv: groups, strides, pads, per-channel w scale and zero point,
    # bias, odd spatial sizes.
    x, w = u8(1, 4, 7, 9), u8(6, 2, 3, 3)
    sx, sy = f32(0.01), f32(0.2)
    zx, zy = np.uint8(120), np.uint8(100)
    sw = (RNG.random(6) * 0.02 + 0.005).astype(f32)
    zw = u8(6)
    bias = RNG.integers(-500, 500, (6,)).astype(np.int32)
    acc = conv_i32(x.astype(np.int32) - 120,
                   w.astype(np.int32) - zw.astype(np.int32)[:, None, None, None],
                   stride=(2, 1), pad=(1, 0), groups=2) + bias[None, :, None, None]
    real = acc.astype(f32) * (sx * sw)[None, :, None, None]
    ref = quantize(real, sy, zy)
    result.append(Case("qlinear_conv_grouped", "QLinearConv", {"x": x, "w": w}, [ref],
                       consts={"sx": sx, "zx": zx, "sw": sw, "zw": zw, "sy": sy, "zy": zy,
                               "bias": bias}, opset=10,
                       input_order=["x", "sx", "zx", "w", "sw", "zw", "sy", "zy", "bias"],
                       strides=[2, 1], pads=[1, 0, 1, 0], group=2))

    # Einsum.
    def einsum(name, eq, *ops):
        names = [f"in{i}" for i in range(len(ops))]
        return Case("einsum_" + name, "Einsum", dict(zip(names, ops)),
                    [np.asarray(np.einsum(eq, *ops))], opset=12, equation=eq)
    r = lambda *shape: RNG.standard_normal(shape).astype(f32)
    result.append(einsum("bilinear", "bn,anm,bm->ba", r(2, 3), r(4, 3, 5), r(2, 5)))
    result.append(einsum("ellipsis_broadcast", "...ij,...jk->...ik", r(2, 1, 3, 4), r(5, 4, 2)))
    result.append(einsum("implicit_outer", "i,j", r(3), r(4)))
    result.append(einsum("trace", "ii", r(4, 4)))
    result.append(einsum("diag_mid", "aibi->abi", r(2, 3, 4, 3)))
    result.append(einsum("int_transpose_sum", "ijk->kj", RNG.integers(-9, 9, (2, 3, 4)).astype(np.int32)))
    result.append(einsum("f64_attention", "bhqd,bhkd->bhqk", r(2, 2, 3, 4).astype(np.float64),
                         r(2, 2, 5, 4).astype(np.float64)))

    # Det.
    for m in (1, 2, 3, 4):
        a = r(2, 3, m, m).astype(np.float64)
        result.append(Case(f"det_{m}x{m}", "Det", {"a": a}, [np.linalg.det(a)], opset=11))

    # GridSample against PyTorch.
    x = r(2, 3, 5, 4)
    grid = (RNG.random((2, 6, 7, 2)) * 2.6 - 1.3).astype(f32)  # some outside
    grid[0, 0, :3] = [[-1, -1], [1, 1], [0, 0]]                 # exact corners
    for mode in ("bilinear", "nearest", "bicubic"):
        for padding in ("zeros", "border", "reflection"):
            for align in (0, 1):
                ref = F.grid_sample(torch.from_numpy(x), torch.from_numpy(grid), mode=mode,
                                    padding_mode=padding, align_corners=bool(align)).numpy()
                result.append(Case(f"grid_sample_{mode}_{padding}_{align}", "GridSample",
                                   {"x": x, "grid": grid}, [ref], opset=16, mode=mode,
                                   padding_mode=padding, align_corners=align))

    # RoiAlign against torchvision.ops.roi_align (average of sampling_ratio^2
    # bilinear samples per bin); boxes partly outside the image.
    from torchvision.ops import roi_align
    feats = r(2, 3, 9, 11)
    boxes = np.array([[0.5, 1.0, 6.0, 7.5], [-3.0, -2.0, 4.0, 3.0], [2.0, 2.0, 2.5, 2.2],
                      [5.0, 4.0, 13.0, 12.0]], f32)
    batch = np.array([1, 0, 1, 0], np.int64)
    for aligned in (False, True):
        for scale in (1.0, 0.5):
            ref = roi_align(torch.from_numpy(feats),
                            torch.from_numpy(np.concatenate([batch[:, None].astype(f32), boxes], 1)),
                            output_size=(3, 4), spatial_scale=scale, sampling_ratio=2,
                            aligned=aligned).numpy()
            mode = "half_pixel" if aligned else "output_half_pixel"
            result.append(Case(f"roi_align_{mode}_{scale}", "RoiAlign",
                               {"x": feats, "rois": boxes, "batch": batch}, [ref], opset=16,
                               coordinate_transformation_mode=mode, output_height=3,
                               output_width=4, sampling_ratio=2, spatial_scale=scale))

    # DFT against numpy.fft.
    sig = r(2, 12, 5, 1)
    ref = np.fft.fft(sig[..., 0], axis=1)
    result.append(Case("dft_real_axis1", "DFT", {"s": sig},
                       [np.stack([ref.real, ref.imag], -1).astype(f32)], opset=17, axis=1))
    csig = r(3, 8, 2)
    z = csig[..., 0] + 1j * csig[..., 1]
    ref = np.fft.ifft(z, axis=1)
    result.append(Case("dft_complex_inverse", "DFT", {"s": csig},
                       [np.stack([ref.real, ref.imag], -1).astype(f32)], opset=17, axis=-2,
                       inverse=1))
    ref = np.fft.rfft(sig[..., 0], n=16, axis=2)
    result.append(Case("dft_onesided_padded", "DFT", {"s": sig},
                       [np.stack([ref.real, ref.imag], -1).astype(f32)],
                       consts={"n": np.int64(16)}, opset=17, axis=2, onesided=1))
    sig = r(2, 50, 1)
    win = np.hanning(12).astype(f32)
    frames = np.stack([sig[:, i * 5:i * 5 + 12, 0] * win for i in range((50 - 12) // 5 + 1)], 1)
    ref = np.fft.rfft(frames, axis=-1)
    result.append(Case("stft_window", "STFT", {"s": sig, "w": win},
                       [np.stack([ref.real, ref.imag], -1).astype(f32)],
                       consts={"step": np.int64(5)}, opset=17,
                       input_order=["s", "step", "w"]))

    # TfIdfVectorizer (integer pools) in every mode, 1-D and batched.
    pool = [4, 7, 4, 7, 7, 1, 7, 4, 2]          # unigrams 4, 7; bigrams; trigram
    counts, indexes = [0, 2, 6], [3, 0, 1, 4, 2]
    grams = [[4], [7], [4, 7], [7, 1], [7, 4, 2]]
    weights = [0.5, 1.5, 2.0, 3.0, 0.25]
    x = RNG.integers(0, 9, (3, 11)).astype(np.int64)
    x[0, :5] = [7, 4, 7, 4, 2]  # overlapping matches at several distances
    for mode in ("TF", "IDF", "TFIDF"):
        for shape in ((11,), (3, 11)):
            xs = x[0] if len(shape) == 1 else x
            ref = tfidf_reference(xs, grams, indexes, 1, 3, 2, mode, weights)
            result.append(Case(f"tfidf_{mode.lower()}_{len(shape)}d", "TfIdfVectorizer",
                               {"x": xs}, [ref], opset=9, mode=mode, min_gram_length=1,
                               max_gram_length=3, max_skip_count=2, ngram_counts=counts,
                               ngram_indexes=indexes, pool_int64s=pool, weights=weights))

    # Windows (numpy's are the symmetric forms; periodic = symmetric of n + 1
    # without its last point).
    for n in (1, 7, 16):
        for op, fn in (("HannWindow", np.hanning), ("HammingWindow", None),
                       ("BlackmanWindow", np.blackman)):
            for periodic in (0, 1):
                m = n + periodic
                if op == "HammingWindow":
                    k = np.arange(m)
                    sym = 25 / 46 - 21 / 46 * np.cos(2 * np.pi * k / max(m - 1, 1))
                else:
                    sym = fn(m)
                if m == 1:
                    continue  # numpy's 1-point windows are special-cased
                ref = sym[:n].astype(f32)
                result.append(Case(f"{op.lower()}_{n}_{'periodic' if periodic else 'symmetric'}",
                                   op, {}, [ref], consts={"n": np.int64(n)}, opset=17,
                                   periodic=periodic))
    return result


def run_case(case, bindir, workdir):
    path = os.path.join(workdir, case.name)
    os.makedirs(path, exist_ok=True)
    model = os.path.join(path, "model.onnx")
    onnx.save(case.model(), model)
    cmd = [os.path.join(bindir, "tl-run"), model, "--output-dir", path]
    for name, value in case.inputs.items():
        f = os.path.join(path, name + ".npy")
        np.save(f, value)
        cmd += ["--input", f]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        return (proc.stderr or proc.stdout).strip().splitlines()[-1:] or ["tl-run failed"]
    errors = []
    for i, expected in enumerate(case.expected):
        actual = np.load(os.path.join(path, f"output_{i}.npy"))
        if actual.shape != expected.shape or actual.dtype != expected.dtype:
            errors.append(f"output {i}: {actual.dtype}{list(actual.shape)} != "
                          f"{expected.dtype}{list(expected.shape)}")
        elif expected.dtype.kind == "f":
            if not np.allclose(actual, expected, rtol=1e-4, atol=1e-5):
                errors.append(f"output {i}: max error {np.abs(actual - expected).max()}")
        elif not np.array_equal(actual, expected):
            errors.append(f"output {i}: {int((actual != expected).sum())}/{expected.size} "
                          "elements differ")
    return errors


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", default=os.environ.get("TLC_BIN", "build/bin"))
    parser.add_argument("-k", dest="filter", default="")
    parser.add_argument("-v", action="store_true")
    args = parser.parse_args()
    failed = 0
    selected = [c for c in cases() if args.filter in c.name]
    with tempfile.TemporaryDirectory() as workdir:
        for case in selected:
            errors = run_case(case, args.bin, workdir)
            if errors:
                failed += 1
                print(f"FAIL {case.name}: {'; '.join(errors)}")
            elif args.v:
                print(f"PASS {case.name}")
    print(f"quant_signal_numerics: {len(selected) - failed}/{len(selected)} passed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
