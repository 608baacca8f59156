import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { createAccount, SignInPage } from './support/accounts.ts'
import { accessibilityViolations, skipReason } from './support/browser.ts'
import { openJourney, type Journey } from './support/journey.ts'
import type { RunningSite } from './support/server.ts'

const skip = skipReason()

describe('an officer submits a case study and an editor publishes it', { skip }, () => {
  let site: RunningSite
  let browser: Browser
  let page: Page

  const expectAccessible = async (p: Page = page) => assert.deepEqual(await accessibilityViolations(p), [])

  let journey: Journey | undefined

  before(async () => {
    journey = await openJourney(async (s) => {
      await createAccount(s.handle.db, 'officer@northbrook.example.org', 'officer', 'northbrook-city-council')
      await createAccount(s.handle.db, 'editor@network.example.org', 'editor')
    })
    site = journey.site
    browser = journey.browser
    page = journey.page
  })

  after(async () => {
    await journey?.close()
  })

  it('goes from a draft through a requested change to a published page', async () => {
    const account = new SignInPage(page, site.baseUrl)

    // Sign-in errors are shown accessibly too.
    await page.goto(`${site.baseUrl}/sign-in`)
    await page.locator('[data-qa="sign-in"]').click()
    assert.match((await page.locator('.govuk-error-summary').textContent()) ?? '', /Enter your email address/)
    await expectAccessible()

    await account.signIn('officer@northbrook.example.org')
    await expectAccessible()
    await page.locator('[data-qa="new-case-study"]').click()
    await page.waitForURL(/\/case-studies\/new/)
    await expectAccessible()
    // With JavaScript the lead picker is a type-ahead box, and only then does its hint say to type.
    assert.match((await page.locator('#lead-hint').textContent()) ?? '', /Start typing to find it\./)

    // A first try without a title shows the error summary and keeps what was typed.
    await page.getByLabel('Summary').fill('Neighbours share tools from a library in the old bus depot.')
    await page.locator('[data-qa="save"]').click()
    assert.match((await page.locator('.govuk-error-summary').textContent()) ?? '', /Enter a title/)
    assert.equal(await page.getByLabel('Summary').inputValue(), 'Neighbours share tools from a library in the old bus depot.')
    await expectAccessible()

    await page.getByLabel('Title', { exact: true }).fill('A tool library in the bus depot')
    await page.getByLabel('Project', { exact: true }).check()
    await page.getByLabel('First year').fill('2024')
    await page.getByLabel('Co-production', { exact: true }).check()
    await page.getByLabel('The story').fill('## About the project\n\nResidents lend and borrow tools.')
    await page.locator('[data-qa="save"]').click()
    await page.waitForURL(/\/case-studies\/a-tool-library-in-the-bus-depot\/edit\?saved=created/)
    await expectAccessible()
    await page.locator('[data-qa="submit"]').click()
    await page.waitForURL(/\/dashboard\?submitted=/)
    assert.match((await page.locator('[data-qa="submitted-banner"]').textContent()) ?? '', /sent to the editors/)
    await account.signOut()

    await account.signIn('editor@network.example.org')
    // The editor's own page lists what waits for them, and their account page how they hear of it.
    assert.match((await page.locator('[data-qa="waiting-for-review"]').textContent()) ?? '', /A tool library in the bus depot/)
    await expectAccessible()
    await page.locator('[data-qa="account-link"]').click()
    await page.getByLabel('One email an hour at most, listing what arrived').check()
    await page.locator('[data-qa="save-submission-emails"]').click()
    await page.waitForURL(/\/account\?saved=1/)
    assert.equal(await page.getByLabel('One email an hour at most, listing what arrived').isChecked(), true)
    await expectAccessible()
    await page.goto(`${site.baseUrl}/admin/review`)
    await expectAccessible()
    await page.getByRole('link', { name: 'A tool library in the bus depot' }).click()
    await expectAccessible()
    await page.locator('[data-qa="request-changes"]').click()
    assert.match((await page.locator('.govuk-error-summary').textContent()) ?? '', /Enter what needs to change/)
    await expectAccessible()
    await page.getByLabel('What needs to change?').fill('Please say how many tools there are.')
    await page.locator('[data-qa="request-changes"]').click()
    await page.waitForURL(/\/admin\/review\?sent-back=/)
    await account.signOut()

    await account.signIn('officer@northbrook.example.org')
    await page.goto(`${site.baseUrl}/case-studies/a-tool-library-in-the-bus-depot/edit`)
    assert.match((await page.locator('[data-qa="review-comment"]').textContent()) ?? '', /how many tools/)
    await expectAccessible()
    await page.getByLabel('Summary').fill('Neighbours share 300 tools from a library in the old bus depot.')
    await page.locator('[data-qa="submit"]').click()
    await page.waitForURL(/\/dashboard\?submitted=/)
    await account.signOut()

    await account.signIn('editor@network.example.org')
    await page.goto(`${site.baseUrl}/admin/review/a-tool-library-in-the-bus-depot`)
    await page.locator('[data-qa="publish"]').click()
    await page.waitForURL(/\/admin\/review\?published=/)
    await account.signOut()

    await page.goto(`${site.baseUrl}/case-studies/a-tool-library-in-the-bus-depot`)
    assert.equal((await page.locator('h1').textContent())?.trim(), 'A tool library in the bus depot')
    assert.match((await page.locator('main').textContent()) ?? '', /300 tools/)
    await expectAccessible()
  })

  it('two people saving the same case study: the second sees the conflict page, accessible, with their text kept', async () => {
    const officerContext = await browser.newContext()
    const editorContext = await browser.newContext()
    const officer = await officerContext.newPage()
    const editor = await editorContext.newPage()
    try {
      await new SignInPage(officer, site.baseUrl).signIn('officer@northbrook.example.org')
      await new SignInPage(editor, site.baseUrl).signIn('editor@network.example.org')
      const edit = `${site.baseUrl}/case-studies/a-tool-library-in-the-bus-depot/edit`
      await officer.goto(edit)
      await editor.goto(edit)
      await editor.getByLabel('The story').fill('The editor tidied the story.')
      await editor.locator('[data-qa="save"]').click()
      await editor.waitForURL(/saved=saved/)
      await officer.getByLabel('The story').fill('The officer added the opening hours.')
      await officer.locator('[data-qa="save"]').click()
      await officer.locator('[data-qa="conflict"]').waitFor()
      assert.match(
        (await officer.locator('[data-qa="conflict-table"]').textContent()) ?? '',
        /The officer added the opening hours\.[\s\S]*The editor tidied the story\./,
      )
      assert.equal(await officer.getByLabel('The story').inputValue(), 'The officer added the opening hours.')
      await expectAccessible(officer)
    } finally {
      await officerContext.close()
      await editorContext.close()
    }
  })
})
