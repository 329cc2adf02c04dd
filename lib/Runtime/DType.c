/*===- DType.c - Element types and status codes -------------------*- C -*-===*/

#include "Internal.h"

#include "tlc/Runtime/Runtime.h"

#include <stdarg.h>
#include <stdio.h>

size_t tlrt_dtype_size(int32_t dtype) {
  switch (dtype) {
  case TLC_DTYPE_BOOL:
  case TLC_DTYPE_I8:
  case TLC_DTYPE_U8:
    return 1;
  case TLC_DTYPE_I16:
  case TLC_DTYPE_U16:
  case TLC_DTYPE_F16:
  case TLC_DTYPE_BF16:
    return 2;
  case TLC_DTYPE_I32:
  case TLC_DTYPE_U32:
  case TLC_DTYPE_F32:
    return 4;
  case TLC_DTYPE_I64:
  case TLC_DTYPE_U64:
  case TLC_DTYPE_F64:
    return 8;
  default:
    return 0;
  }
}

const char *tlrt_dtype_name(int32_t dtype) {
  switch (dtype) {
  case TLC_DTYPE_F32:
    return "f32";
  case TLC_DTYPE_U8:
    return "u8";
  case TLC_DTYPE_I8:
    return "i8";
  case TLC_DTYPE_U16:
    return "u16";
  case TLC_DTYPE_I16:
    return "i16";
  case TLC_DTYPE_I32:
    return "i32";
  case TLC_DTYPE_I64:
    return "i64";
  case TLC_DTYPE_BOOL:
    return "bool";
  case TLC_DTYPE_F16:
    return "f16";
  case TLC_DTYPE_F64:
    return "f64";
  case TLC_DTYPE_U32:
    return "u32";
  case TLC_DTYPE_U64:
    return "u64";
  case TLC_DTYPE_BF16:
    return "bf16";
  default:
    return "?";
  }
}

const char *tlrt_status_name(int32_t status) {
  switch (status) {
  case TLC_OK:
    return "TLC_OK";
  case TLC_ERROR_INVALID_ARGUMENT:
    return "TLC_ERROR_INVALID_ARGUMENT";
  case TLC_ERROR_NULL_BUFFER:
    return "TLC_ERROR_NULL_BUFFER";
  case TLC_ERROR_DTYPE:
    return "TLC_ERROR_DTYPE";
  case TLC_ERROR_RANK:
    return "TLC_ERROR_RANK";
  case TLC_ERROR_SHAPE:
    return "TLC_ERROR_SHAPE";
  case TLC_ERROR_OUTPUT_TOO_SMALL:
    return "TLC_ERROR_OUTPUT_TOO_SMALL";
  case TLC_ERROR_OUT_OF_MEMORY:
    return "TLC_ERROR_OUT_OF_MEMORY";
  case TLC_ERROR_SYSTEM:
    return "TLC_ERROR_SYSTEM";
  default:
    return "TLC_ERROR_UNKNOWN";
  }
}

int32_t tlrt_fail(tlc_error *error, int32_t code, const char *format, ...) {
  if (error) {
    error->code = code;
    va_list args;
    va_start(args, format);
    vsnprintf(error->message, sizeof(error->message), format, args);
    va_end(args);
  }
  return code;
}
