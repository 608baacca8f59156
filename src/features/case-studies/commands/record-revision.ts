import { eq, sql } from 'drizzle-orm'
import type { Executor } from '../../../db/client.ts'
import type { RevisionAction } from '../../../db/schema/enums.ts'
import { caseStudies, caseStudyRevisions } from '../../../db/schema/index.ts'
import { findRevision, snapshotFromRow } from '../revisions.ts'
import { diffSnapshots } from '../snapshot.ts'
import type { AuditActor } from '../../audit/record-audit.ts'
import type { CaseStudySnapshot } from '../snapshot.ts'

export async function recordRevision(
  tx: Executor,
  input: { caseStudyId: number; number: number; actor: AuditActor; action: RevisionAction; snapshot: CaseStudySnapshot },
): Promise<void> {
  await tx.insert(caseStudyRevisions).values({
    caseStudyId: input.caseStudyId,
    number: input.number,
    authorUserId: input.actor.id,
    authorLabel: input.actor.label,
    action: input.action,
    snapshot: input.snapshot,
  })
}

/**
 * After content was written straight to the row (demo content, imports), keeps a revision of it
 * when it differs from the latest one, and marks it as the public version if it is published.
 */
export async function recordRowAsRevision(tx: Executor, caseStudyId: number, actor: AuditActor, action: RevisionAction): Promise<number> {
  const [row] = await tx.select().from(caseStudies).where(eq(caseStudies.id, caseStudyId))
  if (!row) throw new Error(`No case study ${caseStudyId}`)
  const snapshot = await snapshotFromRow(tx, caseStudyId)
  const latest = await findRevision(tx, caseStudyId, row.revision)
  let number = row.revision
  if (!latest || diffSnapshots(latest.snapshot, snapshot!).length > 0) {
    const [max] = await tx
      .select({ n: sql<number>`coalesce(max(${caseStudyRevisions.number}), 0)::int` })
      .from(caseStudyRevisions)
      .where(eq(caseStudyRevisions.caseStudyId, caseStudyId))
    number = (max?.n ?? 0) + 1
    await recordRevision(tx, { caseStudyId, number, actor, action, snapshot: snapshot! })
  }
  await tx
    .update(caseStudies)
    .set({ revision: number, publishedRevision: row.status === 'published' ? number : null })
    .where(eq(caseStudies.id, caseStudyId))
  return number
}
