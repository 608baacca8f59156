import { asc, sql } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import type { MembershipTier, PublicationStatus } from '../../db/schema/enums.ts'
import { localAuthorities, organisations, people, principles } from '../../db/schema/index.ts'
import { TITLE_RELATED, TITLE_SIMILAR } from './title-index.ts'
import type { TitleEntry, TitleMatch } from './title-index.ts'

export interface ReferenceData {
  principles: Array<{ id: number; slug: string; shortName: string; statement: string }>
  organisations: Array<{ id: number; slug: string; name: string; tier: MembershipTier; authorityCode: string | null; verified: boolean }>
  authorities: Array<{
    code: string
    officialName: string
    niceName: string
    altNames: string[]
    gssCode: string | null
    typeCode: string | null
    typeName: string | null
    nation: string | null
    region: string | null
    current: boolean
  }>
}

/** What the importer reads against: the principles, every organisation and the register. */
export async function loadReferenceData(db: Executor): Promise<ReferenceData> {
  // One after another: on the embedded database every query shares one connection anyway.
  const principleRows = await db
    .select({ id: principles.id, slug: principles.slug, shortName: principles.shortName, statement: principles.statement })
    .from(principles)
    .orderBy(asc(principles.position))
  const organisationRows = await db
    .select({
      id: organisations.id,
      slug: organisations.slug,
      name: organisations.name,
      tier: organisations.tier,
      authorityCode: organisations.authorityCode,
      verified: organisations.verified,
    })
    .from(organisations)
    .orderBy(asc(organisations.id))
  const authorityRows = await db
    .select({
      code: localAuthorities.code,
      officialName: localAuthorities.officialName,
      niceName: localAuthorities.niceName,
      altNames: localAuthorities.altNames,
      gssCode: localAuthorities.gssCode,
      typeCode: localAuthorities.typeCode,
      typeName: localAuthorities.typeName,
      nation: localAuthorities.nation,
      region: localAuthorities.region,
      current: localAuthorities.current,
    })
    .from(localAuthorities)
    .orderBy(asc(localAuthorities.code))
  return { principles: principleRows, organisations: organisationRows, authorities: authorityRows }
}

export interface TakenNames {
  caseStudies: TitleEntry[]
  people: Array<{ id: number; name: string; organisationId: number | null }>
}

/** Every case study's slug, title, lead and year, and every contact: the import's in-memory lookups. */
export async function loadTakenNames(db: Executor): Promise<TakenNames> {
  const rows = await db.execute<{ id: number; slug: string; title: string; year: number | null; lead_id: number | null }>(sql`
    SELECT cs.id, cs.slug, cs.title, cs.year_start AS year, o.organisation_id AS lead_id
    FROM case_studies cs LEFT JOIN case_study_organisations o ON o.case_study_id = cs.id AND o.role = 'lead'
    ORDER BY cs.id`)
  const contacts = await db.select({ id: people.id, name: people.name, organisationId: people.organisationId }).from(people).orderBy(asc(people.id))
  return { caseStudies: rows.rows.map((r) => ({ id: r.id, slug: r.slug, title: r.title, leadId: r.lead_id, year: r.year })), people: contacts }
}

export interface ExistingCaseStudy {
  id: number
  slug: string
  title: string
  status: PublicationStatus
  revision: number
  sourceUrl: string | null
  contentHash: string | null
}

/** Case studies imported before from one of these sources or with one of these texts. */
export async function findImported(db: Executor, sources: string[], hashes: string[]): Promise<ExistingCaseStudy[]> {
  if (sources.length === 0 && hashes.length === 0) return []
  // A batch asks about a thousand values: as two JSON parameters rather than a thousand bound
  // ones, which the query builder spent longer assembling than the database answering (measured).
  const result = await db.execute<{
    id: number
    slug: string
    title: string
    status: PublicationStatus
    revision: number
    source_url: string | null
    content_hash: string | null
  }>(sql`
    SELECT id, slug, title, status, revision, source_url, content_hash FROM case_studies
    WHERE source_url IN (SELECT json_array_elements_text(${JSON.stringify(sources)}::json))
       OR content_hash IN (SELECT json_array_elements_text(${JSON.stringify(hashes)}::json))
    ORDER BY id`)
  return result.rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    title: r.title,
    status: r.status,
    revision: r.revision,
    sourceUrl: r.source_url,
    contentHash: r.content_hash,
  }))
}

export type LikelyDuplicate = Pick<TitleMatch, 'id' | 'slug' | 'title' | 'reason'>

/**
 * The same question as TitleIndex.find, asked of PostgreSQL for one document (the web review):
 * a very similar title, or the same lead and year with a related title.
 */
export async function findLikelyDuplicates(db: Executor, probe: Omit<TitleEntry, 'slug'>): Promise<LikelyDuplicate[]> {
  const result = await db.execute<{ id: number; slug: string; title: string; sim: number; same_lead_year: boolean }>(sql`
    SELECT cs.id, cs.slug, cs.title, similarity(cs.title, ${probe.title}) AS sim,
      (cs.year_start = ${probe.year}::int AND EXISTS (SELECT 1 FROM case_study_organisations o
        WHERE o.case_study_id = cs.id AND o.role = 'lead' AND o.organisation_id = ${probe.leadId}::int)) AS same_lead_year
    FROM case_studies cs
    WHERE cs.title % ${probe.title} AND cs.id <> ${probe.id}
    ORDER BY sim DESC, cs.id
    LIMIT 50`)
  return result.rows
    .map((r) => ({
      id: r.id,
      slug: r.slug,
      title: r.title,
      reason: r.sim > TITLE_SIMILAR ? ('title' as const) : r.sim > TITLE_RELATED && r.same_lead_year ? ('lead-and-year' as const) : null,
    }))
    .filter((r): r is LikelyDuplicate => r.reason !== null)
    .slice(0, 3)
}
