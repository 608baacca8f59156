import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import zlib from 'node:zlib'

/** Texts worth compressing; files (streams) are sent as they are, the stylesheet already compressed. */
const compressible = /^(text\/(html|plain|csv|css)|application\/(json|problem\+json|atom\+xml|xml|javascript))\b/
const minimumBytes = 1024

/**
 * The encoding to answer in, from Accept-Encoding: Brotli, else gzip, else none. A `q=0` refuses
 * one; `*` stands for either.
 */
export function chooseEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | null {
  if (!acceptEncoding) return null
  const accepted = new Map<string, number>()
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name, ...parameters] = part.trim().split(';')
    const q = parameters.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined)
    if (name) accepted.set(name.trim(), q === undefined ? 1 : Number(q))
  }
  const weight = (name: string) => accepted.get(name) ?? accepted.get('*') ?? 0
  if (weight('br') > 0) return 'br'
  if (weight('gzip') > 0) return 'gzip'
  return null
}

function compress(body: Buffer, encoding: 'br' | 'gzip'): Buffer {
  // Fast settings: a page is compressed for each response (its CSP nonce differs every time).
  return encoding === 'br'
    ? zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
    : zlib.gzipSync(body, { level: 6 })
}

/**
 * Compresses pages and other texts for browsers that accept it: the page and the stylesheet are
 * all a browser waits for before it first paints, and on a slow connection their size is the wait.
 */
export function registerCompression(app: FastifyInstance): void {
  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (request.method === 'HEAD' || reply.statusCode === 204 || reply.statusCode === 304) return payload
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload
    if (reply.hasHeader('content-encoding') || !compressible.test(String(reply.getHeader('content-type') ?? ''))) return payload
    const body = typeof payload === 'string' ? Buffer.from(payload) : payload
    reply.header('vary', varyWithAcceptEncoding(reply.getHeader('vary')))
    const encoding = body.length >= minimumBytes ? chooseEncoding(request.headers['accept-encoding']) : null
    if (!encoding) return payload
    reply.header('content-encoding', encoding)
    reply.removeHeader('content-length')
    return compress(body, encoding)
  })
}

function varyWithAcceptEncoding(current: unknown): string {
  const value = Array.isArray(current) ? current.join(', ') : current === undefined ? '' : String(current)
  if (value.split(',').some((v) => ['accept-encoding', '*'].includes(v.trim().toLowerCase()))) return value
  return value ? `${value}, accept-encoding` : 'accept-encoding'
}
