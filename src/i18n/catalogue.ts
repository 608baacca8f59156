// The message catalogues: one folder per language in locales/, one JSON file per area of the site,
// keys named by meaning, values in ICU MessageFormat (placeholders, and plurals by each language's
// own rules: Welsh has six forms). Nothing on a page is assembled from fragments: a sentence is one
// message with its placeholders. Files per area let several people add messages at once.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { IntlMessageFormat } from 'intl-messageformat'
import { projectRoot } from '../runtime.ts'
import type { Locale } from './locales.ts'

export type Catalogue = Readonly<Record<string, string>>
export type MessageValues = Record<string, string | number | Date | null | undefined>

/** Translates a key with its values; a page takes one for its language. */
export type Translate = (key: string, values?: MessageValues) => string

export const localesDir = path.join(projectRoot, 'locales')

/** The area files of a folder under locales/ (a language, or the Welsh review lists), by area name. */
export function areaFiles(folder: string): Map<string, unknown> {
  const dir = path.join(localesDir, folder)
  const areas = new Map<string, unknown>()
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    areas.set(file.slice(0, -'.json'.length), JSON.parse(readFileSync(path.join(dir, file), 'utf8')))
  }
  return areas
}

const catalogues = new Map<Locale, Catalogue>()

/** A language's catalogue: every area file of locales/<locale>/, read once; a key in two files is an error. */
export function catalogueOf(locale: Locale): Catalogue {
  let catalogue = catalogues.get(locale)
  if (!catalogue) {
    const merged: Record<string, string> = {}
    const home = new Map<string, string>()
    for (const [area, messages] of areaFiles(locale)) {
      for (const [key, value] of Object.entries(messages as Record<string, string>)) {
        const other = home.get(key)
        if (other) throw new Error(`locales/${locale}: the key "${key}" is in both ${other}.json and ${area}.json; a key belongs to one area.`)
        home.set(key, area)
        merged[key] = value
      }
    }
    catalogue = merged
    catalogues.set(locale, catalogue)
  }
  return catalogue
}

const compiled = new Map<string, IntlMessageFormat>()

const translators = new Map<Locale, Translate>()

/**
 * The translator of a language. A key missing from its catalogue falls back to English, and one
 * missing from both shows as the key itself (the catalogue tests keep either from reaching a page).
 */
export function translator(locale: Locale): Translate {
  let t = translators.get(locale)
  if (t) return t
  const own = catalogueOf(locale)
  const english = catalogueOf('en')
  t = (key, values) => {
    const source = own[key] ?? english[key]
    if (source === undefined) return key
    const cacheKey = `${locale}\u0000${key}`
    let format = compiled.get(cacheKey)
    if (!format) {
      format = new IntlMessageFormat(source, locale === 'cy' ? 'cy-GB' : 'en-GB', undefined, { ignoreTag: true })
      compiled.set(cacheKey, format)
    }
    return String(format.format(values as Record<string, string | number | Date>))
  }
  translators.set(locale, t)
  return t
}
