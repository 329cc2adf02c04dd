#!/usr/bin/env python3
"""A numpy model of the tl dialect, for checking the ONNX importer.

Evaluates the single function of a module printed in MLIR's generic form
(`tl-opt --mlir-print-op-generic`), as the importer produces it: one block of
tl ops. Each op follows the semantics in its ODS description
(dialects/tl/IR/*.td). import_testdata.py --check-outputs runs the imported
ONNX backend test cases through it and compares with the expected outputs,
which checks the ONNX -> tl mapping independently of any lowering.

Usage as a module: `Module(text).run(inputs) -> list of numpy arrays`.
As a tool: tl_reference.py MODULE.mlir --inputs A.npy [B.npy...]
           --expect Y.npy [...] [--rtol R] [--atol A]
evaluates MODULE (generic form) and exits 1 unless every result is close to
its expected value.
"""

import ast
import math
import re

import numpy as np

try:
    from scipy.special import erf as _erf
except ImportError:  # pragma: no cover
    _erf = np.vectorize(math.erf)


class Unsupported(Exception):
    """An op (or variant) this model does not evaluate."""


#===-----------------------------------------------------------------------===#
# Parsing
#===-----------------------------------------------------------------------===#

DTYPES = {"f16": np.float16, "f32": np.float32, "f64": np.float64,
          "bf16": np.float32, "i1": np.bool_, "i8": np.int8, "i16": np.int16,
          "i32": np.int32, "i64": np.int64, "ui8": np.uint8, "ui16": np.uint16,
          "ui32": np.uint32, "ui64": np.uint64}


def parse_type(text):
    """tensor<2x?x3xf32> -> (shape with None for ?, element type name)."""
    m = re.fullmatch(r"\s*tensor<(.*)>\s*", text)
    if not m:
        raise Unsupported(f"type {text}")
    parts = m.group(1).split("x")
    elem = parts[-1]
    shape = [None if d == "?" else int(d) for d in parts[:-1]]
    return shape, elem


def split_top(text, sep=","):
    """Splits at `sep` outside brackets and quotes."""
    parts, depth, quote, start = [], 0, False, 0
    for i, c in enumerate(text):
        if c == '"':
            quote = not quote
        elif not quote:
            if c in "<[({":
                depth += 1
            elif c in ">])}":
                depth -= 1
            elif c == sep and depth == 0:
                parts.append(text[start:i])
                start = i + 1
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


def bits_to_float(bits, elem):
    if elem == "f32":
        return np.array([bits], np.uint32).view(np.float32)[0]
    if elem == "f16":
        return np.array([bits], np.uint16).view(np.float16)[0]
    if elem == "f64":
        return np.array([bits], np.uint64).view(np.float64)[0]
    if elem == "bf16":
        return np.array([bits << 16], np.uint32).view(np.float32)[0]
    raise Unsupported(f"hex float of {elem}")


def parse_dense(body, type_text, resources):
    shape, elem = parse_type(type_text)
    dtype = DTYPES[elem]
    if body.startswith('"0x'):
        raise Unsupported("hex dense literal")
    hexes = {}

    def keep_hex(m):
        key = f"__hex{len(hexes)}"
        hexes[key] = int(m.group(0), 16)
        return f"'{key}'"

    text = re.sub(r"0x[0-9A-Fa-f]+", keep_hex, body)
    text = text.replace("true", "True").replace("false", "False")
    value = ast.literal_eval(text)

    def convert(v):
        if isinstance(v, list):
            return [convert(x) for x in v]
        if isinstance(v, str):
            bits = hexes[v]
            return bits_to_float(bits, elem) if elem.startswith(("f", "bf")) else bits
        return v

    array = np.array(convert(value), dtype=dtype)
    if array.ndim == 0 and shape:
        array = np.full(shape, array, dtype=dtype)
    return array.reshape(shape)


def parse_resource(name, type_text, resources):
    shape, elem = parse_type(type_text)
    data = bytes.fromhex(resources[name][2:])[4:]  # drop the alignment word
    if elem == "bf16":
        bits = np.frombuffer(data, np.uint16).astype(np.uint32) << 16
        return bits.view(np.float32).reshape(shape)
    if elem == "i1":
        return np.frombuffer(data, np.uint8).astype(np.bool_).reshape(shape)
    return np.frombuffer(data, DTYPES[elem]).reshape(shape).copy()


