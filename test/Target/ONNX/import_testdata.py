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

Usage: import_testdata.py --tl-translate BUILD/bin/tl-translate \\
           [--tl-opt BUILD/bin/tl-opt] [--bind] [--data DIR] [--verbose]
Exit status: 1 if any model crashed the importer or failed the round trip.
"""

import argparse
import collections
import os
import re
import subprocess
import sys
import tempfile

FOLDERS = ["node", "pytorch-converted", "pytorch-operator", "simple"]
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
    return ("bound", ",".join(n for n, _ in bindings)) if bindings else ("imported", "")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tl-translate", required=True)
    parser.add_argument("--tl-opt")
    parser.add_argument("--data", default="/usr/share/libonnx-testdata/data")
    parser.add_argument("--bind", action="store_true",
                        help="bind inputs that must be constant to their test values")
    parser.add_argument("--timeout", type=int, default=120)
    parser.add_argument("--verbose", "-v", action="store_true")
    args = parser.parse_args()

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
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
