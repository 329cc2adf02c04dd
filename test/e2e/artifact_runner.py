"""Runs batches of test cases through tlc's real artifact path.

The op-family suites (tl_to_linalg_numerics.py, tl_to_linalg_nn_numerics.py)
hand this module their cases and a function that writes a batch of them as
one module: a single public function taking every case's inputs as arguments
(so that nothing is a constant the compiler could fold) and returning every
case's results. Each batch is compiled with `tl-compile` into a shared library
and run through its C ABI (docs/abi.md), loaded with ctypes, in a forked child
process, so that a crash or a hang in compiled code is charged to the batch
rather than ending the suite. Every batch runs on a session of 1 thread and on
one of 2 threads (the parallel code paths differ), once per input set: a case
may carry several input sets whose dynamic dimensions differ, all run by the
one compiled library. A batch that fails to compile or to run is rerun case by
case to name the culprit.

A case provides:
  name            a label for reports
  input_sets()    a list of input sets; each a list of (numpy array, tlc_dtype
                  code) in the order of the case's function arguments
  num_results     how many results the case adds to the function's results
  check(i, outs)  None when `outs` (numpy arrays; bf16 as uint16 bits) are the
                  right results for input set i, else what is wrong
"""

import ctypes
import os
import pickle
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import deque

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "python"))
from tlc import _abi  # noqa: E402  (the ctypes mirror of include/tlc/Runtime/ABI.h)

BF16 = 16
# numpy dtypes of the tlc_dtype codes; bf16 travels as its uint16 bits.
DTYPES = dict(_abi.DTYPES)
DTYPES[BF16] = np.dtype(np.uint16)
DTYPE_CODES = {v: k for k, v in _abi.DTYPES.items()}

# What a compiled artifact must not need at run time (DESIGN.md).
FORBIDDEN_LIBS = re.compile(r"LLVM|MLIR|mlir|protobuf|onnx|libstdc\+\+|libc\+\+")


def abi_input(array, code=None):
    """(array, code) for an input; `code` defaults to the array's dtype."""
    array = np.asarray(array)
    if not array.flags.c_contiguous:
        array = array.copy(order="C")  # (np.ascontiguousarray makes 0-d arrays 1-d)
    return array, DTYPE_CODES[array.dtype] if code is None else code


class Library:
    """A tl-compile'd shared library, called through tlc_get_model_api."""

    def __init__(self, path):
        self._lib = ctypes.CDLL(path, mode=ctypes.RTLD_LOCAL)
        getter = self._lib.tlc_get_model_api
        getter.restype = ctypes.POINTER(_abi.ModelAPI)
        self.api = getter().contents
        if self.api.abi_version != _abi.ABI_VERSION:
            raise RuntimeError(f"{path}: ABI version {self.api.abi_version}")
        self.num_outputs = self.api.info.contents.num_outputs
        self._free = ctypes.CDLL(None).free
        self._free.argtypes = [ctypes.c_void_p]

    def session(self, threads):
        session, error = _abi.SessionPtr(), _abi.Error()
        if self.api.session_create(threads, ctypes.byref(session), ctypes.byref(error)):
            raise RuntimeError(error.message.decode())
        return session

    def run(self, session, inputs):
        """Runs on [(array, code)]; returns the outputs or raises RuntimeError."""
        tensors = (_abi.Tensor * max(1, len(inputs)))()
        for tensor, (array, code) in zip(tensors, inputs):
            tensor.data = array.ctypes.data if array.size else None
            tensor.capacity = tensor.size = array.nbytes
            tensor.dtype, tensor.rank = code, array.ndim
            for i, d in enumerate(array.shape):
                tensor.shape[i] = d
        outputs = (_abi.Tensor * max(1, self.num_outputs))()  # data NULL: allocated
        error = _abi.Error()
        status = self.api.run(session, tensors, len(inputs), outputs, self.num_outputs,
                              ctypes.byref(error))
        if status:
            raise RuntimeError(f"run failed (status {status}): {error.message.decode()}")
        results = []
        for tensor in outputs[:self.num_outputs]:
            shape = tuple(tensor.shape[i] for i in range(tensor.rank))
            raw = ctypes.string_at(tensor.data, tensor.size) if tensor.size else b""
            results.append(np.frombuffer(raw, dtype=DTYPES[tensor.dtype]).reshape(shape).copy())
            self._free(tensor.data)
        return results


