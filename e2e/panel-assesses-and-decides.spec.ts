// A panel assesses the bids to a closed Policy Lab call and decides: an administrator sets the
// call's criteria (from the four suggested) and its assessors, an assessor scores each bid from
// their dashboard, an assessor whose council leads a bid is refused its scoring form, and the
// administrator reads the ranking, records the decisions (the lead is emailed) and marks the call
// decided. Every page visited passes axe; each person has a browser context of their own.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import type { BrowserContext, Page } from 'playwright-core'
import { organisations } from '../src/db/schema/index.ts'
import { buildBid, buildCall } from '../test/co-production.ts'
import { createAccount, signedInPage } from './support/accounts.ts'
import { accessibilityViolations, skipReason } from './support/browser.ts'
import { openJourney, type Journey } from './support/journey.ts'
import { expectNoErrorSummary, horizontalOverflow, textOf } from './support/page-checks.ts'

const skip = skipReason()
const admin = 'secretariat@network.example.org'
const assessor = { email: 'officer@riverside.example.org', organisation: 'riverside-borough-council' }
const leadOfficer = { email: 'officer@northbrook.example.org', organisation: 'northbrook-city-council' }
const callTitle = 'Assessed Labs 2025'
const bids = ['Tenants steer the retrofit', 'Youth budget juries']

