#!/usr/bin/env python3
"""Runs every numerical end-to-end suite of tlc and summarizes.

Suites (each an independent reference):
  ops-nn       tl nn/tensor ops vs PyTorch/numpy        (tl_to_linalg_nn_numerics.py)
  ops-ew       tl elementwise/reduction ops vs numpy    (tl_to_linalg_numerics.py)
               (both: batches of cases compiled by tl-compile into shared
               libraries, run through the C ABI with 1 and 2 threads, and an
               ldd check that the libraries need no LLVM/MLIR/protobuf/C++
               runtime; see artifact_runner.py)
  resize-pool  cubic/ONNX-mode resize, pool indices vs PyTorch/ONNX reference
                                                        (resize_pool_numerics.py)
  indexing     gathers, scatters, top-k, unpooling, shifts vs numpy/PyTorch
                                                        (indexing_numerics.py)
  quant-signal quantization, Einsum, Det, GridSample, DFT/STFT, windows
               via ONNX vs numpy/PyTorch                (quant_signal_numerics.py)
  recurrent    rnn/gru/lstm attributes vs ONNX Runtime   (recurrent_numerics.py)
  control-flow If/Loop/Scan models vs numpy              (control_flow_numerics.py)
  python-api   tlc.nn models vs PyTorch                 (test/python/test_nn.py)
  pytorch      PyTorch models via ONNX vs PyTorch       (pytorch_models.py)
  pytorch-zoo  torchvision, transformer, RNN, ... zoo   (pytorch_zoo.py; --all
               there adds the slow models)
  onnx-data    every ONNX backend test-data case vs its expected outputs
                                                        (onnx_testdata.py)
  onnx-export  test data imported, exported, run by ONNX Runtime vs expected
                                                        (onnx_roundtrip.py)
  torch-export PyTorch models imported, exported, run by ONNX Runtime vs
               PyTorch                                  (pytorch_roundtrip.py)

Run only with --large (about 7 GB of memory and several minutes):
  large-weights  a 2.2 GB external-data embedding table vs numpy
                                                        (large_weights.py)

  run_all.py --bin build/bin [--only a,b] [--jobs N] [--large]
"""

import argparse
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PY = "/usr/bin/python3"


def suites(args):
    build = os.path.dirname(os.path.abspath(args.bin))
    env = dict(os.environ, TLC_BIN=os.path.abspath(args.bin),
               PYTHONPATH=os.path.join(ROOT, "python"))
    return [
        ("ops-nn", [PY, os.path.join(HERE, "tl_to_linalg_nn_numerics.py"),
                    "--build-dir", build, "-j", str(args.jobs)], env),
        ("ops-ew", [PY, os.path.join(HERE, "tl_to_linalg_numerics.py"),
                    "--build-dir", build, "-j", str(args.jobs)], env),
        ("resize-pool", [PY, os.path.join(HERE, "resize_pool_numerics.py"),
                         "--bin", args.bin], env),
        ("quant-signal", [PY, os.path.join(HERE, "quant_signal_numerics.py"), "--bin", args.bin], env),
        ("loss-positional", [PY, os.path.join(HERE, "loss_positional_numerics.py"), "--bin", args.bin], env),
        ("indexing", [PY, os.path.join(HERE, "indexing_numerics.py"), "--bin", args.bin], env),
        ("recurrent", [PY, os.path.join(HERE, "recurrent_numerics.py"), "--bin", args.bin], env),
        ("control-flow", [PY, os.path.join(HERE, "control_flow_numerics.py"), "--bin", args.bin], env),
        ("python-api", [PY, os.path.join(ROOT, "test/python/test_nn.py")], env),
        ("pytorch", [PY, os.path.join(HERE, "pytorch_models.py"), "--bin", args.bin], env),
        ("pytorch-zoo", [PY, os.path.join(HERE, "pytorch_zoo.py"), "--bin", args.bin], env),
        ("onnx-data", [PY, os.path.join(HERE, "onnx_testdata.py"), "--bin", args.bin,
                       "--jobs", str(args.jobs), "--quiet",
                       "--exclusions", os.path.join(HERE, "onnx_testdata_exclusions.txt"),
                       "--expected-failures",
                       os.path.join(HERE, "onnx_testdata_known_failures.txt")], env),
        ("onnx-export", [PY, os.path.join(HERE, "onnx_roundtrip.py"), "--bin", args.bin,
                         "--jobs", str(args.jobs), "--quiet", "--opsets", "17,11",
                         "--expected-failures",
                         os.path.join(HERE, "onnx_roundtrip_failures.txt")], env),
        ("large-weights", [PY, os.path.join(HERE, "large_weights.py"), "--bin", args.bin],
         env),
        ("torch-export", [PY, os.path.join(HERE, "pytorch_roundtrip.py"), "--bin", args.bin],
         env),
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", required=True, help="folder with the tlc tools")
    parser.add_argument("--only", help="comma-separated suite names")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--large", action="store_true",
                        help="also run the suites marked large")
    args = parser.parse_args()
    large = {"large-weights"}
    selected = [s for s in suites(args)
                if (s[0] in args.only.split(",") if args.only
                    else args.large or s[0] not in large)]
    results = []
    for name, cmd, env in selected:
        if not os.path.exists(cmd[1]):
            print(f"== {name}: {os.path.relpath(cmd[1], ROOT)} is missing", flush=True)
            results.append((name, 1, 0.0))
            continue
        print(f"== {name}: {' '.join(os.path.relpath(c, ROOT) if c.startswith(ROOT) else c for c in cmd)}",
              flush=True)
        start = time.time()
        code = subprocess.run(cmd, env=env).returncode
        results.append((name, code, time.time() - start))
    print("\n== end-to-end summary")
    for name, code, seconds in results:
        print(f"  {'PASS' if code == 0 else 'FAIL'}  {name:11} {seconds:6.0f} s")
    return 0 if all(code == 0 for _, code, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
