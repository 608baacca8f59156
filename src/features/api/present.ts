// Rows and search outcomes → the API's JSON. Pure: the site's address comes in as `base`.
import type { CaseStudyKind, MembershipTier, OrganisationKind, OrganisationRole } from '../../db/schema/enums.ts'
import type { PublishedCaseStudy } from '../case-studies/queries.ts'
import { safeWebsite } from '../organisations/present.ts'
import { searchHref, searchQueryString } from '../search/query-string.ts'
import type { SearchParams, SortOrder } from '../search/query-string.ts'
import type { Facet, SearchHit, SearchOutcome } from '../search/search-types.ts'
import { defaultPerPage } from './per-page.ts'

export interface ApiLinkedName {
  slug: string
  name: string
}

export interface ApiCaseStudySummary {
  slug: string
  url: string
  title: string
  summary: string
  kind: CaseStudyKind
  yearStart: number | null
  yearEnd: number | null
  publishedAt: string | null
  lead: ApiLinkedName | null
  participants: ApiLinkedName[]
  principles: Array<{ slug: string; shortName: string }>
  themes: ApiLinkedName[]
}

export interface ApiFacet {
  /** The query parameter that filters by it. */
  param: string
  label: string
  values: Array<{ value: string; label: string; count: number; selected: boolean }>
}

export interface ApiCaseStudyList {
  total: number
  page: number
  perPage: number
  totalPages: number
  sort: SortOrder
  results: ApiCaseStudySummary[]
  facets: ApiFacet[]
  messages: string[]
  suggestion: { q: string; href: string } | null
  links: { self: string; next?: string; prev?: string; html: string }
}

/** One case study in full: the fields of a list's entry, with every linked organisation in place of participants. */
export interface ApiCaseStudy extends Omit<ApiCaseStudySummary, 'participants' | 'principles'> {
  /** Markdown, as written; the site renders it with raw HTML off. */
  body: string
  outcomes: string
  organisations: Array<ApiLinkedName & { role: OrganisationRole }>
  principles: Array<{ slug: string; shortName: string; statement: string }>
  contact: { name: string; jobTitle: string | null; organisation: ApiLinkedName | null; email: string | null; phone: string | null } | null
  links: { self: string; html: string }
}

/** A date as the API and the exports write it: ISO 8601, UTC. */
export const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString())

export const caseStudyUrl = (base: string, slug: string): string => `${base}/case-studies/${slug}`

export function presentSummary(hit: SearchHit, base: string): ApiCaseStudySummary {
  return {
    slug: hit.slug,
    url: caseStudyUrl(base, hit.slug),
    title: hit.title,
    summary: hit.summary,
    kind: hit.kind,
    yearStart: hit.yearStart,
    yearEnd: hit.yearEnd,
    publishedAt: iso(hit.publishedAt),
    lead: hit.lead ? { slug: hit.lead.slug, name: hit.lead.name } : null,
    participants: hit.participants.map((p) => ({ slug: p.slug, name: p.name })),
    principles: hit.principles.map((p) => ({ slug: p.slug, shortName: p.shortName })),
    themes: hit.themes.map((t) => ({ slug: t.slug, name: t.name })),
  }
}

export function presentFacets(facets: Facet[]): ApiFacet[] {
  return facets.map((f) => ({
    param: f.param,
    label: f.label,
    values: f.values.map((v) => ({ value: v.value, label: v.label, count: v.count, selected: v.selected })),
  }))
}

/** The API address of a search: its filters in the search's own order, then the page size when not the default. */
export function apiSearchHref(base: string, params: SearchParams, overrides: Partial<SearchParams>, perPage: number): string {
  const qs = new URLSearchParams(searchQueryString(params, overrides))
  if (perPage !== defaultPerPage) qs.set('per_page', String(perPage))
  const s = qs.toString()
  return `${base}/api/v1/case-studies${s ? `?${s}` : ''}`
}

