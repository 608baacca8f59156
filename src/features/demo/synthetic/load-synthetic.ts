import { setImmediate as nextTurn } from 'node:timers/promises'
import { sql } from 'drizzle-orm'
import type { Database, Executor } from '../../../db/client.ts'
import type { AuditActor } from '../../audit/record-audit.ts'
import { recordAudit } from '../../audit/record-audit.ts'
import type { CaseStudySnapshot, NamedRef } from '../../case-studies/snapshot.ts'
import { searchExtraOf } from '../../import/commands/insert-drafts.ts'
import { loadDemoContent } from '../load-demo-content.ts'
import { syntheticCaseStudy, syntheticWorld, type SyntheticCaseStudy, type SyntheticPrinciple, type SyntheticWorld } from './generate.ts'

export interface LoadSyntheticOptions {
  count: number
  seed: number
  /** Case studies per transaction. */
  batchSize?: number
  /** After each batch: how many of the count are done (added or already there). */
  onProgress?: (done: number, total: number) => void
}

export interface LoadSyntheticResult {
  /** True when the database had no principles and the demo content was loaded first. */
  demoLoaded: boolean
  principles: number
  organisations: { added: number; existing: number }
  themes: { added: number; existing: number }
  caseStudies: { added: number; existing: number }
}

// Measured on 6,000 (PostgreSQL, busy machine): 250 a batch 21 s, 500 17 s, 1,000 22 s. Larger
// batches lose to a trigger that pairs each batch's old and new rows (quadratic in the batch).
export const SYNTHETIC_BATCH_SIZE = 500

/** What a written case study links to, by database id, with names as stored. */
interface Ids {
  organisations: NamedRef[]
  themes: NamedRef[]
  principles: readonly SyntheticPrinciple[]
}

async function databasePrinciples(db: Executor): Promise<SyntheticPrinciple[]> {
  const result = await db.execute<{ id: number; name: string }>(sql`SELECT id, short_name AS name FROM principles ORDER BY position, id`)
  return result.rows
}

/** Adds the seed's organisations and the themes where missing (by slug); returns every one's id. */
async function ensureOrganisationsAndThemes(tx: Executor, world: SyntheticWorld) {
  const organisations = world.organisations.map((o) => ({
    slug: o.slug,
    name: o.name,
    kind: o.kind,
    tier: o.tier,
    council_type: o.councilType,
    nation: o.nation,
    region: o.region,
    website: o.website,
  }))
  const orgJson = JSON.stringify(organisations)
  const addedOrganisations = await tx.execute(sql`
    INSERT INTO organisations (slug, name, kind, tier, council_type, nation, region, website)
    SELECT slug, name, kind, tier, council_type, nation, region, website
    FROM json_to_recordset(${orgJson}::json) AS t(slug text, name text, kind text, tier text, council_type text, nation text, region text, website text)
    ON CONFLICT (slug) DO NOTHING`)
  const orgRows = await tx.execute<{ id: number; slug: string; name: string }>(sql`
    SELECT id, slug, name FROM organisations WHERE slug IN (SELECT slug FROM json_to_recordset(${orgJson}::json) AS t(slug text))`)
  const orgBySlug = new Map(orgRows.rows.map((r) => [r.slug, { id: r.id, name: r.name }]))

  // A theme may already exist under the same name (the demo's) or the same slug: either is reused.
  const themeJson = JSON.stringify(world.themes)
  const addedThemes = await tx.execute(sql`
    INSERT INTO themes (slug, name) SELECT slug, name FROM json_to_recordset(${themeJson}::json) AS t(slug text, name text)
    ON CONFLICT DO NOTHING`)
  const themeRows = await tx.execute<{ id: number; slug: string; name: string }>(sql`
    SELECT id, slug, name FROM themes WHERE slug IN (SELECT slug FROM json_to_recordset(${themeJson}::json) AS t(slug text))
      OR name IN (SELECT name FROM json_to_recordset(${themeJson}::json) AS t(name text))`)
  const themes = world.themes.map((t) => {
    const row = themeRows.rows.find((r) => r.slug === t.slug) ?? themeRows.rows.find((r) => r.name === t.name)
    if (!row) throw new Error(`Theme “${t.name}” could not be stored`)
    return { id: row.id, name: row.name }
  })
  return {
    ids: {
      organisations: world.organisations.map((o) => {
        const row = orgBySlug.get(o.slug)
        if (!row) throw new Error(`Organisation ${o.slug} could not be stored`)
        return row
      }),
      themes,
    },
    organisations: { added: addedOrganisations.rowCount ?? 0, existing: world.organisations.length - (addedOrganisations.rowCount ?? 0) },
    themes: { added: addedThemes.rowCount ?? 0, existing: world.themes.length - (addedThemes.rowCount ?? 0) },
  }
}

