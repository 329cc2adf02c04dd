"""Inputs and PyTorch references for bf16.mlir (bfloat16 through tl-run).

usage: bf16.py gen DIR      writes DIR/a.pb (BFLOAT16) and DIR/b.pb (FLOAT)
       bf16.py check IN OUT compares OUT/output_<i>.{npy,pb} with PyTorch

NumPy has no bfloat16: BFLOAT16 TensorProtos hold the raw bits, and the
reference converts with torch.bfloat16 (round to nearest even).
"""

import glob
import os
import sys

import numpy as np
import onnx
import torch
from onnx import TensorProto, numpy_helper


def bf16_proto(values):
    bits = torch.tensor(values, dtype=torch.float32).to(torch.bfloat16).view(torch.int16)
    proto = TensorProto()
    proto.data_type = TensorProto.BFLOAT16
    proto.dims.extend(bits.shape)
    proto.raw_data = bits.numpy().astype("<u2").tobytes()
    return proto


def load(path):
    """A .npy or TensorProto .pb as a torch tensor (bf16 kept as bf16)."""
    if path.endswith(".npy"):
        return torch.from_numpy(np.load(path))
    proto = onnx.load_tensor(path)
    if proto.data_type == TensorProto.BFLOAT16:
        bits = np.frombuffer(proto.raw_data, dtype="<i2").reshape(tuple(proto.dims))
        return torch.from_numpy(bits.copy()).view(torch.bfloat16)
    return torch.from_numpy(numpy_helper.to_array(proto).copy())


def main():
    action, dirs = sys.argv[1], sys.argv[2:]
    rng = np.random.default_rng(3)
    a = rng.standard_normal((2, 3)).astype(np.float32)
    b = np.array([1.0, 1 + 2**-8, 1 + 3 * 2**-8, -3.14159], np.float32)
    if action == "gen":
        os.makedirs(dirs[0], exist_ok=True)
        with open(os.path.join(dirs[0], "a.pb"), "wb") as f:
            f.write(bf16_proto(a).SerializeToString())
        with open(os.path.join(dirs[0], "b.pb"), "wb") as f:
            f.write(numpy_helper.from_array(b).SerializeToString())
        return 0
    ta = torch.from_numpy(a).to(torch.bfloat16)
    expected = [ta.to(torch.float32), torch.from_numpy(b).to(torch.bfloat16), ta + ta]
    for i, want in enumerate(expected):
        [path] = glob.glob(os.path.join(dirs[1], "output_%d.*" % i))
        got = load(path)
        if got.dtype != want.dtype or got.shape != want.shape or not torch.equal(got, want):
            print("output %d (%s): got %s %s, expected %s %s"
                  % (i, os.path.basename(path), got.dtype, got.tolist(),
                     want.dtype, want.tolist()))
            return 1
        print("output %d: %s %s matches PyTorch" % (i, os.path.basename(path), str(got.dtype)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
