import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { describeEachDatabase } from '../../../test/app.ts'
import { inputValue, summaryLinks } from '../../../test/admin-support.ts'
import { Agent, signedInAgent } from '../../../test/agent.ts'
import { buildBid, buildCall } from '../../../test/co-production.ts'
import { buildOrganisation, buildPrinciple } from '../../../test/factories.ts'
import { auditEvents, callPrinciples, calls, organisations, spaces } from '../../db/schema/index.ts'

const valid: Record<string, string | string[]> = {
  title: 'Policy Labs 2027',
  slug: '',
  kind: 'policy-lab',
  summary: 'Collaborative labs between members.',
  pot: '60,000',
  cap: '20,000',
  leadTiers: ['full'],
  minWorkingGroup: '3',
  oneLedProjectAtATime: 'yes',
  themes: 'Housing\nEnergy',
  decisionMethod: 'assessment',
  'opensOn-day': '1',
  'opensOn-month': '2',
  'opensOn-year': '2027',
  'closesOn-day': '20',
  'closesOn-month': '3',
  'closesOn-year': '2027',
  'decisionOn-day': '1',
  'decisionOn-month': '5',
  'decisionOn-year': '2027',
}

describeEachDatabase('calls: administrators’ pages and the public pages', (get) => {
  let admin: Agent
  let principleId: number
  before(async () => {
    ;({ agent: admin } = await signedInAgent(get().app, get().handle.db, 'admin'))
    await buildOrganisation(get().handle.db, { slug: 'home-council', name: 'Home Council' })
    principleId = (await buildPrinciple(get().handle.db, { slug: 'sharing-power', shortName: 'Sharing power' })).id
  })
  const db = () => get().handle.db
  const callBySlug = async (slug: string) => (await db().select().from(calls).where(eq(calls.slug, slug)))[0]

  it('sends visitors who are not signed in to sign in', async () => {
    const call = await buildCall(db(), { status: 'draft' })
    const anonymous = new Agent(get().app)
    for (const url of ['/admin/calls', '/admin/calls/new', `/admin/calls/${call.id}`]) {
      const res = await anonymous.get(url)
      assert.equal(res.statusCode, 303, url)
      assert.equal(res.headers.location, `/sign-in?next=${encodeURIComponent(url)}`)
    }
    for (const url of ['/admin/calls', `/admin/calls/${call.id}`, `/admin/calls/${call.id}/open`, `/admin/calls/${call.id}/close`]) {
      assert.match(String((await anonymous.post(url, valid)).headers.location), /^\/sign-in/, url)
    }
    assert.equal((await callBySlug(call.slug))!.status, 'draft')
  })

  it('explains each invalid field, linking to it and keeping what was typed', async () => {
    const cases: Array<[Record<string, string | string[]>, string]> = [
      [{ title: '' }, '#title Enter a title'],
      [{ slug: 'Policy Labs' }, '#slug Web address must use only lower-case letters, numbers and single hyphens, like co-production'],
      [{ kind: 'grant' }, '#kind Select the kind of call'],
      [{ pot: '' }, '#pot Enter the total available'],
      [{ pot: 'lots' }, '#pot Enter the total available as an amount in pounds, like 60,000'],
      [{ cap: '0' }, '#cap The most a bid can ask for must be more than £0'],
      [{ cap: '60,001' }, '#cap The most a bid can ask for must not be more than the total available'],
      [{ leadTiers: ['gold'] }, '#leadTiers Select the tiers that may lead from the list'],
      [{ minWorkingGroup: 'three' }, '#minWorkingGroup Enter the number of other members as a whole number from 0 to 50'],
      [{ themes: 'Housing\nhousing' }, '#themes Enter each theme once'],
      [{ decisionMethod: '' }, '#decisionMethod Select how the call decides'],
      [{ principles: '99999' }, '#principles Select principles from the list'],
      [{ 'opensOn-day': '', 'opensOn-month': '', 'opensOn-year': '' }, '#opensOn-day Enter the date bids open'],
      [{ 'closesOn-day': '30', 'closesOn-month': '2' }, '#closesOn-day The date bids close must be a real date'],
      [{ 'closesOn-day': '1', 'closesOn-month': '1' }, '#closesOn-day The date bids close must be the same as or after the date they open'],
      [{ 'decisionOn-month': '3', 'decisionOn-day': '19' }, '#decisionOn-day The decision date must be the same as or after the date bids close'],
    ]
    for (const [change, expected] of cases) {
      const res = await admin.post('/admin/calls', { ...valid, ...change })
      assert.equal(res.statusCode, 400, expected)
      assert.match(res.body, /<title>Error: Add a call/)
      assert.deepEqual(summaryLinks(res.body), [expected])
      assert.equal(inputValue(res.body, 'title'), change.title ?? valid.title)
    }
    assert.equal(await callBySlug('policy-labs-2027'), undefined)
  })

  it('refuses the pages and writes to people who are not administrators', async () => {
    const call = await buildCall(db(), { status: 'draft' })
    for (const role of ['officer', 'editor'] as const) {
      const { agent } = await signedInAgent(get().app, db(), role, role === 'officer' ? 'home-council' : '')
      assert.equal((await agent.get('/admin/calls')).statusCode, 403)
      assert.equal((await agent.post('/admin/calls', valid)).statusCode, 403)
      assert.equal((await agent.post(`/admin/calls/${call.id}/open`, {})).statusCode, 403)
    }
    assert.equal((await callBySlug(call.slug))!.status, 'draft')
  })

  it('creates a call as a draft of the network’s programme, with its settings and principles', async () => {
    const res = await admin.post('/admin/calls', { ...valid, principles: String(principleId) })
    assert.equal(res.statusCode, 303)
    const call = (await callBySlug('policy-labs-2027'))!
    assert.equal(res.headers.location, `/admin/calls/${call.id}?saved=${call.id}`)
    assert.equal(call.status, 'draft')
    assert.equal(call.potPence, 6_000_000)
    assert.equal(call.capPence, 2_000_000)
    assert.deepEqual(call.settings, { leadTiers: ['full'], minWorkingGroup: 3, oneLedProjectAtATime: true, themes: ['Housing', 'Energy'] })
    assert.deepEqual([call.opensOn, call.closesOn, call.assessmentOn, call.decisionOn], ['2027-02-01', '2027-03-20', null, '2027-05-01'])
    const [space] = await db().select().from(spaces).where(eq(spaces.id, call.spaceId))
    assert.deepEqual([space!.kind, space!.ownerOrganisationId], ['network-programme', null])
    assert.deepEqual(
      (await db().select().from(callPrinciples).where(eq(callPrinciples.callId, call.id))).map((p) => p.principleId),
      [principleId],
    )
    const page = await admin.get(res.headers.location as string)
    assert.match(page.body, /Policy Labs 2027 saved\. It is a draft: only administrators can see it\./)
    // A draft is nobody's but the administrators'.
    assert.equal((await get().app.inject('/calls/policy-labs-2027')).statusCode, 404)
    assert.equal((await admin.get('/calls/policy-labs-2027')).statusCode, 200)
    const [audit] = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectType, 'call'), eq(auditEvents.subjectId, String(call.id))))
    assert.equal(audit!.action, 'call-created')
  })

  it('never gives a call the address of the round history', async () => {
    const typed = await admin.post('/admin/calls', { ...valid, slug: 'rounds', principles: String(principleId) })
    assert.equal(typed.statusCode, 400)
    assert.match(typed.body, /Another call already has this web address/)
    const made = await admin.post('/admin/calls', { ...valid, title: 'Rounds', principles: String(principleId) })
    assert.equal(made.statusCode, 303)
    assert.ok(await callBySlug('rounds-2'))
    assert.equal(await callBySlug('rounds'), undefined)
  })

  it('saves changes, detects a second editor’s save, and keeps what this person typed', async () => {
    const call = await buildCall(db(), { status: 'draft', slug: 'prototypes-2027', title: 'Prototypes 2027' })
    const form = await admin.get(`/admin/calls/${call.id}`)
    assert.equal(inputValue(form.body, 'revision'), '1')
    assert.equal(inputValue(form.body, 'pot'), '60,000')
    const first = await admin.post(`/admin/calls/${call.id}`, { ...valid, title: 'Prototypes 2027', slug: 'prototypes-2027', cap: '2,000', revision: '1' })
    assert.equal(first.statusCode, 303)
    assert.deepEqual(await db().select({ cap: calls.capPence, revision: calls.revision }).from(calls).where(eq(calls.id, call.id)), [
      { cap: 200_000, revision: 2 },
    ])
    const stale = await admin.post(`/admin/calls/${call.id}`, { ...valid, title: 'Prototypes (stale)', slug: 'prototypes-2027', revision: '1' })
    assert.equal(stale.statusCode, 400)
    assert.deepEqual(summaryLinks(stale.body), [
      '#conflict Someone else changed this since you opened it. Their version is shown below; your changes are kept in the form. Check both, then save again to keep yours',
    ])
    assert.equal(inputValue(stale.body, 'title'), 'Prototypes (stale)')
    assert.equal(inputValue(stale.body, 'revision'), '2')
    assert.match(stale.body, /data-qa="their-version"/)
    assert.equal((await callBySlug('prototypes-2027'))!.title, 'Prototypes 2027')
  })

  it('opens and closes a call, and refuses a change its status does not allow', async () => {
    const call = await buildCall(db(), { status: 'draft', slug: 'opening', title: 'Opening' })
    const opened = await admin.post(`/admin/calls/${call.id}/open`, {})
    assert.equal(opened.statusCode, 303)
    assert.equal((await callBySlug('opening'))!.status, 'open')
    const again = await admin.post(`/admin/calls/${call.id}/open`, {})
    assert.equal(again.statusCode, 400)
    assert.deepEqual(summaryLinks(again.body), [])
    assert.match(again.body, /Only a draft or closed call can be opened/)
    assert.equal((await admin.post(`/admin/calls/${call.id}/close`, {})).statusCode, 303)
    assert.equal((await callBySlug('opening'))!.status, 'closed')
    assert.equal((await admin.post('/admin/calls/999999/close', {})).statusCode, 404)
  })

  it('on a phone, the tables of calls and of a call’s bids keep their first column and repeat the others in it', async () => {
    const call = await buildCall(db(), { status: 'closed', slug: 'narrow-tables', title: 'Narrow tables', opensOn: '2026-02-01', closesOn: '2026-03-20' })
    const [home] = await db().select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, 'home-council'))
    await buildBid(db(), { callId: call.id, leadOrganisationId: home!.id, status: 'submitted', title: 'A narrow bid' })
    const tableOf = (html: string, qa: string) => new RegExp(`<table[^>]*data-qa="${qa}"[\\s\\S]*?</table>`).exec(html)?.[0] ?? ''
    const wideOnlyCells = (table: string) => (table.match(/class="govuk-table__(header|cell)[^"]*coophub-wide-only/g) ?? []).length

    const bids = tableOf((await admin.get(`/admin/calls/${call.id}`)).body, 'call-bids')
    // Three headers and three cells of the one bid: lead, status, submitted.
    assert.equal(wideOnlyCells(bids), 6)
    assert.match(bids, /A narrow bid<\/a><span class="[^"]*coophub-narrow-only">Home Council · Submitted \d/)

    const list = tableOf((await admin.get('/admin/calls')).body, 'call-table')
    const rows = (list.match(/<tr class="govuk-table__row">/g) ?? []).length
    assert.equal(wideOnlyCells(list), 3 * rows)
    assert.match(list, /Narrow tables<\/a><span class="[^"]*coophub-narrow-only">Policy lab · Closed · Opens 1 February 2026, closes 20 March 2026<\/span>/)
  })

  it('lists open calls first, then those opening soon, then past ones; never drafts', async () => {
    await buildCall(db(), { slug: 'open-now', title: 'Open now' })
    await buildCall(db(), { slug: 'soon', title: 'Opening later', opensOn: '2099-01-01', closesOn: '2099-02-01' })
    await buildCall(db(), { slug: 'last-year', title: 'Last year', opensOn: '2020-02-01', closesOn: '2020-03-20' })
    await buildCall(db(), { slug: 'secret-draft', title: 'Secret draft', status: 'draft' })
    const res = await get().app.inject('/calls')
    assert.equal(res.statusCode, 200)
    const order = ['Open now', 'Opening later', 'Last year'].map((title) => res.body.indexOf(`>${title}<`))
    assert.ok(order.every((i) => i > 0) && order[0]! < order[1]! && order[1]! < order[2]!, String(order))
    assert.doesNotMatch(res.body, /Secret draft/)
  })

  it('shows a call’s money, eligibility in words, timetable and principles', async () => {
    await buildCall(db(), {
      slug: 'labs-shown',
      title: 'Labs shown',
      opensOn: '2026-02-01',
      closesOn: '2099-03-20',
      settings: { leadTiers: ['full'], minWorkingGroup: 3, oneLedProjectAtATime: true, themes: ['Housing'] },
      principleIds: [principleId],
    })
    const res = await get().app.inject('/calls/labs-shown')
    assert.equal(res.statusCode, 200)
    assert.match(res.body, /Total available\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*£60,000/)
    assert.match(res.body, /Most a bid can ask for\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*£20,000/)
    assert.match(res.body, /A bid must be led by one of: Full members\./)
    assert.match(res.body, /At least 3 other members must join the lead in a working group\./)
    assert.match(res.body, /A member may lead only one funded project at a time\./)
    assert.match(res.body, /<li>Housing<\/li>/)
    assert.match(res.body, /1 February 2026<\/span>\s*Bids open/)
    assert.match(res.body, /20 March 2099<\/span>\s*Last day to submit bids \(UK time\)/)
    assert.match(res.body, /href="\/principles\/sharing-power">Sharing power/)
    assert.match(res.body, /A panel assesses the bids against the principles/)
    const cy = await get().app.inject('/cy/calls/labs-shown')
    assert.match(cy.body, /Rhaid i o leiaf 3 aelod arall ymuno â’r arweinydd mewn gweithgor\./)
    assert.match(cy.body, /20 Mawrth 2099/)
    assert.equal((await get().app.inject('/calls/no-such-call')).statusCode, 404)
    assert.equal((await get().app.inject('/calls/Not_A_Slug')).statusCode, 404)
  })
})
