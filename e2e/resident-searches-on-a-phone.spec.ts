// A resident searches the library on a 375-pixel phone, as people type into any search box:
// several words no case study has together, a word joined up, a misspelling. The results come
// first, the keyboard reaches them in a few presses, filters and sort hold. Screenshots go to
// tmp/screenshots/ for a person to look at; axe checks every page visited.
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { accessibilityViolations, focused, skipReason } from './support/browser.ts'
import { openJourney, type Journey } from './support/journey.ts'
import { SearchPage } from './support/pages.ts'

const skip = skipReason()
const screenshots = path.resolve(import.meta.dirname, '../tmp/screenshots')

describe('a resident searches on a phone', { skip }, () => {
  let journey: Journey | undefined
  let page: Page
  let search: SearchPage

  before(async () => {
    journey = await openJourney()
    page = journey.page
    await page.setViewportSize({ width: 375, height: 812 })
    search = new SearchPage(page)
    mkdirSync(screenshots, { recursive: true })
  })

  after(async () => {
    await journey?.close()
  })

  const look = async (name: string) => {
    await page.screenshot({ path: path.join(screenshots, `phone-search-${name}.png`), fullPage: true })
    assert.deepEqual(await accessibilityViolations(page), [])
    assert.equal(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'), 0, 'nothing scrolls sideways')
  }
  const resultCount = async () => Number(/^([\d,]+)/.exec(((await search.resultCount()) ?? '').trim())?.[1]?.replace(/,/g, '') ?? NaN)

  it('finds case studies with some of the words, with the results first and a skip link to them', async () => {
    await search.open(journey!.site.baseUrl)
    await search.search('co-production housing')
    await page.waitForURL(/q=co-production/)
    await look('some-words')
    assert.match(
      (await page.locator('[data-qa="some-words"]').textContent()) ?? '',
      /No case studies contain all of “co-production housing”\. Showing results with some of the words\./,
    )
    assert.ok((await resultCount()) >= 8)
    // The filters are one line until opened; the first result is near the top of the page.
    assert.equal(await page.locator('[data-qa="filter-panel"]').getAttribute('open'), null)
    const first = await page.locator('[data-qa="case-study-result"]').first().boundingBox()
    assert.ok(first && first.y < 1000, `the first result is ${first?.y} px down`)

    // From the search box: Tab to the button, Tab to the skip link, Enter, Tab to the first result.
    await search.searchInput().focus()
    let presses = 0
    while ((await focused(page)).qa !== 'skip-to-results' && presses < 10) {
      await page.keyboard.press('Tab')
      presses++
    }
    assert.equal((await focused(page)).qa, 'skip-to-results')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Tab')
    presses++
    const reached = await focused(page)
    const firstTitle = ((await page.locator('[data-qa="case-study-result"] h3 a').first().textContent()) ?? '').trim()
    assert.equal(reached.text, firstTitle)
    assert.ok(presses <= 4, `${presses} presses of Tab`)
  })

  it('finds a joined-up word in its hyphenated form, and a misspelt one at once with a way back', async () => {
    await search.search('coproduction')
    await page.waitForURL(/q=coproduction/)
    await look('joined-word')
    assert.ok((await resultCount()) >= 5)
    assert.equal(await page.locator('[data-qa="no-results"]').count(), 0)

    await search.search('coproductoin')
    await page.waitForURL(/q=coproductoin/)
    await look('misspelt')
    assert.match((await page.locator('[data-qa="corrected"]').textContent()) ?? '', /Showing results for co-production\.\s*Search instead for coproductoin/)
    assert.ok((await resultCount()) >= 5)
    await page.locator('[data-qa="search-as-typed"]').click()
    await page.waitForURL(/spelling=as-typed/)
    await look('as-typed')
    assert.equal(await page.locator('[data-qa="no-results"]').count(), 1)
    assert.equal(((await page.locator('[data-qa="did-you-mean-link"]').textContent()) ?? '').trim(), 'co-production')
  })

  it('keeps the sort through a filter and a second change, and shows chosen filters as tags that remove them', async () => {
    await search.search('council')
    await page.waitForURL(/q=council/)
    await page.locator('[data-qa="sort"]').selectOption('title')
    await page.locator('[data-qa="apply-sort"]').click()
    await page.waitForURL(/sort=title/)
    assert.equal(await page.locator('[data-qa="sort"]').inputValue(), 'title')

    await search.openFacet('Kind')
    await page.getByRole('group', { name: 'Kind', exact: true }).locator('input[type="checkbox"]').first().check()
    await search.applyFilters()
    await page.waitForURL(/kind=/)
    await look('filtered')
    assert.equal(await page.locator('[data-qa="sort"]').inputValue(), 'title', 'the sort holds after a filter')
    const tag = page.locator('[data-qa="remove-filter"]')
    assert.equal(await tag.count(), 1)
    const tagBox = await tag.boundingBox()
    const firstResult = await page.locator('[data-qa="case-study-result"]').first().boundingBox()
    assert.ok(tagBox && firstResult && tagBox.y < firstResult.y, 'the chosen filter shows above the results')

    await page.locator('[data-qa="sort"]').selectOption('oldest')
    await page.locator('[data-qa="apply-sort"]').click()
    await page.waitForURL(/sort=oldest/)
    assert.equal(new URL(page.url()).searchParams.getAll('sort').join(), 'oldest', 'one sort in the address')
    assert.equal(await page.locator('[data-qa="sort"]').inputValue(), 'oldest', 'the second change holds')
    assert.match(page.url(), /kind=/)

    await page.locator('[data-qa="remove-filter"]').click()
    await page.waitForURL((url) => !url.search.includes('kind='))
    await look('filter-removed')
    assert.equal(await page.locator('[data-qa="remove-filter"]').count(), 0)
    assert.equal(await page.locator('[data-qa="sort"]').inputValue(), 'oldest')
  })
})
