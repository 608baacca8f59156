import { createHash } from 'node:crypto'
import { sql } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import type { Database } from '../db/client.ts'

/** Rendered into cached pages in place of the CSP nonce, which is replaced per response. */
export const noncePlaceholder = '__coophub_csp_nonce__'
const placeholderBytes = Buffer.from(noncePlaceholder)

interface Entry {
  /** The page's bytes split where the nonce goes: a hit joins buffers instead of editing a string. */
  parts: Buffer[]
  etag: string
  bytes: number
}

/** The page with this response's nonce in place. */
export function pageBody(entry: Entry, nonce: string): Buffer {
  if (entry.parts.length === 1) return entry.parts[0]!
  const between = Buffer.from(nonce)
  return Buffer.concat(entry.parts.flatMap((part, i) => (i === 0 ? [part] : [between, part])))
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Anonymous GETs of this route are served from the page cache until content changes. */
    pageCache?: boolean
  }
  interface FastifyInstance {
    pageCache: PageCache
  }
}

/**
 * Public pages rendered once and served from memory until any content changes. Changes are seen
 * through content_version, which database triggers bump on every write to content tables, so
 * imports and other instances invalidate it too (within `pollMs`); this instance's own writes
 * clear it at once.
 */
export class PageCache {
  private entries = new Map<string, Entry>()
  private values = new Map<string, Promise<unknown>>()
  /** What memoOrPrevious's promises resolved to, and each key's latest value, kept across changes. */
  private readonly settled = new WeakMap<Promise<unknown>, unknown>()
  private readonly watched = new WeakSet<Promise<unknown>>()
  private readonly previous = new Map<string, unknown>()
  private bytes = 0
  private version: number | null = null
  private timer: NodeJS.Timeout | undefined

  constructor(
    private readonly db: Database,
    private readonly limits = { maxEntries: 2000, maxBytes: 64 * 1024 * 1024, pollMs: 1000, maxValues: 5000 },
  ) {}

  get(key: string): Entry | undefined {
    const entry = this.entries.get(key)
    if (entry) {
      // Least recently used goes first: re-insert to mark as recent.
      this.entries.delete(key)
      this.entries.set(key, entry)
    }
    return entry
  }

  set(key: string, html: string): Entry {
    // Encoded once: the hash and the parts are views of the same bytes.
    const bytes = Buffer.from(html)
    const parts: Buffer[] = []
    for (let from = 0; ; ) {
      const at = bytes.indexOf(placeholderBytes, from)
      parts.push(bytes.subarray(from, at === -1 ? bytes.length : at))
      if (at === -1) break
      from = at + placeholderBytes.length
    }
    const entry = { parts, etag: `W/"${createHash('sha1').update(bytes).digest('base64url')}"`, bytes: bytes.length }
    this.delete(key)
    this.entries.set(key, entry)
    this.bytes += entry.bytes
    while (this.entries.size > this.limits.maxEntries || this.bytes > this.limits.maxBytes) {
      const oldest = this.entries.keys().next().value
      if (oldest === undefined) break
      this.delete(oldest)
    }
    return entry
  }

  private delete(key: string): void {
    const entry = this.entries.get(key)
    if (entry) {
      this.bytes -= entry.bytes
      this.entries.delete(key)
    }
  }

  clear(): void {
    this.entries.clear()
    this.values.clear()
    this.bytes = 0
  }

  /**
   * A value computed from content (filter lists, counts), kept until content changes, for every
   * reader including signed-in people: it holds nothing personal. Keys may come from addresses
   * (a search's facet counts), so the oldest go first past `maxValues`.
   */
  memo<T>(key: string, load: () => Promise<T>): Promise<T> {
    let value = this.values.get(key) as Promise<T> | undefined
    if (value) {
      // Least recently used goes first: the search engine, read by every search, never does.
      this.values.delete(key)
      this.values.set(key, value)
    } else {
      value = load()
      this.values.set(key, value)
      value.catch(() => this.values.delete(key))
      if (this.values.size > this.limits.maxValues) {
        const oldest = this.values.keys().next().value
        if (oldest !== undefined) this.values.delete(oldest)
      }
    }
    return value
  }

