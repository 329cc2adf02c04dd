/*===- Npy.c - Reading and writing NumPy .npy files ---------------*- C -*-===*
 *
 * The format: "\x93NUMPY", a major and minor version byte, the header length
 * (2 bytes little-endian in 1.0, 4 bytes in 2.0 and 3.0), then a Python dict
 * literal {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }
 * padded with spaces to a multiple of 64 bytes and ended by '\n'; then the
 * raw data.
 *
 *===----------------------------------------------------------------------===*/

#include "tlc/Runtime/Npy.h"

#include "tlc/Runtime/Runtime.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Headers larger than this are not real .npy files. */
#define TLRT_NPY_MAX_HEADER (1u << 20)

static const struct {
  const char *descr; /* without the byte-order character */
  int32_t dtype;
} descr_table[] = {
    {"f4", TLC_DTYPE_F32},  {"f8", TLC_DTYPE_F64},  {"f2", TLC_DTYPE_F16},
    {"i1", TLC_DTYPE_I8},   {"i2", TLC_DTYPE_I16},  {"i4", TLC_DTYPE_I32},
    {"i8", TLC_DTYPE_I64},  {"u1", TLC_DTYPE_U8},   {"u2", TLC_DTYPE_U16},
    {"u4", TLC_DTYPE_U32},  {"u8", TLC_DTYPE_U64},  {"b1", TLC_DTYPE_BOOL},
};

static int is_little_endian_host(void) {
  const uint16_t probe = 1;
  return *(const unsigned char *)&probe == 1;
}

/* Finds the value text after 'key': in the header dict. */
static const char *find_key(const char *header, const char *key) {
  char quoted[32];
  snprintf(quoted, sizeof(quoted), "'%s'", key);
  const char *at = strstr(header, quoted);
  if (!at) {
    snprintf(quoted, sizeof(quoted), "\"%s\"", key);
    at = strstr(header, quoted);
  }
  if (!at)
    return NULL;
  at += strlen(quoted);
  while (isspace((unsigned char)*at))
    ++at;
  if (*at != ':')
    return NULL;
  ++at;
  while (isspace((unsigned char)*at))
    ++at;
  return at;
}

static int parse_header(const char *path, const char *header,
                        tlrt_npy_array *array, char *error,
                        size_t error_size) {
  const char *descr = find_key(header, "descr");
  const char *order = find_key(header, "fortran_order");
  const char *shape = find_key(header, "shape");
  if (!descr || !order || !shape || (*descr != '\'' && *descr != '"')) {
    snprintf(error, error_size, "%s: malformed .npy header", path);
    return 1;
  }
  char quote = *descr++;
  const char *end = strchr(descr, quote);
  if (!end || end - descr > 15) {
    snprintf(error, error_size, "%s: malformed dtype in .npy header", path);
    return 1;
  }
  char text[16];
  memcpy(text, descr, (size_t)(end - descr));
  text[end - descr] = '\0';
  const char *code = text;
  char byte_order = '|';
  if (*code == '<' || *code == '>' || *code == '|' || *code == '=') {
    byte_order = *code;
    ++code;
  }
  array->dtype = 0;
  for (size_t i = 0; i < sizeof(descr_table) / sizeof(descr_table[0]); ++i)
    if (strcmp(code, descr_table[i].descr) == 0)
      array->dtype = descr_table[i].dtype;
  if (!array->dtype) {
    snprintf(error, error_size,
             "%s: unsupported dtype '%s' (expected a numeric or bool array)",
             path, text);
    return 1;
  }
  int big_endian = byte_order == '>' ||
                   (byte_order == '=' && !is_little_endian_host());
  if (big_endian && tlrt_dtype_size(array->dtype) > 1) {
    snprintf(error, error_size,
             "%s: big-endian data ('%s') is not supported; save it with "
             "dtype '<%s'",
             path, text, code);
    return 1;
  }
  if (strncmp(order, "True", 4) == 0) {
    snprintf(error, error_size,
             "%s: Fortran-order arrays are not supported; save "
             "numpy.ascontiguousarray(a)",
             path);
    return 1;
  }
  if (*shape != '(') {
    snprintf(error, error_size, "%s: malformed shape in .npy header", path);
    return 1;
  }
  ++shape;
  array->rank = 0;
  for (;;) {
    while (isspace((unsigned char)*shape) || *shape == ',')
      ++shape;
    if (*shape == ')')
      break;
    if (!isdigit((unsigned char)*shape)) {
      snprintf(error, error_size, "%s: malformed shape in .npy header", path);
      return 1;
    }
    if (array->rank == TLC_MAX_RANK) {
      snprintf(error, error_size, "%s: rank above %d is not supported", path,
               TLC_MAX_RANK);
      return 1;
    }
    char *after = NULL;
    errno = 0;
    long long dim = strtoll(shape, &after, 10);
    if (errno != 0 || dim < 0) {
      snprintf(error, error_size, "%s: malformed shape in .npy header", path);
      return 1;
    }
    array->shape[array->rank++] = dim;
    shape = after;
  }
  return 0;
}