export function presentSearch(outcome: SearchOutcome, base: string): ApiCaseStudyList {
  const { params, totalPages } = outcome
  const perPage = outcome.pageSize
  const page = params.page
  const links: ApiCaseStudyList['links'] = {
    self: apiSearchHref(base, params, {}, perPage),
    html: base + searchHref(params, { page: 1 }),
  }
  if (page < totalPages) links.next = apiSearchHref(base, params, { page: page + 1 }, perPage)
  if (page > 1) links.prev = apiSearchHref(base, params, { page: Math.min(page - 1, totalPages) }, perPage)
  return {
    total: outcome.total,
    page,
    perPage,
    totalPages,
    sort: outcome.sort,
    results: outcome.hits.map((hit) => presentSummary(hit, base)),
    facets: presentFacets(outcome.facets),
    messages: outcome.messages,
    suggestion: outcome.suggestion ? { q: outcome.suggestion.q, href: apiSearchHref(base, params, { q: outcome.suggestion.q, page: 1 }, perPage) } : null,
    links,
  }
}

/**
 * One published case study: what its public page shows, and nothing else — no ids, revisions,
 * review state or import details, and the contact's email and phone only when they agreed.
 */
export function presentCaseStudy(data: PublishedCaseStudy, base: string): ApiCaseStudy {
  const { caseStudy: cs, contact } = data
  const lead = data.organisations.find((o) => o.role === 'lead')
  return {
    slug: cs.slug,
    url: caseStudyUrl(base, cs.slug),
    title: cs.title,
    summary: cs.summary,
    kind: cs.kind,
    yearStart: cs.yearStart,
    yearEnd: cs.yearEnd,
    publishedAt: iso(cs.publishedAt),
    body: cs.body,
    outcomes: cs.outcomes,
    lead: lead ? { slug: lead.slug, name: lead.name } : null,
    organisations: data.organisations.map((o) => ({ slug: o.slug, name: o.name, role: o.role })),
    principles: data.principles.map((p) => ({ slug: p.slug, shortName: p.shortName, statement: p.statement })),
    themes: data.themes.map((t) => ({ slug: t.slug, name: t.name })),
    contact: contact
      ? {
          name: contact.name,
          jobTitle: contact.jobTitle,
          organisation: contact.organisationSlug && contact.organisationName ? { slug: contact.organisationSlug, name: contact.organisationName } : null,
          email: contact.publishContact ? contact.email : null,
          phone: contact.publishContact ? contact.phone : null,
        }
      : null,
    links: { self: `${base}/api/v1/case-studies/${cs.slug}`, html: caseStudyUrl(base, cs.slug) },
  }
}

export interface PrincipleRow {
  slug: string
  shortName: string
  statement: string
  caseStudyCount: number
}

export function presentPrinciples(rows: PrincipleRow[], base: string) {
  return {
    results: rows.map((p, index) => ({
      slug: p.slug,
      shortName: p.shortName,
      statement: p.statement,
      order: index + 1,
      caseStudyCount: p.caseStudyCount,
      url: `${base}/principles/${p.slug}`,
      caseStudies: `${base}/api/v1/case-studies?principle=${p.slug}`,
    })),
  }
}

export interface MemberRow {
  slug: string
  name: string
  kind: OrganisationKind
  tier: MembershipTier
  councilType: string | null
  nation: string | null
  region: string | null
  website: string | null
  /** 'YYYY-MM-DD': the first day of its open membership, when known. */
  memberSince: string | null
  caseStudyCount: number
}

/**
 * The members as open data: who they are and since when, never what they pay. Fees, invoices and
 * the figures fees are worked out from (population, budget) stay in the admin area.
 */
export function presentMembers(rows: MemberRow[], base: string) {
  return {
    results: rows.map((m) => ({
      slug: m.slug,
      name: m.name,
      kind: m.kind,
      tier: m.tier,
      councilType: m.councilType,
      nation: m.nation,
      region: m.region,
      // Only http(s) addresses, as on the member's page.
      website: safeWebsite(m.website),
      memberSince: m.memberSince,
      caseStudyCount: m.caseStudyCount,
      url: `${base}/members/${m.slug}`,
      caseStudies: `${base}/api/v1/case-studies?member=${m.slug}`,
    })),
  }
}
