// Reading uploaded documents off the main thread: extractText runs in a small pool of worker
// threads, each with a memory limit, each document with a time limit. A document that a worker
// cannot read within them is refused with a message; nobody else's page waits for it.

import { availableParallelism } from 'node:os'
import type { ExtractResult } from '../types.ts'
import type { ExtractJob } from './extract-worker.ts'
import { WorkerPool } from './worker-pool.ts'
import type { WorkerPoolOptions } from './worker-pool.ts'

export interface DocumentExtractor {
  extract(bytes: Uint8Array, fileName: string): Promise<ExtractResult>
  close(): Promise<void>
}

export const EXTRACTION_LIMITS = {
  /** Two readers at most, fewer on a one-core machine: the main thread keeps a core for pages. */
  size: Math.max(1, Math.min(2, availableParallelism() - 1)),
  queueLimit: 6,
  waitLimitMs: 30_000,
  timeLimitMs: 20_000,
  /** A worker's JavaScript heap; what the unzipping holds outside it is bounded by the archive check. */
  maxOldGenerationSizeMb: 192,
  idleMs: 60_000,
}

function duration(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 1000)} seconds` : `${ms} milliseconds`
}

type Options = Omit<WorkerPoolOptions, 'worker' | 'resourceLimits'> & { maxOldGenerationSizeMb: number }

export function createDocumentExtractor(overrides: Partial<Options> = {}): DocumentExtractor {
  const limits: Options = { ...EXTRACTION_LIMITS, ...overrides }
  const pool = new WorkerPool<ExtractJob, ExtractResult>({
    ...limits,
    worker: 'features/import/extraction/extract-worker.ts',
    resourceLimits: { maxOldGenerationSizeMb: limits.maxOldGenerationSizeMb, maxYoungGenerationSizeMb: 32 },
  })
  return {
    async extract(bytes, fileName) {
      const outcome = await pool.run({ bytes, fileName })
      if (outcome.ok) return outcome.value
      const name = fileName.split(/[\\/]/).pop() || fileName || 'The file'
      const again = 'Save only the case study\u2019s text in a new document (or as .txt) and try again.'
      switch (outcome.reason) {
        case 'busy':
          return { ok: false, error: 'The importer is busy reading other documents just now. Wait a minute and try again.' }
        case 'timed-out':
          return { ok: false, error: `"${name}" could not be read: reading it took longer than ${duration(limits.timeLimitMs)}, so it was stopped. ${again}` }
        case 'out-of-memory':
          return {
            ok: false,
            error: `"${name}" could not be read: it needs more memory than the importer allows (${limits.maxOldGenerationSizeMb} MB), so it was stopped. ${again}`,
          }
        default:
          return { ok: false, error: `"${name}" could not be read: the reader stopped unexpectedly. ${again}` }
      }
    },
    close: () => pool.close(),
  }
}
