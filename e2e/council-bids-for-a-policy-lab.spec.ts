// A Full member council bids for this year's Policy Lab: a visitor reads the calls (in English and
// Welsh, and on a phone), an administrator looks after them, and an officer writes the bid, gathers
// a working group of three other members whose officers accept, and submits it. Every page visited
// passes axe. Each person has a browser context of their own, signed in through the real form.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { BrowserContext, Page } from 'playwright-core'
import { londonDate } from '../src/features/membership/rules/subscription-year.ts'
import { createAccount, signedInPage } from './support/accounts.ts'
import { accessibilityViolations, skipReason } from './support/browser.ts'
import { openJourney, type Journey } from './support/journey.ts'
import { expectNoErrorSummary, horizontalOverflow, textOf } from './support/page-checks.ts'

const skip = skipReason()
/** The demo opens its calls on the day it is loaded, so their addresses carry this year in London. */
const year = Number(londonDate(new Date()).slice(0, 4))
const labsSlug = `policy-labs-${year}`
const prototypesSlug = `policy-prototypes-${year}`
const lead = { email: 'officer@northbrook.example.org', organisation: 'northbrook-city-council' }
const partners = [
  { email: 'officer@riverside.example.org', organisation: 'riverside-borough-council', name: 'Riverside Borough Council' },
  { email: 'officer@eastmoor.example.org', organisation: 'eastmoor-district-council', name: 'Eastmoor District Council' },
  { email: 'swyddog@afonwen.example.org', organisation: 'afonwen-county-borough-council', name: 'Afonwen County Borough Council' },
]
const bidTitle = 'Tenants steer the retrofit of council homes'

