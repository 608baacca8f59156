import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { asc, eq } from 'drizzle-orm'
import { describeEachDatabase } from '../../../test/app.ts'
import { inputValue, summaryLinks } from '../../../test/admin-support.ts'
import { Agent, agentWithSession, signedInAgent } from '../../../test/agent.ts'
import { buildCall } from '../../../test/co-production.ts'
import { buildOrganisation, buildPrinciple } from '../../../test/factories.ts'
import { bidBudgetLines, bidMilestones, bidParticipants, bidPrinciples, bidVersions, bids, calls, emails, organisations } from '../../db/schema/index.ts'

describeEachDatabase('bids: start, write, submit and read', (get) => {
  let officer: Agent
  let principleId: number
  before(async () => {
    const db = get().handle.db
    await buildOrganisation(db, { slug: 'lead-council', name: 'Lead Council', tier: 'full' })
    await buildOrganisation(db, { slug: 'other-council', name: 'Other Council', tier: 'full' })
    principleId = (await buildPrinciple(db, { slug: 'sharing-power', shortName: 'Sharing power' })).id
    officer = await agentWithSession(get().app, db, 'officer', 'lead-council')
  })
  const db = () => get().handle.db
  const bidRow = async (id: number) => (await db().select().from(bids).where(eq(bids.id, id)))[0]!

  /** A draft bid of the lead council's officer, to a new open call. */
  async function startBid(over: Parameters<typeof buildCall>[1] = {}) {
    const call = await buildCall(db(), { principleIds: [principleId], ...over })
    const res = await officer.post(`/calls/${call.slug}/bids/new`, { title: 'Tenant-led retrofit' })
    assert.equal(res.statusCode, 303)
    const id = Number(/^\/bids\/(\d+)\/edit$/.exec(String(res.headers.location))![1])
    return { call, id }
  }

  const complete = (revision: string) => ({
    revision,
    title: 'Tenant-led retrofit',
    summary: 'Four councils retrofit homes with their tenants.',
    problem: 'Cold homes, decided for tenants rather than with them.',
    sharing: 'A toolkit at month 12.',
    [`difference-${principleId}`]: 'Tenants decide the order of the work.',
    milestoneRows: '3',
    'milestoneTitle-0': 'Launch',
    'milestoneDue-0-day': '1',
    'milestoneDue-0-month': '6',
    'milestoneDue-0-year': '2027',
    lineRows: '3',
    'lineDescription-0': 'Facilitation',
    'lineAmount-0': '1,200',
    'lineDescription-1': 'Venues',
    'lineAmount-1': '300.50',
    action: 'save',
  })

  it('sends visitors who are not signed in to sign in', async () => {
    const { call, id } = await startBid()
    const anonymous = new Agent(get().app)
    for (const url of [`/calls/${call.slug}/bids/new`, `/bids/${id}/edit`]) {
      const res = await anonymous.get(url)
      assert.equal(res.headers.location, `/sign-in?next=${encodeURIComponent(url)}`)
    }
    for (const url of [`/calls/${call.slug}/bids/new`, `/bids/${id}/edit`, `/bids/${id}/submit`]) {
      assert.match(String((await anonymous.post(url, { title: 'x', revision: '1' })).headers.location), /^\/sign-in/, url)
    }
    // A draft is not public.
    assert.equal((await anonymous.get(`/bids/${id}`)).statusCode, 404)
  })

  it('explains each invalid field, linking to it and keeping what was typed', async () => {
    const call = await buildCall(db())
    const blank = await officer.post(`/calls/${call.slug}/bids/new`, { title: ' ' })
    assert.equal(blank.statusCode, 400)
    assert.deepEqual(summaryLinks(blank.body), ['#title Enter a title for the bid'])
    const { id } = await startBid()
    const cases: Array<[Record<string, string>, string]> = [
      [{ title: '' }, '#title Enter a title for the bid'],
      [{ 'milestoneTitle-0': '' }, '#milestoneTitle-0 Enter a title for milestone 1'],
      [{ 'milestoneDue-0-day': '31' }, '#milestoneDue-0-day When milestone 1 is due must be a real date'],
      [{ 'lineDescription-1': '' }, '#lineDescription-1 Describe cost 2'],
      [{ 'lineAmount-1': '' }, '#lineAmount-1 Enter the amount of cost 2'],
      [{ 'lineAmount-1': 'three hundred' }, '#lineAmount-1 Enter the amount of cost 2 in pounds, like 1,250.00'],
    ]
    for (const [change, expected] of cases) {
      const res = await officer.post(`/bids/${id}/edit`, { ...complete('1'), ...change })
      assert.equal(res.statusCode, 400, expected)
      assert.match(res.body, /<title>Error: /)
      assert.deepEqual(summaryLinks(res.body), [expected])
      assert.equal(inputValue(res.body, 'lineAmount-1'), change['lineAmount-1'] ?? '300.50')
    }
    assert.equal((await bidRow(id)).revision, 1)
  })

  it('keeps drafts to their owners: others cannot see or change them, administrators can read them', async () => {
    const { id } = await startBid()
    const other = await agentWithSession(get().app, db(), 'officer', 'other-council')
    assert.equal((await other.get(`/bids/${id}`)).statusCode, 404)
    assert.equal((await other.get(`/bids/${id}/edit`)).statusCode, 404)
    assert.equal((await other.post(`/bids/${id}/edit`, complete('1'))).statusCode, 404)
    const { agent: admin } = await signedInAgent(get().app, db(), 'admin')
    assert.equal((await admin.get(`/bids/${id}`)).statusCode, 200)
    assert.equal((await admin.post(`/bids/${id}/edit`, complete('1'))).statusCode, 403)
    const { agent: editor } = await signedInAgent(get().app, db(), 'editor')
    assert.equal((await editor.get('/calls/any-call/bids/new')).statusCode, 403)
    assert.equal((await bidRow(id)).revision, 1)
  })

  it('saves a draft with its rows, keeps every version, shows what is still missing, then submits', async () => {
    const { call, id } = await startBid({ settings: { minWorkingGroup: 0 } })
    const first = await officer.get(`/bids/${id}/edit`)
    assert.match(first.body, /Before you can submit this bid/)
    assert.match(first.body, /href="#summary">Enter a summary of the bid/)
    assert.match(first.body, /href="#difference-\d+">Say what co-operative difference the bid makes against the principle Sharing power/)
    assert.doesNotMatch(first.body, /data-qa="submit-form"/)

    // A draft is on the administrators' page of the call, not on the public one.
    const { agent: admin } = await signedInAgent(get().app, db(), 'admin')
    assert.match((await admin.get(`/admin/calls/${call.id}`)).body, new RegExp(`data-qa="call-bids"[^]*href="/bids/${id}"[^]*Lead Council[^]*Draft`))
    assert.match((await get().app.inject(`/calls/${call.slug}`)).body, /<p class="govuk-body" data-qa="call-bids">No bid has been submitted yet\./)

    const saved = await officer.post(`/bids/${id}/edit`, complete('1'))
    assert.equal(saved.statusCode, 303)
    assert.equal(saved.headers.location, `/bids/${id}/edit?saved=1`)
    assert.deepEqual(await db().select({ title: bidMilestones.title, dueOn: bidMilestones.dueOn }).from(bidMilestones).where(eq(bidMilestones.bidId, id)), [
      { title: 'Launch', dueOn: '2027-06-01' },
    ])
    assert.deepEqual(
      await db()
        .select({ description: bidBudgetLines.description, amountPence: bidBudgetLines.amountPence })
        .from(bidBudgetLines)
        .where(eq(bidBudgetLines.bidId, id))
        .orderBy(asc(bidBudgetLines.position)),
      [
        { description: 'Facilitation', amountPence: 120_000 },
        { description: 'Venues', amountPence: 30_050 },
      ],
    )
    assert.equal((await db().select().from(bidPrinciples).where(eq(bidPrinciples.bidId, id))).length, 1)
    const page = await officer.get(`/bids/${id}/edit?saved=1`)
    assert.match(page.body, /Your bid has been saved\./)
    assert.match(page.body, /As last saved, this bid meets every rule of the call\./)
    assert.match(page.body, /Total as last saved: £1,500\.50/)

    // A second tab, opened before the save, cannot overwrite it.
    const stale = await officer.post(`/bids/${id}/edit`, { ...complete('1'), summary: 'Older text' })
    assert.equal(stale.statusCode, 400)
    assert.match(stale.body, /Someone else saved this bid since you opened it/)
    assert.equal(inputValue(stale.body, 'revision'), '2')

    const submitted = await officer.post(`/bids/${id}/submit`, { revision: '2' })
    assert.equal(submitted.statusCode, 303)
    assert.equal(submitted.headers.location, `/bids/${id}?submitted=1`)
    const row = await bidRow(id)
    assert.equal(row.status, 'submitted')
    assert.ok(row.submittedAt)
    const versions = await db().select().from(bidVersions).where(eq(bidVersions.bidId, id)).orderBy(asc(bidVersions.number))
    assert.deepEqual(
      versions.map((v) => [v.number, v.action]),
      [
        [1, 'created'],
        [2, 'saved'],
        [3, 'submitted'],
      ],
    )
    assert.equal((versions[1]!.snapshot as { summary: string }).summary, 'Four councils retrofit homes with their tenants.')
    const dashboard = await officer.get('/dashboard')
    assert.match(
      dashboard.body,
      new RegExp(`data-qa="your-bids"[^]*href="/bids/${id}"[^>]*>Tenant-led retrofit</a> <span class="govuk-body-s">to [^:]+: Submitted`),
    )
    // Submitted: anyone may read it.
    const open = await get().app.inject(`/bids/${id}`)
    assert.equal(open.statusCode, 200)
    assert.match(open.body, /Led by Lead Council/)
    assert.match(open.body, /£1,500\.50/)
    assert.match(open.body, new RegExp(`href="/calls/${call.slug}"`))
    assert.match(
      (await get().app.inject(`/calls/${call.slug}`)).body,
      new RegExp(`data-qa="call-bids"[^]*href="/bids/${id}" lang="en">Tenant-led retrofit</a> <span class="govuk-body-s">Led by Lead Council`),
    )
  })

  it('refuses a bid that breaks the call’s rules, naming each rule', async () => {
    const { id } = await startBid({ capPence: 100_000, settings: { minWorkingGroup: 3, leadTiers: ['associate'] } })
    assert.equal((await officer.post(`/bids/${id}/edit`, complete('1'))).statusCode, 303)
    const res = await officer.post(`/bids/${id}/submit`, { revision: '2' })
    assert.equal(res.statusCode, 400)
    assert.deepEqual(summaryLinks(res.body), [
      '#lead Your organisation cannot lead a bid to this call: the call says which members may lead',
      '#workingGroup At least 3 other members must accept a place in the working group (so far: 0)',
      '#budget The budget comes to £1,500.50, more than the £1,000 a bid to this call can ask for',
    ])
    assert.equal((await bidRow(id)).status, 'draft')
  })

  it('takes no submission or change after the call closes (London time), and no new bid', async () => {
    const { call, id } = await startBid({ settings: { minWorkingGroup: 0 } })
    assert.equal((await officer.post(`/bids/${id}/edit`, complete('1'))).statusCode, 303)
    await db().update(calls).set({ opensOn: '2020-01-01', closesOn: '2020-02-01' }).where(eq(calls.id, call.id))
    const late = await officer.post(`/bids/${id}/submit`, { revision: '2' })
    assert.equal(late.statusCode, 400)
    assert.match(late.body, /This call has closed: bids can no longer be submitted or changed/)
    const edit = await officer.post(`/bids/${id}/edit`, complete('2'))
    assert.equal(edit.statusCode, 400)
    assert.equal((await bidRow(id)).status, 'draft')
    assert.equal((await bidRow(id)).revision, 2)
    const fresh = await officer.post(`/calls/${call.slug}/bids/new`, { title: 'Too late' })
    assert.equal(fresh.statusCode, 400)
    assert.match(fresh.body, /This call has closed/)
  })

  it('adds one blank row with "Add another", without JavaScript, keeping what was typed', async () => {
    const { id } = await startBid()
    // Two costs typed in a form of three rows: the third, blank, is the one blank row offered.
    const res = await officer.post(`/bids/${id}/edit`, { ...complete('1'), action: 'add-line' })
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, `/bids/${id}/edit?milestones=3&lines=3#lineDescription-2`)
    const page = await officer.get(String(res.headers.location).split('#')[0]!)
    assert.equal((page.body.match(/data-qa="budget-row"/g) ?? []).length, 3)
    assert.equal(inputValue(page.body, 'lineDescription-1'), 'Venues')
    assert.equal(inputValue(page.body, 'lineDescription-2'), '')
    // Every row filled: one more, blank.
    const full = { ...complete('2'), 'lineDescription-2': 'Printing', 'lineAmount-2': '50', action: 'add-line' }
    const more = await officer.post(`/bids/${id}/edit`, full)
    assert.equal(more.headers.location, `/bids/${id}/edit?milestones=3&lines=4#lineDescription-3`)
    const after = await officer.get(String(more.headers.location).split('#')[0]!)
    assert.equal((after.body.match(/data-qa="budget-row"/g) ?? []).length, 4)
    // A saved form ends with a blank row; "Add another" pressed on it still leaves one blank row, not two.
    const again = await officer.post(`/bids/${id}/edit`, { ...full, revision: '3', lineRows: '4' })
    assert.equal(again.headers.location, `/bids/${id}/edit?milestones=3&lines=4#lineDescription-3`)
    // A refused save keeps what was typed, with one blank row after it.
    const refused = await officer.post(`/bids/${id}/edit`, { ...full, revision: '4', lineRows: '5', title: '' })
    assert.equal(refused.statusCode, 400)
    assert.equal((refused.body.match(/data-qa="budget-row"/g) ?? []).length, 4)
  })

  it('answers malformed posts from the bid’s owner without a server error', async () => {
    const { call, id } = await startBid()
    const arrays = Object.fromEntries(Object.entries(complete('1')).map(([k, v]) => [k, [v, 'second']]))
    const huge = { ...complete('1'), summary: 'x'.repeat(100_000), 'lineAmount-0': '9'.repeat(5000), milestoneRows: '99999', lineRows: '-1' }
    for (const url of [`/bids/${id}/edit`, `/bids/${id}/submit`, `/calls/${call.slug}/bids/new`]) {
      for (const form of [arrays, huge, {}, { revision: 'NaN', title: '\u0000' }]) {
        const res = await officer.post(url, form as Record<string, string | string[]>)
        assert.ok(res.statusCode < 500, `${url}: ${res.statusCode}`)
        if (res.statusCode === 400) assert.match(res.body, /govuk-error-summary/, url)
      }
    }
  })

  it('emails the invited member’s officers, in their language, where to answer', async () => {
    const { id } = await startBid({ settings: { minWorkingGroup: 1 } })
    const member = await buildOrganisation(db(), { slug: 'emailed-council', name: 'Emailed Council', tier: 'full' })
    const { email } = await signedInAgent(get().app, db(), 'officer', 'emailed-council')
    assert.equal((await officer.post(`/bids/${id}/working-group`, { role: 'member', member: String(member.id) })).statusCode, 303)
    const [sent] = await db().select().from(emails).where(eq(emails.toAddress, email))
    assert.match(sent!.subject, /invites you into the working group of “Tenant-led retrofit”/)
    assert.match(sent!.bodyText, new RegExp(`/bids/${id}\\n`))
    // A partner named by the lead has nobody at coophub to tell.
    const before = (await db().select().from(emails)).length
    assert.equal((await officer.post(`/bids/${id}/working-group`, { role: 'partner', partner: 'Residents panel' })).statusCode, 303)
    assert.equal((await db().select().from(emails)).length, before)
  })

  it('builds the working group: the lead invites, the member accepts or declines, partners are named', async () => {
    const { id } = await startBid({ settings: { minWorkingGroup: 1 } })
    const [lead] = await db().select().from(organisations).where(eq(organisations.slug, 'lead-council'))
    const [other] = await db().select().from(organisations).where(eq(organisations.slug, 'other-council'))
    const notMember = await buildOrganisation(db(), { slug: 'not-a-member', name: 'Not A Member Ltd', tier: 'none', kind: 'organisation' })
    for (const [form, expected] of [
      [{ role: 'member', member: String(lead!.id) }, '#member Your organisation leads the bid: choose another member'],
      [{ role: 'member', member: String(notMember.id) }, '#member This organisation is not a member: name it as a partner instead'],
      [{ role: 'member', member: '' }, '#member Choose a member to invite'],
      [{ role: 'partner', partner: ' ' }, '#partner Enter the partner’s name'],
    ] as const) {
      const res = await officer.post(`/bids/${id}/working-group`, form)
      assert.equal(res.statusCode, 400, expected)
      assert.deepEqual(summaryLinks(res.body), [expected])
    }
    assert.equal((await officer.post(`/bids/${id}/working-group`, { role: 'member', member: String(other!.id) })).statusCode, 303)
    assert.equal((await officer.post(`/bids/${id}/working-group`, { role: 'partner', partner: 'Tenants association' })).statusCode, 303)
    const again = await officer.post(`/bids/${id}/working-group`, { role: 'member', member: String(other!.id) })
    assert.deepEqual(summaryLinks(again.body), ['#member They are already in the working group'])
    const group = await db().select().from(bidParticipants).where(eq(bidParticipants.bidId, id)).orderBy(asc(bidParticipants.id))
    assert.deepEqual(
      group.map((p) => [p.role, p.organisationId, p.name, p.acceptedAt !== null]),
      [
        ['member', other!.id, null, false],
        ['partner', null, 'Tenants association', true],
      ],
    )
    const before = await officer.get(`/bids/${id}/edit`)
    assert.match(before.body, /At least 1 other member must accept a place in the working group \(so far: 0\)/)

    // The invited council's officer sees the invitation, reads the draft, and accepts.
    const invited = await agentWithSession(get().app, db(), 'officer', 'other-council')
    assert.match((await invited.get('/dashboard')).body, new RegExp(`data-qa="bid-invitations"[^]*href="/bids/${id}"`))
    const page = await invited.get(`/bids/${id}`)
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /data-qa="invitation"/)
    assert.equal((await invited.get(`/bids/${id}/edit`)).statusCode, 403)
    assert.equal((await officer.post(`/bids/${id}/working-group/${group[0]!.id}/accept`, {})).statusCode, 403)
    const accepted = await invited.post(`/bids/${id}/working-group/${group[0]!.id}/accept`, {})
    assert.equal(accepted.statusCode, 303)
    assert.equal(accepted.headers.location, `/bids/${id}`)
    const after = await officer.get(`/bids/${id}/edit`)
    assert.doesNotMatch(after.body, /must accept a place in the working group/)
    assert.match(after.body, /Other Council<\/span> <span class="govuk-body-s">Member · accepted/)

    // The lead removes the partner; the member leaves.
    assert.equal((await officer.post(`/bids/${id}/working-group/${group[1]!.id}/remove`, {})).statusCode, 303)
    const left = await invited.post(`/bids/${id}/working-group/${group[0]!.id}/remove`, {})
    assert.equal(left.headers.location, '/dashboard')
    assert.equal((await db().select().from(bidParticipants).where(eq(bidParticipants.bidId, id))).length, 0)
    // No longer invited: the draft is out of sight again.
    assert.equal((await invited.get(`/bids/${id}`)).statusCode, 404)
  })
})
