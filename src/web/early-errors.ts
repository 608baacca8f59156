// Errors Fastify and Node answer themselves, before any hook of ours runs: by default as JSON,
// which a reader's browser shows as code. Here each is the site's page (problem details under /api/).
import type { Socket } from 'node:net'
import { STATUS_CODES } from 'node:http'
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify'
import { plainErrorPage, rawErrorResponse } from './plain-error-page.ts'

interface Site {
  networkName: string
  assetVersion: string
}

function send(request: FastifyRequest, reply: FastifyReply, status: number, site: Site): FastifyReply {
  reply.code(status).header('cache-control', 'no-store')
  if (request.url.startsWith('/api/')) {
    return reply.type('application/problem+json; charset=utf-8').send({ type: 'about:blank', title: STATUS_CODES[status] ?? 'Error', status })
  }
  return reply.type('text/html; charset=utf-8').send(plainErrorPage(status, site))
}

/** Fastify options: its router's errors, Node's parser errors and requests while closing become our pages. */
export function earlyErrorOptions(site: Site): Pick<FastifyServerOptions, 'frameworkErrors' | 'clientErrorHandler' | 'return503OnClosing'> {
  return {
    frameworkErrors(error, request, reply) {
      // A path that cannot be decoded (a stray %) is the reader's typing; so is a path segment too long for the router.
      const status = error.code === 'FST_ERR_BAD_URL' ? 400 : error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : 500
      if (status === 500) request.log.error({ err: error }, 'router error')
      void send(request, reply, status, site)
    },
    clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket) {
      if (error.code === 'ECONNRESET' || socket.destroyed) return
      const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400
      if (socket.writable) socket.write(rawErrorResponse(status, STATUS_CODES[status] ?? 'Error', plainErrorPage(status, site)))
      socket.destroy(error)
    },
    // Answered by registerClosingRefusal instead, as a page.
    return503OnClosing: false,
  }
}

/** Once the process has begun to stop, a request arriving on a kept-alive connection is refused with a page, and the connection closed. */
export function registerClosingRefusal(app: FastifyInstance, site: Site): void {
  let closing = false
  app.addHook('preClose', async () => {
    closing = true
  })
  app.addHook('onRequest', async (request, reply) => {
    if (!closing) return
    reply.header('connection', 'close').header('retry-after', '5')
    return send(request, reply, 503, site)
  })
}
