// Reads the "Principles met" block into principle matches. See read-document.ts for the layouts.
// Each line (or each "•" part of a run-together line) is scored against every wording of every
// principle, then placed: a short name or a statement opens or completes an entry; a sub-point or
// a repeated tail joins the entry it belongs to; anything else either is an unmatched entry (and
// becomes a warning) or is the narrative, which ends the block.

import { splitInlineBullets } from './document-lines.ts'
import type { DocLine } from './document-lines.ts'
import { isFurniture } from './furniture.ts'
import { clip, endsWithTerminalPunctuation, startsWithUpper, wordCount } from './normalise-text.ts'
import { accepted, classify, isStatementLike, STATEMENT_ACCEPT, WEAK } from './principle-index.ts'
import type { Classification, ClassifyResult, PrincipleIndex } from './principle-index.ts'
import type { PrincipleMatch, WarningValues } from './types.ts'

const HEADER = /^(?:[\p{L}-]+\s+)?principles?\s+met\s*(?::\s*(.*))?$/iu
const MAX_BLOCK_LINES = 400

/** The text after "Principles met:" when the line is the block's header, else null. */
export function principlesHeaderRest(content: string): string | null {
  if (content.length > 600) return null
  const m = HEADER.exec(content.trim())
  return m ? (m[1] ?? '').trim() : null
}

interface Entry {
  bullet: boolean
  viaSubPoint: boolean
  nameText: string | null
  name: Classification | null
  statementText: string | null
  statement: Classification | null
  nearest: Classification | null
  subPoints: string[]
}

/** A doubt about the block: a catalogue key (import.warning.*) and its values, made a warning by the reader. */
export interface BlockWarning {
  key: string
  values: WarningValues
}

export interface PrinciplesBlock {
  matches: PrincipleMatch[]
  warnings: BlockWarning[]
  /** Lines that belong to the block (header included). */
  consumed: number[]
}

type Verdict = 'taken' | 'end'

export function readPrinciplesBlock(
  lines: readonly DocLine[],
  headerIndex: number,
  index: PrincipleIndex,
  isBoundary: (line: DocLine) => boolean,
): PrinciplesBlock {
  const entries: Entry[] = []
  let current: Entry | null = null
  let afterDash = 0
  const consumed = [headerIndex]
  const cache = new Map<number, ClassifyResult>()

  const close = (): void => {
    if (current) entries.push(current)
    current = null
  }
  const open = (bullet: boolean): Entry => {
    close()
    const e: Entry = { bullet, viaSubPoint: false, nameText: null, name: null, statementText: null, statement: null, nearest: null, subPoints: [] }
    current = e
    return e
  }
  const previous = (): Entry | null => current ?? entries[entries.length - 1] ?? null

  const lookaheadIsStatement = (from: number): boolean => {
    for (let j = from; j < lines.length && j < from + 4; j++) {
      const next = lines[j]
      if (!next || next.blank) continue
      if (next.dash || next.heading > 0 || isBoundary(next)) return false
      const first = splitInlineBullets(next)[0]
      if (!first) return false
      const r = cachedClassify(j, first.text)
      const c = r.best?.kind === 'tail' ? r.bestNonTail : r.best
      return (c !== null && c.kind === 'statement' && accepted(c)) || isStatementLike(index, first.text)
    }
    return false
  }
  const statementFollows = (from: number, principle: number): boolean => {
    const next = lines.slice(from, from + 3).find((l) => !l.blank)
    if (!next || next.heading > 0 || next.dash) return false
    const r = cachedClassify(next.index, splitInlineBullets(next)[0]?.text ?? '')
    return r.best?.kind === 'statement' && accepted(r.best) && r.best.principle === principle
  }
  const cachedClassify = (lineIndex: number, text: string): ClassifyResult => {
    let r = cache.get(lineIndex)
    if (!r) {
      r = classify(index, text)
      cache.set(lineIndex, r)
    }
    return r
  }

  const place = (text: string, bullet: boolean, r: ClassifyResult, lineIndex: number): Verdict => {
    const prev = previous()
    if (r.best?.kind === 'tail' && r.best.score >= STATEMENT_ACCEPT && prev && principleOf(prev) === r.best.principle) {
      prev.subPoints.push(text)
      return 'taken'
    }
    const c = r.best?.kind === 'tail' ? r.bestNonTail : r.best
    // A sub-point joins its principle's entry; alone it stands for that principle only when it
    // is clearly a list item, not a short heading that happens to share a sub-point's name.
    if (c && c.kind === 'subpoint' && accepted(c) && (bullet || wordCount(text) >= 6 || (prev && principleOf(prev) === c.principle))) {
      if (prev && principleOf(prev) === c.principle) prev.subPoints.push(text)
      else Object.assign(open(bullet), { viaSubPoint: true, statementText: text, statement: c })
      return 'taken'
    }
    if (c && c.kind === 'name' && accepted(c)) {
      const e: Entry = current && (current.name || current.statement) ? open(bullet) : (current ?? open(bullet))
      e.nameText = text
      e.name = c
      return 'taken'
    }
    if (c && c.kind === 'statement' && accepted(c)) {
      const cur: Entry | null = current
      const reuse = cur !== null && cur.statementText === null && !(cur.name && cur.name.principle !== c.principle && cur.name.score >= 0.95)
      const e = reuse && cur ? cur : open(bullet)
      e.statementText = text
      e.statement = c
      return 'taken'
    }
    // A statement ending in ":" introduces a list (Walking the talk's sub-points) even when
    // the reading context does not know the sub-points.
    if (prev?.statementText?.trimEnd().endsWith(':') && !(current?.nameText && !current.statementText) && (bullet || /^[^:]{2,60}:\s/.test(text))) {
      prev.subPoints.push(text)
      return 'taken'
    }
    const words = wordCount(text)
    const statementLike = isStatementLike(index, text)
    if (afterDash === 1) {
      const e = current ?? open(bullet)
      if (isShortLabel(text) && e.nameText === null) e.nameText = text
      else e.statementText = text
      e.nearest = c
      return 'taken'
    }
    const pendingName: Entry | null = current?.nameText && current.statementText === null ? current : null
    if (pendingName && words <= 80 && (afterDash === 2 || statementLike || (c?.score ?? 0) >= WEAK)) {
      pendingName.statementText = text
      if (!pendingName.name) pendingName.nearest = c
      return 'taken'
    }
    const lastBullet = previous()?.bullet ?? false
    if ((bullet && words <= 120 && (entries.length === 0 && current === null ? true : lastBullet)) || (statementLike && words <= 80)) {
      Object.assign(open(bullet), { statementText: text, nearest: c })
      return 'taken'
    }
    if (isShortLabel(text) && lookaheadIsStatement(lineIndex + 1)) {
      Object.assign(open(bullet), { nameText: text, nearest: c })
      return 'taken'
    }
    return 'end'
  }

  const header = lines[headerIndex]
  for (const piece of (header ? (principlesHeaderRest(header.content) ?? '') : '').split(/\s*[,;]\s*/)) {
    if (piece) place(piece, true, classify(index, piece), headerIndex)
  }

  let i = headerIndex + 1
  for (; i < lines.length && i < headerIndex + MAX_BLOCK_LINES; i++) {
    const line = lines[i]
    if (!line || line.blank) continue
    if (isFurniture(line.text)) {
      consumed.push(i)
      continue
    }
    if (line.dash) {
      close()
      afterDash = 1
      consumed.push(i)
      continue
    }
    if (isBoundary(line)) break
    // A heading is a principle's name only when that principle's statement follows it; otherwise
    // it is a narrative section (and "## Learning" is a plausible one).
    if (line.heading > 0) {
      const r = cachedClassify(i, line.content)
      if (!(r.best?.kind === 'name' && accepted(r.best) && statementFollows(i + 1, r.best.principle))) break
    }
    const segments = splitInlineBullets(line)
    let ended = false
    segments.forEach((seg, k) => {
      if (ended) return
      const r = k === 0 ? cachedClassify(i, seg.text) : classify(index, seg.text)
      if (place(seg.text, seg.bullet, r, i) === 'end') {
        // A later "•" part of a line already in the block is run-on text of the same entry.
        if (k === 0) ended = true
        else previous()?.subPoints.push(seg.text)
      }
    })
    if (ended) break
    consumed.push(i)
    afterDash = afterDash === 1 ? 2 : 0
  }
  close()
  return { ...finalise(entries, index), consumed }
}

