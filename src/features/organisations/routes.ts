import type { FastifyInstance } from 'fastify'
import { NotFoundError } from '../../errors.ts'
import { escapeHtml } from '../../lib/html.ts'
import { isSlug } from '../../lib/slug.ts'
import { kindLabels, yearLabel } from '../case-studies/present.ts'
import { organisationKindLabels, placeLabel, safeWebsite, tierLabels } from './present.ts'
import { findOrganisation, listCaseStudiesOfOrganisation, listMembers } from './queries.ts'

export async function organisationRoutes(app: FastifyInstance): Promise<void> {
  app.get('/members', { config: { pageCache: true } }, async (_request, reply) => {
    const members = await listMembers(app.deps.db)
    return reply.render('organisations/views/index.njk', {
      title: 'Members',
      section: 'members',
      rows: members.map((m) => [
        { html: `<a class="govuk-link" href="/members/${m.slug}">${escapeHtml(m.name)}</a>` },
        { text: organisationKindLabels[m.kind] },
        { text: tierLabels[m.tier] },
        { text: placeLabel(m) },
        { text: String(m.leadCount + m.participantCount), format: 'numeric' },
      ]),
      count: members.length,
      memberNames: members.map((m) => m.name),
    })
  })

  app.get<{ Params: { slug: string } }>('/members/:slug', { config: { pageCache: true } }, async (request, reply) => {
    if (!isSlug(request.params.slug)) throw new NotFoundError()
    const organisation = await findOrganisation(app.deps.db, request.params.slug)
    if (!organisation) throw new NotFoundError()
    const caseStudies = await listCaseStudiesOfOrganisation(app.deps.db, organisation.id)
    const item = (cs: (typeof caseStudies)[number]) => ({
      slug: cs.slug,
      title: cs.title,
      summary: cs.summary,
      kindLabel: kindLabels[cs.kind],
      yearLabel: yearLabel(cs.yearStart, cs.yearEnd),
    })
    const led = caseStudies.filter((cs) => cs.role === 'lead')
    const joined = caseStudies.filter((cs) => cs.role === 'participant')
    const place = placeLabel(organisation)
    const description =
      `${organisation.name}: ${organisationKindLabels[organisation.kind]}, ${tierLabels[organisation.tier]}${place ? `, ${place}` : ''}. ` +
      `Leads ${led.length} and takes part in ${joined.length} published case studies` +
      (caseStudies.length ? `: ${caseStudies.map((cs) => cs.title).join('; ')}.` : '.')
    const website = safeWebsite(organisation.website)
    const facts = [
      { key: { text: 'Kind' }, value: { text: organisationKindLabels[organisation.kind] } },
      { key: { text: 'Membership' }, value: { text: tierLabels[organisation.tier] } },
      ...(organisation.councilType ? [{ key: { text: 'Council type' }, value: { text: organisation.councilType } }] : []),
      ...(placeLabel(organisation) ? [{ key: { text: 'Region' }, value: { text: placeLabel(organisation) } }] : []),
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
      breadcrumbs: [
        { text: 'Home', href: '/' },
        { text: 'Members', href: '/members' },
      ],
      organisation,
      facts,
      led: led.map(item),
      joined: joined.map(item),
      searchHref: `/case-studies?member=${organisation.slug}`,
    })
  })
}
