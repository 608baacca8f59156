// The open data in Welsh: the /api page, the Welsh feed and CSV file under /cy, and problem details
// in Welsh under /cy/api/ (field names and values stay the same in both languages).
import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { parse } from 'csv-parse/sync'
import { describeEachDatabase } from '../../../test/app.ts'
import { buildCaseStudy, buildPrinciple } from '../../../test/factories.ts'
import { englishOn, englishPhrasesOn } from '../../../test/welsh.ts'
import { exportColumns } from './export-columns.ts'

describeEachDatabase('the open data in Welsh', (get) => {
  before(async () => {
    const { db } = get().handle
    const principle = await buildPrinciple(db, { slug: 'co-production', shortName: 'Co-production', statement: 'We make things with residents.' })
    await buildCaseStudy(db, { slug: 'tenants-panel', title: 'A tenants’ panel', kind: 'policy-lab', principleIds: [principle.id] })
  })

  it('shows the /api page in Welsh, linking to the Welsh files and feed', async () => {
    const res = await get().app.inject('/cy/api')
    assert.equal(res.statusCode, 200)
    assert.match(res.body, /<html lang="cy"/)
    assert.deepEqual(englishOn(res.body), [])
    assert.deepEqual(englishPhrasesOn(res.body), [])
    assert.match(res.body, /<h1 class="govuk-heading-xl">Data agored ac API<\/h1>/)
    assert.match(res.body, /Paramedrau chwilio/)
    assert.match(res.body, /<th scope="col" class="govuk-table__header">Beth mae’n ei roi<\/th>/)
    // The Welsh CSV's headers under each JSON key.
    assert.match(res.body, /<code>lead_member<\/code><br>Aelod arweiniol/)
    assert.match(res.body, /href="\/cy\/case-studies\.csv\?nation=scotland&amp;nation=wales"/)
    assert.match(res.body, /href="\/cy\/case-studies\.atom\?principle=co-production"/)
    assert.match(res.body, /href="\/api\/v1\/principles"/)
    assert.match(res.body, /title&quot;: &quot;Cais gwael/)
  })

  it('keeps the English page as it was', async () => {
    const res = await get().app.inject('/api')
    assert.match(res.body, /<h1 class="govuk-heading-xl">Open data and API<\/h1>/)
    assert.match(res.body, /href="\/case-studies\.csv\?nation=scotland&amp;nation=wales"/)
    assert.match(res.body, /<code>lead_member<\/code><\/th>/)
  })

  it('gives the feed under /cy a Welsh title, and links to Welsh pages', async () => {
    const res = await get().app.inject('/cy/case-studies.atom?principle=co-production&kind=policy-lab')
    assert.equal(res.statusCode, 200)
    assert.match(res.body, /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom" xml:lang="cy">/)
    assert.match(res.body, /<title type="text">Astudiaethau achos: Egwyddor: Co-production, Math: Labordy polisi – Test Councils Network<\/title>/)
    assert.match(res.body, /<subtitle type="text">Yr astudiaethau achos diweddaraf a gyhoeddwyd sy’n cyfateb i’r chwiliad hwn/)
    assert.match(
      res.body,
      /<link rel="self" type="application\/atom\+xml" href="http:\/\/[^"]+\/cy\/case-studies\.atom\?principle=co-production&amp;kind=policy-lab"\/>/,
    )
    assert.match(res.body, /<link rel="alternate" type="text\/html" href="http:\/\/[^"]+\/cy\/case-studies\?principle=co-production&amp;kind=policy-lab"\/>/)
    assert.match(res.body, /<link rel="alternate" type="text\/html" href="http:\/\/[^"]+\/cy\/case-studies\/tenants-panel"\/>/)
    const english = await get().app.inject('/case-studies.atom?principle=co-production&kind=policy-lab')
    assert.match(english.body, /<title type="text">Case studies: Principle: Co-production, Kind: Policy lab – Test Councils Network<\/title>/)
    assert.match(english.body, /xml:lang="en-GB"/)
  })

  it('gives the CSV file under /cy Welsh headers, and the JSON file English keys', async () => {
    const res = await get().app.inject('/cy/case-studies.csv')
    assert.equal(res.statusCode, 200)
    const [header, row] = parse(res.body) as string[][]
    assert.deepEqual(header, [
      'Dynodwr',
      'Cyfeiriad gwe',
      'Teitl',
      'Crynodeb',
      'Math',
      'Blwyddyn gyntaf',
      'Blwyddyn olaf',
      'Aelod arweiniol',
      'Aelodau sy’n cymryd rhan',
      'Egwyddorion',
      'Themâu',
      'Dyddiad cyhoeddi',
    ])
    assert.match(row![1]!, /\/cy\/case-studies\/tenants-panel$/)
    const [englishHeader] = parse((await get().app.inject('/case-studies.csv')).body) as string[][]
    assert.deepEqual(
      englishHeader,
      exportColumns.map((c) => c.name),
    )
    const json = (await get().app.inject('/cy/case-studies.json')).json() as Array<Record<string, unknown>>
    assert.deepEqual(
      Object.keys(json[0]!),
      exportColumns.map((c) => c.name),
    )
  })

  it('answers problems under /cy/api/ in Welsh, with the same fields', async () => {
    const missing = await get().app.inject('/cy/api/v1/case-studies/no-such-case-study')
    assert.equal(missing.statusCode, 404)
    assert.match(String(missing.headers['content-type']), /^application\/problem\+json/)
    assert.deepEqual(missing.json(), {
      type: 'about:blank',
      title: 'Heb ei ganfod',
      status: 404,
      detail: 'Nid oes gan unrhyw astudiaeth achos gyhoeddedig y dynodwr hwn.',
      instance: '/cy/api/v1/case-studies/no-such-case-study',
    })
    const nowhere = await get().app.inject('/cy/api/v1/nowhere')
    assert.equal(nowhere.statusCode, 404)
    assert.equal((nowhere.json() as { title: string }).title, 'Heb ei ganfod')
    const tooMany = await get().app.inject('/cy/api/v1/case-studies?per_page=1000')
    assert.equal(tooMany.statusCode, 400)
    assert.deepEqual(tooMany.json(), {
      type: 'about:blank',
      title: 'Cais gwael',
      status: 400,
      detail: 'Rhaid i per_page fod yn rhif cyfan o 1 i 100.',
      instance: '/cy/api/v1/case-studies?per_page=1000',
    })
    // The answers themselves are the same: English field names.
    const found = (await get().app.inject('/cy/api/v1/case-studies/tenants-panel')).json() as Record<string, unknown>
    assert.equal(found.slug, 'tenants-panel')
    assert.equal((await get().app.inject('/api/v1/case-studies/no-such-case-study')).json().title, 'Not Found')
  })
})
