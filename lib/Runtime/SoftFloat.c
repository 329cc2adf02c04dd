/*===- SoftFloat.c - conversions LLVM leaves to a library call -----*- C -*-===*
 *
 * LLVM lowers f64 -> bf16 truncation on x86-64 to a call of __truncdfbf2,
 * which compiler-rt provides but libgcc does not. Compiled models link only
 * libc and this runtime, so the runtime provides it.
 *
 *===----------------------------------------------------------------------===*/

#include <stdint.h>
#include <string.h>

#if !defined(__clang__) && !(defined(__GNUC__) && __GNUC__ >= 13)
#error "the tlc runtime needs a C compiler with the __bf16 type (clang, gcc >= 13)"
#endif

static uint32_t float_bits(float f) {
  uint32_t u;
  memcpy(&u, &f, sizeof u);
  return u;
}

/* Rounds to nearest even without double rounding: the f64 -> f32 step rounds
   to odd (truncate, then set the last bit if anything was lost), which keeps
   enough information for the f32 -> bf16 step to round correctly. */
__bf16 __truncdfbf2(double d) {
  float f = (float)d;
  uint32_t u = float_bits(f);
  if (d != d)
    u = 0x7fc00000u | (u & 0x80000000u);
  else if ((double)f != d) {
    if (__builtin_fabs((double)f) > __builtin_fabs(d))
      u -= 1; /* toward zero */
    u |= 1;
  }
  uint16_t bits;
  if ((u & 0x7f800000u) == 0x7f800000u && (u & 0x007fffffu))
    bits = (uint16_t)((u >> 16) | 0x0040u); /* quiet NaN */
  else
    bits = (uint16_t)((u + 0x7fffu + ((u >> 16) & 1u)) >> 16);
  __bf16 result;
  memcpy(&result, &bits, sizeof result);
  return result;
}
