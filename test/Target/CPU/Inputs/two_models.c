/* Two models compiled to objects with different --name prefixes, linked
   statically with libtlc_runtime.a into one program with its own main(). */

#include "mlp.h"
#include "scale.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

int main(void) {
  int failures = 0;
  /* scale: r = a * 3 + 1 */
  double a[7], r[7];
  for (int i = 0; i < 7; ++i)
    a[i] = i - 3.5;
  tlc_tensor in = {.data = a, .dtype = TLC_DTYPE_F64, .rank = 1, .shape = {7}};
  tlc_tensor out = {.data = r, .capacity = sizeof(r)};
  tlc_error error;
  if (scale_run(NULL, &in, 1, &out, 1, &error) != TLC_OK) {
    fprintf(stderr, "FAIL scale_run: %s\n", error.message);
    return 1;
  }
  for (int i = 0; i < 7; ++i)
    if (r[i] != a[i] * 3 + 1) {
      fprintf(stderr, "FAIL r[%d] = %g\n", i, r[i]);
      ++failures;
    }

  /* mlp through its API table, on a 2-thread session. */
  const tlc_model_api *api = mlp_api();
  tlc_session *session;
  if (api->session_create(2, &session, &error) != TLC_OK) {
    fprintf(stderr, "FAIL session_create: %s\n", error.message);
    return 1;
  }
  float x[2 * 5], w[5 * 3], y[2 * 3], z[2 * 5];
  for (int i = 0; i < 10; ++i)
    x[i] = (float)(i - 4);
  for (int i = 0; i < 15; ++i)
    w[i] = (float)(i % 4) * 0.5f;
  tlc_tensor ins[2] = {
      {.data = x, .dtype = TLC_DTYPE_F32, .rank = 2, .shape = {2, 5}},
      {.data = w, .dtype = TLC_DTYPE_F32, .rank = 2, .shape = {5, 3}}};
  tlc_tensor outs[2] = {{.data = y, .capacity = sizeof(y)},
                        {.data = z, .capacity = sizeof(z)}};
  if (api->run(session, ins, 2, outs, 2, &error) != TLC_OK) {
    fprintf(stderr, "FAIL mlp run: %s\n", error.message);
    return 1;
  }
  if (api->session_threads(session) != 2) {
    fprintf(stderr, "FAIL session_threads\n");
    ++failures;
  }
  api->session_destroy(session);
  for (int i = 0; i < 2; ++i)
    for (int j = 0; j < 3; ++j) {
      float expected = 0;
      for (int k = 0; k < 5; ++k)
        expected += x[i * 5 + k] * w[k * 3 + j];
      if (fabsf(y[i * 3 + j] - expected) > 1e-5f) {
        fprintf(stderr, "FAIL y[%d][%d] = %g, expected %g\n", i, j,
                y[i * 3 + j], expected);
        ++failures;
      }
    }
  if (strcmp(scale_info()->name, "scale") || strcmp(api->info->name, "mlp") ||
      strcmp(scale_info()->inputs[0].name, "a")) {
    fprintf(stderr, "FAIL metadata\n");
    ++failures;
  }
  if (failures)
    return 1;
  printf("two_models: scale and mlp OK\n");
  return 0;
}
