import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import v8 from 'node:v8'
import type { Worker } from 'node:worker_threads'
import lockfile from 'proper-lockfile'
import { startWorker } from '../runtime.ts'
import { clearLockOfGoneOwner, lockDirOf, processAlive, removeLockOwner, writeLockOwner } from './lock-owner.ts'
import { usableTemplate } from './template.ts'

export class DataDirLockedError extends Error {
  constructor(dataDir: string) {
    super(
      `Another coophub process is already using the database folder ${dataDir}. ` +
        'Stop that process first, or set DATA_DIR to a different folder. ' +
        '(The embedded database cannot be shared between processes: writes would be lost.)',
    )
    this.name = 'DataDirLockedError'
  }
}

/** The socket file's name in its folder: node-postgres's default for port 5432. */
const socketName = '.s.PGSQL.5432'

/**
 * Beside the lock, a serving process says where its socket is, so that the command line can work
 * through it instead of being refused: written once the database listens, removed when it stops.
 */
const publishedSocketFile = (dataDir: string) => path.join(dataDir, 'coophub.socket.json')

/** A coophub server holding a data folder, as its published socket file describes it. */
export interface RunningServer {
  pid: number
  /** The private folder (mode 0700) holding its socket: node-postgres's `host`. */
  socketDir: string
}

function isRunningServer(value: unknown): value is RunningServer {
  const v = value as Partial<RunningServer> | null
  return (
    typeof v === 'object' && v !== null && Number.isSafeInteger(v.pid) && (v.pid ?? 0) > 0 && typeof v.socketDir === 'string' && path.isAbsolute(v.socketDir)
  )
}

/**
 * The live coophub server that published its socket in this data folder, or null. A file left by
 * a server that is gone (its process ended, or its socket with it) is not trusted; whether the
 * socket answers is for the caller's connection to find out.
 */
export function runningServerOf(dataDir: string): RunningServer | null {
  let published: unknown
  try {
    published = JSON.parse(readFileSync(publishedSocketFile(dataDir), 'utf8'))
  } catch {
    return null
  }
  if (!isRunningServer(published) || !processAlive(published.pid)) return null
  return existsSync(path.join(published.socketDir, socketName)) ? published : null
}

export interface EmbeddedServer {
  /** Folder holding the `.s.PGSQL.5432` socket: node-postgres's `host`. */
  socketDir: string
  /** The data folder as a gzipped tarball (for the template the build makes). */
  dump(): Promise<Uint8Array>
  stop(): Promise<void>
}

/**
 * PostgreSQL settings on top of PGlite's own start parameters. PGlite keeps PostgreSQL's 128 MB
 * of shared buffers, about a quarter of the server's resident memory once touched; pages beyond
 * 16 MB are read from the data folder's files, which the operating system caches, as for a
 * PostgreSQL server (figures in docs/benchmarks.md, "Foundation").
 */
export const embeddedSettings = ['-c', 'shared_buffers=16MB']

/**
 * PGlite's WebAssembly compiled once by V8's baseline compiler (Liftoff), its hot functions never
 * compiled again by the optimising one (TurboFan). On two cores the optimising compiler ran
 * during start-up beside the app's loading: a restart took about a third longer and the server
 * kept about 45 MB more (figures in docs/benchmarks.md, "Foundation"). Pages are served as fast;
 * heavy SQL (bulk loads, index builds, a scan that ranks thousands of rows) runs about 1.35 times
 * slower, so the command line's bulk work keeps the default. V8 flags are per process: call it
 * before the database starts.
 */
export function compileDatabaseForQuickStart(): void {
  v8.setFlagsFromString('--liftoff-only')
}

const running = new Set<Worker>()

/**
 * Once the server listens: from then on the databases' threads yield the processor to the one
 * that serves pages when the machine is busy (see pglite-worker.js). Before, start-up waits for them.
 */
export function databaseYieldsToPages(): void {
  for (const worker of running) worker.postMessage({ type: 'yield' })
}

/** A new database (no data folder yet, or in memory) starts from the build's template when one fits. */
function isNew(pgliteDir: string | null): boolean {
  return pgliteDir === null || !existsSync(pgliteDir) || readdirSync(pgliteDir).length === 0
}

/** Resolves when the worker's database is open; rejects when it fails or stops first. */
function ready(worker: Worker): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onMessage = (message: { type: string; message?: string }): void => {
      if (message.type === 'ready') resolve()
      if (message.type === 'error') reject(new Error(`The embedded database did not start: ${message.message}`))
    }
    worker.on('message', onMessage)
    worker.once('error', reject)
    worker.once('exit', (code) => reject(new Error(`The embedded database stopped during start-up (exit ${code})`)))
  })
}

