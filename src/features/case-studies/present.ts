import type { CaseStudyKind, MembershipTier } from '../../db/schema/enums.ts'
import { escapeHtml } from '../../lib/html.ts'
import { renderMarkdown } from '../../web/markdown.ts'
import { organisationHref } from '../../web/organisation-display.ts'
import type { PublishedCaseStudy } from './queries.ts'

export const kindLabels: Record<CaseStudyKind, string> = {
  'case-study': 'Case study',
  'policy-lab': 'Policy lab',
  'policy-prototype': 'Policy prototype',
  'action-learning-set': 'Action-learning set',
  project: 'Project',
}

export function yearLabel(start: number | null, end: number | null): string {
  if (start === null) return ''
  if (end === null || end === start) return String(start)
  return `${start} to ${end}`
}

type SummaryRow = { key: { text: string }; value: { text: string } | { html: string } }

function organisationLinks(list: Array<{ slug: string; name: string; tier: MembershipTier }>): string {
  return list.map((o) => `<a class="govuk-link" href="${organisationHref(o)}">${escapeHtml(o.name)}</a>`).join(', ')
}

export function presentCaseStudyPage(data: PublishedCaseStudy) {
  const { caseStudy: cs, contact } = data
  const byRole = (role: string) => data.organisations.filter((o) => o.role === role)
  const years = yearLabel(cs.yearStart, cs.yearEnd)
  const facts: SummaryRow[] = []
  const addOrganisations = (label: string, role: string) => {
    const list = byRole(role)
    if (list.length > 0) facts.push({ key: { text: label }, value: { html: organisationLinks(list) } })
  }
  addOrganisations('Lead member', 'lead')
  addOrganisations('Participating members', 'participant')
  addOrganisations('Partners', 'partner')
  addOrganisations('Funders', 'funder')
  facts.push({ key: { text: 'Kind' }, value: { text: kindLabels[cs.kind] } })
  if (years) facts.push({ key: { text: cs.yearEnd && cs.yearEnd !== cs.yearStart ? 'Years' : 'Year' }, value: { text: years } })
  return {
    facts,
    slug: cs.slug,
    title: cs.title,
    summary: cs.summary,
    kindLabel: kindLabels[cs.kind],
    kind: cs.kind,
    yearLabel: years,
    principles: data.principles,
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
