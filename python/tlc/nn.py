"""A TensorLayer-style layer API that builds tl-dialect models.

    import numpy as np, tlc
    from tlc import nn

    x = nn.Input([None, 784], name="image")
    h = nn.Dense(256, act="relu", in_channels=784)(x)
    y = nn.Dense(10, in_channels=256)(h)
    model = nn.Model(inputs=x, outputs=nn.Softmax()(y))
    compiled = tlc.compile(model)
    probs, = compiled.run(np.random.rand(4, 784).astype(np.float32))

Layers follow TensorLayer's names and conventions: `channels_last` data by
default (convolutions then transpose to the tl dialect's channels-first ops
and back; pass `data_format="channels_first"` to avoid that), convolution
weights `[k..., in, out]`, Dense weights `[in, out]`. Weights are numpy arrays
(`layer.weights`), initialized from a seeded generator or set by assignment;
`Model.to_mlir()` embeds them as `dense_resource` blobs.
"""

import math
from typing import Dict, List, Optional, Sequence, Tuple, Union

import numpy as np

Shape = Tuple[Optional[int], ...]

_MLIR_TYPES = {
    np.dtype(np.float32): "f32", np.dtype(np.float64): "f64",
    np.dtype(np.float16): "f16", np.dtype(np.int64): "i64",
    np.dtype(np.int32): "i32", np.dtype(np.int8): "i8",
    np.dtype(np.uint8): "ui8", np.dtype(np.bool_): "i1",
}


def _tensor_type(shape: Shape, dtype) -> str:
    dims = "".join(("?" if d is None else str(d)) + "x" for d in shape)
    return f"tensor<{dims}{_MLIR_TYPES[np.dtype(dtype)]}>"


def _float(value) -> str:
    """An MLIR float literal (MLIR requires a '.' before any exponent)."""
    text = repr(float(value))
    mantissa, _, exponent = text.partition("e")
    if "." not in mantissa:
        mantissa += ".0"
    return mantissa + ("e" + exponent if exponent else "")


def _array(values, kind="i64") -> str:
    return f"array<{kind}: {', '.join(str(v) for v in values)}>"


class Tensor:
    """A symbolic tensor: an output of an `Input` or a layer."""

    def __init__(self, shape: Shape, dtype, layer: "Layer", inputs: List["Tensor"]):
        self.shape = tuple(shape)
        self.dtype = np.dtype(dtype)
        self.layer = layer
        self.inputs = inputs

    def __repr__(self):
        return f"Tensor(shape={list(self.shape)}, dtype={self.dtype}, " \
               f"from={self.layer.name})"


class _Emitter:
    """Writes the body of the model function, one tl op per line."""

    def __init__(self):
        self.lines: List[str] = []
        self.blobs: Dict[str, np.ndarray] = {}
        self.count = 0

    def fresh(self) -> str:
        self.count += 1
        return f"%v{self.count}"

    def op(self, text: str, operands: Sequence[Tuple[str, str]], result_type: str,
           attrs: str = "", unary: bool = False) -> str:
        """Emits `%r = tl.<text> operands {attrs} : types` and returns %r."""
        name = self.fresh()
        names = ", ".join(v for v, _ in operands)
        attr_text = f" {{{attrs}}}" if attrs else ""
        if unary:
            self.lines.append(f"{name} = tl.{text} {names}{attr_text} : {result_type}")
        else:
            types = ", ".join(t for _, t in operands)
            self.lines.append(f"{name} = tl.{text} {names}{attr_text} : "
                              f"({types}) -> {result_type}")
        return name

    def constant(self, key: str, array: np.ndarray) -> Tuple[str, str]:
        array = np.ascontiguousarray(array)
        blob = key.replace(".", "_").replace("/", "_")
        while blob in self.blobs:
            blob += "_"
        self.blobs[blob] = array
        name = self.fresh()
        type_ = _tensor_type(array.shape, array.dtype)
        self.lines.append(f"{name} = tl.constant dense_resource<{blob}> : {type_}")
        return name, type_

    def resources(self) -> str:
        if not self.blobs:
            return ""
        entries = []
        for key, array in self.blobs.items():
            # Blob text: "0x" + little-endian u32 alignment + raw bytes.
            align = max(array.dtype.itemsize, 1).to_bytes(4, "little").hex()
            entries.append(f'      {key}: "0x{align}{array.tobytes().hex()}"')
        return ("\n{-#\n  dialect_resources: {\n    builtin: {\n" + ",\n".join(entries)
                + "\n    }\n  }\n#-}\n")


