// Whether an error means the database cannot be reached right now (down, restarting, or the
// connection cut), as opposed to a query that is wrong. The site answers the first with 503 and
// Retry-After — it will recover by itself — and the second with 500.

const networkCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN'])

/** PostgreSQL's SQLSTATE classes 08 (connection exception) and 57P (operator intervention: shutdown, restart). */
const unavailableSqlState = /^(08\d{3}|57P0[1-3])$/

/** node-postgres's own messages when a connection ends or cannot be made in time. */
const poolMessages = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error/i,
  /connect ECONNREFUSED/i,
]

export function isDatabaseUnavailable(error: unknown): boolean {
  // Drizzle wraps the driver's error: the cause chain holds it.
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string' && (networkCodes.has(code) || unavailableSqlState.test(code))) return true
    const message = (e as { message?: unknown }).message
    if (typeof message === 'string' && poolMessages.some((m) => m.test(message))) return true
  }
  return false
}

/** Why the database cannot be reached, in a few words for /health (no host, user or query). */
export function unavailableReason(error: unknown): string {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code
    const message = String((e as { message?: unknown }).message ?? '')
    if (code === 'ECONNREFUSED' || /ECONNREFUSED/.test(message)) return 'connection refused: the database is not running or not listening'
    if (code === '57P03') return 'the database is starting up'
    if (code === '57P01' || code === '57P02') return 'the database is shutting down'
    if (code === 'ETIMEDOUT' || /timeout/i.test(message)) return 'the database did not answer in time'
    if (/Connection terminated/i.test(message) || code === 'ECONNRESET' || code === 'EPIPE') return 'the connection to the database was lost'
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return "the database's host name does not resolve"
  }
  return 'the database did not answer'
}

/**
 * Whether a write failed because the disk holding the data is full: PostgreSQL's disk_full
 * (53100, which PGlite answers too, its data folder then staying readable) or the system's ENOSPC.
 * Reads go on; writes fail until space is freed, so the answer says so rather than "try again in
 * a few seconds".
 */
export function isStorageFull(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code
    if (code === '53100' || code === 'ENOSPC') return true
  }
  return false
}
