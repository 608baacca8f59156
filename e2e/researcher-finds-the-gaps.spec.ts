import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { accessibilityViolations, skipReason } from './support/browser.ts'
import { openJourney, type Journey } from './support/journey.ts'
import { horizontalOverflow, textOf } from './support/page-checks.ts'

const skip = skipReason()

/** The total a results page states. */
const resultCount = async (page: Page) => Number((await textOf(page, '[data-qa="result-count"]')).match(/^[\d,]+/)![0].replace(/,/g, ''))

describe('a researcher finds the gaps', { skip }, () => {
  let journey: Journey | undefined
  let page: Page

  const expectAccessible = async () => assert.deepEqual(await accessibilityViolations(page), [], page.url())

  before(async () => {
    journey = await openJourney()
    page = journey.page
  })

  after(async () => {
    await journey?.close()
  })

  it('goes from the coverage to a cell’s results, their map and a council’s results', async () => {
    const { baseUrl } = journey!.site
    await page.goto(`${baseUrl}/insights`)
    await expectAccessible()
    assert.match(await textOf(page, '[data-qa="least-covered"]'), /least covered in \d{4}/)

    // The busiest cell of the heat table: its figure is the total of the search it opens.
    const cells = page.locator('[data-qa="heat-table"] td.coophub-heat a[data-qa="figure"]')
    let best = 0
    let bestIndex = 0
    for (let i = 0; i < (await cells.count()); i++) {
      const n = Number(((await cells.nth(i).textContent()) ?? '0').replace(/,/g, ''))
      if (n > best) [best, bestIndex] = [n, i]
    }
    assert.ok(best > 0, 'some principle has case studies in some year')
    await cells.nth(bestIndex).click()
    await page.waitForURL(/\/case-studies\?principle=[a-z0-9-]+&year=\d{4}$/)
    await expectAccessible()
    assert.equal(await resultCount(page), best)
    const search = new URL(page.url()).search

    await page.locator('[data-qa="map-link"]').click()
    await page.waitForURL((url) => url.pathname === '/case-studies/map' && url.search === search)
    await expectAccessible()
    const rows = page.locator('[data-qa="map-table"] tbody tr')
    assert.ok((await rows.count()) > 0, 'some council on the map took part')
    const first = rows.first()
    const council = (await first.locator('th').textContent())!.trim()
    const count = Number(((await first.locator('a').textContent()) ?? '').replace(/,/g, ''))
    const code = await first.getAttribute('data-code')
    // The hexagon of the same council says the same figure, and links to the same results.
    const hex = page.locator(`[data-qa="hexmap"] use[data-code="${code}"]`)
    assert.equal(await hex.getAttribute('data-count'), String(count))
    assert.ok(count > 0)

    await page.locator(`[data-qa="hexmap"] a:has(use[data-code="${code}"])`).click()
    await page.waitForURL(/member=/)
    await expectAccessible()
    assert.equal(await resultCount(page), count)
    assert.match(page.url(), new RegExp(search.slice(1).replace(/[?&]/g, '.')), 'the search is kept')
    assert.ok(council.length > 0)
  })

  it('sees the members by tier on a map, and a case study described for search engines', async () => {
    const { baseUrl } = journey!.site
    await page.goto(`${baseUrl}/members`)
    await page.locator('[data-qa="members-map"] summary').click()
    await expectAccessible()
    assert.ok((await page.locator('[data-qa="members-map"] svg a').count()) > 0, 'member councils are on the map')
    await page.locator('[data-qa="members-map"] svg a').first().click()
    await page.waitForURL(/\/members\/[a-z0-9-]+$/)
    await expectAccessible()
    await page.goto(`${baseUrl}/case-studies`)
    await page.locator('[data-qa="case-study-result"] a').first().click()
    await page.waitForURL(/\/case-studies\/[a-z0-9-]+$/)
    await expectAccessible()
    const data = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!) as Record<string, unknown>
    assert.equal(data['@type'], 'Article')
    const image = await page.locator('meta[property="og:image"]').getAttribute('content')
    const png = await page.request.get(`${baseUrl}${image}`)
    assert.equal(png.headers()['content-type'], 'image/png')
  })

  it('fits a phone and works without JavaScript', async () => {
    const { baseUrl } = journey!.site
    for (const [options, label] of [
      [{ viewport: { width: 375, height: 812 } }, 'phone'],
      [{ javaScriptEnabled: false }, 'no JavaScript'],
    ] as const) {
      const context = await journey!.browser.newContext(options)
      const other = await context.newPage()
      for (const address of ['/insights', '/case-studies/map', '/cy/insights', '/members']) {
        await other.goto(`${baseUrl}${address}`)
        assert.equal(await other.locator('h1').count(), 1, `${label} ${address}`)
        assert.ok((await horizontalOverflow(other)) <= 0, `${label} ${address} overflows`)
      }
      await context.close()
    }
  })
})
