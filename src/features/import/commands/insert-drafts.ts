import { sql } from 'drizzle-orm'
import type { Executor } from '../../../db/client.ts'
import type { CaseStudyStage, OrganisationRole } from '../../../db/schema/enums.ts'
import type { AuditActor } from '../../audit/record-audit.ts'
import type { CaseStudySnapshot } from '../../case-studies/snapshot.ts'
import type { ImportSession } from '../import-session.ts'

export interface NewDraft {
  snapshot: CaseStudySnapshot
  slug: string
  ownerOrganisationId: number | null
  sourceUrl: string | null
  contentHash: string
  stage: CaseStudyStage | null
  /** How the audit log names where it came from (a file name). */
  source: string
}

const personKey = (name: string, organisationId: number | null) => `${name}\u0000${organisationId ?? ''}`

/** The names the search index finds with the text: what refreshSearchExtra computes, without a query. */
export function searchExtraOf(s: CaseStudySnapshot): string {
  const organisationNames = [s.lead, ...s.participants, ...s.partners, ...s.funders].filter((o) => o !== null).map((o) => o.name)
  return [s.principles.map((p) => p.name).join(' '), organisationNames.join(' '), s.themes.join(' ')].filter(Boolean).join(' ')
}

/**
 * Writes new drafts the way createCaseStudy does (row, links, contact, revision 1, audit event),
 * but as a handful of multi-row statements for the whole batch instead of a dozen round trips
 * per document. Call inside a transaction; on any error the caller rolls the batch back.
 */
export async function insertDrafts(tx: Executor, actor: AuditActor, session: ImportSession, drafts: readonly NewDraft[]): Promise<InsertedDrafts> {
  if (drafts.length === 0) return { drafts: [], people: [] }
  const { contactIds, people: newPeople } = await ensureContacts(tx, session, drafts)
  const rows = drafts.map((d, i) => ({
    slug: d.slug,
    title: d.snapshot.title,
    summary: d.snapshot.summary,
    body: d.snapshot.body,
    kind: d.snapshot.kind,
    year_start: d.snapshot.yearStart,
    year_end: d.snapshot.yearEnd,
    outcomes: d.snapshot.outcomes,
    contact_person_id: contactIds[i] ?? null,
    search_extra: searchExtraOf(d.snapshot),
    owner_organisation_id: d.ownerOrganisationId,
    source_url: d.sourceUrl,
    content_hash: d.contentHash,
    stage: d.stage,
  }))
  // Each statement takes the whole batch as one JSON parameter: building and sending a hundred
  // rows of parameters through the query builder cost more than the database's work (measured).
  const returned = await tx.execute<{ id: number; slug: string }>(sql`
    INSERT INTO case_studies (slug, title, summary, body, kind, status, year_start, year_end, outcomes, contact_person_id, search_extra, revision, owner_organisation_id, source_url, content_hash, stage)
    SELECT slug, title, summary, body, kind, 'draft', year_start, year_end, outcomes, contact_person_id, search_extra, 1, owner_organisation_id, source_url, content_hash, stage
    FROM json_to_recordset(${JSON.stringify(rows)}::json) AS t(slug text, title text, summary text, body text, kind text, year_start int, year_end int,
      outcomes text, contact_person_id int, search_extra text, owner_organisation_id int, source_url text, content_hash text, stage text)
    RETURNING id, slug`)
  const idBySlug = new Map(returned.rows.map((r) => [r.slug, r.id]))
  const ids = drafts.map((d) => idBySlug.get(d.slug)!)

  const principleRows = drafts.flatMap((d, i) => [...new Set(d.snapshot.principles.map((p) => p.id))].map((principleId) => ({ c: ids[i]!, p: principleId })))
  if (principleRows.length > 0) {
    await tx.execute(sql`INSERT INTO case_study_principles (case_study_id, principle_id)
      SELECT c, p FROM json_to_recordset(${JSON.stringify(principleRows)}::json) AS t(c int, p int)`)
  }
  const organisationRows = drafts.flatMap((d, i) => organisationLinks(ids[i]!, d.snapshot))
  if (organisationRows.length > 0) {
    await tx.execute(sql`INSERT INTO case_study_organisations (case_study_id, organisation_id, role, position)
      SELECT c, o, r, p FROM json_to_recordset(${JSON.stringify(organisationRows)}::json) AS t(c int, o int, r text, p int)`)
  }
  const revisions = drafts.map((d, i) => ({ c: ids[i]!, s: d.snapshot }))
  await tx.execute(sql`INSERT INTO case_study_revisions (case_study_id, number, author_user_id, author_label, action, snapshot)
    SELECT c, 1, ${actor.id}::int, ${actor.label}, 'imported', s FROM jsonb_to_recordset(${JSON.stringify(revisions)}::jsonb) AS t(c int, s jsonb)`)
  const audits = drafts.map((d, i) => ({
    id: String(ids[i]),
    summary: `Imported draft “${d.snapshot.title}” from ${d.source}`,
    changes: { slug: d.slug, source: d.sourceUrl },
  }))
  await tx.execute(sql`INSERT INTO audit_events (actor_user_id, actor_label, action, subject_type, subject_id, summary, changes)
    SELECT ${actor.id}::int, ${actor.label}, 'case-study-imported', 'case-study', id, summary, changes
    FROM json_to_recordset(${JSON.stringify(audits)}::json) AS t(id text, summary text, changes jsonb)`)
  return { drafts: drafts.map((d, i) => ({ id: ids[i]!, slug: d.slug })), people: newPeople }
}

