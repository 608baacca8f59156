import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { eq, inArray } from 'drizzle-orm'
import { describeEachDatabase } from '../../../test/app.ts'
import { Agent, agentWithSession } from '../../../test/agent.ts'
import { buildEvent } from '../../../test/events.ts'
import { emails, eventFeedback, eventRegistrations } from '../../db/schema/index.ts'
import { newToken } from '../accounts/secrets.ts'
import { sendFeedbackRequests } from './commands/feedback.ts'

describeEachDatabase('events: the feedback form after the event', (get) => {
  const context = { network: 'Test', site: 'http://localhost' }
  // A fixed day, after every other test's events: only this file's events are due then.
  const now = new Date('2031-06-15T11:00:00Z')
  let admin: Agent
  before(async () => {
    admin = await agentWithSession(get().app, get().handle.db, 'admin')
  })

  const registration = (eventId: number, email: string, over: Partial<typeof eventRegistrations.$inferInsert> = {}) =>
    get()
      .handle.db.insert(eventRegistrations)
      .values({ eventId, name: email, email, status: 'confirmed', feedTokenHash: newToken().hash, ...over })
      .returning()
      .then((r) => r[0]!)

  const linkIn = async (emailId: number) => {
    const [email] = await get().handle.db.select().from(emails).where(eq(emails.id, emailId))
    return { email: email!, path: /http:\/\/localhost(\/(?:cy\/)?events\/feedback\/[A-Za-z0-9_-]+)/.exec(email!.bodyText)![1]! }
  }

  it('asks attendees once, the London day after the event, and stores one answer per link', async () => {
    const { app, handle } = get()
    const { event } = await buildEvent(handle.db, { title: 'Summer lab', startsAt: new Date('2031-06-14T08:00:00Z'), endsAt: new Date('2031-06-14T15:00:00Z') })
    const { event: today } = await buildEvent(handle.db, {
      title: 'Today lab',
      startsAt: new Date('2031-06-15T07:00:00Z'),
      endsAt: new Date('2031-06-15T10:00:00Z'),
    })
    const { event: old } = await buildEvent(handle.db, {
      title: 'Old lab',
      startsAt: new Date('2031-05-01T08:00:00Z'),
      endsAt: new Date('2031-05-01T15:00:00Z'),
    })
    const came = await registration(event.id, 'came@example.org', { attended: true, language: 'cy' })
    await registration(event.id, 'stayed-away@example.org', { attended: false })
    await registration(event.id, 'cancelled@example.org', { status: 'cancelled' })
    await registration(event.id, 'waiting@example.org', { status: 'waiting' })
    await registration(today.id, 'today@example.org')
    await registration(old.id, 'old@example.org')
    const { event: unmarked } = await buildEvent(handle.db, {
      title: 'Unmarked lab',
      startsAt: new Date('2031-06-13T08:00:00Z'),
      endsAt: new Date('2031-06-13T15:00:00Z'),
    })
    await registration(unmarked.id, 'unmarked@example.org')

    // Twice at once, then again: still one email each.
    const runs = await Promise.all([sendFeedbackRequests(handle.db, context, now), sendFeedbackRequests(handle.db, context, now)])
    const again = await sendFeedbackRequests(handle.db, context, now)
    assert.deepEqual(again, [])
    const sent = await handle.db.select().from(emails).where(inArray(emails.id, runs.flat()))
    assert.deepEqual(sent.map((e) => e.toAddress).sort(), ['came@example.org', 'unmarked@example.org'])
    assert.equal((await handle.db.select().from(eventFeedback).where(eq(eventFeedback.registrationId, came.id))).length, 1)

    const welsh = await linkIn(sent.find((e) => e.toAddress === 'came@example.org')!.id)
    assert.match(welsh.email.subject, /Beth oedd eich barn am Summer lab/)
    assert.match(welsh.path, /^\/cy\/events\/feedback\//)
    const visitor = new Agent(app)
    const page = await visitor.get(welsh.path)
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /Beth oedd eich barn\?/)
    assert.equal(page.headers['referrer-policy'], 'no-referrer')
    const english = welsh.path.replace('/cy', '')
    const missing = await visitor.post(english, { useful: 'The maps' })
    assert.equal(missing.statusCode, 400)
    assert.match(missing.body, /href="#rating">Choose how the event was overall/)
    assert.match(missing.body, /The maps/, 'what was typed is kept')
    const sentForm = await visitor.post(english, { rating: '4', useful: 'The maps', improve: 'More breaks', comments: 'Thanks' })
    assert.equal(sentForm.statusCode, 303)
    assert.match(String(sentForm.headers.location), /\/events\/feedback\/thanks\?event=summer-lab/)
    assert.equal((await visitor.get(String(sentForm.headers.location))).statusCode, 200)
    const [stored] = await handle.db.select().from(eventFeedback).where(eq(eventFeedback.registrationId, came.id))
    assert.equal(stored!.rating, 4)
    assert.equal(stored!.useful, 'The maps')
    assert.equal(stored!.tokenHash, null)
    const used = await visitor.post(english, { rating: '1' })
    assert.equal(used.statusCode, 404)
    assert.match(used.body, /This link no longer works/)
    assert.equal((await handle.db.select().from(eventFeedback).where(eq(eventFeedback.registrationId, came.id)))[0]!.rating, 4)
    assert.equal((await visitor.get('/events/feedback/not-a-real-token-at-all-xyz')).statusCode, 404)

    // The organisers see it summed up; the public page shows none of it.
    const adminPage = await admin.get(`/admin/events/${event.id}`)
    assert.match(adminPage.body, /data-qa="feedback-count">1 person of 1 asked gave feedback. Average rating: 4 out of 5./)
    assert.match(adminPage.body, /data-qa="feedback-improve"[\s\S]*More breaks/)
    assert.match((await admin.get(`/cy/admin/events/${event.id}`)).body, /Adborth/)
    assert.doesNotMatch((await app.inject(`/events/${event.slug}`)).body, /More breaks|The maps/)
  })

  it('refuses an expired link', async () => {
    const { app, handle } = get()
    const { event } = await buildEvent(handle.db, {
      title: 'Expired lab',
      startsAt: new Date('2031-06-14T08:00:00Z'),
      endsAt: new Date('2031-06-14T15:00:00Z'),
    })
    const r = await registration(event.id, 'late@example.org')
    const { token, hash } = newToken()
    await handle.db.insert(eventFeedback).values({ registrationId: r.id, eventId: event.id, tokenHash: hash, tokenExpiresAt: new Date(Date.now() - 1000) })
    const visitor = new Agent(app)
    assert.equal((await visitor.get(`/events/feedback/${token}`)).statusCode, 404)
    assert.equal((await visitor.post(`/events/feedback/${token}`, { rating: '5' })).statusCode, 404)
  })
})
