#!/usr/bin/env python3
"""A model whose weights exceed 2 GiB, stored as ONNX external data.

Writes an ONNX model (opset 13) whose embedding table, float32[ROWS, 1024]
(2.2 GB by default), lives in a separate data file, then compiles it with
tl-compile into a shared library and runs it with tl-run on a few row ids,
including the last row (past the 2 GiB mark). The table is a closed-form
pattern, table[i, j] = (i mod 4096) + j / 1024, so numpy checks every output
element without holding the table in memory.

This exercises the external-data reader of the importer, weights beyond
protobuf's 2 GiB limit, and the artifact's large read-only section (x86-64
medium code model): the library's weights are mapped lazily, so running it
touches only the rows it reads. It needs about 7 GB of memory and several
minutes, so run_all.py runs it only with --large.

  large_weights.py --bin build/bin [--rows 540000] [--keep DIR]
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

DIM = 1024


def table_rows(start, stop):
    rows = np.arange(start, stop, dtype=np.int64)
    return ((rows % 4096).astype(np.float32)[:, None]
            + np.arange(DIM, dtype=np.float32)[None, :] / DIM)


def write_model(folder, rows):
    data = os.path.join(folder, "weights.bin")
    with open(data, "wb") as f:
        for start in range(0, rows, 8192):
            f.write(table_rows(start, min(rows, start + 8192)).tobytes())
    table = TensorProto(name="table", data_type=TensorProto.FLOAT, dims=[rows, DIM],
                        data_location=TensorProto.EXTERNAL)
    for key, value in (("location", "weights.bin"), ("offset", "0"),
                       ("length", str(rows * DIM * 4))):
        table.external_data.add(key=key, value=value)
    bias = numpy_helper.from_array(np.full([DIM], 0.5, np.float32), "bias")
    graph = helper.make_graph(
        [helper.make_node("Gather", ["table", "ids"], ["rows"]),
         helper.make_node("Add", ["rows", "bias"], ["y"])],
        "large_weights",
        [helper.make_tensor_value_info("ids", TensorProto.INT64, ["n"])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["n", DIM])],
        [table, bias])
    model = os.path.join(folder, "model.onnx")
    onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)]), model)
    return model


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", required=True, help="folder with tl-compile and tl-run")
    parser.add_argument("--rows", type=int, default=540000,
                        help="table rows of 4 KiB (default: 2.2 GB of weights)")
    parser.add_argument("--keep", help="work in this folder and keep it")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="tlc-large-") as tmp:
        folder = args.keep or tmp
        os.makedirs(folder, exist_ok=True)
        start = time.time()
        model = write_model(folder, args.rows)
        print(f"wrote {model} with {args.rows * DIM * 4 / 1e9:.2f} GB of external data "
              f"({time.time() - start:.0f} s)", flush=True)

        lib = os.path.join(folder, "libmodel.so")
        start = time.time()
        proc = subprocess.run([os.path.join(args.bin, "tl-compile"), model, "-o", lib],
                              capture_output=True, text=True)
        if proc.returncode != 0:
            print(f"FAIL tl-compile: {proc.stderr.strip()}")
            return 1
        print(f"compiled {os.path.getsize(lib) / 1e9:.2f} GB library in "
              f"{time.time() - start:.0f} s", flush=True)

        ids = np.array([0, 1, args.rows - 1, args.rows // 2, min(4097, args.rows - 1)], np.int64)
        np.save(os.path.join(folder, "ids.npy"), ids)
        out = os.path.join(folder, "out")
        proc = subprocess.run([os.path.join(args.bin, "tl-run"), lib, "--input",
                               os.path.join(folder, "ids.npy"), "--output-dir", out],
                              capture_output=True, text=True)
        if proc.returncode != 0:
            print(f"FAIL tl-run: {proc.stderr.strip()}")
            return 1
        y = np.load(os.path.join(out, "output_0.npy"))
        expected = np.concatenate([table_rows(i, i + 1) for i in ids]) + 0.5
        if y.shape != expected.shape or not np.array_equal(y, expected):
            print(f"FAIL output differs from numpy (shape {y.shape})")
            return 1
        print(f"PASS rows {ids.tolist()} of a {args.rows}x{DIM} table match numpy")
        return 0


if __name__ == "__main__":
    sys.exit(main())
