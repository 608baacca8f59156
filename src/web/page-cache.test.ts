import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import { sql } from 'drizzle-orm'
import { describeEachDatabase } from '../../test/app.ts'
import { signedInAgent } from '../../test/agent.ts'
import { buildCaseStudy } from '../../test/factories.ts'
import { PageCache } from './page-cache.ts'

describeEachDatabase('page cache', (get) => {
  before(async () => {
    await buildCaseStudy(get().handle.db, { slug: 'cached', title: 'Cached story' })
  })

  it('renders a public page once, then serves it with a fresh nonce and an ETag', async () => {
    const first = await get().app.inject('/case-studies/cached')
    assert.equal(first.statusCode, 200)
    assert.equal(first.headers['x-coophub-cache'], undefined)
    const second = await get().app.inject('/case-studies/cached')
    assert.equal(second.headers['x-coophub-cache'], 'hit')
    assert.equal(second.headers.etag, first.headers.etag)
    const nonce = (body: string) => /nonce="([^"]+)"/.exec(body)?.[1]
    assert.ok(nonce(second.body))
    assert.notEqual(nonce(second.body), nonce(first.body))
    assert.match(String(second.headers['content-security-policy']), new RegExp(`nonce-${nonce(second.body)}`))
    assert.doesNotMatch(second.body, /__coophub_csp_nonce__/)
  })

  it('answers 304 Not Modified to a matching If-None-Match', async () => {
    const page = await get().app.inject('/case-studies/cached')
    const again = await get().app.inject({ url: '/case-studies/cached', headers: { 'if-none-match': String(page.headers.etag) } })
    assert.equal(again.statusCode, 304)
    assert.equal(again.body, '')
  })

  it('shows a change made anywhere (even outside this app) once content_version moves', async () => {
    await get().app.inject('/case-studies/cached')
    await get().handle.db.execute(sql`UPDATE case_studies SET title = 'Changed elsewhere' WHERE slug = 'cached'`)
    await get().app.pageCache.refresh()
    const res = await get().app.inject('/case-studies/cached')
    assert.match(res.body, /Changed elsewhere/)
  })

  it('never caches pages for signed-in people, or their forms', async () => {
    const { agent } = await signedInAgent(get().app, get().handle.db, 'editor')
    const res = await agent.get('/case-studies/cached')
    assert.match(res.body, /data-qa="sign-out"/)
    const anonymous = await get().app.inject('/case-studies/cached')
    assert.doesNotMatch(anonymous.body, /data-qa="sign-out"/)
    assert.doesNotMatch(anonymous.body, /name="_csrf"/)
  })

  it('a successful write by this instance clears it at once', async () => {
    await get().app.inject('/')
    assert.ok(get().app.pageCache.size > 0)
    const { agent } = await signedInAgent(get().app, get().handle.db, 'editor')
    await agent.post('/sign-out')
    assert.equal(get().app.pageCache.size, 0)
  })
})

describe('PageCache.memo', () => {
  it('keeps at most maxValues, dropping the least recently used, never one still in use', async () => {
    const cache = new PageCache(null as never, { maxEntries: 10, maxBytes: 1e6, pollMs: 1000, maxValues: 3 })
    let loads = 0
    const load = (v: string) => () => {
      loads++
      return Promise.resolve(v)
    }
    await cache.memo('engine', load('engine'))
    for (const key of ['a', 'b', 'c', 'd', 'e']) {
      await cache.memo(key, load(key))
      await cache.memo('engine', load('engine again'))
    }
    assert.equal(await cache.memo('engine', load('engine reloaded')), 'engine')
    assert.equal(loads, 6)
    assert.equal(await cache.memo('a', load('a reloaded')), 'a reloaded')
  })
})

describe('PageCache.memoOrPrevious', () => {
  const cache = () => new PageCache(null as never, { maxEntries: 10, maxBytes: 1e6, pollMs: 1000, maxValues: 10 })
  const later = <T>(value: T, ms: number) => () => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms))

  it('waits for the first value; after a change answers the old one, stale, only when the new one is late', async () => {
    const c = cache()
    assert.deepEqual(await c.memoOrPrevious('engine', later('first', 30), 5), { value: 'first', stale: false })
    c.clear()
    // Quick enough: the reader waits for it.
    assert.deepEqual(await c.memoOrPrevious('engine', later('second', 5), 200), { value: 'second', stale: false })
    c.clear()
    // Late: the value from before the change, marked stale; the new one is kept once it comes.
    assert.deepEqual(await c.memoOrPrevious('engine', later('third', 100), 5), { value: 'second', stale: true })
    assert.deepEqual(await c.memoOrPrevious('engine', later('never asked', 1), 500), { value: 'third', stale: false })
    assert.deepEqual(await c.memoOrPrevious('engine', later('never asked', 1), 5), { value: 'third', stale: false })
  })

  it('serves the old value when working out the new one fails, and fails only when there is none', async () => {
    const c = cache()
    await assert.rejects(c.memoOrPrevious('engine', () => Promise.reject(new Error('down')), 5), /down/)
    assert.deepEqual(await c.memoOrPrevious('engine', later('up', 1), 50), { value: 'up', stale: false })
    c.clear()
    assert.deepEqual(await c.memoOrPrevious('engine', () => Promise.reject(new Error('down again')), 50), { value: 'up', stale: true })
  })
})
