import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { accessibilityViolations, focused, skipReason, tabUntil } from './support/browser.ts'
import { SearchPage } from './support/pages.ts'
import { openJourney, type Journey } from './support/journey.ts'
import type { RunningSite } from './support/server.ts'

const skip = skipReason()

describe('a visitor finds a case study', { skip }, () => {
  let site: RunningSite
  let page: Page
  const visited: string[] = []

  const expectAccessible = async () => {
    visited.push(page.url())
    assert.deepEqual(await accessibilityViolations(page), [])
  }

  let journey: Journey | undefined

  before(async () => {
    journey = await openJourney()
    site = journey.site
    page = journey.page
  })

  after(async () => {
    await journey?.close()
  })

  it('searches for a word, filters by a principle, opens a case study and follows its lead member', async () => {
    await page.goto(site.baseUrl)
    await expectAccessible()
    await page.getByLabel(/Search \d+ case studies/).fill('co-operative')
    await page.getByRole('button', { name: 'Search' }).click()
    await page.waitForURL(/\/case-studies\?q=co-operative/)
    await expectAccessible()

    const search = new SearchPage(page)
    const before = await search.resultTitles()
    assert.ok(before.length >= 3, `expected several results, got ${before.length}`)
    assert.ok(await page.locator('mark').count(), 'matched words are highlighted')

    await search.tickPrinciple('Enterprise and social economy')
    await search.applyFilters()
    await page.waitForURL(/principle=enterprise-and-social-economy/)
    await expectAccessible()
    const after = await search.resultTitles()
    assert.ok(after.length >= 1 && after.length < before.length, `filter narrows: ${before.length} → ${after.length}`)
    assert.equal(await search.searchInput().inputValue(), 'co-operative', 'the search words are kept')

    const title = after[0]!
    await page.getByRole('link', { name: title }).click()
    await expectAccessible()
    assert.equal((await page.locator('h1').textContent())?.trim(), title)
    assert.match((await page.locator('[data-qa="principles-met"]').textContent()) ?? '', /Enterprise and social economy/)

    const lead = page.locator('[data-qa="case-study-facts"] .govuk-summary-list__row', { hasText: 'Lead member' }).locator('a')
    const leadName = (await lead.first().textContent())?.trim() ?? ''
    await lead.first().click()
    await page.waitForURL(/\/members\//)
    await expectAccessible()
    assert.equal((await page.locator('h1').textContent())?.trim(), leadName)
    assert.match((await page.locator('main').textContent()) ?? '', new RegExp(title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
  })

  it('axe is really checking: a page with a known fault is reported', async () => {
    await page.setContent('<html><body><img src="x.png"><input type="text"></body></html>')
    const violations = await accessibilityViolations(page)
    assert.ok(
      violations.some((v) => v.startsWith('image-alt')),
      violations.join('\n'),
    )
  })

  it('the principles, members and a principle page are accessible too', async () => {
    for (const path of ['/principles', '/principles/co-production', '/members', '/case-studies?q=zzzzqqq', '/no-such-page']) {
      await page.goto(`${site.baseUrl}${path}`)
      await expectAccessible()
    }
  })

  it('works with the keyboard alone: search, tick a filter, apply', async () => {
    await page.goto(`${site.baseUrl}/case-studies`)
    await page.keyboard.press('Tab')
    assert.equal((await focused(page)).text, 'Skip to main content')
    await page.keyboard.press('Enter')
    assert.equal((await tabUntil(page, (f) => f.id === 'q')).id, 'q', 'the search box is reachable by Tab')
    await page.keyboard.type('allotment')
    await page.keyboard.press('Enter')
    await page.waitForURL(/q=allotment/)
    assert.match((await new SearchPage(page).resultCount()) ?? '', /1 case study found/)

    const checkbox = await tabUntil(page, (f) => f.name === 'principle')
    assert.equal(checkbox.name, 'principle', 'a principle checkbox is reachable by Tab')
    await page.keyboard.press('Space')
    assert.equal((await tabUntil(page, (f) => f.qa === 'apply-filters')).qa, 'apply-filters')
    await page.keyboard.press('Enter')
    await page.waitForURL(new RegExp(`principle=${checkbox.value}`))
    assert.match(page.url(), /q=allotment/)
    await expectAccessible()
  })
})
