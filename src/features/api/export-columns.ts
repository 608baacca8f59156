// The columns of the CSV and JSON exports: one list for the files, the /api page and the OpenAPI document.
import { translator, type Translate } from '../../i18n/catalogue.ts'
import type { SearchHit } from '../search/search-types.ts'
import { caseStudyUrl, iso } from './present.ts'

export const listSeparator = '; '

export const exportColumns = [
  { name: 'slug', list: false },
  { name: 'url', list: false },
  { name: 'title', list: false },
  { name: 'summary', list: false },
  { name: 'kind', list: false },
  { name: 'year_start', list: false },
  { name: 'year_end', list: false },
  { name: 'lead_member', list: false },
  { name: 'participating_members', list: true },
  { name: 'principles', list: true },
  { name: 'themes', list: true },
  { name: 'published_at', list: false },
] as const

export type ExportColumnName = (typeof exportColumns)[number]['name']

/** What a column holds, in a language (the OpenAPI document takes the English). */
export const columnDescription = (t: Translate, name: ExportColumnName): string => t(`api.column.${name}`)

/** A column's name in the CSV file of a language: the JSON keys in English, words in Welsh. The JSON file's keys are always `name`. */
export const csvHeaderName = (t: Translate, name: ExportColumnName): string => t(`api.csv.header.${name}`)

const english = translator('en')
export const englishColumnDescription = (name: ExportColumnName): string => columnDescription(english, name)

type ListColumn = Extract<(typeof exportColumns)[number], { list: true }>['name']

/** One exported case study: list columns as arrays (the JSON export), the rest as text, numbers or null. */
export type ExportRecord = {
  [K in ExportColumnName]: K extends ListColumn
    ? string[]
    : K extends 'year_start' | 'year_end'
      ? number | null
      : K extends 'lead_member' | 'published_at'
        ? string | null
        : string
}

export function exportRecord(hit: SearchHit, base: string): ExportRecord {
  return {
    slug: hit.slug,
    url: caseStudyUrl(base, hit.slug),
    title: hit.title,
    summary: hit.summary,
    kind: hit.kind,
    year_start: hit.yearStart,
    year_end: hit.yearEnd,
    lead_member: hit.lead?.name ?? null,
    participating_members: hit.participants.map((p) => p.name),
    principles: hit.principles.map((p) => p.shortName),
    themes: hit.themes.map((t) => t.name),
    published_at: iso(hit.publishedAt),
  }
}
