// The network's organiser plans an event: creates it (told first what the form needs, including a
// time the clocks skip), builds the agenda session by session and is shown a clash, publishes it,
// then opens the registrations of the nearly-full workshop, its numbers and its printable sign-in
// sheet. After a past event, they add its materials (a link and an uploaded PDF), an attendee answers
// the emailed feedback form, the organiser reads the summary and turns a session into a draft case
// study. Every page visited passes axe; the event form fits a phone.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { BrowserContext, Page } from 'playwright-core'
import { createAccount, signedInPage } from './support/accounts.ts'
import { accessibilityViolations, skipReason } from './support/browser.ts'
import { openJourney, type Journey } from './support/journey.ts'
import { expectNoErrorSummary, horizontalOverflow, textOf } from './support/page-checks.ts'
import { asc, eq } from 'drizzle-orm'
import { buildEvent, inDays } from '../test/events.ts'
import { emails, eventRegistrations, organisations } from '../src/db/schema/index.ts'
import { newToken } from '../src/features/accounts/secrets.ts'
import { sendFeedbackRequests } from '../src/features/events/commands/feedback.ts'

const skip = skipReason()
const organiser = 'events@network.example.org'

/** The last Sunday of March next year: the morning the clocks go forward. */
function clockChangeSunday(): string {
  const year = new Date().getUTCFullYear() + 1
  const d = new Date(Date.UTC(year, 2, 31))
  d.setUTCDate(31 - d.getUTCDay())
  return d.toISOString().slice(0, 10)
}

