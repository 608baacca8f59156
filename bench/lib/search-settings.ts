// Options of `npm run bench:search`, each overridable by an environment variable (read here only).

function numberList(raw: string | undefined, fallback: number[]): number[] {
  if (!raw) return fallback
  const values = raw.split(',').map((v) => Number(v.trim().replaceAll('_', '')))
  if (values.some((v) => !Number.isInteger(v) || v < 0 || v > 1_000_000))
    throw new Error(`BENCH_SEARCH_SIZES: whole numbers 0–1,000,000 separated by commas, not “${raw}”`)
  return [...new Set(values)].sort((a, b) => a - b)
}

function bounded(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const n = Number(raw)
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name}: a whole number from ${min} to ${max}, not “${raw}”`)
  return n
}

export type DatabaseName = 'pglite' | 'postgres'

function databaseList(raw: string | undefined): DatabaseName[] {
  if (!raw) return ['pglite', 'postgres']
  const names = raw.split(',').map((v) => v.trim().toLowerCase())
  const bad = names.filter((n) => n !== 'pglite' && n !== 'postgres')
  if (bad.length > 0) throw new Error(`BENCH_SEARCH_DATABASES: pglite and/or postgres, not “${bad.join(', ')}”`)
  return [...new Set(names as DatabaseName[])]
}

/** Numbers of synthetic case studies, smallest first; each larger size adds to the previous one. 0: the ordinary demo content (a quick check of the harness). */
export const sizes = numberList(process.env.BENCH_SEARCH_SIZES, [10_000, 100_000])
export const databases = databaseList(process.env.BENCH_SEARCH_DATABASES)
export const seed = bounded('BENCH_SEARCH_SEED', 1, 0, 2 ** 31 - 1)
/** Distinct search addresses in the mix. */
export const addressCount = bounded('BENCH_SEARCH_ADDRESSES', 240, 20, 2_000)
/** Passes over every address at `httpConnections` connections (the first with the addresses as they are). */
export const rounds = bounded('BENCH_SEARCH_ROUNDS', 2, 1, 10)
export const httpConnections = bounded('BENCH_SEARCH_CONNECTIONS', 10, 1, 100)
/** The whole run stops after this many minutes, whatever it is doing. */
export const watchdogMinutes = bounded('BENCH_SEARCH_TIMEOUT_MIN', 90, 1, 240)
/** Single edits through a server after the bulk load of the largest size on PostgreSQL (0: none), and how many of them are timed until found. */
export const edits = bounded('BENCH_SEARCH_EDITS', 1_000, 0, 10_000)
export const measuredEdits = bounded('BENCH_SEARCH_MEASURED_EDITS', 200, 1, 10_000)
/** The most one HTTP pass over the addresses may take; requests not yet sent by then are not sent. */
export const passLimitMs = 300_000
/** The most one `coophub demo --synthetic` run may take. */
export const loadLimitMs = 20 * 60_000

/** Targets from the issue: p95 of the search page end to end, and its growth from 10k to 100k. */
export const targets = {
  p95AtSmallMs: 50,
  smallSize: 10_000,
  p95AtLargePostgresMs: 150,
  largeSize: 100_000,
  maxGrowth: 4,
  cachedPageOfNginxPercent: 25,
  /** Publish → found by search, p95, at largeSize on PostgreSQL: on the server that published, and on another. */
  editVisibleHereMs: 200,
  editVisibleOtherMs: 2_000,
  /** VmHWM of the server through the bulk load and the single edits, in MB (10⁶ bytes). */
  serverPeakMB: 700,
}
