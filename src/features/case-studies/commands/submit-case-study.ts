import { eq } from 'drizzle-orm'
import { caseStudies } from '../../../db/schema/index.ts'
import type { Transaction } from '../../../db/unit-of-work.ts'
import { notFound, ok, refused, type Result } from '../../../lib/result.ts'
import { recordAudit, type AuditActor } from '../../audit/record-audit.ts'

/** Puts the working copy in the editors' review queue. Completeness is checked by the form first. */
export async function submitCaseStudy(tx: Transaction, actor: AuditActor, input: { caseStudyId: number; revision: number }): Promise<Result<{ submittedAt: Date }>> {
  const [row] = await tx.select().from(caseStudies).where(eq(caseStudies.id, input.caseStudyId)).for('update')
  if (!row) return notFound()
  if (row.revision !== input.revision) return refused('It was changed by someone else before it could be submitted. Check the latest version, then submit it again.')
  const submittedAt = new Date()
  await tx.update(caseStudies).set({ reviewState: 'submitted', submittedAt }).where(eq(caseStudies.id, row.id))
  await recordAudit(tx, actor, { action: 'case-study-submitted', subjectType: 'case-study', subjectId: row.id, summary: `Submitted revision ${row.revision} of “${row.title}” for review` })
  return ok({ submittedAt })
}
