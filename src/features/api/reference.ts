// The /api page's content, from the same lists the OpenAPI document and the files use. Pure.
import { addressHtml, escapeHtml } from '../../lib/html.ts'
import { exportColumns, listSeparator } from './export-columns.ts'
import { feedSize } from './feed-entries.ts'
import { exampleSearchResponse, openApiDocument } from './openapi.ts'
import { leniencyNote, searchParameters } from './search-parameter-docs.ts'
import { problem } from './problem.ts'

interface Operation {
  summary: string
  description?: string
  tags: string[]
}

export function referencePage(base: string, networkName: string) {
  const endpoints = Object.entries(openApiDocument.paths as Record<string, { get: Operation }>).map(([path, item]) => ({
    path,
    tag: item.get.tags[0],
    summary: item.get.summary,
    description: item.get.description ?? '',
  }))
  // The files' formats are told in full further down the page: their rows say only what they are.
  const endpointRows = (list: typeof endpoints, detailed: boolean) =>
    list.map((e) => [{ html: `<code>GET ${addressHtml(e.path)}</code>` }, { text: detailed ? `${e.summary}. ${e.description}`.trim() : `${e.summary}.` }])
  const example = (path: string) => ({ html: addressHtml(`${base}${path}`), href: path })
  return {
    networkName,
    description: `Case studies, principles and members of ${networkName} as JSON, CSV and Atom: endpoints, parameters, columns and terms.`,
    leniencyNote,
    feedSize,
    listSeparator,
    apiRows: endpointRows(
      endpoints.filter((e) => e.tag === 'API'),
      true,
    ),
    fileRows: endpointRows(
      endpoints.filter((e) => e.tag !== 'API'),
      false,
    ),
    parameterRows: searchParameters.map((p) => [
      { html: `<code>${escapeHtml(p.name)}</code>` },
      { text: p.description + (p.apiOnly ? ' (API only.)' : p.repeatable ? ' (Repeatable.)' : '') },
      { html: `<code>${escapeHtml(p.example)}</code>` },
    ]),
    columnRows: exportColumns.map((c) => [{ html: `<code>${escapeHtml(c.name)}</code>` }, { text: c.description }]),
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
    exampleProblem: JSON.stringify(problem(400, 'per_page must be a whole number from 1 to 100.', '/api/v1/case-studies?per_page=1000'), null, 2),
  }
}
