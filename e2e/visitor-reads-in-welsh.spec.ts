// A visitor reads the site in Welsh: from the home page to Cymraeg, a search, a case study, and
// back to the same page in English. On every page: axe finds nothing, <html lang> is right, and on
// Welsh pages the case studies' own text (written in English) says so with lang="en".
// Screenshots are written to tmp/screenshots/ for a person to look at.
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import type { Page, Response } from 'playwright-core'
import { demoCaseStudies } from '../src/features/demo/content/case-studies.ts'
import { demoPrinciples } from '../src/features/demo/content/principles.ts'
import { englishOn } from '../test/welsh.ts'
import { accessibilityViolations, skipReason } from './support/browser.ts'
import { openJourney, type Journey } from './support/journey.ts'

const skip = skipReason()
/** The demo's content written in Welsh (a case study, principles' Welsh wordings): in its own language on a Welsh page, unmarked. */
const welshContent = new Set([
  ...demoCaseStudies.filter((c) => c.language === 'cy').flatMap((c) => [c.title, c.summary]),
  ...demoPrinciples.flatMap((p) => (p.shortNameCy ? [p.shortNameCy] : [])),
])
const screenshots = path.resolve(import.meta.dirname, '../tmp/screenshots')

describe('a visitor reads in Welsh', { skip }, () => {
  let journey: Journey | undefined
  let page: Page
  let base = ''

  before(async () => {
    journey = await openJourney()
    page = journey.page
    base = journey.site.baseUrl.replace(/\/+$/, '')
    mkdirSync(screenshots, { recursive: true })
  })

  after(async () => {
    await journey?.close()
  })

  /** Does something that loads a page, and gives the page's response. */
  const navigate = async (action: () => Promise<unknown>): Promise<Response> => {
    const [response] = await Promise.all([page.waitForResponse((r) => r.request().isNavigationRequest() && r.request().frame() === page.mainFrame()), action()])
    await page.waitForLoadState('load')
    return response
  }

  const checkPage = async (name: string, response: Response, lang: 'en' | 'cy') => {
    assert.equal(response.status(), 200, `${name}: status`)
    assert.equal(await page.locator('html').getAttribute('lang'), lang, `${name}: <html lang>`)
    assert.deepEqual(await accessibilityViolations(page), [], `${name}: axe`)
    await page.screenshot({ path: path.join(screenshots, `welsh-${name}.png`), fullPage: true })
  }

  /** Elements holding content that are not inside an element saying lang="en", Welsh content aside: none may be left on a Welsh page. */
  const unmarked = async (selector: string) =>
    (
      await page.locator(selector).evaluateAll((elements) => elements.filter((e) => e.closest('[lang="en"]') === null).map((e) => e.textContent?.trim() ?? ''))
    ).filter((text) => !welshContent.has(text))

  it('switches to Cymraeg, searches, opens a case study and switches back to the same page in English', async () => {
    await checkPage('home-en', await navigate(() => page.goto(`${base}/`)), 'en')

    // The language switch in the header.
    await checkPage('home-cy', await navigate(() => page.getByRole('link', { name: 'Cymraeg' }).click()), 'cy')
    assert.equal(page.url(), `${base}/cy`)
    assert.deepEqual(englishOn(await page.content()), [], 'no English interface text on the Welsh home page')
    assert.ok((await page.locator('[data-qa="case-study-list"] a[lang="en"]').count()) > 0, 'listed titles are marked English')
    assert.deepEqual(
      await unmarked('[data-qa="case-study-list"] .coophub-result__title a, [data-qa="case-study-list"] p.govuk-body, [data-qa="home-principles"] a'),
      [],
    )

    // The search page: only its language, status and accessibility are checked here.
    await page.getByLabel(/^Chwilio \d+ astudiaeth/).fill('co-operative')
    const results = await navigate(() => page.getByRole('button', { name: 'Chwilio', exact: true }).click())
    assert.match(page.url(), /\/cy\/case-studies\?q=co-operative/)
    await checkPage('search-cy', results, 'cy')

    const first = page.locator('[data-qa="case-study-result"] a').first()
    const title = (await first.textContent())?.trim() ?? ''
    assert.ok(title, 'the search found a case study')
    await checkPage('case-study-cy', await navigate(() => first.click()), 'cy')
    const welshUrl = page.url()
    assert.match(welshUrl, new RegExp(`^${base}/cy/case-studies/[a-z0-9-]+$`))
    assert.deepEqual(englishOn(await page.content()), [], 'no English interface text on the Welsh case-study page')
    assert.equal(await page.locator('h1').getAttribute('lang'), 'en')
    assert.equal((await page.locator('h1').textContent())?.trim(), title)
    assert.equal(await page.locator('[data-qa="case-study-body"]').getAttribute('lang'), 'en')
    assert.deepEqual(await unmarked('[data-qa="case-study-facts"] a, [data-qa="principles-met"] a, [data-qa="similar-case-study"] > a'), [])
    assert.match((await page.locator('main').textContent()) ?? '', /Egwyddorion ar waith/)

    // Back to English: the same case study.
    await checkPage('case-study-en', await navigate(() => page.getByRole('link', { name: 'English' }).click()), 'en')
    assert.equal(page.url(), welshUrl.replace('/cy/', '/'))
    assert.equal((await page.locator('h1').textContent())?.trim(), title)
    assert.equal(await page.locator('h1').getAttribute('lang'), null, 'English content on an English page needs no lang of its own')
    assert.match((await page.locator('main').textContent()) ?? '', /Principles met/)
  })
})
