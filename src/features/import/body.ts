// Turns the narrative lines (what is left once title, principles, metadata, contact and page
// furniture are taken out) into Markdown blocks, recognising headings such as "About the project".

import type { DocLine } from './document-lines.ts'
import { clip, endsWithTerminalPunctuation, startsWithUpper, wordCount } from './normalise-text.ts'

export interface BodyBlock {
  kind: 'heading' | 'paragraph' | 'bullet'
  text: string
  level: number
  line: number
}

export function buildBodyBlocks(lines: readonly DocLine[], excluded: ReadonlySet<number>): BodyBlock[] {
  const blocks: BodyBlock[] = []
  let gap = true
  for (const line of lines) {
    if (line.blank || excluded.has(line.index) || line.dash) {
      gap = true
      continue
    }
    const prev = blocks[blocks.length - 1]
    if (line.heading > 0) {
      blocks.push({ kind: 'heading', text: line.content, level: Math.max(2, line.heading), line: line.index })
    } else if (line.bullet) {
      blocks.push({ kind: 'bullet', text: line.content, level: 0, line: line.index })
    } else if (prev && prev.kind === 'paragraph' && !gap && !endsWithTerminalPunctuation(prev.text) && /^[\p{Ll}(]/u.test(line.content)) {
      // A hard-wrapped sentence continues on the next line.
      prev.text = `${prev.text} ${line.content}`
    } else {
      blocks.push({ kind: 'paragraph', text: line.content, level: 0, line: line.index })
    }
    gap = false
  }
  markHeadings(blocks)
  return blocks
}

/** A short capitalised line without final punctuation, followed by a real paragraph, is a heading. */
function markHeadings(blocks: BodyBlock[]): void {
  blocks.forEach((b, i) => {
    if (b.kind !== 'paragraph') return
    const next = blocks[i + 1]
    const short = b.text.length <= 70 && wordCount(b.text) <= 8
    const bare = short && startsWithUpper(b.text) && !/[.,;:!]["'\u2019\u201D)]*$/.test(b.text)
    const nextIsProse =
      next !== undefined && next.kind !== 'heading' && (next.kind === 'bullet' || wordCount(next.text) >= 8 || endsWithTerminalPunctuation(next.text))
    if (short && bare && nextIsProse) {
      b.kind = 'heading'
      b.level = 2
    }
  })
}

export function toMarkdown(blocks: readonly BodyBlock[]): string {
  const out: string[] = []
  blocks.forEach((b, i) => {
    const prev = blocks[i - 1]
    if (i > 0 && !(b.kind === 'bullet' && prev?.kind === 'bullet')) out.push('')
    if (b.kind === 'heading') out.push(`${'#'.repeat(b.level)} ${b.text}`)
    else if (b.kind === 'bullet') out.push(`- ${escapeLineStart(b.text)}`)
    else out.push(escapeLineStart(b.text))
  })
  return out.join('\n')
}

// Narrative that happens to start like Markdown syntax must stay narrative.
function escapeLineStart(text: string): string {
  return text.replace(/^([#>]|[-+*](?=\s))/, '\\$1').replace(/^(\d+)([.)]\s)/, '$1\\$2')
}

/** The first narrative sentences, enough to say what the case study is about. */
export function summarise(blocks: readonly BodyBlock[]): string {
  const paragraphs = blocks.filter((b) => b.kind === 'paragraph').map((b) => b.text)
  let summary = ''
  for (const p of paragraphs.slice(0, 3)) {
    for (const sentence of splitSentences(p)) {
      if (summary.length >= 120) break
      const next = summary ? `${summary} ${sentence}` : sentence
      if (next.length > 300 && summary) return summary
      summary = next
    }
    if (summary.length >= 120) break
  }
  return clip(summary, 300)
}

export function splitSentences(text: string): string[] {
  const sample = text.length > 5000 ? text.slice(0, 5000) : text
  return sample
    .split(/(?<=[.!?]["'\u2019\u201D)]?)\s+(?=["'\u2018\u201C(]?[\p{Lu}\d])/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
}
