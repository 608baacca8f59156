import { createHash } from 'node:crypto'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Database } from '../db/client.ts'
import { ContentChangeFeed, followsContent } from './content-changes.ts'
import type { ContentChanges, FollowsContent } from './content-changes.ts'

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
  interface FastifyRequest {
    /** The page cache's generation when the request came: a page rendered across a change is not kept. */
    pageCacheGeneration?: number
  }
}

interface Limits {
  maxEntries: number
  maxBytes: number
  pollMs: number
  maxValues: number
}

/**
 * Public pages rendered once and served from memory, and values worked out from content (memo),
 * until public content changes. Changes come from content_changes (content-changes.ts), which
 * database triggers fill whoever writes (a web request on any instance, an import, a script):
 * each instance reads it every `pollMs`, and at once after each of its own successful writes.
 * A memoised value that follows changes itself (the search engine) is kept and told of them.
 */
export class PageCache {
  private entries = new Map<string, Entry>()
  private values = new Map<string, Promise<unknown>>()
  /** Memoised values that follow changes themselves, by key: kept across changes. */
  private readonly followers = new Map<string, FollowsContent>()
  /** Per value still loading, by key, the changes seen meanwhile: told to it once loaded if it follows changes, else it is forgotten. */
  private readonly loading = new Map<string, ContentChanges[]>()
  private bytes = 0
  private current = 0
  private readonly feed: ContentChangeFeed
  private timer: NodeJS.Timeout | undefined
  private running: Promise<void> | null = null
  private again: Promise<void> | null = null
  private lastPrune = 0

  constructor(
    db: Database,
    private readonly limits: Limits = { maxEntries: 2000, maxBytes: 64 * 1024 * 1024, pollMs: 1000, maxValues: 5000 },
  ) {
    this.feed = new ContentChangeFeed(db)
  }

  /** Moves on every change: a page rendered from an earlier generation is not kept. */
  get generation(): number {
    return this.current
  }

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
    for (let from = 0; ;) {
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

  /** Forgets every page and every memoised value but those that follow changes themselves (or may: still loading). */
  clear(): void {
    this.entries.clear()
    this.bytes = 0
    this.current++
    for (const key of [...this.values.keys()]) if (!this.followers.has(key) && !this.loading.has(key)) this.values.delete(key)
  }

  /**
   * A value computed from content (filter lists, counts), kept until content changes, for every
   * reader including signed-in people: it holds nothing personal. Keys may come from addresses
   * (a search's facet counts), so the oldest go first past `maxValues`. A value that follows
   * changes itself (FollowsContent) is kept across changes and told of each, those that came
   * while it was being worked out included.
   */
  memo<T>(key: string, load: () => Promise<T>): Promise<T> {
    let value = this.values.get(key) as Promise<T> | undefined
    if (value) {
      // Least recently used goes first: the search engine, read by every search, never does.
      this.values.delete(key)
      this.values.set(key, value)
      return value
    }
    const missed: ContentChanges[] = []
    this.loading.set(key, missed)
    value = load().then(
      async (loaded) => {
        const current = this.values.get(key) === value
        if (followsContent(loaded)) {
          while (missed.length > 0) await loaded.followChanges(missed.shift()!)
          if (current) this.followers.set(key, loaded)
        } else if (missed.length > 0 && current) {
          // Worked out from content that has changed since: the next reader works it out again.
          this.values.delete(key)
        }
        if (this.loading.get(key) === missed) this.loading.delete(key)
        return loaded
      },
      (error: unknown) => {
        if (this.loading.get(key) === missed) this.loading.delete(key)
        throw error
      },
    )
    this.values.set(key, value)
    value.catch(() => this.values.delete(key))
    if (this.values.size > this.limits.maxValues) {
      for (const oldest of this.values.keys()) {
        if (this.followers.has(oldest)) continue
        this.values.delete(oldest)
        break
      }
    }
    return value
  }

  get size(): number {
    return this.entries.size
  }

  /**
   * Reads what changed and, when something public did, tells the values that follow changes (the
   * search engine applies them), then forgets pages and other values. One read at a time; a call
   * while one runs waits for one more read after it (the caller's own write may have committed
   * after that read began).
   */
  refresh(): Promise<void> {
    if (!this.running) {
      this.running = this.readChanges().finally(() => (this.running = null))
      return this.running
    }
    this.again ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.again = null
        return this.refresh()
      })
    return this.again
  }

  private async readChanges(): Promise<void> {
    const changes = await this.feed.read()
    if (!changes) return
    for (const missed of this.loading.values()) missed.push(changes)
    try {
      for (const follower of this.followers.values()) await follower.followChanges(changes)
    } finally {
      this.clear()
    }
  }

  start(): void {
    this.timer = setInterval(() => {
      void this.refresh().catch(() => undefined)
      if (Date.now() - this.lastPrune > 60_000) {
        this.lastPrune = Date.now()
        void this.feed.prune().catch(() => undefined)
      }
    }, this.limits.pollMs)
    this.timer.unref()
  }

  /** Stops reading changes every pollMs (refresh() still reads them). */
  stop(): void {
    if (this.timer) clearInterval(this.timer)
  }

  close(): void {
    this.stop()
    for (const follower of this.followers.values()) follower.close?.()
  }
}

const cacheable = (request: FastifyRequest) => request.method === 'GET' && request.user === null && request.routeOptions.config.pageCache === true

const writes = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

export function registerPageCache(app: FastifyInstance, db: Database): void {
  const cache = new PageCache(db)
  app.decorate('pageCache', cache)
  app.addHook('onReady', async () => {
    // A database that is down at start-up must not stop the site: the next poll tries again.
    await cache.refresh().catch((error: unknown) => app.log.warn({ err: error }, 'page cache: could not read content changes'))
    cache.start()
  })
  app.addHook('onClose', async () => cache.close())

  // Served before the handler runs: no queries, no rendering.
  app.addHook('preHandler', async (request, reply) => {
    // Nothing the page shows has been read yet: a change from now on keeps it out of the cache.
    request.pageCacheGeneration = cache.generation
    if (!cacheable(request)) return
    // The address asked for, language included: /cy/x and /x are two pages.
    const entry = cache.get(request.originalUrl)
    if (!entry) return
    reply.header('etag', entry.etag).header('cache-control', 'no-cache').header('x-coophub-cache', 'hit')
    if (request.headers['if-none-match'] === entry.etag) return reply.code(304).send()
    const nonce = (reply as typeof reply & { cspNonce?: { script: string } }).cspNonce?.script ?? ''
    return reply.type('text/html; charset=utf-8').send(pageBody(entry, nonce))
  })

  // A successful write by this instance may have changed public content: read the change log now,
  // before the answer goes, so that the page a redirect leads to (a search, the case study) shows
  // it. Nothing public changed (a sign-in, a draft, a form shown again with errors): nothing is emptied.
  app.addHook('onSend', async (request, reply, payload) => {
    if (writes.has(request.method) && reply.statusCode < 400) {
      await cache.refresh().catch((error: unknown) => request.log.warn({ err: error }, 'page cache: could not read content changes'))
    }
    return payload
  })
}

/** Whether render() should store this page: the same test the serving hook uses, and no change since the request came. */
export function shouldCache(request: FastifyRequest, statusCode: number): boolean {
  return statusCode === 200 && cacheable(request) && request.pageCacheGeneration === request.server.pageCache.generation
}
