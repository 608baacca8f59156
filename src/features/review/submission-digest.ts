import { and, asc, eq, gt, inArray, isNull, lt, or, sql } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'
import { caseStudies, users } from '../../db/schema/index.ts'
import { digestEmail, languageOf } from '../email/messages.ts'
import { queueEmail } from '../email/outbox.ts'

/** At most one digest an hour per editor. */
export const digestEveryMs = 60 * 60_000

/**
 * The hourly digest of submissions for each editor who chose it: the case studies submitted since
 * their last digest. Each editor's digest is its own transaction with their row locked (and
 * skipped if another instance holds it), so two instances never send one twice. Returns the
 * emails queued, for the caller to deliver.
 */
export async function queueSubmissionDigests(db: Database, site: { baseUrl: string; networkName: string }, now = new Date()): Promise<number[]> {
  const due = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        inArray(users.role, ['editor', 'admin']),
        eq(users.status, 'active'),
        eq(users.submissionEmails, 'hourly'),
        or(isNull(users.lastDigestAt), lt(users.lastDigestAt, new Date(now.getTime() - digestEveryMs))),
      ),
    )
  const emailIds: number[] = []
  for (const { id } of due) {
    const queued = await db.transaction(async (tx) => {
      const [editor] = await tx.select().from(users).where(eq(users.id, id)).for('update', { skipLocked: true })
      if (!editor || editor.submissionEmails !== 'hourly') return null
      if (editor.lastDigestAt && editor.lastDigestAt.getTime() > now.getTime() - digestEveryMs) return null
      const since = editor.lastDigestAt ?? new Date(now.getTime() - digestEveryMs)
      const submitted = await tx
        .select({ slug: caseStudies.slug, title: caseStudies.title, submittedAt: caseStudies.submittedAt })
        .from(caseStudies)
        .where(and(eq(caseStudies.reviewState, 'submitted'), gt(caseStudies.submittedAt, since)))
        .orderBy(asc(caseStudies.submittedAt))
      if (submitted.length === 0) return null
      const [waiting] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(caseStudies)
        .where(eq(caseStudies.reviewState, 'submitted'))
      const base = site.baseUrl.replace(/\/+$/, '')
      const emailId = await queueEmail(tx, {
        to: editor.email,
        ...digestEmail(languageOf(editor.language), {
          name: editor.name,
          network: site.networkName,
          submitted: submitted.map((s) => ({ title: s.title, link: `${base}/admin/review/${s.slug}` })),
          waiting: waiting!.n,
          queueLink: `${base}/admin/review`,
        }),
      })
      await tx.update(users).set({ lastDigestAt: now }).where(eq(users.id, editor.id))
      return emailId
    })
    if (queued !== null) emailIds.push(queued)
  }
  return emailIds
}
