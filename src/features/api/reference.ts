// The /api page's content, from the same lists the OpenAPI document and the files use, in the
// page's language. The OpenAPI document stays English: it is for programs. Pure.
import type { Translate } from '../../i18n/catalogue.ts'
import { urlIn, type Locale } from '../../i18n/locales.ts'
import { addressHtml, escapeHtml } from '../../lib/html.ts'
import { columnDescription, csvHeaderName, exportColumns, listSeparator } from './export-columns.ts'
import { feedSize } from './feed-entries.ts'
import { exampleSearchResponse, openApiDocument } from './openapi.ts'
import { maxPerPage } from './per-page.ts'
import { leniencyNoteIn, parameterDescription, searchParameters } from './search-parameter-docs.ts'
import { problem } from './problem.ts'

interface Operation {
  operationId: string
  tags: string[]
}

export function referencePage(base: string, networkName: string, t: Translate, locale: Locale) {
  const endpoints = Object.entries(openApiDocument.paths as Record<string, { get: Operation }>).map(([path, item]) => ({
    path,
    tag: item.get.tags[0],
    // What it gives, as the page says it: `api.endpoint.<operationId>` (the files' formats are told in full further down).
    text: t(`api.endpoint.${item.get.operationId}`),
  }))
  const endpointRows = (list: typeof endpoints) => list.map((e) => [{ html: `<code>GET ${addressHtml(urlIn(locale, e.path))}</code>` }, { text: e.text }])
  // The files and the feed have a version in each language; the JSON API's addresses are the same in both.
  const example = (path: string) => {
    const address = urlIn(locale, path)
    return { html: addressHtml(`${base}${address}`), href: address }
  }
  // The Welsh CSV's header row is in Welsh: the page shows it under each key.
  const columnCell = (name: (typeof exportColumns)[number]['name']) => {
    const header = csvHeaderName(t, name)
    return { html: `<code>${escapeHtml(name)}</code>${header === name ? '' : `<br>${escapeHtml(header)}`}` }
  }
  // A Welsh program asks under /cy/api/ for Welsh problems (the answers are otherwise the same).
  const apiPrefix = locale === 'en' ? '' : `/${locale}`
  const perPageProblem = problem(400, t('api.problem.perPage', { max: maxPerPage }), `${apiPrefix}/api/v1/case-studies?per_page=1000`, t)
  return {
    networkName,
    leniencyNote: leniencyNoteIn(t),
    feedSize,
    listSeparator,
    apiRows: endpointRows(endpoints.filter((e) => e.tag === 'API')),
    fileRows: endpointRows(endpoints.filter((e) => e.tag !== 'API')),
    parameterRows: searchParameters.map((p) => [
      { html: `<code>${escapeHtml(p.name)}</code>` },
      { text: parameterDescription(t, p) },
      { html: `<code>${escapeHtml(p.example)}</code>` },
    ]),
    columnRows: exportColumns.map((c) => [columnCell(c.name), { text: columnDescription(t, c.name) }]),
    examples: {
      search: example('/api/v1/case-studies?q=energy&principle=enterprise-and-social-economy&per_page=5'),
      one: example('/api/v1/case-studies/solar-on-public-roofs-through-a-community-energy-co-operative'),
      principles: example('/api/v1/principles'),
      members: example('/api/v1/members'),
      csv: example('/case-studies.csv?nation=scotland&nation=wales'),
      json: example('/case-studies.json?kind=policy-lab&sort=title'),
      feed: example('/case-studies.atom?principle=co-production'),
      openapi: example('/api/openapi.json'),
    },
    exampleResponse: JSON.stringify(exampleSearchResponse, null, 2),
    exampleProblem: JSON.stringify(perPageProblem, null, 2),
  }
}
