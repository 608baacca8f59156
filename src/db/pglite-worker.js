// Runs PGlite on its own thread and serves it over the PostgreSQL wire protocol on a Unix socket.
// PGlite executes synchronously in WebAssembly: on the main thread one slow search would freeze
// every other request. Here it only blocks this worker. Plain JavaScript so that the worker needs
// no TypeScript loader (Node 20 starts a worker's entry before --import hooks apply).
import { Blob } from 'node:buffer'
import { readFileSync } from 'node:fs'
import os from 'node:os'
import { parentPort, workerData } from 'node:worker_threads'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { PGLiteSocketServer } from '@electric-sql/pglite-socket'

/** @type {{ dataDir: string | null, socketPath: string, template: string | null, settings: string[] }} */
const input = workerData
const port = parentPort
if (!port) throw new Error('pglite-worker must run as a worker thread')

try {
  const db = await PGlite.create(input.dataDir ?? 'memory://', {
    extensions: { pg_trgm },
    startParams: [...PGlite.defaultStartParams, ...input.settings],
    // A new database from the build's template (already created and migrated) instead of initdb.
    ...(input.template ? { loadDataDir: new Blob([readFileSync(input.template)]) } : {}),
  })
  // One client connection (the main thread's pool has max 1) plus room for a reconnect.
  const server = new PGLiteSocketServer({ db, path: input.socketPath, maxConnections: 4 })
  await server.start()
  port.postMessage({ type: 'ready' })
  port.on('message', (/** @type {{ type: string }} */ message) => {
    if (message.type === 'yield') {
      // On Linux the nice value belongs to the thread: when the machine is busy, the main thread
      // that serves pages goes first and a long search waits, not the other way round. Only once
      // the server listens: until then start-up (migrations, the demo content) waits for this thread.
      try {
        os.setPriority(10)
      } catch {
        // Not permitted or not supported here: run at normal priority.
      }
      return
    }
    if (message.type === 'dump') {
      void db
        .dumpDataDir('gzip')
        .then(async (blob) => port.postMessage({ type: 'dumped', data: new Uint8Array(await blob.arrayBuffer()) }))
        .catch((error) => port.postMessage({ type: 'dump-failed', message: error instanceof Error ? error.message : String(error) }))
      return
    }
    if (message.type !== 'close') return
    void (async () => {
      await server.stop()
      await db.close()
      port.postMessage({ type: 'closed' })
    })()
  })
} catch (error) {
  port.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) })
}
