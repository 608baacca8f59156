import { eq, sql } from 'drizzle-orm'
import { caseStudies } from '../../../db/schema/index.ts'
import type { Transaction } from '../../../db/unit-of-work.ts'
import { notFound, ok, refused, type Result } from '../../../lib/result.ts'
import { recordAudit, type AuditActor } from '../../audit/record-audit.ts'
import { applySnapshot } from '../../case-studies/commands/apply-snapshot.ts'
import { latestSnapshot } from '../../case-studies/revisions.ts'
import { canDo } from '../rules.ts'

/** Makes the latest revision the public version. `revision` is the one the editor reviewed. */
export async function publishCaseStudy(
  tx: Transaction,
  actor: AuditActor,
  input: { caseStudyId: number; revision: number },
): Promise<Result<{ revision: number }>> {
  const [row] = await tx.select().from(caseStudies).where(eq(caseStudies.id, input.caseStudyId)).for('update')
  if (!row) return notFound()
  if (row.revision !== input.revision) return refused('review.refused.changedBeforePublishing')
  if (!canDo('publish', row)) return refused('review.refused.nothingToPublish')
  const snapshot = await latestSnapshot(tx, row.id, row.revision)
  if (!snapshot) return notFound()
  await applySnapshot(tx, row.id, snapshot)
  await tx
    .update(caseStudies)
    .set({
      status: 'published',
      publishedRevision: row.revision,
      reviewState: 'none',
      submittedAt: null,
      publishedAt: sql`coalesce(${caseStudies.publishedAt}, now())`,
    })
    .where(eq(caseStudies.id, row.id))
  await recordAudit(tx, actor, {
    action: 'case-study-published',
    subjectType: 'case-study',
    subjectId: row.id,
    summary: `Published revision ${row.revision} of “${snapshot.title}”`,
  })
  return ok({ revision: row.revision })
}
