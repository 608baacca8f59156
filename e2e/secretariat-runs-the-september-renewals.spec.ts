// The secretariat renews the members for the year: notices in July (with a purchase-order link for
// a Full council), the invoices in September, a payment recorded, and a month later the daily job's
// reminders to those who have not paid. The site's clock is 10 September of the year, so the
// journey runs the same whatever day it is run on; the notices and the daily job run for their own dates.
import assert from 'node:assert/strict'
import { after, before, describe, it, mock } from 'node:test'
import { eq } from 'drizzle-orm'
import type { Page } from 'playwright-core'
import { emails, invoices } from '../src/db/schema/index.ts'
import { loadConfig } from '../src/config.ts'
import { currentYear } from '../src/features/membership/run-context.ts'
import { runContext } from '../src/features/membership/cli/run-commands.ts'
import { runDaily, runRenewals } from '../src/features/membership/renewals.ts'
import { addDays, yearLabel } from '../src/features/membership/rules/subscription-year.ts'
import { buildMember, buildRegisterCouncil, loadExampleSchedule } from '../test/membership.ts'
import { createAccount, SignInPage } from './support/accounts.ts'
import { accessibilityViolations, skipReason } from './support/browser.ts'
import { openJourney, type Journey } from './support/journey.ts'
import { horizontalOverflow } from './support/page-checks.ts'

const skip = skipReason()
const config = loadConfig({ LOG_LEVEL: 'silent', NETWORK_NAME: 'Co-operative Councils Network' })
const year = currentYear(config)
const council = { code: 'HLT', name: 'Holtby Council', email: 'finance@holtby.example.org' }
const others = { associate: 'Ashdown Town Council', affiliate: 'Fairshare Charity' }
const poNumber = 'HOL-PO-7731'

