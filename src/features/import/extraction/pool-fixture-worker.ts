// Test helper (not tests): a worker for WorkerPool's tests, one behaviour per input.

import { serveJobs } from './serve-jobs.ts'

export type FixtureInput =
  | { kind: 'echo'; text: string }
  /** Holds its worker's thread until the test sets the flag, as a long extraction would. */
  | { kind: 'block'; flag: Int32Array; text: string }
  | { kind: 'spin' }
  | { kind: 'allocate' }
  | { kind: 'throw'; message: string }

function handle(input: FixtureInput): string {
  switch (input.kind) {
    case 'echo':
      return input.text
    case 'block':
      Atomics.wait(input.flag, 0, 0)
      return input.text
    case 'spin':
      for (;;) {
        // Never returns: only terminating the worker stops it.
      }
    case 'allocate': {
      const kept: string[][] = []
      for (;;) kept.push(Array.from({ length: 100_000 }, (_, i) => `item ${i} of ${kept.length}`))
    }
    case 'throw':
      throw new Error(input.message)
  }
}

serveJobs(handle)
