// Snippets of the body around what was searched for, with it marked: the same Snowball English
// stemmer as PostgreSQL's (english.ts) runs here on the rows shown only, rather than ts_headline
// in the database (docs/benchmarks.md, Measurements behind the code). A word is marked when it
// matches as PostgreSQL would: its stem is a wanted lexeme, or it stands in a wanted phrase. A
// hyphenated word is one word here, marked whole or not at all: a search for "co-production"
// marks "co-production" and never the "co" of "co-operative". Pure.
import { startMark, stopMark } from './highlight.ts'
import { lexemeOf, stemOf } from './english.ts'
import type { TsNode } from './tsquery-text.ts'

// Markdown markers (headings, list bullets, emphasis, link targets) do not belong in a snippet.
const blockMarker = /(^|\n)[ \t]*(#{1,6}|[-*+>]|[0-9]+[.)])[ \t]+/g
const inlineMarker = /\]\([^)]*\)|[*_`[]/g

const letterOrDigit = /[\p{L}\p{N}]/u

/**
 * Whether a UTF-16 code unit belongs to a word: letters and digits (apart at apostrophes; a
 * hyphen between two joins them, see wordEnd). ASCII is decided by its code: a regular expression
 * over the whole body cost most of a snippet's time.
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

/** What a snippet marks: words (by their lexemes) and phrases (lexemes that stand `distances` words apart). */
export interface Highlighter {
  words: ReadonlySet<string>
  phrases: ReadonlyArray<{ lexemes: string[]; distances: number[] }>
}

/** What the text's tree asks for (not what it leaves out): its words, hyphenated ones whole, and its phrases. */
export function highlighterOf(tree: TsNode): Highlighter | null {
  const words = new Set<string>()
  const phrases: Array<{ lexemes: string[]; distances: number[] }> = []
  const visit = (node: TsNode): void => {
    if (node.op === 'word') words.add(node.lexeme)
    else if (node.op === 'phrase') {
      const lexemes = node.args.flatMap((arg) => (arg.op === 'word' ? [arg.lexeme] : []))
      if (lexemes.length < node.args.length) node.args.forEach(visit)
      // PostgreSQL's reading of a hyphenated word: the whole word, then its parts.
      else if (lexemes[0]!.includes('-') && node.distances[0] === 1) words.add(lexemes[0]!)
      else phrases.push({ lexemes, distances: node.distances })
    } else if (node.op !== 'not') node.args.forEach(visit)
  }
  visit(tree)
  return words.size + phrases.length === 0 ? null : { words, phrases }
}

/** The end of the word starting at `i`: letters and digits, and hyphens with a letter or digit either side. */
function wordEnd(text: string, i: number): number {
  for (;;) {
    while (i < text.length && inWord(text.charCodeAt(i))) i++
    if (text.charCodeAt(i) === 45 && i + 1 < text.length && inWord(text.charCodeAt(i + 1))) i++
    else return i
  }
}

/**
 * Up to two fragments of the text around what the highlighter wants (a set: words only), matches
 * between startMark and stopMark, joined by " … "; null when nothing of the text is wanted. Reads
 * the text only as far as the fragments need: a common word is usually found in the first lines.
 */
export function snippetOf(text: string, wanted: Highlighter | ReadonlySet<string>): string | null {
  const { words: single, phrases } = wanted instanceof Set ? { words: wanted as ReadonlySet<string>, phrases: [] } : (wanted as Highlighter)
  if (single.size === 0 && phrases.length === 0) return null
  // A stem keeps its word's first letter: only words starting like a wanted lexeme are stemmed.
  const initials = new Set([...single, ...phrases.flatMap((p) => p.lexemes)].map((w) => w.charCodeAt(0)))
  /** Start and end of every word read, in pairs. */
  const bounds: number[] = []
  let scanned = 0
  /** Reads words up to the nth; false when the text has fewer. */
  const readTo = (n: number): boolean => {
    while (bounds.length / 2 <= n) {
      while (scanned < text.length && !inWord(text.charCodeAt(scanned))) scanned++
      if (scanned >= text.length) return false
      const end = wordEnd(text, scanned)
      bounds.push(scanned, end)
      scanned = end
    }
    return true
  }
  const stems = new Map<number, string | null>()
  /** The nth word's stem, when it starts like a wanted lexeme; null otherwise. */
  const stemAt = (n: number): string | null => {
    let known = stems.get(n)
    if (known !== undefined) return known
    const start = bounds[n * 2]!
    const first = text.charCodeAt(start)
    // Upper-case ASCII to lower case by its bit, without making a string.
    const initial = first < 128 ? (first >= 65 && first <= 90 ? first | 32 : first) : text[start]!.toLowerCase().charCodeAt(0)
    known = initials.has(initial) ? stemOf(text.slice(start, bounds[n * 2 + 1])) : null
    stems.set(n, known)
    return known
  }
  /** Whether the nth word, alone, is wanted: as a whole, joined up, or (hyphenated) by one of its parts. */
  const wantedAlone = (n: number): boolean => {
    const stem = stemAt(n)
    if (stem !== null && single.has(stem)) return true
    const word = text.slice(bounds[n * 2], bounds[n * 2 + 1])
    if (!word.includes('-')) return false
    const parts = word.split('-')
    const joined = lexemeOf(parts.join(''))
    return (joined !== null && single.has(joined)) || parts.some((part) => initials.has(part.toLowerCase().charCodeAt(0)) && single.has(lexemeOf(part) ?? ''))
  }
  /** The words a phrase starting at the nth word covers, or null; a hyphenated word may hold a whole phrase. */
  const phraseAt = (n: number): number[] | null => {
    for (const { lexemes, distances } of phrases) {
      const word = text.slice(bounds[n * 2], bounds[n * 2 + 1])
      if (word.includes('-') && distances.every((d) => d === 1)) {
        const parts = word.split('-').map(lexemeOf)
        if (parts.length === lexemes.length && parts.every((p, i) => p === lexemes[i])) return [n]
      }
      if (stemAt(n) !== lexemes[0]) continue
      const covered = [n]
      let at = n
      for (let i = 1; i < lexemes.length; i++) {
        at += distances[i - 1]!
        if (!readTo(at) || stemAt(at) !== lexemes[i]) break
        covered.push(at)
      }
      if (covered.length === lexemes.length) return covered
    }
    return null
  }
  const hits = new Set<number>()
  /** Word ranges [from, to) shown. */
  const fragments: Array<[number, number]> = []
  /** Words needed: until the last fragment is complete. */
  let enough = Infinity
  for (let n = 0; n < enough && readTo(n); n++) {
    if (hits.has(n)) continue
    const covered = wantedAlone(n) ? [n] : phrases.length > 0 ? phraseAt(n) : null
    if (!covered) continue
    for (const w of covered) hits.add(w)
    const last = fragments.at(-1)
    if (last && n < last[1]) continue
    const from = Math.max(last ? last[1] : 0, n - leadIn)
    fragments.push([from, from + fragmentWords])
    if (fragments.length === maxFragments) enough = from + fragmentWords
  }
  if (fragments.length === 0) return null
  const words = bounds.length / 2
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
