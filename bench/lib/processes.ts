import { spawn, type ChildProcess } from 'node:child_process'
import http from 'node:http'
import net from 'node:net'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

export const repoRoot = path.resolve(import.meta.dirname, '../..')

export interface Spawned {
  child: ChildProcess
  /** The last few KB of its stdout and stderr, for error messages. */
  output(): string
  exited: Promise<number | null>
}

const running = new Set<ChildProcess>()

/** Starts `node <args>` in the repository; every child is killed when the benchmark exits. */
export function spawnNode(args: string[], env: NodeJS.ProcessEnv): Spawned {
  return spawnProgram(process.execPath, args, env)
}

/** Starts any program (such as nginx) in the repository, killed with the others when the benchmark exits. */
export function spawnProgram(command: string, args: string[], env: NodeJS.ProcessEnv): Spawned {
  const child = spawn(command, args, { cwd: repoRoot, env, stdio: ['pipe', 'pipe', 'pipe'] })
  running.add(child)
  let output = ''
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-8_000)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      running.delete(child)
      resolve(code)
    })
  })
  return { child, output: () => output, exited }
}

export function killAllChildren(): void {
  for (const child of running) child.kill('SIGKILL')
}

/** SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
export async function stopChild(spawned: Spawned, graceMs = 15_000): Promise<void> {
  const { child } = spawned
  if (child.exitCode !== null || child.signalCode !== null) return
  child.kill('SIGTERM')
  let timer: NodeJS.Timeout | undefined
  const timedOut = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(true), graceMs)
  })
  if (await Promise.race([spawned.exited.then(() => false), timedOut])) {
    child.kill('SIGKILL')
    await spawned.exited
  }
  clearTimeout(timer)
}

export async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', resolve)
  })
  const { port } = server.address() as net.AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

/** One GET without connection reuse, so that no socket outlives the server it talked to. */
export function httpGet(url: string, timeoutMs: number): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent: false, timeout: timeoutMs }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks) }))
      response.on('error', reject)
    })
    request.on('timeout', () => request.destroy(new Error(`GET ${url} timed out`)))
    request.on('error', reject)
  })
}

/** Polls `url` every `intervalMs` until it answers 200; fails if the process exits or time runs out. */
export async function waitFor200(url: string, spawned: Spawned, limitMs: number, intervalMs = 20): Promise<void> {
  const deadline = performance.now() + limitMs
  while (performance.now() < deadline) {
    if (spawned.child.exitCode !== null || spawned.child.signalCode !== null) {
      throw new Error(`the server exited (${spawned.child.exitCode ?? spawned.child.signalCode}) before answering:\n${spawned.output()}`)
    }
    try {
      const { status } = await httpGet(url, 5_000)
      if (status === 200) return
    } catch {
      // not listening yet
    }
    await sleep(intervalMs)
  }
  throw new Error(`no 200 from ${url} within ${limitMs / 1000} s:\n${spawned.output()}`)
}
