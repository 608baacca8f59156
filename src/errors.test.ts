import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { buildApp } from './app.ts'
import { loadConfig } from './config.ts'
import { createTestDatabase } from '../test/databases.ts'
import type { DatabaseHandle } from './db/client.ts'

describe('error pages', () => {
  let handle: DatabaseHandle
  let app: FastifyInstance
  before(async () => {
    handle = await createTestDatabase('pglite')
    app = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent' }), db: handle.db, dbKind: 'pglite', assetVersion: 't', logger: false })
    app.get('/__explode', async () => {
      throw new Error('secret internal detail at /srv/app.ts:12')
    })
    await app.ready()
  })
  after(async () => {
    await app.close()
    await handle.close()
  })

  it('an unexpected error gives a 500 page with no stack trace or internal message', async () => {
    const res = await app.inject('/__explode')
    assert.equal(res.statusCode, 500)
    assert.match(res.body, /Sorry, there is a problem with the service/)
    assert.doesNotMatch(res.body, /secret internal detail|app\.ts|at .*:\d+/)
  })

  it('a request that cannot be read gets a 4xx page, not a 500', async () => {
    const res = await app.inject({ method: 'POST', url: '/case-studies', headers: { 'content-type': 'application/json' }, payload: '{bad json' })
    assert.ok(res.statusCode >= 400 && res.statusCode < 500, String(res.statusCode))
  })

  it('a database outage shows in /health as 503', async () => {
    const broken = await createTestDatabase('pglite')
    const brokenApp = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent' }), db: broken.db, dbKind: 'pglite', assetVersion: 't', logger: false })
    try {
      await broken.pool.end()
      const res = await brokenApp.inject('/health')
      assert.equal(res.statusCode, 503)
      assert.equal(res.json().status, 'unavailable')
    } finally {
      await brokenApp.close()
      await broken.close().catch(() => undefined)
    }
  })
})
