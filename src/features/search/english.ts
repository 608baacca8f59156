// English as PostgreSQL's `english` text search configuration reads it, for the words the app
// handles without asking the database: the Snowball English (Porter2) stemmer it uses
// (wink-porter2-stemmer) and its stop words (PostgreSQL's tsearch_data/english.stop). Both are
// checked against PostgreSQL itself in english.routes.test.ts. Pure.
import stem from 'wink-porter2-stemmer'

export const englishStopWords: ReadonlySet<string> = new Set([
  'i',
  'me',
  'my',
  'myself',
  'we',
  'our',
  'ours',
  'ourselves',
  'you',
  'your',
  'yours',
  'yourself',
  'yourselves',
  'he',
  'him',
  'his',
  'himself',
  'she',
  'her',
  'hers',
  'herself',
  'it',
  'its',
  'itself',
  'they',
  'them',
  'their',
  'theirs',
  'themselves',
  'what',
  'which',
  'who',
  'whom',
  'this',
  'that',
  'these',
  'those',
  'am',
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'being',
  'have',
  'has',
  'had',
  'having',
  'do',
  'does',
  'did',
  'doing',
  'a',
  'an',
  'the',
  'and',
  'but',
  'if',
  'or',
  'because',
  'as',
  'until',
  'while',
  'of',
  'at',
  'by',
  'for',
  'with',
  'about',
  'against',
  'between',
  'into',
  'through',
  'during',
  'before',
  'after',
  'above',
  'below',
  'to',
  'from',
  'up',
  'down',
  'in',
  'out',
  'on',
  'off',
  'over',
  'under',
  'again',
  'further',
  'then',
  'once',
  'here',
  'there',
  'when',
  'where',
  'why',
  'how',
  'all',
  'any',
  'both',
  'each',
  'few',
  'more',
  'most',
  'other',
  'some',
  'such',
  'no',
  'nor',
  'not',
  'only',
  'own',
  'same',
  'so',
  'than',
  'too',
  'very',
  's',
  't',
  'can',
  'will',
  'just',
  'don',
  'should',
  'now',
])

/** Stems already worked out: stemming is most of a snippet's cost, and bodies share most words. */
const stems = new Map<string, string>()
const maxStems = 100_000

/** How PostgreSQL's english configuration stems a word (numbers are kept as they are). */
export function stemOf(word: string): string {
  let known = stems.get(word)
  if (known === undefined) {
    const lower = word.toLowerCase()
    known = /\p{N}/u.test(lower) ? lower : stem(lower)
    if (stems.size >= maxStems) stems.clear()
    stems.set(word, known)
  }
  return known
}

/**
 * The lexeme PostgreSQL makes of a plain word of letters and digits: null for a stop word. A word
 * with a digit in it goes through the `simple` dictionary: kept as it is, in lower case.
 */
export function lexemeOf(word: string): string | null {
  const lower = word.toLowerCase()
  if (/\p{N}/u.test(lower)) return lower
  return englishStopWords.has(lower) ? null : stemOf(lower)
}
