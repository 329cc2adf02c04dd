#!/usr/bin/env python3
"""Imports every model of the ONNX backend test data with tl-translate.

Runs `tl-translate --import-onnx` on DATA/{node,pytorch-converted,
pytorch-operator,simple}/*/model.onnx, checks that imported modules parse and
verify again in tl-opt, and summarizes per folder: imported, unsupported
operator (with the op names), other errors, and crashes (any exit status
other than 0 and 1, or a timeout).

The node tests pass some tl attributes (Reshape shapes, Slice starts,
Resize scales...) as graph inputs whose values live in test_data_set_0.
With --bind, a model rejected because such an input must be known at
import time is imported again with that input bound to its test value
(--onnx-constant-input); those count as "imported with bound inputs".

With --check-outputs (needs --tl-opt), every imported model is also
evaluated on its test_data_set_* inputs by tl_reference.py, a numpy model of
the tl ops' documented semantics, and compared with the expected outputs:
this checks the ONNX -> tl mapping itself, independently of any lowering.

Usage: import_testdata.py --tl-translate BUILD/bin/tl-translate \\
           [--tl-opt BUILD/bin/tl-opt] [--bind] [--check-outputs]
           [--data DIR] [--verbose]
Exit status: 1 if any model crashed the importer, failed the round trip or
(with --check-outputs) computed wrong outputs.
"""

import argparse
import collections
import os
import re
import subprocess
import sys
import tempfile

FOLDERS = ["node", "pytorch-converted", "pytorch-operator", "simple"]
# Expected outputs that follow another convention than tl's op semantics.
KNOWN_DIFFERENCES = {
    case: "ONNX 1.12's test data truncates float to bfloat16; tl.cast rounds "
          "to nearest even"
    for case in ("node/test_cast_FLOAT_to_BFLOAT16",
                 "node/test_castlike_FLOAT_to_BFLOAT16",
                 "node/test_castlike_FLOAT_to_BFLOAT16_expanded")}
UNSUPPORTED = re.compile(r"\(([A-Za-z0-9_]+)\): unsupported operator( \(domain '([^']*)'\))?")
NEEDS_CONSTANT = re.compile(r"input '[^']*' \('([^']*)'\) must be known at import time")


def run(cmd, timeout):
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
        return proc.returncode, proc.stderr
    except subprocess.TimeoutExpired:
        return None, "timeout"


def first_error(stderr):
    for line in stderr.splitlines():
        if "error:" in line:
            return line.split("error:", 1)[1].strip()
    return stderr.strip().splitlines()[0] if stderr.strip() else "(no message)"


def normalize(message):
    """Groups similar messages: names in quotes and numbers replaced."""
    message = re.sub(r"node ('[^']*'|#\d+) ", "node ", message)
    message = re.sub(r"'[^']*'", "'…'", message)
    return re.sub(r"\d+", "N", message)


def test_input_files(case_dir):
    """Maps input names to the .pb files of test_data_set_0."""
    data_dir = os.path.join(case_dir, "test_data_set_0")
    if not os.path.isdir(data_dir):
        return {}
    try:
        import onnx
    except ImportError:
        return {}
    model = onnx.load(os.path.join(case_dir, "model.onnx"), load_external_data=False)
    initializers = {t.name for t in model.graph.initializer}
    inputs = [i.name for i in model.graph.input if i.name not in initializers]
    files = {}
    for index, name in enumerate(inputs):
        path = os.path.join(data_dir, f"input_{index}.pb")
        if os.path.exists(path):
            files[name] = path
    return files


def check_outputs(args, case_dir, mlir_path, bound):
    """Evaluates the imported module on the case's data sets; returns
    (status, detail) with status in match, mismatch, noref."""
    import numpy as np
    import onnx
    from onnx import numpy_helper
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import tl_reference

    proc = subprocess.run([args.tl_opt, mlir_path, "--mlir-print-op-generic"],
                          capture_output=True, text=True, errors="replace")
    if proc.returncode != 0:
        return "mismatch", "tl-opt failed"
    try:
        module = tl_reference.Module(proc.stdout)
    except tl_reference.Unsupported as e:
        return "noref", str(e)
    model = onnx.load(os.path.join(case_dir, "model.onnx"), load_external_data=False)
    initializers = {t.name for t in model.graph.initializer}
    inputs = [i.name for i in model.graph.input if i.name not in initializers]
    data_sets = sorted(d for d in os.listdir(case_dir) if d.startswith("test_data_set"))
    if not data_sets:
        return "noref", "no test data"
    for data_set in data_sets:
        directory = os.path.join(case_dir, data_set)
        values = []
        for index, name in enumerate(inputs):
            path = os.path.join(directory, f"input_{index}.pb")
            if name in bound:
                continue
            if not os.path.exists(path):
                return "noref", f"missing {path}"
            values.append(numpy_helper.to_array(onnx.load_tensor(path)))
        try:
            with np.errstate(all="ignore"):
                results = module.run(values)
        except tl_reference.Unsupported as e:
            return "noref", str(e)
        except Exception as e:  # an op applied to values it cannot take
            return "mismatch", f"{data_set}: {type(e).__name__}: {e}"
        for index, actual in enumerate(results):
            path = os.path.join(directory, f"output_{index}.pb")
            if not os.path.exists(path):
                continue
            expected = numpy_helper.to_array(onnx.load_tensor(path))
            if expected.dtype == np.uint16 and actual.dtype == np.float32:
                # bfloat16 results are stored as bit patterns.
                expected = tl_reference.bf16_from_bits(expected)
            if actual.shape != expected.shape:
                return "mismatch", (f"{data_set} output {index}: shape "
                                    f"{actual.shape} != {expected.shape}")
            if expected.dtype.kind in "fc":
                ok = np.allclose(actual.astype(np.float64),
                                 expected.astype(np.float64),
                                 rtol=1e-3, atol=1e-4, equal_nan=True)
            else:
                ok = np.array_equal(actual, expected)
            if not ok:
                return "mismatch", f"{data_set} output {index} differs"
    return "match", ""


