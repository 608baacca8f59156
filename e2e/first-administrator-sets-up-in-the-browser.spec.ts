// A fresh install, started as `npm start` starts it: the demo content loads into an empty data
// folder, nobody has an account, and the server prints a one-time link. The person who installed
// it opens the link on a phone, makes the first administrator account, and lands signed in.
// Screenshots are written to tmp/screenshots/ for a person to look at.
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { accessibilityViolations, focused, launchBrowser, skipReason } from './support/browser.ts'
import { startCoophubProcess, type CoophubProcess } from '../test/coophub-process.ts'

const skip = skipReason()
const screenshots = path.resolve(import.meta.dirname, '../tmp/screenshots')

describe('the first administrator sets up the site in the browser', { skip }, () => {
  let server: CoophubProcess
  let browser: Browser
  let page: Page
  let link = ''

  const expectAccessible = async () => assert.deepEqual(await accessibilityViolations(page), [])
  const expectFits = async () =>
    assert.equal(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'), 0, `${page.url()} is wider than the phone`)
  const screenshot = (name: string) => page.screenshot({ path: path.join(screenshots, `phone-${name}.png`), fullPage: true })

  before(async () => {
    mkdirSync(screenshots, { recursive: true })
    server = await startCoophubProcess()
    browser = await launchBrowser()
    page = await (await browser.newContext({ viewport: { width: 375, height: 812 } })).newPage()
  })

  after(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('the server loads the demo into the new folder and prints the set-up link on a line of its own', async () => {
    await server.waitFor(/coophub is serving/)
    const printed = await server.waitFor(/^ +(http:\/\/127\.0\.0\.1:\d+\/set-up\/[A-Za-z0-9_-]{43})$/m)
    link = printed[1]!
    assert.ok(link.startsWith(server.baseUrl), link)
    const output = server.output()
    assert.match(output, /loaded the demo content/)
    assert.match(output, /No administrator account exists yet/)
    // The structured log is written asynchronously: it may arrive just after the plain lines.
    const logged = `"msg":"No administrator account yet: create the first at ${link}"`
    await server.waitFor(new RegExp(logged.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
  })

  it('opens the link, is told what is wrong, and corrects it', async () => {
    await page.goto(link)
    assert.match(await page.title(), /^Create the first administrator account/)
    await expectFits()
    await expectAccessible()
    await screenshot('set-up')

    await page.getByLabel('Full name').fill('Nia Roberts')
    await page.getByLabel('Email address').fill('nia@example.org')
    await page.getByLabel('Password', { exact: true }).fill('too short')
    await page.locator('[data-qa="create-administrator"]').click()
    assert.match(await page.title(), /^Error: Create the first administrator account/)
    assert.match((await focused(page)).text, /^There is a problem/, 'the error summary has focus')
    await page.getByRole('link', { name: 'Password must be 12 characters or more' }).click()
    assert.equal((await focused(page)).id, 'password')
    assert.equal(await page.getByLabel('Full name').inputValue(), 'Nia Roberts', 'what was typed is kept')
    await expectFits()
    await expectAccessible()
    await screenshot('set-up-error')
  })

  it('creates the account and lands on the dashboard signed in, as an administrator', async () => {
    await page.getByLabel('Password', { exact: true }).fill('a river a kettle and a lantern')
    await page.locator('[data-qa="create-administrator"]').click()
    await page.waitForURL(/\/dashboard\?set-up=1$/)
    assert.match((await page.locator('[data-qa="set-up-banner"]').textContent()) ?? '', /Your administrator account is ready/)
    assert.match((await page.locator('main').textContent()) ?? '', /Signed in as Nia Roberts/)
    await expectFits()
    await expectAccessible()
    await screenshot('set-up-done')

    await page.getByRole('link', { name: 'invite the editors and member officers' }).click()
    await page.waitForURL(/\/admin\/users\/new$/)
    await expectAccessible()
  })

  it('the link no longer opens anything', async () => {
    const answer = await page.goto(link)
    assert.equal(answer?.status(), 404)
    assert.match(await page.title(), /^Page not found/)
    assert.equal(await page.locator('[data-qa="set-up-form"]').count(), 0)
  })
})
