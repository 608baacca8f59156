import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { eq, sql } from 'drizzle-orm'
import { describeEachDatabase } from '../../../test/app.ts'
import { summaryLinks } from '../../../test/admin-support.ts'
import type { Agent } from '../../../test/agent.ts'
import { agentWithSession, signedInAgent } from '../../../test/agent.ts'
import { buildOrganisation } from '../../../test/factories.ts'
import { buildVote, buildVoteCall } from '../../../test/member-vote.ts'
import { auditEvents, ballotChoices, ballots, votes, voteVoters } from '../../db/schema/index.ts'

const receiptOf = (html: string) => /data-qa="receipt-code">([A-Z0-9-]+)</.exec(html)?.[1]

describeEachDatabase('member vote: casting a secret ballot', (get) => {
  let lead: number
  const officers: Record<string, Agent> = {}
  before(async () => {
    const db = get().handle.db
    lead = (await buildOrganisation(db, { slug: 'lead-council', name: 'Lead Council', tier: 'full' })).id
    await buildOrganisation(db, { slug: 'full-council', name: 'Full Council', tier: 'full' })
    await buildOrganisation(db, { slug: 'associate-council', name: 'Associate Council', tier: 'associate' })
    await buildOrganisation(db, { slug: 'affiliate-charity', name: 'Affiliate Charity', tier: 'affiliate' })
    for (const slug of ['lead-council', 'full-council', 'associate-council', 'affiliate-charity'])
      officers[slug] = await agentWithSession(get().app, db, 'officer', slug)
  })
  const db = () => get().handle.db

  async function openVote(over: Parameters<typeof buildVote>[2] = {}) {
    const { call, bids } = await buildVoteCall(db(), { leadOrganisationId: lead })
    const vote = await buildVote(db(), call.id, over)
    return { call, bids, vote, url: `/calls/${call.slug}/vote` }
  }

  it('shows the ballot to an eligible officer, and tells others why they cannot vote', async () => {
    const { url, bids } = await openVote({ maxChoices: 2 })
    const page = await officers['full-council']!.get(url)
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /data-qa="ballot-form"/)
    for (const bid of bids) assert.match(page.body, new RegExp(`name="bids" type="checkbox" value="${bid.id}"`))
    assert.match(page.body, /Led by Lead Council\. Costs £15,000\./)
    assert.match(page.body, /at least 1 bid and at most 2 bids/)

    const affiliate = await officers['affiliate-charity']!.get(url)
    assert.doesNotMatch(affiliate.body, /data-qa="ballot-form"/)
    assert.match(affiliate.body, /membership tier does not have a vote/)
    const refused = await officers['affiliate-charity']!.post(url, { bids: String(bids[0]!.id), action: 'cast' })
    assert.equal(refused.statusCode, 403)
    assert.match(refused.body, /govuk-error-summary[^]*membership tier does not have a vote/)

    const anonymous = await get().app.inject(url)
    assert.match(anonymous.body, /href="\/sign-in\?next=\/calls\/[a-z0-9-]+\/vote"/)
    assert.doesNotMatch(anonymous.body, /data-qa="ballot-form"/)
    const { agent: admin } = await signedInAgent(get().app, db(), 'admin')
    assert.equal((await admin.post(url, { bids: String(bids[0]!.id), action: 'cast' })).statusCode, 403)
    assert.equal((await db().select().from(ballots)).length, 0)
  })

  it('explains an invalid ballot with GOV.UK errors, never a server error', async () => {
    const { url, bids } = await openVote({ maxChoices: 2 })
    const officer = officers['full-council']!
    const none = await officer.post(url, { action: 'check' })
    assert.equal(none.statusCode, 400)
    assert.deepEqual(summaryLinks(none.body), ['#bids Choose at least 1 bid'])
    const tooMany = await officer.post(url, { bids: bids.map((b) => String(b.id)), action: 'cast' })
    assert.equal(tooMany.statusCode, 400)
    assert.deepEqual(summaryLinks(tooMany.body), ['#bids Choose at most 2 bids'])
    // The ticks are kept.
    assert.match(tooMany.body, new RegExp(`value="${bids[2]!.id}" checked`))
    const forms: Array<Record<string, string | string[]>> = [
      { bids: '999999', action: 'cast' },
      { bids: 'x'.repeat(5000), action: 'check' },
      { 'points-1': '5', action: 'cast' },
      { bids: ['', '1e9'], action: 'cast' },
    ]
    for (const form of forms) {
      const res = await officer.post(url, form)
      assert.equal(res.statusCode, 400, JSON.stringify(form).slice(0, 80))
      assert.match(res.body, /govuk-error-summary/)
    }
    assert.equal((await db().select().from(voteVoters)).length, 0)
  })

  it('checks knapsack and cumulative ballots by their own rules', async () => {
    const knapsack = await openVote({ ballotType: 'knapsack', budgetPence: 2_000_000 })
    const over = await officers['full-council']!.post(knapsack.url, { bids: [String(knapsack.bids[0]!.id), String(knapsack.bids[1]!.id)], action: 'check' })
    assert.equal(over.statusCode, 400)
    assert.deepEqual(summaryLinks(over.body), ['#bids The bids you chose cost £24,800 together, more than the budget of £20,000'])
    const fits = await officers['full-council']!.post(knapsack.url, { bids: [String(knapsack.bids[0]!.id), String(knapsack.bids[2]!.id)], action: 'check' })
    assert.equal(fits.statusCode, 200)

    const points = await openVote({ ballotType: 'cumulative', pointsPerBallot: 10 })
    const [a, b] = points.bids
    const short = await officers['full-council']!.post(points.url, { [`points-${a!.id}`]: '6', [`points-${b!.id}`]: '3', action: 'cast' })
    assert.equal(short.statusCode, 400)
    assert.deepEqual(summaryLinks(short.body), [`#points-${a!.id} Share out exactly 10 points: you have given 9 points`])
    const negative = await officers['full-council']!.post(points.url, { [`points-${a!.id}`]: '-1', [`points-${b!.id}`]: '11', action: 'cast' })
    assert.deepEqual(summaryLinks(negative.body), [`#points-${a!.id} Enter points as a whole number, 0 or more`])
    const cast = await officers['full-council']!.post(points.url, { [`points-${a!.id}`]: '7', [`points-${b!.id}`]: '3', action: 'cast' })
    assert.equal(cast.statusCode, 200)
    const choices = await db()
      .select()
      .from(ballotChoices)
      .where(eq(ballotChoices.receiptCode, receiptOf(cast.body)!))
    assert.deepEqual(
      choices.map((c) => [c.bidId, c.points]).sort(),
      [
        [a!.id, 7],
        [b!.id, 3],
      ].sort(),
    )
  })

  it('confirms, casts once per organisation with a receipt, and refuses a second ballot clearly', async () => {
    const { url, bids, vote } = await openVote()
    const officer = officers['full-council']!
    const confirm = await officer.post(url, { bids: [String(bids[1]!.id)], action: 'check' })
    assert.equal(confirm.statusCode, 200)
    assert.match(confirm.body, /Check your choices before casting your ballot/)
    assert.match(confirm.body, /data-qa="confirm-choices"[^]*Community wealth toolkit/)
    assert.match(confirm.body, new RegExp(`<input type="hidden" name="bids" value="${bids[1]!.id}">`))
    assert.equal((await db().select().from(ballots).where(eq(ballots.voteId, vote.id))).length, 0, 'checking casts nothing')
    const changed = await officer.post(url, { bids: [String(bids[1]!.id)], action: 'change' })
    assert.match(changed.body, new RegExp(`value="${bids[1]!.id}" checked`))

    const cast = await officer.post(url, { bids: [String(bids[1]!.id)], action: 'cast' })
    assert.equal(cast.statusCode, 200)
    assert.equal(cast.headers['cache-control'], 'no-store')
    const receipt = receiptOf(cast.body)
    assert.match(receipt ?? '', /^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/)
    assert.match((await officer.get(url)).body, /Full Council has voted\. Nobody can see how/)

    // Another officer of the same organisation: refused, and the first ballot stands.
    const colleague = await agentWithSession(get().app, db(), 'officer', 'full-council')
    const again = await colleague.post(url, { bids: [String(bids[0]!.id)], action: 'cast' })
    assert.equal(again.statusCode, 409)
    assert.match(again.body, /govuk-error-summary[^]*Your organisation has already voted/)
    assert.equal((await db().select().from(ballots).where(eq(ballots.voteId, vote.id))).length, 1)
  })

  it('takes one ballot per organisation when its officers send theirs at the same moment', async () => {
    const { url, bids, vote } = await openVote()
    const db_ = db()
    const team = await Promise.all([1, 2, 3, 4].map(() => agentWithSession(get().app, db_, 'officer', 'associate-council')))
    await Promise.all(team.map((a) => a.csrf()))
    const results = await Promise.all(team.map((a, i) => a.post(url, { bids: [String(bids[i % 3]!.id)], action: 'cast' })))
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 409, 409, 409])
    assert.equal((await db_.select().from(ballots).where(eq(ballots.voteId, vote.id))).length, 1)
    assert.equal((await db_.select().from(voteVoters).where(eq(voteVoters.voteId, vote.id))).length, 1)
  })

  it('refuses ballots before the vote opens and after it closes', async () => {
    const later = await openVote({ opensAt: new Date(Date.now() + 3_600_000) })
    const early = await officers['full-council']!.post(later.url, { bids: [String(later.bids[0]!.id)], action: 'cast' })
    assert.equal(early.statusCode, 409)
    assert.match(early.body, /Voting has not opened yet/)
    const past = await openVote({ opensAt: new Date(Date.now() - 7_200_000), closesAt: new Date(Date.now() - 1000) })
    const late = await officers['full-council']!.post(past.url, { bids: [String(past.bids[0]!.id)], action: 'cast' })
    assert.equal(late.statusCode, 409)
    assert.match(late.body, /Voting has closed/)
    assert.equal(
      (
        await db()
          .select()
          .from(ballots)
          .where(sql`${ballots.voteId} in (${later.vote.id}, ${past.vote.id})`)
      ).length,
      0,
    )
  })

  it('keeps ballots secret: the audit log says who voted, never what for, and no page links a voter to choices', async () => {
    const { call, url, bids, vote } = await openVote()
    const cast = await officers['lead-council']!.post(url, { bids: [String(bids[2]!.id)], action: 'cast' })
    const receipt = receiptOf(cast.body)!
    const audit = await db().select().from(auditEvents).where(eq(auditEvents.action, 'ballot-cast'))
    const mine = audit.filter((a) => a.subjectId === String(vote.id))
    assert.equal(mine.length, 1)
    assert.equal(mine[0]!.summary, `Lead Council voted in the member vote of the call ${call.title}`)
    assert.equal(mine[0]!.changes, null)
    const words = `${mine[0]!.summary} ${mine[0]!.actorLabel}`
    for (const bid of bids) {
      assert.doesNotMatch(words, new RegExp(`\\b${bid.id}\\b`), 'no bid id')
      assert.ok(!words.includes(bid.title), 'no bid title')
    }
    assert.ok(!JSON.stringify(mine[0]).includes(receipt), 'no receipt code')

    // Nothing the voter's organisation, another member or an administrator can open shows the choice or the receipt.
    const { agent: admin } = await signedInAgent(get().app, db(), 'admin')
    for (const [who, agent, pages] of [
      ['the voter', officers['lead-council']!, [url, '/dashboard']],
      ['another member', officers['full-council']!, [url, `/calls/${call.slug}/ballots`, `/calls/${call.slug}/results`]],
      ['an administrator', admin, [url, `/admin/calls/${call.id}/vote`, '/admin/audit', `/calls/${call.slug}/ballots`, `/calls/${call.slug}/votes.pb`]],
    ] as const) {
      for (const page of pages) {
        const res = await agent.get(page)
        assert.ok(!res.body.includes(receipt), `${who} sees the receipt on ${page}`)
      }
    }
    // While the vote is open nothing of the ballots is published.
    for (const page of [`/calls/${call.slug}/ballots`, `/calls/${call.slug}/votes.pb`, `/calls/${call.slug}/results`])
      assert.equal((await get().app.inject(page)).statusCode, 404, page)
    const adminPage = await admin.get(`/admin/calls/${call.id}/vote`)
    assert.match(adminPage.body, /1 organisation has voted\./)
    assert.doesNotMatch(adminPage.body, /Lead Council voted/)
    // The ballot row itself carries no time or serial to match with who voted.
    assert.deepEqual(Object.keys((await db().select().from(ballots).where(eq(ballots.voteId, vote.id)))[0]!).sort(), ['receiptCode', 'voteId'])
    await db().update(votes).set({ status: 'closed' }).where(eq(votes.id, vote.id))
  })
})
