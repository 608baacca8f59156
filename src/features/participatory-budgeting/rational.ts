/**
 * Exact non-negative and negative fractions of bigints, for money a count divides between voters.
 * Always reduced, denominator positive, so that equal values are equal objects field by field.
 */
export interface Rational {
  readonly num: bigint
  readonly den: bigint
}

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a
  if (b < 0n) b = -b
  while (b !== 0n) [a, b] = [b, a % b]
  return a
}

export function rational(num: bigint, den: bigint = 1n): Rational {
  if (den === 0n) throw new RangeError('A fraction cannot have a zero denominator')
  if (den < 0n) [num, den] = [-num, -den]
  const g = gcd(num, den)
  return g > 1n ? { num: num / g, den: den / g } : { num, den }
}

export function compareRationals(a: Rational, b: Rational): -1 | 0 | 1 {
  const left = a.num * b.den
  const right = b.num * a.den
  return left < right ? -1 : left > right ? 1 : 0
}

export function addRationals(a: Rational, b: Rational): Rational {
  return rational(a.num * b.den + b.num * a.den, a.den * b.den)
}

/** Nearest integer, halves rounded up (away from zero for positive amounts): 2.5 → 3, -2.5 → -2. */
export function roundHalfUp(r: Rational): bigint {
  const twice = 2n * r.num + r.den
  const q = twice / (2n * r.den)
  // bigint division truncates towards zero; floor is needed for negative values.
  return twice < 0n && twice % (2n * r.den) !== 0n ? q - 1n : q
}

/** `3/4`, or `5` for a whole number: the notation of pabutools' outputs and of our JSON. */
export function formatRational(r: Rational): string {
  return r.den === 1n ? String(r.num) : `${r.num}/${r.den}`
}
