import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { accessibilityViolations, skipReason } from './support/browser.ts'
import { openJourney, type Journey } from './support/journey.ts'
import { SearchPage } from './support/pages.ts'

const skip = skipReason()

describe('a researcher narrows a search', { skip }, () => {
  let journey: Journey | undefined
  let page: Page
  let search: SearchPage

  const expectAccessible = async () => assert.deepEqual(await accessibilityViolations(page), [], page.url())
  const resultCount = async () => Number(((await page.locator('[data-qa="result-count"]').textContent()) ?? '').match(/[\d,]+/)![0].replace(/,/g, ''))

  before(async () => {
    journey = await openJourney()
    page = journey.page
    search = new SearchPage(page)
  })

  after(async () => {
    await journey?.close()
  })

  it('searches, adds and removes facets, goes back, follows "did you mean" and opens a similar case study', async () => {
    const { baseUrl } = journey!.site
    await search.open(baseUrl)
    await search.search('council')
    await page.waitForURL(/q=council/)
    await expectAccessible()
    const all = await resultCount()
    assert.ok(all >= 3, `several case studies mention councils: ${all}`)

    // A facet value's count is what ticking it shows.
    await search.openFacet('Nation')
    const nation = page.getByRole('group', { name: 'Nation', exact: true }).locator('input[type="checkbox"]').first()
    const nationLabel = ((await page.locator(`label[for="${await nation.getAttribute('id')}"]`).textContent()) ?? '').trim()
    const [, nationName, nationCount] = nationLabel.match(/^(.*) \(([\d,]+)\)$/)!
    await nation.check()
    await search.applyFilters()
    await page.waitForURL(/nation=/)
    await expectAccessible()
    assert.equal(await resultCount(), Number(nationCount!.replace(/,/g, '')))
    const withNation = page.url()

    await search.openFacet('Kind')
    const kind = page.getByRole('group', { name: 'Kind', exact: true }).locator('input[type="checkbox"]:not(:checked)').first()
    await kind.check()
    await search.applyFilters()
    await page.waitForURL(/kind=/)
    await expectAccessible()
    const narrowed = await resultCount()
    assert.ok(narrowed <= Number(nationCount!.replace(/,/g, '')))
    assert.match(page.url(), /nation=/, 'the first facet is kept')

    await page.locator('[data-qa="remove-filter"]', { hasText: nationName! }).click()
    await page.waitForURL((url) => !url.search.includes('nation='))
    await expectAccessible()
    assert.ok((await resultCount()) >= narrowed)
    assert.match(page.url(), /kind=/, 'removing one filter keeps the other')

    await page.goBack()
    await page.waitForURL((url) => url.search.includes('nation=') && url.search.includes('kind='))
    await page.goBack()
    await page.waitForURL(withNation)
    assert.equal(await search.searchInput().inputValue(), 'council', 'the address holds the whole search')

    // The search box submits the filters with it: a fresh search starts from the whole library.
    await search.open(baseUrl)
    await search.search('enrgy')
    await page.waitForURL(/q=enrgy/)
    await expectAccessible()
    // Nothing has the word as typed: the closer spelling's results show at once, with a way back.
    assert.match((await page.locator('[data-qa="corrected"]').textContent()) ?? '', /Showing results for energy/)
    await page.locator('[data-qa="search-as-typed"]').click()
    await page.waitForURL(/spelling=as-typed/)
    await expectAccessible()
    const didYouMean = page.locator('[data-qa="did-you-mean-link"]')
    assert.equal((await didYouMean.textContent())?.trim(), 'energy')
    await didYouMean.click()
    await page.waitForURL(/q=energy/)
    await expectAccessible()
    assert.ok((await resultCount()) >= 1)

    await page.locator('[data-qa="case-study-result"] a').first().click()
    await page.waitForSelector('[data-qa="similar"]')
    await expectAccessible()
    const similar = page.locator('[data-qa="similar-case-study"]').first()
    assert.match((await similar.textContent()) ?? '', /Both about|Both meet|A similar title/)
    const title = ((await similar.locator('a').textContent()) ?? '').trim()
    await similar.locator('a').click()
    await page.waitForURL(/\/case-studies\/[a-z0-9-]+$/)
    await expectAccessible()
    assert.equal((await page.locator('h1').textContent())?.trim(), title)
  })
})
