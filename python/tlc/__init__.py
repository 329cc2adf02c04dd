"""tlc: compile TensorLayer-style models, ONNX files and tl MLIR; run them with numpy."""

from . import nn
from .compiler import compile, find_tool
from .runtime import CompiledModel, TensorSpec, TlcError, load

__all__ = ["nn", "compile", "find_tool", "load", "CompiledModel", "TensorSpec", "TlcError"]
