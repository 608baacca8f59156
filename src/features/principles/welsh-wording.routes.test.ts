import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { describeEachDatabase } from '../../../test/app.ts'
import { inputValue, summaryLinks } from '../../../test/admin-support.ts'
import { signedInAgent, type Agent } from '../../../test/agent.ts'
import { buildCaseStudy, buildPrinciple } from '../../../test/factories.ts'
import { principles } from '../../db/schema/index.ts'

// A principle's Welsh wording: edited by an admin beside the English, shown on Welsh pages.

describeEachDatabase('principles’ Welsh wordings', (get) => {
  let admin: Agent
  before(async () => {
    admin = (await signedInAgent(get().app, get().handle.db, 'admin')).agent
  })

  it('lets an admin add, change and clear the Welsh short name and statement, with the English unchanged', async () => {
    const { db } = get().handle
    const p = await buildPrinciple(db, { slug: 'co-production', shortName: 'Co-production', statement: 'We make services with residents.' })
    const form = await admin.get(`/admin/principles/${p.id}`)
    assert.match(form.body, /Short name in Welsh \(optional\)/)
    assert.match(form.body, /id="shortNameCy" name="shortNameCy" type="text" lang="cy"|lang="cy"[^>]*id="shortNameCy"|id="shortNameCy"[^>]*lang="cy"/)
    const version = inputValue(form.body, 'version') ?? ''
    const values = { shortName: 'Co-production', slug: 'co-production', statement: 'We make services with residents.', position: String(p.position), version }
    const saved = await admin.post(`/admin/principles/${p.id}`, {
      ...values,
      shortNameCy: ' Cydgynhyrchu ',
      statementCy: 'Rydym yn creu gwasanaethau gyda thrigolion.',
    })
    assert.equal(saved.statusCode, 303, saved.body)
    const [row] = await db.select().from(principles).where(eq(principles.id, p.id))
    assert.equal(row!.shortNameCy, 'Cydgynhyrchu')
    assert.equal(row!.statementCy, 'Rydym yn creu gwasanaethau gyda thrigolion.')
    assert.equal(row!.shortName, 'Co-production')

    const again = await admin.get(`/admin/principles/${p.id}`)
    assert.equal(inputValue(again.body, 'shortNameCy'), 'Cydgynhyrchu')
    const cleared = await admin.post(`/admin/principles/${p.id}`, {
      ...values,
      version: inputValue(again.body, 'version') ?? '',
      shortNameCy: '',
      statementCy: '',
    })
    assert.equal(cleared.statusCode, 303)
    const [after] = await db.select().from(principles).where(eq(principles.id, p.id))
    assert.equal(after!.shortNameCy, null)
    assert.equal(after!.statementCy, null)
  })

  it('says when a Welsh wording is too long, in English and in Welsh', async () => {
    const base = { shortName: 'Open books', slug: '', statement: 'We publish our accounts.', position: '' }
    const english = await admin.post('/admin/principles', { ...base, shortNameCy: 'c'.repeat(121), statementCy: 'd'.repeat(2001) })
    assert.equal(english.statusCode, 400)
    assert.deepEqual(summaryLinks(english.body), [
      '#shortNameCy Short name in Welsh must be 120 characters or fewer',
      '#statementCy Statement in Welsh must be 2,000 characters or fewer',
    ])
    const welsh = await admin.post('/cy/admin/principles', { ...base, shortNameCy: 'c'.repeat(121) })
    assert.equal(welsh.statusCode, 400)
    assert.match(welsh.body, /Rhaid i’r enw byr yn Gymraeg fod yn 120 nod neu lai/)
  })

  it('shows the Welsh wording on Welsh pages and the English, marked lang="en", where there is none', async () => {
    const { app, handle } = get()
    const welsh = await buildPrinciple(handle.db, {
      slug: 'rhannu',
      shortName: 'Sharing power',
      statement: 'We share power.',
      shortNameCy: 'Rhannu pŵer',
      statementCy: 'Rydym yn rhannu pŵer.',
    })
    await buildPrinciple(handle.db, { slug: 'only-english', shortName: 'Only English', statement: 'We have no Welsh yet.' })
    await buildCaseStudy(handle.db, { title: 'Listed', principleIds: [welsh.id] })
    const list = await app.inject({ url: '/cy/principles' })
    assert.match(list.body, /href="\/cy\/principles\/rhannu">Rhannu pŵer<\/a>/)
    assert.match(list.body, /<p class="govuk-body govuk-!-margin-bottom-1">Rydym yn rhannu pŵer.<\/p>/)
    assert.match(list.body, /href="\/cy\/principles\/only-english" lang="en">Only English<\/a>/)
    const page = await app.inject({ url: '/cy/principles/rhannu' })
    assert.match(page.body, /<h1 class="govuk-heading-xl">Rhannu pŵer<\/h1>/)
    // The case study's principle tag in the list, and its English title marked.
    assert.match(page.body, /<li><strong class="govuk-tag govuk-tag--grey">Rhannu pŵer<\/strong><\/li>/)
    assert.match(page.body, /href="\/cy\/case-studies\/[a-z0-9-]+" lang="en">Listed<\/a>/)
    const englishPage = await app.inject({ url: '/principles/rhannu' })
    assert.match(englishPage.body, /<h1 class="govuk-heading-xl">Sharing power<\/h1>/)
    const home = await app.inject({ url: '/cy' })
    assert.match(home.body, /href="\/cy\/principles\/rhannu">Rhannu pŵer<\/a>/)
  })
})
