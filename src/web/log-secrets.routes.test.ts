// The log of a run through sign-in, invitation and password reset, read back: it must not
// contain any password, token, session cookie or session id the run used.
import assert from 'node:assert/strict'
import { after, before, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { desc, eq } from 'drizzle-orm'
import { describeEachDatabase } from '../../test/app.ts'
import { Agent, testPassword } from '../../test/agent.ts'
import { buildApp } from '../app.ts'
import { emails, sessions, users } from '../db/schema/index.ts'
import { inTransaction } from '../db/unit-of-work.ts'
import { createUser } from '../features/accounts/commands/create-user.ts'
import { sessionCookie } from '../features/accounts/sessions.ts'

describeEachDatabase('logs hold no secrets', (get) => {
  let app: FastifyInstance
  const lines: string[] = []
  before(async () => {
    const { config, handle } = get()
    app = await buildApp({
      config: { ...config, logLevel: 'trace' },
      db: handle.db,
      dbKind: handle.kind,
      assetVersion: 'test',
      logStream: { write: (line) => lines.push(line) },
    })
    await app.ready()
  })
  after(async () => {
    await app.close()
  })

  const tokenIn = async (to: string) => {
    const [email] = await get().handle.db.select().from(emails).where(eq(emails.toAddress, to)).orderBy(desc(emails.id)).limit(1)
    const token = /\/account\/set-password\/([A-Za-z0-9_-]+)/.exec(email!.bodyText)?.[1]
    assert.ok(token, email!.bodyText)
    return token
  }

  it('signs in, invites, sets and resets passwords without writing a secret to the log', async () => {
    const db = get().handle.db
    const secrets = new Map<string, string>()
    const keep = (what: string, value: string | undefined) => {
      assert.ok(value, what)
      secrets.set(what, value)
    }

    await inTransaction(db, (tx) =>
      createUser(
        tx,
        { id: null, label: 'test' },
        {
          email: 'log-admin@example.org',
          name: 'Log Admin',
          role: 'admin',
          organisation: '',
          password: testPassword,
          baseUrl: 'http://localhost',
          networkName: 'T',
        },
      ),
    )
    const admin = new Agent(app)
    assert.equal((await admin.signIn('log-admin@example.org')).statusCode, 303)
    keep('admin password', testPassword)
    keep('admin session cookie', admin.cookie(sessionCookie))
    keep('CSRF secret', admin.cookie('coophub_csrf'))
    keep('CSRF token', await admin.csrf())

    assert.equal(
      (await admin.post('/admin/users', { email: 'log-invitee@example.org', name: 'Log Invitee', role: 'editor', organisation: '' })).statusCode,
      303,
    )
    const invitation = await tokenIn('log-invitee@example.org')
    keep('invitation token', invitation)
    const invitee = new Agent(app)
    assert.equal((await invitee.get(`/account/set-password/${invitation}`)).statusCode, 200)
    keep('first password', 'a first log-test passphrase')
    assert.equal(
      (await invitee.post(`/account/set-password/${invitation}`, { password: 'a first log-test passphrase', confirm: 'a first log-test passphrase' }))
        .statusCode,
      303,
    )
    keep('invitee session cookie', invitee.cookie(sessionCookie))
    await invitee.post('/sign-out')

    keep('wrong password', 'not-the-right-passphrase-42')
    assert.equal((await new Agent(app).post('/sign-in', { email: 'log-invitee@example.org', password: 'not-the-right-passphrase-42' })).statusCode, 400)

    assert.equal((await new Agent(app).post('/password-reset', { email: 'log-invitee@example.org' })).statusCode, 200)
    const reset = await tokenIn('log-invitee@example.org')
    keep('reset token', reset)
    const resetter = new Agent(app)
    assert.equal((await resetter.get(`/cy/account/set-password/${reset}`)).statusCode, 200)
    keep('second password', 'a second log-test passphrase')
    assert.equal((await resetter.post(`/account/set-password/${reset}`, { password: 'a second log-test passphrase', confirm: 'x' })).statusCode, 400)
    assert.equal(
      (await resetter.post(`/account/set-password/${reset}`, { password: 'a second log-test passphrase', confirm: 'a second log-test passphrase' })).statusCode,
      303,
    )
    keep('reset session cookie', resetter.cookie(sessionCookie))
    assert.equal((await resetter.get('/account')).statusCode, 200)

    const [invitee_] = await db.select().from(users).where(eq(users.email, 'log-invitee@example.org'))
    for (const row of await db.select().from(sessions)) keep(`session id ${row.id.slice(0, 6)}`, row.id)
    keep('password hash', invitee_!.passwordHash!)

    const log = lines.join('')
    assert.ok(lines.length > 20, String(lines.length))
    assert.match(log, /\/account\/set-password\/\[redacted\]/, 'the requests were logged, redacted')
    assert.match(log, /Email kept in the outbox/, 'the emails were logged, redacted')
    const found = [...secrets].filter(([, value]) => log.includes(value)).map(([what]) => what)
    assert.deepEqual(found, [])
  })
})
