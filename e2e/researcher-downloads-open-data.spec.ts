import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { accessibilityViolations, skipReason } from './support/browser.ts'
import { openJourney, type Journey } from './support/journey.ts'
import type { RunningSite } from './support/server.ts'

const skip = skipReason()

describe('a researcher downloads open data', { skip }, () => {
  let site: RunningSite
  let page: Page
  let journey: Journey | undefined

  before(async () => {
    journey = await openJourney()
    site = journey.site
    page = journey.page
  })

  after(async () => {
    await journey?.close()
  })

  it('finds the open data reference from the footer, and it is accessible', async () => {
    await page.goto(`${site.baseUrl}/case-studies`)
    await page.getByRole('link', { name: 'Open data and API' }).click()
    await page.waitForURL(/\/api$/)
    assert.equal((await page.locator('h1').textContent())?.trim(), 'Open data and API')
    assert.deepEqual(await accessibilityViolations(page), [])
    const columns = await page.locator('[data-qa="export-columns"] tbody th').allTextContents()
    assert.equal(columns[0]?.trim(), 'slug')
  })

  it('downloads the CSV of a filtered search, and follows it as a feed', async () => {
    await page.goto(`${site.baseUrl}/case-studies?nation=scotland`)
    const csvHref = await page.locator('[data-qa="csv-link"]').getAttribute('href')
    assert.ok(csvHref?.startsWith('/case-studies.csv?nation=scotland'), String(csvHref))
    const csv = await page.request.get(`${site.baseUrl}${csvHref}`)
    assert.equal(csv.status(), 200)
    assert.match(csv.headers()['content-disposition'] ?? '', /attachment; filename="case-studies.csv"/)
    const lines = (await csv.text()).trim().split('\r\n')
    assert.ok(lines.length >= 2, 'a header and at least one case study')

    const feedHref = await page.locator('[data-qa="feed-link"]').getAttribute('href')
    const feed = await page.request.get(`${site.baseUrl}${feedHref}`)
    assert.equal(feed.headers()['content-type'], 'application/atom+xml; charset=utf-8')
    assert.match(await feed.text(), /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/)
  })
})
