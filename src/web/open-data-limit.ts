import type { FastifyInstance, onRequestAsyncHookHandler } from 'fastify'
import { TooManyRequestsError } from '../errors.ts'
import { RequestWindows } from './request-windows.ts'

const perApp = new WeakMap<object, RequestWindows>()

/**
 * The open data's limit per address (OPEN_DATA_REQUESTS_PER_MINUTE): one count shared by the
 * API, the exports and the feed, so a client cannot step around it by changing format. Answered
 * 429 with Retry-After (problem details under /api/, the error page elsewhere). A plugin adds it
 * as its own onRequest hook, so it covers that plugin's routes only.
 */
export function openDataLimit(app: FastifyInstance): onRequestAsyncHookHandler {
  const max = app.deps.config.openDataRequestsPerMinute
  const deps = app.deps
  let windows = perApp.get(deps)
  if (!windows && max > 0) {
    windows = new RequestWindows(max, 60_000)
    perApp.set(deps, windows)
  }
  return async (request) => {
    if (!windows) return
    const counted = windows.take(request.ip, Date.now())
    if (!counted.allowed) throw new TooManyRequestsError(undefined, counted.retryAfterSeconds)
  }
}
