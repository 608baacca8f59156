import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { parse } from 'node-html-parser'
import { summaryLinks } from '../../../test/admin-support.ts'
import { describeEachDatabase } from '../../../test/app.ts'
import { agentWithSession, type Agent } from '../../../test/agent.ts'
import { buildBid, buildCall } from '../../../test/co-production.ts'
import { buildEvent } from '../../../test/events.ts'
import { buildOrganisation } from '../../../test/factories.ts'
import { bidBackings, calls, events } from '../../db/schema/index.ts'

describeEachDatabase('events: the call for sessions on the event’s page', (get) => {
  let leadId: number
  let lead: Agent
  let backer: Agent
  let editor: Agent
  before(async () => {
    const db = get().handle.db
    leadId = (await buildOrganisation(db, { slug: 'proposing-council', name: 'Proposing Council', tier: 'full' })).id
    await buildOrganisation(db, { slug: 'backing-borough', name: 'Backing Borough', tier: 'full' })
    lead = await agentWithSession(get().app, db, 'officer', 'proposing-council')
    backer = await agentWithSession(get().app, db, 'officer', 'backing-borough')
    editor = await agentWithSession(get().app, db, 'editor')
  })
  const db = () => get().handle.db

  /** A published event whose agenda is co-produced through a call of kind event-session. */
  async function eventWithCall(over: Parameters<typeof buildCall>[1] = {}) {
    const call = await buildCall(db(), over)
    await db().update(calls).set({ kind: 'event-session' }).where(eq(calls.id, call.id))
    const { event } = await buildEvent(db(), { title: 'Co-produced summit' })
    await db().update(events).set({ callId: call.id }).where(eq(events.id, event.id))
    const submitted = await buildBid(db(), { callId: call.id, leadOrganisationId: leadId, status: 'submitted', title: 'Tenants at the table' })
    const draft = await buildBid(db(), { callId: call.id, leadOrganisationId: leadId, status: 'draft', title: 'Secret draft session' })
    return { call, event, submitted, draft }
  }

  it('shows the open call, who may propose, and the submitted proposals only, in both languages', async () => {
    const { call, event, submitted } = await eventWithCall()
    const anonymous = await get().app.inject(`/events/${event.slug}`)
    assert.equal(anonymous.statusCode, 200)
    const html = parse(anonymous.body)
    assert.match(html.querySelector('[data-qa="call-for-sessions-state"]')!.text, /Open\s+Proposals are open until \d+ \w+ \d{4}\./)
    assert.match(anonymous.body, new RegExp(`href="/sign-in\\?next=%2Fevents%2F${event.slug}"`))
    assert.equal(html.querySelector('[data-qa="propose-session"]'), null)
    assert.equal(html.querySelector('[data-qa="call-link"]')!.getAttribute('href'), `/calls/${call.slug}`)
    assert.match(anonymous.body, /Tenants at the table/)
    assert.doesNotMatch(anonymous.body, /Secret draft session/, 'a draft proposal is its owners’ business')
    assert.match(html.querySelector(`#proposal-${submitted.id} [data-qa="proposal-backers"]`)!.text, /No member backs this session yet\./)
    assert.equal(html.querySelector('[data-qa="back-session"]'), null, 'no form for a reader who is not signed in')

    const forBacker = parse((await backer.get(`/events/${event.slug}`)).body)
    assert.equal(forBacker.querySelector('[data-qa="propose-session"]')!.getAttribute('href'), `/calls/${call.slug}/bids/new`)
    assert.ok(forBacker.querySelector('[data-qa="back-session"]'))
    // The lead cannot back its own proposal; an editor speaks for no member and proposes nothing.
    assert.equal(parse((await lead.get(`/events/${event.slug}`)).body).querySelector('[data-qa="back-session"]'), null)
    const forEditor = parse((await editor.get(`/events/${event.slug}`)).body)
    assert.equal(forEditor.querySelector('[data-qa="propose-session"]'), null)
    assert.match(forEditor.querySelector('[data-qa="who-proposes"]')!.text, /Officers of member organisations/)

    const welsh = await get().app.inject(`/cy/events/${event.slug}`)
    assert.match(welsh.body, /Cynnig sesiwn/)
    assert.match(welsh.body, /Does dim aelod yn cefnogi’r sesiwn hon eto\./)
  })

  it('backs and withdraws a backing through the co-production commands, and comes back to the event', async () => {
    const { event, submitted } = await eventWithCall()
    const res = await backer.post(`/events/${event.slug}/proposals/${submitted.id}/backing`, {})
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, `/events/${event.slug}?backed=1`)
    assert.equal((await db().select().from(bidBackings).where(eq(bidBackings.bidId, submitted.id))).length, 1)
    const after = parse((await backer.get(`/events/${event.slug}?backed=1`)).body)
    assert.match(after.querySelector('.govuk-notification-banner')!.text, /Your organisation now backs this session\./)
    assert.match(after.querySelector(`#proposal-${submitted.id} [data-qa="proposal-backers"]`)!.text, /1 member backs this session\./)
    assert.ok(after.querySelector('[data-qa="unback-session"]'))
    // The bid's own page counts the same backing.
    assert.match((await get().app.inject(`/bids/${submitted.id}`)).body, /1 member backs this bid:/)

    // A second backing is refused on the event's page, linked to the proposal.
    const again = await backer.post(`/events/${event.slug}/proposals/${submitted.id}/backing`, {})
    assert.equal(again.statusCode, 400)
    assert.deepEqual(summaryLinks(again.body), [`#proposal-${submitted.id} Your organisation already backs this bid`])

    const withdrawn = await backer.post(`/events/${event.slug}/proposals/${submitted.id}/backing/withdraw`, {})
    assert.equal(withdrawn.headers.location, `/events/${event.slug}?unbacked=1`)
    assert.equal((await db().select().from(bidBackings).where(eq(bidBackings.bidId, submitted.id))).length, 0)
    assert.match((await backer.get(`/events/${event.slug}?unbacked=1`)).body, /Your organisation no longer backs this session\./)
  })

  it('refuses what the co-production rules refuse: the lead, a draft, another call’s bid, a closed call', async () => {
    const { event, submitted, draft } = await eventWithCall()
    assert.equal((await lead.post(`/events/${event.slug}/proposals/${submitted.id}/backing`, {})).statusCode, 403)
    assert.equal((await backer.post(`/events/${event.slug}/proposals/${draft.id}/backing`, {})).statusCode, 404)
    const other = await eventWithCall()
    assert.equal((await backer.post(`/events/${event.slug}/proposals/${other.submitted.id}/backing`, {})).statusCode, 404)
    assert.equal((await backer.post(`/events/${event.slug}/proposals/nonsense/backing`, {})).statusCode, 404)
    assert.equal((await get().app.inject({ method: 'POST', url: `/events/${event.slug}/proposals/${submitted.id}/backing` })).statusCode, 403, 'no CSRF token')

    const closed = await eventWithCall({ opensOn: '2020-01-01', closesOn: '2020-02-01' })
    const page = parse((await backer.get(`/events/${closed.event.slug}`)).body)
    assert.match(page.querySelector('[data-qa="call-for-sessions-state"]')!.text, /Closed\s+Proposals closed on/)
    assert.equal(page.querySelector('[data-qa="back-session"]'), null)
    assert.equal(page.querySelector('[data-qa="propose-session"]'), null)
    const refused = await backer.post(`/events/${closed.event.slug}/proposals/${closed.submitted.id}/backing`, {})
    assert.deepEqual(summaryLinks(refused.body), [`#proposal-${closed.submitted.id} This call has closed: backing can no longer change`])

    // A draft call is not shown at all.
    const hidden = await eventWithCall({ status: 'draft' })
    assert.doesNotMatch((await get().app.inject(`/events/${hidden.event.slug}`)).body, /call-for-sessions/)
  })
})
