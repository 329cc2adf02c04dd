#!/usr/bin/env python3
"""Numerical check of tl.rnn, tl.gru and tl.lstm beyond the ONNX test data
(which only has forward layers): both directions, sequence_lens, initial
states, peepholes, linear_before_reset, input_forget, clip, batch-major
layout and the other ONNX activations with their alpha/beta.

Each case is a one-node ONNX model whose sequence and batch dims are
symbolic; tl-compile builds it once and tl-run runs it at two sizes. The
reference is ONNX Runtime (npm onnxruntime-node, see scripts/setup.sh, or
--ort-node-path), independent of tlc; ORT has no batch-major layout, so
layout 1 cases are checked against ORT on the layout 0 model with the
inputs and outputs transposed. Floats compare with rtol 1e-4 /
atol 1e-5.

  test/e2e/recurrent_numerics.py [--bin build/bin] [--ort-node-path DIR] [-k FILTER]
"""

import argparse
import copy
import os
import subprocess
import sys
import tempfile

import numpy as np
import onnx
from onnx import TensorProto as TP
from onnx import helper

from ort_runner import DEFAULT_NODE_PATH, OrtRunner, ort_available

RNG = np.random.default_rng(11)
GATES = {"RNN": 1, "GRU": 3, "LSTM": 4}


class Case:
    def __init__(self, name, op, hidden=4, features=3, direction="forward",
                 layout=0, bias=True, lens=False, initial=False,
                 peepholes=False, outputs=(0, 1), sizes=((5, 2), (3, 4)),
                 **attrs):
        self.name, self.op, self.hidden, self.features = name, op, hidden, features
        self.direction, self.layout, self.bias, self.lens = direction, layout, bias, lens
        self.initial, self.peepholes, self.outputs = initial, peepholes, outputs
        self.sizes, self.attrs = sizes, attrs

    @property
    def dirs(self):
        return 2 if self.direction == "bidirectional" else 1

    def model(self):
        g, h, d = GATES[self.op] * self.hidden, self.hidden, self.dirs
        seq_batch = ["batch", "seq"] if self.layout else ["seq", "batch"]
        state = ["batch", d, h] if self.layout else [d, "batch", h]
        inputs = [helper.make_tensor_value_info("X", TP.FLOAT,
                                                seq_batch + [self.features]),
                  helper.make_tensor_value_info("W", TP.FLOAT, [d, g, self.features]),
                  helper.make_tensor_value_info("R", TP.FLOAT, [d, g, h])]
        names = ["X", "W", "R"]

        def optional(flag, name, elem, shape):
            if flag:
                inputs.append(helper.make_tensor_value_info(name, elem, shape))
            names.append(name if flag else "")

        optional(self.bias, "B", TP.FLOAT, [d, 2 * g])
        optional(self.lens, "sequence_lens", TP.INT32, ["batch"])
        optional(self.initial, "initial_h", TP.FLOAT, state)
        if self.op == "LSTM":
            optional(self.initial, "initial_c", TP.FLOAT, state)
            optional(self.peepholes, "P", TP.FLOAT, [d, 3 * h])
        while names and not names[-1]:
            names.pop()
        out_names = ["Y", "Y_h", "Y_c"][:3 if self.op == "LSTM" else 2]
        node_outputs = [n if i in self.outputs else "" for i, n in enumerate(out_names)]
        while not node_outputs[-1]:
            node_outputs.pop()
        y_shape = ["batch", "seq", d, h] if self.layout else ["seq", d, "batch", h]
        outputs = [helper.make_tensor_value_info(n, TP.FLOAT,
                                                 y_shape if i == 0 else state)
                   for i, n in enumerate(node_outputs) if n]
        attrs = dict(hidden_size=h, direction=self.direction, **self.attrs)
        if self.layout:
            attrs["layout"] = 1
        node = helper.make_node(self.op, names, node_outputs, **attrs)
        graph = helper.make_graph([node], self.name, inputs, outputs)
        return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 14)])

    def inputs(self, seq, batch):
        g, h, d = GATES[self.op] * self.hidden, self.hidden, self.dirs
        rand = lambda *s: (RNG.standard_normal(s) * 0.5).astype(np.float32)
        x = rand(batch, seq, self.features) if self.layout else rand(seq, batch, self.features)
        arrays = [x, rand(d, g, self.features), rand(d, g, h)]
        if self.bias:
            arrays.append(rand(d, 2 * g))
        if self.lens:
            arrays.append(RNG.integers(1, seq + 1, size=batch).astype(np.int32))
        state = (batch, d, h) if self.layout else (d, batch, h)
        if self.initial:
            arrays.append(rand(*state))
            if self.op == "LSTM":
                arrays.append(rand(*state))
        if self.op == "LSTM" and self.peepholes:
            arrays.append(rand(d, 3 * h))
        return arrays


def to_time_major(case, index, array):
    """Input `index` of a batch-major case in the layout 0 order."""
    if not case.layout or index in (1, 2) or array.ndim != 3 or \
            (case.bias and index == 3):
        return array
    return np.ascontiguousarray(array.transpose(1, 0, 2))