/** The revision a case study starts with: the same shape snapshotFromRow reads back. */
export function snapshotOf(c: SyntheticCaseStudy, ids: Ids): CaseStudySnapshot {
  const org = (i: number) => ids.organisations[i]!
  return {
    title: c.title,
    summary: c.summary,
    body: c.body,
    kind: c.kind,
    yearStart: c.yearStart,
    yearEnd: c.yearEnd,
    outcomes: c.outcomes,
    principles: c.principles.map((i) => ({ id: ids.principles[i]!.id, name: ids.principles[i]!.name })),
    lead: org(c.lead),
    participants: c.participants.map(org),
    partners: c.partners.map(org),
    funders: c.funders.map(org),
    // As the app lists them: by name.
    themes: c.themes.map((i) => ids.themes[i]!.name).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    contact: null,
  }
}

/**
 * Writes one batch the way the editorial workflow would have left it: the row with its links and
 * search names, revision 1 holding the same content, and published rows pointing at revision 1.
 * Case studies whose slug is taken are skipped. Returns how many were added.
 */
async function writeBatch(db: Database, actor: AuditActor, batch: readonly SyntheticCaseStudy[], ids: Ids): Promise<number> {
  const slugs = JSON.stringify(batch.map((c) => c.slug))
  const taken = await db.execute<{ slug: string }>(sql`SELECT slug FROM case_studies WHERE slug IN (SELECT json_array_elements_text(${slugs}::json))`)
  const takenSlugs = new Set(taken.rows.map((r) => r.slug))
  const fresh = batch.filter((c) => !takenSlugs.has(c.slug))
  if (fresh.length === 0) return 0
  const snapshots = fresh.map((c) => snapshotOf(c, ids))
  const rows = fresh.map((c, i) => ({
    slug: c.slug,
    title: c.title,
    summary: c.summary,
    body: c.body,
    kind: c.kind,
    year_start: c.yearStart,
    year_end: c.yearEnd,
    outcomes: c.outcomes,
    search_extra: searchExtraOf(snapshots[i]!),
    published_revision: c.status === 'published' ? 1 : null,
    owner_organisation_id: ids.organisations[c.lead]!.id,
    created_at: c.createdAt,
    updated_at: c.publishedAt ?? c.createdAt,
    published_at: c.publishedAt,
  }))
  return db.transaction(async (tx) => {
    // Generated data can be made again: not waiting for each batch to reach the disk is safe.
    await tx.execute(sql`SET LOCAL synchronous_commit = off`)
    // One statement a table, each taking the whole batch as one JSON parameter (as insertDrafts
    // does). Inside the transaction one after another: PGlite serves a single connection.
    const inserted = await tx.execute<{ id: number; slug: string }>(sql`
      INSERT INTO case_studies (slug, title, summary, body, kind, status, year_start, year_end, outcomes, search_extra, revision, published_revision,
        review_state, owner_organisation_id, created_at, updated_at, published_at)
      SELECT slug, title, summary, body, kind, 'draft', year_start, year_end, outcomes, search_extra, 1, published_revision,
        'none', owner_organisation_id, created_at, updated_at, published_at
      FROM json_to_recordset(${JSON.stringify(rows)}::json) AS t(slug text, title text, summary text, body text, kind text,
        year_start int, year_end int, outcomes text, search_extra text, published_revision int, owner_organisation_id int,
        created_at timestamptz, updated_at timestamptz, published_at timestamptz)
      ON CONFLICT (slug) DO NOTHING
      RETURNING id, slug`)
    const idBySlug = new Map(inserted.rows.map((r) => [r.slug, r.id]))
    const written = fresh
      .map((c, i) => ({ c, s: snapshots[i]!, id: idBySlug.get(c.slug) }))
      .filter((w): w is { c: SyntheticCaseStudy; s: CaseStudySnapshot; id: number } => w.id !== undefined)
    if (written.length === 0) return 0

    const principleRows = written.flatMap(({ s, id }) => s.principles.map((p) => ({ c: id, p: p.id })))
    await tx.execute(sql`INSERT INTO case_study_principles (case_study_id, principle_id)
      SELECT c, p FROM json_to_recordset(${JSON.stringify(principleRows)}::json) AS t(c int, p int)`)
    // Lead, participants, partners, funders: positions in that order, as replaceCaseStudyLinks numbers them.
    const organisationRows = written.flatMap(({ s, id }) =>
      [
        ...[s.lead!].map((o) => ({ o: o.id, r: 'lead' })),
        ...s.participants.map((o) => ({ o: o.id, r: 'participant' })),
        ...s.partners.map((o) => ({ o: o.id, r: 'partner' })),
        ...s.funders.map((o) => ({ o: o.id, r: 'funder' })),
      ].map((link, position) => ({ c: id, ...link, p: position })),
    )
    await tx.execute(sql`INSERT INTO case_study_organisations (case_study_id, organisation_id, role, position)
      SELECT c, o, r, p FROM json_to_recordset(${JSON.stringify(organisationRows)}::json) AS t(c int, o int, r text, p int)`)
    const themeRows = written.flatMap(({ c, id }) => c.themes.map((i) => ({ c: id, t: ids.themes[i]!.id })))
    await tx.execute(sql`INSERT INTO case_study_themes (case_study_id, theme_id)
      SELECT c, t FROM json_to_recordset(${JSON.stringify(themeRows)}::json) AS t(c int, t int)`)
    const revisions = written.map(({ c, s, id }) => ({ c: id, s, at: c.createdAt }))
    await tx.execute(sql`INSERT INTO case_study_revisions (case_study_id, number, author_user_id, author_label, action, snapshot, created_at)
      SELECT c, 1, ${actor.id}::int, ${actor.label}, 'loaded', s, at FROM jsonb_to_recordset(${JSON.stringify(revisions)}::jsonb) AS t(c int, s jsonb, at timestamptz)`)
    // Published last, as an editor would: the triggers then build each row's search vectors and
    // facets once, with its links in place, instead of on insert and again after each kind of
    // link rewrote the row (6,000 on a busy machine: 16–20 s against 27–59 s).
    const published = written.filter(({ c }) => c.status === 'published').map(({ id }) => id)
    if (published.length > 0) {
      await tx.execute(sql`UPDATE case_studies SET status = 'published' WHERE id IN (SELECT json_array_elements_text(${JSON.stringify(published)}::json)::int)`)
    }
    return written.length
  })
}

