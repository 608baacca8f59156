import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { desc, eq, like, sql } from 'drizzle-orm'
import { describeEachDatabase } from '../../../test/app.ts'
import { Agent, signedInAgent, testPassword } from '../../../test/agent.ts'
import { buildOrganisation } from '../../../test/factories.ts'
import { accountTokens, auditEvents, emails, sessions, signInFailures, users } from '../../db/schema/index.ts'
import { sessionCookie } from './sessions.ts'

describeEachDatabase('accounts', (get) => {
  before(async () => {
    await buildOrganisation(get().handle.db, { slug: 'home-council', name: 'Home Council' })
  })

  it('shows the sign-in form with a CSRF token', async () => {
    const res = await new Agent(get().app).get('/sign-in')
    assert.equal(res.statusCode, 200)
    assert.match(res.body, /name="_csrf" value="[^"]+"/)
    assert.match(res.body, /<input[^>]+id="email"[^>]+type="email"/)
  })

  it('explains each missing field with the error summary linking to it', async () => {
    const res = await new Agent(get().app).post('/sign-in', { email: '', password: '' })
    assert.equal(res.statusCode, 400)
    assert.match(res.body, /<title>Error: Sign in/)
    assert.match(res.body, /govuk-error-summary/)
    assert.match(res.body, /<a href="#email">Enter your email address<\/a>/)
    assert.match(res.body, /<a href="#password">Enter your password<\/a>/)
    const badFormat = await new Agent(get().app).post('/sign-in', { email: 'not-an-address', password: 'x' })
    assert.match(badFormat.body, /<a href="#email">Enter an email address in the correct format/)
  })

  it('gives the same answer for an unknown address and a wrong password, and keeps the email typed', async () => {
    const { email } = await signedInAgent(get().app, get().handle.db, 'editor')
    const unknown = await new Agent(get().app).post('/sign-in', { email: 'nobody@example.org', password: 'whatever it is' })
    const wrong = await new Agent(get().app).post('/sign-in', { email, password: 'the wrong password' })
    assert.equal(unknown.statusCode, 400)
    assert.equal(wrong.statusCode, 400)
    const message = (body: string) => /<a href="#email">([^<]+)<\/a>/.exec(body)?.[1]
    assert.equal(message(unknown.body), 'Enter a correct email address and password')
    assert.equal(message(wrong.body), message(unknown.body))
    assert.match(wrong.body, new RegExp(`value="${email}"`))
    assert.doesNotMatch(wrong.body, /the wrong password/)
  })

  it('signs in with a rotated, HttpOnly, SameSite=Lax session stored in the database, and signs out', async () => {
    const db = get().handle.db
    const { agent, userId } = await signedInAgent(get().app, db, 'officer', 'home-council')
    const first = agent.cookie(sessionCookie)!
    assert.ok(first)
    const res = await agent.signIn((await db.select().from(users).where(eq(users.id, userId)))[0]!.email)
    const setCookie = String(res.headers['set-cookie'])
    assert.match(setCookie, new RegExp(`${sessionCookie}=[^;]+;.*HttpOnly`, 'i'))
    assert.match(setCookie, /SameSite=Lax/i)
    assert.doesNotMatch(setCookie, /Secure/)
    const second = agent.cookie(sessionCookie)!
    assert.notEqual(second, first, 'a new session id at sign-in')
    const rows = await db.select().from(sessions).where(eq(sessions.userId, userId))
    assert.equal(rows.length, 1, 'the old session was destroyed')
    assert.notEqual(rows[0]!.id, second, 'only a hash of the token is stored')

    const page = await agent.get('/')
    assert.match(page.body, /data-qa="sign-out"/)
    const out = await agent.post('/sign-out')
    assert.equal(out.statusCode, 303)
    assert.equal((await db.select().from(sessions).where(eq(sessions.userId, userId))).length, 0)
    assert.match((await agent.get('/')).body, /data-qa="sign-in-link"/)
    const events = (
      await db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.subjectId, String(userId)))
    ).map((e) => e.action)
    assert.ok(events.includes('signed-in') && events.includes('signed-out'), events.join(','))
  })

  it('marks the session cookie Secure when served over HTTPS', async () => {
    const { createTestApp } = await import('../../../test/app.ts')
    const https = await createTestApp(get().handle.kind, { HTTPS: 'true' })
    try {
      const { agent } = await signedInAgent(https.app, https.handle.db, 'editor')
      const res = await agent.signIn((await https.handle.db.select().from(users).limit(1))[0]!.email)
      assert.match(String(res.headers['set-cookie']), new RegExp(`${sessionCookie}=[^;]+;[^,]*Secure`, 'i'))
    } finally {
      await https.close()
    }
  })

  it('only goes back to pages on this site after sign-in', async () => {
    const { email } = await signedInAgent(get().app, get().handle.db, 'editor')
    const agent = new Agent(get().app)
    for (const next of ['//evil.example/steal', '/\t/evil.example', '/\\evil.example', 'https://evil.example/']) {
      const res = await new Agent(get().app).post('/sign-in', { email, password: testPassword, next })
      assert.equal(res.headers.location, '/dashboard', JSON.stringify(next))
    }
    // The address as a browser sends it: the query string's %09 arrives as a tab.
    const page = await agent.get('/sign-in?next=/%09/evil.example')
    assert.match(page.body, /name="next" value="\/dashboard"/)
    const ok = await new Agent(get().app).post('/sign-in', { email, password: testPassword, next: '/case-studies?q=x' })
    assert.equal(ok.headers.location, '/case-studies?q=x')
  })

  it('resets a password by a single-use emailed link, without revealing which addresses have accounts', async () => {
    const db = get().handle.db
    const { email, userId } = await signedInAgent(get().app, db, 'officer', 'home-council')
    const before = (await db.select({ n: sql<number>`count(*)::int` }).from(emails))[0]!.n
    const unknown = await new Agent(get().app).post('/password-reset', { email: 'nobody-here@example.org' })
    const known = await new Agent(get().app).post('/password-reset', { email })
    assert.equal(unknown.statusCode, 200)
    assert.equal(known.statusCode, 200)
    const comparable = (body: string, address: string) => body.replaceAll(address, 'X').replace(/(nonce|value)="[^"]+"/g, '')
    assert.equal(comparable(unknown.body, 'nobody-here@example.org'), comparable(known.body, email))
    const sent = await db.select().from(emails).orderBy(desc(emails.id)).limit(1)
    assert.equal((await db.select({ n: sql<number>`count(*)::int` }).from(emails))[0]!.n, before + 1)
    assert.equal(sent[0]!.toAddress, email)
    assert.equal(sent[0]!.status, 'queued')
    const link = /\/account\/set-password\/([A-Za-z0-9_-]+)/.exec(sent[0]!.bodyText)![1]!

    const agent = new Agent(get().app)
    assert.equal((await agent.get(`/account/set-password/${link}`)).statusCode, 200)
    const short = await agent.post(`/account/set-password/${link}`, { password: 'short', confirm: 'short' })
    assert.equal(short.statusCode, 400)
    assert.match(short.body, /<a href="#password">Password must be 12 characters or more<\/a>/)
    // The rule is stated on the form before anyone gets it wrong.
    assert.match(short.body, /Use 12 characters or more, not a common password and not your email address\./)
    const common = await agent.post(`/account/set-password/${link}`, { password: 'qwerty123456', confirm: 'qwerty123456' })
    assert.match(common.body, /<a href="#password">This is one of the most common passwords, so it would be guessed quickly\./)
    const mismatch = await agent.post(`/account/set-password/${link}`, { password: 'a brand new passphrase', confirm: 'something else entirely' })
    assert.match(mismatch.body, /<a href="#confirm">Passwords must match<\/a>/)
    const done = await agent.post(`/account/set-password/${link}`, { password: 'a brand new passphrase', confirm: 'a brand new passphrase' })
    assert.equal(done.statusCode, 303)
    assert.equal((await agent.get(`/account/set-password/${link}`)).statusCode, 410, 'the link works once')
    const [told] = await db.select().from(emails).where(eq(emails.toAddress, email)).orderBy(desc(emails.id)).limit(1)
    assert.equal(told!.subject, 'Your Test Councils Network password has been changed', 'the owner hears of the change')
    assert.match(told!.bodyText, /reset it now to take the account back, and tell the network's administrators:\n\nhttp:\/\/localhost(:\d+)?\/password-reset$/)
    assert.equal((await new Agent(get().app).signIn(email, 'a brand new passphrase')).statusCode, 303)
    assert.equal((await new Agent(get().app).signIn(email, testPassword)).statusCode, 400)
    const audit = await db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.subjectId, String(userId)))
    assert.ok(audit.some((e) => e.action === 'password-reset'))
  })

  it('refuses an expired reset link', async () => {
    const db = get().handle.db
    const { email } = await signedInAgent(get().app, db, 'officer', 'home-council')
    await new Agent(get().app).post('/password-reset', { email })
    const [mail] = await db.select().from(emails).where(eq(emails.toAddress, email)).orderBy(desc(emails.id)).limit(1)
    const link = /\/account\/set-password\/([A-Za-z0-9_-]+)/.exec(mail!.bodyText)![1]!
    await db.update(accountTokens).set({ expiresAt: new Date(Date.now() - 1000) })
    const res = await new Agent(get().app).get(`/account/set-password/${link}`)
    assert.equal(res.statusCode, 410)
    assert.match(res.body, /This link has expired/)
    assert.equal((await new Agent(get().app).get('/account/set-password/not-a-token')).statusCode, 410)
  })

  it('refuses a POST without a valid CSRF token and changes nothing', async () => {
    const db = get().handle.db
    const { agent, userId } = await signedInAgent(get().app, db, 'editor')
    const missing = await agent.post('/sign-out', {}, { csrf: false })
    assert.equal(missing.statusCode, 403)
    assert.match(missing.body, /Your form could not be sent/)
    const forged = await agent.post('/sign-out', { _csrf: 'forged-token' })
    assert.equal(forged.statusCode, 403)
    assert.equal((await db.select().from(sessions).where(eq(sessions.userId, userId))).length, 1, 'still signed in')
  })

  it('rate-limits password reset requests per IP address, whichever addresses are asked for', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 12; i++) statuses.push((await new Agent(get().app).post('/password-reset', { email: `someone${i}@example.org` })).statusCode)
    // Earlier tests in this file used some of this address's allowance: 200s, then only 429s.
    const firstLimited = statuses.indexOf(429)
    assert.ok(firstLimited > 0, statuses.join(','))
    assert.ok(
      statuses.slice(0, firstLimited).every((s) => s === 200),
      statuses.join(','),
    )
    assert.ok(
      statuses.slice(firstLimited).every((s) => s === 429),
      statuses.join(','),
    )
  })

  it('counts only failed sign-ins: signing in again and again never locks anyone out', async () => {
    const { email } = await signedInAgent(get().app, get().handle.db, 'editor')
    for (let i = 0; i < 25; i++) assert.equal((await new Agent(get().app).signIn(email)).statusCode, 303, `sign-in ${i + 1}`)
    const rows = await get()
      .handle.db.select()
      .from(signInFailures)
      .where(like(signInFailures.key, `%${email}%`))
    assert.deepEqual(rows, [])
  })

  it('slows guessing down with a growing delay, and a success clears the account’s failures', async () => {
    const db = get().handle.db
    const { email } = await signedInAgent(get().app, db, 'editor')
    const guess = (address: string, password = 'a wrong guess') => new Agent(get().app).post('/sign-in', { email, password }, { address })
    // Five failures from one address cost nothing; the sixth makes the next attempt wait.
    for (let i = 0; i < 5; i++) assert.equal((await guess('198.51.100.7')).statusCode, 400)
    const sixth = await guess('198.51.100.7')
    assert.equal(sixth.statusCode, 400)
    const counted = await db
      .select()
      .from(signInFailures)
      .where(eq(signInFailures.key, `account-address:${email} 198.51.100.7`))
    assert.equal(counted[0]?.failures, 6)

    // Further failures double the wait; an attempt inside it is refused without checking the password.
    await db
      .update(signInFailures)
      .set({ failures: 10, lastFailureAt: new Date() })
      .where(eq(signInFailures.key, `account-address:${email} 198.51.100.7`))
    const waiting = await guess('198.51.100.7', testPassword)
    assert.equal(waiting.statusCode, 429)
    assert.ok(Number(waiting.headers['retry-after']) > 10 && Number(waiting.headers['retry-after']) <= 16, String(waiting.headers['retry-after']))
    assert.match(waiting.body, /too many failed attempts to sign in\. Wait 1[0-9] seconds, then try again/)

    // The owner, from their own address, is not held up by the guesses made from another.
    assert.equal((await guess('192.0.2.44', testPassword)).statusCode, 303)
    assert.deepEqual(
      (
        await db
          .select()
          .from(signInFailures)
          .where(like(signInFailures.key, `account%${email}%`))
      ).map((r) => r.key),
      [`account-address:${email} 198.51.100.7`],
      'a success clears the account’s failures, but the guessing address stays slowed down',
    )

    // Once the wait is over, the right password works from the guessing address too.
    await db
      .update(signInFailures)
      .set({ lastFailureAt: new Date(Date.now() - 60_000) })
      .where(like(signInFailures.key, `%198.51.100.7`))
    assert.equal((await guess('198.51.100.7', testPassword)).statusCode, 303)
  })

  it('holds an account guessed at from many addresses for a minute at most', async () => {
    const db = get().handle.db
    const { email } = await signedInAgent(get().app, db, 'editor')
    await db.insert(signInFailures).values({ key: `account:${email}`, failures: 500, lastFailureAt: new Date() })
    const res = await new Agent(get().app).post('/sign-in', { email, password: testPassword }, { address: '192.0.2.99' })
    assert.equal(res.statusCode, 429)
    assert.equal(res.headers['retry-after'], '60')
    await db
      .update(signInFailures)
      .set({ lastFailureAt: new Date(Date.now() - 61_000) })
      .where(eq(signInFailures.key, `account:${email}`))
    assert.equal((await new Agent(get().app).post('/sign-in', { email, password: testPassword }, { address: '192.0.2.99' })).statusCode, 303)
  })

  it('does not limit other pages', async () => {
    for (let i = 0; i < 50; i++) assert.equal((await get().app.inject('/principles')).statusCode, 200)
  })
})
