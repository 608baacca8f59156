import type { FastifyReply, FastifyRequest } from 'fastify'
import { translator, type Translate } from '../../i18n/catalogue.ts'

/**
 * RFC 9457 problem details. "about:blank": the status says it all, and the title is its phrase,
 * in the address's language (RFC 9457 lets it be localised): English under /api/, Welsh under /cy/api/.
 */
export interface Problem {
  type: string
  title: string
  status: number
  detail: string
  instance: string
}

/** The statuses with a title of their own (`api.problem.title.<status>`); others take 500's or 400's. */
const titled = new Set([400, 404, 405, 406, 413, 415, 429, 500, 503])

const english = translator('en')

export function problem(status: number, detail: string, instance: string, t: Translate = english): Problem {
  const title = t(`api.problem.title.${titled.has(status) ? status : status >= 500 ? 500 : 400}`)
  return { type: 'about:blank', title, status, detail, instance }
}

/** The request's path and query, percent-encoded: a URI reference whatever the client sent. */
export function instanceOf(url: string): string {
  const parsed = new URL(url, 'http://instance.invalid')
  return parsed.pathname + parsed.search
}

/** A problem answer; `detail` is already in the request's language (request.t). */
export function sendProblem(request: FastifyRequest, reply: FastifyReply, status: number, detail: string): FastifyReply {
  return reply
    .code(status)
    .header('access-control-allow-origin', '*')
    .header('cache-control', 'no-store')
    .type('application/problem+json; charset=utf-8')
    .send(problem(status, detail, instanceOf(request.originalUrl), request.t))
}
