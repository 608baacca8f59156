// The dashboard in Welsh: an officer's own work, an editor's "waiting for your review", the banner after a submission.
import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { describeEachDatabase } from '../../../test/app.ts'
import { signedInAgent } from '../../../test/agent.ts'
import { buildCaseStudy, buildOrganisation } from '../../../test/factories.ts'
import { englishOn } from '../../../test/welsh.ts'
import { caseStudies } from '../../db/schema/index.ts'

describeEachDatabase('the dashboard in Welsh', (get) => {
  before(async () => {
    const { handle } = get()
    const home = await buildOrganisation(handle.db, { slug: 'home-council', name: 'Home Council' })
    const study = await buildCaseStudy(handle.db, { slug: 'waiting', title: 'Waiting one', leadId: home.id, status: 'draft' })
    await handle.db
      .update(caseStudies)
      .set({ reviewState: 'submitted', submittedAt: new Date('2026-03-05T10:00:00Z') })
      .where(eq(caseStudies.id, study.id))
  })

  const inWelsh = (body: string) => {
    assert.match(body, /<html lang="cy"/)
    assert.deepEqual(englishOn(body), [])
  }

  it('shows an officer’s work in Welsh, with the banner after a submission', async () => {
    const { agent } = await signedInAgent(get().app, get().handle.db, 'officer', 'home-council')
    const res = await agent.get('/cy/dashboard?submitted=waiting')
    assert.equal(res.statusCode, 200)
    inWelsh(res.body)
    assert.match(res.body, /<h1 class="govuk-heading-l">Eich gwaith<\/h1>/)
    assert.match(res.body, /Wedi mewngofnodi fel Test officer \d+, Home Council\./)
    assert.match(res.body, /Mae “Waiting one” wedi’i hanfon at y golygyddion/)
    assert.match(res.body, /Astudiaethau achos eich sefydliad/)
    assert.match(res.body, /Ysgrifennu astudiaeth achos newydd/)
  })

  it('shows an editor what waits for review in Welsh, dates in Welsh', async () => {
    const { agent } = await signedInAgent(get().app, get().handle.db, 'editor')
    const res = await agent.get('/cy/dashboard')
    assert.equal(res.statusCode, 200)
    inWelsh(res.body)
    assert.match(res.body, /Yn aros i chi eu hadolygu/)
    assert.match(res.body, /\(Home Council, cyflwynwyd 5 Mawrth 2026\)/)
    assert.match(res.body, /Dydych chi ddim wedi ysgrifennu unrhyw astudiaethau achos eto\./)
  })
})
