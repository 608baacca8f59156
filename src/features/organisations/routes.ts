import type { FastifyInstance, FastifyReply } from 'fastify'
import { NotFoundError } from '../../errors.ts'
import { escapeHtml } from '../../lib/html.ts'
import { isSlug } from '../../lib/slug.ts'
import { kindLabels, yearLabel } from '../case-studies/present.ts'
import { organisationHref, organisationKindLabels, tierLabels } from '../../web/organisation-display.ts'
import { placeLabel, roleHeadings, safeWebsite } from './present.ts'
import { findPublicOrganisation, listCaseStudiesOfOrganisation, listMembers, listOtherOrganisations } from './queries.ts'

export async function organisationRoutes(app: FastifyInstance): Promise<void> {
  app.get('/members', { config: { pageCache: true } }, async (_request, reply) => {
    const members = await listMembers(app.deps.db)
    return reply.render('organisations/views/index.njk', {
      title: 'Members',
      section: 'members',
      members: members.map((m) => ({
        href: `/members/${m.slug}`,
        name: m.name,
        kind: organisationKindLabels[m.kind],
        tier: tierLabels[m.tier],
        place: placeLabel(m),
        caseStudies: m.leadCount + m.participantCount,
      })),
      count: members.length,
      memberNames: members.map((m) => m.name),
    })
  })

  app.get('/organisations', { config: { pageCache: true } }, async (_request, reply) => {
    const others = await listOtherOrganisations(app.deps.db)
    return reply.render('organisations/views/others.njk', {
      title: 'Partners and funders',
      description: `Organisations outside the network that worked with its members or paid for their work: ${others.map((o) => o.name).join(', ')}.`,
      section: 'members',
      breadcrumbs: [
        { text: 'Home', href: '/' },
        { text: 'Members', href: '/members' },
      ],
      others: others.map((o) => ({ href: `/organisations/${o.slug}`, name: o.name, kind: organisationKindLabels[o.kind], caseStudies: o.caseStudyCount })),
    })
  })

  const organisationPage = async (slug: string, reply: FastifyReply, asMember: boolean) => {
    if (!isSlug(slug)) throw new NotFoundError()
    const organisation = await findPublicOrganisation(app.deps.db, slug)
    if (!organisation) throw new NotFoundError()
    // A member's page is under /members, anyone else's under /organisations: an old link still arrives.
    const href = organisationHref(organisation)
    if ((organisation.tier !== 'none') !== asMember) return reply.redirect(href, 301)
    const caseStudies = await listCaseStudiesOfOrganisation(app.deps.db, organisation.id)
    const item = (cs: (typeof caseStudies)[number]) => ({
      slug: cs.slug,
      title: cs.title,
      summary: cs.summary,
      kindLabel: kindLabels[cs.kind],
      yearLabel: yearLabel(cs.yearStart, cs.yearEnd),
    })
    const groups = (['lead', 'participant', 'partner', 'funder'] as const)
      .map((role) => ({ role, heading: roleHeadings[role], items: caseStudies.filter((cs) => cs.role === role).map(item) }))
      // A member's page always says whether it leads or takes part in anything; other roles only when it has them.
      .filter((g) => g.items.length > 0 || (asMember && (g.role === 'lead' || g.role === 'participant')))
    const place = placeLabel(organisation)
    const count = new Set(caseStudies.map((cs) => cs.slug)).size
    const description =
      `${organisation.name}: ${organisationKindLabels[organisation.kind]}, ${tierLabels[organisation.tier]}${place ? `, ${place}` : ''}. ` +
      (asMember
        ? `Leads ${groups.find((g) => g.role === 'lead')?.items.length ?? 0} and takes part in ${groups.find((g) => g.role === 'participant')?.items.length ?? 0} published case studies`
        : `Named in ${count} published ${count === 1 ? 'case study' : 'case studies'}`) +
      (caseStudies.length ? `: ${[...new Set(caseStudies.map((cs) => cs.title))].join('; ')}.` : '.')
    const website = safeWebsite(organisation.website)
    const facts = [
      { key: { text: 'Kind' }, value: { text: organisationKindLabels[organisation.kind] } },
      { key: { text: 'Membership' }, value: { text: tierLabels[organisation.tier] } },
      ...(organisation.councilType ? [{ key: { text: 'Council type' }, value: { text: organisation.councilType } }] : []),
      ...(place ? [{ key: { text: 'Region' }, value: { text: place } }] : []),
      ...(organisation.gssCode ? [{ key: { text: 'ONS code' }, value: { text: organisation.gssCode } }] : []),
      ...(website
        ? [{ key: { text: 'Website' }, value: { html: `<a class="govuk-link" href="${escapeHtml(website)}">${escapeHtml(website)}</a>` } }]
        : organisation.website
          ? [{ key: { text: 'Website' }, value: { text: organisation.website } }]
          : []),
    ]
    return reply.render('organisations/views/show.njk', {
      title: organisation.name,
      description,
      section: 'members',
      breadcrumbs: [{ text: 'Home', href: '/' }, asMember ? { text: 'Members', href: '/members' } : { text: 'Partners and funders', href: '/organisations' }],
      organisation,
      facts,
      groups,
      anyCaseStudy: caseStudies.length > 0,
      searchHref: `/case-studies?member=${organisation.slug}`,
    })
  }

  app.get<{ Params: { slug: string } }>('/members/:slug', { config: { pageCache: true } }, async (request, reply) =>
    organisationPage(request.params.slug, reply, true),
  )
  app.get<{ Params: { slug: string } }>('/organisations/:slug', { config: { pageCache: true } }, async (request, reply) =>
    organisationPage(request.params.slug, reply, false),
  )
}
