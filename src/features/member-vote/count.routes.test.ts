import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { before, it } from 'node:test'
import { eq, inArray } from 'drizzle-orm'
import { describeEachDatabase } from '../../../test/app.ts'
import { inputValue, summaryLinks } from '../../../test/admin-support.ts'
import { Agent, agentWithSession, signedInAgent } from '../../../test/agent.ts'
import { buildOrganisation } from '../../../test/factories.ts'
import { buildVote, buildVoteCall } from '../../../test/member-vote.ts'
import { bidDecisions, calls, projects, votes } from '../../db/schema/index.ts'
import { londonDate } from '../membership/rules/subscription-year.ts'
import { buildFundedProject } from '../../../test/projects.ts'
import { countElection } from '../participatory-budgeting/count.ts'
import { parsePabulib, toPabulib } from '../participatory-budgeting/pabulib.ts'
import { metaValue } from '../participatory-budgeting/election.ts'
import { listBallotBids, listBallots } from './queries.ts'
import { countOptionsOf, electionOf, voteMethodOf } from './rules/election.ts'
import { londonWallClockAt } from './rules/london-time.ts'

const receiptOf = (html: string) => /data-qa="receipt-code">([A-Z0-9-]+)</.exec(html)?.[1]

/** The set-up form's date and time boxes for an instant, in London. */
function when(prefix: string, instant: Date): Record<string, string> {
  const w = londonWallClockAt(instant)
  return {
    [`${prefix}-day`]: String(w.day),
    [`${prefix}-month`]: String(w.month),
    [`${prefix}-year`]: String(w.year),
    [`${prefix}-time`]: `${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`,
  }
}