describe('the organiser builds an event’s agenda', { skip }, () => {
  let journey: Journey | undefined
  let page: Page
  let baseUrl = ''
  let eventUrl = ''
  const contexts: BrowserContext[] = []
  const day = clockChangeSunday()
  const expectAccessible = async (p: Page = page) => assert.deepEqual(await accessibilityViolations(p), [])

  before(async () => {
    journey = await openJourney(async (site) => {
      await createAccount(site.handle.db, organiser, 'admin')
    })
    baseUrl = journey.site.baseUrl
    page = await signedInPage(journey.browser, contexts, baseUrl, organiser)
  })

  after(async () => {
    for (const c of contexts) await c.close()
    await journey?.close()
  })

  it('creates an event on the day the clocks change, told first what is wrong', async () => {
    await page.goto(`${baseUrl}/admin`)
    await page.getByRole('link', { name: 'Events', exact: true }).click()
    await page.waitForURL(/\/admin\/events$/)
    assert.match(await textOf(page, '[data-qa="admin-events"]'), /Annual conference/)
    await expectAccessible()
    await page.locator('[data-qa="new-event"]').click()
    await page.waitForURL(/\/admin\/events\/new$/)
    await expectAccessible()
    await page.fill('#title', 'Spring action-learning set')
    await page.selectOption('#kind', 'action-learning-set')
    await page.check('#status-2')
    await page.fill('#date', day)
    await page.fill('#startTime', '01:30')
    await page.fill('#endTime', '16:00')
    await page.locator('[data-qa="save-event"]').click()
    await page.waitForLoadState()
    const errors = await textOf(page, '.govuk-error-summary')
    assert.match(errors, /That time does not happen in London that day/)
    assert.match(errors, /Enter a venue, or say the event is online/)
    await expectAccessible()
    await page.fill('#startTime', '10:00')
    await page.fill('#venueName', 'Afonwen Library')
    await page.fill('#capacity', '24')
    await page.locator('[data-qa="save-event"]').click()
    await page.waitForURL(/\/admin\/events\/\d+\?saved=1$/)
    await expectNoErrorSummary(page)
    eventUrl = new URL(page.url()).pathname
    await expectAccessible()
  })

  it('adds sessions, is shown a clash in a room, and sees the agenda on the public page with times in BST', async () => {
    const add = async (title: string, from: string, to: string, room: string, speakers = '') => {
      const form = page.locator('[data-qa="add-session"]')
      await form.locator('#session-title').fill(title)
      await form.locator('#session-startTime').fill(from)
      await form.locator('#session-endTime').fill(to)
      await form.locator('#session-room').fill(room)
      await form.locator('#session-speakers').fill(speakers)
      await page.locator('[data-qa="add-session-submit"]').click()
      await page.waitForLoadState()
    }
    await add('What we set out to change', '10:00', '11:00', 'Reading room', 'Sian Roberts, Afonwen County Borough Council')
    await expectNoErrorSummary(page)
    await add('Peer consultancy round', '10:30', '12:00', 'Reading room')
    assert.match(await textOf(page, '.govuk-error-summary'), /Reading room is in use then by “What we set out to change”/)
    await expectAccessible()
    await add('Peer consultancy round', '11:15', '12:30', 'Reading room')
    await expectNoErrorSummary(page)
    assert.match(await textOf(page, '[data-qa="admin-agenda"]'), /What we set out to change[\s\S]*Peer consultancy round/)
    await page.locator('[data-qa="event-links"] a', { hasText: 'View the public page' }).click()
    await page.waitForURL(/\/events\/spring-action-learning-set$/)
    assert.match(await textOf(page, '[data-qa="event-facts"]'), /10:00 to 16:00/)
    assert.match(await textOf(page, '[data-qa="agenda"]'), /Sian Roberts \(Afonwen County Borough Council\)/)
    await expectAccessible()
  })

  it('fits the event form on a phone', async () => {
    const phone = await signedInPage(journey!.browser, contexts, baseUrl, organiser, { width: 375, height: 812 })
    await phone.goto(`${baseUrl}${eventUrl}`)
    assert.equal(await horizontalOverflow(phone), 0)
  })

  it('opens the nearly-full workshop’s registrations, numbers and sign-in sheet', async () => {
    await page.goto(`${baseUrl}/admin/events`)
    await page.locator('[data-qa="admin-events"] a', { hasText: 'community energy' }).click()
    await page.locator('[data-qa="event-links"] a', { hasText: 'Registrations and waiting list' }).click()
    await page.waitForURL(/\/registrations$/)
    assert.match(await textOf(page, 'h2'), /28 places taken/)
    assert.match(await textOf(page, '[data-qa="by-tier"]'), /Full/)
    assert.match(await textOf(page, '[data-qa="by-session"]'), /Roof surgery/)
    await expectAccessible()
    await page.locator('a', { hasText: 'Printable sign-in sheet' }).first().click()
    await page.waitForURL(/\/sign-in-sheet$/)
    assert.equal(await page.locator('[data-qa="sign-in-sheet"] tbody tr').count(), 28)
    await expectAccessible()
  })

  it('after a past event: adds materials, an attendee gives feedback, the organiser reads it and starts a session’s case study', async () => {
    const db = journey!.site.handle.db
    const [known] = await db.select({ name: organisations.name }).from(organisations).orderBy(asc(organisations.id)).limit(1)
    const start = inDays(-2, 9)
    const { event, sessions } = await buildEvent(db, {
      title: 'Winter retrofit lab',
      kind: 'policy-lab-workshop',
      startsAt: start,
      sessions: [
        { title: 'Tenants steer the retrofit', startsAt: start, endsAt: new Date(start.getTime() + 3_600_000), speakers: `Ann Jones, ${known!.name}` },
      ],
    })
    await db
      .insert(eventRegistrations)
      .values({ eventId: event.id, name: 'Aled Attendee', email: 'aled@example.org', status: 'confirmed', attended: true, feedTokenHash: newToken().hash })

    // Materials: a link, a file that is not what it says (refused), then a real PDF.
    await page.goto(`${baseUrl}/admin/events/${event.id}/materials`)
    await expectAccessible()
    const form = page.locator('[data-qa="add-material"]')
    await form.locator('#material-kind-3').check()
    await form.locator('#material-title').fill('Recording of the lab')
    await form.locator('#material-url').fill('https://video.example.org/winter-lab')
    await page.locator('[data-qa="add-material-submit"]').click()
    await page.waitForURL(/\/materials\?added=1$/)
    await expectAccessible()
    await page.locator('[data-qa="add-material"] #material-kind').check()
    await page.locator('[data-qa="add-material"] #material-title').fill('Slides')
    await page.setInputFiles('#material-file', { name: 'slides.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html>not a pdf</html>') })
    await page.locator('[data-qa="add-material-submit"]').click()
    await page.waitForLoadState()
    assert.match(await textOf(page, '.govuk-error-summary'), /“slides.pdf” is not the kind of file its name says/)
    await expectAccessible()
    await page.setInputFiles('#material-file', { name: 'slides.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') })
    await page.locator('[data-qa="add-material-submit"]').click()
    await page.waitForURL(/\/materials\?added=1$/)
    assert.match(await textOf(page, '[data-qa="admin-materials"]'), /Recording of the lab[\s\S]*Slides/)

    // The daily job's feedback email, answered in a browser without an account.
    const [emailId] = await sendFeedbackRequests(db, { network: 'Co-operative Councils Network', site: baseUrl })
    const [email] = await db.select().from(emails).where(eq(emails.id, emailId!))
    const link = /(http\S+\/events\/feedback\/\S+)/.exec(email!.bodyText)![1]!
    const attendee = await journey!.browser.newContext()
    contexts.push(attendee)
    const form2 = await attendee.newPage()
    await form2.goto(link)
    await expectAccessible(form2)
    await form2.locator('[data-qa="send-feedback"]').click()
    await form2.waitForLoadState()
    assert.match(await textOf(form2, '.govuk-error-summary'), /Choose how the event was overall/)
    await expectAccessible(form2)
    await form2.locator('#rating-2').check()
    await form2.fill('#improve', 'A longer lunch break')
    await form2.locator('[data-qa="send-feedback"]').click()
    await form2.waitForURL(/\/events\/feedback\/thanks/)
    await expectAccessible(form2)

    // The organiser reads the summary and sees the materials on the public page.
    await page.goto(`${baseUrl}/admin/events/${event.id}`)
    assert.match(await textOf(page, '[data-qa="feedback-count"]'), /1 person of 1 asked gave feedback/)
    assert.match(await textOf(page, '[data-qa="feedback-improve"]'), /A longer lunch break/)
    await expectAccessible()
    await page.goto(`${baseUrl}/events/${event.slug}`)
    assert.match(await textOf(page, '[data-qa="materials"]'), /Recording of the lab[\s\S]*Slides/)
    await expectAccessible()

    // A session becomes a draft case study, owned by the speaker's organisation.
    await page.goto(`${baseUrl}/admin/events/${event.id}/sessions/${sessions[0]!.id}`)
    await expectAccessible()
    await page.locator('[data-qa="session-case-study"]').click()
    await page.waitForURL(/\/case-studies\/tenants-steer-the-retrofit(-\d+)?\/edit$/)
    await page.goto(`${baseUrl}/admin/events/${event.id}/sessions/${sessions[0]!.id}`)
    assert.match(await textOf(page, '[data-qa="session-case-study-link"]'), /Tenants steer the retrofit/)
    await expectAccessible()
  })
})
