import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { and, desc, eq } from 'drizzle-orm'
import { describeEachDatabase } from '../../../test/app.ts'
import { inputValue, summaryLinks } from '../../../test/admin-support.ts'
import { Agent, signedInAgent } from '../../../test/agent.ts'
import { buildCaseStudy, buildOrganisation } from '../../../test/factories.ts'
import { auditEvents, caseStudies, organisations } from '../../db/schema/index.ts'

const valid = {
  name: 'Westford Borough Council',
  slug: '',
  kind: 'council',
  tier: 'full',
  councilType: 'Non-metropolitan district',
  nation: 'England',
  region: 'South East',
  gssCode: 'E07000178',
  website: 'https://westford.example.org',
  verified: 'yes',
}

describeEachDatabase('admin: organisations', (get) => {
  let admin: Agent
  before(async () => {
    ;({ agent: admin } = await signedInAgent(get().app, get().handle.db, 'admin'))
  })
  const db = () => get().handle.db
  const organisation = async (id: number) => (await db().select().from(organisations).where(eq(organisations.id, id)))[0]!
  const audits = async (id: number) =>
    db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectType, 'organisation'), eq(auditEvents.subjectId, String(id))))
      .orderBy(desc(auditEvents.id))

  it('sends visitors who are not signed in to sign in', async () => {
    const org = await buildOrganisation(db())
    const anonymous = new Agent(get().app)
    for (const url of ['/admin/organisations', '/admin/organisations/new', `/admin/organisations/${org.id}`]) {
      const res = await anonymous.get(url)
      assert.equal(res.statusCode, 303, url)
      assert.equal(res.headers.location, `/sign-in?next=${encodeURIComponent(url)}`)
    }
    for (const url of ['/admin/organisations', `/admin/organisations/${org.id}`]) {
      const res = await anonymous.post(url, valid)
      assert.equal(res.statusCode, 303, url)
      assert.match(String(res.headers.location), /^\/sign-in/)
    }
  })

  it('explains each invalid field, linking to it and keeping what was typed', async () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ name: '' }, '#name Enter the organisation’s name'],
      [{ name: 'N'.repeat(201) }, '#name Name must be 200 characters or fewer'],
      [{ slug: 'Westford Council' }, '#slug Web address must use only lower-case letters, numbers and single hyphens, like co-production'],
      [{ slug: 'w'.repeat(81) }, '#slug Web address must be 80 characters or fewer'],
      [{ kind: 'empire' }, '#kind Select the kind of organisation'],
      [{ tier: '' }, '#tier Select a membership tier'],
      [{ councilType: 'c'.repeat(101) }, '#councilType Council type must be 100 characters or fewer'],
      [{ nation: 'Atlantis' }, '#nation Select a nation from the list'],
      [{ region: 'r'.repeat(101) }, '#region Region must be 100 characters or fewer'],
      [{ gssCode: 'E0700017' }, '#gssCode Enter a GSS code in the correct format: a capital letter and 8 digits, like E07000178'],
      [{ gssCode: '12345678X' }, '#gssCode Enter a GSS code in the correct format: a capital letter and 8 digits, like E07000178'],
      [{ website: 'javascript:alert(1)' }, '#website Enter a website address starting with https:// or http://, like https://www.example.gov.uk'],
      [{ website: 'ftp://files.example.org' }, '#website Enter a website address starting with https:// or http://, like https://www.example.gov.uk'],
      [{ website: 'westford.example.org' }, '#website Enter a website address starting with https:// or http://, like https://www.example.gov.uk'],
    ]
    for (const [change, expected] of cases) {
      const res = await admin.post('/admin/organisations', { ...valid, ...change })
      assert.equal(res.statusCode, 400, expected)
      assert.match(res.body, /<title>Error: Add an organisation/)
      assert.deepEqual(summaryLinks(res.body), [expected])
      assert.equal(inputValue(res.body, 'region'), change.region ?? valid.region, 'values typed are kept')
    }
    const all = await admin.post('/admin/organisations', { name: '', kind: '', tier: '' })
    assert.deepEqual(summaryLinks(all.body), ['#name Enter the organisation’s name', '#kind Select the kind of organisation', '#tier Select a membership tier'])
    await buildOrganisation(db(), { slug: 'taken-slug' })
    const taken = await admin.post('/admin/organisations', { ...valid, slug: 'taken-slug' })
    assert.deepEqual(summaryLinks(taken.body), ['#slug Another organisation already uses this web address'])
    assert.equal((await db().select().from(organisations).where(eq(organisations.name, valid.name))).length, 0, 'nothing was saved')
  })

  it('forbids member officers and editors', async () => {
    const org = await buildOrganisation(db(), { slug: 'officer-home' })
    for (const role of ['officer', 'editor'] as const) {
      const { agent } = await signedInAgent(get().app, db(), role, 'officer-home')
      for (const url of ['/admin/organisations', '/admin/organisations/new', `/admin/organisations/${org.id}`])
        assert.equal((await agent.get(url)).statusCode, 403, url)
      assert.equal((await agent.post('/admin/organisations', { ...valid, name: 'Sneaky Council' })).statusCode, 403)
      assert.equal((await agent.post(`/admin/organisations/${org.id}`, { ...valid, name: 'Hijacked' })).statusCode, 403)
    }
    assert.equal((await organisation(org.id)).name, org.name)
    assert.equal((await db().select().from(organisations).where(eq(organisations.name, 'Sneaky Council'))).length, 0)
  })

  it('adds an organisation with a slug made from its name, and records it', async () => {
    await buildOrganisation(db(), { slug: 'westford-borough-council', name: 'An older Westford' })
    const res = await admin.post('/admin/organisations', { ...valid, gssCode: 'e07000178' })
    assert.equal(res.statusCode, 303)
    const [row] = await db().select().from(organisations).where(eq(organisations.name, valid.name))
    assert.ok(row)
    assert.equal(res.headers.location, `/admin/organisations?saved=${row.id}`)
    assert.equal(row.slug, 'westford-borough-council-2', 'a free slug made from the name')
    assert.equal(row.gssCode, 'E07000178')
    assert.equal(row.verified, true)
    assert.equal(row.website, 'https://westford.example.org')
    const [event] = await audits(row.id)
    assert.equal(event?.action, 'organisation-created')
    assert.deepEqual((event?.changes as Record<string, unknown>).name, { before: null, after: valid.name })
    const list = await admin.get(String(res.headers.location))
    assert.match(list.body, /Saved Westford Borough Council/)
    assert.match(list.body, /Full member/)
  })

  it('edits an organisation: a rename reaches the search names of its case studies', async () => {
    const org = await buildOrganisation(db(), { name: 'Oldname Council', slug: 'oldname-council' })
    const cs = await buildCaseStudy(db(), { leadId: org.id })
    assert.match((await db().select().from(caseStudies).where(eq(caseStudies.id, cs.id)))[0]!.searchExtra, /Oldname Council/)
    const page = await admin.get(`/admin/organisations/${org.id}`)
    assert.equal(page.statusCode, 200)
    const res = await admin.post(`/admin/organisations/${org.id}`, {
      ...valid,
      name: 'Newname Council',
      slug: 'oldname-council',
      verified: '',
      version: inputValue(page.body, 'version')!,
    })
    assert.equal(res.statusCode, 303)
    const saved = await organisation(org.id)
    assert.equal(saved.name, 'Newname Council')
    assert.equal(saved.slug, 'oldname-council')
    assert.equal(saved.verified, false)
    assert.match((await db().select().from(caseStudies).where(eq(caseStudies.id, cs.id)))[0]!.searchExtra, /Newname Council/)
    const [event] = await audits(org.id)
    assert.equal(event?.action, 'organisation-updated')
    const changes = event?.changes as Record<string, unknown>
    assert.deepEqual(changes.name, { before: 'Oldname Council', after: 'Newname Council' })
    assert.equal(changes.slug, undefined)
    const search = await new Agent(get().app).get('/case-studies?q=Newname')
    assert.match(search.body, new RegExp(cs.title))
  })

  it('keeps both versions when two administrators edit one organisation at once', async () => {
    const org = await buildOrganisation(db(), { name: 'Shared Council' })
    const { agent: other } = await signedInAgent(get().app, db(), 'admin')
    const mine = inputValue((await admin.get(`/admin/organisations/${org.id}`)).body, 'version')!
    const theirs = inputValue((await other.get(`/admin/organisations/${org.id}`)).body, 'version')!
    assert.equal((await other.post(`/admin/organisations/${org.id}`, { ...valid, name: 'Their Council', slug: org.slug, version: theirs })).statusCode, 303)
    const clash = await admin.post(`/admin/organisations/${org.id}`, { ...valid, name: 'My Council', slug: org.slug, region: 'My Region', version: mine })
    assert.equal(clash.statusCode, 400)
    assert.match(summaryLinks(clash.body)[0]!, /^#conflict Someone else changed this organisation since you opened it/)
    assert.match(clash.body, /id="conflict"[\s\S]*Their Council/)
    assert.equal(inputValue(clash.body, 'name'), 'My Council')
    assert.equal(inputValue(clash.body, 'region'), 'My Region')
    assert.equal((await organisation(org.id)).name, 'Their Council')
  })

  it('answers 404 for unknown and malformed ids', async () => {
    for (const url of ['/admin/organisations/424242', '/admin/organisations/x1', '/admin/organisations/1.5'])
      assert.equal((await admin.get(url)).statusCode, 404, url)
    assert.equal((await admin.post('/admin/organisations/424242', { ...valid, version: 'x' })).statusCode, 404)
  })
})
