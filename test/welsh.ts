// Checks for pages in Welsh, for the tests of each feature converted to the catalogues.
import { catalogueOf } from '../src/i18n/catalogue.ts'

/** The text a reader sees: scripts, styles, tags and content marked as English (lang="en", the language switch) left out. */
export function visibleText(html: string): string {
  return html
    .replace(/<(script|style|head)\b[^]*?<\/\1>/g, ' ')
    .replace(/<nav class="govuk-language-navigation[^]*?<\/nav>/g, ' ')
    .replace(/<(?!html\b)(\w+)\b[^>]*\blang="en"[^>]*>[^]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ')
}

/** Runs of at least `minWords` words of a message between its placeholders and tags: what must not appear untranslated. */
function phrasesOf(message: string, minWords: number): string[] {
  return message
    .replace(/<[^>]+>/g, '{')
    .split(/[{}#]/)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => s.split(' ').length >= minWords && !/^\w+, (plural|select)/.test(s))
}

let phrases: Array<{ key: string; phrase: string }> | undefined

/**
 * The English sentences of the catalogue (runs of four words or more that the Welsh catalogue
 * words differently) found on a page: empty on a page wholly in Welsh. Names and content are
 * not in the catalogue, so they never count.
 */
export function englishOn(html: string, minWords = 4): Array<{ key: string; phrase: string }> {
  if (!phrases) {
    const en = catalogueOf('en')
    const cy = catalogueOf('cy')
    phrases = Object.entries(en).flatMap(([key, message]) => (message === cy[key] ? [] : phrasesOf(message, minWords).map((phrase) => ({ key, phrase }))))
  }
  const text = visibleText(html)
  return phrases.filter(({ phrase }) => text.includes(phrase))
}

/** English words that are not Welsh words: two of them among four words in a row are an English phrase. */
const englishWords = new Set([
  'the',
  'and',
  'of',
  'your',
  'with',
  'for',
  'this',
  'that',
  'you',
  'are',
  'is',
  'from',
  'have',
  'has',
  'not',
  'will',
  'can',
  'by',
  'in',
  'to',
  'be',
  'an',
  'there',
  'been',
  'which',
  'when',
  'who',
])

/**
 * English phrases on a page, whether or not they are in the catalogue (a string a template still
 * holds): runs of four words with at least two common English words, outside content marked
 * lang="en". Each phrase once.
 */
export function englishPhrasesOn(html: string): string[] {
  const words = visibleText(html).split(' ').filter(Boolean)
  const found = new Set<string>()
  for (let i = 0; i + 4 <= words.length; i++) {
    const run = words.slice(i, i + 4)
    const english = run.filter((w) => englishWords.has(w.toLowerCase().replace(/[^a-z]/g, ''))).length
    if (english >= 2) found.add(run.join(' '))
  }
  return [...found]
}
