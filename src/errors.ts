import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { isDatabaseUnavailable, isStorageFull } from './db/unavailable.ts'
import { translator } from './i18n/catalogue.ts'

/**
 * An answer other than the page asked for, thrown by a route or a guard and turned into an error
 * page (or problem details under /api) by the handler below. Its message is shown to the person,
 * so it is always one we wrote.
 */
export abstract class HttpError extends Error {
  abstract readonly statusCode: number
  /** Made with the class's own message, which the error page's title already says (in the page's language). */
  protected readonly standard: boolean
  constructor(message: string | undefined, standardMessage: string) {
    super(message ?? standardMessage)
    this.standard = message === undefined
  }
  /** A message of the route's own to show under the title: written with request.t, in the page's language. */
  get detail(): string | undefined {
    return this.standard ? undefined : this.message
  }
}

/** A page that does not exist (unknown slug or id, an unpublished case study). */
export class NotFoundError extends HttpError {
  readonly statusCode = 404
  constructor(message?: string) {
    super(message, 'Page not found')
    this.name = 'NotFoundError'
  }
}

/** An anonymous request to a page that needs an account: answered with a redirect to sign in that comes back. */
export class SignInRequiredError extends HttpError {
  readonly statusCode = 401
  constructor(readonly returnTo: string) {
    super(undefined, 'Sign in to continue')
    this.name = 'SignInRequiredError'
  }
}

export class ForbiddenError extends HttpError {
  readonly statusCode = 403
  constructor(message?: string) {
    super(message, 'You do not have permission to do that')
    this.name = 'ForbiddenError'
  }
}

export class TooManyRequestsError extends HttpError {
  readonly statusCode = 429
  constructor(
    message?: string,
    /** Seconds until a new attempt can succeed, sent as Retry-After. */
    readonly retryAfter?: number,
  ) {
    super(message, 'Too many requests')
    this.name = 'TooManyRequestsError'
  }
}

/** The catalogue key of each error page's title. */
const titles: Record<number, string> = {
  400: 'errors.badRequest.title',
  403: 'errors.forbidden.title',
  404: 'errors.notFound.title',
  405: 'errors.methodNotAllowed.title',
  413: 'errors.tooLarge.title',
  415: 'errors.unsupportedType.title',
  429: 'errors.tooManyRequests.title',
  431: 'errors.headersTooLarge.title',
  503: 'errors.unavailable.title',
}

function wantsJson(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/') || request.url.startsWith('/health')
}

/** How long a reader is asked to wait while the database is unreachable: a restart takes seconds. */
export const databaseRetryAfterSeconds = 5

const csrfCodes = new Set(['FST_CSRF_INVALID_TOKEN', 'FST_CSRF_MISSING_SECRET'])

/** How long a writer is asked to wait when the disk is full: someone has to free space first. */
export const storageFullRetryAfterSeconds = 300

async function sendError(request: FastifyRequest, reply: FastifyReply, status: number, detail?: string, csrf = false, storageFull = false): Promise<void> {
  const key = storageFull
    ? 'errors.storageFull.title'
    : csrf
      ? 'errors.csrf.title'
      : status === 503
        ? titles[503]!
        : status >= 500
          ? 'errors.serverError.title'
          : (titles[status] ?? titles[400]!)
  // Programs reading the API get English problem titles whatever the address.
  const title = (wantsJson(request) ? translator('en') : request.t)(key)
  reply.code(status)
  if (wantsJson(request)) {
    await reply.type('application/problem+json').send({ type: 'about:blank', title, status, ...(detail ? { detail } : {}) })
    return
  }
  await reply.render('errors/error.njk', { title, status, detail, csrf, storageFull })
}

/** Error and not-found pages. Users never see a stack trace or an internal message. */
export function registerErrorHandlers(app: FastifyInstance): void {
  app.setNotFoundHandler(async (request, reply) => {
    await sendError(request, reply, 404)
  })
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    if (error instanceof SignInRequiredError) {
      return reply.redirect(`/sign-in?next=${encodeURIComponent(error.returnTo)}`, 303)
    }
    if (error.code && csrfCodes.has(error.code)) {
      request.log.info({ code: error.code }, 'CSRF check failed')
      return sendError(request, reply, 403, undefined, true)
    }
    if (error instanceof TooManyRequestsError && error.retryAfter !== undefined) reply.header('retry-after', String(error.retryAfter))
    if (isDatabaseUnavailable(error)) {
      // Down or restarting: the pool reconnects by itself once it is back, so say when to try again.
      request.log.warn({ err: error }, 'database unavailable')
      reply.header('retry-after', String(databaseRetryAfterSeconds))
      return sendError(request, reply, 503)
    }
    if (isStorageFull(error)) {
      // Error level: someone has to free disk space before anything can be saved again.
      request.log.error({ err: error }, 'the disk holding the data is full: writes fail until space is freed; reads go on')
      reply.header('retry-after', String(storageFullRetryAfterSeconds))
      return sendError(request, reply, 503, undefined, false, true)
    }
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed')
    } else {
      request.log.info({ status, code: error.code }, error.message)
    }
    // Only our own 4xx messages and Fastify's validation messages are safe and useful to show.
    const detail =
      status >= 500
        ? undefined
        : error instanceof HttpError
          ? error.detail
          : error.validation || error.code?.startsWith('FST_ERR_CTP')
            ? error.message
            : undefined
    await sendError(request, reply, status, detail)
  })
}
