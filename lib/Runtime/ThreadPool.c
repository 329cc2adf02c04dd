/*===- ThreadPool.c - The runtime's fork/join thread pool ---------*- C -*-===*
 *
 * Persistent workers and static contiguous chunking. A parallel region is
 * published by bumping a generation counter packed with the chunk count in
 * one atomic word; workers spin on it for a while (fork latency of a cache
 * line transfer) and then block on a condition variable. The caller runs
 * chunk 0 itself and spins until the workers' pending count drops to zero.
 *
 * Only one thread issues regions on a pool at a time (the session's run
 * lock guarantees it), so the job fields need no lock: they are written
 * before the release store of the job word and read after its acquire load,
 * and the next job is only written once every participating worker has
 * finished the previous one.
 *
 *===----------------------------------------------------------------------===*/

#define _GNU_SOURCE
#include "ThreadPool.h"

#include "tlc/Runtime/Parallel.h"

#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#if defined(__x86_64__) || defined(__i386__)
#define TLRT_CPU_RELAX() __builtin_ia32_pause()
#elif defined(__aarch64__)
#define TLRT_CPU_RELAX() __asm__ __volatile__("yield" ::: "memory")
#else
#define TLRT_CPU_RELAX() ((void)0)
#endif

#define TLRT_CACHE_LINE 64

typedef struct tlrt_worker {
  tlrt_pool *pool;
  int32_t index;
} tlrt_worker;

struct tlrt_pool {
  int32_t num_threads;
  int32_t num_started;
  int64_t spin_ns;
  pthread_t *threads;
  tlrt_worker *workers;
  pthread_mutex_t mutex;
  pthread_cond_t cond;

  /* The current job; see the file comment. */
  tlrt_parallel_fn fn;
  void *ctx;
  int64_t n;

  /* generation << 32 | number of chunks. */
  _Alignas(TLRT_CACHE_LINE) _Atomic uint64_t job_word;
  /* Worker chunks of the current job not yet finished. */
  _Alignas(TLRT_CACHE_LINE) _Atomic int32_t pending;
  /* Workers blocked (or about to block) on cond. */
  _Alignas(TLRT_CACHE_LINE) _Atomic int32_t sleepers;
  _Atomic int32_t shutdown;
};

static _Thread_local tlrt_pool *tls_pool;
/* Set while the thread executes a chunk: nested regions run serially. */
static _Thread_local int tls_in_region;

static int64_t now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* Spin-waiting: a short busy spin (a region's fork or join normally takes
   well under a microsecond), then spinning with sched_yield so that with
   more threads than free cores the threads being waited for get a core,
   until spin_ns have passed. */
typedef struct tlrt_spin {
  uint32_t iterations;
  int64_t deadline;
} tlrt_spin;

#define TLRT_BUSY_SPINS 256

/* Returns 0 once the spin budget is spent. */
static int spin_once(tlrt_spin *spin, int64_t spin_ns) {
  if (++spin->iterations < TLRT_BUSY_SPINS) {
    TLRT_CPU_RELAX();
    return 1;
  }
  int64_t now = now_ns();
  if (spin->deadline == 0)
    spin->deadline = now + spin_ns;
  else if (now >= spin->deadline)
    return 0;
  sched_yield();
  return 1;
}

static void run_chunk(tlrt_parallel_fn fn, void *ctx, int64_t n,
                      int32_t chunks, int32_t index) {
  int64_t q = n / chunks, r = n % chunks;
  int64_t begin = index * q + (index < r ? index : r);
  int64_t end = begin + q + (index < r ? 1 : 0);
  fn(ctx, begin, end);
}

/* Waits until the generation in the job word differs from seen; returns
   the new word. */
static uint64_t wait_for_job(tlrt_pool *pool, uint32_t seen) {
  uint64_t word;
  tlrt_spin spin = {0, 0};
  for (;;) {
    word = atomic_load_explicit(&pool->job_word, memory_order_acquire);
    if ((uint32_t)(word >> 32) != seen)
      return word;
    if (!spin_once(&spin, pool->spin_ns))
      break;
  }
  pthread_mutex_lock(&pool->mutex);
  /* seq_cst pairs with the issuer's store of job_word then load of sleepers:
     either it sees us sleeping and broadcasts, or we see its new word. */
  atomic_fetch_add(&pool->sleepers, 1);
  while ((uint32_t)((word = atomic_load(&pool->job_word)) >> 32) == seen)
    pthread_cond_wait(&pool->cond, &pool->mutex);
  atomic_fetch_sub(&pool->sleepers, 1);
  pthread_mutex_unlock(&pool->mutex);
  return word;
}

static void *worker_main(void *arg) {
  tlrt_worker *self = arg;
  tlrt_pool *pool = self->pool;
  tls_in_region = 1; /* whatever a worker runs, it runs inside a region */
  uint32_t seen = 0;
  for (;;) {
    uint64_t word = wait_for_job(pool, seen);
    if (atomic_load_explicit(&pool->shutdown, memory_order_acquire))
      return NULL;
    seen = (uint32_t)(word >> 32);
    int32_t chunks = (int32_t)(uint32_t)word;
    if (self->index < chunks) {
      run_chunk(pool->fn, pool->ctx, pool->n, chunks, self->index);
      atomic_fetch_sub_explicit(&pool->pending, 1, memory_order_release);
    }
  }
}

