#!/usr/bin/env python3
"""Conformance runner: ONNX backend test data through tl-compile + tl-run.

For every case folder (model.onnx + test_data_set_*/{input,output}_*.pb) the
model is compiled once with tl-compile into a shared library, every data set is
run with tl-run, and each output is compared with the expected output shipped
with the test data (floats: rtol 1e-3, atol 1e-5; integers and bools: exact).

Prints one line per case and the totals; exits 1 when a selected case fails.

Cases listed in an exclusions file (--exclusions; ops tlc cannot support:
strings, random numbers, training) are not run; the totals give the pass
rate over the supportable cases and over all cases. run_all.py runs every
case with onnx_testdata_exclusions.txt and checks the failures against
onnx_testdata_known_failures.txt (what is not supported yet).

  onnx_testdata.py --bin build/bin                      # every case
  onnx_testdata.py --bin build/bin --scope slice        # issue-2 op set only
  onnx_testdata.py --bin build/bin node/test_relu ...   # given cases
"""

import argparse
import concurrent.futures
import os
import re
import subprocess
import sys
import tempfile
import time

import numpy as np
import onnx
from onnx import numpy_helper

DATA_ROOT = "/usr/share/libonnx-testdata/data"
FOLDERS = ["node", "pytorch-converted", "pytorch-operator", "simple"]

# The ONNX ops whose tl lowering the vertical slice (issue 2) covers.
SLICE_OPS = {
    "Abs", "Acos", "Acosh", "Add", "And", "ArgMax", "ArgMin", "Asin", "Asinh",
    "Atan", "Atanh", "AveragePool", "BatchNormalization", "Cast", "Ceil",
    "Celu", "Clip", "Concat", "Constant", "ConstantOfShape", "Conv",
    "ConvTranspose", "Cos", "Cosh", "DepthToSpace", "Div", "Dropout", "Elu",
    "Equal", "Erf", "Exp", "Expand", "Flatten", "Floor", "Gather", "Gemm",
    "GlobalAveragePool", "GlobalMaxPool", "Greater", "GreaterOrEqual",
    "HardSigmoid", "HardSwish", "Identity", "InstanceNormalization",
    "LayerNormalization", "LeakyRelu", "Less", "LessOrEqual", "Log",
    "LogSoftmax", "MatMul", "Max", "MaxPool", "Mean", "Min", "Mod", "Mul",
    "Neg", "Not", "Or", "PRelu", "Pad", "Pow", "Reciprocal", "ReduceL1",
    "ReduceL2", "ReduceLogSum", "ReduceLogSumExp", "ReduceMax", "ReduceMean",
    "ReduceMin", "ReduceProd", "ReduceSum", "ReduceSumSquare", "Relu",
    "Reshape", "Resize", "Round", "Selu", "Shape", "Sigmoid", "Sign", "Sin",
    "Sinh", "Size", "Slice", "Softmax", "Softplus", "Softsign",
    "SpaceToDepth", "Split", "Sqrt", "Squeeze", "Sub", "Sum", "Tan", "Tanh",
    "Tile", "Transpose", "Unsqueeze", "Upsample", "Where", "Xor",
}


def model_ops(model_path):
    model = onnx.load(model_path, load_external_data=False)
    ops = set()

    def visit(graph):
        for node in graph.node:
            ops.add(node.op_type if node.domain in ("", "ai.onnx") else
                    f"{node.domain}.{node.op_type}")
            for attr in node.attribute:
                if attr.type == onnx.AttributeProto.GRAPH:
                    visit(attr.g)
                for g in attr.graphs:
                    visit(g)

    visit(model.graph)
    return ops


def compare(expected, actual, rtol=1e-3):
    """None when `actual` matches `expected`, else a short reason."""
    if actual.shape != expected.shape:
        return f"shape {list(actual.shape)} != expected {list(expected.shape)}"
    if expected.dtype.kind in "fc":
        if actual.dtype.kind not in "fc":
            return f"dtype {actual.dtype} != expected {expected.dtype}"
        a = actual.astype(np.float64)
        e = expected.astype(np.float64)
        ok = np.isclose(a, e, rtol=rtol, atol=1e-5, equal_nan=True)
        if not ok.all():
            idx = np.unravel_index(np.argmin(ok), ok.shape)
            return (f"{int((~ok).sum())}/{ok.size} elements differ, "
                    f"e.g. at {tuple(int(i) for i in idx)}: {a[idx]} vs {e[idx]}")
        return None
    if actual.dtype != expected.dtype:
        return f"dtype {actual.dtype} != expected {expected.dtype}"
    if not np.array_equal(actual, expected):
        return f"{int((actual != expected).sum())}/{expected.size} elements differ"
    return None


