#!/usr/bin/env python3
"""PyTorch models through tlc's ONNX import and export, run by ONNX Runtime.

Each model of pytorch_models.py (MLP, LeNet, ResNet-18; fixed random
weights) is exported by torch.onnx.export (opset 13), imported with
`tl-translate --import-onnx`, exported again with `tl-translate
--export-onnx` (opset 17 and 13) and run by ONNX Runtime (npm
onnxruntime-node) on random inputs; the outputs must match PyTorch's (the
tolerances of pytorch_models.py). Models with a dynamic batch axis run at
several batch sizes from one exported model.

  pytorch_roundtrip.py --bin build/bin [--keep DIR] [names...]
"""

import argparse
import os
import subprocess
import sys
import tempfile

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from ort_runner import OrtRunner, ort_available  # noqa: E402
from pytorch_models import MODELS, build, export, make_inputs  # noqa: E402

OPSETS = (17, 13)


def prepare(name, bindir, workdir):
    """Exports the model from PyTorch and round-trips it through tlc; returns
    ([(opset, exported path)], torch module)."""
    original = os.path.join(workdir, name + ".onnx")
    case = MODELS[name]
    model = build(case)
    export(case, model, original)
    mlir = os.path.join(workdir, name + ".mlir")
    subprocess.run([os.path.join(bindir, "tl-translate"), "--import-onnx", original,
                    "--mlir-print-debuginfo", "-o", mlir], check=True)
    exported = []
    for opset in OPSETS:
        path = os.path.join(workdir, f"{name}.tlc.opset{opset}.onnx")
        subprocess.run([os.path.join(bindir, "tl-translate"), "--export-onnx", mlir,
                        f"--onnx-export-opset={opset}", "-o", path], check=True)
        exported.append((opset, path))
    return exported, model


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("names", nargs="*", help="models to check (default: all)")
    parser.add_argument("--bin", required=True, help="folder with tl-translate")
    parser.add_argument("--keep", help="keep the models and outputs here")
    args = parser.parse_args()
    reason = ort_available()
    if reason:
        print(f"UNSUPPORTED: {reason}")
        return 0
    names = args.names or list(MODELS)
    failures = {name: [] for name in names}
    with tempfile.TemporaryDirectory(prefix="tlc-pytorch-rt-") as tmp:
        workdir = args.keep or tmp
        os.makedirs(workdir, exist_ok=True)
        jobs, checks = [], []
        for name in names:
            try:
                exported, model = prepare(name, args.bin, workdir)
            except subprocess.CalledProcessError as e:
                failures[name].append(f"{os.path.basename(e.cmd[0])} {e.cmd[1]} "
                                      f"exited {e.returncode}")
                continue
            case = MODELS[name]
            rng = np.random.default_rng(1)
            for batch in case.batches or [None]:
                inputs = make_inputs(case, rng, batch)
                with torch.no_grad():
                    want = model(*map(torch.from_numpy, inputs)).numpy()
                feeds = {n: x for (n, _, _), x in zip(case.inputs, inputs)}
                for opset, path in exported:
                    jobs.append((path, feeds))
                    checks.append((name, opset, inputs[0].shape[0], want))
        results = OrtRunner().run(jobs, os.path.join(workdir, "ort"))
        for (name, opset, batch, want), (status, value) in zip(checks, results):
            where = f"opset {opset}, batch {batch}"
            if status != "ok":
                failures[name].append(f"{where}: {value}")
                continue
            got = value[0]
            scale = max(1.0, float(np.abs(want).max()))
            if got.shape != want.shape:
                failures[name].append(f"{where}: shape {got.shape} != {want.shape}")
            elif not np.allclose(got, want, rtol=1e-4, atol=1e-4 * scale):
                failures[name].append(f"{where}: max abs error "
                                      f"{np.abs(got - want).max():.3g}")
    for name in names:
        print(f"{'PASS' if not failures[name] else 'FAIL'} {name}"
              + "".join(f"\n    {f}" for f in failures[name]), flush=True)
    failed = sum(1 for f in failures.values() if f)
    print(f"\n{len(names) - failed}/{len(names)} PyTorch models match after "
          f"tlc import + export (opsets {', '.join(map(str, OPSETS))}) in ONNX Runtime")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
