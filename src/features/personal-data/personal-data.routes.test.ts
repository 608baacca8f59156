import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { eq, sql } from 'drizzle-orm'
import { describeEachDatabase } from '../../../test/app.ts'
import { Agent, signedInAgent, testPassword } from '../../../test/agent.ts'
import { buildCaseStudy } from '../../../test/factories.ts'
import { auditEvents, caseStudyRevisions, emails, eventFeedback, eventRegistrations, sessions, users } from '../../db/schema/index.ts'
import { buildEvent, inDays } from '../../../test/events.ts'
import { newToken } from '../accounts/secrets.ts'
import { inTransaction } from '../../db/unit-of-work.ts'
import { saveCaseStudy } from '../case-studies/commands/save-case-study.ts'
import { snapshotFromRow } from '../case-studies/revisions.ts'
import type { Actor } from '../accounts/actor.ts'

describeEachDatabase('personal data: export and erasure', (get) => {
  let admin: Agent
  let adminId: number

  /** A signed-in editor who has written a revision and been sent an email. */
  async function personWithHistory() {
    const db = get().handle.db
    const person = await signedInAgent(get().app, db, 'editor')
    const [row] = await db.select().from(users).where(eq(users.id, person.userId))
    const actor: Actor = { id: row!.id, email: row!.email, name: row!.name, role: row!.role, organisationId: null }
    const cs = await buildCaseStudy(db, { title: `Tool library of ${person.userId}` })
    const snapshot = (await snapshotFromRow(db, cs.id))!
    const saved = await inTransaction(db, (tx) =>
      saveCaseStudy(tx, actor, { caseStudyId: cs.id, baseRevision: cs.revision, snapshot: { ...snapshot, summary: 'Written by the person.' } }),
    )
    assert.ok(saved.ok)
    await db.insert(emails).values({ toAddress: row!.email, subject: 'Your case study', bodyText: `Dear ${row!.name}, thank you.` })
    return { ...person, name: row!.name, caseStudyId: cs.id }
  }

  before(async () => {
    ;({ agent: admin, userId: adminId } = await signedInAgent(get().app, get().handle.db, 'admin'))
  })

  it('lets a person download everything held about them, without secrets', async () => {
    const person = await personWithHistory()
    const res = await person.agent.get('/account/data')
    assert.equal(res.statusCode, 200)
    assert.match(String(res.headers['content-type']), /^application\/json/)
    assert.match(String(res.headers['content-disposition']), /^attachment; filename="personal-data-account-\d+\.json"$/)
    assert.equal(res.headers['cache-control'], 'no-store')
    const data = JSON.parse(res.body)
    assert.equal(data.account.email, person.email)
    assert.equal(data.account.hasPassword, true)
    assert.ok(data.records.caseStudyRevisions.some((r: { caseStudyId: number }) => r.caseStudyId === person.caseStudyId))
    assert.equal(data.records.sessions.length, 1)
    assert.equal(data.records.sessions[0].id, undefined, 'no session id')
    assert.deepEqual(
      data.emailsSentToThem.map((e: { subject: string }) => e.subject),
      ['Your case study'],
    )
    assert.ok(data.auditEntriesAboutThem.some((e: { action: string }) => e.action === 'signed-in'))
    assert.ok(Array.isArray(data.records.votesTakenPartIn))
    for (const secret of ['passwordHash', 'tokenHash', 'receiptCode', testPassword, '$argon2']) assert.ok(!res.body.includes(secret), secret)
    const [session] = await get().handle.db.select().from(sessions).where(eq(sessions.userId, person.userId))
    assert.ok(!res.body.includes(session!.id), 'not even the hash of the session token')
    assert.match((await person.agent.get('/account')).body, /href="\/account\/data"/)
    assert.match((await person.agent.get('/cy/account')).body, /Lawrlwytho eich data/)
  })

  it('asks a visitor to sign in, and gives the admin copy only to administrators', async () => {
    const person = await personWithHistory()
    const anonymous = await new Agent(get().app).get('/account/data')
    assert.equal(anonymous.statusCode, 303)
    assert.match(String(anonymous.headers.location), /^\/sign-in/)
    assert.equal((await person.agent.get(`/admin/users/${adminId}/data`)).statusCode, 403)
    assert.equal((await person.agent.get(`/admin/users/${adminId}/erase`)).statusCode, 403)
    const copy = await admin.get(`/admin/users/${person.userId}/data`)
    assert.equal(copy.statusCode, 200)
    assert.equal(JSON.parse(copy.body).account.email, person.email)
    const [logged] = await get().handle.db.select().from(auditEvents).where(eq(auditEvents.action, 'personal-data-exported'))
    assert.equal(logged?.subjectId, String(person.userId), 'an administrator’s download is audited')
    assert.equal(logged?.actorUserId, adminId)
    assert.equal((await admin.get('/admin/users/999999/data')).statusCode, 404)
    assert.equal((await admin.get('/admin/users/nonsense/data')).statusCode, 404)
  })

  it('erases a person on confirmation: case studies kept, the person gone, and recorded', async () => {
    const db = get().handle.db
    const person = await personWithHistory()
    const page = await admin.get(`/admin/users/${person.userId}/erase`)
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /name="confirm" type="checkbox" value="yes"/)
    assert.match((await admin.get(`/cy/admin/users/${person.userId}/erase`)).body, /Dileu data personol/)
    assert.match((await admin.get(`/admin/users/${person.userId}`)).body, new RegExp(`href="/admin/users/${person.userId}/erase"`))

    const unconfirmed = await admin.post(`/admin/users/${person.userId}/erase`, {})
    assert.equal(unconfirmed.statusCode, 400)
    assert.match(unconfirmed.body, /<a href="#confirm">Confirm that you want to erase this person’s personal data<\/a>/)
    assert.equal((await db.select().from(users).where(eq(users.id, person.userId)))[0]!.email, person.email, 'nothing erased yet')

    const done = await admin.post(`/admin/users/${person.userId}/erase`, { confirm: 'yes' })
    assert.equal(done.statusCode, 303)
    const [row] = await db.select().from(users).where(eq(users.id, person.userId))
    assert.equal(row!.name, `Former account ${person.userId}`)
    assert.equal(row!.email, `erased-${person.userId}@erased.invalid`)
    assert.equal(row!.status, 'disabled')
    assert.equal(row!.passwordHash, null)
    assert.equal((await db.select().from(sessions).where(eq(sessions.userId, person.userId))).length, 0)
    assert.doesNotMatch((await person.agent.get('/')).body, /data-qa="sign-out"/, 'signed out')
    assert.equal((await new Agent(get().app).post('/sign-in', { email: person.email, password: testPassword })).statusCode, 400)
    assert.equal((await db.select().from(emails).where(eq(emails.toAddress, person.email))).length, 0)

    const revisions = await db.select().from(caseStudyRevisions).where(eq(caseStudyRevisions.caseStudyId, person.caseStudyId))
    const theirs = revisions.find((r) => r.authorUserId === person.userId)
    assert.ok(theirs, 'the revision is kept')
    assert.equal(theirs.authorLabel, `Former account ${person.userId}`)

    const mentions = await db.execute(
      sql`SELECT count(*)::int AS n FROM audit_events WHERE strpos(actor_label || summary || coalesce(changes::text, ''), ${person.email}) > 0 OR strpos(summary, ${person.name}) > 0`,
    )
    assert.equal((mentions.rows[0] as { n: number }).n, 0, 'the audit log no longer names them')
    const [erased] = await db.select().from(auditEvents).where(eq(auditEvents.action, 'personal-data-erased'))
    assert.equal(erased?.subjectId, String(person.userId))
    assert.equal(erased?.actorUserId, adminId)

    const again = await admin.post(`/admin/users/${person.userId}/erase`, { confirm: 'yes' })
    assert.equal(again.statusCode, 400)
    assert.match(again.body, /already been erased/)
  })

  it('exports a person’s event feedback and registrations, and erasure leaves the registrations nameless', async () => {
    const db = get().handle.db
    const person = await personWithHistory()
    const { event } = await buildEvent(db, { title: `Feedback event ${person.userId}`, startsAt: inDays(-3, 10) })
    // One registration signed in, one signed out with the same address at another event.
    const { event: other } = await buildEvent(db, { title: `Other event ${person.userId}`, startsAt: inDays(-5, 10) })
    const [signedIn] = await db
      .insert(eventRegistrations)
      .values({
        eventId: event.id,
        userId: person.userId,
        name: person.name,
        email: person.email,
        jobRole: 'Officer',
        accessNeeds: 'Step-free',
        status: 'confirmed',
        attended: true,
        feedTokenHash: newToken().hash,
      })
      .returning()
    const [signedOut] = await db
      .insert(eventRegistrations)
      .values({
        eventId: other.id,
        name: person.name,
        email: person.email.toUpperCase(),
        dietaryNeeds: 'Vegan',
        status: 'confirmed',
        feedTokenHash: newToken().hash,
        manageTokenHash: newToken().hash,
      })
      .returning()
    await db.insert(eventFeedback).values({
      registrationId: signedOut!.id,
      eventId: other.id,
      tokenHash: newToken().hash,
      tokenExpiresAt: new Date(),
      answeredAt: new Date(),
      rating: 4,
      useful: 'The workshop on budgets',
    })
    const data = JSON.parse((await person.agent.get('/account/data')).body)
    assert.deepEqual(
      data.eventFeedbackGiven.map((f: { rating: number; useful: string; tokenHash?: string }) => [f.rating, f.useful, f.tokenHash]),
      [[4, 'The workshop on budgets', undefined]],
    )
    assert.equal(data.records.eventRegistrations[0].accessNeeds, 'Step-free')

    assert.equal((await admin.post(`/admin/users/${person.userId}/erase`, { confirm: 'yes' })).statusCode, 303)
    for (const id of [signedIn!.id, signedOut!.id]) {
      const [row] = await db.select().from(eventRegistrations).where(eq(eventRegistrations.id, id))
      assert.equal(row!.name, `Former account ${person.userId}`)
      assert.equal(row!.email, `erased-${person.userId}@erased.invalid`)
      assert.deepEqual([row!.jobRole, row!.accessNeeds, row!.dietaryNeeds, row!.manageTokenHash], ['', null, null, null])
      assert.equal(row!.status, 'confirmed', 'still counted')
    }
  })

  it('will not let an administrator erase their own account', async () => {
    const res = await admin.post(`/admin/users/${adminId}/erase`, { confirm: 'yes' })
    assert.equal(res.statusCode, 400)
    assert.match(res.body, /You cannot erase your own account/)
  })
})
