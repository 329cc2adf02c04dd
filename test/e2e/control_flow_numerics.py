#!/usr/bin/env python3
"""Numerical check of tl.if and tl.loop (ONNX If, Loop, Scan) beyond the
ONNX test data: branches of different shapes using outer values, a
loop-carried value that grows, a loop stopped by its condition before the
trip count, a trip count of 0, Scan with several states and scan inputs.
Each case is a small ONNX model run by tl-run and compared with a numpy
computation of the ONNX semantics (rtol 1e-5, atol 1e-6).

  test/e2e/control_flow_numerics.py [--bin build/bin]
"""

import argparse
import os
import subprocess
import sys
import tempfile

import numpy as np
import onnx
from onnx import TensorProto as TP
from onnx import helper

RNG = np.random.default_rng(5)


def vi(name, elem, shape):
    return helper.make_tensor_value_info(name, elem, shape)


def model(nodes, inputs, outputs, opset=13):
    graph = helper.make_graph(nodes, "m", inputs, outputs)
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", opset)])


def if_model():
    then_branch = helper.make_graph([helper.make_node("Mul", ["x", "x"], ["t"])],
                                    "then", [], [vi("t", TP.FLOAT, [None])])
    else_branch = helper.make_graph([helper.make_node("Neg", ["y"], ["e"])],
                                    "else", [], [vi("e", TP.FLOAT, [None])])
    return model([helper.make_node("If", ["c"], ["r"], then_branch=then_branch,
                                   else_branch=else_branch)],
                 [vi("c", TP.BOOL, []), vi("x", TP.FLOAT, [4]), vi("y", TP.FLOAT, [3])],
                 [vi("r", TP.FLOAT, [None])])


def growing_loop_model():
    body = helper.make_graph(
        [helper.make_node("Identity", ["c_in"], ["c_out"]),
         helper.make_node("Concat", ["acc_in", "step"], ["acc_out"], axis=0),
         helper.make_node("ReduceSum", ["acc_out"], ["total"], keepdims=0)],
        "body", [vi("i", TP.INT64, []), vi("c_in", TP.BOOL, []), vi("acc_in", TP.FLOAT, [None])],
        [vi("c_out", TP.BOOL, []), vi("acc_out", TP.FLOAT, [None]), vi("total", TP.FLOAT, [])])
    return model([helper.make_node("Loop", ["n", "", "acc0"], ["acc", "totals"], body=body)],
                 [vi("n", TP.INT64, []), vi("acc0", TP.FLOAT, [1]), vi("step", TP.FLOAT, [1])],
                 [vi("acc", TP.FLOAT, [None]), vi("totals", TP.FLOAT, [None])])


def cond_loop_model():
    # x = x * 1.5 + i while sum(x) < limit (checked after each step), at most n.
    body = helper.make_graph(
        [helper.make_node("Cast", ["i"], ["fi"], to=TP.FLOAT),
         helper.make_node("Mul", ["x_in", "k"], ["scaled"]),
         helper.make_node("Add", ["scaled", "fi"], ["x_out"]),
         helper.make_node("ReduceSum", ["x_out"], ["s"], keepdims=0),
         helper.make_node("Less", ["s", "limit"], ["c_out"])],
        "body", [vi("i", TP.INT64, []), vi("c_in", TP.BOOL, []), vi("x_in", TP.FLOAT, [2])],
        [vi("c_out", TP.BOOL, []), vi("x_out", TP.FLOAT, [2]), vi("s", TP.FLOAT, [])])
    k = helper.make_node("Constant", [], ["k"],
                         value=helper.make_tensor("kv", TP.FLOAT, [], [1.5]))
    return model([k, helper.make_node("Loop", ["n", "c", "x0"], ["x", "sums"], body=body)],
                 [vi("n", TP.INT64, []), vi("c", TP.BOOL, []), vi("x0", TP.FLOAT, [2]),
                  vi("limit", TP.FLOAT, [])],
                 [vi("x", TP.FLOAT, [2]), vi("sums", TP.FLOAT, [None])])


