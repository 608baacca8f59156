import { urlIn, type Locale } from '../i18n/locales.ts'

// A Welsh page's links stay in Welsh: views write the English address ("/members"), and a Welsh
// page is moved under /cy here, once, as it is rendered (a cached page is stored moved, so serving
// it costs nothing). Links that name a language on purpose carry hreflang (the language switch,
// the hreflang alternates, a case study's translation) and are left alone, as are files and the
// JSON API; a feed's <link rel="alternate" type="application/atom+xml"> names none, and moves.

const tags = /<(?:a|link|form|area)\s[^>]*>/g
const address = /(\s(?:href|action)=")(\/[^"]*)"/

export function localiseLinks(html: string, locale: Locale): string {
  if (locale === 'en') return html
  return html.replace(tags, (tag) =>
    /\shreflang="/.test(tag) ? tag : tag.replace(address, (_m, attribute: string, url: string) => `${attribute}${urlIn(locale, url)}"`),
  )
}
