// An editor at work over HTTP, as a browser would be: signs in, saves a new version of a published
// case study through its form (the values as the edit page would show them, with a word added to
// the title) and publishes it. For the benchmark of how soon a change is found by search.
import http from 'node:http'
import { sql } from 'drizzle-orm'
import type { Database } from '../../src/db/client.ts'
import { inTransaction } from '../../src/db/unit-of-work.ts'
import { commandLineActor } from '../../src/features/accounts/actor.ts'
import { createUser } from '../../src/features/accounts/commands/create-user.ts'
import { formValuesFromSnapshot } from '../../src/features/case-studies/form.ts'
import { latestSnapshot } from '../../src/features/case-studies/revisions.ts'

interface Answer {
  status: number
  body: string
}

/** One request without connection reuse, so that no socket outlives the server it talked to. */
function request(url: string, method: string, headers: Record<string, string>, body?: string): Promise<Answer & { cookies: string[] }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, agent: false, timeout: 30_000 }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), cookies: res.headers['set-cookie'] ?? [] }))
      res.on('error', reject)
    })
    req.on('timeout', () => req.destroy(new Error(`${method} ${url} timed out`)))
    req.on('error', reject)
    req.end(body)
  })
}

/** A signed-in browser: keeps its cookies and a CSRF token. */
export class EditorSession {
  private readonly cookies = new Map<string, string>()
  private token = ''

  private constructor(private readonly baseUrl: string) {}

  private async send(path: string, method: string, form?: Record<string, string | string[]>): Promise<Answer> {
    const headers: Record<string, string> = { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') }
    let body: string | undefined
    if (form) {
      const params = new URLSearchParams({ _csrf: this.token })
      for (const [k, v] of Object.entries(form)) for (const value of Array.isArray(v) ? v : [v]) params.append(k, value)
      body = params.toString()
      headers['content-type'] = 'application/x-www-form-urlencoded'
    }
    const answer = await request(`${this.baseUrl}${path}`, method, headers, body)
    for (const cookie of answer.cookies) {
      const [pair] = cookie.split(';')
      const at = pair!.indexOf('=')
      this.cookies.set(pair!.slice(0, at), pair!.slice(at + 1))
    }
    return answer
  }

  private async readToken(): Promise<void> {
    const page = await this.send('/password-reset', 'GET')
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1]
    if (!token) throw new Error(`no CSRF token on /password-reset (${page.status})`)
    this.token = token
  }

  /** Creates an editor account in the database and signs in as it. */
  static async signIn(baseUrl: string, db: Database): Promise<EditorSession> {
    const email = `bench-editor-${process.pid}-${Date.now()}@example.org`
    const password = 'a long benchmark passphrase'
    const created = await inTransaction(db, (tx) =>
      createUser(tx, commandLineActor, { email, name: 'Benchmark editor', role: 'editor', organisation: '', password, baseUrl, networkName: 'Bench' }),
    )
    if (!created.ok) throw new Error(`could not create the editor: ${JSON.stringify(created)}`)
    const session = new EditorSession(baseUrl)
    await session.readToken()
    const signedIn = await session.send('/sign-in', 'POST', { email, password })
    if (signedIn.status !== 303) throw new Error(`sign-in answered ${signedIn.status}`)
    await session.readToken()
    return session
  }

  /**
   * Saves a new version of the case study with `word` added to its title, as its edit form would
   * post it, then publishes it. Resolves when the publish was answered, with when it was sent.
   */
  async editAndPublish(db: Database, id: number, word: string): Promise<{ slug: string; publishSentAt: number }> {
    const [row] = (await db.execute<{ slug: string; revision: number }>(sql`SELECT slug, revision FROM case_studies WHERE id = ${id}`)).rows
    if (!row) throw new Error(`no case study ${id}`)
    const snapshot = await latestSnapshot(db, id, row.revision)
    if (!snapshot) throw new Error(`no version of case study ${id}`)
    const v = formValuesFromSnapshot(snapshot)
    const form = {
      title: `${v.title} ${word}`.slice(0, 200),
      summary: v.summary,
      body: v.body,
      kind: v.kind,
      yearStart: v.yearStart,
      yearEnd: v.yearEnd,
      outcomes: v.outcomes,
      principles: v.principleIds,
      lead: v.leadId,
      participants: v.participantIds,
      partners: v.partnerIds,
      funders: v.funderIds,
      themes: v.themes,
      contactName: v.contactName,
      contactJobTitle: v.contactJobTitle,
      contactOrganisation: v.contactOrganisationId,
      contactEmail: v.contactEmail,
      contactPhone: v.contactPhone,
      ...(v.contactConsent ? { contactConsent: 'yes' } : {}),
      baseRevision: String(row.revision),
      action: 'save',
    }
    const saved = await this.send(`/case-studies/${row.slug}/edit`, 'POST', form)
    if (saved.status !== 303) throw new Error(`saving ${row.slug} answered ${saved.status}`)
    const publishSentAt = performance.now()
    const published = await this.send(`/admin/review/${row.slug}/publish`, 'POST', { revision: String(row.revision + 1) })
    if (published.status !== 303) throw new Error(`publishing ${row.slug} answered ${published.status}`)
    return { slug: row.slug, publishSentAt }
  }
}
