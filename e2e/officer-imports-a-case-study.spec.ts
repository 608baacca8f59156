import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { createAccount, SignInPage } from './support/accounts.ts'
import { accessibilityViolations, skipReason } from './support/browser.ts'
import { openJourney, type Journey } from './support/journey.ts'
import type { RunningSite } from './support/server.ts'

const skip = skipReason()

// A case-study page as a council might have published it, written for this test: no title line,
// so the importer proposes one and flags it.
const pastedPage = [
  'Principles met',
  '-',
  'Co-production',
  'Residents help design and commission the services they use and have a real say in how public money is spent.',
  '',
  'Every spring, tenants on the Hollins estate choose how the estate’s small-grants pot is spent, at an open meeting in the community hall.',
  '',
  'About the project',
  '',
  'Forty households voted on twelve ideas; a tool shed and a mural won.',
  '',
  'For more information contact:',
  'Sam Okafor',
  'Community Engagement Officer',
  'Northbrook City Council',
].join('\n')

describe('an officer imports a case study', { skip }, () => {
  let site: RunningSite
  let page: Page

  const expectAccessible = async () => assert.deepEqual(await accessibilityViolations(page), [])

  let journey: Journey | undefined

  before(async () => {
    journey = await openJourney(async (s) => {
      await createAccount(s.handle.db, 'importer@northbrook.example.org', 'officer', 'northbrook-city-council')
    })
    site = journey.site
    page = journey.page
  })

  after(async () => {
    await journey?.close()
  })

  it('pastes a page, reviews the reading, fixes the title and saves the draft', async () => {
    page.setDefaultTimeout(15_000)
    await new SignInPage(page, site.baseUrl).signIn('importer@northbrook.example.org')
    await page.goto(`${site.baseUrl}/import`)
    await expectAccessible()

    // Nothing chosen or pasted: the error summary, accessible too.
    await page.locator('[data-qa="read"]').click()
    assert.match((await page.locator('.govuk-error-summary').textContent()) ?? '', /Choose a file or paste the text of a case study/)
    await expectAccessible()

    await page.getByLabel('Or paste the text').fill(pastedPage)
    await page.locator('[data-qa="read"]').click()
    await page.locator('[data-qa="review-form"]').waitFor()
    assert.match((await page.locator('[data-qa="warning-title"]').first().textContent()) ?? '', /is proposed from the text/)
    assert.equal(await page.getByLabel('Co-production', { exact: true }).isChecked(), true)
    assert.equal(await page.getByLabel('Name', { exact: true }).inputValue(), 'Sam Okafor')
    await expectAccessible()

    await page.getByLabel('Title', { exact: true }).fill('Tenants choose how the Hollins estate grants are spent')
    await page.locator('[data-qa="save"]').click()
    await page.waitForURL(/\/case-studies\/tenants-choose-how-the-hollins-estate-grants-are-spent\/edit\?saved=created/)
    assert.match((await page.locator('[data-qa="saved-banner"]').textContent()) ?? '', /created as a draft/)
    assert.match(await page.getByLabel('The story').inputValue(), /Forty households voted/)
    await expectAccessible()
  })
})
