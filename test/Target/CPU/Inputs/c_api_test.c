/* Drives a model compiled by tl-compile through its generated header: the
   metadata, the error paths of the run entry point, and concurrent runs from
   several threads on sessions of different thread counts. Results are
   checked against the model's arithmetic computed here from scratch:
     y = x @ w,  z = max(x, 0) * 2,  x: [batch, 5], w: [5, 3]. */

#define _POSIX_C_SOURCE 200809L
#include "mlp.h"

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { K = 5, N = 3 };

static int failures;
static pthread_mutex_t report_lock = PTHREAD_MUTEX_INITIALIZER;
#define CHECK(cond, ...)                                                       \
  do {                                                                         \
    if (!(cond)) {                                                             \
      pthread_mutex_lock(&report_lock);                                        \
      fprintf(stderr, "FAIL line %d: ", __LINE__);                             \
      fprintf(stderr, __VA_ARGS__);                                            \
      fprintf(stderr, "\n");                                                   \
      ++failures;                                                              \
      pthread_mutex_unlock(&report_lock);                                      \
    }                                                                          \
  } while (0)

/* A small deterministic generator per thread (values in [-1, 1)). */
static float next_value(unsigned *state) {
  *state = *state * 1103515245u + 12345u;
  return (float)((*state >> 8) & 0xffff) / 32768.0f - 1.0f;
}

static void set_input(tlc_tensor *t, float *data, int64_t rows, int64_t cols) {
  memset(t, 0, sizeof(*t));
  t->data = data;
  t->dtype = TLC_DTYPE_F32;
  t->rank = 2;
  t->shape[0] = rows;
  t->shape[1] = cols;
}

static void check_metadata(void) {
  const tlc_model_info *info = mlp_info();
  CHECK(info->abi_version == TLC_ABI_VERSION, "abi version %u", info->abi_version);
  CHECK(strcmp(info->name, "mlp") == 0, "name %s", info->name);
  CHECK(info->num_inputs == 2 && info->num_outputs == 2, "counts %d %d",
        info->num_inputs, info->num_outputs);
  CHECK(MLP_NUM_INPUTS == 2 && MLP_NUM_OUTPUTS == 2, "count macros");
  CHECK(strcmp(info->inputs[0].name, "x") == 0, "input 0 %s", info->inputs[0].name);
  CHECK(strcmp(info->inputs[1].name, "w") == 0, "input 1 %s", info->inputs[1].name);
  CHECK(strcmp(info->outputs[0].name, "y") == 0, "output 0 %s", info->outputs[0].name);
  CHECK(strcmp(info->outputs[1].name, "z") == 0, "output 1 %s", info->outputs[1].name);
  CHECK(info->inputs[0].dtype == TLC_DTYPE_F32 && info->inputs[0].rank == 2 &&
            info->inputs[0].shape[0] == -1 && info->inputs[0].shape[1] == K,
        "input 0 type");
  CHECK(info->inputs[0].dim_names && strcmp(info->inputs[0].dim_names[0], "batch") == 0 &&
            info->inputs[0].dim_names[1] == NULL,
        "input 0 dim names");
  CHECK(info->inputs[1].shape[0] == K && info->inputs[1].shape[1] == N &&
            info->inputs[1].dim_names == NULL,
        "input 1 type");
  CHECK(info->outputs[0].shape[0] == -1 && info->outputs[0].shape[1] == N,
        "output 0 shape");
  const tlc_model_api *api = mlp_api();
  CHECK(api->info == info && api->run == mlp_run &&
            api->session_create == mlp_session_create,
        "api table");
}

/* Runs once and returns the status, with inputs built from the arguments. */
static int32_t run_with(tlc_tensor *in, tlc_tensor *out, tlc_error *error) {
  return mlp_run(NULL, in, 2, out, 2, error);
}

