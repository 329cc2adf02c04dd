/*===- Alloc.c - Allocation hooks of compiled code ----------------*- C -*-===*
 *
 * tl-cpu-pipeline with runtime-allocator lowers memref.alloc/dealloc to
 * _mlir_memref_to_llvm_alloc/_aligned_alloc/_free, which this file defines.
 * During a run on a session (tlrt_run installs the session's cache for the
 * calling thread, as it installs the thread pool), freed blocks of at least
 * TLRT_CACHE_MIN_BYTES go into the session's cache and serve later
 * allocations of about the same size: buffers allocated on every call (the
 * arena of a function's temporaries, packed operands, results of dynamic
 * shape) then keep their pages instead of being mapped, page-faulted and
 * zeroed by the kernel anew on every run, whatever malloc's policy for large
 * blocks. Elsewhere (no session, worker threads) the hooks are malloc and
 * free. Every block is a malloc() block, so one handed to the caller as a
 * result is released with free().
 *
 *===----------------------------------------------------------------------===*/

#define _GNU_SOURCE
#include "Alloc.h"

#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>

/* Smaller blocks come from malloc's free lists anyway. */
#define TLRT_CACHE_MIN_BYTES ((size_t)64 * 1024)

static _Thread_local tlrt_block_cache *tls_cache;

tlrt_block_cache *tlrt_cache_install(tlrt_block_cache *cache) {
  tlrt_block_cache *previous = tls_cache;
  tls_cache = cache;
  return previous;
}

void tlrt_cache_clear(tlrt_block_cache *cache) {
  for (int i = 0; i < TLRT_CACHE_SLOTS; ++i) {
    free(cache->blocks[i]);
    cache->blocks[i] = NULL;
    cache->sizes[i] = 0;
  }
}

/* The smallest cached block of at least size bytes, and at most twice
   that (a much larger block is better kept for a larger request). */
static void *take_cached(tlrt_block_cache *cache, size_t size) {
  int best = -1;
  for (int i = 0; i < TLRT_CACHE_SLOTS; ++i)
    if (cache->sizes[i] >= size && cache->sizes[i] / 2 <= size &&
        (best < 0 || cache->sizes[i] < cache->sizes[best]))
      best = i;
  if (best < 0)
    return NULL;
  void *block = cache->blocks[best];
  cache->blocks[best] = NULL;
  cache->sizes[best] = 0;
  return block;
}

/* Keeps block in the cache; when full, the smallest block goes. */
static void keep(tlrt_block_cache *cache, void *block, size_t size) {
  int slot = 0;
  for (int i = 1; i < TLRT_CACHE_SLOTS; ++i)
    if (cache->sizes[i] < cache->sizes[slot])
      slot = i;
  if (cache->sizes[slot] >= size) {
    free(block);
    return;
  }
  free(cache->blocks[slot]);
  cache->blocks[slot] = block;
  cache->sizes[slot] = size;
}

void *_mlir_memref_to_llvm_alloc(size_t size) {
  tlrt_block_cache *cache = tls_cache;
  if (cache && size >= TLRT_CACHE_MIN_BYTES) {
    void *block = take_cached(cache, size);
    if (block)
      return block;
  }
  return malloc(size);
}

void *_mlir_memref_to_llvm_aligned_alloc(size_t alignment, size_t size) {
  /* aligned_alloc wants a size that is a multiple of the alignment. */
  size_t rounded = (size + alignment - 1) / alignment * alignment;
  tlrt_block_cache *cache = tls_cache;
  if (cache && rounded >= TLRT_CACHE_MIN_BYTES) {
    /* Only blocks that happen to have the alignment qualify. */
    for (int i = 0; i < TLRT_CACHE_SLOTS; ++i)
      if (cache->sizes[i] >= rounded && cache->sizes[i] / 2 <= rounded &&
          (uintptr_t)cache->blocks[i] % alignment == 0) {
        void *block = cache->blocks[i];
        cache->blocks[i] = NULL;
        cache->sizes[i] = 0;
        return block;
      }
  }
  return aligned_alloc(alignment, rounded);
}

void _mlir_memref_to_llvm_free(void *ptr) {
  tlrt_block_cache *cache = tls_cache;
  if (!ptr)
    return;
  if (cache) {
    size_t size = malloc_usable_size(ptr);
    if (size >= TLRT_CACHE_MIN_BYTES) {
      keep(cache, ptr, size);
      return;
    }
  }
  free(ptr);
}
