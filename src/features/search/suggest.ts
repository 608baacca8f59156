// "Did you mean": which words of a query to check, and the query with corrections put back in
// place, keeping its quotes, "or" and "-word" as typed. Pure; the corpus's words come from search_words.

export interface QueryWord {
  /** As typed. */
  text: string
  /** Lower case: how search_words holds words. */
  word: string
  start: number
}

const operators = new Set(['or', 'and', 'not'])

/** The words worth checking: three letters or more, not an operator, not one the query leaves out ("-word"). */
export function wordsToCheck(q: string): QueryWord[] {
  const out: QueryWord[] = []
  for (const m of q.matchAll(/[\p{L}][\p{L}'’-]*/gu)) {
    const text = m[0].replace(/['’-]+$/u, '')
    const word = text.toLowerCase()
    const before = q[m.index - 1]
    if (word.length < 3 || operators.has(word) || before === '-') continue
    out.push({ text, word, start: m.index })
  }
  return out
}

/** The query with each corrected word replaced where it was typed; null when nothing changed. */
export function applyCorrections(q: string, words: readonly QueryWord[], corrections: ReadonlyMap<string, string>): string | null {
  let out = ''
  let last = 0
  let changed = false
  for (const w of words) {
    const better = corrections.get(w.word)
    if (!better || better === w.word) continue
    out += q.slice(last, w.start) + better
    last = w.start + w.text.length
    changed = true
  }
  return changed ? out + q.slice(last) : null
}

/**
 * A spelling of the query that the corpus knows better: each word no published case study uses
 * is replaced by the most similar word that some do (`closest`, asked of the database), and the
 * result is offered only if it finds more than the query did (`found`), with the same filters.
 * `matches(word)`: whether the search index already finds the word (then it needs no correction,
 * and when no word does, the database is not asked: a rare word, or few results under filters, is
 * the usual case).
 */
export async function findSuggestion(
  q: string,
  found: number,
  count: (q: string) => Promise<number>,
  closest: (words: string[]) => Promise<ReadonlyMap<string, string>>,
  matches: (word: string) => boolean = () => false,
): Promise<string | null> {
  const words = wordsToCheck(q)
    .slice(0, 10)
    .filter((w) => !matches(w.word))
  if (words.length === 0) return null
  const corrected = applyCorrections(q, words, await closest(words.map((w) => w.word)))
  if (!corrected) return null
  return (await count(corrected)) > found ? corrected : null
}
