#!/usr/bin/env python3
"""Writes the small ONNX models that the importer's lit tests import.

Usage: make_models.py GROUP OUTDIR   writes OUTDIR/<case>.onnx for every case
                                     of GROUP (and any side files it needs)
       make_models.py --list         lists the groups and their cases

Each case builds one model with onnx.helper at the opset it tests; the lit
tests check what `tl-translate --import-onnx` makes of it.
"""

import os
import sys

import numpy as np
import onnx
from onnx import TensorProto as TP
from onnx import helper, numpy_helper

GROUPS = {}


def case(group):
    def register(fn):
        GROUPS.setdefault(group, []).append(fn)
        return fn
    return register


def inp(name, shape, elem=TP.FLOAT):
    return helper.make_tensor_value_info(name, elem, shape)


def out(name, shape, elem=TP.FLOAT):
    """A graph output; an int shape is a rank (all dims unknown)."""
    if isinstance(shape, int):
        shape = [None] * shape
    return helper.make_tensor_value_info(name, elem, shape)


def init(name, array):
    return numpy_helper.from_array(np.asarray(array), name)


def bare_tensor(name, elem, dims):
    """A TensorProto without data (filled by the caller)."""
    tensor = TP()
    tensor.name = name
    tensor.data_type = elem
    tensor.dims.extend(dims)
    return tensor


def const(name, array):
    """A Constant node producing `array`."""
    return helper.make_node("Constant", [], [name], value=init(name, array))


def model(nodes, inputs, outputs, initializers=(), opset=13, ir_version=None):
    graph = helper.make_graph(nodes, "test", inputs, outputs,
                              initializer=list(initializers))
    m = helper.make_model(graph, producer_name="tlc-lit",
                          opset_imports=[helper.make_opsetid("", opset)])
    if ir_version is not None:
        m.ir_version = ir_version
    return m


def node(op, inputs, outputs, **attrs):
    return helper.make_node(op, inputs, outputs, **attrs)


def unary_model(ops, shape, opset, elem=TP.FLOAT, attrs=None):
    """x -> one output per op, named after the op in lower case."""
    attrs = attrs or {}
    nodes = [node(op, ["x"], [op.lower()], **attrs.get(op, {})) for op in ops]
    outputs = [out(op.lower(), len(shape),
                   TP.BOOL if op in ("IsNaN", "IsInf") else elem) for op in ops]
    return model(nodes, [inp("x", shape, elem)], outputs, opset=opset)


#===-----------------------------------------------------------------------===#
# Elementwise math, logic and activations
#===-----------------------------------------------------------------------===#

@case("elementwise")
def unary_math():
    ops = ["Abs", "Neg", "Sign", "Exp", "Log", "Sqrt", "Reciprocal", "Floor",
           "Ceil", "Round", "Sin", "Cos", "Tan", "Asin", "Acos", "Atan", "Sinh",
           "Cosh", "Asinh", "Acosh", "Atanh", "Erf", "IsNaN", "IsInf"]
    return unary_model(ops, [2, 3], 13, attrs={"IsInf": {"detect_negative": 0}})


@case("elementwise")
def activations():
    ops = ["Relu", "Sigmoid", "Tanh", "HardSwish", "Softplus", "Softsign",
           "LeakyRelu", "Elu", "Selu", "Celu", "HardSigmoid"]
    attrs = {"LeakyRelu": {"alpha": 0.25}, "Elu": {"alpha": 0.5},
             "Celu": {"alpha": 2.0},
             "HardSigmoid": {"alpha": 0.125, "beta": 0.625}}
    return unary_model(ops, [4], 14, attrs=attrs)


@case("elementwise")
def activations_defaults():
    return unary_model(["LeakyRelu", "Elu", "Selu", "HardSigmoid"], [4], 6)


@case("elementwise")
def thresholded_relu():
    return unary_model(["ThresholdedRelu"], [4], 10,
                       attrs={"ThresholdedRelu": {"alpha": 0.5}})


@case("elementwise")
def shrink():
    return unary_model(["Shrink"], [4], 9,
                       attrs={"Shrink": {"bias": 0.25, "lambd": 1.5}})


@case("elementwise")
def relu_int():
    return unary_model(["Relu", "Abs", "Neg"], [3], 14, elem=TP.INT32)


@case("elementwise")
def logic():
    nodes = [node("Not", ["p"], ["not"]), node("And", ["p", "q"], ["and"]),
             node("Or", ["p", "q"], ["or"]), node("Xor", ["p", "q"], ["xor"])]
    return model(nodes, [inp("p", [2, 3], TP.BOOL), inp("q", [3], TP.BOOL)],
                 [out(n, 2, TP.BOOL) for n in ("not", "and", "or", "xor")],
                 opset=13)


@case("elementwise")
def comparisons():
    ops = ["Equal", "Less", "LessOrEqual", "Greater", "GreaterOrEqual"]
    nodes = [node(op, ["a", "b"], [op.lower()]) for op in ops]
    nodes.append(node("Where", ["equal", "a", "b"], ["where"]))
    return model(nodes, [inp("a", [2, 3]), inp("b", [3])],
                 [out(op.lower(), 2, TP.BOOL) for op in ops] + [out("where", 2)],
                 opset=16)


@case("elementwise")
def arithmetic():
    ops = ["Add", "Sub", "Mul", "Div"]
    nodes = [node(op, ["a", "b"], [op.lower()]) for op in ops]
    return model(nodes, [inp("a", [2, 3, 4]), inp("b", [4])],
                 [out(op.lower(), 3) for op in ops], opset=14)


@case("elementwise")
def arithmetic_legacy_broadcast():
    # Opset 6: B aligned with A's dims from `axis` on (B: [3, 4] -> [3, 4, 1]).
    nodes = [node("Add", ["a", "b"], ["add"], broadcast=1, axis=1),
             node("Mul", ["a", "c"], ["mul"], broadcast=1),
             node("Sub", ["a", "a"], ["sub"])]
    return model(nodes, [inp("a", [2, 3, 4, 5]), inp("b", [3, 4]),
                         inp("c", [5])],
                 [out("add", 4), out("mul", 4), out("sub", 4)], opset=6)


@case("elementwise")
def pow_mixed():
    # Opset 15: the exponent may have its own element type.
    return model([node("Pow", ["x", "e"], ["y"])],
                 [inp("x", [2, 3]), inp("e", [3], TP.INT64)], [out("y", 2)],
                 opset=15)


@case("elementwise")
def mod():
    nodes = [node("Mod", ["a", "b"], ["imod"]),
             node("Mod", ["x", "y"], ["fmod"], fmod=1)]
    return model(nodes, [inp("a", [4], TP.INT32), inp("b", [4], TP.INT32),
                         inp("x", [4]), inp("y", [4])],
                 [out("imod", 1, TP.INT32), out("fmod", 1)], opset=13)


@case("elementwise")
def variadic():
    nodes = [node("Sum", ["a", "b", "c"], ["sum"]),
             node("Mean", ["a", "b"], ["mean"]),
             node("Max", ["a", "b", "c"], ["max"]),
             node("Min", ["a", "c"], ["min"])]
    return model(nodes, [inp("a", [2, 3]), inp("b", [2, 3]), inp("c", [3])],
                 [out(n, 2) for n in ("sum", "mean", "max", "min")], opset=13)


@case("elementwise")
def variadic_single():
    return model([node("Sum", ["a"], ["sum"])], [inp("a", [2])],
                 [out("sum", 1)], opset=8)


@case("elementwise")
def prelu():
    return model([node("PRelu", ["x", "slope"], ["y"])],
                 [inp("x", [1, 3, 4, 4]), inp("slope", [3, 1, 1])],
                 [out("y", 4)], opset=9)


@case("elementwise")
def prelu_legacy_channel():
    # Before opset 7 a [C] slope applies along dim 1.
    return model([node("PRelu", ["x", "slope"], ["y"])],
                 [inp("x", [1, 3, 4, 4]), inp("slope", [3])], [out("y", 4)],
                 opset=6)


@case("elementwise")
def clip_attributes():
    nodes = [node("Clip", ["x"], ["relu6"], min=0.0, max=6.0),
             node("Clip", ["x"], ["unbounded"])]
    return model(nodes, [inp("x", [4])], [out("relu6", 1), out("unbounded", 1)],
                 opset=6)


@case("elementwise")
def clip_inputs():
    nodes = [const("hi", np.array(6.0, np.float32)),
             node("Clip", ["x", "lo", "hi"], ["both"]),
             node("Clip", ["x", "lo"], ["min_only"]),
             node("Clip", ["x", "", "hi"], ["max_only"])]
    return model(nodes, [inp("x", [4])],
                 [out("both", 1), out("min_only", 1), out("max_only", 1)],
                 [init("lo", np.array(-1.0, np.float32))], opset=13)


@case("elementwise")
def clip_runtime_bound():
    return model([node("Clip", ["x", "lo", "hi"], ["y"])],
                 [inp("x", [4]), inp("lo", [])], [out("y", 1)],
                 [init("hi", np.array(1.0, np.float32))], opset=13)


#===-----------------------------------------------------------------------===#
# Gemm, MatMul, convolution, pooling, normalization, softmax
#===-----------------------------------------------------------------------===#

@case("nn")
def gemm_transb_constant():
    b = np.arange(1, 13, dtype=np.float32).reshape(3, 4)
    c = np.array([0.5, 1.5, 2.5], np.float32)
    return model([node("Gemm", ["a", "b", "c"], ["y"], transB=1)],
                 [inp("a", [2, 4])], [out("y", 2)], [init("b", b), init("c", c)])


@case("nn")
def gemm_transb_large():
    b = np.arange(64 * 32, dtype=np.float32).reshape(64, 32)
    return model([node("Gemm", ["a", "w", "bias"], ["y"], transB=1)],
                 [inp("a", [8, 32])], [out("y", 2)],
                 [init("w", b), init("bias", np.zeros(64, np.float32))])


@case("nn")
def gemm_transb_runtime():
    return model([node("Gemm", ["a", "b"], ["y"], transB=1)],
                 [inp("a", [2, 4]), inp("b", [3, 4])], [out("y", 2)])


@case("nn")
def gemm_scaled():
    return model([node("Gemm", ["a", "b", "c"], ["y"], transA=1, alpha=0.5,
                       beta=2.0)],
                 [inp("a", [4, 2]), inp("b", [4, 3]), inp("c", [2, 3])],
                 [out("y", 2)])


