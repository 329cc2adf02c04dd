/*===- Runtime.h - Runtime functions behind a compiled model's API -*- C -*-===*
 *
 * The functions that the entry points emitted by tl-cpu-emit-model-abi call,
 * and the helpers tl-run and standalone executables share. None of these
 * symbols is exported from a compiled shared library.
 *
 *===----------------------------------------------------------------------===*/

#ifndef TLC_RUNTIME_RUNTIME_H
#define TLC_RUNTIME_RUNTIME_H

#include "tlc/Runtime/ABI.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Calls the compiled function. inputs[i] points to a memref descriptor of
   the model's rank for input i. For an output written in place (see
   tlrt_model.in_place), outputs[i] points to the descriptor of the dense
   buffer the caller prepared, which the compiled code fills; for every other
   output the thunk stores the descriptor of the result (a buffer the
   compiled code allocated) at outputs[i]. Descriptor: {void *allocated,
   void *aligned, int64_t offset, int64_t sizes[rank], int64_t
   strides[rank]}. */
typedef void (*tlrt_invoke_fn)(void **inputs, void **outputs);

/* What tl-cpu-emit-model-abi emits per model (a constant global). */
typedef struct tlrt_model {
  const tlc_model_info *info;
  tlrt_invoke_fn invoke;
  /* num_outputs flags (NULL: all 0): 1 where output i has a static shape
     and the compiled code writes it into a buffer the run passes (the
     caller's output buffer when it may), 0 where it returns a buffer of its
     own. */
  const uint8_t *in_place;
} tlrt_model;

/* Creates a session with num_threads threads in total (the caller's thread
   counts as one). 0 picks the default: the TLC_NUM_THREADS environment
   variable when set, else the number of CPUs the process may run on. */
int32_t tlrt_session_create(int32_t num_threads, tlc_session **session,
                            tlc_error *error);
void tlrt_session_destroy(tlc_session *session);
/* Threads of a session (1 for a NULL session). */
int32_t tlrt_session_num_threads(const tlc_session *session);

/* Validates the inputs and outputs against model->info, runs the model on
   the session's pool (serially when session is NULL) and copies the results
   into the outputs. See tlc_tensor in ABI.h. */
int32_t tlrt_run(const tlrt_model *model, tlc_session *session,
                 const tlc_tensor *inputs, size_t num_inputs,
                 tlc_tensor *outputs, size_t num_outputs, tlc_error *error);

/* Size in bytes of one element of dtype; 0 for an unknown dtype. */
size_t tlrt_dtype_size(int32_t dtype);
/* Short name of dtype ("f32", "i64", "bool", ...); "?" when unknown. */
const char *tlrt_dtype_name(int32_t dtype);
/* Short name of a status code ("TLC_ERROR_SHAPE", ...). */
const char *tlrt_status_name(int32_t status);

/* main() of a standalone executable built with tl-compile --emit=exe. */
int tlrt_exe_main(const tlc_model_api *api, int argc, char **argv);

#ifdef __cplusplus
}
#endif

#endif /* TLC_RUNTIME_RUNTIME_H */
