import { existsSync } from 'node:fs'
import { AxeBuilder } from '@axe-core/playwright'
import { chromium, type Browser, type Page } from 'playwright-core'

export const chromiumPath = '/usr/bin/chromium'

/**
 * Why the journeys cannot run here, or null when they can. In CI a missing browser is a failure,
 * not a skip: the caller turns this into a thrown error there.
 */
export function browserUnavailable(): string | null {
  if (existsSync(chromiumPath)) return null
  return `Chromium is not installed at ${chromiumPath}: browser journeys skipped (apt-get install -y chromium)`
}

export function skipReason(): string | false {
  const reason = browserUnavailable()
  if (reason && process.env.CI === 'true') throw new Error(`${reason}. In CI this is a failure.`)
  if (reason) console.log(`# ${reason}`)
  return reason ?? false
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
}

/** axe with the WCAG 2.2 A and AA rules; returns readable descriptions of any violation. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']).analyze()
  return results.violations.map((v) => `${v.id} (${v.impact}) on ${page.url()}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

export interface FocusedElement {
  id: string
  name: string
  value: string
  qa: string
  text: string
}

/** What has keyboard focus; evaluated as a string so the server code keeps Node's types only. */
export async function focused(page: Page): Promise<FocusedElement> {
  return page.evaluate(`(() => {
    const e = document.activeElement
    return { id: e?.id ?? '', name: e?.name ?? '', value: e?.value ?? '', qa: e?.getAttribute('data-qa') ?? '', text: (e?.textContent ?? '').trim() }
  })()`)
}

/** Presses Tab until the predicate holds, at most `limit` times. */
export async function tabUntil(page: Page, predicate: (f: FocusedElement) => boolean, limit = 40): Promise<FocusedElement> {
  let current = await focused(page)
  for (let i = 0; i < limit && !predicate(current); i++) {
    await page.keyboard.press('Tab')
    current = await focused(page)
  }
  return current
}
