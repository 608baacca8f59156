// What a submitted bid and a call being decided may no longer do: a revision that breaks the call's
// rules, a working group left short, a call reopened or edited under its assessors and voters.
import assert from 'node:assert/strict'
import { it } from 'node:test'
import { eq } from 'drizzle-orm'
import { bidParticipants, bids, calls, votes } from '../../../db/schema/index.ts'
import { buildVote } from '../../../../test/member-vote.ts'
import { inTransaction } from '../../../db/unit-of-work.ts'
import { describeEachDatabase } from '../../../../test/app.ts'
import { buildBid, buildCall } from '../../../../test/co-production.ts'
import { buildOrganisation } from '../../../../test/factories.ts'
import { bidFormOf } from '../bid-form-io.ts'
import { findBid } from '../bid-queries.ts'
import { callFormOf } from '../admin-form.ts'
import { findCallById } from '../queries.ts'
import { answerInvitation } from './answer-invitation.ts'
import { changeCallStatus } from './change-call-status.ts'
import { recordDecision } from './record-decision.ts'
import { saveBid } from './save-bid.ts'
import { updateCall } from './update-call.ts'

const actor = { id: null, label: 'test' }
const reason = (r: { ok: boolean; reason?: string; errors?: Array<{ message: string }> }) =>
  r.ok ? 'ok' : `${r.reason} ${r.errors?.map((e) => e.message).join(',')}`

describeEachDatabase('what holds still once a bid is submitted and a call is being decided', (get) => {
  it('refuses a revision of a submitted bid that breaks its call’s rules, and keeps the bid as it was', async () => {
    const db = get().handle.db
    const call = await buildCall(db, { capPence: 200_000 })
    const submitted = await buildBid(db, { callId: call.id, leadOrganisationId: null, status: 'submitted' })
    const bid = (await findBid(db, submitted.id))!
    const form = bidFormOf(bid)
    const save = (lines: typeof form.lines) =>
      inTransaction(db, (tx) =>
        saveBid(tx, actor, {
          id: bid.id,
          revision: String(bid.revision),
          form: { ...form, lines },
          call: { principleIds: [], themes: [] },
          now: new Date(),
          locale: 'en',
        }),
      )
    assert.equal(reason(await save([{ description: 'Facilitation', amount: '999,999' }])), 'invalid bids.eligibility.overCap')
    const [after] = await db.select().from(bids).where(eq(bids.id, bid.id))
    assert.deepEqual([after!.status, after!.revision], ['submitted', bid.revision])
    assert.deepEqual((await findBid(db, bid.id))!.budgetLines, bid.budgetLines)
    // Within the rules, a revision is saved and the bid stays submitted.
    assert.equal(reason(await save([{ description: 'Facilitation', amount: '1,900' }])), 'ok')
  })

  it('refuses to leave a submitted bid’s working group short of its call’s minimum', async () => {
    const db = get().handle.db
    const call = await buildCall(db, { settings: { minWorkingGroup: 1 } })
    const lead = await buildOrganisation(db, { tier: 'full' })
    const member = await buildOrganisation(db, { tier: 'full' })
    const bid = await buildBid(db, { callId: call.id, leadOrganisationId: lead.id, status: 'submitted' })
    const [place] = await db.insert(bidParticipants).values({ bidId: bid.id, organisationId: member.id, role: 'member', acceptedAt: new Date() }).returning()
    const leave = await inTransaction(db, (tx) =>
      answerInvitation(tx, actor, { bidId: bid.id, participantId: place!.id, answer: 'remove', now: new Date(), locale: 'en' }),
    )
    assert.equal(reason(leave), 'refused bids.group.submittedKeepsMinimum')
    assert.equal((await db.select().from(bidParticipants).where(eq(bidParticipants.bidId, bid.id))).length, 1)
  })

  it('neither reopens nor edits a call once deciding has begun', async () => {
    const db = get().handle.db
    const call = await buildCall(db, { status: 'closed' })
    const bid = await buildBid(db, { callId: call.id, leadOrganisationId: null, status: 'submitted' })
    const edit = async () => {
      const current = (await findCallById(db, call.id))!
      return inTransaction(db, (tx) =>
        updateCall(tx, actor, { id: call.id, revision: String(current.revision), form: { ...callFormOf(current), title: 'Renamed' } }),
      )
    }
    // Nothing decided yet: an administrator may still correct the call, or reopen it.
    assert.equal(reason(await edit()), 'ok')

    await buildVote(db, call.id, { status: 'open' })
    assert.equal(reason(await inTransaction(db, (tx) => changeCallStatus(tx, actor, { id: call.id, to: 'open' }))), 'refused calls.refused.decidingBegun')
    assert.equal(reason(await edit()), 'refused calls.refused.decidingBegun')
    await db.delete(votes).where(eq(votes.callId, call.id))

    const decided = await inTransaction(db, (tx) =>
      recordDecision(
        tx,
        actor,
        { bidId: bid.id, outcome: 'decline', awardedPence: null, conditions: '', feedback: 'Not this time', now: new Date() },
        { baseUrl: 'http://x', network: 'N' },
      ),
    )
    assert.ok(decided.ok)
    assert.equal(reason(await inTransaction(db, (tx) => changeCallStatus(tx, actor, { id: call.id, to: 'open' }))), 'refused calls.refused.decidingBegun')
    assert.equal((await db.select().from(calls).where(eq(calls.id, call.id)))[0]!.status, 'closed')
  })

  it('does not fund a member that already leads a project underway, when its call allows one at a time', async () => {
    const db = get().handle.db
    const lead = await buildOrganisation(db, { tier: 'full' })
    const context = { baseUrl: 'http://x', network: 'N' }
    const fund = (bidId: number) =>
      inTransaction(db, (tx) =>
        recordDecision(tx, actor, { bidId, outcome: 'fund', awardedPence: 100_000, conditions: '', feedback: '', now: new Date() }, context),
      )
    const labs = await buildCall(db, { settings: { oneLedProjectAtATime: true } })
    const first = await buildBid(db, { callId: labs.id, leadOrganisationId: lead.id, status: 'submitted' })
    assert.equal(reason(await fund(first.id)), 'ok')
    // Deciding the same bid again (a corrected award) is not a second project.
    assert.equal(reason(await fund(first.id)), 'ok')
    const prototypes = await buildCall(db, { settings: { oneLedProjectAtATime: true } })
    const second = await buildBid(db, { callId: prototypes.id, leadOrganisationId: lead.id, status: 'submitted' })
    assert.equal(reason(await fund(second.id)), 'refused decisions.refused.leadsAProject')
    const anything = await buildCall(db, { settings: { oneLedProjectAtATime: false } })
    const third = await buildBid(db, { callId: anything.id, leadOrganisationId: lead.id, status: 'submitted' })
    assert.equal(reason(await fund(third.id)), 'ok')
  })
})
