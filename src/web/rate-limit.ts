import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify'
import { TooManyRequestsError } from '../errors.ts'

/**
 * A preHandler allowing `max` requests per window for each key (an IP address, an account).
 * Counts live in this process: behind several instances each keeps its own.
 */
export function limitBy(
  app: FastifyInstance,
  options: { name: string; max: number; timeWindow: string; key: (request: FastifyRequest) => string },
): preHandlerAsyncHookHandler {
  const check = app.createRateLimit({
    max: options.max,
    timeWindow: options.timeWindow,
    keyGenerator: (request) => `${options.name}:${options.key(request)}`,
  })
  return async (request) => {
    const result = await check(request)
    if (!result.isAllowed && result.isExceeded) {
      throw new TooManyRequestsError(undefined, result.ttlInSeconds)
    }
  }
}
