import { eq } from 'drizzle-orm'
import { caseStudies } from '../../../db/schema/index.ts'
import type { Transaction } from '../../../db/unit-of-work.ts'
import { notFound, ok, refused, type Result } from '../../../lib/result.ts'
import { recordAudit, type AuditActor } from '../../audit/record-audit.ts'
import { canDo } from '../rules.ts'

/** Takes a case study off the public site (back to draft), or archives it. Nothing is deleted. */
export async function changePublication(
  tx: Transaction,
  actor: AuditActor,
  input: { caseStudyId: number; to: 'unpublish' | 'archive' },
): Promise<Result<{ status: 'draft' | 'archived' }>> {
  const [row] = await tx.select().from(caseStudies).where(eq(caseStudies.id, input.caseStudyId)).for('update')
  if (!row) return notFound()
  if (!canDo(input.to, row)) return refused(input.to === 'archive' ? 'review.refused.alreadyArchived' : 'review.refused.notPublished')
  const status = input.to === 'archive' ? 'archived' : 'draft'
  await tx
    .update(caseStudies)
    .set(status === 'archived' ? { status, publishedRevision: null, reviewState: 'none', submittedAt: null } : { status, publishedRevision: null })
    .where(eq(caseStudies.id, row.id))
  await recordAudit(tx, actor, {
    action: status === 'archived' ? 'case-study-archived' : 'case-study-unpublished',
    subjectType: 'case-study',
    subjectId: row.id,
    summary: `${status === 'archived' ? 'Archived' : 'Unpublished'} “${row.title}”`,
  })
  return ok({ status })
}
