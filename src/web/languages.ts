import type { IncomingMessage } from 'node:http'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { translator, type Translate } from '../i18n/catalogue.ts'
import { formatterOf, type Formatter } from '../i18n/format.ts'
import { localeOfUrl, urlIn, type Locale } from '../i18n/locales.ts'

// The language is in the address: /cy/... is the Welsh of /... . Routes are registered once, for
// the English address; rewriteUrl takes the /cy off before routing and remembers it on the raw
// request, so every route, hook and handler serves both languages unchanged.

const localeKey = Symbol('coophub.locale')
type RawWithLocale = IncomingMessage & { [localeKey]?: Locale }

/** Fastify's rewriteUrl: the address without its language, the language kept for request.locale. */
export function rewriteLanguageUrl(raw: IncomingMessage): string {
  const { locale, url } = localeOfUrl(raw.url ?? '/')
  if (locale !== 'en') (raw as RawWithLocale)[localeKey] = locale
  return url
}

const keepLocation = Symbol('coophub.keepLocation')

declare module 'fastify' {
  interface FastifyRequest {
    /** The language of the address asked for. */
    readonly locale: Locale
    /** The request's translator: t('key', { values }). */
    readonly t: Translate
    /** Dates, numbers and money in the request's language. */
    readonly format: Formatter
  }
  interface FastifyReply {
    /** A redirect to an address already in the language it must be in (a change of language): not moved under /cy. */
    redirectInLanguage(locale: Locale, url: string, code?: number): FastifyReply
    [keepLocation]?: boolean
  }
}

export function registerLanguages(app: FastifyInstance): void {
  app.decorateRequest('locale', {
    getter(this: FastifyRequest) {
      return (this.raw as RawWithLocale)[localeKey] ?? 'en'
    },
  })
  app.decorateRequest('t', {
    getter(this: FastifyRequest) {
      return translator(this.locale)
    },
  })
  app.decorateRequest('format', {
    getter(this: FastifyRequest) {
      return formatterOf(this.locale)
    },
  })
  app.decorateReply('redirectInLanguage', function redirectInLanguage(this: FastifyReply, locale: Locale, url: string, code = 303) {
    this[keepLocation] = true
    return this.redirect(urlIn(locale, url), code)
  })
  // A redirect from a Welsh page leads to a Welsh page: routes redirect to English addresses and
  // this moves them, whatever route or hook made them.
  app.addHook('onSend', (request, reply, payload, done) => {
    if (request.locale !== 'en' && reply[keepLocation] !== true) {
      const location = reply.getHeader('location')
      if (typeof location === 'string') reply.header('location', urlIn(request.locale, location))
    }
    done(null, payload)
  })
}
