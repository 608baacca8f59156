import type { CaseStudyKind } from '../../db/schema/enums.ts'
import type { Translate } from '../../i18n/catalogue.ts'
import type { Locale } from '../../i18n/locales.ts'
import { kindLabels } from './present.ts'

// A revision stores the whole case study as it was: its fields and every link, with the names as
// they were then, so history reads correctly even after a rename.

export interface NamedRef {
  id: number
  name: string
}

export interface ContactSnapshot {
  name: string
  jobTitle: string
  organisation: NamedRef | null
  email: string
  phone: string
  publishContact: boolean
}

export interface CaseStudySnapshot {
  /** The language the content is written in; revisions saved before languages were kept are English. */
  language?: Locale
  title: string
  summary: string
  body: string
  kind: CaseStudyKind
  yearStart: number | null
  yearEnd: number | null
  outcomes: string
  principles: NamedRef[]
  lead: NamedRef | null
  participants: NamedRef[]
  partners: NamedRef[]
  funders: NamedRef[]
  themes: string[]
  contact: ContactSnapshot | null
}

/** The fields in the form's order; `label` in English (the audit log), each also a catalogue key editing.field.<key>. */
export const snapshotFields: Array<{ key: keyof CaseStudySnapshot; label: string }> = [
  { key: 'language', label: 'Language' },
  { key: 'title', label: 'Title' },
  { key: 'summary', label: 'Summary' },
  { key: 'kind', label: 'Kind' },
  { key: 'yearStart', label: 'First year' },
  { key: 'yearEnd', label: 'Last year' },
  { key: 'lead', label: 'Lead member' },
  { key: 'participants', label: 'Participating members' },
  { key: 'partners', label: 'Partners' },
  { key: 'funders', label: 'Funders' },
  { key: 'principles', label: 'Principles met' },
  { key: 'themes', label: 'Themes' },
  { key: 'body', label: 'Body' },
  { key: 'outcomes', label: 'Outcomes and lessons' },
  { key: 'contact', label: 'Contact' },
]

const languageNames: Record<Locale, string> = { en: 'English', cy: 'Welsh' }

/**
 * A field's value as text for comparing and showing: names, not ids. Without a translator, in
 * English (the audit log); with one, the kind and the contact's consent in the page's language.
 */
export function fieldText(snapshot: CaseStudySnapshot, key: keyof CaseStudySnapshot, t?: Translate): string {
  if (key === 'language') {
    const language = snapshot.language ?? 'en'
    return t ? t(`editing.field.language.${language}`) : languageNames[language]
  }
  const value = snapshot[key]
  if (value === null || value === undefined) return ''
  if (key === 'kind') return t ? t(`caseStudies.kind.${value as CaseStudyKind}`) : kindLabels[value as CaseStudyKind]
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? v : v.name)).join(', ')
  if (typeof value === 'object') {
    if ('id' in value) return value.name
    const c = value as ContactSnapshot
    const consent = c.publishContact ? 'may be published' : 'not published'
    return [c.name, c.jobTitle, c.organisation?.name, c.email, c.phone, t ? t(`editing.field.contact.${c.publishContact ? 'published' : 'private'}`) : consent]
      .filter(Boolean)
      .join(' · ')
  }
  return String(value)
}

export interface FieldDifference {
  key: keyof CaseStudySnapshot
  label: string
  before: string
  after: string
}

/** Field by field, what differs between two versions, in the form's order; with a translator, labels and values in its language. */
export function diffSnapshots(before: CaseStudySnapshot | null, after: CaseStudySnapshot, t?: Translate): FieldDifference[] {
  return snapshotFields
    .map(({ key, label }) => ({
      key,
      label: t ? t(`editing.field.${key}`) : label,
      before: before ? fieldText(before, key, t) : '',
      after: fieldText(after, key, t),
    }))
    .filter((d) => d.before !== d.after)
}

export interface LineChange {
  kind: 'same' | 'added' | 'removed'
  text: string
}

/** A line-by-line difference (longest common subsequence) for long text such as the body. */
export function diffLines(before: string, after: string): LineChange[] {
  const a = before.split('\n')
  const b = after.split('\n')
  // Long texts would make the table quadratic; past this size, show removed-then-added whole.
  if (a.length * b.length > 250_000) {
    return [...a.map((text) => ({ kind: 'removed' as const, text })), ...b.map((text) => ({ kind: 'added' as const, text }))]
  }
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0))
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!)
    }
  }
  const out: LineChange[] = []
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push({ kind: 'same', text: a[i]! })
      i++
      j++
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) {
      out.push({ kind: 'removed', text: a[i++]! })
    } else {
      out.push({ kind: 'added', text: b[j++]! })
    }
  }
  while (i < a.length) out.push({ kind: 'removed', text: a[i++]! })
  while (j < b.length) out.push({ kind: 'added', text: b[j++]! })
  return out
}
