// The secretariat makes the year's case-study pack in the browser: told what is missing first
// (the period, and the description of the cover image it chose), previews the HTML edition with
// its cover image, publishes it; a visitor reads the pack on a phone and in Welsh and
// downloads the PDF; the preview works without JavaScript. Every page visited passes axe.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { BrowserContext, Page } from 'playwright-core'
import { buildCaseStudy } from '../test/factories.ts'
import { pngImage } from '../test/images.ts'
import { createAccount, SignInPage, signedInPage } from './support/accounts.ts'
import { accessibilityViolations, skipReason } from './support/browser.ts'
import { openJourney, type Journey } from './support/journey.ts'
import { expectNoErrorSummary, horizontalOverflow, textOf } from './support/page-checks.ts'

const skip = skipReason()
const admin = 'secretariat@network.example.org'
const titles = ['Residents set the budget for parks in Llŷn', 'A tenants’ panel signs off every retrofit']
const packUrl = '/publications/case-study-pack-2031'
const coverAlt = 'Residents voting on the parks budget in Nefyn village hall'

describe('the secretariat publishes the annual pack', { skip }, () => {
  let journey: Journey | undefined
  let baseUrl = ''
  const contexts: BrowserContext[] = []
  const expectAccessible = async (p: Page) => assert.deepEqual(await accessibilityViolations(p), [])

  before(async () => {
    journey = await openJourney(async (site) => {
      await createAccount(site.handle.db, admin, 'admin')
      // A year of its own, so the demo's case studies stay out of this pack.
      await buildCaseStudy(site.handle.db, {
        title: titles[0],
        yearStart: 2031,
        body: '## What we did\n\n- Workshops\n- A vote\n\n| Ward | Votes |\n|---|---|\n| Nefyn | 412 |',
      })
      await buildCaseStudy(site.handle.db, { title: titles[1], yearStart: 2031, body: `A very long word: ${'x'.repeat(300)}` })
    })
    baseUrl = journey.site.baseUrl
  })

  after(async () => {
    for (const c of contexts) await c.close()
    await journey?.close()
  })

  it('as the secretariat, I am told what is missing, preview the pack and publish it', async () => {
    const page = await signedInPage(journey!.browser, contexts, baseUrl, admin)
    await page.goto(`${baseUrl}/admin`)
    await page.getByRole('link', { name: 'The annual case-study pack' }).click()
    await page.waitForURL(/\/admin\/publications\/packs\/new$/)
    await expectAccessible(page)

    await page.locator('#year').fill('')
    await page.locator('#coverImage').setInputFiles({ name: 'cover.png', mimeType: 'image/png', buffer: pngImage(300, 200) })
    await page.locator('[data-qa="preview-pack"]').click()
    await page.waitForLoadState()
    const errors = await textOf(page, '.govuk-error-summary')
    assert.match(errors, /Enter a year, or the dates the pack covers/)
    assert.match(errors, /Enter a description of the cover image/)
    // The image sent is kept: it need not be chosen again.
    assert.match(await textOf(page, '[data-qa="cover-chosen"]'), /An image is chosen for the cover/)
    await expectAccessible(page)

    await page.locator('#year').fill('2031')
    await page.locator('#coverAlt').fill(coverAlt)
    await page.getByLabel('Foreword (optional)').fill('## A year of co-operation\n\nThank you to every *council*.')
    await page.locator('[data-qa="preview-pack"]').click()
    await expectNoErrorSummary(page)
    assert.match(await textOf(page, '[data-qa="preview-count"]'), /2 case studies will be in the pack/)
    const preview = await textOf(page, '[data-qa="pack-preview"]')
    for (const title of titles) assert.ok(preview.includes(title), title)
    const previewImage = page.locator('[data-qa="pack-preview"] img.pack-cover-image')
    assert.equal(await previewImage.getAttribute('alt'), coverAlt)
    assert.equal(await previewImage.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth), 300)
    await expectAccessible(page)

    await page.locator('[data-qa="publish-pack"]').click()
    await page.waitForURL(new RegExp(`${packUrl}\\?published=1$`))
    assert.match(await textOf(page, '[data-qa="saved-banner"]'), /The pack is published/)
    assert.match(await textOf(page, '[data-qa="pack-pdf"]'), /Download the PDF \(\d+ pages, \d+ kB\)/)
    const cover = page.locator('[data-qa="pack-edition"] img.pack-cover-image')
    assert.equal(await cover.getAttribute('alt'), coverAlt)
    assert.equal(
      await cover.evaluate(
        (img) => (img as unknown as { complete: boolean; naturalWidth: number }).complete && (img as unknown as { naturalWidth: number }).naturalWidth,
      ),
      300,
    )
    await expectAccessible(page)

    const pdf = await page.request.get(`${baseUrl}${packUrl}/pack.pdf`)
    assert.equal(pdf.status(), 200)
    assert.equal((await pdf.body()).subarray(0, 5).toString(), '%PDF-')
  })

  it('as a visitor on a phone, I read the pack without scrolling sideways, and follow its contents', async () => {
    const phone = await journey!.browser.newContext({ viewport: { width: 375, height: 812 } })
    contexts.push(phone)
    const small = await phone.newPage()
    await small.goto(`${baseUrl}/publications`)
    await small.getByRole('link', { name: 'Case-study pack 2031' }).click()
    await small.waitForURL(new RegExp(`${packUrl}$`))
    assert.equal(await horizontalOverflow(small), 0, 'the pack is wider than the phone')
    await expectAccessible(small)
    await small.locator('nav[aria-labelledby="pack-contents"]').getByRole('link', { name: titles[0] }).click()
    await small.waitForURL(/#case-study-\d+$/)
    await small.goto(`${baseUrl}/publications`)
    assert.equal(await horizontalOverflow(small), 0)
    await expectAccessible(small)
  })

  it('as a visitor, I read the pack’s page in Welsh', async () => {
    const page = journey!.page
    await page.goto(`${baseUrl}/cy${packUrl}`)
    assert.equal(await page.locator('html').getAttribute('lang'), 'cy')
    assert.match(await textOf(page, '[data-qa="pack-pdf"]'), /Lawrlwytho’r PDF/)
    await expectAccessible(page)
  })

  it('as the secretariat without JavaScript, I preview a pack with the plain form', async () => {
    const plain = await journey!.browser.newContext({ javaScriptEnabled: false })
    contexts.push(plain)
    const page = await plain.newPage()
    await new SignInPage(page, baseUrl).signIn(admin)
    await page.goto(`${baseUrl}/admin/publications/packs/new`)
    await page.locator('#year').fill('2031')
    await page.locator('[data-qa="preview-pack"]').click()
    await page.waitForLoadState()
    assert.match(await textOf(page, '[data-qa="preview-count"]'), /2 case studies will be in the pack/)
  })
})
