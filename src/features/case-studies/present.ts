import type { CaseStudyKind, CaseStudyStage, MembershipTier, OrganisationRole } from '../../db/schema/enums.ts'
import { caseStudyKinds } from '../../db/schema/enums.ts'
import { translator, type Translate } from '../../i18n/catalogue.ts'
import { urlIn, type Locale } from '../../i18n/locales.ts'
import { escapeHtml } from '../../lib/html.ts'
import { renderMarkdown } from '../../web/markdown.ts'
import { organisationHref } from '../../web/organisation-display.ts'
import { inLanguage } from '../principles/wording.ts'
import type { PublishedCaseStudy } from './queries.ts'

const english = translator('en')

/** "Policy lab" / "Labordy polisi". */
export const kindLabel = (t: Translate, kind: CaseStudyKind): string => t(`caseStudies.kind.${kind}`)

/** "Funded" / "Wedi’i ariannu". */
export const stageLabel = (t: Translate, stage: CaseStudyStage): string => t(`caseStudies.stage.${stage}`)

/** What an organisation's part in a case study is called: "Lead member", "Funders". */
export const roleLabel = (t: Translate, role: OrganisationRole): string => t(`caseStudies.role.${role}`)

/** The English words, for pages not yet in both languages. */
export const kindLabels = Object.fromEntries(caseStudyKinds.map((k) => [k, kindLabel(english, k)])) as Record<CaseStudyKind, string>

/** "2021", "2021 to 2023" / "2021 i 2023". */
export function yearLabel(start: number | null, end: number | null, t: Translate = english): string {
  if (start === null) return ''
  if (end === null || end === start) return String(start)
  // As text: a year is not a number to group ("2,021").
  return t('caseStudies.years', { start: String(start), end: String(end) })
}

/**
 * The language of a case study's own text where it differs from the page's: case studies are
 * written in English, so a Welsh page marks them lang="en". Undefined on an English page.
 */
export function contentLangOn(locale: Locale): 'en' | undefined {
  return locale === 'en' ? undefined : 'en'
}

/** ` lang="en"` for content in another language than the page, or nothing. */
export const langAttribute = (lang: string | undefined): string => (lang ? ` lang="${lang}"` : '')

type SummaryRow = { key: { text: string }; value: { text: string } | { html: string } }

function organisationLinks(list: Array<{ slug: string; name: string; tier: MembershipTier }>, lang: string | undefined): string {
  return list.map((o) => `<a class="govuk-link" href="${organisationHref(o)}"${langAttribute(lang)}>${escapeHtml(o.name)}</a>`).join(', ')
}

/** The language of a case study's own text where it is not the page's: lang="cy" on an English page, lang="en" on a Welsh one. */
export function textLangOn(language: Locale, locale: Locale): Locale | undefined {
  return language === locale ? undefined : language
}

export function presentCaseStudyPage(data: PublishedCaseStudy, t: Translate = english, locale: Locale = 'en') {
  const { caseStudy: cs, contact, translation } = data
  // Names (members, themes, job titles) are written in English; the text in the case study's language.
  const lang = contentLangOn(locale)
  const textLang = textLangOn(cs.language, locale)
  const byRole = (role: string) => data.organisations.filter((o) => o.role === role)
  const years = yearLabel(cs.yearStart, cs.yearEnd, t)
  const facts: SummaryRow[] = []
  for (const role of ['lead', 'participant', 'partner', 'funder'] as const) {
    const list = byRole(role)
    if (list.length > 0) facts.push({ key: { text: roleLabel(t, role) }, value: { html: organisationLinks(list, lang) } })
  }
  facts.push({ key: { text: t('caseStudies.show.kind') }, value: { text: kindLabel(t, cs.kind) } })
  if (years)
    facts.push({ key: { text: t(cs.yearEnd && cs.yearEnd !== cs.yearStart ? 'caseStudies.show.years' : 'caseStudies.show.year') }, value: { text: years } })
  return {
    lang,
    textLang,
    language: cs.language,
    // The version in the other language, in a page of its own language (rel="alternate": the address keeps its language).
    translation: translation
      ? {
          href: urlIn(translation.language, `/case-studies/${translation.slug}`),
          hreflang: translation.language,
          text: t(`contentLanguages.caseStudy.readIn.${translation.language}`),
        }
      : null,
    facts,
    slug: cs.slug,
    title: cs.title,
    summary: cs.summary,
    kindLabel: kindLabel(t, cs.kind),
    kind: cs.kind,
    yearLabel: years,
    principles: data.principles.map((p) => inLanguage(p, locale)),
    themes: data.themes,
    bodyHtml: renderMarkdown(cs.body),
    outcomesHtml: cs.outcomes.trim() ? renderMarkdown(cs.outcomes) : '',
    // Email and phone appear only when the person agreed to publish them.
    contact: contact
      ? {
          name: contact.name,
          jobTitle: contact.jobTitle,
          organisationName: contact.organisationName,
          organisationHref:
            contact.organisationSlug && contact.organisationTier ? organisationHref({ slug: contact.organisationSlug, tier: contact.organisationTier }) : null,
          email: contact.publishContact ? contact.email : null,
          phone: contact.publishContact ? contact.phone : null,
        }
      : null,
    updatedAt: cs.updatedAt,
    publishedAt: cs.publishedAt,
  }
}

/** Listed case studies with their kind and years in the page's language (`hits` in the same order as `items`). */
export function listedIn<T extends { kindLabel: string; yearLabel: string; language?: string }>(
  t: Translate,
  items: readonly T[],
  hits: ReadonlyArray<{ kind: CaseStudyKind; yearStart: number | null; yearEnd: number | null; language?: string }>,
): T[] {
  return items.map((item, i) => {
    const hit = hits[i]
    if (!hit) return item
    const listed = { ...item, kindLabel: kindLabel(t, hit.kind), yearLabel: yearLabel(hit.yearStart, hit.yearEnd, t) }
    return hit.language ? { ...listed, language: hit.language } : listed
  })
}
