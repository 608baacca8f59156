import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import { sql } from 'drizzle-orm'
import type { FastifyRequest } from 'fastify'
import { describeEachDatabase } from '../../test/app.ts'
import { signedInAgent } from '../../test/agent.ts'
import { buildCaseStudy } from '../../test/factories.ts'
import type { ContentChanges, FollowsContent } from './content-changes.ts'
import { PageCache, shouldCache } from './page-cache.ts'

describeEachDatabase('page cache', (get) => {
  before(async () => {
    await buildCaseStudy(get().handle.db, { slug: 'cached', title: 'Cached story' })
    // The insert is a content change: read it now, not at the next poll between two requests below.
    await get().app.pageCache.refresh()
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

  it('keeps every page through writes that change nothing public (a sign-out), and empties at once for one that does', async () => {
    const { app, handle } = get()
    await app.inject('/')
    await app.inject('/case-studies/cached')
    const pages = app.pageCache.size
    assert.ok(pages >= 2)
    const { agent } = await signedInAgent(app, handle.db, 'editor')
    assert.equal((await agent.post('/sign-out')).statusCode, 303)
    assert.equal(app.pageCache.size, pages)
    assert.equal((await app.inject('/case-studies/cached')).headers['x-coophub-cache'], 'hit')

    const editor = (await signedInAgent(app, handle.db, 'editor')).agent
    assert.equal((await editor.post('/admin/review/cached/archive')).statusCode, 303)
    assert.equal(app.pageCache.size, 0)
    assert.equal((await app.inject('/case-studies/cached')).statusCode, 404)
  })

  it('does not keep a page whose request came before a change', () => {
    const { app } = get()
    const request = (generation: number) =>
      ({ method: 'GET', user: null, routeOptions: { config: { pageCache: true } }, pageCacheGeneration: generation, server: app }) as unknown as FastifyRequest
    const before = app.pageCache.generation
    assert.equal(shouldCache(request(before), 200), true)
    app.pageCache.clear()
    assert.equal(shouldCache(request(before), 200), false)
    assert.equal(shouldCache(request(app.pageCache.generation), 200), true)
  })
})

describe('PageCache.memo', () => {
  const limits = { maxEntries: 10, maxBytes: 1e6, pollMs: 1000, maxValues: 3 }

  it('keeps at most maxValues, dropping the least recently used, never one still in use', async () => {
    const cache = new PageCache(null as never, limits)
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

  it('forgets values on a change, but keeps one that follows changes and tells it of each, those made while it loaded included', async () => {
    const cache = new PageCache(null as never, limits)
    const told: number[][] = []
    const follower: FollowsContent = { followChanges: async (changes) => void told.push([...changes.caseStudyIds]) }
    let loaded: (value: FollowsContent) => void = () => undefined
    const engine = cache.memo('engine', () => new Promise<FollowsContent>((resolve) => (loaded = resolve)))
    await cache.memo('names', () => Promise.resolve('names'))
    const feed = (cache as unknown as { feed: { read: () => Promise<ContentChanges | null> } }).feed
    const changes = [[1], [2, 3]].map((caseStudyIds) => ({ caseStudyIds, subjects: new Set<string>(), everything: false }))
    feed.read = async () => changes.shift() ?? null
    await cache.refresh()
    loaded(follower)
    assert.equal(await engine, follower)
    assert.deepEqual(told, [[1]])
    await cache.refresh()
    assert.deepEqual(told, [[1], [2, 3]])
    assert.equal(await cache.memo('engine', () => Promise.reject(new Error('not loaded again'))), follower)
    assert.equal(await cache.memo('names', () => Promise.resolve('read again')), 'read again')
  })
})
