// What search engines and link previews read: schema.org JSON-LD (an Article for a case study, an
// Organization or GovernmentOrganization for a member) and Open Graph / Twitter card tags with a
// generated share image. Addresses are absolute when the site knows its public address
// (PUBLIC_URL); a cached page never takes the Host header of whoever asked first. Pure.
import { escapeHtml as e } from '../../lib/html.ts'

export interface CaseStudyFacts {
  slug: string
  title: string
  summary: string
  language: 'en' | 'cy'
  publishedAt: Date | null
  updatedAt: Date
  lead: { slug: string; name: string; kind: string } | null
  principles: Array<{ slug: string; shortName: string }>
  themes: Array<{ name: string }>
}

/** Councils and combined authorities are government organisations; anyone else an organisation. */
const organisationType = (kind: string) =>
  ['council', 'combined-authority', 'town-or-parish-council'].includes(kind) ? 'GovernmentOrganization' : 'Organization'

export function caseStudyJsonLd(cs: CaseStudyFacts, base: string, networkName: string): Record<string, unknown> {
  const url = `${base}/case-studies/${cs.slug}`
  return {
    '@context': 'https://schema.org',
    '@type': 'Article',
    '@id': url,
    url,
    headline: cs.title,
    description: cs.summary,
    inLanguage: cs.language === 'cy' ? 'cy-GB' : 'en-GB',
    ...(cs.publishedAt ? { datePublished: cs.publishedAt.toISOString() } : {}),
    dateModified: cs.updatedAt.toISOString(),
    image: `${url}/share.png`,
    about: [
      ...cs.principles.map((p) => ({ '@type': 'DefinedTerm', name: p.shortName, url: `${base}/principles/${p.slug}` })),
      ...cs.themes.map((th) => ({ '@type': 'Thing', name: th.name })),
    ],
    author: cs.lead
      ? { '@type': organisationType(cs.lead.kind), name: cs.lead.name, url: `${base}/members/${cs.lead.slug}` }
      : { '@type': 'Organization', name: networkName },
    publisher: { '@type': 'Organization', name: networkName, url: `${base}/` },
  }
}

export interface OrganisationFacts {
  slug: string
  name: string
  kind: string
  website: string | null
  region: string | null
  nation: string | null
  /** Its page: /members/… or /organisations/… */
  path: string
}

export function organisationJsonLd(o: OrganisationFacts, base: string, networkName: string): Record<string, unknown> {
  const url = `${base}${o.path}`
  const area = [o.region, o.nation].filter((x): x is string => Boolean(x))
  return {
    '@context': 'https://schema.org',
    '@type': organisationType(o.kind),
    '@id': url,
    url,
    name: o.name,
    ...(o.website ? { sameAs: [o.website] } : {}),
    ...(area.length > 0 ? { areaServed: { '@type': 'AdministrativeArea', name: area.join(', ') } } : {}),
    memberOf: { '@type': 'Organization', name: networkName, url: `${base}/` },
  }
}

/** JSON-LD as a script element's text (insights/views/_head.njk): `<` written as \u003c so no text can close the element. */
export const jsonLdText = (data: unknown) => JSON.stringify(data).replace(/</g, '\\u003c')

/** The site's public address without its last slash; '' (addresses from the root) when not configured. */
export const publicBase = (publicUrl: string | undefined) => publicUrl?.replace(/\/+$/, '') ?? ''

/** Open Graph and Twitter card tags of a case study with its share image. */
export function shareTags(cs: Pick<CaseStudyFacts, 'slug' | 'title' | 'summary' | 'language'>, base: string, networkName: string): string {
  const url = `${base}/case-studies/${cs.slug}`
  const tags: Array<[string, string, string]> = [
    ['property', 'og:type', 'article'],
    ['property', 'og:site_name', networkName],
    ['property', 'og:title', cs.title],
    ['property', 'og:description', cs.summary],
    ['property', 'og:url', url],
    ['property', 'og:locale', cs.language === 'cy' ? 'cy_GB' : 'en_GB'],
    ['property', 'og:image', `${url}/share.png`],
    ['property', 'og:image:width', '1200'],
    ['property', 'og:image:height', '630'],
    ['property', 'og:image:alt', cs.title],
    ['name', 'twitter:card', 'summary_large_image'],
    ['name', 'twitter:title', cs.title],
    ['name', 'twitter:description', cs.summary],
    ['name', 'twitter:image', `${url}/share.png`],
  ]
  return tags.map(([attr, name, content]) => `<meta ${attr}="${name}" content="${e(content)}">`).join('')
}