describe('a council bids for a Policy Lab', { skip }, () => {
  let journey: Journey | undefined
  let page: Page
  let baseUrl = ''
  let bidUrl = ''
  const contexts: BrowserContext[] = []

  const expectAccessible = async (p: Page = page) => assert.deepEqual(await accessibilityViolations(p), [])

  const expectNoErrors = (p: Page = page) => expectNoErrorSummary(p)

  const signedIn = (email: string) => signedInPage(journey!.browser, contexts, baseUrl, email)

  const eligibility = async (p: Page = page) => p.locator('[data-qa="eligibility"] li').allTextContents()

  before(async () => {
    journey = await openJourney(async (site) => {
      await createAccount(site.handle.db, 'secretariat@network.example.org', 'admin')
      await createAccount(site.handle.db, lead.email, 'officer', lead.organisation)
      for (const p of partners) await createAccount(site.handle.db, p.email, 'officer', p.organisation)
    })
    page = journey.page
    baseUrl = journey.site.baseUrl
  })

  after(async () => {
    for (const c of contexts) await c.close()
    await journey?.close()
  })

  it('as a visitor, I read the open calls and what a Policy Lab and a Policy Prototype offer, in English and in Welsh', async () => {
    await page.goto(`${baseUrl}/calls`)
    assert.equal(await page.locator('html').getAttribute('lang'), 'en')
    const open = await page.locator('[data-qa="calls-open"] h3 a').allTextContents()
    assert.deepEqual(open.map((s) => s.trim()).sort(), [`Policy Labs ${year}`, `Policy Prototypes ${year}`])
    await expectAccessible()

    await page
      .locator('[data-qa="calls-open"]')
      .getByRole('link', { name: `Policy Labs ${year}` })
      .click()
    await page.waitForURL(new RegExp(`/calls/${labsSlug}$`))
    assert.equal((await page.locator('h1').textContent())?.trim(), `Policy Labs ${year}`)
    const money = await textOf(page, '[data-qa="call-money"]')
    assert.match(money, /£60,000/)
    assert.match(money, /£20,000/)
    const principles = (await page.locator('[data-qa="call-principles"] li').allTextContents()).map((s) => s.trim())
    assert.deepEqual(
      principles,
      ['Co-production', 'Democratic engagement', 'Social partnership', 'Learning'].filter((p) => principles.includes(p)),
    )
    assert.equal(principles.length, 4)
    assert.equal(await page.locator('[data-qa="start-bid"]').count(), 1)
    await expectAccessible()

    await page.goto(`${baseUrl}/calls/${prototypesSlug}`)
    assert.equal((await page.locator('h1').textContent())?.trim(), `Policy Prototypes ${year}`)
    assert.match(await textOf(page, '[data-qa="call-money"]'), /£2,000/)
    await expectAccessible()

    await page.goto(`${baseUrl}/cy/calls`)
    assert.equal(await page.locator('html').getAttribute('lang'), 'cy')
    assert.equal(await page.locator('[data-qa="calls-open"] h3 a').count(), 2)
    await expectAccessible()
    await page.goto(`${baseUrl}/cy/calls/${labsSlug}`)
    assert.equal(await page.locator('html').getAttribute('lang'), 'cy')
    await expectAccessible()
  })

  it('as an administrator, I see the calls, am told what a new call needs, and open an existing call to edit', async () => {
    const admin = await signedIn('secretariat@network.example.org')
    await admin.goto(`${baseUrl}/admin/calls`)
    const table = await textOf(admin, '[data-qa="call-table"]')
    assert.match(table, new RegExp(`Policy Labs ${year}`))
    assert.match(table, new RegExp(`Policy Prototypes ${year}`))
    await expectAccessible(admin)

    await admin.locator('[data-qa="add-call"]').click()
    await admin.waitForURL(/\/admin\/calls\/new$/)
    await expectAccessible(admin)
    await admin.locator('[data-qa="save-call"]').click()
    await admin.locator('.govuk-error-summary').waitFor()
    const summary = await textOf(admin, '.govuk-error-summary')
    assert.match(summary, /Enter a title/)
    assert.match(summary, /Select the kind of call/)
    assert.match(summary, /Enter the total available/)
    assert.match(summary, /Enter the date bids open/)
    assert.match(await admin.title(), /^Error: /)
    await expectAccessible(admin)

    await admin.goto(`${baseUrl}/admin/calls`)
    await admin
      .locator('[data-qa="call-table"]')
      .getByRole('link', { name: `Policy Labs ${year}` })
      .click()
    await admin.waitForURL(/\/admin\/calls\/\d+$/)
    assert.equal(await admin.getByLabel('Title', { exact: true }).inputValue(), `Policy Labs ${year}`)
    assert.equal(await admin.locator('[data-qa="close-call"]').count(), 1)
    await expectAccessible(admin)
  })

  it('as an officer of a Full member council, I start a bid for the Policy Lab and am told what is still missing', async () => {
    page = await signedIn(lead.email)
    await page.goto(`${baseUrl}/calls/${labsSlug}`)
    await page.locator('[data-qa="start-bid"]').click()
    await page.waitForURL(new RegExp(`/calls/${labsSlug}/bids/new$`))
    await expectAccessible()
    // Without a title the bid cannot start.
    await page.locator('[data-qa="start-bid"]').click()
    assert.match(await textOf(page, '.govuk-error-summary'), /Enter a title for the bid/)
    await expectAccessible()
    await page.getByLabel('Title of the bid').fill(bidTitle)
    await page.locator('[data-qa="start-bid"]').click()
    await page.waitForURL(/\/bids\/\d+\/edit$/)
    bidUrl = page.url().replace(/\/edit$/, '')
    assert.equal((await page.locator('h1').textContent())?.trim(), bidTitle)
    const missing = await eligibility()
    assert.ok(
      missing.some((m) => /At least 3 other members must accept a place in the working group \(so far: 0\)/.test(m)),
      missing.join('\n'),
    )
    assert.ok(missing.includes('Enter a summary of the bid'), missing.join('\n'))
    assert.ok(missing.includes('Say what co-operative difference the bid makes against the principle Co-production'), missing.join('\n'))
    assert.ok(missing.includes('Add at least one milestone to the plan'), missing.join('\n'))
    assert.ok(missing.includes('Add the budget: at least one line with an amount'), missing.join('\n'))
    // A Full member may lead this call: no message says otherwise.
    assert.ok(!missing.some((m) => /cannot lead/.test(m)), missing.join('\n'))
    assert.equal(await page.locator('[data-qa="submit-bid"]').count(), 0)
    // Each message links to the part of the form that answers it.
    const targets = await page.locator('[data-qa="eligibility"] li a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))
    const missingTargets = await page.evaluate(`${JSON.stringify(targets)}.filter((h) => !h.startsWith('#') || !document.getElementById(h.slice(1)))`)
    assert.deepEqual(missingTargets, [])
    await expectAccessible()
  })

  it('as the lead officer, I write the bid, its co-operative difference, milestones and budget, and save the draft', async () => {
    await page.goto(`${bidUrl}/edit`)
    await page.getByLabel('Summary', { exact: true }).fill('Four member councils retrofit homes with the tenants who live in them.')
    await page.getByLabel('The problem').fill('Retrofit is decided for tenants, not with them, and work stalls when they are not heard.')
    const differences = page.locator('textarea[name^="difference-"]')
    assert.equal(await differences.count(), 4)
    for (let i = 0; i < 4; i++) await differences.nth(i).fill(`Tenants decide with officers, principle ${i + 1}.`)
    const milestones = [
      ['Tenants’ panels formed', '1', '3', String(year + 1)],
      ['First homes retrofitted', '1', '9', String(year + 1)],
      ['Toolkit shared with the network', '1', '3', String(year + 2)],
    ]
    for (const [i, [title, day, month, y]] of milestones.entries()) {
      await page.locator(`#milestoneTitle-${i}`).fill(title!)
      await page.locator(`#milestoneDue-${i}-day`).fill(day!)
      await page.locator(`#milestoneDue-${i}-month`).fill(month!)
      await page.locator(`#milestoneDue-${i}-year`).fill(y!)
    }
    // First a budget over the £20,000 cap: saved, and named as a reason it cannot be submitted.
    const lines = [
      ['Facilitation by a tenants’ organisation', '12,000'],
      ['Venues and travel', '3,250.50'],
      ['Writing up and sharing', '9,000'],
    ]
    for (const [i, [description, amount]] of lines.entries()) {
      await page.getByLabel(`Cost ${i + 1}`, { exact: true }).fill(description!)
      await page.getByLabel(`Amount of cost ${i + 1}`).fill(amount!)
    }
    await page.getByLabel('What you will share, and when').fill('A retrofit toolkit and an open session for members at month 18.')
    await page.locator('[data-qa="save-bid"]').click()
    await page.waitForURL(/\/edit\?saved=1$/)
    await expectNoErrors()
    assert.match(await textOf(page, '[data-qa="budget-total"]'), /Total as last saved: £24,250.50/)
    const overCap = await eligibility()
    assert.ok(
      overCap.some((m) => /^The budget comes to £24,250\.50, more than the £20,000 a bid to this call can ask for$/.test(m.trim())),
      overCap.join('\n'),
    )
    await expectAccessible()

    // "Add another cost" keeps what was typed and offers one blank row (a saved form already ends with one: not two).
    await page.getByLabel('Amount of cost 3').fill('1,500')
    await page.locator('[data-qa="add-line"]').click()
    await page.waitForURL(/lines=\d+/)
    assert.equal(await page.locator('[data-qa="budget-row"]').count(), 4)
    assert.equal(await page.getByLabel('Cost 4', { exact: true }).inputValue(), '')
    assert.equal(await page.getByLabel('Amount of cost 3').inputValue(), '1,500.00')
    await page.getByLabel('Cost 4', { exact: true }).fill('Tenants’ expenses')
    await page.getByLabel('Amount of cost 4').fill('750')
    await page.locator('[data-qa="save-bid"]').click()
    await page.waitForURL(/\/edit\?saved=1$/)
    await expectNoErrors()
    assert.match(await textOf(page, '[data-qa="saved-banner"], .govuk-notification-banner'), /Your bid has been saved/)
    // 12,000 + 3,250.50 + 1,500 + 750
    assert.match(await textOf(page, '[data-qa="budget-total"]'), /Total as last saved: £17,500.50/)
    const missing = await eligibility()
    assert.deepEqual(
      missing.map((m) => m.trim()),
      ['At least 3 other members must accept a place in the working group (so far: 0)'],
    )
    await expectAccessible()
  })

  it('as the lead officer, I invite three other member councils into the working group', async () => {
    await page.goto(`${bidUrl}/edit`)
    // Inviting nobody is explained.
    await page.locator('[data-qa="invite"]').click()
    assert.match(await textOf(page, '.govuk-error-summary'), /Choose a member to invite/)
    await expectAccessible()
    for (const p of partners) {
      await page.getByLabel('Invite a member').selectOption({ label: p.name })
      await page.locator('[data-qa="invite"]').click()
      await page.waitForURL(/\/edit#workingGroup$/)
      await expectNoErrors()
    }
    const group = await textOf(page, '[data-qa="working-group"]')
    for (const p of partners) assert.match(group, new RegExp(`${p.name} Member · invited, not yet accepted`))
    await page.getByLabel('Name a partner that is not a member (optional)').fill('Northbrook Tenants’ Federation')
    await page.locator('[data-qa="add-partner-button"]').click()
    await page.waitForURL(/\/edit#workingGroup$/)
    assert.match(await textOf(page, '[data-qa="working-group"]'), /Northbrook Tenants’ Federation Partner/)
    assert.ok((await eligibility()).includes('At least 3 other members must accept a place in the working group (so far: 0)'))
    await expectAccessible()
  })

  it('as officers of the invited councils, we find the invitation on our dashboards and accept it', async () => {
    for (const p of partners) {
      const officer = await signedIn(p.email)
      assert.match(await textOf(officer, '[data-qa="bid-invitations"]'), new RegExp(bidTitle))
      await expectAccessible(officer)
      await officer.locator('[data-qa="bid-invitations"]').getByRole('link', { name: bidTitle }).click()
      await officer.waitForURL(/\/bids\/\d+$/)
      assert.equal(await officer.locator('[data-qa="invitation"]').count(), 1)
      assert.match(await textOf(officer, '[data-qa="bid-status"]'), /Draft/)
      await expectAccessible(officer)
      await officer.locator('[data-qa="accept-invitation"]').click()
      await officer.waitForURL(/\/bids\/\d+$/)
      await expectNoErrors(officer)
      assert.equal(await officer.locator('[data-qa="invitation"]').count(), 0)
      assert.match(await textOf(officer, '[data-qa="working-group"]'), new RegExp(`${p.name} Member · accepted`))
      await expectAccessible(officer)
    }
  })

  it('as the lead officer, I see every rule met, submit the bid, and its page shows it submitted', async () => {
    await page.goto(`${bidUrl}/edit`)
    assert.deepEqual(await eligibility(), [])
    assert.match(await textOf(page, '[data-qa="eligibility"]'), /meets every rule of the call/)
    await expectAccessible()
    await page.locator('[data-qa="submit-bid"]').click()
    await page.waitForURL(/\/bids\/\d+\?submitted=1$/)
    await expectNoErrors()
    assert.match(await textOf(page, 'main'), /Your bid has been submitted/)
    assert.match(await textOf(page, '[data-qa="bid-status"]'), /Submitted/)
    assert.match(await textOf(page, '[data-qa="bid-budget"]'), /Total £17,500.50/)
    await expectAccessible()

    // A submitted bid is public: a visitor finds it on the call's page and reads it.
    await journey!.page.goto(`${baseUrl}/calls/${labsSlug}`)
    await journey!.page.locator('[data-qa="call-bids"]').getByRole('link', { name: bidTitle }).click()
    await journey!.page.waitForURL(/\/bids\/\d+$/)
    assert.match(await textOf(journey!.page, '[data-qa="bid-status"]'), /Submitted/)
    await expectAccessible(journey!.page)
  })

  it('on a phone, a call’s page, the list of calls and a submitted bid fit the screen without sideways scrolling', async () => {
    const phone = await journey!.browser.newContext({ viewport: { width: 375, height: 812 } })
    contexts.push(phone)
    const p = await phone.newPage()
    await p.goto(`${baseUrl}/calls/${labsSlug}`)
    assert.equal(await horizontalOverflow(p), 0)
    await expectAccessible(p)
    // The list of calls and the submitted bid, with its budget table, fit too.
    for (const url of [`${baseUrl}/calls`, bidUrl]) {
      await p.goto(url)
      assert.equal(await horizontalOverflow(p), 0, url)
      await expectAccessible(p)
    }
  })
})