int tlrt_npy_read(const char *path, tlrt_npy_array *array, char *error,
                  size_t error_size) {
  memset(array, 0, sizeof(*array));
  FILE *file = fopen(path, "rb");
  if (!file) {
    snprintf(error, error_size, "%s: cannot open: %s", path, strerror(errno));
    return 1;
  }
  int status = 1;
  char *header = NULL;
  unsigned char preamble[10];
  if (fread(preamble, 1, 8, file) != 8 ||
      memcmp(preamble, "\x93NUMPY", 6) != 0) {
    snprintf(error, error_size, "%s: not a .npy file (bad magic)", path);
    goto done;
  }
  uint32_t header_size;
  if (preamble[6] == 1) {
    if (fread(preamble + 8, 1, 2, file) != 2)
      goto truncated;
    header_size = (uint32_t)preamble[8] | (uint32_t)preamble[9] << 8;
  } else if (preamble[6] == 2 || preamble[6] == 3) {
    unsigned char length[4];
    if (fread(length, 1, 4, file) != 4)
      goto truncated;
    header_size = (uint32_t)length[0] | (uint32_t)length[1] << 8 |
                  (uint32_t)length[2] << 16 | (uint32_t)length[3] << 24;
  } else {
    snprintf(error, error_size, "%s: unsupported .npy version %d.%d", path,
             preamble[6], preamble[7]);
    goto done;
  }
  if (header_size > TLRT_NPY_MAX_HEADER) {
    snprintf(error, error_size, "%s: malformed .npy header", path);
    goto done;
  }
  header = malloc(header_size + 1);
  if (!header) {
    snprintf(error, error_size, "%s: out of memory", path);
    goto done;
  }
  if (fread(header, 1, header_size, file) != header_size)
    goto truncated;
  header[header_size] = '\0';
  if (parse_header(path, header, array, error, error_size) != 0)
    goto done;

  size_t element_size = tlrt_dtype_size(array->dtype);
  size_t count = 1;
  for (int32_t d = 0; d < array->rank; ++d) {
    size_t dim = (size_t)array->shape[d];
    if (dim != 0 && count > SIZE_MAX / element_size / dim) {
      snprintf(error, error_size, "%s: array too large", path);
      goto done;
    }
    count *= dim;
  }
  array->nbytes = count * element_size;
  array->data = malloc(array->nbytes ? array->nbytes : 1);
  if (!array->data) {
    snprintf(error, error_size, "%s: out of memory reading %zu bytes", path,
             array->nbytes);
    goto done;
  }
  if (fread(array->data, 1, array->nbytes, file) != array->nbytes)
    goto truncated;
  status = 0;
  goto done;

truncated:
  snprintf(error, error_size, "%s: file is truncated", path);
done:
  if (status != 0)
    tlrt_npy_free(array);
  free(header);
  fclose(file);
  return status;
}

int tlrt_npy_write(const char *path, int32_t dtype, int32_t rank,
                   const int64_t *shape, const void *data, char *error,
                   size_t error_size) {
  const char *code = NULL;
  for (size_t i = 0; i < sizeof(descr_table) / sizeof(descr_table[0]); ++i)
    if (descr_table[i].dtype == dtype)
      code = descr_table[i].descr;
  if (!code) {
    snprintf(error, error_size,
             "%s: dtype %s has no .npy equivalent", path,
             tlrt_dtype_name(dtype));
    return 1;
  }
  if (!is_little_endian_host() && tlrt_dtype_size(dtype) > 1) {
    snprintf(error, error_size, "%s: writing .npy needs a little-endian host",
             path);
    return 1;
  }
  char header[512];
  int used = snprintf(header, sizeof(header),
                      "{'descr': '%c%s', 'fortran_order': False, 'shape': (",
                      tlrt_dtype_size(dtype) == 1 ? '|' : '<', code);
  size_t count = 1;
  for (int32_t d = 0; d < rank; ++d) {
    used += snprintf(header + used, sizeof(header) - (size_t)used, "%lld%s",
                     (long long)shape[d], rank == 1 ? "," : (d + 1 < rank ? ", " : ""));
    count *= (size_t)shape[d];
  }
  used += snprintf(header + used, sizeof(header) - (size_t)used, "), }");
  /* Pad so that magic + version + length + header is a multiple of 64. */
  int total = 10 + used + 1;
  int padding = (64 - total % 64) % 64;
  memset(header + used, ' ', (size_t)padding);
  used += padding;
  header[used++] = '\n';

  FILE *file = fopen(path, "wb");
  if (!file) {
    snprintf(error, error_size, "%s: cannot create: %s", path,
             strerror(errno));
    return 1;
  }
  unsigned char preamble[10] = {0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0,
                                (unsigned char)(used & 0xff),
                                (unsigned char)(used >> 8)};
  size_t nbytes = count * tlrt_dtype_size(dtype);
  int ok = fwrite(preamble, 1, sizeof(preamble), file) == sizeof(preamble) &&
           fwrite(header, 1, (size_t)used, file) == (size_t)used &&
           (nbytes == 0 || fwrite(data, 1, nbytes, file) == nbytes);
  if (fclose(file) != 0)
    ok = 0;
  if (!ok) {
    snprintf(error, error_size, "%s: write failed: %s", path, strerror(errno));
    return 1;
  }
  return 0;
}

void tlrt_npy_free(tlrt_npy_array *array) {
  free(array->data);
  array->data = NULL;
  array->nbytes = 0;
}
