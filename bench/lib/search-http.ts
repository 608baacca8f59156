// End to end over HTTP: a closed loop of N keep-alive connections, each sending its next address
// as soon as its previous answer has been read in full, every address once per pass. (autocannon
// cycles every connection through the same list, so one connection would be served from the page
// cache what another has just searched, and it reports no p95.)
import http from 'node:http'
import { progress } from './latency.ts'

export interface HttpAnswer {
  /** Its place in the list of paths given. */
  index: number
  ms: number
  /** 0: no answer (connection error or timeout). */
  status: number
  /** The page cache answered (x-coophub-cache: hit): not a search, so it must not happen here. */
  cacheHit: boolean
}

export interface HttpPass {
  answers: HttpAnswer[]
  wallMs: number
  /** Addresses not sent because the pass ran out of time. */
  unsent: number
}

function get(agent: http.Agent, url: string, timeoutMs: number): Promise<Omit<HttpAnswer, 'index'>> {
  const began = performance.now()
  return new Promise((resolve) => {
    const done = (status: number, cacheHit = false): void => resolve({ ms: performance.now() - began, status, cacheHit })
    const request = http.get(url, { agent, timeout: timeoutMs }, (response) => {
      response.on('data', () => undefined)
      response.on('end', () => done(response.statusCode ?? 0, response.headers['x-coophub-cache'] === 'hit'))
      response.on('error', () => done(0))
    })
    request.on('timeout', () => request.destroy(new Error('timeout')))
    request.on('error', () => done(0))
  })
}

/** Sends every path once over `connections` connections; stops sending after `limitMs`. Prints progress under `label` unless it is null. */
export async function httpPass(baseUrl: string, paths: string[], connections: number, limitMs: number, label: string | null): Promise<HttpPass> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections })
  const answers: HttpAnswer[] = []
  const report = label ? progress(label, paths.length) : () => undefined
  const began = performance.now()
  const deadline = began + limitMs
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < paths.length && performance.now() < deadline) {
      const index = next++
      answers.push({ index, ...(await get(agent, baseUrl + paths[index]!, 60_000)) })
      report(answers.length)
    }
  }
  try {
    await Promise.all(Array.from({ length: connections }, worker))
  } finally {
    agent.destroy()
  }
  return { answers, wallMs: performance.now() - began, unsent: paths.length - answers.length }
}
