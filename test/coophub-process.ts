import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

const entry = path.resolve(import.meta.dirname, '../bin/coophub.js')

export interface CoophubProcess {
  baseUrl: string
  /** The data folder it runs on (its embedded database, when no DATABASE_URL is given). */
  dataDir: string
  /** Everything it has printed so far, stdout and stderr. */
  output(): string
  /** The first match of `pattern` in its output, waiting for it to be printed. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>
  /** Sends it a signal (SIGTERM to stop it as a service manager does, SIGKILL to crash it). */
  kill(signal: NodeJS.Signals): void
  /** Settles when the process has exited, with its exit code or the signal that ended it. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  stop(): Promise<void>
}

async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

export interface StartOptions {
  /**
   * Run on this data folder (a restart after a crash) instead of a new one. The caller owns it:
   * `stop()` leaves it in place.
   */
  dataDir?: string
}

/**
 * `coophub serve` as a person starts it (what `npm start` runs), in a process of its own on a new,
 * empty data folder, so that its first start loads the demo content and prints what it prints.
 * Run from the data folder, so no `.env` of the developer's applies.
 */
export async function startCoophubProcess(env: Record<string, string> = {}, options: StartOptions = {}): Promise<CoophubProcess> {
  const ownFolder = options.dataDir === undefined
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'coophub-e2e-'))
  const port = await freePort()
  const child: ChildProcess = spawn(process.execPath, [entry, 'serve'], {
    cwd: dataDir,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? dataDir, DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const waiting = new Set<() => void>()
  const heard = (chunk: Buffer) => {
    output += chunk.toString()
    for (const wake of waiting) wake()
  }
  child.stdout!.on('data', heard)
  child.stderr!.on('data', heard)
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  )
  void exited.then(() => {
    for (const wake of waiting) wake()
  })
  const running = () => child.exitCode === null && child.signalCode === null

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    dataDir,
    output: () => output,
    kill: (signal) => void child.kill(signal),
    exited,
    waitFor(pattern, timeoutMs = 120_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => finish(new Error(`nothing matching ${pattern} within ${timeoutMs / 1000} s:\n${output}`)), timeoutMs)
        const check = () => {
          const match = pattern.exec(output)
          if (match) finish(null, match)
          else if (!running()) finish(new Error(`coophub exited before printing ${pattern}:\n${output}`))
        }
        const finish = (error: Error | null, match?: RegExpExecArray) => {
          clearTimeout(timer)
          waiting.delete(check)
          if (error) reject(error)
          else resolve(match!)
        }
        waiting.add(check)
        check()
      })
    },
    async stop() {
      if (running()) {
        child.kill('SIGTERM')
        const killed = setTimeout(() => child.kill('SIGKILL'), 15_000)
        await exited
        clearTimeout(killed)
      }
      if (ownFolder) rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
