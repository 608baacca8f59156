import { caseStudyKinds, organisationKinds } from '../../db/schema/enums.ts'
import { escapeHtml } from '../../lib/html.ts'
import { renderMarkdown } from '../../web/markdown.ts'
import { organisationHref, organisationKindLabels } from '../../web/organisation-display.ts'
import type { FormChoiceLists } from './editor-queries.ts'
import { newOrganisationRoles, type CaseStudyFormValues } from './form.ts'
import { kindLabels, yearLabel } from './present.ts'
import type { CaseStudySnapshot } from './snapshot.ts'

type Organisation = FormChoiceLists['organisations'][number] & { member?: boolean }

const organisationItems = (organisations: readonly Organisation[], selected: string, emptyText: string) => [
  { value: '', text: emptyText },
  ...organisations.map((o) => ({ value: String(o.id), text: o.name, selected: String(o.id) === selected })),
]

/** The form's controls with what was typed (or saved) filled in. */
export function presentForm(values: CaseStudyFormValues, choices: FormChoiceLists, extraSelects: Record<string, number> = {}) {
  const repeated = (field: 'participantIds' | 'partnerIds' | 'funderIds', name: string) => {
    const selected = values[field]
    const count = selected.length + 1 + (extraSelects[name] ?? 0)
    return Array.from({ length: count }, (_, i) => ({
      id: i === 0 ? name : `${name}-${i + 1}`,
      items: organisationItems(choices.organisations, selected[i] ?? '', 'None'),
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
      kindItems: organisationKinds.map((k) => ({ value: k, text: organisationKindLabels[k], checked: added.kind === k })),
      roleItems: Object.entries(newOrganisationRoles).map(([value, text]) => ({ value, text, checked: added.role === value })),
    },
    kindItems: caseStudyKinds.map((k) => ({ value: k, text: kindLabels[k], checked: values.kind === k })),
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
      'Choose the lead member',
    ),
    contactOrganisationItems: organisationItems(choices.organisations, values.contactOrganisationId, 'Choose an organisation'),
    participantSelects: repeated('participantIds', 'participants'),
    partnerSelects: repeated('partnerIds', 'partners'),
    funderSelects: repeated('funderIds', 'funders'),
  }
}

type Ref = { id: number; name: string }

/** A version of a case study laid out as its public page would show it (previews, review). */
export function presentSnapshotPage(s: CaseStudySnapshot, choices: FormChoiceLists, updatedAt: Date) {
  const hrefOf = (ref: Ref) => {
    const o = choices.organisations.find((c) => c.id === ref.id)
    return o ? organisationHref({ slug: o.slug, tier: o.member ? 'full' : 'none' }) : null
  }
  const links = (refs: Ref[]) =>
    refs.map((r) => (hrefOf(r) ? `<a class="govuk-link" href="${hrefOf(r)}">${escapeHtml(r.name)}</a>` : escapeHtml(r.name))).join(', ')
  const facts: Array<{ key: { text: string }; value: { text: string } | { html: string } }> = []
  if (s.lead) facts.push({ key: { text: 'Lead member' }, value: { html: links([s.lead]) } })
  if (s.participants.length) facts.push({ key: { text: 'Participating members' }, value: { html: links(s.participants) } })
  if (s.partners.length) facts.push({ key: { text: 'Partners' }, value: { html: links(s.partners) } })
  if (s.funders.length) facts.push({ key: { text: 'Funders' }, value: { html: links(s.funders) } })
  facts.push({ key: { text: 'Kind' }, value: { text: kindLabels[s.kind] } })
  const years = yearLabel(s.yearStart, s.yearEnd)
  if (years) facts.push({ key: { text: s.yearEnd ? 'Years' : 'Year' }, value: { text: years } })
  return {
    facts,
    title: s.title,
    summary: s.summary,
    kindLabel: kindLabels[s.kind],
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
