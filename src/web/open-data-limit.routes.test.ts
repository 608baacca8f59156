import assert from 'node:assert/strict'
import { after, before, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { describeEachDatabase } from '../../test/app.ts'
import { buildApp } from '../app.ts'

describeEachDatabase('the open data limit per address', (get) => {
  let app: FastifyInstance
  before(async () => {
    const { config, handle } = get()
    app = await buildApp({ config: { ...config, openDataRequestsPerMinute: 3 }, db: handle.db, dbKind: handle.kind, assetVersion: 'test', logger: false })
    await app.ready()
  })
  after(async () => {
    await app.close()
  })

  const from = (remoteAddress: string, url: string) => app.inject({ method: 'GET', url, remoteAddress })

  it('counts the API, the exports and the feed together, then answers 429 with Retry-After', async () => {
    const address = '203.0.113.70'
    const statuses = []
    for (const url of ['/api/v1/principles', '/case-studies.csv', '/case-studies.atom']) statuses.push((await from(address, url)).statusCode)
    assert.deepEqual(statuses, [200, 200, 200])
    const api = await from(address, '/api/v1/case-studies')
    assert.equal(api.statusCode, 429)
    assert.match(String(api.headers['content-type']), /^application\/problem\+json/)
    const wait = Number(api.headers['retry-after'])
    assert.ok(wait >= 1 && wait <= 60, String(wait))
    const exported = await from(address, '/case-studies.json')
    assert.equal(exported.statusCode, 429)
    assert.match(String(exported.headers['content-type']), /^text\/html/, 'outside /api/ the site’s error page')
  })

  it('leaves other addresses and the pages people read alone', async () => {
    const busy = '203.0.113.71'
    for (let i = 0; i < 4; i++) await from(busy, '/api/v1/principles')
    assert.equal((await from(busy, '/api/v1/principles')).statusCode, 429)
    assert.equal((await from('203.0.113.72', '/api/v1/principles')).statusCode, 200)
    assert.equal((await from(busy, '/case-studies')).statusCode, 200)
    assert.equal((await from(busy, '/principles')).statusCode, 200)
  })

  it('is off at 0', async () => {
    const { config, handle } = get()
    const open = await buildApp({
      config: { ...config, openDataRequestsPerMinute: 0 },
      db: handle.db,
      dbKind: handle.kind,
      assetVersion: 'test',
      logger: false,
    })
    try {
      for (let i = 0; i < 10; i++)
        assert.equal((await open.inject({ method: 'GET', url: '/api/v1/principles', remoteAddress: '203.0.113.73' })).statusCode, 200)
    } finally {
      await open.close()
    }
  })
})
