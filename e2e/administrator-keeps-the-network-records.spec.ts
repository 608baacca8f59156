import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { createUser } from '../src/features/accounts/commands/create-user.ts'
import { inTransaction } from '../src/db/unit-of-work.ts'
import { startScheduler } from '../src/jobs/scheduler.ts'
import { failedJob } from '../test/jobs.ts'
import { accessibilityViolations, focused, launchBrowser, skipReason } from './support/browser.ts'
import { startSite, type RunningSite } from './support/server.ts'

const skip = skipReason()
const password = 'a long administrator passphrase'

describe('an administrator keeps the network’s records', { skip }, () => {
  let site: RunningSite
  let browser: Browser
  const contexts: BrowserContext[] = []

  const expectAccessible = async (page: Page) => assert.deepEqual(await accessibilityViolations(page), [])

  async function signedInPage(email: string): Promise<Page> {
    const context = await browser.newContext()
    contexts.push(context)
    const page = await context.newPage()
    await page.goto(`${site.baseUrl}/sign-in?next=/admin`)
    await page.getByLabel('Email address').fill(email)
    await page.getByLabel('Password', { exact: true }).fill(password)
    await page.locator('[data-qa="sign-in"]').click()
    await page.waitForURL(/\/admin$/)
    return page
  }

  before(async () => {
    site = await startSite()
    browser = await launchBrowser()
    for (const email of ['chief@example.org', 'deputy@example.org']) {
      const base = { name: email.split('@')[0]!, role: 'admin', organisation: '', password, baseUrl: site.baseUrl, networkName: 'Test' }
      const result = await inTransaction(site.handle.db, (tx) => createUser(tx, { id: null, label: 'test' }, { email, ...base }))
      assert.ok(result.ok)
    }
  })

  after(async () => {
    for (const context of contexts) await context.close()
    await browser?.close()
    await site?.close()
  })

  it('invites a member officer, correcting a mistake the error summary points to', async () => {
    const page = await signedInPage('chief@example.org')
    await expectAccessible(page)
    await page.getByRole('link', { name: 'People' }).click()
    await expectAccessible(page)
    await page.locator('[data-qa="invite-user"]').click()
    await page.getByLabel('Email address').fill('new.officer@example.org')
    await page.getByLabel('Full name').fill('New Officer')
    await page.getByLabel('Member officer').check()
    await page.locator('[data-qa="send-invitation"]').click()
    assert.match(await page.title(), /^Error: Invite someone/)
    await expectAccessible(page)
    assert.match((await focused(page)).text, /^There is a problem/, 'the error summary has focus')
    await page.getByRole('link', { name: 'Select the organisation this officer works for' }).click()
    assert.equal((await focused(page)).id, 'organisation')
    assert.equal(await page.getByLabel('Full name').inputValue(), 'New Officer', 'what was typed is kept')
    await page.getByLabel('Organisation').selectOption({ label: 'Northbrook City Council' })
    await page.locator('[data-qa="send-invitation"]').click()
    await page.waitForURL(/\/admin\/users\?invited=/)
    assert.match((await page.locator('[data-qa="saved-banner"]').textContent()) ?? '', /Invitation sent to new.officer@example.org/)
    await expectAccessible(page)

    await page.goto(`${site.baseUrl}/admin/outbox`)
    await expectAccessible(page)
    await page
      .getByRole('link', { name: /You are invited/ })
      .first()
      .click()
    assert.match((await page.locator('[data-qa="email-body"]').textContent()) ?? '', /\/account\/set-password\//)
    await expectAccessible(page)
  })

  it('renames an organisation while a colleague edits it, and sees both versions', async () => {
    const mine = await signedInPage('chief@example.org')
    const theirs = await signedInPage('deputy@example.org')
    for (const page of [mine, theirs]) {
      await page.goto(`${site.baseUrl}/admin/organisations`)
      await page.getByRole('link', { name: 'Riverside Borough Council' }).click()
    }
    await expectAccessible(mine)
    await theirs.getByLabel('Region (optional)').fill('Greater London')
    await theirs.locator('[data-qa="save-organisation"]').click()
    await theirs.waitForURL(/\/admin\/organisations\?saved=/)

    await mine.getByLabel('Name', { exact: true }).fill('Riverside Council')
    await mine.locator('[data-qa="save-organisation"]').click()
    assert.match(await mine.title(), /^Error: /)
    assert.match((await mine.locator('[data-qa="their-version"]').textContent()) ?? '', /Greater London/)
    assert.equal(await mine.getByLabel('Name', { exact: true }).inputValue(), 'Riverside Council')
    await expectAccessible(mine)
    await mine.locator('[data-qa="save-organisation"]').click()
    await mine.waitForURL(/\/admin\/organisations\?saved=/)
    assert.match((await mine.locator('[data-qa="saved-banner"]').textContent()) ?? '', /Saved Riverside Council/)
  })

  it('rewords a principle, keeping the earlier wording, and finds the change in the audit log', async () => {
    const page = await signedInPage('chief@example.org')
    await page.goto(`${site.baseUrl}/admin/principles`)
    await expectAccessible(page)
    await page.getByRole('link', { name: 'Innovation' }).click()
    await page.getByLabel('Statement', { exact: true }).fill('')
    await page.locator('[data-qa="save-principle"]').click()
    assert.match(await page.title(), /^Error: /)
    await expectAccessible(page)
    await page.getByLabel('Statement', { exact: true }).fill('We try new things with residents and keep what works.')
    await page.locator('[data-qa="save-principle"]').click()
    await page.waitForURL(/\/admin\/principles\?saved=/)
    await page.getByRole('link', { name: 'Innovation' }).click()
    assert.match((await page.locator('[data-qa="principle-revisions"]').textContent()) ?? '', /We try new ways of working alongside communities/)

    await page.goto(`${site.baseUrl}/admin/contacts/new`)
    await expectAccessible(page)
    await page.goto(`${site.baseUrl}/admin/audit?subject=principle`)
    await expectAccessible(page)
    assert.match((await page.locator('[data-qa="audit-table"]').textContent()) ?? '', /Changed a principle[\s\S]*We try new things with residents/)
  })

  it('finds a job that failed in scheduled work, reads its error and tries it again', async () => {
    // The site's scheduler left its schedule in the database, and a reminder run failed all its tries.
    const scheduler = await startScheduler(site.handle.pool, [{ name: 'membership-daily', cron: '0 6 * * *', run: async () => undefined }], site.app.log, 60)
    await scheduler.stop()
    await failedJob(site.handle.pool, 'membership-reminders', 'connect ECONNREFUSED 127.0.0.1:25', { date: '2026-12-07' })

    const page = await signedInPage('chief@example.org')
    await page.getByRole('link', { name: 'Scheduled work' }).click()
    await page.waitForURL(/\/admin\/jobs$/)
    await expectAccessible(page)
    assert.match((await page.locator('[data-qa="schedules-table"]').textContent()) ?? '', /membership-daily[\s\S]*0 6 \* \* \*/)
    assert.match((await page.locator('[data-qa="job-error"]').textContent()) ?? '', /connect ECONNREFUSED 127.0.0.1:25/)
    await page.locator('[data-qa="retry-job"]').click()
    await page.waitForURL(/\/admin\/jobs\?retried=/)
    assert.match((await page.locator('[data-qa="saved-banner"]').textContent()) ?? '', /The membership-reminders job will be tried again within a minute/)
    assert.equal(await page.locator('[data-qa="retry-job"]').count(), 0, 'nothing left to try again')
    await expectAccessible(page)
  })
})
