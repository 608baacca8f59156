import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { and, desc, eq } from 'drizzle-orm'
import ICAL from 'ical.js'
import { describeEachDatabase } from '../../../test/app.ts'
import { Agent, agentWithSession } from '../../../test/agent.ts'
import { buildEvent, inDays } from '../../../test/events.ts'
import { buildOrganisation } from '../../../test/factories.ts'
import { auditEvents, emailAttachments, emails, events, eventSessions } from '../../db/schema/index.ts'
import { londonDate } from '../membership/rules/subscription-year.ts'

describeEachDatabase('events: the organisers’ pages', (get) => {
  let admin: Agent
  before(async () => {
    admin = await agentWithSession(get().app, get().handle.db, 'admin')
  })

  const day = londonDate(inDays(40))
  const form = (over: Record<string, string> = {}) => ({
    title: 'Autumn policy lab',
    kind: 'policy-lab-workshop',
    status: 'published',
    date: day,
    startTime: '10:00',
    endTime: '16:00',
    venueName: 'Riverside Enterprise Centre',
    capacity: '20',
    offerHours: '48',
    eraseNeedsAfterDays: '30',
    ...over,
  })

  it('creates an event, says what is wrong with a bad form, and builds the agenda with clashes refused', async () => {
    const { handle } = get()
    const bad = await admin.post('/admin/events', form({ title: '', date: '31/2/2027', venueName: '', capacity: '-3' }))
    assert.equal(bad.statusCode, 400)
    assert.match(bad.body, /href="#title">Enter a title/)
    assert.match(bad.body, /href="#date">Enter a real day/)
    assert.match(bad.body, /href="#capacity">Enter a whole number, 0 or more/)
    const created = await admin.post('/admin/events', form())
    assert.equal(created.statusCode, 303)
    const id = Number(/\/admin\/events\/(\d+)/.exec(String(created.headers.location))![1])
    const [row] = await handle.db.select().from(events).where(eq(events.id, id))
    assert.equal(row!.slug, 'autumn-policy-lab')
    const first = await admin.post(`/admin/events/${id}/sessions`, {
      title: 'Welcome',
      date: day,
      startTime: '10:00',
      endTime: '11:00',
      room: 'Hall',
      speakers: 'Ann Jones, Northbrook',
    })
    assert.equal(first.statusCode, 303)
    const clash = await admin.post(`/admin/events/${id}/sessions`, {
      title: 'Overlap',
      date: day,
      startTime: '10:30',
      endTime: '11:30',
      room: 'hall',
      speakers: 'ann jones',
    })
    assert.equal(clash.statusCode, 400)
    assert.match(clash.body, /href="#session-room">hall is in use then by “Welcome”/)
    assert.match(clash.body, /href="#session-speakers">Ann Jones is speaking then in “Welcome”/)
    const outside = await admin.post(`/admin/events/${id}/sessions`, { title: 'Late', date: day, startTime: '17:00', endTime: '18:00' })
    assert.match(outside.body, /The session must be within the event’s own times/)
    assert.equal((await handle.db.select().from(eventSessions).where(eq(eventSessions.eventId, id))).length, 1)
    const page = await admin.get(`/admin/events/${id}`)
    assert.match(page.body, /data-qa="admin-agenda"[\s\S]*Welcome/)
    assert.match((await admin.get(`/cy/admin/events/${id}`)).body, /Ychwanegu sesiwn/)
    await buildOrganisation(handle.db, { slug: 'organiser-test-council' })
    for (const [role, organisation] of [
      ['officer', 'organiser-test-council'],
      ['editor', ''],
    ] as const) {
      assert.equal((await (await agentWithSession(get().app, handle.db, role, organisation)).get('/admin/events')).statusCode, 403, role)
    }
    const anonymous = await new Agent(get().app).get('/admin/events')
    assert.equal(anonymous.statusCode, 303)
  })

  it('sends registrants a new calendar file with a higher SEQUENCE when the time moves, and STATUS:CANCELLED when cancelled', async () => {
    const { app, handle } = get()
    const { event } = await buildEvent(handle.db, { title: 'Moving day', startsAt: inDays(20, 9), endsAt: inDays(20, 15) })
    await new Agent(app).post(`/events/${event.slug}/register`, { name: 'Dee Moss', email: 'dee@example.org' })
    const edit = async (over: Record<string, string>) => {
      const [current] = await handle.db.select().from(events).where(eq(events.id, event.id))
      return admin.post(
        `/admin/events/${event.id}`,
        form({ title: 'Moving day', slug: event.slug, date: londonDate(inDays(20)), revision: String(current!.revision), ...over }),
      )
    }
    assert.equal((await edit({ startTime: '11:00' })).statusCode, 303)
    const latest = async () => {
      const [email] = await handle.db.select().from(emails).where(eq(emails.toAddress, 'dee@example.org')).orderBy(desc(emails.id))
      const [file] = await handle.db.select().from(emailAttachments).where(eq(emailAttachments.emailId, email!.id))
      return { email: email!, vevent: new ICAL.Component(ICAL.parse(file!.content)).getFirstSubcomponent('vevent')! }
    }
    const moved = await latest()
    assert.match(moved.email.subject, /^Changed: Moving day/)
    assert.equal(moved.vevent.getFirstPropertyValue('sequence'), 1)
    assert.equal(moved.vevent.getFirstPropertyValue('uid'), `event-${event.id}@coophub.local`)
    const stale = await admin.post(`/admin/events/${event.id}`, form({ title: 'Moving day', slug: event.slug, revision: '1' }))
    assert.equal(stale.statusCode, 400, 'a save over a newer version is refused')
    assert.equal((await edit({ startTime: '11:00', summary: 'No move' })).statusCode, 303)
    assert.match((await latest()).email.subject, /^Changed/, 'an edit that moves nothing sends nothing new')
    assert.equal((await latest()).vevent.getFirstPropertyValue('sequence'), 1)
    assert.equal((await edit({ startTime: '11:00', status: 'cancelled' })).statusCode, 303)
    const cancelled = await latest()
    assert.match(cancelled.email.subject, /^Cancelled: Moving day/)
    assert.equal(cancelled.vevent.getFirstPropertyValue('status'), 'CANCELLED')
    assert.equal(cancelled.vevent.getFirstPropertyValue('sequence'), 2)
  })

  it('shows registrations with needs, the queue and numbers; exports needs only when asked, with an audit entry; messages and marks attendance', async () => {
    const { app, handle } = get()
    const { event } = await buildEvent(handle.db, { title: 'Organised day', capacity: 1 })
    await new Agent(app).post(`/events/${event.slug}/register`, {
      name: 'Eve Stone',
      email: 'eve@example.org',
      accessNeeds: 'Hearing loop',
      organisationName: 'Tenants Federation',
    })
    await new Agent(app).post(`/events/${event.slug}/register`, { name: 'Finn Lake', email: 'finn@example.org' })
    const page = await admin.get(`/admin/events/${event.id}/registrations`)
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /data-qa="needs">Needs: <span lang="en">Hearing loop/)
    assert.match(page.body, /data-qa="waiting-list"[\s\S]*Finn Lake/)
    assert.match(page.body, /data-qa="by-organisation"[\s\S]*Tenants Federation/)
    const plain = await admin.post(`/admin/events/${event.id}/attendees.csv`, {})
    assert.match(String(plain.headers['content-type']), /^text\/csv/)
    assert.match(plain.body, /"Eve Stone","eve@example.org","Tenants Federation"/)
    assert.doesNotMatch(plain.body, /Hearing loop|Finn Lake/)
    const audits = () =>
      handle.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'event-needs-exported'), eq(auditEvents.subjectId, String(event.id))))
    assert.equal((await audits()).length, 0)
    const full = await admin.post(`/admin/events/${event.id}/attendees.csv`, { includeNeeds: 'yes' })
    assert.match(full.body, /Hearing loop/)
    assert.equal((await audits()).length, 1)
    const sheet = await admin.get(`/admin/events/${event.id}/sign-in-sheet`)
    assert.match(sheet.body, /data-qa="sign-in-sheet"[\s\S]*Eve Stone/)
    const empty = await admin.post(`/admin/events/${event.id}/message`, { subject: '', body: '' })
    assert.equal(empty.statusCode, 400)
    assert.match(empty.body, /href="#subject">Enter a subject/)
    assert.equal((await admin.post(`/admin/events/${event.id}/message`, { subject: 'Parking', body: 'Park on Quay Road.' })).statusCode, 303)
    const sent = await handle.db.select().from(emails).where(eq(emails.subject, 'Organised day: Parking'))
    assert.deepEqual(sent.map((e) => e.toAddress).sort(), ['eve@example.org', 'finn@example.org'])
    const [eve] = await handle.db
      .execute<{ id: number }>(
        // The registration's id, as the attendance form names it.
        (await import('drizzle-orm')).sql`SELECT id FROM event_registrations WHERE email = 'eve@example.org'`,
      )
      .then((r) => r.rows)
    assert.equal((await admin.post(`/admin/events/${event.id}/attendance`, { attended: String(eve!.id) })).statusCode, 303)
    assert.match(
      (await admin.get(`/admin/events/${event.id}/registrations`)).body,
      new RegExp(`id="attended-${eve!.id}" name="attended" type="checkbox" value="${eve!.id}" checked`),
    )
  })
})
