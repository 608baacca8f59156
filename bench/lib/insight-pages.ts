// Issue 18: the insight pages at scale. On a server that has just answered the search mix (its
// search engine built), each insight page is asked for the first time, so none comes from the page
// cache or the coverage's memo: /insights in English and in Welsh and the coverage API (each works
// out the coverage from the engine's facet index), then the map of every address of the mix. The
// reference is the search mix's p95 on the same server; the map's SVG is weighed on the busiest
// map (every case study).
import type { BenchServer } from './bench-server.ts'
import { ms, summarise } from './latency.ts'
import { httpGet } from './processes.ts'
import type { Row } from './report.ts'
import type { SearchAddress } from './search-addresses.ts'
import { httpPass, type HttpAnswer } from './search-http.ts'
import { targets } from './search-settings.ts'

/** p95 of the insight pages, at most this at 100,000 case studies on PostgreSQL. */
export const insightP95Ms = 100
/** The map page's SVG, at most this many bytes. */
export const mapSvgBytes = 100 * 1024

/** Bytes of the hex map's SVG on the map of every case study. */
async function mapSvgSize(server: BenchServer): Promise<number> {
  const page = (await httpGet(`${server.baseUrl}/case-studies/map`, 60_000)).body.toString('utf8')
  const svg = /<svg[^>]*data-qa="hexmap"[\s\S]*?<\/svg>/.exec(page)
  return svg ? Buffer.byteLength(svg[0]) : NaN
}

export async function measureInsightPages(
  server: BenchServer,
  addresses: SearchAddress[],
  database: string,
  size: number,
  /** The search mix's answers on this server, the reference. */
  searches: HttpAnswer[] = [],
): Promise<Row> {
  const coverage = ['/insights', '/cy/insights', '/api/v1/insights/coverage']
  const maps = addresses.map((a) => a.path.replace(/^\/case-studies(?=\?|$)/, '/case-studies/map'))
  const first = await httpPass(server.baseUrl, coverage, 1, 60_000, null)
  const mapped = await httpPass(server.baseUrl, maps, 1, 300_000, `[${database}] insight pages:`)
  const svgBytes = await mapSvgSize(server)
  const answers = [...first.answers, ...mapped.answers]
  const failed = answers.filter((a) => a.status !== 200 || a.cacheHit).length
  const latency = summarise(answers.map((a) => a.ms))
  const reference = searches.length > 0 ? summarise(searches.map((a) => a.ms)).p95 : null
  const judged = size >= targets.largeSize && database.toLowerCase().includes('postgres')
  const svgOk = svgBytes <= mapSvgBytes
  return {
    benchmark: `Insight pages at ${size.toLocaleString('en-GB')} case studies (coverage ${first.answers.map((a) => ms(a.ms)).join(', ')}; ${mapped.answers.length} maps)`,
    database,
    measured: `p95 ${ms(latency.p95)}, p50 ${ms(latency.p50)}, max ${ms(latency.max)}; map SVG ${(svgBytes / 1024).toFixed(1)} KB${failed ? `, ${failed} not 200 or cached` : ''}`,
    reference: reference === null ? '' : `search mix on the same server, one connection: p95 ${ms(reference)}`,
    result: reference === null ? '' : `× ${(latency.p95 / reference).toFixed(2)} of the search p95`,
    target: judged ? `p95 ≤ ${insightP95Ms} ms; SVG ≤ 100 KB` : 'SVG ≤ 100 KB',
    pass: failed > 0 || !svgOk ? false : judged ? latency.p95 <= insightP95Ms : null,
  }
}
