import assert from 'node:assert/strict'
import { it } from 'node:test'
import { eq } from 'drizzle-orm'
import { bidDecisions, emails, projectMilestones, projectReports, projects } from '../../../db/schema/index.ts'
import { inTransaction } from '../../../db/unit-of-work.ts'
import { describeEachDatabase } from '../../../../test/app.ts'
import { signedInAgent } from '../../../../test/agent.ts'
import { buildBid, buildCall } from '../../../../test/co-production.ts'
import { buildOrganisation } from '../../../../test/factories.ts'
import { recordDecision } from './record-decision.ts'

const actor = { id: null, label: 'test' }
const context = { baseUrl: 'https://network.example', network: 'Test Councils Network' }
const now = new Date('2026-05-01T10:00:00Z')

describeEachDatabase('recording a decision on a bid', (get) => {
  it('funds a bid: the project starts with its milestones and reports, and the lead officers are emailed', async () => {
    const { app, handle } = get()
    const lead = await buildOrganisation(handle.db, { tier: 'full' })
    await signedInAgent(app, handle.db, 'officer', lead.slug)
    const call = await buildCall(handle.db)
    const bid = await buildBid(handle.db, { callId: call.id, leadOrganisationId: lead.id, status: 'submitted', title: 'Energy co-operatives' })

    const result = await inTransaction(handle.db, (tx) =>
      recordDecision(
        tx,
        actor,
        { bidId: bid.id, outcome: 'fund-with-conditions', awardedPence: 1_500_000, conditions: 'Name an evaluator', feedback: 'A strong plan', now },
        context,
      ),
    )
    assert.ok(result.ok, JSON.stringify(result))
    const [project] = await handle.db.select().from(projects).where(eq(projects.bidId, bid.id))
    assert.equal(project!.slug, 'energy-co-operatives')
    assert.equal(project!.budgetPence, 1_500_000)
    assert.equal(project!.startsOn, '2026-05-01')
    assert.equal(project!.endsOn, '2028-05-01')
    assert.equal((await handle.db.select().from(projectMilestones).where(eq(projectMilestones.projectId, project!.id))).length, 1)
    const reports = await handle.db.select().from(projectReports).where(eq(projectReports.projectId, project!.id))
    assert.deepEqual(reports.map((r) => `${r.kind} ${r.dueOn}`).sort(), [
      'final 2028-05-31',
      'progress 2026-11-01',
      'progress 2027-05-01',
      'progress 2027-11-01',
    ])
    const [email] = await handle.db.select().from(emails).where(eq(emails.id, result.value.emailIds[0]!))
    assert.match(email!.subject, /funded with conditions: Energy co-operatives/)
    assert.match(email!.bodyText, /£15,000\.00/)
    assert.match(email!.bodyText, /Name an evaluator/)
    assert.match(email!.bodyText, /https:\/\/network\.example\/projects\/energy-co-operatives/)
  })

  it('refuses to decline a funded bid, and refuses a draft', async () => {
    const { handle } = get()
    const lead = await buildOrganisation(handle.db, { tier: 'full' })
    const call = await buildCall(handle.db)
    const bid = await buildBid(handle.db, { callId: call.id, leadOrganisationId: lead.id, status: 'submitted' })
    const fund = await inTransaction(handle.db, (tx) =>
      recordDecision(tx, actor, { bidId: bid.id, outcome: 'fund', awardedPence: 100_000, conditions: '', feedback: '', now }, context),
    )
    assert.ok(fund.ok)
    const decline = await inTransaction(handle.db, (tx) =>
      recordDecision(tx, actor, { bidId: bid.id, outcome: 'decline', awardedPence: null, conditions: '', feedback: 'No', now }, context),
    )
    assert.equal(!decline.ok && decline.reason, 'refused')
    // Correcting the award keeps one project, with the new budget.
    const again = await inTransaction(handle.db, (tx) =>
      recordDecision(tx, actor, { bidId: bid.id, outcome: 'fund', awardedPence: 120_000, conditions: '', feedback: '', now }, context),
    )
    assert.ok(again.ok)
    const rows = await handle.db.select().from(projects).where(eq(projects.bidId, bid.id))
    assert.deepEqual(
      rows.map((r) => r.budgetPence),
      [120_000],
    )
    const [decision] = await handle.db.select().from(bidDecisions).where(eq(bidDecisions.bidId, bid.id))
    assert.equal(decision!.awardedPence, 120_000)

    const draft = await buildBid(handle.db, { callId: call.id, leadOrganisationId: lead.id })
    const refused = await inTransaction(handle.db, (tx) =>
      recordDecision(tx, actor, { bidId: draft.id, outcome: 'fund', awardedPence: 100, conditions: '', feedback: '', now }, context),
    )
    assert.equal(!refused.ok && refused.reason, 'refused')
  })

  it('says what is missing without recording anything', async () => {
    const { handle } = get()
    const call = await buildCall(handle.db, { capPence: 200_000 })
    const bid = await buildBid(handle.db, { callId: call.id, leadOrganisationId: null, status: 'submitted' })
    const result = await inTransaction(handle.db, (tx) =>
      recordDecision(tx, actor, { bidId: bid.id, outcome: 'fund', awardedPence: 300_000, conditions: '', feedback: '', now }, context),
    )
    assert.equal(!result.ok && result.errors[0]!.message, 'decisions.problem.awardOverCap')
    assert.equal((await handle.db.select().from(bidDecisions).where(eq(bidDecisions.bidId, bid.id))).length, 0)
  })
})
