/** Latency figures of a set of timed requests, in milliseconds. */
export interface Latency {
  count: number
  p50: number
  p95: number
  p99: number
  max: number
}

/** Nearest-rank percentile (the value below which p % of the samples fall); 0 for no samples. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)))
  return sorted[rank - 1]!
}

export function summarise(values: number[]): Latency {
  return {
    count: values.length,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    p99: percentile(values, 99),
    max: values.length ? Math.max(...values) : 0,
  }
}

/** 3.4 ms, 27 ms: one decimal below 10 ms, whole milliseconds above. */
export function ms(value: number): string {
  return `${value < 10 ? value.toFixed(1) : Math.round(value).toLocaleString('en-GB')} ms`
}

export const count = (n: number): string => Math.round(n).toLocaleString('en-GB')

/** Prints "label 60/240" lines every quarter of the way, and at least every 10 s, for long loops. */
export function progress(label: string, total: number): (done: number) => void {
  const step = Math.max(1, Math.ceil(total / 4))
  let last = performance.now()
  return (done) => {
    const now = performance.now()
    if (done === total || done % step === 0 || now - last > 10_000) {
      last = now
      console.log(`    ${label} ${done}/${total}`)
    }
  }
}
