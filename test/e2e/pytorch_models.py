#!/usr/bin/env python3
"""PyTorch models through ONNX into tlc, checked against PyTorch's own outputs.

Each model is built with fixed random weights, exported with torch.onnx.export
(opset 13), compiled with tl-compile into a shared library and run with tl-run
on random inputs; the outputs must match PyTorch's (rtol 1e-4, atol 1e-4 times
the output's magnitude max|out|). Models with a dynamic batch axis are run at
several batch sizes from one compiled library.

The checking machinery here is shared with pytorch_zoo.py (the larger zoo).

  pytorch_models.py --bin build/bin [--keep DIR] [--benchmark N] [names...]
"""

import argparse
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
import warnings

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


#===------------------------------------------------------------------------===#
# Model cases
#===------------------------------------------------------------------------===#

def normal(*shape):
    """A float32 input of `shape` (dim 0 is the batch) from N(0, 1)."""
    return lambda rng, batch: rng.standard_normal(
        (batch,) + shape[1:]).astype(np.float32)


def uniform(*shape):
    """A float32 input of `shape` (dim 0 is the batch) from U(0, 1)."""
    return lambda rng, batch: rng.random((batch,) + shape[1:]).astype(np.float32)


def tokens(vocab, *shape):
    """An int64 input of token ids in [0, vocab)."""
    return lambda rng, batch: rng.integers(0, vocab, (batch,) + shape[1:],
                                           dtype=np.int64)


