import { eq } from 'drizzle-orm'
import type { Database } from '../../../db/client.ts'
import type { RevisionAction } from '../../../db/schema/enums.ts'
import { caseStudies } from '../../../db/schema/index.ts'
import type { Actor, AuditActor } from '../../accounts/actor.ts'
import { auditActor } from '../../accounts/actor.ts'
import { recordAudit } from '../../audit/record-audit.ts'
import { findRevision, latestSnapshot } from '../revisions.ts'
import { diffSnapshots, type CaseStudySnapshot } from '../snapshot.ts'
import { applySnapshot } from './apply-snapshot.ts'
import { recordRevision } from './record-revision.ts'

export type SaveResult =
  | { ok: true; revision: number; changed: boolean }
  | { ok: false; conflict: { revision: number; theirs: CaseStudySnapshot; theirAuthor: string } }
  | { ok: false; notFound: true }

/**
 * Saves a new revision, unless someone saved since `baseRevision` was read: then nothing is
 * written and both versions come back for the person to choose. A published case study keeps
 * showing its published version until an editor publishes the new one.
 */
export async function saveCaseStudy(
  db: Database,
  actor: Actor | AuditActor,
  input: { caseStudyId: number; baseRevision: number; snapshot: CaseStudySnapshot; action?: RevisionAction },
): Promise<SaveResult> {
  const who: AuditActor = 'role' in actor ? auditActor(actor) : actor
  const isOfficer = 'role' in actor && actor.role === 'officer'
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(caseStudies).where(eq(caseStudies.id, input.caseStudyId)).for('update')
    if (!row) return { ok: false as const, notFound: true as const }
    const current = await latestSnapshot(tx, row.id, row.revision)
    if (row.revision !== input.baseRevision) {
      const latest = await findRevision(tx, row.id, row.revision)
      return { ok: false as const, conflict: { revision: row.revision, theirs: current!, theirAuthor: latest?.authorLabel ?? 'someone' } }
    }
    const changes = diffSnapshots(current, input.snapshot)
    if (changes.length === 0 && input.action !== 'restored') return { ok: true as const, revision: row.revision, changed: false }

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
    return { ok: true as const, revision, changed: true }
  })
}
