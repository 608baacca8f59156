import { caseStudyKinds, organisationKinds } from '../../db/schema/enums.ts'
import type { Translate } from '../../i18n/catalogue.ts'
import { isLocale, localeNames, locales, type Locale } from '../../i18n/locales.ts'
import { escapeHtml } from '../../lib/html.ts'
import { renderMarkdown } from '../../web/markdown.ts'
import { organisationHref } from '../../web/organisation-display.ts'
import { principleWording } from '../principles/wording.ts'
import type { FormChoiceLists } from './editor-queries.ts'
import { newOrganisationRoles, type CaseStudyFormValues } from './form.ts'
import { contentLangOn, langAttribute, textLangOn } from './present.ts'
import type { CaseStudySnapshot, FieldDifference } from './snapshot.ts'

type Organisation = FormChoiceLists['organisations'][number] & { member?: boolean }

const organisationItems = (organisations: readonly Organisation[], selected: string, emptyText: string) => [
  { value: '', text: emptyText },
  ...organisations.map((o) => ({ value: String(o.id), text: o.name, selected: String(o.id) === selected })),
]

/** Attributes for a component holding content in another language than the page, or none. */
const langAttributes = (lang: string | undefined): { lang?: string } => (lang ? { lang } : {})

/** A principle as its words read on a page in `locale`: the Welsh where the network gave it, else the English marked as such. */
function principleIn(p: FormChoiceLists['principles'][number], locale: Locale) {
  return principleWording({ shortName: p.name, statement: p.statement, shortNameCy: p.shortNameCy, statementCy: p.statementCy }, locale)
}

/**
 * The form's controls with what was typed (or saved) filled in. `fieldLang`: attributes for the
 * fields holding content in another language than the page: the case study's text in its chosen
 * language, names (themes, job title) in English as the public page has them.
 */
export function presentForm(values: CaseStudyFormValues, choices: FormChoiceLists, t: Translate, locale: Locale, extraSelects: Record<string, number> = {}) {
  const repeated = (field: 'participantIds' | 'partnerIds' | 'funderIds', name: string) => {
    const selected = values[field]
    const count = selected.length + 1 + (extraSelects[name] ?? 0)
    return Array.from({ length: count }, (_, i) => ({
      id: i === 0 ? name : `${name}-${i + 1}`,
      items: organisationItems(choices.organisations, selected[i] ?? '', t('editing.form.none')),
    }))
  }
  // A name typed into a picker that matched nothing is offered here, ready to add.
  const chosenNames = new Set(
    [...values.participantIds, ...values.partnerIds, ...values.funderIds].map((id) =>
      choices.organisations.find((o) => String(o.id) === id)?.name.toLowerCase(),
    ),
  )
  const lost = (['participants', 'partners', 'funders'] as const).flatMap((role) =>
    values.typed[role].filter((t) => t !== '' && !chosenNames.has(t.toLowerCase())).map((name) => ({ name, role })),
  )[0]
  const added = values.newOrganisation.name ? values.newOrganisation : lost ? { name: lost.name, kind: '', role: lost.role } : values.newOrganisation
  return {
    values,
    newOrganisation: {
      name: added.name,
      open: added.name !== '',
      kindItems: organisationKinds.map((k) => ({ value: k, text: t(`organisations.kind.${k}`), checked: added.kind === k })),
      roleItems: newOrganisationRoles.map((value) => ({ value, text: t(`editing.newOrganisation.role.${value}`), checked: added.role === value })),
    },
    // Each language named in itself, as the language switch names it.
    languageItems: locales.map((l) => ({ value: l, html: `<span lang="${l}">${localeNames[l]}</span>`, checked: values.language === l })),
    kindItems: caseStudyKinds.map((k) => ({ value: k, text: t(`caseStudies.kind.${k}`), checked: values.kind === k })),
    principleItems: choices.principles.map((p) => {
      const words = principleIn(p, locale)
      return {
        value: String(p.id),
        text: words.shortName,
        label: { attributes: langAttributes(words.shortNameLang) },
        hint: { text: words.statement, attributes: langAttributes(words.statementLang) },
        checked: values.principleIds.includes(String(p.id)),
      }
    }),
    fieldLang: {
      // A language not yet chosen (or not one offered) leaves the text unmarked.
      text: langAttributes(isLocale(values.language) ? textLangOn(values.language, locale) : undefined),
      names: langAttributes(contentLangOn(locale)),
    },
    // Only members lead; one already chosen stays visible, for the error to be read beside it.
    leadItems: organisationItems(
      choices.organisations.filter((o: Organisation) => o.member !== false || String(o.id) === values.leadId),
      values.leadId,
      t('editing.form.lead.choose'),
    ),
    contactOrganisationItems: organisationItems(choices.organisations, values.contactOrganisationId, t('editing.form.contact.chooseOrganisation')),
    participantSelects: repeated('participantIds', 'participants'),
    partnerSelects: repeated('partnerIds', 'partners'),
    funderSelects: repeated('funderIds', 'funders'),
  }
}

