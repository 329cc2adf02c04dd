"""ONNX Runtime (npm onnxruntime-node) as an oracle, from Python.

Batches many models into few node processes (ort_run.js): starting node and
loading ONNX Runtime costs far more than running a small model.

  runner = OrtRunner()                       # finds .deps/ort (scripts/setup.sh)
  results = runner.run([(model_path, [array, ...] or {name: array}), ...], workdir)
  # -> per model: ("ok", [output arrays]) or ("error", message)
"""

import concurrent.futures
import json
import os
import subprocess

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DEFAULT_NODE_PATH = os.path.join(ROOT, ".deps", "ort", "node_modules")

# numpy dtype <-> onnxruntime-node tensor type (float16 travels as its bits).
_TO_ORT = {
    np.dtype(np.float32): "float32", np.dtype(np.float64): "float64",
    np.dtype(np.float16): "float16", np.dtype(np.int8): "int8",
    np.dtype(np.int16): "int16", np.dtype(np.int32): "int32",
    np.dtype(np.int64): "int64", np.dtype(np.uint8): "uint8",
    np.dtype(np.uint16): "uint16", np.dtype(np.uint32): "uint32",
    np.dtype(np.uint64): "uint64", np.dtype(np.bool_): "bool",
}
_FROM_ORT = {v: k for k, v in _TO_ORT.items()}


def ort_available(node_path=DEFAULT_NODE_PATH):
    """None when node and onnxruntime-node are usable, else the reason."""
    if subprocess.run(["which", "node"], capture_output=True).returncode != 0:
        return "node is not installed"
    if not os.path.isdir(os.path.join(node_path, "onnxruntime-node")):
        return f"onnxruntime-node is not installed in {node_path} (run scripts/setup.sh)"
    return None


class OrtRunner:
    def __init__(self, node_path=DEFAULT_NODE_PATH, processes=None):
        self.node_path = node_path
        self.processes = processes or os.cpu_count() or 1

    def _write_inputs(self, inputs, directory):
        """inputs: arrays in the model's input order, or a dict by name."""
        named = inputs.items() if isinstance(inputs, dict) else \
            [(None, a) for a in inputs]
        specs = []
        for i, (name, array) in enumerate(named):
            array = np.ascontiguousarray(array)
            dtype = _TO_ORT.get(array.dtype)
            if dtype is None:
                raise ValueError(f"input {i}: onnxruntime-node has no {array.dtype} tensors")
            path = os.path.join(directory, f"input_{i}.bin")
            array.tofile(path)
            spec = {"file": path, "dtype": dtype, "shape": list(array.shape)}
            if name:
                spec["name"] = name
            specs.append(spec)
        return specs

    def _run_batch(self, jobs, jobs_file):
        with open(jobs_file, "w") as f:
            json.dump(jobs, f)
        env = dict(os.environ, NODE_PATH=self.node_path)
        proc = subprocess.run(["node", os.path.join(HERE, "ort_run.js"), jobs_file],
                              capture_output=True, text=True, env=env)
        results = {}
        for line in proc.stdout.splitlines():
            record = json.loads(line)
            results[record["index"]] = record
        if proc.returncode != 0 and len(results) < len(jobs):
            # The process died (a crash inside ORT): report it on the job it
            # was running, and rerun the rest.
            failed = len(results)
            results[failed] = {"ok": False, "stage": "crash",
                               "error": (proc.stderr.strip().splitlines() or
                                         [f"node exited {proc.returncode}"])[-1]}
            rest = jobs[failed + 1:]
            if rest:
                more = self._run_batch(rest, jobs_file + ".rest")
                for i, record in more.items():
                    results[failed + 1 + i] = record
        return results

    def run(self, models, workdir):
        """models: [(model_path, inputs)], inputs a list of arrays in the
        model's input order or a dict by input name; returns, per model,
        ("ok", [outputs]) or ("error", message)."""
        os.makedirs(workdir, exist_ok=True)
        jobs, prepared = [], []
        for index, (model, inputs) in enumerate(models):
            job_dir = os.path.join(workdir, f"ort_{index}")
            os.makedirs(job_dir, exist_ok=True)
            try:
                specs = self._write_inputs(inputs, job_dir)
            except ValueError as e:
                prepared.append(("error", str(e)))
                continue
            prepared.append(None)
            jobs.append((index, {"model": os.path.abspath(model), "inputs": specs,
                                 "output_dir": os.path.join(job_dir, "out")}))
        # One node process per chunk; chunks interleave the jobs.
        count = max(1, min(self.processes, len(jobs)))
        chunks = [jobs[i::count] for i in range(count)]
        results = {}

        def work(chunk_index):
            chunk = chunks[chunk_index]
            records = self._run_batch([job for _, job in chunk],
                                      os.path.join(workdir, f"jobs_{chunk_index}.json"))
            return {chunk[i][0]: record for i, record in records.items()}

        with concurrent.futures.ThreadPoolExecutor(count) as pool:
            for part in pool.map(work, range(len(chunks))):
                results.update(part)
        out = []
        for index, early in enumerate(prepared):
            if early is not None:
                out.append(early)
                continue
            record = results.get(index)
            if record is None:
                out.append(("error", "no result from onnxruntime-node"))
            elif not record["ok"]:
                out.append(("error", f"ORT {record['stage']}: {record['error']}"))
            else:
                arrays = []
                for o in record["outputs"]:
                    dtype = _FROM_ORT.get(o["dtype"])
                    if dtype is None:
                        arrays = None
                        out.append(("error", f"ORT output of type {o['dtype']}"))
                        break
                    arrays.append(np.fromfile(o["file"], dtype=dtype).reshape(o["shape"]))
                if arrays is not None:
                    out.append(("ok", arrays))
        return out