def scan_model():
    body = helper.make_graph(
        [helper.make_node("Add", ["a_in", "u"], ["a_out"]),
         helper.make_node("Mul", ["b_in", "v"], ["b_out"]),
         helper.make_node("Sub", ["a_out", "b_out"], ["d"])],
        "body", [vi("a_in", TP.FLOAT, [3]), vi("b_in", TP.FLOAT, [3]),
                 vi("u", TP.FLOAT, [3]), vi("v", TP.FLOAT, [3])],
        [vi("a_out", TP.FLOAT, [3]), vi("b_out", TP.FLOAT, [3]), vi("d", TP.FLOAT, [3])])
    return model([helper.make_node("Scan", ["a0", "b0", "us", "vs"], ["a", "b", "ds"],
                                   body=body, num_scan_inputs=2)],
                 [vi("a0", TP.FLOAT, [3]), vi("b0", TP.FLOAT, [3]),
                  vi("us", TP.FLOAT, [4, 3]), vi("vs", TP.FLOAT, [4, 3])],
                 [vi("a", TP.FLOAT, [3]), vi("b", TP.FLOAT, [3]), vi("ds", TP.FLOAT, [4, 3])],
                 opset=11)


def ref_if(c, x, y):
    return [x * x if c else -y]


def ref_growing(n, acc0, step):
    acc, totals = acc0, []
    for _ in range(int(n)):
        acc = np.concatenate([acc, step])
        totals.append(acc.sum())
    return [acc, np.array(totals, dtype=np.float32)]


def ref_cond(n, c, x0, limit):
    x, sums, i = x0, [], 0
    while i < n and c:
        x = (x * np.float32(1.5) + np.float32(i)).astype(np.float32)
        s = x.sum()
        sums.append(s)
        c = s < limit
        i += 1
    return [x, np.array(sums, dtype=np.float32)]


def ref_scan(a0, b0, us, vs):
    a, b, ds = a0, b0, []
    for u, v in zip(us, vs):
        a, b = a + u, b * v
        ds.append(a - b)
    return [a, b, np.stack(ds)]


def f32(*shape):
    return RNG.standard_normal(shape).astype(np.float32)


def cases():
    i64 = lambda v: np.array(v, dtype=np.int64)
    b = lambda v: np.array(v)
    return [
        ("if_then", if_model, ref_if, [b(True), f32(4), f32(3)]),
        ("if_else", if_model, ref_if, [b(False), f32(4), f32(3)]),
        ("growing_loop", growing_loop_model, ref_growing, [i64(4), f32(1), f32(1)]),
        ("growing_loop_zero_trips", growing_loop_model, ref_growing, [i64(0), f32(1), f32(1)]),
        ("loop_stopped_by_condition", cond_loop_model, ref_cond,
         [i64(20), b(True), np.array([1.0, 2.0], np.float32), np.array(40.0, np.float32)]),
        ("loop_trip_count", cond_loop_model, ref_cond,
         [i64(3), b(True), np.array([1.0, 2.0], np.float32), np.array(1e6, np.float32)]),
        ("loop_initially_false", cond_loop_model, ref_cond,
         [i64(5), b(False), np.array([1.0, 2.0], np.float32), np.array(1e6, np.float32)]),
        ("scan_two_states", scan_model, ref_scan, [f32(3), f32(3), f32(4, 3), f32(4, 3)]),
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", default=os.environ.get("TLC_BIN", "build/bin"))
    args = parser.parse_args()
    failures = 0
    selected = cases()
    with tempfile.TemporaryDirectory() as tmp:
        for name, make, ref, inputs in selected:
            path = os.path.join(tmp, name + ".onnx")
            onnx.save(make(), path)
            out = os.path.join(tmp, name + "_out")
            command = [os.path.join(args.bin, "tl-run"), path, "--output-dir", out]
            for i, array in enumerate(inputs):
                file = os.path.join(tmp, f"{name}_in{i}.npy")
                np.save(file, array)
                command += ["--input", file]
            proc = subprocess.run(command, capture_output=True, text=True)
            if proc.returncode:
                print(f"FAIL {name}: tl-run: {proc.stderr.strip()[-400:]}")
                failures += 1
                continue
            problems = []
            for i, want in enumerate(ref(*inputs)):
                got = np.load(os.path.join(out, f"output_{i}.npy"))
                if got.shape != want.shape:
                    problems.append(f"output {i}: shape {got.shape}, expected {want.shape}")
                elif not np.allclose(got, want, rtol=1e-5, atol=1e-6):
                    problems.append(f"output {i}: {got} vs {want}")
            if problems:
                print(f"FAIL {name}: " + "; ".join(problems))
                failures += 1
            else:
                print(f"PASS {name}")
    print(f"\n{len(selected) - failures}/{len(selected)} control-flow cases match numpy")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