@case("nn")
def gemm_bias_row():
    return model([node("Gemm", ["a", "b", "c"], ["y"])],
                 [inp("a", [2, 4]), inp("b", [4, 3])], [out("y", 2)],
                 [init("c", np.ones((1, 3), np.float32))])


@case("nn")
def gemm_bias_row_runtime():
    return model([node("Gemm", ["a", "b", "c"], ["y"])],
                 [inp("a", [2, 4]), inp("b", [4, 3]), inp("c", [1, 3])],
                 [out("y", 2)])


@case("nn")
def gemm_int():
    return model([node("Gemm", ["a", "b", "c"], ["y"])],
                 [inp("a", [2, 4], TP.INT32), inp("b", [4, 3], TP.INT32),
                  inp("c", [3], TP.INT32)], [out("y", 2, TP.INT32)], opset=11)


@case("nn")
def gemm_legacy():
    return model([node("Gemm", ["a", "b", "c"], ["y"], broadcast=1, transB=1)],
                 [inp("a", [2, 4]), inp("b", [3, 4]), inp("c", [3])],
                 [out("y", 2)], opset=6)


@case("nn")
def matmul():
    nodes = [node("MatMul", ["a", "b"], ["batched"]),
             node("MatMul", ["v", "b"], ["vector"])]
    return model(nodes, [inp("a", [2, 3, 4]), inp("b", [4, 5]), inp("v", [4])],
                 [out("batched", 3), out("vector", 1)])


@case("nn")
def conv_pads():
    return model([node("Conv", ["x", "w", "b"], ["y"], pads=[1, 1, 2, 2],
                       strides=[2, 2], dilations=[1, 1], kernel_shape=[3, 3])],
                 [inp("x", [1, 2, 7, 7]), inp("w", [4, 2, 3, 3]), inp("b", [4])],
                 [out("y", 4)], opset=11)


@case("nn")
def conv_same_upper():
    # 6 / stride 2 -> 3 outputs need 1 pad: SAME_UPPER puts it at the end.
    return model([node("Conv", ["x", "w"], ["y"], auto_pad="SAME_UPPER",
                       strides=[2, 2])],
                 [inp("x", [1, 1, 6, 6]), inp("w", [1, 1, 3, 3])], [out("y", 4)])


@case("nn")
def conv_same_lower():
    return model([node("Conv", ["x", "w"], ["y"], auto_pad="SAME_LOWER",
                       strides=[2, 2])],
                 [inp("x", [1, 1, 6, 6]), inp("w", [1, 1, 3, 3])], [out("y", 4)],
                 opset=6)


@case("nn")
def conv_valid():
    return model([node("Conv", ["x", "w"], ["y"], auto_pad="VALID")],
                 [inp("x", [1, 1, 6, 6]), inp("w", [2, 1, 3, 3])], [out("y", 4)])


@case("nn")
def conv_depthwise_dilated():
    return model([node("Conv", ["x", "w"], ["y"], group=4, dilations=[2, 2])],
                 [inp("x", [1, 4, 9, 9]), inp("w", [4, 1, 3, 3])], [out("y", 4)])


@case("nn")
def conv_1d_3d():
    nodes = [node("Conv", ["x1", "w1"], ["y1"], strides=[2]),
             node("Conv", ["x3", "w3"], ["y3"])]
    return model(nodes, [inp("x1", [1, 2, 10]), inp("w1", [3, 2, 3]),
                         inp("x3", [1, 1, 4, 4, 4]), inp("w3", [2, 1, 2, 2, 2])],
                 [out("y1", 3), out("y3", 5)])


@case("nn")
def conv_dynamic_batch():
    return model([node("Conv", ["x", "w"], ["y"], pads=[1, 1, 1, 1])],
                 [inp("x", ["N", 3, 8, 8]), inp("w", [8, 3, 3, 3])],
                 [out("y", 4)])


@case("nn")
def conv_transpose():
    nodes = [node("ConvTranspose", ["x", "w", "b"], ["pads"], strides=[3, 2],
                  pads=[1, 2, 1, 2], output_padding=[1, 0]),
             node("ConvTranspose", ["x", "w"], ["output_shape"], strides=[3, 2],
                  output_shape=[10, 8]),
             node("ConvTranspose", ["x", "w"], ["same_upper"], strides=[2, 2],
                  auto_pad="SAME_UPPER")]
    return model(nodes, [inp("x", [1, 1, 3, 3]), inp("w", [1, 2, 3, 3]),
                         inp("b", [2])],
                 [out("pads", 4), out("output_shape", 4), out("same_upper", 4)],
                 opset=11)


@case("nn")
def max_pool():
    nodes = [node("MaxPool", ["x"], ["basic"], kernel_shape=[3, 3],
                  strides=[2, 2], pads=[1, 1, 1, 1]),
             node("MaxPool", ["x"], ["ceil_dilated"], kernel_shape=[2, 2],
                  strides=[2, 2], dilations=[2, 2], ceil_mode=1),
             node("MaxPool", ["x"], ["same"], kernel_shape=[3, 3],
                  strides=[2, 2], auto_pad="SAME_UPPER")]
    return model(nodes, [inp("x", [1, 2, 8, 8])],
                 [out("basic", 4), out("ceil_dilated", 4), out("same", 4)],
                 opset=12)


@case("nn")
def max_pool_indices():
    # A used second output (argmax indices) selects tl.max_pool_with_indices.
    nodes = [node("MaxPool", ["x"], ["y", "rows"], kernel_shape=[2, 2],
                  strides=[2, 2]),
             node("MaxPool", ["x"], ["z", "cols"], kernel_shape=[3, 3],
                  pads=[1, 1, 1, 1], storage_order=1)]
    return model(nodes, [inp("x", [1, 2, 8, 8])],
                 [out("y", 4), out("rows", 4, TP.INT64), out("z", 4),
                  out("cols", 4, TP.INT64)], opset=12)


@case("nn")
def max_pool_legacy():
    return model([node("MaxPool", ["x"], ["y"], kernel_shape=[2, 2],
                       storage_order=0)],
                 [inp("x", [1, 1, 4, 4])], [out("y", 4)], opset=8)


@case("nn")
def average_pool():
    nodes = [node("AveragePool", ["x"], ["exclude_pad"], kernel_shape=[3, 3],
                  pads=[1, 1, 1, 1]),
             node("AveragePool", ["x"], ["include_pad"], kernel_shape=[3, 3],
                  pads=[1, 1, 1, 1], count_include_pad=1, ceil_mode=1,
                  strides=[2, 2])]
    return model(nodes, [inp("x", [1, 2, 5, 5])],
                 [out("exclude_pad", 4), out("include_pad", 4)], opset=11)


@case("nn")
def global_pool():
    nodes = [node("GlobalAveragePool", ["x"], ["avg"]),
             node("GlobalMaxPool", ["x"], ["max"])]
    return model(nodes, [inp("x", [1, 8, 5, 5])], [out("avg", 4), out("max", 4)])


@case("nn")
def batch_norm():
    return model([node("BatchNormalization", ["x", "s", "b", "m", "v"], ["y"],
                       epsilon=1e-3)],
                 [inp("x", ["N", 3, 4, 4])] +
                 [inp(n, [3]) for n in ("s", "b", "m", "v")], [out("y", 4)],
                 opset=15)


@case("nn")
def batch_norm_legacy():
    return model([node("BatchNormalization", ["x", "s", "b", "m", "v"], ["y"],
                       is_test=1, spatial=1)],
                 [inp("x", [2, 3, 4, 4])] +
                 [inp(n, [3]) for n in ("s", "b", "m", "v")], [out("y", 4)],
                 opset=6)


@case("nn")
def instance_norm():
    return model([node("InstanceNormalization", ["x", "s", "b"], ["y"],
                       epsilon=1e-6)],
                 [inp("x", [1, 3, 4, 4]), inp("s", [3]), inp("b", [3])],
                 [out("y", 4)])


@case("nn")
def layer_norm():
    return model([node("LayerNormalization", ["x", "g", "b"], ["y"], axis=-1,
                       epsilon=1e-6)],
                 [inp("x", [2, 5, 8]), inp("g", [8]), inp("b", [8])],
                 [out("y", 3)], opset=17)


@case("nn")
def layer_norm_statistics():
    return model([node("LayerNormalization", ["x", "g"], ["y", "mean", "inv"],
                       axis=1)],
                 [inp("x", [2, 5, 8]), inp("g", [5, 8])],
                 [out("y", 3), out("mean", 3), out("inv", 3)], opset=17)


@case("nn")
def softmax():
    nodes = [node("Softmax", ["x"], ["softmax"], axis=1),
             node("LogSoftmax", ["x"], ["log_softmax"])]
    return model(nodes, [inp("x", [2, 3, 4])],
                 [out("softmax", 3), out("log_softmax", 3)], opset=13)


@case("nn")
def softmax_legacy():
    # Before opset 13 softmax normalizes the input coerced to 2-D at axis.
    nodes = [node("Softmax", ["x"], ["coerced"]),
             node("LogSoftmax", ["x"], ["last"], axis=2),
             node("Softmax", ["n"], ["trailing_ones"])]
    return model(nodes, [inp("x", ["N", 3, 4]), inp("n", [2, 5, 1, 1])],
                 [out("coerced", 3), out("last", 3), out("trailing_ones", 4)],
                 opset=11)


@case("nn")
def hardmax():
    return model([node("Hardmax", ["x"], ["y"])], [inp("x", [2, 3, 4])],
                 [out("y", 3)], opset=13)


@case("nn")
def hardmax_legacy():
    return model([node("Hardmax", ["x"], ["y"])], [inp("x", [2, 3, 4])],
                 [out("y", 3)], opset=11)


@case("nn")
def mean_variance_norm():
    return model([node("MeanVarianceNormalization", ["x"], ["y"])],
                 [inp("x", [2, 3, 4, 4])], [out("y", 4)], opset=13)


@case("nn")
def lrn():
    return model([node("LRN", ["x"], ["y"], size=4, alpha=2e-4, beta=0.5,
                       bias=2.0)],
                 [inp("x", ["N", 5, 4, 4])], [out("y", 4)], opset=13)


#===-----------------------------------------------------------------------===#
# Reductions
#===-----------------------------------------------------------------------===#

