// Bad input to the open data is never a 500: the search's own parameters are used as far as they
// can be (200, with messages in the API), a bad page size is a 400 with problem details.
import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { describeEachDatabase } from '../../../test/app.ts'
import { assertAtomMusts, parseAtom } from '../../../test/atom.ts'
import { buildCaseStudy, buildPrinciple } from '../../../test/factories.ts'

const long = 'a'.repeat(10_000)
const badQueries: Array<[string, string]> = [
  ['unknown facet values', 'principle=nothing-like-it&member=nobody&theme=none&region=atlantis&nation=narnia&council-type=x&kind=podcast&tier=gold'],
  ['values that are not slugs', 'principle=%3Cscript%3E&member=..%2F..&region=%27%3B%20DROP%20TABLE%20x'],
  ['a year out of range', 'year=99999&year=12&year=abcd'],
  ['a page beyond the end', 'page=9999'],
  ['a page past the limit', 'page=99999999999'],
  ['a page that is not a number', 'page=abc&page=-1'],
  ['an unknown sort', 'sort=%00'],
  ['a 10,000-character q', `q=${long}`],
  ['a 10,000-character word in a filter', `principle=${long}`],
  ['tsquery syntax', `q=${encodeURIComponent('a & | ! ( ) :* <-> \\')}`],
  ['an unclosed quote', `q=${encodeURIComponent('"unclosed')}`],
  ['SQL', `q=${encodeURIComponent("'); DROP TABLE case_studies; --")}`],
  ['NUL bytes', 'q=a%00b&principle=%00&sort=%00&page=%00&per_page=5'],
  ['other control characters', 'q=%01%02%1F%7F'],
  ['invalid UTF-8', 'q=%FF%FE%C3%28'],
  ['bad percent-encoding in the query', 'q=%E0%A4%A'],
  ['60 values of one filter', Array.from({ length: 60 }, (_v, i) => `principle=p-${i}`).join('&')],
  ['empty values', 'q=&principle=&page=&sort=&per_page='],
  ['brackets', 'q[]=x&principle[0]=y'],
]

const badPageSizes = ['0', '1000', '101', 'abc', '-1', '1.5', '1e2', '%00', ' ']

describeEachDatabase('bad input to the open data', (get) => {
  before(async () => {
    const { db } = get().handle
    const principle = await buildPrinciple(db, { slug: 'sharing' })
    for (let i = 0; i < 3; i++) await buildCaseStudy(db, { title: `Allotment ${i}`, principleIds: [principle.id] })
  })

  for (const [name, query] of badQueries) {
    it(`answers ${name} without an error`, async () => {
      const { app } = get()
      const api = await app.inject(`/api/v1/case-studies?${query}`)
      assert.equal(api.statusCode, 200, `API: ${api.body.slice(0, 200)}`)
      const body = api.json() as { results: unknown[]; messages: string[] }
      assert.ok(Array.isArray(body.results))
      for (const file of ['csv', 'json', 'atom']) {
        const res = await app.inject(`/case-studies.${file}?${query}`)
        assert.equal(res.statusCode, 200, `${file}: ${res.body.slice(0, 200)}`)
        if (file === 'json') assert.ok(Array.isArray(res.json()))
        if (file === 'atom') assertAtomMusts(parseAtom(res.body))
      }
    })
  }

  for (const size of badPageSizes) {
    it(`answers per_page=${JSON.stringify(size)} with a 400 problem in the API, and ignores it in the files`, async () => {
      const { app } = get()
      const res = await app.inject(`/api/v1/case-studies?per_page=${encodeURIComponent(size)}`)
      if (size === ' ') {
        assert.equal(res.statusCode, 200, 'a blank per_page is the default')
        return
      }
      assert.equal(res.statusCode, 400)
      assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8')
      const problem = res.json() as { status: number; detail: string; instance: string }
      assert.equal(problem.status, 400)
      assert.equal(problem.detail, 'per_page must be a whole number from 1 to 100.')
      assert.ok(problem.instance.startsWith('/api/v1/case-studies?per_page='))
      assert.equal((await app.inject(`/case-studies.csv?per_page=${encodeURIComponent(size)}`)).statusCode, 200)
    })
  }

  const badSlugs = ['%00', 'UPPER', 'a--b', '-a', '..%2F..%2Fetc%2Fpasswd', `${'a'.repeat(200)}`, '%F0%9F%98%80', "a'b"]
  for (const slug of badSlugs) {
    it(`answers the case study ${JSON.stringify(slug.slice(0, 20))} with a 404 problem`, async () => {
      const res = await get().app.inject(`/api/v1/case-studies/${slug}`)
      assert.equal(res.statusCode, 404)
      assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8')
    })
  }
})
