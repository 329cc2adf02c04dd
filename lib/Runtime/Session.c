/*===- Session.c - Sessions: a thread pool and its run lock -------*- C -*-===*/

#define _GNU_SOURCE
#include "Internal.h"
#include "ThreadPool.h"

#include "tlc/Runtime/Runtime.h"

#include <sched.h>
#include <stdlib.h>
#include <unistd.h>

/* Upper bound on explicit thread counts: catches garbage values. */
#define TLRT_MAX_THREADS 4096
/* How long idle workers spin before they block (TLC_SPIN_US overrides). */
#define TLRT_DEFAULT_SPIN_US 500

static int32_t parse_env_int(const char *name, int32_t fallback) {
  const char *text = getenv(name);
  if (!text || !*text)
    return fallback;
  char *end = NULL;
  long value = strtol(text, &end, 10);
  if (*end != '\0' || value < 0 || value > TLRT_MAX_THREADS * 1000L)
    return fallback;
  return (int32_t)value;
}

static int32_t available_cpus(void) {
  cpu_set_t set;
  if (sched_getaffinity(0, sizeof(set), &set) == 0) {
    int count = CPU_COUNT(&set);
    if (count > 0)
      return count;
  }
  long online = sysconf(_SC_NPROCESSORS_ONLN);
  return online > 0 ? (int32_t)online : 1;
}

int32_t tlrt_session_create(int32_t num_threads, tlc_session **out,
                            tlc_error *error) {
  if (!out)
    return tlrt_fail(error, TLC_ERROR_INVALID_ARGUMENT,
                     "session_create: the session pointer is NULL");
  *out = NULL;
  if (num_threads < 0 || num_threads > TLRT_MAX_THREADS)
    return tlrt_fail(error, TLC_ERROR_INVALID_ARGUMENT,
                     "session_create: num_threads is %d, expected 0 "
                     "(default) to %d",
                     (int)num_threads, TLRT_MAX_THREADS);
  if (num_threads == 0) {
    num_threads = parse_env_int("TLC_NUM_THREADS", 0);
    if (num_threads <= 0 || num_threads > TLRT_MAX_THREADS)
      num_threads = available_cpus();
  }
  tlc_session *session = calloc(1, sizeof(*session));
  if (!session)
    return tlrt_fail(error, TLC_ERROR_OUT_OF_MEMORY,
                     "session_create: out of memory");
  session->num_threads = num_threads;
  pthread_mutex_init(&session->run_lock, NULL);
  if (num_threads > 1) {
    char message[sizeof(((tlc_error *)0)->message)];
    int64_t spin_ns =
        (int64_t)parse_env_int("TLC_SPIN_US", TLRT_DEFAULT_SPIN_US) * 1000;
    if (tlrt_pool_create(num_threads, spin_ns, &session->pool, message,
                         sizeof(message)) != 0) {
      pthread_mutex_destroy(&session->run_lock);
      free(session);
      return tlrt_fail(error, TLC_ERROR_SYSTEM, "session_create: %s",
                       message);
    }
  }
  *out = session;
  if (error) {
    error->code = TLC_OK;
    error->message[0] = '\0';
  }
  return TLC_OK;
}

void tlrt_session_destroy(tlc_session *session) {
  if (!session)
    return;
  tlrt_pool_destroy(session->pool);
  tlrt_cache_clear(&session->cache);
  pthread_mutex_destroy(&session->run_lock);
  free(session);
}

int32_t tlrt_session_num_threads(const tlc_session *session) {
  return session ? session->num_threads : 1;
}
