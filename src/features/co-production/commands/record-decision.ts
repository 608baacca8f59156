import { and, eq, ne } from 'drizzle-orm'
import { bidDecisions, bids, calls, projects } from '../../../db/schema/index.ts'
import type { Transaction } from '../../../db/unit-of-work.ts'
import { invalid, notFound, ok, refused, type Result } from '../../../lib/result.ts'
import type { AuditActor } from '../../audit/record-audit.ts'
import { recordAudit } from '../../audit/record-audit.ts'
import { queueEmail } from '../../email/outbox.ts'
import { londonDate } from '../../membership/rules/subscription-year.ts'
import { startProject } from '../../projects/commands/start-project.ts'
import { decisionEmail } from '../decision-email.ts'
import { storedCallSettings } from '../rules/call-settings.ts'
import { decisionProblems, isFunding, type DecisionInput } from '../rules/decision.ts'
import { bidLeadRecipients } from './bid-recipients.ts'

/**
 * Records what was decided for a submitted bid — by a panel or by a member vote's count — and
 * emails its lead. Funding starts the project (or finds it, when a decision is corrected); a bid
 * whose project exists cannot be declined here, because people may already be reporting on it.
 */
export async function recordDecision(
  tx: Transaction,
  actor: AuditActor,
  input: DecisionInput & { bidId: number; now: Date },
  context: { baseUrl: string; network: string },
): Promise<Result<{ projectId: number | null; emailIds: number[] }>> {
  const [bid] = await tx.select().from(bids).where(eq(bids.id, input.bidId)).for('update')
  if (!bid) return notFound()
  if (bid.status !== 'submitted') return refused('decisions.refused.notSubmitted')
  const [call] = await tx.select().from(calls).where(eq(calls.id, bid.callId))
  const problems = decisionProblems(input, { capPence: call!.capPence })
  if (problems.length > 0) return invalid(problems)
  const funded = isFunding(input.outcome)
  const [previous] = await tx.select().from(bidDecisions).where(eq(bidDecisions.bidId, bid.id))
  if (previous && isFunding(previous.outcome) && !funded) return refused('decisions.refused.alreadyFunded')
  // One funded project per member at a time, when the call says so: the lead may have been funded
  // in another call since this bid was submitted.
  if (funded && bid.leadOrganisationId !== null && storedCallSettings(call!.settings).oneLedProjectAtATime) {
    const [other] = await tx
      .select({ id: projects.id })
      .from(projects)
      .where(and(eq(projects.leadOrganisationId, bid.leadOrganisationId), eq(projects.status, 'underway'), ne(projects.bidId, bid.id)))
      .limit(1)
    if (other) return refused('decisions.refused.leadsAProject')
  }

  const row = {
    outcome: input.outcome,
    awardedPence: funded ? input.awardedPence : null,
    conditions: input.outcome === 'fund-with-conditions' ? input.conditions.trim() : '',
    feedback: input.feedback.trim(),
    decidedByUserId: actor.id,
    decidedAt: input.now,
  }
  await tx
    .insert(bidDecisions)
    .values({ bidId: bid.id, ...row })
    .onConflictDoUpdate({ target: bidDecisions.bidId, set: row })
  const project = funded ? await startProject(tx, actor, { bidId: bid.id, awardedPence: input.awardedPence!, startsOn: londonDate(input.now) }) : null
  await recordAudit(tx, actor, {
    action: 'bid-decided',
    subjectType: 'bid',
    subjectId: bid.id,
    summary: `Decided the bid ${bid.title}: ${input.outcome}${funded ? ` (${input.awardedPence} pence)` : ''}`,
  })

  // A shortlisted bid has not been decided yet for its lead: the vote will tell them.
  const emailIds: number[] = []
  if (input.outcome !== 'shortlisted') {
    const link = project ? `${context.baseUrl}/projects/${project.slug}` : `${context.baseUrl}/bids/${bid.id}`
    for (const recipient of await bidLeadRecipients(tx, bid.id)) {
      emailIds.push(
        await queueEmail(tx, {
          to: recipient.email,
          ...decisionEmail(recipient.language, { ...row, name: recipient.name, network: context.network, bid: bid.title, call: call!.title, link }),
        }),
      )
    }
  }
  return ok({ projectId: project?.id ?? null, emailIds })
}
