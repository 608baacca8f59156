import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { DatabaseKind } from '../../src/db/client.ts'
import { launchBrowser } from './browser.ts'
import { startSite, type RunningSite } from './server.ts'

export interface Journey {
  site: RunningSite
  browser: Browser
  context: BrowserContext
  page: Page
  close(): Promise<void>
}

/** The site on a fresh demo database (PGlite unless told) and one browser page; `prepare` runs before the browser starts. */
export async function openJourney(prepare?: (site: RunningSite) => Promise<void>, database: DatabaseKind = 'pglite'): Promise<Journey> {
  const site = await startSite(database)
  await prepare?.(site)
  const browser = await launchBrowser()
  // axe runs inside the page, so journeys keep JavaScript on.
  const context = await browser.newContext()
  const page = await context.newPage()
  return {
    site,
    browser,
    context,
    page,
    async close() {
      await context.close()
      await browser.close()
      await site.close()
    },
  }
}
