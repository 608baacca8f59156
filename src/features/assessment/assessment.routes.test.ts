import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { describeEachDatabase } from '../../../test/app.ts'
import { summaryLinks } from '../../../test/admin-support.ts'
import { Agent } from '../../../test/agent.ts'
import { makeAssessor, person } from '../../../test/assessment.ts'
import { buildBid, buildCall } from '../../../test/co-production.ts'
import { buildOrganisation } from '../../../test/factories.ts'
import { assessments, bidBudgetLines, bidDecisions, bidParticipants, callAssessors, callCriteria, calls, emails } from '../../db/schema/index.ts'
import { buildVote } from '../../../test/member-vote.ts'

describeEachDatabase('assessment: set-up, scoring, the panel and decisions', (get) => {
  const db = () => get().handle.db
  let admin: Agent
  let home: { id: number; slug: string }
  let away: { id: number; slug: string }

  before(async () => {
    home = await buildOrganisation(db(), { slug: 'assess-home', name: 'Home Council', tier: 'full' })
    away = await buildOrganisation(db(), { slug: 'assess-away', name: 'Away Council', tier: 'full' })
    ;({ agent: admin } = await person(get().app, db(), 'admin'))
  })

  /** A closed call with two criteria (10 and 5 points) and submitted bids. */
  async function closedCall(titles: string[] = ['Alpha', 'Beta']) {
    const call = await buildCall(db(), { status: 'closed' })
    await db()
      .insert(callCriteria)
      .values([
        { callId: call.id, position: 0, title: 'Principles', maxScore: 10 },
        { callId: call.id, position: 1, title: 'Reach', maxScore: 5 },
      ])
    const made = []
    for (const title of titles) made.push(await buildBid(db(), { callId: call.id, leadOrganisationId: home.id, status: 'submitted', title }))
    const criteria = await db().select().from(callCriteria).where(eq(callCriteria.callId, call.id)).orderBy(callCriteria.position)
    return { call, bids: made, criteria }
  }

  const scoreForm = (criteria: Array<{ id: number }>, scores: string[], action = 'submit', revision = '0') => ({
    revision,
    action,
    ...Object.fromEntries(criteria.map((c, i) => [`score-${c.id}`, scores[i] ?? ''])),
    comment: 'Overall view',
  })

  it('offers four suggested criteria, saves, reorders and removes them, and explains bad rows', async () => {
    const call = await buildCall(db(), { status: 'open' })
    const page = await admin.get(`/admin/calls/${call.id}/assessment`)
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /These four criteria are suggested/)
    const fingerprint = /name="fingerprint" value="([^"]+)"/.exec(page.body)![1]!
    const rows = {
      fingerprint,
      rowCount: '3',
      'criterionTitle-0': 'Principles',
      'criterionMax-0': '10',
      'criterionTitle-1': 'Reach',
      'criterionMax-1': '5',
      'criterionTitle-2': '',
      'criterionMax-2': '',
    }
    const saved = await admin.post(`/admin/calls/${call.id}/assessment/criteria`, { ...rows, action: 'down-0' })
    assert.equal(saved.statusCode, 303)
    const stored = async () =>
      (await db().select().from(callCriteria).where(eq(callCriteria.callId, call.id)).orderBy(callCriteria.position)).map((c) => `${c.title} ${c.maxScore}`)
    assert.deepEqual(await stored(), ['Reach 5', 'Principles 10'])
    // The form was opened on the empty list: saving it again is a conflict, and nothing changes.
    const stale = await admin.post(`/admin/calls/${call.id}/assessment/criteria`, { ...rows, action: 'save' })
    assert.equal(stale.statusCode, 400)
    assert.match(stale.body, /Someone else changed this since you opened it/)
    assert.match(stale.body, /data-qa="their-version"[\s\S]*Reach[\s\S]*Most points 5/)
    assert.deepEqual(await stored(), ['Reach 5', 'Principles 10'])

    const fresh = /name="fingerprint" value="([^"]+)"/.exec((await admin.get(`/admin/calls/${call.id}/assessment`)).body)![1]!
    const bad = await admin.post(`/admin/calls/${call.id}/assessment/criteria`, {
      fingerprint: fresh,
      rowCount: '2',
      'criterionTitle-0': '',
      'criterionGuidance-0': 'Something',
      'criterionMax-0': '10',
      'criterionTitle-1': 'Reach',
      'criterionMax-1': 'lots',
    })
    assert.equal(bad.statusCode, 400)
    assert.deepEqual(summaryLinks(bad.body), [
      '#criterionTitle-0 Enter a title for criterion 1',
      '#criterionMax-1 Enter the most points for criterion 2 as a whole number from 1 to 100',
    ])
    const removed = await admin.post(`/admin/calls/${call.id}/assessment/criteria`, {
      fingerprint: fresh,
      rowCount: '2',
      'criterionTitle-0': 'Reach',
      'criterionMax-0': '5',
      'criterionTitle-1': 'Principles',
      'criterionMax-1': '10',
      action: 'remove-0',
    })
    assert.equal(removed.statusCode, 303)
    assert.deepEqual(await stored(), ['Principles 10'])
  })

  it('adds assessors by email or from the list, explains mistakes, and removes them', async () => {
    const call = await buildCall(db(), { status: 'open' })
    const a = await person(get().app, db(), 'officer', away.slug)
    const b = await person(get().app, db(), 'editor')
    assert.equal((await admin.post(`/admin/calls/${call.id}/assessment/assessors`, { email: a.email.toUpperCase() })).statusCode, 303)
    assert.equal((await admin.post(`/admin/calls/${call.id}/assessment/assessors`, { userId: String(b.userId) })).statusCode, 303)
    const cases: Array<[Record<string, string>, string]> = [
      [{ email: 'nobody@example.org' }, '#email There is no account with that email address'],
      [{ email: a.email }, '#email That person already assesses this call'],
      [{}, '#userId Choose an account from the list, or enter an email address'],
      [{ userId: '99999999' }, '#userId Choose an account from the list, or enter an email address'],
    ]
    for (const [form, expected] of cases) {
      const res = await admin.post(`/admin/calls/${call.id}/assessment/assessors`, form)
      assert.equal(res.statusCode, 400, expected)
      assert.deepEqual(summaryLinks(res.body), [expected])
    }
    const ids = async () => (await db().select().from(callAssessors).where(eq(callAssessors.callId, call.id))).map((r) => r.userId).sort()
    assert.deepEqual(await ids(), [a.userId, b.userId].sort())
    assert.equal((await admin.post(`/admin/calls/${call.id}/assessment/assessors/${a.userId}/remove`, {})).statusCode, 303)
    assert.deepEqual(await ids(), [b.userId])
    assert.equal((await admin.post(`/admin/calls/${call.id}/assessment/assessors/${a.userId}/remove`, {})).statusCode, 404)
    // The set-up pages are the administrators' alone.
    assert.equal((await a.agent.get(`/admin/calls/${call.id}/assessment`)).statusCode, 403)
    assert.equal((await b.agent.post(`/admin/calls/${call.id}/assessment/assessors`, { email: b.email })).statusCode, 403)
  })

  it('shows an assessor only the submitted bids of calls they assess; nobody else sees the pages', async () => {
    const mine = await closedCall(['Mine one'])
    const theirs = await closedCall(['Theirs one'])
    const draft = await buildBid(db(), { callId: mine.call.id, leadOrganisationId: home.id, title: 'A draft' })
    const assessor = await person(get().app, db(), 'officer', away.slug)
    await makeAssessor(db(), mine.call.id, assessor.userId)

    const list = await assessor.agent.get('/assess')
    assert.equal(list.statusCode, 200)
    assert.match(list.body, new RegExp(mine.call.title))
    assert.doesNotMatch(list.body, new RegExp(`${theirs.call.title}<`))
    const callPage = await assessor.agent.get(`/assess/calls/${mine.call.slug}`)
    assert.equal(callPage.statusCode, 200)
    assert.match(callPage.body, /Mine one/)
    assert.doesNotMatch(callPage.body, /A draft/)
    assert.equal((await assessor.agent.get(`/assess/bids/${mine.bids[0]!.id}`)).statusCode, 200)
    // Another call's bids, and drafts, do not exist for them.
    assert.equal((await assessor.agent.get(`/assess/calls/${theirs.call.slug}`)).statusCode, 404)
    assert.equal((await assessor.agent.get(`/assess/bids/${theirs.bids[0]!.id}`)).statusCode, 404)
    assert.equal((await assessor.agent.get(`/assess/bids/${draft.id}`)).statusCode, 404)
    assert.equal((await assessor.agent.post(`/assess/bids/${theirs.bids[0]!.id}`, scoreForm(theirs.criteria, ['5', '5']))).statusCode, 404)

    // Not an assessor: an administrator or another officer.
    const other = await person(get().app, db(), 'officer', home.slug)
    for (const agent of [admin, other.agent]) {
      assert.equal((await agent.get('/assess')).statusCode, 403)
      assert.equal((await agent.get(`/assess/calls/${mine.call.slug}`)).statusCode, 404)
      assert.equal((await agent.get(`/assess/bids/${mine.bids[0]!.id}`)).statusCode, 404)
      assert.equal((await agent.post(`/assess/bids/${mine.bids[0]!.id}`, scoreForm(mine.criteria, ['5', '5']))).statusCode, 404)
    }
    const anonymous = await new Agent(get().app).get('/assess')
    assert.equal(anonymous.headers.location, '/sign-in?next=%2Fassess')
    assert.equal((await db().select().from(assessments).where(eq(assessments.bidId, mine.bids[0]!.id))).length, 0)
    // The dashboard lists what waits for the assessor.
    assert.match((await assessor.agent.get('/dashboard')).body, /1 bid waiting for your assessment/)
  })

  it('refuses a conflicted assessor the scoring form and the score, and says why', async () => {
    const { call, bids: made, criteria } = await closedCall(['Led by home', 'Grouped with away'])
    await db().insert(bidParticipants).values({ bidId: made[1]!.id, organisationId: away.id, role: 'member', acceptedAt: new Date() })
    const leadOfficer = await person(get().app, db(), 'officer', home.slug)
    const groupOfficer = await person(get().app, db(), 'officer', away.slug)
    const declarer = await person(get().app, db(), 'editor')
    for (const p of [leadOfficer, groupOfficer, declarer]) await makeAssessor(db(), call.id, p.userId)

    const led = await leadOfficer.agent.get(`/assess/bids/${made[0]!.id}`)
    assert.equal(led.statusCode, 403)
    assert.match(led.body, /You have a conflict of interest with this bid, so you cannot see its scoring form or score it: their organisation leads the bid/)
    assert.doesNotMatch(led.body, /data-qa="score-form"/)
    assert.equal((await leadOfficer.agent.post(`/assess/bids/${made[0]!.id}`, scoreForm(criteria, ['9', '5']))).statusCode, 403)
    assert.match(
      (await groupOfficer.agent.get(`/assess/bids/${made[1]!.id}`)).body,
      /their organisation is in the bid&#39;s working group|their organisation is in the bid's working group/,
    )
    assert.equal((await groupOfficer.agent.get(`/assess/bids/${made[0]!.id}`)).statusCode, 200)

    const empty = await declarer.agent.post(`/assess/bids/${made[0]!.id}/conflict`, { reason: ' ' })
    assert.equal(empty.statusCode, 400)
    assert.deepEqual(summaryLinks(empty.body), ['#reason Enter why you have a conflict of interest'])
    const declaredNow = await declarer.agent.post(`/assess/bids/${made[0]!.id}/conflict`, { reason: 'I advised the lead' })
    assert.equal(declaredNow.statusCode, 303)
    assert.match(
      (await declarer.agent.get(declaredNow.headers.location as string)).body,
      /You declared a conflict of interest with Led by home: you will not score it/,
    )
    const declared = await declarer.agent.get(`/assess/bids/${made[0]!.id}`)
    assert.equal(declared.statusCode, 403)
    assert.match(declared.body, /declared: I advised the lead/)
    assert.match((await declarer.agent.get(`/assess/calls/${call.slug}`)).body, /Conflict of interest/)
    assert.equal((await db().select().from(assessments).where(eq(assessments.bidId, made[0]!.id))).length, 0)

    // A declaration can be taken back by its assessor; a conflict that follows from the data cannot.
    assert.equal((await leadOfficer.agent.post(`/assess/bids/${made[0]!.id}/conflict/withdraw`, {})).statusCode, 404)
    const panel = await admin.get(`/admin/calls/${call.id}/panel`)
    assert.match(panel.body, /These assessors have a conflict of interest and do not score this bid/)
    assert.match(panel.body, /declared: I advised the lead/)
    assert.match((await declarer.agent.get(`/assess/calls/${call.slug}`)).body, /Withdraw my conflict of interest with Led by home/)
    assert.equal((await declarer.agent.post(`/assess/bids/${made[0]!.id}/conflict/withdraw`, {})).headers.location, `/assess/bids/${made[0]!.id}`)
    assert.equal((await declarer.agent.get(`/assess/bids/${made[0]!.id}`)).statusCode, 200)
  })

  it('explains malformed scores with 400, saves a draft, submits, and notices a stale form', async () => {
    const { call, bids: made, criteria } = await closedCall(['Scored'])
    const assessor = await person(get().app, db(), 'officer', away.slug)
    await makeAssessor(db(), call.id, assessor.userId)
    const url = `/assess/bids/${made[0]!.id}`
    const bad = await assessor.agent.post(url, scoreForm(criteria, ['11', 'five']))
    assert.equal(bad.statusCode, 400)
    assert.deepEqual(summaryLinks(bad.body), [
      `#score-${criteria[0]!.id} The score for Principles must be a whole number from 0 to 10`,
      `#score-${criteria[1]!.id} The score for Reach must be a whole number from 0 to 5`,
    ])
    const incomplete = await assessor.agent.post(url, scoreForm(criteria, ['7', '']))
    assert.equal(incomplete.statusCode, 400)
    assert.deepEqual(summaryLinks(incomplete.body), [`#score-${criteria[1]!.id} Select a score for Reach`])
    for (const body of [{ revision: ['1', '2'], action: ['submit', 'x'] }, { [`score-${criteria[0]!.id}`]: ['1', '2'] }, {}]) {
      const res = await assessor.agent.post(url, body as Record<string, string | string[]>)
      assert.ok(res.statusCode < 500, String(res.statusCode))
    }

    assert.equal((await assessor.agent.post(url, scoreForm(criteria, ['7', ''], 'save'))).headers.location, `${url}?saved=draft`)
    const stale = await assessor.agent.post(url, scoreForm(criteria, ['8', '4'], 'submit', '0'))
    assert.equal(stale.statusCode, 400)
    assert.match(stale.body, /Someone else changed this since you opened it/)
    assert.match(stale.body, /data-qa="their-version"[\s\S]*Principles[\s\S]*7 out of 10/)
    const [draft] = await db().select().from(assessments).where(eq(assessments.bidId, made[0]!.id))
    assert.equal(draft!.submittedAt, null)
    assert.equal(
      (await assessor.agent.post(url, scoreForm(criteria, ['8', '4'], 'submit', String(draft!.revision)))).headers.location,
      `${url}?saved=submitted`,
    )
    const [submitted] = await db().select().from(assessments).where(eq(assessments.bidId, made[0]!.id))
    assert.ok(submitted!.submittedAt)
    assert.equal(submitted!.comment, 'Overall view')
  })

  it('does not take scores while the call is still open', async () => {
    const call = await buildCall(db(), { status: 'open' })
    await db().insert(callCriteria).values({ callId: call.id, position: 0, title: 'Reach', maxScore: 5 })
    const bid = await buildBid(db(), { callId: call.id, leadOrganisationId: home.id, status: 'submitted' })
    const assessor = await person(get().app, db(), 'editor')
    await makeAssessor(db(), call.id, assessor.userId)
    const page = await assessor.agent.get(`/assess/bids/${bid.id}`)
    assert.match(page.body, /The call is still taking bids: scoring starts when it closes/)
    assert.doesNotMatch((await assessor.agent.get('/dashboard')).body, /waiting for your assessment/)
    assert.doesNotMatch(page.body, /data-qa="score-form"/)
    const res = await assessor.agent.post(`/assess/bids/${bid.id}`, { revision: '0', action: 'submit' })
    assert.equal(res.statusCode, 400)
    assert.equal((await db().select().from(assessments).where(eq(assessments.bidId, bid.id))).length, 0)
  })

  it('ranks the bids by mean score, then lower cost, and the panel decides and marks the call decided', async () => {
    const { call, bids: made, criteria } = await closedCall(['Alpha', 'Beta', 'Gamma'])
    // Beta costs less than Alpha: equal means go to Beta.
    await db().update(bidBudgetLines).set({ amountPence: 100_000 }).where(eq(bidBudgetLines.bidId, made[1]!.id))
    const one = await person(get().app, db(), 'officer', away.slug)
    const two = await person(get().app, db(), 'editor')
    const three = await person(get().app, db(), 'officer', home.slug) // leads every bid: conflicted
    for (const p of [one, two, three]) await makeAssessor(db(), call.id, p.userId)
    const scores: Array<[typeof one, number, string[]]> = [
      [one, 0, ['8', '4']],
      [two, 0, ['6', '3']],
      [one, 1, ['6', '4']],
      [two, 1, ['8', '3']],
      [one, 2, ['10', '5']],
    ]
    for (const [who, i, values] of scores) {
      const res = await who.agent.post(`/assess/bids/${made[i]!.id}`, scoreForm(criteria, values))
      assert.equal(res.statusCode, 303, res.body.slice(0, 300))
    }
    const panel = await admin.get(`/admin/calls/${call.id}/panel`)
    assert.equal(panel.statusCode, 200)
    const ranking = /data-qa="ranking"[\s\S]*?<\/table>/
      .exec(panel.body)![0]
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
    // Gamma 15 (one assessor of two: the third is conflicted); Alpha 12 and 9, Beta 10 and 11: both 10.5, and Beta costs less.
    assert.match(ranking, /1 Gamma 15\.0 out of 15 Not decided 2 Beta 10\.5 out of 15 Not decided 3 Alpha 10\.5 out of 15 Not decided/)
    const section = (rank: number) =>
      new RegExp(`data-qa="panel-bid-${rank}"[\\s\\S]*?</section>`)
        .exec(panel.body)![0]
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
    assert.match(section(1), /Gamma .*Spread 15 to 15 Assessments 1 of 2 Cost £1,500/)
    assert.match(section(2), /Beta .*Spread 10 to 11 Assessments 2 of 2 Cost £1,000/)
    assert.match(section(3), /Alpha .*Spread 9 to 12 Assessments 2 of 2 Cost £1,500 .*Principles 7\.0 out of 10 Reach 3\.5 out of 5/)
    assert.match(panel.body, /Overall view/)

    // Decisions: feedback is required to decline; a shortlist is not an outcome of an assessment-only call.
    const decide = (i: number, form: Record<string, string>) => admin.post(`/admin/calls/${call.id}/panel/bids/${made[i]!.id}`, form)
    const noFeedback = await decide(0, { outcome: 'decline', feedback: '' })
    assert.equal(noFeedback.statusCode, 400)
    assert.match(noFeedback.body, /Enter feedback for the bidders/)
    assert.equal((await decide(0, { outcome: 'shortlisted', feedback: 'x' })).statusCode, 400)
    assert.equal((await decide(0, { outcome: 'fund', awarded: 'lots' })).statusCode, 400)
    const early = await admin.post(`/admin/calls/${call.id}/decided`, {})
    assert.equal(early.statusCode, 400)
    assert.match(early.body, /Every submitted bid needs a decision/)
    assert.equal((await decide(2, { outcome: 'fund', awarded: '1,500' })).statusCode, 303)
    assert.equal((await decide(1, { outcome: 'fund-with-conditions', awarded: '1,000', conditions: 'Name an evaluator', feedback: 'Strong' })).statusCode, 303)
    assert.equal((await decide(0, { outcome: 'decline', feedback: 'Not this round' })).statusCode, 303)
    const decided = await db().select().from(bidDecisions)
    assert.deepEqual(
      made.map((b) => decided.find((d) => d.bidId === b.id)?.outcome),
      ['decline', 'fund-with-conditions', 'fund'],
    )
    assert.ok((await db().select().from(emails)).some((e) => /Your bid was not funded: Alpha/.test(e.subject)))
    assert.equal((await admin.post(`/admin/calls/${call.id}/decided`, {})).headers.location, `/admin/calls/${call.id}/panel?decided=1`)
    const [after] = await db().select().from(calls).where(eq(calls.id, call.id))
    assert.equal(after!.status, 'decided')
    // Decided: no more scores or decisions.
    assert.equal((await one.agent.post(`/assess/bids/${made[0]!.id}`, scoreForm(criteria, ['1', '1'], 'submit', '1'))).statusCode, 400)
    assert.equal((await decide(0, { outcome: 'decline', feedback: 'Again' })).statusCode, 400)
  })

  it('lets a call that goes to a vote shortlist bids, and leaves marking it decided to the count', async () => {
    const { call, bids: made } = await closedCall(['Voted'])
    await db().update(calls).set({ decisionMethod: 'assessment-then-vote' }).where(eq(calls.id, call.id))
    const form = await admin.get(`/admin/calls/${call.id}/panel/bids/${made[0]!.id}`)
    assert.match(form.body, /Shortlisted for the member vote/)
    assert.doesNotMatch(form.body, /value="fund"/)
    assert.equal((await admin.post(`/admin/calls/${call.id}/panel/bids/${made[0]!.id}`, { outcome: 'fund', awarded: '100' })).statusCode, 400)
    assert.equal((await admin.post(`/admin/calls/${call.id}/panel/bids/${made[0]!.id}`, { outcome: 'shortlisted' })).statusCode, 303)
    // A form opened before that decision was recorded does not silently replace it.
    const stale = await admin.post(`/admin/calls/${call.id}/panel/bids/${made[0]!.id}`, { outcome: 'decline', feedback: 'Too narrow', seen: '' })
    assert.equal(stale.statusCode, 400)
    assert.match(stale.body, /Someone else changed this since you opened it/)
    const [kept] = await db().select().from(bidDecisions).where(eq(bidDecisions.bidId, made[0]!.id))
    assert.equal(kept!.outcome, 'shortlisted')
    const res = await admin.post(`/admin/calls/${call.id}/decided`, {})
    assert.equal(res.statusCode, 400)
    assert.match(res.body, /This call goes on to a member vote/)
    // Once the members' vote has opened on the shortlist, the panel can no longer change it.
    await buildVote(db(), call.id, { status: 'open' })
    const seen = kept!.decidedAt.toISOString()
    const late = await admin.post(`/admin/calls/${call.id}/panel/bids/${made[0]!.id}`, { outcome: 'decline', feedback: 'Too narrow', seen })
    assert.equal(late.statusCode, 400)
    assert.match(late.body, /The members’ vote on this call has opened: the shortlist can no longer change/)
  })
})
