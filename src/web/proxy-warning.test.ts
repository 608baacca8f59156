import assert from 'node:assert/strict'
import { Writable } from 'node:stream'
import { describe, it } from 'node:test'
import Fastify from 'fastify'
import { registerProxyWarning } from './proxy-warning.ts'

async function logsOf(trustProxy: boolean, requests: Array<Record<string, string>>): Promise<Array<{ level: number; msg: string }>> {
  const lines: Array<{ level: number; msg: string }> = []
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)))
      done()
    },
  })
  const app = Fastify({ logger: { level: 'warn', stream }, trustProxy })
  registerProxyWarning(app, trustProxy)
  app.get('/', async () => 'ok')
  for (const headers of requests) await app.inject({ url: '/', headers })
  await app.close()
  return lines
}

describe('the warning about a proxy that is not trusted', () => {
  it('is logged once when forwarded requests arrive without TRUST_PROXY', async () => {
    const lines = await logsOf(false, [{}, { 'x-forwarded-for': '203.0.113.9' }, { 'x-forwarded-for': '203.0.113.10' }])
    const warnings = lines.filter((l) => l.level === 40)
    assert.equal(warnings.length, 1)
    assert.match(warnings[0]!.msg, /TRUST_PROXY is not set/)
  })

  it('is not logged for direct requests, nor when the proxy is trusted', async () => {
    assert.deepEqual(await logsOf(false, [{}, {}]), [])
    assert.deepEqual(await logsOf(true, [{ 'x-forwarded-for': '203.0.113.9' }]), [])
  })
})
