// 30 people at once choosing a session's last 3 places: the event's row lock (then the sessions')
// counts them one at a time, so exactly 3 hold a place and 27 queue, in order.
import assert from 'node:assert/strict'
import { it } from 'node:test'
import { eq } from 'drizzle-orm'
import { describeEachDatabase } from '../../../../test/app.ts'
import { buildEvent, inDays } from '../../../../test/events.ts'
import { eventSessionChoices } from '../../../db/schema/index.ts'
import { inTransaction } from '../../../db/unit-of-work.ts'
import { hashToken } from '../../accounts/secrets.ts'
import { changeRegistration } from './change-registration.ts'
import { register } from './register.ts'

describeEachDatabase('events: a session’s places under concurrency', (get) => {
  it('holds exactly the last 3 places of a session among 30 simultaneous choices and queues the other 27', async () => {
    const { handle } = get()
    const { event, sessions } = await buildEvent(handle.db, {
      title: 'Popular workshop',
      sessions: [{ title: 'The small room', startsAt: inDays(30, 10), endsAt: inDays(30, 11), capacity: 10 }],
    })
    const session = sessions[0]!.id
    const context = { network: 'Test', site: 'http://localhost', publicUrl: undefined, onlineWord: 'Online', now: new Date() }
    const person = (i: number, sessionIds: number[]) => ({
      name: `Person ${i}`,
      email: `session-person${i}@example.org`,
      organisationId: null,
      organisationName: '',
      jobRole: '',
      accessNeeds: null,
      dietaryNeeds: null,
      sessionIds,
    })
    const registerOne = (i: number, sessionIds: number[]) =>
      inTransaction(handle.db, (tx) => register(tx, event.id, person(i, sessionIds), { ...context, userId: null, memberOrganisation: false, locale: 'en' }))
    for (let i = 0; i < 7; i++) assert.ok((await registerOne(i, [session])).ok)
    const tokens: string[] = []
    for (let i = 0; i < 30; i++) {
      const r = await registerOne(100 + i, [])
      assert.ok(r.ok)
      tokens.push(r.value.manageToken)
    }
    const results = await Promise.all(
      tokens.map((token) =>
        inTransaction(handle.db, (tx) =>
          changeRegistration(tx, hashToken(token), { jobRole: '', accessNeeds: null, dietaryNeeds: null, sessionIds: [session], revision: 1 }, context),
        ),
      ),
    )
    assert.ok(
      results.every((r) => r.ok),
      JSON.stringify(results.find((r) => !r.ok)),
    )
    const choices = await handle.db.select().from(eventSessionChoices).where(eq(eventSessionChoices.sessionId, session))
    assert.equal(choices.filter((c) => !c.waiting).length, 10)
    assert.equal(choices.filter((c) => c.waiting).length, 27)
  })
})
