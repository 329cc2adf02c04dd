/*===- Run.c - The run entry point of compiled models -------------*- C -*-===*
 *
 * Validates the caller's tensors against the model's metadata, wraps them in
 * memref descriptors, runs the compiled function on the session's pool and
 * moves the results into the caller's outputs: outputs of static shape are
 * written by the compiled code straight into the caller's buffers (or ones
 * the run allocates for the caller), the others are buffers the compiled
 * code malloc()ed, copied or handed over.
 *
 *===----------------------------------------------------------------------===*/

#include "Alloc.h"
#include "Internal.h"
#include "ThreadPool.h"

#include "tlc/Runtime/Runtime.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A memref descriptor of any rank up to TLC_MAX_RANK. For rank r the
   compiled code reads sizes from dims[0..r) and strides from dims[r..2r). */
typedef struct tlrt_descriptor {
  void *allocated;
  void *aligned;
  int64_t offset;
  int64_t dims[2 * TLC_MAX_RANK];
} tlrt_descriptor;

static const char *format_dims(char *buffer, size_t size, int32_t rank,
                               const int64_t *shape, int dynamic_as_question) {
  size_t used = 0;
  used += (size_t)snprintf(buffer + used, size - used, "[");
  for (int32_t d = 0; d < rank && used < size; ++d) {
    const char *sep = d ? ", " : "";
    if (shape[d] < 0 && dynamic_as_question)
      used += (size_t)snprintf(buffer + used, size - used, "%s?", sep);
    else
      used += (size_t)snprintf(buffer + used, size - used, "%s%lld", sep,
                               (long long)shape[d]);
  }
  if (used < size)
    snprintf(buffer + used, size - used, "]");
  return buffer;
}

/* The allocated pointer MLIR gives memrefs of constant globals, which must
   not be freed. */
#define TLRT_GLOBAL_MEMREF_MARKER ((void *)(uintptr_t)0xdeadbeef)

/* Writes a model shape ("[2, ?, 3]", -1 as ?) into buffer. */
static const char *format_model_shape(char *buffer, size_t size, int32_t rank,
                                      const int64_t *shape) {
  return format_dims(buffer, size, rank, shape, 1);
}

/* Writes an actual shape ("[2, -3, 3]") into buffer. */
static const char *format_shape(char *buffer, size_t size, int32_t rank,
                                const int64_t *shape) {
  return format_dims(buffer, size, rank, shape, 0);
}

/* Elements of a shape, or -1 on overflow of size_t bytes. */
static int64_t count_elements(int32_t rank, const int64_t *shape,
                              size_t element_size) {
  uint64_t count = 1;
  for (int32_t d = 0; d < rank; ++d) {
    uint64_t dim = (uint64_t)shape[d];
    if (dim != 0 && count > (uint64_t)INT64_MAX / dim)
      return -1;
    count *= dim;
  }
  if (element_size && count > (uint64_t)SIZE_MAX / element_size)
    return -1;
  return (int64_t)count;
}

