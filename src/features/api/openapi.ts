// The OpenAPI 3.1 description of the open data: the JSON API, the exports and the feed. Every
// response has a JSON Schema; the contract test calls each path and checks the answer against it.
import { caseStudyKinds, membershipTiers, organisationKinds, organisationRoles } from '../../db/schema/enums.ts'
import { sortOrders } from '../search/query-string.ts'
import { englishColumnDescription, exportColumns, listSeparator } from './export-columns.ts'
import { feedSize } from './feed-entries.ts'
import { leniencyNote, searchParameters } from './search-parameter-docs.ts'

/** Shown on the /api page and checked against the schema by the tests. */
export const exampleSearchResponse = {
  total: 1,
  page: 1,
  perPage: 20,
  totalPages: 1,
  sort: 'relevance',
  results: [
    {
      slug: 'solar-on-public-roofs-through-a-community-energy-co-operative',
      url: 'https://coophub.example.org/case-studies/solar-on-public-roofs-through-a-community-energy-co-operative',
      title: 'Solar on public roofs through a community energy co-operative',
      summary: 'Residents own the panels on school and library roofs.',
      kind: 'project',
      yearStart: 2022,
      yearEnd: 2024,
      publishedAt: '2024-10-08T00:00:00.000Z',
      lead: { slug: 'northbrook-city-council', name: 'Northbrook City Council' },
      participants: [],
      principles: [{ slug: 'enterprise-and-social-economy', shortName: 'Enterprise and social economy' }],
      themes: [{ slug: 'climate-and-energy', name: 'Climate and energy' }],
    },
  ],
  facets: [{ param: 'kind', label: 'Kind', values: [{ value: 'project', label: 'Project', count: 1, selected: false }] }],
  messages: [],
  suggestion: null,
  links: {
    self: 'https://coophub.example.org/api/v1/case-studies?q=solar',
    html: 'https://coophub.example.org/case-studies?q=solar',
  },
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
const nullable = (type: string, extra: Record<string, unknown> = {}) => ({ type: [type, 'null'], ...extra })
const object = (properties: Record<string, unknown>, description?: string) => ({
  type: 'object',
  ...(description ? { description } : {}),
  required: Object.keys(properties),
  additionalProperties: false,
  properties,
})
const arrayOf = (items: unknown) => ({ type: 'array', items })
const url = { type: 'string', format: 'uri' }
const slug = { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' }
const dateTime = nullable('string', { format: 'date-time' })

const json = (schema: unknown, description: string, example?: unknown) => ({
  description,
  content: { 'application/json': { schema, ...(example ? { example } : {}) } },
})
const problemResponse = (description: string) => ({ description, content: { 'application/problem+json': { schema: ref('Problem') } } })

function queryParameters(forExports: boolean) {
  return searchParameters
    .filter((p) => !(forExports && p.apiOnly))
    .map((p) => ({
      name: p.name,
      in: 'query',
      required: false,
      description: p.description,
      ...(p.repeatable ? { style: 'form', explode: true, schema: arrayOf(p.schema), example: [p.example] } : { schema: p.schema, example: p.example }),
    }))
}

/** What a case study is in a list and on its own. */
const caseStudyCore = {
  slug,
  url,
  title: { type: 'string' },
  summary: { type: 'string' },
  kind: { type: 'string', enum: [...caseStudyKinds] },
  yearStart: nullable('integer'),
  yearEnd: nullable('integer'),
  publishedAt: dateTime,
}

const caseStudySummary = object({
  ...caseStudyCore,
  lead: { oneOf: [ref('LinkedName'), { type: 'null' }] },
  participants: arrayOf(ref('LinkedName')),
  principles: arrayOf(ref('PrincipleName')),
  themes: arrayOf(ref('LinkedName')),
})

const exportRecordProperties: Record<string, unknown> = {}
for (const c of exportColumns) {
  const description = englishColumnDescription(c.name)
  exportRecordProperties[c.name] = c.list
    ? { ...arrayOf({ type: 'string' }), description }
    : c.name === 'year_start' || c.name === 'year_end'
      ? nullable('integer', { description })
      : c.name === 'lead_member'
        ? nullable('string', { description })
        : c.name === 'published_at'
          ? { ...dateTime, description }
          : c.name === 'url'
            ? { ...url, description }
            : { type: 'string', description }
}

const columnList = exportColumns.map((c) => `${c.name}${c.list ? ` (names joined with "${listSeparator}")` : ''}`).join(', ')

const document = {
  openapi: '3.1.0',
  info: {
    title: 'coophub open data',
    version: '1.0.0',
    description: [
      'Published case studies of the network, its principles and its members, as JSON, CSV and Atom. No key or sign-in; every response allows any origin (CORS).',
      leniencyNote,
      'Errors are RFC 9457 problem details (application/problem+json): a 400 for a parameter a program should not send (per_page), a 404 for an unknown case study or any unknown /api address.',
      'Each address may make a set number of requests a minute to the API, the exports and the feed together (600 unless the site sets OPEN_DATA_REQUESTS_PER_MINUTE otherwise): beyond it they answer 429 with Retry-After, the seconds until the next minute begins. The exports give every result in one request.',
    ].join('\n\n'),
  },
  servers: [{ url: '/' }],
  tags: [
    { name: 'API', description: 'JSON, versioned under /api/v1.' },
    { name: 'Exports and feed', description: 'The search page’s filters as files: every page of results, in its order.' },
  ],
  paths: {
    '/api/v1/case-studies': {
      get: {
        tags: ['API'],
        operationId: 'searchCaseStudies',
        summary: 'Search published case studies',
        description: 'The same search as the /case-studies page, a page at a time, with facet counts.',
        parameters: queryParameters(false),
        responses: {
          '200': json(ref('CaseStudyList'), 'A page of results.', exampleSearchResponse),
          '400': problemResponse('per_page is not a whole number from 1 to 100.'),
        },
      },
    },
    '/api/v1/case-studies/{slug}': {
      get: {
        tags: ['API'],
        operationId: 'getCaseStudy',
        summary: 'One published case study',
        description: 'Everything its public page shows. The contact’s email and phone only when they agreed to publish them.',
        parameters: [{ name: 'slug', in: 'path', required: true, schema: slug, example: 'solar-on-public-roofs-through-a-community-energy-co-operative' }],
        responses: {
          '200': json(ref('CaseStudy'), 'The case study.'),
          '404': problemResponse('No published case study has this slug.'),
        },
      },
    },
    '/api/v1/principles': {
      get: {
        tags: ['API'],
        operationId: 'listPrinciples',
        summary: 'The network’s principles',
        description: 'In the network’s order, with the number of published case studies meeting each.',
        responses: { '200': json(ref('PrincipleList'), 'Every principle.') },
      },
    },
    '/api/v1/members': {
      get: {
        tags: ['API'],
        operationId: 'listMembers',
        summary: 'Member organisations',
        description:
          'Organisations with a membership tier (full, associate, affiliate or supporter), by name, with the day each became a member and the number of published case studies each led or took part in. Partners and funders that are not members, and former members, are left out. No financial data: fees, invoices and the figures fees are worked out from are not published.',
        responses: { '200': json(ref('MemberList'), 'Every member.') },
      },
    },
    '/api/v1/insights/coverage': {
      get: {
        tags: ['API'],
        operationId: 'getCoverage',
        summary: 'Coverage of the library',
        description:
          'How many published case studies meet each principle in each year (from the first year with a case study, at most ten years back, to this year), come from each nation and region, and from each member tier by kind; and the principles least covered this year. Every figure carries `search`, the address of the search whose total it is (the website at /insights shows the same figures). Both language versions of a translated case study count, as in /api/v1/case-studies.',
        responses: { '200': json(ref('Coverage'), 'The coverage now.') },
      },
    },
    '/api/openapi.json': {
      get: {
        tags: ['API'],
        operationId: 'getOpenApiDocument',
        summary: 'This document',
        responses: { '200': json({ type: 'object' }, 'The OpenAPI 3.1 document.') },
      },
    },
    '/case-studies.csv': {
      get: {
        tags: ['Exports and feed'],
        operationId: 'exportCsv',
        summary: 'Every case study of a search, as CSV',
        description: `RFC 4180, UTF-8 without a byte-order mark, CRLF line ends, every cell quoted, a header row. Columns: ${columnList}. A text cell starting with = + - @, a tab or a carriage return gets a leading single quote, so spreadsheets do not run it as a formula.`,
        parameters: queryParameters(true),
        responses: { '200': { description: 'The CSV file (an attachment, case-studies.csv).', content: { 'text/csv': { schema: { type: 'string' } } } } },
      },
    },
    '/case-studies.json': {
      get: {
        tags: ['Exports and feed'],
        operationId: 'exportJson',
        summary: 'Every case study of a search, as JSON',
        description: 'An array of objects with the CSV’s columns as keys; lists are arrays of names.',
        parameters: queryParameters(true),
        responses: { '200': json(arrayOf(ref('ExportRecord')), 'The JSON file (an attachment, case-studies.json).') },
      },
    },
    '/case-studies.atom': {
      get: {
        tags: ['Exports and feed'],
        operationId: 'feed',
        summary: 'An Atom feed of a search',
        description: `The ${feedSize} most recently published case studies matching the filters (sort and page are ignored), as Atom (RFC 4287); each entry’s categories are its principles.`,
        parameters: queryParameters(true),
        responses: { '200': { description: 'The feed.', content: { 'application/atom+xml': { schema: { type: 'string' } } } } },
      },
    },
  },
  components: {
    schemas: {
      LinkedName: object({ slug, name: { type: 'string' } }),
      PrincipleName: object({ slug, shortName: { type: 'string' } }),
      CaseStudySummary: caseStudySummary,
      FacetValue: object({
        value: { type: 'string', description: 'The value to give the facet’s parameter.' },
        label: { type: 'string' },
        count: { type: 'integer', minimum: 0, description: 'Case studies this value would show, with the other filters.' },
        selected: { type: 'boolean' },
      }),
      Facet: object({ param: { type: 'string', description: 'The query parameter.' }, label: { type: 'string' }, values: arrayOf(ref('FacetValue')) }),
      CaseStudyList: {
        ...object({
          total: { type: 'integer', minimum: 0 },
          page: { type: 'integer', minimum: 1 },
          perPage: { type: 'integer', minimum: 1, maximum: 100 },
          totalPages: { type: 'integer', minimum: 1 },
          sort: { type: 'string', enum: [...sortOrders] },
          results: arrayOf(ref('CaseStudySummary')),
          facets: arrayOf(ref('Facet')),
          messages: { ...arrayOf({ type: 'string' }), description: 'What the search could not use, in plain words.' },
          suggestion: { oneOf: [object({ q: { type: 'string' }, href: url }, 'A spelling that finds more.'), { type: 'null' }] },
          links: {
            type: 'object',
            required: ['self', 'html'],
            additionalProperties: false,
            properties: { self: url, next: url, prev: url, html: { ...url, description: 'The same search on the website.' } },
          },
        }),
      },
      CaseStudy: object({
        ...caseStudyCore,
        body: { type: 'string', description: 'Markdown. Render it with raw HTML off, as the site does.' },
        outcomes: { type: 'string', description: 'Markdown; empty when none.' },
        lead: { oneOf: [ref('LinkedName'), { type: 'null' }] },
        organisations: arrayOf(object({ slug, name: { type: 'string' }, role: { type: 'string', enum: [...organisationRoles] } })),
        principles: arrayOf(object({ slug, shortName: { type: 'string' }, statement: { type: 'string' } })),
        themes: arrayOf(ref('LinkedName')),
        contact: {
          oneOf: [
            object(
              {
                name: { type: 'string' },
                jobTitle: nullable('string'),
                organisation: { oneOf: [ref('LinkedName'), { type: 'null' }] },
                email: nullable('string', { description: 'Only when the person agreed to publish it.' }),
                phone: nullable('string', { description: 'Only when the person agreed to publish it.' }),
              },
              'Who to ask about the work, as its page shows them.',
            ),
            { type: 'null' },
          ],
        },
        links: object({ self: url, html: url }),
      }),
      PrincipleList: object({
        results: arrayOf(
          object({
            slug,
            shortName: { type: 'string' },
            statement: { type: 'string' },
            order: { type: 'integer', minimum: 1 },
            caseStudyCount: { type: 'integer', minimum: 0 },
            url,
            caseStudies: { ...url, description: 'Its case studies in this API.' },
          }),
        ),
      }),
      MemberList: object({
        results: arrayOf(
          object({
            slug,
            name: { type: 'string' },
            kind: { type: 'string', enum: [...organisationKinds] },
            tier: { type: 'string', enum: membershipTiers.filter((t) => t !== 'none') },
            councilType: nullable('string'),
            nation: nullable('string'),
            region: nullable('string'),
            website: nullable('string', { format: 'uri' }),
            memberSince: nullable('string', {
              format: 'date',
              description: 'The first day of its membership (YYYY-MM-DD); null when the network has no record of it.',
            }),
            caseStudyCount: { type: 'integer', minimum: 0 },
            url,
            caseStudies: { ...url, description: 'Its case studies in this API.' },
          }),
        ),
      }),
      Figure: object({ count: { type: 'integer', minimum: 0 }, search: { ...url, description: 'The search whose total this is.' } }),
      Coverage: object({
        year: { type: 'integer', description: 'This year.' },
        years: arrayOf({ type: 'integer' }),
        total: ref('Figure'),
        leastCovered: {
          oneOf: [
            object(
              { principles: arrayOf(object({ slug, name: { type: 'string' } })), count: { type: 'integer', minimum: 0 } },
              'The principles met by the fewest case studies this year.',
            ),
            { type: 'null' },
          ],
        },
        principles: arrayOf(
          object({
            slug,
            name: { type: 'string' },
            total: ref('Figure'),
            years: arrayOf(object({ year: { type: 'integer' }, count: { type: 'integer', minimum: 0 }, search: url })),
          }),
        ),
        yearTotals: arrayOf(object({ year: { type: 'integer' }, count: { type: 'integer', minimum: 0 }, search: url })),
        nations: arrayOf(object({ slug, name: { type: 'string' }, count: { type: 'integer', minimum: 0 }, search: url })),
        regions: arrayOf(object({ slug, name: { type: 'string' }, count: { type: 'integer', minimum: 0 }, search: url })),
        tiers: arrayOf(
          object({
            tier: { type: 'string', enum: membershipTiers.filter((t) => t !== 'none') },
            total: ref('Figure'),
            kinds: arrayOf(object({ kind: { type: 'string', enum: [...caseStudyKinds] }, count: { type: 'integer', minimum: 0 }, search: url })),
          }),
        ),
        kinds: arrayOf(
          object({
            kind: { type: 'string', enum: [...caseStudyKinds] },
            count: { type: 'integer', minimum: 0 },
            search: url,
            years: arrayOf(object({ year: { type: 'integer' }, count: { type: 'integer', minimum: 0 }, search: url })),
          }),
        ),
      }),
      ExportRecord: object(exportRecordProperties),
      Problem: object(
        {
          type: { type: 'string', format: 'uri-reference' },
          title: { type: 'string' },
          status: { type: 'integer', minimum: 400, maximum: 599 },
          detail: { type: 'string' },
          instance: { type: 'string', format: 'uri-reference' },
        },
        'RFC 9457 problem details.',
      ),
    },
  },
}

const tooManyText = 'Too many requests from this address this minute: try again after Retry-After seconds.'
const tooMany = (path: string) =>
  path.startsWith('/api/')
    ? problemResponse(tooManyText)
    : { description: `${tooManyText} The site’s error page.`, content: { 'text/html': { schema: { type: 'string' } } } }

/** Every operation may answer 429 (the open data's limit per address, src/web/open-data-limit.ts). */
export const openApiDocument = {
  ...document,
  paths: Object.fromEntries(
    Object.entries(document.paths).map(([path, item]) => [
      path,
      Object.fromEntries(
        Object.entries(item).map(([method, operation]) => [method, { ...operation, responses: { ...operation.responses, '429': tooMany(path) } }]),
      ),
    ]),
  ),
}
