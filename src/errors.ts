import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'

/** Thrown by routes for a page that does not exist (unknown slug, unpublished case study). */
export class NotFoundError extends Error {
  readonly statusCode = 404
  constructor(message = 'Page not found') {
    super(message)
    this.name = 'NotFoundError'
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

async function sendError(request: FastifyRequest, reply: FastifyReply, status: number, detail?: string): Promise<void> {
  const title = status >= 500 ? 'Sorry, there is a problem with the service' : (titles[status] ?? titles[400]!)
  reply.code(status)
  if (wantsJson(request)) {
    await reply.type('application/problem+json').send({ type: 'about:blank', title, status, ...(detail ? { detail } : {}) })
    return
  }
  await reply.render('errors/error.njk', { title, status, detail })
}

/** Error and not-found pages. Users never see a stack trace or an internal message. */
export function registerErrorHandlers(app: FastifyInstance): void {
  app.setNotFoundHandler(async (request, reply) => {
    await sendError(request, reply, 404)
  })
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed')
    } else {
      request.log.info({ status, code: error.code }, error.message)
    }
    // Only our own 4xx messages and Fastify's validation messages are safe and useful to show.
    const detail = status < 500 && (error.validation || error.code?.startsWith('FST_ERR_CTP')) ? error.message : undefined
    await sendError(request, reply, status, detail)
  })
}
