import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'
import type { CaseStudyKind } from '../../db/schema/enums.ts'
import { caseStudies, caseStudyOrganisations, caseStudyPrinciples } from '../../db/schema/index.ts'
import { startMark, stopMark } from './highlight.ts'

export interface SearchFilters {
  q: string
  principleIds: number[]
  kinds: CaseStudyKind[]
  year: number | null
  memberIds: number[]
  page: number
  pageSize: number
}

export interface SearchHit {
  id: number
  slug: string
  title: string
  summary: string
  kind: CaseStudyKind
  yearStart: number | null
  yearEnd: number | null
  publishedAt: Date | null
  /** ts_headline output with startMark/stopMark around matches; null without a text query. */
  headline: string | null
}

export interface SearchResult {
  total: number
  hits: SearchHit[]
  /** The text had no searchable words (only stop words or punctuation): it was not used. */
  queryIgnored: boolean
}

const headlineOptions = `StartSel=${startMark}, StopSel=${stopMark}, MaxWords=40, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`

// Markdown markers (headings, list bullets, emphasis, link targets) do not belong in a snippet.
const blockMarker = String.raw`(^|\n)[ \t]*(#{1,6}|[-*+>]|[0-9]+[.)])[ \t]+`
const inlineMarker = String.raw`\]\([^)]*\)|[*_` + '`' + String.raw`\[]`

function markdownAsText(column: SQL | { getSQL(): SQL }): SQL {
  return sql`regexp_replace(regexp_replace(${column}, ${blockMarker}, ${String.raw`\1`}, 'g'), ${inlineMarker}, '', 'g')`
}

/** Whether websearch_to_tsquery finds any searchable word in the text. */
async function hasSearchableWords(db: Database, q: string): Promise<boolean> {
  const rows = await db.execute<{ n: number }>(sql`SELECT numnode(websearch_to_tsquery('english', ${q}))::int AS n`)
  return (rows.rows[0]?.n ?? 0) > 0
}

export async function searchCaseStudies(db: Database, f: SearchFilters): Promise<SearchResult> {
  const useText = f.q !== '' && (await hasSearchableWords(db, f.q))
  const queryIgnored = f.q !== '' && !useText
  const query = sql`websearch_to_tsquery('english', ${f.q})`
  const conditions: SQL[] = [eq(caseStudies.status, 'published')]
  if (useText) conditions.push(sql`${caseStudies.searchVector} @@ ${query}`)
  if (f.principleIds.length > 0) {
    conditions.push(
      sql`EXISTS (SELECT 1 FROM ${caseStudyPrinciples} WHERE ${caseStudyPrinciples.caseStudyId} = ${caseStudies.id} AND ${inArray(caseStudyPrinciples.principleId, f.principleIds)})`,
    )
  }
  if (f.kinds.length > 0) conditions.push(inArray(caseStudies.kind, f.kinds))
  if (f.year !== null) {
    conditions.push(sql`${caseStudies.yearStart} <= ${f.year} AND coalesce(${caseStudies.yearEnd}, ${caseStudies.yearStart}) >= ${f.year}`)
  }
  if (f.memberIds.length > 0) {
    conditions.push(
      sql`EXISTS (SELECT 1 FROM ${caseStudyOrganisations} WHERE ${caseStudyOrganisations.caseStudyId} = ${caseStudies.id} AND ${caseStudyOrganisations.role} IN ('lead', 'participant') AND ${inArray(caseStudyOrganisations.organisationId, f.memberIds)})`,
    )
  }
  const where = and(...conditions)

  const [countRow] = await db.select({ n: sql<number>`count(*)::int` }).from(caseStudies).where(where)
  const total = countRow?.n ?? 0
  const offset = (f.page - 1) * f.pageSize
  if (total === 0 || offset >= total) return { total, hits: [], queryIgnored }

  const rank = useText ? sql<number>`ts_rank_cd(${caseStudies.searchVector}, ${query}, 32)` : sql<number>`0::real`

  // Snippets are computed in an outer query so ts_headline runs only for the rows shown.
  const page = db
    .select({
      id: caseStudies.id,
      slug: caseStudies.slug,
      title: caseStudies.title,
      summary: caseStudies.summary,
      kind: caseStudies.kind,
      yearStart: caseStudies.yearStart,
      yearEnd: caseStudies.yearEnd,
      publishedAt: caseStudies.publishedAt,
      body: caseStudies.body,
      rank: rank.as('rank'),
    })
    .from(caseStudies)
    .where(where)
    .orderBy(desc(rank), desc(caseStudies.publishedAt), asc(caseStudies.title), asc(caseStudies.id))
    .limit(f.pageSize)
    .offset(offset)
    .as('page')

  const rows = await db
    .select({
      id: page.id,
      slug: page.slug,
      title: page.title,
      summary: page.summary,
      kind: page.kind,
      yearStart: page.yearStart,
      yearEnd: page.yearEnd,
      publishedAt: page.publishedAt,
      headline: useText
        ? sql<string>`ts_headline('english', ${markdownAsText(page.body)}, ${query}, ${headlineOptions})`
        : sql<null>`NULL`,
    })
    .from(page)
    .orderBy(desc(page.rank), desc(page.publishedAt), asc(page.title), asc(page.id))

  return { total, hits: rows, queryIgnored }
}

/** Years covered by published case studies, newest first, for the year filter. */
export async function listPublishedYears(db: Database): Promise<number[]> {
  const rows = await db.execute<{ year: number }>(sql`
    SELECT DISTINCT generate_series(year_start, coalesce(year_end, year_start))::int AS year
    FROM ${caseStudies} WHERE status = 'published' AND year_start IS NOT NULL
    ORDER BY year DESC`)
  return rows.rows.map((r) => r.year)
}