class Layer:
    """Base of all layers: call it on tensors to add it to a model."""

    _counts: Dict[str, int] = {}

    def __init__(self, name: Optional[str] = None):
        kind = type(self).__name__.lower()
        if name is None:
            n = Layer._counts.get(kind, 0)
            Layer._counts[kind] = n + 1
            name = f"{kind}_{n}"
        self.name = name
        self.weights: Dict[str, np.ndarray] = {}

    def __call__(self, *inputs: Tensor) -> Tensor:
        for t in inputs:
            if not isinstance(t, Tensor):
                raise TypeError(f"{self.name}: inputs must be tlc.nn tensors, got {type(t)}")
        shape, dtype = self.infer(*inputs)
        return Tensor(shape, dtype, self, list(inputs))

    def infer(self, *inputs: Tensor) -> Tuple[Shape, np.dtype]:
        raise NotImplementedError

    def emit(self, e: _Emitter, values: List[Tuple[str, str]], out: Tensor) -> str:
        raise NotImplementedError

    def _error(self, message: str) -> ValueError:
        return ValueError(f"{self.name}: {message}")


class Input(Tensor):
    """A model input; `None` marks a dynamic dimension (e.g. the batch)."""

    def __init__(self, shape: Sequence[Optional[int]], dtype=np.float32,
                 name: Optional[str] = None):
        layer = Layer(name or None)
        super().__init__(tuple(shape), dtype, layer, [])
        self.name = layer.name


# ---------------------------------------------------------------------------
# Activations

_ACTIVATIONS = {
    "relu": ("relu", ""), "relu6": ("clip", "max = 6.0 : f64, min = 0.0 : f64"),
    "sigmoid": ("sigmoid", ""), "tanh": ("tanh", ""), "gelu": ("gelu", ""),
    "silu": ("silu", ""), "swish": ("silu", ""), "softplus": ("softplus", ""),
    "hard_swish": ("hard_swish", ""), "elu": ("elu", ""), "selu": ("selu", ""),
    "leaky_relu": ("leaky_relu", "alpha = 0.2 : f64"),
    "softmax": ("softmax", ""), "log_softmax": ("log_softmax", ""),
}


def _emit_act(e: _Emitter, act: Optional[str], value: str, type_: str) -> str:
    if act is None:
        return value
    if act not in _ACTIVATIONS:
        raise ValueError(f"unknown activation '{act}'; one of {sorted(_ACTIVATIONS)}")
    op, attrs = _ACTIVATIONS[act]
    return e.op(op, [(value, type_)], type_, attrs, unary=True)


class Activation(Layer):
    """An activation by name: relu, relu6, sigmoid, tanh, gelu, silu, ..."""

    def __init__(self, act: str, name: Optional[str] = None):
        super().__init__(name)
        if act not in _ACTIVATIONS:
            raise self._error(f"unknown activation '{act}'")
        self.act = act

    def infer(self, x):
        return x.shape, x.dtype

    def emit(self, e, values, out):
        return _emit_act(e, self.act, *values[0])


class Softmax(Activation):
    def __init__(self, axis: int = -1, name: Optional[str] = None):
        super().__init__("softmax", name)
        self.axis = axis

    def emit(self, e, values, out):
        return e.op("softmax", values, values[0][1], f"axis = {self.axis} : i64", unary=True)


# ---------------------------------------------------------------------------
# Weight initialization (TensorLayer's defaults)

