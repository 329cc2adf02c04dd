/*===- ExeMain.c - main() of standalone model executables ---------*- C -*-===*
 *
 * tl-compile --emit=exe links a main() that calls tlrt_exe_main with the
 * model's API table: read one .npy per input, run, write output_<i>.npy.
 *
 *===----------------------------------------------------------------------===*/

#define _POSIX_C_SOURCE 200809L
#include "tlc/Runtime/Npy.h"
#include "tlc/Runtime/Runtime.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static void print_tensor_info(FILE *out, int32_t index,
                              const tlc_tensor_info *info) {
  fprintf(out, "  %d  %-16s %-5s [", (int)index, info->name,
          tlrt_dtype_name(info->dtype));
  for (int32_t d = 0; d < info->rank; ++d) {
    if (info->shape[d] < 0)
      fprintf(out, "%s%s", d ? ", " : "",
              info->dim_names && info->dim_names[d] ? info->dim_names[d]
                                                    : "?");
    else
      fprintf(out, "%s%lld", d ? ", " : "", (long long)info->shape[d]);
  }
  fprintf(out, "]\n");
}

static void print_usage(FILE *out, const char *program,
                        const tlc_model_info *info) {
  fprintf(out,
          "usage: %s [options] INPUT.npy...\n"
          "\n"
          "Runs the model '%s' compiled by tl-compile. Give one .npy file "
          "per model input,\nin input order or as NAME=FILE; each output i "
          "is written to DIR/output_<i>.npy.\n"
          "\n"
          "options:\n"
          "  --output-dir DIR  where to write the outputs (default: the "
          "current directory)\n"
          "  --threads N       threads to run on (default 0: "
          "$TLC_NUM_THREADS, else every CPU)\n"
          "  --quiet           print nothing on success\n"
          "  --help            print this help\n"
          "\ninputs:\n",
          program, info->name);
  for (int32_t i = 0; i < info->num_inputs; ++i)
    print_tensor_info(out, i, &info->inputs[i]);
  fprintf(out, "outputs:\n");
  for (int32_t i = 0; i < info->num_outputs; ++i)
    print_tensor_info(out, i, &info->outputs[i]);
}

/* mkdir -p; returns non-zero with errno set on failure. */
static int make_directories(const char *path) {
  char buffer[4096];
  size_t length = strlen(path);
  if (length == 0 || length >= sizeof(buffer)) {
    errno = ENAMETOOLONG;
    return 1;
  }
  memcpy(buffer, path, length + 1);
  for (size_t i = 1; i <= length; ++i) {
    if (buffer[i] != '/' && buffer[i] != '\0')
      continue;
    char saved = buffer[i];
    buffer[i] = '\0';
    if (mkdir(buffer, 0777) != 0 && errno != EEXIST)
      return 1;
    buffer[i] = saved;
  }
  return 0;
}

static int parse_threads(const char *text, int32_t *threads) {
  char *end = NULL;
  long value = strtol(text, &end, 10);
  if (!*text || *end != '\0' || value < 0 || value > 4096)
    return 1;
  *threads = (int32_t)value;
  return 0;
}

/* Index of the input called name (length len), or -1. */
static int32_t find_input(const tlc_model_info *info, const char *name,
                          size_t len) {
  for (int32_t i = 0; i < info->num_inputs; ++i)
    if (strlen(info->inputs[i].name) == len &&
        strncmp(info->inputs[i].name, name, len) == 0)
      return i;
  return -1;
}

