import assert from 'node:assert/strict'
import { after, before, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { XMLValidator } from 'fast-xml-parser'
import { parse } from 'node-html-parser'
import { buildApp } from '../../app.ts'
import { describeEachDatabase } from '../../../test/app.ts'
import { agentWithSession } from '../../../test/agent.ts'
import { buildCaseStudy, buildOrganisation, buildPrinciple } from '../../../test/factories.ts'
import { describeErrors, openApiValidators } from '../../../test/openapi-validator.ts'
import { englishOn } from '../../../test/welsh.ts'
import { organisations } from '../../db/schema/index.ts'
import { openApiDocument } from '../api/openapi.ts'

const thisYear = new Date().getUTCFullYear()

/** The total a search page states ("3 case studies" / "3 astudiaeth achos"). */
const totalOf = (html: string) => {
  const text = parse(html).querySelector('[data-qa="result-count"]')?.text ?? ''
  const n = /^(\d[\d,]*)/.exec(text.trim())
  assert.ok(n, `no total in "${text}"`)
  return Number(n[1]!.replaceAll(',', ''))
}

const figuresOf = (html: string) =>
  parse(html)
    .querySelectorAll('main a[data-qa="figure"]')
    .map((a) => ({ href: a.getAttribute('href')!.replaceAll('&amp;', '&'), count: Number(a.text.replaceAll(',', '')) }))

describeEachDatabase('insights', (get) => {
  before(async () => {
    const { db } = get().handle
    const partners = await buildPrinciple(db, { slug: 'equal-partners', shortName: 'Equal partners', shortNameCy: 'Partneriaid cyfartal', position: 1 })
    const wealth = await buildPrinciple(db, { slug: 'community-wealth', shortName: 'Community wealth', position: 2 })
    await buildPrinciple(db, { slug: 'open-data', shortName: 'Open data', position: 3 })
    const leeds = await buildOrganisation(db, {
      slug: 'leeds',
      name: 'Leeds City Council',
      tier: 'full',
      nation: 'England',
      region: 'Yorkshire and The Humber',
    })
    const cardiff = await buildOrganisation(db, { slug: 'cardiff', name: 'Cardiff Council', tier: 'associate', nation: 'Wales', region: 'Wales' })
    const quiet = await buildOrganisation(db, { slug: 'quiet-council', name: 'Quiet Borough Council', tier: 'affiliate', nation: 'England', region: 'London' })
    await db.update(organisations).set({ gssCode: 'E08000035' }).where(eq(organisations.id, leeds.id))
    await db.update(organisations).set({ gssCode: 'W06000015' }).where(eq(organisations.id, cardiff.id))
    await db.update(organisations).set({ gssCode: 'E09000001' }).where(eq(organisations.id, quiet.id))
    const recent = new Date(Date.now() - 30 * 24 * 3600 * 1000)
    await buildCaseStudy(db, { leadId: leeds.id, principleIds: [partners.id], yearStart: thisYear, publishedAt: recent })
    await buildCaseStudy(db, {
      leadId: leeds.id,
      participantIds: [cardiff.id],
      principleIds: [partners.id, wealth.id],
      yearStart: thisYear - 1,
      yearEnd: thisYear,
      kind: 'policy-lab',
      publishedAt: recent,
    })
    await buildCaseStudy(db, { leadId: cardiff.id, principleIds: [wealth.id], yearStart: thisYear - 2, kind: 'project', publishedAt: recent })
    await buildCaseStudy(db, {
      leadId: quiet.id,
      principleIds: [partners.id],
      yearStart: thisYear - 4,
      publishedAt: new Date(Date.now() - 3 * 365 * 24 * 3600 * 1000),
    })
    await buildCaseStudy(db, { leadId: leeds.id, principleIds: [wealth.id], status: 'draft' })
  })

  it('says the least-covered principle this year in words', async () => {
    const res = await get().app.inject('/insights')
    assert.equal(res.statusCode, 200)
    const least = parse(res.body).querySelector('[data-qa="least-covered"]')!.text
    assert.equal(least, `The principle least covered in ${thisYear} is “Open data”: no case study meets it yet.`)
  })

  for (const prefix of ['', '/cy']) {
    it(`makes every figure on ${prefix}/insights the total of the search it links to`, async () => {
      const { app } = get()
      const res = await app.inject(`${prefix}/insights`)
      assert.equal(res.statusCode, 200)
      const figures = figuresOf(res.body)
      assert.ok(figures.length > 40, `only ${figures.length} figures`)
      const totals = new Map<string, number>()
      for (const { href, count } of figures) {
        assert.ok(href.startsWith(`${prefix}/case-studies`), href)
        let total = totals.get(href)
        if (total === undefined) {
          const page = await app.inject(href)
          assert.equal(page.statusCode, 200, href)
          total = totalOf(page.body)
          totals.set(href, total)
        }
        assert.equal(count, total, href)
      }
      assert.ok([...totals.values()].some((n) => n > 0))
    })
  }

  it('shows the heat table cells that have case studies and those that have none', async () => {
    const figures = figuresOf((await get().app.inject('/insights')).body)
    const cell = (qs: string) => figures.find((f) => f.href === `/case-studies?${qs}`)?.count
    assert.equal(cell(`principle=equal-partners&year=${thisYear}`), 2)
    assert.equal(cell(`principle=community-wealth&year=${thisYear - 2}`), 1)
    assert.equal(cell(`principle=open-data&year=${thisYear}`), 0)
    assert.equal(cell('nation=wales'), 2)
    assert.equal(cell('kind=policy-lab&tier=associate'), 1)
  })

  it('lists members who have published nothing in two years for editors only', async () => {
    const { app, handle } = get()
    const anonymous = await app.inject('/insights')
    assert.equal(parse(anonymous.body).querySelector('[data-qa="quiet-members"]'), null)
    assert.ok(!anonymous.body.includes('Quiet Borough Council'))
    const editor = await agentWithSession(app, handle.db, 'editor')
    const page = await editor.get('/insights')
    const rows = parse(page.body).querySelectorAll('[data-qa="quiet-members"] tbody tr')
    assert.deepEqual(
      rows.map((r) => r.querySelector('a')!.text),
      ['Quiet Borough Council'],
    )
  })

  it('draws the chart as an SVG with a title, a description and a table of the same figures, and as CSV', async () => {
    const { app } = get()
    const html = (await app.inject('/insights')).body
    const root = parse(html)
    const svg = root.querySelector('[data-qa="chart-case-studies-by-year"]')!
    assert.ok(XMLValidator.validate(svg.toString()) === true, 'the SVG is well-formed XML')
    assert.match(svg.querySelector('title')!.text, new RegExp(`^${thisYear} has the most case studies: 2 case studies$`))
    assert.ok(svg.querySelector('desc')!.text.length > 20)
    assert.ok(!/style=|<style/i.test(svg.toString()), 'no inline style')
    const tableRows = root.querySelectorAll('[data-qa="chart-table-case-studies-by-year"] tbody tr')
    const lastRow = tableRows.at(-1)!
    assert.equal(lastRow.querySelector('th')!.text, String(thisYear))
    const segments = svg.querySelectorAll('rect title').map((t) => t.text)
    const tableSum = lastRow.querySelectorAll('td').reduce((sum, td) => sum + Number(td.text), 0)
    const svgSum = segments.filter((s) => s.startsWith(`${thisYear},`)).reduce((sum, s) => sum + Number(/: (\d+)/.exec(s)![1]), 0)
    assert.equal(tableSum, 2)
    assert.equal(svgSum, tableSum)
    const csv = await app.inject('/insights/case-studies-by-year.csv')
    assert.equal(csv.statusCode, 200)
    assert.match(csv.headers['content-type'] as string, /^text\/csv/)
    assert.ok(csv.body.includes(`"${thisYear}","1","1","0"\r\n`), csv.body)
    assert.equal((await app.inject('/insights/nothing.csv')).statusCode, 404)
  })

  it('draws principles per case study, members by tier and nation, and money awarded, each with its headline and table', async () => {
    const { app } = get()
    const root = parse((await app.inject('/insights')).body)
    const headline = (id: string) => root.querySelector(`#${id}-heading`)!.text
    assert.equal(headline('principles-per-case-study'), 'Most case studies meet 1 principle: 3 case studies')
    assert.equal(headline('members-by-tier-and-nation'), 'England has the most members: 2')
    assert.equal(headline('awards-by-year'), 'No money has been awarded through the network’s calls yet')
    const members = root
      .querySelectorAll('[data-qa="chart-table-members-by-tier-and-nation"] tbody tr')
      .map((r) => [r.querySelector('th')!.text, ...r.querySelectorAll('td').map((td) => td.text)])
    assert.deepEqual(members, [
      ['England', '1', '0', '1'],
      ['Wales', '0', '1', '0'],
    ])
    for (const svg of root.querySelectorAll('svg.coophub-chart')) {
      assert.ok(XMLValidator.validate(svg.toString()) === true)
      assert.ok(svg.querySelector('title') && svg.querySelector('desc'))
    }
    const csv = await app.inject('/insights/members-by-tier-and-nation.csv')
    assert.equal(csv.body, '"Nation","Full members","Associate members","Affiliate members"\r\n"England","1","0","1"\r\n"Wales","0","1","0"\r\n')
  })

  it('gives every figure as CSV and as JSON matching the OpenAPI document', async () => {
    const { app } = get()
    const csv = await app.inject('/insights/coverage.csv')
    assert.equal(csv.statusCode, 200)
    assert.ok(csv.body.includes(`"Equal partners"`) === false, 'slugs, not names, identify the filters')
    assert.ok(csv.body.includes(`"equal-partners","${thisYear}","","","","","2","/case-studies?principle=equal-partners&year=${thisYear}"\r\n`), csv.body)
    const res = await app.inject('/api/v1/insights/coverage')
    assert.equal(res.statusCode, 200)
    const body = res.json<{ total: { count: number }; leastCovered: unknown }>()
    const validate = openApiValidators(openApiDocument).forResponse('/api/v1/insights/coverage', 'get', '200', 'application/json')
    assert.ok(validate(body), describeErrors(validate.errors))
    assert.equal(body.total.count, 4)
    assert.deepEqual(body.leastCovered, { principles: [{ slug: 'open-data', name: 'Open data' }], count: 0 })
  })

  it('is in Welsh at /cy/insights', async () => {
    const res = await get().app.inject('/cy/insights')
    assert.equal(res.statusCode, 200)
    assert.match(res.body, /<html lang="cy"/)
    assert.deepEqual(englishOn(res.body), [])
    assert.ok(res.body.includes('Partneriaid cyfartal'))
  })

  it('maps a search by council, each hexagon shaded as its row of the table, under 100 KB', async () => {
    const { app } = get()
    const res = await app.inject('/case-studies/map?principle=equal-partners')
    assert.equal(res.statusCode, 200)
    const root = parse(res.body)
    const svgText = root.querySelector('[data-qa="hexmap"]')!.toString()
    assert.ok(Buffer.byteLength(svgText) < 100_000, `${Buffer.byteLength(svgText)} bytes`)
    assert.ok(XMLValidator.validate(svgText) === true)
    assert.ok(!/style=|<style/i.test(svgText))
    const hexes = root.querySelectorAll('[data-qa="hexmap"] use')
    assert.equal(hexes.length, 391)
    const rows = root.querySelectorAll('[data-qa="map-table"] tbody tr')
    assert.deepEqual(
      rows.map((r) => [r.querySelector('th')!.text, r.querySelector('a')!.text]),
      [
        ['Leeds City Council', '2'],
        ['Cardiff Council', '1'],
        ['Quiet Borough Council', '1'],
      ],
    )
    for (const row of rows) {
      const hex = hexes.find((h) => h.getAttribute('data-code') === row.getAttribute('data-code'))!
      assert.equal(hex.getAttribute('data-count'), row.querySelector('a')!.text)
      assert.ok(hex.getAttribute('class')!.includes(`coophub-heat--${row.getAttribute('data-band')}`))
      assert.ok(hex.getAttribute('class')!.includes('coophub-hex--member'))
      const href = row.querySelector('a')!.getAttribute('href')!.replaceAll('&amp;', '&')
      assert.equal(hex.parentNode!.getAttribute('href')!.replaceAll('&amp;', '&'), href)
      assert.equal(totalOf((await app.inject(href)).body), Number(row.querySelector('a')!.text))
    }
    assert.ok(root.querySelector('[data-qa="hexmap-credit"]')!.text.includes('Open Innovations'))
  })

  it('says what a map could not use from its address, never failing', async () => {
    const { app } = get()
    for (const address of [
      '/case-studies/map?year=abc&principle=nothing-known',
      `/case-studies/map?kind=%00&page=-1&member=${'x'.repeat(300)}`,
      '/cy/case-studies/map?tier=gold',
    ]) {
      const res = await app.inject(address)
      assert.equal(res.statusCode, 200, address)
      assert.ok(parse(res.body).querySelector('[data-qa="search-messages"]'), address)
    }
    const res = await app.inject('/case-studies/map?year=abc')
    assert.match(parse(res.body).querySelector('[data-qa="search-messages"]')!.text, /abc/)
  })

  it('maps the members by tier on the members page', async () => {
    const root = parse((await get().app.inject('/members')).body)
    const svg = root.querySelector('[data-qa="members-map"] [data-qa="hexmap"]')!
    assert.ok(XMLValidator.validate(svg.toString()) === true)
    const members = svg.querySelectorAll('a').map((a) => [a.getAttribute('href'), a.querySelector('use')!.getAttribute('fill'), a.querySelector('title')!.text])
    assert.deepEqual(members.sort(), [
      ['/members/cardiff', 'url(#members-map-p1)', 'Cardiff: Associate members'],
      ['/members/leeds', '#12436D', 'Leeds: Full members'],
      ['/members/quiet-council', 'url(#members-map-p2)', 'City of London: Affiliate members'],
    ])
    assert.equal(root.querySelectorAll('[data-qa="members-map-key"] li').length, 4)
  })

  it('links to the map beside search results, keeping the search', async () => {
    const res = await get().app.inject('/case-studies?nation=wales')
    const link = parse(res.body).querySelector('[data-qa="map-link"]')!
    assert.equal(link.getAttribute('href')!.replaceAll('&amp;', '&'), '/case-studies/map?nation=wales')
  })

  it('shows a case study published through another instance within 2 s, its figures kept until then', async () => {
    const { app, handle, config } = get()
    const other = await buildApp({ config, db: handle.db, dbKind: handle.kind, assetVersion: 'test' })
    after(() => other.close())
    await other.ready()
    const totalOn = async (server: typeof app) => figuresOf((await server.inject('/insights')).body).find((f) => f.href === '/case-studies')!.count
    const before = await totalOn(other)
    assert.equal(before, await totalOn(app))
    assert.equal((await other.inject('/insights')).headers['x-coophub-cache'], 'hit')

    const principle = await buildPrinciple(handle.db, { slug: 'late-principle', shortName: 'Late principle', position: 4 })
    await buildCaseStudy(handle.db, { principleIds: [principle.id], yearStart: thisYear })
    const began = Date.now()
    let total = before
    while (total === before && Date.now() - began < 2_000) {
      await new Promise((resolve) => setTimeout(resolve, 50))
      total = await totalOn(other)
    }
    assert.equal(total, before + 1, `after ${Date.now() - began} ms`)
    const row = figuresOf((await other.inject('/insights')).body).find((f) => f.href === `/case-studies?principle=late-principle&year=${thisYear}`)
    assert.equal(row?.count, 1)
  })
})