def import_case(args, case_dir, output):
    """Returns (status, detail): status in imported, bound, unsupported,
    error, crash, roundtrip."""
    model = os.path.join(case_dir, "model.onnx")
    bindings = []
    input_files = None
    while True:
        cmd = [args.tl_translate, "--import-onnx", model, "-o", output]
        cmd += [f"--onnx-constant-input={n}={f}" for n, f in bindings]
        rc, stderr = run(cmd, args.timeout)
        if rc == 0:
            break
        if rc != 1:
            return "crash", f"exit status {rc}: {stderr.strip()[-300:]}"
        message = first_error(stderr)
        unsupported = UNSUPPORTED.search(message)
        if unsupported:
            op = unsupported.group(1)
            if unsupported.group(3):
                op = f"{unsupported.group(3)}.{op}"
            return "unsupported", op
        needs = NEEDS_CONSTANT.search(message)
        if args.bind and needs:
            if input_files is None:
                input_files = test_input_files(case_dir)
            name = needs.group(1)
            if name in input_files and name not in dict(bindings):
                bindings.append((name, input_files[name]))
                continue
        return "error", message
    if args.tl_opt:
        rc, stderr = run([args.tl_opt, output, "-o", os.devnull], args.timeout)
        if rc != 0:
            return "roundtrip", first_error(stderr)
    if args.check_outputs:
        status, detail = check_outputs(args, case_dir, output,
                                       {n for n, _ in bindings})
        case = "/".join(case_dir.rstrip("/").split("/")[-2:])
        if status == "mismatch" and case in KNOWN_DIFFERENCES:
            status, detail = "known", KNOWN_DIFFERENCES[case]
        args.numerics[status] += 1
        if status != "match":
            args.numeric_details.append(
                f"{os.path.basename(os.path.dirname(case_dir))}/"
                f"{os.path.basename(case_dir)}: {status}: {detail}")
    return ("bound", ",".join(n for n, _ in bindings)) if bindings else ("imported", "")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tl-translate", required=True)
    parser.add_argument("--tl-opt")
    parser.add_argument("--data", default="/usr/share/libonnx-testdata/data")
    parser.add_argument("--bind", action="store_true",
                        help="bind inputs that must be constant to their test values")
    parser.add_argument("--check-outputs", action="store_true",
                        help="evaluate imported models with tl_reference.py "
                             "and compare with the expected outputs")
    parser.add_argument("--cases", nargs="*",
                        help="only these cases (FOLDER/NAME, e.g. "
                             "node/test_conv_with_autopad_same)")
    parser.add_argument("--timeout", type=int, default=120)
    parser.add_argument("--verbose", "-v", action="store_true")
    args = parser.parse_args()
    if not os.path.isdir(args.data):
        parser.error(f"no test data in {args.data} (Debian package "
                     "libonnx-testdata)")
    if args.check_outputs and not args.tl_opt:
        parser.error("--check-outputs needs --tl-opt")
    args.numerics = collections.Counter()
    args.numeric_details = []

    statuses = ["imported", "bound", "unsupported", "error", "crash", "roundtrip"]
    per_folder = collections.OrderedDict()
    unsupported_ops = collections.Counter()
    errors = collections.Counter()
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        output = os.path.join(tmp, "model.mlir")
        for folder in FOLDERS:
            root = os.path.join(args.data, folder)
            if not os.path.isdir(root):
                continue
            counts = collections.Counter()
            for case in sorted(os.listdir(root)):
                if args.cases is not None and f"{folder}/{case}" not in args.cases:
                    continue
                case_dir = os.path.join(root, case)
                if not os.path.exists(os.path.join(case_dir, "model.onnx")):
                    continue
                status, detail = import_case(args, case_dir, output)
                counts[status] += 1
                if status == "unsupported":
                    unsupported_ops[detail] += 1
                elif status == "error":
                    errors[normalize(detail)] += 1
                elif status in ("crash", "roundtrip"):
                    failures.append(f"{folder}/{case}: {status}: {detail}")
                if args.verbose:
                    print(f"{folder}/{case}: {status} {detail}")
            if counts:
                per_folder[folder] = counts

    print(f"{'folder':<20}{'models':>7}" + "".join(f"{s:>12}" for s in statuses))
    total = collections.Counter()
    for folder, counts in per_folder.items():
        total.update(counts)
        print(f"{folder:<20}{sum(counts.values()):>7}" +
              "".join(f"{counts[s]:>12}" for s in statuses))
    print(f"{'total':<20}{sum(total.values()):>7}" +
          "".join(f"{total[s]:>12}" for s in statuses))
    print("\nunsupported operators (models):")
    for op, count in unsupported_ops.most_common():
        print(f"  {count:4d}  {op}")
    print("\nother errors (models):")
    for message, count in errors.most_common():
        print(f"  {count:4d}  {message}")
    if failures:
        print("\ncrashes and round-trip failures:")
        for failure in failures:
            print(f"  {failure}")
    if args.check_outputs:
        print(f"\noutputs of imported models (tl_reference.py): "
              f"{args.numerics['match']} match, "
              f"{args.numerics['mismatch']} differ, "
              f"{args.numerics['known']} differ by a known convention, "
              f"{args.numerics['noref']} not evaluated")
        for detail in args.numeric_details:
            if args.verbose or ": mismatch:" in detail:
                print(f"  {detail}")
    return 1 if failures or args.numerics["mismatch"] else 0


if __name__ == "__main__":
    sys.exit(main())
