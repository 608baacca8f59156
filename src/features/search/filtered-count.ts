// Facet counts when filters are chosen, with bit sets. Walking every match's keys to see which
// filters it meets cost most of a filtered search at 100,000 case studies (1.5 million keys for a
// common word); here the filters are combined as bit sets first, and only case studies that meet
// every filter have their keys read. A chosen facet's own values are counted over the case studies
// that meet the other filters: by popcount per value for a facet of few values, else by reading
// those case studies' keys. facet-index.test.ts checks it against a count worked out row by row. Pure.
import { clearBeyond, popcount } from './bits.ts'

/** The index's keys, laid out for this: per position its key ids, per key the positions holding it. */
export interface KeyTable {
  size: number
  keyStart: Int32Array
  keyList: Int32Array
  keyFacet: Int32Array
  /** Per key id, the positions holding it, as a bit set. */
  keyBits: Uint32Array[]
  /** Per facet, its key ids. */
  facetKeys: number[][]
}

export function buildKeyTable(size: number, keyStart: Int32Array, keyList: Int32Array, keyFacet: Int32Array, facets: number): KeyTable {
  const words = Math.ceil(size / 32)
  const keyBits = Array.from({ length: keyFacet.length }, () => new Uint32Array(words))
  for (let p = 0; p < size; p++) {
    for (let i = keyStart[p]!; i < keyStart[p + 1]!; i++) keyBits[keyList[i]!]![p >>> 5]! |= 1 << (p & 31)
  }
  const facetKeys: number[][] = Array.from({ length: facets }, () => [])
  keyFacet.forEach((f, key) => {
    if (f >= 0) facetKeys[f]!.push(key)
  })
  return { size, keyStart, keyList, keyFacet, keyBits, facetKeys }
}

/**
 * Counts over the matches (every position when `matches` is null) with the chosen key ids per
 * facet: OR within a facet, AND across; an empty list is a choice no case study meets.
 */
export function countFiltered(t: KeyTable, matches: Uint32Array | null, chosen: ReadonlyMap<number, readonly number[]>): { total: number; perKey: Int32Array; passing: Uint8Array } {
  const words = Math.ceil(t.size / 32)
  const base = matches ?? clearBeyond(new Uint32Array(words).fill(0xffffffff), t.size)
  /** Per chosen facet, the positions meeting its filter. */
  const meets = new Map<number, Uint32Array>()
  for (const [facet, keys] of chosen) {
    const bits = new Uint32Array(words)
    for (const key of keys) {
      const kb = t.keyBits[key]!
      for (let w = 0; w < words; w++) bits[w]! |= kb[w]!
    }
    meets.set(facet, bits)
  }
  /** Matches meeting every filter but `skip`'s (every filter when skip is -1). */
  const meetingAllBut = (skip: number): Uint32Array => {
    const bits = base.slice()
    for (const [facet, m] of meets) {
      if (facet === skip) continue
      for (let w = 0; w < words; w++) bits[w]! &= m[w]!
    }
    return bits
  }
  const perKey = new Int32Array(t.keyBits.length)
  const passing = new Uint8Array(t.size)
  const passAll = meetingAllBut(-1)
  let total = 0
  for (let w = 0; w < words; w++) {
    for (let word = passAll[w]!; word !== 0; word &= word - 1) {
      const p = w * 32 + 31 - Math.clz32(word & -word)
      total++
      passing[p] = 1
      for (let i = t.keyStart[p]!; i < t.keyStart[p + 1]!; i++) perKey[t.keyList[i]!]!++
    }
  }
  const averageKeys = t.keyList.length / Math.max(1, t.size)
  for (const facet of meets.keys()) {
    const others = meetingAllBut(facet)
    const keys = t.facetKeys[facet]!
    let beyond = 0
    for (let w = 0; w < words; w++) beyond += popcount(others[w]! & ~passAll[w]!)
    if (keys.length * words <= beyond * averageKeys) {
      for (const key of keys) {
        const kb = t.keyBits[key]!
        let n = 0
        for (let w = 0; w < words; w++) n += popcount(kb[w]! & others[w]!)
        perKey[key] = n
      }
    } else {
      for (let w = 0; w < words; w++) {
        for (let word = others[w]! & ~passAll[w]!; word !== 0; word &= word - 1) {
          const p = w * 32 + 31 - Math.clz32(word & -word)
          for (let i = t.keyStart[p]!; i < t.keyStart[p + 1]!; i++) {
            const key = t.keyList[i]!
            if (t.keyFacet[key] === facet) perKey[key]!++
          }
        }
      }
    }
  }
  return { total, perKey, passing }
}
