// Splits a document into classified lines. Everything downstream works on these records, so the
// quirks of line breaks, bullets and glued page furniture are dealt with once, here.

import { foldPunctuation, tidySpaces } from './normalise-text.ts'

export interface DocLine {
  index: number
  /** As written, spaces tidied. */
  text: string
  /** Without a leading bullet marker or Markdown heading marks. */
  content: string
  bullet: boolean
  /** A line holding only a dash: the separator between principle entries. */
  dash: boolean
  blank: boolean
  /** Markdown heading level, 0 when not a heading. */
  heading: number
}

// Word's plain text marks its list levels "•", "o" and "§" (Symbol and Wingdings bullets, some
// pasted as private-use characters): a sub-level bullet is as much a bullet as the first.
const BULLET = /^(?:[•●▪◦‣·○■□➢➤►\uF0B7\uF0A7\uF0D8\uF0FC]\s*|[-*+–]\s+|[o§]\s+(?=\p{Lu}))(?=\S)/u
const DASH_ONLY = /^[-‐‑‒–—―−]+$/
const HEADING = /^(#{1,6})\s+(.*?)\s*#*$/

// Text from saved pages sometimes runs the next page's furniture into the last line
// ("…CouncilPrinciples met"). These phrases are split off when glued to a word.
const GLUED_PHRASES = ['Principles met', 'Share this', 'Latest posts', 'Latest post', 'Back to case studies', 'Skip to content']

export function toDocLines(text: string): DocLine[] {
  const rawLines = text.replace(/^\uFEFF/, '').split(/\r\n|[\r\n\u2028\u2029\f\v\u0085]/)
  const pieces: string[] = []
  for (const raw of rawLines) {
    for (const piece of splitGlued(raw)) pieces.push(piece)
  }
  return pieces.map((raw, index) => describeLine(raw, index))
}

function splitGlued(raw: string): string[] {
  // Long lines are narrative; checking them would only cost time.
  if (raw.length > 400 || raw.length < 4) return [raw]
  const end = raw.trimEnd()
  for (const phrase of GLUED_PHRASES) {
    const at = end.endsWith(phrase) ? end.length - phrase.length : end.endsWith(`${phrase}:`) ? end.length - phrase.length - 1 : -1
    if (at > 0 && /[\p{L}\p{N}.)]/u.test(raw.charAt(at - 1))) {
      return [raw.slice(0, at), raw.slice(at)]
    }
    if (raw.startsWith(phrase) && /^\p{Lu}/u.test(raw.slice(phrase.length))) {
      return [phrase, raw.slice(phrase.length)]
    }
  }
  return [raw]
}

export function describeLine(raw: string, index: number): DocLine {
  const text = tidySpaces(raw)
  const blank = text.length === 0
  const dash = !blank && text.length <= 12 && DASH_ONLY.test(foldPunctuation(text))
  let content = text
  let bullet = false
  let heading = 0
  // Bounded: the heading pattern backtracks on long runs of spaces and hashes.
  const h = dash || text.length > 500 ? null : HEADING.exec(text)
  if (h) {
    heading = (h[1] ?? '#').length
    content = stripEmphasis(h[2] ?? '')
  } else if (!dash) {
    const b = BULLET.exec(text)
    if (b) {
      bullet = true
      content = text.slice(b[0].length).trim()
    }
  }
  return { index, text, content, bullet, dash, blank, heading }
}

/** Markdown bold around a label ("**Year:** 2020") must not hide the label. */
export function stripEmphasis(text: string): string {
  return text.replace(/(\*\*|__)(.*?)\1/g, '$2').trim()
}

/** Splits a line on bullets inside it ("… by: • A … •B …"); the first part keeps the line's own bullet flag. */
export function splitInlineBullets(line: DocLine): { text: string; bullet: boolean }[] {
  const parts = line.content.split(/\s*[•●▪]\s*/)
  const out: { text: string; bullet: boolean }[] = []
  parts.forEach((part, i) => {
    const text = part.trim()
    if (text.length > 0) out.push({ text, bullet: i === 0 ? line.bullet : true })
  })
  return out
}