# bfloat16. NumPy has no such dtype: tl-run reads and writes bf16 tensors as
# BFLOAT16 TensorProtos (raw bits), compared here as float32. The test data
# of ONNX <= 1.12 stores bfloat16 inputs and expected outputs as UINT16
# TensorProtos of the same bits, and its float -> bfloat16 reference
# truncates where tlc (and ONNX since 1.14) rounds to nearest even: bf16
# outputs compare within one bf16 ulp (rtol 2^-7).
BF16 = onnx.TensorProto.BFLOAT16
BF16_RTOL = 2.0 ** -7


def bf16_bits_to_float(bits):
    return (bits.astype(np.uint32) << 16).view(np.float32)


def load_tensor(path):
    """A .npy or TensorProto .pb file as a numpy array (bf16 as float32)."""
    if path.endswith(".npy"):
        return np.load(path)
    proto = onnx.load_tensor(path)
    if proto.data_type == BF16:
        if proto.raw_data:
            bits = np.frombuffer(proto.raw_data, dtype="<u2")
        else:
            bits = np.array(proto.int32_data, dtype=np.uint16)
        return bf16_bits_to_float(bits.reshape(tuple(proto.dims)))
    return numpy_helper.to_array(proto)


def as_bf16_input(path, workdir):
    """A test-data input of a BFLOAT16 graph input: UINT16 files (the bits,
    as ONNX <= 1.12 wrote them) are rewritten as BFLOAT16 TensorProtos."""
    proto = onnx.load_tensor(path)
    if proto.data_type != onnx.TensorProto.UINT16:
        return path
    proto.data_type = BF16
    if not proto.raw_data:
        proto.raw_data = np.array(proto.int32_data, dtype="<u2").tobytes()
        del proto.int32_data[:]
    fixed = os.path.join(workdir, "bf16_" + os.path.basename(os.path.dirname(path)) +
                         "_" + os.path.basename(path))
    with open(fixed, "wb") as f:
        f.write(proto.SerializeToString())
    return fixed


def elem_types(values):
    return [v.type.tensor_type.elem_type if v.type.HasField("tensor_type") else 0
            for v in values]


# An importer error naming a graph value that must be a compile-time constant
# (a shape, axes, scales...) but is a graph input of the test case.
_NEEDS_CONSTANT = re.compile(r"input '[^']*' \('([^']*)'\) must be known at import time")


def _first_error(proc):
    """The first diagnostic line of a failed tool run."""
    for line in proc.stderr.splitlines():
        if "error:" in line:
            return line.strip()
    return _last_line(proc)


def _last_line(proc):
    lines = proc.stderr.strip().splitlines()
    return lines[-1] if lines else "exit %d" % proc.returncode


def _compile(case_dir, bindir, workdir, ds_dir, inputs, tag):
    """Compiles the case's model; returns (library, bound input indices, error).

    Graph inputs that the importer needs as constants (shape-like inputs the
    test data feeds at run time) are bound to this data set's values and
    dropped from the run's inputs: an ONNX importer pass, not a tl feature.
    """
    model = os.path.join(case_dir, "model.onnx")
    lib = os.path.join(workdir, f"model{tag}.so")
    graph_inputs = [i.name for i in onnx.load(model, load_external_data=False).graph.input]
    initializers = {t.name for t in onnx.load(model, load_external_data=False).graph.initializer}
    runtime_inputs = [n for n in graph_inputs if n not in initializers]
    bound = {}

    def run(cmd):
        return subprocess.run(cmd, capture_output=True, text=True, timeout=600)

    while True:
        if not bound:
            proc = run([os.path.join(bindir, "tl-compile"), model, "-o", lib])
        else:
            mlir = os.path.join(workdir, f"model{tag}.mlir")
            proc = run([os.path.join(bindir, "tl-translate"), "--import-onnx", model,
                        "-o", mlir] +
                       [f"--onnx-constant-input={n}={inputs[i]}" for n, i in bound.items()])
            if proc.returncode == 0:
                proc = run([os.path.join(bindir, "tl-compile"), mlir, "-o", lib])
        if proc.returncode == 0:
            return lib, sorted(bound.values()), None
        match = _NEEDS_CONSTANT.search(proc.stderr)
        if not match or ds_dir is None or match.group(1) not in runtime_inputs \
                or match.group(1) in bound:
            return None, None, _first_error(proc)
        bound[match.group(1)] = runtime_inputs.index(match.group(1))