function isShortLabel(text: string): boolean {
  return text.length <= 80 && wordCount(text) <= 10 && startsWithUpper(text) && !endsWithTerminalPunctuation(text)
}

function principleOf(e: Entry): number | null {
  return pick(e)?.principle ?? null
}

/** The entry's principle is whichever of its name and statement matched better. */
function pick(e: Entry): Classification | null {
  const name = accepted(e.name) ? e.name : null
  const statement = accepted(e.statement) ? e.statement : null
  if (name && statement) return statement.score >= name.score ? statement : name
  return statement ?? name
}

function finalise(entries: readonly Entry[], index: PrincipleIndex): { matches: PrincipleMatch[]; warnings: BlockWarning[] } {
  const matches: PrincipleMatch[] = []
  const warnings: BlockWarning[] = []
  const seen = new Set<number>()
  for (const e of entries) {
    const text = e.statementText ?? e.nameText ?? ''
    const chosen = pick(e)
    if (!chosen) {
      const nearest = [e.nearest, e.name, e.statement].reduce<Classification | null>((a, b) => (b && (!a || b.score > a.score) ? b : a), null)
      const near = nearest && nearest.score >= WEAK ? index.principles[nearest.principle]?.shortName : undefined
      warnings.push(
        near && nearest
          ? { key: 'import.warning.principleUnmatchedNearest', values: { text: clip(text, 90), nearest: near, score: nearest.score.toFixed(2) } }
          : { key: 'import.warning.principleUnmatched', values: { text: clip(text, 90) } },
      )
      continue
    }
    const p = index.principles[chosen.principle]
    if (!p) continue
    if (seen.has(chosen.principle)) {
      if (!e.viaSubPoint) warnings.push({ key: 'import.warning.principleRepeated', values: { name: p.shortName } })
      continue
    }
    seen.add(chosen.principle)
    matches.push({ slug: p.slug, shortName: p.shortName, matchedText: text, score: Math.round(chosen.score * 1000) / 1000 })
  }
  return { matches, warnings }
}
