import { and, eq } from 'drizzle-orm'
import { callAssessors, calls, users } from '../../../db/schema/index.ts'
import type { Transaction } from '../../../db/unit-of-work.ts'
import { invalid, notFound, ok, refused, type Result } from '../../../lib/result.ts'
import { recordAudit, type AuditActor } from '../../audit/record-audit.ts'

/** Who to add: an account picked from the list (its id), or typed as an email address. */
export type AssessorPick = { userId: number } | { email: string }

/** Gives an active account the assessor's role for one call. */
export async function addAssessor(tx: Transaction, actor: AuditActor, input: { callId: number; pick: AssessorPick }): Promise<Result<{ userId: number }>> {
  const [call] = await tx.select().from(calls).where(eq(calls.id, input.callId)).for('update')
  if (!call) return notFound()
  if (call.status === 'decided') return refused('assessment.phase.decided')
  const field = 'userId' in input.pick ? 'userId' : 'email'
  if ('email' in input.pick && input.pick.email.trim() === '') return invalid([{ field: 'userId', message: 'assessment.assessors.pickMissing' }])
  const [user] = await tx
    .select()
    .from(users)
    .where('userId' in input.pick ? eq(users.id, input.pick.userId) : eq(users.email, input.pick.email.trim().toLowerCase()))
  if (!user) return invalid([{ field, message: field === 'email' ? 'assessment.assessors.noSuchEmail' : 'assessment.assessors.pickMissing' }])
  if (user.status !== 'active') return invalid([{ field, message: 'assessment.assessors.notActive' }])
  const added = await tx.insert(callAssessors).values({ callId: call.id, userId: user.id, addedByUserId: actor.id }).onConflictDoNothing().returning()
  if (added.length === 0) return invalid([{ field, message: 'assessment.assessors.already' }])
  await recordAudit(tx, actor, {
    action: 'assessor-added',
    subjectType: 'call',
    subjectId: call.id,
    summary: `Made ${user.email} an assessor of the call ${call.title}`,
  })
  return ok({ userId: user.id })
}

/**
 * Takes the role away. Their assessments are kept but no longer count on the panel (adding them
 * again brings them back).
 */
export async function removeAssessor(tx: Transaction, actor: AuditActor, input: { callId: number; userId: number }): Promise<Result<{ userId: number }>> {
  const [call] = await tx.select().from(calls).where(eq(calls.id, input.callId)).for('update')
  if (!call) return notFound()
  if (call.status === 'decided') return refused('assessment.phase.decided')
  const removed = await tx
    .delete(callAssessors)
    .where(and(eq(callAssessors.callId, call.id), eq(callAssessors.userId, input.userId)))
    .returning()
  if (removed.length === 0) return notFound()
  const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, input.userId))
  await recordAudit(tx, actor, {
    action: 'assessor-removed',
    subjectType: 'call',
    subjectId: call.id,
    summary: `${user?.email ?? 'An account'} no longer assesses the call ${call.title}`,
  })
  return ok({ userId: input.userId })
}
