import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { Database } from '../../src/db/client.ts'
import type { Role } from '../../src/db/schema/enums.ts'
import { createUser } from '../../src/features/accounts/commands/create-user.ts'
import { inTransaction } from '../../src/db/unit-of-work.ts'

export const journeyPassword = 'a long journey passphrase'

export async function createAccount(db: Database, email: string, role: Role, organisation = ''): Promise<void> {
  const result = await inTransaction(db, (tx) =>
    createUser(
      tx,
      { id: null, label: 'e2e' },
      { email, name: email.split('@')[0]!, role, organisation, password: journeyPassword, baseUrl: 'http://localhost', networkName: 'Test' },
    ),
  )
  if (!result.ok) throw new Error(JSON.stringify(result.errors))
}

/** Page object for signing in and out through the real forms. */
export class SignInPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async signIn(email: string, password = journeyPassword): Promise<void> {
    await this.page.goto(`${this.baseUrl}/sign-in`)
    await this.page.getByLabel('Email address').fill(email)
    await this.page.getByLabel('Password', { exact: true }).fill(password)
    await this.page.locator('[data-qa="sign-in"]').click()
    await this.page.waitForURL(/\/dashboard/)
  }

  async signOut(): Promise<void> {
    await this.page.locator('[data-qa="sign-out"]').click()
    await this.page.waitForURL(/signed-out=1/)
  }
}

/**
 * A fresh browser context for one person, signed in through the sign-in form; the context is
 * added to `contexts` for the journey to close.
 */
export async function signedInPage(
  browser: Browser,
  contexts: BrowserContext[],
  baseUrl: string,
  email: string,
  viewport?: { width: number; height: number },
): Promise<Page> {
  const context = await browser.newContext(viewport ? { viewport } : {})
  contexts.push(context)
  const page = await context.newPage()
  await new SignInPage(page, baseUrl).signIn(email)
  return page
}