@case("reduction")
def reduce_attribute_axes():
    ops = ["ReduceSum", "ReduceMean", "ReduceMax", "ReduceMin", "ReduceProd"]
    nodes = [node(op, ["x"], [op.lower()], axes=[1], keepdims=0) for op in ops]
    return model(nodes, [inp("x", [2, 3, 4])], [out(op.lower(), 2) for op in ops],
                 opset=11)


@case("reduction")
def reduce_all_axes():
    nodes = [node("ReduceMean", ["x"], ["keep"]),
             node("ReduceMax", ["x"], ["drop"], keepdims=0)]
    return model(nodes, [inp("x", [2, 3])], [out("keep", 2), out("drop", 0)],
                 opset=13)


@case("reduction")
def reduce_sum_axes_input():
    nodes = [node("ReduceSum", ["x", "axes"], ["sum"]),
             node("ReduceSum", ["x"], ["all"], keepdims=0),
             node("ReduceSum", ["x"], ["noop"], noop_with_empty_axes=1)]
    return model(nodes, [inp("x", [2, 3, 4])],
                 [out("sum", 3), out("all", 0), out("noop", 3)],
                 [init("axes", np.array([0, -1], np.int64))], opset=13)


@case("reduction")
def reduce_decompositions():
    ops = ["ReduceL1", "ReduceL2", "ReduceLogSum", "ReduceLogSumExp",
           "ReduceSumSquare"]
    nodes = [node(op, ["x"], [op.lower()], axes=[1]) for op in ops]
    nodes.append(node("ReduceLogSumExp", ["x"], ["lse_drop"], axes=[1],
                      keepdims=0))
    return model(nodes, [inp("x", [2, 3])],
                 [out(op.lower(), 2) for op in ops] + [out("lse_drop", 1)],
                 opset=13)


@case("reduction")
def arg_reduce():
    nodes = [node("ArgMax", ["x"], ["argmax"], axis=1, keepdims=0),
             node("ArgMin", ["x"], ["argmin"], axis=-1, select_last_index=1)]
    return model(nodes, [inp("x", [2, 3, 4])],
                 [out("argmax", 2, TP.INT64), out("argmin", 3, TP.INT64)],
                 opset=12)


#===-----------------------------------------------------------------------===#
# Constants, shapes and data movement
#===-----------------------------------------------------------------------===#

@case("tensor")
def constants():
    nodes = [const("tensor", np.array([[1, 2], [3, 4]], np.int32)),
             node("Constant", [], ["float"], value_float=2.5),
             node("Constant", [], ["floats"], value_floats=[1.0, 2.0]),
             node("Constant", [], ["int"], value_int=7),
             node("Constant", [], ["ints"], value_ints=[3, 4, 5])]
    return model(nodes, [], [out("tensor", [2, 2], TP.INT32), out("float", []),
                             out("floats", [2]), out("int", [], TP.INT64),
                             out("ints", [3], TP.INT64)], opset=13)


@case("tensor")
def constant_of_shape():
    nodes = [const("shape", np.array([2, 3], np.int64)),
             node("ConstantOfShape", ["shape"], ["zeros"]),
             node("ConstantOfShape", ["shape"], ["sevens"],
                  value=init("v", np.array([7], np.int32))),
             node("Add", ["x", "zeros"], ["y"])]
    return model(nodes, [inp("x", [2, 3])],
                 [out("y", 2), out("sevens", [2, 3], TP.INT32)], opset=9)


@case("tensor")
def identity_dropout():
    nodes = [node("Identity", ["x"], ["identity"]),
             node("Dropout", ["x"], ["dropout", "mask"], ratio=0.25)]
    return model(nodes, [inp("x", [2, 3])],
                 [out("identity", 2), out("dropout", 2), out("mask", 2)],
                 opset=7)


@case("tensor")
def dropout_v12():
    nodes = [node("Dropout", ["x", "ratio", "training"], ["y", "mask"])]
    return model(nodes, [inp("x", [2, 3])], [out("y", 2), out("mask", 2, TP.BOOL)],
                 [init("ratio", np.array(0.125, np.float32)),
                  init("training", np.array(False))], opset=12)


@case("tensor")
def cast():
    nodes = [node("Cast", ["x"], ["to_int"], to=TP.INT64),
             node("Cast", ["x"], ["to_half"], to=TP.FLOAT16),
             node("Cast", ["x"], ["to_bool"], to=TP.BOOL),
             node("Cast", ["x"], ["same"], to=TP.FLOAT),
             node("CastLike", ["x", "like"], ["like_u8"])]
    return model(nodes, [inp("x", [2, 3]), inp("like", [1], TP.UINT8)],
                 [out("to_int", 2, TP.INT64), out("to_half", 2, TP.FLOAT16),
                  out("to_bool", 2, TP.BOOL), out("same", 2),
                  out("like_u8", 2, TP.UINT8)], opset=15)


@case("tensor")
def reshape():
    nodes = [node("Reshape", ["x", "shape"], ["y"]),
             node("Reshape", ["x", "copy"], ["z"], allowzero=0)]
    return model(nodes, [inp("x", [2, 3, 4])], [out("y", 2), out("z", 4)],
                 [init("shape", np.array([4, -1], np.int64)),
                  init("copy", np.array([0, 0, -1, 2], np.int64))], opset=14)


@case("tensor")
def reshape_allowzero():
    # allowzero = 1: a 0 is a dim of size 0; the result is empty.
    return model([node("Reshape", ["x", "shape"], ["y"], allowzero=1)],
                 [inp("x", [0, 3, 4])], [out("y", 3)],
                 [init("shape", np.array([3, 4, 0], np.int64))], opset=14)


@case("tensor")
def flatten_transpose():
    nodes = [node("Flatten", ["x"], ["flat"]),
             node("Flatten", ["x"], ["flat0"], axis=0),
             node("Transpose", ["x"], ["reversed"]),
             node("Transpose", ["x"], ["perm"], perm=[0, 2, 3, 1])]
    return model(nodes, [inp("x", [2, 3, 4, 5])],
                 [out("flat", 2), out("flat0", 2), out("reversed", 4),
                  out("perm", 4)], opset=13)


@case("tensor")
def squeeze_unsqueeze_v11():
    nodes = [node("Squeeze", ["x"], ["squeezed"], axes=[1]),
             node("Squeeze", ["x"], ["all"]),
             node("Unsqueeze", ["x"], ["unsqueezed"], axes=[0, -1])]
    return model(nodes, [inp("x", [3, 1, 4, 1])],
                 [out("squeezed", 3), out("all", 2), out("unsqueezed", 6)],
                 opset=11)


@case("tensor")
def squeeze_unsqueeze_v13():
    nodes = [node("Squeeze", ["x", "axes"], ["squeezed"]),
             node("Unsqueeze", ["x", "axes"], ["unsqueezed"])]
    return model(nodes, [inp("x", [3, 1, 4, 1])],
                 [out("squeezed", 2), out("unsqueezed", 6)],
                 [init("axes", np.array([1, 3], np.int64))], opset=13)


@case("tensor")
def concat_split():
    nodes = [node("Concat", ["a", "b"], ["concat"], axis=1),
             node("Split", ["concat"], ["s0", "s1"], axis=1, split=[2, 3]),
             node("Split", ["a"], ["e0", "e1"], axis=-1)]
    return model(nodes, [inp("a", [2, 2, 4]), inp("b", [2, 3, 4])],
                 [out(n, 3) for n in ("s0", "s1", "e0", "e1")], opset=11)


@case("tensor")
def split_v13():
    nodes = [node("Split", ["x", "sizes"], ["a", "b", "c"]),
             node("Split", ["x"], ["h0", "h1"], axis=1)]
    return model(nodes, [inp("x", [6, 4])],
                 [out(n, 2) for n in ("a", "b", "c", "h0", "h1")],
                 [init("sizes", np.array([1, 2, 3], np.int64))], opset=13)


@case("tensor")
def slice_v9():
    return model([node("Slice", ["x"], ["y"], starts=[1, 0], ends=[3, -1],
                       axes=[0, 2])],
                 [inp("x", [4, 5, 6])], [out("y", 3)], opset=9)


@case("tensor")
def slice_v13():
    nodes = [node("Slice", ["x", "starts", "ends", "axes", "steps"], ["stepped"]),
             node("Slice", ["x", "starts", "ends"], ["default_axes"])]
    return model(nodes, [inp("x", [4, 5, 6])],
                 [out("stepped", 3), out("default_axes", 3)],
                 [init("starts", np.array([-1, 0], np.int64)),
                  init("ends", np.array([-1000, 9223372036854775807], np.int64)),
                  init("axes", np.array([2, 1], np.int64)),
                  init("steps", np.array([-2, 2], np.int64))], opset=13)


@case("tensor")
def pad_v2():
    nodes = [node("Pad", ["x"], ["constant"], pads=[0, 1, 0, 2], value=1.5),
             node("Pad", ["x"], ["reflect"], pads=[1, 1, 1, 1], mode="reflect"),
             node("Pad", ["x"], ["edge"], pads=[0, 0, 2, 0], mode="edge")]
    return model(nodes, [inp("x", [3, 4])],
                 [out(n, 2) for n in ("constant", "reflect", "edge")], opset=6)


@case("tensor")
def pad_v13():
    nodes = [node("Pad", ["x", "pads", "value"], ["constant"]),
             node("Pad", ["x", "pads"], ["zero"]),
             node("Pad", ["x", "crop"], ["negative"])]
    return model(nodes, [inp("x", [3, 4])],
                 [out(n, 2) for n in ("constant", "zero", "negative")],
                 [init("pads", np.array([0, 1, 0, 2], np.int64)),
                  init("crop", np.array([-1, 0, 0, -1], np.int64)),
                  init("value", np.array(-2.0, np.float32))], opset=13)


@case("tensor")
def gather_expand_tile():
    nodes = [node("Gather", ["table", "ids"], ["embedded"]),
             node("Gather", ["table", "col"], ["column"], axis=1),
             node("Expand", ["v", "shape"], ["expanded"]),
             node("Tile", ["v", "repeats"], ["tiled"])]
    return model(nodes, [inp("table", [10, 4]), inp("ids", [2, 3], TP.INT64),
                         inp("v", [3, 1])],
                 [out("embedded", 3), out("column", 1), out("expanded", 3),
                  out("tiled", 2)],
                 [init("col", np.array(2, np.int64)),
                  init("shape", np.array([2, 1, 5], np.int64)),
                  init("repeats", np.array([2, 3], np.int64))], opset=13)


