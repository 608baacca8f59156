// Two coophub server processes on one PostgreSQL database, on different ports and behind no proxy,
// as two app servers behind a load balancer would run: a session made on one works on the other,
// and a change made through one shows on the other's pages and search within 2 s.
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import pg from 'pg'
import { startCoophubProcess, type CoophubProcess } from '../test/coophub-process.ts'
import { createAccount, FormClient } from '../test/form-client.ts'

const adminUrl = process.env.TEST_DATABASE_URL
const skip = adminUrl ? false : 'TEST_DATABASE_URL is not set: two processes need a PostgreSQL server to share'

async function eventually(check: () => Promise<boolean>, withinMs: number): Promise<number> {
  const start = Date.now()
  for (;;) {
    if (await check()) return Date.now() - start
    if (Date.now() - start > withinMs) return Number.POSITIVE_INFINITY
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

describe('two server processes sharing one PostgreSQL database', { skip, timeout: 240_000 }, () => {
  const name = `coophub_two_${randomBytes(4).toString('hex')}`
  let url = ''
  let one: CoophubProcess
  let two: CoophubProcess
  let published: { slug: string; title: string }

  before(async () => {
    const admin = new pg.Client({ connectionString: adminUrl })
    await admin.connect()
    await admin.query(`CREATE DATABASE ${name}`)
    await admin.end()
    const address = new URL(adminUrl!)
    address.pathname = `/${name}`
    url = address.toString()

    // The first loads the demo into the empty database; the second starts on what the first wrote.
    one = await startCoophubProcess({ DATABASE_URL: url })
    await one.waitFor(/coophub is serving/, 180_000)
    two = await startCoophubProcess({ DATABASE_URL: url })
    await two.waitFor(/coophub is serving/, 180_000)

    await createAccount(
      { DATABASE_URL: url },
      {
        role: 'admin',
        email: 'editor-in-chief@example.org',
        name: 'Rhiannon Editor',
        password: 'a long passphrase for two servers',
      },
    )

    const client = new pg.Client({ connectionString: url })
    await client.connect()
    const row = await client.query<{ slug: string; title: string }>(
      `SELECT slug, title FROM case_studies WHERE status = 'published' ORDER BY published_at DESC, id LIMIT 1`,
    )
    await client.end()
    published = row.rows[0]!
  })

  after(async () => {
    await one?.stop()
    await two?.stop()
    const admin = new pg.Client({ connectionString: adminUrl })
    await admin.connect()
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await admin.end()
  })

  it('a session made on one works on the other, and a change made through one shows on the other within 2 s', async (t) => {
    const browser = new FormClient(one.baseUrl)
    await browser.signIn('editor-in-chief@example.org', 'a long passphrase for two servers')
    const onTwo = await browser.request(`${two.baseUrl}/admin/review/${published.slug}`)
    assert.equal(onTwo.status, 200, 'the same session lets the administrator in on the second')

    const words = published.title.split(/\s+/).slice(0, 3).join(' ')
    const searchOnTwo = `${two.baseUrl}/case-studies?q=${encodeURIComponent(words)}`
    assert.match((await browser.request(searchOnTwo)).body, new RegExp(`/case-studies/${published.slug}"`))
    assert.equal((await fetch(`${two.baseUrl}/case-studies/${published.slug}`)).status, 200)

    const unpublished = await browser.request(`${one.baseUrl}/admin/review/${published.slug}/unpublish`, {
      method: 'POST',
      form: { _csrf: await browser.csrfToken() },
    })
    assert.equal(unpublished.status, 303, 'unpublished through the first')

    // Anonymous readers of the second: its page cache and its search engine both follow the change.
    const pageGone = await eventually(async () => (await fetch(`${two.baseUrl}/case-studies/${published.slug}`)).status === 404, 2_000)
    assert.ok(pageGone <= 2_000, 'the page is gone from the second within 2 s')
    const searchGone = await eventually(async () => !(await (await fetch(searchOnTwo)).text()).includes(`/case-studies/${published.slug}"`), 2_000)
    assert.ok(searchGone <= 2_000, 'and from its search results')
    t.diagnostic(`the second followed the change: its page after ${pageGone} ms, its search ${searchGone} ms after that`)
  })
})