  /**
   * Like memo, for a value that takes long to work out again (the search engine: seconds at
   * 100,000 case studies): when it is still being worked out `patienceMs` after a change, the value
   * from before the change is answered, marked stale, instead of making every reader wait. Where
   * it is quick (most sites) nobody sees a stale value: an editor who publishes and then searches
   * finds what they published. Only for readers that can show slightly old results and will not
   * cache what they make of them.
   */
  async memoOrPrevious<T>(key: string, load: () => Promise<T>, patienceMs = 300): Promise<{ value: T; stale: boolean }> {
    const current = this.memo(key, load)
    if (!this.settled.has(current)) {
      if (!this.watched.has(current)) {
        this.watched.add(current)
        void current.then(
          (value) => {
            this.settled.set(current, value)
            this.previous.set(key, value)
          },
          () => undefined,
        )
      }
      if (this.previous.has(key)) {
        let timer: NodeJS.Timeout | undefined
        const waited = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), patienceMs)))
        const first = await Promise.race([current.then(() => 'done' as const, () => 'done' as const), waited])
        clearTimeout(timer)
        if (first === 'late') return { value: this.previous.get(key) as T, stale: true }
      }
    }
    try {
      return { value: await current, stale: false }
    } catch (error) {
      // Working it out again failed (it will be tried again by the next reader): the old value serves meanwhile.
      if (this.previous.has(key)) return { value: this.previous.get(key) as T, stale: true }
      throw error
    }
  }

  get size(): number {
    return this.entries.size
  }

  /** Reads content_version and empties the cache when it moved. */
  async refresh(): Promise<void> {
    const result = await this.db.execute<{ version: string }>(sql`SELECT version::text AS version FROM content_version WHERE id = 1`)
    const version = Number(result.rows[0]?.version ?? 0)
    if (this.version !== null && version !== this.version) this.clear()
    this.version = version
  }

  start(): void {
    this.timer = setInterval(() => void this.refresh().catch(() => this.clear()), this.limits.pollMs)
    this.timer.unref()
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
  }
}

const cacheable = (request: { method: string; user: unknown; routeOptions: { config: { pageCache?: boolean } } }) =>
  request.method === 'GET' && request.user === null && request.routeOptions.config.pageCache === true

export function registerPageCache(app: FastifyInstance, db: Database): void {
  const cache = new PageCache(db)
  app.decorate('pageCache', cache)
  app.addHook('onReady', async () => {
    // A database that is down at start-up must not stop the site: the next poll tries again.
    await cache.refresh().catch((error: unknown) => app.log.warn({ err: error }, 'page cache: could not read content_version'))
    cache.start()
  })
  app.addHook('onClose', async () => cache.stop())

  // Served before the handler runs: no queries, no rendering.
  app.addHook('preHandler', async (request, reply) => {
    if (!cacheable(request)) return
    const entry = cache.get(request.url)
    if (!entry) return
    reply.header('etag', entry.etag).header('cache-control', 'no-cache').header('x-coophub-cache', 'hit')
    if (request.headers['if-none-match'] === entry.etag) return reply.code(304).send()
    const nonce = (reply as typeof reply & { cspNonce?: { script: string } }).cspNonce?.script ?? ''
    return reply.type('text/html; charset=utf-8').send(pageBody(entry, nonce))
  })

  // Any successful write by this instance may change what pages show.
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.method !== 'GET' && request.method !== 'HEAD' && reply.statusCode < 400) cache.clear()
    return payload
  })
}

/** Whether render() should store this page: the same test the serving hook uses. */
export function shouldCache(request: Parameters<typeof cacheable>[0], statusCode: number): boolean {
  return statusCode === 200 && cacheable(request)
}
