import { freePort, spawnNode, stopChild, waitFor200 } from './processes.ts'
import type { DatabaseUnderTest } from './targets.ts'

export interface ColdStart {
  runsMs: number[]
  medianMs: number
}

/** Starts `coophub serve` and returns the wall time from spawn to the first 200 on `/`. */
async function serveOnce(database: DatabaseUnderTest): Promise<number> {
  const port = await freePort()
  const started = performance.now()
  const server = spawnNode(['bin/coophub.js', 'serve'], { ...database.env, PORT: String(port) })
  try {
    await waitFor200(`http://127.0.0.1:${port}/`, server, 60_000)
    return performance.now() - started
  } finally {
    await stopChild(server)
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** One untimed serve creates and fills the database; then `runs` timed starts on it. */
export async function measureColdStart(database: DatabaseUnderTest, runs = 3): Promise<ColdStart> {
  console.log(`  [${database.label}] cold start: first serve creates and fills the database (untimed)`)
  const setupMs = await serveOnce(database)
  console.log(`  [${database.label}] cold start: first serve answered after ${(setupMs / 1000).toFixed(2)} s`)
  const runsMs: number[] = []
  for (let run = 1; run <= runs; run++) {
    const ms = await serveOnce(database)
    runsMs.push(ms)
    console.log(`  [${database.label}] cold start ${run}/${runs}: ${(ms / 1000).toFixed(2)} s`)
  }
  return { runsMs, medianMs: median(runsMs) }
}
