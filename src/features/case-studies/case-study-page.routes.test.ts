import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { describeEachDatabase } from '../../../test/app.ts'
import { buildCaseStudy, buildOrganisation, buildPerson, buildPrinciple, buildTheme } from '../../../test/factories.ts'
import { mainOf, unsafeMarkup } from '../../../test/html-safety.ts'

describeEachDatabase('GET /case-studies/:slug', (get) => {
  before(async () => {
    const { db } = get().handle
    const sharing = await buildPrinciple(db, { slug: 'sharing', shortName: 'Sharing power', statement: 'We share power with residents.' })
    const lead = await buildOrganisation(db, { slug: 'lead-council', name: 'Lead Council' })
    const partner = await buildOrganisation(db, { slug: 'partner-org', name: 'Partner Org', tier: 'none', kind: 'organisation' })
    const funder = await buildOrganisation(db, { slug: 'funder-org', name: 'Funder Org', tier: 'none', kind: 'organisation' })
    const participant = await buildOrganisation(db, { slug: 'participant-council', name: 'Participant Council' })
    const consenting = await buildPerson(db, {
      name: 'Pat Open',
      jobTitle: 'Policy Lead',
      organisationId: lead.id,
      email: 'pat@example.org',
      phone: '01632 960111',
      publishContact: true,
    })
    const private_ = await buildPerson(db, {
      name: 'Sam Private',
      jobTitle: 'Officer',
      organisationId: lead.id,
      email: 'sam@example.org',
      phone: '01632 960222',
      publishContact: false,
    })
    const theme = await buildTheme(db, 'Food')
    await buildCaseStudy(db, {
      slug: 'full-story',
      title: 'The full story',
      summary: 'A short summary.',
      body: '## About the project\n\nWe grew food. [Plan](https://example.org/plan)',
      outcomes: '- Forty new growers',
      kind: 'policy-lab',
      yearStart: 2020,
      yearEnd: 2022,
      leadId: lead.id,
      participantIds: [participant.id],
      partnerIds: [partner.id],
      funderIds: [funder.id],
      principleIds: [sharing.id],
      themeIds: [theme.id],
      contactPersonId: consenting.id,
    })
    await buildCaseStudy(db, { slug: 'private-contact', leadId: lead.id, contactPersonId: private_.id })
    await buildCaseStudy(db, { slug: 'a-draft', status: 'draft', leadId: lead.id })
    await buildCaseStudy(db, { slug: 'archived-one', status: 'archived', leadId: lead.id })
    await buildCaseStudy(db, {
      slug: 'hostile',
      leadId: lead.id,
      title: '<script>alert("title")</script>',
      summary: '<img src=x onerror=alert(1)>',
      body: '<script>alert(1)</script>\n\n[x](javascript:alert(1))\n\n<a href="#" onclick="alert(1)">y</a>',
      outcomes: '<iframe src="https://evil.example"></iframe>',
    })
  })

  it('shows every part of a published case study', async () => {
    const res = await get().app.inject('/case-studies/full-story')
    assert.equal(res.statusCode, 200)
    const html = res.body
    assert.match(html, /<h1 class="govuk-heading-xl">The full story<\/h1>/)
    assert.match(html, /A short summary\./)
    assert.match(html, /Policy lab/)
    assert.match(html, /2020 to 2022/)
    assert.match(html, /Lead member[\s\S]*href="\/members\/lead-council">Lead Council</)
    assert.match(html, /Participating members[\s\S]*href="\/members\/participant-council">Participant Council</)
    assert.match(html, /Partners[\s\S]*Partner Org/)
    assert.match(html, /Funders[\s\S]*Funder Org/)
    assert.match(html, /href="\/principles\/sharing">Sharing power</)
    assert.match(html, /We share power with residents\./)
    assert.match(html, /<h2>About the project<\/h2>/)
    assert.match(html, /Forty new growers/)
    assert.match(html, /Food/)
    assert.match(html, /Pat Open[\s\S]*Policy Lead[\s\S]*Lead Council/)
    assert.match(html, /mailto:pat@example.org/)
    assert.match(html, /01632 960111/)
    assert.match(html, /Last updated <time datetime="/)
    // Below the title every section heading is one size, the story's own headings included.
    const sectionHeadings = [...html.matchAll(/<h2 class="([^"]+)"[^>]*>([^<]+)<\/h2>/g)].map((m) => `${m[2]}: ${m[1]}`)
    assert.deepEqual(
      sectionHeadings.filter((h) => /^(Outcomes and lessons|Contact|Principles met|Themes):/.test(h)),
      ['Outcomes and lessons: govuk-heading-m', 'Contact: govuk-heading-m', 'Principles met: govuk-heading-m', 'Themes: govuk-heading-m'],
    )
  })

  it('hides email and phone of a contact who did not agree to publish them', async () => {
    const res = await get().app.inject('/case-studies/private-contact')
    assert.match(res.body, /Sam Private/)
    assert.doesNotMatch(res.body, /sam@example.org/)
    assert.doesNotMatch(res.body, /01632 960222/)
  })

  it('answers 404 for drafts, archived, unknown and malformed slugs', async () => {
    for (const slug of ['a-draft', 'archived-one', 'no-such-thing', 'BAD%20slug', '%00', 'a'.repeat(200), '..%2F..%2Fetc']) {
      const res = await get().app.inject(`/case-studies/${slug}`)
      assert.equal(res.statusCode, 404, slug)
      assert.match(res.body, /Page not found/)
    }
  })

  it('escapes and sanitises every text field', async () => {
    const res = await get().app.inject('/case-studies/hostile')
    assert.equal(res.statusCode, 200)
    assert.deepEqual(unsafeMarkup(mainOf(res.body)), [])
    assert.match(mainOf(res.body), /&lt;script&gt;alert\(&quot;title&quot;\)&lt;\/script&gt;/)
  })
})
