#!/usr/bin/env python3
"""Round trip: ONNX backend test data -> tl -> ONNX, run by ONNX Runtime.

For every case folder (model.onnx + test_data_set_*) that tlc imports, the
model is imported with `tl-translate --import-onnx`, exported again with
`tl-translate --export-onnx` at each requested opset, and the exported model
is run by ONNX Runtime 1.30 (npm onnxruntime-node, many models per node
process) on the data sets' inputs, fed by the original graph input names. Its
outputs must carry the original output names and match the expected outputs
shipped with the test data (the conformance runner's comparison: floats rtol
1e-3, atol 1e-5; integers and bools exact).

Graph inputs that the importer needs as constants (shape-like inputs) are
bound to each data set's values, as in the conformance runner; those cases
count as BOUND. Cases tlc does not import are skipped (the conformance runner
reports them); the pass count is over the cases that import. Results are per
case and opset, named CASE@OPSET (also in the known-failures file).

  onnx_roundtrip.py --bin build/bin                        # default folders
  onnx_roundtrip.py --bin build/bin --opsets 17,13,11      # several opsets
  onnx_roundtrip.py --bin build/bin node/test_relu ...     # given cases
  onnx_roundtrip.py --bin build/bin --expected-failures test/e2e/onnx_roundtrip_failures.txt
"""

import argparse
import concurrent.futures
import os
import subprocess
import sys
import tempfile
import time

import onnx
from onnx import numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import onnx_testdata  # noqa: E402  (the conformance runner's helpers)
from onnx_testdata import DATA_ROOT, FOLDERS, compare  # noqa: E402
from ort_runner import OrtRunner, ort_available  # noqa: E402

# Statuses of a case at one opset: passes and failures of the round trip.
PASSED = ("PASS", "BOUND")
FAILED = ("EXPORT", "ORT", "FAIL")


def _run(cmd):
    return subprocess.run(cmd, capture_output=True, text=True, timeout=600)


def _load_tensor(path):
    return numpy_helper.to_array(onnx.load_tensor(path))


def _data_sets(case_dir):
    """[(name, [input paths], [output paths])] of a case."""
    result = []
    for ds in sorted(d for d in os.listdir(case_dir) if d.startswith("test_data_set_")):
        ds_dir = os.path.join(case_dir, ds)
        files = os.listdir(ds_dir)
        inputs = sorted((f for f in files if f.startswith("input_")),
                        key=lambda f: int(f[6:-3]))
        outputs = sorted((f for f in files if f.startswith("output_")),
                         key=lambda f: int(f[7:-3]))
        result.append((ds, [os.path.join(ds_dir, f) for f in inputs],
                       [os.path.join(ds_dir, f) for f in outputs]))
    return result


def _import(model, bindir, workdir, runtime_inputs, input_files, tag):
    """Imports `model`, binding shape-like inputs to `input_files` when the
    importer needs them (input_files None: no binding). Returns (mlir path,
    bound input names, error)."""
    mlir = os.path.join(workdir, f"model{tag}.mlir")
    bound = {}
    while True:
        # Locations (the ONNX node names) travel with the module, so that the
        # export names nodes and values after them.
        proc = _run([os.path.join(bindir, "tl-translate"), "--import-onnx", model,
                     "--mlir-print-debuginfo", "-o", mlir] +
                    [f"--onnx-constant-input={n}={input_files[i]}"
                     for n, i in bound.items()])
        if proc.returncode == 0:
            return mlir, list(bound), None
        match = onnx_testdata._NEEDS_CONSTANT.search(proc.stderr)
        if not match or input_files is None or match.group(1) not in runtime_inputs \
                or match.group(1) in bound:
            return None, None, onnx_testdata._first_error(proc)
        bound[match.group(1)] = runtime_inputs.index(match.group(1))


def _export(mlir, bindir, opset, out):
    proc = _run([os.path.join(bindir, "tl-translate"), "--export-onnx", mlir,
                 f"--onnx-export-opset={opset}", "-o", out])
    return None if proc.returncode == 0 else onnx_testdata._first_error(proc)