def parse_attr(text, resources):
    text = text.strip()
    if m := re.fullmatch(r"array<(i64|f64|i32)(?::(.*))?>", text, re.S):
        kind, body = m.group(1), m.group(2) or ""
        values = [v.strip() for v in body.split(",") if v.strip()]
        return [float(v) if kind == "f64" else int(v) for v in values]
    if m := re.fullmatch(r"dense<(.*)> : (tensor<.*>)", text, re.S):
        return parse_dense(m.group(1), m.group(2), resources)
    if m := re.fullmatch(r"dense_resource<(.*)> : (tensor<.*>)", text, re.S):
        return parse_resource(m.group(1), m.group(2), resources)
    if m := re.fullmatch(r"#tl<\w+ (\w+)>", text):
        return m.group(1)
    if text in ("true", "false"):
        return text == "true"
    if m := re.fullmatch(r"(.*) : (i64|f64|i32|f32)", text):
        return float(m.group(1)) if m.group(2).startswith("f") else int(m.group(1))
    return text


def parse_dict(text, resources):
    result = {}
    for entry in split_top(text):
        key, value = entry.split("=", 1)
        result[key.strip()] = parse_attr(value, resources)
    return result


OP_LINE = re.compile(
    r'^\s*(?:(%[\w]+)(?::(\d+))? = )?"([\w.]+)"\((.*?)\)\s*'
    r'(?:<\{(.*)\}>)?\s*(?:\{(.*)\})?\s*:\s*\((.*)\)\s*->\s*(.*)$')


class Module:
    def __init__(self, text):
        resources = dict(re.findall(r'^\s*([\w.]+): "(0x[0-9A-Fa-f]*)"', text, re.M))
        self.args, self.arg_types, self.ops, self.results = [], [], [], []
        for line in text.splitlines():
            if m := re.match(r"\s*\^bb0\((.*)\):", line):
                args = [a.split(":", 1) for a in split_top(m.group(1))]
                self.args = [name.strip() for name, _ in args]
                self.arg_types = [parse_type(type_) for _, type_ in args]
                continue
            m = OP_LINE.match(line)
            if not m:
                continue
            name, count, opname, operands, props, attrs, _, result_types = m.groups()
            operands = [o.strip() for o in operands.split(",") if o.strip()]
            if opname == "func.return":
                self.results = operands
                continue
            if not opname.startswith("tl."):
                continue
            attributes = parse_dict(props, resources) if props else {}
            if attrs:
                attributes.update(parse_dict(attrs, resources))
            types = [parse_type(t) for t in split_top(result_types.strip("()"))]
            self.ops.append((name, int(count or 1), opname[3:], operands,
                             attributes, types))

    def run(self, inputs):
        """Evaluates the function; bf16 values are float32 arrays rounded to
        bf16 (inputs may also be given as uint16 bit patterns)."""
        inputs = [bf16_from_bits(x) if t[1] == "bf16" and x.dtype == np.uint16
                  else x for x, t in zip(inputs, self.arg_types)]
        env = dict(zip(self.args, inputs))

        def get(operand):
            if "#" in operand:
                base, index = operand.split("#")
                return env[base][int(index)]
            return env[operand]

        for name, count, op, operands, attrs, types in self.ops:
            fn = OPS.get(op)
            if fn is None:
                raise Unsupported(f"tl.{op}")
            values = fn([get(o) for o in operands], attrs, types)
            env[name] = values
        return [np.asarray(get(r)) for r in self.results]


#===-----------------------------------------------------------------------===#
# Op semantics
#===-----------------------------------------------------------------------===#

def out_dtype(types, i=0):
    return DTYPES[types[i][1]]


def bf16_from_bits(bits):
    return (bits.astype(np.uint32) << 16).view(np.float32)


def bf16_bits(values):
    """float32 -> bfloat16 bit patterns, rounding to nearest even."""
    bits = np.asarray(values, np.float32).view(np.uint32).astype(np.uint64)
    rounded = (bits + 0x7FFF + ((bits >> 16) & 1)) >> 16
    return rounded.astype(np.uint16)


def unary(fn):
    return lambda v, a, t: np.asarray(fn(v[0])).astype(out_dtype(t))


def binary(fn):
    return lambda v, a, t: np.asarray(fn(v[0], v[1])).astype(out_dtype(t))


def int_div(x, y):
    if np.issubdtype(x.dtype, np.integer):
        q = np.abs(x) // np.abs(y)
        return np.where((x < 0) != (y < 0), -q, q)
    return x / y


