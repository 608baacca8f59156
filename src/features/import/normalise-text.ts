// Text folding shared by every matcher. Pages mix curly and straight quotes, five kinds of
// hyphen and non-breaking spaces; matching must not care, while the body keeps what was written.

const ODD_SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\t\v]/g
const INVISIBLES = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g
const COMBINING_MARKS = /[\u0300-\u036f]/g

// One pass over char codes with a lookup table rather than five replaces: this runs on every
// line of every document, and is most of the cost of reading one.
const REPLACEMENTS = ['', "'", '"', '-', ' ']
const FOLD_TABLE = new Uint8Array(0x10000)
const setFold = (chars: string, to: number): void => {
  for (const c of chars) FOLD_TABLE[c.charCodeAt(0)] = to
}
setFold('\u200B\u200C\u200D\u2060\uFEFF\u00AD', 5)
setFold('\u2018\u2019\u201A\u201B\u2032\u00B4`', 1)
setFold('\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB', 2)
setFold('\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D', 3)
setFold('\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u202F\u205F\u3000\t\v', 4)

export function foldPunctuation(text: string): string {
  let out = ''
  let last = 0
  for (let i = 0; i < text.length; i++) {
    const to = FOLD_TABLE[text.charCodeAt(i)] ?? 0
    if (to === 0) continue
    out += text.slice(last, i) + (REPLACEMENTS[to % 5] ?? '')
    last = i + 1
  }
  return last === 0 ? text : out + text.slice(last)
}

/** Collapses runs of spaces and trims; keeps the characters as written. */
export function tidySpaces(text: string): string {
  return text.replace(INVISIBLES, '').replace(ODD_SPACES, ' ').replace(/ {2,}/g, ' ').trim()
}

function lowerAscii(text: string): string {
  const folded = foldPunctuation(text)
  // Decomposing accents is only needed when there are any.
  return (/[\u0080-\uffff]/.test(folded) ? folded.normalize('NFKD').replace(COMBINING_MARKS, '') : folded).toLowerCase()
}

/**
 * Letters and digits only. Dropping spaces as well makes "publicservices" and
 * "public  services" the same key, which is what "extra or missing spaces" needs.
 */
export function compactKey(text: string): string {
  return lowerAscii(text).replace(/[^a-z0-9]+/g, '')
}

/** Lower-case words; hyphens and apostrophes inside a word vanish ("co-operative" → "cooperative"). */
export function wordsOf(text: string): string[] {
  const folded = lowerAscii(text).replace(/(?<=[a-z0-9])['-](?=[a-z0-9])/g, '')
  return folded.split(/[^a-z0-9]+/).filter((w) => w.length > 0)
}

export function wordCount(text: string): number {
  let count = 0
  let inWord = false
  for (let i = 0; i < text.length; i++) {
    const space = text.charCodeAt(i) <= 32
    if (!space && !inWord) count++
    inWord = !space
  }
  return count
}

export function slugify(text: string): string {
  return lowerAscii(text.replace(/&/g, ' and '))
    .replace(/'/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

// Only the last few characters are looked at: body paragraphs grow line by line, and scanning
// the whole text each time would make long documents quadratic.
export function endsWithTerminalPunctuation(text: string): boolean {
  return /[.!?;:,]["'\u2019\u201D)]*$/.test(text.slice(-12).trimEnd())
}

export function startsWithUpper(text: string): boolean {
  const first = text.trimStart().charAt(0)
  return first !== first.toLowerCase() && first === first.toUpperCase()
}

/** Cuts at a word boundary and marks the cut, for warnings and proposed titles. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text
  const cut = text.slice(0, max)
  const space = cut.lastIndexOf(' ')
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '')}…`
}