int tlrt_exe_main(const tlc_model_api *api, int argc, char **argv) {
  const tlc_model_info *info = api->info;
  const char *program = argc > 0 ? argv[0] : "model";
  const char *output_dir = ".";
  int32_t threads = 0;
  int quiet = 0;
  int32_t num_inputs = info->num_inputs, num_outputs = info->num_outputs;
  const char **files = calloc((size_t)num_inputs + 1, sizeof(char *));
  int32_t positional = 0;
  int status = 1;
  tlrt_npy_array *arrays = NULL;
  tlc_tensor *inputs = NULL, *outputs = NULL;
  tlc_session *session = NULL;
  char message[600];
  if (!files) {
    fprintf(stderr, "error: out of memory\n");
    return 1;
  }

  for (int i = 1; i < argc; ++i) {
    const char *arg = argv[i];
    if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
      print_usage(stdout, program, info);
      status = 0;
      goto done;
    }
    if (strcmp(arg, "--quiet") == 0) {
      quiet = 1;
      continue;
    }
    if (strcmp(arg, "--output-dir") == 0 || strcmp(arg, "--threads") == 0) {
      if (i + 1 == argc) {
        fprintf(stderr, "error: %s needs a value\n", arg);
        goto done;
      }
      const char *value = argv[++i];
      if (arg[2] == 'o')
        output_dir = value;
      else if (parse_threads(value, &threads) != 0) {
        fprintf(stderr, "error: --threads expects 0 to 4096, got '%s'\n",
                value);
        goto done;
      }
      continue;
    }
    if (strncmp(arg, "--output-dir=", 13) == 0) {
      output_dir = arg + 13;
      continue;
    }
    if (strncmp(arg, "--threads=", 10) == 0) {
      if (parse_threads(arg + 10, &threads) != 0) {
        fprintf(stderr, "error: --threads expects 0 to 4096, got '%s'\n",
                arg + 10);
        goto done;
      }
      continue;
    }
    if (arg[0] == '-' && arg[1] != '\0') {
      fprintf(stderr, "error: unknown option '%s' (see --help)\n", arg);
      goto done;
    }
    const char *equals = strchr(arg, '=');
    int32_t named = equals ? find_input(info, arg, (size_t)(equals - arg)) : -1;
    int32_t slot = named >= 0 ? named : positional++;
    if (slot >= num_inputs) {
      fprintf(stderr, "error: the model takes %d input%s, got more (see "
                      "--help)\n",
              (int)num_inputs, num_inputs == 1 ? "" : "s");
      goto done;
    }
    if (files[slot]) {
      fprintf(stderr, "error: input %d ('%s') is given twice\n", (int)slot,
              info->inputs[slot].name);
      goto done;
    }
    files[slot] = named >= 0 ? equals + 1 : arg;
  }
  for (int32_t i = 0; i < num_inputs; ++i) {
    if (!files[i]) {
      fprintf(stderr, "error: missing input %d ('%s'); the model takes %d "
                      "input%s (see --help)\n",
              (int)i, info->inputs[i].name, (int)num_inputs,
              num_inputs == 1 ? "" : "s");
      goto done;
    }
  }

  arrays = calloc((size_t)num_inputs + 1, sizeof(*arrays));
  inputs = calloc((size_t)num_inputs + 1, sizeof(*inputs));
  outputs = calloc((size_t)num_outputs + 1, sizeof(*outputs));
  if (!arrays || !inputs || !outputs) {
    fprintf(stderr, "error: out of memory\n");
    goto done;
  }
  for (int32_t i = 0; i < num_inputs; ++i) {
    if (tlrt_npy_read(files[i], &arrays[i], message, sizeof(message)) != 0) {
      fprintf(stderr, "error: input %d ('%s'): %s\n", (int)i,
              info->inputs[i].name, message);
      goto done;
    }
    inputs[i].data = arrays[i].data;
    inputs[i].dtype = arrays[i].dtype;
    inputs[i].rank = arrays[i].rank;
    memcpy(inputs[i].shape, arrays[i].shape, sizeof(inputs[i].shape));
  }

  if (make_directories(output_dir) != 0) {
    fprintf(stderr, "error: cannot create %s: %s\n", output_dir,
            strerror(errno));
    goto done;
  }
  tlc_error error;
  if (api->session_create(threads, &session, &error) != TLC_OK) {
    fprintf(stderr, "error: %s\n", error.message);
    goto done;
  }
  if (api->run(session, inputs, (size_t)num_inputs, outputs,
               (size_t)num_outputs, &error) != TLC_OK) {
    fprintf(stderr, "error: %s\n", error.message);
    goto done;
  }
  for (int32_t i = 0; i < num_outputs; ++i) {
    char path[4096];
    snprintf(path, sizeof(path), "%s/output_%d.npy", output_dir, (int)i);
    if (tlrt_npy_write(path, outputs[i].dtype, outputs[i].rank,
                       outputs[i].shape, outputs[i].data, message,
                       sizeof(message)) != 0) {
      fprintf(stderr, "error: output %d ('%s'): %s\n", (int)i,
              info->outputs[i].name, message);
      goto done;
    }
    if (!quiet) {
      printf("output %d '%s': %s [", (int)i, info->outputs[i].name,
             tlrt_dtype_name(outputs[i].dtype));
      for (int32_t d = 0; d < outputs[i].rank; ++d)
        printf("%s%lld", d ? ", " : "", (long long)outputs[i].shape[d]);
      printf("] -> %s\n", path);
    }
  }
  status = 0;

done:
  if (session)
    api->session_destroy(session);
  for (int32_t i = 0; outputs && i < num_outputs; ++i)
    free(outputs[i].data);
  for (int32_t i = 0; arrays && i < num_inputs; ++i)
    tlrt_npy_free(&arrays[i]);
  free(outputs);
  free(inputs);
  free(arrays);
  free(files);
  return status;
}
