// The whole co-production loop, from a call to a published case study, done through the browser:
// an administrator creates and opens a call decided by assessment; an officer of a Full member
// council writes a bid, invites another member (whose officer accepts) and submits it; the
// administrator closes the call early, sets its criteria and an assessor; the assessor scores the
// bid; the administrator funds it and marks the call decided (the lead is emailed); the lead's
// officer reports, closes the project and turns it into a case study, which an editor publishes.
// Only the accounts (and the demo's organisations and principles) are made before the browser
// starts: everything else is a form. Every page visited passes axe; each person has a browser
// context of their own, signed in through the real form.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { BrowserContext, Page } from 'playwright-core'
import { londonDate } from '../src/features/membership/rules/subscription-year.ts'
import { testDatabaseKinds } from '../test/databases.ts'
import { createAccount, SignInPage } from './support/accounts.ts'
import { accessibilityViolations, skipReason } from './support/browser.ts'
import { openJourney, type Journey } from './support/journey.ts'
import { expectNoErrorSummary, horizontalOverflow, textOf } from './support/page-checks.ts'

const skip = skipReason()
const admin = 'secretariat@network.example.org'
const editor = 'editor@network.example.org'
const lead = { email: 'officer@northbrook.example.org', organisation: 'northbrook-city-council', name: 'Northbrook City Council' }
const partner = { email: 'officer@riverside.example.org', organisation: 'riverside-borough-council', name: 'Riverside Borough Council' }
const assessor = { email: 'officer@eastmoor.example.org', organisation: 'eastmoor-district-council' }
const callTitle = 'Closing the loop labs'
const callSlug = 'closing-the-loop-labs'
const bidTitle = 'Residents co-design the library service'

/** A day in London as the three boxes of a GOV.UK date input, `days` after today. */
function boxesIn(days: number): { day: string; month: string; year: string } {
  const [y, m, d] = londonDate(new Date()).split('-').map(Number) as [number, number, number]
  const day = new Date(Date.UTC(y, m - 1, d + days))
  return { day: String(day.getUTCDate()), month: String(day.getUTCMonth() + 1), year: String(day.getUTCFullYear()) }
}

