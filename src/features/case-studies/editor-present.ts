import { caseStudyKinds, organisationKinds } from '../../db/schema/enums.ts'
import type { Translate } from '../../i18n/catalogue.ts'
import { localeNames, locales } from '../../i18n/locales.ts'
import { escapeHtml } from '../../lib/html.ts'
import { renderMarkdown } from '../../web/markdown.ts'
import { organisationHref } from '../../web/organisation-display.ts'
import type { FormChoiceLists } from './editor-queries.ts'
import { newOrganisationRoles, type CaseStudyFormValues } from './form.ts'
import type { CaseStudySnapshot } from './snapshot.ts'

type Organisation = FormChoiceLists['organisations'][number] & { member?: boolean }

const organisationItems = (organisations: readonly Organisation[], selected: string, emptyText: string) => [
  { value: '', text: emptyText },
  ...organisations.map((o) => ({ value: String(o.id), text: o.name, selected: String(o.id) === selected })),
]

/** The form's controls with what was typed (or saved) filled in. */
export function presentForm(values: CaseStudyFormValues, choices: FormChoiceLists, t: Translate, extraSelects: Record<string, number> = {}) {
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
    principleItems: choices.principles.map((p) => ({
      value: String(p.id),
      text: p.name,
      hint: { text: p.statement },
      checked: values.principleIds.includes(String(p.id)),
    })),
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

/** A version of a case study laid out as its public page would show it (previews, review). */
export function presentSnapshotPage(s: CaseStudySnapshot, choices: FormChoiceLists, updatedAt: Date, t: Translate) {
  const hrefOf = (ref: Ref) => {
    const o = choices.organisations.find((c) => c.id === ref.id)
    return o ? organisationHref({ slug: o.slug, tier: o.member ? 'full' : 'none' }) : null
  }
  const links = (refs: Ref[]) =>
    refs.map((r) => (hrefOf(r) ? `<a class="govuk-link" href="${hrefOf(r)}">${escapeHtml(r.name)}</a>` : escapeHtml(r.name))).join(', ')
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
    facts,
    title: s.title,
    summary: s.summary,
    kindLabel: t(`caseStudies.kind.${s.kind}`),
    yearLabel: years,
    principles: s.principles.map((p) => {
      const full = choices.principles.find((c) => c.id === p.id)
      return { slug: full?.slug ?? '', shortName: p.name, statement: full?.statement ?? '' }
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
