// String similarity for principle matching. Statements are compared by Dice over character
// trigrams of their compact keys (typos cost at most three trigrams, spacing costs nothing);
// short names by an edit distance, because one typo in "Learning" already costs half its trigrams.

const ALPHABET = 36

function symbol(code: number): number {
  if (code >= 48 && code <= 57) return code - 48
  if (code >= 97 && code <= 122) return code - 87
  return -1
}

// De-duplication by generation stamps in one shared table: no Set per query.
const stamps = new Uint32Array(ALPHABET * ALPHABET * ALPHABET)
let generation = 0

/** Distinct trigram ids of a compact key (letters and digits only; anything else is skipped). */
export function trigramIds(compact: string): number[] {
  generation = (generation + 1) >>> 0
  if (generation === 0) {
    stamps.fill(0)
    generation = 1
  }
  const ids: number[] = []
  let a = -1
  let b = -1
  for (let i = 0; i < compact.length; i++) {
    const c = symbol(compact.charCodeAt(i))
    if (c < 0) continue
    if (a >= 0 && b >= 0) {
      const id = (a * ALPHABET + b) * ALPHABET + c
      if (stamps[id] !== generation) {
        stamps[id] = generation
        ids.push(id)
      }
    }
    a = b
    b = c
  }
  return ids
}

export function dice(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 || b.length === 0) return 0
  const small = a.length <= b.length ? a : b
  const large = new Set(a.length <= b.length ? b : a)
  let shared = 0
  for (const t of small) if (large.has(t)) shared++
  return (2 * shared) / (a.length + b.length)
}

/** Optimal-string-alignment distance: a swapped pair of letters is one edit, as people type. */
export function osaDistance(a: string, b: string): number {
  if (a === b) return 0
  if (a.length === 0) return b.length
  if (b.length === 0) return a.length
  let prev2 = new Array<number>(b.length + 1).fill(0)
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  let row = new Array<number>(b.length + 1).fill(0)
  for (let i = 1; i <= a.length; i++) {
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1
      let best = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost)
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        best = Math.min(best, (prev2[j - 2] ?? 0) + 1)
      }
      row[j] = best
    }
    ;[prev2, prev, row] = [prev, row, prev2]
  }
  return prev[b.length] ?? 0
}

export function editRatio(a: string, b: string): number {
  const longest = Math.max(a.length, b.length)
  if (longest === 0) return 1
  return 1 - osaDistance(a, b) / longest
}

/**
 * Inverted index from trigram to entries, so a query costs the length of its postings rather
 * than (entries × trigrams). This is what keeps reading at thousands of documents a second.
 */
export class TrigramIndex {
  // Indexed by trigram id (a flat array beats a Map here: this lookup is the hot loop).
  private readonly postings: (number[] | undefined)[] = new Array<number[] | undefined>(ALPHABET * ALPHABET * ALPHABET).fill(undefined)
  private readonly sizes: number[] = []

  add(compact: string): number {
    const id = this.sizes.length
    const ids = trigramIds(compact)
    this.sizes.push(ids.length)
    for (const t of ids) {
      const list = this.postings[t]
      if (list) list.push(id)
      else this.postings[t] = [id]
    }
    return id
  }

  get size(): number {
    return this.sizes.length
  }

  /** Dice score of the query against every entry, indexed by entry id. */
  scores(compact: string): Float64Array {
    const query = trigramIds(compact)
    const shared = new Float64Array(this.sizes.length)
    for (const t of query) {
      const list = this.postings[t]
      if (!list) continue
      for (let k = 0; k < list.length; k++) {
        const id = list[k] ?? 0
        shared[id] = (shared[id] ?? 0) + 1
      }
    }
    for (let id = 0; id < shared.length; id++) {
      const total = query.length + (this.sizes[id] ?? 0)
      shared[id] = total === 0 ? 0 : (2 * (shared[id] ?? 0)) / total
    }
    return shared
  }
}
