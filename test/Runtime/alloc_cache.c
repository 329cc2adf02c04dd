/* Tests the allocation hooks of compiled code (lib/Runtime/Alloc.c): with a
   session's block cache installed, large freed blocks serve later requests
   of about their size; small blocks, requests much smaller than a cached
   block, and threads without a cache go to malloc and free. */

#include "Alloc.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

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

enum { MB = 1 << 20 };

int main(void) {
  tlrt_block_cache cache;
  memset(&cache, 0, sizeof(cache));
  CHECK(tlrt_cache_install(&cache) == NULL, "no cache installed at first");

  /* A freed large block comes back for the same size, and for a somewhat
     smaller one, with its contents writable. */
  char *a = _mlir_memref_to_llvm_alloc(4 * MB);
  memset(a, 1, 4 * MB);
  _mlir_memref_to_llvm_free(a);
  char *b = _mlir_memref_to_llvm_alloc(4 * MB);
  CHECK(b == a, "same-size block reused");
  _mlir_memref_to_llvm_free(b);
  char *c = _mlir_memref_to_llvm_alloc(3 * MB);
  CHECK(c == a, "a block at most twice the request is reused");
  memset(c, 2, 3 * MB);

  /* Not for a request less than half its size, nor a larger one. */
  _mlir_memref_to_llvm_free(c);
  char *d = _mlir_memref_to_llvm_alloc(1 * MB);
  CHECK(d != a, "a block over twice the request is kept for larger ones");
  char *e = _mlir_memref_to_llvm_alloc(8 * MB);
  CHECK(e != a, "a smaller block is not reused for a larger request");

  /* Two live blocks of one size: both come back. */
  _mlir_memref_to_llvm_free(d);
  _mlir_memref_to_llvm_free(e);
  char *f = _mlir_memref_to_llvm_alloc(4 * MB);
  char *g = _mlir_memref_to_llvm_alloc(1 * MB);
  CHECK(f == a && g == d, "blocks returned by size");

  /* Aligned requests reuse blocks that happen to be aligned. */
  _mlir_memref_to_llvm_free(f);
  char *h = _mlir_memref_to_llvm_aligned_alloc(64, 4 * MB);
  CHECK(((uintptr_t)h % 64) == 0, "aligned block");
  _mlir_memref_to_llvm_free(h);
  _mlir_memref_to_llvm_free(g);

  /* Small blocks are not cached. */
  char *small = _mlir_memref_to_llvm_alloc(100);
  _mlir_memref_to_llvm_free(small);
  int cached = 0;
  for (int i = 0; i < TLRT_CACHE_SLOTS; ++i)
    cached += cache.blocks[i] == small && cache.sizes[i] != 0;
  CHECK(!cached, "small block not cached");

  /* Without a cache the hooks are malloc and free. */
  CHECK(tlrt_cache_install(NULL) == &cache, "previous cache returned");
  char *p = _mlir_memref_to_llvm_alloc(4 * MB);
  CHECK(p != NULL, "malloc");
  _mlir_memref_to_llvm_free(p);
  for (int i = 0; i < TLRT_CACHE_SLOTS; ++i)
    CHECK(cache.blocks[i] != p, "block freed without a cache was cached");

  /* More large blocks than slots: the cache keeps the largest ones. */
  tlrt_cache_install(&cache);
  char *many[TLRT_CACHE_SLOTS + 4];
  for (int i = 0; i < TLRT_CACHE_SLOTS + 4; ++i)
    many[i] = _mlir_memref_to_llvm_alloc((size_t)(i + 1) * 128 * 1024);
  for (int i = 0; i < TLRT_CACHE_SLOTS + 4; ++i)
    _mlir_memref_to_llvm_free(many[i]);
  int slots = 0;
  for (int i = 0; i < TLRT_CACHE_SLOTS; ++i)
    slots += cache.sizes[i] != 0;
  CHECK(slots == TLRT_CACHE_SLOTS, "%d slots in use", slots);
  tlrt_cache_clear(&cache);
  for (int i = 0; i < TLRT_CACHE_SLOTS; ++i)
    CHECK(cache.blocks[i] == NULL && cache.sizes[i] == 0, "cleared");
  tlrt_cache_install(NULL);

  if (failures)
    return 1;
  printf("alloc_cache: OK\n");
  return 0;
}
