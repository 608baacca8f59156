import { eq } from 'drizzle-orm'
import { bidComments, bids } from '../../../db/schema/index.ts'
import type { Transaction } from '../../../db/unit-of-work.ts'
import { invalid, notFound, ok, refused, type Result } from '../../../lib/result.ts'
import type { Actor } from '../../accounts/actor.ts'
import { auditActor } from '../../accounts/actor.ts'
import { recordAudit } from '../../audit/record-audit.ts'
import { commentBodyProblems, replyRefusal } from '../rules/comments.ts'
import { bidCommentedEmail, emailLeadOfficers } from '../social-emails.ts'

export interface AddCommentInput {
  bidId: number
  /** The comment answered; null starts a thread. */
  parentId: number | null
  body: string
  now: Date
  baseUrl: string
  network: string
}

/**
 * A comment on a submitted bid, or a reply to one of its threads. Stored as typed (trimmed): it is
 * plain text, escaped wherever it is shown. The lead's officers are emailed, but its author.
 */
export async function addComment(tx: Transaction, actor: Actor, input: AddCommentInput): Promise<Result<{ id: number; emailIds: number[] }>> {
  const problems = commentBodyProblems(input.body)
  if (problems.length > 0) return invalid(problems)
  const [bid] = await tx.select().from(bids).where(eq(bids.id, input.bidId))
  if (!bid) return notFound()
  if (bid.status !== 'submitted') return refused('bidSocial.comments.notSubmitted')
  if (input.parentId !== null) {
    const [parent] = await tx.select().from(bidComments).where(eq(bidComments.id, input.parentId))
    const refusal = replyRefusal(parent ?? null, bid.id)
    if (refusal) return refused(refusal, 'body')
  }
  const body = input.body.trim()
  const [row] = await tx
    .insert(bidComments)
    .values({
      bidId: bid.id,
      parentId: input.parentId,
      authorUserId: actor.id,
      authorOrganisationId: actor.organisationId,
      authorLabel: actor.name,
      body,
      createdAt: input.now,
    })
    .returning({ id: bidComments.id })
  const emailIds = await emailLeadOfficers(tx, bid.leadOrganisationId, actor.id, (locale, name) =>
    bidCommentedEmail(locale, {
      name,
      author: actor.name,
      title: bid.title,
      comment: body,
      link: `${input.baseUrl}/bids/${bid.id}#comment-${row!.id}`,
      network: input.network,
    }),
  )
  await recordAudit(tx, auditActor(actor), {
    action: 'bid-commented',
    subjectType: 'bid',
    subjectId: bid.id,
    summary: `${input.parentId === null ? 'Commented on' : 'Replied to a comment on'} the bid ${bid.title}`,
  })
  return ok({ id: row!.id, emailIds })
}
