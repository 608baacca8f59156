import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { describeEachDatabase } from '../../../test/app.ts'
import { buildCaseStudy, buildPrinciple } from '../../../test/factories.ts'
import { caseStudies } from '../../db/schema/index.ts'

// A case study's page says which language its text is in, links to its version in the other
// language, and shows principles in the page's language where they have a Welsh wording.

describeEachDatabase('a case study and its translation on their public pages', (get) => {
  before(async () => {
    const { db } = get().handle
    const sharing = await buildPrinciple(db, {
      slug: 'sharing-power',
      shortName: 'Sharing power',
      statement: 'We share power.',
      shortNameCy: 'Rhannu pŵer',
      statementCy: 'Rydym yn rhannu pŵer.',
    })
    const learning = await buildPrinciple(db, { slug: 'learning', shortName: 'Learning', statement: 'We learn.' })
    const english = await buildCaseStudy(db, { slug: 'housing-co-ops', title: 'Housing co-operatives', principleIds: [sharing.id, learning.id] })
    await db.update(caseStudies).set({ translationGroup: english.id }).where(eq(caseStudies.id, english.id))
    await buildCaseStudy(db, {
      slug: 'tai-cydweithredol',
      title: 'Tai cydweithredol',
      summary: 'Cynghorau yn gweithio gyda thenantiaid.',
      body: 'Mae’r cyngor yn cefnogi tai cydweithredol.',
      language: 'cy',
      translationGroup: english.id,
      principleIds: [sharing.id],
    })
    await buildCaseStudy(db, { slug: 'draft-welsh', title: 'Drafft', language: 'cy', status: 'draft' })
  })

  it('marks a Welsh case study lang="cy" on an English page and links to the English version', async () => {
    const page = await get().app.inject({ url: '/case-studies/tai-cydweithredol' })
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /<html lang="en"/)
    assert.match(page.body, /<h1 class="govuk-heading-xl" lang="cy">Tai cydweithredol<\/h1>/)
    assert.match(page.body, /data-qa="case-study-body" lang="cy">/)
    assert.match(page.body, /<a class="govuk-link" href="\/case-studies\/housing-co-ops" hreflang="en" rel="alternate">Read this case study in English<\/a>/)
  })

  it('on a Welsh page, leaves Welsh text unmarked and links to the English version at its English address', async () => {
    const page = await get().app.inject({ url: '/cy/case-studies/tai-cydweithredol' })
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /<h1 class="govuk-heading-xl">Tai cydweithredol<\/h1>/)
    assert.match(page.body, /href="\/case-studies\/housing-co-ops" hreflang="en" rel="alternate">Darllenwch yr astudiaeth achos hon yn Saesneg<\/a>/)
    assert.match(page.body, /href="\/cy\/principles\/sharing-power">Rhannu pŵer<\/a>/)
    assert.match(page.body, /<p class="govuk-body-s">Rydym yn rhannu pŵer.<\/p>/)
  })

  it('links the English version to the Welsh one, marks English text lang="en" on a Welsh page, and keeps English principles marked', async () => {
    const english = await get().app.inject({ url: '/case-studies/housing-co-ops' })
    assert.match(english.body, /href="\/cy\/case-studies\/tai-cydweithredol" hreflang="cy" rel="alternate">Read this case study in Welsh<\/a>/)
    assert.doesNotMatch(english.body, /data-qa="similar-case-study">\s*<a[^>]*tai-cydweithredol/)
    const welsh = await get().app.inject({ url: '/cy/case-studies/housing-co-ops' })
    assert.match(welsh.body, /<h1 class="govuk-heading-xl" lang="en">Housing co-operatives<\/h1>/)
    assert.match(welsh.body, /href="\/cy\/case-studies\/tai-cydweithredol" hreflang="cy" rel="alternate">Darllenwch yr astudiaeth achos hon yn Gymraeg<\/a>/)
    assert.match(welsh.body, /href="\/cy\/principles\/learning" lang="en">Learning<\/a>/)
    assert.match(welsh.body, /<p class="govuk-body-s" lang="en">We learn.<\/p>/)
  })

  it('has no link to a translation that is not public', async () => {
    const { db } = get().handle
    const lone = await buildCaseStudy(db, { slug: 'lone', title: 'Lone' })
    const [draft] = await db.select().from(caseStudies).where(eq(caseStudies.slug, 'draft-welsh'))
    await db.update(caseStudies).set({ translationGroup: lone.id }).where(eq(caseStudies.id, lone.id))
    await db.update(caseStudies).set({ translationGroup: lone.id }).where(eq(caseStudies.id, draft!.id))
    const page = await get().app.inject({ url: '/case-studies/lone' })
    assert.equal(page.statusCode, 200)
    assert.doesNotMatch(page.body, /data-qa="translation"/)
  })
})
