import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { desc, eq } from 'drizzle-orm'
import ICAL from 'ical.js'
import { describeEachDatabase } from '../../../test/app.ts'
import { Agent } from '../../../test/agent.ts'
import { buildEvent, inDays } from '../../../test/events.ts'
import { buildOrganisation, buildPrinciple } from '../../../test/factories.ts'
import { emailAttachments, emails, eventRegistrations, events } from '../../db/schema/index.ts'

const parse = (text: string) => new ICAL.Component(ICAL.parse(text))

describeEachDatabase('events: public pages, calendar files and registration', (get) => {
  let principle: { id: number; slug: string }
  let member: { id: number }

  before(async () => {
    principle = await buildPrinciple(get().handle.db, { shortName: 'Co-production', shortNameCy: 'Cydgynhyrchu' })
    member = await buildOrganisation(get().handle.db, { name: 'Riverside Borough Council' })
  })

  it('lists upcoming and past events, filters by kind and principle, and shows an event with its agenda in both languages', async () => {
    const { app, handle } = get()
    const { event } = await buildEvent(handle.db, {
      title: 'Spring conference',
      principleIds: [principle.id],
      sessions: [
        { title: 'Opening plenary', startsAt: inDays(30, 9), endsAt: inDays(30, 10), room: 'Main hall', speakers: 'Ann Jones, Northbrook City Council' },
      ],
    })
    await buildEvent(handle.db, { title: 'Old webinar', kind: 'webinar', startsAt: inDays(-40, 14), online: true })
    await buildEvent(handle.db, { title: 'Hidden draft', status: 'draft' })
    const list = await app.inject('/events')
    assert.equal(list.statusCode, 200)
    assert.match(list.body, /data-qa="upcoming-events"[\s\S]*Spring conference[\s\S]*data-qa="past-events"[\s\S]*Old webinar/)
    assert.doesNotMatch(list.body, /Hidden draft/)
    const webinars = await app.inject('/events?kind=webinar')
    assert.doesNotMatch(webinars.body, /Spring conference/)
    assert.match(webinars.body, /Old webinar/)
    const byPrinciple = await app.inject(`/events?principle=${principle.slug}`)
    assert.match(byPrinciple.body, /Spring conference/)
    assert.doesNotMatch(byPrinciple.body, /Old webinar/)
    assert.equal((await app.inject('/events?kind=nonsense&principle=%00')).statusCode, 200, 'an unknown filter is ignored')
    const page = await app.inject(`/events/${event.slug}`)
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /Opening plenary/)
    assert.match(page.body, /Ann Jones \(Northbrook City Council\)/)
    assert.match(page.body, /Room: Main hall/)
    assert.match(page.body, /Step-free access/)
    const welsh = await app.inject(`/cy/events/${event.slug}`)
    assert.match(welsh.body, /<html lang="cy"/)
    assert.match(welsh.body, /Cydgynhyrchu/)
    assert.match(welsh.body, /Ystafell: Main hall/)
    for (const url of ['/events/no-such-event', '/events/NOT_A_SLUG', '/events/hidden-draft-3', '/events/feeds/short', '/events/manage/nope']) {
      assert.equal((await app.inject(url)).statusCode, 404, url)
    }
  })

  it('serves calendar files that a standards parser reads, with a stable UID and the cancelled status', async () => {
    const { app, handle } = get()
    const { event } = await buildEvent(handle.db, { title: 'Calendar day' })
    const file = await app.inject(`/events/${event.slug}.ics`)
    assert.equal(file.statusCode, 200)
    assert.match(String(file.headers['content-type']), /^text\/calendar/)
    const vevent = parse(file.body).getFirstSubcomponent('vevent')!
    assert.equal(vevent.getFirstPropertyValue('uid'), `event-${event.id}@coophub.local`)
    assert.equal(vevent.getFirstPropertyValue('summary'), 'Calendar day')
    const feed = await app.inject('/events.ics')
    const uids = parse(feed.body)
      .getAllSubcomponents('vevent')
      .map((v) => v.getFirstPropertyValue('uid'))
    assert.ok(uids.includes(`event-${event.id}@coophub.local`))
    const { event: cancelled } = await buildEvent(handle.db, { title: 'Called off', status: 'cancelled' })
    const gone = parse((await app.inject(`/events/${cancelled.slug}.ics`)).body).getFirstSubcomponent('vevent')!
    assert.equal(gone.getFirstPropertyValue('status'), 'CANCELLED')
  })

  it('registers without an account, emails the calendar file, and keeps needs out of public pages and feeds', async () => {
    const { app, handle } = get()
    const { event } = await buildEvent(handle.db, { title: 'Registration day', capacity: 1 })
    const agent = new Agent(app)
    const form = (await agent.get(`/events/${event.slug}/register`)).body
    assert.match(form, /Access requirements/)
    const bad = await agent.post(`/events/${event.slug}/register`, { name: '', email: 'not-an-email', organisationId: '999999' })
    assert.equal(bad.statusCode, 400)
    assert.match(bad.body, /govuk-error-summary/)
    assert.match(bad.body, /href="#name">Enter your full name/)
    assert.match(bad.body, /href="#email">Enter an email address in the correct format/)
    assert.match(bad.body, /href="#organisationId">Choose an organisation from the list/)
    const res = await agent.post(`/events/${event.slug}/register`, {
      name: 'Ann Jones',
      email: 'ann@example.org',
      organisationId: String(member.id),
      accessNeeds: 'Wheelchair user: step-free route please',
      dietaryNeeds: 'Vegan',
    })
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, `/events/${event.slug}/registered?status=confirmed`)
    const [row] = await handle.db.select().from(eventRegistrations).where(eq(eventRegistrations.eventId, event.id))
    assert.equal(row!.status, 'confirmed')
    assert.equal(row!.organisationName, 'Riverside Borough Council')
    const [email] = await handle.db.select().from(emails).where(eq(emails.toAddress, 'ann@example.org')).orderBy(desc(emails.id))
    assert.match(email!.subject, /You are registered: Registration day/)
    const manage = /\/events\/manage\/([A-Za-z0-9_-]+)/.exec(email!.bodyText)![1]!
    const feedToken = /\/events\/feeds\/([A-Za-z0-9_-]+)\.ics/.exec(email!.bodyText)![1]!
    const [attachment] = await handle.db.select().from(emailAttachments).where(eq(emailAttachments.emailId, email!.id))
    assert.equal(parse(attachment!.content).getFirstSubcomponent('vevent')!.getFirstPropertyValue('uid'), `event-${event.id}@coophub.local`)
    const again = await agent.post(`/events/${event.slug}/register`, { name: 'Ann again', email: 'ANN@example.org' })
    assert.equal(again.statusCode, 400)
    assert.match(again.body, /already registered/)
    // The next person joins the waiting list.
    const second = await new Agent(app).post(`/events/${event.slug}/register`, { name: 'Bo Li', email: 'bo@example.org' })
    assert.equal(second.headers.location, `/events/${event.slug}/registered?status=waiting`)
    for (const url of [`/events/${event.slug}`, '/events', '/events.ics', `/events/${event.slug}.ics`, `/events/feeds/${feedToken}.ics`]) {
      const body = (await app.inject(url)).body
      assert.doesNotMatch(body, /Wheelchair|Vegan|ann@example\.org|Ann Jones/, url)
    }
    // Ann cancels with her single-use link; Bo is offered the place and takes it.
    const page = await agent.get(`/events/manage/${manage}`)
    assert.equal(page.statusCode, 200)
    const cancel = await agent.post(`/events/manage/${manage}/cancel`)
    assert.equal(cancel.statusCode, 303)
    assert.equal((await agent.post(`/events/manage/${manage}/cancel`)).statusCode, 404, 'the link works once')
    const [offer] = await handle.db.select().from(emails).where(eq(emails.toAddress, 'bo@example.org')).orderBy(desc(emails.id))
    assert.match(offer!.subject, /A place is free for you/)
    const offerToken = /\/events\/manage\/([A-Za-z0-9_-]+)/.exec(offer!.bodyText)![1]!
    const bo = new Agent(app)
    assert.match((await bo.get(`/events/manage/${offerToken}`)).body, /A place has freed up/)
    assert.equal((await bo.post(`/events/manage/${offerToken}/accept`)).statusCode, 303)
    const [boRow] = await handle.db.select().from(eventRegistrations).where(eq(eventRegistrations.email, 'bo@example.org'))
    assert.equal(boRow!.status, 'confirmed')
  })

  it('lists public events in the sitemap and follows one being published, whoever writes it', async () => {
    const { app, handle } = get()
    const { event } = await buildEvent(handle.db, { title: 'Sitemap draft', status: 'draft' })
    assert.ok(!(await app.inject('/sitemap.xml')).body.includes(`/events/${event.slug}<`))
    await handle.db.update(events).set({ status: 'published' }).where(eq(events.id, event.id))
    await app.pageCache.refresh()
    const body = (await app.inject('/sitemap.xml')).body
    assert.ok(body.includes(`/events/${event.slug}<`) && body.includes(`/cy/events/${event.slug}<`))
  })

  it('keeps members-only events for signed-in members and refuses a closed event', async () => {
    const { app, handle } = get()
    const { event } = await buildEvent(handle.db, { title: 'Members lab', membersOnly: true })
    const res = await new Agent(app).post(`/events/${event.slug}/register`, { name: 'Cy Doe', email: 'cy@example.org' })
    assert.equal(res.statusCode, 400)
    assert.match(res.body, /This event is for member organisations/)
    const { event: past } = await buildEvent(handle.db, { title: 'Long gone', startsAt: inDays(-10) })
    const late = await new Agent(app).post(`/events/${past.slug}/register`, { name: 'Cy Doe', email: 'cy@example.org' })
    assert.equal(late.statusCode, 400)
    assert.match(late.body, /Registration for this event is closed/)
  })
})
