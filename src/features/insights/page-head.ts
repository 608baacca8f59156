// The <head> additions of case-study and member pages: their JSON-LD and share tags, for
// insights/views/_head.njk.
import type { Config } from '../../config.ts'
import type { PublishedCaseStudy } from '../case-studies/queries.ts'
import { caseStudyJsonLd, jsonLdText, organisationJsonLd, publicBase, shareTags, type OrganisationFacts } from './linked-data.ts'

type SiteConfig = Pick<Config, 'publicUrl' | 'networkName'>

export function caseStudyHead(data: PublishedCaseStudy, config: SiteConfig) {
  const cs = data.caseStudy
  const lead = data.organisations.find((o) => o.role === 'lead')
  const facts = {
    slug: cs.slug,
    title: cs.title,
    summary: cs.summary,
    language: cs.language === 'cy' ? ('cy' as const) : ('en' as const),
    publishedAt: cs.publishedAt,
    updatedAt: cs.updatedAt,
    lead: lead ? { slug: lead.slug, name: lead.name, kind: lead.kind ?? 'organisation' } : null,
    principles: data.principles,
    themes: data.themes,
  }
  const base = publicBase(config.publicUrl)
  return { jsonLd: jsonLdText(caseStudyJsonLd(facts, base, config.networkName)), shareTags: shareTags(facts, base, config.networkName) }
}

export function organisationHead(o: OrganisationFacts, config: SiteConfig) {
  return { jsonLd: jsonLdText(organisationJsonLd(o, publicBase(config.publicUrl), config.networkName)) }
}
