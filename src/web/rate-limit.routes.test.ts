import assert from 'node:assert/strict'
import { after, before, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { eq, like } from 'drizzle-orm'
import { describeEachDatabase } from '../../test/app.ts'
import { Agent, signedInAgent, testPassword } from '../../test/agent.ts'
import { buildApp } from '../app.ts'
import { rateLimitCounts } from '../db/schema/index.ts'
import { resetRequestsPerIp } from '../features/accounts/rules.ts'
import { windowMs } from './rate-limit.ts'

it('reads rate-limit windows', () => {
  assert.equal(windowMs('15 minutes'), 900_000)
  assert.equal(windowMs('1 hour'), 3_600_000)
  assert.throws(() => windowMs('a while'))
})

describeEachDatabase('rate limits across instances', (get) => {
  let second: FastifyInstance
  before(async () => {
    // A second coophub on the same database, as behind a load balancer.
    const { config, handle } = get()
    second = await buildApp({ config, db: handle.db, dbKind: handle.kind, assetVersion: 'test', logger: false })
    await second.ready()
  })
  after(async () => {
    await second.close()
  })

  it('shares one password-reset limit between two instances on one database', async () => {
    const address = '203.0.113.50'
    const statuses: number[] = []
    for (let i = 0; i < resetRequestsPerIp + 2; i++) {
      const app = i % 2 === 0 ? get().app : second
      statuses.push((await new Agent(app).post('/password-reset', { email: `person${i}@example.org` }, { address })).statusCode)
    }
    assert.deepEqual(statuses, [...Array<number>(resetRequestsPerIp).fill(200), 429, 429])
    const [row] = await get()
      .handle.db.select()
      .from(rateLimitCounts)
      .where(eq(rateLimitCounts.key, `reset-ip:${address}`))
    assert.equal(row?.count, resetRequestsPerIp + 2)
  })

  it('tells how long to wait, and starts a new window once the last one is over', async () => {
    const address = '203.0.113.51'
    const db = get().handle.db
    for (let i = 0; i < resetRequestsPerIp; i++) await new Agent(second).post('/password-reset', { email: `x${i}@example.org` }, { address })
    const refused = await new Agent(get().app).post('/password-reset', { email: 'y@example.org' }, { address })
    assert.equal(refused.statusCode, 429)
    const wait = Number(refused.headers['retry-after'])
    assert.ok(wait > 800 && wait <= 900, String(wait))
    assert.doesNotMatch(refused.body, /"statusCode"/, 'the site’s error page, not JSON')
    await db
      .update(rateLimitCounts)
      .set({ windowEndsAt: new Date(Date.now() - 1000) })
      .where(like(rateLimitCounts.key, `%${address}`))
    assert.equal((await new Agent(second).post('/password-reset', { email: 'y@example.org' }, { address })).statusCode, 200)
  })

  it('slows sign-in guesses made through one instance down on the other too', async () => {
    const { email } = await signedInAgent(get().app, get().handle.db, 'editor')
    const address = '203.0.113.52'
    for (let i = 0; i < 8; i++) {
      const app = i % 2 === 0 ? get().app : second
      await new Agent(app).post('/sign-in', { email, password: `wrong guess ${i}` }, { address })
    }
    const held = await new Agent(second).post('/sign-in', { email, password: testPassword }, { address })
    assert.equal(held.statusCode, 429)
    // The owner elsewhere is not held up.
    assert.equal((await new Agent(get().app).post('/sign-in', { email, password: testPassword }, { address: '192.0.2.80' })).statusCode, 303)
  })
})
