import assert from 'node:assert/strict'
import { it } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { describeEachDatabase } from '../../../../test/app.ts'
import { buildEvent, inDays } from '../../../../test/events.ts'
import { auditEvents, emails, eventRegistrations, eventSessionChoices, eventSessions } from '../../../db/schema/index.ts'
import { inTransaction } from '../../../db/unit-of-work.ts'
import { hashToken } from '../../accounts/secrets.ts'
import { acceptSessionOffer, changeRegistration } from './change-registration.ts'
import { acceptOffer, cancelRegistration } from './manage-registration.ts'
import { register } from './register.ts'
import { settleAllWaitingLists } from './scheduled-work.ts'

describeEachDatabase('events: changing a registration through its link, and sessions’ waiting lists', (get) => {
  const context = () => ({ network: 'Test', site: 'http://localhost', publicUrl: undefined, onlineWord: 'Online', now: new Date() })
  const person = (email: string, sessionIds: number[] = []) => ({
    name: email,
    email,
    organisationId: null,
    organisationName: '',
    jobRole: '',
    accessNeeds: null,
    dietaryNeeds: null,
    sessionIds,
  })
  async function registered(eventId: number, email: string, sessionIds: number[] = []) {
    const result = await inTransaction(get().handle.db, (tx) =>
      register(tx, eventId, person(email, sessionIds), { ...context(), userId: null, memberOrganisation: false, locale: 'en' }),
    )
    assert.ok(result.ok)
    return result.value
  }
  const change = (token: string, over: Partial<Parameters<typeof changeRegistration>[2]> = {}) =>
    inTransaction(get().handle.db, (tx) =>
      changeRegistration(tx, hashToken(token), { jobRole: '', accessNeeds: null, dietaryNeeds: null, sessionIds: [], revision: 1, ...over }, context()),
    )
  const choice = async (registrationId: number, sessionId: number) =>
    (
      await get()
        .handle.db.select()
        .from(eventSessionChoices)
        .where(and(eq(eventSessionChoices.registrationId, registrationId), eq(eventSessionChoices.sessionId, sessionId)))
    )[0]
  const latestEmailTo = async (address: string) =>
    (await get().handle.db.select().from(emails).where(eq(emails.toAddress, address))).sort((a, b) => b.id - a.id)[0]!
  const newLinkIn = (body: string) => /\/events\/manage\/([A-Za-z0-9_-]+)/.exec(body)![1]!

  it('saves needs, role and sessions, spends the link and emails a new one; a stale form is refused', async () => {
    const { handle } = get()
    const { event, sessions } = await buildEvent(handle.db, {
      sessions: [{ title: 'Budgets together', startsAt: inDays(30, 10), endsAt: inDays(30, 11), capacity: 5 }],
    })
    const me = await registered(event.id, 'changer@example.org')
    const result = await change(me.manageToken, { jobRole: 'Clerk', accessNeeds: 'Step-free', sessionIds: [sessions[0]!.id] })
    assert.ok(result.ok, JSON.stringify(result))
    const [row] = await handle.db.select().from(eventRegistrations).where(eq(eventRegistrations.id, me.registrationId))
    assert.equal(row!.jobRole, 'Clerk')
    assert.equal(row!.accessNeeds, 'Step-free')
    assert.equal(row!.revision, 2)
    assert.equal((await choice(me.registrationId, sessions[0]!.id))?.waiting, false)
    const email = await latestEmailTo('changer@example.org')
    assert.match(email.subject, /Your registration is updated/)
    assert.match(email.bodyText, /Budgets together .*: Place held/)
    const fresh = newLinkIn(email.bodyText)
    assert.notEqual(fresh, me.manageToken)
    assert.equal((await change(me.manageToken, { revision: 2 })).ok, false, 'the old link is spent')
    const stale = await change(fresh, { jobRole: 'Overwritten', revision: 1 })
    assert.ok(!stale.ok && stale.errors[0]!.message === 'events.change.stale')
    const [kept] = await handle.db.select().from(eventRegistrations).where(eq(eventRegistrations.id, me.registrationId))
    assert.equal(kept!.jobRole, 'Clerk')
    const audit = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, 'event-registration-changed'))
    assert.ok(audit.some((a) => a.subjectId === String(event.id)))
  })

  it('queues a full session in order, offers a freed place to the next, and lets the offer be taken or lapse', async () => {
    const { handle } = get()
    const { event, sessions } = await buildEvent(handle.db, {
      offerHours: 2,
      sessions: [{ title: 'Small room', startsAt: inDays(30, 10), endsAt: inDays(30, 11), capacity: 1 }],
    })
    const session = sessions[0]!.id
    const holder = await registered(event.id, 'holder@example.org', [session])
    assert.match(
      (await latestEmailTo('holder@example.org')).bodyText,
      /Your sessions:\n- Small room .*: Place held/,
      'the confirmation says how each session stands',
    )
    const first = await registered(event.id, 'first@example.org')
    const second = await registered(event.id, 'second@example.org')
    assert.ok((await change(first.manageToken, { sessionIds: [session] })).ok)
    assert.ok((await change(second.manageToken, { sessionIds: [session] })).ok)
    assert.equal((await choice(first.registrationId, session))?.waiting, true)
    assert.match((await latestEmailTo('second@example.org')).bodyText, /On the waiting list \(number 2\)/)
    // The holder gives the session up: the first in its queue is offered the place, by email.
    const gaveUp = await change(holder.manageToken, { sessionIds: [] })
    assert.ok(gaveUp.ok)
    assert.equal(gaveUp.value.emailIds.length, 2)
    const offered = await choice(first.registrationId, session)
    assert.equal(offered?.waiting, false)
    assert.ok(offered?.offerExpiresAt)
    const offer = await latestEmailTo('first@example.org')
    assert.match(offer.subject, /A place in a session is free for you/)
    // The offer lapses unanswered: the scheduled job passes it to the second.
    await handle.db
      .update(eventSessionChoices)
      .set({ offerExpiresAt: new Date(Date.now() - 1000) })
      .where(eq(eventSessionChoices.registrationId, first.registrationId))
    const settled = await settleAllWaitingLists(handle.db, { network: 'Test', site: 'http://localhost' })
    assert.equal(settled.length, 1)
    assert.equal(await choice(first.registrationId, session), undefined, 'the lapsed offer is gone')
    assert.ok((await choice(second.registrationId, session))?.offerExpiresAt)
    const secondLink = newLinkIn((await latestEmailTo('second@example.org')).bodyText)
    const taken = await inTransaction(handle.db, (tx) => acceptSessionOffer(tx, hashToken(secondLink), session, context()))
    assert.ok(taken.ok)
    const held = await choice(second.registrationId, session)
    assert.equal(held?.waiting, false)
    assert.equal(held?.offerExpiresAt, null)
    assert.match((await latestEmailTo('second@example.org')).bodyText, /Small room .*: Place held/)
    assert.deepEqual(await settleAllWaitingLists(handle.db, { network: 'Test', site: 'http://localhost' }), [], 'settling again changes nothing')
  })

  it('keeps a session turn for someone waiting for the event, counts it once they take their place, and frees a lifted limit', async () => {
    const { handle } = get()
    const { event, sessions } = await buildEvent(handle.db, {
      capacity: 1,
      sessions: [{ title: 'Garden tour', startsAt: inDays(30, 10), endsAt: inDays(30, 11), capacity: 2 }],
    })
    const session = sessions[0]!.id
    const ann = await registered(event.id, 'ann-tour@example.org', [session])
    const bo = await registered(event.id, 'bo-tour@example.org', [session])
    assert.equal(bo.status, 'waiting')
    assert.equal((await choice(bo.registrationId, session))?.waiting, true, 'no session place before a place at the event')
    const cancelled = await inTransaction(handle.db, (tx) => cancelRegistration(tx, hashToken(ann.manageToken), context()))
    assert.ok(cancelled.ok)
    const offerLink = newLinkIn((await latestEmailTo('bo-tour@example.org')).bodyText)
    assert.equal((await choice(bo.registrationId, session))?.waiting, true, 'an offered place at the event is not yet a place')
    const accepted = await inTransaction(handle.db, (tx) => acceptOffer(tx, hashToken(offerLink), context()))
    assert.ok(accepted.ok)
    assert.ok((await choice(bo.registrationId, session))?.offerExpiresAt, 'with a place at the event, the session place is offered')
    assert.match((await latestEmailTo('bo-tour@example.org')).bodyText, /Garden tour .*: A place is offered to you until/)
    // Someone else queues for the session; the organisers lift its limit and the job lets them in.
    const { event: other, sessions: otherSessions } = await buildEvent(handle.db, {
      sessions: [{ title: 'Tiny tour', startsAt: inDays(30, 10), endsAt: inDays(30, 11), capacity: 0 }],
    })
    const cy = await registered(other.id, 'cy-tour@example.org', [otherSessions[0]!.id])
    assert.equal((await choice(cy.registrationId, otherSessions[0]!.id))?.waiting, true)
    await handle.db.update(eventSessions).set({ capacity: null }).where(eq(eventSessions.id, otherSessions[0]!.id))
    await settleAllWaitingLists(handle.db, { network: 'Test', site: 'http://localhost' })
    assert.equal((await choice(cy.registrationId, otherSessions[0]!.id))?.waiting, false)
  })
})
