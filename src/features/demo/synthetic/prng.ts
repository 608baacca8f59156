// A small seeded random number generator. Math.random cannot be seeded, and synthetic data must
// come out the same for the same seed on every machine and Node version, so everything here is
// 32-bit integer arithmetic (Math.imul) with no floating-point surprises.

/** Mixes numbers into one well-spread 32-bit value (murmur3's finaliser after each input). */
export function hash32(...values: number[]): number {
  let h = 0x9e3779b9
  for (const value of values) {
    // The high bits of numbers above 2^32 are folded in too, so they are not ignored.
    h ^= (value >>> 0) ^ Math.imul(Math.floor(value / 0x1_0000_0000) >>> 0, 0x27d4eb2d)
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
    h ^= h >>> 16
  }
  return h >>> 0
}

/** A string's 32-bit FNV-1a hash: a stable number for a name. */
export function hashString(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return h >>> 0
}

/** Mulberry32: fast, 32 bits of state, good enough for making up text (not for secrets). */
export class Random {
  private state: number

  constructor(seed: number) {
    this.state = seed >>> 0
  }

  /** A generator for one item: the same (seed, stream, index) always gives the same sequence. */
  static for(seed: number, stream: number, index = 0): Random {
    return new Random(hash32(seed, stream, index))
  }

  /** A number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0
    let t = this.state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  /** A whole number from min to max, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  chance(probability: number): boolean {
    return this.next() < probability
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Cannot pick from an empty list')
    return items[Math.floor(this.next() * items.length)]!
  }

  /** An index chosen in proportion to its weight. */
  weighted(weights: readonly number[]): number {
    let total = 0
    for (const w of weights) total += w
    let r = this.next() * total
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i]!
      if (r < 0) return i
    }
    return weights.length - 1
  }

  /** Up to k different items, in the order drawn. */
  sample<T>(items: readonly T[], k: number): T[] {
    const copy = [...items]
    const out: T[] = []
    while (out.length < k && copy.length > 0) out.push(copy.splice(Math.floor(this.next() * copy.length), 1)[0]!)
    return out
  }
}

/**
 * Picks indexes in proportion to fixed weights, in O(log n) a draw: for the few hundred
 * organisations drawn from for every case study.
 */
export class WeightedTable {
  private readonly cumulative: number[] = []
  private readonly total: number

  constructor(weights: readonly number[]) {
    let sum = 0
    for (const w of weights) this.cumulative.push((sum += w))
    this.total = sum
  }

  get size(): number {
    return this.cumulative.length
  }

  draw(random: Random): number {
    const r = random.next() * this.total
    let lo = 0
    let hi = this.cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.cumulative[mid]! > r) hi = mid
      else lo = mid + 1
    }
    return lo
  }
}
