import type { BenchServer } from './bench-server.ts'
import { describeLoad, measureLoad } from './load.ts'
import type { Row } from './report.ts'
import { casePath, connections, durationS, percent, searchPath } from './settings.ts'
import type { DatabaseUnderTest } from './targets.ts'

interface PageUnderTest {
  path: string
  name: string
  /** Every request a different address: the page is rendered each time, not served from the cache. */
  uncached?: boolean
  /** Minimum page ÷ static ratio; null: reported for information. */
  targetPercent: number | null
}

/** The bench server's pages, in the order given to startBenchServer. */
export const pagesUnderTest: PageUnderTest[] = [
  { path: casePath, name: `Case-study page \`${casePath}\` (page cache)`, targetPercent: 10 },
  { path: casePath, name: `Case-study page \`${casePath}\`, rendered every time`, targetPercent: null, uncached: true },
  { path: searchPath, name: `Search \`${searchPath}\` (page cache)`, targetPercent: null },
  { path: searchPath, name: `Search \`${searchPath}\`, searched every time`, targetPercent: null, uncached: true },
]

/** Each page, then its static copy, measured back to back: the ratio is page ÷ static. */
export async function measureThroughput(server: BenchServer, database: DatabaseUnderTest): Promise<Row[]> {
  const rows: Row[] = []
  for (const [n, page] of server.pages.entries()) {
    const { name, targetPercent, uncached = false } = pagesUnderTest[n]!
    console.log(`  [${database.label}] ${page.path}${uncached ? ' (uncached)' : ''} (${page.bytes} bytes): ${durationS} s, ${connections} connections`)
    const measured = await measureLoad({ baseUrl: server.baseUrl, paths: [page.path], connections, durationS, uncached })
    console.log(`    ${describeLoad(measured)}`)
    console.log(`  [${database.label}] static copy ${page.staticPath}: ${durationS} s`)
    const reference = await measureLoad({ baseUrl: server.baseUrl, paths: [page.staticPath], connections, durationS })
    console.log(`    ${describeLoad(reference)}`)
    const ratio = percent(measured.reqPerSec, reference.reqPerSec)
    rows.push({
      benchmark: name,
      database: database.label,
      measured: describeLoad(measured),
      reference: `static copy (${(page.bytes / 1024).toFixed(1)} KB): ${describeLoad(reference)}`,
      result: `${ratio.toFixed(1)} % of static`,
      target: targetPercent === null ? '— (information)' : `≥ ${targetPercent} % of static`,
      pass: targetPercent === null ? null : ratio >= targetPercent && measured.failures === 0 && reference.failures === 0,
    })
  }
  return rows
}
