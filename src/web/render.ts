import type { FastifyInstance, FastifyReply } from 'fastify'
import type nunjucks from 'nunjucks'

declare module 'fastify' {
  interface FastifyReply {
    /** Renders a Nunjucks view with the layout's locals (CSP nonce, current section) and sends it. */
    render(template: string, context?: Record<string, unknown>): Promise<FastifyReply>
  }
}

export function registerRender(app: FastifyInstance, views: nunjucks.Environment): void {
  app.decorateReply('render', async function render(this: FastifyReply, template: string, context = {}) {
    const nonce = (this as FastifyReply & { cspNonce?: { script: string } }).cspNonce?.script
    const html = views.render(template, { ...context, cspNonce: nonce, currentUrl: this.request.url })
    return this.type('text/html; charset=utf-8').send(html)
  })
}
