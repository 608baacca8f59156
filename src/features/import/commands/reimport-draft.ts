import { eq } from 'drizzle-orm'
import type { Database } from '../../../db/client.ts'
import { inTransaction } from '../../../db/unit-of-work.ts'
import { notFound, ok } from '../../../lib/result.ts'
import { caseStudies } from '../../../db/schema/index.ts'
import type { AuditActor } from '../../audit/record-audit.ts'
import { saveCaseStudy } from '../../case-studies/commands/save-case-study.ts'
import type { ImportSession } from '../import-session.ts'
import { finishSnapshot, planDraft } from '../plan-draft.ts'
import type { Reading } from '../types.ts'
import { createOrganisations, type CreatedOrganisation } from './create-organisations.ts'

export type ReimportResult = { status: 'updated' | 'unchanged'; published: boolean; warnings: string[] } | { status: 'failed'; error: string }

/**
 * A document imported before, read again with different text: saved as a new revision of the
 * same case study through saveCaseStudy, so a published case study keeps its public version until
 * an editor publishes the new one, and the history keeps every earlier version.
 */
export async function reimportDraft(
  db: Database,
  actor: AuditActor,
  session: ImportSession,
  input: { caseStudyId: number; reading: Reading; sourceUrl: string | null; source: string },
): Promise<ReimportResult> {
  const plan = planDraft(input.reading, session)
  let created: CreatedOrganisation[] = []
  // The organisations it names and the new revision are one unit: a refused save creates nothing.
  const result = await inTransaction(db, async (tx) => {
    created = await createOrganisations(tx, actor, plan.newOrganisations, (name) => session.organisationSlug(name), input.source)
    const snapshot = finishSnapshot(plan, new Map(created.map((c) => [c.organisation.key, c.ref])))
    const [row] = await tx
      .select({ revision: caseStudies.revision, status: caseStudies.status, stage: caseStudies.stage })
      .from(caseStudies)
      .where(eq(caseStudies.id, input.caseStudyId))
    if (!row) return notFound()
    const saved = await saveCaseStudy(tx, actor, { caseStudyId: input.caseStudyId, baseRevision: row.revision, snapshot, action: 'imported' })
    if (!saved.ok) return saved
    // Remembered even when nothing else changed, so the next run finds it by this text at once.
    await tx
      .update(caseStudies)
      .set({ contentHash: input.reading.contentHash, ...(input.sourceUrl ? { sourceUrl: input.sourceUrl } : {}), ...(plan.stage ? { stage: plan.stage } : {}) })
      .where(eq(caseStudies.id, input.caseStudyId))
    // The stage lives beside the revisions, so a new stage alone changes the case study too.
    const stageChanged = plan.stage !== null && plan.stage !== row.stage
    return ok({ changed: saved.value.changed || stageChanged, published: row.status === 'published' })
  })
  if (!result.ok) {
    const error =
      result.reason === 'conflict' && result.current
        ? `Someone saved the case study while it was being imported (by ${result.current.theirAuthor}); run the import again.`
        : 'The case study it was imported as has been deleted meanwhile; import it again.'
    return { status: 'failed', error }
  }
  // Committed: only now does the session learn the new organisations.
  for (const c of created) session.rememberCreated(c.organisation, c.ref, c.slug)
  return {
    status: result.value.changed ? 'updated' : 'unchanged',
    published: result.value.published,
    warnings: plan.warnings.map((w) => `${w.field}: ${w.message}`),
  }
}
