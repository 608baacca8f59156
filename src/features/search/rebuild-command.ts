// `coophub search rebuild`: every running server reads its search engine again from the database,
// in the background, segment by segment, while the engine it has keeps answering (the engines
// live in the servers' memory: there is nothing of them to rebuild offline). With --database, the
// search data the database keeps first: each published case study's vectors and facet keys
// (recomputed by their triggers) and the words "did you mean" suggests from.
import { sql } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'

/** Published case studies recomputed per statement. */
const batch = 2_000

export interface RebuildResult {
  /** Published case studies whose vectors and facet keys were recomputed (--database). */
  recomputed: number
}

export async function runSearchRebuild(db: Database, options: { database: boolean; progress?: (done: number) => void }): Promise<RebuildResult> {
  let recomputed = 0
  if (options.database) {
    for (let after = 0; ;) {
      // Setting them to null has the triggers of migrations 0004 and 0005 work them out again.
      const rows = await db.execute<{ id: number }>(sql`
        UPDATE case_studies SET search_vector = NULL, rank_vector = NULL, facet_keys = NULL
        WHERE id IN (SELECT id FROM case_studies WHERE status = 'published' AND id > ${after} ORDER BY id LIMIT ${batch})
        RETURNING id`)
      if (rows.rows.length === 0) break
      after = Math.max(...rows.rows.map((r) => r.id))
      recomputed += rows.rows.length
      options.progress?.(recomputed)
    }
    await db.transaction(async (tx) => {
      await tx.execute(sql`DELETE FROM search_words`)
      await tx.execute(sql`
        INSERT INTO search_words (word, documents)
        SELECT w, count(*) FROM case_studies cs, unnest(coophub_words_of(cs.title, cs.summary, cs.search_extra)) AS w
        WHERE cs.status = 'published' GROUP BY w`)
    })
  }
  // Read by every instance's next poll of content_changes (within a second).
  await db.transaction(async (tx) => {
    await tx.execute(sql`INSERT INTO content_changes (subject) VALUES ('everything')`)
    await tx.execute(sql`SELECT coophub_content_changed()`)
  })
  return { recomputed }
}
