#!/usr/bin/env python3
"""PyTorch models through ONNX into tlc, checked against PyTorch's own outputs.

Each model is built with fixed random weights, exported with torch.onnx.export
(opset 13), compiled with tl-compile into a shared library and run with tl-run
on random inputs; the outputs must match PyTorch's (rtol 1e-4, atol 1e-4 after
scaling by the output's magnitude). Models with a dynamic batch axis are run at
several batch sizes from one compiled library.

  pytorch_models.py --bin build/bin [--keep DIR] [names...]
"""

import argparse
import os
import subprocess
import sys
import tempfile

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class MLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(784, 256)
        self.fc2 = nn.Linear(256, 128)
        self.fc3 = nn.Linear(128, 10)

    def forward(self, x):
        x = F.relu(self.fc1(x))
        x = torch.tanh(self.fc2(x))
        return F.log_softmax(self.fc3(x), dim=1)


class LeNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 5, padding=2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(16 * 5 * 5, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.avg_pool2d(torch.sigmoid(self.conv2(x)), 2)
        x = torch.flatten(x, 1)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return F.softmax(self.fc3(x), dim=1)


def resnet18():
    import torchvision
    return torchvision.models.resnet18(weights=None)


# name: (constructor, input shape, dynamic batch sizes to run, or None)
MODELS = {
    "mlp": (MLP, (3, 784), None),
    "mlp_dynamic_batch": (MLP, (2, 784), [1, 5, 16]),
    "lenet": (LeNet, (2, 1, 28, 28), None),
    "lenet_dynamic_batch": (LeNet, (1, 1, 28, 28), [1, 3]),
    "resnet18": (resnet18, (1, 3, 224, 224), None),
}


def export(name, path):
    ctor, shape, batches = MODELS[name]
    torch.manual_seed(0)
    model = ctor().eval()
    # Give batch norms non-trivial statistics so they are really tested.
    for m in model.modules():
        if isinstance(m, nn.BatchNorm2d):
            m.running_mean.uniform_(-0.5, 0.5)
            m.running_var.uniform_(0.5, 1.5)
            m.weight.data.uniform_(0.5, 1.5)
            m.bias.data.uniform_(-0.5, 0.5)
    dynamic = {"input": {0: "batch"}, "output": {0: "batch"}} if batches else None
    torch.onnx.export(model, torch.randn(*shape), path, opset_version=13,
                      input_names=["input"], output_names=["output"],
                      dynamic_axes=dynamic)
    return model


def check(name, bindir, workdir):
    ctor, shape, batches = MODELS[name]
    onnx_path = os.path.join(workdir, name + ".onnx")
    model = export(name, onnx_path)
    lib = os.path.join(workdir, name + ".so")
    subprocess.run([os.path.join(bindir, "tl-compile"), onnx_path, "-o", lib],
                   check=True)
    rng = np.random.default_rng(1)
    failures = []
    for batch in batches or [shape[0]]:
        x = rng.standard_normal((batch,) + tuple(shape[1:])).astype(np.float32)
        in_path = os.path.join(workdir, f"{name}_in_{batch}.npy")
        np.save(in_path, x)
        out_dir = os.path.join(workdir, f"{name}_out_{batch}")
        subprocess.run([os.path.join(bindir, "tl-run"), lib, "--input", in_path,
                        "--output-dir", out_dir], check=True,
                       stdout=subprocess.DEVNULL)
        got = np.load(os.path.join(out_dir, "output_0.npy"))
        with torch.no_grad():
            want = model(torch.from_numpy(x)).numpy()
        scale = max(1.0, float(np.abs(want).max()))
        if got.shape != want.shape:
            failures.append(f"batch {batch}: shape {got.shape} != {want.shape}")
        elif not np.allclose(got, want, rtol=1e-4, atol=1e-4 * scale):
            failures.append(f"batch {batch}: max abs error "
                            f"{np.abs(got - want).max():.3g}")
    return failures


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("names", nargs="*", help="models to check (default: all)")
    parser.add_argument("--bin", required=True, help="folder with tl-compile and tl-run")
    parser.add_argument("--keep", help="keep the exported models and outputs here")
    args = parser.parse_args()
    names = args.names or list(MODELS)
    failed = 0
    with tempfile.TemporaryDirectory(prefix="tlc-pytorch-") as tmp:
        workdir = args.keep or tmp
        os.makedirs(workdir, exist_ok=True)
        for name in names:
            try:
                failures = check(name, args.bin, workdir)
            except subprocess.CalledProcessError as e:
                failures = [f"{os.path.basename(e.cmd[0])} exited {e.returncode}"]
            print(f"{'PASS' if not failures else 'FAIL'} {name}"
                  + "".join(f"\n    {f}" for f in failures), flush=True)
            failed += bool(failures)
    print(f"\n{len(names) - failed}/{len(names)} PyTorch models match")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
