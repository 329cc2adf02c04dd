"""Loading and running models compiled by tlc, with numpy arrays."""

import ctypes
from dataclasses import dataclass
from typing import List, Optional, Tuple

import numpy as np

from . import _abi


class TlcError(RuntimeError):
    """A compiled model rejected its inputs or failed to run."""

    def __init__(self, code: int, message: str):
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class TensorSpec:
    """A model input or output: name, numpy dtype and shape (None = dynamic)."""
    name: str
    dtype: np.dtype
    shape: Tuple[Optional[int], ...]


def _spec(info: _abi.TensorInfo) -> TensorSpec:
    shape = tuple(None if info.shape[i] < 0 else int(info.shape[i])
                  for i in range(info.rank))
    return TensorSpec(info.name.decode(), _abi.DTYPES[info.dtype], shape)


class CompiledModel:
    """A shared library produced by `tl-compile` (or `tlc.compile`).

    >>> model = tlc.load("libmodel.so")
    >>> outputs = model.run(x)                      # list of numpy arrays
    >>> outputs = model.run(x, threads=2)

    Runs are thread-safe: each `run` uses its own session unless one is kept
    with `threads` fixed through `session()`.
    """

    def __init__(self, path: str):
        self.path = path
        self._lib = ctypes.CDLL(path, mode=ctypes.RTLD_LOCAL)
        try:
            getter = self._lib.tlc_get_model_api
        except AttributeError:
            raise TlcError(1, f"{path}: not a tlc model (no tlc_get_model_api)")
        getter.restype = ctypes.POINTER(_abi.ModelAPI)
        self._api = getter().contents
        if self._api.abi_version != _abi.ABI_VERSION:
            raise TlcError(1, f"{path}: ABI version {self._api.abi_version}, "
                              f"this package supports {_abi.ABI_VERSION}")
        info = self._api.info.contents
        self.name = info.name.decode()
        self.inputs: List[TensorSpec] = [_spec(info.inputs[i])
                                         for i in range(info.num_inputs)]
        self.outputs: List[TensorSpec] = [_spec(info.outputs[i])
                                          for i in range(info.num_outputs)]
        self._sessions = {}

    def _session(self, threads: int):
        if threads not in self._sessions:
            session = _abi.SessionPtr()
            error = _abi.Error()
            status = self._api.session_create(threads, ctypes.byref(session),
                                              ctypes.byref(error))
            if status:
                raise TlcError(status, error.message.decode())
            self._sessions[threads] = session
        return self._sessions[threads]

    def run(self, *arrays, threads: int = 0) -> List[np.ndarray]:
        """Runs the model on numpy arrays (in input order); returns the outputs.

        threads: worker threads (0: one per core).
        """
        if len(arrays) != len(self.inputs):
            raise TlcError(1, f"{self.name} takes {len(self.inputs)} inputs, "
                              f"got {len(arrays)}")
        keep = []
        inputs = (_abi.Tensor * max(1, len(arrays)))()
        for tensor, spec, array in zip(inputs, self.inputs, arrays):
            array = np.ascontiguousarray(array)
            if array.dtype not in _abi.DTYPE_CODES:
                raise TlcError(3, f"input '{spec.name}': unsupported dtype {array.dtype}")
            if array.ndim > _abi.MAX_RANK:
                raise TlcError(4, f"input '{spec.name}': rank {array.ndim} exceeds "
                                  f"{_abi.MAX_RANK}")
            keep.append(array)
            tensor.data = array.ctypes.data
            tensor.capacity = tensor.size = array.nbytes
            tensor.dtype = _abi.DTYPE_CODES[array.dtype]
            tensor.rank = array.ndim
            for i, d in enumerate(array.shape):
                tensor.shape[i] = d
        outputs = (_abi.Tensor * max(1, len(self.outputs)))()
        error = _abi.Error()
        status = self._api.run(self._session(threads), inputs, len(arrays), outputs,
                               len(self.outputs), ctypes.byref(error))
        if status:
            raise TlcError(status, error.message.decode())
        results = []
        libc_free = ctypes.CDLL(None).free
        libc_free.argtypes = [ctypes.c_void_p]
        for tensor in outputs[:len(self.outputs)]:
            shape = tuple(tensor.shape[i] for i in range(tensor.rank))
            dtype = _abi.DTYPES[tensor.dtype]
            buffer = (ctypes.c_char * tensor.size).from_address(tensor.data) \
                if tensor.size else b""
            results.append(np.frombuffer(bytes(buffer), dtype=dtype).reshape(shape))
            libc_free(tensor.data)  # outputs with data == NULL are malloc()ed
        return results

    def close(self):
        for session in self._sessions.values():
            self._api.session_destroy(session)
        self._sessions.clear()

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass

    def __repr__(self):
        def fmt(specs):
            return ", ".join(f"{s.name}: {s.dtype}{list(s.shape)}" for s in specs)
        return f"CompiledModel({self.path!r}, inputs=[{fmt(self.inputs)}], " \
               f"outputs=[{fmt(self.outputs)}])"


def load(path: str) -> CompiledModel:
    """Loads a model compiled with `tl-compile` (a .so)."""
    return CompiledModel(path)
