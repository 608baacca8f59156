// A Full member council leads a funded Policy Lab to its end: a visitor reads the project (in
// English and Welsh, and the round history), the lead's officer writes a progress report (told
// what is missing first), writes the final report, closes the project, turns it into a case study
// and lands in the editor with the draft; the network's staff see it in their overview. Every page
// visited passes axe. The project is funded through the co-production commands, as a panel would.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { asc, eq, inArray } from 'drizzle-orm'
import type { BrowserContext, Page } from 'playwright-core'
import { organisations, principles, projectMilestones } from '../src/db/schema/index.ts'
import { buildFundedProject } from '../test/projects.ts'
import { createAccount, signedInPage } from './support/accounts.ts'
import { accessibilityViolations, skipReason } from './support/browser.ts'
import { openJourney, type Journey } from './support/journey.ts'
import { expectNoErrorSummary, textOf } from './support/page-checks.ts'

const skip = skipReason()
const lead = { email: 'officer@northbrook.example.org', organisation: 'northbrook-city-council' }
const title = 'Tenants steer the retrofit of council homes'

describe('the lead reports on and closes a project', { skip }, () => {
  let journey: Journey | undefined
  let page: Page
  let baseUrl = ''
  let projectUrl = ''
  let reportIds: number[] = []
  let milestoneIds: number[] = []
  const contexts: BrowserContext[] = []

  const expectAccessible = async (p: Page = page) => assert.deepEqual(await accessibilityViolations(p), [])
  const expectNoErrors = (p: Page = page) => expectNoErrorSummary(p)

  const signedIn = (email: string) => signedInPage(journey!.browser, contexts, baseUrl, email)

  before(async () => {
    journey = await openJourney(async (site) => {
      const db = site.handle.db
      await createAccount(db, 'secretariat@network.example.org', 'admin')
      await createAccount(db, lead.email, 'officer', lead.organisation)
      const members = await db
        .select({ id: organisations.id, slug: organisations.slug })
        .from(organisations)
        .where(inArray(organisations.slug, [lead.organisation, 'riverside-borough-council', 'eastmoor-district-council']))
      const idOf = (slug: string) => members.find((m) => m.slug === slug)!.id
      const [principle] = await db.select({ id: principles.id }).from(principles).orderBy(asc(principles.position)).limit(1)
      const funded = await buildFundedProject(db, {
        leadOrganisationId: idOf(lead.organisation),
        title,
        memberIds: [idOf('riverside-borough-council'), idOf('eastmoor-district-council')],
        partnerName: 'Northbrook Tenants Federation',
        principleIds: [principle!.id],
        callTitle: 'Policy Labs 2026',
        decidedOn: '2026-05-01',
      })
      projectUrl = `/projects/${funded.project.slug}`
      reportIds = funded.reports.map((r) => r.id)
      milestoneIds = (await db.select({ id: projectMilestones.id }).from(projectMilestones).where(eq(projectMilestones.projectId, funded.project.id))).map(
        (m) => m.id,
      )
    })
    page = journey.page
    baseUrl = journey.site.baseUrl
  })

  after(async () => {
    for (const c of contexts) await c.close()
    await journey?.close()
  })

  it('as a visitor, I read the project, the list of projects and the round history, in English and Welsh', async () => {
    await page.goto(`${baseUrl}${projectUrl}`)
    assert.equal((await page.locator('h1').textContent())?.trim(), title)
    const facts = await textOf(page, '[data-qa="project-facts"]')
    assert.match(facts, /Northbrook City Council/)
    assert.match(facts, /Riverside Borough Council, Eastmoor District Council/)
    assert.match(facts, /Northbrook Tenants Federation/)
    assert.match(facts, /£15,000/)
    assert.match(await textOf(page, '[data-qa="project-status"]'), /Underway/)
    await expectAccessible()
    await page.goto(`${baseUrl}/projects`)
    assert.match(await textOf(page, '[data-qa="projects"]'), new RegExp(title))
    await expectAccessible()
    await page.goto(`${baseUrl}/calls/rounds`)
    assert.match(await textOf(page, '[data-qa="round-words"]'), /the network ran \d+ calls?/)
    await expectAccessible()
    await page.goto(`${baseUrl}/cy${projectUrl}`)
    assert.equal(await page.locator('html').getAttribute('lang'), 'cy')
    await expectAccessible()
  })

  it('as the lead’s officer, I am told what a report needs, save a draft and submit a progress report', async () => {
    const officer = await signedIn(lead.email)
    await officer.goto(`${baseUrl}${projectUrl}`)
    await officer.locator(`[data-qa="write-report-${reportIds[0]}"]`).click()
    await officer.waitForURL(/\/reports\/\d+\/edit$/)
    await expectAccessible(officer)

    await officer.locator('[data-qa="submit-report"]').click()
    await officer.waitForLoadState()
    const errors = await officer.locator('.govuk-error-summary li').allTextContents()
    assert.ok(
      errors.some((e) => /Enter what happened/.test(e)),
      errors.join(' | '),
    )
    await expectAccessible(officer)

    await officer.getByLabel('What happened').fill('We met tenants in **six** workshops across three estates.')
    await officer.getByLabel('Spent to date, in pounds').fill('4,250.50')
    await officer.locator('[data-qa="save-report"]').click()
    await expectNoErrors(officer)
    assert.match(await textOf(officer, '[data-qa="saved-banner"]'), /draft is saved/)
    for (const id of milestoneIds) await officer.check(`input[name="milestone-${id}"][value="on-track"]`)
    await officer.locator('[data-qa="submit-report"]').click()
    await officer.waitForURL(new RegExp(`${projectUrl}\\?submitted=1`))
    await expectNoErrors(officer)
    const report = await textOf(officer, '[data-qa="report"]')
    assert.match(report, /six workshops/)
    assert.match(report, /£4,250.50 of £15,000/)
    await expectAccessible(officer)
  })

  it('as the lead’s officer, I write the final report, close the project and turn it into a case study', async () => {
    const officer = contexts[0]!.pages()[0]!
    await officer.goto(`${baseUrl}${projectUrl}`)
    assert.match(await textOf(officer, 'main'), /Closing asks for the final report/)
    const finalId = reportIds.at(-1)!
    await officer.locator(`[data-qa="write-report-${finalId}"]`).click()
    await officer.waitForURL(new RegExp(`/reports/${finalId}/edit$`))
    await officer.getByLabel('What happened').fill('Tenants co-designed the retrofit of 120 homes.')
    await officer.getByLabel('Outcomes').fill('A tenants’ panel now signs off every retrofit scheme.')
    await officer.getByLabel('Spent to date, in pounds').fill('14,800')
    for (const id of milestoneIds) await officer.check(`input[name="milestone-${id}"][value="done"]`)
    await expectAccessible(officer)
    await officer.locator('[data-qa="submit-report"]').click()
    await officer.waitForURL(/\?submitted=1/)
    await expectNoErrors(officer)

    await officer.locator('[data-qa="close-project"]').click()
    await officer.waitForURL(/\?closed=1/)
    await expectNoErrors(officer)
    assert.match(await textOf(officer, '[data-qa="project-status"]'), /Closed/)
    await expectAccessible(officer)

    await officer.locator('[data-qa="turn-into-case-study"]').click()
    await officer.waitForURL(/\/case-studies\/[a-z0-9-]+\/edit$/)
    assert.equal(await officer.locator('#title').inputValue(), title)
    await expectAccessible(officer)

    await officer.goto(`${baseUrl}${projectUrl}`)
    assert.match(await textOf(officer, '[data-qa="case-study-link"]'), new RegExp(title))
    assert.equal(await officer.locator('[data-qa="turn-into-case-study"]').count(), 0, 'a project has one case study')
  })

  it('as an administrator, I see the project closed in the overview', async () => {
    const admin = await signedIn('secretariat@network.example.org')
    await admin.goto(`${baseUrl}/admin/projects?status=closed`)
    const table = await textOf(admin, '[data-qa="project-table"]')
    assert.match(table, new RegExp(title))
    assert.match(table, /£14,800/)
    await expectAccessible(admin)
  })
})
