import { eq } from 'drizzle-orm'
import { submissionEmailChoices, type SubmissionEmailChoice } from '../../../db/schema/enums.ts'
import { users } from '../../../db/schema/index.ts'
import type { Transaction } from '../../../db/unit-of-work.ts'
import { invalid, ok, type Result } from '../../../lib/result.ts'
import { recordAudit } from '../../audit/record-audit.ts'
import type { Actor } from '../actor.ts'
import { auditActor } from '../actor.ts'

/**
 * An editor's choice of how to hear of submissions. Switching to the digest starts it from now:
 * the first digest is of what is submitted from here on, not of everything before.
 */
export async function chooseSubmissionEmails(tx: Transaction, actor: Actor, input: { choice: string }): Promise<Result<{ choice: SubmissionEmailChoice }>> {
  const choice = submissionEmailChoices.find((c) => c === input.choice)
  if (!choice) return invalid([{ field: 'submissionEmails', message: 'account.submissionEmails.errorRequired' }])
  const [current] = await tx.select({ choice: users.submissionEmails }).from(users).where(eq(users.id, actor.id)).for('update')
  if (!current || current.choice === choice) return ok({ choice })
  await tx
    .update(users)
    .set({ submissionEmails: choice, ...(choice === 'hourly' ? { lastDigestAt: new Date() } : {}) })
    .where(eq(users.id, actor.id))
  await recordAudit(tx, auditActor(actor), {
    action: 'submission-emails-chosen',
    subjectType: 'user',
    subjectId: actor.id,
    summary: choice === 'hourly' ? 'Chose an hourly digest of submissions' : 'Chose an email for each submission',
    changes: { submissionEmails: { before: current.choice, after: choice } },
  })
  return ok({ choice })
}
