// Uploads, wherever the site takes them: the file's bytes must be what its name claims, size limits
// answer with a clear page, and no multipart body sent anywhere causes a 500.
import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { describeEachDatabase } from '../../../test/app.ts'
import { signedInAgent, type Agent } from '../../../test/agent.ts'

const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000a49444154789c6300010000050001', 'hex')
const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0\u0001\u0001\0\0\u0001\0\u0001\0\0'), Buffer.alloc(64, 0)])
const gif = Buffer.concat([Buffer.from('GIF89a'), Buffer.from([1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0x21, 0xf9, 0x04, 0, 0, 0, 0, 0])])

function multipart(fields: Record<string, string>, file?: { name: string; content: Buffer }) {
  const boundary = '----coophubUploadBoundary'
  const chunks: Buffer[] = Object.entries(fields).map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`))
  if (file) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="document"; filename="${file.name}"\r\nContent-Type: text/plain\r\n\r\n`))
    chunks.push(file.content, Buffer.from('\r\n'))
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`))
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` }
}

describeEachDatabase('uploads', (get) => {
  let editor: Agent
  before(async () => {
    ;({ agent: editor } = await signedInAgent(get().app, get().handle.db, 'editor'))
  })

  const post = async (url: string, file?: { name: string; content: Buffer }) => {
    const body = multipart({ _csrf: await editor.csrf() }, file)
    const cookie = ['coophub_session', 'coophub_csrf'].map((n) => `${n}=${editor.cookie(n) ?? ''}`).join('; ')
    return get().app.inject({ method: 'POST', url, headers: { cookie, 'content-type': body.contentType }, payload: body.payload })
  }

  it('refuses an image whatever name it is sent under, saying why', async () => {
    for (const [name, content] of [
      ['case-study.txt', png],
      ['case-study.docx', png],
      ['case-study.html', gif],
      ['case-study.md', jpeg],
      ['photo.png', png],
    ] as const) {
      const res = await post('/import', { name, content })
      assert.equal(res.statusCode, 400, `${name}: ${res.body.slice(0, 200)}`)
      assert.match(res.body, /There is a problem/, name)
      assert.ok(res.body.includes(`&quot;${name}&quot;`), `${name}: the message names the file`)
    }
  })

  it('answers a file over the limit with the form and the limit, not a 500 or JSON', async () => {
    const res = await post('/import', { name: 'huge.txt', content: Buffer.alloc(12 * 1024 * 1024, 'a') })
    assert.equal(res.statusCode, 400)
    assert.match(String(res.headers['content-type']), /^text\/html/)
    assert.match(res.body, /The selected file must be smaller than 5 MB/)
  })

  it('never answers a multipart body with a 500, on any write route', async () => {
    const routes = get()
      .app.routeTable.filter((r) => r.method === 'POST')
      .map((r) => r.url.replace(/:[A-Za-z]+/g, '1'))
    const failures: string[] = []
    for (const url of new Set(routes)) {
      const res = await post(url, { name: 'a.txt', content: png })
      if (res.statusCode >= 500) failures.push(`${url}: ${res.statusCode}`)
      else if (!/^text\/html/.test(String(res.headers['content-type'])) && !url.startsWith('/api/')) failures.push(`${url}: ${res.headers['content-type']}`)
    }
    assert.deepEqual(failures, [])
    assert.ok(routes.length > 40, String(routes.length))
  })
})