def mod(v, a, t):
    x, y = v
    if a.get("fmod", False):
        return np.fmod(x, y).astype(out_dtype(t))
    return np.mod(x, y).astype(out_dtype(t))


def cast(v, a, t):
    x, dtype = v[0], out_dtype(t)
    if t[0][1] == "bf16":
        return bf16_from_bits(bf16_bits(x.astype(np.float32)))
    if dtype == np.bool_:
        return x != 0
    if np.issubdtype(dtype, np.integer) and np.issubdtype(x.dtype, np.floating):
        return np.trunc(x).astype(dtype)
    return x.astype(dtype)


def clip(v, a, t):
    x = v[0]
    if "min" in a:
        x = np.maximum(x, np.asarray(a["min"]).astype(x.dtype))
    if "max" in a:
        x = np.minimum(x, np.asarray(a["max"]).astype(x.dtype))
    return x


def norm_axis(axis, rank):
    return axis + rank if axis < 0 else axis


def reduce(fn):
    def apply(v, a, t):
        x = v[0]
        axes = tuple(norm_axis(ax, x.ndim) for ax in a["axes"]) if "axes" in a \
            else tuple(range(x.ndim))
        keep = a.get("keepdims", True)
        return np.asarray(fn(x, axis=axes, keepdims=keep)).astype(out_dtype(t))
    return apply


def arg_reduce(fn):
    def apply(v, a, t):
        x = v[0]
        axis = norm_axis(a.get("axis", 0), x.ndim)
        if a.get("select_last_index", False):
            flipped = np.flip(x, axis)
            index = x.shape[axis] - 1 - fn(flipped, axis=axis)
        else:
            index = fn(x, axis=axis)
        if a.get("keepdims", True):
            index = np.expand_dims(index, axis)
        return index.astype(np.int64)
    return apply


def softmax(log):
    def apply(v, a, t):
        x = v[0].astype(np.float64)
        axis = a.get("axis", -1)
        shifted = x - np.max(x, axis=axis, keepdims=True)
        e = np.exp(shifted)
        s = np.sum(e, axis=axis, keepdims=True)
        y = shifted - np.log(s) if log else e / s
        return y.astype(out_dtype(t))
    return apply


