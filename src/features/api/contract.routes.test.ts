// The OpenAPI document against the running API: every documented path, method and status is
// called on the real app (demo content, PGlite and PostgreSQL) and every answer's body is checked
// against the documented schema. A documented response without a request here fails the test.
import assert from 'node:assert/strict'
import { after, before, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { parse } from 'csv-parse/sync'
import { describeEachDatabase } from '../../../test/app.ts'
import { assertAtomMusts, parseAtom } from '../../../test/atom.ts'
import { buildCaseStudy, buildOrganisation, buildPerson } from '../../../test/factories.ts'
import { describeErrors, openApiValidators } from '../../../test/openapi-validator.ts'
import { loadDemoContent } from '../demo/load-demo-content.ts'
import { exportColumns } from './export-columns.ts'
import { openApiDocument } from './openapi.ts'
import { buildApp } from '../../app.ts'

type Responses = Record<string, { content: Record<string, unknown> }>
const paths = openApiDocument.paths as Record<string, Record<string, { responses: Responses }>>

/** Requests for each documented response, keyed "method path status". */
const requests: Record<string, string[]> = {
  'get /api/v1/case-studies 200': [
    '/api/v1/case-studies',
    '/api/v1/case-studies?q=energy&per_page=1',
    '/api/v1/case-studies?principle=co-production&principle=learning&sort=title&per_page=2&page=2',
    '/api/v1/case-studies?nation=scotland&tier=full&council-type=scottish-unitary-authority&region=scotland&theme=democracy&year=2019&kind=case-study&member=glenharbour-council',
    '/api/v1/case-studies?q=enrgy',
    '/api/v1/case-studies?principle=no-such-principle&kind=podcast&year=12&sort=sideways&page=999',
    '/api/v1/case-studies?q=the',
  ],
  'get /api/v1/case-studies 400': ['/api/v1/case-studies?per_page=0', '/api/v1/case-studies?per_page=101', '/api/v1/case-studies?per_page=abc'],
  'get /api/v1/case-studies/{slug} 200': ['/api/v1/case-studies/contract-consenting', '/api/v1/case-studies/contract-private'],
  'get /api/v1/case-studies/{slug} 404': [
    '/api/v1/case-studies/no-such-case-study',
    '/api/v1/case-studies/contract-draft',
    '/api/v1/case-studies/contract-archived',
    '/api/v1/case-studies/Not_A_Slug',
  ],
  'get /api/v1/principles 200': ['/api/v1/principles'],
  'get /api/v1/members 200': ['/api/v1/members'],
  'get /api/v1/insights/coverage 200': ['/api/v1/insights/coverage'],
  'get /api/openapi.json 200': ['/api/openapi.json'],
  'get /case-studies.csv 200': ['/case-studies.csv', '/case-studies.csv?q=council&sort=title', '/case-studies.csv?kind=podcast&principle=nothing'],
  'get /case-studies.json 200': ['/case-studies.json', '/case-studies.json?nation=wales', '/case-studies.json?q=zzzzqqqq'],
  'get /case-studies.atom 200': ['/case-studies.atom', '/case-studies.atom?principle=co-production', '/case-studies.atom?q=zzzzqqqq'],
}
// Each operation past the open data's limit per address: asked of an app allowing one a minute.
for (const key of Object.keys(requests)) {
  if (key.endsWith(' 200')) requests[key.replace(/ 200$/, ' 429')] = [requests[key]![0]!]
}

const mediaTypeOf = (header: unknown) =>
  String(header ?? '')
    .split(';')[0]!
    .trim()

describeEachDatabase('the API against its OpenAPI document', (get) => {
  const { forResponse, forSchema } = openApiValidators(openApiDocument)

  let limited: FastifyInstance
  before(async () => {
    const { db } = get().handle
    const { config, handle } = get()
    limited = await buildApp({ config: { ...config, openDataRequestsPerMinute: 1 }, db, dbKind: handle.kind, assetVersion: 'test', logger: false })
    await limited.ready()
    await loadDemoContent(db)
    const home = await buildOrganisation(db, { slug: 'contract-council', name: 'Contract Council' })
    const agreed = await buildPerson(db, { name: 'Agreed Person', organisationId: home.id, publishContact: true })
    const private_ = await buildPerson(db, { name: 'Private Person', publishContact: false })
    await buildCaseStudy(db, { slug: 'contract-consenting', leadId: home.id, contactPersonId: agreed.id, outcomes: 'Things got better.' })
    await buildCaseStudy(db, { slug: 'contract-private', leadId: home.id, contactPersonId: private_.id, yearStart: null })
    await buildCaseStudy(db, { slug: 'contract-draft', leadId: home.id, status: 'draft' })
    await buildCaseStudy(db, { slug: 'contract-archived', leadId: home.id, status: 'archived' })
  })

  after(async () => {
    await limited.close()
  })

  it('has a request for every documented response, and documents every response requested', () => {
    const documented = Object.entries(paths).flatMap(([path, item]) =>
      Object.entries(item).flatMap(([method, op]) => Object.keys(op.responses).map((status) => `${method} ${path} ${status}`)),
    )
    assert.deepEqual(Object.keys(requests).sort(), documented.sort())
  })

  for (const [key, urls] of Object.entries(requests)) {
    const [method, path, status] = key.split(' ') as [string, string, string]
    it(`answers ${key} as documented`, async () => {
      const documented = paths[path]![method]!.responses[status]!.content
      for (const url of urls) {
        const app = status === '429' ? limited : get().app
        // Past the limit: the one request a minute allowed is spent first (if no test spent it yet).
        if (status === '429') await app.inject({ method: method.toUpperCase(), url })
        const res = await app.inject({ method: method.toUpperCase(), url })
        const where = `${method.toUpperCase()} ${url}`
        assert.equal(String(res.statusCode), status, `${where}: ${res.body.slice(0, 300)}`)
        if (status === '429') assert.match(String(res.headers['retry-after']), /^\d+$/, where)
        const mediaType = mediaTypeOf(res.headers['content-type'])
        assert.ok(mediaType in documented, `${where}: ${mediaType} is not documented (${Object.keys(documented).join(', ')})`)
        if (path.startsWith('/api/')) assert.equal(res.headers['access-control-allow-origin'], '*', where)
        if (mediaType.endsWith('json')) {
          const validate = forResponse(path, method, status, mediaType)
          assert.ok(validate(res.json()), `${where}:\n${describeErrors(validate.errors)}`)
        } else if (mediaType === 'text/csv') {
          const [header] = parse(res.body) as string[][]
          assert.deepEqual(
            header,
            exportColumns.map((c) => c.name),
            where,
          )
        } else if (mediaType === 'application/atom+xml') {
          assertAtomMusts(parseAtom(res.body))
        } else if (mediaType === 'text/html' && status === '429') {
          assert.match(res.body, /<h1[^>]*>[^<]+<\/h1>/, `${where}: the site’s error page`)
        } else assert.fail(`${where}: no check for ${mediaType}`)
      }
    })
  }

  it('describes every published case study, demo content included', async () => {
    const validate = forResponse('/api/v1/case-studies/{slug}', 'get', '200', 'application/json')
    const list = (await get().app.inject('/api/v1/case-studies?per_page=100')).json() as { results: Array<{ slug: string }> }
    assert.ok(list.results.length >= 12)
    for (const { slug } of list.results) {
      const res = await get().app.inject(`/api/v1/case-studies/${slug}`)
      assert.equal(res.statusCode, 200, slug)
      assert.ok(validate(res.json()), `${slug}:\n${describeErrors(validate.errors)}`)
    }
  })

  it('answers any other /api address, or another method, with documented problem details', async () => {
    const validate = forSchema('Problem')
    const others: Array<[string, string]> = [
      ['GET', '/api/v2/case-studies'],
      ['GET', '/api/v1'],
      ['GET', '/api/v1/case-studies/a/b'],
      ['POST', '/api/v1/case-studies'],
      ['DELETE', '/api/v1/case-studies/contract-consenting'],
      ['PUT', '/api/openapi.json'],
    ]
    for (const [method, url] of others) {
      const res = await get().app.inject({ method: method as 'GET', url })
      assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${method} ${url}: ${res.statusCode}`)
      assert.equal(mediaTypeOf(res.headers['content-type']), 'application/problem+json', `${method} ${url}`)
      const body = res.json() as { status: number }
      assert.ok(validate(body), `${method} ${url}:\n${describeErrors(validate.errors)}`)
      assert.equal(body.status, res.statusCode)
    }
  })

  it('answers addresses Fastify refuses before routing with a 4xx, never a 500', async () => {
    // Bad percent-encoding and over-long parameters are answered before routing (web/early-errors.ts), as problem details.
    for (const [url, status] of [
      ['/api/v1/case-studies/%E0%A4%A', 400],
      [`/api/v1/case-studies/${'a'.repeat(400)}`, 414],
    ] as const) {
      const res = await get().app.inject(url)
      assert.equal(res.statusCode, status, url)
      assert.match(String(res.headers['content-type']), /application\/problem\+json/)
    }
  })
})