// On PGlite, and on PostgreSQL too when TEST_DATABASE_URL is set: the loop's "done" is on both databases.
for (const database of testDatabaseKinds())
  describe(`the loop from a call to a case study, in the browser (${database})`, { skip }, () => {
    let journey: Journey | undefined
    let baseUrl = ''
    let callUrl = ''
    let bidUrl = ''
    let projectUrl = ''
    let caseStudySlug = ''
    const pages = new Map<string, Page>()
    const contexts: BrowserContext[] = []

    const expectAccessible = async (p: Page) => assert.deepEqual(await accessibilityViolations(p), [])

    /** The person's own browser context, signed in through the sign-in form the first time. */
    async function as(email: string, viewport?: { width: number; height: number }): Promise<Page> {
      const key = viewport ? `${email} ${viewport.width}` : email
      const known = pages.get(key)
      if (known) return known
      const context = await journey!.browser.newContext(viewport ? { viewport } : {})
      contexts.push(context)
      const p = await context.newPage()
      await new SignInPage(p, baseUrl).signIn(email)
      pages.set(key, p)
      return p
    }

    async function fillDate(p: Page, field: string, boxes: { day: string; month: string; year: string }) {
      await p.locator(`#${field}-day`).fill(boxes.day)
      await p.locator(`#${field}-month`).fill(boxes.month)
      await p.locator(`#${field}-year`).fill(boxes.year)
    }

    before(async () => {
      journey = await openJourney(async (site) => {
        const db = site.handle.db
        await createAccount(db, admin, 'admin')
        await createAccount(db, editor, 'editor')
        await createAccount(db, lead.email, 'officer', lead.organisation)
        await createAccount(db, partner.email, 'officer', partner.organisation)
        await createAccount(db, assessor.email, 'officer', assessor.organisation)
      }, database)
      baseUrl = journey.site.baseUrl
    })

    after(async () => {
      for (const c of contexts) await c.close()
      await journey?.close()
    })

    it('as an administrator, I create a call decided by assessment and open it for bids', async () => {
      const page = await as(admin)
      await page.goto(`${baseUrl}/admin/calls`)
      await expectAccessible(page)
      await page.locator('[data-qa="add-call"]').click()
      await page.waitForURL(/\/admin\/calls\/new$/)
      await expectAccessible(page)

      await page.getByLabel('Title', { exact: true }).fill(callTitle)
      await page.getByLabel('Policy lab', { exact: true }).check()
      await page.getByLabel('Summary', { exact: true }).fill('Labs in which residents and councils design a service together.')
      await page.getByLabel('Total available').fill('40,000')
      await page.getByLabel('Most a bid can ask for').fill('20,000')
      await page.getByLabel('Full members', { exact: true }).check()
      // One other member keeps the journey short; the demo's own call asks for three.
      await page.getByLabel('Other members needed in the working group').fill('1')
      // Northbrook leads a project of the demo's past round that is still underway.
      await page.getByRole('group', { name: 'May a member lead only one funded project at a time?' }).getByLabel('No', { exact: true }).check()
      await page.getByRole('group', { name: 'Principles bids must address' }).getByLabel('Co-production', { exact: true }).check()
      await fillDate(page, 'opensOn', boxesIn(0))
      await fillDate(page, 'closesOn', boxesIn(28))
      await page.getByLabel('A panel assesses the bids against the principles and decides which are funded.').check()
      await page.locator('[data-qa="save-call"]').click()
      await page.waitForURL(/\/admin\/calls\/\d+\?saved=\d+$/)
      await expectNoErrorSummary(page)
      callUrl = page.url().replace(/\?.*$/, '')
      assert.match(await textOf(page, '.govuk-notification-banner'), /It is a draft: only administrators can see it/)
      await expectAccessible(page)

      await page.locator('[data-qa="open-call"]').click()
      await page.waitForURL(/\?saved=\d+$/)
      await expectNoErrorSummary(page)
      assert.match(await textOf(page, '.govuk-notification-banner'), /It is open for bids/)
      assert.equal(await page.locator('[data-qa="close-call"]').count(), 1)
      await expectAccessible(page)

      // A visitor now finds it among the open calls.
      const visitor = journey!.page
      await visitor.goto(`${baseUrl}/calls`)
      await visitor.locator('[data-qa="calls-open"]').getByRole('link', { name: callTitle }).click()
      await visitor.waitForURL(new RegExp(`/calls/${callSlug}$`))
      assert.match(await textOf(visitor, 'main'), /At least 1 other member must join the lead in a working group/)
      await expectAccessible(visitor)
    })

    it('as an officer of a Full member council, I write the bid and invite another member into its working group', async () => {
      const page = await as(lead.email)
      await page.goto(`${baseUrl}/calls/${callSlug}`)
      await page.locator('[data-qa="start-bid"]').click()
      await page.waitForURL(new RegExp(`/calls/${callSlug}/bids/new$`))
      await expectAccessible(page)
      await page.getByLabel('Title of the bid').fill(bidTitle)
      await page.locator('[data-qa="start-bid"]').click()
      await page.waitForURL(/\/bids\/\d+\/edit$/)
      bidUrl = page.url().replace(/\/edit$/, '')
      await expectAccessible(page)

      await page.getByLabel('Summary', { exact: true }).fill('Residents and two councils redesign the library service together.')
      await page.getByLabel('The problem').fill('Library changes are decided for residents, not with them.')
      const differences = page.locator('textarea[name^="difference-"]')
      assert.equal(await differences.count(), 1)
      await differences.first().fill('Residents sit on the design team as equals.')
      const due = boxesIn(200)
      await page.locator('#milestoneTitle-0').fill('Design team formed')
      await page.locator('#milestoneDue-0-day').fill(due.day)
      await page.locator('#milestoneDue-0-month').fill(due.month)
      await page.locator('#milestoneDue-0-year').fill(due.year)
      await page.getByLabel('Cost 1', { exact: true }).fill('Facilitation of the design team')
      await page.getByLabel('Amount of cost 1').fill('9,500')
      await page.getByLabel('What you will share, and when').fill('A guide to co-designing a library, at the end of the lab.')
      await page.locator('[data-qa="save-bid"]').click()
      await page.waitForURL(/\/edit\?saved=1$/)
      await expectNoErrorSummary(page)
      const missing = (await page.locator('[data-qa="eligibility"] li').allTextContents()).map((m) => m.trim())
      assert.deepEqual(missing, ['At least 1 other member must accept a place in the working group (so far: 0)'])
      await expectAccessible(page)

      await page.getByLabel('Invite a member').selectOption({ label: partner.name })
      await page.locator('[data-qa="invite"]').click()
      await page.waitForURL(/\/edit#workingGroup$/)
      await expectNoErrorSummary(page)
      assert.match(await textOf(page, '[data-qa="working-group"]'), new RegExp(`${partner.name} Member · invited, not yet accepted`))
      await expectAccessible(page)
    })

    it('as the invited member’s officer, I accept from my dashboard; as the lead’s officer, I submit the bid', async () => {
      const officer = await as(partner.email)
      await officer.locator('[data-qa="bid-invitations"]').getByRole('link', { name: bidTitle }).click()
      await officer.waitForURL(/\/bids\/\d+$/)
      await expectAccessible(officer)
      await officer.locator('[data-qa="accept-invitation"]').click()
      await officer.waitForURL(/\/bids\/\d+$/)
      await expectNoErrorSummary(officer)
      assert.match(await textOf(officer, '[data-qa="working-group"]'), new RegExp(`${partner.name} Member · accepted`))
      await expectAccessible(officer)

      const page = await as(lead.email)
      await page.goto(`${bidUrl}/edit`)
      assert.match(await textOf(page, '[data-qa="eligibility"]'), /meets every rule of the call/)
      await page.locator('[data-qa="submit-bid"]').click()
      await page.waitForURL(/\/bids\/\d+\?submitted=1$/)
      await expectNoErrorSummary(page)
      assert.match(await textOf(page, '[data-qa="bid-status"]'), /Submitted/)
      await expectAccessible(page)
    })

    it('as the administrator, I close the call early, set its criteria and choose an assessor', async () => {
      const page = await as(admin)
      await page.goto(callUrl)
      const row = page.locator('[data-qa="call-bids"] tbody tr')
      assert.equal(await row.count(), 1)
      const cells = (await row.locator('td.coophub-wide-only').allTextContents()).map((c) => c.trim())
      assert.deepEqual(cells.slice(0, 2), [lead.name, 'Submitted'])
      assert.equal((await row.getByRole('link').textContent())?.trim(), bidTitle)
      await page.locator('[data-qa="close-call"]').click()
      await page.waitForURL(/\?saved=\d+$/)
      await expectNoErrorSummary(page)
      assert.match(await textOf(page, '.govuk-notification-banner'), /It is closed to bids/)
      assert.equal(await page.locator('[data-qa="open-call"]').count(), 1, 'a closed call can be opened again')
      await expectAccessible(page)

      await page.getByRole('link', { name: 'Assessment: criteria and assessors' }).click()
      await page.waitForURL(/\/assessment$/)
      await expectAccessible(page)
      // The four suggested criteria, kept as they are.
      assert.equal(await page.locator('[data-qa="criterion-row"]').count(), 4)
      await page.locator('[data-qa="save-criteria"]').click()
      await page.waitForURL(/saved=criteria/)
      await expectNoErrorSummary(page)
      await page.getByLabel('Or enter their email address').fill(assessor.email)
      await page.locator('[data-qa="add-assessor-button"]').click()
      await page.waitForURL(/saved=assessors/)
      await expectNoErrorSummary(page)
      assert.match(await textOf(page, '[data-qa="assessors"]'), new RegExp(assessor.email.replace(/\./g, '\\.')))
      await expectAccessible(page)
    })

    it('as the assessor, I find the bid on my dashboard, score it and submit my assessment', async () => {
      const page = await as(assessor.email)
      assert.match(await textOf(page, '[data-qa="bids-to-assess"]'), /1 bid waiting for your assessment/)
      await expectAccessible(page)
      await page.locator('[data-qa="bids-to-assess"]').getByRole('link', { name: callTitle }).click()
      await page.waitForURL(new RegExp(`/assess/calls/${callSlug}$`))
      await expectAccessible(page)
      await page.locator('[data-qa="bids-to-assess"]').getByRole('link', { name: bidTitle }).click()
      await page.waitForURL(/\/assess\/bids\/\d+$/)
      await expectAccessible(page)
      const groups = page.locator('[data-qa="criterion"]')
      assert.equal(await groups.count(), 4)
      for (const [n, score] of ['8', '7', '6', '4'].entries()) await groups.nth(n).getByLabel(score, { exact: true }).check()
      await page.getByLabel('Overall comments').fill('Residents are partners from the first day.')
      await page.locator('[data-qa="submit-assessment"]').click()
      await page.waitForURL(/saved=submitted/)
      await expectNoErrorSummary(page)
      assert.match(await textOf(page, '[data-qa="assessment-status"]'), /Submitted/)
      await expectAccessible(page)
    })

    it('as the administrator, I fund the bid on the panel page, mark the call decided and see the email to the lead', async () => {
      const page = await as(admin)
      await page.goto(callUrl)
      await page.getByRole('link', { name: 'Panel view and decisions' }).click()
      await page.waitForURL(/\/panel$/)
      assert.match(await textOf(page, '[data-qa="ranking"]'), new RegExp(`1 ${bidTitle} 25\\.0 out of \\d+ Not decided`))
      await expectAccessible(page)

      await page.locator('[data-qa="record-decision"]').first().click()
      await page.waitForURL(/\/panel\/bids\/\d+$/)
      assert.equal(await page.getByLabel('Amount awarded (when funded)').inputValue(), '9500.00')
      await expectAccessible(page)
      await page.getByLabel('Funded', { exact: true }).check()
      await page.getByLabel('Feedback for the bidders').fill('Funded: a plan made with residents.')
      await page.locator('[data-qa="save-decision"]').click()
      await page.waitForURL(/\/panel\?saved=\d+/)
      await expectNoErrorSummary(page)
      assert.match(await textOf(page, '[data-qa="ranking"]'), /Funded: £9,500/)

      await page.locator('[data-qa="mark-decided"]').click()
      await page.waitForURL(/decided=1/)
      await expectNoErrorSummary(page)
      assert.match(await textOf(page, '[data-qa="phase"]'), /The call is decided/)
      await expectAccessible(page)

      await page.goto(`${baseUrl}/admin/outbox`)
      const email = page.locator('tr', { hasText: `Your bid is funded: ${bidTitle}` })
      assert.equal(await email.count(), 1)
      assert.match((await email.textContent()) ?? '', new RegExp(lead.email.replace(/\./g, '\\.')))
      await expectAccessible(page)
    })

    it('as the lead’s officer, I open the project from my dashboard, submit the final report, close the project and turn it into a case study', async () => {
      const page = await as(lead.email)
      await page.goto(`${baseUrl}/dashboard`)
      await page.locator('[data-qa="your-projects"]').getByRole('link', { name: bidTitle }).click()
      await page.waitForURL(/\/projects\/[a-z0-9-]+$/)
      projectUrl = page.url()
      assert.match(await textOf(page, '[data-qa="project-status"]'), /Underway/)
      const facts = await textOf(page, '[data-qa="project-facts"]')
      assert.match(facts, new RegExp(lead.name))
      assert.match(facts, new RegExp(partner.name))
      assert.match(facts, /£9,500/)
      await expectAccessible(page)

      // The reports are scheduled; the final one may be written before it is due.
      const owed = page.locator('[data-qa="reports-owed"] a', { hasText: 'Final report' })
      assert.equal(await owed.count(), 1)
      await owed.click()
      await page.waitForURL(/\/reports\/\d+\/edit$/)
      await expectAccessible(page)
      await page.getByLabel('What happened').fill('Residents and library staff redesigned opening hours and the children’s space.')
      await page.getByLabel('Outcomes').fill('Visits rose by a fifth, and a residents’ panel now reviews every change.')
      await page.getByLabel('Spent to date, in pounds').fill('9,200')
      const milestones = page.locator('input[name^="milestone-"][value="done"]')
      for (let i = 0; i < (await milestones.count()); i++) await milestones.nth(i).check()
      await page.locator('[data-qa="submit-report"]').click()
      await page.waitForURL(/\?submitted=1/)
      await expectNoErrorSummary(page)
      assert.match(await textOf(page, 'main'), /The final report is in: you can close the project/)
      await expectAccessible(page)

      await page.locator('[data-qa="close-project"]').click()
      await page.waitForURL(/\?closed=1/)
      await expectNoErrorSummary(page)
      assert.match(await textOf(page, '[data-qa="project-status"]'), /Closed/)
      await expectAccessible(page)

      await page.locator('[data-qa="turn-into-case-study"]').click()
      await page.waitForURL(/\/case-studies\/[a-z0-9-]+\/edit$/)
      caseStudySlug = /\/case-studies\/([a-z0-9-]+)\/edit$/.exec(page.url())![1]!
      assert.equal(await page.locator('#title').inputValue(), bidTitle)
      await expectAccessible(page)

      // Until an editor publishes it, the project links its lead to the draft, and visitors see neither.
      await page.goto(projectUrl)
      assert.match(await textOf(page, '[data-qa="project-facts"]'), new RegExp(`${bidTitle} \\(draft, not yet published\\)`))
      assert.equal(await page.locator('[data-qa="turn-into-case-study"]').count(), 0, 'a project has one case study')
      const unpublished = await journey!.page.goto(`${baseUrl}/case-studies/${caseStudySlug}`)
      assert.equal(unpublished?.status(), 404)
      await journey!.page.goto(projectUrl)
      assert.equal(await journey!.page.locator('[data-qa="case-study-link"]').count(), 0)
      await expectAccessible(journey!.page)
    })

    it('as an editor, I find the draft in the review queue and publish it', async () => {
      const page = await as(editor)
      await page.goto(`${baseUrl}/admin/review`)
      await page.locator('[data-qa="queue-drafts"]').getByRole('link', { name: bidTitle }).click()
      await page.waitForURL(new RegExp(`/admin/review/${caseStudySlug}$`))
      await expectAccessible(page)
      await page.locator('[data-qa="publish"]').click()
      await page.waitForURL(/\/admin\/review\?published=/)
      await expectNoErrorSummary(page)
      await expectAccessible(page)
    })

    it('as a visitor, I read the case study, which links to its project, and the project, which links to the case study', async () => {
      const visitor = journey!.page
      await visitor.goto(`${baseUrl}/case-studies/${caseStudySlug}`)
      assert.equal((await visitor.locator('h1').textContent())?.trim(), bidTitle)
      assert.match(await textOf(visitor, 'main'), /Visits rose by a fifth/)
      await expectAccessible(visitor)
      await visitor.locator('[data-qa="from-project"]').getByRole('link', { name: bidTitle }).click()
      await visitor.waitForURL(projectUrl)
      assert.match(await textOf(visitor, '[data-qa="project-status"]'), /Closed/)
      await expectAccessible(visitor)
      // Published, the link is the public page's, and no longer says "draft".
      const link = visitor.locator('[data-qa="case-study-link"]')
      assert.equal(await link.getAttribute('href'), `/case-studies/${caseStudySlug}`)
      assert.equal((await link.textContent())?.trim(), bidTitle)
      assert.doesNotMatch(await textOf(visitor, '[data-qa="project-facts"]'), /\(draft/)
      await link.click()
      await visitor.waitForURL(new RegExp(`/case-studies/${caseStudySlug}$`))
    })

    it('on a phone, the new call’s pages (its admin ones too), the closed project, the published case study and its review page fit the screen', async () => {
      const phone = { width: 375, height: 812 }
      // The call's admin pages hold tables of calls and bids: on a phone they fold to their first column.
      const visits: Array<[string | null, string]> = [
        [null, `${baseUrl}/calls/${callSlug}`],
        [null, projectUrl],
        [null, `${baseUrl}/case-studies/${caseStudySlug}`],
        [admin, `${baseUrl}/admin/calls`],
        [admin, callUrl],
        [admin, `${callUrl}/panel`],
        [editor, `${baseUrl}/admin/review/${caseStudySlug}`],
      ]
      const context = await journey!.browser.newContext({ viewport: phone })
      contexts.push(context)
      const visitor = await context.newPage()
      for (const [email, url] of visits) {
        const p = email ? await as(email, phone) : visitor
        await p.goto(url)
        assert.equal(await horizontalOverflow(p), 0, url)
        if (url === callUrl) assert.match(await textOf(p, '[data-qa="call-bids"] .coophub-narrow-only'), new RegExp(`${lead.name} · Submitted`))
        await expectAccessible(p)
      }
    })
  })
