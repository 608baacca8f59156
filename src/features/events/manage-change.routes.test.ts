import assert from 'node:assert/strict'
import { it } from 'node:test'
import { desc, eq } from 'drizzle-orm'
import { describeEachDatabase } from '../../../test/app.ts'
import { Agent } from '../../../test/agent.ts'
import { buildEvent, inDays } from '../../../test/events.ts'
import { emails, eventRegistrations } from '../../db/schema/index.ts'

describeEachDatabase('events: the change page behind the emailed link', (get) => {
  const linkIn = (body: string) => /\/events\/manage\/([A-Za-z0-9_-]+)/.exec(body)![1]!
  const lastEmailTo = async (address: string) => (await get().handle.db.select().from(emails).where(eq(emails.toAddress, address)).orderBy(desc(emails.id)))[0]!

  it('changes needs and sessions in either language, refuses bad and stale forms with a summary, and spends the link', async () => {
    const { app, handle } = get()
    const { event, sessions } = await buildEvent(handle.db, {
      title: 'Change day',
      sessions: [
        { title: 'Tiny room', startsAt: inDays(30, 10), endsAt: inDays(30, 11), capacity: 1 },
        { title: 'Open hall', startsAt: inDays(30, 12), endsAt: inDays(30, 13) },
      ],
    })
    const [tiny] = sessions
    const agent = new Agent(app)
    await agent.post(`/events/${event.slug}/register`, { name: 'Dee Evans', email: 'dee@example.org', sessions: [String(tiny!.id)] })
    await new Agent(app).post(`/events/${event.slug}/register`, { name: 'Eli Ford', email: 'eli@example.org' })
    const token = linkIn((await lastEmailTo('eli@example.org')).bodyText)

    const manage = await agent.get(`/events/manage/${token}`)
    assert.match(manage.body, /You have not chosen any sessions with limited places/)
    assert.match(manage.body, new RegExp(`href="/events/manage/${token}/change"`))
    const page = await agent.get(`/events/manage/${token}/change`)
    assert.equal(page.statusCode, 200)
    assert.equal(page.headers['referrer-policy'], 'no-referrer')
    assert.match(page.body, /name="revision" value="1"/)
    assert.match(page.body, /Full: you will be on its waiting list/)
    const welsh = await agent.get(`/cy/events/manage/${token}/change`)
    assert.equal(welsh.statusCode, 200)
    assert.match(welsh.body, /Newid eich cofrestriad/)

    const tooLong = await agent.post(`/events/manage/${token}/change`, { revision: '1', jobRole: 'x'.repeat(201) })
    assert.equal(tooLong.statusCode, 400)
    assert.match(tooLong.body, /govuk-error-summary/)
    assert.match(tooLong.body, /href="#jobRole"/)
    const unknown = await agent.post(`/events/manage/${token}/change`, { revision: '1', sessions: ['999999'] })
    assert.equal(unknown.statusCode, 400)
    assert.match(unknown.body, /href="#sessions"/)
    const stale = await agent.post(`/events/manage/${token}/change`, { revision: '0', dietaryNeeds: 'Halal' })
    assert.equal(stale.statusCode, 400)
    assert.match(stale.body, /Your registration has changed since you opened this page/)
    assert.match(stale.body, /name="revision" value="1"/, 'the form comes back on the revision saved now')
    assert.match(stale.body, /Halal/, 'what the person typed is kept')

    const saved = await agent.post(`/events/manage/${token}/change`, { revision: '1', dietaryNeeds: 'Halal', sessions: [String(tiny!.id)] })
    assert.equal(saved.statusCode, 303)
    assert.equal(saved.headers.location, `/events/${event.slug}?changed=1`)
    assert.match((await agent.get(saved.headers.location as string)).body, /Your changes are saved/)
    assert.equal((await agent.get(`/events/manage/${token}/change`)).statusCode, 404, 'the link works once')
    const [row] = await handle.db.select().from(eventRegistrations).where(eq(eventRegistrations.email, 'eli@example.org'))
    assert.equal(row!.dietaryNeeds, 'Halal')
    const confirmation = await lastEmailTo('eli@example.org')
    assert.match(confirmation.bodyText, /Tiny room .*: On the waiting list \(number 1\)/)
    const fresh = linkIn(confirmation.bodyText)
    assert.match((await agent.get(`/events/manage/${fresh}`)).body, /On the waiting list \(number 1\)/)
    for (const url of [`/events/${event.slug}`, '/events', '/events.ics', `/events/${event.slug}.ics`]) {
      assert.doesNotMatch((await app.inject(url)).body, /Halal|eli@example\.org|Eli Ford/, url)
    }
    const noOffer = await agent.post(`/events/manage/${fresh}/accept-session`, { sessionId: String(tiny!.id) })
    assert.equal(noOffer.statusCode, 400)
    assert.match(noOffer.body, /There is no place in that session offered to you now/)
    const junk = await agent.post(`/events/manage/${fresh}/accept-session`, { sessionId: 'x' })
    assert.equal(junk.statusCode, 400)
  })
})