/**
 * Writes the template into a new data folder on a thread of its own that then ends. PGlite
 * unpacks a template inside its WebAssembly memory, which grows to hold the whole data folder and
 * never shrinks: the server that unpacked it kept about 100 MB more than after a restart
 * (figures in docs/benchmarks.md, "Foundation"). Ending the thread returns that memory.
 */
async function unpackTemplate(template: string, pgliteDir: string): Promise<void> {
  const worker = startWorker('db/pglite-worker.js', {
    workerData: { dataDir: pgliteDir, socketPath: '', template, settings: embeddedSettings, maxConnections: 1, unpackOnly: true },
  })
  try {
    await ready(worker)
  } finally {
    worker.removeAllListeners('exit')
    await worker.terminate()
  }
}

/**
 * Starts PGlite in a worker thread behind a Unix socket. `dataDir: null` gives an in-memory
 * database (tests). A data folder is locked for the life of the process. A new database is
 * copied from the build's template (created and migrated already) when it fits this code, which
 * saves PostgreSQL's initdb; `fromTemplate: false` always runs initdb (the build itself).
 * `shareSocket` (the server): the socket is published in the data folder for the command line.
 */
export async function startEmbeddedServer(dataDir: string | null, options: { fromTemplate?: boolean; shareSocket?: boolean } = {}): Promise<EmbeddedServer> {
  let release: (() => Promise<void>) | undefined
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true })
    const lock = () => lockfile.lock(dataDir, { lockfilePath: lockDirOf(dataDir), stale: 10_000, update: 2_000, realpath: false })
    try {
      release = await lock().catch((error: NodeJS.ErrnoException) => {
        // Left by a process that crashed: take it over now rather than when its mtime goes stale.
        if (error.code === 'ELOCKED' && clearLockOfGoneOwner(dataDir)) return lock()
        throw error
      })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ELOCKED') throw new DataDirLockedError(dataDir)
      throw error
    }
    writeLockOwner(dataDir)
    // Left by a server that stopped without cleaning up: it describes nothing now.
    rmSync(publishedSocketFile(dataDir), { force: true })
  }

  // mkdtemp makes the folder private (0700): only this user's processes reach the socket.
  const socketDir = mkdtempSync(path.join(os.tmpdir(), 'coophub-pg-'))
  const shared = options.shareSocket === true && dataDir !== null
  const pgliteDir = dataDir ? path.join(dataDir, 'pglite') : null
  let template = options.fromTemplate !== false && isNew(pgliteDir) ? usableTemplate() : null
  if (template && pgliteDir) {
    try {
      await unpackTemplate(template, pgliteDir)
    } catch (error) {
      // Half a data folder would be taken for a database on the next start.
      rmSync(pgliteDir, { recursive: true, force: true })
      rmSync(socketDir, { recursive: true, force: true })
      if (dataDir) removeLockOwner(dataDir)
      if (release) await release().catch(() => undefined)
      throw error
    }
    template = null
  }
  const worker = startWorker('db/pglite-worker.js', {
    workerData: {
      dataDir: pgliteDir,
      socketPath: path.join(socketDir, socketName),
      template,
      settings: embeddedSettings,
      // The process's own pool (one connection) and a reconnect; shared, command-line clients too.
      maxConnections: shared ? 8 : 4,
    },
  })

  const cleanUp = async (): Promise<void> => {
    if (shared) rmSync(publishedSocketFile(dataDir), { force: true })
    rmSync(socketDir, { recursive: true, force: true })
    if (dataDir) removeLockOwner(dataDir)
    if (release) await release().catch(() => undefined)
  }

  try {
    await ready(worker)
  } catch (error) {
    await worker.terminate()
    await cleanUp()
    throw error
  }
  worker.removeAllListeners('exit')
  running.add(worker)
  if (shared) {
    // Written whole, then renamed: a reader never sees half of it.
    const file = publishedSocketFile(dataDir)
    writeFileSync(`${file}.tmp`, JSON.stringify({ pid: process.pid, socketDir } satisfies RunningServer), { mode: 0o600 })
    renameSync(`${file}.tmp`, file)
  }

  return {
    socketDir,
    dump: () =>
      new Promise<Uint8Array>((resolve, reject) => {
        const onMessage = (message: { type: string; data?: Uint8Array; message?: string }): void => {
          if (message.type !== 'dumped' && message.type !== 'dump-failed') return
          worker.off('message', onMessage)
          if (message.data) resolve(message.data)
          else reject(new Error(`The embedded database could not be dumped: ${message.message}`))
        }
        worker.on('message', onMessage)
        worker.postMessage({ type: 'dump' })
      }),
    async stop() {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 5_000)
        worker.on('message', (message: { type: string }) => {
          if (message.type === 'closed') {
            clearTimeout(timer)
            resolve()
          }
        })
        worker.postMessage({ type: 'close' })
      })
      running.delete(worker)
      await worker.terminate()
      await cleanUp()
    },
  }
}
