#!/usr/bin/env python3
"""tlc vs ONNX Runtime vs PyTorch, side by side in one run.

Workloads: a 1024^3 f32 matmul, a ResNet 3x3 convolution layer (64->64 channels,
56x56, pad 1, with bias), torchvision ResNet-18 at batch 1 (random weights) and
a chain of 8 elementwise ops (Add, Mul, Sub, Div, Max, Min, Abs, Relu with
small constants) over 16M floats, each at 1 and 2 threads. The chain reads and
writes 64 MB once when fused (a memory floor of ~5 ms at 27 GB/s); unfused it
makes eight passes. The same ONNX file feeds tlc (tl-compile -> .so, timed
by `tl-run --benchmark`) and ONNX Runtime (npm onnxruntime-node, timed by
ort_bench.js); PyTorch runs the module it was exported from. Latencies are
medians (or minima, --stat min, steadier on a machine shared with other jobs)
over --iters runs after warm-up; the ratios are tlc / peer (below 1: tlc is
faster). Measured, never asserted.

  bench/run_bench.py --bin build/bin [--iters 30] [--threads 1,2] [--stat median|min]
                     [--only matmul,conv,resnet18,eltwise8]
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time

import numpy as np
import torch
import torch.nn as nn

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class MatMul(nn.Module):
    def forward(self, a, b):
        return torch.matmul(a, b)


class ElementwiseChain(nn.Module):
    """Eight elementwise ops with scalar constants (ONNX Add, Mul, Sub, Div,
    Max, Min, Abs, Relu)."""

    def __init__(self):
        super().__init__()
        self.register_buffer("low", torch.tensor(-1.0))
        self.register_buffer("high", torch.tensor(4.0))

    def forward(self, x):
        x = x + 0.5
        x = x * 1.5
        x = x - 0.25
        x = x / 2.0
        x = torch.maximum(x, self.low)
        x = torch.minimum(x, self.high)
        x = torch.abs(x)
        return torch.relu(x)


def workloads():
    torch.manual_seed(0)
    conv = nn.Conv2d(64, 64, 3, padding=1)
    import torchvision
    resnet = torchvision.models.resnet18(weights=None)
    return {
        "matmul": (MatMul(), [(1024, 1024), (1024, 1024)]),
        "conv": (conv, [(1, 64, 56, 56)]),
        "resnet18": (resnet, [(1, 3, 224, 224)]),
        "eltwise8": (ElementwiseChain(), [(16, 1024, 1024)]),
    }


def summarize(times, stat):
    return float(np.min(times) if stat == "min" else np.median(times))


def time_torch(module, inputs, threads, iters, warmup, stat):
    torch.set_num_threads(threads)
    args = [torch.from_numpy(x) for x in inputs]
    with torch.no_grad():
        for _ in range(warmup):
            module(*args)
        times = []
        for _ in range(iters):
            t0 = time.perf_counter()
            module(*args)
            times.append((time.perf_counter() - t0) * 1e3)
    return summarize(times, stat)


def time_tlc(bindir, lib, input_paths, threads, iters, stat):
    cmd = [os.path.join(bindir, "tl-run"), lib, "--threads", str(threads),
           "--benchmark", str(iters)]
    for p in input_paths:
        cmd += ["--input", p]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    match = re.search(stat + r"[^0-9]*([0-9.]+)\s*ms", out)
    if not match:
        raise RuntimeError("cannot parse tl-run --benchmark output:\n" + out)
    return float(match.group(1))


def time_ort(onnx_path, input_paths, threads, iters, warmup, stat):
    env = dict(os.environ, NODE_PATH=os.path.join(ROOT, ".deps/ort/node_modules"))
    cmd = ["node", os.path.join(ROOT, "bench/ort_bench.js"), onnx_path,
           "--threads", str(threads), "--iters", str(iters), "--warmup", str(warmup)]
    out = subprocess.run(cmd + input_paths, check=True, capture_output=True,
                         text=True, env=env).stdout
    return json.loads(out.strip().splitlines()[-1])[stat + "_ms"]


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", default=os.path.join(ROOT, "build/bin"))
    parser.add_argument("--iters", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--threads", default="1,2")
    parser.add_argument("--stat", choices=["median", "min"], default="median",
                        help="latency statistic over the timed runs")
    parser.add_argument("--only", help="comma-separated subset of matmul,conv,resnet18,eltwise8")
    args = parser.parse_args()
    threads = [int(t) for t in args.threads.split(",")]
    selected = workloads()
    if args.only:
        selected = {k: v for k, v in selected.items() if k in args.only.split(",")}

    rng = np.random.default_rng(0)
    rows = []
    with tempfile.TemporaryDirectory(prefix="tlc-bench-") as tmp:
        for name, (module, shapes) in selected.items():
            module.eval()
            inputs = [rng.standard_normal(s).astype(np.float32) for s in shapes]
            input_paths = []
            for i, x in enumerate(inputs):
                input_paths.append(os.path.join(tmp, f"{name}_in{i}.npy"))
                np.save(input_paths[-1], x)
            onnx_path = os.path.join(tmp, name + ".onnx")
            torch.onnx.export(module, tuple(torch.from_numpy(x) for x in inputs),
                              onnx_path, opset_version=13)
            lib = os.path.join(tmp, name + ".so")
            t0 = time.perf_counter()
            subprocess.run([os.path.join(args.bin, "tl-compile"), onnx_path, "-o", lib],
                           check=True)
            compile_s = time.perf_counter() - t0
            for t in threads:
                tlc = time_tlc(args.bin, lib, input_paths, t, args.iters, args.stat)
                ort = time_ort(onnx_path, input_paths, t, args.iters, args.warmup,
                               args.stat)
                pt = time_torch(module, inputs, t, args.iters, args.warmup, args.stat)
                rows.append((name, t, tlc, ort, pt, compile_s))
                print(f"  {name} x{t}: tlc {tlc:.2f} ms, ort {ort:.2f} ms, "
                      f"torch {pt:.2f} ms", file=sys.stderr, flush=True)

    print(f"{args.stat} latencies over {args.iters} runs")
    print(f"{'workload':10} {'thr':>3} {'tlc ms':>9} {'ORT ms':>9} {'torch ms':>9} "
          f"{'tlc/ORT':>8} {'tlc/torch':>9} {'compile s':>9}")
    for name, t, tlc, ort, pt, compile_s in rows:
        print(f"{name:10} {t:3d} {tlc:9.2f} {ort:9.2f} {pt:9.2f} {tlc / ort:8.2f} "
              f"{tlc / pt:9.2f} {compile_s:9.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
