// The accounts pages in Welsh: sign-in, password reset, setting a password, the account page; a
// signed-in person's language kept when they use the header's switch, and their sign-in landing in it.
import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { describeEachDatabase } from '../../../test/app.ts'
import { Agent, signedInAgent } from '../../../test/agent.ts'
import { buildOrganisation } from '../../../test/factories.ts'
import { englishOn } from '../../../test/welsh.ts'
import { auditEvents, users } from '../../db/schema/index.ts'
import { issueAccountToken } from './commands/issue-account-token.ts'

describeEachDatabase('the accounts pages in Welsh', (get) => {
  before(async () => {
    await buildOrganisation(get().handle.db, { slug: 'home-council', name: 'Home Council' })
  })

  const inWelsh = (url: string, res: { statusCode: number; body: string }, status = 200) => {
    assert.equal(res.statusCode, status, url)
    assert.match(res.body, /<html lang="cy"/, url)
    assert.deepEqual(englishOn(res.body), [], url)
  }

  it('shows sign-in, password reset and an expired link in Welsh', async () => {
    const agent = new Agent(get().app)
    const signIn = await agent.get('/cy/sign-in')
    inWelsh('/cy/sign-in', signIn)
    assert.match(signIn.body, /<h1 class="govuk-heading-l">Mewngofnodi<\/h1>/)
    assert.match(signIn.body, /Rydw i wedi anghofio fy nghyfrinair/)
    assert.match(signIn.body, /Dangos/)
    const reset = await agent.get('/cy/password-reset')
    inWelsh('/cy/password-reset', reset)
    assert.match(reset.body, /Ailosod eich cyfrinair/)
    const sent = await agent.post('/cy/password-reset', { email: 'nobody@example.org' })
    inWelsh('/cy/password-reset (sent)', sent)
    assert.match(sent.body, /Gwiriwch eich e-bost/)
    assert.match(sent.body, /href="\/cy\/password-reset"/)
    inWelsh('/cy/account/set-password (expired)', await agent.get(`/cy/account/set-password/${'a'.repeat(43)}`), 410)
  })

  it('explains a form’s errors in Welsh', async () => {
    const empty = await new Agent(get().app).post('/cy/sign-in', { email: '', password: '' })
    inWelsh('/cy/sign-in (errors)', empty, 400)
    assert.match(empty.body, /<title>Gwall: Mewngofnodi/)
    assert.match(empty.body, /<a href="#email">Rhowch eich cyfeiriad e-bost<\/a>/)
    assert.match(empty.body, /<a href="#password">Rhowch eich cyfrinair<\/a>/)
    const wrong = await new Agent(get().app).post('/cy/password-reset', { email: 'not an address' })
    inWelsh('/cy/password-reset (errors)', wrong, 400)
    assert.match(wrong.body, /Rhowch gyfeiriad e-bost yn y fformat cywir/)
  })

  it('says in Welsh how long to wait after too many failed sign-ins', async () => {
    const address = '203.0.113.77'
    const agent = new Agent(get().app)
    let res = await agent.post('/cy/sign-in', { email: 'guessed@example.org', password: 'wrong guess 0' }, { address })
    for (let i = 1; i < 8 && res.statusCode !== 429; i++) {
      res = await agent.post('/cy/sign-in', { email: 'guessed@example.org', password: `wrong guess ${i}` }, { address })
    }
    inWelsh('/cy/sign-in (429)', res, 429)
    assert.match(res.body, /Bu gormod o ymdrechion aflwyddiannus i fewngofnodi\. Arhoswch \d+ eiliad, yna rhowch gynnig arall arni/)
  })

  it('shows choosing a password, and its rules and errors, in Welsh', async () => {
    const { app, handle } = get()
    const { userId } = await signedInAgent(app, handle.db, 'officer', 'home-council')
    const token = await handle.db.transaction((tx) => issueAccountToken(tx, userId, 'password-reset'))
    const agent = new Agent(app)
    const page = await agent.get(`/cy/account/set-password/${token}`)
    inWelsh('/cy/account/set-password', page)
    assert.match(page.body, /Dewiswch gyfrinair newydd/)
    assert.match(page.body, /Defnyddiwch 12 nod neu fwy/)
    const short = await agent.post(`/cy/account/set-password/${token}`, { password: 'short', confirm: 'short' })
    inWelsh('/cy/account/set-password (errors)', short, 400)
    assert.match(short.body, /Rhaid i’r cyfrinair fod yn 12 nod neu fwy/)
  })

  it('shows the account page in Welsh, with an editor’s choice of submission emails', async () => {
    const { agent } = await signedInAgent(get().app, get().handle.db, 'editor')
    const page = await agent.get('/cy/account?saved=1')
    inWelsh('/cy/account', page)
    assert.match(page.body, /<h1 class="govuk-heading-l">Eich cyfrif<\/h1>/)
    assert.match(page.body, /Golygydd/)
    assert.match(page.body, /E-byst am gyflwyniadau/)
    assert.match(page.body, /Mae eich dewis wedi’i gadw/)
    const wrong = await agent.post('/cy/account/submission-emails', { submissionEmails: 'weekly' })
    inWelsh('/cy/account (errors)', wrong, 400)
    assert.match(wrong.body, /Dewiswch sut rydych chi eisiau clywed am gyflwyniadau/)
  })

  it('keeps a signed-in person’s choice from the header’s switch, and lands them on the same page in it', async () => {
    const { app, handle } = get()
    const { agent, userId, email } = await signedInAgent(app, handle.db, 'officer', 'home-council')
    const page = await agent.get('/members?x=1')
    // Signed in, the switch is a form that saves the choice; the page it came from goes with it.
    assert.match(page.body, /<form method="post" action="\/account\/language" class="coophub-language-form"/)
    assert.match(page.body, /<input type="hidden" name="return" value="\/members\?x=1">/)
    assert.match(page.body, /<button type="submit" name="language" value="cy"[^>]*lang="cy">Cymraeg/)
    const switched = await agent.post('/account/language', { language: 'cy', return: '/members?x=1' })
    assert.equal(switched.statusCode, 303)
    assert.equal(switched.headers.location, '/cy/members?x=1')
    const language = async () => (await handle.db.select({ language: users.language }).from(users).where(eq(users.id, userId)))[0]!.language
    assert.equal(await language(), 'cy')
    const welsh = await agent.get('/cy/members?x=1')
    assert.match(welsh.body, /<form method="post" action="\/cy\/account\/language" class="coophub-language-form"/)
    assert.match(welsh.body, /<button type="submit" name="language" value="en"[^>]*lang="en">English/)

    // Signing in again lands in the language chosen.
    const again = new Agent(app)
    const signedIn = await again.post('/sign-in', { email, password: 'correct horse battery staple', next: '/account' })
    assert.equal(signedIn.headers.location, '/cy/account')

    // Back to English from a Welsh page; a return path to another site goes to the dashboard instead.
    const back = await agent.post('/cy/account/language', { language: 'en', return: '/cy/members' })
    assert.equal(back.headers.location, '/members')
    assert.equal(await language(), 'en')
    for (const evil of ['//evil.example', '/\\evil.example', 'https://evil.example/', '/cy//evil.example']) {
      const res = await agent.post('/account/language', { language: 'cy', return: evil })
      assert.equal(res.headers.location, '/cy/dashboard', evil)
    }
    const audited = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, 'language-chosen'))
    assert.ok(audited.some((e) => e.subjectId === String(userId)))
  })

  it('keeps an anonymous visitor’s switch a plain link that saves nothing', async () => {
    const res = await get().app.inject('/members?x=1')
    assert.match(res.body, /<a class="govuk-language-navigation__link" href="\/cy\/members\?x=1" rel="alternate" lang="cy" hreflang="cy">Cymraeg/)
    assert.doesNotMatch(res.body, /coophub-language-form/)
    assert.equal(res.headers['set-cookie'], undefined)
    const welsh = await get().app.inject({ url: '/members', headers: { 'accept-language': 'cy' } })
    assert.equal(welsh.statusCode, 200)
    assert.match(welsh.body, /<html lang="en"/)
  })
})
