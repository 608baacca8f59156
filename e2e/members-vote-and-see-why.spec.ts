// Members vote on a call's bids and see why each was funded or not: an administrator sets up and
// opens the vote, officers of three member councils each cast their council's ballot (one keeps
// the receipt), the administrator closes and counts it, and anyone reads the results in words,
// with the chart of the pot, and finds the receipt among the published ballots. Every page visited
// passes axe; each person has a browser context of their own, signed in through the real form.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { and, asc, eq } from 'drizzle-orm'
import type { BrowserContext, Page } from 'playwright-core'
import { organisations } from '../src/db/schema/index.ts'
import { londonWallClockAt } from '../src/features/member-vote/rules/london-time.ts'
import { buildVoteCall } from '../test/member-vote.ts'
import { createAccount, signedInPage } from './support/accounts.ts'
import { accessibilityViolations, skipReason } from './support/browser.ts'
import { openJourney, type Journey } from './support/journey.ts'
import { expectNoErrorSummary, horizontalOverflow, textOf } from './support/page-checks.ts'

const skip = skipReason()
const adminEmail = 'secretariat@network.example.org'
const voterEmails = ['voter1@members.example.org', 'voter2@members.example.org', 'voter3@members.example.org']

describe('members vote and see why', { skip }, () => {
  let journey: Journey | undefined
  let baseUrl = ''
  let slug = ''
  let callId = 0
  let bidTitles: string[] = []
  let receipt = ''
  const contexts: BrowserContext[] = []

  const expectAccessible = async (p: Page) => assert.deepEqual(await accessibilityViolations(p), [])

  const signedIn = (email: string) => signedInPage(journey!.browser, contexts, baseUrl, email)

  async function fillWhen(p: Page, prefix: string, instant: Date) {
    const w = londonWallClockAt(instant)
    await p.locator(`#${prefix}-day`).fill(String(w.day))
    await p.locator(`#${prefix}-month`).fill(String(w.month))
    await p.locator(`#${prefix}-year`).fill(String(w.year))
    await p.locator(`#${prefix}-time`).fill(`${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`)
  }

  before(async () => {
    journey = await openJourney(async (site) => {
      const db = site.handle.db
      await createAccount(db, adminEmail, 'admin')
      const full = await db
        .select({ id: organisations.id, slug: organisations.slug })
        .from(organisations)
        .where(and(eq(organisations.tier, 'full'), eq(organisations.kind, 'council')))
        .orderBy(asc(organisations.id))
      assert.ok(full.length >= 4, 'the demo has four Full member councils')
      const { call, bids } = await buildVoteCall(db, {
        leadOrganisationId: full[0]!.id,
        bids: [
          ['Residents steer the housing repairs budget', 1_500_000, full[0]!.id],
          ['A citizens’ assembly on climate', 980_000, full[1]!.id],
          ['Youth budget for parks', 400_000, full[2]!.id],
        ],
      })
      slug = call.slug
      callId = call.id
      bidTitles = bids.map((b) => b.title)
      for (const [i, email] of voterEmails.entries()) await createAccount(db, email, 'officer', full[i + 1]!.slug)
    })
    baseUrl = journey.site.baseUrl
  })

  after(async () => {
    for (const c of contexts) await c.close()
    await journey?.close()
  })

  it('as an administrator, I set up the vote from the call’s page, am told what is wrong, and open it', async () => {
    const admin = await signedIn(adminEmail)
    await admin.goto(`${baseUrl}/calls/${slug}`)
    await admin.locator('[data-qa="vote-link"]').click()
    await admin.waitForURL(new RegExp(`/calls/${slug}/vote$`))
    assert.match(await textOf(admin, '[data-qa="vote-phase"]'), /has not been set up yet/)
    await expectAccessible(admin)
    await admin.locator('[data-qa="manage-vote"]').click()
    await admin.waitForURL(new RegExp(`/admin/calls/${callId}/vote$`))
    await expectAccessible(admin)

    // The budget and who votes come filled in; the times do not.
    assert.equal(await admin.locator('#budget').inputValue(), '60000')
    await admin.locator('#budget').fill('20,000')
    await admin.locator('[data-qa="save-vote"]').click()
    await admin.locator('.govuk-error-summary').waitFor()
    assert.match(await textOf(admin, '.govuk-error-summary'), /Enter when voting opens as a real date and a time/)
    assert.match(await admin.title(), /^Error: /)
    await expectAccessible(admin)

    await fillWhen(admin, 'opensAt', new Date(Date.now() - 3_600_000))
    await fillWhen(admin, 'closesAt', new Date(Date.now() + 86_400_000))
    await admin.getByLabel('Publish the greedy outcome instead when more ballots prefer it').check()
    await admin.locator('[data-qa="save-vote"]').click()
    await expectNoErrorSummary(admin)
    assert.match(await textOf(admin, '[data-qa="saved-banner"]'), /set-up was saved/)
    await admin.locator('[data-qa="open-vote"]').click()
    await expectNoErrorSummary(admin)
    assert.match(await textOf(admin, '[data-qa="vote-status"]'), /Open/)
    await expectAccessible(admin)
  })

  it('as officers of three member councils, we each cast our council’s ballot; one of us keeps the receipt', async () => {
    const choices = [[bidTitles[0]!], [bidTitles[0]!, bidTitles[2]!], [bidTitles[1]!, bidTitles[2]!]]
    for (const [i, email] of voterEmails.entries()) {
      const p = await signedIn(email)
      await p.goto(`${baseUrl}/calls/${slug}/vote`)
      assert.match(await textOf(p, '[data-qa="vote-phase"]'), /Voting is open until/)
      await expectAccessible(p)
      if (i === 2) {
        // In Welsh, the same ballot.
        await p.goto(`${baseUrl}/cy/calls/${slug}/vote`)
        assert.equal(await p.locator('html').getAttribute('lang'), 'cy')
        assert.equal(await p.locator('[data-qa="ballot-form"]').count(), 1)
        await expectAccessible(p)
        await p.goto(`${baseUrl}/calls/${slug}/vote`)
      }
      if (i === 0) {
        // Nothing chosen: the page says what to do.
        await p.locator('[data-qa="check-ballot"]').click()
        await p.locator('.govuk-error-summary').waitFor()
        assert.match(await textOf(p, '.govuk-error-summary'), /Choose at least 1 bid/)
        await expectAccessible(p)
      }
      for (const title of choices[i]!) await p.getByLabel(title).check()
      await p.locator('[data-qa="check-ballot"]').click()
      await expectNoErrorSummary(p)
      const confirmed = await textOf(p, '[data-qa="confirm-choices"]')
      for (const title of choices[i]!) assert.ok(confirmed.includes(title), confirmed)
      await expectAccessible(p)
      await p.locator('[data-qa="cast-ballot"]').click()
      await expectNoErrorSummary(p)
      const code = await textOf(p, '[data-qa="receipt-code"]')
      assert.match(code, /^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/)
      await expectAccessible(p)
      if (i === 1) receipt = code
      // Back on the ballot page: the council has voted, and how is nobody's business.
      await p.goto(`${baseUrl}/calls/${slug}/vote`)
      assert.match(await textOf(p, '[data-qa="voter-state"]'), /has voted\. Nobody can see how/)
      assert.equal(await p.locator('[data-qa="ballot-form"]').count(), 0)
    }
  })

  it('as the administrator, I close the vote and count it', async () => {
    const admin = await signedIn(adminEmail)
    await admin.goto(`${baseUrl}/admin/calls/${callId}/vote`)
    assert.match(await textOf(admin, '[data-qa="voters"]'), /3 organisations have voted/)
    await admin.locator('[data-qa="close-vote"]').click()
    await expectNoErrorSummary(admin)
    await admin.locator('[data-qa="count-vote"]').click()
    await expectNoErrorSummary(admin)
    assert.match(await textOf(admin, '[data-qa="saved-banner"]'), /counted/)
    await expectAccessible(admin)
    await admin.locator('[data-qa="admin-results-link"]').click()
    await admin.waitForURL(new RegExp(`/calls/${slug}/results$`))
  })

  it('as anyone, I read how the vote decided and why each bid was or was not funded, in English, in Welsh and on a phone', async () => {
    const page = journey!.page
    await page.goto(`${baseUrl}/calls/${slug}/results`)
    assert.match(await textOf(page, '[data-qa="turnout"]'), /3 ballots were cast/)
    assert.match(await textOf(page, '[data-qa="how-it-decided"]'), /Method of Equal Shares[^]*Add1[^]*compared with greedy’s[^]*submitted first/)
    const explanations = (await page.locator('[data-qa="explanation"]').allTextContents()).map((s) => s.trim())
    assert.equal(explanations.length, 3)
    for (const e of explanations)
      assert.match(
        e,
        /^(Funded: its \d+ supporters? (each )?paid|Funded: its|Not funded: its supporters had £[\d,]+ left between them, and it cost £[\d,]+\.|Not funded: no ballot)/,
      )
    assert.equal(await page.locator('svg[role="img"] title').count(), 1)
    assert.equal(await page.locator('[data-qa="results-table"] tbody tr').count(), 3)
    await expectAccessible(page)

    await page.goto(`${baseUrl}/cy/calls/${slug}/results`)
    assert.equal(await page.locator('html').getAttribute('lang'), 'cy')
    await expectAccessible(page)

    const phone = await journey!.browser.newContext({ viewport: { width: 375, height: 812 } })
    contexts.push(phone)
    const small = await phone.newPage()
    for (const url of [`/calls/${slug}/results`, `/calls/${slug}/ballots`, `/calls/${slug}/vote`]) {
      await small.goto(`${baseUrl}${url}`)
      assert.equal(await horizontalOverflow(small), 0, `${url} is wider than the phone`)
    }
  })

  it('as the officer who kept the receipt, I find my ballot among the published ones', async () => {
    const page = journey!.page
    await page.goto(`${baseUrl}/calls/${slug}/results`)
    await page.locator('[data-qa="ballots-link"]').click()
    await page.waitForURL(new RegExp(`/calls/${slug}/ballots$`))
    assert.equal(await page.locator('[data-qa="ballots-table"] tbody tr').count(), 3)
    await expectAccessible(page)
    await page.getByLabel('Check your receipt code').fill(receipt.toLowerCase())
    await page.locator('[data-qa="check-receipt"]').click()
    await page.locator('[data-qa="receipt-result"]').waitFor()
    // Checked by POST: the code is on the page, never in the address (nor the history, nor a log).
    assert.equal(new URL(page.url()).search, '')
    assert.ok(!page.url().includes(receipt) && !page.url().toLowerCase().includes(receipt.toLowerCase()), page.url())
    const result = await textOf(page, '[data-qa="receipt-result"]')
    assert.match(result, new RegExp(`${receipt} was counted`))
    assert.ok(result.includes(bidTitles[0]!) && result.includes(bidTitles[2]!), result)
    await expectAccessible(page)
    await page.getByLabel('Check your receipt code').fill('not a code')
    await page.locator('[data-qa="check-receipt"]').click()
    await page.locator('.govuk-error-summary').waitFor()
    await expectAccessible(page)
  })
})
