// What the search engine reads of published case studies: facet keys, sort fields, both vectors
// as text and the listing's columns; by id range a batch at a time (building segments) or by ids
// (rows changed since).
import { sql } from 'drizzle-orm'
import type { SQL } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'
import { listLinksOf, listedColumns, listedDataOf } from './listing.ts'
import type { ListedColumns, ListedData, ListedLinks } from './listing.ts'
import type { SegmentRow } from './segment.ts'

export type EngineRow = ListedColumns & {
  keys: string[] | null
  published: number | null
  vector: string | null
  ranked: string | null
  translation_group: number | null
}

/** Case studies read per query, so that the whole text never sits in memory at once. */
export const readBatch = 2_500

const select = (where: SQL, limit: number | null) => sql`
  SELECT id, facet_keys AS keys, year_start, extract(epoch FROM published_at)::float8 AS published, title, ${listedColumns},
    search_vector::text AS vector, rank_vector::text AS ranked, translation_group
  FROM case_studies WHERE status = 'published' AND ${where} ORDER BY id ${limit === null ? sql`` : sql`LIMIT ${limit}`}`

/** The next batch of published rows with lo ≤ id < hi and id > after, in order of id. */
export async function readRange(db: Database, after: number, hi: number): Promise<EngineRow[]> {
  return (await db.execute<EngineRow>(select(sql`id > ${after} AND id < ${hi}::bigint`, readBatch))).rows
}

/** Those of the ids that are published, as the engine reads them, with what a results page lists of each: one statement. */
export async function readIds(db: Database, ids: readonly number[]): Promise<SegmentRow[]> {
  if (ids.length === 0) return []
  const rows = await db.execute<EngineRow & ListedLinks>(sql`
    SELECT cs.id, cs.facet_keys AS keys, cs.year_start, extract(epoch FROM cs.published_at)::float8 AS published, cs.title, ${listedColumns},
      cs.search_vector::text AS vector, cs.rank_vector::text AS ranked, cs.translation_group, ${listLinksOf(sql`cs.id`)}
    FROM case_studies cs WHERE cs.status = 'published' AND cs.id IN (SELECT json_array_elements_text(${JSON.stringify(ids)}::json)::int)`)
  return rows.rows.map((r) => segmentRowOf(r, listedDataOf(r)))
}

/** Those of the ids that are published. */
export async function publishedAmong(db: Database, ids: readonly number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set()
  const rows = await db.execute<{ id: number }>(
    sql`SELECT id FROM case_studies WHERE status = 'published' AND id IN (SELECT json_array_elements_text(${JSON.stringify(ids)}::json)::int)`,
  )
  return new Set(rows.rows.map((r) => r.id))
}

export function segmentRowOf(r: EngineRow, listed: ListedData | undefined): SegmentRow {
  const row: SegmentRow = {
    id: r.id,
    keys: r.keys ?? [],
    yearStart: r.year_start,
    publishedAt: r.published === null ? null : Number(r.published),
    title: r.title,
    vector: r.vector,
    ranked: r.ranked,
    language: r.language,
    translationGroup: r.translation_group,
  }
  if (listed) row.listed = listed
  return row
}
