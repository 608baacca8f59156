// Precomputed index of the network's principles: every wording a page may print (short name,
// statement, statement without a repeated tail, sub-points) as one trigram index, so a line of a
// document is scored against all of them in one pass.

import { compactKey, foldPunctuation, wordsOf } from './normalise-text.ts'
import { editRatio, TrigramIndex } from './similarity.ts'
import type { PrincipleInput, SubPointInput } from './types.ts'

export type AliasKind = 'name' | 'statement' | 'subpoint' | 'tail'

// Readonly: results are memoised and shared between documents.
export interface Classification {
  readonly principle: number
  readonly kind: AliasKind
  readonly score: number
}

export interface IndexedPrinciple {
  slug: string
  shortName: string
  statement: string
}

export interface PrincipleIndex {
  readonly principles: readonly IndexedPrinciple[]
  readonly aliases: readonly { principle: number; kind: AliasKind; compact: string }[]
  readonly trigrams: TrigramIndex
  readonly exactNames: ReadonlyMap<string, number>
  /** Two-word openings that several statements share ("we will"): a line starting so reads as a statement. */
  readonly openings: ReadonlySet<string>
  /** Pages print the same statements verbatim, so results are kept by line text (bounded). */
  readonly memo: Map<string, ClassifyResult>
}

/** Edit ratio for short names: one typo in an eight-letter name still passes. */
export const NAME_ACCEPT = 0.8
/** Dice for statements: a few typos or a changed word stay well above; another statement stays below. */
export const STATEMENT_ACCEPT = 0.6
/** Below this a line shares nothing meaningful with any principle. */
export const WEAK = 0.3

const MAX_COMPACT = 4000
const SHORT_COMPACT = 64
const KIND_RANK: Record<AliasKind, number> = { name: 0, statement: 1, subpoint: 2, tail: 3 }

export function buildPrincipleIndex(inputs: readonly PrincipleInput[]): PrincipleIndex {
  const principles: IndexedPrinciple[] = []
  const aliases: { principle: number; kind: AliasKind; compact: string }[] = []
  const trigrams = new TrigramIndex()
  const exactNames = new Map<string, number>()

  const addAlias = (principle: number, kind: AliasKind, text: string): void => {
    const compact = compactKey(text)
    if (compact.length === 0) return
    trigrams.add(compact)
    aliases.push({ principle, kind, compact })
  }

  const statements = inputs.map((p) => splitInlineSubPoints(p.statement))
  inputs.forEach((input, i) => {
    const own = statements[i] ?? { statement: input.statement, subPoints: [] }
    principles.push({ slug: input.slug, shortName: input.shortName, statement: own.statement })
    addAlias(i, 'name', input.shortName)
    exactNames.set(compactKey(input.shortName), i)
    addAlias(i, 'statement', own.statement)
    for (const alias of input.aliases ?? []) addAlias(i, 'statement', alias)
    for (const sub of [...own.subPoints, ...(input.subPoints ?? [])]) {
      addAlias(i, 'subpoint', `${sub.name}: ${sub.text}`)
      addAlias(i, 'subpoint', sub.name)
      if (sub.text) addAlias(i, 'subpoint', sub.text)
    }
  })

  for (const tail of findRepeatedTails(principles)) {
    addAlias(tail.owner, 'statement', tail.without)
    addAlias(tail.owner, 'tail', tail.tail)
  }

  return { principles, aliases, trigrams, exactNames, openings: sharedOpenings(principles), memo: new Map() }
}

/** A statement stored with its "•" sub-points inline is split so each part matches on its own. */
function splitInlineSubPoints(statement: string): { statement: string; subPoints: SubPointInput[] } {
  const parts = statement.split(/\s*[•●▪]\s*/).map((p) => p.trim())
  const head = parts.shift() ?? ''
  const subPoints = parts
    .filter((p) => p.length > 0)
    .map((p) => {
      const colon = p.indexOf(':')
      return colon > 0 && colon < 60 ? { name: p.slice(0, colon), text: p.slice(colon + 1).trim() } : { name: p, text: '' }
    })
  return { statement: head, subPoints }
}

/**
 * A statement that ends with a copy of another statement's ending after a full stop carries a
 * repeated tail (a slip in the published text). Found from the data, not hard-coded, so the
 * matcher treats the tail as part of its owner and never as the other principle.
 */
