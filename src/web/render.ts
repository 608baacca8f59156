import type { FastifyInstance, FastifyReply } from 'fastify'
import type nunjucks from 'nunjucks'
import { serviceNavigation } from './navigation.ts'
import { noncePlaceholder, pageBody, shouldCache } from './page-cache.ts'

declare module 'fastify' {
  interface FastifyReply {
    /**
     * Renders a Nunjucks view with the layout's locals (CSP nonce, current section) and sends it;
     * `cache: false` keeps a page-cached route's answer out of the cache (results known to be a little old).
     */
    render(template: string, context?: Record<string, unknown>, options?: { cache?: boolean }): Promise<FastifyReply>
  }
}

export function registerRender(app: FastifyInstance, views: nunjucks.Environment): void {
  app.decorateReply('render', async function render(this: FastifyReply, template: string, context = {}, options: { cache?: boolean } = {}) {
    const nonce = (this as FastifyReply & { cspNonce?: { script: string } }).cspNonce?.script
    // A CSRF token only for pages that show a form: generating one sets the secret cookie. One
    // per page: a second call before the cookie exists would make a second secret and orphan
    // the first form's token.
    let token: string | undefined
    const csrfToken = () => (token ??= this.generateCsrf())
    const user = this.request.user
    const navigation = serviceNavigation(context.section, user)
    const locals = { ...context, currentUrl: this.request.url, user, csrfToken, navigation }
    if (options.cache !== false && shouldCache(this.request, this.statusCode)) {
      const entry = this.server.pageCache.set(this.request.url, views.render(template, { ...locals, cspNonce: noncePlaceholder }))
      this.header('etag', entry.etag).header('cache-control', 'no-cache')
      return this.type('text/html; charset=utf-8').send(pageBody(entry, nonce ?? ''))
    }
    const html = views.render(template, { ...locals, cspNonce: nonce })
    return this.type('text/html; charset=utf-8').send(html)
  })
}
