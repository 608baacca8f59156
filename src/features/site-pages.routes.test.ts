import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { describeEachDatabase } from '../../test/app.ts'
import { buildCaseStudy, buildOrganisation, buildPrinciple } from '../../test/factories.ts'

describeEachDatabase('public pages', (get) => {
  before(async () => {
    const { db } = get().handle
    const sharing = await buildPrinciple(db, { slug: 'sharing', shortName: 'Sharing power', statement: 'We share power.', position: 1 })
    await buildPrinciple(db, { slug: 'learning', shortName: 'Learning', statement: 'We learn together.', position: 2 })
    const north = await buildOrganisation(db, { slug: 'north', name: 'North Council', tier: 'full', region: 'North West' })
    const helper = await buildOrganisation(db, { slug: 'helper', name: 'Helper Council', tier: 'associate', website: 'javascript:alert(1)' })
    await buildOrganisation(db, { slug: 'outsider', name: 'Outsider Ltd', tier: 'none', kind: 'organisation' })
    await buildCaseStudy(db, { slug: 'one', title: 'First project', principleIds: [sharing.id], leadId: north.id, participantIds: [helper.id] })
    await buildCaseStudy(db, { slug: 'two', title: 'Second project', principleIds: [sharing.id], leadId: helper.id })
    await buildCaseStudy(db, { slug: 'draft', title: 'Unpublished', principleIds: [sharing.id], leadId: north.id, status: 'draft' })
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
    // A partner that is not a member still has a page, reached from case studies.
    assert.equal((await get().app.inject('/members/outsider')).statusCode, 200)
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