/** Generates a batch a slice at a time, giving way between slices so the database's answers are not kept waiting. */
async function generateBatch(world: SyntheticWorld, from: number, to: number): Promise<SyntheticCaseStudy[]> {
  const out: SyntheticCaseStudy[] = []
  for (let i = from; i < to; i++) {
    out.push(syntheticCaseStudy(world, i))
    if ((i - from) % 50 === 49) await nextTurn()
  }
  return out
}

/**
 * `coophub demo --synthetic N --seed S`: loads N generated case studies (and the seed's
 * organisations and the themes) in batches of a transaction each. Running it again with the same
 * N and S adds nothing: rows whose slug exists are skipped, never updated, so an interrupted run
 * resumes where it stopped and edits made since are kept. A larger N adds only the new ones.
 */
export async function loadSynthetic(db: Database, actor: AuditActor, options: LoadSyntheticOptions): Promise<LoadSyntheticResult> {
  const batchSize = Math.max(1, options.batchSize ?? SYNTHETIC_BATCH_SIZE)
  let principles = await databasePrinciples(db)
  const demoLoaded = principles.length === 0
  if (demoLoaded) {
    await loadDemoContent(db)
    principles = await databasePrinciples(db)
  }
  const world = syntheticWorld(options.seed, principles)
  const stored = await db.transaction((tx) => ensureOrganisationsAndThemes(tx, world))
  const ids: Ids = { ...stored.ids, principles }

  let added = 0
  let analysedAt = batchSize / 2
  let next: Promise<SyntheticCaseStudy[]> | null = options.count > 0 ? generateBatch(world, 0, Math.min(batchSize, options.count)) : null
  for (let from = 0; next; from += batchSize) {
    const batch = await next
    const to = from + batch.length
    // The next batch is generated while this one is written.
    next = to < options.count ? generateBatch(world, to, Math.min(to + batchSize, options.count)) : null
    // Awaited on the next turn of the loop; until then a failure must not count as unhandled.
    next?.catch(() => undefined)
    added += await writeBatch(db, actor, batch, ids)
    // A fresh database has no statistics, and the triggers' lookups planned for empty tables
    // turn into scans as the tables grow (measured: 1,000/s falling to 110/s by 10,000). Refresh
    // them each time the load doubles what it has written: a dozen quick ANALYZEs for 100,000.
    if (added >= analysedAt * 2) {
      await db.execute(sql`ANALYZE case_studies, case_study_principles, case_study_organisations, case_study_themes, case_study_revisions`)
      analysedAt = added
    }
    options.onProgress?.(to, options.count)
  }
  if (added > 0) {
    await recordAudit(db, actor, {
      action: 'synthetic-content-loaded',
      subjectType: 'case-study',
      summary: `Loaded ${added} synthetic case studies (seed ${options.seed})`,
      changes: { seed: options.seed, count: options.count, added },
    })
  }
  return {
    demoLoaded,
    principles: principles.length,
    organisations: stored.organisations,
    themes: stored.themes,
    caseStudies: { added, existing: options.count - added },
  }
}
