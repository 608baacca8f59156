import type { FieldError } from '../../../lib/result.ts'
import { isLocale, type Locale } from '../../../i18n/locales.ts'
import { packKinds, packMatters, packOrders, yearPeriod, type PackKind, type PackMatter, type PackOrder, type PackPeriod } from './pack-content.ts'

// The new-pack form read into a request, or its errors (catalogue keys): pure, never throws.

export interface PackFormValues {
  year: string
  from: string
  to: string
  kinds: string[]
  order: string
  language: string
  title: string
  coverText: string
  foreword: string
  matters: string[]
  coverAlt: string
  /** The cover image chosen earlier, as a data: address (rules/cover-image.ts reads it). */
  coverKept: string
  coverRemove: boolean
}

export interface PackFormRequest {
  period: PackPeriod
  /** The period as dates (YYYY-MM-DD), for the record and the slug. */
  from: string
  to: string
  year: number | null
  kinds: PackKind[]
  order: PackOrder
  language: Locale
  title: string
  coverText: string
  foreword: string
  matters: PackMatter[]
}

export const emptyPackForm = (year: number): PackFormValues => ({
  year: String(year),
  from: '',
  to: '',
  kinds: [...packKinds],
  order: 'council',
  language: 'en',
  title: '',
  coverText: '',
  foreword: '',
  matters: [...packMatters],
  coverAlt: '',
  coverKept: '',
  coverRemove: false,
})

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/

function parseDate(text: string): Date | null {
  const m = isoDate.exec(text)
  if (!m) return null
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  // 2025-02-30 would roll over into March: refuse it rather than guess.
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]) ? d : null
}

export function readPackForm(values: PackFormValues): { ok: true; value: PackFormRequest } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = []
  let period: PackPeriod | null = null
  let from = ''
  let to = ''
  let year: number | null = null
  if (values.year !== '') {
    if (!/^\d{4}$/.test(values.year) || Number(values.year) < 1900 || Number(values.year) > 2200)
      errors.push({ field: 'year', message: 'publications.form.error.year' })
    else if (values.from !== '' || values.to !== '') errors.push({ field: 'year', message: 'publications.form.error.yearOrDates' })
    else {
      year = Number(values.year)
      period = yearPeriod(year)
      from = `${year}-01-01`
      to = `${year}-12-31`
    }
  } else {
    const start = parseDate(values.from)
    const end = parseDate(values.to)
    if (values.from === '' && values.to === '') errors.push({ field: 'year', message: 'publications.form.error.period' })
    else {
      if (!start) errors.push({ field: 'from', message: 'publications.form.error.from' })
      if (!end) errors.push({ field: 'to', message: 'publications.form.error.to' })
      if (start && end && end < start) errors.push({ field: 'to', message: 'publications.form.error.toBeforeFrom' })
      if (start && end && end >= start) {
        period = { from: start, to: new Date(end.getTime() + 86_400_000 - 1) }
        from = values.from
        to = values.to
      }
    }
  }
  const kinds = packKinds.filter((k) => values.kinds.includes(k))
  if (kinds.length === 0) errors.push({ field: 'kinds', message: 'publications.form.error.kinds' })
  const order = packOrders.find((o) => o === values.order)
  if (!order) errors.push({ field: 'order', message: 'publications.form.error.order' })
  const language = isLocale(values.language) ? values.language : null
  if (!language) errors.push({ field: 'language', message: 'publications.form.error.language' })
  if (values.title.length > 300) errors.push({ field: 'title', message: 'publications.form.error.titleLong' })
  if (values.coverText.length > 2000) errors.push({ field: 'coverText', message: 'publications.form.error.coverLong' })
  if (values.foreword.length > 20_000) errors.push({ field: 'foreword', message: 'publications.form.error.forewordLong' })
  if (errors.length > 0 || !period || !order || !language) return { ok: false, errors }
  return {
    ok: true,
    value: {
      period,
      from,
      to,
      year,
      kinds,
      order,
      language,
      title: values.title,
      coverText: values.coverText,
      foreword: values.foreword,
      matters: packMatters.filter((m) => values.matters.includes(m)),
    },
  }
}

/** The address of a pack: "case-study-pack-2025", "-2025-04-01-2026-03-31", "-cy", "-edition-2". */
export function packSlug(request: Pick<PackFormRequest, 'year' | 'from' | 'to' | 'language'>, edition: number): string {
  const period = request.year !== null ? String(request.year) : `${request.from}-${request.to}`
  return [`case-study-pack-${period}`, request.language === 'cy' ? 'cy' : '', edition > 1 ? `edition-${edition}` : ''].filter(Boolean).join('-')
}
