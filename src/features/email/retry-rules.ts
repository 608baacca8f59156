// When a failed email is tried again. A mail server that refuses or is down is usually back within
// minutes, sometimes hours (maintenance, a full quota, a greylisting list): the waits grow so that
// the first retry is soon and the last spans an overnight outage, without hammering a server that
// says no. After the last, the email stays failed, with its error, in the outbox for a person.

const minute = 60_000

/** The wait after each failed try: after the 1st failure 5 minutes, the 2nd 30 minutes, the 3rd 2 hours, the 4th 12 hours. */
export const emailRetryWaitsMs = [5 * minute, 30 * minute, 120 * minute, 720 * minute] as const

/** Tries in all: the first send and one after each wait. */
export const maxEmailAttempts = 1 + emailRetryWaitsMs.length

/**
 * When an email is next due, or null when it is not to be tried again.
 * `attempts`: tries made (0 = queued and never tried: its delivery was lost, e.g. the server stopped
 * between saving it and sending it; due once `lostAfterMs` has passed since it was last touched).
 * `lastTouched`: its last try, or its creation when it has none.
 */
export function nextEmailTry(email: { status: 'queued' | 'sent' | 'failed'; attempts: number; lastTouched: Date }, lostAfterMs = 5 * minute): Date | null {
  if (email.status === 'sent') return null
  if (email.status === 'queued') return email.attempts === 0 ? new Date(email.lastTouched.getTime() + lostAfterMs) : null
  const wait = email.attempts >= 1 ? emailRetryWaitsMs[email.attempts - 1] : emailRetryWaitsMs[0]
  return wait === undefined ? null : new Date(email.lastTouched.getTime() + wait)
}

/**
 * A lost email is sent only within a day of being written: one older than that (kept in the outbox
 * while no mail server was set up, say) holds links that have expired and news that is stale.
 */
export const lostEmailSentWithinMs = 24 * 60 * minute

/** Whether an email is due for a try at `now`. */
export function emailRetryDue(email: Parameters<typeof nextEmailTry>[0], now: Date): boolean {
  const due = nextEmailTry(email)
  if (due === null || due.getTime() > now.getTime()) return false
  return email.status !== 'queued' || now.getTime() < email.lastTouched.getTime() + lostEmailSentWithinMs
}
