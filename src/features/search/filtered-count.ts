// Facet counts when filters are chosen, with bit sets. Walking every match's keys to see which
// filters it meets cost most of a filtered search at 100,000 case studies (1.5 million keys for a
// common word); here the filters are combined as bit sets first, and only case studies that meet
// every filter have their keys read. A chosen facet's own values are counted over the case studies
// that meet the other filters: by popcount per value for a facet of few values, else by reading
// those case studies' keys. facet-index.test.ts checks it against a count worked out row by row. Pure.
import { clearBeyond, popcount } from './bits.ts'

/** A segment's keys, laid out for this: per position its key ids, per key the positions holding it. */
export interface KeyTable {
  size: number
  keyStart: Int32Array
  keyList: Int32Array
  /** Each key id's facet (-1: none), for every key of the engine's dictionary. */
  keyFacet: readonly number[]
  /** Per key id, the positions holding it, as a bit set; none for keys this segment does not hold. */
  keyBits: Array<Uint32Array | undefined>
  /** Per facet, the key ids this segment holds. */
  facetKeys: number[][]
  bytes: number
}

export function buildKeyTable(size: number, keyStart: Int32Array, keyList: Int32Array, keyFacet: readonly number[], facets: number): KeyTable {
  const words = Math.ceil(size / 32)
  const keyBits: Array<Uint32Array | undefined> = []
  const facetKeys: number[][] = Array.from({ length: facets }, () => [])
  let bytes = 0
  for (let p = 0; p < size; p++) {
    for (let i = keyStart[p]!; i < keyStart[p + 1]!; i++) {
      const key = keyList[i]!
      let bits = keyBits[key]
      if (!bits) {
        bits = keyBits[key] = new Uint32Array(words)
        bytes += bits.byteLength
        if (keyFacet[key]! >= 0) facetKeys[keyFacet[key]!]!.push(key)
      }
      bits[p >>> 5]! |= 1 << (p & 31)
    }
  }
  return { size, keyStart, keyList, keyFacet, keyBits, facetKeys, bytes }
}

/**
 * Counts over the matches (every position when `matches` is null) with the chosen key ids per
 * facet: OR within a facet, AND across; an empty list is a choice no case study meets. Adds the
 * counts to `perKey` and marks the positions passing in `passing` from `offset`; returns how many pass.
 */
export function countFiltered(
  t: KeyTable,
  matches: Uint32Array | null,
  chosen: ReadonlyMap<number, readonly number[]>,
  perKey: Int32Array,
  passing: Uint8Array,
  offset: number,
): number {
  const words = Math.ceil(t.size / 32)
  const base = matches ?? clearBeyond(new Uint32Array(words).fill(0xffffffff), t.size)
  /** Per chosen facet, the positions meeting its filter. */
  const meets = new Map<number, Uint32Array>()
  for (const [facet, keys] of chosen) {
    const bits = new Uint32Array(words)
    for (const key of keys) {
      const kb = t.keyBits[key]
      if (kb) for (let w = 0; w < words; w++) bits[w]! |= kb[w]!
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
  const passAll = meetingAllBut(-1)
  let total = 0
  for (let w = 0; w < words; w++) {
    for (let word = passAll[w]!; word !== 0; word &= word - 1) {
      const p = w * 32 + 31 - Math.clz32(word & -word)
      total++
      passing[offset + p] = 1
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
      // The passing positions were counted above: only those beyond them are added.
      for (const key of keys) {
        const kb = t.keyBits[key]!
        let n = 0
        for (let w = 0; w < words; w++) n += popcount(kb[w]! & others[w]! & ~passAll[w]!)
        perKey[key]! += n
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
  return total
}
