import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import lockfile from 'proper-lockfile'

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

export interface EmbeddedServer {
  /** Folder holding the `.s.PGSQL.5432` socket: node-postgres's `host`. */
  socketDir: string
  stop(): Promise<void>
}

/**
 * Starts PGlite in a worker thread behind a Unix socket. `dataDir: null` gives an in-memory
 * database (tests). A data folder is locked for the life of the process.
 */
export async function startEmbeddedServer(dataDir: string | null): Promise<EmbeddedServer> {
  let release: (() => Promise<void>) | undefined
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true })
    try {
      release = await lockfile.lock(dataDir, {
        lockfilePath: path.join(dataDir, 'coophub.lock'),
        stale: 10_000,
        update: 2_000,
        realpath: false,
      })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ELOCKED') throw new DataDirLockedError(dataDir)
      throw error
    }
  }

  const socketDir = mkdtempSync(path.join(os.tmpdir(), 'coophub-pg-'))
  const worker = new Worker(new URL('./pglite-worker.js', import.meta.url), {
    workerData: { dataDir: dataDir ? path.join(dataDir, 'pglite') : null, socketPath: path.join(socketDir, '.s.PGSQL.5432') },
  })

  const cleanUp = async (): Promise<void> => {
    rmSync(socketDir, { recursive: true, force: true })
    if (release) await release().catch(() => undefined)
  }

  try {
    await new Promise<void>((resolve, reject) => {
      const onMessage = (message: { type: string; message?: string }): void => {
        if (message.type === 'ready') resolve()
        if (message.type === 'error') reject(new Error(`The embedded database did not start: ${message.message}`))
      }
      worker.on('message', onMessage)
      worker.once('error', reject)
      worker.once('exit', (code) => reject(new Error(`The embedded database stopped during start-up (exit ${code})`)))
    })
  } catch (error) {
    await worker.terminate()
    await cleanUp()
    throw error
  }
  worker.removeAllListeners('exit')

  return {
    socketDir,
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
      await worker.terminate()
      await cleanUp()
    },
  }
}
