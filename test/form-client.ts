// A signed-in person driving a real `coophub serve` over HTTP as a browser without JavaScript would:
// cookies kept, CSRF tokens read from the forms, drafts saved through the case-study edit form.
// Shared by the crash test (src/crash.test.ts) and the write benchmark (bench/writes.ts).
import { spawn } from 'node:child_process'
import os from 'node:os'
import path from 'node:path'

const entry = path.resolve(import.meta.dirname, '../bin/coophub.js')

export interface Answer {
  status: number
  body: string
  location: string | null
}

export class FormClient {
  private cookies = new Map<string, string>()
  private csrf: string | null = null

  constructor(readonly baseUrl: string) {}

  async request(pathAndQuery: string, init: { method?: string; form?: Record<string, string | string[]>; signal?: AbortSignal } = {}): Promise<Answer> {
    const body = init.form ? formBody(init.form) : undefined
    // A full address reaches another server with the same cookies (two instances, one session).
    const url = /^https?:\/\//.test(pathAndQuery) ? pathAndQuery : `${this.baseUrl}${pathAndQuery}`
    const response = await fetch(url, {
      method: init.method ?? (body === undefined ? 'GET' : 'POST'),
      redirect: 'manual',
      headers: {
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(body === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' }),
      },
      ...(body === undefined ? {} : { body }),
      ...(init.signal ? { signal: init.signal } : {}),
    })
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const at = pair!.indexOf('=')
      this.cookies.set(pair!.slice(0, at), pair!.slice(at + 1))
    }
    return { status: response.status, body: await response.text(), location: response.headers.get('location') }
  }

  /** The CSRF token of this client's session, read from a form once (it stays valid for the session). */
  async csrfToken(from = '/sign-in'): Promise<string> {
    if (this.csrf) return this.csrf
    const page = await this.request(from)
    const token = hiddenField(page.body, '_csrf')
    if (!token) throw new Error(`no form with a CSRF token on ${from} (${page.status})`)
    this.csrf = token
    return token
  }

  async signIn(email: string, password: string): Promise<void> {
    const csrf = await this.csrfToken('/sign-in')
    const answer = await this.request('/sign-in', { form: { _csrf: csrf, email, password } })
    if (answer.status !== 303) throw new Error(`signing in ${email} answered ${answer.status}`)
    // The session changed: read the token again from a signed-in page.
    this.csrf = null
    await this.csrfToken('/case-studies/new')
  }
}

function formBody(form: Record<string, string | string[]>): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(form)) for (const one of Array.isArray(value) ? value : [value]) params.append(key, one)
  return params.toString()
}

export function hiddenField(html: string, name: string): string | null {
  return new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? null
}

/** What a save sends and what must be found stored, word for word, if it was acknowledged. */
export interface DraftContent {
  title: string
  summary: string
  body: string
  /** Lower case, sorted: as the case study stores them. */
  themes: string[]
}

function draftForm(content: DraftContent, csrf: string, extra: Record<string, string>): Record<string, string> {
  return {
    _csrf: csrf,
    language: 'en',
    translationOf: '',
    title: content.title,
    summary: content.summary,
    body: content.body,
    kind: 'case-study',
    yearStart: '',
    yearEnd: '',
    outcomes: '',
    lead: '',
    themes: content.themes.join(', '),
    contactName: '',
    contactJobTitle: '',
    contactOrganisation: '',
    contactEmail: '',
    contactPhone: '',
    action: 'save',
    ...extra,
  }
}

/** A new draft through /case-studies/new; its slug. */
export async function createDraft(client: FormClient, content: DraftContent): Promise<string> {
  const answer = await client.request('/case-studies/new', { form: draftForm(content, await client.csrfToken(), {}) })
  const slug = answer.status === 303 ? /^\/case-studies\/([^/]+)\/edit/.exec(answer.location ?? '')?.[1] : undefined
  if (!slug) throw new Error(`creating a draft answered ${answer.status} ${answer.location ?? ''}`)
  return slug
}

/** The revision the edit form starts from (its hidden baseRevision). */
export async function currentRevision(client: FormClient, slug: string): Promise<number> {
  const page = await client.request(`/case-studies/${slug}/edit`)
  const base = Number(hiddenField(page.body, 'baseRevision'))
  if (page.status !== 200 || !Number.isInteger(base) || base < 1) throw new Error(`the edit form of ${slug} answered ${page.status}`)
  return base
}

export type SaveOutcome =
  /** 303 to the form: stored as revision base + 1 (or unchanged). */
  | { kind: 'saved'; changed: boolean }
  /** 409: someone saved first; nothing was written; the form now starts from their revision. */
  | { kind: 'conflict'; theirRevision: number }
  /** Any other answer: a status the benchmark counts as an error when it is 5xx. */
  | { kind: 'other'; status: number }

/** "Save draft" on the edit form, as from `baseRevision`. Throws on a network error (no answer). */
export async function saveDraft(client: FormClient, slug: string, baseRevision: number, content: DraftContent): Promise<SaveOutcome> {
  const answer = await client.request(`/case-studies/${slug}/edit`, {
    form: draftForm(content, await client.csrfToken(), { baseRevision: String(baseRevision) }),
  })
  if (answer.status === 303 && answer.location?.startsWith(`/case-studies/${slug}/edit?saved=`)) {
    return { kind: 'saved', changed: answer.location.endsWith('saved=saved') }
  }
  if (answer.status === 409) {
    const theirRevision = Number(hiddenField(answer.body, 'baseRevision'))
    if (!Number.isInteger(theirRevision) || theirRevision <= baseRevision) throw new Error(`a conflict on ${slug} did not say which revision is newer`)
    return { kind: 'conflict', theirRevision }
  }
  return { kind: 'other', status: answer.status }
}

/** `coophub users create` with the password piped on standard input, as an administrator would. */
export function createAccount(
  env: Record<string, string>,
  account: { email: string; name: string; role: 'editor' | 'officer' | 'admin'; organisation?: string; password: string },
): Promise<void> {
  const args = ['users', 'create', '--role', account.role, '--email', account.email, '--name', account.name]
  if (account.organisation) args.push('--organisation', account.organisation)
  return new Promise((resolve, reject) => {
    // Run from a folder of its own, so no `.env` of the developer's applies.
    const child = spawn(process.execPath, [entry, ...args], {
      cwd: os.tmpdir(),
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`coophub users create ${account.email} exited ${code}: ${output}`))))
    child.stdin.end(`${account.password}\n`)
  })
}
