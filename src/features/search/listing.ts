// What a page of results shows of each published case study (all but the body), read in bulk with
// the search engine's segments, so that a page of results costs no query: reading each page's
// rows was a round trip for most pages of new searches, and with several readers at once each
// waited its turn on the event loop. Kept compact (ListingColumns), as UTF-8 text and ids rather
// than objects: a third of the heap (docs/benchmarks.md, Measurements behind the code).
import { sql } from 'drizzle-orm'
import type { SQL } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'
import { caseStudyKinds } from '../../db/schema/enums.ts'
import type { CaseStudyKind } from '../../db/schema/enums.ts'
import type { LinkedName, SearchHit } from './search-types.ts'

export type ListedRow = Omit<SearchHit, 'headline'>

/** The columns of case_studies a listed row needs, for the engine's own read of every published row. */
export const listedColumns = sql`slug, summary, kind, year_end, published_at, language`

export type ListedColumns = {
  id: number
  slug: string
  title: string
  summary: string
  kind: CaseStudyKind
  year_start: number | null
  year_end: number | null
  published_at: Date | string | null
  language: 'en' | 'cy'
}

/** A row read with listedColumns, and its links, as a results page lists it. */
export function listedRowOf(r: ListedColumns, links: Pick<ListedRow, 'lead' | 'participants' | 'principles' | 'themes'>): ListedRow {
  const publishedAt = r.published_at === null ? null : new Date(r.published_at)
  return {
    id: r.id,
    slug: r.slug,
    title: r.title,
    summary: r.summary,
    kind: r.kind,
    yearStart: r.year_start,
    yearEnd: r.year_end,
    publishedAt,
    language: r.language,
    ...links,
  }
}

/** A listed row with its links as ids, in the order pages show them: what the engine keeps. */
export interface ListedData {
  columns: ListedColumns
  lead: number | null
  participants: number[]
  principles: number[]
  themes: number[]
}

/** The names a listing shows, by id: read when the engine starts, and again when a name changes. */
export class ListingNames {
  private constructor(
    readonly organisations: ReadonlyMap<number, LinkedName>,
    readonly principles: ReadonlyMap<number, { slug: string; shortName: string; shortNameCy: string | null }>,
    readonly themes: ReadonlyMap<number, LinkedName>,
  ) {}

  static async read(db: Database): Promise<ListingNames> {
    const [organisations, principles, themes] = await Promise.all([
      db.execute<{ id: number; slug: string; name: string }>(sql`SELECT id, slug, name FROM organisations`),
      db.execute<{ id: number; slug: string; short_name: string; short_name_cy: string | null }>(
        sql`SELECT id, slug, short_name, short_name_cy FROM principles`,
      ),
      db.execute<{ id: number; slug: string; name: string }>(sql`SELECT id, slug, name FROM themes`),
    ])
    return new ListingNames(
      new Map(organisations.rows.map((o) => [o.id, { slug: o.slug, name: o.name }])),
      new Map(principles.rows.map((p) => [p.id, { slug: p.slug, shortName: p.short_name, shortNameCy: p.short_name_cy }])),
      new Map(themes.rows.map((t) => [t.id, { slug: t.slug, name: t.name }])),
    )
  }
}

/**
 * Each row's lead, participants, principles and themes as ids, in the order the pages show them
 * (as PostgreSQL sorts them, as findRows does). `range`: the rows are every published one with an
 * id between the first and the last (one range read of the links instead of a list of ids).
 */
