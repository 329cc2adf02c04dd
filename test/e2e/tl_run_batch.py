"""Runs a batch of tl test cases as one function with tl-run.

The op-family numerics scripts (indexing, resize/pool, loss/positional)
write all their cases into one `main` function, so that tl-run compiles
once; this module holds what they share: the tensor type syntax and the run
itself. Each script keeps its own references and comparison.
"""

import os
import subprocess
import tempfile

import numpy as np

MLIR_TYPES = {
    np.dtype(np.float16): "f16", np.dtype(np.float32): "f32", np.dtype(np.float64): "f64",
    np.dtype(np.int8): "i8", np.dtype(np.int16): "i16", np.dtype(np.int32): "i32",
    np.dtype(np.int64): "i64", np.dtype(np.uint8): "ui8", np.dtype(np.uint16): "ui16",
    np.dtype(np.uint32): "ui32", np.dtype(np.uint64): "ui64", np.dtype(np.bool_): "i1",
}


def tensor_type(shape, dtype, dynamic=()):
    """`tensor<2x?x3xf32>`: the dims whose index is in `dynamic` are '?'."""
    dims = ["?" if i in dynamic else str(d) for i, d in enumerate(shape)]
    return "tensor<" + "".join(d + "x" for d in dims) + MLIR_TYPES[np.dtype(dtype)] + ">"


def run_batch(module, inputs, bindir, prefix="tlc-batch-"):
    """Runs `module` (MLIR text whose @main takes `inputs` in order) with
    tl-run; returns (outputs, None), the results as arrays in order, or
    (None, the last line of tl-run's error)."""
    with tempfile.TemporaryDirectory(prefix=prefix) as tmp:
        model = os.path.join(tmp, "model.mlir")
        with open(model, "w") as f:
            f.write(module)
        cmd = [os.path.join(bindir, "tl-run"), model, "--output-dir", tmp,
               "--print-values=0"]
        for i, array in enumerate(inputs):
            path = os.path.join(tmp, f"input_{i}.npy")
            np.save(path, array)
            cmd += ["--input", path]
        proc = subprocess.run(cmd, capture_output=True, text=True)
        if proc.returncode != 0:
            return None, "tl-run: " + (proc.stderr.strip().splitlines() or ["failed"])[-1]
        outputs, i = [], 0
        while os.path.exists(os.path.join(tmp, f"output_{i}.npy")):
            outputs.append(np.load(os.path.join(tmp, f"output_{i}.npy")))
            i += 1
        return outputs, None


def split_results(cases, outputs, check):
    """{case name: None, or the reasons its results differ}: `outputs` are
    consumed in order, len(case.expected) per case, and compared by
    check(case, expected, actual)."""
    results, k = {}, 0
    for case in cases:
        reasons = []
        for j, expected in enumerate(case.expected):
            reason = check(case, expected, outputs[k]) if k < len(outputs) else "missing"
            k += 1
            if reason:
                reasons.append(f"result {j}: {reason}")
        results[case.name] = "; ".join(reasons) or None
    return results
