/*===- ABI.h - The C ABI of models compiled by tlc ----------------*- C -*-===*
 *
 * Types shared by every compiled model. tl-compile copies this block into
 * each generated model header, so a program using several models sees it
 * once (include guard) and needs no tlc include path. docs/abi.md describes
 * the ABI in full.
 *
 *===----------------------------------------------------------------------===*/

#ifndef TLC_ABI_H
#define TLC_ABI_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Bumped on every incompatible change of the structs below. */
#define TLC_ABI_VERSION 1

/* Highest tensor rank a model input or output may have. */
#define TLC_MAX_RANK 8

/* Element types; the values are those of ONNX's TensorProto.DataType. */
typedef enum tlc_dtype {
  TLC_DTYPE_F32 = 1,
  TLC_DTYPE_U8 = 2,
  TLC_DTYPE_I8 = 3,
  TLC_DTYPE_U16 = 4,
  TLC_DTYPE_I16 = 5,
  TLC_DTYPE_I32 = 6,
  TLC_DTYPE_I64 = 7,
  TLC_DTYPE_BOOL = 9, /* one byte per element, 0 or 1 */
  TLC_DTYPE_F16 = 10,
  TLC_DTYPE_F64 = 11,
  TLC_DTYPE_U32 = 12,
  TLC_DTYPE_U64 = 13,
  TLC_DTYPE_BF16 = 16
} tlc_dtype;

/* Status codes returned by the API functions (0 is success). */
typedef enum tlc_status {
  TLC_OK = 0,
  /* A NULL or inconsistent argument: inputs/outputs array, counts, thread
     count, session pointer. */
  TLC_ERROR_INVALID_ARGUMENT = 1,
  /* An input's data pointer is NULL although the tensor has elements. */
  TLC_ERROR_NULL_BUFFER = 2,
  /* An input's dtype differs from the model's. */
  TLC_ERROR_DTYPE = 3,
  /* An input's rank differs from the model's. */
  TLC_ERROR_RANK = 4,
  /* An input dimension differs from the model's static size, is negative,
     or disagrees with another dimension of the same name. */
  TLC_ERROR_SHAPE = 5,
  /* An output's capacity is below the result's size; the output's size and
     shape fields tell what is needed. */
  TLC_ERROR_OUTPUT_TOO_SMALL = 6,
  /* Memory could not be allocated. */
  TLC_ERROR_OUT_OF_MEMORY = 7,
  /* The operating system refused a resource (for example a thread). */
  TLC_ERROR_SYSTEM = 8
} tlc_status;

/* Filled in by a failing call when the caller passes one (may be NULL). */
typedef struct tlc_error {
  int32_t code;       /* a tlc_status */
  char message[512];  /* NUL-terminated, names the input/output at fault */
} tlc_error;

/* Static description of one model input or output. */
typedef struct tlc_tensor_info {
  const char *name;
  int32_t dtype; /* a tlc_dtype */
  int32_t rank;
  const int64_t *shape; /* rank entries; -1 marks a dynamic dimension */
  /* rank entries: the symbolic name of each dynamic dimension, NULL where a
     dimension is static or unnamed. Inputs whose dimensions share a name
     must agree on their size. */
  const char *const *dim_names;
} tlc_tensor_info;

/* Static description of a model. */
typedef struct tlc_model_info {
  uint32_t abi_version; /* TLC_ABI_VERSION of the compiler */
  int32_t num_inputs;
  int32_t num_outputs;
  const char *name; /* the symbol prefix chosen at compile time */
  const tlc_tensor_info *inputs;
  const tlc_tensor_info *outputs;
} tlc_model_info;

/* One tensor passed to or returned by a run. Elements are dense, row-major
   (C order) and naturally aligned.
   Inputs: the caller sets data, dtype, rank and shape[0..rank).
   Outputs: the caller sets data and capacity (bytes available at data); the
   run sets dtype, rank, shape and size (bytes of the result), also when it
   fails with TLC_ERROR_OUTPUT_TOO_SMALL. An output whose data is NULL is
   allocated by the run with malloc(); the caller releases it with free(). */
typedef struct tlc_tensor {
  void *data;
  size_t capacity;
  size_t size;
  int32_t dtype;
  int32_t rank;
  int64_t shape[TLC_MAX_RANK];
} tlc_tensor;

/* Execution state: a pool of worker threads. One session runs one inference
   at a time; concurrent runs on the same session wait for each other, runs on
   different sessions (or with no session) proceed in parallel. */
typedef struct tlc_session tlc_session;

/* The entry points of one model as a table, for code that handles models
   generically (tl-run finds it in a shared library with
   dlsym(handle, "tlc_get_model_api")). */
typedef struct tlc_model_api {
  uint32_t abi_version;
  const tlc_model_info *info;
  int32_t (*session_create)(int32_t num_threads, tlc_session **session,
                            tlc_error *error);
  void (*session_destroy)(tlc_session *session);
  int32_t (*run)(tlc_session *session, const tlc_tensor *inputs,
                 size_t num_inputs, tlc_tensor *outputs, size_t num_outputs,
                 tlc_error *error);
  int32_t (*session_threads)(const tlc_session *session);
} tlc_model_api;

/* Name of the accessor every tl-compile shared library exports:
   const tlc_model_api *tlc_get_model_api(void); */
#define TLC_GET_MODEL_API_SYMBOL "tlc_get_model_api"
typedef const tlc_model_api *(*tlc_get_model_api_fn)(void);

#ifdef __cplusplus
}
#endif

#endif /* TLC_ABI_H */
