import assert from 'node:assert/strict'
import net from 'node:net'
import { it } from 'node:test'
import Fastify from 'fastify'
import { earlyErrorOptions, registerClosingRefusal } from './early-errors.ts'
import { describeEachDatabase } from '../../test/app.ts'

/** A raw request line and headers, for what an HTTP client library would refuse to send. */
function rawRequest(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(text))
    let answer = ''
    socket.on('data', (chunk) => (answer += chunk.toString()))
    socket.on('close', () => resolve(answer))
    socket.on('error', reject)
  })
}

describeEachDatabase('errors met before a request reaches the site', (get) => {
  it('answers an address that cannot be decoded with the site’s page, in both languages', async () => {
    const res = await get().app.inject({ url: '/case-studies/%zz' })
    assert.equal(res.statusCode, 400)
    assert.match(String(res.headers['content-type']), /text\/html/)
    assert.match(res.body, /<h1 class="govuk-heading-l">There is a problem with your request<\/h1>/)
    assert.match(res.body, /<div lang="cy">/)
    assert.match(res.body, /\/static\/app\.css/)

    const api = await get().app.inject({ url: '/api/v1/case-studies/%zz' })
    assert.equal(api.statusCode, 400)
    assert.match(String(api.headers['content-type']), /application\/problem\+json/)
    assert.equal(api.json().status, 400)
  })

  it('answers headers too large for the parser with a page, not JSON', async () => {
    const { app } = get()
    await app.listen({ port: 0, host: '127.0.0.1' })
    const port = (app.server.address() as net.AddressInfo).port
    const answer = await rawRequest(port, `GET /case-studies?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n`)
    assert.match(answer, /^HTTP\/1\.1 431 /)
    assert.match(answer, /Content-Type: text\/html; charset=utf-8/)
    assert.match(answer, /Your request was too large to read/)
  })
})

it('refuses a request that arrives while the process stops with a page, Retry-After and the connection closed', async () => {
  const site = { networkName: 'Test', assetVersion: 'test' }
  const app = Fastify({ ...earlyErrorOptions(site) })
  registerClosingRefusal(app, site)
  app.get('/', async () => 'home')
  let port = 0
  let during = ''
  // Registered after the refusal's own hook, so it runs once the process counts as stopping and
  // before the listener closes: a request that comes now is the one a load balancer sends late.
  app.addHook('preClose', async () => {
    during = await rawRequest(port, 'GET / HTTP/1.1\r\nHost: x\r\n\r\n')
  })
  await app.listen({ port: 0, host: '127.0.0.1' })
  port = (app.server.address() as net.AddressInfo).port
  assert.match(await rawRequest(port, 'GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'), /^HTTP\/1\.1 200 [\s\S]*home$/)
  await app.close()
  assert.match(during, /^HTTP\/1\.1 503 /)
  assert.match(during, /retry-after: 5/i)
  assert.match(during, /connection: close/i)
  assert.match(during, /content-type: text\/html/i)
  assert.match(during, /the service is unavailable for a moment/)
})