@case("tensor")
def depth_space():
    nodes = [node("DepthToSpace", ["x"], ["dcr"], blocksize=2),
             node("DepthToSpace", ["x"], ["crd"], blocksize=2, mode="CRD"),
             node("SpaceToDepth", ["dcr"], ["back"], blocksize=2)]
    return model(nodes, [inp("x", [1, 8, 3, 3])],
                 [out("dcr", 4), out("crd", 4), out("back", 4)], opset=13)


@case("tensor")
def resize_v13():
    nodes = [node("Resize", ["x", "", "scales"], ["nearest"]),
             node("Resize", ["x", "", "", "sizes"], ["linear"], mode="linear",
                  coordinate_transformation_mode="align_corners"),
             node("Resize", ["x", "", "scales"], ["floor"],
                  coordinate_transformation_mode="asymmetric",
                  nearest_mode="floor")]
    return model(nodes, [inp("x", [1, 1, 4, 4])],
                 [out("nearest", 4), out("linear", 4), out("floor", 4)],
                 [init("scales", np.array([1, 1, 2, 0.5], np.float32)),
                  init("sizes", np.array([1, 1, 3, 7], np.int64))], opset=13)


@case("tensor")
def resize_v11():
    return model([node("Resize", ["x", "roi", "scales", "sizes"], ["y"],
                       mode="linear",
                       coordinate_transformation_mode="pytorch_half_pixel")],
                 [inp("x", [1, 1, 4, 4])], [out("y", 4)],
                 [init("roi", np.zeros(0, np.float32)),
                  init("scales", np.zeros(0, np.float32)),
                  init("sizes", np.array([1, 1, 8, 2], np.int64))], opset=11)


@case("tensor")
def resize_cubic_crop():
    # cubic_coeff_a and exclude_outside reach tl only in cubic mode,
    # extrapolation_value and roi only with tf_crop_and_resize.
    nodes = [node("Resize", ["x", "", "scales"], ["cubic"], mode="cubic",
                  cubic_coeff_a=-0.5, exclude_outside=1),
             node("Resize", ["x", "roi", "", "sizes"], ["crop"], mode="linear",
                  coordinate_transformation_mode="tf_crop_and_resize",
                  extrapolation_value=10.0),
             node("Resize", ["x", "roi", "scales"], ["crop_scales"],
                  coordinate_transformation_mode="tf_crop_and_resize"),
             node("Resize", ["x", "", "", "sizes"], ["nn"],
                  coordinate_transformation_mode="tf_half_pixel_for_nn",
                  cubic_coeff_a=-0.5, extrapolation_value=3.0)]
    return model(nodes, [inp("x", [1, 1, 4, 4])],
                 [out(n, 4) for n in ("cubic", "crop", "crop_scales", "nn")],
                 [init("scales", np.array([1, 1, 2, 0.5], np.float32)),
                  init("roi", np.array([0, 0, 0.25, 0.5, 1, 1, 0.75, 1], np.float32)),
                  init("sizes", np.array([1, 1, 3, 3], np.int64))], opset=13)


@case("tensor")
def resize_v10():
    nodes = [node("Resize", ["x", "up"], ["up_nearest"]),
             node("Resize", ["x", "down"], ["down_nearest"]),
             node("Resize", ["x", "up"], ["up_linear"], mode="linear")]
    return model(nodes, [inp("x", [1, 1, 4, 4])],
                 [out(n, 4) for n in ("up_nearest", "down_nearest", "up_linear")],
                 [init("up", np.array([1, 1, 2, 2], np.float32)),
                  init("down", np.array([1, 1, 0.5, 0.5], np.float32))],
                 opset=10)


@case("tensor")
def upsample():
    return model([node("Upsample", ["x", "scales"], ["y"], mode="nearest")],
                 [inp("x", [1, 1, 2, 2])], [out("y", 4)],
                 [init("scales", np.array([1, 1, 2, 3], np.float32))], opset=9)


@case("tensor")
def upsample_v7():
    return model([node("Upsample", ["x"], ["y"], mode="linear",
                       scales=[1.0, 1.0, 2.0, 2.0])],
                 [inp("x", [1, 1, 2, 2])], [out("y", 4)], opset=7)


@case("tensor")
def upsample_v1():
    return model([node("Upsample", ["x"], ["y"], height_scale=2.0,
                       width_scale=3.0)],
                 [inp("x", [1, 1, 2, 2])], [out("y", 4)], opset=6)


@case("tensor")
def one_hot():
    return model([node("OneHot", ["ids", "depth", "values"], ["y"], axis=1)],
                 [inp("ids", [2, 3], TP.INT32), inp("values", [2])],
                 [out("y", 3)], [init("depth", np.array(5, np.int64))],
                 opset=11)


@case("tensor")
def range_and_eye():
    # 200 elements: too many to fold, a constant blob nonetheless.
    nodes = [node("Range", ["start", "limit", "delta"], ["range"]),
             node("EyeLike", ["x"], ["eye"], k=1, dtype=TP.INT32)]
    return model(nodes, [inp("x", [3, 4])],
                 [out("range", 1), out("eye", [3, 4], TP.INT32)],
                 [init("start", np.array(0, np.float32)),
                  init("limit", np.array(100, np.float32)),
                  init("delta", np.array(0.5, np.float32))], opset=11)


#===-----------------------------------------------------------------------===#
# Shape subgraphs folded at import time
#===-----------------------------------------------------------------------===#

def view_batch_minus_one(batch):
    """PyTorch's x.view(x.size(0), -1)."""
    nodes = [node("Shape", ["x"], ["shape"]),
             const("zero", np.array(0, np.int64)),
             node("Gather", ["shape", "zero"], ["batch"], axis=0),
             const("axes", np.array([0], np.int64)),
             node("Unsqueeze", ["batch", "axes"], ["batch1"]),
             const("minus_one", np.array([-1], np.int64)),
             node("Concat", ["batch1", "minus_one"], ["target"], axis=0),
             node("Reshape", ["x", "target"], ["y"])]
    return model(nodes, [inp("x", [batch, 3, 4, 5])], [out("y", 2)])


@case("folding")
def view_static():
    return view_batch_minus_one(2)


@case("folding")
def view_dynamic():
    return view_batch_minus_one("batch")


@case("folding")
def shape_arithmetic():
    # target = [shape[0], shape[1] * shape[2] * shape[3]] computed with
    # Slice, ReduceProd, Cast and Mul on a static shape.
    nodes = [node("Shape", ["x"], ["shape"]),
             node("Slice", ["shape", "one", "four"], ["tail"]),
             node("ReduceProd", ["tail"], ["prod"], keepdims=1),
             node("Cast", ["prod"], ["prod32"], to=TP.INT32),
             node("Cast", ["prod32"], ["prod64"], to=TP.INT64),
             node("Mul", ["prod64", "one"], ["scaled"]),
             node("Slice", ["shape", "zero", "one"], ["head"]),
             node("Concat", ["head", "scaled"], ["target"], axis=0),
             node("Reshape", ["x", "target"], ["y"]),
             node("Size", ["x"], ["size"])]
    return model(nodes, [inp("x", [2, 3, 4, 5])],
                 [out("y", 2), out("size", [], TP.INT64)],
                 [init("zero", np.array([0], np.int64)),
                  init("one", np.array([1], np.int64)),
                  init("four", np.array([4], np.int64))])


@case("folding")
def expand_dynamic():
    # expand(y, shape(x)) with a dynamic batch: dim 0 keeps y's own dim.
    nodes = [node("Shape", ["x"], ["shape"]),
             node("Expand", ["y", "shape"], ["z"])]
    return model(nodes, [inp("x", ["N", 4]), inp("y", ["N", 1])], [out("z", 2)])


@case("folding")
def slice_to_dynamic_end():
    # x[:, :x.size(1)] written with Shape/Gather/Unsqueeze.
    nodes = [node("Shape", ["x"], ["shape"]),
             node("Gather", ["shape", "one"], ["dim1"]),
             node("Unsqueeze", ["dim1", "axes"], ["end"]),
             node("Slice", ["x", "start", "end", "axes1"], ["y"])]
    return model(nodes, [inp("x", [2, "L"])], [out("y", 2)],
                 [init("one", np.array(1, np.int64)),
                  init("axes", np.array([0], np.int64)),
                  init("start", np.array([1], np.int64)),
                  init("axes1", np.array([1], np.int64))])


@case("folding")
def resize_sizes_dynamic_batch():
    # sizes = concat(shape(x)[:2], [8, 8]) with a dynamic batch.
    nodes = [node("Shape", ["x"], ["shape"]),
             node("Slice", ["shape", "zero", "two"], ["nc"]),
             node("Concat", ["nc", "hw"], ["sizes"], axis=0),
             node("Resize", ["x", "", "", "sizes"], ["y"])]
    return model(nodes, [inp("x", ["N", 3, 4, 4])], [out("y", 4)],
                 [init("zero", np.array([0], np.int64)),
                  init("two", np.array([2], np.int64)),
                  init("hw", np.array([8, 8], np.int64))])


@case("folding")
def constant_subgraph():
    # Range, Where, Equal, Neg, Sub, Div on small constants fold entirely.
    nodes = [node("Range", ["start", "limit", "delta"], ["range"]),
             node("Equal", ["range", "two"], ["is_two"]),
             node("Neg", ["range"], ["negated"]),
             node("Where", ["is_two", "negated", "range"], ["picked"]),
             node("Sub", ["picked", "two"], ["shifted"]),
             node("Div", ["shifted", "two"], ["halved"]),
             node("Add", ["x", "halved"], ["y"])]
    return model(nodes, [inp("x", [4], TP.INT64)], [out("y", 1, TP.INT64)],
                 [init("start", np.array(0, np.int64)),
                  init("limit", np.array(4, np.int64)),
                  init("delta", np.array(1, np.int64)),
                  init("two", np.array(2, np.int64))], opset=11)


#===-----------------------------------------------------------------------===#
# Runtime dims that ONNX shape inference loses track of (PyTorch exports)
#===-----------------------------------------------------------------------===#

def dims_of(x, names):
    """Shape(x) -> Gather(i) -> Unsqueeze per dim: one [1] tensor per name."""
    nodes = [node("Shape", [x], [x + "_shape"]),
             const(x + "_axes0", np.array([0], np.int64))]
    for i, name in enumerate(names):
        nodes += [const(f"{x}_i{i}", np.array(i, np.int64)),
                  node("Gather", [x + "_shape", f"{x}_i{i}"], [name + "_s"], axis=0),
                  node("Unsqueeze", [name + "_s", x + "_axes0"], [name])]
    return nodes


