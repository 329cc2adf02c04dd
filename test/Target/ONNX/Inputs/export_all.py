#!/usr/bin/env python3
"""Exports every module of an .mlir file with `tl-translate --export-onnx`,
checks each model and prints it in a stable text form for FileCheck.

Modules are separated by `// -----` lines; a module containing the line
`// export-all: min-opset N` is skipped when exported at an older opset
(--onnx-export-opset, default 17). Each exported model must pass the
ONNX checker (full check) and ONNX shape inference in strict mode with type
checks. The printout of a model:

  model GRAPH opset N ir N
  input NAME: TYPE[DIMS]              (dims: sizes or dim_params, ? if unknown)
  output NAME: TYPE[DIMS]
  init NAME: TYPE[DIMS] raw|typed = VALUES   (values when at most 16 elements)
  node OUTPUTS = OPTYPE(INPUTS) {ATTR = VALUE, ...}   (attributes sorted)

Usage: export_all.py TL_TRANSLATE FILE.mlir [EXTRA_ARGS...]
Exit status 1 (after printing the errors) if an export or a check failed.
"""

import os
import re
import subprocess
import sys
import tempfile

import onnx
from onnx import numpy_helper


def dims(type_proto):
    tensor = type_proto.tensor_type
    elem = onnx.TensorProto.DataType.Name(tensor.elem_type).lower()
    if not tensor.HasField("shape"):
        return f"{elem}[*]"
    parts = []
    for d in tensor.shape.dim:
        if d.HasField("dim_value"):
            parts.append(str(d.dim_value))
        elif d.HasField("dim_param"):
            parts.append(d.dim_param)
        else:
            parts.append("?")
    return f"{elem}[{','.join(parts)}]"


def fmt_values(array):
    flat = array.reshape(-1)
    if array.dtype.kind == "f":
        return "[" + ", ".join(f"{float(v):.7g}" for v in flat) + "]"
    if array.dtype.kind == "b":
        return "[" + ", ".join("true" if v else "false" for v in flat) + "]"
    return "[" + ", ".join(str(int(v)) for v in flat) + "]"


def fmt_attr(attr):
    value = onnx.helper.get_attribute_value(attr)
    if isinstance(value, bytes):
        return '"' + value.decode() + '"'
    if isinstance(value, float):
        return f"{value:.7g}"
    if isinstance(value, list):
        return "[" + ", ".join(f"{v:.7g}" if isinstance(v, float) else str(v)
                               for v in value) + "]"
    return str(value)


def print_model(model):
    opset = next(o.version for o in model.opset_import if o.domain in ("", "ai.onnx"))
    g = model.graph
    print(f"model {g.name} opset {opset} ir {model.ir_version}")
    for i in g.input:
        print(f"input {i.name}: {dims(i.type)}")
    for o in g.output:
        print(f"output {o.name}: {dims(o.type)}")
    for t in g.initializer:
        array = numpy_helper.to_array(t)
        elem = onnx.TensorProto.DataType.Name(t.data_type).lower()
        storage = "raw" if t.HasField("raw_data") else "typed"
        line = f"init {t.name}: {elem}[{','.join(map(str, t.dims))}] {storage}"
        if array.size <= 16:
            line += " = " + fmt_values(array)
        print(line)
    for n in g.node:
        attrs = sorted(n.attribute, key=lambda a: a.name)
        attr_text = (" {" + ", ".join(f"{a.name} = {fmt_attr(a)}" for a in attrs) + "}"
                     if attrs else "")
        print(f"node {', '.join(n.output)} = {n.op_type}({', '.join(n.input)}){attr_text}")


def check(model):
    onnx.checker.check_model(model, full_check=True)
    onnx.shape_inference.infer_shapes(model, check_type=True, strict_mode=True)


def main(argv):
    tool, path, extra = argv[1], argv[2], argv[3:]
    with open(path) as f:
        chunks = f.read().split("\n// -----\n")
    opset = 17
    for arg in extra:
        if arg.startswith("--onnx-export-opset="):
            opset = int(arg.split("=", 1)[1])
    status = 0
    with tempfile.TemporaryDirectory() as tmp:
        for index, chunk in enumerate(chunks):
            min_opset = re.search(r"^// export-all: min-opset (\d+)$", chunk, re.M)
            if min_opset and opset < int(min_opset.group(1)):
                print(f"skipped chunk {index}: needs opset {min_opset.group(1)}\n")
                continue
            source = os.path.join(tmp, f"chunk{index}.mlir")
            target = os.path.join(tmp, f"chunk{index}.onnx")
            with open(source, "w") as f:
                f.write(chunk)
            proc = subprocess.run([tool, "--export-onnx", source, "-o", target] + extra,
                                  capture_output=True, text=True)
            if proc.returncode != 0:
                sys.stderr.write(f"chunk {index}: exit status {proc.returncode}\n"
                                 f"{proc.stderr}")
                status = 1
                continue
            model = onnx.load(target)
            try:
                check(model)
            except Exception as e:  # checker and inference raise various types
                sys.stderr.write(f"chunk {index}: {type(e).__name__}: {e}\n")
                status = 1
            print_model(model)
            print()
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
