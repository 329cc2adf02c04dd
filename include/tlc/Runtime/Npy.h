/*===- Npy.h - Reading and writing NumPy .npy files ---------------*- C -*-===*
 *
 * Little-endian, C-order arrays of the dtypes in tlc_dtype (bf16 excepted:
 * NumPy has no such dtype), format versions 1.0 to 3.0.
 *
 *===----------------------------------------------------------------------===*/

#ifndef TLC_RUNTIME_NPY_H
#define TLC_RUNTIME_NPY_H

#include "tlc/Runtime/ABI.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct tlrt_npy_array {
  int32_t dtype; /* a tlc_dtype */
  int32_t rank;
  int64_t shape[TLC_MAX_RANK];
  void *data;    /* malloc()ed; release with tlrt_npy_free */
  size_t nbytes;
} tlrt_npy_array;

/* Reads path into array. On failure returns non-zero and writes a message
   (naming the file) to error[0..error_size). */
int tlrt_npy_read(const char *path, tlrt_npy_array *array, char *error,
                  size_t error_size);

/* Writes a C-order array; returns non-zero with a message on failure. */
int tlrt_npy_write(const char *path, int32_t dtype, int32_t rank,
                   const int64_t *shape, const void *data, char *error,
                   size_t error_size);

void tlrt_npy_free(tlrt_npy_array *array);

#ifdef __cplusplus
}
#endif

#endif /* TLC_RUNTIME_NPY_H */
