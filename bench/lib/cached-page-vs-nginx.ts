// A case-study page from the app's page cache beside nginx serving the same bytes, measured back
// to back with the same load (autocannon, same connections and duration): the ratio app ÷ nginx.
import http from 'node:http'
import type { BenchServer } from './bench-server.ts'
import { describeLoad, measureLoad } from './load.ts'
import { ensureNginx, startNginx } from './nginx.ts'
import type { Row } from './report.ts'
import { connections, durationS, percent } from './settings.ts'
import { targets } from './search-settings.ts'

interface Answer {
  status: number
  headers: http.IncomingHttpHeaders
  body: Buffer
}

function fetch(url: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent: false, timeout: 30_000, headers }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }))
      response.on('error', reject)
    })
    request.on('timeout', () => request.destroy(new Error(`GET ${url} timed out`)))
    request.on('error', reject)
  })
}

/** The cached page's bytes, after checking it comes from the cache and answers If-None-Match with 304. */
async function cachedPage(url: string): Promise<{ body: Buffer; contentType: string; note: string }> {
  const first = await fetch(url)
  if (first.status !== 200) throw new Error(`GET ${url} answered ${first.status}`)
  const second = await fetch(url)
  if (second.headers['x-coophub-cache'] !== 'hit') throw new Error(`the second GET of ${url} did not come from the page cache`)
  const etag = String(second.headers.etag ?? '')
  const revalidated = etag ? await fetch(url, { 'if-none-match': etag }) : null
  const note = revalidated?.status === 304 ? `ETag → 304 checked` : `**no 304 for If-None-Match (${revalidated?.status ?? 'no ETag'})**`
  return { body: second.body, contentType: String(second.headers['content-type']), note }
}

export async function measureCachedPageVsNginx(server: BenchServer, pagePath: string, label: string): Promise<Row> {
  const benchmark = `Cached case-study page \`${pagePath.replace(/^\/case-studies\//, '…/')}\` beside nginx serving the same bytes`
  const target = `≥ ${targets.cachedPageOfNginxPercent} % of nginx`
  let version: string
  try {
    version = await ensureNginx()
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return { benchmark, database: label, measured: `not run: ${message.split('\n')[0]}`, reference: 'nginx: not installed', result: '', target, pass: false }
  }
  const page = await cachedPage(server.baseUrl + pagePath)
  console.log(`  [${label}] cached page ${pagePath} (${page.body.length} bytes, ${page.note}): ${durationS} s, ${connections} connections`)
  const app = await measureLoad({ baseUrl: server.baseUrl, paths: [pagePath], connections, durationS })
  console.log(`    ${describeLoad(app)}`)
  const nginx = await startNginx(page.body, page.contentType)
  let reference
  try {
    console.log(`  [${label}] nginx ${version}, the same bytes: ${durationS} s, ${connections} connections`)
    reference = await measureLoad({ baseUrl: nginx.baseUrl, paths: [nginx.path], connections, durationS })
    console.log(`    ${describeLoad(reference)}`)
  } finally {
    await nginx.stop()
  }
  const ratio = percent(app.reqPerSec, reference.reqPerSec)
  return {
    benchmark,
    database: label,
    measured: `app (page cache, ${page.note}): ${describeLoad(app)}`,
    reference: `nginx ${version}, 1 process (${(page.body.length / 1024).toFixed(1)} KB): ${describeLoad(reference)}`,
    result: `${ratio.toFixed(1)} % of nginx`,
    target,
    pass: ratio >= targets.cachedPageOfNginxPercent && app.failures === 0 && reference.failures === 0,
  }
}
