// 100 people at once for the last 10 places: the event's row lock counts them one at a time.
import assert from 'node:assert/strict'
import { it } from 'node:test'
import { and, count, eq } from 'drizzle-orm'
import { describeEachDatabase } from '../../../../test/app.ts'
import { buildEvent } from '../../../../test/events.ts'
import { eventRegistrations } from '../../../db/schema/index.ts'
import { inTransaction } from '../../../db/unit-of-work.ts'
import { register } from './register.ts'

describeEachDatabase('events: registration under concurrency', (get) => {
  it('confirms exactly the last 10 places among 100 simultaneous registrations and queues the other 90 in order', async () => {
    const { handle } = get()
    const { event } = await buildEvent(handle.db, { title: 'Nearly full', capacity: 50 })
    const now = new Date()
    const context = {
      userId: null,
      memberOrganisation: false,
      locale: 'en' as const,
      network: 'Test',
      site: 'http://localhost',
      publicUrl: undefined,
      onlineWord: 'Online',
      now,
    }
    const person = (i: number) => ({
      name: `Person ${i}`,
      email: `person${i}@example.org`,
      organisationId: null,
      organisationName: '',
      jobRole: '',
      accessNeeds: null,
      dietaryNeeds: null,
      sessionIds: [],
    })
    for (let i = 0; i < 40; i++) assert.ok((await inTransaction(handle.db, (tx) => register(tx, event.id, person(i), context))).ok)
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => inTransaction(handle.db, (tx) => register(tx, event.id, person(100 + i), context))))
    assert.ok(results.every((r) => r.ok))
    const statuses = results.map((r) => (r.ok ? r.value.status : 'failed'))
    assert.equal(statuses.filter((s) => s === 'confirmed').length, 10)
    assert.equal(statuses.filter((s) => s === 'waiting').length, 90)
    const counted = async (status: 'confirmed' | 'waiting') =>
      (
        await handle.db
          .select({ n: count() })
          .from(eventRegistrations)
          .where(and(eq(eventRegistrations.eventId, event.id), eq(eventRegistrations.status, status)))
      )[0]!.n
    assert.equal(await counted('confirmed'), 50)
    assert.equal(await counted('waiting'), 90)
  })
})
