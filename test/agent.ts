import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import type { Database } from '../src/db/client.ts'
import type { Role } from '../src/db/schema/enums.ts'
import { createUser } from '../src/features/accounts/commands/create-user.ts'
import { inTransaction } from '../src/db/unit-of-work.ts'
import { organisations, sessions } from '../src/db/schema/index.ts'
import { newToken } from '../src/features/accounts/secrets.ts'
import { sessionCookie } from '../src/features/accounts/sessions.ts'
import { eq } from 'drizzle-orm'
import { multipartBody } from './images.ts'

export const testPassword = 'correct horse battery staple'

/** A browser for app.inject: keeps cookies, fetches CSRF tokens from forms, posts forms. */
export class Agent {
  private cookies = new Map<string, string>()
  private token: string | null = null

  constructor(private readonly app: FastifyInstance) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  }

  private remember(res: LightMyRequestResponse): LightMyRequestResponse {
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires && new Date(c.expires).getTime() < Date.now())) this.cookies.delete(c.name)
      else this.cookies.set(c.name, c.value)
    }
    return res
  }

  setCookie(name: string, value: string): void {
    this.cookies.set(name, value)
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name)
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    return this.remember(await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader() } }))
  }

  /** A CSRF token valid for this agent's secret cookie. */
  async csrf(): Promise<string> {
    if (!this.token) {
      const page = await this.get('/password-reset')
      const match = /name="_csrf" value="([^"]+)"/.exec(page.body)
      if (!match) throw new Error('No CSRF token on /password-reset')
      this.token = match[1]!
    }
    return this.token
  }

  /**
   * Posts a form. `_csrf` is added unless the form sets it (or `csrf: false` leaves it out);
   * `address`: the IP address the request comes from.
   */
  async post(url: string, form: Record<string, string | string[]> = {}, options: { csrf?: boolean; address?: string } = {}): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams()
    if (options.csrf !== false && !('_csrf' in form)) body.append('_csrf', await this.csrf())
    for (const [k, v] of Object.entries(form)) for (const value of Array.isArray(v) ? v : [v]) body.append(k, value)
    return this.remember(
      await this.app.inject({
        method: 'POST',
        url,
        headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
        payload: body.toString(),
        ...(options.address ? { remoteAddress: options.address } : {}),
      }),
    )
  }

  /** Posts a multipart form (one file at most), `_csrf` added as by post(). */
  async postMultipart(
    url: string,
    form: Record<string, string | string[]>,
    file?: { field: string; name: string; type: string; content: Buffer },
  ): Promise<LightMyRequestResponse> {
    const { payload, contentType } = multipartBody({ _csrf: await this.csrf(), ...form }, file)
    return this.remember(await this.app.inject({ method: 'POST', url, headers: { cookie: this.cookieHeader(), 'content-type': contentType }, payload }))
  }

  async signIn(email: string, password = testPassword): Promise<LightMyRequestResponse> {
    this.token = null
    return this.post('/sign-in', { email, password })
  }
}

let userSequence = 0

/** An active account (with `testPassword`) and an agent signed in as it. */
export async function signedInAgent(
  app: FastifyInstance,
  db: Database,
  role: Role,
  organisationSlug = '',
): Promise<{ agent: Agent; userId: number; email: string }> {
  const email = `${role}${++userSequence}@example.org`
  const result = await inTransaction(db, (tx) =>
    createUser(
      tx,
      { id: null, label: 'test' },
      {
        email,
        name: `Test ${role} ${userSequence}`,
        role,
        organisation: organisationSlug,
        password: testPassword,
        baseUrl: 'http://localhost',
        networkName: 'Test',
      },
    ),
  )
  if (!result.ok) throw new Error(`Could not create user: ${JSON.stringify(result.errors)}`)
  const agent = new Agent(app)
  const res = await agent.signIn(email)
  if (res.statusCode !== 303) throw new Error(`Sign-in failed with ${res.statusCode}`)
  return { agent, userId: result.value.userId, email }
}

/**
 * An agent holding a session made directly in the database, without the sign-in form: for tests
 * that need many signed-in people (the form is rate-limited per address, as it should be).
 */
export async function agentWithSession(app: FastifyInstance, db: Database, role: Role, organisationSlug = ''): Promise<Agent> {
  const email = `${role}${++userSequence}@example.org`
  const result = await inTransaction(db, (tx) =>
    createUser(
      tx,
      { id: null, label: 'test' },
      { email, name: `Test ${role}`, role, organisation: organisationSlug, password: testPassword, baseUrl: 'http://localhost', networkName: 'Test' },
    ),
  )
  if (!result.ok) throw new Error(`Could not create user: ${JSON.stringify(result.errors)}`)
  const { token, hash } = newToken()
  await db.insert(sessions).values({ id: hash, userId: result.value.userId, expiresAt: new Date(Date.now() + 3_600_000) })
  const agent = new Agent(app)
  agent.setCookie(sessionCookie, token)
  return agent
}

export async function organisationId(db: Database, slug: string): Promise<number> {
  const [row] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, slug))
  if (!row) throw new Error(`No organisation ${slug}`)
  return row.id
}