@case("dynamic")
def channel_shuffle():
    # torchvision's shufflenet channel_shuffle with a dynamic batch:
    # x.view(b, 2, c // 2, h, w).transpose(1, 2).view(b, -1, h, w). The Div
    # hides the first view's shape from ONNX shape inference, so the second
    # view's batch is traced through the transpose and the first view.
    nodes = dims_of("x", ["b", "c", "h", "w"]) + [
        node("Div", ["c", "two"], ["half"]),
        node("Concat", ["b", "two", "half", "h", "w"], ["split"], axis=0),
        node("Reshape", ["x", "split"], ["grouped"]),
        node("Transpose", ["grouped"], ["shuffled"], perm=[0, 2, 1, 3, 4]),
        node("Concat", ["b", "minus_one", "h", "w"], ["merged"], axis=0),
        node("Reshape", ["shuffled", "merged"], ["y"])]
    return model(nodes, [inp("x", ["N", 4, 3, 3])], [out("y", 4)],
                 [init("two", np.array([2], np.int64)),
                  init("minus_one", np.array([-1], np.int64))])


@case("dynamic")
def constant_of_shape_like():
    # mask.new_zeros(mask.shape) with a dynamic batch, as
    # nn.MultiheadAttention writes for a key padding mask.
    nodes = [node("Shape", ["mask"], ["shape"]),
             node("ConstantOfShape", ["shape"], ["zeros"],
                  value=init("v", np.array([0.5], np.float32))),
             node("Where", ["mask", "minus_inf", "zeros"], ["y"])]
    return model(nodes, [inp("mask", ["N", 1, 5], TP.BOOL)], [out("y", 3)],
                 [init("minus_inf", np.array(-np.inf, np.float32))])


@case("dynamic")
def constant_of_shape_mixed():
    # [x.size(0), 3, y.size(1)]: runtime dims of two values and a static one,
    # like the [directions, batch, hidden] zero state PyTorch writes for an
    # LSTM.
    nodes = dims_of("x", ["xb"]) + dims_of("y", ["yb", "yc"]) + [
        node("Concat", ["xb", "three", "yc"], ["shape"], axis=0),
        node("ConstantOfShape", ["shape"], ["z"],
             value=init("v", np.array([2], np.int64)))]
    return model(nodes, [inp("x", ["N", 2]), inp("y", [3, "M"])],
                 [out("z", 3, TP.INT64)], [init("three", np.array([3], np.int64))])


@case("dynamic_errors")
def constant_of_shape_computed():
    # [x.size(0) * 4]: a runtime value that is no tensor's dim.
    nodes = dims_of("x", ["xb"]) + [
        node("Mul", ["xb", "four"], ["shape"]),
        node("ConstantOfShape", ["shape"], ["z"])]
    return model(nodes, [inp("x", ["N", 2])], [out("z", 1)],
                 [init("four", np.array([4], np.int64))])


#===-----------------------------------------------------------------------===#
# Initializers, names, types and signatures
#===-----------------------------------------------------------------------===#

ELEMENT_TYPES = [
    ("f16", np.float16), ("f32", np.float32), ("f64", np.float64),
    ("i1", np.bool_), ("i8", np.int8), ("i16", np.int16), ("i32", np.int32),
    ("i64", np.int64), ("u8", np.uint8), ("u16", np.uint16),
    ("u32", np.uint32), ("u64", np.uint64)]


def typed_constants(raw):
    """Two constants per element type: 3 elements (inline) and 20 elements
    (a dense_resource blob, except booleans)."""
    inits, outputs = [], []
    for name, dtype in ELEMENT_TYPES:
        for count in (3, 20):
            values = (np.arange(count) % 2).astype(dtype) if dtype == np.bool_ \
                else (np.arange(count) + 1).astype(dtype)
            tensor = numpy_helper.from_array(values, f"{name}_{count}")
            if not raw:
                tensor = helper.make_tensor(f"{name}_{count}", tensor.data_type,
                                            [count], values.tolist())
            inits.append(tensor)
            outputs.append(out(f"{name}_{count}", [count], tensor.data_type))
    return model([], [], outputs, inits)


@case("initializers")
def raw_data():
    return typed_constants(raw=True)


@case("initializers")
def typed_fields():
    return typed_constants(raw=False)


@case("initializers")
def bfloat16():
    # bfloat16 bit patterns of 1.0, -2.0, 0.5 in raw_data and int32_data.
    bits = [0x3F80, 0xC000, 0x3F00]
    raw = helper.make_tensor("raw", TP.BFLOAT16, [3],
                             np.array(bits, np.uint16).tobytes(), raw=True)
    typed = bare_tensor("typed", TP.BFLOAT16, [3])
    typed.int32_data.extend(bits)
    return model([], [], [out("raw", [3], TP.BFLOAT16),
                          out("typed", [3], TP.BFLOAT16)], [raw, typed])


@case("initializers")
def splat_and_scalar():
    return model([node("Add", ["x", "zeros"], ["y"]),
                  node("Mul", ["y", "scale"], ["z"])],
                 [inp("x", [64])], [out("z", 1)],
                 [init("zeros", np.zeros(64, np.float32)),
                  init("scale", np.array(3.0, np.float32))])


@case("initializers")
def names_and_signature():
    # Graph inputs that are initializers (IR 3 lists them) are constants;
    # names with characters outside identifiers are kept in tl.name.
    w = np.arange(40, dtype=np.float32).reshape(5, 8)
    nodes = [node("MatMul", ["input.1", "onnx::MatMul_7"], ["mm"]),
             node("Add", ["mm", "bias/0"], ["out:0"]),
             node("Relu", ["out:0"], ["relu out"])]
    return model(nodes, [inp("input.1", ["batch", 5]),
                         inp("onnx::MatMul_7", [5, 8]), inp("bias/0", [8])],
                 [out("out:0", 2), out("relu out", 2)],
                 [init("onnx::MatMul_7", w),
                  init("bias/0", np.ones(8, np.float32))], opset=9,
                 ir_version=3)


@case("initializers")
def dynamic_dims():
    # dim_param, a dim without value and a static dim.
    x = helper.make_tensor_value_info("x", TP.FLOAT, ["batch", None, 3])
    return model([node("Relu", ["x"], ["y"])], [x], [out("y", 3)])


@case("initializers")
def external_data(outdir):
    values = np.arange(32, dtype=np.float32)
    with open(os.path.join(outdir, "external_data.bin"), "wb") as f:
        f.write(b"\0" * 16 + values.tobytes())
    tensor = bare_tensor("w", TP.FLOAT, [32])
    tensor.data_location = TP.EXTERNAL
    for key, value in (("location", "external_data.bin"), ("offset", "16"),
                       ("length", str(values.nbytes))):
        entry = tensor.external_data.add()
        entry.key, entry.value = key, value
    return model([node("Add", ["x", "w"], ["y"])], [inp("x", [32])],
                 [out("y", 1)], [tensor])


#===-----------------------------------------------------------------------===#
# Opset conversion
#===-----------------------------------------------------------------------===#

@case("versions")
def opset1_global_pool():
    # Older than the oldest opset the importer maps: upgraded to opset 6.
    return model([node("GlobalAveragePool", ["x"], ["y"])],
                 [inp("x", [1, 3, 4, 4])], [out("y", 4)], opset=1)


@case("versions")
def opset9_model():
    # Converted to opset 13 with --onnx-opset=13 (Upsample becomes Resize).
    nodes = [node("Upsample", ["x", "scales"], ["up"], mode="nearest"),
             node("Unsqueeze", ["up"], ["y"], axes=[0])]
    return model(nodes, [inp("x", [1, 1, 2, 2])], [out("y", 5)],
                 [init("scales", np.array([1, 1, 2, 2], np.float32))], opset=9)


@case("versions")
def opset13_split():
    # Has no adapter down to opset 6 (Split 13 -> 12 needs a constant split).
    return model([node("Split", ["x", "sizes"], ["a", "b"])],
                 [inp("x", [4]), inp("sizes", [2], TP.INT64)],
                 [out("a", 1), out("b", 1)], opset=13)


#===-----------------------------------------------------------------------===#
# Indexing: gathers, scatters, top-k, data-dependent shapes
#===-----------------------------------------------------------------------===#

@case("indexing")
def gathers():
    nodes = [node("GatherElements", ["x", "i"], ["ge"], axis=-1),
             node("GatherND", ["d", "j"], ["gnd"], batch_dims=1)]
    return model(nodes, [inp("x", [3, 4]), inp("i", [3, 2], TP.INT64),
                         inp("d", [2, 2, 2], TP.INT32), inp("j", [2, 1], TP.INT64)],
                 [out("ge", 2), out("gnd", 2, TP.INT32)])


@case("indexing")
def scatter_legacy():
    return model([node("Scatter", ["x", "i", "u"], ["y"], axis=1)],
                 [inp("x", [1, 5]), inp("i", [1, 2], TP.INT64), inp("u", [1, 2])],
                 [out("y", 2)], opset=10)


@case("indexing")
def scatter_reductions():
    nodes = [node("ScatterElements", ["x", "i", "u"], ["add"], reduction="add"),
             node("ScatterND", ["x", "k", "v"], ["mul"], reduction="mul"),
             node("ScatterND", ["x", "k", "v"], ["none"])]
    return model(nodes, [inp("x", [4, 3]), inp("i", [2, 3], TP.INT64),
                         inp("u", [2, 3]), inp("k", [2, 1], TP.INT64),
                         inp("v", [2, 3])],
                 [out("add", 2), out("mul", 2), out("none", 2)], opset=16)


@case("indexing")
def bitshift():
    nodes = [node("BitShift", ["x", "s"], ["left"], direction="LEFT"),
             node("BitShift", ["x", "s"], ["right"], direction="RIGHT")]
    return model(nodes, [inp("x", [3], TP.UINT32), inp("s", [3], TP.UINT32)],
                 [out("left", 1, TP.UINT32), out("right", 1, TP.UINT32)], opset=11)


@case("indexing")
def top_k():
    nodes = [node("TopK", ["x", "k"], ["v", "i"], axis=0, largest=0)]
    return model(nodes, [inp("x", [5, 2])], [out("v", 2), out("i", 2, TP.INT64)],
                 [init("k", np.array([3], np.int64))], opset=11)


