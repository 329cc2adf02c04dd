"""Compiling models with tl-compile from Python."""

import os
import shutil
import subprocess
import tempfile
from typing import Optional, Union

from .runtime import CompiledModel, TlcError

_REPO_BIN = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__)))), "build", "bin")


def find_tool(name: str) -> str:
    """Path of a tlc tool: $TLC_BIN, the repository's build/bin, then PATH."""
    for folder in (os.environ.get("TLC_BIN"), _REPO_BIN):
        if folder and os.access(os.path.join(folder, name), os.X_OK):
            return os.path.join(folder, name)
    found = shutil.which(name)
    if not found:
        raise TlcError(1, f"cannot find {name}: set TLC_BIN to the folder holding "
                          "the tlc tools, or build the repository")
    return found


def compile(model: Union[str, "tlc.nn.Model"], output: Optional[str] = None,
            opt_level: int = 3, name: Optional[str] = None) -> CompiledModel:
    """Compiles a model to a shared library and loads it.

    model: a path to an .onnx or .mlir file, or a `tlc.nn.Model`.
    output: where to write the .so (default: a temporary folder that lives as
            long as the returned model).
    """
    tmp = None
    if output is None:
        tmp = tempfile.TemporaryDirectory(prefix="tlc-")
        output = os.path.join(tmp.name, "model.so")
    if not isinstance(model, str):
        source = os.path.splitext(output)[0] + ".mlir"
        with open(source, "w") as f:
            f.write(model.to_mlir())
        model = source
    cmd = [find_tool("tl-compile"), model, "-o", output, f"-O{opt_level}"]
    if name:
        cmd.append(f"--name={name}")
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise TlcError(1, proc.stderr.strip() or f"tl-compile exited {proc.returncode}")
    compiled = CompiledModel(output)
    compiled._tmp = tmp  # keep the temporary folder alive with the model
    return compiled
