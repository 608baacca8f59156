// Similar case studies: shared themes count most, then shared principles, then similar words in
// the title and summary. Pure: candidates and names come from similar-query.ts.
import type { Translate } from '../../i18n/catalogue.ts'
import { escapeHtml } from '../../lib/html.ts'

export interface SimilarCandidate {
  id: number
  slug: string
  title: string
  /** The language of its text ('en' when not given). */
  language?: string
  /** Facet keys of the candidate (case_studies.facet_keys). */
  keys: readonly string[]
  /** ts_rank_cd of its title and summary against this case study's title words (0 to 1). */
  textRank: number
}

/** Why a case study is listed: the themes or principles both have (their names), or a similar title. */
export type SimilarReason = { what: 'themes' | 'principles'; names: string[] } | { what: 'text' }

export interface SimilarCaseStudy {
  slug: string
  title: string
  language: string
  reasons: SimilarReason[]
}

export interface SimilarityNames {
  principle: (id: string) => string | undefined
  theme: (id: string) => string | undefined
}

// A text rank this high means the titles share a distinctive word, not only a common one.
const TEXT_REASON = 0.05

export function rankSimilar(myKeys: readonly string[], candidates: readonly SimilarCandidate[], names: SimilarityNames, limit = 5): SimilarCaseStudy[] {
  const mine = new Set(myKeys)
  const scored = candidates.map((c) => {
    const shared = (prefix: string) => c.keys.filter((k) => k.startsWith(prefix) && mine.has(k)).map((k) => k.slice(2))
    const themes = shared('h:')
      .map(names.theme)
      .filter((n): n is string => n !== undefined)
    const principles = shared('p:')
      .map(names.principle)
      .filter((n): n is string => n !== undefined)
    const score = 3 * themes.length + principles.length + 10 * c.textRank
    const reasons: SimilarReason[] = [
      ...(themes.length > 0 ? [{ what: 'themes' as const, names: themes }] : []),
      ...(principles.length > 0 ? [{ what: 'principles' as const, names: principles }] : []),
      ...(c.textRank >= TEXT_REASON ? [{ what: 'text' as const }] : []),
    ]
    return { c, score, reasons }
  })
  return scored
    .filter((s) => s.reasons.length > 0)
    .sort((a, b) => b.score - a.score || a.c.id - b.c.id)
    .slice(0, limit)
    .map((s) => ({ slug: s.c.slug, title: s.c.title, language: s.c.language ?? 'en', reasons: s.reasons }))
}

// Stand-ins for names in a message: the message is escaped, then the names' own HTML goes in.
const slot = (i: number) => `\u0000${i}\u0000`

/** A message whose values are HTML of our own (names already escaped and marked with their language). */
function withHtml(t: Translate, key: string, values: Record<string, string | number>): string {
  const html: string[] = []
  const stand = Object.fromEntries(
    Object.entries(values).map(([k, v]) => {
      if (typeof v === 'number') return [k, v]
      html.push(v)
      return [k, slot(html.length - 1)]
    }),
  )
  return html.reduce((out, h, i) => out.replace(slot(i), h), escapeHtml(t(key, stand)))
}

/** "Housing, Energy and Transport": the last two joined by the catalogue's "and" (Welsh "a", or "ac" before a vowel). */
function namesHtml(t: Translate, names: string[], lang: string | undefined): string {
  const html = names.map((n) => (lang ? `<span lang="${lang}">${escapeHtml(n)}</span>` : escapeHtml(n)))
  if (html.length <= 1) return html[0] ?? ''
  const last = names.at(-1)!
  const key = /^[aeiouâêîôû]/i.test(last) ? 'caseStudies.similar.andBeforeVowel' : 'caseStudies.similar.and'
  return withHtml(t, key, { first: html.slice(0, -1).join(', '), last: html.at(-1)! })
}

/**
 * A reason as HTML in the page's language: "Both about Housing and Energy". `lang` marks the names
 * (content) when their language is not the page's.
 */
export function reasonHtml(reason: SimilarReason, t: Translate, lang?: string): string {
  if (reason.what === 'text') return escapeHtml(t('caseStudies.similar.text'))
  return withHtml(t, `caseStudies.similar.${reason.what}`, { count: reason.names.length, names: namesHtml(t, reason.names, lang) })
}
