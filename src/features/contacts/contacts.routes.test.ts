import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { and, desc, eq } from 'drizzle-orm'
import { describeEachDatabase } from '../../../test/app.ts'
import { inputValue, summaryLinks } from '../../../test/admin-support.ts'
import { Agent, signedInAgent } from '../../../test/agent.ts'
import { buildOrganisation, buildPerson } from '../../../test/factories.ts'
import { auditEvents, people } from '../../db/schema/index.ts'

const valid = {
  name: 'Priya Patel',
  jobTitle: 'Senior Policy Officer',
  organisation: 'contact-council',
  email: 'priya@example.org',
  phone: '01632 960 001',
  publishContact: 'yes',
}

describeEachDatabase('admin: contacts', (get) => {
  let admin: Agent
  let organisationId: number
  before(async () => {
    organisationId = (await buildOrganisation(get().handle.db, { slug: 'contact-council', name: 'Contact Council' })).id
    ;({ agent: admin } = await signedInAgent(get().app, get().handle.db, 'admin'))
  })
  const db = () => get().handle.db
  const person = async (id: number) => (await db().select().from(people).where(eq(people.id, id)))[0]!
  const audits = async (id: number) =>
    db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectType, 'person'), eq(auditEvents.subjectId, String(id))))
      .orderBy(desc(auditEvents.id))

  it('sends visitors who are not signed in to sign in', async () => {
    const p = await buildPerson(db())
    const anonymous = new Agent(get().app)
    for (const url of ['/admin/contacts', '/admin/contacts/new', `/admin/contacts/${p.id}`]) {
      const res = await anonymous.get(url)
      assert.equal(res.statusCode, 303, url)
      assert.equal(res.headers.location, `/sign-in?next=${encodeURIComponent(url)}`)
    }
    for (const url of ['/admin/contacts', `/admin/contacts/${p.id}`]) assert.match(String((await anonymous.post(url, valid)).headers.location), /^\/sign-in/)
  })

  it('explains each invalid field, linking to it and keeping what was typed', async () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ name: '' }, '#name Enter the contact’s name'],
      [{ name: 'n'.repeat(201) }, '#name Name must be 200 characters or fewer'],
      [{ jobTitle: 'j'.repeat(201) }, '#jobTitle Job title must be 200 characters or fewer'],
      [{ email: 'priya at example' }, '#email Enter an email address in the correct format, like name@example.org'],
      [{ phone: 'call me' }, '#phone Enter a telephone number, like 01632 960 001 or +44 808 157 0192'],
      [{ phone: '123' }, '#phone Enter a telephone number, like 01632 960 001 or +44 808 157 0192'],
      [{ organisation: 'no-such-council' }, '#organisation Select an organisation from the list'],
    ]
    for (const [change, expected] of cases) {
      const res = await admin.post('/admin/contacts', { ...valid, ...change })
      assert.equal(res.statusCode, 400, expected)
      assert.match(res.body, /<title>Error: Add a contact/)
      assert.deepEqual(summaryLinks(res.body), [expected])
      assert.equal(inputValue(res.body, 'jobTitle'), change.jobTitle ?? valid.jobTitle)
      assert.match(res.body, /name="publishContact" type="checkbox" value="yes" checked/, 'the consent box stays ticked')
    }
    assert.equal((await db().select().from(people).where(eq(people.name, valid.name))).length, 0, 'nothing was saved')
  })

  it('forbids member officers and editors', async () => {
    const p = await buildPerson(db(), { name: 'Guarded Person' })
    for (const role of ['officer', 'editor'] as const) {
      const { agent } = await signedInAgent(get().app, db(), role, 'contact-council')
      for (const url of ['/admin/contacts', '/admin/contacts/new', `/admin/contacts/${p.id}`]) assert.equal((await agent.get(url)).statusCode, 403, url)
      assert.equal((await agent.post('/admin/contacts', { ...valid, name: 'Sneaky' })).statusCode, 403)
      assert.equal((await agent.post(`/admin/contacts/${p.id}`, { ...valid, name: 'Hijacked' })).statusCode, 403)
    }
    assert.equal((await person(p.id)).name, 'Guarded Person')
  })

  it('explains on the form that contact details are public only when the box is ticked', async () => {
    const page = await admin.get('/admin/contacts/new')
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /appear on public pages only when this box is ticked/)
  })

  it('adds a contact and records it', async () => {
    const res = await admin.post('/admin/contacts', valid)
    assert.equal(res.statusCode, 303)
    const [row] = await db().select().from(people).where(eq(people.name, valid.name))
    assert.ok(row)
    assert.equal(res.headers.location, `/admin/contacts?saved=${row.id}`)
    assert.equal(row.organisationId, organisationId)
    assert.equal(row.publishContact, true)
    assert.equal(row.phone, '01632 960 001')
    assert.equal((await audits(row.id))[0]?.action, 'contact-created')
    assert.match((await admin.get(String(res.headers.location))).body, /Saved Priya Patel/)
  })

  it('edits a contact: unticking consent is saved and recorded', async () => {
    const p = await buildPerson(db(), { name: 'Consenting Person', publishContact: true, organisationId })
    const page = await admin.get(`/admin/contacts/${p.id}`)
    const res = await admin.post(`/admin/contacts/${p.id}`, {
      ...valid,
      name: 'Consenting Person',
      publishContact: '',
      version: inputValue(page.body, 'version')!,
    })
    assert.equal(res.statusCode, 303)
    assert.equal((await person(p.id)).publishContact, false)
    const changes = (await audits(p.id))[0]?.changes as Record<string, unknown>
    assert.deepEqual(changes.publishContact, { before: true, after: false })
  })

  it('keeps both versions when two administrators edit one contact at once', async () => {
    const p = await buildPerson(db(), { name: 'Shared Contact' })
    const { agent: other } = await signedInAgent(get().app, db(), 'admin')
    const mine = inputValue((await admin.get(`/admin/contacts/${p.id}`)).body, 'version')!
    const theirs = inputValue((await other.get(`/admin/contacts/${p.id}`)).body, 'version')!
    assert.equal((await other.post(`/admin/contacts/${p.id}`, { ...valid, jobTitle: 'Their Title', version: theirs })).statusCode, 303)
    const clash = await admin.post(`/admin/contacts/${p.id}`, { ...valid, jobTitle: 'My Title', version: mine })
    assert.equal(clash.statusCode, 400)
    assert.match(summaryLinks(clash.body)[0]!, /^#conflict Someone else changed this contact since you opened it/)
    assert.match(clash.body, /id="conflict"[\s\S]*Their Title/)
    assert.equal(inputValue(clash.body, 'jobTitle'), 'My Title')
    assert.equal((await person(p.id)).jobTitle, 'Their Title')
  })

  it('answers 404 for unknown and malformed ids', async () => {
    for (const url of ['/admin/contacts/555555', '/admin/contacts/one']) assert.equal((await admin.get(url)).statusCode, 404, url)
    assert.equal((await admin.post('/admin/contacts/555555', { ...valid, version: 'x' })).statusCode, 404)
  })
})
