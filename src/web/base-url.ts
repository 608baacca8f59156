import type { FastifyRequest } from 'fastify'
import type { Config } from '../config.ts'

/**
 * The site's address for absolute links (emails, feeds, exports, the API): PUBLIC_URL when set,
 * else the address the request came to; never with a trailing slash.
 */
export function siteUrl(config: Pick<Config, 'publicUrl'>, request: Pick<FastifyRequest, 'protocol' | 'host'>): string {
  const base = config.publicUrl ?? `${request.protocol}://${request.host}`
  return base.replace(/\/+$/, '')
}
