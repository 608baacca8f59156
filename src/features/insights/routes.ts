import type { FastifyInstance } from 'fastify'
import { NotFoundError } from '../../errors.ts'
import { canReviewSubmissions } from '../accounts/policy.ts'
import { openDataHeaders } from '../api/headers.ts'
import { pageSearchDeps } from '../search/page-deps.ts'
import { caseStudiesByYear, chartCsv, chartIds, presentChart, type ChartData } from './charts.ts'
import { coverageOf } from './coverage-counts.ts'
import { coverageCsv } from './coverage-data.ts'
import { presentCoverage, presentQuietMembers } from './present.ts'
import { quietMembers } from './queries.ts'
import type { Coverage } from './rules/coverage.ts'
import type { Translate } from '../../i18n/catalogue.ts'
import { mapRoutes } from './map-routes.ts'

const csvType = 'text/csv; charset=utf-8; header=present'
/** Members quiet this long are listed for editors. */
const quietYears = 2

const chartsOf = (c: Coverage, t: Translate): Record<(typeof chartIds)[number], ChartData> => ({ 'case-studies-by-year': caseStudiesByYear(c, t) })

/**
 * The coverage of the library (/insights) and its charts, each figure a link to its search; the
 * same figures as CSV. Public; the members who have published nothing lately are for editors.
 */
export async function insightRoutes(app: FastifyInstance): Promise<void> {
  await app.register(mapRoutes)

  app.get('/insights', { config: { pageCache: true } }, async (request, reply) => {
    const { t, locale, format } = request
    const coverage = await coverageOf(pageSearchDeps(app), locale)
    const charts = Object.values(chartsOf(coverage, t)).map((chart) => presentChart(chart, t, format))
    const editor = canReviewSubmissions(request.user ?? null)
    const since = new Date(Date.now() - quietYears * 365.25 * 24 * 3600 * 1000)
    const quiet = editor ? presentQuietMembers(await quietMembers(app.deps.db, since), t, format.date) : null
    return reply.render('insights/views/insights.njk', {
      title: t('insights.title'),
      description: t('insights.intro'),
      section: 'insights',
      breadcrumbs: [{ text: t('home.breadcrumb'), href: '/' }],
      coverage: presentCoverage(coverage, { t, locale }),
      charts,
      quiet,
      contentLang: locale === 'en' ? null : 'en',
    })
  })

  app.get('/insights/coverage.csv', async (request, reply) => {
    const coverage = await coverageOf(pageSearchDeps(app), request.locale)
    return openDataHeaders(reply, csvType).header('content-disposition', 'attachment; filename="coverage.csv"').send(coverageCsv(coverage, request.t))
  })

  app.get<{ Params: { chart: string } }>('/insights/:chart', async (request, reply) => {
    const id = chartIds.find((c) => `${c}.csv` === request.params.chart)
    if (!id) throw new NotFoundError()
    const coverage = await coverageOf(pageSearchDeps(app), request.locale)
    return openDataHeaders(reply, csvType)
      .header('content-disposition', `attachment; filename="${id}.csv"`)
      .send(chartCsv(chartsOf(coverage, request.t)[id]))
  })
}
