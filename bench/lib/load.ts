import autocannon, { type Options, type Result } from 'autocannon'

export interface LoadFigures {
  reqPerSec: number
  p50Ms: number
  p99Ms: number
  requests: number
  /** Connection errors, timeouts and non-2xx answers: a figure with any is not a clean pass. */
  failures: number
}

export interface LoadSpec {
  baseUrl: string
  /** One path, or several that each connection cycles through. */
  paths: string[]
  connections: number
  durationS: number
  /** Add a counter to every request's query string, so no two requests share a cached page. */
  uncached?: boolean
  /** Requests per second across all connections; unset: as fast as the server answers. */
  rate?: number
}

export interface RunningLoad {
  done: Promise<LoadFigures>
  /** Ends the run early (its figures cover the time it ran). */
  stop(): void
}

function figures(result: Result): LoadFigures {
  return {
    reqPerSec: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    failures: result.errors + result.non2xx,
  }
}

let counter = 0
const withCounter = (path: string): string => `${path}${path.includes('?') ? '&' : '?'}_=${++counter}`

export function startLoad(spec: LoadSpec): RunningLoad {
  const options: Options = { ...optionsFor(spec), ...(spec.rate ? { overallRate: spec.rate } : {}) }
  let instance: ReturnType<typeof autocannon> | undefined
  const done = new Promise<LoadFigures>((resolve, reject) => {
    instance = autocannon(options, (error, result) => (error ? reject(error) : resolve(figures(result))))
  })
  return { done, stop: () => instance?.stop() }
}

function optionsFor(spec: LoadSpec): Options {
  return spec.uncached
    ? {
        url: spec.baseUrl,
        connections: spec.connections,
        duration: spec.durationS,
        timeout: 10,
        requests: spec.paths.map((path) => ({ method: 'GET', setupRequest: (request) => ({ ...request, path: withCounter(path) }) })),
      }
    : spec.paths.length === 1
      ? { url: spec.baseUrl + spec.paths[0], connections: spec.connections, duration: spec.durationS, timeout: 10 }
      : {
          url: spec.baseUrl,
          connections: spec.connections,
          duration: spec.durationS,
          timeout: 10,
          requests: spec.paths.map((path) => ({ method: 'GET', path })),
        }
}

/** A short unmeasured run first, so that the measured one sees warm code and caches. */
export async function measureLoad(spec: LoadSpec, warmupS = 1): Promise<LoadFigures> {
  await startLoad({ ...spec, durationS: warmupS }).done
  return startLoad(spec).done
}

export function describeLoad(f: LoadFigures): string {
  const failures = f.failures ? ` · **${f.failures} failed**` : ''
  return `${Math.round(f.reqPerSec).toLocaleString('en-GB')} req/s · p50 ${f.p50Ms} ms · p99 ${f.p99Ms} ms${failures}`
}
