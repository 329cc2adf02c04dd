/*===- DType.c - Element types and status codes -------------------*- C -*-===*/

#include "Internal.h"

#include "tlc/Runtime/Runtime.h"

#include <stdarg.h>
#include <stdio.h>

size_t tlrt_dtype_size(int32_t dtype) {
  switch (dtype) {
#define TLC_DTYPE(ENUM, NAME, SIZE)                                            \
  case ENUM:                                                                   \
    return SIZE;
#include "tlc/Runtime/DTypes.def"
  default:
    return 0;
  }
}

const char *tlrt_dtype_name(int32_t dtype) {
  switch (dtype) {
#define TLC_DTYPE(ENUM, NAME, SIZE)                                            \
  case ENUM:                                                                   \
    return NAME;
#include "tlc/Runtime/DTypes.def"
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
