import type { FastifyInstance } from 'fastify'
import { NotFoundError } from '../../errors.ts'
import { canReviewSubmissions } from '../accounts/policy.ts'
import { openDataHeaders } from '../api/headers.ts'
import { pageSearchDeps } from '../search/page-deps.ts'
import type { Formatter } from '../../i18n/format.ts'
import { awardedByYearAndKind, membersByTierAndNation } from './chart-queries.ts'
import {
  awardsChart,
  caseStudiesByYear,
  chartCsv,
  chartIds,
  membersChart,
  presentChart,
  principlesPerCaseStudyChart,
  type ChartData,
  type ChartId,
} from './charts.ts'
import { insightCountsOf, type InsightCounts } from './coverage-counts.ts'
import { coverageCsv } from './coverage-data.ts'
import { presentCoverage, presentQuietMembers } from './present.ts'
import { quietMembers } from './queries.ts'
import type { Translate } from '../../i18n/catalogue.ts'
import { mapRoutes } from './map-routes.ts'
import { shareRoutes } from './share-routes.ts'

const csvType = 'text/csv; charset=utf-8; header=present'
/** Members quiet this long are listed for editors. */
const quietYears = 2

/**
 * Every chart's figures in the page's language: those of case studies from the search engine's
 * index with the coverage, members and money from small grouping statements (organisations and
 * bids, not case studies), memoised until content changes.
 */
async function chartsOf(app: FastifyInstance, counts: InsightCounts, t: Translate, format: Formatter): Promise<Record<ChartId, ChartData>> {
  const { db } = app.deps
  const memo = app.pageCache.memo.bind(app.pageCache)
  const [members, awards] = await Promise.all([
    memo('insights:members-by-tier-and-nation', () => membersByTierAndNation(db)),
    memo('insights:awards-by-year', () => awardedByYearAndKind(db)),
  ])
  return {
    'case-studies-by-year': caseStudiesByYear(counts.coverage, t),
    'principles-per-case-study': principlesPerCaseStudyChart(counts.principlesPerCaseStudy, t),
    'members-by-tier-and-nation': membersChart(members, t),
    'awards-by-year': awardsChart(awards, t, format),
  }
}

/**
 * The coverage of the library (/insights) and its charts, each figure a link to its search; the
 * same figures as CSV. Public; the members who have published nothing lately are for editors.
 */
export async function insightRoutes(app: FastifyInstance): Promise<void> {
  await app.register(mapRoutes)
  await app.register(shareRoutes)

  app.get('/insights', { config: { pageCache: true } }, async (request, reply) => {
    const { t, locale, format } = request
    const counts = await insightCountsOf(pageSearchDeps(app), locale)
    const { coverage } = counts
    const charts = Object.values(await chartsOf(app, counts, t, format)).map((chart) => presentChart(chart, t, format))
    const editor = canReviewSubmissions(request.user ?? null)
    const since = new Date(Date.now() - quietYears * 365.25 * 24 * 3600 * 1000)
    const quiet = editor ? presentQuietMembers(await quietMembers(app.deps.db, since), t, format.date) : null
    return reply.render(
      'insights/views/insights.njk',
      {
        title: t('insights.title'),
        description: t('insights.intro'),
        section: 'insights',
        breadcrumbs: [{ text: t('home.breadcrumb'), href: '/' }],
        coverage: presentCoverage(coverage, { t, locale }),
        charts,
        quiet,
        contentLang: locale === 'en' ? null : 'en',
      },
      { cache: !counts.stale },
    )
  })

  app.get('/insights/coverage.csv', async (request, reply) => {
    const { coverage } = await insightCountsOf(pageSearchDeps(app), request.locale)
    return openDataHeaders(reply, csvType).header('content-disposition', 'attachment; filename="coverage.csv"').send(coverageCsv(coverage, request.t))
  })

  app.get<{ Params: { chart: string } }>('/insights/:chart', async (request, reply) => {
    const id = chartIds.find((c) => `${c}.csv` === request.params.chart)
    if (!id) throw new NotFoundError()
    const counts = await insightCountsOf(pageSearchDeps(app), request.locale)
    return openDataHeaders(reply, csvType)
      .header('content-disposition', `attachment; filename="${id}.csv"`)
      .send(chartCsv((await chartsOf(app, counts, request.t, request.format))[id]))
  })
}
