import assert from 'node:assert/strict'
import net from 'node:net'
import { after, describe, it } from 'node:test'
import { startCoophubProcess, type CoophubProcess } from '../test/coophub-process.ts'
import { createEmptyPostgresDatabase } from '../test/databases.ts'

/** Everything the server sends on a socket until it closes it. */
function readAll(socket: net.Socket): Promise<string> {
  return new Promise((resolve) => {
    let text = ''
    socket.on('data', (chunk) => (text += chunk.toString()))
    socket.on('close', () => resolve(text))
    socket.on('error', () => undefined)
  })
}

function connect(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1')
    socket.once('connect', () => resolve(socket))
    socket.once('error', reject)
  })
}

/**
 * What a new request gets: refused at the door, a connection the kernel had already accepted
 * closed unanswered (reported as 'closed'), or a 503 while the server closes.
 */
async function newRequest(port: number): Promise<string> {
  try {
    const socket = await connect(port)
    const answer = readAll(socket)
    socket.end('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n')
    return (await answer).split('\r\n')[0] || 'closed'
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? String(error)
  }
}

const kinds: { name: string; env: () => Promise<{ env: Record<string, string>; cleanUp(): Promise<void> }> }[] = [
  { name: 'embedded', env: async () => ({ env: {}, cleanUp: async () => undefined }) },
]
if (process.env.TEST_DATABASE_URL) {
  kinds.push({
    name: 'PostgreSQL',
    env: async () => {
      const database = await createEmptyPostgresDatabase()
      return { env: { DATABASE_URL: database.url }, cleanUp: () => database.drop() }
    },
  })
}

for (const kind of kinds) {
  describe(`SIGTERM stops the server process gracefully (${kind.name})`, () => {
    const started: CoophubProcess[] = []
    const cleanUps: (() => Promise<void>)[] = []
    after(async () => {
      for (const server of started) await server.stop()
      for (const cleanUp of cleanUps) await cleanUp()
    })

    it('finishes the request in flight, refuses new ones and exits with 0 within 10 s', async () => {
      const { env, cleanUp } = await kind.env()
      cleanUps.push(cleanUp)
      const server = await startCoophubProcess({ DEMO_CONTENT: 'false', ...env })
      started.push(server)
      await server.waitFor(/coophub is serving/)
      const port = Number(new URL(server.baseUrl).port)

      // A form still arriving when the signal comes: half its body sent.
      const body = 'email=someone%40example.org&password=not-the-right-one'
      const inFlight = await connect(port)
      const answer = readAll(inFlight)
      inFlight.write(
        `POST /sign-in HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n` +
          `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body.slice(0, 20)}`,
      )
      await new Promise((resolve) => setTimeout(resolve, 300))

      const signalled = Date.now()
      server.kill('SIGTERM')
      await server.waitFor(/SIGTERM received: closing/, 5_000)

      const refused = await newRequest(port)
      assert.match(refused, /^(ECONNREFUSED|ECONNRESET|closed|HTTP\/1\.1 503 .*)$/, `a request after SIGTERM got: ${refused}`)

      inFlight.end(body.slice(20))
      const statusLine = (await answer).split('\r\n')[0] ?? ''
      // The sign-in form answers (403 without its CSRF token): a whole answer, not a reset or a 5xx.
      assert.match(statusLine, /^HTTP\/1\.1 [1-4]\d\d /, `the request in flight got: ${JSON.stringify(statusLine)}`)

      const exit = await server.exited
      const tookMs = Date.now() - signalled
      assert.deepEqual(exit, { code: 0, signal: null }, server.output())
      assert.ok(tookMs < 10_000, `exited ${tookMs} ms after SIGTERM`)
    })
  })
}
