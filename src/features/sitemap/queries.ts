import { asc, desc, eq, ne } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'
import { calls, caseStudies, events, projects, publications } from '../../db/schema/index.ts'
import { listPrinciplesWithCounts } from '../principles/queries.ts'
import { listMembers, listOtherOrganisations } from '../organisations/queries.ts'
import type { SitemapPage } from './sitemap.ts'

/** The site's public pages: the fixed ones, then every published case study, principle, member and other organisation with a page, every call but drafts, every project, every event but drafts, and every published pack. */
export async function listPublicPages(db: Database): Promise<SitemapPage[]> {
  const [published, principles, members, others, publicCalls, projectRows, eventRows, packs] = await Promise.all([
    db
      .select({ slug: caseStudies.slug, updatedAt: caseStudies.updatedAt })
      .from(caseStudies)
      .where(eq(caseStudies.status, 'published'))
      .orderBy(asc(caseStudies.slug)),
    listPrinciplesWithCounts(db),
    listMembers(db),
    listOtherOrganisations(db),
    db.select({ slug: calls.slug }).from(calls).where(ne(calls.status, 'draft')).orderBy(asc(calls.slug)),
    db.select({ slug: projects.slug }).from(projects).orderBy(asc(projects.slug)),
    db.select({ slug: events.slug, updatedAt: events.updatedAt }).from(events).where(ne(events.status, 'draft')).orderBy(asc(events.slug)),
    // A pack never changes once published: its own date is its last change, and the list's is the newest.
    db
      .select({ slug: publications.slug, publishedAt: publications.publishedAt })
      .from(publications)
      .orderBy(desc(publications.publishedAt), asc(publications.slug)),
  ])
  return [
    ...[
      '/',
      '/case-studies',
      '/principles',
      '/members',
      '/organisations',
      '/api',
      '/calls',
      '/calls/rounds',
      '/projects',
      '/insights',
      '/case-studies/map',
      '/events',
    ].map((path) => ({ path })),
    { path: '/publications', lastmod: packs[0]?.publishedAt ?? null },
    ...published.map((cs) => ({ path: `/case-studies/${cs.slug}`, lastmod: cs.updatedAt })),
    ...principles.map((p) => ({ path: `/principles/${p.slug}` })),
    ...members.map((m) => ({ path: `/members/${m.slug}` })),
    ...others.map((o) => ({ path: `/organisations/${o.slug}` })),
    ...publicCalls.map((c) => ({ path: `/calls/${c.slug}` })),
    ...projectRows.map((p) => ({ path: `/projects/${p.slug}` })),
    ...eventRows.map((e) => ({ path: `/events/${e.slug}`, lastmod: e.updatedAt })),
    ...packs.map((p) => ({ path: `/publications/${p.slug}`, lastmod: p.publishedAt })),
  ]
}