describeEachDatabase('member vote: set up, count and explain', (get) => {
  let admin: Agent
  let lead: number
  const voters: Agent[] = []
  before(async () => {
    const db = get().handle.db
    lead = (await buildOrganisation(db, { slug: 'lead-council', name: 'Lead Council', tier: 'full' })).id
    for (let i = 1; i <= 6; i++) {
      await buildOrganisation(db, { slug: `member-${i}`, name: `Member ${i}`, tier: i === 6 ? 'associate' : 'full' })
      voters.push(await agentWithSession(get().app, db, 'officer', `member-${i}`))
    }
    ;({ agent: admin } = await signedInAgent(get().app, db, 'admin'))
  })
  const db = () => get().handle.db

  const setUpForm = (revision: string, over: Record<string, string | string[]> = {}) => ({
    revision,
    ballotType: 'approval',
    minChoices: '1',
    maxChoices: '',
    pointsPerBallot: '',
    countingRule: 'equal-shares',
    completion: 'add1',
    compareWithGreedy: 'yes',
    budget: '20,000',
    tiers: ['full', 'associate'],
    ...when('opensAt', new Date(Date.now() - 3_600_000)),
    ...when('closesAt', new Date(Date.now() + 86_400_000)),
    ...over,
  })

  it('sets up a vote with GOV.UK errors, detects a stale save, and opens it only once bids are closed', async () => {
    const { call } = await buildVoteCall(db(), { leadOrganisationId: lead })
    const page = `/admin/calls/${call.id}/vote`
    const blank = await admin.get(page)
    assert.equal(blank.statusCode, 200)
    assert.equal(inputValue(blank.body, 'budget'), '60000')
    const wrong = await admin.post(page, setUpForm('', { budget: 'lots', tiers: [], 'closesAt-time': 'noon' }))
    assert.equal(wrong.statusCode, 400)
    assert.deepEqual(summaryLinks(wrong.body), [
      '#budget Enter the budget in pounds, like 60,000',
      '#tiers Select the membership tiers whose members vote',
      '#closesAt-day Enter when voting closes as a real date and a time, like 17:00',
    ])
    assert.equal(inputValue(wrong.body, 'budget'), 'lots')
    assert.equal((await admin.post(page, setUpForm(''))).statusCode, 303)
    const saved = await admin.get(`${page}?saved=1`)
    assert.match(saved.body, /The vote’s set-up was saved/)
    assert.equal(inputValue(saved.body, 'revision'), '1')
    assert.equal((await admin.post(page, setUpForm('1', { budget: '19,000' }))).statusCode, 303)
    const stale = await admin.post(page, setUpForm('1', { budget: '18,000' }))
    assert.equal(stale.statusCode, 400)
    assert.match(stale.body, /id="conflict"[^]*£19,000/)
    assert.equal(inputValue(stale.body, 'revision'), '2')
    assert.equal(inputValue(stale.body, 'budget'), '18,000')

    await db().update(calls).set({ status: 'open' }).where(eq(calls.id, call.id))
    const early = await admin.post(`${page}/open`)
    assert.equal(early.statusCode, 409)
    assert.match(early.body, /Close the call for bids before opening the vote/)
    await db().update(calls).set({ status: 'closed' }).where(eq(calls.id, call.id))
    assert.equal((await admin.post(`${page}/open`)).statusCode, 303)
    const open = await admin.get(page)
    assert.match(open.body, /data-qa="vote-settings"/)
    assert.doesNotMatch(open.body, /data-qa="vote-form"/)
    // Once open, the set-up no longer changes.
    const late = await admin.post(page, setUpForm('3'))
    assert.equal(late.statusCode, 409)
    // A call decided by assessment alone has no vote.
    const { call: panel } = await buildVoteCall(db(), { leadOrganisationId: lead, decisionMethod: 'assessment' })
    assert.equal((await admin.get(`/admin/calls/${panel.id}/vote`)).statusCode, 404)
  })

  it('counts as the engine does, records every decision, explains each bid, and publishes ballots that recount the same', async () => {
    const { call, bids } = await buildVoteCall(db(), { leadOrganisationId: lead })
    const page = `/admin/calls/${call.id}/vote`
    assert.equal((await admin.post(page, setUpForm(''))).statusCode, 303)
    assert.equal((await admin.post(`${page}/open`)).statusCode, 303)
    const [a, b, c] = bids.map((bid) => String(bid.id))
    const choices = [[a!], [a!], [a!], [a!, c!], [b!, c!], [b!]]
    const receipts: string[] = []
    for (const [i, chosen] of choices.entries()) {
      const res = await voters[i]!.post(`/calls/${call.slug}/vote`, { bids: chosen, action: 'cast' })
      assert.equal(res.statusCode, 200)
      receipts.push(receiptOf(res.body)!)
    }
    assert.equal((await admin.post(`${page}/count`)).statusCode, 409, 'an open vote is not counted')
    assert.equal((await admin.post(`${page}/close`)).statusCode, 303)
    assert.equal((await voters[0]!.post(`/calls/${call.slug}/vote`, { bids: [a!], action: 'cast' })).statusCode, 409)
    assert.equal((await admin.post(`${page}/count`)).statusCode, 303)
    assert.equal((await admin.post(`${page}/count`)).statusCode, 409, 'counted once')

    const [vote] = await db().select().from(votes).where(eq(votes.callId, call.id))
    assert.equal(vote!.status, 'counted')
    const direct = countElection(
      electionOf({
        callTitle: call.title,
        ...voteMethodOf(vote!),
        bids: (await listBallotBids(db(), call, null)).map((x) => ({ id: x.id, title: x.title, costPence: x.costPence })),
        ballots: await listBallots(db(), vote!.id),
        opensOn: londonDate(vote!.opensAt),
        closesOn: londonDate(vote!.closesAt),
      }),
      countOptionsOf(vote!),
    )
    const stored = vote!.result as { count: { winners: string[] }; electorate: number }
    assert.deepEqual(stored.count.winners, direct.winners)
    assert.equal(stored.electorate, 7)
    assert.ok(direct.winners.length > 0)

    const decisions = await db()
      .select()
      .from(bidDecisions)
      .where(
        inArray(
          bidDecisions.bidId,
          bids.map((x) => x.id),
        ),
      )
    for (const bid of bids) {
      const decision = decisions.find((d) => d.bidId === bid.id)!
      const funded = direct.winners.includes(String(bid.id))
      assert.equal(decision.outcome, funded ? 'fund' : 'decline', bid.title)
      assert.equal(decision.awardedPence, funded ? bid.costPence : null)
      assert.match(decision.feedback, funded ? /^Funded: / : /^Not funded: /)
    }
    assert.equal(
      (
        await db()
          .select()
          .from(projects)
          .where(
            inArray(
              projects.bidId,
              bids.map((x) => x.id),
            ),
          )
      ).length,
      direct.winners.length,
    )
    assert.equal((await db().select().from(calls).where(eq(calls.id, call.id)))[0]!.status, 'decided')

    const results = await get().app.inject(`/calls/${call.slug}/results`)
    assert.equal(results.statusCode, 200)
    assert.match(results.body, /6 ballots were cast by the 7 member organisations that could vote: a turnout of 86%/)
    assert.match(results.body, /Method of Equal Shares/)
    assert.match(results.body, /completed by Add1/)
    assert.match(results.body, /compared with greedy’s/)
    assert.match(results.body, /the bid chosen by more ballots first, then the cheaper bid, then the bid submitted first/)
    for (const bid of bids) assert.match(results.body, new RegExp(`data-qa="outcome-${bid.id}"[^]*?data-qa="explanation">(Funded|Not funded): `))
    assert.match(results.body, /<svg [^>]*role="img"[^>]*aria-labelledby="pot-chart-title pot-chart-desc"/)
    assert.match(results.body, /<title id="pot-chart-title">How the budget was spent<\/title>/)
    assert.doesNotMatch(results.body, / style=/)
    assert.match(results.body, /data-qa="results-table"/)
    const welsh = await get().app.inject(`/cy/calls/${call.slug}/results`)
    assert.equal(welsh.statusCode, 200)
    assert.match(welsh.body, /<html lang="cy"/)
    assert.match(welsh.body, /Dull Cyfrannau Cyfartal/)

    const file = await get().app.inject(`/calls/${call.slug}/votes.pb`)
    assert.equal(file.statusCode, 200)
    assert.equal(file.headers['content-type'], 'text/plain; charset=utf-8')
    assert.equal(file.headers['content-disposition'], `attachment; filename="${call.slug}-votes.pb"`)
    const read = parsePabulib(file.body)
    // The file says how it was counted, under pabulib's keys, and reads back as written.
    assert.equal(toPabulib(read), file.body)
    assert.equal(metaValue(read, 'rule'), 'equalshares/add1-comparison')
    assert.equal(metaValue(read, 'min_length'), '1')
    assert.equal(metaValue(read, 'max_length'), undefined)
    const comment = metaValue(read, 'comment') ?? ''
    assert.match(comment, /Method of Equal Shares .*completed by Add1 \(raise each voter's share by £1/)
    assert.match(comment, /compared with greedy/)
    // Counted again by the command line, with the options the file itself gives, it funds the same bids.
    const options = /Recount with: coophub pb count FILE ([^.]+)\./.exec(comment)?.[1]
    assert.equal(options, '--rule equal-shares --completion add1 --compare-with-greedy')
    const saved = path.join(mkdtempSync(path.join(os.tmpdir(), 'coophub-vote-')), 'votes.pb')
    writeFileSync(saved, file.body)
    const recount = spawnSync(process.execPath, ['bin/coophub.js', 'pb', 'count', saved, ...options!.split(' '), '--json'], {
      cwd: path.resolve(import.meta.dirname, '../../..'),
      env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 60_000,
    })
    assert.equal(recount.status, 0, recount.stderr)
    assert.deepEqual((JSON.parse(recount.stdout) as { winners: string[] }).winners, stored.count.winners)
    rmSync(path.dirname(saved), { recursive: true, force: true })
    assert.deepEqual(
      read.ballots.map((x) => x.voterId),
      [...receipts].sort(),
    )
    assert.deepEqual(countElection(read, countOptionsOf(vote!)).winners, direct.winners)
    for (const org of ['Member 1', 'member-1', 'Lead Council']) assert.ok(!file.body.includes(org), `the file names ${org}`)

    const list = await get().app.inject(`/calls/${call.slug}/ballots`)
    assert.equal(list.statusCode, 200)
    const listed = [...list.body.matchAll(/font-weight-regular">([A-Z0-9-]+)</g)].map((m) => m[1])
    assert.deepEqual(listed, [...receipts].sort())
    assert.doesNotMatch(list.body, /method="get"[^>]*data-qa="receipt-form"/)
    assert.match(list.body, /<form method="post" action="\/calls\/[a-z0-9-]+\/ballots"[^>]*data-qa="receipt-form">\s*<input type="hidden" name="_csrf"/)

    // Checking a receipt is a POST: the code is in the body, never in an address or a log line.
    const anyone = new Agent(get().app)
    const ballotsUrl = `/calls/${call.slug}/ballots`
    const typed = receipts[4]!.toLowerCase().replaceAll('-', ' ')
    const mine = await anyone.post(ballotsUrl, { receipt: typed })
    assert.equal(mine.statusCode, 200)
    assert.equal(mine.headers['cache-control'], 'no-store')
    assert.match(mine.body, new RegExp(`data-qa="receipt-result"[^]*was counted[^]*Community wealth toolkit[^]*Youth budget`))
    assert.match(mine.body, new RegExp(`${receipts[4]}</span> <strong class="govuk-tag govuk-tag--green">`))
    const unknown = await anyone.post(ballotsUrl, { receipt: 'AAAA-AAAA-AAAA-AAAA' })
    assert.match(unknown.body, /No ballot has the receipt code AAAA-AAAA-AAAA-AAAA/)
    for (const junk of ['<script>', 'x'.repeat(500), '\uFFFD\uFFFE', ['a', 'b']]) {
      const res = await anyone.post(ballotsUrl, { receipt: junk })
      assert.ok(res.statusCode < 500, String(junk).slice(0, 20))
    }
    const invalid = await anyone.post(ballotsUrl, { receipt: '<script>' })
    assert.equal(invalid.statusCode, 400)
    assert.match(invalid.body, /govuk-error-summary[^]*Enter a receipt code of 16 letters and numbers/)
    assert.doesNotMatch(invalid.body, /<script>/)
    const empty = await anyone.post(ballotsUrl, {})
    assert.deepEqual(summaryLinks(empty.body), ['#receipt Enter your receipt code'])
    const inWelsh = await anyone.post(`/cy${ballotsUrl}`, { receipt: typed })
    assert.match(inWelsh.body, /<html lang="cy"/)
    assert.match(inWelsh.body, /data-qa="receipt-result"/)
    // A code in the address is ignored: nothing there is looked up.
    const old = await get().app.inject(`${ballotsUrl}?receipt=${encodeURIComponent(receipts[4]!)}`)
    assert.equal(old.statusCode, 200)
    assert.doesNotMatch(old.body, /data-qa="receipt-result"/)
    // Without a token the check is refused, as every write is.
    assert.equal((await anyone.post(ballotsUrl, { receipt: typed }, { csrf: false })).statusCode, 403)
  })

  it('limits receipt checks from one address', async () => {
    const { call } = await buildVoteCall(db(), { leadOrganisationId: lead })
    await buildVote(db(), call.id, { status: 'closed' })
    const anyone = new Agent(get().app)
    const codes = Array.from({ length: 61 }, () => 'AAAA-AAAA-AAAA-AAAA')
    const statuses: number[] = []
    for (const receipt of codes) statuses.push((await anyone.post(`/calls/${call.slug}/ballots`, { receipt }, { address: '203.0.113.77' })).statusCode)
    assert.deepEqual([...new Set(statuses.slice(0, 60))], [200])
    assert.equal(statuses[60], 429)
    assert.equal((await anyone.post(`/calls/${call.slug}/ballots`, { receipt: 'AAAA-AAAA-AAAA-AAAA' }, { address: '203.0.113.78' })).statusCode, 200)
  })

  it('leaves out a bid whose lead already leads a project underway, when members lead one funded project at a time', async () => {
    const busy = await buildOrganisation(db(), { slug: 'busy-council', name: 'Busy Council', tier: 'full' })
    const free = await buildOrganisation(db(), { slug: 'free-council', name: 'Free Council', tier: 'full' })
    await buildFundedProject(db(), { leadOrganisationId: busy.id, title: 'Already underway' })
    const bidsOf = (): Array<[string, number, number]> => [
      ['Busy bid', 400_000, busy.id],
      ['Free retrofit', 1_500_000, free.id],
      ['Free toolkit', 980_000, free.id],
    ]

    async function countOne(oneLedProjectAtATime: boolean) {
      const { call, bids } = await buildVoteCall(db(), { leadOrganisationId: free.id, bids: bidsOf() })
      await db()
        .update(calls)
        .set({ settings: { leadTiers: [], minWorkingGroup: 0, oneLedProjectAtATime, themes: [] } })
        .where(eq(calls.id, call.id))
      await buildVote(db(), call.id, { countingRule: 'greedy', budgetPence: 2_500_000 })
      const [busyBid, retrofit, toolkit] = bids.map((b) => String(b.id))
      // Everybody wants the busy council's bid; its supporters' other choices still count.
      for (const [i, chosen] of [[busyBid!, toolkit!], [busyBid!], [busyBid!, retrofit!], [retrofit!]].entries())
        assert.equal((await voters[i]!.post(`/calls/${call.slug}/vote`, { bids: chosen, action: 'cast' })).statusCode, 200)
      await db().update(votes).set({ status: 'closed' }).where(eq(votes.callId, call.id))
      assert.equal((await admin.post(`/admin/calls/${call.id}/vote/count`)).statusCode, 303)
      const decisions = await db()
        .select()
        .from(bidDecisions)
        .where(
          inArray(
            bidDecisions.bidId,
            bids.map((b) => b.id),
          ),
        )
      const [vote] = await db().select().from(votes).where(eq(votes.callId, call.id))
      return { call, bids, vote: vote!, outcome: (id: number) => decisions.find((d) => d.bidId === id)! }
    }

    const ruled = await countOne(true)
    const [busyBid, retrofit, toolkit] = ruled.bids
    const decided = ruled.outcome(busyBid!.id)
    assert.equal(decided.outcome, 'decline')
    assert.equal(
      decided.feedback,
      'Not funded: Busy Council already leads a funded project that is still underway, and each member leads one funded project at a time. So this bid was left out of the count: the ballots that chose it counted only for the other bids they chose.',
    )
    // The rest is counted without it: the retrofit (2 ballots) first, then the toolkit (1) would be
    // funded too, but Free Council leads both: the toolkit is left out and the vote counted again.
    assert.deepEqual([ruled.outcome(retrofit!.id).outcome, ruled.outcome(toolkit!.id).outcome], ['fund', 'decline'])
    assert.equal(
      ruled.outcome(toolkit!.id).feedback,
      'Not funded: Free Council leads another bid this vote funds, “Free retrofit”, and each member leads one funded project at a time. This bid would have been funded after that one, so it was left out and the vote counted again without it: the ballots that chose it counted only for the other bids they chose.',
    )
    const stored = ruled.vote.result as { count: { winners: string[]; projects: { id: string; supporters: number }[] }; leadsAProject: number[] }
    assert.deepEqual(stored.leadsAProject, [busyBid!.id, toolkit!.id])
    assert.deepEqual(stored.count.winners, [String(retrofit!.id)])
    assert.ok(!stored.count.projects.some((p) => p.id === String(busyBid!.id)))
    assert.equal((await db().select().from(projects).where(eq(projects.bidId, busyBid!.id))).length, 0)

    for (const [lang, words] of [
      ['', /data-qa="outcome-\d+"[^]*?Busy bid[^]*?data-qa="explanation">Not funded: Busy Council already leads a funded project that is still underway/],
      ['/cy', /Busy bid[^]*?data-qa="explanation">Heb ei ariannu: mae Busy Council eisoes yn arwain prosiect a ariannwyd sydd ar y gweill o hyd/],
    ] as const) {
      const results = await get().app.inject(`${lang}/calls/${ruled.call.slug}/results`)
      assert.equal(results.statusCode, 200)
      assert.match(results.body, words)
    }
    // The file holds the bids the count had, and recounts to the same outcome.
    const file = await get().app.inject(`/calls/${ruled.call.slug}/votes.pb`)
    const read = parsePabulib(file.body)
    assert.deepEqual(
      read.projects.map((p) => p.id),
      [String(retrofit!.id)],
    )
    assert.deepEqual(countElection(read, { rule: 'greedy' }).winners, stored.count.winners)
    assert.match(metaValue(read, 'comment') ?? '', new RegExp(`Left out of the count, .*: ${busyBid!.id} \\(Busy bid\\), ${toolkit!.id} \\(Free toolkit\\)`))
    const results = await get().app.inject(`/calls/${ruled.call.slug}/results`)
    assert.match(results.body, /Free toolkit[^]*?data-qa="explanation">Not funded: Free Council leads another bid this vote funds, “Free retrofit”/)

    // A call without the rule funds the busy council's bid like any other.
    const unruled = await countOne(false)
    assert.equal(unruled.outcome(unruled.bids[0]!.id).outcome, 'fund')
  })

  it('puts only shortlisted bids on the ballot of a call assessed first', async () => {
    const { call, bids } = await buildVoteCall(db(), {
      leadOrganisationId: lead,
      decisionMethod: 'assessment-then-vote',
      shortlisted: ['Tenant-led retrofit', 'Youth budget'],
    })
    const page = `/admin/calls/${call.id}/vote`
    assert.equal((await admin.post(page, setUpForm('', { countingRule: 'greedy' }))).statusCode, 303)
    assert.equal((await admin.post(`${page}/open`)).statusCode, 303)
    const ballot = await voters[0]!.get(`/calls/${call.slug}/vote`)
    assert.match(ballot.body, new RegExp(`value="${bids[0]!.id}"`))
    assert.doesNotMatch(ballot.body, new RegExp(`value="${bids[1]!.id}"`))
    assert.match(ballot.body, new RegExp(`value="${bids[2]!.id}"`))
    const offBallot = await voters[0]!.post(`/calls/${call.slug}/vote`, { bids: [String(bids[1]!.id)], action: 'cast' })
    assert.equal(offBallot.statusCode, 400)
    assert.equal((await voters[0]!.post(`/calls/${call.slug}/vote`, { bids: [String(bids[2]!.id)], action: 'cast' })).statusCode, 200)
    assert.equal((await admin.post(`${page}/close`)).statusCode, 303)
    assert.equal((await admin.post(`${page}/count`)).statusCode, 303)
    const decisions = await db()
      .select()
      .from(bidDecisions)
      .where(
        inArray(
          bidDecisions.bidId,
          bids.map((x) => x.id),
        ),
      )
    assert.deepEqual(
      bids.map((bid) => decisions.find((d) => d.bidId === bid.id)?.outcome ?? null),
      ['decline', null, 'fund'],
    )
    const results = await get().app.inject(`/calls/${call.slug}/results`)
    assert.match(results.body, /counted by the greedy rule/)
    assert.match(results.body, /Not funded: no ballot chose it\./)
    assert.match(results.body, /Funded: chosen by 1 ballot; when its turn came £20,000 of the budget was left, enough for its cost of £4,000\./)
    assert.equal((await db().select().from(calls).where(eq(calls.id, call.id)))[0]!.status, 'decided')
  })
})
