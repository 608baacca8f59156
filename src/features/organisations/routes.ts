import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { organisationHead } from '../insights/page-head.ts'
import { membersMap } from '../insights/members-map.ts'
import { NotFoundError } from '../../errors.ts'
import { escapeHtml } from '../../lib/html.ts'
import { isSlug } from '../../lib/slug.ts'
import { contentLangOn, kindLabel, yearLabel } from '../case-studies/present.ts'
import { organisationHref, organisationKindLabel, tierLabel } from '../../web/organisation-display.ts'
import { placeLabel, roleHeadings, safeWebsite } from './present.ts'
import { paidTiers } from '../../db/schema/enums.ts'
import {
  findPublicOrganisation,
  listCaseStudiesOfOrganisation,
  listFormerMembers,
  listMembers,
  listOtherOrganisations,
  memberSinceOf,
  yearLeftOf,
} from './queries.ts'

export async function organisationRoutes(app: FastifyInstance): Promise<void> {
  app.get('/members', { config: { pageCache: true } }, async (request, reply) => {
    const { t } = request
    const [members, former] = await Promise.all([listMembers(app.deps.db), listFormerMembers(app.deps.db)])
    return reply.render('organisations/views/index.njk', {
      title: t('organisations.members.title'),
      section: 'members',
      members: members.map((m) => ({
        href: `/members/${m.slug}`,
        name: m.name,
        kind: organisationKindLabel(t, m.kind),
        tier: tierLabel(t, m.tier),
        place: placeLabel(m),
        since: m.memberSince ? m.memberSince.slice(0, 4) : '',
        caseStudies: m.leadCount + m.participantCount,
      })),
      tierCounts: paidTiers.map((tier) => ({
        tier,
        text: t(`organisations.members.tierCount.${tier}`, { count: members.filter((m) => m.tier === tier).length }),
      })),
      former: former.map((o) => ({
        href: o.hasPage ? `/organisations/${o.slug}` : null,
        name: o.name,
        kind: organisationKindLabel(t, o.kind),
        left: o.leftYear ? String(o.leftYear) : t('organisations.former.leftUnknown'),
      })),
      count: members.length,
      memberNames: members.map((m) => m.name),
      contentLang: contentLangOn(request.locale),
      membersMap: await membersMap(app, t),
    })
  })

  app.get('/organisations', { config: { pageCache: true } }, async (request, reply) => {
    const { t } = request
    const others = await listOtherOrganisations(app.deps.db)
    return reply.render('organisations/views/others.njk', {
      title: t('organisations.others.title'),
      description: t('organisations.others.description', { names: others.map((o) => o.name).join(', ') }),
      section: 'members',
      breadcrumbs: [
        { text: t('home.breadcrumb'), href: '/' },
        { text: t('organisations.members.title'), href: '/members' },
      ],
      others: others.map((o) => ({ href: `/organisations/${o.slug}`, name: o.name, kind: organisationKindLabel(t, o.kind), caseStudies: o.caseStudyCount })),
      contentLang: contentLangOn(request.locale),
    })
  })

  const organisationPage = async (slug: string, request: FastifyRequest, reply: FastifyReply, asMember: boolean) => {
    if (!isSlug(slug)) throw new NotFoundError()
    const organisation = await findPublicOrganisation(app.deps.db, slug)
    if (!organisation) throw new NotFoundError()
    // A member's page is under /members, anyone else's under /organisations: an old link still arrives.
    const href = organisationHref(organisation)
    if ((organisation.tier !== 'none') !== asMember) return reply.redirect(href, 301)
    const { t } = request
    const caseStudies = await listCaseStudiesOfOrganisation(app.deps.db, organisation.id)
    const item = (cs: (typeof caseStudies)[number]) => ({
      slug: cs.slug,
      title: cs.title,
      summary: cs.summary,
      kindLabel: kindLabel(t, cs.kind),
      yearLabel: yearLabel(cs.yearStart, cs.yearEnd, t),
    })
    const groups = (['lead', 'participant', 'partner', 'funder'] as const)
      .map((role) => ({ role, heading: t(roleHeadings[role]), items: caseStudies.filter((cs) => cs.role === role).map(item) }))
      // A member's page always says whether it leads or takes part in anything; other roles only when it has them.
      .filter((g) => g.items.length > 0 || (asMember && (g.role === 'lead' || g.role === 'participant')))
    const place = placeLabel(organisation)
    const count = new Set(caseStudies.map((cs) => cs.slug)).size
    const kind = organisationKindLabel(t, organisation.kind)
    const yearLeft = organisation.tier === 'none' ? await yearLeftOf(app.deps.db, organisation.id) : null
    const tier = yearLeft ? t('organisations.show.formerMember', { year: String(yearLeft) }) : tierLabel(t, organisation.tier)
    const memberSince = asMember ? await memberSinceOf(app.deps.db, organisation.id) : null
    const titles = [...new Set(caseStudies.map((cs) => cs.title))].join('; ')
    const described = { name: organisation.name, kind, tier, place, hasPlace: place ? 'yes' : 'no', titles, hasTitles: titles ? 'yes' : 'no' }
    const description = asMember
      ? t('organisations.show.memberDescription', {
          ...described,
          leads: groups.find((g) => g.role === 'lead')?.items.length ?? 0,
          takesPart: groups.find((g) => g.role === 'participant')?.items.length ?? 0,
        })
      : t('organisations.show.otherDescription', { ...described, count })
    const website = safeWebsite(organisation.website)
    const contentLang = contentLangOn(request.locale)
    // Names and places are content: marked as English on a Welsh page.
    const content = (text: string) => (contentLang ? { html: `<span lang="${contentLang}">${escapeHtml(text)}</span>` } : { text })
    const facts = [
      { key: { text: t('organisations.show.kind') }, value: { text: kind } },
      { key: { text: t('organisations.show.membership') }, value: { text: tier } },
      ...(memberSince
        ? [{ key: { text: t('organisations.show.memberSince') }, value: { text: request.format.date(new Date(`${memberSince}T12:00:00Z`)) } }]
        : []),
      ...(organisation.councilType ? [{ key: { text: t('organisations.show.councilType') }, value: content(organisation.councilType) }] : []),
      ...(place ? [{ key: { text: t('organisations.show.region') }, value: content(place) }] : []),
      ...(organisation.gssCode ? [{ key: { text: t('organisations.show.onsCode') }, value: { text: organisation.gssCode } }] : []),
      ...(website
        ? [
            {
              key: { text: t('organisations.show.website') },
              value: { html: `<a class="govuk-link" href="${escapeHtml(website)}">${escapeHtml(website)}</a>` },
            },
          ]
        : organisation.website
          ? [{ key: { text: t('organisations.show.website') }, value: { text: organisation.website } }]
          : []),
    ]
    return reply.render('organisations/views/show.njk', {
      title: organisation.name,
      description,
      section: 'members',
      breadcrumbs: [
        { text: t('home.breadcrumb'), href: '/' },
        asMember ? { text: t('organisations.members.title'), href: '/members' } : { text: t('organisations.others.title'), href: '/organisations' },
      ],
      organisation,
      facts,
      groups,
      anyCaseStudy: caseStudies.length > 0,
      searchHref: `/case-studies?member=${organisation.slug}`,
      contentLang,
      ...organisationHead({ ...organisation, path: href }, app.deps.config),
    })
  }

  app.get<{ Params: { slug: string } }>('/members/:slug', { config: { pageCache: true } }, async (request, reply) =>
    organisationPage(request.params.slug, request, reply, true),
  )
  app.get<{ Params: { slug: string } }>('/organisations/:slug', { config: { pageCache: true } }, async (request, reply) =>
    organisationPage(request.params.slug, request, reply, false),
  )
}
