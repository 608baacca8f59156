import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify'
import { TooManyRequestsError } from '../errors.ts'
import { countRequest, forgetOldRequestCounts } from './rate-limit-query.ts'

const units: Record<string, number> = { second: 1_000, minute: 60_000, hour: 3_600_000, day: 86_400_000 }

/** "15 minutes", "1 hour": the window in milliseconds. */
export function windowMs(timeWindow: string): number {
  const match = /^(\d+)\s*(second|minute|hour|day)s?$/.exec(timeWindow.trim())
  if (!match) throw new Error(`Unreadable rate-limit window: ${timeWindow}`)
  return Number(match[1]) * units[match[2]!]!
}

let countsSinceCleaning = 0

/**
 * A preHandler allowing `max` requests per window for each key (an IP address, an account).
 * The counts live in the database, so every instance on one database shares the limit.
 */
export function limitBy(
  app: FastifyInstance,
  options: { name: string; max: number; timeWindow: string; key: (request: FastifyRequest) => string },
): preHandlerAsyncHookHandler {
  const window = windowMs(options.timeWindow)
  return async (request) => {
    const now = new Date()
    const { count, windowEndsAt } = await countRequest(app.deps.db, `${options.name}:${options.key(request)}`.slice(0, 400), window, now)
    // Old windows are cleared now and then rather than by a job: the table stays small either way.
    if (++countsSinceCleaning >= 200) {
      countsSinceCleaning = 0
      await forgetOldRequestCounts(app.deps.db, now)
    }
    if (count > options.max) {
      throw new TooManyRequestsError(undefined, Math.max(1, Math.ceil((windowEndsAt.getTime() - now.getTime()) / 1000)))
    }
  }
}