static int32_t check_input(const tlc_model_info *info, const tlc_tensor *inputs,
                           size_t index, tlc_error *error) {
  const tlc_tensor_info *expected = &info->inputs[index];
  const tlc_tensor *input = &inputs[index];
  char want[160], got[160];
  if (input->dtype != expected->dtype)
    return tlrt_fail(error, TLC_ERROR_DTYPE,
                     "input %zu ('%s'): expected dtype %s, got %s (%d)",
                     index, expected->name, tlrt_dtype_name(expected->dtype),
                     tlrt_dtype_name(input->dtype), (int)input->dtype);
  if (input->rank != expected->rank)
    return tlrt_fail(error, TLC_ERROR_RANK,
                     "input %zu ('%s'): expected rank %d (shape %s), got rank "
                     "%d",
                     index, expected->name, (int)expected->rank,
                     format_model_shape(want, sizeof(want), expected->rank,
                                        expected->shape),
                     (int)input->rank);
  for (int32_t d = 0; d < expected->rank; ++d) {
    int64_t dim = input->shape[d];
    if (dim < 0 || (expected->shape[d] >= 0 && dim != expected->shape[d]))
      return tlrt_fail(
          error, TLC_ERROR_SHAPE,
          "input %zu ('%s'): expected shape %s, got %s (dimension %d is %lld)",
          index, expected->name,
          format_model_shape(want, sizeof(want), expected->rank,
                             expected->shape),
          format_shape(got, sizeof(got), input->rank, input->shape), (int)d,
          (long long)dim);
  }
  /* Dynamic dimensions sharing a name must agree with their first use. */
  for (int32_t d = 0; expected->dim_names && d < expected->rank; ++d) {
    const char *name = expected->dim_names[d];
    if (!name)
      continue;
    for (size_t j = 0; j <= index; ++j) {
      const tlc_tensor_info *other = &info->inputs[j];
      int32_t limit = j == index ? d : other->rank;
      for (int32_t e = 0; other->dim_names && e < limit; ++e) {
        if (!other->dim_names[e] || strcmp(other->dim_names[e], name) != 0)
          continue;
        if (inputs[j].shape[e] != input->shape[d])
          return tlrt_fail(
              error, TLC_ERROR_SHAPE,
              "input %zu ('%s'): dimension %d ('%s') is %lld, but input %zu "
              "('%s') dimension %d of the same name is %lld",
              index, expected->name, (int)d, name,
              (long long)input->shape[d], j, other->name, (int)e,
              (long long)inputs[j].shape[e]);
        goto next_dim;
      }
    }
  next_dim:;
  }
  int64_t elements =
      count_elements(input->rank, input->shape, tlrt_dtype_size(input->dtype));
  if (elements < 0)
    return tlrt_fail(error, TLC_ERROR_SHAPE,
                     "input %zu ('%s'): shape %s is too large", index,
                     expected->name,
                     format_shape(got, sizeof(got), input->rank, input->shape));
  if (elements > 0 && !input->data)
    return tlrt_fail(error, TLC_ERROR_NULL_BUFFER,
                     "input %zu ('%s'): data is NULL", index, expected->name);
  return TLC_OK;
}

/* Fails early for outputs whose size is known before running. */
static int32_t check_static_output(const tlc_model_info *info,
                                   tlc_tensor *outputs, size_t index,
                                   tlc_error *error) {
  const tlc_tensor_info *expected = &info->outputs[index];
  tlc_tensor *output = &outputs[index];
  if (!output->data)
    return TLC_OK;
  for (int32_t d = 0; d < expected->rank; ++d)
    if (expected->shape[d] < 0)
      return TLC_OK;
  size_t element_size = tlrt_dtype_size(expected->dtype);
  int64_t elements =
      count_elements(expected->rank, expected->shape, element_size);
  size_t bytes = (size_t)elements * element_size;
  if (output->capacity >= bytes)
    return TLC_OK;
  char shape[160];
  output->dtype = expected->dtype;
  output->rank = expected->rank;
  memcpy(output->shape, expected->shape,
         (size_t)expected->rank * sizeof(int64_t));
  output->size = bytes;
  return tlrt_fail(error, TLC_ERROR_OUTPUT_TOO_SMALL,
                   "output %zu ('%s'): capacity %zu bytes is below the %zu "
                   "bytes of its result (%s %s)",
                   index, expected->name, output->capacity, bytes,
                   tlrt_dtype_name(expected->dtype),
                   format_shape(shape, sizeof(shape), expected->rank,
                                expected->shape));
}

static int is_row_major(int32_t rank, const int64_t *sizes,
                        const int64_t *strides) {
  int64_t expected = 1;
  for (int32_t d = rank - 1; d >= 0; --d) {
    if (sizes[d] != 1 && strides[d] != expected)
      return 0;
    expected *= sizes[d];
  }
  return 1;
}

