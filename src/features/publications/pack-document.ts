import type { Translate } from '../../i18n/catalogue.ts'
import type { Locale } from '../../i18n/locales.ts'
import { breakLongWords, markdownTree, type Block } from './rules/markdown-tree.ts'
import type { CoverFormat } from './rules/cover-image.ts'
import type { PackCandidate, PackMatter, PackOrder, PackSection } from './rules/pack-content.ts'

// The pack as plain data: what the Typst program draws and the HTML edition shows. Built once
// from the published revisions, so the two editions always agree.

export interface PackEntry {
  caseStudyId: number
  revisionId: number
  revisionNumber: number
  slug: string
  title: string
  language: Locale
  summary: string
  council: string
  principles: string[]
  lead: string
  participants: string[]
  year: string
  body: Block[]
  outcomes: Block[]
  /** Only when the person agreed to have it published. */
  contact: { name: string; role: string; email: string; phone: string } | null
  url: string
}

export interface PackDocument {
  lang: Locale
  region: string
  network: string
  title: string
  cover: string[]
  /** Its bytes are kept beside the document (the publication's row, the typesetter's virtual file). Absent in packs published before covers had images. */
  coverImage?: PackCoverImage | null
  labels: Record<string, string>
  foreword: Block[]
  principles: Array<{ name: string; statement: string }>
  sections: Array<{ heading: string; entries: PackEntry[] }>
  projects: Array<{ title: string; lead: string }>
  members: Array<{ tier: string; names: string[] }>
  joinUs: Block[]
}

export interface PackCoverImage {
  alt: string
  format: CoverFormat
  width: number
  height: number
}

export interface PackOptions {
  title: string
  coverText: string
  coverImage?: PackCoverImage | null
  foreword: string
  order: PackOrder
  matters: readonly PackMatter[]
}

export interface PackExtras {
  network: string
  baseUrl: string
  principles: Array<{ name: string; statement: string }>
  projects: Array<{ title: string; lead: string }>
  members: Array<{ tier: string; names: string[] }>
}

const labelKeys = [
  'contents',
  'foreword',
  'principles',
  'projects',
  'members',
  'joinUs',
  'council',
  'principlesMet',
  'lead',
  'participants',
  'year',
  'outcomes',
  'contact',
  'readOnline',
] as const

export function yearText(start: number | null, end: number | null): string {
  if (start === null) return ''
  return end === null || end === start ? String(start) : `${start}–${end}`
}

export function packEntry(c: PackCandidate, baseUrl: string): PackEntry {
  const s = c.snapshot
  const contact = s.contact && s.contact.publishContact ? s.contact : null
  return {
    caseStudyId: c.caseStudyId,
    revisionId: c.revisionId,
    revisionNumber: c.revisionNumber,
    slug: c.slug,
    title: s.title.trim() || c.slug,
    language: c.language,
    summary: s.summary.trim(),
    council: s.lead?.name ?? '',
    principles: s.principles.map((p) => p.name),
    lead: s.lead?.name ?? '',
    participants: s.participants.map((p) => p.name),
    year: yearText(s.yearStart, s.yearEnd),
    body: breakLongWords(markdownTree(s.body)),
    outcomes: breakLongWords(markdownTree(s.outcomes)),
    contact: contact
      ? {
          name: contact.name,
          role: [contact.jobTitle, contact.organisation?.name].filter(Boolean).join(', '),
          email: contact.email,
          phone: contact.phone,
        }
      : null,
    url: baseUrl ? `${baseUrl.replace(/\/$/, '')}${c.language === 'cy' ? '/cy' : ''}/case-studies/${c.slug}` : '',
  }
}

export function buildPackDocument(language: Locale, t: Translate, sections: PackSection[], options: PackOptions, extras: PackExtras): PackDocument {
  const has = (m: PackMatter) => options.matters.includes(m)
  return {
    lang: language,
    region: 'gb',
    network: extras.network,
    title: options.title.trim() || t('publications.pack.defaultTitle'),
    cover: options.coverText
      .split(/\n\s*\n/)
      .map((p) => p.replace(/\s+/g, ' ').trim())
      .filter(Boolean),
    coverImage: options.coverImage ?? null,
    labels: Object.fromEntries(labelKeys.map((k) => [k, t(`publications.pack.label.${k}`)])),
    foreword: breakLongWords(markdownTree(options.foreword)),
    principles: has('principles') ? extras.principles : [],
    sections: sections.map((s) => ({
      heading: s.heading ?? t(`publications.pack.otherSection.${options.order}`),
      entries: s.entries.map((c) => packEntry(c, extras.baseUrl)),
    })),
    projects: has('projects') ? extras.projects : [],
    members: has('members') ? extras.members.filter((g) => g.names.length > 0) : [],
    joinUs: has('join-us')
      ? markdownTree(t('publications.pack.joinUsBody', { url: `${extras.baseUrl.replace(/\/$/, '')}${language === 'cy' ? '/cy' : ''}/join` }))
      : [],
  }
}
