import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'

/**
 * An answer other than the page asked for, thrown by a route or a guard and turned into an error
 * page (or problem details under /api) by the handler below. Its message is shown to the person,
 * so it is always one we wrote.
 */
export abstract class HttpError extends Error {
  abstract readonly statusCode: number
}

/** A page that does not exist (unknown slug or id, an unpublished case study). */
export class NotFoundError extends HttpError {
  readonly statusCode = 404
  constructor(message = 'Page not found') {
    super(message)
    this.name = 'NotFoundError'
  }
}

/** An anonymous request to a page that needs an account: answered with a redirect to sign in that comes back. */
export class SignInRequiredError extends HttpError {
  readonly statusCode = 401
  constructor(readonly returnTo: string) {
    super('Sign in to continue')
    this.name = 'SignInRequiredError'
  }
}

export class ForbiddenError extends HttpError {
  readonly statusCode = 403
  constructor(message = 'You do not have permission to do that') {
    super(message)
    this.name = 'ForbiddenError'
  }
}

export class TooManyRequestsError extends HttpError {
  readonly statusCode = 429
  constructor(
    message = 'Too many requests',
    /** Seconds until a new attempt can succeed, sent as Retry-After. */
    readonly retryAfter?: number,
  ) {
    super(message)
    this.name = 'TooManyRequestsError'
  }
}

const titles: Record<number, string> = {
  400: 'There is a problem with your request',
  403: 'You do not have permission to do that',
  404: 'Page not found',
  405: 'That is not allowed here',
  413: 'What you sent is too large',
  415: 'We cannot read what you sent',
  429: 'Too many requests',
}

function wantsJson(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/') || request.url.startsWith('/health')
}

const csrfCodes = new Set(['FST_CSRF_INVALID_TOKEN', 'FST_CSRF_MISSING_SECRET'])

async function sendError(request: FastifyRequest, reply: FastifyReply, status: number, detail?: string, csrf = false): Promise<void> {
  const title = csrf ? 'Your form could not be sent' : status >= 500 ? 'Sorry, there is a problem with the service' : (titles[status] ?? titles[400]!)
  reply.code(status)
  if (wantsJson(request)) {
    await reply.type('application/problem+json').send({ type: 'about:blank', title, status, ...(detail ? { detail } : {}) })
    return
  }
  await reply.render('errors/error.njk', { title, status, detail, csrf })
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
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed')
    } else {
      request.log.info({ status, code: error.code }, error.message)
    }
    // Only our own 4xx messages and Fastify's validation messages are safe and useful to show.
    const ours = error instanceof HttpError
    const detail = status < 500 && (ours || error.validation || error.code?.startsWith('FST_ERR_CTP')) ? error.message : undefined
    await sendError(request, reply, status, detail)
  })
}