def padding_mask(seq):
    """A bool [batch, seq] key padding mask (True = padding): sample i keeps
    its first seq - i % (seq // 2) positions, so no row is fully masked."""
    def make(rng, batch):
        mask = np.zeros((batch, seq), dtype=bool)
        for i in range(batch):
            mask[i, seq - i % (seq // 2):] = True
        return mask
    return make


class Case:
    """One model to check.

    ctor     builds the nn.Module (random weights from torch.manual_seed(0)).
    inputs   [(name, make(rng, batch) -> np.ndarray, export batch)], in order.
    batches  batch sizes to run from one library with a dynamic batch axis 0
             on every input and output; None for a static model run at the
             export batch.
    opset    torch.onnx.export opset.
    xfail    (reason, regex) when the model is known not to compile or run
             yet: the tool's error output must match regex.
    slow     only run when asked for by name or with --all.
    """

    def __init__(self, ctor, inputs, batches=None, opset=13, xfail=None,
                 slow=False):
        self.ctor = ctor
        self.inputs = inputs
        self.batches = batches
        self.opset = opset
        self.xfail = xfail
        self.slow = slow


def single(ctor, shape, batches=None, make=normal, **kw):
    """A Case with one input named 'input' of `shape` (exported at shape[0])."""
    return Case(ctor, [("input", make(*shape), shape[0])], batches, **kw)


class MLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(784, 256)
        self.fc2 = nn.Linear(256, 128)
        self.fc3 = nn.Linear(128, 10)

    def forward(self, x):
        x = F.relu(self.fc1(x))
        x = torch.tanh(self.fc2(x))
        return F.log_softmax(self.fc3(x), dim=1)


class LeNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 5, padding=2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(16 * 5 * 5, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.avg_pool2d(torch.sigmoid(self.conv2(x)), 2)
        x = torch.flatten(x, 1)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return F.softmax(self.fc3(x), dim=1)


def torchvision_model(name, **kw):
    """A torchvision constructor with random weights (nothing downloaded)."""
    def ctor():
        import torchvision
        return getattr(torchvision.models, name)(weights=None, **kw)
    ctor.__name__ = name
    return ctor


MODELS = {
    "mlp": single(MLP, (3, 784)),
    "mlp_dynamic_batch": single(MLP, (2, 784), [1, 5, 16]),
    "lenet": single(LeNet, (2, 1, 28, 28)),
    "lenet_dynamic_batch": single(LeNet, (1, 1, 28, 28), [1, 3]),
    "resnet18": single(torchvision_model("resnet18"), (1, 3, 224, 224)),
}


#===------------------------------------------------------------------------===#
# Checking
#===------------------------------------------------------------------------===#

class Result:
    def __init__(self):
        self.failures = []
        self.error = None        # tool error output, for expected failures
        self.params = 0
        self.compile_s = None    # tl-compile wall time
        self.compile_cpu_s = None  # tl-compile user + system time
        self.tl_ms = None        # tl-run --benchmark: best of N
        self.torch_ms = None     # PyTorch forward: best of N
        self.max_err = None      # max |tl - torch| / max |torch|
        self.magnitude = None    # max |torch|


def build(case):
    torch.manual_seed(0)
    model = case.ctor().eval()
    # Give batch norms non-trivial statistics so they are really tested.
    for m in model.modules():
        if isinstance(m, (nn.BatchNorm1d, nn.BatchNorm2d)):
            m.running_mean.uniform_(-0.5, 0.5)
            m.running_var.uniform_(0.5, 1.5)
            m.weight.data.uniform_(0.5, 1.5)
            m.bias.data.uniform_(-0.5, 0.5)
    return model


def make_inputs(case, rng, batch=None):
    return [make(rng, batch if batch is not None else export_batch)
            for _, make, export_batch in case.inputs]


def export(case, model, path):
    names = [name for name, _, _ in case.inputs]
    args = tuple(torch.from_numpy(x)
                 for x in make_inputs(case, np.random.default_rng(0)))
    dynamic = None
    if case.batches:
        dynamic = {name: {0: "batch"} for name in names + ["output"]}
    with warnings.catch_warnings():
        # The exporter's tracer warnings are about its own conversions.
        warnings.simplefilter("ignore")
        torch.onnx.export(model, args, path, opset_version=case.opset,
                          input_names=names, output_names=["output"],
                          dynamic_axes=dynamic)


def best_ms(fn, runs):
    """The fastest of `runs` calls after a warm-up: the least disturbed by
    other load on the machine, as tl-run's "min"."""
    fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1e3)
    return min(times)


def cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_tool(cmd, result):
    """Runs a tool; on failure records its output and raises."""
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True)
    if proc.returncode != 0:
        result.error = proc.stdout
        lines = proc.stdout.strip().splitlines()
        raise RuntimeError(f"{os.path.basename(cmd[0])} exited {proc.returncode}"
                           + (f": {lines[-1]}" if lines else ""))
    return proc.stdout


def check(name, case, bindir, workdir, result, benchmark=0, threads=0):
    """Exports, compiles and runs `case`, filling `result`; raises
    RuntimeError when a tool fails."""
    model = build(case)
    result.params = sum(p.numel() for p in model.parameters())
    onnx_path = os.path.join(workdir, name + ".onnx")
    export(case, model, onnx_path)
    lib = os.path.join(workdir, name + ".so")
    start = time.time()
    cpu = cpu_seconds()
    run_tool([os.path.join(bindir, "tl-compile"), onnx_path, "-o", lib], result)
    result.compile_s = time.time() - start
    result.compile_cpu_s = cpu_seconds() - cpu
    rng = np.random.default_rng(1)
    worst = 0.0
    batches = case.batches or [case.inputs[0][2]]
    for batch in batches:
        xs = make_inputs(case, rng, batch)
        cmd = [os.path.join(bindir, "tl-run"), lib]
        for i, x in enumerate(xs):
            in_path = os.path.join(workdir, f"{name}_in{i}_{batch}.npy")
            np.save(in_path, x)
            cmd += ["--input", in_path]
        out_dir = os.path.join(workdir, f"{name}_out_{batch}")
        bench = benchmark and batch == batches[-1]
        if bench:
            cmd += ["--benchmark", str(benchmark)]
        if threads:
            cmd += ["--threads", str(threads)]
        out = run_tool(cmd + ["--output-dir", out_dir], result)
        got = np.load(os.path.join(out_dir, "output_0.npy"))
        args = [torch.from_numpy(x) for x in xs]
        with torch.no_grad():
            want = model(*args).numpy()
            if bench:
                result.torch_ms = best_ms(lambda: model(*args), benchmark)
                found = re.search(r"min ([0-9.]+) ms", out)
                result.tl_ms = float(found.group(1)) if found else None
        scale = float(np.abs(want).max()) if want.size else 0.0
        scale = scale if scale > 0 else 1.0
        result.magnitude = max(result.magnitude or 0.0, scale)
        if got.shape != want.shape:
            result.failures.append(f"batch {batch}: shape {got.shape} != {want.shape}")
            continue
        err = float(np.abs(got.astype(np.float64) - want).max()) if want.size else 0.0
        worst = max(worst, err / scale)
        if not np.allclose(got, want, rtol=1e-4, atol=1e-4 * scale):
            result.failures.append(f"batch {batch}: max abs error {err:.3g} "
                                   f"(output magnitude {scale:.3g})")
    result.max_err = worst


#===------------------------------------------------------------------------===#
# Driver
#===------------------------------------------------------------------------===#

def fmt(value, spec):
    """`value` formatted by `spec`, or a '-' as wide."""
    if value is not None:
        return format(value, spec)
    width = int(re.match(r"\d*", spec).group() or 1)
    return "-".rjust(width)


def main(models=MODELS, description=__doc__, label="PyTorch models"):
    parser = argparse.ArgumentParser(description=description,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("names", nargs="*",
                        help="models to check (default: all but the slow ones)")
    parser.add_argument("--bin", help="folder with tl-compile and tl-run (required "
                        "unless --list)")
    parser.add_argument("--keep", help="keep the exported models and outputs here")
    parser.add_argument("--all", action="store_true", help="include the slow models")
    parser.add_argument("--benchmark", type=int, default=0, metavar="N",
                        help="time N runs of tl-run and of the PyTorch forward "
                             "(at the last batch size) and print a table with "
                             "the fastest of each")
    parser.add_argument("--threads", type=int, default=0,
                        help="threads for tl-run and PyTorch (default: tl-run's "
                             "and PyTorch's defaults)")
    parser.add_argument("--list", action="store_true", help="list the models")
    args = parser.parse_args()
    if args.list:
        for name, case in models.items():
            tags = ([f"xfail: {case.xfail[0]}"] if case.xfail else []) + \
                   (["slow"] if case.slow else [])
            print(name + (f"  ({'; '.join(tags)})" if tags else ""))
        return 0
    if not args.bin:
        parser.error("--bin is required")
    unknown = [n for n in args.names if n not in models]
    if unknown:
        parser.error(f"unknown models: {', '.join(unknown)}")
    names = args.names or [n for n, c in models.items() if args.all or not c.slow]
    if args.threads:
        torch.set_num_threads(args.threads)
    counts = {"PASS": 0, "FAIL": 0, "XFAIL": 0, "XPASS": 0}
    rows = []
    with tempfile.TemporaryDirectory(prefix="tlc-pytorch-") as tmp:
        workdir = args.keep or tmp
        os.makedirs(workdir, exist_ok=True)
        for name in names:
            case = models[name]
            result = Result()
            try:
                check(name, case, args.bin, workdir, result, args.benchmark,
                      args.threads)
            except RuntimeError as e:
                result.failures.append(str(e))
                result.error = result.error or str(e)
            notes = result.failures
            if case.xfail:
                reason, pattern = case.xfail
                if not result.failures:
                    status = "XPASS"
                    notes = [f"expected to fail ({reason}) but passes: "
                             "drop its xfail mark"]
                elif result.error and re.search(pattern, result.error):
                    status = "XFAIL"
                    notes = [reason]
                else:
                    status = "FAIL"
                    notes = [f"expected to fail with /{pattern}/ ({reason}), "
                             "failed otherwise"] + result.failures
            else:
                status = "FAIL" if result.failures else "PASS"
            counts[status] += 1
            print(f"{status} {name}" + (f" ({result.compile_s:.1f} s compile)"
                                        if result.compile_s else "")
                  + "".join(f"\n    {n}" for n in notes), flush=True)
            rows.append((name, result, status))
    if args.benchmark:
        print(f"\n{'model':32} {'params':>11} {'opset':>5} {'compile s':>9} {'cpu s':>6} "
              f"{'tl ms':>9} {'torch ms':>9} {'max|out|':>9} {'max err':>9}  status")
        for name, r, status in rows:
            print(f"{name:32} {r.params:11,d} {models[name].opset:5d} "
                  f"{fmt(r.compile_s, '9.1f')} "
                  f"{fmt(r.compile_cpu_s, '6.1f')} "
                  f"{fmt(r.tl_ms, '9.3f')} {fmt(r.torch_ms, '9.3f')} "
                  f"{fmt(r.magnitude, '9.3g')} "
                  f"{fmt(r.max_err, '9.2g')}  {status}")
    total = len(names)
    print(f"\n{counts['PASS'] + counts['XPASS']}/{total} {label} match; "
          f"{counts['XFAIL']} expected failures, {counts['FAIL']} failures"
          + (f", {counts['XPASS']} unexpected passes" if counts["XPASS"] else ""))
    return 1 if counts["FAIL"] else 0


if __name__ == "__main__":
    sys.exit(main())
