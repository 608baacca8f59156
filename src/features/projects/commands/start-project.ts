import { asc, eq, like } from 'drizzle-orm'
import { bidMilestones, bids, calls, projectMilestones, projectReports, projects } from '../../../db/schema/index.ts'
import type { Transaction } from '../../../db/unit-of-work.ts'
import { firstFreeSlug } from '../../../lib/unique-slug.ts'
import { slugify } from '../../../lib/slug.ts'
import type { AuditActor } from '../../audit/record-audit.ts'
import { recordAudit } from '../../audit/record-audit.ts'
import type { IsoDate } from '../../membership/rules/subscription-year.ts'
import { projectPeriod, reportSchedule } from '../rules/schedule.ts'

/**
 * Turns a funded bid into a project: its title, summary, lead and milestones are copied (the bid
 * stays as it was funded), the budget is what was awarded, and the reports it owes are scheduled
 * so that reminders can find them. Funding a bid twice finds the project already there.
 */
export async function startProject(
  tx: Transaction,
  actor: AuditActor,
  input: { bidId: number; awardedPence: number; startsOn: IsoDate },
): Promise<{ id: number; slug: string; created: boolean }> {
  const [existing] = await tx
    .select({ id: projects.id, slug: projects.slug, budget: projects.budgetPence })
    .from(projects)
    .where(eq(projects.bidId, input.bidId))
  if (existing) {
    if (existing.budget !== input.awardedPence) await tx.update(projects).set({ budgetPence: input.awardedPence }).where(eq(projects.id, existing.id))
    return { id: existing.id, slug: existing.slug, created: false }
  }
  const [bid] = await tx.select().from(bids).where(eq(bids.id, input.bidId))
  if (!bid) throw new Error(`No bid ${input.bidId} to start a project from`)
  const [call] = await tx.select({ kind: calls.kind }).from(calls).where(eq(calls.id, bid.callId))
  const milestones = await tx.select().from(bidMilestones).where(eq(bidMilestones.bidId, bid.id)).orderBy(asc(bidMilestones.position))
  const period = projectPeriod({ startsOn: input.startsOn, kind: call!.kind, milestoneDates: milestones.map((m) => m.dueOn) })

  const base = slugify(bid.title) || 'project'
  const taken = await tx
    .select({ slug: projects.slug })
    .from(projects)
    .where(like(projects.slug, `${base}%`))
  const slug = firstFreeSlug(base, new Set(taken.map((r) => r.slug)))

  const [row] = await tx
    .insert(projects)
    .values({
      bidId: bid.id,
      callId: bid.callId,
      slug,
      title: bid.title,
      summary: bid.summary,
      leadOrganisationId: bid.leadOrganisationId,
      budgetPence: input.awardedPence,
      startsOn: period.startsOn,
      endsOn: period.endsOn,
    })
    .returning({ id: projects.id })
  const id = row!.id
  if (milestones.length > 0) {
    await tx.insert(projectMilestones).values(milestones.map((m) => ({ projectId: id, position: m.position, title: m.title, dueOn: m.dueOn })))
  }
  await tx.insert(projectReports).values(reportSchedule(period.startsOn, period.endsOn).map((r) => ({ projectId: id, kind: r.kind, dueOn: r.dueOn })))
  await recordAudit(tx, actor, { action: 'project-started', subjectType: 'project', subjectId: id, summary: `Started the project ${bid.title}` })
  return { id, slug, created: true }
}