def ldd_check(path):
    """(libraries `path` needs, those of them a self-contained artifact must
    not need, or an ldd error)."""
    proc = subprocess.run(["ldd", path], capture_output=True, text=True)
    if proc.returncode != 0:
        return [], [f"ldd failed: {proc.stderr.strip()}"]
    needed = [line.split()[0] for line in proc.stdout.splitlines() if line.strip()]
    return needed, [line.strip() for line in proc.stdout.splitlines() if FORBIDDEN_LIBS.search(line)]


class Options:
    def __init__(self, tl_compile, threads=(1, 2), batch_size=25, jobs=2, opt_level=None,
                 compile_timeout=300, run_timeout=120, keep=None, verbose=False):
        self.tl_compile = tl_compile
        self.threads = tuple(threads)
        self.batch_size = batch_size
        self.jobs = jobs
        self.opt_level = opt_level
        self.compile_timeout = compile_timeout
        self.run_timeout = run_timeout
        self.keep = keep
        self.verbose = verbose


def _compile_and_run(text, workdir, input_sets, options):
    """In the child: compiles the batch and runs every input set on every
    thread count; returns a dict with `error` or `outputs[(threads, set)]`."""
    source = os.path.join(workdir, "batch.mlir")
    library = os.path.join(workdir, "libbatch.so")
    with open(source, "w") as f:
        f.write(text)
    cmd = [options.tl_compile, source, "-o", library]
    if options.opt_level is not None:
        cmd.append(f"-O{options.opt_level}")
    start = time.time()
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True,
                              timeout=options.compile_timeout)
    except subprocess.TimeoutExpired:
        return {"error": f"tl-compile did not finish in {options.compile_timeout} s"}
    result = {"compile_s": time.time() - start}
    if proc.returncode != 0:
        lines = proc.stderr.strip().splitlines() or [f"exit status {proc.returncode}"]
        result["error"] = "tl-compile failed: " + "\n    ".join(lines[:12])
        return result
    start = time.time()
    signal.alarm(options.run_timeout)  # a hung run ends the child with SIGALRM
    lib = Library(library)
    outputs = {}
    for threads in options.threads:
        session = lib.session(threads)
        try:
            for k, inputs in enumerate(input_sets):
                try:
                    outputs[(threads, k)] = lib.run(session, inputs)
                except RuntimeError as e:
                    result["error"] = f"{threads} thread(s), input set {k}: {e}"
                    return result
        finally:
            lib.api.session_destroy(session)
    signal.alarm(0)
    result["run_s"] = time.time() - start
    result["outputs"] = outputs
    return result


class _Job:
    def __init__(self, cases, index):
        self.cases = cases
        self.index = index
        self.workdir = None
        self.pid = None


def _signal_name(number):
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"


