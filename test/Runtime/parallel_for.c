/* Tests tlrt_parallel_for through the run entry point (which installs the
   session's pool) and measures fork/join latency.

   usage: parallel_for [--bench] THREADS...
   Exits non-zero on the first failed check. With --bench it prints the
   median and minimum latency of an empty parallel region per thread count. */

#define _POSIX_C_SOURCE 200809L
#include "tlc/Runtime/Parallel.h"
#include "tlc/Runtime/Runtime.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int failures;
#define CHECK(cond, ...)                                                       \
  do {                                                                         \
    if (!(cond)) {                                                             \
      fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__);                     \
      fprintf(stderr, __VA_ARGS__);                                            \
      fprintf(stderr, "\n");                                                   \
      ++failures;                                                              \
    }                                                                          \
  } while (0)

/* ---- Coverage: every index visited once, chunks contiguous and sized
   within one of each other. */

#define MAX_CHUNKS 256
typedef struct coverage {
  int64_t n;
  _Atomic int32_t *visits;
  _Atomic int32_t num_chunks;
  int64_t begins[MAX_CHUNKS], ends[MAX_CHUNKS];
  _Atomic int32_t nested_serial; /* nested calls that ran in one chunk */
} coverage;

static void nested_body(void *ctx, int64_t begin, int64_t end) {
  int64_t *calls = ctx;
  ++calls[0];
  calls[1] += end - begin;
}

static void coverage_body(void *ctx, int64_t begin, int64_t end) {
  coverage *c = ctx;
  int32_t slot = atomic_fetch_add(&c->num_chunks, 1);
  if (slot < MAX_CHUNKS) {
    c->begins[slot] = begin;
    c->ends[slot] = end;
  }
  for (int64_t i = begin; i < end; ++i)
    atomic_fetch_add(&c->visits[i], 1);
  /* A region inside a region runs serially on this thread. */
  int64_t calls[2] = {0, 0};
  tlrt_parallel_for(10, nested_body, calls);
  if (calls[0] == 1 && calls[1] == 10 && tlrt_num_threads() == 1)
    atomic_fetch_add(&c->nested_serial, 1);
}

typedef struct test_case {
  int32_t threads;
} test_case;

static _Thread_local const test_case *current_case;

static void check_coverage(int64_t n, int32_t threads) {
  coverage c;
  memset(&c, 0, sizeof(c));
  c.n = n;
  c.visits = calloc((size_t)(n > 0 ? n : 1), sizeof(*c.visits));
  tlrt_parallel_for(n, coverage_body, &c);
  int32_t chunks = atomic_load(&c.num_chunks);
  int32_t expected_chunks = n <= 0 ? 0 : (n < threads ? (int32_t)n : threads);
  CHECK(chunks == expected_chunks, "n=%lld threads=%d: %d chunks, expected %d",
        (long long)n, threads, chunks, expected_chunks);
  for (int64_t i = 0; i < n; ++i)
    CHECK(atomic_load(&c.visits[i]) == 1, "n=%lld threads=%d: index %lld "
          "visited %d times", (long long)n, threads, (long long)i,
          atomic_load(&c.visits[i]));
  int64_t min_size = n, max_size = 0;
  for (int32_t k = 0; k < chunks && k < MAX_CHUNKS; ++k) {
    int64_t size = c.ends[k] - c.begins[k];
    CHECK(size > 0, "empty chunk [%lld, %lld)", (long long)c.begins[k],
          (long long)c.ends[k]);
    if (size < min_size)
      min_size = size;
    if (size > max_size)
      max_size = size;
  }
  if (chunks > 0)
    CHECK(max_size - min_size <= 1, "n=%lld threads=%d: chunk sizes %lld..%lld",
          (long long)n, threads, (long long)min_size, (long long)max_size);
  CHECK(atomic_load(&c.nested_serial) == chunks,
        "n=%lld threads=%d: %d of %d nested regions ran serially",
        (long long)n, threads, atomic_load(&c.nested_serial), chunks);
  free(c.visits);
}

/* ---- Latency of an empty region. */

static void empty_body(void *ctx, int64_t begin, int64_t end) {
  (void)ctx;
  (void)begin;
  (void)end;
}

static double now_us(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static int compare_doubles(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static int bench;

static void run_checks(void **inputs, void **outputs) {
  (void)inputs;
  (void)outputs;
  int32_t threads = current_case->threads;
  CHECK(tlrt_num_threads() == threads, "tlrt_num_threads() is %d, expected %d",
        tlrt_num_threads(), threads);
  const int64_t sizes[] = {0, 1, 2, 3, 7, 64, 1000, 100003};
  for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); ++i)
    check_coverage(sizes[i], threads);
  /* Many back-to-back regions exercise the spin and sleep paths. */
  for (int i = 0; i < 2000; ++i)
    check_coverage(threads * 3 + i % 5, threads);
  if (!bench)
    return;
  enum { ROUNDS = 50, PER_ROUND = 200 };
  double samples[ROUNDS];
  for (int r = 0; r < ROUNDS; ++r) {
    double start = now_us();
    for (int i = 0; i < PER_ROUND; ++i)
      tlrt_parallel_for(1 << 20, empty_body, NULL);
    samples[r] = (now_us() - start) / PER_ROUND;
  }
  qsort(samples, ROUNDS, sizeof(double), compare_doubles);
  printf("threads=%d fork/join of an empty region: median %.2f us, min %.2f "
         "us\n",
         threads, samples[ROUNDS / 2], samples[0]);
}

static const tlc_model_info empty_info = {TLC_ABI_VERSION, 0, 0, "parallel_for",
                                          NULL, NULL};
static const tlrt_model empty_model = {&empty_info, run_checks, NULL};

int main(int argc, char **argv) {
  int tested = 0;
  for (int a = 1; a < argc; ++a) {
    if (strcmp(argv[a], "--bench") == 0) {
      bench = 1;
      continue;
    }
    test_case tc = {atoi(argv[a])};
    tlc_session *session = NULL;
    tlc_error error;
    if (tlrt_session_create(tc.threads, &session, &error) != TLC_OK) {
      fprintf(stderr, "FAIL session_create(%d): %s\n", tc.threads,
              error.message);
      return 1;
    }
    current_case = &tc;
    CHECK(tlrt_run(&empty_model, session, NULL, 0, NULL, 0, &error) == TLC_OK,
          "run: %s", error.message);
    tlrt_session_destroy(session);
    ++tested;
  }
  /* Without a session (or outside a run) regions are serial. */
  bench = 0;
  test_case serial = {1};
  current_case = &serial;
  check_coverage(1000, 1);
  tlc_error error;
  CHECK(tlrt_run(&empty_model, NULL, NULL, 0, NULL, 0, &error) == TLC_OK,
        "run: %s", error.message);
  if (failures) {
    fprintf(stderr, "%d check(s) failed\n", failures);
    return 1;
  }
  printf("parallel_for: %d thread count(s) OK\n", tested);
  return 0;
}
