#!/usr/bin/env python3
"""Mutation fuzzing of the ONNX importer (and of tl-compile behind it).

Each iteration takes a model of the ONNX backend test data, breaks it in one
to three ways and imports the result with `tl-translate --import-onnx`;
with --tl-compile, a mutant that imports is also compiled to an object file
(import plus the whole CPU pipeline). Every run must keep the tools' error
contract (import_testdata.contract_violation): exit 0, or exit 1 with one
`error:` line; never a crash, a hang or a sanitizer report.

Mutations, at two levels:
  bytes     flip bits, overwrite, insert or delete bytes, truncate;
  protobuf  (the python onnx package) attribute values, types and lists;
            dims, element types and data of initializers and Constant
            tensors; shapes and element types of graph inputs and outputs;
            node op types, domains, inputs and outputs; node order;
            opset and IR versions.

Iteration I of seed S draws from random.Random(f"S:I") alone, so a run is
reproducible and a single failing iteration can be replayed with
--first I --iterations 1. Mutants that break the contract are written to
--save DIR (DIR/fuzz_S_I.onnx and a .txt with the mutations and the failure).

Usage: fuzz_import.py --tl-translate BIN [--tl-compile BIN] [--seed S]
           [--iterations N] [--first I] [--jobs N] [--save DIR]
           [--data DIR | --models FILE]
Exit status 1 if any mutant broke the contract.
"""

import argparse
import collections
import concurrent.futures
import math
import os
import random
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from import_testdata import FOLDERS, contract_violation, run  # noqa: E402

import onnx  # noqa: E402
from onnx import AttributeProto, TensorProto  # noqa: E402

EDGE_INTS = [0, 1, -1, 2, -2, 3, 7, 64, 1 << 20, 1 << 31, -(1 << 31),
             (1 << 31) - 1, 1 << 40, (1 << 62), (1 << 63) - 1, -(1 << 63)]
EDGE_FLOATS = [0.0, -0.0, 1.0, -1.0, 0.5, 1e-30, 1e30, 3.4e38, -3.4e38,
               math.inf, -math.inf, math.nan]
STRINGS = [b"", b"FOO", b"NOTSET", b"VALID", b"SAME_UPPER", b"SAME_LOWER",
           b"nearest", b"linear", b"cubic", b"half_pixel", b"align_corners",
           b"tf_crop_and_resize", b"DCR", b"CRD", b"constant", b"reflect",
           b"edge", b"round_prefer_ceil", b"\xff\xfe"]
ATTRIBUTE_NAMES = ["axis", "axes", "perm", "kernel_shape", "pads", "strides",
                   "dilations", "group", "keepdims", "auto_pad", "mode",
                   "alpha", "beta", "transA", "transB", "epsilon", "split",
                   "shape", "value", "to", "blocksize", "ceil_mode",
                   "output_shape", "output_padding", "scales", "sizes"]


def edge_int(rng):
    return rng.choice(EDGE_INTS) if rng.random() < 0.7 else rng.randint(-9, 9)


def edge_float(rng):
    return rng.choice(EDGE_FLOATS) if rng.random() < 0.7 else rng.uniform(-9, 9)


def clamp64(v):
    return max(-(1 << 63), min((1 << 63) - 1, v))


#===-----------------------------------------------------------------------===#
# Protobuf mutations: each takes (rng, model) and returns a description, or
# None when the model offers nothing to mutate.
#===-----------------------------------------------------------------------===#

def all_tensors(model):
    """Initializers and the tensors of Constant-like attributes."""
    tensors = list(model.graph.initializer)
    for node in model.graph.node:
        for attr in node.attribute:
            if attr.HasField("t"):
                tensors.append(attr.t)
    return tensors


def value_names(model):
    graph = model.graph
    names = [i.name for i in graph.input] + [t.name for t in graph.initializer]
    for node in graph.node:
        names.extend(node.output)
    return names or ["x"]


def mutate_ints(rng, values):
    """Mutates a repeated int field in place."""
    choice = rng.randrange(4)
    if choice == 0 and values:
        values[rng.randrange(len(values))] = edge_int(rng)
    elif choice == 1:
        values.append(edge_int(rng))
    elif choice == 2 and values:
        del values[rng.randrange(len(values))]
    else:
        del values[:]


