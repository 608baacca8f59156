// An editor signed in on a laptop and a phone downloads what the site holds about them, then signs
// out on every device from the laptop; later they ask to be forgotten, and an administrator (without
// JavaScript) erases their personal data, corrected once by the error summary. Every page visited
// passes axe, and the account page fits a 375 px phone.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { BrowserContext, Page } from 'playwright-core'
import { eq } from 'drizzle-orm'
import { users } from '../src/db/schema/index.ts'
import { createAccount, journeyPassword, signedInPage } from './support/accounts.ts'
import { accessibilityViolations, skipReason } from './support/browser.ts'
import { openJourney, type Journey } from './support/journey.ts'
import { horizontalOverflow, textOf } from './support/page-checks.ts'

const skip = skipReason()
const editor = 'dana.editor@network.example.org'
const admin = 'chief@network.example.org'

describe('a person signs out everywhere and asks to be forgotten', { skip }, () => {
  let journey: Journey | undefined
  let baseUrl = ''
  const contexts: BrowserContext[] = []
  const expectAccessible = async (p: Page) => assert.deepEqual(await accessibilityViolations(p), [])

  before(async () => {
    journey = await openJourney(async (site) => {
      await createAccount(site.handle.db, editor, 'editor')
      await createAccount(site.handle.db, admin, 'admin')
    })
    baseUrl = journey.site.baseUrl
  })
  after(async () => {
    for (const context of contexts) await context.close()
    await journey?.close()
  })

  it('downloads their data on a phone, and signs out on every device from the laptop', async () => {
    const laptop = await signedInPage(journey!.browser, contexts, baseUrl, editor)
    const phone = await signedInPage(journey!.browser, contexts, baseUrl, editor, { width: 375, height: 812 })

    await phone.goto(`${baseUrl}/account`)
    assert.equal(await horizontalOverflow(phone), 0, '/account is wider than the phone')
    await expectAccessible(phone)
    const download = await phone.request.get(`${baseUrl}/account/data`)
    assert.equal(download.status(), 200)
    const data = (await download.json()) as { account: { email: string } }
    assert.equal(data.account.email, editor)

    await laptop.goto(`${baseUrl}/account`)
    await expectAccessible(laptop)
    await laptop.locator('[data-qa="sign-out-everywhere"]').click()
    await laptop.waitForURL(/\/signed-out-everywhere$/)
    assert.match(await textOf(laptop, '[data-qa="signed-out-everywhere"]'), /You have been signed out on every device/)
    await expectAccessible(laptop)

    await phone.goto(`${baseUrl}/account`)
    await phone.waitForURL(/\/sign-in/)
    assert.equal(await horizontalOverflow(phone), 0)
  })

  it('is erased by an administrator working without JavaScript', async () => {
    const plain = await journey!.browser.newContext({ javaScriptEnabled: false })
    contexts.push(plain)
    const page = await plain.newPage()
    await page.goto(`${baseUrl}/sign-in`)
    await page.getByLabel('Email address').fill(admin)
    await page.getByLabel('Password', { exact: true }).fill(journeyPassword)
    await page.locator('[data-qa="sign-in"]').click()
    await page.waitForURL(/\/dashboard/)

    const [person] = await journey!.site.handle.db.select().from(users).where(eq(users.email, editor))
    await page.goto(`${baseUrl}/admin/users/${person!.id}`)
    await page.locator('[data-qa="erase-link"]').click()
    await page.waitForURL(/\/erase$/)
    await page.locator('[data-qa="erase"]').click()
    assert.match(await page.title(), /^Error: /)
    await page.getByRole('link', { name: 'Confirm that you want to erase this person’s personal data' }).click()
    await page.getByLabel(/will be erased for good/).check()
    await page.locator('[data-qa="erase"]').click()
    await page.waitForURL(new RegExp(`/admin/users/${person!.id}`))
    assert.match(await textOf(page, 'h1'), new RegExp(`Former account ${person!.id}`))

    // The same pages with JavaScript on, for axe.
    const checked = await signedInPage(journey!.browser, contexts, baseUrl, admin)
    await checked.goto(`${baseUrl}/admin/users/${person!.id}/erase`)
    await expectAccessible(checked)
  })
})
