// How the search engine follows changes (issue 11): a server runs while the bulk load adds its
// case studies and is then edited 1,000 times, one case study at a time, through its own pages
// (save a new version, publish). For the first `measured` edits, how long from sending the publish
// until a search finds the new title: on that server (its own write: at once), and on a second
// server on the same database (after its next poll of content_changes). The first server's peak
// memory (VmHWM) covers all of it.
import { setTimeout as sleep } from 'node:timers/promises'
import { sql } from 'drizzle-orm'
import type { BenchServer } from './bench-server.ts'
import { httpGet, spawnNode, stopChild } from './processes.ts'
import { processMemory } from './process-memory.ts'
import { EditorSession } from './search-editor.ts'
import { openBenchDatabase } from './search-database-only.ts'
import type { EngineMemory } from './search-engine-memory.ts'
import type { DatabaseUnderTest } from './targets.ts'

export interface EngineFigures {
  ready: boolean
  stale?: boolean
  rows?: number
  segments?: number
  changed?: number
  indexBytes?: number
  bodyBytes?: number
}

export interface FollowRun {
  /** From the end of the bulk load until the first server's engine held every published case study, fresh. */
  catchUpMs: number
  /** Publish sent → found by a search on the server that published, per measured edit. */
  here: number[]
  /** Publish sent → found by a search on the second server. */
  other: number[]
  edits: number
  failures: string[]
  /** VmHWM of the first server through the load and the edits, and its resident memory at the end. */
  peakMiB: number
  afterMiB: number
  engine: EngineFigures
}

export async function engineFigures(server: BenchServer): Promise<EngineFigures> {
  return JSON.parse((await httpGet(`${server.baseUrl}/__bench/search-engine`, 10_000)).body.toString()) as EngineFigures
}

/** Waits until the server's engine holds `rows` published case studies and is not catching up. */
export async function waitUntilCaughtUp(server: BenchServer, rows: number, limitMs: number): Promise<number> {
  const began = performance.now()
  for (;;) {
    const figures = await engineFigures(server)
    if (figures.ready && !figures.stale && figures.rows === rows) return performance.now() - began
    if (performance.now() - began > limitMs) throw new Error(`the search engine did not catch up within ${limitMs / 1000} s: ${JSON.stringify(figures)}`)
    await sleep(100)
  }
}

/** A word no case study has, for each edit: consonants only, so that the stemmer leaves it whole. */
const wordOf = (n: number) => `zqx${n.toString(19).replace(/[0-9a-i]/g, (d) => 'bcdfghjklmnpqrtvwxz'[parseInt(d, 19)]!)}`

/** Polls a search on the server until it lists the case study; resolves with when it did. */
async function foundAt(server: BenchServer, word: string, slug: string, limitMs: number, intervalMs: number): Promise<number> {
  const deadline = performance.now() + limitMs
  while (performance.now() < deadline) {
    const { body } = await httpGet(`${server.baseUrl}/case-studies?q=${word}`, 10_000)
    if (body.toString().includes(`/case-studies/${slug}"`)) return performance.now()
    await sleep(intervalMs)
  }
  throw new Error(
    `“${word}” was not found on ${server.baseUrl} within ${limitMs / 1000} s (its engine: ${JSON.stringify(await engineFigures(server).catch(() => null))})`,
  )
}

/** Edits `edits` published case studies one at a time through `here`, measuring the first `measured` on `here` and `other`. */
/** How often servers read content_changes (PageCache's pollMs). */
const pollMs = 1_000

export async function editAndFollow(
  database: DatabaseUnderTest,
  here: BenchServer,
  other: BenchServer,
  o: { edits: number; measured: number; seed: number; label: string },
): Promise<Omit<FollowRun, 'catchUpMs' | 'engine'>> {
  const handle = await openBenchDatabase(database)
  const result = { here: [] as number[], other: [] as number[], edits: 0, failures: [] as string[] }
  let state = o.seed || 1
  const pollPhase = () => (state = (state * 16_807) % 2_147_483_647) / 2_147_483_647
  try {
    const ids = (
      await handle.db.execute<{ id: number }>(sql`
      SELECT id FROM case_studies WHERE status = 'published' AND published_revision = revision ORDER BY md5(id::text || ${String(o.seed)}) LIMIT ${o.edits}`)
    ).rows.map((r) => r.id)
    const editor = await EditorSession.signIn(here.baseUrl, handle.db)
    for (const [n, id] of ids.entries()) {
      const word = wordOf(n)
      try {
        const measuring = result.here.length < o.measured
        // Sent at any moment of the second server's poll, not just after one (edits come when they come).
        if (measuring) await sleep(Math.floor(pollPhase() * pollMs))
        const { slug, publishSentAt } = await editor.editAndPublish(handle.db, id, word)
        result.edits++
        if (measuring) {
          const [seenHere, seenThere] = await Promise.all([
            foundAt(here, word, slug, 10_000, 5),
            foundAt(other, word, slug, 10_000, 25).catch((error: unknown) => Promise.reject(new Error(`second server: ${String(error)}`))),
          ])
          result.here.push(seenHere - publishSentAt)
          result.other.push(seenThere - publishSentAt)
        }
      } catch (error) {
        result.failures.push(error instanceof Error ? error.message : String(error))
        if (result.failures.length > 20) throw new Error(`too many failed edits: ${result.failures.slice(0, 3).join('; ')}`, { cause: error })
      }
      if ((n + 1) % 100 === 0) console.log(`  [${o.label}] ${n + 1}/${ids.length} edits`)
    }
  } finally {
    await handle.close()
  }
  const memory = processMemory(here.pid)
  return { ...result, peakMiB: memory?.peakMiB ?? NaN, afterMiB: memory?.rssMiB ?? NaN }
}

/** Builds the engine alone in a fresh process on the database and reads its memory (search-engine-memory.ts). */
export async function measureEngineMemory(database: DatabaseUnderTest, limitMs: number): Promise<EngineMemory> {
  const url = database.env.DATABASE_URL
  if (!url) throw new Error('the engine’s memory is measured on PostgreSQL')
  const child = spawnNode(['--expose-gc', '--import', 'tsx', 'bench/lib/search-engine-memory.ts', url], database.env)
  const timer = setTimeout(() => void stopChild(child, 5_000), limitMs)
  const code = await child.exited
  clearTimeout(timer)
  const line = child
    .output()
    .split('\n')
    .find((l) => l.startsWith('ENGINE_MEMORY '))
  if (code !== 0 || !line) throw new Error(`the engine memory run exited with ${code}: ${child.output().slice(-400)}`)
  return JSON.parse(line.slice('ENGINE_MEMORY '.length)) as EngineMemory
}