def mut_attribute_value(rng, model):
    attrs = [(n, a) for n in model.graph.node for a in n.attribute]
    if not attrs:
        return None
    node, attr = rng.choice(attrs)
    if attr.type == AttributeProto.INT:
        attr.i = edge_int(rng)
    elif attr.type == AttributeProto.INTS:
        mutate_ints(rng, attr.ints)
    elif attr.type == AttributeProto.FLOAT:
        attr.f = edge_float(rng)
    elif attr.type == AttributeProto.FLOATS:
        if attr.floats and rng.random() < 0.5:
            attr.floats[rng.randrange(len(attr.floats))] = edge_float(rng)
        elif rng.random() < 0.5:
            attr.floats.append(edge_float(rng))
        else:
            del attr.floats[:]
    elif attr.type == AttributeProto.STRING:
        attr.s = rng.choice(STRINGS)
    elif attr.type == AttributeProto.TENSOR:
        return mutate_tensor(rng, attr.t, f"attribute {attr.name} of {node.op_type}")
    else:
        return None
    return f"value of attribute {attr.name} of {node.op_type}"


def mut_attribute_type(rng, model):
    attrs = [(n, a) for n in model.graph.node for a in n.attribute]
    if not attrs:
        return None
    node, attr = rng.choice(attrs)
    attr.type = rng.randrange(0, 15)
    return f"type of attribute {attr.name} of {node.op_type} -> {attr.type}"


def mut_attribute_remove_or_add(rng, model):
    if not model.graph.node:
        return None
    node = rng.choice(model.graph.node)
    if node.attribute and rng.random() < 0.5:
        attr = node.attribute.pop(rng.randrange(len(node.attribute)))
        return f"removed attribute {attr.name} of {node.op_type}"
    attr = node.attribute.add()
    attr.name = rng.choice(ATTRIBUTE_NAMES)
    kind = rng.randrange(4)
    if kind == 0:
        attr.type, attr.i = AttributeProto.INT, edge_int(rng)
    elif kind == 1:
        attr.type = AttributeProto.INTS
        attr.ints.extend(edge_int(rng) for _ in range(rng.randrange(6)))
    elif kind == 2:
        attr.type, attr.f = AttributeProto.FLOAT, edge_float(rng)
    else:
        attr.type, attr.s = AttributeProto.STRING, rng.choice(STRINGS)
    return f"added attribute {attr.name} to {node.op_type}"


def mutate_tensor(rng, tensor, what):
    choice = rng.randrange(6)
    if choice == 0:
        mutate_ints(rng, tensor.dims)
        return f"dims of {what}"
    if choice == 1:
        tensor.data_type = rng.randrange(0, 20)
        return f"data type of {what} -> {tensor.data_type}"
    if choice == 2 and tensor.HasField("raw_data"):
        raw = tensor.raw_data
        cut = rng.randrange(len(raw) + 1)
        tensor.raw_data = raw[:cut] if rng.random() < 0.5 else raw + raw[:cut + 1]
        return f"raw data size of {what}"
    if choice == 3:
        tensor.ClearField("raw_data")
        for field in ("float_data", "int32_data", "int64_data", "double_data",
                      "uint64_data"):
            tensor.ClearField(field)
        if rng.random() < 0.5:
            tensor.float_data.extend(edge_float(rng) for _ in range(rng.randrange(5)))
        else:
            tensor.int64_data.extend(edge_int(rng) for _ in range(rng.randrange(5)))
        return f"typed data of {what}"
    if choice == 4:
        tensor.data_location = TensorProto.EXTERNAL
        entry = tensor.external_data.add()
        entry.key = rng.choice(["location", "offset", "length", "checksum"])
        entry.value = rng.choice(["model.onnx", "../model.onnx", "/dev/zero",
                                  "", "-1", "16", "99999999999"])
        return f"external data of {what}"
    if tensor.dims:
        tensor.dims[rng.randrange(len(tensor.dims))] = edge_int(rng)
        return f"one dim of {what}"
    return None


def mut_initializer(rng, model):
    tensors = all_tensors(model)
    if not tensors:
        return None
    tensor = rng.choice(tensors)
    return mutate_tensor(rng, tensor, f"tensor {tensor.name!r}")


def mut_value_info(rng, model):
    graph = model.graph
    infos = list(graph.input) + list(graph.output) + list(graph.value_info)
    if not infos:
        return None
    info = rng.choice(infos)
    tensor_type = info.type.tensor_type
    choice = rng.randrange(5)
    if choice == 0:
        tensor_type.elem_type = rng.randrange(0, 20)
        return f"element type of {info.name!r}"
    if choice == 1:
        tensor_type.ClearField("shape")
        return f"removed shape of {info.name!r}"
    if choice == 2:
        info.ClearField("type")
        return f"removed type of {info.name!r}"
    dims = tensor_type.shape.dim
    if choice == 3 or not dims:
        if dims and rng.random() < 0.5:
            del dims[rng.randrange(len(dims))]
        else:
            dims.add().dim_value = rng.randrange(1, 5)
        return f"rank of {info.name!r}"
    dim = dims[rng.randrange(len(dims))]
    if rng.random() < 0.7:
        dim.dim_value = clamp64(edge_int(rng))
    else:
        dim.dim_param = rng.choice(["N", "batch", "", "0"])
    return f"one dim of {info.name!r}"


