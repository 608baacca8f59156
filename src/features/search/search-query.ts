import { sql } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'
import type { CaseStudyKind } from '../../db/schema/enums.ts'
import { startMark, stopMark } from './highlight.ts'
import type { ListParam } from './search-params.ts'
import type { SearchHit } from './search-types.ts'

/** What is searched: the text (already known to have searchable words, or '') and facet keys. */
export interface SearchCriteria {
  q: string
  /** Per facet, the keys chosen: a case study must have one of them (OR), for every facet (AND). */
  keys: Partial<Record<ListParam, string[]>>
}

/** A case study as the page lists it, before its links are added. */
export type FoundRow = Omit<SearchHit, 'lead' | 'participants' | 'principles' | 'themes'>

const headlineOptions = `StartSel=${startMark}, StopSel=${stopMark}, MaxWords=40, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`

// Markdown markers (headings, list bullets, emphasis, link targets) do not belong in a snippet.
const blockMarker = String.raw`(^|\n)[ \t]*(#{1,6}|[-*+>]|[0-9]+[.)])[ \t]+`
const inlineMarker = String.raw`\]\([^)]*\)|[*_` + '`' + String.raw`\[]`

export const tsquery = (q: string) => sql`websearch_to_tsquery('english', ${q})`

/** PostgreSQL's reading of the text as a tsquery, in its text form: '' when it has no searchable word. */
export async function readTsquery(db: Database, q: string): Promise<string> {
  const rows = await db.execute<{ query: string }>(sql`SELECT ${tsquery(q)}::text AS query`)
  return rows.rows[0]?.query ?? ''
}

/**
 * The rows of one page, by id, in the order given, with a ts_headline snippet of the body for a
 * text search: computed only for the rows shown.
 */
export async function findRows(db: Database, ids: readonly number[], q: string, snippets: boolean): Promise<FoundRow[]> {
  if (ids.length === 0) return []
  const headline =
    snippets && q !== ''
      ? sql`ts_headline('english', regexp_replace(regexp_replace(cs.body, ${blockMarker}, ${String.raw`\1`}, 'g'), ${inlineMarker}, '', 'g'), ${tsquery(q)}, ${headlineOptions})`
      : sql`NULL::text`
  const result = await db.execute<{ id: number; slug: string; title: string; summary: string; kind: CaseStudyKind; year_start: number | null; year_end: number | null; published_at: string | Date | null; headline: string | null }>(sql`
    SELECT cs.id, cs.slug, cs.title, cs.summary, cs.kind, cs.year_start, cs.year_end, cs.published_at, ${headline} AS headline
    FROM case_studies cs WHERE cs.status = 'published' AND cs.id IN (SELECT json_array_elements_text(${JSON.stringify(ids)}::json)::int)`)
  const byId = new Map(result.rows.map((r) => [r.id, r]))
  return ids.flatMap((id) => {
    const r = byId.get(id)
    if (!r) return []
    return [{ id: r.id, slug: r.slug, title: r.title, summary: r.summary, kind: r.kind, yearStart: r.year_start, yearEnd: r.year_end, publishedAt: r.published_at === null ? null : new Date(r.published_at), headline: r.headline }]
  })
}