def _truncated_normal(rng, shape, stddev=0.05):
    values = rng.normal(0.0, stddev, size=shape)
    while True:
        bad = np.abs(values) > 2 * stddev
        if not bad.any():
            return values.astype(np.float32)
        values[bad] = rng.normal(0.0, stddev, size=int(bad.sum()))


_rng = np.random.default_rng(0)


def seed(value: int):
    """Seeds the generator that initializes new layers' weights."""
    global _rng
    _rng = np.random.default_rng(value)


# ---------------------------------------------------------------------------
# Linear layers

class Dense(Layer):
    """Fully connected: act(x @ W + b), W of shape [in_channels, n_units]."""

    def __init__(self, n_units: int, act: Optional[str] = None,
                 in_channels: Optional[int] = None, b_init: bool = True,
                 name: Optional[str] = None):
        super().__init__(name)
        self.n_units, self.act, self.in_channels, self.b_init = n_units, act, in_channels, b_init

    def infer(self, x):
        if x.shape[-1] is None:
            raise self._error("the last input dimension must be static")
        if self.in_channels not in (None, x.shape[-1]):
            raise self._error(f"in_channels={self.in_channels} but the input has "
                              f"{x.shape[-1]} features")
        if "W" not in self.weights:
            self.weights["W"] = _truncated_normal(_rng, (x.shape[-1], self.n_units))
            if self.b_init:
                self.weights["b"] = np.zeros(self.n_units, np.float32)
        return x.shape[:-1] + (self.n_units,), x.dtype

    def emit(self, e, values, out):
        type_ = _tensor_type(out.shape, out.dtype)
        operands = [values[0], e.constant(f"{self.name}.W", self.weights["W"])]
        if "b" in self.weights:
            operands.append(e.constant(f"{self.name}.b", self.weights["b"]))
        return _emit_act(e, self.act, e.op("dense", operands, type_), type_)


# ---------------------------------------------------------------------------
# Convolution and pooling

def _tuple(value, n, what):
    if isinstance(value, int):
        return (value,) * n
    value = tuple(value)
    if len(value) != n:
        raise ValueError(f"{what} needs {n} entries, got {value}")
    return value


