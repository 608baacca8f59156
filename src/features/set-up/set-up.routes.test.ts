import assert from 'node:assert/strict'
import { it } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { describeEachDatabase } from '../../../test/app.ts'
import { Agent, testPassword } from '../../../test/agent.ts'
import { auditEvents, users } from '../../db/schema/index.ts'
import { inTransaction } from '../../db/unit-of-work.ts'
import { createUser } from '../accounts/commands/create-user.ts'
import { setUpActor } from './commands/create-first-administrator.ts'
import { offerSetUpLink } from './start-up.ts'

describeEachDatabase('first-run set-up page', (get) => {
  let token = ''
  const path = () => `/set-up/${token}`
  const administrators = async () => get().handle.db.select({ email: users.email, status: users.status }).from(users).where(eq(users.role, 'admin'))

  it('start-up prints a link while no administrator exists, and the page opens with it', async () => {
    const notice = await offerSetUpLink(get().app, 'http://localhost:3000')
    assert.ok(notice)
    const link = /http:\/\/localhost:3000\/set-up\/([A-Za-z0-9_-]{43})$/.exec(notice.lines.map((l) => l.trim()).find((l) => l.startsWith('http')) ?? '')
    assert.ok(link, notice.lines.join('\n'))
    token = link[1]!
    assert.match(notice.log, new RegExp(`/set-up/${token}$`))

    const page = await new Agent(get().app).get(path())
    assert.equal(page.statusCode, 200)
    assert.equal(page.headers['cache-control'], 'no-store')
    assert.equal(page.headers['referrer-policy'], 'no-referrer')
    assert.match(page.body, /<h1 class="govuk-heading-l">Create the first administrator account<\/h1>/)
    assert.match(page.body, new RegExp(`<form method="post" action="/set-up/${token}"`))
    assert.match(page.body, /name="_csrf" value="[^"]+"/)
    for (const field of ['name', 'email', 'password']) assert.match(page.body, new RegExp(`id="${field}" name="${field}"`))
    assert.match(page.body, /Use 12 characters or more, not a common password and not your email address/)
  })

  it('answers a wrong, malformed or absurd token with a plain 404, never a 500', async () => {
    const agent = new Agent(get().app)
    const wrong = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A')
    for (const candidate of [wrong, 'a'.repeat(43), 'short', '%00', '..%2F..%2Fetc', `${token}x`, token.toLowerCase() === token ? 'Z' : token.toLowerCase()]) {
      const res = await agent.get(`/set-up/${candidate}`)
      assert.equal(res.statusCode, 404, `GET ${candidate}`)
      assert.doesNotMatch(res.body, /set-up-form/)
      const post = await agent.post(`/set-up/${candidate}`, { name: 'Mallory', email: 'mallory@example.org', password: testPassword })
      assert.equal(post.statusCode, 404, `POST ${candidate}`)
    }
    assert.equal((await agent.get('/set-up')).statusCode, 404)
    // Not valid UTF-8, or longer than any route parameter may be: the router refuses it before the route runs.
    assert.equal((await agent.get('/set-up/%FF%FE')).statusCode, 400)
    assert.equal((await agent.get(`/set-up/${'x'.repeat(400)}`)).statusCode, 414)
    assert.deepEqual(await administrators(), [])
  })

  it('refuses a post without its CSRF token', async () => {
    const res = await new Agent(get().app).post(path(), { name: 'Ada', email: 'ada@example.org', password: testPassword }, { csrf: false })
    assert.equal(res.statusCode, 403)
    assert.deepEqual(await administrators(), [])
  })

  it('explains each invalid field, keeps what was typed except the password, and creates nobody', async () => {
    const agent = new Agent(get().app)
    const empty = await agent.post(path(), { name: '  ', email: '', password: '' })
    assert.equal(empty.statusCode, 400)
    assert.match(empty.body, /<title>Error: Create the first administrator account/)
    assert.match(empty.body, /There is a problem/)
    for (const [field, message] of [
      ['name', 'Enter your name'],
      ['email', 'Enter an email address'],
      ['password', 'Enter a password'],
    ])
      assert.match(empty.body, new RegExp(`<a href="#${field}">${message}</a>`), field)

    const cases: Array<[Record<string, string>, string, string]> = [
      [{ email: 'not an address' }, 'email', 'Enter an email address in the correct format, like name@example.org'],
      [{ password: 'too short' }, 'password', 'Password must be 12 characters or more'],
      [
        { password: 'password1234' },
        'password',
        'This is one of the most common passwords, so it would be guessed quickly. Choose another: a few unrelated words work well',
      ],
      [{ email: 'ada@example.org', password: 'my ada@example.org pass' }, 'password', 'Password must not contain your email address'],
      [{ name: 'A'.repeat(201) }, 'name', 'Name must be 200 characters or fewer'],
    ]
    for (const [change, field, message] of cases) {
      const form = { name: 'Ada Lovelace', email: 'ada@example.org', password: testPassword, ...change }
      const res = await agent.post(path(), form)
      assert.equal(res.statusCode, 400, message)
      assert.match(res.body, new RegExp(`<a href="#${field}">${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</a>`), message)
      assert.match(res.body, new RegExp(`value="${form.name.slice(0, 20)}`), 'the name is kept')
      assert.doesNotMatch(res.body, new RegExp(form.password.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), 'the password is never sent back')
    }
    assert.deepEqual(await administrators(), [])
  })

  it('answers malformed bodies without a 500 and creates nobody', async () => {
    const agent = new Agent(get().app)
    const csrf = await agent.csrf()
    const cookie = `coophub_csrf=${agent.cookie('coophub_csrf')}`
    const bodies: Array<[string, string]> = [
      ['application/x-www-form-urlencoded', `_csrf=${csrf}&name=a&name=b&email=a&email=b&password=x&password=y`],
      ['application/x-www-form-urlencoded', `_csrf=${csrf}&name=%FF%FE&email=%E0%A4%A&password=%00`],
      ['application/json', JSON.stringify({ _csrf: csrf, name: { nested: true }, email: [1, 2], password: 12 })],
      ['application/json', '{"_csrf": '],
      ['text/csv', 'a,b\n1,2'],
    ]
    for (const [contentType, payload] of bodies) {
      const res = await get().app.inject({ method: 'POST', url: path(), headers: { cookie, 'content-type': contentType }, payload })
      assert.ok(res.statusCode < 500, `${contentType} ${payload.slice(0, 40)}: ${res.statusCode}`)
    }
    assert.deepEqual(await administrators(), [])
  })

  it('creates exactly one administrator when two tabs submit at once, signs in the first, and closes the page', async () => {
    const first = new Agent(get().app)
    const second = new Agent(get().app)
    await Promise.all([first.csrf(), second.csrf()])
    const [a, b] = await Promise.all([
      first.post(path(), { name: 'Ada Lovelace', email: 'Ada@Example.org ', password: testPassword }),
      second.post(path(), { name: 'Grace Hopper', email: 'grace@example.org', password: testPassword }),
    ])
    const statuses = [a.statusCode, b.statusCode].sort()
    assert.deepEqual(statuses, [303, 404])
    const winner = a.statusCode === 303 ? { res: a, agent: first, email: 'ada@example.org' } : { res: b, agent: second, email: 'grace@example.org' }
    assert.equal(winner.res.headers.location, '/dashboard?set-up=1')
    assert.deepEqual(await administrators(), [{ email: winner.email, status: 'active' }])

    const dashboard = await winner.agent.get('/dashboard?set-up=1')
    assert.equal(dashboard.statusCode, 200)
    assert.match(dashboard.body, /data-qa="set-up-banner"[\s\S]*Your administrator account is ready/)
    assert.equal((await winner.agent.get('/admin/users')).statusCode, 200, 'signed in as an administrator')

    const [audit] = await get()
      .handle.db.select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'user-created'), eq(auditEvents.actorLabel, setUpActor.label)))
    assert.ok(audit)
    assert.match(audit.summary, new RegExp(`Created admin account for ${winner.email}`))
  })

  it('refuses a second submission with the same link, and the page is gone', async () => {
    const agent = new Agent(get().app)
    const again = await agent.post(path(), { name: 'Eve', email: 'eve@example.org', password: testPassword })
    assert.equal(again.statusCode, 404)
    assert.equal((await agent.get(path())).statusCode, 404)
    assert.equal((await administrators()).length, 1)
  })

  it('offers no link at start-up once an administrator exists, and a link issued before one was made another way stops working', async () => {
    assert.equal(await offerSetUpLink(get().app, 'http://localhost:3000'), null)
    assert.equal(get().app.setUpLink.issued, false)
    // A link printed while there was none, then an administrator made from the command line.
    token = get().app.setUpLink.issue()
    await inTransaction(get().handle.db, (tx) =>
      createUser(
        tx,
        { id: null, label: 'command line' },
        { email: 'cli@example.org', name: 'Cli', role: 'admin', organisation: '', baseUrl: 'http://localhost', networkName: 'T' },
      ),
    )
    assert.equal((await new Agent(get().app).get(path())).statusCode, 404)
    assert.equal(get().app.setUpLink.issued, false)
  })
})
