import assert from 'node:assert/strict'
import { it } from 'node:test'
import { eq } from 'drizzle-orm'
import { describeEachDatabase } from '../../../../test/app.ts'
import { buildEvent, inDays } from '../../../../test/events.ts'
import { newToken } from '../../accounts/secrets.ts'
import { emails, eventRegistrations } from '../../../db/schema/index.ts'
import { eraseNeeds, sendEventReminders, settleAllWaitingLists } from './scheduled-work.ts'

describeEachDatabase('events: the scheduled work', (get) => {
  const context = { network: 'Test', site: 'http://localhost' }
  const registration = (eventId: number, email: string, over: Partial<typeof eventRegistrations.$inferInsert> = {}) =>
    get()
      .handle.db.insert(eventRegistrations)
      .values({ eventId, name: email, email, status: 'confirmed', feedTokenHash: newToken().hash, ...over })
      .returning()
      .then((r) => r[0]!)

  it('lapses an expired offer and offers the place to the next person waiting', async () => {
    const { handle } = get()
    const { event } = await buildEvent(handle.db, { title: 'Queue day', capacity: 1 })
    const expired = await registration(event.id, 'late@example.org', { status: 'offered', offerExpiresAt: new Date(Date.now() - 1000) })
    const next = await registration(event.id, 'next@example.org', { status: 'waiting' })
    const emailIds = await settleAllWaitingLists(handle.db, context)
    assert.equal(emailIds.length, 1)
    const rows = await handle.db.select().from(eventRegistrations).where(eq(eventRegistrations.eventId, event.id))
    assert.equal(rows.find((r) => r.id === expired.id)!.status, 'lapsed')
    assert.equal(rows.find((r) => r.id === next.id)!.status, 'offered')
    assert.deepEqual(await settleAllWaitingLists(handle.db, context), [], 'settling again changes nothing')
  })

  it('erases needs only once their days after the event are up, and reminds each registrant once', async () => {
    const { handle } = get()
    const { event: old } = await buildEvent(handle.db, { title: 'Long past', startsAt: inDays(-40, 9), endsAt: inDays(-40, 15) })
    const { event: recent } = await buildEvent(handle.db, { title: 'Just past', startsAt: inDays(-3, 9), endsAt: inDays(-3, 15) })
    const a = await registration(old.id, 'a@example.org', { accessNeeds: 'Ramp', dietaryNeeds: 'Vegan' })
    const b = await registration(recent.id, 'b@example.org', { accessNeeds: 'Ramp' })
    assert.ok((await eraseNeeds(handle.db)) >= 1)
    const [erased] = await handle.db.select().from(eventRegistrations).where(eq(eventRegistrations.id, a.id))
    assert.equal(erased!.accessNeeds, null)
    assert.equal(erased!.dietaryNeeds, null)
    assert.ok(erased!.needsErasedAt)
    const [kept] = await handle.db.select().from(eventRegistrations).where(eq(eventRegistrations.id, b.id))
    assert.equal(kept!.accessNeeds, 'Ramp')
    const { event: soon } = await buildEvent(handle.db, { title: 'Tomorrow', startsAt: inDays(1, 9), endsAt: inDays(1, 15) })
    await registration(soon.id, 'soon@example.org')
    const first = await sendEventReminders(handle.db, context)
    assert.equal(first.length, 1)
    const [email] = await handle.db.select().from(emails).where(eq(emails.id, first[0]!))
    assert.match(email!.subject, /Coming soon: Tomorrow/)
    assert.deepEqual(await sendEventReminders(handle.db, context), [])
  })
})
