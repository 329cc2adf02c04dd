#!/usr/bin/env python3
"""Exports small PyTorch models with torch.onnx.export (opset 13) for the
importer tests: an MLP, a LeNet-style CNN and torchvision's ResNet-18 (random
weights, nothing downloaded), each with a static batch of 1 (NAME.onnx) and a
dynamic batch axis (NAME_dyn.onnx). PyTorch's own results are saved beside
them: NAME_input.npy / NAME_output.npy (batch 1) and NAME_dyn_input.npy /
NAME_dyn_output.npy (batch 3, through the dynamic axis).

Usage: export_torch.py OUTDIR [NAME...]   (default: mlp lenet resnet18)
"""

import os
import sys

import numpy as np
import torch
import torch.nn.functional as F


class MLP(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = torch.nn.Linear(784, 128)
        self.fc2 = torch.nn.Linear(128, 64)
        self.fc3 = torch.nn.Linear(64, 10)

    def forward(self, x):
        x = x.view(x.size(0), -1)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return F.log_softmax(self.fc3(x), dim=1)


class LeNet(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = torch.nn.Conv2d(1, 6, 5, padding=2)
        self.conv2 = torch.nn.Conv2d(6, 16, 5)
        self.fc1 = torch.nn.Linear(400, 120)
        self.fc2 = torch.nn.Linear(120, 84)
        self.fc3 = torch.nn.Linear(84, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.avg_pool2d(F.relu(self.conv2(x)), 2)
        x = x.view(x.size(0), -1)
        x = F.relu(self.fc1(x))
        x = torch.sigmoid(self.fc2(x))
        return F.softmax(self.fc3(x), dim=-1)


def resnet18():
    import torchvision
    return torchvision.models.resnet18(weights=None)


MODELS = {"mlp": (MLP, (1, 1, 28, 28)), "lenet": (LeNet, (1, 1, 28, 28)),
          "resnet18": (resnet18, (1, 3, 224, 224))}


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    outdir = argv[1]
    os.makedirs(outdir, exist_ok=True)
    torch.manual_seed(0)
    for name in argv[2:] or MODELS:
        make, shape = MODELS[name]
        model = make().eval()
        x = torch.randn(*shape)
        for suffix, dynamic, batch in (("", None, 1),
                                       ("_dyn", {"input": {0: "batch"},
                                                 "output": {0: "batch"}}, 3)):
            base = os.path.join(outdir, name + suffix)
            torch.onnx.export(model, x, base + ".onnx", opset_version=13,
                              input_names=["input"], output_names=["output"],
                              dynamic_axes=dynamic)
            sample = torch.randn(batch, *shape[1:])
            with torch.no_grad():
                expected = model(sample)
            np.save(base + "_input.npy", sample.numpy())
            np.save(base + "_output.npy", expected.numpy())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
