// The orders a list of results can take, over positions of an index: by year (newest or oldest
// first, years unknown last either way), by title, and most recently published first (a feed's
// order, and relevance's order for ties). Each is a total order (the id decides last), so
// segments sorted apart and merged give what one sort of every row gives. Pure.

export type OrderName = 'newest' | 'oldest' | 'title' | 'published'
export const orderNames: readonly OrderName[] = ['newest', 'oldest', 'title', 'published']

/** A year this index keeps for "unknown" (years are 1900–2200 by the table's check). */
export const noYear = 0

/** What the orders compare, per position. */
export interface SortFields {
  ids: Int32Array
  /** noYear when unknown. */
  years: Int32Array
  /** Seconds since 1970; -Infinity when never published. */
  published: Float64Array
  /** Lower-cased. */
  titles: string[]
}

export type Orders = Record<OrderName, Int32Array>

export function emptyFields(size: number): SortFields {
  return { ids: new Int32Array(size), years: new Int32Array(size), published: new Float64Array(size), titles: new Array<string>(size).fill('') }
}

export function comparators(f: SortFields): Record<OrderName, (a: number, b: number) => number> {
  const byYear = (dir: 1 | -1) => (a: number, b: number) => {
    const ya = f.years[a]!
    const yb = f.years[b]!
    if (ya !== yb) return ya === noYear ? 1 : yb === noYear ? -1 : dir * (ya - yb)
    return dir * (f.published[a]! - f.published[b]!) || dir * (f.ids[a]! - f.ids[b]!)
  }
  return {
    newest: byYear(-1),
    oldest: byYear(1),
    title: (a, b) => (f.titles[a]! < f.titles[b]! ? -1 : f.titles[a]! > f.titles[b]! ? 1 : f.ids[a]! - f.ids[b]!),
    published: (a, b) => f.published[b]! - f.published[a]! || f.ids[b]! - f.ids[a]!,
  }
}

/** Every order of positions 0 … size - 1. */
export function sortedOrders(fields: SortFields, size: number): Orders {
  const compare = comparators(fields)
  const all = Array.from({ length: size }, (_, p) => p)
  return Object.fromEntries(orderNames.map((name) => [name, Int32Array.from([...all].sort(compare[name]))])) as Orders
}

/**
 * Two lists in the same order as one, in that order. When one is much shorter (the rows just
 * changed, against every other), each of its rows finds its place in the longer by binary search
 * and the runs between are copied whole: a few comparisons per changed row instead of one per row.
 */
export function mergeSorted(a: Int32Array, b: Int32Array, compare: (x: number, y: number) => number): Int32Array {
  if (a.length < b.length) return mergeSorted(b, a, compare)
  const out = new Int32Array(a.length + b.length)
  if (b.length * Math.log2(a.length + 1) < a.length) {
    let from = 0
    let n = 0
    for (let j = 0; j < b.length; j++) {
      // The first of a[from…] that comes after b[j] (a's rows first among equals, as the linear merge does).
      let lo = from
      let hi = a.length
      while (lo < hi) {
        const mid = (lo + hi) >>> 1
        if (compare(a[mid]!, b[j]!) <= 0) lo = mid + 1
        else hi = mid
      }
      out.set(a.subarray(from, lo), n)
      n += lo - from
      from = lo
      out[n++] = b[j]!
    }
    out.set(a.subarray(from), n)
    return out
  }
  let i = 0
  let j = 0
  let n = 0
  while (i < a.length && j < b.length) out[n++] = compare(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!
  while (i < a.length) out[n++] = a[i++]!
  while (j < b.length) out[n++] = b[j++]!
  return out
}

/** Many lists in the same order as one: merged in pairs, so each position is copied about log(lists) times. */
export function mergeAll(lists: Int32Array[], compare: (x: number, y: number) => number): Int32Array {
  if (lists.length === 0) return new Int32Array(0)
  let round = lists
  while (round.length > 1) {
    const next: Int32Array[] = []
    for (let i = 0; i < round.length; i += 2) next.push(i + 1 < round.length ? mergeSorted(round[i]!, round[i + 1]!, compare) : round[i]!)
    round = next
  }
  return round[0]!
}