def run_cases(cases, build_module, options, isolate=(), log=print):
    """Runs `cases` in batches (those whose index is in `isolate` alone, so
    that a known failure does not send its batch case by case); returns
    {case index: {threads: problem}} for the failures, and statistics."""
    base = options.keep or tempfile.mkdtemp(prefix="tlc-e2e-")
    os.makedirs(base, exist_ok=True)
    alone = [[(i, c)] for i, c in enumerate(cases) if i in isolate]
    rest = [(i, c) for i, c in enumerate(cases) if i not in isolate]
    batches = alone + [rest[i:i + options.batch_size]
                       for i in range(0, len(rest), options.batch_size)]
    pending = deque(_Job(batch, n) for n, batch in enumerate(batches))
    next_index = len(pending)
    active = {}
    problems = {}  # case index -> {threads: message}
    stats = {"batches": 0, "compile_s": 0.0, "run_s": 0.0, "ldd": None, "reruns": 0}

    def start(job):
        job.workdir = os.path.join(base, f"batch{job.index:03d}")
        os.makedirs(job.workdir, exist_ok=True)
        text = build_module([c for _, c in job.cases])
        sets = max(len(c.input_sets()) for _, c in job.cases)
        # Cases with fewer input sets repeat their last one.
        input_sets = [[x for _, c in job.cases for x in c.input_sets()[min(k, len(c.input_sets()) - 1)]]
                      for k in range(sets)]
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            os.setpgid(0, 0)  # its own group: the parent can stop it with tl-compile
            code = 0
            try:
                result = _compile_and_run(text, job.workdir, input_sets, options)
            except BaseException as e:  # reported by the parent
                result = {"error": f"{type(e).__name__}: {e}"}
            try:
                with open(os.path.join(job.workdir, "result.pickle"), "wb") as f:
                    pickle.dump(result, f)
            except BaseException:
                code = 1
            os._exit(code)
        try:
            os.setpgid(pid, pid)  # as the child does: whichever runs first
        except OSError:
            pass
        job.pid = pid
        active[pid] = job

    def fail(job, message):
        if len(job.cases) > 1:
            log(f"batch {job.index} ({len(job.cases)} cases) failed, rerunning its cases one by one: "
                + message.splitlines()[0])
            nonlocal next_index
            for item in job.cases:
                pending.append(_Job([item], next_index))
                next_index += 1
                stats["reruns"] += 1
            return
        index, _ = job.cases[0]
        problems[index] = {t: message for t in options.threads}

    def finish(job, status):
        stats["batches"] += 1
        path = os.path.join(job.workdir, "result.pickle")
        if os.WIFSIGNALED(status):
            fail(job, f"the run was killed by {_signal_name(os.WTERMSIG(status))}"
                      + (" (timed out)" if os.WTERMSIG(status) == signal.SIGALRM else ""))
            return
        if not os.path.exists(path):
            fail(job, f"the child exited with status {os.WEXITSTATUS(status)} and no result")
            return
        with open(path, "rb") as f:
            result = pickle.load(f)
        stats["compile_s"] += result.get("compile_s", 0.0)
        stats["run_s"] += result.get("run_s", 0.0)
        if options.verbose:
            log(f"batch {job.index}: {len(job.cases)} case(s), compile "
                f"{result.get('compile_s', 0):.1f} s, run {result.get('run_s', 0):.2f} s")
        if "error" in result:
            fail(job, result["error"])
            return
        if stats["ldd"] is None:
            stats["ldd"] = ldd_check(os.path.join(job.workdir, "libbatch.so"))
        outputs = result["outputs"]
        for threads in options.threads:
            pos = 0
            for index, case in job.cases:
                n = case.num_results
                for k in range(len(case.input_sets())):
                    outs = outputs[(threads, k)][pos:pos + n]
                    problem = case.check(k, outs)
                    if problem:
                        where = f"input set {k}: " if len(case.input_sets()) > 1 else ""
                        problems.setdefault(index, {})[threads] = where + problem
                        break
                pos += n

    try:
        while pending or active:
            while pending and len(active) < options.jobs:
                start(pending.popleft())
            pid, status = os.wait()
            job = active.pop(pid, None)
            if job is None:
                continue
            finish(job, status)
            if not options.keep:
                shutil.rmtree(job.workdir, ignore_errors=True)
    finally:
        for pid in active:
            try:
                os.killpg(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        if not options.keep:
            shutil.rmtree(base, ignore_errors=True)
    return problems, stats


def report(cases, problems, stats, options, title, started, log=print, expected_failures=None):
    """Prints failures and the summary; returns the exit status."""
    expected_failures = expected_failures or {}
    unexpected = 0
    xfail = []
    for index, case in enumerate(cases):
        by_threads = problems.get(index)
        known = expected_failures.get(case.name)
        if not by_threads:
            if known:
                log(f"XPASS {case.name} (listed as a known failure: {known})")
                unexpected += 1
            continue
        if known:
            xfail.append(case.name)
            continue
        unexpected += 1
        messages = {}
        for threads, message in sorted(by_threads.items()):
            messages.setdefault(message, []).append(str(threads))
        for message, threads in messages.items():
            log(f"FAIL {case.name} [threads {','.join(threads)}]: {message}")
    for name in xfail:
        log(f"XFAIL {name}: {expected_failures[name]}")
    counts = ", ".join(
        f"{sum(1 for i in range(len(cases)) if t not in problems.get(i, {}))}/{len(cases)} "
        f"with {t} thread{'s' if t > 1 else ''}" for t in options.threads)
    log(f"{title}: {counts} pass; {len(xfail)} known failures; {stats['batches']} libraries "
        f"({stats['reruns']} single-case reruns), compile {stats['compile_s']:.0f} s, "
        f"run {stats['run_s']:.1f} s, wall {time.time() - started:.0f} s")
    if stats["ldd"] is None:
        log("ldd check: no library compiled")
        unexpected += 1
    else:
        needed, bad = stats["ldd"]
        if bad:
            log("FAIL ldd check of a compiled library: " + "; ".join(bad))
            unexpected += 1
        else:
            log("ldd check of a compiled library: needs only " + ", ".join(needed))
    return 1 if unexpected else 0
