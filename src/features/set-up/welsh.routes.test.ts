// The first-run set-up page in Welsh, its errors, and the dashboard's banner after it.
import assert from 'node:assert/strict'
import { it } from 'node:test'
import { describeEachDatabase } from '../../../test/app.ts'
import { Agent, testPassword } from '../../../test/agent.ts'
import { englishOn } from '../../../test/welsh.ts'
import { offerSetUpLink } from './start-up.ts'

describeEachDatabase('the first-run set-up page in Welsh', (get) => {
  it('shows the page, its errors and the success banner in Welsh', async () => {
    const notice = await offerSetUpLink(get().app, 'http://localhost:3000')
    const token = /\/set-up\/([A-Za-z0-9_-]{43})/.exec(notice?.log ?? '')?.[1]
    assert.ok(token)
    const agent = new Agent(get().app)
    const page = await agent.get(`/cy/set-up/${token}`)
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /<html lang="cy"/)
    assert.deepEqual(englishOn(page.body), [])
    assert.match(page.body, /<h1 class="govuk-heading-l">Creu’r cyfrif gweinyddwr cyntaf<\/h1>/)
    assert.match(page.body, /Defnyddiwch 12 nod neu fwy/)
    assert.match(page.body, new RegExp(`action="/cy/set-up/${token}"`))

    const empty = await agent.post(`/cy/set-up/${token}`, { name: '', email: '', password: '' })
    assert.equal(empty.statusCode, 400)
    assert.deepEqual(englishOn(empty.body), [])
    for (const message of ['Rhowch eich enw', 'Rhowch gyfeiriad e-bost', 'Rhowch gyfrinair'])
      assert.match(empty.body, new RegExp(`<a href="#\\w+">${message}</a>`))
    const short = await agent.post(`/cy/set-up/${token}`, { name: 'Ada', email: 'ada@example.org', password: 'short' })
    assert.match(short.body, /Rhaid i’r cyfrinair fod yn 12 nod neu fwy/)

    const made = await agent.post(`/cy/set-up/${token}`, { name: 'Ada Lovelace', email: 'ada@example.org', password: testPassword })
    assert.equal(made.statusCode, 303)
    assert.equal(made.headers.location, '/cy/dashboard?set-up=1')
    const dashboard = await agent.get('/cy/dashboard?set-up=1')
    assert.equal(dashboard.statusCode, 200)
    assert.deepEqual(englishOn(dashboard.body), [])
    assert.match(dashboard.body, /data-qa="set-up-banner"[\s\S]*Mae eich cyfrif gweinyddwr yn barod/)
    assert.match(dashboard.body, /href="\/cy\/admin\/users\/new"/)
  })
})
