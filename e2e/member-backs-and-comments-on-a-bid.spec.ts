// Other members take part in a submitted Policy Lab bid: one backs it and asks to join its working
// group, which the lead accepts; another comments and the lead replies; the network hides a comment
// with a reason; the lead withdraws a second bid after confirming. Every state passes axe, in
// English, in Welsh and on a phone. Each person has a browser context of their own.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import type { BrowserContext, Page } from 'playwright-core'
import { bidBudgetLines, bidMilestones, bids, calls, organisations } from '../src/db/schema/index.ts'
import type { Database } from '../src/db/client.ts'
import { londonDate } from '../src/features/membership/rules/subscription-year.ts'
import { createAccount, SignInPage } from './support/accounts.ts'
import { accessibilityViolations, skipReason } from './support/browser.ts'
import { openJourney, type Journey } from './support/journey.ts'
import { expectNoErrorSummary, horizontalOverflow, textOf } from './support/page-checks.ts'

const skip = skipReason()
const year = Number(londonDate(new Date()).slice(0, 4))
const labsSlug = `policy-labs-${year}`
const lead = { email: 'officer@northbrook.example.org', organisation: 'northbrook-city-council' }
const backer = { email: 'officer@riverside.example.org', organisation: 'riverside-borough-council', name: 'Riverside Borough Council' }
const commenter = { email: 'officer@eastmoor.example.org', organisation: 'eastmoor-district-council', name: 'Eastmoor District Council' }
const admin = 'secretariat@network.example.org'
const bidTitle = 'Tenants steer the retrofit of council homes'
const otherTitle = 'A citizens’ panel on the climate budget'

/** A submitted bid of the lead council to this year's Policy Labs call, as if written in the browser. */
async function submittedBid(db: Database, title: string): Promise<number> {
  const [call] = await db.select({ id: calls.id }).from(calls).where(eq(calls.slug, labsSlug))
  const [leadRow] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, lead.organisation))
  const [bid] = await db
    .insert(bids)
    .values({
      callId: call!.id,
      leadOrganisationId: leadRow!.id,
      title,
      summary: 'Four councils retrofit homes with their tenants.',
      problem: 'Cold homes, decided for tenants rather than with them.',
      sharing: 'A toolkit at month 12.',
      status: 'submitted',
      submittedAt: new Date(),
    })
    .returning({ id: bids.id })
  await db.insert(bidMilestones).values({ bidId: bid!.id, position: 0, title: 'Launch', dueOn: `${year + 1}-06-01` })
  await db.insert(bidBudgetLines).values({ bidId: bid!.id, position: 0, description: 'Facilitation', amountPence: 1_500_000 })
  return bid!.id
}