/* Copies a strided memref into a dense row-major buffer. */
static void copy_to_dense(char *dst, const char *src, int32_t rank,
                          const int64_t *sizes, const int64_t *strides,
                          size_t element_size, int64_t elements) {
  if (elements == 0)
    return;
  if (is_row_major(rank, sizes, strides)) {
    memcpy(dst, src, (size_t)elements * element_size);
    return;
  }
  int64_t index[TLC_MAX_RANK] = {0};
  int64_t offset = 0;
  for (int64_t i = 0; i < elements; ++i) {
    memcpy(dst + (size_t)i * element_size,
           src + offset * (int64_t)element_size, element_size);
    for (int32_t d = rank - 1; d >= 0; --d) {
      offset += strides[d];
      if (++index[d] < sizes[d])
        break;
      offset -= strides[d] * sizes[d];
      index[d] = 0;
    }
  }
}

/* Describes a dense row-major buffer of the given shape. */
static void set_dense_descriptor(tlrt_descriptor *desc, void *data,
                                 int32_t rank, const int64_t *shape) {
  desc->allocated = desc->aligned = data;
  desc->offset = 0;
  int64_t stride = 1;
  for (int32_t d = rank - 1; d >= 0; --d) {
    desc->dims[d] = shape[d];
    desc->dims[rank + d] = stride;
    stride *= shape[d];
  }
}

/* Bytes of an output of static shape (validated not to overflow when its
   metadata was emitted). */
static size_t static_output_bytes(const tlc_tensor_info *expected) {
  size_t element_size = tlrt_dtype_size(expected->dtype);
  return (size_t)count_elements(expected->rank, expected->shape,
                                element_size) *
         element_size;
}

/* Bytes of a validated input. */
static size_t input_bytes(const tlc_tensor *input) {
  size_t element_size = tlrt_dtype_size(input->dtype);
  return (size_t)count_elements(input->rank, input->shape, element_size) *
         element_size;
}

static int ranges_overlap(const void *a, size_t a_bytes, const void *b,
                          size_t b_bytes) {
  uintptr_t x = (uintptr_t)a, y = (uintptr_t)b;
  return a_bytes && b_bytes && x < y + b_bytes && y < x + a_bytes;
}

