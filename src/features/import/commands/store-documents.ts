import type { Database } from '../../../db/client.ts'
import type { AuditActor } from '../../audit/record-audit.ts'
import type { ImportSession } from '../import-session.ts'
import { finishSnapshot, planDraft } from '../plan-draft.ts'
import { findImported } from '../queries.ts'
import type { ExistingCaseStudy, LikelyDuplicate } from '../queries.ts'
import type { Reading } from '../types.ts'
import { createOrganisations } from './create-organisations.ts'
import { insertDrafts } from './insert-drafts.ts'
import type { NewDraft } from './insert-drafts.ts'
import { reimportDraft } from './reimport-draft.ts'

export interface ImportDocument {
  /** The file as the person named it, for messages. */
  file: string
  /** Where it came from, to find it again on a re-import: an absolute path or a page's URL. */
  sourceUrl: string | null
  reading: Reading
}

export type StoredStatus = 'imported' | 'updated' | 'unchanged'

export type Outcome =
  | { file: string; status: StoredStatus; slug: string; title: string; warnings: string[]; duplicates: LikelyDuplicate[]; published: boolean }
  | { file: string; status: 'failed'; error: string }

type Known = Pick<ExistingCaseStudy, 'id' | 'slug' | 'title' | 'status' | 'sourceUrl' | 'contentHash'>

const warningsOf = (r: Reading) => r.warnings.map((w) => `${w.field}: ${w.message}`)
const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 300)

/**
 * Stores batches of read documents as drafts. New documents of a batch go in with one
 * transaction of multi-row statements; if that fails, each is retried alone so one bad document
 * costs only itself. Documents imported before (same source or same text) are updated in place.
 */
export class DocumentStore {
  private readonly bySource = new Map<string, Known>()
  private readonly byHash = new Map<string, Known>()

  constructor(
    private readonly db: Database,
    private readonly actor: AuditActor,
    private session: ImportSession,
    /** A fresh session from the database, after a failed write left the cached one doubtful. */
    private readonly reload: () => Promise<ImportSession>,
  ) {}

  get currentSession(): ImportSession {
    return this.session
  }

  async store(batch: readonly ImportDocument[]): Promise<Outcome[]> {
    const unknown = (d: ImportDocument) => (!d.sourceUrl || !this.bySource.has(d.sourceUrl)) && !this.byHash.has(d.reading.contentHash)
    const ask = batch.filter(unknown)
    for (const row of await findImported(
      this.db,
      ask.flatMap((d) => (d.sourceUrl ? [d.sourceUrl] : [])),
      ask.map((d) => d.reading.contentHash),
    ))
      this.know(row)

    const fresh: ImportDocument[] = []
    const later: ImportDocument[] = []
    const claimed = new Set<string>()
    for (const d of batch) {
      const keys = [`h:${d.reading.contentHash}`, ...(d.sourceUrl ? [`s:${d.sourceUrl}`] : [])]
      // A second copy in the same batch waits until the first is stored, then finds it.
      if (keys.some((k) => claimed.has(k)) || this.existing(d)) later.push(d)
      else fresh.push(d)
      for (const k of keys) claimed.add(k)
    }
    const outcomes = new Map<ImportDocument, Outcome>()
    for (const [d, o] of await this.storeNew(fresh)) outcomes.set(d, o)
    for (const d of later) outcomes.set(d, await this.storeAgain(d))
    return batch.map((d) => outcomes.get(d)!)
  }

  private existing(d: ImportDocument): Known | undefined {
    return (d.sourceUrl ? this.bySource.get(d.sourceUrl) : undefined) ?? this.byHash.get(d.reading.contentHash)
  }

  private know(row: Known): void {
    if (row.sourceUrl && !this.bySource.has(row.sourceUrl)) this.bySource.set(row.sourceUrl, row)
    if (row.contentHash && !this.byHash.has(row.contentHash)) this.byHash.set(row.contentHash, row)
  }

