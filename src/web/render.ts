import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import nunjucks from 'nunjucks'
import { escapeHtml } from '../lib/html.ts'
import type { Translate } from '../i18n/catalogue.ts'
import { localeNames, locales, urlIn, type Locale } from '../i18n/locales.ts'
import { translator } from '../i18n/catalogue.ts'
import { formatterOf, type Formatter } from '../i18n/format.ts'
import { govukTextOf, type GovukText } from './govuk-text.ts'
import { localiseLinks } from './localise-links.ts'
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
  /**
   * The content's links are in the page's language already (written through urlIn): it is not
   * searched again for links to move under /cy. For a page made anew for almost every request
   * (the search page), where that pass over the whole HTML would be paid on every search.
   */
  linksInLanguage?: boolean
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
/** The language switch's link: the same page in the other language. */
const otherSlot = '__coophub_shell_other__'

/** The header's navigation for a person on a page of a section: the app's composition gives it (web/ knows no feature). */
export type NavigationOf = (section: unknown, user: FastifyRequest['user'], t: Translate) => Array<{ href: string; text: string; active: boolean }>

/** What a view needs of its language: made once per language. */
interface LanguageLocals {
  locale: Locale
  htmlLang: Locale
  t: Translate
  /** t for a message holding HTML of our own (a link in a sentence): values are escaped, the message is not. */
  tHtml: (key: string, values?: Record<string, unknown>) => nunjucks.runtime.SafeString
  govuk: GovukText
  /** Dates, numbers and money in the page's language (also the filters date, dateTime, number, money). */
  format: Formatter
  /** An address of this site in the page's language (links in HTML are moved by localiseLinks; this is for anything else). */
  url: (address: string) => string
}

const languageLocals = new Map<Locale, LanguageLocals>()
function languageLocalsOf(locale: Locale): LanguageLocals {
  let locals = languageLocals.get(locale)
  if (!locals) {
    const t = translator(locale)
    const tHtml = (key: string, values: Record<string, unknown> = {}) =>
      new nunjucks.runtime.SafeString(
        t(key, Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'number' ? v : escapeHtml(String(v ?? ''))]))),
      )
    locals = { locale, htmlLang: locale, t, tHtml, govuk: govukTextOf(t), format: formatterOf(locale), url: (address) => urlIn(locale, address) }
    languageLocals.set(locale, locals)
  }
  return locals
}

/**
 * The language switch (govuk-frontend's language navigation) and the hreflang alternates of a page:
 * its address in each language, query string kept. `other` is the address in the other language,
 * or the shell's stand-in for it.
 */
function languageSwitch(locale: Locale, englishUrl: string, other?: string) {
  return locales.map((l) => ({
    text: localeNames[l],
    lang: l,
    current: l === locale,
    href: l === locale ? undefined : (other ?? urlIn(l, englishUrl)),
    languageDescriptionText: l === locale ? undefined : translator(l)('language.switchTo'),
  }))
}

/** The <link rel="alternate" hreflang> of a page, x-default being English; absolute when PUBLIC_URL is set. */
export function alternatesHtml(englishUrl: string, publicUrl: string | undefined): string {
  const base = publicUrl?.replace(/\/+$/, '') ?? ''
  const link = (hreflang: string, url: string) => `<link rel="alternate" hreflang="${hreflang}" href="${escapeHtml(base + url)}">`
  return link('en', englishUrl) + link('cy', urlIn('cy', englishUrl)) + link('x-default', englishUrl)
}

