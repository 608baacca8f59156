import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { and, desc, eq } from 'drizzle-orm'
import { describeEachDatabase } from '../../../test/app.ts'
import { inputValue, summaryLinks } from '../../../test/admin-support.ts'
import { Agent, signedInAgent } from '../../../test/agent.ts'
import { buildOrganisation } from '../../../test/factories.ts'
import { accountTokens, auditEvents, emails, sessions, users } from '../../db/schema/index.ts'

describeEachDatabase('admin: people', (get) => {
  let admin: Agent
  let adminId: number
  before(async () => {
    await buildOrganisation(get().handle.db, { slug: 'home-council', name: 'Home Council' })
    ;({ agent: admin, userId: adminId } = await signedInAgent(get().app, get().handle.db, 'admin'))
  })
  const db = () => get().handle.db
  const user = async (id: number) => (await db().select().from(users).where(eq(users.id, id)))[0]!
  const lastAudit = async (subjectId: number) =>
    (
      await db()
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.subjectType, 'user'), eq(auditEvents.subjectId, String(subjectId))))
        .orderBy(desc(auditEvents.id))
        .limit(1)
    )[0]

  it('sends visitors who are not signed in to sign in', async () => {
    const anonymous = new Agent(get().app)
    for (const url of ['/admin', '/admin/users', '/admin/users/new', `/admin/users/${adminId}`]) {
      const res = await anonymous.get(url)
      assert.equal(res.statusCode, 303, url)
      assert.equal(res.headers.location, `/sign-in?next=${encodeURIComponent(url)}`)
    }
    for (const url of ['/admin/users', `/admin/users/${adminId}`, `/admin/users/${adminId}/resend-invitation`]) {
      const res = await anonymous.post(url, { name: 'x' })
      assert.equal(res.statusCode, 303, url)
      assert.match(String(res.headers.location), /^\/sign-in/)
    }
  })

  it('explains each invalid field of an invitation, keeping what was typed', async () => {
    const empty = await admin.post('/admin/users', { email: '', name: '', role: '', organisation: '' })
    assert.equal(empty.statusCode, 400)
    assert.match(empty.body, /<title>Error: Invite someone/)
    assert.deepEqual(summaryLinks(empty.body), ['#email Enter an email address', '#name Enter the person’s name', '#role Select a role'])

    const cases: Array<[Record<string, string>, string]> = [
      [{ email: 'not-an-address', name: 'Ann', role: 'editor' }, '#email Enter an email address in the correct format, like name@example.org'],
      [{ email: 'ann@example.org', name: 'A'.repeat(201), role: 'editor' }, '#name Name must be 200 characters or fewer'],
      [{ email: 'ann@example.org', name: 'Ann', role: 'superuser' }, '#role Select a role'],
      [{ email: 'ann@example.org', name: 'Ann', role: 'officer' }, '#organisation Select the organisation this officer works for'],
      [{ email: 'ann@example.org', name: 'Ann', role: 'officer', organisation: 'no-such-council' }, '#organisation Select an organisation from the list'],
    ]
    for (const [form, expected] of cases) {
      const res = await admin.post('/admin/users', { organisation: '', ...form })
      assert.equal(res.statusCode, 400, expected)
      assert.deepEqual(summaryLinks(res.body), [expected])
      assert.equal(inputValue(res.body, 'email'), form.email, 'the email typed is kept')
    }
    const existing = await admin.post('/admin/users', { email: (await user(adminId)).email, name: 'Copy', role: 'editor', organisation: '' })
    assert.deepEqual(summaryLinks(existing.body), ['#email There is already an account with this email address'])
    assert.equal(inputValue(existing.body, 'name'), 'Copy')
  })

  it('explains each invalid field of an edit, and stops an administrator locking themselves out', async () => {
    const { userId } = await signedInAgent(get().app, db(), 'editor')
    const page = await admin.get(`/admin/users/${userId}`)
    const version = inputValue(page.body, 'version')!
    const base = { name: 'Edited Name', role: 'editor', organisation: '', status: 'active', version }
    const cases: Array<[Record<string, string>, string]> = [
      [{ name: '' }, '#name Enter the person’s name'],
      [{ role: 'root' }, '#role Select a role'],
      [{ role: 'officer' }, '#organisation Select the organisation this officer works for'],
      [{ role: 'officer', organisation: 'nowhere' }, '#organisation Select an organisation from the list'],
      [{ status: 'gone' }, '#status Select whether the account is active or disabled'],
    ]
    for (const [change, expected] of cases) {
      const res = await admin.post(`/admin/users/${userId}`, { ...base, ...change })
      assert.equal(res.statusCode, 400, expected)
      assert.match(res.body, /<title>Error: /)
      assert.deepEqual(summaryLinks(res.body), [expected])
    }
    assert.notEqual((await user(userId)).name, 'Edited Name', 'nothing was saved')

    const own = inputValue((await admin.get(`/admin/users/${adminId}`)).body, 'version')!
    const ownBase = { name: 'Admin', role: 'admin', organisation: '', status: 'active', version: own }
    const demote = await admin.post(`/admin/users/${adminId}`, { ...ownBase, role: 'editor' })
    assert.deepEqual(summaryLinks(demote.body), ['#role You cannot remove your own administrator role'])
    const disable = await admin.post(`/admin/users/${adminId}`, { ...ownBase, status: 'disabled' })
    assert.deepEqual(summaryLinks(disable.body), ['#status You cannot disable your own account'])
    assert.equal((await user(adminId)).role, 'admin')
    assert.equal((await user(adminId)).status, 'active')
  })

  it('forbids member officers and editors', async () => {
    const { userId } = await signedInAgent(get().app, db(), 'editor')
    for (const role of ['officer', 'editor'] as const) {
      const { agent } = await signedInAgent(get().app, db(), role, 'home-council')
      for (const url of ['/admin/users', '/admin/users/new', `/admin/users/${userId}`]) assert.equal((await agent.get(url)).statusCode, 403, `${role} ${url}`)
      const invite = await agent.post('/admin/users', { email: `sneaky-${role}@example.org`, name: 'Sneaky', role: 'admin', organisation: '' })
      assert.equal(invite.statusCode, 403)
      const edit = await agent.post(`/admin/users/${userId}`, { name: 'Hijacked', role: 'admin', organisation: '', status: 'active' })
      assert.equal(edit.statusCode, 403)
      assert.equal((await agent.post(`/admin/users/${userId}/resend-invitation`)).statusCode, 403)
    }
    assert.equal((await db().select().from(users).where(eq(users.email, 'sneaky-officer@example.org'))).length, 0)
    assert.equal((await user(userId)).role, 'editor')
  })

  it('invites someone: an invited account, an email with a link, an audit event, and no password hash shown', async () => {
    const res = await admin.post('/admin/users', { email: ' Newcomer@Example.org ', name: 'New Comer', role: 'officer', organisation: 'home-council' })
    assert.equal(res.statusCode, 303)
    const [created] = await db().select().from(users).where(eq(users.email, 'newcomer@example.org'))
    assert.ok(created)
    assert.equal(res.headers.location, `/admin/users?invited=${created.id}`)
    assert.equal(created.status, 'invited')
    assert.equal(created.passwordHash, null)
    assert.equal(created.role, 'officer')
    const [mail] = await db().select().from(emails).where(eq(emails.toAddress, 'newcomer@example.org'))
    assert.match(mail!.bodyText, /\/account\/set-password\/[A-Za-z0-9_-]+/)
    assert.equal((await lastAudit(created.id))?.action, 'user-created')

    const list = await admin.get(String(res.headers.location))
    assert.equal(list.statusCode, 200)
    assert.match(list.body, /Invitation sent to newcomer@example.org/)
    assert.match(list.body, /New Comer/)
    assert.doesNotMatch(list.body, /\$argon2/)
    assert.doesNotMatch((await admin.get(`/admin/users/${adminId}`)).body, /\$argon2/)
  })

  it('edits an account and records what changed', async () => {
    const { userId } = await signedInAgent(get().app, db(), 'editor')
    const version = inputValue((await admin.get(`/admin/users/${userId}`)).body, 'version')!
    const res = await admin.post(`/admin/users/${userId}`, {
      name: 'Renamed Officer',
      role: 'officer',
      organisation: 'home-council',
      status: 'active',
      version,
    })
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, `/admin/users?saved=${userId}`)
    const saved = await user(userId)
    assert.equal(saved.name, 'Renamed Officer')
    assert.equal(saved.role, 'officer')
    const event = await lastAudit(userId)
    assert.equal(event?.action, 'user-updated')
    const changes = event?.changes as Record<string, { before: unknown; after: unknown }>
    assert.equal(changes.name?.after, 'Renamed Officer')
    assert.deepEqual(changes.role, { before: 'editor', after: 'officer' })
    assert.ok(changes.organisationId)
    assert.equal(changes.status, undefined, 'unchanged fields are left out')
    assert.match((await admin.get(String(res.headers.location))).body, /Saved the account of Renamed Officer/)
  })

  it('disabling an account ends its sessions at once', async () => {
    const { agent, userId } = await signedInAgent(get().app, db(), 'officer', 'home-council')
    assert.equal((await agent.get('/admin/users')).statusCode, 403, 'signed in, not allowed')
    const version = inputValue((await admin.get(`/admin/users/${userId}`)).body, 'version')!
    const res = await admin.post(`/admin/users/${userId}`, {
      name: 'Leaving Officer',
      role: 'officer',
      organisation: 'home-council',
      status: 'disabled',
      version,
    })
    assert.equal(res.statusCode, 303)
    assert.equal((await user(userId)).status, 'disabled')
    assert.equal((await db().select().from(sessions).where(eq(sessions.userId, userId))).length, 0)
    const after = await agent.get('/admin/users')
    assert.equal(after.statusCode, 303, 'no longer signed in')
    assert.match(String(after.headers.location), /^\/sign-in/)
    assert.equal((await lastAudit(userId))?.action, 'user-disabled')
  })

  it('sends a new invitation, and the earlier link stops working', async () => {
    await admin.post('/admin/users', { email: 'slow@example.org', name: 'Slow Starter', role: 'editor', organisation: '' })
    const [invited] = await db().select().from(users).where(eq(users.email, 'slow@example.org'))
    const firstLink = /set-password\/([A-Za-z0-9_-]+)/.exec(
      (await db().select().from(emails).where(eq(emails.toAddress, 'slow@example.org')))[0]!.bodyText,
    )![1]!
    const page = await admin.get(`/admin/users/${invited!.id}`)
    assert.match(page.body, /Send a new invitation/)
    const res = await admin.post(`/admin/users/${invited!.id}/resend-invitation`)
    assert.equal(res.statusCode, 303)
    assert.match((await admin.get(String(res.headers.location))).body, /A new invitation has been sent to slow@example.org/)
    const mails = await db().select().from(emails).where(eq(emails.toAddress, 'slow@example.org')).orderBy(desc(emails.id))
    assert.equal(mails.length, 2)
    const secondLink = /set-password\/([A-Za-z0-9_-]+)/.exec(mails[0]!.bodyText)![1]!
    assert.notEqual(secondLink, firstLink)
    assert.equal((await new Agent(get().app).get(`/account/set-password/${firstLink}`)).statusCode, 410)
    assert.equal((await new Agent(get().app).get(`/account/set-password/${secondLink}`)).statusCode, 200)
    assert.equal((await lastAudit(invited!.id))?.action, 'invitation-resent')
    const unused = await db().select().from(accountTokens).where(eq(accountTokens.userId, invited!.id))
    assert.equal(unused.filter((t) => t.usedAt === null).length, 1)

    const active = await admin.post(`/admin/users/${adminId}/resend-invitation`)
    assert.equal(active.statusCode, 400)
    assert.deepEqual(summaryLinks(active.body), ['#invitation This account has already been set up or is disabled, so there is no invitation to send'])
  })

  it('keeps both versions when two administrators edit one account at once', async () => {
    const { userId } = await signedInAgent(get().app, db(), 'editor')
    const { agent: other } = await signedInAgent(get().app, db(), 'admin')
    const mine = inputValue((await admin.get(`/admin/users/${userId}`)).body, 'version')!
    const theirs = inputValue((await other.get(`/admin/users/${userId}`)).body, 'version')!
    assert.equal(
      (await other.post(`/admin/users/${userId}`, { name: 'Their Name', role: 'editor', organisation: '', status: 'active', version: theirs })).statusCode,
      303,
    )
    const clash = await admin.post(`/admin/users/${userId}`, { name: 'My Name', role: 'admin', organisation: '', status: 'active', version: mine })
    assert.equal(clash.statusCode, 400)
    assert.match(summaryLinks(clash.body)[0]!, /^#conflict Someone else changed this account since you opened it/)
    assert.match(clash.body, /id="conflict"[\s\S]*Their Name/)
    assert.equal(inputValue(clash.body, 'name'), 'My Name', 'what I typed is kept')
    assert.equal((await user(userId)).name, 'Their Name', 'their save stands')
    const again = await admin.post(`/admin/users/${userId}`, {
      name: 'My Name',
      role: 'admin',
      organisation: '',
      status: 'active',
      version: inputValue(clash.body, 'version')!,
    })
    assert.equal(again.statusCode, 303, 'saving again after seeing their version keeps mine')
    assert.equal((await user(userId)).name, 'My Name')
  })

  it('answers 404 for unknown and malformed ids', async () => {
    for (const url of ['/admin/users/999999', '/admin/users/abc', '/admin/users/0', '/admin/users/-1', '/admin/users/99999999999999']) {
      assert.equal((await admin.get(url)).statusCode, 404, url)
    }
    assert.equal((await admin.post('/admin/users/999999', { name: 'x', role: 'editor', organisation: '', status: 'active', version: 'x' })).statusCode, 404)
    assert.equal((await admin.post('/admin/users/999999/resend-invitation')).statusCode, 404)
  })
})
