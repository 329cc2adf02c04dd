/*===- MemrefCopy.c - memref.copy between strided memrefs ---------*- C -*-===*
 *
 * MLIR lowers memref.copy between memrefs that are not both contiguous to a
 * call of memrefCopy, which upstream lives in libmlir_c_runner_utils. Compiled
 * models must not depend on MLIR's libraries, so the runtime provides it with
 * the same signature.
 *
 *===----------------------------------------------------------------------===*/

#include <stdint.h>
#include <string.h>

/* A ranked descriptor as MLIR lays it out: {allocated, aligned, offset,
   sizes[rank], strides[rank]}. */
typedef struct tlrt_strided_memref {
  char *allocated;
  char *aligned;
  int64_t offset;
  int64_t dims[];
} tlrt_strided_memref;

typedef struct tlrt_unranked_memref {
  int64_t rank;
  tlrt_strided_memref *descriptor;
} tlrt_unranked_memref;

/* Copies dimension d and those inside it. */
static void copy_dim(int64_t d, int64_t rank, size_t element_size,
                     const int64_t *sizes, const int64_t *src_strides,
                     const int64_t *dst_strides, const char *src, char *dst) {
  if (d == rank - 1 && src_strides[d] == 1 && dst_strides[d] == 1) {
    memcpy(dst, src, (size_t)sizes[d] * element_size);
    return;
  }
  for (int64_t i = 0; i < sizes[d]; ++i) {
    const char *src_at = src + i * src_strides[d] * (int64_t)element_size;
    char *dst_at = dst + i * dst_strides[d] * (int64_t)element_size;
    if (d == rank - 1)
      memcpy(dst_at, src_at, element_size);
    else
      copy_dim(d + 1, rank, element_size, sizes, src_strides, dst_strides,
               src_at, dst_at);
  }
}

/* Not static: compiled code calls it by this name. */
void memrefCopy(int64_t element_size, tlrt_unranked_memref *source,
                tlrt_unranked_memref *target);

void memrefCopy(int64_t element_size, tlrt_unranked_memref *source,
                tlrt_unranked_memref *target) {
  int64_t rank = source->rank;
  const tlrt_strided_memref *src = source->descriptor;
  const tlrt_strided_memref *dst = target->descriptor;
  const char *src_base = src->aligned + src->offset * element_size;
  char *dst_base = dst->aligned + dst->offset * element_size;
  if (rank == 0) {
    memcpy(dst_base, src_base, (size_t)element_size);
    return;
  }
  for (int64_t d = 0; d < rank; ++d)
    if (src->dims[d] == 0)
      return;
  copy_dim(0, rank, (size_t)element_size, src->dims, src->dims + rank,
           dst->dims + rank, src_base, dst_base);
}