export function registerRender(app: FastifyInstance, views: nunjucks.Environment, navigationOf: NavigationOf): void {
  const networkName = (views.getGlobal('site') as { networkName: string }).networkName
  const publicUrl = app.deps.config.publicUrl
  // Each language's messages and component words are compiled once, before the first page asks.
  app.addHook('onReady', async () => {
    for (const locale of locales) languageLocalsOf(locale)
  })

  function localsOf(reply: FastifyReply, context: Record<string, unknown>) {
    // A CSRF token only for pages that show a form: generating one sets the secret cookie. One
    // per page: a second call before the cookie exists would make a second secret and orphan
    // the first form's token.
    let token: string | undefined
    const csrfToken = () => (token ??= reply.generateCsrf())
    const { user, locale, url } = reply.request
    const language = languageLocalsOf(locale)
    const navigation = navigationOf(context.section, user, language.t)
    return {
      ...language,
      languageSwitch: languageSwitch(locale, url),
      alternates: alternatesHtml(url, publicUrl),
      ...context,
      currentUrl: url,
      user,
      csrfToken,
      navigation,
    }
  }

  const nonceOf = (reply: FastifyReply) => (reply as FastifyReply & { cspNonce?: { script: string } }).cspNonce?.script ?? ''
  const cacheable = (reply: FastifyReply, options: { cache?: boolean }) => options.cache !== false && shouldCache(reply.request, reply.statusCode)

  /** Keeps HTML holding noncePlaceholder where the nonce goes in the page cache, and sends it with this response's nonce. */
  function sendCached(reply: FastifyReply, html: string): FastifyReply {
    // Keyed by the address asked for: /cy/x and /x are two pages.
    const entry = reply.server.pageCache.set(reply.request.originalUrl, html)
    reply.header('etag', entry.etag).header('cache-control', 'no-cache')
    return reply.type('text/html; charset=utf-8').send(pageBody(entry, nonceOf(reply)))
  }

  const sendHtml = (reply: FastifyReply, html: string) => reply.type('text/html; charset=utf-8').send(html)
  /** A view rendered, its links moved into the page's language. */
  const renderIn = (reply: FastifyReply, template: string, locals: Record<string, unknown>) =>
    localiseLinks(views.render(template, locals), reply.request.locale)

  app.decorateReply('render', async function render(this: FastifyReply, template: string, context = {}, options: { cache?: boolean } = {}) {
    const locals = localsOf(this, context)
    if (cacheable(this, options)) return sendCached(this, renderIn(this, template, { ...locals, cspNonce: noncePlaceholder }))
    return sendHtml(this, renderIn(this, template, { ...locals, cspNonce: nonceOf(this) }))
  })

  // The layout around an anonymous page depends only on its section: rendered once per section
  // with stand-ins, then filled by joining strings. Through Nunjucks it was a fifth of the search
  // page's time (layout, header, navigation and footer macros), measured at 10,000 case studies.
  // One shell per language and section, its links already in its language.
  const shells = new Map<string, string[]>()
  const shellOf = (reply: FastifyReply, section: string): string[] => {
    const { locale } = reply.request
    const key = `${locale}\u0000${section}`
    let parts = shells.get(key)
    if (!parts) {
      // Rendered for whichever address asks first: nothing of that address may show in it.
      const html = renderIn(reply, 'partials/_shell.njk', {
        ...localsOf(reply, { section }),
        currentUrl: '',
        languageSwitch: languageSwitch(locale, '', otherSlot),
        alternates: '',
        title: titleSlot,
        shellHead: headSlot,
        shellContent: contentSlot,
        cspNonce: noncePlaceholder,
      })
      parts = html.split(new RegExp(`(${titleSlot}|${headSlot}|${contentSlot}|${otherSlot})`))
      const once = (slot: string) => parts!.filter((p) => p === slot).length === 1
      if (!once(titleSlot) || !once(otherSlot) || !parts.includes(headSlot) || !parts.includes(contentSlot)) {
        throw new Error('the layout must show the title, the head, the content and the language switch once each')
      }
      shells.set(key, parts)
    }
    return parts
  }

  app.decorateReply('renderHtml', async function renderHtml(this: FastifyReply, page: HtmlPage, options: { cache?: boolean } = {}) {
    const section = page.section ?? ''
    const { locale, url } = this.request
    // Signed in, the layout shows the person's own links; and the layout leaves the network's name out of a title that is just that.
    if (this.request.user !== null || page.title === networkName) {
      const locals = {
        ...localsOf(this, { section }),
        title: page.title,
        description: page.description,
        shellHead: page.head ?? '',
        shellContent: page.content,
      }
      if (cacheable(this, options)) return sendCached(this, renderIn(this, 'partials/_shell.njk', { ...locals, cspNonce: noncePlaceholder }))
      return sendHtml(this, renderIn(this, 'partials/_shell.njk', { ...locals, cspNonce: nonceOf(this) }))
    }
    const cached = cacheable(this, options)
    // The nonce goes into the layout's parts only: the content is never searched for the stand-in.
    const nonce = nonceOf(this)
    const layout = (part: string) => (cached ? part : part.split(noncePlaceholder).join(nonce))
    // Escaped as Nunjucks escapes it; the description where the layout puts it, just before the head.
    const title = escapeHtml(page.title)
    const description = metaDescription(page.description)
    const head = `${description ? `<meta name="description" content="${escapeHtml(description)}">` : ''}${alternatesHtml(url, publicUrl)}${localiseLinks(page.head ?? '', locale)}`
    const other = escapeHtml(urlIn(locale === 'cy' ? 'en' : 'cy', url))
    const content = page.linksInLanguage ? page.content : localiseLinks(page.content, locale)
    const html = shellOf(this, section)
      .map((part) => (part === titleSlot ? title : part === headSlot ? head : part === contentSlot ? content : part === otherSlot ? other : layout(part)))
      .join('')
    return cached ? sendCached(this, html) : sendHtml(this, html)
  })
}
