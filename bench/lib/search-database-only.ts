// The search service alone (no HTTP, no rendering): runSearch called in this process for each
// address, one at a time, on the database opened as the app opens it (PGlite: in a worker thread
// of this process). Whatever the service computes in memory is in these figures too.
import { loadConfig } from '../../src/config.ts'
import { databaseTarget, openDatabase, type DatabaseHandle } from '../../src/db/client.ts'
import { progress } from './latency.ts'
import type { SearchAddress } from './search-addresses.ts'
import { rawQuery, runMemo, searchDirect, type SearchDeps } from './search-service.ts'
import { recordStatementTimes } from './statement-times.ts'
import type { DatabaseUnderTest } from './targets.ts'

export interface TimedSearch {
  address: SearchAddress
  ms: number
  /** How many case studies matched. */
  total: number
}

export async function openBenchDatabase(database: DatabaseUnderTest): Promise<DatabaseHandle> {
  return openDatabase(databaseTarget(loadConfig({ ...database.env })))
}

export interface DirectRun {
  searches: TimedSearch[]
  /** Milliseconds of each SQL statement of the measured searches, by what it does. */
  statements: Map<string, number[]>
  /** Addresses not searched because the pass ran out of time. */
  unsent: number
  /** The first warm-up search: it loads what the service keeps until content changes (facet names, in-memory index). */
  firstMs: number
}

/** Runs every address once (until `limitMs` has passed), after the warm-up addresses (warm code and buffers), with a memo of its own. */
export async function timeSearchesDirectly(
  handle: DatabaseHandle,
  addresses: SearchAddress[],
  warmUp: SearchAddress[],
  o: { label: string; limitMs: number },
): Promise<DirectRun> {
  const deps: SearchDeps = { db: handle.db, memo: runMemo() }
  let firstMs = NaN
  for (const address of warmUp) {
    const began = performance.now()
    await searchDirect(deps, rawQuery(address.query))
    if (Number.isNaN(firstMs)) firstMs = performance.now() - began
  }
  const searches: TimedSearch[] = []
  const report = progress(`[${o.label}] database alone:`, addresses.length)
  const deadline = performance.now() + o.limitMs
  const statements = recordStatementTimes()
  try {
    for (const address of addresses) {
      if (performance.now() > deadline) break
      const began = performance.now()
      const { total } = await searchDirect(deps, rawQuery(address.query))
      searches.push({ address, ms: performance.now() - began, total })
      report(searches.length)
    }
  } finally {
    statements.stop()
  }
  return { searches, statements: statements.byKind, unsent: addresses.length - searches.length, firstMs }
}
