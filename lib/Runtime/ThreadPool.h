/*===- ThreadPool.h - The runtime's fork/join thread pool ---------*- C -*-===*/

#ifndef TLC_LIB_RUNTIME_THREADPOOL_H
#define TLC_LIB_RUNTIME_THREADPOOL_H

#include <stddef.h>
#include <stdint.h>

typedef struct tlrt_pool tlrt_pool;

/* Starts num_threads - 1 workers (the thread calling tlrt_parallel_for is
   the last one). Workers spin for spin_ns nanoseconds after a parallel
   region before they block. Returns non-zero with a message on failure. */
int tlrt_pool_create(int32_t num_threads, int64_t spin_ns, tlrt_pool **pool,
                     char *error, size_t error_size);

/* Stops and joins the workers. The pool must not be running a region. */
void tlrt_pool_destroy(tlrt_pool *pool);

int32_t tlrt_pool_num_threads(const tlrt_pool *pool);

/* Makes pool (may be NULL) the one tlrt_parallel_for uses on the calling
   thread and returns the previous one. */
tlrt_pool *tlrt_pool_install(tlrt_pool *pool);

#endif /* TLC_LIB_RUNTIME_THREADPOOL_H */
