"""Inputs and numpy references for the models of the tool tests.

usage: models.py gen MODEL DIR [--batch N] [--pb]
       models.py check MODEL INPUT_DIR OUTPUT_DIR

`gen` writes the model's inputs as DIR/<name>.npy (and as ONNX TensorProto
DIR/<name>.pb with --pb); `check` recomputes the outputs with numpy from the
inputs and compares them with OUTPUT_DIR/output_<i>.npy.
"""

import argparse
import os
import sys

import numpy as np


def mlp_inputs(rng, batch):
    return {
        "x": rng.standard_normal((batch, 5)).astype(np.float32),
        "w": rng.standard_normal((5, 3)).astype(np.float32),
    }


def mlp_outputs(x, w):
    y = x.astype(np.float64) @ w.astype(np.float64)
    return [y.astype(np.float32), np.maximum(x, 0) * 2]


def dense_inputs(rng, batch):
    return {
        "x": rng.standard_normal((batch, 64)).astype(np.float32),
        "w": rng.standard_normal((64, 5)).astype(np.float32),
        "b": rng.standard_normal(5).astype(np.float32),
    }


def dense_outputs(x, w, b):
    y = x.astype(np.float64) @ w.astype(np.float64) + b
    return [y.astype(np.float32)]


def dtypes_inputs(rng, batch):
    return {
        "input_0": rng.standard_normal(3),
        "input_1": rng.integers(-100, 100, (2, 2), dtype=np.int32),
        "input_2": rng.integers(-10**12, 10**12, batch, dtype=np.int64),
        "input_3": np.array([True, False, True]),
        "input_4": np.array([0.5, -2.25], dtype=np.float16),
        "input_5": np.array([-128, 7], dtype=np.int8),
    }


def dtypes_outputs(a, b, c, d, e, f):
    # i8 wraps around like the compiled arith.subi.
    return [a * 2, b + 1, c * 3, ~d, e + np.float16(1),
            (f.astype(np.int16) - 1).astype(np.int8)]


MODELS = {
    "mlp": (mlp_inputs, mlp_outputs),
    "dense": (dense_inputs, dense_outputs),
    "dtypes": (dtypes_inputs, dtypes_outputs),
}


def save(path, array, pb):
    np.save(path + ".npy", array)
    if pb:
        from onnx import numpy_helper
        with open(path + ".pb", "wb") as f:
            f.write(numpy_helper.from_array(array).SerializeToString())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("action", choices=["gen", "check"])
    parser.add_argument("model", choices=sorted(MODELS))
    parser.add_argument("dirs", nargs="+")
    parser.add_argument("--batch", type=int, default=4)
    parser.add_argument("--pb", action="store_true")
    args = parser.parse_args()
    make_inputs, reference = MODELS[args.model]

    if args.action == "gen":
        os.makedirs(args.dirs[0], exist_ok=True)
        rng = np.random.default_rng(args.batch)
        for name, array in make_inputs(rng, args.batch).items():
            save(os.path.join(args.dirs[0], name), array, args.pb)
        return 0

    input_dir, output_dir = args.dirs
    names = list(make_inputs(np.random.default_rng(0), 1))
    inputs = [np.load(os.path.join(input_dir, n + ".npy")) for n in names]
    expected = reference(*inputs)
    for i, want in enumerate(expected):
        got = np.load(os.path.join(output_dir, "output_%d.npy" % i))
        if got.dtype != want.dtype or got.shape != want.shape:
            print("output %d: got %s %s, expected %s %s"
                  % (i, got.dtype, got.shape, want.dtype, want.shape))
            return 1
        if np.issubdtype(want.dtype, np.floating):
            ok = np.allclose(got, want, rtol=1e-5, atol=1e-5)
        else:
            ok = np.array_equal(got, want)
        if not ok:
            print("output %d differs: max error %s"
                  % (i, np.max(np.abs(got.astype(np.float64) - want))))
            return 1
    print("%s: %d outputs match numpy" % (args.model, len(expected)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