def run_case(case_dir, bindir, workdir):
    """(status, detail): PASS, BOUND (passed with shape-like inputs bound at
    compile time), FAIL (wrong values) or ERROR."""
    datasets = sorted(d for d in os.listdir(case_dir)
                      if d.startswith("test_data_set_"))
    graph = onnx.load(os.path.join(case_dir, "model.onnx"), load_external_data=False).graph
    initializers = {t.name for t in graph.initializer}
    input_types = elem_types([i for i in graph.input if i.name not in initializers])
    output_types = elem_types(graph.output)
    shared_lib, _, error = _compile(case_dir, bindir, workdir, None, None, "")
    bound_any = []
    for ds in datasets:
        ds_dir = os.path.join(case_dir, ds)
        inputs = sorted((f for f in os.listdir(ds_dir) if f.startswith("input_")),
                        key=lambda f: int(f[6:-3]))
        inputs = [os.path.join(ds_dir, f) for f in inputs]
        outputs = sorted((f for f in os.listdir(ds_dir) if f.startswith("output_")),
                         key=lambda f: int(f[7:-3]))
        lib, bound = shared_lib, []
        if lib is None:
            lib, bound, error = _compile(case_dir, bindir, workdir, ds_dir, inputs, ds)
            if lib is None:
                return "ERROR", error
            bound_any = bound
        out_dir = os.path.join(workdir, ds)
        os.makedirs(out_dir, exist_ok=True)
        cmd = [os.path.join(bindir, "tl-run"), lib, "--output-dir", out_dir]
        for i, f in enumerate(inputs):
            if i not in bound:
                if i < len(input_types) and input_types[i] == BF16:
                    f = as_bf16_input(f, workdir)
                cmd += ["--input", f]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
        if proc.returncode != 0:
            return "ERROR", f"{ds}: run: " + _last_line(proc)
        for i, f in enumerate(outputs):
            expected = numpy_helper.to_array(
                onnx.load_tensor(os.path.join(ds_dir, f)))
            rtol = 1e-3
            if i < len(output_types) and output_types[i] == BF16:
                if expected.dtype == np.uint16:
                    expected = bf16_bits_to_float(expected)
                rtol = BF16_RTOL
            # tl-run writes .npy, or a TensorProto .pb where .npy cannot
            # hold the element type.
            path = os.path.join(out_dir, f"output_{i}.npy")
            if not os.path.exists(path):
                path = path[:-4] + ".pb"
            if not os.path.exists(path):
                return "FAIL", f"{ds}: output {i} missing"
            reason = compare(expected, load_tensor(path), rtol)
            if reason:
                return "FAIL", f"{ds}: output {i}: {reason}"
    if bound_any:
        return "BOUND", f"{len(datasets)} data set(s), inputs {bound_any} bound at compile time"
    return "PASS", f"{len(datasets)} data set(s)"


def read_case_list(path):
    """{case: reason} from a file of `case  # reason` lines."""
    cases = {}
    with open(path) as f:
        for line in f:
            case, _, reason = line.partition("#")
            if case.strip():
                cases[case.strip()] = reason.strip()
    return cases


def check_expected(path, results, data_root):
    """Exit status against a list of known failures (`case  # reason` lines):
    0 when exactly the listed cases fail, 1 on a new failure or a listed case
    that now passes (so the list stays true)."""
    listed = set(read_case_list(path))
    failing = {os.path.relpath(c, data_root) for c, (s, _) in results.items()
               if s in ("FAIL", "ERROR")}
    ran = {os.path.relpath(c, data_root) for c in results}
    new = sorted(failing - listed)
    fixed = sorted((listed & ran) - failing)
    for case in new:
        print(f"new failure (not in {os.path.basename(path)}): {case}")
    for case in fixed:
        print(f"now passes, remove it from {os.path.basename(path)}: {case}")
    print(f"{len(failing & listed)} known failures ({os.path.basename(path)}), "
          f"{len(new)} new, {len(fixed)} fixed")
    return 1 if new or fixed else 0


def write_failures(path, results, data_root):
    """Writes the failing cases as a known-failures list, each with its first
    error line as the reason (to be edited into a better one)."""
    with open(path, "w") as f:
        for case, (status, detail) in sorted(results.items()):
            if status in ("FAIL", "ERROR"):
                reason = re.sub(r"^\S*model\.onnx:\d+:\d+: error: ", "", detail)
                f.write(f"{os.path.relpath(case, data_root)}  # {reason}\n")


