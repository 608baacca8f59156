import type { BenchServer } from './bench-server.ts'
import { describeLoad, measureLoad, startLoad, type LoadFigures } from './load.ts'
import type { Row } from './report.ts'
import type { LoopDelay } from './serve-for-bench.ts'
import { backgroundConnections, backgroundSearches, backgroundSearchesPerSecond, connections, durationS, percent } from './settings.ts'
import type { DatabaseUnderTest } from './targets.ts'

const delayText = (d: LoopDelay): string => `event-loop delay p99 ${d.p99Ms} ms, max ${d.maxMs} ms`

/** The static copy alone, then while a second load generator sends varied searches. */
export async function measureStall(server: BenchServer, database: DatabaseUnderTest): Promise<Row> {
  const staticPath = server.pages[0]!.staticPath
  console.log(`  [${database.label}] stall check: static copy alone, ${durationS} s`)
  await server.loopDelay()
  const unloaded = await measureLoad({ baseUrl: server.baseUrl, paths: [staticPath], connections, durationS })
  const unloadedDelay = await server.loopDelay()
  console.log(`    ${describeLoad(unloaded)}; ${delayText(unloadedDelay)}`)

  console.log(
    `  [${database.label}] stall check: static copy while ${backgroundConnections} connections search (${backgroundSearchesPerSecond}/s at most), ${durationS} s`,
  )
  const background = startLoad({
    baseUrl: server.baseUrl,
    paths: backgroundSearches,
    connections: backgroundConnections,
    durationS: durationS + 10,
    uncached: true,
    rate: backgroundSearchesPerSecond,
  })
  let loaded: LoadFigures
  let loadedDelay: LoopDelay
  try {
    loaded = await measureLoad({ baseUrl: server.baseUrl, paths: [staticPath], connections, durationS })
    loadedDelay = await server.loopDelay()
  } finally {
    background.stop()
  }
  const searches = await background.done
  console.log(`    ${describeLoad(loaded)}; ${delayText(loadedDelay)}; background searches ${describeLoad(searches)}`)

  const ratio = percent(loaded.reqPerSec, unloaded.reqPerSec)
  return {
    benchmark: `Stall check: static copy during up to ${backgroundSearchesPerSecond} varied, uncached searches/s on ${backgroundConnections} connections`,
    database: database.label,
    measured: `loaded: ${describeLoad(loaded)}; ${delayText(loadedDelay)} (searches meanwhile: ${describeLoad(searches)})`,
    reference: `unloaded: ${describeLoad(unloaded)}; ${delayText(unloadedDelay)}`,
    result: `${ratio.toFixed(1)} % of unloaded`,
    target: '≥ 50 % of unloaded',
    pass: ratio >= 50 && loaded.failures === 0 && unloaded.failures === 0 && searches.failures === 0,
  }
}
