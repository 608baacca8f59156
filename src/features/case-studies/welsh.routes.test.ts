// The public case-study page in Welsh: the page's words from the catalogue, the case study's own
// text (English content) marked lang="en".
import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { describeEachDatabase } from '../../../test/app.ts'
import { buildCaseStudy, buildOrganisation, buildPerson, buildPrinciple, buildTheme } from '../../../test/factories.ts'
import { englishOn, visibleText } from '../../../test/welsh.ts'

describeEachDatabase('the case-study page in Welsh', (get) => {
  before(async () => {
    const { db } = get().handle
    const sharing = await buildPrinciple(db, { slug: 'sharing', shortName: 'Sharing power', statement: 'We share power with residents.' })
    const lead = await buildOrganisation(db, { slug: 'lead-council', name: 'Lead Council' })
    const funder = await buildOrganisation(db, { slug: 'funder-org', name: 'Funder Org', tier: 'none', kind: 'organisation' })
    const contact = await buildPerson(db, {
      name: 'Pat Open',
      jobTitle: 'Policy Lead',
      organisationId: lead.id,
      email: 'pat@example.org',
      phone: '01632 960111',
      publishContact: true,
    })
    const housing = await buildTheme(db, 'Housing')
    const energy = await buildTheme(db, 'Energy')
    const common = { leadId: lead.id, principleIds: [sharing.id], themeIds: [housing.id, energy.id] }
    await buildCaseStudy(db, {
      ...common,
      slug: 'full-story',
      title: 'The full story',
      summary: 'A short summary of the work.',
      body: '## About the project\n\nWe grew food together with the residents.',
      outcomes: '- Forty new growers joined the scheme',
      kind: 'action-learning-set',
      yearStart: 2020,
      yearEnd: 2022,
      funderIds: [funder.id],
      contactPersonId: contact.id,
    })
    await buildCaseStudy(db, { ...common, slug: 'next-door', title: 'The story next door' })
  })

  it('shows the page in Welsh, its content marked as English', async () => {
    const res = await get().app.inject('/cy/case-studies/full-story')
    assert.equal(res.statusCode, 200)
    assert.match(res.body, /<html lang="cy"/)
    assert.deepEqual(englishOn(res.body), [])
    for (const welsh of [
      'Set dysgu gweithredol, 2020 i 2022',
      'Yr aelod arweiniol',
      'Cyllidwyr',
      'Blynyddoedd',
      'Canlyniadau a gwersi',
      'Cyswllt',
      'Ffôn: 01632 960111',
      'Egwyddorion ar waith',
      'Themâu',
      'Astudiaethau achos tebyg',
      'Diweddarwyd ddiwethaf',
      'Hafan',
    ]) {
      assert.ok(res.body.includes(welsh), welsh)
    }
    assert.match(res.body, /E-bost: <a class="govuk-link" href="mailto:pat@example.org">pat@example.org<\/a>/)
    // Month names in Welsh.
    assert.match(res.body, /<time datetime="[^"]+">\d+ (Ionawr|Chwefror|Mawrth|Ebrill|Mai|Mehefin|Gorffennaf|Awst|Medi|Hydref|Tachwedd|Rhagfyr) \d{4}<\/time>/)
    assert.match(res.body, /<h1 class="govuk-heading-xl" lang="en">The full story<\/h1>/)
    assert.match(res.body, /Themâu cyffredin: <span lang="en">(Housing|Energy)<\/span> ac? <span lang="en">(Housing|Energy)<\/span>\./)
    const text = visibleText(res.body)
    for (const content of [
      'The full story',
      'A short summary',
      'We grew food',
      'Forty new growers',
      'Lead Council',
      'Funder Org',
      'Sharing power',
      'We share power',
      'Housing',
      'Policy Lead',
      'The story next door',
    ]) {
      assert.ok(!text.includes(content), `${content} is not marked lang="en"`)
    }
  })

  it('keeps the English page as it was, with no lang on its content', async () => {
    const res = await get().app.inject('/case-studies/full-story')
    assert.match(res.body, /Action-learning set, 2020 to 2022/)
    assert.match(res.body, /Both about (Housing|Energy) and (Housing|Energy)\. Both meet Sharing power\./)
    assert.match(res.body, /<h1 class="govuk-heading-xl">The full story<\/h1>/)
    const main = res.body.slice(res.body.indexOf('<main'), res.body.indexOf('</main>'))
    assert.ok(main.length > 0 && !main.includes(' lang="en"'))
  })
})
