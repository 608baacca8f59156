import type { FastifyReply, FastifyRequest } from 'fastify'

/** RFC 9457 problem details. "about:blank": the status says it all, and the title is its phrase. */
export interface Problem {
  type: string
  title: string
  status: number
  detail: string
  instance: string
}

const titles: Record<number, string> = {
  400: 'Bad Request',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
}

export function problem(status: number, detail: string, instance: string): Problem {
  return { type: 'about:blank', title: titles[status] ?? (status >= 500 ? titles[500]! : titles[400]!), status, detail, instance }
}

/** The request's path and query, percent-encoded: a URI reference whatever the client sent. */
export function instanceOf(url: string): string {
  const parsed = new URL(url, 'http://instance.invalid')
  return parsed.pathname + parsed.search
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, status: number, detail: string): FastifyReply {
  return reply
    .code(status)
    .header('access-control-allow-origin', '*')
    .header('cache-control', 'no-store')
    .type('application/problem+json; charset=utf-8')
    .send(problem(status, detail, instanceOf(request.url)))
}
