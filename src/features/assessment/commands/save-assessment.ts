import { and, eq } from 'drizzle-orm'
import { assessmentScores, assessments, bids, calls } from '../../../db/schema/index.ts'
import type { Transaction } from '../../../db/unit-of-work.ts'
import { conflicted, invalid, notFound, ok, refused, type Result } from '../../../lib/result.ts'
import { recordAudit, type AuditActor } from '../../audit/record-audit.ts'
import { assessorIdsOf, conflictWith, listCriteria, listSubmittedBids } from '../queries.ts'
import { assessmentRefusal } from '../rules/phase.ts'
import { readScores, type ScoreInput } from '../rules/scores.ts'

export interface SaveAssessmentInput extends ScoreInput {
  bidId: number
  assessor: { userId: number; organisationId: number | null }
  /** The assessment's revision as the form saw it; '0' for a form opened before any was saved. */
  revision: string
  submit: boolean
  now: Date
}

/**
 * Saves an assessor's scores as a draft, or submits them (every criterion scored). A submitted
 * assessment can still be changed, and stays submitted, until the call is decided. Each save
 * raises the revision: a form opened on an older one is told and shown the newer scores.
 */
export async function saveAssessment(tx: Transaction, actor: AuditActor, input: SaveAssessmentInput): Promise<Result<{ id: number; submitted: boolean }>> {
  const [bid] = await tx.select().from(bids).where(eq(bids.id, input.bidId)).for('update')
  if (!bid || bid.status !== 'submitted') return notFound()
  const [call] = await tx.select().from(calls).where(eq(calls.id, bid.callId))
  if (!call || !(await assessorIdsOf(tx, call.id)).includes(input.assessor.userId)) return notFound()
  const shown = (await listSubmittedBids(tx, call.id)).find((b) => b.id === bid.id)!
  if (conflictWith(input.assessor, shown)) return refused('assessment.conflict.refused')
  const phase = assessmentRefusal(call, input.now)
  if (phase) return refused(phase)
  const criteria = await listCriteria(tx, call.id)
  if (criteria.length === 0) return refused('assessment.score.noCriteria')

  const [existing] = await tx
    .select()
    .from(assessments)
    .where(and(eq(assessments.bidId, bid.id), eq(assessments.assessorUserId, input.assessor.userId)))
    .for('update')
  if (String(existing?.revision ?? 0) !== input.revision.trim()) return conflicted('assessment')
  // Once submitted, an assessment stays complete: saving it again checks every score too.
  const submitting = input.submit || Boolean(existing?.submittedAt)
  const { value, errors } = readScores(input, criteria, submitting)
  if (errors.length > 0) return invalid(errors)

  const submittedAt = submitting ? (existing?.submittedAt ?? input.now) : null
  let id: number
  if (existing) {
    id = existing.id
    await tx
      .update(assessments)
      .set({ comment: value.comment, submittedAt, revision: existing.revision + 1, updatedAt: input.now })
      .where(eq(assessments.id, existing.id))
    await tx.delete(assessmentScores).where(eq(assessmentScores.assessmentId, existing.id))
  } else {
    const [row] = await tx
      .insert(assessments)
      .values({ bidId: bid.id, assessorUserId: input.assessor.userId, comment: value.comment, submittedAt, createdAt: input.now, updatedAt: input.now })
      .returning({ id: assessments.id })
    id = row!.id
  }
  if (value.scores.length > 0) await tx.insert(assessmentScores).values(value.scores.map((s) => ({ assessmentId: id, ...s })))
  await recordAudit(tx, actor, {
    action: submitting ? 'assessment-submitted' : 'assessment-saved',
    subjectType: 'bid',
    subjectId: bid.id,
    summary: `${submitting ? 'Submitted' : 'Saved a draft of'} an assessment of the bid ${bid.title}`,
  })
  return ok({ id, submitted: submitting })
}
