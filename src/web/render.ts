import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type nunjucks from 'nunjucks'
import { escapeHtml } from '../lib/html.ts'
import { metaDescription } from './meta-description.ts'
import { noncePlaceholder, pageBody, shouldCache } from './page-cache.ts'

/** A page whose content is HTML made in TypeScript, for reply.renderHtml. */
export interface HtmlPage {
  title: string
  /** The navigation's current section. */
  section?: string
  /** The page's meta description (plain text, from the page's own content). */
  description?: string
  /** Safe HTML for the head (feed links). */
  head?: string
  /** Safe HTML for the main content. */
  content: string
}

declare module 'fastify' {
  interface FastifyReply {
    /**
     * Renders a Nunjucks view with the layout's locals (CSP nonce, current section) and sends it;
     * `cache: false` keeps a page-cached route's answer out of the cache (results known to be a little old).
     */
    render(template: string, context?: Record<string, unknown>, options?: { cache?: boolean }): Promise<FastifyReply>
    /** Sends content made as HTML inside the layout; options as render's. */
    renderHtml(page: HtmlPage, options?: { cache?: boolean }): Promise<FastifyReply>
  }
}

/** Stand-ins rendered into the layout once, and replaced per page. */
const titleSlot = '__coophub_shell_title__'
const headSlot = '__coophub_shell_head__'
const contentSlot = '__coophub_shell_content__'

/** The header's navigation for a person on a page of a section: the app's composition gives it (web/ knows no feature). */
export type NavigationOf = (section: unknown, user: FastifyRequest['user']) => Array<{ href: string; text: string; active: boolean }>

export function registerRender(app: FastifyInstance, views: nunjucks.Environment, navigationOf: NavigationOf): void {
  const networkName = (views.getGlobal('site') as { networkName: string }).networkName

  function localsOf(reply: FastifyReply, context: Record<string, unknown>) {
    // A CSRF token only for pages that show a form: generating one sets the secret cookie. One
    // per page: a second call before the cookie exists would make a second secret and orphan
    // the first form's token.
    let token: string | undefined
    const csrfToken = () => (token ??= reply.generateCsrf())
    const user = reply.request.user
    const navigation = navigationOf(context.section, user)
    return { ...context, currentUrl: reply.request.url, user, csrfToken, navigation }
  }

  const nonceOf = (reply: FastifyReply) => (reply as FastifyReply & { cspNonce?: { script: string } }).cspNonce?.script ?? ''
  const cacheable = (reply: FastifyReply, options: { cache?: boolean }) => options.cache !== false && shouldCache(reply.request, reply.statusCode)

  /** Keeps HTML holding noncePlaceholder where the nonce goes in the page cache, and sends it with this response's nonce. */
  function sendCached(reply: FastifyReply, html: string): FastifyReply {
    const entry = reply.server.pageCache.set(reply.request.url, html)
    reply.header('etag', entry.etag).header('cache-control', 'no-cache')
    return reply.type('text/html; charset=utf-8').send(pageBody(entry, nonceOf(reply)))
  }

  const sendHtml = (reply: FastifyReply, html: string) => reply.type('text/html; charset=utf-8').send(html)

  app.decorateReply('render', async function render(this: FastifyReply, template: string, context = {}, options: { cache?: boolean } = {}) {
    const locals = localsOf(this, context)
    if (cacheable(this, options)) return sendCached(this, views.render(template, { ...locals, cspNonce: noncePlaceholder }))
    return sendHtml(this, views.render(template, { ...locals, cspNonce: nonceOf(this) }))
  })

  // The layout around an anonymous page depends only on its section: rendered once per section
  // with stand-ins, then filled by joining strings. Through Nunjucks it was a fifth of the search
  // page's time (layout, header, navigation and footer macros), measured at 10,000 case studies.
  const shells = new Map<string, string[]>()
  const shellOf = (reply: FastifyReply, section: string): string[] => {
    let parts = shells.get(section)
    if (!parts) {
      // Rendered for whichever address asks first: nothing of that address may show in it.
      const html = views.render('partials/_shell.njk', {
        ...localsOf(reply, { section }),
        currentUrl: '',
        title: titleSlot,
        shellHead: headSlot,
        shellContent: contentSlot,
        cspNonce: noncePlaceholder,
      })
      parts = html.split(new RegExp(`(${titleSlot}|${headSlot}|${contentSlot})`))
      if (parts.filter((p) => p === titleSlot).length !== 1 || !parts.includes(headSlot) || !parts.includes(contentSlot)) {
        throw new Error('the layout must show the title, the head and the content once each')
      }
      shells.set(section, parts)
    }
    return parts
  }

  app.decorateReply('renderHtml', async function renderHtml(this: FastifyReply, page: HtmlPage, options: { cache?: boolean } = {}) {
    const section = page.section ?? ''
    // Signed in, the layout shows the person's own links; and the layout leaves the network's name out of a title that is just that.
    if (this.request.user !== null || page.title === networkName) {
      const locals = {
        ...localsOf(this, { section }),
        title: page.title,
        description: page.description,
        shellHead: page.head ?? '',
        shellContent: page.content,
      }
      if (cacheable(this, options)) return sendCached(this, views.render('partials/_shell.njk', { ...locals, cspNonce: noncePlaceholder }))
      return sendHtml(this, views.render('partials/_shell.njk', { ...locals, cspNonce: nonceOf(this) }))
    }
    const cached = cacheable(this, options)
    // The nonce goes into the layout's parts only: the content is never searched for the stand-in.
    const nonce = nonceOf(this)
    const layout = (part: string) => (cached ? part : part.split(noncePlaceholder).join(nonce))
    // Escaped as Nunjucks escapes it; the description where the layout puts it, just before the head.
    const title = escapeHtml(page.title)
    const description = metaDescription(page.description)
    const head = `${description ? `<meta name="description" content="${escapeHtml(description)}">` : ''}${page.head ?? ''}`
    const html = shellOf(this, section)
      .map((part) => (part === titleSlot ? title : part === headSlot ? head : part === contentSlot ? page.content : layout(part)))
      .join('')
    return cached ? sendCached(this, html) : sendHtml(this, html)
  })
}
