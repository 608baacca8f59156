import assert from 'node:assert/strict'
import { it } from 'node:test'
import { eq } from 'drizzle-orm'
import { describeEachDatabase } from '../../../test/app.ts'
import { Agent, signedInAgent } from '../../../test/agent.ts'
import { auditEvents, sessions } from '../../db/schema/index.ts'
import { sessionCookie } from './sessions.ts'

const signedIn = async (agent: Agent) => /data-qa="sign-out"/.test((await agent.get('/')).body)

describeEachDatabase(
  'session expiry and signing out everywhere',
  (get) => {
    it('ends a session unused for longer than SESSION_IDLE_MINUTES', async () => {
      const db = get().handle.db
      const { agent, userId } = await signedInAgent(get().app, db, 'editor')
      assert.ok(await signedIn(agent))
      await db
        .update(sessions)
        .set({ lastSeenAt: new Date(Date.now() - 29 * 60_000) })
        .where(eq(sessions.userId, userId))
      assert.ok(await signedIn(agent), 'still alive at 29 idle minutes')
      const [touched] = await db.select().from(sessions).where(eq(sessions.userId, userId))
      assert.ok(Date.now() - touched!.lastSeenAt.getTime() < 60_000, 'the use was recorded')
      await db
        .update(sessions)
        .set({ lastSeenAt: new Date(Date.now() - 31 * 60_000) })
        .where(eq(sessions.userId, userId))
      assert.equal(await signedIn(agent), false)
      assert.equal((await agent.get('/account')).statusCode, 303, 'the account page asks to sign in again')
    })

    it('ends a session SESSION_ABSOLUTE_HOURS after sign-in however busy, and the cookie lasts no longer', async () => {
      const db = get().handle.db
      const { agent, userId } = await signedInAgent(get().app, db, 'editor')
      await db
        .update(sessions)
        .set({ createdAt: new Date(Date.now() - 2 * 3_600_000 + 60_000) })
        .where(eq(sessions.userId, userId))
      assert.ok(await signedIn(agent))
      await db
        .update(sessions)
        .set({ createdAt: new Date(Date.now() - 2 * 3_600_000 - 60_000), lastSeenAt: new Date() })
        .where(eq(sessions.userId, userId))
      assert.equal(await signedIn(agent), false)
    })

    it('keeps signed-in pages out of shared caches', async () => {
      const { agent } = await signedInAgent(get().app, get().handle.db, 'editor')
      assert.equal((await agent.get('/account')).headers['cache-control'], 'private, no-store')
      assert.equal((await agent.get('/principles')).headers['cache-control'], 'private, no-store')
      assert.notEqual((await new Agent(get().app).get('/principles')).headers['cache-control'], 'private, no-store')
    })

    it('sets the session cookie to expire at the absolute timeout', async () => {
      const agent = new Agent(get().app)
      const { email } = await signedInAgent(get().app, get().handle.db, 'editor')
      const res = await agent.signIn(email)
      const cookie = res.cookies.find((c) => c.name === sessionCookie)
      assert.equal(cookie?.maxAge, 2 * 3600)
    })

    it('signs the person out on every device, this one included, and records it', async () => {
      const db = get().handle.db
      const { agent: laptop, userId, email } = await signedInAgent(get().app, db, 'editor')
      const phone = new Agent(get().app)
      assert.equal((await phone.signIn(email)).statusCode, 303)
      const { agent: someoneElse } = await signedInAgent(get().app, db, 'editor')
      assert.equal((await db.select().from(sessions).where(eq(sessions.userId, userId))).length, 2)

      const page = await laptop.get('/account')
      assert.match(page.body, /action="\/account\/sign-out-everywhere"/)
      assert.match(page.body, /for 2 hours at most, or until it has not been used for 30 minutes/)
      const forged = await laptop.post('/account/sign-out-everywhere', { _csrf: 'forged' })
      assert.equal(forged.statusCode, 403)
      assert.equal((await db.select().from(sessions).where(eq(sessions.userId, userId))).length, 2, 'a forged request ends nothing')

      const res = await laptop.post('/account/sign-out-everywhere')
      assert.equal(res.statusCode, 303)
      assert.equal(res.headers.location, '/signed-out-everywhere')
      assert.equal((await db.select().from(sessions).where(eq(sessions.userId, userId))).length, 0)
      assert.equal(await signedIn(laptop), false)
      assert.equal(await signedIn(phone), false)
      assert.ok(await signedIn(someoneElse), 'other people stay signed in')
      assert.match((await laptop.get('/signed-out-everywhere')).body, /You have been signed out on every device/)
      const [event] = await db.select().from(auditEvents).where(eq(auditEvents.action, 'signed-out-everywhere'))
      assert.equal(event?.subjectId, String(userId))
      assert.match(event!.summary, /2 sessions ended/)
    })

    it('asks a signed-out visitor to sign in, and shows the Welsh page', async () => {
      const res = await new Agent(get().app).post('/account/sign-out-everywhere')
      assert.equal(res.statusCode, 303)
      assert.match(String(res.headers.location), /^\/sign-in/)
      const { agent } = await signedInAgent(get().app, get().handle.db, 'editor')
      const cy = await agent.get('/cy/account')
      assert.match(cy.body, /Allgofnodi ar bob dyfais/)
      assert.match((await new Agent(get().app).get('/cy/signed-out-everywhere')).body, /Rydych wedi cael eich allgofnodi ar bob dyfais/)
    })
  },
  { SESSION_IDLE_MINUTES: '30', SESSION_ABSOLUTE_HOURS: '2' },
)