def mut_node(rng, model, op_types):
    graph = model.graph
    if not graph.node:
        return None
    node = rng.choice(graph.node)
    choice = rng.randrange(7)
    if choice == 0:
        old, node.op_type = node.op_type, rng.choice(op_types)
        return f"op type {old} -> {node.op_type}"
    if choice == 1:
        node.domain = rng.choice(["", "ai.onnx", "ai.onnx.ml", "com.example"])
        return f"domain of {node.op_type} -> {node.domain!r}"
    if choice == 2 and node.input:
        del node.input[rng.randrange(len(node.input))]
        return f"removed an input of {node.op_type}"
    if choice == 3:
        node.input.append(rng.choice(value_names(model) + [""]))
        return f"added an input to {node.op_type}"
    if choice == 4 and node.input:
        node.input[rng.randrange(len(node.input))] = rng.choice(
            value_names(model) + ["", "undefined"])
        return f"replaced an input of {node.op_type}"
    if choice == 5 and node.output:
        if rng.random() < 0.5:
            del node.output[rng.randrange(len(node.output))]
            return f"removed an output of {node.op_type}"
        node.output[rng.randrange(len(node.output))] = rng.choice(value_names(model))
        return f"renamed an output of {node.op_type}"
    node.output.append(rng.choice(["extra", ""]))
    return f"added an output to {node.op_type}"


def mut_graph(rng, model):
    graph = model.graph
    choice = rng.randrange(5)
    if choice == 0 and len(graph.node) > 1:
        i, j = rng.sample(range(len(graph.node)), 2)
        a, b = onnx.NodeProto(), onnx.NodeProto()
        a.CopyFrom(graph.node[i])
        b.CopyFrom(graph.node[j])
        graph.node[i].CopyFrom(b)
        graph.node[j].CopyFrom(a)
        return "swapped two nodes"
    if choice == 1 and graph.node:
        del graph.node[rng.randrange(len(graph.node))]
        return "removed a node"
    if choice == 2 and graph.initializer:
        del graph.initializer[rng.randrange(len(graph.initializer))]
        return "removed an initializer"
    if choice == 3 and graph.input:
        del graph.input[rng.randrange(len(graph.input))]
        return "removed a graph input"
    if graph.output and rng.random() < 0.5:
        del graph.output[rng.randrange(len(graph.output))]
        return "removed a graph output"
    graph.output.add().CopyFrom(rng.choice(list(graph.input) or [onnx.ValueInfoProto()]))
    return "duplicated a graph input as an output"


def mut_opset(rng, model):
    choice = rng.randrange(4)
    if choice == 0 and model.opset_import:
        entry = rng.choice(model.opset_import)
        entry.version = rng.choice([-1, 0, 1, 5, 6, 7, 9, 11, 13, 16, 17, 18,
                                    1 << 40])
        return f"opset of {entry.domain!r} -> {entry.version}"
    if choice == 1 and model.opset_import:
        del model.opset_import[rng.randrange(len(model.opset_import))]
        return "removed an opset import"
    if choice == 2:
        entry = model.opset_import.add()
        entry.domain = rng.choice(["", "ai.onnx", "ai.onnx.ml", "com.example"])
        entry.version = rng.randrange(1, 20)
        return f"added opset {entry.domain!r} {entry.version}"
    model.ir_version = rng.choice([-1, 0, 1, 3, 4, 7, 8, 9, 1 << 40])
    return f"ir_version -> {model.ir_version}"


#===-----------------------------------------------------------------------===#
# Byte mutations
#===-----------------------------------------------------------------------===#

