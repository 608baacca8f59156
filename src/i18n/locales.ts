// The languages of the site, and where the language is in an address: English addresses as they
// are, Welsh ones the same under /cy. Search engines and shared links need stable addresses, so
// the address decides the language, never a browser's Accept-Language.

export const locales = ['en', 'cy'] as const
export type Locale = (typeof locales)[number]

export const defaultLocale: Locale = 'en'

/** Each language's name in itself, for the language switch. */
export const localeNames: Record<Locale, string> = { en: 'English', cy: 'Cymraeg' }

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value)
}

const isWelsh = (url: string) => url === '/cy' || url.startsWith('/cy/') || url.startsWith('/cy?') || url.startsWith('/cy#')

/** The language an address is in, and the address as the English site knows it. */
export function localeOfUrl(url: string): { locale: Locale; url: string } {
  if (url === '/cy' || url.startsWith('/cy/') || url.startsWith('/cy?')) {
    const rest = url.slice(3)
    return { locale: 'cy', url: rest === '' || rest.startsWith('?') ? `/${rest}` : rest }
  }
  return { locale: 'en', url }
}

/**
 * An address of this site (starting with one "/") in a language: "/x" is "/cy/x" in Welsh. Other
 * sites' addresses, language-neutral ones (isLanguageNeutral) and those already in Welsh stay as they are.
 */
export function urlIn(locale: Locale, url: string): string {
  if (locale === 'en' || !url.startsWith('/') || url.startsWith('//') || isWelsh(url) || isLanguageNeutral(url)) return url
  if (url === '/') return '/cy'
  if (url.startsWith('/?')) return `/cy${url.slice(1)}`
  return `/cy${url}`
}

/** The same page in the other language: the English address of a Welsh one, or the Welsh of an English one. */
export function urlInOther(url: string): { locale: Locale; url: string } {
  const here = localeOfUrl(url)
  return here.locale === 'cy' ? { locale: 'en', url: here.url } : { locale: 'cy', url: urlIn('cy', here.url) }
}

/**
 * Addresses that are the same in every language: static files, the JSON API and the JSON export
 * for programs (their field names are English; /cy/api/... differs only in its errors' words), and
 * the health check (the /api page that describes the API is a page like any other). Links to them
 * are never moved under /cy. The CSV export and the Atom feed have Welsh versions (headers, the
 * feed's title and links), so a Welsh page links to those.
 */
export function isLanguageNeutral(url: string): boolean {
  return (
    /^\/(?:static|assets|api|health)\//.test(url) ||
    /^\/(?:health|favicon\.ico|robots\.txt|sitemap\.xml)(?:[?#]|$)/.test(url) ||
    /^\/case-studies\.json(?:[?#]|$)/.test(url)
  )
}
