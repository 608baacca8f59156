// The worker's side of WorkerPool: answers each `{ id, input }` message with what `handle(input)`
// gives, and says when it is ready (its modules loaded), so that loading never counts against a
// job's time limit.

import os from 'node:os'
import { parentPort } from 'node:worker_threads'

export function serveJobs<In, Out>(handle: (input: In) => Out | Promise<Out>): void {
  const port = parentPort
  if (!port) throw new Error('serveJobs must run in a worker thread')
  // On Linux the nice value belongs to the thread: when the machine is busy, the main thread that
  // serves pages goes first and a long job waits, not the other way round.
  try {
    os.setPriority(10)
  } catch {
    // Not permitted or not supported here: run at normal priority.
  }
  port.on('message', async (message: { id: number; input: In }) => {
    try {
      port.postMessage({ id: message.id, ok: true, value: await handle(message.input) })
    } catch (error) {
      port.postMessage({ id: message.id, ok: false, error: error instanceof Error ? error.message : String(error) })
    }
  })
  port.postMessage({ ready: true })
}