export async function listRows(db: Database, rows: readonly ListedColumns[], range = false): Promise<Map<number, ListedData>> {
  const listing = new Map<number, ListedData>()
  if (rows.length === 0) return listing
  for (const r of rows) {
    listing.set(r.id, { columns: listedColumnsOf(r), lead: null, participants: [], principles: [], themes: [] })
  }
  const which = (column: SQL) =>
    range
      ? sql`${column} BETWEEN ${rows[0]!.id} AND ${rows[rows.length - 1]!.id}`
      : sql`${column} IN (SELECT json_array_elements_text(${JSON.stringify(rows.map((r) => r.id))}::json)::int)`
  const [members, principleLinks, themeLinks] = await Promise.all([
    db.execute<{ id: number; link: number; role: string }>(sql`
      SELECT l.case_study_id AS id, l.organisation_id AS link, l.role FROM case_study_organisations l JOIN organisations o ON o.id = l.organisation_id
      WHERE ${which(sql`l.case_study_id`)} ORDER BY l.case_study_id, l.position, o.name`),
    db.execute<{ id: number; link: number }>(sql`
      SELECT cp.case_study_id AS id, cp.principle_id AS link FROM case_study_principles cp JOIN principles p ON p.id = cp.principle_id
      WHERE ${which(sql`cp.case_study_id`)} ORDER BY cp.case_study_id, p.position, p.short_name`),
    db.execute<{ id: number; link: number }>(sql`
      SELECT ct.case_study_id AS id, ct.theme_id AS link FROM case_study_themes ct JOIN themes t ON t.id = ct.theme_id
      WHERE ${which(sql`ct.case_study_id`)} ORDER BY ct.case_study_id, t.name`),
  ])
  // Rows between first and last that are not published are not listed: their links are skipped.
  for (const { id, link, role } of members.rows) {
    const row = listing.get(id)
    if (row) addMember(row, link, role)
  }
  for (const { id, link } of principleLinks.rows) listing.get(id)?.principles.push(link)
  for (const { id, link } of themeLinks.rows) listing.get(id)?.themes.push(link)
  return listing
}

/** A member linked to a listed row: its lead (the first), or one of its participants; partners and funders are not listed. */
export function addMember(row: ListedData, organisation: number, role: string): void {
  if (role === 'lead') row.lead ??= organisation
  else if (role === 'participant') row.participants.push(organisation)
}

/**
 * The links of a case study read with the row itself (listLinksOf in its select list), in the
 * order listRows gives them: for a few rows, one statement instead of four.
 */
export const listLinksOf = (caseStudy: SQL) => sql`
  (SELECT json_agg(json_build_object('o', l.organisation_id, 'r', l.role) ORDER BY l.position, o.name) FROM case_study_organisations l
    JOIN organisations o ON o.id = l.organisation_id WHERE l.case_study_id = ${caseStudy}) AS members,
  (SELECT json_agg(cp.principle_id ORDER BY p.position, p.short_name) FROM case_study_principles cp
    JOIN principles p ON p.id = cp.principle_id WHERE cp.case_study_id = ${caseStudy}) AS principle_ids,
  (SELECT json_agg(ct.theme_id ORDER BY t.name) FROM case_study_themes ct
    JOIN themes t ON t.id = ct.theme_id WHERE ct.case_study_id = ${caseStudy}) AS theme_ids`

export type ListedLinks = { members: Array<{ o: number; r: string }> | null; principle_ids: number[] | null; theme_ids: number[] | null }

/** Only the listed columns: a row may carry more (the engine's read has both vectors), which must not be kept. */
function listedColumnsOf(r: ListedColumns): ListedColumns {
  return {
    id: r.id,
    slug: r.slug,
    title: r.title,
    summary: r.summary,
    kind: r.kind,
    year_start: r.year_start,
    year_end: r.year_end,
    published_at: r.published_at,
    language: r.language,
  }
}

export function listedDataOf(r: ListedColumns & ListedLinks): ListedData {
  const row: ListedData = { columns: listedColumnsOf(r), lead: null, participants: [], principles: r.principle_ids ?? [], themes: r.theme_ids ?? [] }
  for (const { o, r: role } of r.members ?? []) addMember(row, o, role)
  return row
}

/** What each link of a row is. */
const lead = 0
const participant = 1
const principle = 2
const theme = 3

const noYear = -1

