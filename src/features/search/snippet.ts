// Snippets of the body around the words searched for, with the words marked. ts_headline did this
// in PostgreSQL for 3.4 ms per page of ten (measured at 10,000 case studies), most of it stemming
// every word of every body shown; the same Snowball English stemmer runs here (english.ts), on
// the rows shown only. A word is marked when its stem is one of the query's wanted lexemes, as
// PostgreSQL would match it. Pure.
import { startMark, stopMark } from './highlight.ts'
import { stemOf } from './english.ts'

// Markdown markers (headings, list bullets, emphasis, link targets) do not belong in a snippet.
const blockMarker = /(^|\n)[ \t]*(#{1,6}|[-*+>]|[0-9]+[.)])[ \t]+/g
const inlineMarker = /\]\([^)]*\)|[*_`[]/g

const letterOrDigit = /[\p{L}\p{N}]/u

/**
 * Whether a UTF-16 code unit belongs to a word as PostgreSQL's parser splits them for matching:
 * letters and digits, apart at hyphens and apostrophes. ASCII is decided by its code; a regular
 * expression over the whole body cost most of a snippet's time (measured).
 */
function inWord(code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57)
  return letterOrDigit.test(String.fromCharCode(code))
}

const trailingPunctuation = /^[^\s\p{L}\p{N}]*/u

/** Words shown per fragment, and fragments per snippet (ts_headline's MaxWords 40 over MaxFragments 2). */
const fragmentWords = 20
const maxFragments = 2
/** Words of context shown before the first match of a fragment. */
const leadIn = 6

export function plainText(markdown: string): string {
  return markdown.replace(blockMarker, '$1').replace(inlineMarker, '')
}

/**
 * Up to two fragments of the text around words whose stem is wanted, matches between startMark and
 * stopMark, joined by " … "; null when no word of the text is wanted. Reads the text only as far
 * as the fragments need: a common word is usually found in the first lines.
 */
export function snippetOf(text: string, wanted: ReadonlySet<string>): string | null {
  if (wanted.size === 0) return null
  // A stem keeps its word's first letter: only words starting like a wanted lexeme are stemmed.
  const initials = new Set([...wanted].map((w) => w.charCodeAt(0)))
  /** Start and end of every word read, in pairs. */
  const bounds: number[] = []
  const hits = new Set<number>()
  /** Word ranges [from, to) shown. */
  const fragments: Array<[number, number]> = []
  let words = 0
  /** Words needed: until the last fragment is complete. */
  let enough = Infinity
  for (let i = 0; i < text.length && words < enough;) {
    if (!inWord(text.charCodeAt(i))) {
      i++
      continue
    }
    const start = i
    while (i < text.length && inWord(text.charCodeAt(i))) i++
    const n = words++
    bounds.push(start, i)
    const first = text.charCodeAt(start)
    // Upper-case ASCII to lower case by its bit, without making a string.
    const initial = first < 128 ? (first >= 65 && first <= 90 ? first | 32 : first) : text[start]!.toLowerCase().charCodeAt(0)
    if (!initials.has(initial)) continue
    if (!wanted.has(stemOf(text.slice(start, i)))) continue
    hits.add(n)
    const last = fragments.at(-1)
    if (last && n < last[1]) continue
    const from = Math.max(last ? last[1] : 0, n - leadIn)
    fragments.push([from, from + fragmentWords])
    if (fragments.length === maxFragments) enough = from + fragmentWords
  }
  if (fragments.length === 0) return null
  return fragments
    .map(([from, until]) => {
      const to = Math.min(words, until)
      let out = ''
      let at = bounds[from * 2]!
      for (let w = from; w < to; w++) {
        if (!hits.has(w)) continue
        out += text.slice(at, bounds[w * 2]) + startMark + text.slice(bounds[w * 2], bounds[w * 2 + 1]) + stopMark
        at = bounds[w * 2 + 1]!
      }
      // Up to the end of the last word, and the punctuation that closes it.
      const end = bounds[to * 2 - 1]!
      return out + text.slice(at, end) + (trailingPunctuation.exec(text.slice(end, end + 8))?.[0] ?? '')
    })
    .join(' … ')
}
