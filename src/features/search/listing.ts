// What a page of results shows of each published case study (all but the body), read in bulk when
// the search engine is built, so that a page of results costs no query. Reading each page's rows
// took 2.5 ms on the embedded database and 1.2 ms on PostgreSQL per page of ten (measured at
// 10,000 case studies), for most pages of new searches; with 10 readers at once, each such round
// trip also waited its turn on the event loop.
import { sql } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'
import type { CaseStudyKind } from '../../db/schema/enums.ts'
import type { LinkedName, SearchHit } from './search-types.ts'

export type ListedRow = Omit<SearchHit, 'headline'>

/** The columns of case_studies a listed row needs, for the engine's own read of every published row. */
export const listedColumns = sql`slug, summary, kind, year_end, published_at`

export type ListedColumns = {
  id: number
  slug: string
  title: string
  summary: string
  kind: CaseStudyKind
  year_start: number | null
  year_end: number | null
  published_at: Date | string | null
}

const none: never[] = []

/** A row read with listedColumns, and its links, as a results page lists it. */
export function listedRowOf(r: ListedColumns, links: Pick<ListedRow, 'lead' | 'participants' | 'principles' | 'themes'>): ListedRow {
  const publishedAt = r.published_at === null ? null : new Date(r.published_at)
  return { id: r.id, slug: r.slug, title: r.title, summary: r.summary, kind: r.kind, yearStart: r.year_start, yearEnd: r.year_end, publishedAt, ...links }
}

/**
 * Builds the listing a batch of the engine's read at a time: the rows, then each one's lead,
 * participants, principles and themes (in the order the pages show them, as PostgreSQL sorts
 * them, as findRows does). Names are shared between rows: a member in a thousand case studies is
 * one object.
 */
export class ListingBuilder {
  readonly listing = new Map<number, ListedRow>()

  private constructor(
    private readonly organisationById: Map<number, LinkedName>,
    private readonly principleById: Map<number, { slug: string; shortName: string }>,
    private readonly themeById: Map<number, LinkedName>,
  ) {}

  static async start(db: Database): Promise<ListingBuilder> {
    const [organisations, principles, themes] = await Promise.all([
      db.execute<{ id: number; slug: string; name: string }>(sql`SELECT id, slug, name FROM organisations`),
      db.execute<{ id: number; slug: string; short_name: string }>(sql`SELECT id, slug, short_name FROM principles`),
      db.execute<{ id: number; slug: string; name: string }>(sql`SELECT id, slug, name FROM themes`),
    ])
    return new ListingBuilder(
      new Map(organisations.rows.map((o) => [o.id, { slug: o.slug, name: o.name }])),
      new Map(principles.rows.map((p) => [p.id, { slug: p.slug, shortName: p.short_name }])),
      new Map(themes.rows.map((t) => [t.id, { slug: t.slug, name: t.name }])),
    )
  }

  /** Rows read with listedColumns, in order of id; their links are read from the database. */
  async add(db: Database, rows: readonly ListedColumns[]): Promise<void> {
    if (rows.length === 0) return
    for (const r of rows) this.listing.set(r.id, listedRowOf(r, { lead: null, participants: none, principles: none, themes: none }))
    const first = rows[0]!.id
    const last = rows[rows.length - 1]!.id
    const [members, principleLinks, themeLinks] = await Promise.all([
      db.execute<{ id: number; link: number; role: string }>(sql`
        SELECT l.case_study_id AS id, l.organisation_id AS link, l.role FROM case_study_organisations l JOIN organisations o ON o.id = l.organisation_id
        WHERE l.case_study_id BETWEEN ${first} AND ${last} ORDER BY l.case_study_id, l.position, o.name`),
      db.execute<{ id: number; link: number }>(sql`
        SELECT cp.case_study_id AS id, cp.principle_id AS link FROM case_study_principles cp JOIN principles p ON p.id = cp.principle_id
        WHERE cp.case_study_id BETWEEN ${first} AND ${last} ORDER BY cp.case_study_id, p.position, p.short_name`),
      db.execute<{ id: number; link: number }>(sql`
        SELECT ct.case_study_id AS id, ct.theme_id AS link FROM case_study_themes ct JOIN themes t ON t.id = ct.theme_id
        WHERE ct.case_study_id BETWEEN ${first} AND ${last} ORDER BY ct.case_study_id, t.name`),
    ])
    // Rows between first and last that are not published are not in the listing: their links are skipped.
    for (const { id, link, role } of members.rows) {
      const row = this.listing.get(id)
      const organisation = this.organisationById.get(link)
      if (!row || !organisation) continue
      if (role === 'lead') row.lead ??= organisation
      else if (role === 'participant') row.participants = [...row.participants, organisation]
    }
    for (const { id, link } of principleLinks.rows) {
      const row = this.listing.get(id)
      const principle = this.principleById.get(link)
      if (row && principle) row.principles = [...row.principles, principle]
    }
    for (const { id, link } of themeLinks.rows) {
      const row = this.listing.get(id)
      const theme = this.themeById.get(link)
      if (row && theme) row.themes = [...row.themes, theme]
    }
  }
}