export interface InsertedDrafts {
  drafts: Array<{ id: number; slug: string }>
  /** Contacts added: for the session to remember once the transaction has committed. */
  people: Array<{ id: number; name: string; organisationId: number | null }>
}

/** Lead, participants, partners and funders with their positions, as replaceCaseStudyLinks orders them. */
function organisationLinks(caseStudyId: number, s: CaseStudySnapshot) {
  const all: Array<{ organisationId: number; role: OrganisationRole }> = [
    ...(s.lead ? [{ organisationId: s.lead.id, role: 'lead' as const }] : []),
    ...s.participants.map((o) => ({ organisationId: o.id, role: 'participant' as const })),
    ...s.partners.map((o) => ({ organisationId: o.id, role: 'partner' as const })),
    ...s.funders.map((o) => ({ organisationId: o.id, role: 'funder' as const })),
  ]
  const seen = new Set<string>()
  return all
    .filter((o) => {
      const key = `${o.organisationId}:${o.role}`
      if (seen.has(key)) return false
      seen.add(key)
      return true
    })
    .map((o, position) => ({ c: caseStudyId, o: o.organisationId, r: o.role, p: position }))
}

/** Each draft's contact person: found by name and organisation, or added; job titles brought up to date. */
async function ensureContacts(
  tx: Executor,
  session: ImportSession,
  drafts: readonly NewDraft[],
): Promise<{ contactIds: Array<number | null>; people: InsertedDrafts['people'] }> {
  const wanted = new Map<string, NonNullable<CaseStudySnapshot['contact']>>()
  const updates = new Map<number, string>()
  for (const d of drafts) {
    const c = d.snapshot.contact
    if (!c) continue
    const organisationId = c.organisation?.id ?? null
    const known = session.person(c.name, organisationId)
    if (known === undefined) wanted.set(personKey(c.name, organisationId), c)
    else if (c.jobTitle) updates.set(known, c.jobTitle)
  }
  const added = new Map<string, number>()
  let inserted: InsertedDrafts['people'] = []
  if (wanted.size > 0) {
    const values = [...wanted.values()].map((c) => ({
      name: c.name,
      job_title: c.jobTitle || null,
      organisation_id: c.organisation?.id ?? null,
      email: c.email || null,
      phone: c.phone || null,
      publish_contact: c.publishContact,
    }))
    const result = await tx.execute<{ id: number; name: string; organisation_id: number | null }>(sql`
      INSERT INTO people (name, job_title, organisation_id, email, phone, publish_contact)
      SELECT name, job_title, organisation_id, email, phone, publish_contact
      FROM json_to_recordset(${JSON.stringify(values)}::json) AS t(name text, job_title text, organisation_id int, email text, phone text, publish_contact boolean)
      RETURNING id, name, organisation_id`)
    inserted = result.rows.map((r) => ({ id: r.id, name: r.name, organisationId: r.organisation_id }))
    for (const p of inserted) added.set(personKey(p.name, p.organisationId), p.id)
  }
  if (updates.size > 0) {
    const json = JSON.stringify([...updates].map(([id, jobTitle]) => ({ id, jobTitle })))
    await tx.execute(sql`UPDATE people SET job_title = v."jobTitle", updated_at = now()
      FROM jsonb_to_recordset(${json}::jsonb) AS v(id int, "jobTitle" text)
      WHERE people.id = v.id AND people.job_title IS DISTINCT FROM v."jobTitle"`)
  }
  const contactIds = drafts.map((d) => {
    const c = d.snapshot.contact
    if (!c) return null
    const organisationId = c.organisation?.id ?? null
    return session.person(c.name, organisationId) ?? added.get(personKey(c.name, organisationId)) ?? null
  })
  return { contactIds, people: inserted }
}
