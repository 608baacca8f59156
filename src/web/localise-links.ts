import { urlIn, type Locale } from '../i18n/locales.ts'

// A Welsh page's links stay in Welsh: views write the English address ("/members"), and a Welsh
// page is moved under /cy here, once, as it is rendered (a cached page is stored moved, so serving
// it costs nothing). Links that name a language on purpose carry rel="alternate" (the language
// switch, the hreflang alternates) and are left alone, as are files, the API and feeds.

const tags = /<(?:a|link|form|area)\s[^>]*>/g
const address = /(\s(?:href|action)=")(\/[^"]*)"/

export function localiseLinks(html: string, locale: Locale): string {
  if (locale === 'en') return html
  return html.replace(tags, (tag) =>
    tag.includes('rel="alternate"') ? tag : tag.replace(address, (_m, attribute: string, url: string) => `${attribute}${urlIn(locale, url)}"`),
  )
}
