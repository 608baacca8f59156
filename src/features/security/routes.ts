import type { FastifyInstance } from 'fastify'
import { NotFoundError } from '../../errors.ts'
import { siteUrl } from '../../web/base-url.ts'
import { securityContact, securityTxt } from './security-txt.ts'

export async function securityRoutes(app: FastifyInstance): Promise<void> {
  // Without an address to report to there is no file: RFC 9116 requires a Contact.
  app.get('/.well-known/security.txt', async (request, reply) => {
    const contact = securityContact(app.deps.config)
    if (!contact) throw new NotFoundError()
    const canonical = `${siteUrl(app.deps.config, request)}/.well-known/security.txt`
    return reply
      .type('text/plain; charset=utf-8')
      .header('cache-control', 'public, max-age=86400')
      .send(securityTxt({ contact, canonical, now: new Date() }))
  })
  // RFC 9116 §3: the older place may redirect to the file.
  app.get('/security.txt', async (_request, reply) => reply.redirect('/.well-known/security.txt', 301))
}
