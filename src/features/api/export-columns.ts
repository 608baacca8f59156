// The columns of the CSV and JSON exports: one list for the files, the /api page and the OpenAPI document.
import type { SearchHit } from '../search/search-types.ts'
import { caseStudyUrl, iso } from './present.ts'

export const listSeparator = '; '

export const exportColumns = [
  { name: 'slug', list: false, description: 'The case study’s identifier in addresses.' },
  { name: 'url', list: false, description: 'The address of its page.' },
  { name: 'title', list: false, description: 'Title.' },
  { name: 'summary', list: false, description: 'One-paragraph summary.' },
  { name: 'kind', list: false, description: 'case-study, policy-lab, policy-prototype, action-learning-set or project.' },
  { name: 'year_start', list: false, description: 'First year of the work (four digits), or empty.' },
  { name: 'year_end', list: false, description: 'Last year of the work, or empty when it was one year or is not known.' },
  { name: 'lead_member', list: false, description: 'Name of the lead member organisation, or empty.' },
  { name: 'participating_members', list: true, description: 'Names of the participating member organisations.' },
  { name: 'principles', list: true, description: 'Short names of the network principles it meets.' },
  { name: 'themes', list: true, description: 'Names of its themes.' },
  { name: 'published_at', list: false, description: 'When it was first published, in ISO 8601 (UTC).' },
] as const

export type ExportColumnName = (typeof exportColumns)[number]['name']

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
