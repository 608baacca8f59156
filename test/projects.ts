// A funded project, made as the network makes one: a submitted bid with its working group, then a
// decision recorded by the co-production command, which starts the project.
import { and, eq } from 'drizzle-orm'
import type { Database } from '../src/db/client.ts'
import { bidParticipants, bidPrinciples, bids, projectReports, projects } from '../src/db/schema/index.ts'
import { inTransaction } from '../src/db/unit-of-work.ts'
import { recordDecision } from '../src/features/co-production/commands/record-decision.ts'
import { buildBid, buildCall } from './co-production.ts'

export interface FundedProjectOptions {
  leadOrganisationId: number
  title?: string
  awardedPence?: number
  /** Members in the working group who accepted; `invitedIds` were asked and never answered. */
  memberIds?: number[]
  invitedIds?: number[]
  partnerName?: string
  principleIds?: number[]
  /** The day of the decision, which is the day the project starts. */
  decidedOn?: string
  callTitle?: string
}

export async function buildFundedProject(db: Database, options: FundedProjectOptions) {
  const call = await buildCall(db, { principleIds: options.principleIds ?? [], ...(options.callTitle ? { title: options.callTitle } : {}) })
  const bid = await buildBid(db, {
    callId: call.id,
    leadOrganisationId: options.leadOrganisationId,
    status: 'submitted',
    title: options.title ?? 'Tenant-led retrofit',
  })
  await db.update(bids).set({ theme: 'Housing' }).where(eq(bids.id, bid.id))
  for (const principleId of options.principleIds ?? []) await db.insert(bidPrinciples).values({ bidId: bid.id, principleId, difference: 'Tenants decide.' })
  for (const organisationId of options.memberIds ?? [])
    await db.insert(bidParticipants).values({ bidId: bid.id, organisationId, role: 'member', acceptedAt: new Date() })
  for (const organisationId of options.invitedIds ?? []) await db.insert(bidParticipants).values({ bidId: bid.id, organisationId, role: 'member' })
  if (options.partnerName) await db.insert(bidParticipants).values({ bidId: bid.id, name: options.partnerName, role: 'partner' })
  const decided = await inTransaction(db, (tx) =>
    recordDecision(
      tx,
      { id: null, label: 'test' },
      {
        bidId: bid.id,
        outcome: 'fund',
        awardedPence: options.awardedPence ?? 1_500_000,
        conditions: '',
        feedback: '',
        now: new Date(`${options.decidedOn ?? '2026-05-01'}T10:00:00Z`),
      },
      { baseUrl: 'http://localhost', network: 'Test' },
    ),
  )
  if (!decided.ok || decided.value.projectId === null) throw new Error(`Could not fund the bid: ${JSON.stringify(decided)}`)
  const [project] = await db.select().from(projects).where(eq(projects.id, decided.value.projectId))
  const reports = await db.select().from(projectReports).where(eq(projectReports.projectId, project!.id)).orderBy(projectReports.dueOn)
  return { call, bid, project: project!, reports }
}

/** Submits a project's final report straight in the table: for tests about what comes after it. */
export async function submitFinalReport(db: Database, projectId: number, over: { whatHappened?: string; outcomes?: string } = {}) {
  await db
    .update(projectReports)
    .set({
      whatHappened: over.whatHappened ?? 'We ran twelve workshops.',
      outcomes: over.outcomes ?? 'Tenants sit on the board.',
      spendToDatePence: 1_000_000,
      submittedAt: new Date(),
    })
    .where(and(eq(projectReports.projectId, projectId), eq(projectReports.kind, 'final')))
}
