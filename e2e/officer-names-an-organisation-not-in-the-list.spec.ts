// An officer types a partner the list does not have into the type-ahead box: the name is not lost,
// the form says so and offers to add it, and the case study is saved with it.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createAccount, SignInPage } from './support/accounts.ts'
import { accessibilityViolations, skipReason } from './support/browser.ts'
import { openJourney, type Journey } from './support/journey.ts'

const skip = skipReason()

describe('an officer names an organisation that is not in the list', { skip }, () => {
  let journey: Journey | undefined

  before(async () => {
    journey = await openJourney((s) => createAccount(s.handle.db, 'officer@northbrook.example.org', 'officer', 'northbrook-city-council'))
  })

  after(async () => {
    await journey?.close()
  })

  it('is told the typed name is not in the list, adds it, and saves the case study with it', async () => {
    const { page, site } = journey!
    await new SignInPage(page, site.baseUrl).signIn('officer@northbrook.example.org')
    await page.goto(`${site.baseUrl}/case-studies/new`)
    await page.getByLabel('Title', { exact: true }).fill('Repair café in the library')
    // The partners' type-ahead box: a name the list lacks, typed and left.
    await page.locator('#partners').fill('Fixit Volunteers Collective')
    await page.keyboard.press('Tab')
    await page.locator('[data-qa="save"]').click()

    const summary = (await page.locator('.govuk-error-summary').textContent()) ?? ''
    assert.match(summary, /“Fixit Volunteers Collective” is not in the list of organisations/)
    assert.deepEqual(await accessibilityViolations(page), [])
    // The section for an organisation not in the list is open, with the name and its role waiting.
    assert.equal(await page.getByLabel('Name of the organisation').inputValue(), 'Fixit Volunteers Collective')
    assert.equal(await page.getByLabel('A partner').isChecked(), true)
    await page.getByRole('radio', { name: 'Organisation', exact: true }).check()
    await page.locator('#partners').fill('')
    await page.locator('[data-qa="save"]').click()
    await page.waitForURL(/\/case-studies\/repair-cafe-in-the-library\/edit\?saved=created/)
    await page.goto(`${site.baseUrl}/case-studies/repair-cafe-in-the-library/preview`)
    assert.match((await page.locator('[data-qa="case-study-facts"]').textContent()) ?? '', /Partners\s*Fixit Volunteers Collective/)
    assert.deepEqual(await accessibilityViolations(page), [])
  })
})