describe('the secretariat runs the September renewals', { skip }, () => {
  let journey: Journey | undefined
  let page: Page
  let baseUrl = ''
  let poLink = ''

  const expectAccessible = async (p: Page = page) => assert.deepEqual(await accessibilityViolations(p), [])
  const text = async (qa: string, p: Page = page) => (await p.locator(`[data-qa="${qa}"]`).textContent()) ?? ''

  before(async () => {
    mock.timers.enable({ apis: ['Date'], now: new Date(`${year}-09-10T09:00:00Z`) })
    journey = await openJourney(async ({ handle: { db } }) => {
      await loadExampleSchedule(db, year)
      await buildRegisterCouncil(db, { code: 'HLT', name: 'Holtby', population: 220_000 })
      await buildMember(db, { name: council.name, tier: 'full', authorityCode: 'HLT', email: council.email, paidThroughYear: year - 1 })
      await buildMember(db, { name: others.associate, tier: 'associate', kind: 'town-or-parish-council', paidThroughYear: year - 1 })
      await buildMember(db, { name: others.affiliate, tier: 'affiliate', kind: 'organisation', paidThroughYear: year - 1 })
      await createAccount(db, 'secretariat@network.example.org', 'admin')
    })
    page = journey.page
    baseUrl = journey.site.baseUrl
  })

  after(async () => {
    await journey?.close()
    mock.timers.reset()
  })

  it('as the secretariat, I send the renewal notices on 1 July, asking the Full council for a purchase-order number', async () => {
    const db = journey!.site.handle.db
    const run = await runRenewals(db, year, runContext(config, `${year}-07-01`), { dryRun: false })
    assert.equal(run.step, 'notice')
    assert.deepEqual(run.lines.map((l) => [l.organisation, l.status]).sort(), [
      [others.associate, 'sent'],
      [others.affiliate, 'sent'],
      [council.name, 'sent'],
    ])
    const [notice] = await db.select().from(emails).where(eq(emails.toAddress, council.email))
    assert.match(notice?.subject ?? '', new RegExp(`Renewing your membership .* for ${yearLabel(year)}`))
    poLink = /\/purchase-orders\/[A-Za-z0-9_-]+/.exec(notice?.bodyText ?? '')?.[0] ?? ''
    assert.ok(poLink, 'the Full council’s notice carries a purchase-order link')
  })

  it('as the council’s finance officer, I give our purchase-order number through the link, on a phone and without JavaScript', async () => {
    await page.goto(`${baseUrl}${poLink}`)
    assert.match((await page.locator('h1').textContent()) ?? '', /Holtby Council/)
    await expectAccessible()

    const phone = await journey!.browser.newContext({ viewport: { width: 375, height: 812 } })
    const plain = await journey!.browser.newContext({ javaScriptEnabled: false })
    try {
      const small = await phone.newPage()
      await small.goto(`${baseUrl}${poLink}`)
      assert.equal(await horizontalOverflow(small), 0, 'the purchase-order page is wider than the phone')
      await expectAccessible(small)

      const noScript = await plain.newPage()
      await noScript.goto(`${baseUrl}${poLink}`)
      await noScript.locator('[data-qa="save-po"]').click()
      assert.match((await noScript.locator('.govuk-error-summary').textContent()) ?? '', /purchase-order number/i)
      await noScript.getByLabel('Purchase-order number').fill(poNumber)
      await noScript.locator('[data-qa="save-po"]').click()
      await noScript.waitForURL(/saved=yes/)
      assert.match(await text('po-saved', noScript), new RegExp(poNumber))
      await page.goto(noScript.url())
    } finally {
      await phone.close()
      await plain.close()
    }
    assert.match(await text('po-saved'), new RegExp(poNumber))
    await expectAccessible()
  })

  it('as the administrator, I issue the year’s invoices in September, the council’s with its purchase-order number', async () => {
    await new SignInPage(page, baseUrl).signIn('secretariat@network.example.org')
    await page.goto(`${baseUrl}/admin/membership/renewals?year=${year}`)
    const preview = page.locator('[data-qa="renewal-table"] tbody tr')
    assert.equal(await preview.count(), 3)
    assert.match((await preview.filter({ hasText: council.name }).textContent()) ?? '', new RegExp(`${poNumber}[\\s\\S]*To invoice`))
    await expectAccessible()
    await page.locator('[data-qa="run-renewals"]').click()
    await page.waitForURL(/\/admin\/membership\/renewals\?/)
    assert.match(await text('saved-banner'), new RegExp(`Invoices for ${yearLabel(year)} issued`))
    for (const name of [council.name, others.associate, others.affiliate])
      assert.match((await preview.filter({ hasText: name }).textContent()) ?? '', /Already invoiced/)
    await expectAccessible()

    await page.goto(`${baseUrl}/admin/membership/invoices?year=${year}`)
    const listed = page.locator('[data-qa="invoice-table"] tbody tr')
    assert.equal(await listed.count(), 3)
    await expectAccessible()
    await listed.filter({ hasText: council.name }).getByRole('link').first().click()
    await page.waitForURL(/\/admin\/membership\/invoices\/[^/?]+$/)
    assert.match(await text('invoice-facts'), new RegExp(poNumber))
    assert.match(await text('invoice-status'), /Unpaid/)
  })

  it('as the administrator, I record the council’s payment and see its membership current', async () => {
    const form = page.locator('[data-qa="payment-form"]')
    await expectAccessible()
    await page.locator('[data-qa="record-payment"]').click()
    assert.match(await page.title(), /^Error: /)
    assert.match((await page.locator('.govuk-error-summary').textContent()) ?? '', /amount/i)
    await expectAccessible()
    const total = (await text('invoice-total')).trim()
    await form.getByLabel('Amount paid').fill(total.replace(/[£,]/g, ''))
    const date = form.locator('[data-qa="payment-date"]')
    await date.getByLabel('Day').fill('10')
    await date.getByLabel('Month').fill('9')
    await date.getByLabel('Year').fill(String(year))
    await form.getByRole('radio', { name: 'Bank transfer' }).check()
    await page.locator('[data-qa="record-payment"]').click()
    await page.waitForURL(/\/admin\/membership\/invoices\/[^/?]+\?/)
    assert.match(await text('invoice-status'), /Paid/)
    assert.match(await text('invoice-payment'), new RegExp(`10 September ${year}[\\s\\S]*${total}`))
    await expectAccessible()

    await page.locator('[data-qa="invoice-membership"]').click()
    await page.waitForURL(/\/admin\/membership\/members\/\d+$/)
    assert.match(await text('membership'), /Current/)
    await expectAccessible()
  })

  it('as the administrator, a month later I find the daily job’s reminders to the members who have not paid', async () => {
    const db = journey!.site.handle.db
    const issued = await db.select().from(invoices).where(eq(invoices.year, year))
    assert.equal(issued.length, 3)
    const summary = await runDaily(db, runContext(config, addDays(issued[0]!.issuedOn, 31)))
    assert.equal(summary.reminders.sent, 2)

    await page.goto(`${baseUrl}/admin/outbox`)
    await expectAccessible()
    const reminders = page.locator('[data-qa="outbox-table"] tbody tr').filter({ hasText: /Reminder: invoice/ })
    assert.equal(await reminders.count(), 2)
    const to = (await reminders.allTextContents()).join('\n')
    assert.match(to, /ashdown-town-council@example\.org/)
    assert.match(to, /fairshare-charity@example\.org/)
    assert.doesNotMatch(to, new RegExp(council.email), 'the member that paid is not reminded')
    const toCouncil = (await page.locator('[data-qa="outbox-table"] tbody tr').filter({ hasText: council.email }).allTextContents()).join('\n')
    assert.doesNotMatch(toCouncil, /Reminder|Purchase-order number needed/)
  })

  it('as the administrator, I read the year at a glance and keep a council’s figures up to date', async () => {
    await page.goto(`${baseUrl}/admin/membership`)
    const glance = (await page.locator('[data-qa="year-at-a-glance"]').textContent()) ?? ''
    assert.match(glance, /Invoiced/)
    assert.match(glance, /Paid/)
    await expectAccessible()

    await page.locator('[data-qa="figures-link"]').click()
    await page.waitForURL(/\/admin\/membership\/figures$/)
    await expectAccessible()
    await page.goto(`${baseUrl}/admin/membership/figures/${council.code}`)
    await page.getByLabel('Number of residents').fill('-1')
    await page.locator('[data-qa="save-figures"]').click()
    assert.match(await page.title(), /^Error: /)
    await expectAccessible()
    await page.getByLabel('Number of residents').fill('231000')
    await page.locator('[data-qa="figures-form"]').getByLabel('Year').first().fill('2024')
    await page.locator('[data-qa="figures-form"]').getByLabel('Source').first().fill('ONS mid-year estimate')
    await page.locator('[data-qa="save-figures"]').click()
    await page.waitForURL(/\/admin\/membership\/figures\?saved=/)
    assert.match((await page.locator('[data-qa="figures-table"]').textContent()) ?? '', /231,000/)
    await expectAccessible()
  })
})
