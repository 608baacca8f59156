import { sql, type SQL } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'
import type { CaseStudyKind } from '../../db/schema/enums.ts'
import { facetPrefix } from './facets.ts'
import { startMark, stopMark } from './highlight.ts'
import type { ListParam, SortOrder } from './search-params.ts'

/** What the database is asked: the text (already known to have searchable words, or '') and facet keys. */
export interface SearchCriteria {
  q: string
  /** Per facet, the keys chosen: a case study must have one of them (OR), for every facet (AND). */
  keys: Partial<Record<ListParam, string[]>>
}

export interface PageRequest {
  sort: SortOrder
  offset: number
  limit: number
  snippets: boolean
}

export interface FoundRow {
  id: number
  slug: string
  title: string
  summary: string
  kind: CaseStudyKind
  yearStart: number | null
  yearEnd: number | null
  publishedAt: Date | null
  headline: string | null
}

const headlineOptions = `StartSel=${startMark}, StopSel=${stopMark}, MaxWords=40, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`

// Markdown markers (headings, list bullets, emphasis, link targets) do not belong in a snippet.
const blockMarker = String.raw`(^|\n)[ \t]*(#{1,6}|[-*+>]|[0-9]+[.)])[ \t]+`
const inlineMarker = String.raw`\]\([^)]*\)|[*_` + '`' + String.raw`\[]`

const tsquery = (q: string) => sql`websearch_to_tsquery('english', ${q})`

/** Whether websearch_to_tsquery finds any searchable word in the text. */
export async function hasSearchableWords(db: Database, q: string): Promise<boolean> {
  const rows = await db.execute<{ n: number }>(sql`SELECT numnode(websearch_to_tsquery('english', ${q}))::int AS n`)
  return (rows.rows[0]?.n ?? 0) > 0
}

/** The WHERE clause (table alias cs) for the criteria, leaving out one facet's choice if asked. */
function whereOf(c: SearchCriteria, without: ListParam | null = null): SQL {
  const parts: SQL[] = [sql`cs.status = 'published'`]
  if (c.q !== '') parts.push(sql`cs.search_vector @@ ${tsquery(c.q)}`)
  for (const [list, keys] of Object.entries(c.keys) as Array<[ListParam, string[]]>) {
    if (list !== without && keys.length > 0) parts.push(sql`cs.facet_keys && ${`{${keys.map((k) => `"${k}"`).join(',')}}`}::text[]`)
  }
  return sql.join(parts, sql` AND `)
}

/** The ORDER BY of each sort, for the table alias given (the page's outer query repeats it). */
function orderBy(sort: SortOrder, t: 'cs' | 'page'): SQL {
  const rank = t === 'cs' ? 'rank' : 'page.rank'
  const orders: Record<SortOrder, string> = {
    relevance: `${rank} DESC, ${t}.published_at DESC NULLS LAST, ${t}.id DESC`,
    newest: `${t}.year_start DESC NULLS LAST, ${t}.published_at DESC NULLS LAST, ${t}.id DESC`,
    oldest: `${t}.year_start ASC NULLS LAST, ${t}.published_at ASC NULLS LAST, ${t}.id ASC`,
    title: `lower(${t}.title) ASC, ${t}.id ASC`,
  }
  return sql.raw(orders[sort])
}

/**
 * One page of matches in the order asked. Relevance ranks by the small title-and-summary vector
 * (ranking every match by its whole text made common words slow); snippets come from an outer
 * query so ts_headline runs only for the rows shown.
 */
export async function findPage(db: Database, c: SearchCriteria, p: PageRequest): Promise<FoundRow[]> {
  const rank = p.sort === 'relevance' && c.q !== '' ? sql`ts_rank_cd(cs.rank_vector, ${tsquery(c.q)}, 32)` : sql`0::real`
  const headline =
    p.snippets && c.q !== ''
      ? sql`ts_headline('english', regexp_replace(regexp_replace(page.body, ${blockMarker}, ${String.raw`\1`}, 'g'), ${inlineMarker}, '', 'g'), ${tsquery(c.q)}, ${headlineOptions})`
      : sql`NULL::text`
  const result = await db.execute<{ id: number; slug: string; title: string; summary: string; kind: CaseStudyKind; year_start: number | null; year_end: number | null; published_at: string | Date | null; headline: string | null }>(sql`
    SELECT page.id, page.slug, page.title, page.summary, page.kind, page.year_start, page.year_end, page.published_at, ${headline} AS headline
    FROM (
      SELECT cs.id, cs.slug, cs.title, cs.summary, cs.kind, cs.year_start, cs.year_end, cs.published_at, cs.body,
        ${rank} AS rank
      FROM case_studies cs WHERE ${whereOf(c)}
      ORDER BY ${orderBy(p.sort, 'cs')}
      LIMIT ${p.limit} OFFSET ${p.offset}
    ) AS page
    ORDER BY ${orderBy(p.sort, 'page')}`)
  return result.rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    title: r.title,
    summary: r.summary,
    kind: r.kind,
    yearStart: r.year_start,
    yearEnd: r.year_end,
    publishedAt: r.published_at === null ? null : new Date(r.published_at),
    headline: r.headline,
  }))
}

/**
 * The number of matches and, in the same statement, every facet's counts: facets nobody chose
 * are counted over the matches; a facet with choices is counted over the matches of every other
 * choice, so its other values say what adding them would show. Nothing is ranked here.
 */
export async function countFacets(db: Database, c: SearchCriteria): Promise<{ total: number; counts: Map<string, number> }> {
  const chosen = (Object.keys(c.keys) as ListParam[]).filter((l) => (c.keys[l]?.length ?? 0) > 0)
  const chosenPrefixes = chosen.map((l) => facetPrefix[l])
  const parts: SQL[] = [
    sql`SELECT NULL::text AS k, count(*)::int AS n FROM matches`,
    sql`SELECT k, count(*)::int AS n FROM matches, unnest(matches.facet_keys) AS k
      ${chosenPrefixes.length > 0 ? sql`WHERE left(k, 2) <> ALL (${`{${chosenPrefixes.map((p) => `"${p}"`).join(',')}}`}::text[])` : sql``}
      GROUP BY k`,
  ]
  for (const list of chosen) {
    parts.push(sql`SELECT k, count(*)::int AS n FROM case_studies cs, unnest(cs.facet_keys) AS k
      WHERE ${whereOf(c, list)} AND left(k, 2) = ${facetPrefix[list]} GROUP BY k`)
  }
  const result = await db.execute<{ k: string | null; n: number }>(sql`
    WITH matches AS MATERIALIZED (SELECT cs.facet_keys FROM case_studies cs WHERE ${whereOf(c)})
    ${sql.join(parts, sql` UNION ALL `)}`)
  let total = 0
  const counts = new Map<string, number>()
  for (const row of result.rows) {
    if (row.k === null) total = row.n
    else counts.set(row.k, row.n)
  }
  return { total, counts }
}