  private async storeNew(docs: ImportDocument[]): Promise<Array<[ImportDocument, Outcome]>> {
    if (docs.length === 0) return []
    try {
      return await this.writeNew(docs)
    } catch (error) {
      if (docs.length === 1) return [[docs[0]!, { file: docs[0]!.file, status: 'failed', error: reasonOf(error) }]]
      // The batch was rolled back. The session only learns of rows after a commit, but the
      // database may have changed under it (an organisation deleted meanwhile): reload it once,
      // then store the documents one at a time so only the bad one fails.
      this.session = await this.reload()
      const results: Array<[ImportDocument, Outcome]> = []
      for (const d of docs) results.push(...(await this.storeNew([d])))
      return results
    }
  }

  private async writeNew(docs: ImportDocument[]): Promise<Array<[ImportDocument, Outcome]>> {
    const session = this.session
    const plans = docs.map((d) => planDraft(d.reading, session))
    const { created, inserted, drafts } = await this.db.transaction(async (tx) => {
      // The commit waits for the disk (no asynchronous commit): the command prints a document as
      // imported once this returns, and the embedded database dies with the process, so a batch
      // said to be stored must survive a kill (import-killed.test.ts). It costs about 5 %.
      const source = docs.length === 1 ? docs[0]!.file : `${docs.length} documents`
      const created = await createOrganisations(
        tx,
        this.actor,
        plans.flatMap((p) => p.newOrganisations),
        (name) => session.organisationSlug(name),
        source,
      )
      const refs = new Map(created.map((c) => [c.organisation.key, c.ref]))
      const drafts: NewDraft[] = plans.map((plan, i) => {
        const snapshot = finishSnapshot(plan, refs)
        const d = docs[i]!
        return {
          snapshot,
          slug: session.caseStudySlug(snapshot.title),
          ownerOrganisationId: snapshot.lead?.id ?? null,
          sourceUrl: d.sourceUrl,
          contentHash: d.reading.contentHash,
          stage: plan.stage,
          source: d.file,
        }
      })
      return { created, inserted: await insertDrafts(tx, this.actor, session, drafts), drafts }
    })
    // Committed: only now does the session learn the new rows, so a rolled-back id never lingers.
    for (const c of created) session.rememberCreated(c.organisation, c.ref, c.slug)
    for (const p of inserted.people) session.rememberPerson(p.name, p.organisationId, p.id)
    return docs.map((d, i) => {
      const { id, slug } = inserted.drafts[i]!
      const s = drafts[i]!.snapshot
      this.know({ id, slug, title: s.title, status: 'draft', sourceUrl: d.sourceUrl, contentHash: d.reading.contentHash })
      // Each draft is compared with everything before it, this run's earlier drafts included.
      const entry = { id, slug, title: s.title, leadId: s.lead?.id ?? null, year: s.yearStart }
      const mine: LikelyDuplicate[] = session.titles.find(entry).map((m) => ({ id: m.id, slug: m.slug, title: m.title, reason: m.reason }))
      session.titles.add(entry)
      const warnings = [...warningsOf(d.reading), ...plans[i]!.warnings.map((w) => `${w.field}: ${w.message}`), ...mine.map(duplicateWarning)]
      return [d, { file: d.file, status: 'imported', slug, title: s.title, warnings, duplicates: mine, published: false }]
    })
  }

  private async storeAgain(d: ImportDocument): Promise<Outcome> {
    const known = this.existing(d)
    if (!known) return (await this.storeNew([d]))[0]![1]
    const base = {
      file: d.file,
      slug: known.slug,
      title: known.title,
      warnings: warningsOf(d.reading),
      duplicates: [],
      published: known.status === 'published',
    }
    if (known.contentHash === d.reading.contentHash) return { ...base, status: 'unchanged' }
    try {
      const result = await reimportDraft(this.db, this.actor, this.session, {
        caseStudyId: known.id,
        reading: d.reading,
        sourceUrl: d.sourceUrl,
        source: d.file,
      })
      if (result.status === 'failed') return { file: d.file, status: 'failed', error: result.error }
      this.byHash.set(d.reading.contentHash, known)
      return { ...base, status: result.status, published: result.published, warnings: [...base.warnings, ...result.warnings] }
    } catch (error) {
      return { file: d.file, status: 'failed', error: reasonOf(error) }
    }
  }
}

export function duplicateWarning(d: LikelyDuplicate): string {
  const why = d.reason === 'title' ? 'a very similar title' : 'the same lead member and year'
  return `title: Likely duplicate of “${d.title}” (/case-studies/${d.slug}), which has ${why}; check before publishing.`
}
