// /sitemap.xml lists every public page in both languages with their hreflang alternates, and
// robots.txt names it.
import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { calls, publications } from '../../db/schema/index.ts'
import { describeEachDatabase } from '../../../test/app.ts'
import { buildCall } from '../../../test/co-production.ts'
import { buildCaseStudy, buildOrganisation, buildPrinciple } from '../../../test/factories.ts'
import { buildFundedProject } from '../../../test/projects.ts'

const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!)

describeEachDatabase('the sitemap', (get) => {
  let fundedCall = ''
  before(async () => {
    const { db } = get().handle
    const principle = await buildPrinciple(db, { slug: 'sharing' })
    const lead = await buildOrganisation(db, { slug: 'lead-council' })
    const funder = await buildOrganisation(db, { slug: 'green-trust', tier: 'none', kind: 'organisation' })
    await buildOrganisation(db, { slug: 'nobodys-partner', tier: 'none', kind: 'organisation' })
    await buildCaseStudy(db, { slug: 'gardens', leadId: lead.id, funderIds: [funder.id], principleIds: [principle.id] })
    await buildCaseStudy(db, { slug: 'secret-draft', leadId: lead.id, status: 'draft' })
    await buildCall(db, { slug: 'labs-open', status: 'open' })
    await buildCall(db, { slug: 'labs-draft', status: 'draft' })
    fundedCall = (await buildFundedProject(db, { leadOrganisationId: lead.id, title: 'Shared gardens' })).call.slug
  })

  it('lists every public page in English and Welsh, absolute, with their alternates', async () => {
    const res = await get().app.inject({ url: '/sitemap.xml', headers: { host: 'coophub.example' } })
    assert.equal(res.statusCode, 200)
    assert.match(String(res.headers['content-type']), /^application\/xml/)
    assert.match(
      res.body,
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9" xmlns:xhtml="http:\/\/www.w3.org\/1999\/xhtml">/,
    )
    const base = 'http://coophub.example'
    const pages = [
      '/',
      '/case-studies',
      '/principles',
      '/members',
      '/organisations',
      '/api',
      '/calls',
      '/calls/rounds',
      '/projects',
      '/publications',
      '/insights',
      '/case-studies/map',
      '/events',
      '/calls/labs-open',
      '/projects/shared-gardens',
      `/calls/${fundedCall}`,
      '/case-studies/gardens',
      '/principles/sharing',
      '/members/lead-council',
      '/organisations/green-trust',
    ]
    const expected = pages.flatMap((p) => [base + p, base + (p === '/' ? '/cy' : `/cy${p}`)])
    assert.deepEqual(locs(res.body).sort(), expected.sort())
    assert.ok(!res.body.includes('secret-draft') && !res.body.includes('nobodys-partner') && !res.body.includes('labs-draft'))
    const gardens = res.body.match(/<url><loc>http:\/\/coophub.example\/cy\/case-studies\/gardens<\/loc>.*?<\/url>/)?.[0] ?? ''
    assert.match(gardens, /<lastmod>\d{4}-\d\d-\d\dT[\d:.]+Z<\/lastmod>/)
    assert.match(gardens, /<xhtml:link rel="alternate" hreflang="en" href="http:\/\/coophub.example\/case-studies\/gardens"\/>/)
    assert.match(gardens, /<xhtml:link rel="alternate" hreflang="cy" href="http:\/\/coophub.example\/cy\/case-studies\/gardens"\/>/)
    assert.match(gardens, /<xhtml:link rel="alternate" hreflang="x-default" href="http:\/\/coophub.example\/case-studies\/gardens"\/>/)
    assert.match(res.body, /<url><loc>http:\/\/coophub.example\/cy<\/loc><xhtml:link rel="alternate" hreflang="en" href="http:\/\/coophub.example\/"\/>/)
  })

  it('is the same file at /cy/sitemap.xml, kept until content changes, revalidated by its ETag', async () => {
    const { app } = get()
    const first = await app.inject({ url: '/sitemap.xml', headers: { host: 'coophub.example' } })
    const welsh = await app.inject({ url: '/cy/sitemap.xml', headers: { host: 'coophub.example' } })
    assert.equal(welsh.body, first.body)
    assert.equal(first.headers['cache-control'], 'no-cache')
    const again = await app.inject({ url: '/sitemap.xml', headers: { host: 'coophub.example', 'if-none-match': String(first.headers.etag) } })
    assert.equal(again.statusCode, 304)
    assert.equal((await app.inject('/sitemap.xml?page=2')).statusCode, 404)
    assert.equal((await app.inject('/sitemap.xml?page=x')).statusCode, 404)
  })

  it('follows a call opening and going back to draft, whoever writes it', async () => {
    const { app, handle } = get()
    assert.ok(!(await app.inject('/sitemap.xml')).body.includes('/calls/labs-draft<'))
    await handle.db.update(calls).set({ status: 'open' }).where(eq(calls.slug, 'labs-draft'))
    await app.pageCache.refresh()
    assert.ok((await app.inject('/sitemap.xml')).body.includes('/calls/labs-draft<'))
    await handle.db.update(calls).set({ status: 'draft' }).where(eq(calls.slug, 'labs-draft'))
    await app.pageCache.refresh()
    assert.ok(!(await app.inject('/sitemap.xml')).body.includes('/calls/labs-draft<'))
  })

  it('lists a pack as soon as it is published, with its date, and the list of packs with the newest', async () => {
    const { app, handle } = get()
    const first = await app.inject('/sitemap.xml')
    assert.ok(!first.body.includes('/publications/case-study-pack-2025<'))
    const publishedAt = new Date('2026-02-03T10:00:00Z')
    await handle.db.insert(publications).values({
      slug: 'case-study-pack-2025',
      title: 'Case-study pack 2025',
      language: 'en',
      periodFrom: '2025-01-01',
      periodTo: '2025-12-31',
      options: {},
      document: {},
      pdf: Buffer.from('%PDF-1.7'),
      pdfBytes: 8,
      pages: 1,
      publishedAt,
    })
    // refresh() only reads the change feed: the table's trigger is what tells the cache.
    await app.pageCache.refresh()
    const xml = (await app.inject({ url: '/sitemap.xml', headers: { host: 'coophub.example' } })).body
    const pack = xml.match(/<url><loc>http:\/\/coophub.example\/cy\/publications\/case-study-pack-2025<\/loc>.*?<\/url>/)?.[0] ?? ''
    assert.match(pack, /<lastmod>2026-02-03T10:00:00.000Z<\/lastmod>/)
    assert.match(pack, /<xhtml:link rel="alternate" hreflang="en" href="http:\/\/coophub.example\/publications\/case-study-pack-2025"\/>/)
    assert.match(pack, /<xhtml:link rel="alternate" hreflang="cy" href="http:\/\/coophub.example\/cy\/publications\/case-study-pack-2025"\/>/)
    assert.match(xml, /<url><loc>http:\/\/coophub.example\/publications<\/loc><lastmod>2026-02-03T10:00:00.000Z<\/lastmod>/)
    await handle.db.delete(publications).where(eq(publications.slug, 'case-study-pack-2025'))
    await app.pageCache.refresh()
    assert.ok(!(await app.inject('/sitemap.xml')).body.includes('/publications/case-study-pack-2025<'))
  })

  it('is named in robots.txt by its absolute address', async () => {
    const res = await get().app.inject({ url: '/robots.txt', headers: { host: 'coophub.example' } })
    assert.equal(res.statusCode, 200)
    assert.match(res.body, /User-agent: \*/)
    assert.match(res.body, /\nSitemap: http:\/\/coophub.example\/sitemap.xml\n$/)
  })
})

describeEachDatabase(
  'the sitemap behind PUBLIC_URL',
  (get) => {
    it('uses the public address whatever the Host header says', async () => {
      const res = await get().app.inject({ url: '/sitemap.xml', headers: { host: 'internal:3000' } })
      assert.match(res.body, /<loc>https:\/\/councils.example\/cy<\/loc>/)
      assert.ok(!res.body.includes('internal:3000'))
      assert.match((await get().app.inject('/robots.txt')).body, /Sitemap: https:\/\/councils.example\/sitemap.xml/)
    })
  },
  { PUBLIC_URL: 'https://councils.example/' },
)