static void check_errors(void) {
  float x[2 * K] = {0}, w[K * N] = {0}, y[2 * N], z[2 * K];
  double xd[2 * K] = {0};
  tlc_tensor in[2], out[2];
  tlc_error error;
#define RESET()                                                                \
  do {                                                                         \
    set_input(&in[0], x, 2, K);                                                \
    set_input(&in[1], w, K, N);                                                \
    memset(out, 0, sizeof(out));                                               \
    out[0].data = y;                                                           \
    out[0].capacity = sizeof(y);                                               \
    out[1].data = z;                                                           \
    out[1].capacity = sizeof(z);                                               \
  } while (0)

  RESET();
  CHECK(run_with(in, out, &error) == TLC_OK, "baseline: %s", error.message);

  RESET();
  in[0].dtype = TLC_DTYPE_F64;
  in[0].data = xd;
  CHECK(run_with(in, out, &error) == TLC_ERROR_DTYPE &&
            strstr(error.message, "input 0 ('x'): expected dtype f32, got f64"),
        "dtype: %s", error.message);

  RESET();
  in[1].rank = 3;
  in[1].shape[2] = 1;
  CHECK(run_with(in, out, &error) == TLC_ERROR_RANK &&
            strstr(error.message, "input 1 ('w'): expected rank 2"),
        "rank: %s", error.message);

  RESET();
  in[1].shape[1] = 4;
  CHECK(run_with(in, out, &error) == TLC_ERROR_SHAPE &&
            strstr(error.message, "input 1 ('w'): expected shape [5, 3], got [5, 4]"),
        "static dim: %s", error.message);

  RESET();
  in[0].shape[0] = -3;
  CHECK(run_with(in, out, &error) == TLC_ERROR_SHAPE &&
            strstr(error.message, "expected shape [?, 5], got [-3, 5]"),
        "negative dim: %s", error.message);

  RESET();
  in[0].data = NULL;
  CHECK(run_with(in, out, &error) == TLC_ERROR_NULL_BUFFER &&
            strstr(error.message, "input 0 ('x'): data is NULL"),
        "null: %s", error.message);

  RESET();
  CHECK(mlp_run(NULL, in, 1, out, 2, &error) == TLC_ERROR_INVALID_ARGUMENT &&
            strstr(error.message, "takes 2 inputs, got 1"),
        "count: %s", error.message);
  CHECK(mlp_run(NULL, NULL, 2, out, 2, &error) == TLC_ERROR_INVALID_ARGUMENT,
        "null inputs: %s", error.message);
  CHECK(mlp_run(NULL, in, 2, out, 2, NULL) == TLC_OK, "NULL error struct");

  /* Too small: the run reports the size and shape it needs. */
  RESET();
  out[1].capacity = sizeof(z) - 1;
  CHECK(run_with(in, out, &error) == TLC_ERROR_OUTPUT_TOO_SMALL &&
            strstr(error.message, "output 1 ('z'): capacity 39 bytes is below "
                                  "the 40 bytes of its result (f32 [2, 5])"),
        "too small: %s", error.message);
  CHECK(out[1].size == sizeof(z) && out[1].rank == 2 && out[1].shape[0] == 2 &&
            out[1].shape[1] == K && out[0].size == sizeof(y),
        "required size %zu", out[1].size);

  /* Runtime-allocated outputs. */
  RESET();
  out[0].data = out[1].data = NULL;
  out[0].capacity = out[1].capacity = 0;
  CHECK(run_with(in, out, &error) == TLC_OK && out[0].data && out[1].data &&
            out[0].capacity == sizeof(y) && out[1].size == sizeof(z),
        "allocated outputs: %s", error.message);
  free(out[0].data);
  free(out[1].data);

  /* Sessions: bad thread counts. */
  tlc_session *session = NULL;
  CHECK(mlp_session_create(-1, &session, &error) == TLC_ERROR_INVALID_ARGUMENT &&
            session == NULL,
        "negative threads: %s", error.message);
  CHECK(mlp_session_create(1, NULL, &error) == TLC_ERROR_INVALID_ARGUMENT,
        "null session pointer");
#undef RESET
}