def collect(args):
    if args.cases:
        return [os.path.join(args.data, c) if not os.path.isabs(c) else c
                for c in args.cases]
    if args.list:
        return [os.path.join(args.data, n) for n in read_case_list(args.list)]
    cases = []
    for folder in args.folders.split(","):
        root = os.path.join(args.data, folder)
        cases += [os.path.join(root, c) for c in sorted(os.listdir(root))]
    return cases


def print_totals(results, excluded, skipped, seconds, data_root):
    counts = {s: sum(1 for r in results.values() if r[0] == s)
              for s in ("PASS", "BOUND", "FAIL", "ERROR")}
    passed = counts["PASS"] + counts["BOUND"]
    print(f"\n{len(results)} cases run in {seconds:.0f} s: {passed} passed "
          f"({counts['BOUND']} of them with shape-like inputs bound at compile time), "
          f"{counts['FAIL']} wrong results, {counts['ERROR']} errors; "
          f"{len(excluded)} excluded (unsupportable, see the exclusions file)"
          + (f", {len(skipped)} out of scope" if skipped else ""))
    folders = {}
    for case, (status, _) in results.items():
        t = folders.setdefault(os.path.relpath(case, data_root).split("/")[0], [0, 0, 0])
        t[0] += status in ("PASS", "BOUND")
        t[1] += 1
    for case in excluded:
        folders.setdefault(os.path.relpath(case, data_root).split("/")[0], [0, 0, 0])[2] += 1
    for folder, (p, run, excl) in sorted(folders.items()):
        line = f"  {folder:18} {p}/{run} of the supportable cases ({100.0 * p / max(run, 1):.1f}%)"
        if excl:
            line += f"; {p}/{run + excl} of all ({100.0 * p / (run + excl):.1f}%), {excl} excluded"
        print(line)


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("cases", nargs="*", help="case folders (relative to --data)")
    parser.add_argument("--bin", required=True, help="folder with tl-compile and tl-run")
    parser.add_argument("--data", default=DATA_ROOT, help="test-data root")
    parser.add_argument("--folders", default=",".join(FOLDERS),
                        help="comma-separated folders under --data")
    parser.add_argument("--list", help="file naming the cases to run, one per line")
    parser.add_argument("--scope", choices=["slice", "all"], default="all",
                        help="all: every case (default); slice: only cases whose ops "
                             "are all in the issue-2 op set")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--quiet", action="store_true", help="print failures only")
    parser.add_argument("--exclusions",
                        help="file of cases that cannot be supported, with reasons; "
                             "they are not run and are counted apart")
    parser.add_argument("--expected-failures",
                        help="file of known failing cases with reasons; the run "
                             "succeeds when exactly those fail")
    parser.add_argument("--write-failures", metavar="FILE",
                        help="write the failing cases with their first error line "
                             "as a known-failures list")
    args = parser.parse_args()

    cases = collect(args)
    exclusions = read_case_list(args.exclusions) if args.exclusions else {}
    selected, skipped, excluded = [], [], []
    for case in cases:
        if os.path.relpath(case, args.data) in exclusions and not args.cases:
            excluded.append(case)
            continue
        ops = model_ops(os.path.join(case, "model.onnx"))
        if args.scope == "all" or args.cases or args.list or ops <= SLICE_OPS:
            selected.append(case)
        else:
            skipped.append((case, sorted(ops - SLICE_OPS)))

    start = time.time()
    results = {}
    with tempfile.TemporaryDirectory(prefix="tlc-conformance-") as tmp:
        def work(case):
            workdir = os.path.join(tmp, os.path.relpath(case, args.data).replace("/", "_"))
            os.makedirs(workdir)
            try:
                return run_case(case, args.bin, workdir)
            except subprocess.TimeoutExpired:
                return "ERROR", "timeout"

        with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
            futures = {pool.submit(work, c): c for c in selected}
            for future in concurrent.futures.as_completed(futures):
                case = futures[future]
                status, detail = future.result()
                results[case] = (status, detail)
                if not args.quiet or status not in ("PASS", "BOUND"):
                    print(f"{status:5} {os.path.relpath(case, args.data)}: {detail}",
                          flush=True)

    print_totals(results, excluded, skipped, time.time() - start, args.data)
    if args.write_failures:
        write_failures(args.write_failures, results, args.data)
    if args.expected_failures:
        return check_expected(args.expected_failures, results, args.data)
    return 0 if all(s in ("PASS", "BOUND") for s, _ in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
