import type { FastifyInstance } from 'fastify'
import { escapeHtml } from '../../lib/html.ts'
import { pageSearchDeps } from '../search/page-deps.ts'
import { presentChosen, resultSummary } from '../search/present.ts'
import { searchHref } from '../search/query-string.ts'
import { searchMap, ukLayout } from './map-data.ts'
import { heatBand } from './rules/coverage.ts'
import { hexMapSvg } from './rules/hex-map.ts'

/** The hex map of a search's results (/case-studies/map?<the search's parameters>) with its table. */
export async function mapRoutes(app: FastifyInstance): Promise<void> {
  app.get('/case-studies/map', { config: { pageCache: true } }, async (request, reply) => {
    const { t, locale, format } = request
    const map = await searchMap(pageSearchDeps(app), request.query as Record<string, unknown>, locale)
    const band = (count: number) => heatBand(count, map.max)
    const svg = hexMapSvg({
      id: 'map',
      title: t('insights.map.svgTitle', { count: map.total }),
      desc: t('insights.map.svgDesc'),
      layout: ukLayout(),
      values: new Map(map.rows.map((r) => [r.code, r])),
      shade: (value) => ({ classes: `coophub-heat--${value ? band(value.count) : 0}` }),
      label: (name, value) =>
        value ? t(value.member ? 'insights.map.hexMember' : 'insights.map.hex', { name, count: value.count }) : t('insights.map.hexNone', { name }),
    })
    const chosen = presentChosen(map.params, map.facets, { t, locale })
    return reply.render(
      'insights/views/map.njk',
      {
        title: t('insights.map.title'),
        description: t('insights.map.intro'),
        section: 'case-studies',
        breadcrumbs: [
          { text: t('home.breadcrumb'), href: '/' },
          { text: t('search.page.title'), href: searchHref(map.params, { page: 1 }) },
        ],
        summary: resultSummary(map.total, map.params.q, t),
        messages: map.notices.map((m) => t(m.key, m.values)),
        chosen: chosen.map((g) => ({ heading: g.heading, html: g.items.map((i) => i.html).join(', ') })),
        resultsHref: searchHref(map.params, { page: 1 }),
        rows: map.rows
          .filter((r) => r.count > 0 || r.member)
          .map((r) => ({ ...r, nameHtml: escapeHtml(r.name), band: band(r.count), countText: format.number(r.count) })),
        svg,
        contentLang: locale === 'en' ? null : 'en',
      },
      { cache: !map.stale },
    )
  })
}