typedef struct worker {
  tlc_session *session; /* may be NULL */
  unsigned seed;
  int iterations;
} worker;

static void *worker_main(void *arg) {
  worker *self = arg;
  for (int it = 0; it < self->iterations; ++it) {
    int64_t batch = 1 + (int64_t)(self->seed + (unsigned)it * 7u) % 37;
    float *x = malloc((size_t)batch * K * sizeof(float));
    float w[K * N];
    float *y = malloc((size_t)batch * N * sizeof(float));
    for (int64_t i = 0; i < batch * K; ++i)
      x[i] = next_value(&self->seed);
    for (int i = 0; i < K * N; ++i)
      w[i] = next_value(&self->seed);
    tlc_tensor in[2], out[2];
    set_input(&in[0], x, batch, K);
    set_input(&in[1], w, K, N);
    memset(out, 0, sizeof(out));
    out[0].data = y;
    out[0].capacity = (size_t)batch * N * sizeof(float);
    /* Output 1 is allocated by the run. */
    tlc_error error;
    int32_t status = mlp_run(self->session, in, 2, out, 2, &error);
    CHECK(status == TLC_OK, "run: %s", error.message);
    if (status == TLC_OK) {
      CHECK(out[0].shape[0] == batch && out[0].shape[1] == N &&
                out[1].shape[0] == batch && out[1].shape[1] == K,
            "output shapes");
      const float *z = out[1].data;
      for (int64_t i = 0; i < batch; ++i) {
        for (int j = 0; j < N; ++j) {
          double expected = 0;
          for (int k = 0; k < K; ++k)
            expected += (double)x[i * K + k] * w[k * N + j];
          CHECK(fabs(y[i * N + j] - expected) <= 1e-5 * (1 + fabs(expected)),
                "y[%lld][%d] = %g, expected %g", (long long)i, j,
                y[i * N + j], expected);
        }
        for (int k = 0; k < K; ++k) {
          float v = x[i * K + k];
          float expected = (v > 0 ? v : 0) * 2;
          CHECK(z[i * K + k] == expected, "z[%lld][%d] = %g, expected %g",
                (long long)i, k, z[i * K + k], expected);
        }
      }
    }
    free(out[1].data);
    free(x);
    free(y);
  }
  return NULL;
}

int main(void) {
  check_metadata();
  check_errors();

  /* Sessions of 1 to 4 threads; eight threads run on them at once, two per
     session (so a session is also shared), plus two without a session. */
  enum { SESSIONS = 4, WORKERS = 10 };
  tlc_session *sessions[SESSIONS];
  tlc_error error;
  for (int s = 0; s < SESSIONS; ++s)
    if (mlp_session_create(s + 1, &sessions[s], &error) != TLC_OK) {
      fprintf(stderr, "FAIL session_create(%d): %s\n", s + 1, error.message);
      return 1;
    }
  pthread_t threads[WORKERS];
  worker workers[WORKERS];
  for (int t = 0; t < WORKERS; ++t) {
    workers[t].session = t < 2 * SESSIONS ? sessions[t / 2] : NULL;
    workers[t].seed = 1234u + 7919u * (unsigned)t;
    workers[t].iterations = 40;
    pthread_create(&threads[t], NULL, worker_main, &workers[t]);
  }
  for (int t = 0; t < WORKERS; ++t)
    pthread_join(threads[t], NULL);
  for (int s = 0; s < SESSIONS; ++s)
    mlp_session_destroy(sessions[s]);

  if (failures) {
    fprintf(stderr, "%d check(s) failed\n", failures);
    return 1;
  }
  printf("c_api_test: metadata, errors and %d concurrent workers OK\n", WORKERS);
  return 0;
}