/** The listing of a segment's rows (positions 0 … n - 1): its text as UTF-8 in one buffer, its links as ids. */
export class ListingColumns {
  private readonly text: Buffer
  /** Per row, where its slug, title and summary start in text (and where the last ends). */
  private readonly textStart: Int32Array
  private readonly kinds: Uint8Array
  /** 1 for a Welsh case study. */
  private readonly welsh: Uint8Array
  private readonly years: Int32Array
  /** Milliseconds; NaN when never published. */
  private readonly published: Float64Array
  private readonly linkStart: Int32Array
  private readonly linkKinds: Uint8Array
  private readonly linkIds: Int32Array

  constructor(rows: ReadonlyArray<ListedData | undefined>) {
    const n = rows.length
    const strings = rows.flatMap((r) => (r ? [r.columns.slug, r.columns.title, r.columns.summary] : ['', '', '']))
    this.textStart = new Int32Array(strings.length + 1)
    strings.forEach((s, i) => (this.textStart[i + 1] = this.textStart[i]! + Buffer.byteLength(s)))
    this.text = Buffer.allocUnsafe(this.textStart[strings.length]!)
    strings.forEach((s, i) => this.text.write(s, this.textStart[i]!))
    this.kinds = new Uint8Array(n)
    this.welsh = new Uint8Array(n)
    this.years = new Int32Array(2 * n)
    this.published = new Float64Array(n)
    this.linkStart = new Int32Array(n + 1)
    const kinds: number[] = []
    const ids: number[] = []
    rows.forEach((r, p) => {
      const c = r?.columns
      this.kinds[p] = c ? caseStudyKinds.indexOf(c.kind) : 0
      this.welsh[p] = c?.language === 'cy' ? 1 : 0
      this.years[2 * p] = c?.year_start ?? noYear
      this.years[2 * p + 1] = c?.year_end ?? noYear
      this.published[p] = c === undefined || c.published_at === null ? NaN : new Date(c.published_at).getTime()
      const add = (kind: number, id: number) => {
        kinds.push(kind)
        ids.push(id)
      }
      if (r && r.lead !== null) add(lead, r.lead)
      r?.participants.forEach((id) => add(participant, id))
      r?.principles.forEach((id) => add(principle, id))
      r?.themes.forEach((id) => add(theme, id))
      this.linkStart[p + 1] = ids.length
    })
    this.linkKinds = Uint8Array.from(kinds)
    this.linkIds = Int32Array.from(ids)
  }

  get bytes(): number {
    return [this.text, this.textStart, this.kinds, this.welsh, this.years, this.published, this.linkStart, this.linkKinds, this.linkIds].reduce(
      (sum, a) => sum + a.byteLength,
      0,
    )
  }

  /** The row at a position as a results page lists it, with the names as they are now. */
  row(p: number, id: number, names: ListingNames): ListedRow {
    const text = (i: number) => this.text.toString('utf8', this.textStart[3 * p + i]!, this.textStart[3 * p + i + 1]!)
    const year = (i: number) => (this.years[2 * p + i] === noYear ? null : this.years[2 * p + i]!)
    const row: ListedRow = {
      id,
      slug: text(0),
      title: text(1),
      summary: text(2),
      kind: caseStudyKinds[this.kinds[p]!]!,
      yearStart: year(0),
      yearEnd: year(1),
      publishedAt: Number.isNaN(this.published[p]) ? null : new Date(this.published[p]!),
      language: this.welsh[p] === 1 ? 'cy' : 'en',
      lead: null,
      participants: [],
      principles: [],
      themes: [],
    }
    for (let i = this.linkStart[p]!; i < this.linkStart[p + 1]!; i++) {
      const link = this.linkIds[i]!
      const kind = this.linkKinds[i]
      if (kind === lead) {
        row.lead = names.organisations.get(link) ?? null
      } else if (kind === participant) {
        const organisation = names.organisations.get(link)
        if (organisation) row.participants.push(organisation)
      } else if (kind === principle) {
        const named = names.principles.get(link)
        if (named) row.principles.push(named)
      } else {
        const named = names.themes.get(link)
        if (named) row.themes.push(named)
      }
    }
    return row
  }
}