def prepare_case(case_dir, bindir, workdir, opsets):
    """Imports a case and exports it at every opset. Returns ("NOIMPORT",
    error), or per opset either ("EXPORT", error) or the ORT jobs: (data set,
    exported model, feeds, expected output paths, output names, bound names).
    """
    model = os.path.join(case_dir, "model.onnx")
    proto = onnx.load(model, load_external_data=False)
    initializers = {t.name for t in proto.graph.initializer}
    runtime_inputs = [i.name for i in proto.graph.input if i.name not in initializers]
    output_names = [o.name for o in proto.graph.output]
    datasets = _data_sets(case_dir)

    shared, _, error = _import(model, bindir, workdir, runtime_inputs, None, "")
    imports = []  # (mlir, bound names) per data set
    for ds, inputs, outputs in datasets:
        if shared:
            imports.append((shared, []))
            continue
        mlir, bound, error = _import(model, bindir, workdir, runtime_inputs, inputs, ds)
        if mlir is None:
            return "NOIMPORT", error
        imports.append((mlir, bound))

    per_opset = {}
    for opset in opsets:
        exported, jobs, error = {}, [], None
        for (ds, inputs, outputs), (mlir, bound) in zip(datasets, imports):
            if mlir not in exported:
                out = mlir[:-len(".mlir")] + f".opset{opset}.onnx"
                error = _export(mlir, bindir, opset, out)
                if error:
                    break
                exported[mlir] = out
            feeds = {name: _load_tensor(path)
                     for name, path in zip(runtime_inputs, inputs) if name not in bound}
            jobs.append((ds, exported[mlir], feeds, outputs, output_names, bound))
        per_opset[opset] = ("EXPORT", error) if error else jobs
    return per_opset


def check_job(job, result):
    """None when the ORT result of a job matches, else the reason."""
    ds, model, _, outputs, output_names, _ = job
    status, value = result
    where = ds
    if status != "ok":
        return "ORT", f"{where}: {value.splitlines()[0] if value else value}"
    exported_names = [o.name for o in onnx.load(model, load_external_data=False).graph.output]
    if exported_names != output_names:
        return "FAIL", f"{where}: output names {exported_names} != {output_names}"
    if len(value) != len(outputs):
        return "FAIL", f"{where}: {len(value)} outputs, expected {len(outputs)}"
    for i, (path, actual) in enumerate(zip(outputs, value)):
        reason = compare(_load_tensor(path), actual)
        if reason:
            return "FAIL", f"{where}: output {i}: {reason}"
    return None


