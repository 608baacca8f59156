import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { and, desc, eq } from 'drizzle-orm'
import { describeEachDatabase } from '../../../test/app.ts'
import { inputValue, summaryLinks } from '../../../test/admin-support.ts'
import { Agent, signedInAgent } from '../../../test/agent.ts'
import { buildCaseStudy, buildOrganisation, buildPrinciple } from '../../../test/factories.ts'
import { auditEvents, caseStudies, principleRevisions, principles } from '../../db/schema/index.ts'

const valid = { shortName: 'Open data', slug: '', statement: 'We publish what we know so that residents can hold us to account.', position: '' }

describeEachDatabase('admin: principles', (get) => {
  let admin: Agent
  let adminId: number
  before(async () => {
    ;({ agent: admin, userId: adminId } = await signedInAgent(get().app, get().handle.db, 'admin'))
  })
  const db = () => get().handle.db
  const principle = async (id: number) => (await db().select().from(principles).where(eq(principles.id, id)))[0]!
  const audits = async (id: number) =>
    db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectType, 'principle'), eq(auditEvents.subjectId, String(id))))
      .orderBy(desc(auditEvents.id))

  it('sends visitors who are not signed in to sign in', async () => {
    const p = await buildPrinciple(db())
    const anonymous = new Agent(get().app)
    for (const url of ['/admin/principles', '/admin/principles/new', `/admin/principles/${p.id}`]) {
      const res = await anonymous.get(url)
      assert.equal(res.statusCode, 303, url)
      assert.equal(res.headers.location, `/sign-in?next=${encodeURIComponent(url)}`)
    }
    for (const url of ['/admin/principles', `/admin/principles/${p.id}`])
      assert.match(String((await anonymous.post(url, valid)).headers.location), /^\/sign-in/)
  })

  it('explains each invalid field, linking to it and keeping what was typed', async () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ shortName: '' }, '#shortName Enter the short name'],
      [{ shortName: 's'.repeat(121) }, '#shortName Short name must be 120 characters or fewer'],
      [{ slug: 'Open_Data' }, '#slug Web address must use only lower-case letters, numbers and single hyphens, like co-production'],
      [{ statement: '   ' }, '#statement Enter the statement'],
      [{ statement: 's'.repeat(2001) }, '#statement Statement must be 2,000 characters or fewer'],
      [{ position: '0' }, '#position Position must be a whole number between 1 and 999'],
      [{ position: 'first' }, '#position Position must be a whole number between 1 and 999'],
      [{ position: '1000' }, '#position Position must be a whole number between 1 and 999'],
    ]
    for (const [change, expected] of cases) {
      const res = await admin.post('/admin/principles', { ...valid, ...change })
      assert.equal(res.statusCode, 400, expected)
      assert.match(res.body, /<title>Error: Add a principle/)
      assert.deepEqual(summaryLinks(res.body), [expected])
      assert.equal(inputValue(res.body, 'shortName'), change.shortName ?? valid.shortName)
    }
    const existing = await buildPrinciple(db(), { shortName: 'Taken name', slug: 'taken-name' })
    const taken = await admin.post('/admin/principles', { ...valid, shortName: 'Taken name', slug: 'taken-name' })
    assert.deepEqual(summaryLinks(taken.body), [
      '#shortName Another principle already has this short name',
      '#slug Another principle already uses this web address',
    ])
    const page = await admin.get(`/admin/principles/${existing.id}`)
    const blankPosition = await admin.post(`/admin/principles/${existing.id}`, { ...valid, position: '', version: inputValue(page.body, 'version')! })
    assert.deepEqual(summaryLinks(blankPosition.body), ['#position Enter the position'])
    assert.equal((await db().select().from(principles).where(eq(principles.shortName, valid.shortName))).length, 0, 'nothing was saved')
  })

  it('forbids member officers and editors', async () => {
    const p = await buildPrinciple(db())
    await buildOrganisation(db(), { slug: 'principled-council' })
    for (const role of ['officer', 'editor'] as const) {
      const { agent } = await signedInAgent(get().app, db(), role, 'principled-council')
      for (const url of ['/admin/principles', '/admin/principles/new', `/admin/principles/${p.id}`]) assert.equal((await agent.get(url)).statusCode, 403, url)
      assert.equal((await agent.post('/admin/principles', { ...valid, shortName: 'Sneaky' })).statusCode, 403)
      assert.equal((await agent.post(`/admin/principles/${p.id}`, { ...valid, position: '1' })).statusCode, 403)
    }
    assert.equal((await principle(p.id)).shortName, p.shortName)
  })

  it('adds a principle at the end of the list, and records it', async () => {
    const last = await buildPrinciple(db(), { position: 500 })
    const res = await admin.post('/admin/principles', valid)
    assert.equal(res.statusCode, 303)
    const [row] = await db().select().from(principles).where(eq(principles.shortName, 'Open data'))
    assert.ok(row)
    assert.equal(res.headers.location, `/admin/principles?saved=${row.id}`)
    assert.equal(row.slug, 'open-data')
    assert.equal(row.position, last.position + 1)
    assert.equal((await audits(row.id))[0]?.action, 'principle-created')
    assert.match((await admin.get(String(res.headers.location))).body, /Saved Open data/)
    assert.match((await new Agent(get().app).get('/principles')).body, /Open data/, 'the public list shows it')
  })

  it('edits a principle keeping the earlier wording, and a rename reaches the search names of its case studies', async () => {
    const p = await buildPrinciple(db(), { shortName: 'Old wording', slug: 'old-wording', statement: 'The first statement.', position: 7 })
    const cs = await buildCaseStudy(db(), { principleIds: [p.id] })
    const page = await admin.get(`/admin/principles/${p.id}`)
    assert.match(page.body, /This is the only wording so far/)
    const res = await admin.post(`/admin/principles/${p.id}`, {
      shortName: 'New wording',
      slug: 'old-wording',
      statement: 'The second statement.',
      position: '7',
      version: inputValue(page.body, 'version')!,
    })
    assert.equal(res.statusCode, 303)
    const saved = await principle(p.id)
    assert.equal(saved.shortName, 'New wording')
    assert.equal(saved.statement, 'The second statement.')
    const revisions = await db().select().from(principleRevisions).where(eq(principleRevisions.principleId, p.id))
    assert.equal(revisions.length, 1)
    assert.equal(revisions[0]!.shortName, 'Old wording')
    assert.equal(revisions[0]!.statement, 'The first statement.')
    assert.equal(revisions[0]!.source, 'admin')
    assert.equal(revisions[0]!.changedByUserId, adminId)
    assert.match((await db().select().from(caseStudies).where(eq(caseStudies.id, cs.id)))[0]!.searchExtra, /New wording/)
    const event = (await audits(p.id))[0]
    assert.equal(event?.action, 'principle-updated')
    assert.deepEqual((event?.changes as Record<string, unknown>).shortName, { before: 'Old wording', after: 'New wording' })
    const edit = await admin.get(`/admin/principles/${p.id}`)
    assert.match(edit.body, /Earlier wordings[\s\S]*Old wording[\s\S]*The first statement\./)

    const slugOnly = await admin.post(`/admin/principles/${p.id}`, {
      shortName: 'New wording',
      slug: 'new-wording',
      statement: 'The second statement.',
      position: '7',
      version: inputValue(edit.body, 'version')!,
    })
    assert.equal(slugOnly.statusCode, 303)
    assert.equal(
      (await db().select().from(principleRevisions).where(eq(principleRevisions.principleId, p.id))).length,
      1,
      'a new slug alone is not a new wording',
    )
  })

  it('keeps both versions when two administrators edit one principle at once', async () => {
    const p = await buildPrinciple(db(), { shortName: 'Contested' })
    const { agent: other } = await signedInAgent(get().app, db(), 'admin')
    const mine = inputValue((await admin.get(`/admin/principles/${p.id}`)).body, 'version')!
    const theirs = inputValue((await other.get(`/admin/principles/${p.id}`)).body, 'version')!
    const base = { shortName: 'Contested', slug: p.slug, position: String(p.position) }
    assert.equal((await other.post(`/admin/principles/${p.id}`, { ...base, statement: 'Their statement.', version: theirs })).statusCode, 303)
    const clash = await admin.post(`/admin/principles/${p.id}`, { ...base, statement: 'My statement.', version: mine })
    assert.equal(clash.statusCode, 400)
    assert.match(summaryLinks(clash.body)[0]!, /^#conflict Someone else changed this principle since you opened it/)
    assert.match(clash.body, /id="conflict"[\s\S]*Their statement\./)
    assert.match(clash.body, /<textarea[^>]*name="statement"[^>]*>My statement\.<\/textarea>/)
    assert.equal((await principle(p.id)).statement, 'Their statement.')
  })

  it('answers 404 for unknown and malformed ids', async () => {
    for (const url of ['/admin/principles/777777', '/admin/principles/abc', '/admin/principles/%00']) assert.equal((await admin.get(url)).statusCode, 404, url)
    assert.equal((await admin.post('/admin/principles/777777', { ...valid, position: '1', version: 'x' })).statusCode, 404)
  })
})