def cases():
    return [
        Case("lstm_bidir_lens_states_peepholes", "LSTM", direction="bidirectional",
             lens=True, initial=True, peepholes=True, outputs=(0, 1, 2)),
        Case("lstm_reverse_batch_major_clip", "LSTM", direction="reverse", layout=1,
             clip=0.7, initial=True, outputs=(0, 1, 2)),
        Case("lstm_input_forget", "LSTM", input_forget=1, outputs=(0, 2)),
        Case("lstm_activations", "LSTM", direction="bidirectional",
             activations=["HardSigmoid", "Softsign", "Relu",
                          "Sigmoid", "ScaledTanh", "Tanh"],
             activation_alpha=[0.3, 0.8], activation_beta=[0.4, 1.2]),
        Case("gru_bidir_lens", "GRU", direction="bidirectional", lens=True,
             initial=True),
        Case("gru_reverse_linear_before_reset", "GRU", direction="reverse",
             linear_before_reset=1, lens=True),
        Case("gru_batch_major_no_bias", "GRU", layout=1, bias=False,
             linear_before_reset=1, initial=True),
        Case("gru_activations_clip", "GRU", activations=["HardSigmoid", "Elu"],
             activation_alpha=[0.25, 0.5], clip=1.0),
        Case("rnn_bidir_lens", "RNN", direction="bidirectional", lens=True,
             initial=True),
        Case("rnn_reverse_batch_major", "RNN", direction="reverse", layout=1),
        Case("rnn_leaky_relu", "RNN", activations=["LeakyRelu"],
             activation_alpha=[0.1]),
        Case("rnn_affine", "RNN", activations=["Affine"], activation_alpha=[0.5],
             activation_beta=[0.1]),
        Case("rnn_thresholded_relu", "RNN", activations=["ThresholdedRelu"],
             activation_alpha=[0.2]),
        Case("rnn_softplus_bidir", "RNN", direction="bidirectional",
             activations=["Softplus", "Elu"]),
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", default=os.environ.get("TLC_BIN", "build/bin"))
    parser.add_argument("--ort-node-path", default=DEFAULT_NODE_PATH)
    parser.add_argument("-k", dest="filter")
    args = parser.parse_args()
    reason = ort_available(args.ort_node_path)
    if reason:
        print(f"UNSUPPORTED: {reason}")
        return 0
    selected = [c for c in cases() if not args.filter or args.filter in c.name]
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        jobs, runs = [], []
        for case in selected:
            path = os.path.join(tmp, case.name + ".onnx")
            onnx.save(case.model(), path)
            lib = os.path.join(tmp, case.name + ".so")
            proc = subprocess.run([os.path.join(args.bin, "tl-compile"), path, "-o", lib],
                                  capture_output=True, text=True)
            if proc.returncode:
                print(f"FAIL {case.name}: tl-compile: {proc.stderr.strip()[-400:]}")
                failures += 1
                continue
            ref_path = path
            if case.layout:
                ref_path = os.path.join(tmp, case.name + "_layout0.onnx")
                ref_case = copy.copy(case)
                ref_case.layout = 0
                onnx.save(ref_case.model(), ref_path)
            for seq, batch in case.sizes:
                inputs = case.inputs(seq, batch)
                jobs.append((ref_path, [to_time_major(case, i, a)
                                        for i, a in enumerate(inputs)]))
                runs.append((case, lib, seq, batch, inputs))
        results = OrtRunner(args.ort_node_path).run(jobs, os.path.join(tmp, "ort"))
        for (case, lib, seq, batch, inputs), (status, expected) in zip(runs, results):
            if status == "ok" and case.layout:
                expected = [e.transpose(2, 0, 1, 3) if e.ndim == 4 else
                            e.transpose(1, 0, 2) for e in expected]
            label = f"{case.name} (seq {seq}, batch {batch})"
            if status != "ok":
                print(f"FAIL {label}: ONNX Runtime: {expected}")
                failures += 1
                continue
            run_dir = os.path.join(tmp, f"run_{case.name}_{seq}_{batch}")
            os.makedirs(run_dir)
            command = [os.path.join(args.bin, "tl-run"), lib, "--output-dir", run_dir]
            for i, array in enumerate(inputs):
                file = os.path.join(run_dir, f"in_{i}.npy")
                np.save(file, array)
                command += ["--input", file]
            proc = subprocess.run(command, capture_output=True, text=True)
            if proc.returncode:
                print(f"FAIL {label}: tl-run: {proc.stderr.strip()[-400:]}")
                failures += 1
                continue
            problems = []
            for i, want in enumerate(expected):
                got = np.load(os.path.join(run_dir, f"output_{i}.npy"))
                if got.shape != want.shape:
                    problems.append(f"output {i}: shape {got.shape}, expected {want.shape}")
                elif not np.allclose(got, want, rtol=1e-4, atol=1e-5):
                    problems.append(f"output {i}: max abs error "
                                    f"{np.max(np.abs(got - want)):.3g}")
            if problems:
                print(f"FAIL {label}: " + "; ".join(problems))
                failures += 1
            else:
                print(f"PASS {label}")
    print(f"\n{len(selected)} cases, {len(runs)} runs; {failures} failures against"
          " ONNX Runtime")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
