import { sql } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'

/**
 * For each word no published case study uses, the most similar word that some do (trigram
 * similarity, pg_trgm, over search_words); words some case study uses are left out.
 */
export async function closestKnownWords(db: Database, words: readonly string[]): Promise<Map<string, string>> {
  const result = await db.execute<{ word: string; known: boolean; better: string | null }>(sql`
    SELECT q.word,
      EXISTS (SELECT 1 FROM search_words w WHERE w.word = q.word AND w.documents > 0) AS known,
      (SELECT w.word FROM search_words w WHERE w.word % q.word AND w.documents > 0
        ORDER BY similarity(w.word, q.word) DESC, w.documents DESC, w.word LIMIT 1) AS better
    FROM unnest(${`{${words.map((w) => `"${w.replace(/["\\]/g, '')}"`).join(',')}}`}::text[]) AS q(word)`)
  const corrections = new Map<string, string>()
  for (const r of result.rows) if (!r.known && r.better) corrections.set(r.word, r.better)
  return corrections
}