describe('members back and comment on a bid', { skip }, () => {
  let journey: Journey | undefined
  let baseUrl = ''
  let bidUrl = ''
  let otherUrl = ''
  const contexts: BrowserContext[] = []
  const pages: Record<string, Page> = {}

  const expectAccessible = async (p: Page) => assert.deepEqual(await accessibilityViolations(p), [])

  async function as(email: string): Promise<Page> {
    if (pages[email]) return pages[email]
    const context = await journey!.browser.newContext()
    contexts.push(context)
    const p = await context.newPage()
    await new SignInPage(p, baseUrl).signIn(email)
    pages[email] = p
    return p
  }

  before(async () => {
    let ids: number[] = []
    journey = await openJourney(async (site) => {
      await createAccount(site.handle.db, admin, 'admin')
      for (const who of [lead, backer, commenter]) await createAccount(site.handle.db, who.email, 'officer', who.organisation)
      ids = [await submittedBid(site.handle.db, bidTitle), await submittedBid(site.handle.db, otherTitle)]
    })
    baseUrl = journey.site.baseUrl
    bidUrl = `${baseUrl}/bids/${ids[0]}`
    otherUrl = `${baseUrl}/bids/${ids[1]}`
  })

  after(async () => {
    for (const c of contexts) await c.close()
    await journey?.close()
  })

  it('as an officer of another member, I back the bid and ask to join its working group', async () => {
    const p = await as(backer.email)
    await p.goto(bidUrl)
    assert.match(await textOf(p, '[data-qa="backers-count"]'), /No member has backed this bid yet/)
    await expectAccessible(p)
    await p.getByLabel('We would like to join the working group').check()
    await p.locator('[data-qa="back-bid"]').click()
    await p.waitForURL(/\?backed=1#backing$/)
    await expectNoErrorSummary(p)
    assert.match(await textOf(p, '[data-qa="backers-count"]'), /1 member backs this bid/)
    assert.match(await textOf(p, '[data-qa="backers"]'), new RegExp(backer.name))
    assert.match(await textOf(p, '[data-qa="own-request"]'), /The lead has not answered yet/)
    assert.equal(await p.locator('[data-qa="unback-form"]').count(), 1)
    await expectAccessible(p)
  })

  it('as another member’s officer, I comment on the bid, and am told when my comment is empty', async () => {
    const p = await as(commenter.email)
    await p.goto(bidUrl)
    await p.locator('[data-qa="comment-button"]').click()
    assert.match(await textOf(p, '.govuk-error-summary'), /Enter your comment/)
    await expectAccessible(p)
    await p.getByLabel('Add a comment').fill('We ran a tenants’ panel in 2022.\nHappy to share what we learnt.')
    await p.locator('[data-qa="comment-button"]').click()
    await p.waitForURL(/\?commented=1#comment-\d+$/)
    await expectNoErrorSummary(p)
    assert.match(await textOf(p, '[data-qa="comment-body"]'), /We ran a tenants’ panel in 2022\. Happy to share/)
    await p.getByLabel('Add a comment').fill('Our housing director’s mobile is 07700 900123, ring any time.')
    await p.locator('[data-qa="comment-button"]').click()
    await p.waitForURL(/\?commented=1#comment-\d+$/)
    assert.equal(await p.locator('[data-qa="comment"]').count(), 2)
    await expectAccessible(p)
  })

  it('as the lead officer, I accept the request to join and reply to the first comment', async () => {
    const p = await as(lead.email)
    await p.goto(bidUrl)
    assert.match(await textOf(p, '[data-qa="join-requests"]'), new RegExp(`${backer.name} backs this bid and would like to join the working group`))
    assert.equal(await p.locator('[data-qa="back-form"]').count(), 0)
    await expectAccessible(p)
    await p.locator('[data-qa="accept-request"]').click()
    await p.waitForURL(/\?answered=1#workingGroup$/)
    await expectNoErrorSummary(p)
    assert.match(await textOf(p, '[data-qa="working-group"]'), new RegExp(`${backer.name} Member · accepted`))
    const first = p.locator('[data-qa="comment"]').first()
    await first.locator('[data-qa="reply-details"] summary').click()
    await first.getByLabel(/Your reply to/).fill('Thank you: could you join our first session?')
    await first.locator('[data-qa="reply-button"]').click()
    await p.waitForURL(/\?commented=1#comment-\d+$/)
    await expectNoErrorSummary(p)
    assert.match(await textOf(p, '[data-qa="reply"]'), /could you join our first session/)
    await expectAccessible(p)
  })

  it('as an administrator, I hide a comment with a reason, which everyone then sees in its place', async () => {
    const p = await as(admin)
    await p.goto(bidUrl)
    await p.locator('[data-qa="comment"]', { hasText: '07700 900123' }).locator('[data-qa="hide-comment"]').click()
    await p.waitForURL(/\/comments\/\d+\/hide$/)
    await expectAccessible(p)
    await p.locator('[data-qa="hide-button"]').click()
    assert.match(await textOf(p, '.govuk-error-summary'), /Enter why the comment is being hidden/)
    await expectAccessible(p)
    await p.getByLabel('Why is it being hidden?').fill('It gave a person’s phone number.')
    await p.locator('[data-qa="hide-button"]').click()
    await p.waitForURL(/\?hidden=1#comment-\d+$/)
    await expectNoErrorSummary(p)
    assert.match(await textOf(p, '[data-qa="comment-hidden"]'), /This comment was hidden by the network: It gave a person’s phone number\./)
    // Administrators may still read it, folded away.
    await p.locator('[data-qa="hidden-text"] summary').click()
    assert.match(await textOf(p, '[data-qa="hidden-text"]'), /07700 900123/)
    await expectAccessible(p)

    const visitor = journey!.page
    await visitor.goto(bidUrl)
    assert.match(await textOf(visitor, '[data-qa="comment-hidden"]'), /hidden by the network/)
    assert.doesNotMatch(await visitor.content(), /07700 900123/)
    assert.match(await textOf(visitor, '[data-qa="who-comments"]'), /Sign in to comment/)
    await expectAccessible(visitor)
    await visitor.goto(bidUrl.replace(baseUrl, `${baseUrl}/cy`))
    assert.match(await textOf(visitor, '[data-qa="comment-hidden"]'), /Cuddiwyd y sylw hwn gan y rhwydwaith/)
    await expectAccessible(visitor)
  })

  it('as the lead officer, I withdraw the second bid after confirming, and it leaves the call', async () => {
    const p = await as(lead.email)
    await p.goto(otherUrl)
    await p.locator('[data-qa="withdraw-bid"]').click()
    await p.waitForURL(/\/withdraw$/)
    await expectAccessible(p)
    await p.locator('[data-qa="confirm-withdraw"]').click()
    await p.waitForURL(/\?withdrawn=1$/)
    await expectNoErrorSummary(p)
    assert.match(await textOf(p, '[data-qa="bid-status"]'), /Withdrawn/)
    await expectAccessible(p)
    await p.goto(`${baseUrl}/calls/${labsSlug}`)
    const listed = await p.locator('[data-qa="call-bids"] a').allTextContents()
    assert.ok(listed.some((t) => t.includes(bidTitle)))
    assert.ok(!listed.some((t) => t.includes(otherTitle)))
  })

  it('on a phone, the bid with its backers and comments fits the screen', async () => {
    const phone = await journey!.browser.newContext({ viewport: { width: 375, height: 812 } })
    contexts.push(phone)
    const p = await phone.newPage()
    await p.goto(bidUrl)
    assert.equal(await horizontalOverflow(p), 0)
    await expectAccessible(p)
  })
})
