#!/usr/bin/env python3
"""Trains the bundled demo model: a small CNN on scikit-learn's 8x8 digits.

Produces digits_cnn.onnx (opset 13, dynamic batch) and digits_sample.npy (a
batch of held-out digits with their labels in digits_labels.npy). Run once to
regenerate the bundled files; needs python3-sklearn (not a dependency of tlc
itself: the dataset ships inside scikit-learn, nothing is downloaded).
"""

import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from sklearn.datasets import load_digits

HERE = os.path.dirname(os.path.abspath(__file__))


class DigitsCNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 16, 3, padding=1)
        self.bn1 = nn.BatchNorm2d(16)
        self.conv2 = nn.Conv2d(16, 32, 3, padding=1)
        self.bn2 = nn.BatchNorm2d(32)
        self.fc1 = nn.Linear(32 * 2 * 2, 64)
        self.fc2 = nn.Linear(64, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.bn1(self.conv1(x))), 2)
        x = F.max_pool2d(F.relu(self.bn2(self.conv2(x))), 2)
        x = F.relu(self.fc1(torch.flatten(x, 1)))
        return F.softmax(self.fc2(x), dim=1)


def main():
    torch.manual_seed(0)
    digits = load_digits()
    images = (digits.images / 16.0).astype(np.float32)[:, None]
    labels = digits.target.astype(np.int64)
    order = np.random.default_rng(0).permutation(len(images))
    train, test = order[:1500], order[1500:]
    model = DigitsCNN()
    opt = torch.optim.Adam(model.parameters(), lr=3e-3)
    x, y = torch.from_numpy(images[train]), torch.from_numpy(labels[train])
    for epoch in range(30):
        model.train()
        for i in range(0, len(x), 50):
            opt.zero_grad()
            probs = model(x[i:i + 50])
            loss = F.nll_loss(torch.log(probs + 1e-9), y[i:i + 50])
            loss.backward()
            opt.step()
    model.eval()
    with torch.no_grad():
        pred = model(torch.from_numpy(images[test])).argmax(1).numpy()
    print(f"held-out accuracy: {(pred == labels[test]).mean():.3f}")
    torch.onnx.export(model, torch.from_numpy(images[:1]),
                      os.path.join(HERE, "digits_cnn.onnx"), opset_version=13,
                      input_names=["image"], output_names=["probabilities"],
                      dynamic_axes={"image": {0: "batch"}, "probabilities": {0: "batch"}})
    sample = test[:8]
    np.save(os.path.join(HERE, "digits_sample.npy"), images[sample])
    np.save(os.path.join(HERE, "digits_labels.npy"), labels[sample])


if __name__ == "__main__":
    main()
