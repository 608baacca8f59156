// Finds council names in narrative text. Two sources: names ending in "Council" (or "Combined
// Authority", or starting "London Borough of") and, at the start of the narrative only, a register
// place name standing alone ("In Bury we…"). A bare place name elsewhere is too risky: "Bury",
// "Reading" and "Rugby" are also ordinary words, and "Team Bury" is not the council.

import { isPlausibleName } from './name-list.ts'
import type { OrganisationIndex, OrgHit } from './organisation-index.ts'

export interface Mention {
  name: string
  /** Document order: line index × 1e6 + column. */
  pos: number
  hit: OrgHit | null
}

const CONNECTORS = new Set(['of', 'upon', 'on', 'and', 'the', 'under', 'in', 'le', 'by', 'with', '&', 'en', 'y', 'nan', 'cum'])
const GENERIC = new Set(
  'the this that our their your its each every any member members local city county borough district town parish community full whole metropolitan unitary combined principal lead partner participating new a an co-operative cooperative councils innovation network district-wide'.split(
    ' ',
  ),
)
const LEADING_NOISE = new Set(
  'in on at by for from with within across through under today yesterday recently now then when while meanwhile both and but also so as after before since during last next this that these those the our their its working led together here there where why how what which who later earlier previously currently finally first firstly secondly however although though if once over into following alongside including like unlike every each all some many most several other another it we they he she'.split(
    ' ',
  ),
)
const SUFFIX = /\b(?:Council(?!s|lor|led)|Combined Authority)\b/g
const PREFIXED = /\b(?:London|Royal) Borough of [A-Z][\w'’-]*(?:\s+(?:upon|and|&|on)\s+[A-Z][\w'’-]*|\s+[A-Z][\w'’-]*)*/g
const MAX_LINE = 20000

function isCapitalised(token: string): boolean {
  return /^[\p{Lu}\d]/u.test(token)
}

export function findCouncilNames(line: string, lineIndex: number, index: OrganisationIndex): Mention[] {
  const text = line.length > MAX_LINE ? line.slice(0, MAX_LINE) : line
  const found: { start: number; end: number; name: string; hit: OrgHit | null }[] = []
  for (const m of text.matchAll(PREFIXED)) {
    const start = m.index ?? 0
    found.push({ start, end: start + m[0].length, name: m[0], hit: index.lookup(m[0]) })
  }
  const prefixed = found.length
  let lastEnd = 0
  for (const m of text.matchAll(SUFFIX)) {
    const at = m.index ?? 0
    const candidate = walkBack(text, at, m[0], index)
    if (!candidate) continue
    const end = at + m[0].length
    if (candidate.start < lastEnd) continue
    // Prefixed names are few; only they can overlap a name found by walking back.
    if (prefixed > 0 && found.slice(0, prefixed).some((f) => f.start < end && candidate.start < f.end)) continue
    found.push({ ...candidate, end })
    lastEnd = end
  }
  return found.sort((a, b) => a.start - b.start).map((f) => ({ name: f.name, pos: lineIndex * 1e6 + f.start, hit: f.hit }))
}

function walkBack(text: string, at: number, suffix: string, index: OrganisationIndex): { start: number; name: string; hit: OrgHit | null } | null {
  const window = text.slice(Math.max(0, at - 160), at)
  const tokens = window.split(' ')
  tokens.pop() // the empty piece between the last word and the suffix
  const run: string[] = []
  let initial = false
  for (let k = tokens.length - 1; k >= 0 && run.length < 10; k--) {
    const raw = tokens[k] ?? ''
    const opensHere = /^[("“‘'[]/.test(raw)
    const token = raw.replace(/^[("“‘'[]+/, '')
    if (/[,;:!?)"”’\]]$/.test(token) || (/\.$/.test(token) && token !== 'St.')) break
    if (token === 'Council' || token === 'Councils') break
    const first = run[0]
    if (isCapitalised(token)) run.unshift(token)
    else if (CONNECTORS.has(token) && first !== undefined && isCapitalised(first)) run.unshift(token)
    else break
    if (opensHere) break
    const before = tokens[k - 1]
    initial = k === 0 ? at - window.length === 0 : before === undefined || /[.!?:]$/.test(before)
  }
  while (run[0] !== undefined && CONNECTORS.has(run[0])) run.shift()
  if (run.length === 0) return null
  const startOf = (k: number): number => at - (run.slice(k).join(' ').length + 1)
  for (let k = 0; k < run.length; k++) {
    if (CONNECTORS.has(run[k] ?? '')) continue
    const name = `${run.slice(k).join(' ')} ${suffix}`
    const hit = index.lookup(name)
    if (hit) return { start: startOf(k), name, hit }
  }
  let k = 0
  // "Residents of Stretford Town Council": a sentence's first word joined by "of" is not part of the name.
  if (initial && run.length > 2 && ['of', 'in', 'for', 'with', 'by'].includes(run[1] ?? '')) k = 2
  // Leading words that only start the sentence, and numbers ("In 2022 Sale Town Council…").
  while (k < run.length - 1 && (LEADING_NOISE.has((run[k] ?? '').toLowerCase()) || /^\d+$/.test(run[k] ?? ''))) k++
  // "GM Moving and Stretford Town Council": when what stands before an "and" is a name by itself,
  // the council is what follows it. "Brighton and Hove City Council" keeps its "Brighton".
  const and = run.findLastIndex((t, i) => i > k && (t === 'and' || t === '&'))
  if (and > k && isPlausibleName(run.slice(k, and).join(' '), (name) => index.lookup(name) !== null)) k = and + 1
  const rest = run.slice(k)
  if (rest.every((t) => GENERIC.has(t.toLowerCase()) || CONNECTORS.has(t))) return null
  if (rest.length === 1 && LEADING_NOISE.has((rest[0] ?? '').toLowerCase())) return null
  return { start: startOf(k), name: `${rest.join(' ')} ${suffix}`, hit: null }
}

/**
 * Register place names standing alone in the opening paragraph. Sentence-initial words are
 * skipped (any word is capitalised there), and so are names inside a longer proper name.
 */
export function findBarePlaceNames(paragraph: string, lineIndex: number, index: OrganisationIndex): Mention[] {
  const out: Mention[] = []
  const re = /[\p{L}\d][\p{L}\d'’.&-]*/gu
  const tokens: { word: string; start: number; initial: boolean }[] = []
  let lastEnd = 0
  for (const m of paragraph.slice(0, 4000).matchAll(re)) {
    const start = m.index ?? 0
    const between = paragraph.slice(lastEnd, start)
    const prevWord = tokens[tokens.length - 1]?.word ?? ''
    const initial = tokens.length === 0 || /[!?:]/.test(between) || (/\.$/.test(prevWord) && prevWord !== 'St.')
    tokens.push({ word: m[0], start, initial })
    lastEnd = start + m[0].length
  }
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]
    if (!t || t.initial) continue
    const candidates = index.bareNames.get(t.word.replace(/[.’']s$|[.,]$/, ''))
    if (!candidates) continue
    const prev = tokens[i - 1]
    if (prev && !prev.initial && isCapitalised(prev.word)) continue
    for (const c of candidates) {
      const words = tokens.slice(i, i + c.words.length).map((x) => x.word.replace(/[’']s$|[.,]$/, ''))
      if (words.join(' ') !== c.words.join(' ')) continue
      const after = tokens[i + c.words.length]
      if (after && isCapitalised(after.word) && !after.initial) break
      out.push({ name: c.words.join(' '), pos: lineIndex * 1e6 + t.start, hit: { code: c.code } })
      i += c.words.length - 1
      break
    }
  }
  return out
}

/** How often a place's own name appears as a capitalised word, for "the council the text is about". */
export function countOccurrences(text: string, name: string): number {
  if (!name) return 0
  let count = 0
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
    const before = text.charAt(at - 1)
    const after = text.charAt(at + name.length)
    if (!/[\p{L}\d]/u.test(before) && !/[\p{L}\d]/u.test(after)) count++
  }
  return count
}