@case("indexing")
def top_k_attribute():
    return model([node("TopK", ["x"], ["v", "i"], k=2)], [inp("x", [2, 6])],
                 [out("v", 2), out("i", 2, TP.INT64)], opset=1)


@case("indexing")
def reverse_sequence_unpool():
    nodes = [node("ReverseSequence", ["x", "lens"], ["rev"], batch_axis=0, time_axis=1),
             node("MaxUnpool", ["p", "pi"], ["up"], kernel_shape=[2, 2], strides=[2, 2]),
             node("MaxUnpool", ["p", "pi", "shape"], ["up5"], kernel_shape=[2, 2],
                  strides=[2, 2])]
    return model(nodes, [inp("x", [4, 3]), inp("lens", [4], TP.INT64),
                         inp("p", [1, 1, 2, 2]), inp("pi", [1, 1, 2, 2], TP.INT64)],
                 [out("rev", 2), out("up", 4), out("up5", 4)],
                 [init("shape", np.array([1, 1, 5, 5], np.int64))], opset=11)


@case("indexing")
def compress():
    nodes = [node("Compress", ["x", "c"], ["rows"], axis=-2),
             node("Compress", ["x", "c"], ["flat"])]
    return model(nodes, [inp("x", [3, 2])], [out("rows", 2), out("flat", 1)],
                 [init("c", np.array([True, False, True]))], opset=11)


@case("indexing")
def nonzero_unique():
    nodes = [const("c", np.array([[1, 0], [0, 3]], np.int32)),
             node("NonZero", ["c"], ["nz"]),
             const("u", np.array([2.0, 1.0, 1.0, 3.0, 4.0, 3.0], np.float32)),
             node("Unique", ["u"], ["y", "first", "inverse", "counts"], sorted=0),
             node("Unique", ["u"], ["ys"])]
    return model(nodes, [], [out("nz", 2, TP.INT64), out("y", 1), out("first", 1, TP.INT64),
                             out("inverse", 1, TP.INT64), out("counts", 1, TP.INT64),
                             out("ys", 1)], opset=13)


@case("indexing")
def unique_nan():
    # NaNs are one value, above every number (numpy >= 1.24).
    nodes = [const("u", np.array([np.nan, 1.0, np.nan, 0.0], np.float32)),
             node("Unique", ["u"], ["y", "first", "inverse", "counts"])]
    return model(nodes, [], [out("y", 1), out("first", 1, TP.INT64),
                             out("inverse", 1, TP.INT64), out("counts", 1, TP.INT64)],
                 opset=11)


@case("indexing_errors")
def nonzero_runtime():
    return model([node("NonZero", ["x"], ["nz"], name="nz")], [inp("x", [2, 2])],
                 [out("nz", 2, TP.INT64)], opset=13)


@case("indexing_errors")
def compress_runtime():
    return model([node("Compress", ["x", "c"], ["y"], axis=0, name="compress")],
                 [inp("x", [3, 2]), inp("c", [3], TP.BOOL)], [out("y", 2)], opset=11)


@case("indexing_errors")
def scatter_bad_reduction():
    return model([node("ScatterND", ["x", "k", "v"], ["y"], reduction="avg", name="s")],
                 [inp("x", [4, 3]), inp("k", [2, 1], TP.INT64), inp("v", [2, 3])],
                 [out("y", 2)], opset=16)


#===-----------------------------------------------------------------------===#
# Errors
#===-----------------------------------------------------------------------===#

@case("errors")
def unsupported_op():
    # Random numbers cannot match a reference: not imported.
    return model([node("Bernoulli", ["x"], ["y"], name="Bernoulli_3")],
                 [inp("x", [5])], [out("y", 1)], opset=15)


@case("errors")
def unsupported_domain():
    m = model([node("LabelEncoder", ["x"], ["y"], domain="ai.onnx.ml",
                    keys_int64s=[1], values_int64s=[2])],
              [inp("x", [3], TP.INT64)], [out("y", 1, TP.INT64)])
    m.opset_import.append(helper.make_opsetid("ai.onnx.ml", 2))
    return m


@case("errors")
def unsupported_auto_pad():
    return model([node("Conv", ["x", "w"], ["y"], auto_pad="FOO", name="Conv_3")],
                 [inp("x", [1, 1, 5, 5]), inp("w", [1, 1, 3, 3])], [out("y", 4)])


@case("errors")
def unsupported_resize_mode():
    return model([node("Resize", ["x", "", "scales"], ["y"], mode="area")],
                 [inp("x", [1, 1, 4, 4])], [out("y", 4)],
                 [init("scales", np.array([1, 1, 2, 2], np.float32))])


@case("errors")
def zero_strides():
    # Checked before ONNX shape inference, which divides by the strides.
    return model([node("MaxPool", ["x"], ["y"], kernel_shape=[2, 2],
                       strides=[0, 1])],
                 [inp("x", [1, 1, 4, 4])], [out("y", 4)])


@case("errors")
def layer_norm_axis():
    # Out of range for rank 3 (ONNX shape inference would read out of bounds).
    return model([node("LayerNormalization", ["x", "g"], ["y", "mean"],
                       axis=-4, name="ln")],
                 [inp("x", [2, 3, 4]), inp("g", [4])],
                 [out("y", 3), out("mean", 3)], opset=17)


@case("errors")
def batch_norm_channels():
    return model([node("BatchNormalization", ["x", "s", "b", "m", "v"], ["y"],
                       name="bn")],
                 [inp("x", [1, 3, 4, 4]), inp("s", [4])] +
                 [inp(n, [3]) for n in ("b", "m", "v")], [out("y", 4)])


@case("errors")
def runtime_shape():
    return model([node("Reshape", ["x", "shape"], ["y"], name="reshape")],
                 [inp("x", [2, 3]), inp("shape", [2], TP.INT64)], [out("y", 2)])


@case("errors")
def runtime_dim_shape():
    # Two runtime dims that are not the input's own dims.
    nodes = [node("Shape", ["y"], ["shape"]),
             node("Reshape", ["x", "shape"], ["z"], name="reshape")]
    return model(nodes, [inp("x", ["A", "B"]), inp("y", ["C", "D"])],
                 [out("z", 2)])


@case("errors")
def runtime_shape_output():
    return model([node("Shape", ["x"], ["shape"])], [inp("x", ["N", 3])],
                 [out("shape", [2], TP.INT64)])


@case("errors")
def type_inference_failure():
    # Channels do not match; ONNX shape inference leaves it to the importer.
    return model([node("Conv", ["x", "w"], ["y"], name="conv")],
                 [inp("x", [1, 3, 5, 5]), inp("w", [2, 4, 3, 3])], [out("y", 4)])


@case("errors")
def verifier_failure():
    # tl.exp takes floating-point tensors only (ONNX's checker does not check
    # operand types).
    return model([node("Exp", ["x"], ["y"], name="exp")],
                 [inp("x", [3], TP.INT32)], [out("y", 1, TP.INT32)])


@case("errors")
def unsupported_output():
    # Opset 9 BatchNormalization's running mean (a training output).
    return model([node("BatchNormalization", ["x", "s", "b", "m", "v"],
                       ["y", "mean", "var", "saved_mean", "saved_var"],
                       name="bn")],
                 [inp("x", [1, 2, 4, 4])], [out("y", 4), out("mean", 1)],
                 [init(n, np.ones(2, np.float32)) for n in "sbmv"], opset=9)


@case("errors")
def string_input():
    return model([node("Identity", ["x"], ["y"])], [inp("x", [2], TP.STRING)],
                 [out("y", 1, TP.STRING)])


@case("errors")
def checker_failure():
    # Relu has no attribute `alpha`.
    return model([node("Relu", ["x"], ["y"], alpha=1.0)], [inp("x", [2])],
                 [out("y", 1)])


@case("errors")
def opset_too_new():
    m = model([node("Relu", ["x"], ["y"])], [inp("x", [2])], [out("y", 1)])
    m.opset_import[0].version = 18
    return m


@case("errors")
def malformed(outdir):
    with open(os.path.join(outdir, "malformed.onnx"), "wb") as f:
        f.write(b"\xff\xff\xff\xff not a protobuf \x00\x01")


