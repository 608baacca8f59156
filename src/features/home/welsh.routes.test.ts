// The home page in Welsh: its words from the catalogue, the case studies and principles it lists
// marked as English content.
import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { describeEachDatabase } from '../../../test/app.ts'
import { buildCaseStudy, buildOrganisation, buildPrinciple } from '../../../test/factories.ts'
import { englishOn, visibleText } from '../../../test/welsh.ts'

describeEachDatabase('the home page in Welsh', (get) => {
  before(async () => {
    const { db } = get().handle
    const principle = await buildPrinciple(db, { slug: 'sharing', shortName: 'Sharing power' })
    const lead = await buildOrganisation(db, { slug: 'home-council', name: 'Home Council' })
    await buildCaseStudy(db, {
      slug: 'allotments',
      title: 'Allotments for all',
      kind: 'policy-lab',
      yearStart: 2021,
      yearEnd: 2023,
      leadId: lead.id,
      principleIds: [principle.id],
    })
    await buildCaseStudy(db, { slug: 'repair-cafe', title: 'A repair cafe', leadId: lead.id })
  })

  it('shows the home page in Welsh, the case studies and principles marked as English', async () => {
    const res = await get().app.inject('/cy')
    assert.equal(res.statusCode, 200)
    assert.match(res.body, /<html lang="cy"/)
    assert.deepEqual(englishOn(res.body), [])
    assert.match(res.body, /Chwilio 2 astudiaeth achos/)
    assert.match(res.body, /Yr astudiaethau achos diweddaraf/)
    assert.match(res.body, /Ein hegwyddorion/)
    assert.match(res.body, /\(1 astudiaeth achos\)/)
    assert.match(res.body, /Labordy polisi/)
    assert.match(res.body, /2021 i 2023/)
    assert.match(res.body, /<a class="govuk-link" href="\/cy\/case-studies\/allotments" lang="en">Allotments for all<\/a>/)
    assert.match(res.body, /<a class="govuk-link" href="\/cy\/principles\/sharing" lang="en">Sharing power<\/a>/)
    const text = visibleText(res.body)
    for (const content of ['Allotments for all', 'Sharing power', 'Home Council']) assert.ok(!text.includes(content), `${content} is not marked lang="en"`)
  })

  it('keeps the English home page as it was', async () => {
    const res = await get().app.inject('/')
    assert.match(res.body, /Search 2 case studies/)
    assert.match(res.body, /\(1 case study\)/)
    assert.match(res.body, /2021 to 2023/)
    assert.doesNotMatch(res.body, /lang="en">Allotments/)
  })
})