static void publish(tlrt_pool *pool, uint64_t word) {
  atomic_store(&pool->job_word, word);
  if (atomic_load(&pool->sleepers) > 0) {
    pthread_mutex_lock(&pool->mutex);
    pthread_cond_broadcast(&pool->cond);
    pthread_mutex_unlock(&pool->mutex);
  }
}

static uint64_t next_word(tlrt_pool *pool, int32_t chunks) {
  uint64_t old = atomic_load_explicit(&pool->job_word, memory_order_relaxed);
  uint32_t generation = (uint32_t)(old >> 32) + 1;
  return ((uint64_t)generation << 32) | (uint32_t)chunks;
}

int tlrt_pool_create(int32_t num_threads, int64_t spin_ns, tlrt_pool **out,
                     char *error, size_t error_size) {
  *out = NULL;
  tlrt_pool *pool = calloc(1, sizeof(*pool));
  if (!pool) {
    snprintf(error, error_size, "out of memory creating a thread pool");
    return 1;
  }
  pool->num_threads = num_threads < 1 ? 1 : num_threads;
  pool->spin_ns = spin_ns < 0 ? 0 : spin_ns;
  atomic_init(&pool->job_word, 0);
  atomic_init(&pool->pending, 0);
  atomic_init(&pool->sleepers, 0);
  atomic_init(&pool->shutdown, 0);
  pthread_mutex_init(&pool->mutex, NULL);
  pthread_cond_init(&pool->cond, NULL);
  int32_t num_workers = pool->num_threads - 1;
  if (num_workers > 0) {
    pool->threads = calloc((size_t)num_workers, sizeof(pthread_t));
    pool->workers = calloc((size_t)num_workers, sizeof(tlrt_worker));
    if (!pool->threads || !pool->workers) {
      snprintf(error, error_size, "out of memory creating %d threads",
               (int)num_workers);
      tlrt_pool_destroy(pool);
      return 1;
    }
  }
  for (int32_t i = 0; i < num_workers; ++i) {
    pool->workers[i].pool = pool;
    pool->workers[i].index = i + 1;
    int rc = pthread_create(&pool->threads[i], NULL, worker_main,
                            &pool->workers[i]);
    if (rc != 0) {
      snprintf(error, error_size, "cannot start worker thread %d of %d: %s",
               (int)i + 1, (int)num_workers, strerror(rc));
      tlrt_pool_destroy(pool);
      return 1;
    }
    pool->num_started = i + 1;
  }
  *out = pool;
  return 0;
}

void tlrt_pool_destroy(tlrt_pool *pool) {
  if (!pool)
    return;
  if (pool->num_started > 0) {
    atomic_store_explicit(&pool->shutdown, 1, memory_order_release);
    publish(pool, next_word(pool, 0));
    for (int32_t i = 0; i < pool->num_started; ++i)
      pthread_join(pool->threads[i], NULL);
  }
  pthread_cond_destroy(&pool->cond);
  pthread_mutex_destroy(&pool->mutex);
  free(pool->threads);
  free(pool->workers);
  free(pool);
}

int32_t tlrt_pool_num_threads(const tlrt_pool *pool) {
  return pool ? pool->num_threads : 1;
}

tlrt_pool *tlrt_pool_install(tlrt_pool *pool) {
  tlrt_pool *previous = tls_pool;
  tls_pool = pool;
  return previous;
}

int32_t tlrt_num_threads(void) {
  tlrt_pool *pool = tls_pool;
  if (!pool || tls_in_region)
    return 1;
  return pool->num_threads;
}

void tlrt_parallel_for(int64_t n, tlrt_parallel_fn fn, void *ctx) {
  if (n <= 0)
    return;
  tlrt_pool *pool = tls_pool;
  if (tls_in_region) {
    fn(ctx, 0, n);
    return;
  }
  if (!pool || pool->num_threads <= 1 || n == 1) {
    tls_in_region = 1;
    fn(ctx, 0, n);
    tls_in_region = 0;
    return;
  }
  int32_t chunks =
      n < (int64_t)pool->num_threads ? (int32_t)n : pool->num_threads;
  pool->fn = fn;
  pool->ctx = ctx;
  pool->n = n;
  atomic_store_explicit(&pool->pending, chunks - 1, memory_order_relaxed);
  publish(pool, next_word(pool, chunks));

  tls_in_region = 1;
  run_chunk(fn, ctx, n, chunks, 0);
  tls_in_region = 0;

  /* The workers are busy with chunks as long as ours, so the caller never
     blocks; past the spin budget it keeps yielding. */
  tlrt_spin spin = {0, 0};
  while (atomic_load_explicit(&pool->pending, memory_order_acquire) != 0)
    if (!spin_once(&spin, pool->spin_ns))
      sched_yield();
}
