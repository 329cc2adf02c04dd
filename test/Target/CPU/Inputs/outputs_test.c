/* Drives the outputs model (Inputs/outputs.mlir) through the run entry point:
   static outputs written into the caller's buffers (also when one of them
   is an input's buffer), outputs the run allocates, a dynamic output whose
   buffers the session reuses from run to run, and runs with and without a
   session. Expected values are computed here:
     y = max(x * 2 + 1, 0),  s = x,  w = v + 1. */

#include "outputs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { ROWS = 64, COLS = 300, SIZE = ROWS * COLS };

static int failures;
#define CHECK(cond, ...)                                                       \
  do {                                                                         \
    if (!(cond)) {                                                             \
      fprintf(stderr, "FAIL line %d: ", __LINE__);                             \
      fprintf(stderr, __VA_ARGS__);                                            \
      fprintf(stderr, "\n");                                                   \
      ++failures;                                                              \
    }                                                                          \
  } while (0)

static unsigned state = 1;
static float next_value(void) {
  state = state * 1103515245u + 12345u;
  return (float)((state >> 8) & 0xffff) / 32768.0f - 1.0f;
}

static void set_inputs(tlc_tensor in[2], float *x, float *v, int64_t n) {
  memset(in, 0, 2 * sizeof(tlc_tensor));
  in[0].data = x;
  in[0].dtype = TLC_DTYPE_F32;
  in[0].rank = 2;
  in[0].shape[0] = ROWS;
  in[0].shape[1] = COLS;
  in[1].data = v;
  in[1].dtype = TLC_DTYPE_F32;
  in[1].rank = 1;
  in[1].shape[0] = n;
}

static void set_output(tlc_tensor *out, void *data, size_t capacity) {
  memset(out, 0, sizeof(*out));
  out->data = data;
  out->capacity = capacity;
}

/* Checks the outputs against x (as it was before the run) and v. */
static void check_outputs(const char *what, const tlc_tensor out[3],
                          const float *x, const float *v, int64_t n) {
  const float *y = out[0].data, *s = out[1].data, *w = out[2].data;
  CHECK(out[0].size == SIZE * sizeof(float) && out[0].shape[0] == ROWS &&
            out[0].shape[1] == COLS,
        "%s: y size %zu", what, out[0].size);
  CHECK(out[2].size == (size_t)n * sizeof(float) && out[2].shape[0] == n,
        "%s: w size %zu", what, out[2].size);
  int bad = 0;
  for (int i = 0; i < SIZE && !bad; ++i) {
    float want = x[i] * 2.0f + 1.0f;
    want = want > 0.0f ? want : 0.0f;
    if (y[i] != want || s[i] != x[i]) {
      CHECK(0, "%s: element %d: y %g (want %g), s %g (want %g)", what, i,
            y[i], want, s[i], x[i]);
      bad = 1;
    }
  }
  for (int64_t i = 0; i < n && !bad; ++i)
    if (w[i] != v[i] + 1.0f) {
      CHECK(0, "%s: w[%lld] %g (want %g)", what, (long long)i, w[i],
            v[i] + 1.0f);
      bad = 1;
    }
}

int main(void) {
  static float x[SIZE], x_copy[SIZE], y[SIZE], s[SIZE];
  enum { MAX_N = 70000 };
  static float v[MAX_N], w[MAX_N];
  tlc_tensor in[2], out[3];
  tlc_error error;

  const tlc_model_info *info = outputs_info();
  CHECK(info->num_outputs == 3 && info->outputs[2].shape[0] == -1,
        "metadata");

  tlc_session *session = NULL;
  CHECK(outputs_session_create(2, &session, &error) == TLC_OK, "session: %s",
        error.message);

  /* Caller buffers, on a session, with dynamic results of changing sizes
     (64 KB and more: blocks the session keeps between runs). */
  int64_t sizes[] = {50000, 40000, 70000, 50000};
  for (int round = 0; round < 4; ++round) {
    int64_t n = sizes[round];
    for (int i = 0; i < SIZE; ++i)
      x[i] = next_value();
    for (int64_t i = 0; i < n; ++i)
      v[i] = next_value();
    set_inputs(in, x, v, n);
    set_output(&out[0], y, sizeof(y));
    set_output(&out[1], s, sizeof(s));
    set_output(&out[2], w, sizeof(w));
    int32_t status = outputs_run(session, in, 2, out, 3, &error);
    CHECK(status == TLC_OK, "round %d: %s", round, error.message);
    CHECK(out[0].data == y && out[1].data == s && out[2].data == w,
          "round %d: the caller's buffers are kept", round);
    if (status == TLC_OK)
      check_outputs("caller buffers", out, x, v, n);
  }

  /* An output buffer that is an input's buffer: the input is read as it
     was. */
  for (int i = 0; i < SIZE; ++i)
    x[i] = x_copy[i] = next_value();
  set_inputs(in, x, v, 1000);
  set_output(&out[0], x, sizeof(x));
  set_output(&out[1], s, sizeof(s));
  set_output(&out[2], w, sizeof(w));
  CHECK(outputs_run(session, in, 2, out, 3, &error) == TLC_OK, "aliased: %s",
        error.message);
  CHECK(out[0].data == x, "aliased: the caller's buffer is kept");
  check_outputs("aliased", out, x_copy, v, 1000);

  /* Outputs the run allocates, without a session. */
  for (int i = 0; i < SIZE; ++i)
    x[i] = next_value();
  set_inputs(in, x, v, 30000);
  for (int k = 0; k < 3; ++k)
    set_output(&out[k], NULL, 0);
  CHECK(outputs_run(NULL, in, 2, out, 3, &error) == TLC_OK, "allocated: %s",
        error.message);
  CHECK(out[0].data && out[1].data && out[2].data &&
            out[0].capacity == out[0].size && out[2].capacity == out[2].size,
        "allocated: buffers and capacities");
  if (out[0].data && out[1].data && out[2].data)
    check_outputs("allocated", out, x, v, 30000);
  for (int k = 0; k < 3; ++k)
    free(out[k].data);

  /* A static output too small is reported before the run. */
  set_output(&out[0], y, sizeof(y) - 4);
  set_output(&out[1], s, sizeof(s));
  set_output(&out[2], w, sizeof(w));
  CHECK(outputs_run(session, in, 2, out, 3, &error) ==
                TLC_ERROR_OUTPUT_TOO_SMALL &&
            out[0].size == sizeof(y),
        "too small: %s", error.message);

  outputs_session_destroy(session);
  if (failures)
    return 1;
  printf("outputs_test: caller, aliased and allocated outputs OK\n");
  return 0;
}
