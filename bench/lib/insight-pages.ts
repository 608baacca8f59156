// Issue 18: the insight pages at scale. On a server that has just answered the search mix (its
// search engine built), each insight page is asked for the first time, so none comes from the page
// cache or the coverage's memo: /insights in English and in Welsh and the coverage API (each works
// out the coverage from the engine's facet index), then the map of every address of the mix.
import type { BenchServer } from './bench-server.ts'
import { ms, summarise } from './latency.ts'
import type { Row } from './report.ts'
import type { SearchAddress } from './search-addresses.ts'
import { httpPass } from './search-http.ts'
import { targets } from './search-settings.ts'

/** p95 of the insight pages, at most this at 100,000 case studies on PostgreSQL. */
export const insightP95Ms = 100

export async function measureInsightPages(server: BenchServer, addresses: SearchAddress[], database: string, size: number): Promise<Row> {
  const coverage = ['/insights', '/cy/insights', '/api/v1/insights/coverage']
  const maps = addresses.map((a) => a.path.replace(/^\/case-studies(?=\?|$)/, '/case-studies/map'))
  const first = await httpPass(server.baseUrl, coverage, 1, 60_000, null)
  const mapped = await httpPass(server.baseUrl, maps, 1, 300_000, `[${database}] insight pages:`)
  const answers = [...first.answers, ...mapped.answers]
  const failed = answers.filter((a) => a.status !== 200 || a.cacheHit).length
  const latency = summarise(answers.map((a) => a.ms))
  const judged = size >= targets.largeSize && database.toLowerCase().includes('postgres')
  return {
    benchmark: `Insight pages at ${size.toLocaleString('en-GB')} case studies (coverage ${first.answers.map((a) => ms(a.ms)).join(', ')}; ${mapped.answers.length} maps)`,
    database,
    measured: `p95 ${ms(latency.p95)}, p50 ${ms(latency.p50)}, max ${ms(latency.max)}${failed ? `, ${failed} not 200 or cached` : ''}`,
    reference: '',
    result: '',
    target: judged ? `p95 ≤ ${insightP95Ms} ms` : '',
    pass: failed > 0 ? false : judged ? latency.p95 <= insightP95Ms : null,
  }
}
