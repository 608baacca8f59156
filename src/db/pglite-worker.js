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

/**
 * Message types that end a client's exchange: Sync, a simple Query, Terminate, and the end or
 * failure of a COPY. A startup message has no type byte (its first byte is that of its length, 0).
 */
const exchangeEnds = new Set([0x53, 0x51, 0x58, 0x63, 0x66, 0x00])
const syncMessage = new Uint8Array([0x53, 0, 0, 0, 4])

/**
 * PGlite as the socket server sees it. The server runs each client's messages one at a time and
 * lets another client in between them unless the database is in a transaction block. But a
 * parameterised query is several messages (Parse, Bind, Describe, Execute, Sync) and PGlite has
 * one session: when a large query arrives in several reads, another client's Parse could land
 * between this client's Parse and Bind, and the Bind would run the other client's statement
 * with this one's values (measured: an INSERT ran another connection's SELECT). So a client
 * between the first message of an exchange and its end counts as "in a transaction": the server
 * then serves that client only, as it already does for a transaction. With one client (the
 * server's own pool) nothing changes; with a command-line client beside it, exchanges never mix.
 * @param {PGlite} db
 */
function keepExchangesWhole(db) {
  let midExchange = false
  /** @type {Record<string | symbol, unknown>} */
  const overrides = {
    isInTransaction: () => midExchange || db.isInTransaction(),
    execProtocolRawStream: (/** @type {Uint8Array} */ message, /** @type {any} */ options) => {
      midExchange = !exchangeEnds.has(message[0] ?? 0)
      return db.execProtocolRawStream(message, options)
    },
    // The socket server calls exec('ROLLBACK') when a client leaves inside a transaction; one
    // that left mid-exchange first has its exchange closed, as PostgreSQL does on a disconnect.
    exec: async (/** @type {string} */ query, /** @type {any} */ options) => {
      if (midExchange) {
        midExchange = false
        await db.execProtocolRaw(syncMessage)
      }
      return db.exec(query, options)
    },
  }
  return new Proxy(db, {
    get(target, property) {
      if (Object.hasOwn(overrides, property)) return overrides[property]
      // PGlite keeps its state in private fields: its methods must run on PGlite itself.
      const value = Reflect.get(target, property, target)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}

/** @type {{ dataDir: string | null, socketPath: string, template: string | null, settings: string[], maxConnections: number, unpackOnly?: boolean }} */
const input = workerData
const port = parentPort
if (!port) throw new Error('pglite-worker must run as a worker thread')

/**
 * Serves the database on the socket until the main thread asks it to close.
 * @param {PGlite} db
 * @param {import('node:worker_threads').MessagePort} port
 */
async function serve(db, port) {
  const server = new PGLiteSocketServer({ db: keepExchangesWhole(db), path: input.socketPath, maxConnections: input.maxConnections })
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
}

try {
  const db = await PGlite.create(input.dataDir ?? 'memory://', {
    extensions: { pg_trgm },
    startParams: [...PGlite.defaultStartParams, ...input.settings],
    // A new database from the build's template (already created and migrated) instead of initdb.
    ...(input.template ? { loadDataDir: new Blob([readFileSync(input.template)]) } : {}),
  })
  if (input.unpackOnly) {
    // The template is in the data folder now; the thread that opened it ends (unpackTemplate).
    await db.close()
    port.postMessage({ type: 'ready' })
  } else {
    await serve(db, port)
  }
} catch (error) {
  port.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) })
}