function findRepeatedTails(principles: readonly IndexedPrinciple[]): { owner: number; without: string; tail: string }[] {
  const found: { owner: number; without: string; tail: string }[] = []
  principles.forEach((owner, i) => {
    const a = foldPunctuation(owner.statement).trim()
    principles.forEach((other, j) => {
      if (i === j) return
      const b = foldPunctuation(other.statement).trim()
      let k = 0
      while (k < a.length && k < b.length && a[a.length - 1 - k] === b[b.length - 1 - k]) k++
      const tail = a
        .slice(a.length - k)
        .replace(/^\S*\s/, '')
        .trim()
      const before = a.slice(0, a.length - tail.length).trimEnd()
      if (tail.length >= 40 && before.endsWith('.') && before.length > 20) {
        found.push({ owner: i, without: before, tail })
      }
    })
  })
  return found
}

function sharedOpenings(principles: readonly IndexedPrinciple[]): Set<string> {
  const counts = new Map<string, number>()
  for (const p of principles) {
    const opening = wordsOf(p.statement).slice(0, 2).join(' ')
    if (opening.includes(' ')) counts.set(opening, (counts.get(opening) ?? 0) + 1)
  }
  return new Set([...counts].filter(([, n]) => n >= 2).map(([o]) => o))
}

export function isStatementLike(index: PrincipleIndex, text: string): boolean {
  return index.openings.has(wordsOf(text.slice(0, 80)).slice(0, 2).join(' '))
}

export interface ClassifyResult {
  best: Classification | null
  /** The best match that is not a repeated tail, for when the tail's owner is not the entry before. */
  bestNonTail: Classification | null
}

const NONE: ClassifyResult = { best: null, bestNonTail: null }

const MEMO_LIMIT = 5000

export function classify(index: PrincipleIndex, text: string): ClassifyResult {
  if (text.length > 2000) return classifyUncached(index, text)
  const known = index.memo.get(text)
  if (known) return known
  const result = classifyUncached(index, text)
  if (index.memo.size >= MEMO_LIMIT) index.memo.clear()
  index.memo.set(text, result)
  return result
}

function classifyUncached(index: PrincipleIndex, text: string): ClassifyResult {
  const compact = compactKey(text)
  if (compact.length === 0 || compact.length > MAX_COMPACT) return NONE
  const exact = index.exactNames.get(compact)
  if (exact !== undefined) {
    const hit: Classification = { principle: exact, kind: 'name', score: 1 }
    return { best: hit, bestNonTail: hit }
  }
  const scores = index.trigrams.scores(compact)
  let best = -1
  let bestNonTail = -1
  for (let id = 0; id < index.aliases.length; id++) {
    const alias = index.aliases[id]
    if (!alias) continue
    if (alias.kind === 'name' && compact.length <= SHORT_COMPACT) {
      const lengths = Math.min(compact.length, alias.compact.length) / Math.max(compact.length, alias.compact.length)
      if (lengths >= 0.6) scores[id] = Math.max(scores[id] ?? 0, editRatio(compact, alias.compact))
    }
    if (better(index, scores, id, best)) best = id
    if (alias.kind !== 'tail' && better(index, scores, id, bestNonTail)) bestNonTail = id
  }
  const toClassification = (id: number): Classification | null => {
    const alias = index.aliases[id]
    return alias ? { principle: alias.principle, kind: alias.kind, score: scores[id] ?? 0 } : null
  }
  return { best: toClassification(best), bestNonTail: toClassification(bestNonTail) }
}

/** Higher score wins; on a tie, a name beats a statement beats a sub-point beats a tail. */
function better(index: PrincipleIndex, scores: Float64Array, id: number, current: number): boolean {
  const score = scores[id] ?? 0
  if (current < 0) return score > 0
  const held = scores[current] ?? 0
  if (score !== held) return score > held
  return KIND_RANK[index.aliases[id]?.kind ?? 'tail'] < KIND_RANK[index.aliases[current]?.kind ?? 'tail']
}

export function accepted(c: Classification | null): boolean {
  if (c === null) return false
  return c.kind === 'name' ? c.score >= NAME_ACCEPT : c.score >= STATEMENT_ACCEPT
}
