import { eq } from 'drizzle-orm'
import type { RevisionAction } from '../../../db/schema/enums.ts'
import { caseStudies } from '../../../db/schema/index.ts'
import type { Transaction } from '../../../db/unit-of-work.ts'
import { conflicted, notFound, ok, type Result } from '../../../lib/result.ts'
import type { Actor } from '../../accounts/actor.ts'
import { auditActor } from '../../accounts/actor.ts'
import { recordAudit, type AuditActor } from '../../audit/record-audit.ts'
import { findRevision, latestSnapshot } from '../revisions.ts'
import { diffSnapshots, type CaseStudySnapshot } from '../snapshot.ts'
import { applySnapshot } from './apply-snapshot.ts'
import { recordRevision } from './record-revision.ts'

/** The version saved first, when a save is refused because it started from an older one. */
export interface NewerRevision {
  revision: number
  theirs: CaseStudySnapshot
  /** Who saved it, '' when no revision says. */
  theirAuthor: string
}

/**
 * Saves a new revision, unless someone saved since `baseRevision` was read: then nothing is
 * written and their version comes back (a `conflict`) for the person to compare and choose. A
 * published case study keeps showing its published version until an editor publishes the new one.
 */
export async function saveCaseStudy(
  tx: Transaction,
  actor: Actor | AuditActor,
  input: { caseStudyId: number; baseRevision: number; snapshot: CaseStudySnapshot; action?: RevisionAction },
): Promise<Result<{ revision: number; changed: boolean }, NewerRevision>> {
  const who: AuditActor = 'role' in actor ? auditActor(actor) : actor
  const isOfficer = 'role' in actor && actor.role === 'officer'
  const [row] = await tx.select().from(caseStudies).where(eq(caseStudies.id, input.caseStudyId)).for('update')
  if (!row) return notFound()
  const current = await latestSnapshot(tx, row.id, row.revision)
  if (row.revision !== input.baseRevision) {
    const latest = await findRevision(tx, row.id, row.revision)
    return conflicted('case study', { revision: row.revision, theirs: current!, theirAuthor: latest?.authorLabel ?? '' })
  }
  const changes = diffSnapshots(current, input.snapshot)
  if (changes.length === 0 && input.action !== 'restored') return ok({ revision: row.revision, changed: false })

  const revision = row.revision + 1
  await recordRevision(tx, { caseStudyId: row.id, number: revision, actor: who, action: input.action ?? 'saved', snapshot: input.snapshot })
  // An officer's edit withdraws a submission: the editor should review what is there now.
  const reviewState = isOfficer && row.reviewState === 'submitted' ? 'none' : row.reviewState
  await tx.update(caseStudies).set({ revision, reviewState, updatedAt: new Date() }).where(eq(caseStudies.id, row.id))
  if (row.status !== 'published') await applySnapshot(tx, row.id, input.snapshot)
  await recordAudit(tx, who, {
    action: input.action === 'restored' ? 'case-study-restored' : 'case-study-saved',
    subjectType: 'case-study',
    subjectId: row.id,
    summary: `${input.action === 'restored' ? 'Restored an earlier version of' : 'Saved'} “${input.snapshot.title}” as revision ${revision}`,
    changes: Object.fromEntries(changes.map((c) => [c.key, { before: c.before.slice(0, 500), after: c.after.slice(0, 500) }])),
  })
  return ok({ revision, changed: true })
}
