import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { eq, sql } from 'drizzle-orm'
import { describeEachDatabase } from '../../../test/app.ts'
import { summaryLinks } from '../../../test/admin-support.ts'
import { Agent, agentWithSession, signedInAgent } from '../../../test/agent.ts'
import { buildOrganisation } from '../../../test/factories.ts'
import { buildVote, buildVoteCall } from '../../../test/member-vote.ts'
import { auditEvents, ballotChoices, ballots, emails, organisations, votes, voteVoters } from '../../db/schema/index.ts'

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

  it('keeps ballots secret once the vote is closed and counted: nothing pairs an organisation with a receipt or its choices', async () => {
    const { call, url, bids, vote } = await openVote({ countingRule: 'greedy' })
    const voters = ['lead-council', 'full-council', 'associate-council'] as const
    const names: Record<string, string> = { 'lead-council': 'Lead Council', 'full-council': 'Full Council', 'associate-council': 'Associate Council' }
    const chosen = { 'lead-council': [bids[2]!], 'full-council': [bids[0]!, bids[1]!], 'associate-council': [bids[1]!] }
    const receipts: Record<string, string> = {}
    for (const slug of voters) {
      const cast = await officers[slug]!.post(url, { bids: chosen[slug].map((b) => String(b.id)), action: 'cast' })
      assert.equal(cast.statusCode, 200)
      receipts[slug] = receiptOf(cast.body)!
    }
    const { agent: admin } = await signedInAgent(get().app, db(), 'admin')
    assert.equal((await admin.post(`/admin/calls/${call.id}/vote/close`)).statusCode, 303)
    assert.equal((await admin.post(`/admin/calls/${call.id}/vote/count`)).statusCode, 303)
    const [counted] = await db().select().from(votes).where(eq(votes.id, vote.id))
    assert.equal(counted!.status, 'counted')

    const organisationIds = Object.fromEntries(
      await Promise.all(voters.map(async (slug) => [slug, (await db().select().from(organisations).where(eq(organisations.slug, slug)))[0]!.id] as const)),
    )
    const codes = Object.values(receipts)
    const identities = voters.flatMap((slug) => [names[slug]!, slug])

    // Where the ballots are published, under their codes, no organisation is named.
    const published = [`/calls/${call.slug}/ballots`, `/calls/${call.slug}/votes.pb`]
    for (const page of published) {
      const res = await get().app.inject(page)
      assert.equal(res.statusCode, 200, page)
      for (const code of codes) assert.ok(res.body.includes(code), `${page} publishes every ballot`)
      for (const who of identities) assert.ok(!res.body.includes(who), `${page} names ${who}`)
    }
    // The file's ballots carry nothing but the code and the choices.
    const file = (await get().app.inject(`/calls/${call.slug}/votes.pb`)).body
    const votesSection = file
      .slice(file.indexOf('\nVOTES\n') + 7)
      .trim()
      .split('\n')
    assert.equal(votesSection[0], 'voter_id;vote')
    for (const row of votesSection.slice(1)) assert.match(row, /^[A-Z2-9]{4}(-[A-Z2-9]{4}){3};[0-9,]*$/)
    for (const id of Object.values(organisationIds)) assert.doesNotMatch(votesSection.slice(1).join('\n'), new RegExp(`^${id};`, 'm'))

    // Everywhere else: no receipt code at all, for anyone, so no page can pair one with whoever it names.
    const bidPages = bids.map((b) => `/bids/${b.id}`)
    const memberPages = voters.flatMap((slug) => [`/members/${slug}`, `/organisations/${slug}`, `/api/v1/members/${slug}`])
    const apiPages = get()
      .app.routeTable.filter((r) => r.method === 'GET' && r.url.startsWith('/api') && !r.url.includes(':'))
      .map((r) => r.url)
    const outboxIds = (await db().select({ id: emails.id }).from(emails)).map((e) => `/admin/outbox/${e.id}`)
    const everywhere = [url, `/calls/${call.slug}`, `/calls/${call.slug}/results`, '/dashboard', ...bidPages, ...memberPages, ...apiPages]
    const adminOnly = [
      `/admin/calls/${call.id}/vote`,
      `/admin/calls/${call.id}`,
      '/admin/audit',
      '/admin/audit?action=ballot-cast',
      '/admin/outbox',
      ...outboxIds,
    ]
    for (const [who, agent, pages] of [
      ['anyone', new Agent(get().app), everywhere],
      ...voters.map((slug) => [`an officer of ${names[slug]}`, officers[slug]!, everywhere] as const),
      ['an administrator', admin, [...everywhere, ...adminOnly]],
    ] as const) {
      for (const page of pages) {
        const res = await agent.get(page)
        assert.ok(res.statusCode < 500, `${page}: ${res.statusCode}`)
        for (const code of codes) assert.ok(!res.body.includes(code), `${who} sees a receipt code on ${page}`)
      }
    }
    // The administrator's pages say how many voted, and the audit log who, never with what they chose.
    const adminVote = await admin.get(`/admin/calls/${call.id}/vote`)
    assert.match(adminVote.body, /3 organisations have voted\./)
    // (Lead Council leads the bids, and is named as their lead.)
    for (const slug of ['full-council', 'associate-council']) assert.ok(!adminVote.body.includes(names[slug]!), `the vote's page names ${names[slug]}`)

    // The audit rows of casting: who voted, never a bid's id or title, nor a receipt.
    const castRows = (await db().select().from(auditEvents).where(eq(auditEvents.action, 'ballot-cast'))).filter((a) => a.subjectId === String(vote.id))
    assert.equal(castRows.length, 3)
    for (const row of castRows) {
      assert.equal(row.subjectType, 'vote')
      assert.equal(row.changes, null)
      const words = JSON.stringify(row)
      for (const bid of bids) {
        assert.ok(!words.includes(bid.title), 'no bid title')
        assert.doesNotMatch(`${row.summary} ${row.actorLabel}`, new RegExp(`\\b${bid.id}\\b`), 'no bid id')
      }
      for (const code of codes) assert.ok(!words.includes(code), 'no receipt code')
    }
    // Nor does any other audit row of the vote, or any email, hold a receipt.
    const allAudit = JSON.stringify(await db().select().from(auditEvents))
    const allEmail = JSON.stringify(await db().select().from(emails))
    for (const code of codes) {
      assert.ok(!allAudit.includes(code), 'a receipt in the audit log')
      assert.ok(!allEmail.includes(code), 'a receipt in an email')
    }
  })
})