def mutate_bytes(rng, data):
    data = bytearray(data)
    choice = rng.randrange(5)
    if not data:
        return bytes(rng.randrange(256) for _ in range(8)), "random bytes"
    if choice == 0:
        for _ in range(rng.randint(1, 8)):
            data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
        return bytes(data), "flipped bits"
    if choice == 1:
        start = rng.randrange(len(data))
        for i in range(start, min(len(data), start + rng.randint(1, 16))):
            data[i] = rng.randrange(256)
        return bytes(data), "overwrote bytes"
    if choice == 2:
        at = rng.randrange(len(data) + 1)
        data[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
        return bytes(data), "inserted bytes"
    if choice == 3:
        start = rng.randrange(len(data))
        del data[start:start + rng.randint(1, 16)]
        return bytes(data), "deleted bytes"
    return bytes(data[:rng.randrange(len(data))]), "truncated"


PROTO_MUTATIONS = [mut_attribute_value, mut_attribute_value,
                   mut_attribute_type, mut_attribute_remove_or_add,
                   mut_initializer, mut_initializer, mut_value_info,
                   mut_value_info, "node", "node", mut_graph, mut_opset]


def make_mutant(rng, data, op_types):
    """Returns (bytes, [descriptions])."""
    log = []
    model = onnx.ModelProto.FromString(data)
    for _ in range(rng.randint(1, 3)):
        if rng.random() < 0.25:
            continue  # keeps some byte-only mutants
        for _attempt in range(5):
            mutation = rng.choice(PROTO_MUTATIONS)
            done = mut_node(rng, model, op_types) if mutation == "node" \
                else mutation(rng, model)
            if done:
                log.append(done)
                break
    data = model.SerializeToString()
    if not log or rng.random() < 0.15:
        data, what = mutate_bytes(rng, data)
        log.append(what)
    return data, log


#===-----------------------------------------------------------------------===#
# Driver
#===-----------------------------------------------------------------------===#

def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tl-translate", required=True)
    parser.add_argument("--tl-compile")
    parser.add_argument("--data", default="/usr/share/libonnx-testdata/data")
    parser.add_argument("--models", metavar="FILE",
                        help="mutate the models listed in FILE (one path a "
                             "line, e.g. import_testdata.py --list-imported) "
                             "instead of all test-data models")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--iterations", type=int, default=100)
    parser.add_argument("--first", type=int, default=0,
                        help="index of the first iteration (to replay one)")
    parser.add_argument("--jobs", "-j", type=int, default=1)
    parser.add_argument("--timeout", type=int, default=120)
    parser.add_argument("--save", help="directory for mutants that fail")
    parser.add_argument("--verbose", "-v", action="store_true")
    args = parser.parse_args()

    models = []
    if args.models:
        with open(args.models) as f:
            models = [line.strip() for line in f if line.strip()]
    for folder in FOLDERS if not models else []:
        root = os.path.join(args.data, folder)
        if os.path.isdir(root):
            models += [os.path.join(root, case, "model.onnx")
                       for case in sorted(os.listdir(root))
                       if os.path.exists(os.path.join(root, case, "model.onnx"))]
    if not models:
        parser.error(f"no models (test data in {args.data}: Debian package "
                     "libonnx-testdata)")
    op_types = sorted({node.op_type for path in models[::7]
                       for node in onnx.load(path, load_external_data=False).graph.node}
                      | {"Frobnicate"})

    counts = collections.Counter()
    failures = []
    start = time.time()
    with tempfile.TemporaryDirectory() as tmp, \
            concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        def work(iteration):
            rng = random.Random(f"{args.seed}:{iteration}")
            source = rng.choice(models)
            with open(source, "rb") as f:
                data, log = make_mutant(rng, f.read(), op_types)
            path = os.path.join(tmp, f"fuzz_{args.seed}_{iteration}.onnx")
            with open(path, "wb") as f:
                f.write(data)
            try:
                rc, stderr = run([args.tl_translate, "--import-onnx", path,
                                  "-o", path + ".mlir"], args.timeout)
                failure = contract_violation(rc, stderr)
                status = "imported" if rc == 0 else "error"
                if not failure and rc == 0 and args.tl_compile:
                    rc, stderr = run([args.tl_compile, path, "--emit=obj",
                                      "--header=-", "-o", path + ".o"],
                                     args.timeout)
                    failure = contract_violation(rc, stderr)
                    if failure:
                        failure = "tl-compile: " + failure
                    status = "compiled" if rc == 0 else "compile error"
                if failure and args.save:
                    os.makedirs(args.save, exist_ok=True)
                    name = os.path.basename(path)
                    with open(os.path.join(args.save, name), "wb") as f:
                        f.write(data)
                    with open(os.path.join(args.save, name[:-5] + ".txt"), "w") as f:
                        f.write(f"source: {source}\nmutations: {'; '.join(log)}\n"
                                f"failure: {failure}\n\n{stderr}")
                return iteration, source, log, status, failure
            finally:
                for suffix in ("", ".mlir", ".o"):
                    if os.path.exists(path + suffix):
                        os.remove(path + suffix)

        iterations = range(args.first, args.first + args.iterations)
        for iteration, source, log, status, failure in pool.map(work, iterations):
            counts["failed" if failure else status] += 1
            case = os.path.relpath(os.path.dirname(source), args.data)
            if failure:
                failures.append(f"iteration {iteration} ({case}: "
                                f"{'; '.join(log)}): {failure}")
            if args.verbose:
                print(f"{iteration} {case}: {'; '.join(log)}: "
                      f"{failure or status}", flush=True)

    summary = ", ".join(f"{counts[k]} {k}" for k in
                        ("imported", "compiled", "compile error", "error", "failed")
                        if counts[k] or k in ("error", "failed"))
    print(f"fuzz: seed {args.seed}, iterations {args.first}.."
          f"{args.first + args.iterations - 1}: {summary} "
          f"({time.time() - start:.0f} s)")
    for failure in failures:
        print(f"  {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
