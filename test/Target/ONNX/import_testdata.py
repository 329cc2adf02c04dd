#!/usr/bin/env python3
"""Imports every model of the ONNX backend test data with tl-translate.

Runs `tl-translate --import-onnx` on DATA/{node,pytorch-converted,
pytorch-operator,simple}/*/model.onnx, checks that imported modules parse and
verify again in tl-opt, and summarizes per folder: imported, unsupported
operator (with the op names), other errors, and crashes. A crash is any
break of the tools' error contract (see contract_violation): an exit status
other than 0 and 1, a timeout, a sanitizer report, or a failure whose
diagnostic is not exactly one `error:` line.

The node tests pass some tl attributes (Reshape shapes, Slice starts,
Resize scales...) as graph inputs whose values live in test_data_set_0.
With --bind, a model rejected because such an input must be known at
import time is imported again with that input bound to its test value
(--onnx-constant-input); those count as "imported with bound inputs".

With --check-outputs (needs --tl-opt), every imported model is also
evaluated on its test_data_set_* inputs by tl_reference.py, a numpy model of
the tl ops' documented semantics, and compared with the expected outputs:
this checks the ONNX -> tl mapping itself, independently of any lowering.

With --tl-compile, every imported model is also compiled to an object file
(import and the whole CPU pipeline), under the same contract. --extra DIR
adds every DIR/*.onnx (e.g. corrupted models) to the run, as folder "extra".
scripts/test-asan.sh runs this with an AddressSanitizer build.

Usage: import_testdata.py --tl-translate BUILD/bin/tl-translate \\
           [--tl-opt BUILD/bin/tl-opt] [--tl-compile BUILD/bin/tl-compile]
           [--bind] [--check-outputs] [--data DIR] [--extra DIR]
           [--jobs N] [--verbose]
Exit status: 1 if any model crashed the importer (or tl-compile), failed the
round trip or (with --check-outputs) computed wrong outputs.
"""

import argparse
import collections
import concurrent.futures
import os
import re
import subprocess
import sys
import tempfile
import threading

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
        proc = subprocess.run(cmd, capture_output=True, text=True,
                              errors="replace", timeout=timeout)
        return proc.returncode, proc.stderr
    except subprocess.TimeoutExpired:
        return None, "timeout"


SANITIZER_REPORT = re.compile(r"ERROR: \w+Sanitizer|runtime error:|"
                              r"WARNING: \w+Sanitizer")


def contract_violation(rc, stderr):
    """How a tool run breaks the error contract of tl-translate, tl-compile
    and tl-run, or None: exit 0 with nothing on stderr, or exit 1 with
    exactly one line, an `error:` diagnostic; never a crash, a hang or a
    sanitizer report."""
    if rc is None:
        return "timeout"
    if SANITIZER_REPORT.search(stderr):
        report = [l for l in stderr.split("\n") if SANITIZER_REPORT.search(l)]
        return f"sanitizer report (exit status {rc}): {report[0].strip()}"
    # Lines as a terminal shows them (str.splitlines also splits at \x1c..
    # \x1e and Unicode separators).
    lines = [l for l in stderr.split("\n") if l.strip()]
    if rc == 0:
        return f"exit status 0 with output on stderr: {lines[0]}" if lines else None
    if rc != 1:
        tail = " | ".join(lines[-3:])
        return f"exit status {rc}: {tail}"
    if len(lines) != 1 or "error: " not in lines[0]:
        text = " | ".join(lines[:3]) if lines else "nothing"
        return f"exit status 1 with {len(lines)} lines on stderr, not one " \
               f"error: line: {text}"
    return None


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


def check_outputs(args, case_dir, model_path, mlir_path, bound):
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
    model = onnx.load(model_path, load_external_data=False)
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


