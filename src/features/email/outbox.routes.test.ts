import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { createTestApp, describeEachDatabase } from '../../../test/app.ts'
import { Agent, signedInAgent } from '../../../test/agent.ts'
import { buildOrganisation } from '../../../test/factories.ts'
import { emails } from '../../db/schema/index.ts'
import { queueEmail } from './outbox.ts'

describeEachDatabase('admin: outbox', (get) => {
  let admin: Agent
  let failedId: number
  before(async () => {
    const db = get().handle.db
    await buildOrganisation(db, { slug: 'outbox-council' })
    ;({ agent: admin } = await signedInAgent(get().app, db, 'admin'))
    for (let i = 1; i <= 55; i++) {
      const id = await queueEmail(db, {
        to: `reader${i}@example.org`,
        subject: `Message number ${i}`,
        body: `Hello reader ${i}.\n\nhttp://localhost/account/set-password/token-${i}`,
      })
      await db
        .update(emails)
        .set({ createdAt: new Date(Date.UTC(2025, 0, 1, 0, i)) })
        .where(eq(emails.id, id))
    }
    failedId = await queueEmail(db, { to: 'bounce@example.org', subject: 'Will not arrive', body: 'Nope' })
    await db
      .update(emails)
      .set({ status: 'failed', error: 'connect ECONNREFUSED 127.0.0.1:25', attempts: 1, createdAt: new Date(Date.UTC(2024, 0, 1)) })
      .where(eq(emails.id, failedId))
  })

  it('sends visitors who are not signed in to sign in', async () => {
    for (const url of ['/admin/outbox', `/admin/outbox/${failedId}`]) {
      const res = await new Agent(get().app).get(url)
      assert.equal(res.statusCode, 303)
      assert.equal(res.headers.location, `/sign-in?next=${encodeURIComponent(url)}`)
    }
  })

  it('is forbidden to member officers and editors: emails hold sign-in links', async () => {
    for (const role of ['officer', 'editor'] as const) {
      const { agent } = await signedInAgent(get().app, get().handle.db, role, 'outbox-council')
      assert.equal((await agent.get('/admin/outbox')).statusCode, 403)
      assert.equal((await agent.get(`/admin/outbox/${failedId}`)).statusCode, 403)
    }
  })

  it('lists every email newest first, with its delivery record, fifty to a page', async () => {
    const first = await admin.get('/admin/outbox')
    assert.equal(first.statusCode, 200)
    assert.match(first.body, /data-qa="no-smtp"[\s\S]*SMTP_URL is not set/)
    assert.ok(first.body.indexOf('Message number 55') < first.body.indexOf('Message number 54'), 'newest first')
    assert.doesNotMatch(first.body, /Message number 5</)
    assert.match(first.body, /href="\/admin\/outbox\?page=2"/)
    const second = await admin.get('/admin/outbox?page=2')
    assert.match(second.body, /Message number 1</)
    assert.match(second.body, /Will not arrive[\s\S]*Failed[\s\S]*connect ECONNREFUSED 127.0.0.1:25/)
    assert.match(second.body, /Queued/)
    for (const bad of ['?page=0', '?page=abc', '?page=99999999999', '?page[]=2', '?page=500'])
      assert.equal((await admin.get(`/admin/outbox${bad}`)).statusCode, 200, bad)
  })

  it('shows an email’s full text', async () => {
    const [mail] = await get().handle.db.select().from(emails).where(eq(emails.toAddress, 'reader7@example.org'))
    const res = await admin.get(`/admin/outbox/${mail!.id}`)
    assert.equal(res.statusCode, 200)
    assert.match(res.body, /Hello reader 7\.[\s\S]*set-password\/token-7/)
    assert.match((await admin.get(`/admin/outbox/${failedId}`)).body, /connect ECONNREFUSED/)
    // Its one try failed (created 1 January 2024, never timed): the next is five minutes after.
    assert.match((await admin.get(`/admin/outbox/${failedId}`)).body, /Next try[\s\S]*1 Jan 2024, 00:05/)
    const db = get().handle.db
    await db
      .update(emails)
      .set({ attempts: 5, lastAttemptAt: new Date(Date.UTC(2024, 0, 2, 9, 30)) })
      .where(eq(emails.id, failedId))
    const lastTry = await admin.get(`/admin/outbox/${failedId}`)
    assert.match(lastTry.body, /Last tried[\s\S]*2 Jan 2024, 09:30/)
    assert.match(lastTry.body, /Next try[\s\S]*None: every try failed/)
    for (const url of ['/admin/outbox/987654', '/admin/outbox/x']) assert.equal((await admin.get(url)).statusCode, 404, url)
  })

  it('leaves out the note about keeping emails when a mail server is set up', async () => {
    const withSmtp = await createTestApp(get().handle.kind, { SMTP_URL: 'smtp://127.0.0.1:2525' })
    try {
      const { agent } = await signedInAgent(withSmtp.app, withSmtp.handle.db, 'admin')
      const res = await agent.get('/admin/outbox')
      assert.equal(res.statusCode, 200)
      assert.doesNotMatch(res.body, /data-qa="no-smtp"/)
    } finally {
      await withSmtp.close()
    }
  })
})
