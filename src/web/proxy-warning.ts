import type { FastifyInstance } from 'fastify'

/**
 * Behind a reverse proxy that is not trusted (`TRUST_PROXY` unset), every request seems to come
 * from the proxy's address, so limits counted per address (failed sign-ins, reset requests) count
 * everyone together. Say so in the log, once per process, the first time a forwarded request
 * arrives.
 */
export function registerProxyWarning(app: FastifyInstance, trustProxy: boolean): void {
  if (trustProxy) return
  let warned = false
  app.addHook('onRequest', async (request) => {
    if (warned || request.headers['x-forwarded-for'] === undefined) return
    warned = true
    request.log.warn(
      { remoteAddress: request.socket.remoteAddress },
      'A request came through a proxy (X-Forwarded-For) but TRUST_PROXY is not set: every visitor seems to come from the proxy, and limits per IP address count them all together. Set TRUST_PROXY=true (or the proxy’s address) when coophub runs behind a reverse proxy.',
    )
  })
}
