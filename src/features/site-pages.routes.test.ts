import assert from 'node:assert/strict'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { before, it } from 'node:test'
import { describeEachDatabase } from '../../test/app.ts'
import { buildCaseStudy, buildOrganisation, buildPrinciple } from '../../test/factories.ts'
import { buildAssets } from '../web/assets.ts'

describeEachDatabase('public pages', (get) => {
  before(async () => {
    const { db } = get().handle
    const sharing = await buildPrinciple(db, { slug: 'sharing', shortName: 'Sharing power', statement: 'We share power.', position: 1 })
    await buildPrinciple(db, { slug: 'learning', shortName: 'Learning', statement: 'We learn together.', position: 2 })
    const north = await buildOrganisation(db, { slug: 'north', name: 'North Council', tier: 'full', region: 'North West' })
    const helper = await buildOrganisation(db, { slug: 'helper', name: 'Helper Council', tier: 'associate', website: 'javascript:alert(1)' })
    const outsider = await buildOrganisation(db, { slug: 'outsider', name: 'Outsider Ltd', tier: 'none', kind: 'organisation' })
    await buildCaseStudy(db, {
      slug: 'one',
      title: 'First project',
      summary: 'Residents & officers "co-produced" a food plan.',
      principleIds: [sharing.id],
      leadId: north.id,
      participantIds: [helper.id],
      partnerIds: [outsider.id],
    })
    await buildCaseStudy(db, { slug: 'two', title: 'Second project', principleIds: [sharing.id], leadId: helper.id })
    const drafted = await buildOrganisation(db, { slug: 'drafted', name: 'Drafted Trust', tier: 'none', kind: 'organisation', verified: false })
    await buildCaseStudy(db, { slug: 'draft', title: 'Unpublished', principleIds: [sharing.id], leadId: north.id, partnerIds: [drafted.id], status: 'draft' })
  })

  it('home page: the network, its principles with counts, latest case studies, a search box', async () => {
    const res = await get().app.inject('/')
    assert.equal(res.statusCode, 200)
    assert.match(res.body, /<h1 class="govuk-heading-xl">Test Councils Network<\/h1>/)
    assert.match(res.body, /Sharing power<\/a>\s*<span[^>]*>\(2 case studies\)/)
    assert.match(res.body, /Learning<\/a>\s*<span[^>]*>\(0 case studies\)/)
    assert.match(res.body, /First project/)
    assert.doesNotMatch(res.body, /Unpublished/)
    assert.match(res.body, /<form method="get" action="\/case-studies"/)
  })

  it('principles list and a principle with the case studies that meet it', async () => {
    const list = await get().app.inject('/principles')
    assert.match(list.body, /Sharing power[\s\S]*We share power\.[\s\S]*2 case studies[\s\S]*Learning/)
    const one = await get().app.inject('/principles/sharing')
    assert.equal(one.statusCode, 200)
    assert.match(one.body, /We share power\./)
    assert.match(one.body, /2 case studies meet this principle/)
    assert.match(one.body, /First project/)
    assert.doesNotMatch(one.body, /Unpublished/)
    assert.equal((await get().app.inject('/principles/nope')).statusCode, 404)
    assert.equal((await get().app.inject('/principles/sharing?page=abc')).statusCode, 200)
  })

  it('members list shows members only, and a member page its case studies as lead and participant', async () => {
    const list = await get().app.inject('/members')
    assert.match(list.body, /North Council[\s\S]*Full member[\s\S]*North West/)
    assert.doesNotMatch(list.body, /Outsider Ltd/)
    const helper = await get().app.inject('/members/helper')
    assert.equal(helper.statusCode, 200)
    assert.match(helper.body, /Associate member/)
    assert.match(helper.body, /Case studies it leads[\s\S]*Second project[\s\S]*Case studies it takes part in[\s\S]*First project/)
    assert.doesNotMatch(helper.body, /href="javascript:/)
    assert.equal((await get().app.inject('/members/nobody')).statusCode, 404)
  })

  it('partners and funders are listed apart from the members, with pages of their own under /organisations', async () => {
    const members = await get().app.inject('/members')
    assert.match(members.body, /href="\/organisations">partners and funders<\/a>/)
    const others = await get().app.inject('/organisations')
    assert.equal(others.statusCode, 200)
    assert.match(others.body, /data-qa="other-organisations"[\s\S]*href="\/organisations\/outsider">Outsider Ltd<\/a>[\s\S]*1 case study/)
    assert.doesNotMatch(others.body, /North Council/)
    const outsider = await get().app.inject('/organisations/outsider')
    assert.equal(outsider.statusCode, 200)
    assert.match(outsider.body, /Not a member/)
    assert.match(outsider.body, /Case studies it was a partner in[\s\S]*First project/)
    assert.doesNotMatch(outsider.body, /Case studies it leads/)
    // The two kinds of page never stand in for each other: an old or mistaken address is sent on.
    const wrongForOutsider = await get().app.inject('/members/outsider')
    assert.deepEqual([wrongForOutsider.statusCode, wrongForOutsider.headers.location], [301, '/organisations/outsider'])
    const wrongForMember = await get().app.inject('/organisations/north')
    assert.deepEqual([wrongForMember.statusCode, wrongForMember.headers.location], [301, '/members/north'])
    // An organisation named only in a draft (added by its officer, unverified) has no public page yet.
    for (const address of ['/organisations/drafted', '/members/drafted']) assert.equal((await get().app.inject(address)).statusCode, 404, address)
    assert.doesNotMatch(others.body, /Drafted Trust/)
    // A case study links each organisation to the right one.
    const page = await get().app.inject('/case-studies/one')
    assert.match(page.body, /href="\/members\/north">North Council</)
    assert.match(page.body, /href="\/organisations\/outsider">Outsider Ltd</)
  })

  it('the members table fits a phone: the kind, membership and region also sit under each name', async () => {
    const list = await get().app.inject('/members')
    assert.match(list.body, /<th scope="col" class="govuk-table__header coophub-wide-only">Kind<\/th>/)
    assert.match(list.body, /href="\/members\/north">North Council<\/a>\s*<span[^>]*coophub-narrow-only">Council · Full member · North West, England<\/span>/)
  })

  it('health checks the database', async () => {
    const res = await get().app.inject('/health')
    assert.equal(res.statusCode, 200)
    const body = res.json()
    assert.equal(body.status, 'ok')
    assert.equal(body.database.status, 'ok')
  })

  it('robots.txt, 404 page, static assets', async () => {
    const robots = await get().app.inject('/robots.txt')
    assert.equal(robots.statusCode, 200)
    assert.match(robots.body, /User-agent: \*/)
    const missing = await get().app.inject('/no/such/page')
    assert.equal(missing.statusCode, 404)
    assert.match(missing.body, /Page not found/)
    assert.equal((await get().app.inject('/static/favicon.svg')).statusCode, 200)
    assert.equal((await get().app.inject('/assets/govuk-frontend.min.js')).statusCode, 200)
    assert.equal((await get().app.inject('/assets/template.njk')).statusCode, 404)
  })

  it('gives every public page a meta description of its own, from its content', async () => {
    const descriptionOf = (html: string): string[] => [...html.matchAll(/<meta name="description" content="([^"]*)">/g)].map((m) => m[1]!)
    const expected: Array<[string, RegExp]> = [
      ['/', /^We are a network of councils working with their communities/],
      ['/case-studies', /^2 case studies — (First|Second) project — (First|Second) project$/],
      ['/case-studies?q=food', /^1 case study found for “food” — First project$/],
      ['/case-studies/one', /^Residents &amp; officers &quot;co-produced&quot; a food plan\.$/],
      ['/principles', /^Every case study records which of the network&#39;s principles it puts into practice\. Sharing power, Learning\.$/],
      ['/principles/sharing', /^We share power\.$/],
      ['/members', /^2 councils and organisations belong to the network\. (North|Helper) Council, (North|Helper) Council\.$/],
      ['/members/helper', /^Helper Council: Council, Associate member[^.]*\. Leads 1 and takes part in 1 published case studies: .*Second project/],
      ['/api', /^The published case studies of Test Councils Network, its principles and its members are open/],
    ]
    const seen = new Set<string>()
    for (const [url, pattern] of expected) {
      const res = await get().app.inject(url)
      assert.equal(res.statusCode, 200, url)
      const descriptions = descriptionOf(res.body)
      assert.equal(descriptions.length, 1, `${url}: one description`)
      const description = descriptions[0]!
      assert.match(description, pattern, url)
      assert.ok(description.length <= 160 + 40, `${url}: short enough to be shown (${description.length} characters, escaped)`)
      assert.ok(!seen.has(description), `${url}: a description of its own`)
      seen.add(description)
    }
  })

  it('answers /favicon.ico with an icon, and sends the stylesheet compressed, cached for good', async () => {
    const icon = await get().app.inject('/favicon.ico')
    assert.equal(icon.statusCode, 200)
    assert.match(String(icon.headers['content-type']), /^image\/(x-icon|vnd\.microsoft\.icon)$/)
    assert.deepEqual([...icon.rawPayload.subarray(0, 4)], [0, 0, 1, 0])

    const version = await buildAssets()
    for (const encoding of ['br', 'gzip']) {
      const css = await get().app.inject({ url: `/static/app.css?v=${version}`, headers: { 'accept-encoding': encoding } })
      assert.equal(css.statusCode, 200)
      assert.equal(css.headers['content-encoding'], encoding)
      assert.match(String(css.headers['content-type']), /^text\/css/)
      assert.match(String(css.headers['cache-control']), /max-age=31536000, immutable/)
    }
    const plain = await get().app.inject(`/static/app.css?v=${version}`)
    assert.equal(plain.headers['content-encoding'], undefined)
    assert.match(plain.body, /govuk-/)
    // Files that keep their address are not cached for good.
    assert.doesNotMatch(String((await get().app.inject('/static/favicon.svg')).headers['cache-control']), /immutable/)
  })

  it('compresses pages for browsers that accept it', async () => {
    const steady = (html: string) => html.replace(/nonce="[^"]*"/g, 'nonce=""')
    const plain = await get().app.inject('/members')
    assert.equal(plain.headers['content-encoding'], undefined)
    assert.match(String(plain.headers.vary), /accept-encoding/)
    const decoders = { br: brotliDecompressSync, gzip: gunzipSync }
    for (const [accept, encoding] of [
      ['gzip, deflate, br', 'br'],
      ['gzip', 'gzip'],
    ] as const) {
      const res = await get().app.inject({ url: '/members', headers: { 'accept-encoding': accept } })
      assert.equal(res.statusCode, 200)
      assert.equal(res.headers['content-encoding'], encoding)
      assert.match(String(res.headers['content-type']), /^text\/html/)
      const body = decoders[encoding](res.rawPayload).toString()
      assert.equal(steady(body), steady(plain.body))
      assert.ok(res.rawPayload.length < body.length / 2, `${res.rawPayload.length} of ${body.length} bytes`)
    }
  })

  it('sends security headers: CSP with a nonce and no inline scripts, no framing, nosniff, referrer policy', async () => {
    const res = await get().app.inject('/')
    const csp = String(res.headers['content-security-policy'])
    const nonce = /nonce="([^"]+)"/.exec(res.body)?.[1]
    assert.ok(nonce)
    assert.match(csp, new RegExp(`script-src 'self' 'nonce-${nonce}'`))
    assert.doesNotMatch(csp, /unsafe-inline'[^;]*;?\s*$|script-src[^;]*unsafe-inline/)
    assert.match(csp, /frame-ancestors 'none'/)
    assert.equal(res.headers['x-content-type-options'], 'nosniff')
    assert.equal(res.headers['referrer-policy'], 'strict-origin-when-cross-origin')
    assert.equal(res.headers['strict-transport-security'], undefined)
    assert.doesNotMatch(csp, /upgrade-insecure-requests/)
    // Every script tag carries the nonce.
    for (const tag of res.body.match(/<script[^>]*>/g) ?? []) assert.match(tag, new RegExp(`nonce="${nonce}"`))
  })
})

describeEachDatabase(
  'served over HTTPS',
  (get) => {
    it('adds HSTS and upgrades insecure requests', async () => {
      const res = await get().app.inject('/')
      assert.match(String(res.headers['strict-transport-security']), /max-age=31536000/)
      assert.match(String(res.headers['content-security-policy']), /upgrade-insecure-requests/)
    })
  },
  { HTTPS: 'true' },
)
