// A council officer works out the fee and applies to join, without an account; an administrator
// approves the application and finds the first invoice. Every page on the way passes axe.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import type { Page } from 'playwright-core'
import { emails } from '../src/db/schema/index.ts'
import { loadConfig } from '../src/config.ts'
import { currentYear } from '../src/features/membership/run-context.ts'
import { buildRegisterCouncil, loadExampleSchedule } from '../test/membership.ts'
import { createAccount, SignInPage } from './support/accounts.ts'
import { accessibilityViolations, skipReason } from './support/browser.ts'
import { openJourney, type Journey } from './support/journey.ts'
import { expectNoErrorSummary, horizontalOverflow } from './support/page-checks.ts'

const skip = skipReason()
const council = { code: 'BRF', name: 'Brackenford', population: 220_000 }
const councilName = 'Brackenford Council'

describe('a council applies to join the network', { skip }, () => {
  let journey: Journey | undefined
  let page: Page
  let baseUrl = ''
  let applicationLink = ''

  const expectAccessible = async (p: Page = page) => assert.deepEqual(await accessibilityViolations(p), [])

  const expectNoErrors = () => expectNoErrorSummary(page)

  /** Chooses from a type-ahead box (a plain select without JavaScript) as a person does: types, then picks. */
  async function typeAndChoose(id: string, typed: string, option: string): Promise<void> {
    await page.locator(`#${id}`).fill(typed)
    await page.locator(`#${id}__listbox`).getByRole('option', { name: option, exact: true }).click()
  }

  before(async () => {
    journey = await openJourney(async (site) => {
      const year = currentYear(loadConfig({ LOG_LEVEL: 'silent' }))
      await loadExampleSchedule(site.handle.db, year)
      await buildRegisterCouncil(site.handle.db, council)
      await createAccount(site.handle.db, 'secretariat@network.example.org', 'admin')
    })
    page = journey.page
    baseUrl = journey.site.baseUrl
  })

  after(async () => {
    await journey?.close()
  })

  it('as a council officer, I work out our fee from the register’s population before applying', async () => {
    await page.goto(`${baseUrl}/join`)
    assert.equal((await page.locator('h1').textContent())?.trim(), 'Join the network')
    await expectAccessible()
    const calculator = page.locator('[data-qa="fee-calculator"]')
    await calculator.getByLabel('Tier').selectOption({ label: 'Full member' })
    await typeAndChoose('calc-council', 'Bracken', council.name)
    await page.locator('[data-qa="calculate-fee"]').click()
    await page.waitForURL(/calculate=yes/)
    await expectNoErrors()
    const result = (await page.locator('[data-qa="fee-result"]').textContent()) ?? ''
    assert.match(result, /£2,500.00 a year/)
    assert.match(result, /population 220,000/)
    await expectAccessible()
  })

  it('as a council officer, I am told what is missing, then send a Full member application', async () => {
    await page.goto(`${baseUrl}/join`)
    // First the tier, on its own.
    await page.locator('[data-qa="choose-tier-continue"]').click()
    await page.waitForURL(/step=tier/)
    assert.match(await page.title(), /^Error: /)
    assert.match((await page.locator('.govuk-error-summary').textContent()) ?? '', /Select a tier/)
    await expectAccessible()
    await page.locator('[data-qa="choose-tier"]').getByRole('radio', { name: 'Full member' }).check()
    await page.locator('[data-qa="choose-tier-continue"]').click()
    await page.waitForURL(/apply=full/)
    const form = page.locator('[data-qa="join-form"]')
    assert.match((await page.locator('[data-qa="chosen-tier"]').textContent()) ?? '', /You are applying as: Full member/)
    await expectAccessible()

    await page.locator('[data-qa="send-application"]').click()
    const problems = (await page.locator('.govuk-error-summary').textContent()) ?? ''
    for (const words of ['Choose the council', 'Enter the sponsoring officer’s name', 'Tick the box to agree']) assert.ok(problems.includes(words), words)
    assert.match((await page.locator('[data-qa="chosen-tier"]').textContent()) ?? '', /Full member/, 'the tier chosen is kept')
    await expectAccessible()

    await typeAndChoose('council', 'Bracken', council.name)
    await form.getByLabel('Sponsoring officer’s name').fill('Sam Lee')
    await form.getByLabel('Sponsoring officer’s job title').fill('Director of Policy')
    await form.getByLabel('Sponsoring officer’s email address').fill('sam.lee@brackenford.example.org')
    await form.getByLabel('Name of the person who decided to join').fill('Cllr Rhian Evans')
    await form.getByLabel('Their role').fill('Leader of the council')
    await form.getByLabel('Full name').fill('Aled Jones')
    await form.getByLabel('Email address', { exact: true }).fill('aled.jones@brackenford.example.org')
    await form.getByLabel(/I agree that the network may contact me/).check()
    await page.locator('[data-qa="send-application"]').click()
    await expectNoErrors()
    await page.waitForURL(/\/join\/applications\/[A-Za-z0-9_-]+\?sent=yes$/)
    assert.match((await page.locator('.govuk-panel').textContent()) ?? '', /Application sent/)
    assert.match((await page.locator('[data-qa="application"]').textContent()) ?? '', /Received[\s\S]*Full member[\s\S]*£2,500.00/)
    await expectAccessible()

    // The private link is emailed to the contact: the same page, without the confirmation panel.
    const [sent] = await journey!.site.handle.db.select().from(emails).where(eq(emails.toAddress, 'aled.jones@brackenford.example.org'))
    applicationLink = /\/join\/applications\/[A-Za-z0-9_-]+/.exec(sent?.bodyText ?? '')?.[0] ?? ''
    assert.ok(page.url().includes(applicationLink), 'the emailed link is the confirmation page’s')
  })

  it('as an administrator, I approve the application and find the council’s first invoice', async () => {
    const account = new SignInPage(page, baseUrl)
    await account.signIn('secretariat@network.example.org')
    await page.goto(`${baseUrl}/admin/membership/applications`)
    await expectAccessible()
    await page.getByRole('link', { name: councilName }).click()
    assert.match((await page.locator('[data-qa="application"]').textContent()) ?? '', /Sam Lee, Director of Policy/)
    await expectAccessible()

    const decision = page.locator('[data-qa="decision-form"]')
    await decision.getByRole('radio', { name: 'Approve', exact: true }).check()
    await page.locator('[data-qa="record-decision"]').click()
    await page.waitForURL(/\/admin\/membership\/members\/\d+\?approved=yes$/)
    assert.match((await page.locator('[data-qa="saved-banner"]').textContent()) ?? '', /its first invoice has been issued/)
    const invoices = page.locator('[data-qa="invoice-table"] tbody tr')
    assert.equal(await invoices.count(), 1)
    assert.match((await invoices.first().textContent()) ?? '', /Unpaid/)
    await expectAccessible()

    const number = ((await invoices.first().getByRole('link').textContent()) ?? '').trim()
    await invoices.first().getByRole('link').click()
    await page.waitForURL(new RegExp(`/admin/membership/invoices/${number}$`))
    assert.match((await page.locator('[data-qa="invoice-billed-to"]').textContent()) ?? '', new RegExp(councilName))
    assert.match((await page.locator('[data-qa="invoice-status"]').textContent()) ?? '', /Unpaid/)
    await expectAccessible()
    await account.signOut()

    // The applicant's link now says it was approved.
    await page.goto(`${baseUrl}${applicationLink}`)
    assert.match((await page.locator('[data-qa="application"]').textContent()) ?? '', /Approved/)
    await expectAccessible()
  })

  it('as a Welsh-speaking officer, I read the join page in Welsh', async () => {
    await page.goto(`${baseUrl}/cy/join`)
    assert.equal(await page.locator('html').getAttribute('lang'), 'cy')
    assert.notEqual((await page.locator('h1').textContent())?.trim(), 'Join the network')
    await expectAccessible()
    // The type-ahead box's hint, added by the page's script, is Welsh too.
    await page.goto(`${baseUrl}/cy/join?apply=full`)
    assert.match((await page.locator('#council-hint').textContent()) ?? '', /Dechreuwch deipio i ddod o hyd iddo\./)
    await expectAccessible()
  })

  it('as an officer on a phone, I read the join page without scrolling sideways', async () => {
    const phone = await journey!.browser.newContext({ viewport: { width: 375, height: 812 } })
    try {
      const small = await phone.newPage()
      await small.goto(`${baseUrl}/join`)
      assert.equal(await horizontalOverflow(small), 0, '/join is wider than the phone')
      await expectAccessible(small)
    } finally {
      await phone.close()
    }
  })

  it('as an officer without JavaScript, I work out the fee with the plain form', async () => {
    const plain = await journey!.browser.newContext({ javaScriptEnabled: false })
    try {
      const noScript = await plain.newPage()
      await noScript.goto(`${baseUrl}/join`)
      const calculator = noScript.locator('[data-qa="fee-calculator"]')
      await calculator.getByLabel('Tier').selectOption({ label: 'Full member' })
      await calculator.getByLabel('Council (optional)').selectOption({ label: council.name })
      await noScript.locator('[data-qa="calculate-fee"]').click()
      await noScript.waitForURL(/calculate=yes/)
      assert.match((await noScript.locator('[data-qa="fee-result"]').textContent()) ?? '', /£2,500.00 a year/)
    } finally {
      await plain.close()
    }
  })
})
