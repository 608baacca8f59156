// Checks the journeys make on a page, written once.
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'

/** How much wider than the screen the page is (0 when it fits). */
export const horizontalOverflow = (page: Page): Promise<number> => page.evaluate('document.documentElement.scrollWidth - window.innerWidth') as Promise<number>

/** The text of the first element a selector finds, its white space folded. */
export const textOf = async (page: Page, selector: string): Promise<string> =>
  ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim()

/** After sending a form: no error summary (its words are the failure message). */
export async function expectNoErrorSummary(page: Page): Promise<void> {
  await page.waitForLoadState()
  const summary = page.locator('.govuk-error-summary')
  assert.equal(await summary.count(), 0, (await summary.count()) ? ((await summary.textContent()) ?? '') : '')
}
