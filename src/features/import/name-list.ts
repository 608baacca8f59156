// Lists of organisations' names ("A, B and C"). Commas separate names; "and" sometimes does and
// sometimes belongs to a name ("Brighton and Hove City Council", "Bath and North East Somerset
// Council", "Smith and Jones Ltd"). So names the register or the members know are taken whole
// first, and a name is cut at "and" only when every part is a name by itself.

import { looksLikeOrganisation } from './metadata.ts'
import { startsWithUpper } from './normalise-text.ts'

export interface NameList {
  names: string[]
  /**
   * Pieces with an "and" that no known name settles: cut into names none of which is known, or
   * kept whole. The person is asked to check them.
   */
  doubts: Array<{ written: string; parts: string[] }>
}

const AND = /\s+(?:and|&)\s+/gi
// A piece with more "and"s than this is not a handful of names; it is kept as written.
const MAX_CUTS = 6

/**
 * Whether a name could stand on its own as an organisation's: known, ending as organisations'
 * names do (Council, Trust, Ltd…), or two or more capitalised words ("GM Moving", "Hopeful
 * Homes"). A single word ("Brighton", "Smith") is taken for the start of a longer name.
 */
export function isPlausibleName(name: string, isKnown: (name: string) => boolean): boolean {
  if (!startsWithUpper(name)) return false
  if (isKnown(name) || looksLikeOrganisation(name)) return true
  return name.split(/\s+/).filter((w) => /^[\p{Lu}\d]/u.test(w)).length >= 2
}

/** The names "X and Y and Z" holds when every part passes `accept`, or null. */
function chain(text: string, accept: (name: string) => boolean): string[] | null {
  if (accept(text)) return [text]
  for (const m of text.matchAll(AND)) {
    const at = m.index ?? 0
    const left = text.slice(0, at)
    if (!accept(left)) continue
    const rest = chain(text.slice(at + m[0].length), accept)
    if (rest) return [left, ...rest]
  }
  return null
}

/**
 * One name, or the names it holds when "and" joins several: cut where every part is known, else
 * where every part is a plausible name by itself, else kept whole. `doubtful` when no known name
 * confirms the reading.
 */
export function splitAtAnd(piece: string, isKnown: (name: string) => boolean): { names: string[]; doubtful: boolean } {
  const cuts = [...piece.matchAll(AND)].length
  if (cuts === 0 || isKnown(piece)) return { names: [piece], doubtful: false }
  if (cuts > MAX_CUTS) return { names: [piece], doubtful: true }
  const known = chain(piece, isKnown)
  if (known) return { names: known, doubtful: false }
  const plausible = chain(piece, (name) => name !== piece && isPlausibleName(name, isKnown))
  if (plausible) return { names: plausible, doubtful: !plausible.some(isKnown) }
  return { names: [piece], doubtful: true }
}

/**
 * Splits a list of names. Pieces between commas are joined again when together they are a known
 * name ("Armagh City, Banbridge and Craigavon Borough Council"); each piece is then cut at "and"
 * as splitAtAnd decides.
 */
export function splitNameList(value: string, isKnown: (name: string) => boolean): NameList {
  const pieces = value
    .split(/\s*[;,]\s*/)
    .map((p) =>
      p
        .replace(/^(?:and|&)\s+/i, '')
        .replace(/\.$/, '')
        .trim(),
    )
    .filter((p) => p.length > 0)
  const out: NameList = { names: [], doubts: [] }
  let i = 0
  while (i < pieces.length) {
    let joined: string | null = null
    for (let j = Math.min(pieces.length, i + 4); j >= i + 2 && joined === null; j--) {
      const candidate = pieces.slice(i, j).join(', ')
      if (isKnown(candidate)) {
        joined = candidate
        i = j
      }
    }
    if (joined !== null) {
      out.names.push(joined)
      continue
    }
    const piece = pieces[i++] ?? ''
    const split = splitAtAnd(piece, isKnown)
    out.names.push(...split.names)
    if (split.doubtful) out.doubts.push({ written: piece, parts: split.names })
  }
  return out
}
