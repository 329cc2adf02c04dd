// Runs ONNX models in ONNX Runtime (npm onnxruntime-node, CPU provider), many
// models per process (starting node and loading ORT dominates small models).
//
//   node ort_run.js JOBS.json
//
// JOBS.json is a list of jobs:
//   {"model": "m.onnx", "output_dir": "dir",
//    "inputs": [{"name": "x", "file": "x.bin", "dtype": "float32", "shape": [2, 3]}]}
// Input files hold the raw little-endian elements (bools one byte each);
// inputs without a name are fed in the order of the model's inputs. Each
// output is written as output_<i>.bin in output_dir. One JSON line per job
// goes to stdout:
//   {"index": 0, "ok": true, "outputs": [{"name": ..., "file": ..., "dtype": ..., "shape": [...]}]}
//   {"index": 1, "ok": false, "stage": "load" | "run", "error": "..."}
'use strict';
const fs = require('fs');
const path = require('path');
const ort = require('onnxruntime-node');

const TYPED_ARRAYS = {
  float32: Float32Array, float64: Float64Array, float16: Uint16Array,
  int8: Int8Array, int16: Int16Array, int32: Int32Array, int64: BigInt64Array,
  uint8: Uint8Array, uint16: Uint16Array, uint32: Uint32Array, uint64: BigUint64Array,
  bool: Uint8Array,
};

function readInput(spec) {
  const Ctor = TYPED_ARRAYS[spec.dtype];
  if (!Ctor) throw new Error(`unsupported input dtype ${spec.dtype}`);
  const bytes = fs.readFileSync(spec.file);
  const copy = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length);
  return new ort.Tensor(spec.dtype, new Ctor(copy), spec.shape);
}

function writeOutput(file, tensor) {
  const data = tensor.data;
  if (!ArrayBuffer.isView(data)) throw new Error(`output of type ${tensor.type} is not numeric`);
  fs.writeFileSync(file, Buffer.from(data.buffer, data.byteOffset, data.byteLength));
}

async function runJob(job) {
  let session;
  try {
    session = await ort.InferenceSession.create(job.model, {
      intraOpNumThreads: 1, interOpNumThreads: 1, executionMode: 'sequential',
    });
  } catch (e) {
    return {ok: false, stage: 'load', error: String(e.message || e)};
  }
  try {
    const feeds = {};
    job.inputs.forEach((spec, i) => {
      const name = spec.name || session.inputNames[i];
      feeds[name] = readInput(spec);
    });
    const result = await session.run(feeds);
    fs.mkdirSync(job.output_dir, {recursive: true});
    const outputs = session.outputNames.map((name, i) => {
      const file = path.join(job.output_dir, `output_${i}.bin`);
      writeOutput(file, result[name]);
      return {name, file, dtype: result[name].type, shape: result[name].dims};
    });
    return {ok: true, outputs};
  } catch (e) {
    return {ok: false, stage: 'run', error: String(e.message || e)};
  } finally {
    if (session.release) await session.release();
  }
}

async function main() {
  const jobs = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  for (let i = 0; i < jobs.length; ++i) {
    const result = await runJob(jobs[i]);
    result.index = i;
    process.stdout.write(JSON.stringify(result) + '\n');
  }
}

main().catch((e) => { console.error(e.message || e); process.exit(1); });