@case("errors")
def truncated(outdir):
    data = model([node("Relu", ["x"], ["y"])], [inp("x", [2])],
                 [out("y", 1)]).SerializeToString()
    with open(os.path.join(outdir, "truncated.onnx"), "wb") as f:
        f.write(data[:len(data) * 2 // 3])


@case("errors")
def missing_external_data():
    tensor = bare_tensor("w", TP.FLOAT, [4])
    tensor.data_location = TP.EXTERNAL
    entry = tensor.external_data.add()
    entry.key, entry.value = "location", "missing.bin"
    return model([node("Add", ["x", "w"], ["y"])], [inp("x", [4])],
                 [out("y", 1)], [tensor])


@case("errors")
def truncated_cuts(outdir):
    # One model with an initializer and attributes cut at several points:
    # inside the header, a node, an attribute, the initializer's data.
    w = np.arange(64, dtype=np.float32).reshape(4, 4, 2, 2)
    data = model([node("Conv", ["x", "w"], ["y"], pads=[1, 1, 1, 1], name="conv"),
                  node("Relu", ["y"], ["z"], name="relu")],
                 [inp("x", [1, 4, 5, 5])], [out("z", 4)],
                 [init("w", w)]).SerializeToString()
    cuts = (1, 7, len(data) // 5, len(data) // 3, len(data) // 2,
            len(data) * 3 // 4, len(data) - 9, len(data) - 1)
    for i, cut in enumerate(cuts):
        with open(os.path.join(outdir, f"truncated_{i}.onnx"), "wb") as f:
            f.write(data[:cut])


@case("errors")
def missing_initializer():
    # `w` was meant to be an initializer; nothing defines it.
    return model([node("Add", ["x", "w"], ["y"], name="add")],
                 [inp("x", [4])], [out("y", 1)])


@case("errors")
def initializer_raw_size():
    w = init("w", np.ones(3, np.float32))
    w.dims[:] = [2, 2]
    return model([node("Add", ["x", "w"], ["y"], name="add")],
                 [inp("x", [2, 2])], [out("y", 2)], [w])


@case("errors")
def constant_raw_size():
    # A Constant whose raw data is shorter than its dims: libonnx's shape
    # inference of the Tile reading it would overflow its buffer.
    value = init("v", np.ones(3, np.int64))
    value.dims[:] = [4]
    return model([node("Constant", [], ["reps"], name="reps", value=value),
                  node("Tile", ["x", "reps"], ["y"], name="tile")],
                 [inp("x", [1, 1, 1, 1])], [out("y", 4)])


@case("errors")
def initializer_typed_size():
    w = bare_tensor("w", TP.INT64, [5])
    w.int64_data.extend([1, 2, 3])
    return model([node("Add", ["x", "w"], ["y"], name="add")],
                 [inp("x", [5], TP.INT64)], [out("y", 1, TP.INT64)], [w])


@case("errors")
def type_mismatch():
    # Neither the ONNX checker nor ONNX shape inference (as the importer runs
    # it) compares the operand types of Add; tl.add's verifier does.
    return model([node("Add", ["x", "i"], ["y"], name="add")],
                 [inp("x", [4]), inp("i", [4], TP.INT64)], [out("y", 1)])


@case("errors")
def unknown_op():
    # No ONNX schema at all (as opposed to an ONNX operator tl lacks).
    return model([node("Frobnicate", ["x"], ["y"], name="frob")],
                 [inp("x", [4])], [out("y", 1)])


@case("errors")
def unknown_domain():
    m = model([node("Foo", ["x"], ["y"], domain="com.example", name="foo")],
              [inp("x", [4])], [out("y", 1)])
    m.opset_import.append(helper.make_opsetid("com.example", 1))
    return m


@case("errors")
def unknown_domain_not_imported():
    return model([node("Foo", ["x"], ["y"], domain="com.example", name="foo")],
                 [inp("x", [4])], [out("y", 1)])


@case("errors")
def no_default_opset():
    m = model([node("Relu", ["x"], ["y"], name="relu")], [inp("x", [4])],
              [out("y", 1)])
    m.opset_import[0].domain = "ai.onnx.ml"
    m.opset_import[0].version = 2
    return m


@case("errors")
def opset_zero():
    m = model([node("Relu", ["x"], ["y"])], [inp("x", [4])], [out("y", 1)])
    m.opset_import[0].version = 0
    return m


@case("errors")
def output_not_produced():
    return model([node("Relu", ["x"], ["y"], name="relu")], [inp("x", [4])],
                 [out("y", 1), out("z", 1)])


@case("errors")
def duplicate_outputs():
    return model([node("Relu", ["x"], ["y"], name="relu"),
                  node("Neg", ["x"], ["y"], name="neg")],
                 [inp("x", [4])], [out("y", 1)])


@case("errors")
def output_shadows_input():
    return model([node("Relu", ["x"], ["x"], name="relu")], [inp("x", [4])],
                 [out("x", 1)])


@case("errors")
def cyclic():
    # add -> relu -> add.
    return model([node("Add", ["x", "r"], ["a"], name="add"),
                  node("Relu", ["a"], ["r"], name="relu")],
                 [inp("x", [4])], [out("a", 1)])


@case("errors")
def self_loop():
    return model([node("Add", ["x", "a"], ["a"], name="add")],
                 [inp("x", [4])], [out("a", 1)])


@case("recurrent")
def lstm_bidirectional_full():
    # Every input, all three outputs, symbolic seq and batch.
    names = ["x", "w", "r", "b", "lens", "h0", "c0", "p"]
    return model([node("LSTM", names, ["y", "y_h", "y_c"], hidden_size=3,
                       direction="bidirectional", input_forget=1)],
                 [inp("x", ["seq", "batch", 4]), inp("w", [2, 12, 4]),
                  inp("r", [2, 12, 3]), inp("b", [2, 24]),
                  inp("lens", ["batch"], TP.INT32), inp("h0", [2, "batch", 3]),
                  inp("c0", [2, "batch", 3]), inp("p", [2, 9])],
                 [out("y", 4), out("y_h", 3), out("y_c", 3)], opset=14)


@case("recurrent")
def gru_activations():
    # alpha/beta are consumed in order by the activations that take them:
    # HardSigmoid takes alpha 0.3 and beta 0.6, LeakyRelu alpha 0.05.
    return model([node("GRU", ["x", "w", "r", "", "", "h0"], ["", "y_h"],
                       hidden_size=5, linear_before_reset=1, clip=3.0,
                       activations=["hardsigmoid", "LeakyRelu"],
                       activation_alpha=[0.3, 0.05], activation_beta=[0.6])],
                 [inp("x", [7, 2, 3]), inp("w", [1, 15, 3]), inp("r", [1, 15, 5]),
                  inp("h0", [1, 2, 5])],
                 [out("y_h", 3)], opset=14)


@case("recurrent")
def rnn_layout_reverse_no_hidden_size():
    # hidden_size comes from R when absent.
    return model([node("RNN", ["x", "w", "r"], ["y"], direction="reverse",
                       layout=1)],
                 [inp("x", [2, 7, 3]), inp("w", [1, 4, 3]), inp("r", [1, 4, 4])],
                 [out("y", 4)], opset=14)


@case("recurrent-errors")
def rnn_unknown_activation():
    return model([node("RNN", ["x", "w", "r"], ["y"], hidden_size=4,
                       activations=["Gelu"], name="rnn")],
                 [inp("x", [2, 7, 3]), inp("w", [1, 4, 3]), inp("r", [1, 4, 4])],
                 [out("y", 4)], opset=14)


@case("control-flow")
def if_captures():
    # The branches use outer values (x, y) and produce different shapes.
    then_branch = helper.make_graph(
        [node("Neg", ["x"], ["t"])], "then", [], [out("t", 1)])
    else_branch = helper.make_graph(
        [node("Relu", ["y"], ["e"])], "else", [], [out("e", 1)])
    return model([node("If", ["c"], ["r"], then_branch=then_branch,
                       else_branch=else_branch)],
                 [inp("c", [], TP.BOOL), inp("x", [4]), inp("y", [3])],
                 [out("r", 1)], opset=13)


@case("control-flow")
def loop_growing():
    # A loop-carried value that grows each iteration becomes dynamic; the
    # scan output stacks a scalar per iteration; the body reads `step` from
    # the outer graph.
    body = helper.make_graph(
        [node("Identity", ["c_in"], ["c_out"]),
         node("Concat", ["acc_in", "step"], ["acc_out"], axis=0),
         node("ReduceSum", ["acc_out"], ["total"], keepdims=0)],
        "body",
        [inp("i", [], TP.INT64), inp("c_in", [], TP.BOOL), inp("acc_in", None)],
        [out("c_out", []), out("acc_out", 1), out("total", [])])
    # out("c_out", []) declares a bool below; fix its element type.
    body.output[0].type.tensor_type.elem_type = TP.BOOL
    return model([node("Loop", ["n", "", "acc0"], ["acc", "totals"], body=body)],
                 [inp("n", [], TP.INT64), inp("acc0", [1]), inp("step", [1])],
                 [out("acc", 1), out("totals", 1)], opset=13)


@case("control-flow")
def scan_running_sum():
    body = helper.make_graph(
        [node("Add", ["sum_in", "next"], ["sum_out"]),
         node("Identity", ["sum_out"], ["scan_out"])],
        "body", [inp("sum_in", [2]), inp("next", [2])],
        [out("sum_out", [2]), out("scan_out", [2])])
    return model([node("Scan", ["initial", "x"], ["y", "z"], body=body,
                       num_scan_inputs=1)],
                 [inp("initial", [2]), inp("x", [3, 2])],
                 [out("y", 1), out("z", 2)], opset=11)


@case("errors")
def unsorted():
    # Acyclic but out of order, which ONNX does not allow.
    return model([node("Neg", ["r"], ["y"], name="neg"),
                  node("Relu", ["x"], ["r"], name="relu")],
                 [inp("x", [4])], [out("y", 1)])


#===-----------------------------------------------------------------------===#
# Quantization, Einsum, window functions
#===-----------------------------------------------------------------------===#

@case("quant")
def quantize_linear():
    nodes = [node("QuantizeLinear", ["x", "s", "z"], ["q"]),
             node("QuantizeLinear", ["x", "sc", "zc"], ["qc"], axis=1),
             node("QuantizeLinear", ["x", "s"], ["q_default"]),
             node("DequantizeLinear", ["q", "s", "z"], ["d"])]
    return model(nodes, [inp("x", [2, 3, 4])],
                 [out("q", 3, TP.UINT8), out("qc", 3, TP.INT8),
                  out("q_default", 3, TP.UINT8), out("d", 3)],
                 [init("s", np.float32(0.5)), init("z", np.uint8(128)),
                  init("sc", np.array([0.5, 1, 2], np.float32)),
                  init("zc", np.array([-1, 0, 1], np.int8))])


@case("quant")
def dynamic_quantize_linear():
    nodes = [node("DynamicQuantizeLinear", ["x"], ["y", "ys", "yz"])]
    return model(nodes, [inp("x", [2, 3])],
                 [out("y", 2, TP.UINT8), out("ys", 0), out("yz", 0, TP.UINT8)],
                 opset=11)


@case("quant")
def integer_matmul_conv():
    nodes = [node("MatMulInteger", ["a", "b", "az", "bz"], ["mm"]),
             node("ConvInteger", ["x", "w", "xz", "wz"], ["conv"], pads=[1, 1, 1, 1])]
    return model(nodes, [inp("a", [4, 3], TP.UINT8), inp("b", [3, 2], TP.INT8),
                         inp("x", [1, 2, 5, 5], TP.UINT8),
                         inp("w", [3, 2, 3, 3], TP.UINT8)],
                 [out("mm", 2, TP.INT32), out("conv", 4, TP.INT32)],
                 [init("az", np.array([1, 2, 3, 4], np.uint8)),
                  init("bz", np.array([5], np.int8)),
                  init("xz", np.uint8(7)),
                  init("wz", np.array([1, 2, 3], np.uint8))], opset=10)


@case("quant")
def qlinear_matmul_conv():
    nodes = [node("QLinearMatMul", ["a", "as", "az", "b", "bs", "bz", "ys", "yz"], ["mm"]),
             node("QLinearConv", ["x", "as", "az", "w", "ws", "wz", "ys", "yz", "bias"],
                  ["conv"])]
    return model(nodes, [inp("a", [2, 4], TP.UINT8), inp("b", [4, 3], TP.UINT8),
                         inp("x", [1, 2, 5, 5], TP.UINT8),
                         inp("w", [3, 2, 1, 1], TP.UINT8)],
                 [out("mm", 2, TP.UINT8), out("conv", 4, TP.UINT8)],
                 [init("as", np.array([0.5], np.float32)),
                  init("az", np.array([3], np.uint8)),
                  init("bs", np.array([0.25], np.float32)),
                  init("bz", np.array([4], np.uint8)),
                  init("ws", np.array([0.25, 0.5, 1], np.float32)),
                  init("wz", np.array([1, 2, 3], np.uint8)),
                  init("ys", np.float32(0.125)), init("yz", np.uint8(10)),
                  init("bias", np.array([1, -2, 3], np.int32))], opset=10)


@case("linalg")
def einsum():
    nodes = [node("Einsum", ["a", "b"], ["mm"], equation="bij, bjk -> bik"),
             node("Einsum", ["x"], ["diag"], equation="...ii->...i"),
             node("Einsum", ["v", "v"], ["dot"], equation="i,i")]
    return model(nodes, [inp("a", [5, 2, 3]), inp("b", [5, 3, 4]),
                         inp("x", [3, 4, 4]), inp("v", [6])],
                 [out("mm", 3), out("diag", 2), out("dot", 0)], opset=12)


@case("linalg")
def det():
    nodes = [node("Det", ["x"], ["d2"]), node("Det", ["y"], ["d3"])]
    return model(nodes, [inp("x", [4, 2, 2]), inp("y", [3, 3])],
                 [out("d2", 1), out("d3", 0)], opset=11)


@case("signal")
def windows():
    nodes = [node("HannWindow", ["n"], ["hann"]),
             node("HammingWindow", ["n"], ["hamming"], periodic=0),
             node("BlackmanWindow", ["n"], ["blackman"], output_datatype=TP.DOUBLE)]
    return model(nodes, [], [out("hann", 1), out("hamming", 1),
                             out("blackman", 1, TP.DOUBLE)],
                 [init("n", np.int64(4))], opset=17)


@case("signal")
def mel_weight_matrix():
    nodes = [node("MelWeightMatrix", ["bins", "dft", "rate", "low", "high"], ["mel"])]
    return model(nodes, [], [out("mel", 2)],
                 [init("bins", np.int64(2)), init("dft", np.int64(8)),
                  init("rate", np.int64(8000)), init("low", np.float32(0)),
                  init("high", np.float32(4000))], opset=17)


@case("signal")
def dft_stft():
    nodes = [node("DFT", ["x"], ["dft"], axis=1),
             node("DFT", ["c", "n"], ["idft"], axis=-2, inverse=1),
             node("STFT", ["s", "step", "w"], ["stft"])]
    return model(nodes, [inp("x", [2, 4, 1]), inp("c", [3, 2]), inp("s", [1, 10, 1]),
                         inp("w", [4])],
                 [out("dft", 3), out("idft", 2), out("stft", 4)],
                 [init("n", np.int64(2)), init("step", np.int64(3))], opset=17)


@case("vision")
def grid_sample():
    nodes = [node("GridSample", ["x", "g"], ["bilinear"]),
             node("GridSample", ["x", "g"], ["bicubic"], mode="bicubic",
                  padding_mode="reflection", align_corners=1)]
    return model(nodes, [inp("x", [1, 2, 4, 4]), inp("g", [1, 3, 5, 2])],
                 [out("bilinear", 4), out("bicubic", 4)], opset=16)


@case("vision")
def roi_align():
    nodes = [node("RoiAlign", ["x", "rois", "batch"], ["y"], output_height=2,
                  output_width=3, sampling_ratio=2, spatial_scale=0.5)]
    return model(nodes, [inp("x", [2, 4, 8, 8]), inp("rois", [5, 4]),
                         inp("batch", [5], TP.INT64)], [out("y", 4)], opset=16)


@case("vision")
def non_max_suppression():
    boxes = np.array([[[0, 0, 1, 1], [0, 0.1, 1, 1.1], [0, 10, 1, 11]]], np.float32)
    scores = np.array([[[0.9, 0.8, 0.7]]], np.float32)
    nodes = [node("NonMaxSuppression", ["boxes", "scores", "max", "iou"], ["selected"])]
    return model(nodes, [], [out("selected", 2, TP.INT64)],
                 [init("boxes", boxes), init("scores", scores),
                  init("max", np.array([3], np.int64)),
                  init("iou", np.array([0.5], np.float32))], opset=11)


@case("text")
def tfidf_vectorizer():
    attrs = dict(min_gram_length=1, max_gram_length=2, max_skip_count=1,
                 ngram_counts=[0, 2], ngram_indexes=[1, 0, 2],
                 pool_int64s=[3, 5, 3, 5])
    nodes = [node("TfIdfVectorizer", ["x"], ["tf"], mode="TF", **attrs),
             node("TfIdfVectorizer", ["x"], ["tfidf"], mode="TFIDF",
                  weights=[0.5, 2.0, 4.0], **attrs)]
    return model(nodes, [inp("x", [2, 4], TP.INT64)],
                 [out("tf", 2), out("tfidf", 2)], opset=9)


@case("coverage-errors")
def non_max_suppression_runtime():
    nodes = [node("NonMaxSuppression", ["boxes", "scores"], ["selected"], name="nms")]
    return model(nodes, [inp("boxes", [1, 3, 4]), inp("scores", [1, 1, 3])],
                 [out("selected", 2, TP.INT64)], opset=11)


@case("coverage-errors")
def det_too_large():
    return model([node("Det", ["x"], ["d"], name="det")], [inp("x", [5, 5])],
                 [out("d", 0)], opset=11)


@case("coverage-errors")
def qlinear_matmul_per_row_output_scale():
    nodes = [node("QLinearMatMul", ["a", "s", "z", "b", "s", "z", "ys", "yz"], ["y"],
                  name="qmm")]
    return model(nodes, [inp("a", [2, 3], TP.UINT8), inp("b", [3, 2], TP.UINT8)],
                 [out("y", 2, TP.UINT8)],
                 [init("s", np.array([0.5], np.float32)), init("z", np.array([1], np.uint8)),
                  init("ys", np.array([0.5, 0.25], np.float32)),
                  init("yz", np.array([1, 2], np.uint8))], opset=10)


@case("coverage-errors")
def einsum_bad_equation():
    return model([node("Einsum", ["x"], ["y"], equation="ij->k", name="einsum")],
                 [inp("x", [2, 3])], [out("y", 1)], opset=12)


@case("coverage-errors")
def tfidf_strings():
    return model([node("TfIdfVectorizer", ["x"], ["y"], name="tfidf", mode="TF",
                       min_gram_length=1, max_gram_length=1, max_skip_count=0,
                       ngram_counts=[0], ngram_indexes=[0], pool_strings=["a"])],
                 [inp("x", [3], TP.INT64)], [out("y", 1)], opset=9)
# Losses
#===-----------------------------------------------------------------------===#

@case("loss")
def nll_loss():
    nodes = [node("NegativeLogLikelihoodLoss", ["x", "t", "w"], ["sum"],
                  reduction="sum", ignore_index=-1),
             node("NegativeLogLikelihoodLoss", ["x", "t"], ["none"],
                  reduction="none"),
             node("NegativeLogLikelihoodLoss", ["x", "t"], ["mean"])]
    return model(nodes, [inp("x", [3, 5, 2]), inp("t", [3, 2], TP.INT64),
                         inp("w", [5])],
                 [out("sum", 0), out("none", 2), out("mean", 0)], opset=13)


@case("loss")
def sce_loss():
    # log_prob is the log_softmax over the class axis the loss is taken of.
    nodes = [node("SoftmaxCrossEntropyLoss", ["x", "t"], ["loss", "log_prob"],
                  reduction="mean", ignore_index=2),
             node("SoftmaxCrossEntropyLoss", ["x", "t", "w"], ["weighted"],
                  reduction="none")]
    return model(nodes, [inp("x", ["N", 4, 3]), inp("t", ["N", 3], TP.INT32),
                         inp("w", [4])],
                 [out("loss", 0), out("log_prob", 3), out("weighted", 2)],
                 opset=13)


@case("loss_errors")
def sce_bad_reduction():
    return model([node("SoftmaxCrossEntropyLoss", ["x", "t"], ["loss"],
                       reduction="max")],
                 [inp("x", [3, 4]), inp("t", [3], TP.INT64)], [out("loss", 0)],
                 opset=13)


#===-----------------------------------------------------------------------===#
# Trilu, CumSum
#===-----------------------------------------------------------------------===#

@case("positional")
def trilu():
    nodes = [node("Trilu", ["x", "k"], ["upper"]),
             node("Trilu", ["x"], ["lower"], upper=0),
             node("Trilu", ["x", "k1"], ["lower_k1"], upper=0)]
    return model(nodes, [inp("x", ["B", 4, 5]), inp("k", [], TP.INT64)],
                 [out("upper", 3), out("lower", 3), out("lower_k1", 3)],
                 [init("k1", np.array([-1], dtype=np.int64))], opset=14)


@case("positional")
def cumsum():
    nodes = [node("CumSum", ["x", "axis"], ["y"]),
             node("CumSum", ["i", "axis0"], ["j"], exclusive=1, reverse=1)]
    return model(nodes, [inp("x", [2, 3]), inp("i", [4], TP.INT32)],
                 [out("y", 2), out("j", 1, TP.INT32)],
                 [init("axis", np.array(-1, dtype=np.int32)),
                  init("axis0", np.array([0], dtype=np.int64))], opset=14)


@case("positional_errors")
def cumsum_runtime_axis():
    return model([node("CumSum", ["x", "axis"], ["y"])],
                 [inp("x", [2, 3]), inp("axis", [], TP.INT64)], [out("y", 2)],
                 opset=14)


def main(argv):
    if len(argv) == 2 and argv[1] == "--list":
        for group, cases in GROUPS.items():
            print(group + ": " + " ".join(fn.__name__ for fn in cases))
        return 0
    if len(argv) != 3 or argv[1] not in GROUPS:
        print(__doc__, file=sys.stderr)
        return 2
    outdir = argv[2]
    os.makedirs(outdir, exist_ok=True)
    for fn in GROUPS[argv[1]]:
        if fn.__code__.co_argcount == 1:
            result = fn(outdir)
        else:
            result = fn()
        if result is not None:
            onnx.save(result, os.path.join(outdir, fn.__name__ + ".onnx"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
