// The part of autocannon 9's programmatic API the benchmark uses (the package ships no types).
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events'

  interface Histogram {
    average: number
    mean: number
    min: number
    max: number
    total: number
    p50: number
    p90: number
    p99: number
  }

  export interface Options {
    url: string
    connections?: number
    duration?: number
    timeout?: number
    overallRate?: number
    requests?: Array<{
      method?: string
      path?: string
      /** Called before each request is sent; returns the request to send. */
      setupRequest?: (request: { method?: string; path?: string }) => { method?: string; path?: string }
    }>
  }

  export interface Result {
    requests: Histogram
    latency: Histogram
    duration: number
    errors: number
    timeouts: number
    non2xx: number
  }

  export interface Instance extends EventEmitter {
    stop(): void
  }

  export default function autocannon(options: Options, callback: (error: Error | null, result: Result) => void): Instance
}