type Ref = { id: number; name: string }

/** Fields whose values are the case study's own text, and those that are names (written in English). */
const textFields: ReadonlySet<keyof CaseStudySnapshot> = new Set(['title', 'summary', 'body', 'outcomes'])
const nameFields: ReadonlySet<keyof CaseStudySnapshot> = new Set(['lead', 'participants', 'partners', 'funders', 'principles', 'themes'])

/**
 * Each difference with `lang` where its values are content in another language than the page: the
 * text in the case study's `language`, names in English. Kind, years and language are worded in
 * the page's language; the contact mixes both, so it stays unmarked.
 */
export function differencesIn<T extends FieldDifference>(differences: readonly T[], locale: Locale, language: Locale): Array<T & { lang?: Locale }> {
  const text = textLangOn(language, locale)
  const names = contentLangOn(locale)
  return differences.map((d) => {
    const lang = textFields.has(d.key) ? text : nameFields.has(d.key) ? names : undefined
    return lang ? { ...d, lang } : d
  })
}

/**
 * A version of a case study laid out as its public page would show it (previews, review): its
 * text marked with `language`, the case study's, where that is not the page's.
 */
export function presentSnapshotPage(s: CaseStudySnapshot, choices: FormChoiceLists, updatedAt: Date, t: Translate, locale: Locale, language: Locale) {
  // Names (members, themes, job titles) are written in English; the text in the case study's language.
  const lang = contentLangOn(locale)
  const hrefOf = (ref: Ref) => {
    const o = choices.organisations.find((c) => c.id === ref.id)
    return o ? organisationHref({ slug: o.slug, tier: o.member ? 'full' : 'none' }) : null
  }
  const named = (ref: Ref) => {
    const href = hrefOf(ref)
    const name = escapeHtml(ref.name)
    if (href) return `<a class="govuk-link" href="${href}"${langAttribute(lang)}>${name}</a>`
    return lang ? `<span${langAttribute(lang)}>${name}</span>` : name
  }
  const links = (refs: Ref[]) => refs.map(named).join(', ')
  const facts: Array<{ key: { text: string }; value: { text: string } | { html: string } }> = []
  if (s.lead) facts.push({ key: { text: t('caseStudies.role.lead') }, value: { html: links([s.lead]) } })
  if (s.participants.length) facts.push({ key: { text: t('caseStudies.role.participant') }, value: { html: links(s.participants) } })
  if (s.partners.length) facts.push({ key: { text: t('caseStudies.role.partner') }, value: { html: links(s.partners) } })
  if (s.funders.length) facts.push({ key: { text: t('caseStudies.role.funder') }, value: { html: links(s.funders) } })
  facts.push({ key: { text: t('caseStudies.show.kind') }, value: { text: t(`caseStudies.kind.${s.kind}`) } })
  const years =
    s.yearStart === null
      ? ''
      : s.yearEnd === null || s.yearEnd === s.yearStart
        ? String(s.yearStart)
        : t('caseStudies.years', { start: s.yearStart, end: s.yearEnd })
  if (years) facts.push({ key: { text: t(s.yearEnd ? 'caseStudies.show.years' : 'caseStudies.show.year') }, value: { text: years } })
  return {
    lang,
    textLang: textLangOn(language, locale),
    language,
    facts,
    title: s.title,
    summary: s.summary,
    kindLabel: t(`caseStudies.kind.${s.kind}`),
    yearLabel: years,
    principles: s.principles.map((p) => {
      const full = choices.principles.find((c) => c.id === p.id)
      // The name as this version had it; the Welsh wording as the public page would show it.
      const words = principleWording(
        { shortName: p.name, statement: full?.statement ?? '', shortNameCy: full?.shortNameCy, statementCy: full?.statementCy },
        locale,
      )
      return { slug: full?.slug ?? '', ...words }
    }),
    themes: s.themes.map((name) => ({ name })),
    bodyHtml: renderMarkdown(s.body),
    outcomesHtml: s.outcomes.trim() ? renderMarkdown(s.outcomes) : '',
    contact: s.contact
      ? {
          name: s.contact.name,
          jobTitle: s.contact.jobTitle,
          organisationName: s.contact.organisation?.name ?? null,
          organisationHref: s.contact.organisation ? hrefOf(s.contact.organisation) : null,
          email: s.contact.publishContact ? s.contact.email : null,
          phone: s.contact.publishContact ? s.contact.phone : null,
        }
      : null,
    updatedAt,
  }
}