def _window_pads(spatial, kernel, strides, dilations, padding, layer):
    """(begin pads, end pads) for TensorLayer/TensorFlow padding semantics."""
    if padding == "VALID":
        return [0] * len(kernel), [0] * len(kernel)
    if isinstance(padding, int):
        return [padding] * len(kernel), [padding] * len(kernel)
    if padding != "SAME":
        raise layer._error(f"padding must be 'SAME', 'VALID' or an int, got {padding!r}")
    begins, ends = [], []
    for d, k, s, dl in zip(spatial, kernel, strides, dilations):
        if d is None:
            raise layer._error("'SAME' padding needs static spatial sizes")
        out = -(-d // s)
        total = max((out - 1) * s + dl * (k - 1) + 1 - d, 0)
        begins.append(total // 2)
        ends.append(total - total // 2)
    return begins, ends


def _window_out(d, k, s, dl, pb, pe):
    return None if d is None else (d + pb + pe - dl * (k - 1) - 1) // s + 1


class _ChannelsFirst:
    """Moves channels_last data to channels-first around a tl op and back."""

    def __init__(self, data_format, rank):
        if data_format not in ("channels_last", "channels_first"):
            raise ValueError(f"data_format must be channels_last or channels_first, "
                             f"got {data_format!r}")
        self.last = data_format == "channels_last"
        self.rank = rank

    def spatial_and_channels(self, shape):
        return (shape[1:-1], shape[-1]) if self.last else (shape[2:], shape[1])

    def to_first(self, e, value, type_, shape, dtype):
        if not self.last:
            return value, type_, shape
        perm = [0, self.rank - 1] + list(range(1, self.rank - 1))
        shape = tuple(shape[p] for p in perm)
        new_type = _tensor_type(shape, dtype)
        return e.op("transpose", [(value, type_)], new_type,
                    f"perm = {_array(perm)}"), new_type, shape

    def from_first(self, e, value, type_, shape, dtype):
        if not self.last:
            return value
        perm = [0] + list(range(2, self.rank)) + [1]
        shape = tuple(shape[p] for p in perm)
        return e.op("transpose", [(value, type_)], _tensor_type(shape, dtype),
                    f"perm = {_array(perm)}")

    def output_shape(self, batch, channels, spatial):
        return (batch,) + tuple(spatial) + (channels,) if self.last else \
               (batch, channels) + tuple(spatial)


class _Conv(Layer):
    ndim = 2

    def __init__(self, n_filter, filter_size=3, strides=1, act=None, padding="SAME",
                 data_format="channels_last", dilation_rate=1, in_channels=None,
                 b_init=True, n_group=1, name=None):
        super().__init__(name)
        n = self.ndim
        self.n_filter, self.act, self.padding = n_filter, act, padding
        self.kernel = _tuple(filter_size, n, "filter_size")
        self.strides = _tuple(strides, n, "strides")
        self.dilations = _tuple(dilation_rate, n, "dilation_rate")
        self.layout = _ChannelsFirst(data_format, n + 2)
        self.in_channels, self.b_init, self.group = in_channels, b_init, n_group

    def infer(self, x):
        if len(x.shape) != self.ndim + 2:
            raise self._error(f"expects rank {self.ndim + 2} input, got {list(x.shape)}")
        spatial, channels = self.layout.spatial_and_channels(x.shape)
        if channels is None or channels % self.group or self.n_filter % self.group:
            raise self._error(f"channels {channels} and n_filter {self.n_filter} must be "
                              f"static and divisible by n_group {self.group}")
        if self.in_channels not in (None, channels):
            raise self._error(f"in_channels={self.in_channels}, input has {channels}")
        if "W" not in self.weights:
            self.weights["W"] = _truncated_normal(
                _rng, self.kernel + (channels // self.group, self.n_filter), 0.02)
            if self.b_init:
                self.weights["b"] = np.zeros(self.n_filter, np.float32)
        self.pads = _window_pads(spatial, self.kernel, self.strides, self.dilations,
                                 self.padding, self)
        out = [_window_out(d, k, s, dl, pb, pe) for d, k, s, dl, pb, pe in
               zip(spatial, self.kernel, self.strides, self.dilations, *self.pads)]
        return self.layout.output_shape(x.shape[0], self.n_filter, out), x.dtype

    def emit(self, e, values, out):
        (x, x_type), in_shape = values[0], self._input_shape
        x, x_type, _ = self.layout.to_first(e, x, x_type, in_shape, out.dtype)
        n = self.ndim
        # TensorLayer's [k..., in, out] -> tl's [out, in, k...].
        w = np.transpose(self.weights["W"], [n + 1, n] + list(range(n)))
        operands = [(x, x_type), e.constant(f"{self.name}.W", w)]
        if "b" in self.weights:
            operands.append(e.constant(f"{self.name}.b", self.weights["b"]))
        first_shape = (out.shape[0], self.n_filter) + tuple(
            self.layout.spatial_and_channels(out.shape)[0])
        type_ = _tensor_type(first_shape, out.dtype)
        attrs = (f"strides = {_array(self.strides)}, "
                 f"pads = {_array(self.pads[0] + self.pads[1])}, "
                 f"dilations = {_array(self.dilations)}, group = {self.group} : i64")
        y = _emit_act(e, self.act, e.op("conv", operands, type_, attrs), type_)
        return self.layout.from_first(e, y, type_, first_shape, out.dtype)


class Conv1d(_Conv):
    ndim = 1


class Conv2d(_Conv):
    ndim = 2


class Conv3d(_Conv):
    ndim = 3


class DepthwiseConv2d(Conv2d):
    """Depthwise 2-D convolution: one filter per input channel (x depth_multiplier)."""

    def __init__(self, filter_size=3, strides=1, act=None, padding="SAME",
                 data_format="channels_last", dilation_rate=1, depth_multiplier=1,
                 in_channels=None, b_init=True, name=None):
        super().__init__(None, filter_size, strides, act, padding, data_format,
                         dilation_rate, in_channels, b_init, 1, name)
        self.depth_multiplier = depth_multiplier

    def infer(self, x):
        _, channels = self.layout.spatial_and_channels(x.shape)
        self.group = channels
        self.n_filter = channels * self.depth_multiplier
        return super().infer(x)


class _Pool(Layer):
    ndim = 2
    op = "max_pool"

    def __init__(self, filter_size=2, strides=None, padding="SAME",
                 data_format="channels_last", name=None):
        super().__init__(name)
        self.kernel = _tuple(filter_size, self.ndim, "filter_size")
        self.strides = _tuple(strides if strides is not None else filter_size,
                              self.ndim, "strides")
        self.padding = padding
        self.layout = _ChannelsFirst(data_format, self.ndim + 2)

    def infer(self, x):
        if len(x.shape) != self.ndim + 2:
            raise self._error(f"expects rank {self.ndim + 2} input, got {list(x.shape)}")
        spatial, channels = self.layout.spatial_and_channels(x.shape)
        self.pads = _window_pads(spatial, self.kernel, self.strides,
                                 (1,) * self.ndim, self.padding, self)
        out = [_window_out(d, k, s, 1, pb, pe) for d, k, s, pb, pe in
               zip(spatial, self.kernel, self.strides, *self.pads)]
        return self.layout.output_shape(x.shape[0], channels, out), x.dtype

    def emit(self, e, values, out):
        (x, x_type), in_shape = values[0], self._input_shape
        x, x_type, _ = self.layout.to_first(e, x, x_type, in_shape, out.dtype)
        spatial, channels = self.layout.spatial_and_channels(out.shape)
        first_shape = (out.shape[0], channels) + tuple(spatial)
        type_ = _tensor_type(first_shape, out.dtype)
        attrs = (f"kernel_shape = {_array(self.kernel)}, strides = {_array(self.strides)}, "
                 f"pads = {_array(self.pads[0] + self.pads[1])}")
        y = e.op(self.op, [(x, x_type)], type_, attrs)
        return self.layout.from_first(e, y, type_, first_shape, out.dtype)


class MaxPool1d(_Pool):
    ndim, op = 1, "max_pool"


class MaxPool2d(_Pool):
    ndim, op = 2, "max_pool"


class MaxPool3d(_Pool):
    ndim, op = 3, "max_pool"


class MeanPool1d(_Pool):
    ndim, op = 1, "avg_pool"


class MeanPool2d(_Pool):
    ndim, op = 2, "avg_pool"


class MeanPool3d(_Pool):
    ndim, op = 3, "avg_pool"


class _GlobalPool(Layer):
    op = "global_avg_pool"

    def __init__(self, data_format="channels_last", name=None):
        super().__init__(name)
        self.data_format = data_format

    def infer(self, x):
        self.layout = _ChannelsFirst(self.data_format, len(x.shape))
        _, channels = self.layout.spatial_and_channels(x.shape)
        return (x.shape[0], channels), x.dtype

    def emit(self, e, values, out):
        (x, x_type), in_shape = values[0], self._input_shape
        x, x_type, first = self.layout.to_first(e, x, x_type, in_shape, out.dtype)
        pooled_shape = first[:2] + (1,) * (len(first) - 2)
        pooled_type = _tensor_type(pooled_shape, out.dtype)
        y = e.op(self.op, [(x, x_type)], pooled_type)
        return e.op("flatten", [(y, pooled_type)], _tensor_type(out.shape, out.dtype),
                    "axis = 1 : i64")


class GlobalMeanPool2d(_GlobalPool):
    op = "global_avg_pool"


class GlobalMaxPool2d(_GlobalPool):
    op = "global_max_pool"


# ---------------------------------------------------------------------------
# Normalization

class BatchNorm(Layer):
    """Batch normalization (inference): gamma * (x - mean) / sqrt(var + eps) + beta."""

    def __init__(self, epsilon=1e-5, act=None, data_format="channels_last",
                 num_features=None, name=None):
        super().__init__(name)
        self.epsilon, self.act, self.data_format = epsilon, act, data_format
        self.num_features = num_features

    def infer(self, x):
        self.layout = _ChannelsFirst(self.data_format, len(x.shape))
        _, channels = self.layout.spatial_and_channels(x.shape)
        if channels is None:
            raise self._error("the channel dimension must be static")
        for key, fill in (("gamma", 1), ("beta", 0), ("moving_mean", 0),
                          ("moving_var", 1)):
            self.weights.setdefault(key, np.full(channels, fill, np.float32))
        return x.shape, x.dtype

    def emit(self, e, values, out):
        (x, x_type), in_shape = values[0], self._input_shape
        x, x_type, first = self.layout.to_first(e, x, x_type, in_shape, out.dtype)
        params = [e.constant(f"{self.name}.{k}", self.weights[k])
                  for k in ("gamma", "beta", "moving_mean", "moving_var")]
        y = e.op("batch_norm", [(x, x_type)] + params, x_type,
                 f"epsilon = {_float(self.epsilon)} : f64")
        y = _emit_act(e, self.act, y, x_type)
        return self.layout.from_first(e, y, x_type, first, out.dtype)


BatchNorm1d = BatchNorm2d = BatchNorm3d = BatchNorm


class LayerNorm(Layer):
    """Normalizes over the last dimension with learned gamma and beta."""

    def __init__(self, epsilon=1e-5, act=None, name=None):
        super().__init__(name)
        self.epsilon, self.act = epsilon, act

    def infer(self, x):
        if x.shape[-1] is None:
            raise self._error("the last dimension must be static")
        self.weights.setdefault("gamma", np.ones(x.shape[-1], np.float32))
        self.weights.setdefault("beta", np.zeros(x.shape[-1], np.float32))
        return x.shape, x.dtype

    def emit(self, e, values, out):
        type_ = values[0][1]
        params = [e.constant(f"{self.name}.{k}", self.weights[k]) for k in ("gamma", "beta")]
        y = e.op("layer_norm", [values[0]] + params, type_,
                 f"axis = -1 : i64, epsilon = {_float(self.epsilon)} : f64")
        return _emit_act(e, self.act, y, type_)


# ---------------------------------------------------------------------------
# Shape and merge layers

class Flatten(Layer):
    def infer(self, x):
        rest = x.shape[1:]
        size = None if any(d is None for d in rest) else int(np.prod(rest, dtype=np.int64))
        return (x.shape[0], size), x.dtype

    def emit(self, e, values, out):
        return e.op("flatten", values, _tensor_type(out.shape, out.dtype), "axis = 1 : i64")


class Reshape(Layer):
    """Reshape to `shape`; -1 infers one dim, 0 copies the input's dim."""

    def __init__(self, shape, name=None):
        super().__init__(name)
        self.new_shape = tuple(shape)

    def infer(self, x):
        shape = [x.shape[i] if s == 0 else (None if s == -1 else s)
                 for i, s in enumerate(self.new_shape)]
        if -1 in self.new_shape and all(d is not None for d in x.shape):
            known = int(np.prod([d for d in shape if d is not None], dtype=np.int64))
            shape[self.new_shape.index(-1)] = int(np.prod(x.shape, dtype=np.int64)) // known
        return tuple(shape), x.dtype

    def emit(self, e, values, out):
        return e.op("reshape", values, _tensor_type(out.shape, out.dtype),
                    f"new_shape = {_array(self.new_shape)}")


class Transpose(Layer):
    def __init__(self, perm, name=None):
        super().__init__(name)
        self.perm = tuple(perm)

    def infer(self, x):
        return tuple(x.shape[p] for p in self.perm), x.dtype

    def emit(self, e, values, out):
        return e.op("transpose", values, _tensor_type(out.shape, out.dtype),
                    f"perm = {_array(self.perm)}")


class Concat(Layer):
    def __init__(self, concat_dim=-1, name=None):
        super().__init__(name)
        self.axis = concat_dim

    def infer(self, *xs):
        axis = self.axis % len(xs[0].shape)
        shape = list(xs[0].shape)
        sizes = [x.shape[axis] for x in xs]
        shape[axis] = None if None in sizes else sum(sizes)
        return tuple(shape), xs[0].dtype

    def emit(self, e, values, out):
        return e.op("concat", values, _tensor_type(out.shape, out.dtype),
                    f"axis = {self.axis} : i64")


class Elementwise(Layer):
    """Combines inputs with add, subtract, multiply, maximum or minimum."""

    _OPS = {"add": "add", "subtract": "sub", "multiply": "mul",
            "maximum": "max", "minimum": "min"}

    def __init__(self, combine_fn="add", act=None, name=None):
        super().__init__(name)
        if combine_fn not in self._OPS:
            raise self._error(f"combine_fn must be one of {sorted(self._OPS)}")
        self.combine, self.act = self._OPS[combine_fn], act

    def infer(self, *xs):
        shape = np.broadcast_shapes(*[tuple(1 if d is None else d for d in x.shape)
                                      for x in xs])
        rank = len(shape)
        dyn = [any(len(x.shape) > rank - 1 - i and x.shape[-1 - i] is None and
                   shape[-1 - i] == 1 for x in xs) for i in range(rank)][::-1]
        return tuple(None if d else s for s, d in zip(shape, dyn)), xs[0].dtype

    def emit(self, e, values, out):
        type_ = _tensor_type(out.shape, out.dtype)
        acc = values[0]
        for v in values[1:]:
            acc = (e.op(self.combine, [acc, v], type_), type_)
        return _emit_act(e, self.act, acc[0], type_)


class Dropout(Layer):
    """Dropout: the identity at inference."""

    def __init__(self, keep=0.5, name=None):
        super().__init__(name)
        self.keep = keep

    def infer(self, x):
        return x.shape, x.dtype

    def emit(self, e, values, out):
        return e.op("dropout", values, values[0][1],
                    f"ratio = {_float(1.0 - self.keep)} : f64", unary=True)


class Embedding(Layer):
    """Looks up rows of a [vocabulary_size, embedding_size] table."""

    def __init__(self, vocabulary_size, embedding_size, name=None):
        super().__init__(name)
        self.weights["embeddings"] = (_rng.uniform(-0.1, 0.1, (vocabulary_size,
                                      embedding_size))).astype(np.float32)

    def infer(self, ids):
        if ids.dtype not in (np.dtype(np.int32), np.dtype(np.int64)):
            raise self._error("ids must be int32 or int64")
        return ids.shape + (self.weights["embeddings"].shape[1],), np.dtype(np.float32)

    def emit(self, e, values, out):
        table = e.constant(f"{self.name}.embeddings", self.weights["embeddings"])
        return e.op("gather", [table, values[0]], _tensor_type(out.shape, out.dtype),
                    "axis = 0 : i64")


class PRelu(Layer):
    """max(0, x) + alpha * min(0, x) with one learned alpha per channel."""

    def __init__(self, channel_shared=False, data_format="channels_last", name=None):
        super().__init__(name)
        self.channel_shared, self.data_format = channel_shared, data_format

    def infer(self, x):
        rank = len(x.shape)
        channels = 1 if self.channel_shared else \
            (x.shape[-1] if self.data_format == "channels_last" else x.shape[1])
        if "alpha" not in self.weights:
            shape = (channels,) if self.data_format == "channels_last" or rank < 3 \
                else (channels,) + (1,) * (rank - 2)
            self.weights["alpha"] = np.full(shape, 0.2, np.float32)
        return x.shape, x.dtype

    def emit(self, e, values, out):
        alpha = e.constant(f"{self.name}.alpha", self.weights["alpha"])
        return e.op("prelu", [values[0], alpha], values[0][1])


class UpSampling2d(Layer):
    """Resizes the spatial dims by integer `scale` (nearest or bilinear)."""

    def __init__(self, scale, method="nearest", data_format="channels_last", name=None):
        super().__init__(name)
        self.scale = _tuple(scale, 2, "scale")
        if method not in ("nearest", "bilinear"):
            raise self._error("method must be 'nearest' or 'bilinear'")
        self.method, self.layout = method, _ChannelsFirst(data_format, 4)

    def infer(self, x):
        spatial, channels = self.layout.spatial_and_channels(x.shape)
        out = [None if d is None else d * s for d, s in zip(spatial, self.scale)]
        return self.layout.output_shape(x.shape[0], channels, out), x.dtype

    def emit(self, e, values, out):
        (x, x_type), in_shape = values[0], self._input_shape
        x, x_type, first = self.layout.to_first(e, x, x_type, in_shape, out.dtype)
        spatial, channels = self.layout.spatial_and_channels(out.shape)
        first_out = (out.shape[0], channels) + tuple(spatial)
        type_ = _tensor_type(first_out, out.dtype)
        mode = "nearest" if self.method == "nearest" else "linear"
        scales = ", ".join(_float(s) for s in (1, 1) + self.scale)
        attrs = (f"mode = #tl<resize_mode {mode}>, scales = array<f64: {scales}>, "
                 "coordinate_transform = #tl<coordinate_transform "
                 f"{'asymmetric' if mode == 'nearest' else 'half_pixel'}>, "
                 "nearest_mode = #tl<nearest_mode floor>")
        y = e.op("resize", [(x, x_type)], type_, attrs)
        return self.layout.from_first(e, y, type_, first_out, out.dtype)


# ---------------------------------------------------------------------------
# Model

class Model:
    """A graph of layers from `inputs` to `outputs`, emitted as one tl function."""

    def __init__(self, inputs: Union[Input, Sequence[Input]],
                 outputs: Union[Tensor, Sequence[Tensor]], name: str = "main"):
        self.inputs = [inputs] if isinstance(inputs, Tensor) else list(inputs)
        self.outputs = [outputs] if isinstance(outputs, Tensor) else list(outputs)
        self.name = name
        for x in self.inputs:
            if not isinstance(x, Input):
                raise TypeError("Model inputs must be nn.Input tensors")

    def _topological_order(self) -> List[Tensor]:
        order, seen = [], set()

        def visit(t: Tensor):
            if id(t) in seen:
                return
            seen.add(id(t))
            for i in t.inputs:
                visit(i)
            order.append(t)

        for out in self.outputs:
            visit(out)
        for t in order:
            if not t.inputs and not any(t is x for x in self.inputs):
                raise ValueError(f"output depends on input '{t.layer.name}' that is "
                                 "not among the model's inputs")
        return order

    def to_mlir(self) -> str:
        """The model as a module in the tl dialect (weights as dense_resource blobs)."""
        e = _Emitter()
        values = {}
        args = []
        for i, x in enumerate(self.inputs):
            type_ = _tensor_type(x.shape, x.dtype)
            values[id(x)] = (f"%arg{i}", type_)
            args.append(f'%arg{i}: {type_} {{tl.name = "{x.name}"}}')
        for t in self._topological_order():
            if id(t) in values:
                continue
            t.layer._input_shape = t.inputs[0].shape if t.inputs else None
            result = t.layer.emit(e, [values[id(i)] for i in t.inputs], t)
            values[id(t)] = (result, _tensor_type(t.shape, t.dtype))
        results = [values[id(o)] for o in self.outputs]
        res_types = ", ".join(f'{t} {{tl.name = "output_{i}"}}'
                              for i, (_, t) in enumerate(results))
        body = "\n".join("    " + l for l in e.lines)
        ret = (f"    return {', '.join(v for v, _ in results)} : "
               f"{', '.join(t for _, t in results)}")
        return (f"module {{\n  func.func @{self.name}({', '.join(args)}) -> ({res_types}) {{\n"
                f"{body}\n{ret}\n  }}\n}}\n{e.resources()}")

    def layers(self) -> List[Layer]:
        return [t.layer for t in self._topological_order() if t.inputs]
