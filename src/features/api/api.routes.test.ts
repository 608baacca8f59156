import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { sql } from 'drizzle-orm'
import { describeEachDatabase } from '../../../test/app.ts'
import { buildCaseStudy, buildOrganisation, buildPerson, buildPrinciple, buildTheme } from '../../../test/factories.ts'
import { buildInvoice } from '../../../test/invoices.ts'
import { loadDemoContent } from '../demo/load-demo-content.ts'
import { exportColumns } from './export-columns.ts'
import { openApiDocument } from './openapi.ts'
import type { ApiCaseStudy, ApiCaseStudyList } from './present.ts'

const base = 'https://coophub.example.org'
const slugsOnPage = (html: string) => [...html.matchAll(/<a class="govuk-link" href="\/case-studies\/([a-z0-9-]+)"(?: lang="[a-z]+")?>/g)].map((m) => m[1])

describeEachDatabase('the JSON API', (get) => {
  const inject = (url: string) => get().app.inject(url)
  const list = async (url: string) => (await inject(url)).json() as ApiCaseStudyList
  let invoice: { number: string }

  before(async () => {
    const { db } = get().handle
    await loadDemoContent(db)
    const home = await buildOrganisation(db, { slug: 'api-council', name: 'API Council', tier: 'full' })
    await buildOrganisation(db, { slug: 'not-a-member', name: 'Not A Member', tier: 'none' })
    invoice = await buildInvoice(db, get().config, {
      organisation: 'Invoiced Member Council',
      poNumber: 'PO-OPEN-DATA-9931',
      lines: [{ description: 'Full member subscription', amountPence: 987_654 }],
    })
    const principle = await buildPrinciple(db, { slug: 'api-principle', shortName: 'API principle', statement: 'We publish.' })
    const theme = await buildTheme(db, 'API theme')
    const consenting = await buildPerson(db, {
      name: 'Consenting Officer',
      jobTitle: 'Lead',
      organisationId: home.id,
      email: 'yes@api.example.org',
      phone: '01632 960001',
      publishContact: true,
    })
    const privateOfficer = await buildPerson(db, {
      name: 'Private Officer',
      organisationId: home.id,
      email: 'no@api.example.org',
      phone: '01632 960002',
      publishContact: false,
    })
    await buildCaseStudy(db, {
      slug: 'api-open',
      title: 'API open contact',
      leadId: home.id,
      contactPersonId: consenting.id,
      principleIds: [principle.id],
      themeIds: [theme.id],
      yearStart: 2020,
      yearEnd: 2021,
    })
    await buildCaseStudy(db, {
      slug: 'api-private',
      title: 'API private contact',
      leadId: home.id,
      contactPersonId: privateOfficer.id,
      principleIds: [principle.id],
    })
    await buildCaseStudy(db, { slug: 'api-draft', title: 'API draft', leadId: home.id, status: 'draft', principleIds: [principle.id] })
    await buildCaseStudy(db, { slug: 'api-archived', title: 'API archived', leadId: home.id, status: 'archived', principleIds: [principle.id] })
  })

  const searches = [
    '',
    'q=council',
    'principle=co-production',
    'nation=scotland&nation=wales',
    'sort=title',
    'sort=oldest&kind=case-study',
    'q=energy&sort=relevance',
    'member=northbrook-city-council&year=2023',
    'q=budgetting',
    'principle=no-such-thing',
  ]
  it('finds what the /case-studies page finds, in the same order', async () => {
    // The English page shows the English version of a translated case study where both match; the
    // API lists both, so the Welsh versions are left out of the comparison.
    const welsh = new Set((await get().handle.db.execute<{ slug: string }>(sql`SELECT slug FROM case_studies WHERE language = 'cy'`)).rows.map((r) => r.slug))
    for (const search of searches) {
      const page = await inject(`/case-studies?${search}`)
      const onPage = slugsOnPage(page.body)
      const api = await list(`/api/v1/case-studies?${search}&per_page=100`)
      assert.deepEqual(
        api.results
          .map((r) => r.slug)
          .filter((slug) => !welsh.has(slug))
          .slice(0, onPage.length),
        onPage,
        search,
      )
      const welshListed = api.results.filter((r) => welsh.has(r.slug)).length
      assert.match(page.body, new RegExp(`${api.total - welshListed} case stud`), search)
    }
  })

  it('pages with per_page, linking each page to the next, until every result has come once', async () => {
    const everything = await list('/api/v1/case-studies?per_page=100&sort=title')
    const seen: string[] = []
    let next: string | undefined = '/api/v1/case-studies?sort=title&per_page=4'
    let pages = 0
    while (next) {
      const page: ApiCaseStudyList = await list(next.replace(/^https?:\/\/[^/]+/, ''))
      assert.equal(page.perPage, 4)
      assert.equal(page.total, everything.total)
      seen.push(...page.results.map((r) => r.slug))
      next = page.links.next
      pages++
      assert.ok(pages <= Math.ceil(everything.total / 4), `page ${pages}`)
    }
    assert.equal(pages, Math.ceil(everything.total / 4))
    assert.deepEqual(
      seen,
      everything.results.map((r) => r.slug),
    )
  })

  it('explains the values it could not use in messages, with a 200', async () => {
    const res = await inject('/api/v1/case-studies?principle=no-such-thing&kind=podcast&year=99999&sort=sideways&page=abc')
    assert.equal(res.statusCode, 200)
    const body = res.json() as ApiCaseStudyList
    assert.equal(body.messages.length, 5, body.messages.join('\n'))
    assert.match(body.messages.join('\n'), /could not find the principle “no-such-thing”/)
    assert.equal(body.page, 1)
    const beyond = (await inject('/api/v1/case-studies?page=500')).json() as ApiCaseStudyList
    assert.deepEqual(beyond.results, [])
    assert.match(beyond.messages.join('\n'), /There (is|are) only/)
    assert.equal(beyond.links.next, undefined)
  })

  it('offers a better spelling when the words find little', async () => {
    const body = await list('/api/v1/case-studies?q=partcipatory')
    assert.equal(body.suggestion?.q, 'participatory')
  })

  it('gives a published case study with its links, and the contact only as its page shows them', async () => {
    const res = await inject('/api/v1/case-studies/api-open')
    assert.equal(res.statusCode, 200)
    const open = res.json() as ApiCaseStudy
    assert.equal(open.title, 'API open contact')
    assert.deepEqual(open.principles, [{ slug: 'api-principle', shortName: 'API principle', statement: 'We publish.' }])
    assert.deepEqual(
      open.themes.map((t) => t.name),
      ['API theme'],
    )
    assert.deepEqual(open.organisations, [{ slug: 'api-council', name: 'API Council', role: 'lead' }])
    assert.deepEqual([open.yearStart, open.yearEnd], [2020, 2021])
    assert.deepEqual(open.contact, {
      name: 'Consenting Officer',
      jobTitle: 'Lead',
      organisation: { slug: 'api-council', name: 'API Council' },
      email: 'yes@api.example.org',
      phone: '01632 960001',
    })

    const privateRes = await inject('/api/v1/case-studies/api-private')
    const hidden = privateRes.json() as ApiCaseStudy
    assert.equal(hidden.contact?.name, 'Private Officer')
    assert.equal(hidden.contact?.email, null)
    assert.equal(hidden.contact?.phone, null)
    assert.doesNotMatch(privateRes.body, /no@api\.example\.org|960002/)
    assert.doesNotMatch(privateRes.body, /"(id|revision|status|reviewState|contactPersonId|ownerOrganisationId|sourceUrl|searchVector|facetKeys)"/)
  })

  it('never shows drafts or archived case studies', async () => {
    for (const slug of ['api-draft', 'api-archived']) {
      const res = await inject(`/api/v1/case-studies/${slug}`)
      assert.equal(res.statusCode, 404, slug)
      assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8')
      assert.deepEqual(res.json(), {
        type: 'about:blank',
        title: 'Not Found',
        status: 404,
        detail: 'No published case study has this slug.',
        instance: `/api/v1/case-studies/${slug}`,
      })
    }
    const all = await list('/api/v1/case-studies?principle=api-principle')
    assert.deepEqual(all.results.map((r) => r.slug).sort(), ['api-open', 'api-private'])
  })

  it('lists principles in order, with the number of case studies their filter finds', async () => {
    const { results } = (await inject('/api/v1/principles')).json() as { results: Array<{ slug: string; order: number; caseStudyCount: number }> }
    assert.deepEqual(
      results.map((p) => p.order),
      results.map((_p, i) => i + 1),
    )
    for (const p of results) assert.equal(p.caseStudyCount, (await list(`/api/v1/case-studies?principle=${p.slug}&per_page=1`)).total, p.slug)
  })

  it('lists members (not organisations without a tier), with the number of case studies their filter finds', async () => {
    const { results } = (await inject('/api/v1/members')).json() as { results: Array<{ slug: string; tier: string; caseStudyCount: number }> }
    assert.ok(results.some((m) => m.slug === 'api-council'))
    assert.ok(!results.some((m) => m.slug === 'not-a-member' || m.tier === 'none'))
    for (const m of results) assert.equal(m.caseStudyCount, (await list(`/api/v1/case-studies?member=${m.slug}&per_page=1`)).total, m.slug)
  })

  it('gives each member’s tier and the day it became a member (null when not known), as on /members', async () => {
    const { results } = (await inject('/api/v1/members')).json() as { results: Array<{ slug: string; tier: string; memberSince: string | null }> }
    const bySlug = new Map(results.map((m) => [m.slug, m]))
    assert.deepEqual(
      [bySlug.get('northbrook-city-council'), bySlug.get('amira-shah')].map((m) => m && [m.tier, m.memberSince]),
      [
        ['full', '2012-10-01'],
        ['supporter', '2024-05-02'],
      ],
    )
    assert.equal(bySlug.get('api-council')?.memberSince, null)
    for (const m of results) assert.ok(m.memberSince === null || /^\d{4}-\d{2}-\d{2}$/.test(m.memberSince), m.slug)
    // A former member is not a member.
    assert.ok(!bySlug.has('hollinsford-parish-council'))
  })

  it('publishes no financial data about members: no fee, invoice, amount, budget, population or payment', async () => {
    const res = await inject('/api/v1/members')
    const { results } = res.json() as { results: Array<Record<string, unknown>> }
    assert.ok(results.some((m) => m.name === 'Invoiced Member Council'))
    const keys = (value: unknown): string[] =>
      Array.isArray(value) ? value.flatMap(keys) : value && typeof value === 'object' ? Object.entries(value).flatMap(([k, v]) => [k, ...keys(v)]) : []
    const financial = keys(res.json()).filter((k) => /fee|invoice|amount|budget|population|paid|price|pence|po_?number/i.test(k))
    assert.deepEqual(financial, [])
    for (const figure of [invoice.number, 'PO-OPEN-DATA-9931', '987654', '9876.54', '9,876.54']) assert.ok(!res.body.includes(figure), figure)
    const memberList = openApiDocument.components.schemas.MemberList as unknown as { properties: { results: { items: { properties: object } } } }
    const documented = Object.keys(memberList.properties.results.items.properties)
    assert.deepEqual(
      documented.filter((k) => /fee|invoice|amount|budget|population|paid|price|pence/i.test(k)),
      [],
    )
  })

  it('lets any site read it, and caches answers for a minute but errors not at all', async () => {
    for (const url of [
      '/api/v1/case-studies',
      '/api/v1/case-studies/api-open',
      '/api/v1/principles',
      '/api/v1/members',
      '/api/openapi.json',
      '/case-studies.csv',
      '/case-studies.json',
      '/case-studies.atom',
    ]) {
      const res = await inject(url)
      assert.equal(res.headers['access-control-allow-origin'], '*', url)
      assert.equal(res.headers['cache-control'], 'public, max-age=60', url)
      assert.equal(res.headers['x-content-type-options'], 'nosniff', url)
    }
    const problem = await inject('/api/v1/case-studies?per_page=0')
    assert.equal(problem.headers['access-control-allow-origin'], '*')
    assert.equal(problem.headers['cache-control'], 'no-store')
  })

  it('answers unknown /api addresses with problem details, and other addresses as before', async () => {
    const res = await inject('/api/v1/nothing?x=1')
    assert.equal(res.statusCode, 404)
    assert.deepEqual(res.json(), {
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      detail: 'There is nothing at this address. /api/openapi.json lists what there is.',
      instance: '/api/v1/nothing?x=1',
    })
    const page = await inject('/no-such-page')
    assert.equal(page.statusCode, 404)
    assert.match(String(page.headers['content-type']), /text\/html/)
  })

  it('serves only reads: no write route under /api or at the files', () => {
    const ours = get().app.routeTable.filter((r) => r.url.startsWith('/api') || /^\/case-studies\.(csv|json|atom)$/.test(r.url))
    assert.ok(ours.length >= 9)
    assert.deepEqual([...new Set(ours.map((r) => r.method))].sort(), ['GET', 'HEAD'])
  })

  it('has a readable reference at /api, listing every address, parameter and column, linked from the footer', async () => {
    const res = await inject('/api')
    assert.equal(res.statusCode, 200)
    assert.match(res.body, /<h1 class="govuk-heading-xl">Open data and API<\/h1>/)
    // Each address may wrap between its parts on a narrow screen, never inside a word.
    for (const path of Object.keys(openApiDocument.paths)) assert.ok(res.body.includes(`<code>GET ${path.replaceAll('/', '/<wbr>')}</code>`), path)
    for (const c of exportColumns) assert.ok(res.body.includes(`<code>${c.name}</code>`), c.name)
    for (const p of ['q', 'principle', 'council-type', 'per_page']) assert.ok(res.body.includes(`<code>${p}</code>`), p)
    assert.match(res.body, /Using the data/)
    // Cached for everyone: it must not show the Host header of whoever asked first.
    const poisoned = await get().app.inject({ url: '/api?x', headers: { host: 'evil.example' } })
    assert.doesNotMatch(poisoned.body, /evil\.example/)
    assert.match((await inject('/case-studies')).body, /<a class="govuk-footer__link" href="\/api">Open data and API<\/a>/)
  })
})

describeEachDatabase(
  'the JSON API with PUBLIC_URL',
  (get) => {
    before(async () => {
      await buildCaseStudy(get().handle.db, { slug: 'somewhere' })
    })

    it('makes every absolute link from PUBLIC_URL, whatever the Host header says', async () => {
      const res = await get().app.inject({ url: '/api/v1/case-studies', headers: { host: 'evil.example' } })
      const body = res.json() as ApiCaseStudyList
      assert.equal(body.results[0]?.url, `${base}/case-studies/somewhere`)
      assert.equal(body.links.self, `${base}/api/v1/case-studies`)
      assert.equal(body.links.html, `${base}/case-studies`)
      assert.doesNotMatch(res.body, /evil\.example/)
      const feed = await get().app.inject({ url: '/case-studies.atom', headers: { host: 'evil.example' } })
      assert.doesNotMatch(feed.body, /evil\.example/)
      assert.match(feed.body, new RegExp(`<id>${base}/case-studies/somewhere</id>`))
    })
  },
  { PUBLIC_URL: `${base}/` },
)
