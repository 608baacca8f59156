import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { parse } from 'csv-parse/sync'
import { describeEachDatabase } from '../../../test/app.ts'
import { buildCaseStudy, buildOrganisation, buildPrinciple } from '../../../test/factories.ts'
import { themes } from '../../db/schema/index.ts'
import { loadDemoContent } from '../demo/load-demo-content.ts'
import { allHits } from '../search/run-search.ts'
import { exportColumns } from './export-columns.ts'
import { searchDeps } from './headers.ts'
import type { ApiCaseStudyList, ApiCaseStudySummary } from './present.ts'

const bulk = 105

/** A spreadsheet must never run a cell: what the CSV should hold for a text. */
const guarded = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text)

/** The CSV row the export should hold for a result of the API, from the documented column list. */
function expectedRow(r: ApiCaseStudySummary): Record<string, string> {
  return {
    slug: r.slug,
    url: r.url,
    title: guarded(r.title),
    summary: guarded(r.summary),
    kind: r.kind,
    year_start: r.yearStart === null ? '' : String(r.yearStart),
    year_end: r.yearEnd === null ? '' : String(r.yearEnd),
    lead_member: r.lead ? guarded(r.lead.name) : '',
    participating_members: guarded(r.participants.map((p) => p.name).join('; ')),
    principles: guarded(r.principles.map((p) => p.shortName).join('; ')),
    themes: guarded(r.themes.map((t) => t.name).join('; ')),
    published_at: r.publishedAt ?? '',
  }
}

function expectedRecord(r: ApiCaseStudySummary) {
  return {
    slug: r.slug,
    url: r.url,
    title: r.title,
    summary: r.summary,
    kind: r.kind,
    year_start: r.yearStart,
    year_end: r.yearEnd,
    lead_member: r.lead?.name ?? null,
    participating_members: r.participants.map((p) => p.name),
    principles: r.principles.map((p) => p.shortName),
    themes: r.themes.map((t) => t.name),
    published_at: r.publishedAt,
  }
}

describeEachDatabase('CSV and JSON exports', (get) => {
  /** Every result of a search through the API, following its next links. */
  async function apiResults(query: string): Promise<ApiCaseStudySummary[]> {
    const results: ApiCaseStudySummary[] = []
    let next: string | undefined = `/api/v1/case-studies?${query}&per_page=40`
    while (next) {
      const page = (await get().app.inject(next.replace(/^https?:\/\/[^/]+/, ''))).json() as ApiCaseStudyList
      results.push(...page.results)
      next = page.links.next
    }
    return results
  }

  before(async () => {
    const { db } = get().handle
    await loadDemoContent(db)
    const [theme] = await db.insert(themes).values({ slug: 'bulk-theme', name: 'Bulk theme' }).returning()
    const principle = await buildPrinciple(db, { slug: 'bulk-principle', shortName: '=Formula principle' })
    const lead = await buildOrganisation(db, { slug: 'bulk-lead', name: '@Bulk Lead Council' })
    const partner = await buildOrganisation(db, { slug: 'bulk-partner', name: 'Partner, with a comma' })
    for (let i = 0; i < bulk; i++) {
      await buildCaseStudy(db, {
        slug: `bulk-${i}`,
        title: i === 0 ? '=HYPERLINK("http://evil.example","click")' : `Bulk case “${i}”, with "quotes"`,
        summary: i === 1 ? '+44 1632 960000\nsecond line' : `Summary ${i}`,
        themeIds: [theme!.id],
        principleIds: i % 2 === 0 ? [principle.id] : [],
        leadId: lead.id,
        participantIds: i % 3 === 0 ? [partner.id] : [],
        yearStart: 2000 + (i % 20),
        yearEnd: i % 4 === 0 ? 2020 : null,
        publishedAt: new Date(Date.UTC(2023, 0, 1 + i)),
      })
    }
  })

  const filters = [
    '',
    'theme=bulk-theme',
    'theme=bulk-theme&sort=title',
    'theme=bulk-theme&sort=oldest',
    'principle=co-production',
    'q=council',
    'nation=scotland&nation=wales',
    'kind=podcast',
    'q=zzzzqqqq',
    'q=bulk&principle=bulk-principle',
  ]

  for (const filter of filters) {
    it(`exports exactly the API's results for “${filter}”, every page, in its order`, async () => {
      const expected = await apiResults(filter)
      const csv = await get().app.inject(`/case-studies.csv?${filter}`)
      assert.equal(csv.statusCode, 200)
      const rows = parse(csv.body, { columns: true }) as Array<Record<string, string>>
      assert.deepEqual(rows, expected.map(expectedRow))
      const json = await get().app.inject(`/case-studies.json?${filter}`)
      assert.equal(json.statusCode, 200)
      assert.deepEqual(json.json(), expected.map(expectedRecord))
    })
  }

  it('exports past the first page of the search (105 results in pages of 100), and ignores the address’s page', async () => {
    assert.equal((await apiResults('theme=bulk-theme')).length, bulk)
    const rows = parse((await get().app.inject('/case-studies.csv?theme=bulk-theme&page=2')).body, { columns: true }) as Array<Record<string, string>>
    assert.equal(rows.length, bulk)
    assert.equal(new Set(rows.map((r) => r.slug)).size, bulk)
  })

  it('pages through the search in one place, whatever the page size', async () => {
    const expected = (await apiResults('theme=bulk-theme&sort=title')).map((r) => r.slug)
    for (const size of [1, 7, 50, 105, 500]) {
      const slugs: string[] = []
      for await (const page of allHits(searchDeps(get().app), { theme: 'bulk-theme', sort: 'title' }, size)) slugs.push(...page.map((h) => h.slug))
      assert.deepEqual(slugs, expected, `page size ${size}`)
    }
  })

  it('writes RFC 4180 CSV with a header row, CRLF line ends and formulas defused', async () => {
    const res = await get().app.inject('/case-studies.csv?theme=bulk-theme&sort=title')
    assert.equal(res.headers['content-type'], 'text/csv; charset=utf-8; header=present')
    assert.equal(res.headers['content-disposition'], 'attachment; filename="case-studies.csv"')
    assert.ok(res.body.startsWith(`${exportColumns.map((c) => `"${c.name}"`).join(',')}\r\n`))
    assert.ok(res.body.endsWith('\r\n'))
    assert.ok(!res.body.startsWith('\ufeff'), 'no byte-order mark')
    assert.ok(res.body.includes(`"'=HYPERLINK(""http://evil.example"",""click"")"`))
    assert.ok(res.body.includes(`"'+44 1632 960000\nsecond line"`))
    assert.ok(res.body.includes(`"'@Bulk Lead Council"`))
    assert.ok(res.body.includes(`"Partner, with a comma"`))
    assert.ok(!/(^|,)"[=+\-@]/m.test(res.body), 'no cell starts with a formula character')
  })

  it('writes the JSON export as an attachment, the text as stored', async () => {
    const res = await get().app.inject('/case-studies.json?q=hyperlink')
    assert.equal(res.headers['content-type'], 'application/json; charset=utf-8')
    assert.equal(res.headers['content-disposition'], 'attachment; filename="case-studies.json"')
    const [record] = res.json() as Array<{ title: string; principles: string[] }>
    assert.equal(record?.title, '=HYPERLINK("http://evil.example","click")')
    assert.deepEqual(record?.principles, ['=Formula principle'])
    assert.deepEqual((await get().app.inject('/case-studies.json?q=zzzzqqqq')).json(), [])
  })
})
