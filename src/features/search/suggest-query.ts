import { sql } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'
import type { SearchCriteria } from './search-query.ts'
import { applyCorrections, wordsToCheck } from './suggest.ts'

/**
 * A spelling of the query that the corpus knows better: each word no published case study uses
 * is replaced by the most similar word that some do (trigram similarity, pg_trgm), and the result
 * is offered only if it finds more than the query did, with the same filters. `matches(word)`:
 * whether the search index already finds the word (then it needs no correction, and when no word
 * does, the database is not asked: a rare word, or few results under filters, is the usual case).
 */
export async function findSuggestion(
  db: Database,
  criteria: SearchCriteria,
  found: number,
  count: (q: string) => Promise<number>,
  matches: (word: string) => boolean = () => false,
): Promise<string | null> {
  const words = wordsToCheck(criteria.q)
    .slice(0, 10)
    .filter((w) => !matches(w.word))
  if (words.length === 0) return null
  const result = await db.execute<{ word: string; known: boolean; better: string | null }>(sql`
    SELECT q.word,
      EXISTS (SELECT 1 FROM search_words w WHERE w.word = q.word AND w.documents > 0) AS known,
      (SELECT w.word FROM search_words w WHERE w.word % q.word AND w.documents > 0
        ORDER BY similarity(w.word, q.word) DESC, w.documents DESC, w.word LIMIT 1) AS better
    FROM unnest(${`{${words.map((w) => `"${w.word.replace(/["\\]/g, '')}"`).join(',')}}`}::text[]) AS q(word)`)
  const corrections = new Map<string, string>()
  for (const r of result.rows) if (!r.known && r.better) corrections.set(r.word, r.better)
  const corrected = applyCorrections(criteria.q, words, corrections)
  if (!corrected) return null
  return (await count(corrected)) > found ? corrected : null
}
