// Every page in both languages: /cy/x answers as /x does, says it is in Welsh, offers the other
// language with the query string kept, and keeps its links and redirects in Welsh.
import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { describeEachDatabase } from '../../test/app.ts'
import { Agent, signedInAgent } from '../../test/agent.ts'
import { buildCaseStudy, buildOrganisation, buildPerson, buildPrinciple } from '../../test/factories.ts'
import { englishOn, englishPhrasesOn } from '../../test/welsh.ts'
import { htmlErrors } from '../../test/html-validity.ts'
import { buildInvoice } from '../../test/invoices.ts'
import { eq } from 'drizzle-orm'
import { bidComments, calls, users } from '../db/schema/index.ts'
import { isLanguageNeutral } from '../i18n/locales.ts'
import { buildBid, buildCall } from '../../test/co-production.ts'
import { buildFundedProject } from '../../test/projects.ts'
import { buildEvent } from '../../test/events.ts'
import { buildVote } from '../../test/member-vote.ts'

describeEachDatabase('pages in English and Welsh', (get) => {
  let admin: Agent
  const ids: Record<string, string> = {}

  before(async () => {
    const { app, handle } = get()
    const home = await buildOrganisation(handle.db, { slug: 'home-council', name: 'Home Council' })
    const principle = await buildPrinciple(handle.db, { slug: 'sharing', shortName: 'Sharing power' })
    const person = await buildPerson(handle.db, { organisationId: home.id })
    await buildCaseStudy(handle.db, { slug: 'target', title: 'Target', leadId: home.id, principleIds: [principle.id] })
    const signedIn = await signedInAgent(app, handle.db, 'admin')
    admin = signedIn.agent
    ids.invoice = (await buildInvoice(handle.db, get().config)).number
    ids.calls = String((await buildCall(handle.db, { slug: 'target', principleIds: [principle.id], settings: { leadTiers: ['full'], minWorkingGroup: 2 } })).id)
    ids.bids = String((await buildBid(handle.db, { callId: Number(ids.calls), leadOrganisationId: home.id, status: 'submitted' })).id)
    // Decided by a member vote that is open: its ballot page and the administrators' are crawled too.
    await handle.db
      .update(calls)
      .set({ decisionMethod: 'member-vote' })
      .where(eq(calls.id, Number(ids.calls)))
    await buildVote(handle.db, Number(ids.calls))
    const [comment] = await handle.db
      .insert(bidComments)
      .values({ bidId: Number(ids.bids), authorLabel: 'Someone', body: 'A comment' })
      .returning()
    ids.comments = String(comment!.id)
    ids.reports = String((await buildFundedProject(handle.db, { leadOrganisationId: home.id, title: 'Target' })).reports[0]!.id)
    await buildEvent(handle.db, { slug: 'target', title: 'Target event', principleIds: [principle.id] })
    Object.assign(ids, { organisations: String(home.id), principles: String(principle.id), contacts: String(person.id), users: String(signedIn.userId) })
  })

  /** A real address for each GET route of the app: its parameters filled with the rows made above. */
  const pages = () =>
    [
      ...new Set(
        get()
          .app.routeTable.filter((r) => r.method === 'GET')
          .map((r) => r.url),
      ),
    ]
      .filter((url) => !url.includes('*'))
      .map((url) =>
        url
          .replace(/^\/(members|organisations)\/:slug/, '/$1/home-council')
          .replace(/^\/principles\/:slug/, '/principles/sharing')
          .replace(':slug', 'target')
          .replace(/^\/bids\/:id/, () => `/bids/${ids.bids}`)
          .replace(':commentId', () => ids.comments!)
          .replace(/^\/projects\/target\/reports\/:id/, () => `/projects/target/reports/${ids.reports}`)
          .replace(':token', 'a'.repeat(43))
          .replace(/^\/admin\/membership\/invoices\/:number/, `/admin/membership/invoices/${ids.invoice}`)
          .replace(/^\/admin\/(\w+)\/:id/, (_m, kind: string) => `/admin/${kind}/${ids[kind] ?? '1'}`),
      )

  it('answers every GET route in Welsh as in English, signed in and not', async () => {
    const { app } = get()
    const differ: string[] = []
    for (const url of pages()) {
      const welsh = url === '/' ? '/cy' : `/cy${url}`
      for (const [who, get] of [
        ['anonymous', (u: string) => app.inject(u)],
        ['admin', (u: string) => admin.get(u)],
      ] as const) {
        const [en, cy] = [await get(url), await get(welsh)]
        if (en.statusCode !== cy.statusCode) differ.push(`${who} ${url}: ${en.statusCode}, ${welsh}: ${cy.statusCode}`)
        if (cy.statusCode === 200 && String(cy.headers['content-type']).startsWith('text/html') && !/<html lang="cy"/.test(cy.body)) {
          differ.push(`${who} ${welsh}: not <html lang="cy">`)
        }
      }
    }
    assert.deepEqual(differ, [])
    assert.ok(pages().length >= 30, String(pages().length))
  })

  it('serves valid HTML on every page, in both languages, signed in and not', async () => {
    const { app } = get()
    const invalid: string[] = []
    let checked = 0
    for (const url of pages()) {
      for (const address of [url, url === '/' ? '/cy' : `/cy${url}`]) {
        for (const [who, read] of [
          ['anonymous', (u: string) => app.inject(u)],
          ['admin', (u: string) => admin.get(u)],
        ] as const) {
          const res = await read(address)
          if (!String(res.headers['content-type']).startsWith('text/html')) continue
          checked++
          const errors = await htmlErrors(res.body)
          if (errors.length > 0) invalid.push(`${who} ${address} (${res.statusCode}): ${errors.slice(0, 3).join(' | ')}`)
        }
      }
    }
    assert.deepEqual(invalid, [])
    assert.ok(checked >= 100, `${checked} pages checked`)
  })

  it('keeps a Welsh page’s links under /cy, but files, feeds and the API', async () => {
    for (const url of ['/cy', '/cy/members', '/cy/case-studies/target', '/cy/principles']) {
      const res = await admin.get(url)
      const links = [...res.body.matchAll(/<(?:a|form)\s[^>]*?(?:href|action)="(\/[^"/][^"]*|\/)"([^>]*)>/g)]
      const english = links.filter(([tag, href]) => !tag.includes('rel="alternate"') && !isLanguageNeutral(href!) && !href!.startsWith('/cy'))
      assert.deepEqual(
        english.map(([, href]) => href),
        [],
        url,
      )
    }
  })

  it('offers the other language of the same page, query string kept, and says so in <head>', async () => {
    const { app } = get()
    const en = await app.inject('/case-studies?q=housing&page=1')
    assert.match(en.body, /<html lang="en"/)
    assert.match(
      en.body,
      /<a class="govuk-language-navigation__link" href="\/cy\/case-studies\?q=housing&amp;page=1" rel="alternate" lang="cy" hreflang="cy">Cymraeg/,
    )
    assert.match(en.body, /<span class="govuk-language-navigation__text" aria-current="true" lang="en">English<\/span>/)
    const cy = await app.inject('/cy/members?x=1')
    assert.match(cy.body, /<html lang="cy"/)
    assert.match(cy.body, /<a class="govuk-language-navigation__link" href="\/members\?x=1" rel="alternate" lang="en" hreflang="en">English/)
    for (const body of [en.body, cy.body]) {
      assert.match(body, /<link rel="alternate" hreflang="en" href="\/(case-studies\?q=housing&amp;page=1|members\?x=1)">/)
      assert.match(body, /<link rel="alternate" hreflang="cy" href="\/cy\/(case-studies\?q=housing&amp;page=1|members\?x=1)">/)
      assert.match(body, /<link rel="alternate" hreflang="x-default" href="\/(case-studies|members)/)
    }
  })

  it('caches each language of a page apart', async () => {
    const { app } = get()
    await app.inject('/principles')
    const cy = await app.inject('/cy/principles')
    assert.match(cy.body, /<html lang="cy"/)
    const again = await app.inject('/cy/principles')
    assert.equal(again.headers['x-coophub-cache'], 'hit')
    assert.match(again.body, /<html lang="cy"/)
  })

  it('redirects a Welsh form post to a Welsh page, CSRF and session as in English', async () => {
    const { app } = get()
    const agent = new Agent(app)
    const refused = await agent.post('/cy/sign-out', {}, { csrf: false })
    assert.equal(refused.statusCode, 403)
    assert.match(refused.body, /<html lang="cy"/)
    const out = await agent.post('/cy/sign-out', {})
    assert.equal(out.statusCode, 303)
    assert.equal(out.headers.location, '/cy?signed-out=1')
    const needsSignIn = await app.inject('/cy/dashboard')
    assert.equal(needsSignIn.headers.location, '/cy/sign-in?next=%2Fdashboard')
  })

  it('keeps a person’s choice of language, and shows their account page in it', async () => {
    const { app, handle } = get()
    const { agent, userId } = await signedInAgent(app, handle.db, 'officer', 'home-council')
    const chosen = await agent.post('/account/language', { language: 'cy' })
    assert.equal(chosen.statusCode, 303)
    assert.equal(chosen.headers.location, '/cy/account?saved=1')
    const [row] = await handle.db.select({ language: users.language }).from(users).where(eq(users.id, userId))
    assert.equal(row!.language, 'cy')
    const back = await agent.post('/cy/account/language', { language: 'en' })
    assert.equal(back.headers.location, '/account?saved=1')
    const wrong = await agent.post('/cy/account/language', { language: 'fr' })
    assert.equal(wrong.statusCode, 400)
    assert.match(wrong.body, /Dewiswch yr iaith rydych chi ei heisiau/)
  })

  it('shows no English on any Welsh page, from the catalogue or left in a template, signed in and not', async () => {
    const { app } = get()
    const english: string[] = []
    for (const url of pages()) {
      const welsh = url === '/' ? '/cy' : `/cy${url}`
      for (const [who, read] of [
        ['anonymous', (u: string) => app.inject(u)],
        ['admin', (u: string) => admin.get(u)],
      ] as const) {
        const res = await read(welsh)
        if (!String(res.headers['content-type']).startsWith('text/html')) continue
        const found = [...englishOn(res.body).map((e) => e.phrase), ...englishPhrasesOn(res.body)]
        if (found.length > 0) english.push(`${who} ${welsh} (${res.statusCode}): ${found.slice(0, 3).join(' | ')}`)
      }
    }
    assert.deepEqual(english, [])
  })

  it('shows no English sentence of the catalogue on the converted Welsh pages', async () => {
    const { app } = get()
    const csrf = await new Agent(app).post('/cy/sign-out', {}, { csrf: false })
    for (const [url, res] of [
      ['/cy/no-such-page', await app.inject('/cy/no-such-page')],
      ['/cy/admin (forbidden)', await (await signedInAgent(app, get().handle.db, 'officer', 'home-council')).agent.get('/cy/admin')],
      ['/cy/sign-out (CSRF)', csrf],
    ] as const) {
      assert.match(res.body, /<html lang="cy"/, url)
      assert.deepEqual(englishOn(res.body), [], url)
    }
    // The check sees English when it is there.
    assert.notDeepEqual(englishOn((await app.inject('/no-such-page')).body), [])
  })
})
