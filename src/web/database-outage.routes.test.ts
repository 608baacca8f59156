import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import pg from 'pg'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../app.ts'
import { loadConfig } from '../config.ts'
import { migrateDatabase, openDatabase, type DatabaseHandle } from '../db/client.ts'
import { TcpProxy } from '../../test/tcp-proxy.ts'

const adminUrl = process.env.TEST_DATABASE_URL

// PostgreSQL restarting under the site, through a proxy this test cuts (the server itself stays up
// for the other tests). PGlite runs in the process: it cannot go away while the site stays.
describe('a PostgreSQL outage', { skip: adminUrl ? false : 'TEST_DATABASE_URL is not set' }, () => {
  const name = `coophub_outage_${randomBytes(4).toString('hex')}`
  let proxy: TcpProxy
  let handle: DatabaseHandle
  let app: FastifyInstance

  before(async () => {
    const admin = new pg.Client({ connectionString: adminUrl })
    await admin.connect()
    await admin.query(`CREATE DATABASE ${name}`)
    await admin.end()
    const target = new URL(adminUrl!)
    proxy = new TcpProxy(target.hostname, Number(target.port || 5432))
    await proxy.start()
    const url = new URL(adminUrl!)
    url.pathname = `/${name}`
    url.port = String(proxy.port)
    handle = await openDatabase({ url: url.toString() })
    await migrateDatabase(handle.db)
    app = await buildApp({
      // The load below asks the API far more than one address may a minute: this test is about outages.
      config: loadConfig({ NETWORK_NAME: 'Outage Test', LOG_LEVEL: process.env.TEST_LOG ? 'warn' : 'silent', OPEN_DATA_REQUESTS_PER_MINUTE: '0' }),
      db: handle.db,
      dbKind: 'postgres',
      assetVersion: 'test',
      logger: Boolean(process.env.TEST_LOG),
    })
    await app.ready()
  })

  after(async () => {
    await app?.close()
    await handle?.close()
    await proxy?.cut()
    const admin = new pg.Client({ connectionString: adminUrl })
    await admin.connect()
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await admin.end()
  })

  it('keeps serving cached pages, answers 503 for the rest, and recovers by itself', async () => {
    const first = await app.inject({ url: '/principles' })
    assert.equal(first.statusCode, 200)
    assert.equal((await app.inject({ url: '/principles' })).headers['x-coophub-cache'], 'hit')

    await proxy.cut()
    const cached = await app.inject({ url: '/principles' })
    assert.equal(cached.statusCode, 200, 'a page in the cache is served through the outage')
    assert.equal(cached.headers['x-coophub-cache'], 'hit')

    const started = Date.now()
    const uncached = await app.inject({ url: '/calls' })
    assert.ok(Date.now() - started < 10_000, 'no hang')
    assert.equal(uncached.statusCode, 503)
    assert.equal(uncached.headers['retry-after'], '5')
    assert.match(String(uncached.headers['content-type']), /text\/html/)
    assert.match(uncached.body, /<h1[^>]*>[^<]*unavailable/i)

    const signedIn = await app.inject({ url: '/principles', cookies: { coophub_session: 'x'.repeat(40) } })
    assert.equal(signedIn.statusCode, 503, 'a signed-in page needs the database: 503, not 500')

    const health = await app.inject({ url: '/health' })
    assert.equal(health.statusCode, 503)
    assert.equal(health.json().database.status, 'unreachable')
    assert.match(health.json().database.reason, /connection refused/)

    const api = await app.inject({ url: '/api/v1/case-studies' })
    assert.equal(api.statusCode, 503)
    assert.match(String(api.headers['content-type']), /application\/problem\+json/)

    await proxy.restore()
    const deadline = Date.now() + 5_000
    let back = 0
    while (Date.now() < deadline) {
      back = (await app.inject({ url: '/calls' })).statusCode
      if (back === 200) break
      await new Promise((r) => setTimeout(r, 100))
    }
    assert.equal(back, 200, 'the site recovers within 5 s of the database returning, without a restart')
  })

  it('under load: through a cut and back, every answer is a 200 or a 503 within 10 s, and every reader is served again within 5 s', async (t) => {
    const addresses = ['/', '/principles', '/calls', '/case-studies?q=council', '/members', '/health', '/api/v1/case-studies']
    const answers: Array<{ at: number; status: number; ms: number }> = []
    let running = true
    const reader = async (n: number) => {
      for (let i = n; running; i++) {
        const started = Date.now()
        const { statusCode } = await app.inject({ url: addresses[i % addresses.length]! })
        answers.push({ at: started, status: statusCode, ms: Date.now() - started })
      }
    }
    const readers = Array.from({ length: 20 }, (_, n) => reader(n))
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

    await pause(1_000)
    await proxy.cut()
    const cutAt = Date.now()
    await pause(3_000)
    await proxy.restore()
    const restoredAt = Date.now()
    await pause(6_000)
    running = false
    await Promise.all(readers)

    const statuses = new Map<number, number>()
    for (const a of answers) statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1)
    t.diagnostic(`${answers.length} answers: ${[...statuses].map(([status, n]) => `${n} × ${status}`).join(', ')}`)
    assert.deepEqual(
      [...statuses.keys()].filter((status) => status !== 200 && status !== 503),
      [],
      'only 200 and 503',
    )
    assert.ok(Math.max(...answers.map((a) => a.ms)) < 10_000, 'no answer took 10 s')
    assert.ok(
      answers.some((a) => a.at > cutAt && a.at < restoredAt && a.status === 503),
      'the outage was felt',
    )
    const lastFailure = Math.max(...answers.filter((a) => a.status !== 200).map((a) => a.at + a.ms))
    t.diagnostic(`served again ${lastFailure - restoredAt} ms after the database came back`)
    assert.ok(lastFailure - restoredAt < 5_000, 'every reader served again within 5 s of the database coming back')
    assert.ok(answers.filter((a) => a.at > restoredAt + 5_000).every((a) => a.status === 200))
  })
})
