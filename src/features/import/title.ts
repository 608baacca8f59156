// The title: taken from the document when it states one, otherwise proposed from the narrative
// (the project's name where the text names it, else the first sentence) for an editor to confirm.

import { splitSentences } from './body.ts'
import type { DocLine } from './document-lines.ts'
import { isFurniture } from './furniture.ts'
import { clip, endsWithTerminalPunctuation, startsWithUpper, tidySpaces, wordCount } from './normalise-text.ts'

const TITLE_LINE = /^title\s*:\s*(.+)$/i

/**
 * A title the document itself gives: a first "# Heading", a "Title: …" line near the top, or a
 * short first line that stands directly above the principles or metadata (not above prose,
 * where it would be a section heading).
 */
export function findDocumentTitle(lines: readonly DocLine[], isStructural: (line: DocLine) => boolean): { title: string; line: number } | null {
  const top: DocLine[] = []
  for (const l of lines) {
    if (top.length === 6) break
    if (!l.blank && !isFurniture(l.text)) top.push(l)
  }
  const first = top[0]
  if (!first) return null
  // The first "# Heading", as long as only metadata stands above it.
  for (const l of top) {
    if (l.heading === 1 && l.content) return { title: l.content, line: l.index }
    if (!isStructural(l)) break
  }
  for (const l of top) {
    const m = TITLE_LINE.exec(l.content)
    if (m?.[1]) return { title: m[1].trim(), line: l.index }
  }
  const second = top[1]
  if (
    !first.bullet &&
    first.heading === 0 &&
    !isStructural(first) &&
    first.content.length <= 120 &&
    wordCount(first.content) <= 14 &&
    !endsWithTerminalPunctuation(first.content) &&
    second !== undefined &&
    isStructural(second)
  ) {
    return { title: first.content, line: first.index }
  }
  return null
}

const PROJECT_NOUN =
  '(?:project|programme|program|initiative|scheme|pilot|partnership|campaign|movement|service|approach|lab|strategy|network|fund|festival|model)'
const WAS_A = new RegExp(`^(.{3,80}?)\\s+(?:was|is|has been|became)\\s+(?:a|an|the|our)\\s+(?:[\\w-]+\\s+){0,3}?${PROJECT_NOUN}\\b`)
const CALLED =
  /\b(?:called|named|known as|entitled|titled|branded)\s+["'\u2018\u201C]?(\p{Lu}[\p{L}\d'’&-]*(?:\s+(?:\p{Lu}[\p{L}\d'’&-]*|of|the|and|for|to|in|on|a|&))*)/u
const QUOTED = /["\u201C\u2018](\p{Lu}[^"\u201D\u2019]{2,60})["\u201D\u2019]/u
const NOT_A_NAME = /^(?:this|that|it|they|the (?:project|programme|scheme|initiative|work|group)|our (?:project|work)|which|there|here)$/i

export function proposeTitle(paragraphs: readonly string[]): string | null {
  const sentences = paragraphs.slice(0, 12).flatMap((p) => splitSentences(p))
  for (const s of sentences) {
    const m = WAS_A.exec(s)
    const name = m?.[1]?.trim()
    if (name && startsWithUpper(name) && wordCount(name) <= 8 && !NOT_A_NAME.test(name) && !/[,;:]/.test(name)) return name
  }
  for (const s of sentences) {
    const name = trimConnectors(CALLED.exec(s)?.[1] ?? '')
    if (name && wordCount(name) <= 8) return name
  }
  for (const s of sentences) {
    const name = QUOTED.exec(s)?.[1]?.trim()
    if (name && wordCount(name) >= 2 && wordCount(name) <= 8 && !/[.!?]$/.test(name)) return name
  }
  const first = sentences[0]
  if (!first) return null
  return clip(tidySpaces(first).replace(/[.!?;:,]+$/, ''), 90)
}

function trimConnectors(name: string): string {
  return name.replace(/(?:\s+(?:of|the|and|for|to|in|on|a|&))+$/, '').trim()
}
