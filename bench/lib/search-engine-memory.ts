// The search engine's own memory: built alone in a fresh process (run with --expose-gc) on the
// benchmark's database, measured after full garbage collections against the same process before
// it, and its build time and peak. Prints `ENGINE_MEMORY {json}`.
import { readFileSync } from 'node:fs'
import { LiveSearchEngine } from '../../src/features/search/live-search-engine.ts'
import { openBenchDatabase } from './search-database-only.ts'
import { serverDatabase } from './targets.ts'

export interface EngineMemory {
  rows: number
  segments: number
  buildMs: number
  /** Heap and buffers held by the engine (bodies included), after garbage collection. */
  heapMiB: number
  buffersMiB: number
  /** Of which, counted by the engine: its typed arrays and compact listing, and the bodies kept. */
  indexMiB: number
  bodiesMiB: number
  /** The process's peak resident memory while building, less what it had before. */
  buildPeakMiB: number
}

const mib = (bytes: number) => bytes / 1024 / 1024
const peakKiB = () => Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? NaN)

function settled(): NodeJS.MemoryUsage {
  const gc = (globalThis as { gc?: () => void }).gc
  if (!gc) throw new Error('run with --expose-gc')
  gc()
  gc()
  return process.memoryUsage()
}

const url = process.argv[2]
if (!url) throw new Error('usage: search-engine-memory.ts <database url>')
const handle = await openBenchDatabase(serverDatabase(url))
const before = settled()
const peakBefore = peakKiB()
const began = performance.now()
const engine = await LiveSearchEngine.start(handle.db)
const buildMs = performance.now() - began
const after = settled()
const stats = engine.stats
const figures: EngineMemory = {
  rows: stats.rows,
  segments: stats.segments,
  buildMs,
  heapMiB: mib(after.heapUsed - before.heapUsed),
  buffersMiB: mib(after.arrayBuffers - before.arrayBuffers),
  indexMiB: mib(stats.indexBytes),
  bodiesMiB: mib(stats.bodyBytes),
  buildPeakMiB: (peakKiB() - peakBefore) / 1024,
}
console.log(`ENGINE_MEMORY ${JSON.stringify(figures)}`)
await handle.close()
