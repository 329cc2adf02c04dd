"""ctypes mirror of include/tlc/Runtime/ABI.h (the C ABI of compiled models)."""

import ctypes

import numpy as np

ABI_VERSION = 1
MAX_RANK = 8

# tlc_dtype values (those of ONNX TensorProto.DataType) and their numpy types.
DTYPES = {
    1: np.dtype(np.float32), 2: np.dtype(np.uint8), 3: np.dtype(np.int8),
    4: np.dtype(np.uint16), 5: np.dtype(np.int16), 6: np.dtype(np.int32),
    7: np.dtype(np.int64), 9: np.dtype(np.bool_), 10: np.dtype(np.float16),
    11: np.dtype(np.float64), 12: np.dtype(np.uint32), 13: np.dtype(np.uint64),
}
DTYPE_CODES = {v: k for k, v in DTYPES.items()}


class Error(ctypes.Structure):
    _fields_ = [("code", ctypes.c_int32), ("message", ctypes.c_char * 512)]


class TensorInfo(ctypes.Structure):
    _fields_ = [("name", ctypes.c_char_p), ("dtype", ctypes.c_int32),
                ("rank", ctypes.c_int32), ("shape", ctypes.POINTER(ctypes.c_int64)),
                ("dim_names", ctypes.POINTER(ctypes.c_char_p))]


class ModelInfo(ctypes.Structure):
    _fields_ = [("abi_version", ctypes.c_uint32), ("num_inputs", ctypes.c_int32),
                ("num_outputs", ctypes.c_int32), ("name", ctypes.c_char_p),
                ("inputs", ctypes.POINTER(TensorInfo)),
                ("outputs", ctypes.POINTER(TensorInfo))]


class Tensor(ctypes.Structure):
    _fields_ = [("data", ctypes.c_void_p), ("capacity", ctypes.c_size_t),
                ("size", ctypes.c_size_t), ("dtype", ctypes.c_int32),
                ("rank", ctypes.c_int32), ("shape", ctypes.c_int64 * MAX_RANK)]


SessionPtr = ctypes.c_void_p
SessionCreateFn = ctypes.CFUNCTYPE(ctypes.c_int32, ctypes.c_int32,
                                   ctypes.POINTER(SessionPtr), ctypes.POINTER(Error))
SessionDestroyFn = ctypes.CFUNCTYPE(None, SessionPtr)
RunFn = ctypes.CFUNCTYPE(ctypes.c_int32, SessionPtr, ctypes.POINTER(Tensor),
                         ctypes.c_size_t, ctypes.POINTER(Tensor), ctypes.c_size_t,
                         ctypes.POINTER(Error))


class ModelAPI(ctypes.Structure):
    _fields_ = [("abi_version", ctypes.c_uint32), ("info", ctypes.POINTER(ModelInfo)),
                ("session_create", SessionCreateFn),
                ("session_destroy", SessionDestroyFn), ("run", RunFn),
                ("session_threads", ctypes.CFUNCTYPE(ctypes.c_int32, SessionPtr))]
