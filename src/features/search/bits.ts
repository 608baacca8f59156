// Bit sets over index positions (bit p % 32 of word p / 32), shared by the text index, the facet
// index and filtered counting. Pure.

/** Set bits in one 32-bit word. */
export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333)
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24
}

/** Set bits in a bit set. */
export function countBits(bits: Uint32Array): number {
  let n = 0
  for (let w = 0; w < bits.length; w++) n += popcount(bits[w]!)
  return n
}

/** Clears the bits past the last of `size` positions (the end of the last word), in place. */
export function clearBeyond(bits: Uint32Array, size: number): Uint32Array {
  const spare = bits.length * 32 - size
  if (spare > 0) bits[bits.length - 1]! &= 0xffffffff >>> spare
  return bits
}
