/*===- Internal.h - Helpers shared by the runtime's files ---------*- C -*-===*/

#ifndef TLC_LIB_RUNTIME_INTERNAL_H
#define TLC_LIB_RUNTIME_INTERNAL_H

#include "Alloc.h"

#include "tlc/Runtime/ABI.h"

#include <pthread.h>

typedef struct tlrt_pool tlrt_pool;

struct tlc_session {
  int32_t num_threads;
  tlrt_pool *pool; /* NULL with one thread */
  pthread_mutex_t run_lock;
  /* Large blocks freed during runs, for the next runs (Alloc.c); only used
     under run_lock. */
  tlrt_block_cache cache;
};

/* Stores code and a printf-formatted message in error (when not NULL) and
   returns code. */
int32_t tlrt_fail(tlc_error *error, int32_t code, const char *format, ...)
    __attribute__((format(printf, 3, 4)));

#endif /* TLC_LIB_RUNTIME_INTERNAL_H */
