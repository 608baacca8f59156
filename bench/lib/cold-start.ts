import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { processMemory } from './process-memory.ts'
import { freePort, spawnNode, stopChild, waitFor200 } from './processes.ts'
import type { DatabaseUnderTest } from './targets.ts'

/** How the server is started: as `npm start` does (the compiled code), or its sources through tsx (the reference). */
const compiledServe = ['bin/coophub.js', 'serve']
const sourcesServe = ['--import', 'tsx', 'src/main.ts', 'serve']

/** Resident memory is read at the first 200 and again after this pause (the search engine is built after listening). */
export const settleMs = 2_000
/** A first start's memory is read once the server has sat idle this long (V8 gives back what start-up used by then). */
export const idleMs = 45_000

export interface Start {
  ms: number
  rssAtFirst200MiB: number | null
  rssSettledMiB: number | null
}

/** Spawns a server and returns the wall time from spawn to the first 200 on `/`, and its memory then and a little later. */
async function serveOnce(args: string[], env: NodeJS.ProcessEnv, options: { settle?: boolean; settleMs?: number } = {}): Promise<Start> {
  const port = await freePort()
  const started = performance.now()
  const server = spawnNode(args, { ...env, PORT: String(port) })
  try {
    await waitFor200(`http://127.0.0.1:${port}/`, server, 60_000)
    const ms = performance.now() - started
    const pid = server.child.pid ?? 0
    const rssAtFirst200MiB = processMemory(pid)?.rssMiB ?? null
    if (options.settle) await sleep(options.settleMs ?? settleMs)
    return { ms, rssAtFirst200MiB, rssSettledMiB: options.settle ? (processMemory(pid)?.rssMiB ?? null) : null }
  } finally {
    await stopChild(server)
  }
}

/** The reference for this machine's speed right now: Node starting and exiting with nothing to do. */
async function emptyNode(): Promise<number> {
  const started = performance.now()
  const child = spawnNode(['-e', ''], {})
  await child.exited
  return performance.now() - started
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

export interface StartFigures {
  /** Starts on a database with nothing in it: PGlite on an empty data folder each time; PostgreSQL once, on the bench's new database. */
  firstStarts: Start[]
  /** Starts on the database the first start filled, interleaved with the references. */
  restarts: Start[]
  /** The same restart from the TypeScript sources through tsx (how `npm start` ran before the build step). */
  fromSources: Start[]
  emptyNodeMs: number[]
}

const log = (database: DatabaseUnderTest, text: string) => console.log(`  [${database.label}] ${text}`)
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`

/**
 * First starts, then restarts on the filled database, each restart between an empty Node start and
 * the same restart from the sources, so that the machine's ups and downs touch all three alike.
 */
export async function measureStarts(database: DatabaseUnderTest, options: { firstStarts: number; restarts: number }): Promise<StartFigures> {
  const embedded = database.label === 'PGlite'
  const firstStarts: Start[] = []
  const folders: string[] = []
  let env: NodeJS.ProcessEnv = database.env
  try {
    const runs = embedded ? options.firstStarts : 1
    for (let run = 1; run <= runs; run++) {
      // Each on an empty folder of its own; the last on the database's own, which the restarts and later steps use.
      env = database.env
      if (run < runs) {
        const folder = mkdtempSync(path.join(os.tmpdir(), 'coophub-first-start-'))
        folders.push(folder)
        env = { ...database.env, DATA_DIR: folder }
      }
      const start = await serveOnce(compiledServe, env, { settle: embedded, settleMs: idleMs })
      firstStarts.push(start)
      log(database, `first start ${run}: ${seconds(start.ms)}${embedded ? `, ${start.rssSettledMiB?.toFixed(0)} MiB after ${idleMs / 1000} s` : ''}`)
    }
    const restarts: Start[] = []
    const fromSources: Start[] = []
    const emptyNodeMs: number[] = []
    for (let run = 1; run <= options.restarts; run++) {
      emptyNodeMs.push(await emptyNode())
      restarts.push(await serveOnce(compiledServe, env, { settle: true }))
      fromSources.push(await serveOnce(sourcesServe, env))
      log(
        database,
        `restart ${run}/${options.restarts}: ${seconds(restarts.at(-1)!.ms)} (from the sources ${seconds(fromSources.at(-1)!.ms)}, empty Node ${seconds(emptyNodeMs.at(-1)!)}), ${restarts.at(-1)!.rssSettledMiB?.toFixed(0)} MiB`,
      )
    }
    return { firstStarts, restarts, fromSources, emptyNodeMs }
  } finally {
    for (const folder of folders) rmSync(folder, { recursive: true, force: true })
  }
}
