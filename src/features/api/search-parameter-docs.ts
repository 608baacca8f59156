// The search's query parameters, as the API, the exports and the feed take them: one list for the
// OpenAPI document and the /api page. Parsing itself is the search's (query-string.ts).
import { caseStudyKinds } from '../../db/schema/enums.ts'
import { maxPage, maxQueryLength, maxValuesPerFacet, searchableTiers, sortOrders } from '../search/query-string.ts'
import { defaultPerPage, maxPerPage } from './per-page.ts'

export interface ParameterDoc {
  name: string
  repeatable: boolean
  description: string
  example: string
  /** JSON Schema of one value. */
  schema: Record<string, unknown>
  /** Only the JSON API takes it (not the exports or the feed). */
  apiOnly?: boolean
}

const slug = { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' }

export const searchParameters: ParameterDoc[] = [
  {
    name: 'q',
    repeatable: false,
    description: `Words to search for in the title, summary, text and linked names. "Quoted phrases", -word to leave a word out, and "or" work as in web search engines; anything else is plain words. Longer than ${maxQueryLength} characters is cut, with a message.`,
    example: 'community energy',
    schema: { type: 'string' },
  },
  {
    name: 'principle',
    repeatable: true,
    description: 'A principle’s slug (see /api/v1/principles). Several: case studies meeting any of them.',
    example: 'co-production',
    schema: slug,
  },
  { name: 'kind', repeatable: true, description: 'A kind of work.', example: 'project', schema: { type: 'string', enum: [...caseStudyKinds] } },
  { name: 'year', repeatable: true, description: 'A year the work ran in, four digits.', example: '2023', schema: { type: 'integer', minimum: 1900 } },
  {
    name: 'member',
    repeatable: true,
    description: 'An organisation’s slug (see /api/v1/members): work it led or took part in.',
    example: 'northbrook-city-council',
    schema: slug,
  },
  {
    name: 'tier',
    repeatable: true,
    description: 'The membership tier of an organisation that led or took part.',
    example: 'full',
    schema: { type: 'string', enum: [...searchableTiers] },
  },
  {
    name: 'council-type',
    repeatable: true,
    description: 'The type of a council that led or took part, as a slug of its name (as in the facets).',
    example: 'metropolitan-district',
    schema: slug,
  },
  { name: 'nation', repeatable: true, description: 'The nation of an organisation that led or took part, as a slug.', example: 'scotland', schema: slug },
  { name: 'region', repeatable: true, description: 'The region of an organisation that led or took part, as a slug.', example: 'north-west', schema: slug },
  { name: 'theme', repeatable: true, description: 'A theme’s slug (as in the facets).', example: 'local-economy', schema: slug },
  {
    name: 'sort',
    repeatable: false,
    description:
      'The order: relevance (the default with q), newest or oldest (by the year the work started), or title. The exports follow it; the feed is always newest published first.',
    example: 'title',
    schema: { type: 'string', enum: [...sortOrders] },
  },
  {
    name: 'page',
    repeatable: false,
    description: `The page of results, from 1 (at most ${maxPage.toLocaleString('en-GB')}). The exports and the feed ignore it.`,
    example: '2',
    schema: { type: 'integer', minimum: 1, maximum: maxPage },
    apiOnly: true,
  },
  {
    name: 'per_page',
    repeatable: false,
    description: `Results per page, 1 to ${maxPerPage} (default ${defaultPerPage}). Anything else is a 400.`,
    example: '50',
    schema: { type: 'integer', minimum: 1, maximum: maxPerPage, default: defaultPerPage },
    apiOnly: true,
  },
]

export const leniencyNote = `Filters combine with AND; several values of one filter with OR (at most ${maxValuesPerFacet} each). Values the site does not know (a mistyped slug, a year out of range, an unknown sort) are ignored and explained in messages, with a 200, as the search page does.`
