import type { Locale } from '../../i18n/locales.ts'

// A principle's wording in a page's language: the Welsh where the network gave one, else the
// English, marked lang="en" on a Welsh page. Each part falls back on its own.

export interface PrincipleWords {
  shortName: string
  statement: string
  shortNameCy?: string | null
  statementCy?: string | null
}

export interface WordedPrinciple {
  shortName: string
  /** The language of the short name where it is not the page's; undefined when it is. */
  shortNameLang: Locale | undefined
  statement: string
  statementLang: Locale | undefined
}

export function principleWording(p: PrincipleWords, locale: Locale): WordedPrinciple {
  if (locale === 'en') return { shortName: p.shortName, shortNameLang: undefined, statement: p.statement, statementLang: undefined }
  const shortNameCy = p.shortNameCy?.trim()
  const statementCy = p.statementCy?.trim()
  return {
    shortName: shortNameCy || p.shortName,
    shortNameLang: shortNameCy ? undefined : 'en',
    statement: statementCy || p.statement,
    statementLang: statementCy ? undefined : 'en',
  }
}

/** The principle with its wording in the page's language in place of the English. */
export function inLanguage<T extends PrincipleWords>(p: T, locale: Locale): T & WordedPrinciple {
  return { ...p, ...principleWording(p, locale) }
}