describe('a panel assesses the bids and decides', { skip }, () => {
  let journey: Journey | undefined
  let baseUrl = ''
  let callId = 0
  const bidIds: number[] = []
  const contexts: BrowserContext[] = []

  const expectAccessible = async (p: Page) => assert.deepEqual(await accessibilityViolations(p), [])

  const signedIn = (email: string, viewport?: { width: number; height: number }) => signedInPage(journey!.browser, contexts, baseUrl, email, viewport)

  before(async () => {
    journey = await openJourney(async (site) => {
      const db = site.handle.db
      await createAccount(db, admin, 'admin')
      await createAccount(db, assessor.email, 'officer', assessor.organisation)
      await createAccount(db, leadOfficer.email, 'officer', leadOfficer.organisation)
      // Last year's round, closed with two bids submitted by Northbrook: the bids themselves are the other journey's.
      const call = await buildCall(db, { slug: 'assessed-labs-2025', title: callTitle, status: 'closed', opensOn: '2025-02-01', closesOn: '2025-03-20' })
      callId = call.id
      const [lead] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, leadOfficer.organisation))
      for (const title of bids) bidIds.push((await buildBid(db, { callId: call.id, leadOrganisationId: lead!.id, status: 'submitted', title })).id)
    })
    baseUrl = journey.site.baseUrl
  })

  after(async () => {
    for (const c of contexts) await c.close()
    await journey?.close()
  })

  it('as an administrator, I set the call’s criteria from the suggested ones and choose its assessors', async () => {
    const page = await signedIn(admin)
    await page.goto(`${baseUrl}/admin/calls/${callId}`)
    await page.getByRole('link', { name: 'Assessment: criteria and assessors' }).click()
    await page.waitForURL(/\/assessment$/)
    assert.match(await textOf(page, '[data-qa="suggested"]'), /These four criteria are suggested/)
    assert.equal(await page.locator('[data-qa="criterion-row"]').count(), 4)
    assert.equal(await page.getByLabel('Title of criterion 4').inputValue(), 'Value for money')
    await expectAccessible(page)

    // A bad row is explained; then the fourth is removed and the rest saved.
    await page.getByLabel('Most points for criterion 3').fill('200')
    await page.locator('[data-qa="save-criteria"]').click()
    assert.match(await textOf(page, '.govuk-error-summary'), /Enter the most points for criterion 3 as a whole number from 1 to 100/)
    await expectAccessible(page)
    await page.getByLabel('Most points for criterion 3').fill('5')
    await page.locator('[data-qa="remove-criterion-3"]').click()
    await page.waitForURL(/saved=criteria/)
    await expectNoErrorSummary(page)
    const titles = await Promise.all([0, 1, 2].map((i) => page.getByLabel(`Title of criterion ${i + 1}`).inputValue()))
    assert.equal(await page.locator('[data-qa="criterion-row"]').count(), 3)
    assert.deepEqual(titles, ['The co-operative difference', 'Feasibility', 'Reach'])
    await expectAccessible(page)

    // One assessor from the list, one by email address (the lead's officer: conflicted with its bids).
    await page.getByLabel('Choose an account').selectOption({ label: `officer (${assessor.email})` })
    await page.locator('[data-qa="add-assessor-button"]').click()
    await page.waitForURL(/saved=assessors/)
    await page.getByLabel('Or enter their email address').fill(leadOfficer.email)
    await page.locator('[data-qa="add-assessor-button"]').click()
    await page.waitForURL(/saved=assessors/)
    const listed = await textOf(page, '[data-qa="assessors"]')
    assert.match(listed, new RegExp(assessor.email.replace('.', '\\.')))
    assert.match(listed, new RegExp(leadOfficer.email.replace('.', '\\.')))
    await expectAccessible(page)
  })

  it('as an assessor, I find the bids on my dashboard, am told what is missing, and score each bid', async () => {
    const page = await signedIn(assessor.email)
    assert.match(await textOf(page, '[data-qa="bids-to-assess"]'), /2 bids waiting for your assessment/)
    await expectAccessible(page)
    await page.locator('[data-qa="bids-to-assess"]').getByRole('link', { name: callTitle }).click()
    await page.waitForURL(/\/assess\/calls\/assessed-labs-2025$/)
    await expectAccessible(page)

    const scores = [
      ['8', '7', '4'],
      ['6', '5', '4'],
    ]
    for (const [i, title] of bids.entries()) {
      await page.goto(`${baseUrl}/assess/calls/assessed-labs-2025`)
      await page.locator('[data-qa="bids-to-assess"]').getByRole('link', { name: title }).click()
      await page.waitForURL(/\/assess\/bids\/\d+$/)
      await expectAccessible(page)
      if (i === 0) {
        await page.locator('[data-qa="submit-assessment"]').click()
        const summary = await textOf(page, '.govuk-error-summary')
        assert.match(summary, /Select a score for The co-operative difference/)
        assert.match(summary, /Select a score for Reach/)
        await expectAccessible(page)
      }
      const groups = page.locator('[data-qa="criterion"]')
      for (const [n, score] of scores[i]!.entries()) await groups.nth(n).getByLabel(score, { exact: true }).check()
      await page.getByLabel('Comments on Feasibility (optional)').fill(`Plan ${i + 1} is realistic.`)
      await page.locator('[data-qa="save-draft"]').click()
      await page.waitForURL(/saved=draft/)
      await expectNoErrorSummary(page)
      await page.getByLabel('Overall comments').fill(`Overall view of bid ${i + 1}.`)
      await page.locator('[data-qa="submit-assessment"]').click()
      await page.waitForURL(/saved=submitted/)
      await expectNoErrorSummary(page)
      assert.match(await textOf(page, '[data-qa="assessment-status"]'), /Submitted/)
      await expectAccessible(page)
    }
    await page.goto(`${baseUrl}/dashboard`)
    assert.match(await textOf(page, '[data-qa="bids-to-assess"]'), /Every bid assessed/)

    // On a phone, the scoring form and the list of bids fit the screen.
    const phone = await signedIn(assessor.email, { width: 375, height: 812 })
    for (const url of [`/assess/bids/${bidIds[0]}`, '/assess/calls/assessed-labs-2025', '/assess']) {
      await phone.goto(`${baseUrl}${url}`)
      assert.equal(await horizontalOverflow(phone), 0, url)
      if (url.startsWith('/assess/bids')) assert.equal(await phone.locator('[data-qa="score-form"]').count(), 1)
      await expectAccessible(phone)
    }
  })

  it('as an assessor whose council leads the bids, I am refused their scoring form and told why', async () => {
    const page = await signedIn(leadOfficer.email)
    const res = await page.goto(`${baseUrl}/assess/bids/${bidIds[0]}`)
    assert.equal(res?.status(), 403)
    assert.match(
      await textOf(page, 'main'),
      /You have a conflict of interest with this bid, so you cannot see its scoring form or score it: their organisation leads the bid/,
    )
    await expectAccessible(page)
    await page.goto(`${baseUrl}/assess/calls/assessed-labs-2025`)
    assert.match(await textOf(page, '[data-qa="bids-to-assess"]'), /Conflict of interest/)
    await expectAccessible(page)
  })

  it('as an administrator, I read the ranking, decide each bid, mark the call decided and see the email to the lead', async () => {
    const page = await signedIn(admin)
    await page.goto(`${baseUrl}/admin/calls/${callId}/panel`)
    const ranking = await textOf(page, '[data-qa="ranking"]')
    // 8 + 7 + 4 = 19 and 6 + 5 + 4 = 15 (out of 10 + 10 + 5), each by 1 assessor of 1 without a conflict: the other leads both bids.
    assert.match(ranking, new RegExp(`1 ${bids[0]} 19\\.0 out of 25 Not decided 2 ${bids[1]} 15\\.0 out of 25 Not decided`))
    assert.match(await textOf(page, '[data-qa="panel-bid-1"]'), /Spread 19 to 19 Assessments 1 of 1 Cost £1,500/)
    assert.match(await textOf(page, '[data-qa="conflicts"]'), /their organisation leads the bid/)
    await expectAccessible(page)

    await page.locator('[data-qa="record-decision"]').first().click()
    await page.waitForURL(/\/panel\/bids\/\d+$/)
    assert.equal(await page.getByLabel('Amount awarded (when funded)').inputValue(), '1500.00')
    await expectAccessible(page)
    await page.getByLabel('Funded', { exact: true }).check()
    await page.getByLabel('Feedback for the bidders').fill('A strong plan, led with tenants.')
    await page.locator('[data-qa="save-decision"]').click()
    await page.waitForURL(/\/panel\?saved=\d+/)
    await expectNoErrorSummary(page)

    // Marking decided before every bid has a decision is explained.
    await page.locator('[data-qa="mark-decided"]').click()
    assert.match(await textOf(page, '.govuk-error-summary'), /Every submitted bid needs a decision/)
    await expectAccessible(page)

    await page.goto(`${baseUrl}/admin/calls/${callId}/panel/bids/${bidIds[1]}`)
    await page.getByLabel('Not funded', { exact: true }).check()
    await page.locator('[data-qa="save-decision"]').click()
    assert.match(await textOf(page, '.govuk-error-summary'), /Enter feedback for the bidders/)
    await expectAccessible(page)
    await page.getByLabel('Feedback for the bidders').fill('Not this round: the reach is narrow.')
    await page.locator('[data-qa="save-decision"]').click()
    await page.waitForURL(/\/panel\?saved=\d+/)
    await expectNoErrorSummary(page)
    const decided = await textOf(page, '[data-qa="ranking"]')
    assert.match(decided, /Funded: £1,500/)
    assert.match(decided, /Not funded/)

    await page.locator('[data-qa="mark-decided"]').click()
    await page.waitForURL(/decided=1/)
    assert.match(await textOf(page, '[data-qa="phase"]'), /The call is decided/)
    assert.equal(await page.locator('[data-qa="mark-decided"]').count(), 0)
    await expectAccessible(page)

    await page.goto(`${baseUrl}/admin/outbox`)
    const outbox = await textOf(page, 'main')
    assert.match(outbox, new RegExp(`Your bid is funded: ${bids[0]}`))
    assert.match(outbox, new RegExp(`Your bid was not funded: ${bids[1]}`))
    await expectAccessible(page)
  })

  it('on a phone, the panel view, the set-up and a decision fit the screen', async () => {
    const phone = await signedIn(admin, { width: 375, height: 812 })
    for (const url of [`/admin/calls/${callId}/panel`, `/admin/calls/${callId}/assessment`, `/admin/calls/${callId}/panel/bids/${bidIds[0]}`]) {
      await phone.goto(`${baseUrl}${url}`)
      assert.equal(await horizontalOverflow(phone), 0, url)
      await expectAccessible(phone)
    }
  })
})