def control(args, results, workdir):
    """Appends to each failure how the original model does in ORT."""
    failing = sorted({case for (case, _), r in results.items() if r[0] in FAILED})
    jobs, checks = [], []
    for case in failing:
        model = os.path.join(case, "model.onnx")
        proto = onnx.load(model, load_external_data=False)
        initializers = {t.name for t in proto.graph.initializer}
        names = [i.name for i in proto.graph.input if i.name not in initializers]
        for ds, inputs, outputs in _data_sets(case):
            jobs.append((model, {n: _load_tensor(p) for n, p in zip(names, inputs)}))
            checks.append((case, (ds, model, None, outputs,
                                  [o.name for o in proto.graph.output], [])))
    verdicts = {}
    for (case, job), result in zip(checks, OrtRunner(processes=args.jobs).run(jobs, workdir)):
        if case in verdicts:
            continue
        failure = check_job(job, result)
        if failure:
            verdicts[case] = f"{'fails' if failure[0] == 'ORT' else 'differs'} " \
                             f"too: {failure[1]}"
    for key, (status, detail) in results.items():
        if status in FAILED:
            verdict = verdicts.get(key[0], "passes")
            results[key] = (status, f"{detail} [original model in ORT: {verdict}]")


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("cases", nargs="*", help="case folders (relative to --data)")
    parser.add_argument("--bin", required=True, help="folder with tl-translate")
    parser.add_argument("--data", default=DATA_ROOT, help="test-data root")
    parser.add_argument("--folders", default=",".join(FOLDERS[:3]),
                        help="comma-separated folders under --data")
    parser.add_argument("--list", help="file naming the cases to run, one per line")
    parser.add_argument("--opsets", default="17",
                        help="comma-separated export opsets (default: 17)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--quiet", action="store_true", help="print failures only")
    parser.add_argument("--control", action="store_true",
                        help="also run the original model of every failing case "
                             "in ONNX Runtime and say how it fares")
    parser.add_argument("--expected-failures",
                        help="file of known failing cases with reasons; the run "
                             "succeeds when exactly those fail")
    args = parser.parse_args()
    reason = ort_available()
    if reason:
        print(f"UNSUPPORTED: {reason}")
        return 0

    opsets = [int(o) for o in args.opsets.split(",")]
    cases = onnx_testdata.collect(args)
    start = time.time()
    not_imported = {}
    results = {}  # (case, opset) -> (status, detail)
    with tempfile.TemporaryDirectory(prefix="tlc-roundtrip-") as tmp:
        def prepare(case):
            workdir = os.path.join(tmp, os.path.relpath(case, args.data).replace("/", "_"))
            os.makedirs(workdir)
            try:
                return prepare_case(case, args.bin, workdir, opsets)
            except subprocess.TimeoutExpired:
                return {opset: ("EXPORT", "timeout") for opset in opsets}

        jobs = []  # ((case, opset), job)
        with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
            for case, outcome in zip(cases, pool.map(prepare, cases)):
                if isinstance(outcome, tuple):
                    not_imported[case] = outcome[1]
                    continue
                for opset, per_opset in outcome.items():
                    if isinstance(per_opset, tuple):
                        results[(case, opset)] = per_opset
                    else:
                        jobs += [((case, opset), job) for job in per_opset]
                        results[(case, opset)] = None
        ort_results = OrtRunner(processes=args.jobs).run(
            [(job[1], job[2]) for _, job in jobs], os.path.join(tmp, "ort"))
        passed_jobs = {}
        for (key, job), result in zip(jobs, ort_results):
            if results[key] is not None:
                continue  # already failed on an earlier data set
            failure = check_job(job, result)
            if failure:
                results[key] = failure
            else:
                passed_jobs.setdefault(key, []).append(job)
        for key, status in results.items():
            if status is None:
                done = passed_jobs[key]
                bound = sorted({name for job in done for name in job[5]})
                results[key] = (("BOUND", f"{len(done)} data set(s), inputs {bound} bound")
                                if bound else ("PASS", f"{len(done)} data set(s)"))

        if args.control:
            control(args, results, os.path.join(tmp, "control"))

    def label(key):
        return f"{os.path.relpath(key[0], args.data)}@{key[1]}"

    for case in cases:
        for opset in opsets:
            if (case, opset) not in results:
                continue
            status, detail = results[(case, opset)]
            if not args.quiet or status in FAILED:
                print(f"{status:6} {label((case, opset))}: {detail}", flush=True)

    print(f"\n{len(cases)} cases in {time.time() - start:.0f} s: "
          f"{len(cases) - len(not_imported)} imported by tlc, {len(not_imported)} not")
    for opset in opsets:
        statuses = [r[0] for (c, o), r in results.items() if o == opset]
        count = {s: statuses.count(s) for s in PASSED + FAILED}
        print(f"  opset {opset}: round trip through ONNX Runtime: "
              f"{count['PASS'] + count['BOUND']}/{len(statuses)} pass "
              f"({count['BOUND']} with shape-like inputs bound), {count['EXPORT']} "
              f"export errors, {count['ORT']} ORT errors, {count['FAIL']} wrong results")
        per_folder = {}
        for (case, o), (status, _) in results.items():
            if o != opset:
                continue
            folder = os.path.relpath(case, args.data).split("/")[0]
            p, t = per_folder.get(folder, (0, 0))
            per_folder[folder] = (p + (status in PASSED), t + 1)
        print("    " + ", ".join(f"{f}: {p}/{t}" for f, (p, t) in sorted(per_folder.items())))
    if args.expected_failures:
        # Listed as CASE@OPSET; check_expected counts FAIL/ERROR as failing.
        as_conformance = {
            os.path.join(args.data, label(key)): ("ERROR" if r[0] in FAILED else r[0], r[1])
            for key, r in results.items()}
        return onnx_testdata.check_expected(args.expected_failures, as_conformance,
                                            args.data)
    return 0 if not any(r[0] in FAILED for r in results.values()) else 1

if __name__ == "__main__":
    sys.exit(main())
