import { httpGet, spawnNode, stopChild } from './processes.ts'
import type { BenchServerInfo, LoopDelay } from './serve-for-bench.ts'
import type { DatabaseUnderTest } from './targets.ts'

export interface BenchServer extends BenchServerInfo {
  baseUrl: string
  /** The server process's id (for its memory in /proc). */
  pid: number
  /** The server's event-loop delay since the previous call. */
  loopDelay(): Promise<LoopDelay>
  stop(): Promise<void>
}

/** Runs bench/lib/serve-for-bench.ts in a child process, so that load generation does not share its event loop. */
export async function startBenchServer(database: DatabaseUnderTest, pagePaths: string[], limitMs = 120_000): Promise<BenchServer> {
  // BENCH_SERVER_NODE_ARGS: extra Node flags for the server (such as --cpu-prof), which NODE_OPTIONS refuses.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean)
  const server = spawnNode([...nodeArgs, '--import', 'tsx', 'bench/lib/serve-for-bench.ts', ...pagePaths], database.env)
  let timer: NodeJS.Timeout | undefined
  try {
    const info = await new Promise<BenchServerInfo>((resolve, reject) => {
      let buffered = ''
      server.child.stdout?.on('data', (chunk: Buffer) => {
        buffered += chunk.toString()
        const line = buffered.split('\n').find((l) => l.startsWith('BENCH_READY '))
        if (line) resolve(JSON.parse(line.slice('BENCH_READY '.length)) as BenchServerInfo)
      })
      void server.exited.then((code) => reject(new Error(`the bench server exited (${code}) before it was ready:\n${server.output()}`)))
      timer = setTimeout(() => reject(new Error(`the bench server was not ready within ${limitMs / 1000} s:\n${server.output()}`)), limitMs)
    })
    const baseUrl = `http://127.0.0.1:${info.port}`
    const loopDelay = async (): Promise<LoopDelay> => JSON.parse((await httpGet(`${baseUrl}/__bench/loop-delay`, 10_000)).body.toString()) as LoopDelay
    return { ...info, baseUrl, pid: server.child.pid ?? 0, loopDelay, stop: () => stopChild(server) }
  } catch (error) {
    await stopChild(server)
    throw error
  } finally {
    clearTimeout(timer)
  }
}
