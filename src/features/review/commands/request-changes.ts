import { and, eq, inArray, or } from 'drizzle-orm'
import type { Database } from '../../../db/client.ts'
import { caseStudies, caseStudyRevisions, reviewComments, users } from '../../../db/schema/index.ts'
import type { FieldError } from '../../../web/forms.ts'
import type { AuditActor } from '../../accounts/actor.ts'
import { recordAudit } from '../../audit/record-audit.ts'
import { queueEmail } from '../../email/outbox.ts'
import { canDo } from '../rules.ts'

export type RequestChangesResult = { ok: true; emailIds: number[] } | { ok: false; errors: FieldError[] } | { ok: false; reason: string }

/** Sends a submission back with the editor's comment; its officers and author are emailed. */
export async function requestChanges(
  db: Database,
  actor: AuditActor,
  input: { caseStudyId: number; revision: number; comment: string; editUrl: string; networkName: string },
): Promise<RequestChangesResult> {
  const comment = input.comment.trim()
  if (comment === '') return { ok: false, errors: [{ field: 'comment', message: 'Enter what needs to change' }] }
  if (comment.length > 5000) return { ok: false, errors: [{ field: 'comment', message: 'Comment must be 5,000 characters or fewer' }] }
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(caseStudies).where(eq(caseStudies.id, input.caseStudyId)).for('update')
    if (!row) return { ok: false as const, reason: 'not found' }
    if (row.revision !== input.revision) return { ok: false as const, reason: 'It was changed while you were reviewing it. Review the latest version first.' }
    if (!canDo('request-changes', row)) return { ok: false as const, reason: 'It is not waiting for review.' }
    await tx.update(caseStudies).set({ reviewState: 'changes-requested', submittedAt: null }).where(eq(caseStudies.id, row.id))
    await tx.insert(reviewComments).values({ caseStudyId: row.id, revisionNumber: row.revision, authorUserId: actor.id, authorLabel: actor.label, body: comment })

    const authors = tx.select({ id: caseStudyRevisions.authorUserId }).from(caseStudyRevisions).where(eq(caseStudyRevisions.caseStudyId, row.id))
    const recipients = await tx
      .select({ email: users.email, name: users.name })
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
          subject: `Changes requested: ${row.title}`,
          body: [`Hello ${r.name},`, '', `An editor of ${input.networkName} has asked for changes to “${row.title}” before it can be published:`, '', comment, '', `Edit it here: ${input.editUrl}`].join('\n'),
        }),
      )
    }
    await recordAudit(tx, actor, { action: 'case-study-changes-requested', subjectType: 'case-study', subjectId: row.id, summary: `Asked for changes to “${row.title}”`, changes: { comment } })
    return { ok: true as const, emailIds }
  })
}
