// The annual conference takes its agenda from a call for sessions. A visitor reads the proposals
// on the event's page and is told how to take part; an officer of a member council backs a
// proposed session from that page and withdraws the backing again, seeing how many back it each
// time. Every state passes axe, in English and in Welsh.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import type { BrowserContext, Page } from 'playwright-core'
import type { Database } from '../src/db/client.ts'
import { bids, calls, events, organisations } from '../src/db/schema/index.ts'
import { networkSpaceId } from '../src/features/co-production/commands/call-rows.ts'
import { londonDate } from '../src/features/membership/rules/subscription-year.ts'
import { createAccount, signedInPage } from './support/accounts.ts'
import { accessibilityViolations, skipReason } from './support/browser.ts'
import { openJourney, type Journey } from './support/journey.ts'
import { expectNoErrorSummary, textOf } from './support/page-checks.ts'

const skip = skipReason()
const backer = { email: 'officer@riverside.example.org', organisation: 'riverside-borough-council' }
const sessionTitle = 'Tenants at the table: running a residents’ panel'
const inDays = (days: number) => londonDate(new Date(Date.now() + days * 86_400_000))

/** An open call for sessions for the annual conference, with one submitted proposal from Northbrook. */
async function openCallForSessions(db: Database): Promise<void> {
  const [call] = await db
    .insert(calls)
    .values({
      spaceId: await networkSpaceId(db),
      slug: 'conference-sessions',
      title: 'Sessions for the annual conference',
      kind: 'event-session',
      summary: 'Propose a session for the conference.',
      potPence: 100_000,
      capPence: 100_000,
      settings: { leadTiers: [], minWorkingGroup: 0, oneLedProjectAtATime: false, themes: [] },
      opensOn: inDays(-5),
      closesOn: inDays(20),
      decisionMethod: 'assessment',
      status: 'open',
    })
    .returning({ id: calls.id })
  const [lead] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, 'northbrook-city-council'))
  await db.insert(bids).values({
    callId: call!.id,
    leadOrganisationId: lead!.id,
    title: sessionTitle,
    summary: 'How we run a residents’ panel, and what it changed.',
    problem: '',
    sharing: '',
    status: 'submitted',
    submittedAt: new Date(),
  })
  await db.update(events).set({ callId: call!.id }).where(eq(events.slug, 'annual-conference'))
}

describe('a member backs a proposed session from the event’s page', { skip }, () => {
  let journey: Journey | undefined
  let baseUrl = ''
  const contexts: BrowserContext[] = []
  const expectAccessible = async (p: Page) => assert.deepEqual(await accessibilityViolations(p), [])

  before(async () => {
    journey = await openJourney(async (site) => {
      await createAccount(site.handle.db, backer.email, 'officer', backer.organisation)
      await openCallForSessions(site.handle.db)
    })
    baseUrl = journey.site.baseUrl
  })

  after(async () => {
    for (const c of contexts) await c.close()
    await journey?.close()
  })

  it('as a visitor, I see the open call and its proposals, and how to take part, in English and Welsh', async () => {
    const p = journey!.page
    await p.goto(`${baseUrl}/events/annual-conference`)
    assert.match(await textOf(p, '[data-qa="call-for-sessions-state"]'), /Proposals are open until/)
    assert.match(await textOf(p, '[data-qa="proposals"]'), /Tenants at the table[\s\S]*No member backs this session yet/)
    assert.match(await textOf(p, '[data-qa="who-proposes"]'), /Sign in to propose or back a session/)
    assert.equal(await p.locator('[data-qa="back-session"]').count(), 0)
    await expectAccessible(p)
    await p.goto(`${baseUrl}/cy/events/annual-conference`)
    assert.match(await textOf(p, '[data-qa="call-for-sessions-state"]'), /Mae cynigion ar agor tan/)
    await expectAccessible(p)
  })

  it('as an officer of a member council, I back the session and withdraw my backing', async () => {
    const p = await signedInPage(journey!.browser, contexts, baseUrl, backer.email)
    await p.goto(`${baseUrl}/events/annual-conference`)
    assert.equal(await p.locator('[data-qa="propose-session"]').getAttribute('href'), '/calls/conference-sessions/bids/new')
    await expectAccessible(p)
    await p.locator('[data-qa="back-session"]').click()
    await p.waitForURL(/\/events\/annual-conference\?backed=1$/)
    await expectNoErrorSummary(p)
    assert.match(await textOf(p, '.govuk-notification-banner'), /Your organisation now backs this session/)
    assert.match(await textOf(p, '[data-qa="proposals"]'), /1 member backs this session/)
    await expectAccessible(p)
    await p.locator('[data-qa="unback-session"]').click()
    await p.waitForURL(/\/events\/annual-conference\?unbacked=1$/)
    assert.match(await textOf(p, '.govuk-notification-banner'), /Your organisation no longer backs this session/)
    assert.match(await textOf(p, '[data-qa="proposals"]'), /No member backs this session yet/)
    await expectAccessible(p)
  })
})
