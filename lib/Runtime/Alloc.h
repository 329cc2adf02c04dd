/*===- Alloc.h - Per-session cache of large buffers ----------------*- C -*-===*/

#ifndef TLC_LIB_RUNTIME_ALLOC_H
#define TLC_LIB_RUNTIME_ALLOC_H

#include <stddef.h>

/* Large blocks freed by compiled code during the runs of one session, kept
   to serve the same allocations in the next run. */
#define TLRT_CACHE_SLOTS 16
typedef struct tlrt_block_cache {
  void *blocks[TLRT_CACHE_SLOTS];
  size_t sizes[TLRT_CACHE_SLOTS]; /* usable bytes; 0: empty slot */
} tlrt_block_cache;

/* Makes cache (may be NULL) the one the allocation hooks use on the calling
   thread and returns the previous one. */
tlrt_block_cache *tlrt_cache_install(tlrt_block_cache *cache);

/* Frees every cached block. */
void tlrt_cache_clear(tlrt_block_cache *cache);

/* The allocation hooks of compiled code (see Alloc.c). */
void *_mlir_memref_to_llvm_alloc(size_t size);
void *_mlir_memref_to_llvm_aligned_alloc(size_t alignment, size_t size);
void _mlir_memref_to_llvm_free(void *ptr);

#endif /* TLC_LIB_RUNTIME_ALLOC_H */