def window_positions(size, kernel, stride, pad_begin, pad_end, dilation, ceil):
    span = size + pad_begin + pad_end - dilation * (kernel - 1) - 1
    out = (-(-span // stride) if ceil else span // stride) + 1
    if ceil and (out - 1) * stride >= size + pad_begin:
        out -= 1
    return out


def pool(kind):
    def apply(v, a, t):
        x = v[0].astype(np.float64)
        kernel = a["kernel_shape"]
        n = len(kernel)
        strides = a.get("strides", [1] * n)
        pads = a.get("pads", [0] * (2 * n))
        dilations = a.get("dilations", [1] * n)
        ceil = a.get("ceil_mode", False)
        include = a.get("count_include_pad", False)
        outs = [window_positions(x.shape[2 + i], kernel[i], strides[i], pads[i],
                                 pads[i + n], dilations[i], ceil) for i in range(n)]
        y = np.zeros(x.shape[:2] + tuple(outs))
        for index in np.ndindex(*outs):
            ranges, inside = [], True
            count_padded = 1
            for i, o in enumerate(index):
                start = o * strides[i] - pads[i]
                positions = [start + k * dilations[i] for k in range(kernel[i])]
                valid = [p for p in positions if 0 <= p < x.shape[2 + i]]
                padded = [p for p in positions if -pads[i] <= p < x.shape[2 + i] + pads[i + n]]
                count_padded *= len(padded)
                ranges.append(valid)
            window = x[(slice(None), slice(None)) + np.ix_(*ranges)] if all(ranges) else None
            if kind == "max":
                y[(...,) + index] = window.reshape(x.shape[:2] + (-1,)).max(-1)
            else:
                total = window.reshape(x.shape[:2] + (-1,)).sum(-1) if window is not None else 0
                count = count_padded if include else window[0, 0].size
                y[(...,) + index] = total / count
        return y.astype(out_dtype(t))
    return apply


def conv(v, a, t):
    x, w = v[0].astype(np.float64), v[1].astype(np.float64)
    bias = v[2] if len(v) > 2 else None
    n = x.ndim - 2
    strides = a.get("strides", [1] * n)
    pads = a.get("pads", [0] * (2 * n))
    dilations = a.get("dilations", [1] * n)
    group = a.get("group", 1)
    x = np.pad(x, [(0, 0), (0, 0)] + [(pads[i], pads[i + n]) for i in range(n)])
    kernel = w.shape[2:]
    outs = [(x.shape[2 + i] - dilations[i] * (kernel[i] - 1) - 1) // strides[i] + 1
            for i in range(n)]
    cin = x.shape[1] // group
    cout = w.shape[0] // group
    y = np.zeros((x.shape[0], w.shape[0]) + tuple(outs))
    for g in range(group):
        xg = x[:, g * cin:(g + 1) * cin]
        wg = w[g * cout:(g + 1) * cout]
        for k in np.ndindex(*kernel):
            sl = tuple(slice(k[i] * dilations[i],
                             k[i] * dilations[i] + (outs[i] - 1) * strides[i] + 1,
                             strides[i]) for i in range(n))
            patch = xg[(slice(None), slice(None)) + sl]
            y[:, g * cout:(g + 1) * cout] += np.einsum(
                "nc...,fc->nf...", patch, wg[(slice(None), slice(None)) + k])
    if bias is not None:
        y += bias.reshape((1, -1) + (1,) * n)
    return y.astype(out_dtype(t))


def conv_transpose(v, a, t):
    x, w = v[0].astype(np.float64), v[1].astype(np.float64)
    bias = v[2] if len(v) > 2 else None
    n = x.ndim - 2
    strides = a.get("strides", [1] * n)
    pads = a.get("pads", [0] * (2 * n))
    dilations = a.get("dilations", [1] * n)
    outpad = a.get("output_padding", [0] * n)
    group = a.get("group", 1)
    kernel = w.shape[2:]
    cin = x.shape[1] // group
    cout = w.shape[1]
    full = [strides[i] * (x.shape[2 + i] - 1) + dilations[i] * (kernel[i] - 1) + 1
            + outpad[i] for i in range(n)]
    y = np.zeros((x.shape[0], cout * group) + tuple(full))
    for g in range(group):
        xg = x[:, g * cin:(g + 1) * cin]
        wg = w[g * cin:(g + 1) * cin]
        for k in np.ndindex(*kernel):
            sl = tuple(slice(k[i] * dilations[i],
                             k[i] * dilations[i] + (x.shape[2 + i] - 1) * strides[i] + 1,
                             strides[i]) for i in range(n))
            y[(slice(None), slice(g * cout, (g + 1) * cout)) + sl] += np.einsum(
                "nc...,cf->nf...", xg, wg[(slice(None), slice(None)) + k])
    crop = tuple(slice(pads[i], full[i] - pads[i + n]) for i in range(n))
    y = y[(slice(None), slice(None)) + crop]
    if bias is not None:
        y += bias.reshape((1, -1) + (1,) * n)
    return y.astype(out_dtype(t))


def dense(v, a, t):
    y = np.matmul(v[0].astype(np.float64), v[1].astype(np.float64))
    if len(v) > 2:
        y = y + v[2]
    return y.astype(out_dtype(t))


def batch_norm(v, a, t):
    x, scale, bias, mean, var = (u.astype(np.float64) for u in v)
    shape = (1, -1) + (1,) * (x.ndim - 2)
    eps = a.get("epsilon", 1e-5)
    y = (x - mean.reshape(shape)) / np.sqrt(var.reshape(shape) + eps)
    return (y * scale.reshape(shape) + bias.reshape(shape)).astype(out_dtype(t))


def instance_norm(v, a, t):
    x, scale, bias = (u.astype(np.float64) for u in v)
    axes = tuple(range(2, x.ndim))
    mean = x.mean(axis=axes, keepdims=True)
    var = x.var(axis=axes, keepdims=True)
    shape = (1, -1) + (1,) * (x.ndim - 2)
    y = (x - mean) / np.sqrt(var + a.get("epsilon", 1e-5))
    return (y * scale.reshape(shape) + bias.reshape(shape)).astype(out_dtype(t))


def layer_norm(v, a, t):
    x = v[0].astype(np.float64)
    axis = norm_axis(a.get("axis", -1), x.ndim)
    axes = tuple(range(axis, x.ndim))
    mean = x.mean(axis=axes, keepdims=True)
    var = x.var(axis=axes, keepdims=True)
    y = (x - mean) / np.sqrt(var + a.get("epsilon", 1e-5))
    # Operands: input, then the optional scale and bias in order.
    if len(v) > 1:
        y = y * v[1]
    if len(v) > 2:
        y = y + v[2]
    return y.astype(out_dtype(t))


def reshape(v, a, t):
    x = v[0]
    shape = [x.shape[i] if s == 0 else s for i, s in enumerate(a["new_shape"])]
    return x.reshape(shape)


def flatten(v, a, t):
    x = v[0]
    axis = norm_axis(a.get("axis", 1), x.ndim)
    return x.reshape(int(np.prod(x.shape[:axis])), -1) if x.size else \
        x.reshape(int(np.prod(x.shape[:axis])), int(np.prod(x.shape[axis:])))


def squeeze(v, a, t):
    x = v[0]
    axes = tuple(norm_axis(ax, x.ndim) for ax in a["axes"]) if "axes" in a \
        else tuple(i for i, d in enumerate(x.shape) if d == 1)
    return np.squeeze(x, axis=axes)


def unsqueeze(v, a, t):
    x = v[0]
    rank = x.ndim + len(a["axes"])
    return np.expand_dims(x, tuple(norm_axis(ax, rank) for ax in a["axes"]))


def slice_op(v, a, t):
    x = v[0]
    starts, ends = a["starts"], a["ends"]
    axes = a.get("axes", list(range(len(starts))))
    steps = a.get("steps", [1] * len(starts))
    index = [slice(None)] * x.ndim
    for start, end, axis, step in zip(starts, ends, axes, steps):
        axis = norm_axis(axis, x.ndim)
        size = x.shape[axis]
        start = start + size if start < 0 else start
        end = end + size if end < 0 else end
        if step > 0:
            start, end = min(max(start, 0), size), min(max(end, 0), size)
        else:
            start, end = min(max(start, -1), size - 1), min(max(end, -1), size - 1)
        index[axis] = np.arange(start, end, step, dtype=np.int64)
    for axis, idx in enumerate(index):
        if isinstance(idx, np.ndarray):
            x = np.take(x, idx, axis=axis)
    return x


def pad(v, a, t):
    x = v[0]
    pads = a["pads"]
    n = x.ndim
    # Negative pads crop first.
    crop = tuple(slice(max(-pads[i], 0), x.shape[i] - max(-pads[i + n], 0))
                 for i in range(n))
    x = x[crop]
    widths = [(max(pads[i], 0), max(pads[i + n], 0)) for i in range(n)]
    mode = a.get("mode", "constant")
    if mode == "constant":
        return np.pad(x, widths, constant_values=np.asarray(a.get("value", 0.0)).astype(x.dtype))
    return np.pad(x, widths, mode={"reflect": "reflect", "edge": "edge"}[mode])


def split(v, a, t):
    x = v[0]
    axis = norm_axis(a["axis"], x.ndim)
    bounds = np.cumsum(a["sizes"])[:-1]
    return np.split(x, bounds, axis=axis)


def depth_to_space(v, a, t):
    x, b = v[0], a["blocksize"]
    n, c, h, w = x.shape
    if a.get("mode", "DCR") == "DCR":
        y = x.reshape(n, b, b, c // (b * b), h, w).transpose(0, 3, 4, 1, 5, 2)
    else:
        y = x.reshape(n, c // (b * b), b, b, h, w).transpose(0, 1, 4, 2, 5, 3)
    return y.reshape(n, c // (b * b), h * b, w * b)


def space_to_depth(v, a, t):
    x, b = v[0], a["blocksize"]
    n, c, h, w = x.shape
    y = x.reshape(n, c, h // b, b, w // b, b).transpose(0, 3, 5, 1, 2, 4)
    return y.reshape(n, c * b * b, h // b, w // b)


def resize(v, a, t):
    x = v[0].astype(np.float64)
    out_shape = t[0][0]
    if "scales" in a:
        scales = a["scales"]
        out_shape = [int(math.floor(d * s)) for d, s in zip(x.shape, scales)]
    else:
        out_shape = a["sizes"]
        scales = [o / d for o, d in zip(out_shape, x.shape)]
    transform = a.get("coordinate_transform", "half_pixel")
    nearest = a.get("nearest_mode", "round_prefer_floor")
    linear = a.get("mode", "nearest") == "linear"
    for axis in range(x.ndim):
        size, out, scale = x.shape[axis], out_shape[axis], scales[axis]
        if size == out and scale == 1.0:
            continue
        o = np.arange(out, dtype=np.float64)
        if transform == "half_pixel":
            coord = (o + 0.5) / scale - 0.5
        elif transform == "pytorch_half_pixel":
            coord = (o + 0.5) / scale - 0.5 if out > 1 else np.zeros(out)
        elif transform == "align_corners":
            # ONNX: the resized length is size * scale, not rounded.
            length = size * scale
            coord = o * (size - 1) / (length - 1) if length > 1 else np.zeros(out)
        else:
            coord = o / scale
        if linear:
            coord = np.clip(coord, 0, size - 1)
            lo = np.floor(coord).astype(np.int64)
            hi = np.minimum(lo + 1, size - 1)
            weight = (coord - lo).reshape([-1 if i == axis else 1 for i in range(x.ndim)])
            x = np.take(x, lo, axis) * (1 - weight) + np.take(x, hi, axis) * weight
        else:
            frac = coord - np.floor(coord)
            if nearest == "round_prefer_floor":
                index = np.where(frac == 0.5, np.floor(coord), np.round(coord))
            elif nearest == "round_prefer_ceil":
                index = np.where(frac == 0.5, np.ceil(coord), np.round(coord))
            elif nearest == "floor":
                index = np.floor(coord)
            else:
                index = np.ceil(coord)
            x = np.take(x, np.clip(index, 0, size - 1).astype(np.int64), axis)
    return x.astype(out_dtype(t))


def gelu(v, a, t):
    x = v[0].astype(np.float64)
    if a.get("approximate", "none") == "tanh":
        y = 0.5 * x * (1 + np.tanh(math.sqrt(2 / math.pi) * (x + 0.044715 * x ** 3)))
    else:
        y = 0.5 * x * (1 + _erf(x / math.sqrt(2)))
    return y.astype(out_dtype(t))


def softplus(x):
    return np.logaddexp(0, x)


OPS = {
    "constant": lambda v, a, t: a["value"],
    "identity": lambda v, a, t: v[0],
    "dropout": lambda v, a, t: v[0],
    "abs": unary(np.abs), "neg": unary(np.negative), "sign": unary(np.sign),
    "exp": unary(np.exp), "log": unary(np.log), "sqrt": unary(np.sqrt),
    "rsqrt": unary(lambda x: 1 / np.sqrt(x)),
    "reciprocal": unary(lambda x: 1 / x), "floor": unary(np.floor),
    "ceil": unary(np.ceil), "round": unary(np.round), "sin": unary(np.sin),
    "cos": unary(np.cos), "tan": unary(np.tan), "asin": unary(np.arcsin),
    "acos": unary(np.arccos), "atan": unary(np.arctan), "sinh": unary(np.sinh),
    "cosh": unary(np.cosh), "asinh": unary(np.arcsinh),
    "acosh": unary(np.arccosh), "atanh": unary(np.arctanh), "erf": unary(_erf),
    "not": unary(np.logical_not), "is_nan": unary(np.isnan),
    "is_inf": lambda v, a, t: (np.isposinf(v[0]) & a.get("detect_positive", True))
    | (np.isneginf(v[0]) & a.get("detect_negative", True)),
    "relu": unary(lambda x: np.maximum(x, 0)),
    "sigmoid": unary(lambda x: 1 / (1 + np.exp(-x.astype(np.float64)))),
    "tanh": unary(np.tanh),
    "hard_swish": unary(lambda x: x * np.clip(x / 6 + 0.5, 0, 1)),
    "silu": unary(lambda x: x / (1 + np.exp(-x))),
    "softplus": unary(softplus),
    "softsign": unary(lambda x: x / (1 + np.abs(x))),
    "mish": unary(lambda x: x * np.tanh(softplus(x))),
    "gelu": gelu,
    "leaky_relu": lambda v, a, t: np.where(v[0] < 0, a.get("alpha", 0.01) * v[0], v[0]).astype(out_dtype(t)),
    "elu": lambda v, a, t: np.where(v[0] < 0, a.get("alpha", 1.0) * (np.exp(v[0]) - 1), v[0]).astype(out_dtype(t)),
    "selu": lambda v, a, t: (a.get("gamma", 1.05070102214813232421875) * np.where(
        v[0] < 0, a.get("alpha", 1.67326319217681884765625) * (np.exp(v[0]) - 1), v[0])).astype(out_dtype(t)),
    "celu": lambda v, a, t: (np.maximum(0, v[0]) + np.minimum(
        0, a.get("alpha", 1.0) * (np.exp(v[0] / a.get("alpha", 1.0)) - 1))).astype(out_dtype(t)),
    "hard_sigmoid": lambda v, a, t: np.clip(a.get("alpha", 0.2) * v[0] + a.get("beta", 0.5), 0, 1).astype(out_dtype(t)),
    "clip": clip, "cast": cast,
    "add": binary(np.add), "sub": binary(np.subtract), "mul": binary(np.multiply),
    "div": binary(int_div), "pow": binary(np.power),
    "max": binary(np.maximum), "min": binary(np.minimum), "mod": mod,
    "prelu": lambda v, a, t: np.where(v[0] < 0, v[1] * v[0], v[0]).astype(out_dtype(t)),
    "and": binary(np.logical_and), "or": binary(np.logical_or),
    "xor": binary(np.logical_xor), "equal": binary(np.equal),
    "less": binary(np.less), "less_equal": binary(np.less_equal),
    "greater": binary(np.greater), "greater_equal": binary(np.greater_equal),
    "select": lambda v, a, t: np.where(v[0], v[1], v[2]).astype(out_dtype(t)),
    "dense": dense,
    "matmul": lambda v, a, t: np.matmul(v[0], v[1]).astype(out_dtype(t)),
    "conv": conv, "conv_transpose": conv_transpose,
    "max_pool": pool("max"), "avg_pool": pool("avg"),
    "global_avg_pool": lambda v, a, t: v[0].mean(axis=tuple(range(2, v[0].ndim)), keepdims=True),
    "global_max_pool": lambda v, a, t: v[0].max(axis=tuple(range(2, v[0].ndim)), keepdims=True),
    "batch_norm": batch_norm, "instance_norm": instance_norm,
    "layer_norm": layer_norm,
    "softmax": softmax(False), "log_softmax": softmax(True),
    "reduce_sum": reduce(np.sum), "reduce_mean": reduce(np.mean),
    "reduce_max": reduce(np.max), "reduce_min": reduce(np.min),
    "reduce_prod": reduce(np.prod),
    "argmax": arg_reduce(np.argmax), "argmin": arg_reduce(np.argmin),
    "reshape": reshape, "flatten": flatten, "squeeze": squeeze,
    "unsqueeze": unsqueeze,
    "transpose": lambda v, a, t: np.transpose(v[0], a.get("perm")),
    "concat": lambda v, a, t: np.concatenate(v, axis=a["axis"]),
    "split": split, "slice": slice_op, "pad": pad,
    "gather": lambda v, a, t: np.take(v[0], v[1], axis=a.get("axis", 0)),
    "expand": lambda v, a, t: np.broadcast_to(
        v[0], np.broadcast_shapes(v[0].shape, tuple(a["shape"]))).copy(),
    "tile": lambda v, a, t: np.tile(v[0], a["repeats"]),
    "depth_to_space": depth_to_space, "space_to_depth": space_to_depth,
    "resize": resize,
}


def main(argv=None):
    import argparse
    parser = argparse.ArgumentParser(description="numpy model of tl")
    parser.add_argument("module")
    parser.add_argument("--inputs", nargs="*", default=[])
    parser.add_argument("--expect", nargs="*", default=[])
    parser.add_argument("--rtol", type=float, default=1e-4)
    parser.add_argument("--atol", type=float, default=1e-5)
    args = parser.parse_args(argv)
    with open(args.module) as f:
        module = Module(f.read())
    with np.errstate(all="ignore"):
        results = module.run([np.load(path) for path in args.inputs])
    status = 0
    for index, path in enumerate(args.expect):
        expected = np.load(path)
        actual = results[index]
        if actual.shape != expected.shape:
            print(f"result {index}: shape {actual.shape} != {expected.shape}")
            status = 1
            continue
        error = np.max(np.abs(actual.astype(np.float64) - expected)) \
            if expected.size else 0.0
        close = np.allclose(actual, expected, rtol=args.rtol, atol=args.atol)
        print(f"result {index}: shape {actual.shape}, max abs error {error:.3g}"
              f" ({'ok' if close else 'MISMATCH'})")
        status |= not close
    return status


if __name__ == "__main__":
    import sys
    sys.exit(main())
