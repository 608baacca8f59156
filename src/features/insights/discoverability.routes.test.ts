import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { parse } from 'node-html-parser'
import { describeEachDatabase } from '../../../test/app.ts'
import { buildCaseStudy, buildOrganisation, buildPrinciple, buildTheme } from '../../../test/factories.ts'

// What schema.org's types must have to mean anything to a reader of the data (schema.org itself
// requires nothing; these follow what search engines ask of an Article and an organisation).
const required: Record<string, string[]> = {
  Article: ['headline', 'about', 'author', 'datePublished', 'inLanguage', 'url'],
  Organization: ['name', 'url'],
  GovernmentOrganization: ['name', 'url'],
}
const organisationTypes = new Set(['Organization', 'GovernmentOrganization'])

function jsonLdOf(html: string): Record<string, unknown> {
  const scripts = parse(html).querySelectorAll('script[type="application/ld+json"]')
  assert.equal(scripts.length, 1)
  assert.ok(scripts[0]!.getAttribute('nonce'), 'nonced, as every script')
  return JSON.parse(scripts[0]!.text) as Record<string, unknown>
}

function assertValid(data: Record<string, unknown>) {
  assert.equal(data['@context'], 'https://schema.org')
  const type = String(data['@type'])
  assert.ok(required[type], `a known type: ${type}`)
  for (const property of required[type]!) assert.ok(data[property] !== undefined && data[property] !== '', `${type}.${property}`)
}

describeEachDatabase('schema.org data, share tags and share images', (get) => {
  before(async () => {
    const { db } = get().handle
    const principle = await buildPrinciple(db, { slug: 'equal-partners', shortName: 'Equal partners' })
    const theme = await buildTheme(db, 'Housing')
    const lead = await buildOrganisation(db, { slug: 'leeds', name: 'Leeds City Council', kind: 'council', tier: 'full' })
    const charity = await buildOrganisation(db, { slug: 'energy-trust', name: 'Energy Trust', kind: 'organisation', tier: 'affiliate' })
    await buildCaseStudy(db, {
      slug: 'people-power',
      title: 'People power </script><b>in Leeds',
      summary: 'Residents designed the service.',
      leadId: lead.id,
      participantIds: [charity.id],
      principleIds: [principle.id],
      themeIds: [theme.id],
    })
  })

  it('describes a case study as an Article by its lead council, and gives share tags with its image', async () => {
    const res = await get().app.inject('/case-studies/people-power')
    assert.equal(res.statusCode, 200)
    const data = jsonLdOf(res.body)
    assertValid(data)
    assert.equal(data['@type'], 'Article')
    assert.equal(data.headline, 'People power </script><b>in Leeds')
    assert.ok(!res.body.includes('</script><b>'), 'the title cannot close the script')
    assert.deepEqual(data.author, { '@type': 'GovernmentOrganization', name: 'Leeds City Council', url: '/members/leeds' })
    assert.equal(data.inLanguage, 'en-GB')
    assert.deepEqual(data.about, [
      { '@type': 'DefinedTerm', name: 'Equal partners', url: '/principles/equal-partners' },
      { '@type': 'Thing', name: 'Housing' },
    ])
    assert.match(String(data.datePublished), /^\d{4}-\d\d-\d\dT/)
    const meta = (name: string) => parse(res.body).querySelector(`meta[property="${name}"], meta[name="${name}"]`)?.getAttribute('content')
    assert.equal(meta('og:type'), 'article')
    assert.equal(meta('og:title'), 'People power </script><b>in Leeds')
    assert.equal(meta('og:image'), '/case-studies/people-power/share.png')
    assert.equal(meta('twitter:card'), 'summary_large_image')
    assert.equal(meta('twitter:image'), '/case-studies/people-power/share.png')
  })

  it('describes a member as a government organisation or an organisation', async () => {
    for (const [slug, type] of [
      ['leeds', 'GovernmentOrganization'],
      ['energy-trust', 'Organization'],
    ] as const) {
      const res = await get().app.inject(`/members/${slug}`)
      assert.equal(res.statusCode, 200)
      const data = jsonLdOf(res.body)
      assertValid(data)
      assert.equal(data['@type'], type)
      assert.ok(organisationTypes.has(String(data['@type'])))
      assert.equal(data.url, `/members/${slug}`)
    }
  })

  it('renders a share image as a 1200 × 630 PNG, and answers 404 for a case study that is not published', async () => {
    const { app } = get()
    const res = await app.inject('/case-studies/people-power/share.png')
    assert.equal(res.statusCode, 200)
    assert.equal(res.headers['content-type'], 'image/png')
    const png = res.rawPayload
    assert.deepEqual([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join(''), 'PNG')
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [1200, 630])
    const again = await app.inject('/case-studies/people-power/share.png')
    assert.equal(again.headers.etag, res.headers.etag)
    assert.equal((await app.inject('/case-studies/nothing-here/share.png')).statusCode, 404)
    assert.equal((await app.inject('/case-studies/Bad_Slug/share.png')).statusCode, 404)
  })
})
