import { and, eq, inArray, or } from 'drizzle-orm'
import { caseStudies, caseStudyRevisions, reviewComments, users } from '../../../db/schema/index.ts'
import type { Transaction } from '../../../db/unit-of-work.ts'
import { invalid, notFound, ok, refused, type Result } from '../../../lib/result.ts'
import { recordAudit, type AuditActor } from '../../audit/record-audit.ts'
import { changesRequestedEmail, languageOf } from '../../email/messages.ts'
import { queueEmail } from '../../email/outbox.ts'
import { canDo } from '../rules.ts'

/** Sends a submission back with the editor's comment; its officers and author are emailed. */
export async function requestChanges(
  tx: Transaction,
  actor: AuditActor,
  input: { caseStudyId: number; revision: number; comment: string; editUrl: string; networkName: string; authorName: string },
): Promise<Result<{ emailIds: number[] }>> {
  const comment = input.comment.trim()
  if (comment === '') return invalid([{ field: 'comment', message: 'review.error.comment.missing' }])
  if (comment.length > 5000) return invalid([{ field: 'comment', message: 'review.error.comment.tooLong', values: { max: 5000 } }])
  const [row] = await tx.select().from(caseStudies).where(eq(caseStudies.id, input.caseStudyId)).for('update')
  if (!row) return notFound()
  if (row.revision !== input.revision) return refused('review.refused.changedWhileReviewing')
  if (!canDo('request-changes', row)) return refused('review.refused.notWaiting')
  await tx.update(caseStudies).set({ reviewState: 'changes-requested', submittedAt: null }).where(eq(caseStudies.id, row.id))
  await tx
    .insert(reviewComments)
    .values({ caseStudyId: row.id, revisionNumber: row.revision, authorUserId: actor.id, authorLabel: input.authorName, body: comment })

  const authors = tx.select({ id: caseStudyRevisions.authorUserId }).from(caseStudyRevisions).where(eq(caseStudyRevisions.caseStudyId, row.id))
  const recipients = await tx
    .select({ email: users.email, name: users.name, language: users.language })
    .from(users)
    .where(
      and(
        eq(users.status, 'active'),
        or(
          row.ownerOrganisationId === null ? undefined : and(eq(users.role, 'officer'), eq(users.organisationId, row.ownerOrganisationId)),
          inArray(users.id, authors),
        ),
      ),
    )
  const emailIds: number[] = []
  for (const r of recipients) {
    emailIds.push(
      await queueEmail(tx, {
        to: r.email,
        ...changesRequestedEmail(languageOf(r.language), { name: r.name, network: input.networkName, title: row.title, comment, editLink: input.editUrl }),
      }),
    )
  }
  await recordAudit(tx, actor, {
    action: 'case-study-changes-requested',
    subjectType: 'case-study',
    subjectId: row.id,
    summary: `Asked for changes to “${row.title}”`,
    changes: { comment },
  })
  return ok({ emailIds })
}
