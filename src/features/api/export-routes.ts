import { Readable } from 'node:stream'
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { Translate } from '../../i18n/catalogue.ts'
import { allHits } from '../search/run-search.ts'
import type { SearchHit } from '../search/search-types.ts'
import { csvHeader, csvRecord } from './csv.ts'
import { exportRecord } from './export-columns.ts'
import { openDataHeaders, searchDeps } from './headers.ts'
import { siteUrl } from '../../web/base-url.ts'
import { openDataLimit } from '../../web/open-data-limit.ts'

interface FileFormat {
  extension: 'csv' | 'json'
  contentType: string
  /** The file's start: the CSV's header row is in the address's language. */
  start: (t: Translate) => string
  /** One page of records; `first` is true for the file's first page. */
  page: (hits: SearchHit[], base: string, first: boolean) => string
  end: string
}

const formats: FileFormat[] = [
  {
    extension: 'csv',
    contentType: 'text/csv; charset=utf-8; header=present',
    start: csvHeader,
    page: (hits, base) => hits.map((hit) => csvRecord(exportRecord(hit, base))).join(''),
    end: '',
  },
  {
    extension: 'json',
    contentType: 'application/json; charset=utf-8',
    start: () => '[',
    page: (hits, base, first) => hits.map((hit, i) => `${first && i === 0 ? '' : ','}\n${JSON.stringify(exportRecord(hit, base))}`).join(''),
    end: '\n]\n',
  },
]

/**
 * The search page's filters as a file: every page of results, in the search's order, streamed a
 * page at a time. The first page is read before answering, so a failing database is an error
 * page rather than a cut-off file.
 */
async function sendExport(reply: FastifyReply, format: FileFormat, pages: AsyncGenerator<SearchHit[]>, base: string, t: Translate): Promise<FastifyReply> {
  const first = await pages.next()
  async function* chunks() {
    yield format.start(t)
    if (!first.done) {
      yield format.page(first.value, base, true)
      for await (const hits of pages) yield format.page(hits, base, false)
    }
    yield format.end
  }
  return openDataHeaders(reply, format.contentType)
    .header('content-disposition', `attachment; filename="case-studies.${format.extension}"`)
    .send(Readable.from(chunks(), { objectMode: false }))
}

export async function exportRoutes(app: FastifyInstance): Promise<void> {
  app.addHook('onRequest', openDataLimit(app))
  for (const format of formats) {
    app.get(`/case-studies.${format.extension}`, async (request, reply) => {
      const pages = allHits(searchDeps(app), request.query as Record<string, unknown>)
      const base = siteUrl(app.deps.config, request)
      // The Welsh CSV links to the Welsh pages; the JSON file, for programs, is the same in both languages.
      const pagesBase = format.extension === 'csv' && request.locale !== 'en' ? `${base}/${request.locale}` : base
      return sendExport(reply, format, pages, pagesBase, request.t)
    })
  }
}
