#!/usr/bin/env python3
"""Imports every DIR/*.onnx (sorted) with `tl-translate --import-onnx`,
exports the result again with `tl-translate --export-onnx`, checks the
exported model (ONNX checker, full check; strict shape inference with type
checks) and compares it with the original. Prints one line per model:

  NAME: inputs x: float[N,3], ...; outputs y: float[N,3], ...;
        initializers kept K/M; ops Op1 Op2 ...

`initializers kept` counts the original initializers whose name and value
(the transpose, for Gemm weights the importer stored transposed) are in the
exported model; missing ones are listed after `lost`. Input and output
names and dims that differ from the original are reported as errors.

Usage: reexport_all.py TL_TRANSLATE DIR [EXPORT_ARGS...]
Exit status 1 (after printing the errors) if any step failed.
"""

import os
import subprocess
import sys
import tempfile

import numpy as np
import onnx
from onnx import numpy_helper

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from export_all import dims  # noqa: E402


def signature(values):
    return [(v.name, dims(v.type)) for v in values]


def compare_dims(original, exported):
    """Original dims that are static or named must be kept."""
    problems = []
    for (name, want), (_, got) in zip(original, exported):
        want_dims, got_dims = want.split("[")[1], got.split("[")[1]
        for w, g in zip(want_dims.rstrip("]").split(","), got_dims.rstrip("]").split(",")):
            if w not in ("?", "") and not w.startswith("unk__") and w != g:
                problems.append(f"{name}: dim {w} became {g}")
    return problems


def main(argv):
    tool, directory, extra = argv[1], argv[2], argv[3:]
    status = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name in sorted(os.listdir(directory)):
            if not name.endswith(".onnx"):
                continue
            stem = name[:-len(".onnx")]
            source = os.path.join(directory, name)
            mlir = os.path.join(tmp, stem + ".mlir")
            target = os.path.join(tmp, stem + ".onnx")
            proc = subprocess.run([tool, "--import-onnx", source, "-o", mlir],
                                  capture_output=True, text=True)
            if proc.returncode != 0:
                continue  # not importable: the importer's tests cover it
            proc = subprocess.run([tool, "--export-onnx", mlir, "-o", target] + extra,
                                  capture_output=True, text=True)
            if proc.returncode != 0:
                sys.stderr.write(f"{stem}: export failed\n{proc.stderr}")
                status = 1
                continue
            original = onnx.load(source)
            exported = onnx.load(target)
            try:
                onnx.checker.check_model(exported, full_check=True)
                onnx.shape_inference.infer_shapes(exported, check_type=True, strict_mode=True)
            except Exception as e:  # checker and inference raise various types
                sys.stderr.write(f"{stem}: {type(e).__name__}: {e}\n")
                status = 1

            init_names = {t.name for t in original.graph.initializer}
            orig_inputs = [v for v in original.graph.input if v.name not in init_names]
            want_in, got_in = signature(orig_inputs), signature(exported.graph.input)
            want_out, got_out = signature(original.graph.output), signature(exported.graph.output)
            problems = []
            if [n for n, _ in want_in] != [n for n, _ in got_in]:
                problems.append(f"inputs {want_in} became {got_in}")
            if [n for n, _ in want_out] != [n for n, _ in got_out]:
                problems.append(f"outputs {want_out} became {got_out}")
            problems += compare_dims(want_in, got_in) + compare_dims(want_out, got_out)
            for p in problems:
                sys.stderr.write(f"{stem}: {p}\n")
                status = 1

            kept, lost = 0, []
            exported_inits = {t.name: numpy_helper.to_array(t)
                              for t in exported.graph.initializer}
            for t in original.graph.initializer:
                value = numpy_helper.to_array(t)
                got = exported_inits.get(t.name)
                if got is not None and got.shape == value.shape and \
                        np.array_equal(got, value):
                    kept += 1
                else:
                    lost.append(t.name)
            ops = " ".join(n.op_type for n in exported.graph.node)
            line = (f"{stem}: inputs {', '.join(f'{n}: {d}' for n, d in got_in)}; "
                    f"outputs {', '.join(f'{n}: {d}' for n, d in got_out)}; "
                    f"initializers kept {kept}/{len(original.graph.initializer)}")
            if lost:
                line += f" lost {' '.join(lost)}"
            print(line + f"; ops {ops}")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