def import_case(args, case_dir, output, model=None):
    """Returns (status, detail): status in imported, bound, unsupported,
    error, crash, roundtrip."""
    model = model or os.path.join(case_dir, "model.onnx")
    bindings = []
    input_files = None
    while True:
        cmd = [args.tl_translate, "--import-onnx", model, "-o", output]
        cmd += [f"--onnx-constant-input={n}={f}" for n, f in bindings]
        rc, stderr = run(cmd, args.timeout)
        violation = contract_violation(rc, stderr)
        if violation:
            return "crash", violation
        if rc == 0:
            break
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
    if args.tl_compile:
        # tl-compile imports the model itself; a model that needs bound
        # inputs is compiled from the module tl-translate wrote.
        source = output if bindings else model
        rc, stderr = run([args.tl_compile, source, "--emit=obj", "--header=-",
                          "-o", output + ".o"], args.timeout)
        violation = contract_violation(rc, stderr)
        if violation:
            return "crash", f"tl-compile: {violation}"
        args.compiled[rc == 0] += 1
    if args.check_outputs:
        status, detail = check_outputs(args, case_dir, model, output,
                                       {n for n, _ in bindings})
        case = "/".join(case_dir.rstrip("/").split("/")[-2:])
        if status == "mismatch" and case in KNOWN_DIFFERENCES:
            status, detail = "known", KNOWN_DIFFERENCES[case]
        with args.lock:
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
    parser.add_argument("--tl-compile",
                        help="also compile every imported model to an object "
                             "file with this tl-compile")
    parser.add_argument("--extra", action="append", default=[],
                        help="also import every DIR/*.onnx (folder 'extra')")
    parser.add_argument("--list-imported", metavar="FILE",
                        help="write the paths of the models that imported "
                             "to FILE (fuzz_import.py --models)")
    parser.add_argument("--jobs", "-j", type=int, default=1)
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
    args.compiled = collections.Counter()
    args.lock = threading.Lock()

    # (folder, case, case directory, model file)
    jobs = []
    for folder in FOLDERS:
        root = os.path.join(args.data, folder)
        if not os.path.isdir(root):
            continue
        for case in sorted(os.listdir(root)):
            if args.cases is not None and f"{folder}/{case}" not in args.cases:
                continue
            case_dir = os.path.join(root, case)
            model = os.path.join(case_dir, "model.onnx")
            if os.path.exists(model):
                jobs.append((folder, case, case_dir, model))
    for directory in args.extra:
        for name in sorted(os.listdir(directory)):
            if name.endswith(".onnx"):
                jobs.append(("extra", name, directory,
                             os.path.join(directory, name)))

    statuses = ["imported", "bound", "unsupported", "error", "crash", "roundtrip"]
    per_folder = collections.OrderedDict()
    unsupported_ops = collections.Counter()
    errors = collections.Counter()
    failures = []
    imported = []
    with tempfile.TemporaryDirectory() as tmp, \
            concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        def work(index):
            folder, case, case_dir, model = jobs[index]
            output = os.path.join(tmp, f"model{index}.mlir")
            try:
                return import_case(args, case_dir, output, model)
            finally:
                for path in (output, output + ".o"):
                    if os.path.exists(path):
                        os.remove(path)
        for (folder, case, _, model), (status, detail) in zip(
                jobs, pool.map(work, range(len(jobs)))):
            counts = per_folder.setdefault(folder, collections.Counter())
            counts[status] += 1
            if status == "imported":
                imported.append(model)
            if status == "unsupported":
                unsupported_ops[detail] += 1
            elif status == "error":
                errors[normalize(detail)] += 1
            elif status in ("crash", "roundtrip"):
                failures.append(f"{folder}/{case}: {status}: {detail}")
            if args.verbose:
                print(f"{folder}/{case}: {status} {detail}", flush=True)

    if args.list_imported:
        with open(args.list_imported, "w") as f:
            f.writelines(path + "\n" for path in imported)

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
    if args.tl_compile:
        print(f"\ncompiled by tl-compile: {args.compiled[True]} of "
              f"{sum(args.compiled.values())} imported models "
              f"({args.compiled[False]} rejected with an error)")
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
