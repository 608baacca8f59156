// A council officer finds an event and takes a place: a visitor browses the events (filtering by
// kind without JavaScript), reads the nearly-full policy-lab workshop and downloads its calendar
// file; the officer signs in and registers (on a phone, with JavaScript off), is told what is
// wrong first, and gets a confirmation email with the .ics attached and a personal calendar feed.
// The calendar files are read back with ical.js, not the generator that made them. Then, without
// signing in, the officer changes their needs and sessions through the emailed link. Every page
// visited passes axe.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { desc, eq } from 'drizzle-orm'
import ICAL from 'ical.js'
import type { BrowserContext, Page } from 'playwright-core'
import { emailAttachments, emails } from '../src/db/schema/index.ts'
import { createAccount, SignInPage } from './support/accounts.ts'
import { accessibilityViolations, skipReason } from './support/browser.ts'
import { openJourney, type Journey } from './support/journey.ts'
import { expectNoErrorSummary, horizontalOverflow, textOf } from './support/page-checks.ts'

const skip = skipReason()
const officer = { email: 'clerk@hollinsford.example.org', organisation: 'hollinsford-parish-council' }
const workshop = '/events/community-energy-policy-lab-workshop'
const vevents = (text: string) => new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent')

describe('an officer registers for an event and gets a calendar file', { skip }, () => {
  let journey: Journey | undefined
  let page: Page
  let baseUrl = ''
  const contexts: BrowserContext[] = []
  const expectAccessible = async (p: Page = page) => assert.deepEqual(await accessibilityViolations(p), [])

  before(async () => {
    journey = await openJourney(async (site) => {
      await createAccount(site.handle.db, officer.email, 'officer', officer.organisation)
    })
    page = journey.page
    baseUrl = journey.site.baseUrl
  })

  after(async () => {
    for (const c of contexts) await c.close()
    await journey?.close()
  })

  it('as a visitor, I find upcoming and past events, filter them, and read one in English and Welsh', async () => {
    await page.goto(`${baseUrl}/events`)
    assert.match(await textOf(page, '[data-qa="upcoming-events"]'), /community energy on public roofs/)
    assert.match(await textOf(page, '[data-qa="past-events"]'), /Annual conference/)
    await expectAccessible()
    await page.selectOption('#kind', 'webinar')
    await page.locator('[data-qa="apply-filters"]').click()
    await page.waitForURL(/kind=webinar/)
    assert.match(await textOf(page, '[data-qa="upcoming-events"]'), /residents’ panel/)
    assert.doesNotMatch(await textOf(page, 'main'), /community energy on public roofs/)
    await page.goto(`${baseUrl}${workshop}`)
    assert.match(await textOf(page, '[data-qa="places-left"]'), /2 places left/)
    assert.match(await textOf(page, '[data-qa="agenda"]'), /Roof surgery/)
    await expectAccessible()
    await page.goto(`${baseUrl}/cy${workshop}`)
    assert.equal(await page.locator('html').getAttribute('lang'), 'cy')
    assert.match(await textOf(page, '[data-qa="places-left"]'), /2 le ar ôl/)
    await expectAccessible()
    await page.goto(`${baseUrl}/events/annual-conference`)
    assert.match(await textOf(page, '[data-qa="materials"]'), /Opening plenary slides/)
    await expectAccessible()
  })

  it('as a visitor, I download an event’s calendar file and the feed, which a standards parser reads', async () => {
    const file = await page.request.get(`${baseUrl}${workshop}.ics`)
    assert.equal(file.status(), 200)
    assert.match(file.headers()['content-type'] ?? '', /^text\/calendar/)
    const [event] = vevents(await file.text())
    assert.equal(event!.getFirstPropertyValue('summary'), 'Policy-lab workshop: community energy on public roofs')
    const feed = await page.request.get(`${baseUrl}/events.ics`)
    assert.equal(vevents(await feed.text()).length, 2)
  })

  it('as an officer on a phone without JavaScript, I am told what is missing, then register', async () => {
    const context = await journey!.browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 812 } })
    contexts.push(context)
    const phone = await context.newPage()
    await new SignInPage(phone, baseUrl).signIn(officer.email)
    await phone.goto(`${baseUrl}${workshop}`)
    await phone.locator('[data-qa="register-link"]').click()
    await phone.waitForURL(/\/register$/)
    assert.equal(await horizontalOverflow(phone), 0)
    await phone.fill('#name', '')
    await phone.locator('[data-qa="register-submit"]').click()
    await phone.waitForLoadState()
    assert.match(await textOf(phone, '.govuk-error-summary'), /Enter your full name/)
    await phone.fill('#name', 'Rhian Ellis')
    await phone.fill('#jobRole', 'Energy officer')
    await phone.fill('#accessNeeds', 'A seat near the front, please')
    await phone.check('input[name="sessions"]')
    await phone.locator('[data-qa="register-submit"]').click()
    await phone.waitForURL(/\/registered\?status=confirmed$/)
    await expectNoErrorSummary(phone)
    assert.match(await textOf(phone, '[data-qa="registered-panel"]'), /You are registered/)
    assert.equal(await horizontalOverflow(phone), 0)
  })

  it('as the officer, my confirmation email carries the calendar file, and my own feed lists my session but not my needs', async () => {
    const db = journey!.site.handle.db
    const [email] = await db.select().from(emails).where(eq(emails.toAddress, officer.email)).orderBy(desc(emails.id))
    assert.match(email!.subject, /You are registered: Policy-lab workshop/)
    const [attachment] = await db.select().from(emailAttachments).where(eq(emailAttachments.emailId, email!.id))
    assert.match(vevents(attachment!.content)[0]!.getFirstPropertyValue('uid') as string, /^event-\d+@/)
    const feedUrl = /(\/events\/feeds\/[A-Za-z0-9_-]+\.ics)/.exec(email!.bodyText)![1]!
    const feed = await page.request.get(`${baseUrl}${feedUrl}`)
    const text = await feed.text()
    assert.match(vevents(text)[0]!.getFirstPropertyValue('summary') as string, /Roof surgery: your buildings/)
    assert.doesNotMatch(text, /seat near the front|Rhian/)
    await page.goto(`${baseUrl}${workshop}`)
    assert.match(await textOf(page, '[data-qa="places-left"]'), /1 place left/)
    await expectAccessible()
    const manage = /(\/events\/manage\/[A-Za-z0-9_-]+)/.exec(email!.bodyText)![1]!
    await page.goto(`${baseUrl}${manage}`)
    assert.match(await textOf(page, '[data-qa="registration"]'), /Place confirmed/)
    assert.match(await textOf(page, '[data-qa="session-standing"]'), /Roof surgery[\s\S]*Place held/)
    await expectAccessible()
  })

  it('as the officer, without signing in, I change my needs and sessions through the link, which then works no more', async () => {
    const db = journey!.site.handle.db
    const [email] = await db.select().from(emails).where(eq(emails.toAddress, officer.email)).orderBy(desc(emails.id))
    const manage = /(\/events\/manage\/[A-Za-z0-9_-]+)/.exec(email!.bodyText)![1]!
    await page.goto(`${baseUrl}/cy${manage}/change`)
    assert.equal(await page.locator('html').getAttribute('lang'), 'cy')
    await expectAccessible()
    await page.goto(`${baseUrl}${manage}`)
    await page.locator('[data-qa="change-registration"]').click()
    await page.waitForURL(/\/change$/)
    assert.equal(await page.inputValue('#accessNeeds'), 'A seat near the front, please')
    await expectAccessible()
    await page.fill('#jobRole', 'x'.repeat(201))
    await page.locator('[data-qa="change-submit"]').click()
    await page.waitForLoadState()
    assert.match(await textOf(page, '.govuk-error-summary'), /200 characters or fewer/)
    await expectAccessible()
    await page.fill('#jobRole', 'Energy officer')
    await page.fill('#dietaryNeeds', 'Vegetarian')
    await page.uncheck('input[name="sessions"]')
    await page.locator('[data-qa="change-submit"]').click()
    await page.waitForURL(/\?changed=1$/)
    assert.match(await textOf(page, 'main'), /Your changes are saved/)
    await expectAccessible()
    const [confirmation] = await db.select().from(emails).where(eq(emails.toAddress, officer.email)).orderBy(desc(emails.id))
    assert.match(confirmation!.subject, /Your registration is updated/)
    assert.match(confirmation!.bodyText, /You have not chosen any sessions with limited places/)
    assert.equal((await page.goto(`${baseUrl}${manage}/change`))!.status(), 404)
    const fresh = /(\/events\/manage\/[A-Za-z0-9_-]+)/.exec(confirmation!.bodyText)![1]!
    await page.goto(`${baseUrl}${fresh}`)
    assert.match(await textOf(page, '[data-qa="registration"]'), /Place confirmed/)
    await expectAccessible()
  })
})