int32_t tlrt_run(const tlrt_model *model, tlc_session *session,
                 const tlc_tensor *inputs, size_t num_inputs,
                 tlc_tensor *outputs, size_t num_outputs, tlc_error *error) {
  const tlc_model_info *info = model->info;
  size_t want_inputs = (size_t)info->num_inputs;
  size_t want_outputs = (size_t)info->num_outputs;
  if (num_inputs != want_inputs)
    return tlrt_fail(error, TLC_ERROR_INVALID_ARGUMENT,
                     "model '%s' takes %zu input%s, got %zu", info->name,
                     want_inputs, want_inputs == 1 ? "" : "s", num_inputs);
  if (num_outputs != want_outputs)
    return tlrt_fail(error, TLC_ERROR_INVALID_ARGUMENT,
                     "model '%s' has %zu output%s, got %zu", info->name,
                     want_outputs, want_outputs == 1 ? "" : "s", num_outputs);
  if (want_inputs && !inputs)
    return tlrt_fail(error, TLC_ERROR_INVALID_ARGUMENT,
                     "the inputs array is NULL");
  if (want_outputs && !outputs)
    return tlrt_fail(error, TLC_ERROR_INVALID_ARGUMENT,
                     "the outputs array is NULL");
  for (size_t i = 0; i < want_inputs; ++i) {
    int32_t status = check_input(info, inputs, i, error);
    if (status != TLC_OK)
      return status;
  }
  for (size_t i = 0; i < want_outputs; ++i) {
    int32_t status = check_static_output(info, outputs, i, error);
    if (status != TLC_OK)
      return status;
  }

  /* One block: descriptors, pointers to them, three flags per output. Small
     models (the common case) use the stack. */
  size_t total = want_inputs + want_outputs;
  size_t block_size = total * (sizeof(tlrt_descriptor) + sizeof(void *)) +
                      3 * want_outputs;
  _Alignas(tlrt_descriptor) char stack_block[8 * (sizeof(tlrt_descriptor) +
                                                  sizeof(void *) + 3)];
  char *block = stack_block;
  if (block_size > sizeof(stack_block)) {
    block = malloc(block_size);
    if (!block)
      return tlrt_fail(error, TLC_ERROR_OUT_OF_MEMORY,
                       "out of memory setting up the run");
  }
  memset(block, 0, block_size);
  tlrt_descriptor *descriptors = (tlrt_descriptor *)block;
  void **pointers = (void **)(descriptors + total);
  unsigned char *handed_over = (unsigned char *)(pointers + total);
  unsigned char *allocated_here = handed_over + want_outputs;
  /* In-place outputs computed in a buffer of the run's, copied afterwards. */
  unsigned char *staged = allocated_here + want_outputs;
  for (size_t i = 0; i < want_inputs; ++i) {
    set_dense_descriptor(&descriptors[i], inputs[i].data, inputs[i].rank,
                         inputs[i].shape);
    pointers[i] = &descriptors[i];
  }
  for (size_t i = 0; i < want_outputs; ++i)
    pointers[want_inputs + i] = &descriptors[want_inputs + i];

  /* Outputs of static shape are written in place: into the caller's buffer
     unless it overlaps an input or another output (then into a staging
     buffer), or into a fresh one the caller gets when data is NULL. */
  for (size_t i = 0; i < want_outputs; ++i) {
    if (!model->in_place || !model->in_place[i])
      continue;
    const tlc_tensor_info *expected = &info->outputs[i];
    size_t bytes = static_output_bytes(expected);
    void *buffer = outputs[i].data;
    int overlap = 0;
    for (size_t j = 0; buffer && j < want_inputs && !overlap; ++j)
      overlap = ranges_overlap(buffer, bytes, inputs[j].data,
                               input_bytes(&inputs[j]));
    for (size_t j = 0; buffer && j < want_outputs && !overlap; ++j)
      overlap = j != i && outputs[j].data &&
                ranges_overlap(buffer, bytes, outputs[j].data,
                               outputs[j].capacity);
    if (!buffer || overlap) {
      buffer = malloc(bytes ? bytes : 1);
      if (!buffer) {
        for (size_t j = 0; j < i; ++j)
          if (allocated_here[j] || staged[j])
            free(descriptors[want_inputs + j].allocated);
        if (block != stack_block)
          free(block);
        return tlrt_fail(error, TLC_ERROR_OUT_OF_MEMORY,
                         "output %zu ('%s'): cannot allocate %zu bytes", i,
                         expected->name, bytes);
      }
      if (overlap)
        staged[i] = 1;
      else
        allocated_here[i] = 1;
    }
    set_dense_descriptor(&descriptors[want_inputs + i], buffer,
                         expected->rank, expected->shape);
  }

  /* The session's pool runs the parallel loops; its block cache serves the
     compiled code's allocations (Alloc.c) and takes back the result buffers
     released below, so the lock covers both. */
  if (session)
    pthread_mutex_lock(&session->run_lock);
  tlrt_block_cache *previous_cache =
      tlrt_cache_install(session ? &session->cache : NULL);
  tlrt_pool *previous = tlrt_pool_install(session ? session->pool : NULL);
  model->invoke(pointers, pointers + want_inputs);
  tlrt_pool_install(previous);

  /* Move the results out, then free every result buffer exactly once. A
     result may alias an input, a constant or another result. */
  int32_t status = TLC_OK;
  /* Every output learns its shape and size, also when one is too small. */
  for (size_t i = 0; i < want_outputs; ++i) {
    const tlc_tensor_info *expected = &info->outputs[i];
    tlrt_descriptor *desc = &descriptors[want_inputs + i];
    tlc_tensor *output = &outputs[i];
    size_t element_size = tlrt_dtype_size(expected->dtype);
    output->dtype = expected->dtype;
    output->rank = expected->rank;
    memcpy(output->shape, desc->dims, (size_t)expected->rank * sizeof(int64_t));
    output->size =
        (size_t)count_elements(expected->rank, desc->dims, element_size) *
        element_size;
    if (status == TLC_OK && output->data && output->capacity < output->size) {
      char shape[160];
      status = tlrt_fail(
          error, TLC_ERROR_OUTPUT_TOO_SMALL,
          "output %zu ('%s'): capacity %zu bytes is below the %zu bytes of "
          "its result (%s %s)",
          i, expected->name, output->capacity, output->size,
          tlrt_dtype_name(expected->dtype),
          format_shape(shape, sizeof(shape), expected->rank, desc->dims));
    }
  }
  for (size_t i = 0; i < want_outputs && status == TLC_OK; ++i) {
    const tlc_tensor_info *expected = &info->outputs[i];
    tlrt_descriptor *desc = &descriptors[want_inputs + i];
    tlc_tensor *output = &outputs[i];
    int32_t rank = expected->rank;
    size_t element_size = tlrt_dtype_size(expected->dtype);
    size_t bytes = output->size;
    int64_t elements = element_size ? (int64_t)(bytes / element_size) : 0;
    const int64_t *strides = desc->dims + rank;
    const char *source =
        (const char *)desc->aligned + desc->offset * (int64_t)element_size;
    if (model->in_place && model->in_place[i]) {
      if (staged[i])
        memcpy(output->data, source, bytes);
      if (allocated_here[i]) {
        output->data = desc->allocated;
        output->capacity = bytes;
      }
      continue;
    }
    if (output->data) {
      copy_to_dense(output->data, source, rank, desc->dims, strides,
                    element_size, elements);
      continue;
    }
    /* Hand the compiled code's buffer over when it is a dense allocation of
       its own; copy otherwise. */
    int shared = desc->allocated == TLRT_GLOBAL_MEMREF_MARKER ||
                 desc->allocated != desc->aligned || desc->offset != 0 ||
                 !is_row_major(rank, desc->dims, strides);
    for (size_t j = 0; j < want_inputs && !shared; ++j)
      shared = desc->allocated == inputs[j].data;
    for (size_t j = 0; j < want_outputs && !shared; ++j)
      shared = j != i && !(model->in_place && model->in_place[j]) &&
               descriptors[want_inputs + j].allocated == desc->allocated;
    if (!shared && desc->allocated) {
      output->data = desc->allocated;
      handed_over[i] = 1;
    } else {
      output->data = malloc(bytes ? bytes : 1);
      if (!output->data) {
        status = tlrt_fail(error, TLC_ERROR_OUT_OF_MEMORY,
                           "output %zu ('%s'): cannot allocate %zu bytes", i,
                           expected->name, bytes);
        break;
      }
      allocated_here[i] = 1;
      copy_to_dense(output->data, source, rank, desc->dims, strides,
                    element_size, elements);
    }
    output->capacity = bytes;
  }

  for (size_t i = 0; i < want_outputs; ++i) {
    void *buffer = descriptors[want_inputs + i].allocated;
    if (model->in_place && model->in_place[i]) {
      if (staged[i] || (allocated_here[i] && status != TLC_OK))
        free(buffer);
      if (allocated_here[i] && status != TLC_OK) {
        outputs[i].data = NULL;
        outputs[i].capacity = 0;
      }
      continue;
    }
    int keep = !buffer || buffer == TLRT_GLOBAL_MEMREF_MARKER ||
               (handed_over[i] && status == TLC_OK);
    for (size_t j = 0; j < want_inputs && !keep; ++j)
      keep = buffer == inputs[j].data;
    for (size_t j = 0; j < i && !keep; ++j)
      keep = !(model->in_place && model->in_place[j]) &&
             descriptors[want_inputs + j].allocated == buffer;
    if (!keep)
      _mlir_memref_to_llvm_free(buffer);
    if (status != TLC_OK && allocated_here[i]) {
      free(outputs[i].data);
      outputs[i].data = NULL;
      outputs[i].capacity = 0;
    }
    if (status != TLC_OK && handed_over[i]) {
      outputs[i].data = NULL;
      outputs[i].capacity = 0;
    }
  }
  tlrt_cache_install(previous_cache);
  if (session)
    pthread_mutex_unlock(&session->run_lock);
  if (block != stack_block)
    free(block);
  if (status == TLC_OK && error) {
    error->code = TLC_OK;
    error->message[0] = '\0';
  }
  return status;
}
