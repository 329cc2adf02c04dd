// Times an ONNX model in ONNX Runtime (npm onnxruntime-node, CPU provider).
//
//   node ort_bench.js MODEL.onnx --threads N --iters N [--warmup N] [--output-dir DIR] INPUT.npy...
//
// Inputs are .npy files in the model's input order. Prints one JSON line:
// {"median_ms": ..., "min_ms": ..., "threads": N}. With --output-dir the
// outputs of the last run are written as output_<i>.npy.
'use strict';
const fs = require('fs');
const path = require('path');
const ort = require('onnxruntime-node');

const DTYPES = {
  '<f4': ['float32', Float32Array], '<f8': ['float64', Float64Array],
  '<i4': ['int32', Int32Array], '<i8': ['int64', BigInt64Array],
  '|b1': ['bool', Uint8Array], '|u1': ['uint8', Uint8Array], '|i1': ['int8', Int8Array],
};

function readNpy(file) {
  const buf = fs.readFileSync(file);
  if (buf.toString('latin1', 1, 6) !== 'NUMPY') throw new Error(`${file}: not a .npy file`);
  const major = buf[6];
  const headerLen = major === 1 ? buf.readUInt16LE(8) : buf.readUInt32LE(8);
  const offset = major === 1 ? 10 : 12;
  const header = buf.toString('latin1', offset, offset + headerLen);
  const descr = /'descr':\s*'([^']+)'/.exec(header)[1];
  const shape = /'shape':\s*\(([^)]*)\)/.exec(header)[1].split(',')
      .map((s) => s.trim()).filter((s) => s).map(Number);
  if (/'fortran_order':\s*True/.test(header)) throw new Error(`${file}: Fortran order`);
  const [type, Ctor] = DTYPES[descr] || [];
  if (!type) throw new Error(`${file}: unsupported dtype ${descr}`);
  const start = offset + headerLen;
  const bytes = buf.subarray(start);
  const data = new Ctor(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
  return new ort.Tensor(type, type === 'bool' ? Uint8Array.from(data) : data, shape);
}

function writeNpy(file, tensor) {
  const descr = Object.keys(DTYPES).find((k) => DTYPES[k][0] === tensor.type);
  let header = `{'descr': '${descr}', 'fortran_order': False, 'shape': (${
    tensor.dims.join(', ')}${tensor.dims.length === 1 ? ',' : ''}), }`;
  header += ' '.repeat(63 - ((header.length + 10) % 64)) + '\n';
  const pre = Buffer.alloc(10);
  pre.write('\x93NUMPY', 0, 'latin1');
  pre[6] = 1; pre[7] = 0;
  pre.writeUInt16LE(header.length, 8);
  const data = Buffer.from(tensor.data.buffer, tensor.data.byteOffset, tensor.data.byteLength);
  fs.writeFileSync(file, Buffer.concat([pre, Buffer.from(header, 'latin1'), data]));
}

async function main() {
  const args = process.argv.slice(2);
  const opt = {threads: 1, iters: 20, warmup: 3, outputDir: null};
  const inputs = [];
  let model = null;
  for (let i = 0; i < args.length; ++i) {
    if (args[i] === '--threads') opt.threads = Number(args[++i]);
    else if (args[i] === '--iters') opt.iters = Number(args[++i]);
    else if (args[i] === '--warmup') opt.warmup = Number(args[++i]);
    else if (args[i] === '--output-dir') opt.outputDir = args[++i];
    else if (!model) model = args[i];
    else inputs.push(args[i]);
  }
  if (!model) throw new Error('usage: ort_bench.js MODEL.onnx [options] INPUT.npy...');
  const session = await ort.InferenceSession.create(model, {
    intraOpNumThreads: opt.threads, interOpNumThreads: 1,
    executionMode: 'sequential', graphOptimizationLevel: 'all',
  });
  if (inputs.length !== session.inputNames.length) {
    throw new Error(`${model}: expects ${session.inputNames.length} inputs, got ${inputs.length}`);
  }
  const feeds = {};
  session.inputNames.forEach((name, i) => { feeds[name] = readNpy(inputs[i]); });
  let result;
  for (let i = 0; i < opt.warmup; ++i) result = await session.run(feeds);
  const times = [];
  for (let i = 0; i < opt.iters; ++i) {
    const t0 = process.hrtime.bigint();
    result = await session.run(feeds);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  if (opt.outputDir) {
    fs.mkdirSync(opt.outputDir, {recursive: true});
    session.outputNames.forEach((name, i) =>
      writeNpy(path.join(opt.outputDir, `output_${i}.npy`), result[name]));
  }
  console.log(JSON.stringify({median_ms: times[times.length >> 1], min_ms: times[0],
                              threads: opt.threads}));
}

main().catch((e) => { console.error(e.message || e); process.exit(1); });
