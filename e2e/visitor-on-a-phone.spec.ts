// A visitor on a 375-pixel phone: every page fits the screen (nothing scrolls sideways) and stays
// accessible. Screenshots are written to tmp/screenshots/ for a person to look at.
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { accessibilityViolations, skipReason } from './support/browser.ts'
import { openJourney, type Journey } from './support/journey.ts'

const skip = skipReason()
const screenshots = path.resolve(import.meta.dirname, '../tmp/screenshots')

describe('a visitor on a phone', { skip }, () => {
  let journey: Journey | undefined
  let page: Page

  before(async () => {
    journey = await openJourney()
    await journey.page.setViewportSize({ width: 375, height: 812 })
    page = journey.page
    mkdirSync(screenshots, { recursive: true })
  })

  after(async () => {
    await journey?.close()
  })

  /** How much wider than the screen the page is (0 when it fits). */
  const overflow = (): Promise<number> => page.evaluate('document.documentElement.scrollWidth - window.innerWidth') as Promise<number>

  it('reads the members and the partners and funders without scrolling sideways', async () => {
    for (const [name, address] of [
      ['members', '/members'],
      ['partners-and-funders', '/organisations'],
      ['member', '/members/northbrook-city-council'],
    ] as const) {
      await page.goto(`${journey!.site.baseUrl}${address}`)
      await page.screenshot({ path: path.join(screenshots, `phone-${name}.png`), fullPage: true })
      assert.equal(await overflow(), 0, `${address} is wider than the phone`)
      assert.deepEqual(await accessibilityViolations(page), [])
    }
    // On the phone the members table keeps its names, with kind, membership and region beneath them.
    await page.goto(`${journey!.site.baseUrl}/members`)
    assert.equal(await page.locator('th.coophub-wide-only').first().isVisible(), false)
    assert.match((await page.locator('[data-qa="member-table"] .coophub-narrow-only').first().textContent()) ?? '', /member/)
  })

  it('reads the open-data reference without scrolling sideways, in English and Welsh (its examples scroll inside their boxes)', async () => {
    for (const [address, shot] of [
      ['/api', 'phone-api.png'],
      ['/cy/api', 'phone-api-cy.png'],
    ] as const) {
      await page.goto(`${journey!.site.baseUrl}${address}`)
      await page.screenshot({ path: path.join(screenshots, shot), fullPage: true })
      assert.equal(await overflow(), 0, `${address} is wider than the phone`)
      assert.deepEqual(await accessibilityViolations(page), [])
    }
  })
})
