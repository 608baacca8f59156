import { and, eq, inArray, ne } from 'drizzle-orm'
import { caseStudies, users } from '../../../db/schema/index.ts'
import type { Transaction } from '../../../db/unit-of-work.ts'
import { notFound, ok, refused, type Result } from '../../../lib/result.ts'
import { recordAudit, type AuditActor } from '../../audit/record-audit.ts'
import { languageOf, submittedEmail } from '../../email/messages.ts'
import { queueEmail } from '../../email/outbox.ts'

export interface SubmitInput {
  caseStudyId: number
  revision: number
  /** The review page's address, for the editors' email. */
  reviewUrl: string
  networkName: string
  /** Who submitted it, as the editors' email names them. */
  submitterName: string
}

/**
 * Puts the working copy in the editors' review queue and emails the editors who asked to hear of
 * each submission at once (the others get the hourly digest). Completeness is checked by the form first.
 */
export async function submitCaseStudy(tx: Transaction, actor: AuditActor, input: SubmitInput): Promise<Result<{ submittedAt: Date; emailIds: number[] }>> {
  const [row] = await tx.select().from(caseStudies).where(eq(caseStudies.id, input.caseStudyId)).for('update')
  if (!row) return notFound()
  if (row.revision !== input.revision) return refused('editing.error.submitConflict')
  const submittedAt = new Date()
  await tx.update(caseStudies).set({ reviewState: 'submitted', submittedAt }).where(eq(caseStudies.id, row.id))
  await recordAudit(tx, actor, {
    action: 'case-study-submitted',
    subjectType: 'case-study',
    subjectId: row.id,
    summary: `Submitted revision ${row.revision} of “${row.title}” for review`,
  })
  const editors = await tx
    .select({ email: users.email, name: users.name, language: users.language })
    .from(users)
    .where(
      and(
        inArray(users.role, ['editor', 'admin']),
        eq(users.status, 'active'),
        eq(users.submissionEmails, 'each'),
        actor.id === null ? undefined : ne(users.id, actor.id),
      ),
    )
  const emailIds: number[] = []
  for (const editor of editors) {
    emailIds.push(
      await queueEmail(tx, {
        to: editor.email,
        ...submittedEmail(languageOf(editor.language), {
          name: editor.name,
          network: input.networkName,
          submitter: input.submitterName,
          title: row.title,
          reviewLink: input.reviewUrl,
        }),
      }),
    )
  }
  return ok({ submittedAt, emailIds })
}
