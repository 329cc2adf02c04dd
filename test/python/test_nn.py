#!/usr/bin/env python3
"""tlc's Python layer API, compiled and run, checked against PyTorch.

Each model is built with tlc.nn, compiled with tl-compile and run through the
ctypes runtime; the same weights drive an equivalent PyTorch computation, the
independent reference. Run: TLC_BIN=build/bin PYTHONPATH=python test_nn.py
"""

import os
import sys
import unittest

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "python"))
import tlc  # noqa: E402
from tlc import nn  # noqa: E402


def t(array):
    return torch.from_numpy(np.ascontiguousarray(array))


def same_pads(size, k, s, d=1):
    """TensorFlow 'SAME' padding (begin, end) for one spatial dim."""
    out = -(-size // s)
    total = max((out - 1) * s + d * (k - 1) + 1 - size, 0)
    return total // 2, total - total // 2


class LayerApiTest(unittest.TestCase):
    rng = np.random.default_rng(42)

    def assertClose(self, got, want, tol=1e-4):
        self.assertEqual(got.shape, want.shape)
        np.testing.assert_allclose(got, want, rtol=tol, atol=tol)

    def test_mlp_dynamic_batch(self):
        nn.seed(1)
        x = nn.Input([None, 20], name="features")
        d1 = nn.Dense(32, act="relu")
        d2 = nn.Dense(5)
        model = nn.Model(x, nn.Softmax()(d2(d1(x))))
        compiled = tlc.compile(model)
        self.assertEqual(compiled.inputs[0].name, "features")
        self.assertEqual(compiled.inputs[0].shape, (None, 20))
        for batch in (1, 3, 17):
            data = self.rng.standard_normal((batch, 20)).astype(np.float32)
            got, = compiled.run(data)
            h = F.relu(t(data) @ t(d1.weights["W"]) + t(d1.weights["b"]))
            want = F.softmax(h @ t(d2.weights["W"]) + t(d2.weights["b"]), dim=1)
            self.assertClose(got, want.numpy())

    def test_cnn_channels_last(self):
        nn.seed(2)
        x = nn.Input([2, 13, 11, 3])
        conv1 = nn.Conv2d(8, (3, 3), strides=2, act="relu")
        bn = nn.BatchNorm(epsilon=1e-3)
        pool = nn.MaxPool2d(2, padding="VALID")
        dense = nn.Dense(4)
        model = nn.Model(x, dense(nn.Flatten()(pool(bn(conv1(x))))))
        bn.weights.update(gamma=self.rng.uniform(0.5, 1.5, 8).astype(np.float32),
                          beta=self.rng.standard_normal(8).astype(np.float32),
                          moving_mean=self.rng.standard_normal(8).astype(np.float32),
                          moving_var=self.rng.uniform(0.5, 2, 8).astype(np.float32))
        data = self.rng.standard_normal((2, 13, 11, 3)).astype(np.float32)
        got, = tlc.compile(model).run(data)

        ref = t(data).permute(0, 3, 1, 2)
        ph, pw = same_pads(13, 3, 2), same_pads(11, 3, 2)
        ref = F.pad(ref, (pw[0], pw[1], ph[0], ph[1]))
        ref = F.relu(F.conv2d(ref, t(conv1.weights["W"]).permute(3, 2, 0, 1),
                              t(conv1.weights["b"]), stride=2))
        w = bn.weights
        ref = F.batch_norm(ref, t(w["moving_mean"]), t(w["moving_var"]), t(w["gamma"]),
                           t(w["beta"]), eps=1e-3)
        ref = F.max_pool2d(ref, 2).permute(0, 2, 3, 1).reshape(2, -1)
        ref = ref @ t(dense.weights["W"]) + t(dense.weights["b"])
        self.assertClose(got, ref.numpy())

    def test_depthwise_channels_first(self):
        nn.seed(3)
        x = nn.Input([1, 6, 9, 9])
        dw = nn.DepthwiseConv2d(3, padding="VALID", data_format="channels_first",
                                dilation_rate=2, depth_multiplier=2)
        pool = nn.MeanPool2d(2, padding="VALID", data_format="channels_first")
        gap = nn.GlobalMeanPool2d(data_format="channels_first")
        model = nn.Model(x, gap(pool(dw(x))))
        data = self.rng.standard_normal((1, 6, 9, 9)).astype(np.float32)
        got, = tlc.compile(model).run(data)
        ref = F.conv2d(t(data), t(dw.weights["W"]).permute(3, 2, 0, 1),
                       t(dw.weights["b"]), dilation=2, groups=6)
        ref = F.avg_pool2d(ref, 2).mean(dim=(2, 3))
        self.assertClose(got, ref.numpy())

    def test_embedding_layer_norm(self):
        nn.seed(4)
        ids = nn.Input([None, 7], dtype=np.int64, name="ids")
        emb = nn.Embedding(50, 16)
        norm = nn.LayerNorm(epsilon=1e-5)
        norm.weights["gamma"] = self.rng.uniform(0.5, 1.5, 16).astype(np.float32)
        model = nn.Model(ids, nn.Dense(3)(norm(emb(ids))))
        data = self.rng.integers(0, 50, (4, 7)).astype(np.int64)
        got, = tlc.compile(model).run(data)
        ref = F.embedding(t(data), t(emb.weights["embeddings"]))
        ref = F.layer_norm(ref, (16,), t(norm.weights["gamma"]), t(norm.weights["beta"]))
        dense = model.layers()[-1]
        ref = ref @ t(dense.weights["W"]) + t(dense.weights["b"])
        self.assertClose(got, ref.numpy())

    def test_merge_layers_two_outputs(self):
        a = nn.Input([3, 4], name="a")
        b = nn.Input([3, 4], name="b")
        s = nn.Elementwise("add", act="tanh")(a, b)
        c = nn.Concat(0)(s, nn.Elementwise("maximum")(a, b))
        model = nn.Model([a, b], [c, nn.Reshape((-1,))(s)])
        x = self.rng.standard_normal((3, 4)).astype(np.float32)
        y = self.rng.standard_normal((3, 4)).astype(np.float32)
        got_c, got_r = tlc.compile(model).run(x, y)
        self.assertClose(got_c, np.concatenate([np.tanh(x + y), np.maximum(x, y)]))
        self.assertClose(got_r, np.tanh(x + y).reshape(-1))

    def test_wrong_inputs_raise(self):
        x = nn.Input([None, 4], name="x")
        compiled = tlc.compile(nn.Model(x, nn.Activation("sigmoid")(x)))
        with self.assertRaisesRegex(tlc.TlcError, "x"):
            compiled.run(np.zeros((2, 5), np.float32))
        with self.assertRaisesRegex(tlc.TlcError, "x"):
            compiled.run(np.zeros((2, 4), np.float64))
        with self.assertRaisesRegex(tlc.TlcError, "takes 1 inputs"):
            compiled.run()

    def test_layer_errors(self):
        x = nn.Input([None, 8, 8, 3])
        with self.assertRaisesRegex(ValueError, "in_channels=4"):
            nn.Conv2d(4, in_channels=4)(x)
        with self.assertRaisesRegex(ValueError, "unknown activation"):
            nn.Activation("nope")


if __name__ == "__main__":
    unittest.main()
