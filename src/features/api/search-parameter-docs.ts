// The search's query parameters, as the API, the exports and the feed take them: one list for the
// OpenAPI document and the /api page. Parsing itself is the search's (query-string.ts).
import { caseStudyKinds } from '../../db/schema/enums.ts'
import { translator, type MessageValues, type Translate } from '../../i18n/catalogue.ts'
import { maxPage, maxQueryLength, maxValuesPerFacet, searchableTiers, sortOrders } from '../search/query-string.ts'
import { defaultPerPage, maxPerPage } from './per-page.ts'

export interface ParameterDoc {
  name: string
  repeatable: boolean
  /** In English, for the OpenAPI document; a page takes parameterDescription in its language. */
  description: string
  /** The values of its message, `api.parameter.<name>`. */
  values?: MessageValues
  example: string
  /** JSON Schema of one value. */
  schema: Record<string, unknown>
  /** Only the JSON API takes it (not the exports or the feed). */
  apiOnly?: boolean
}

const slug = { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' }

const english = translator('en')

/** What a parameter means, in a language: its message, then whether it repeats or is the API's only. */
export function parameterDescription(t: Translate, p: Pick<ParameterDoc, 'name' | 'values' | 'repeatable' | 'apiOnly'>): string {
  const note = p.apiOnly ? 'api.parameter.apiOnly' : p.repeatable ? 'api.parameter.repeatable' : null
  const meaning = t(`api.parameter.${p.name}`, p.values)
  return note ? `${meaning} ${t(note)}` : meaning
}

const documented = (p: Omit<ParameterDoc, 'description'>): ParameterDoc => ({ ...p, description: english(`api.parameter.${p.name}`, p.values) })

export const searchParameters: ParameterDoc[] = (
  [
    {
      name: 'q',
      repeatable: false,
      values: { max: maxQueryLength },
      example: 'community energy',
      schema: { type: 'string' },
    },
    {
      name: 'principle',
      repeatable: true,
      example: 'co-production',
      schema: slug,
    },
    { name: 'kind', repeatable: true, example: 'project', schema: { type: 'string', enum: [...caseStudyKinds] } },
    { name: 'year', repeatable: true, example: '2023', schema: { type: 'integer', minimum: 1900 } },
    {
      name: 'member',
      repeatable: true,
      example: 'northbrook-city-council',
      schema: slug,
    },
    {
      name: 'tier',
      repeatable: true,
      example: 'full',
      schema: { type: 'string', enum: [...searchableTiers] },
    },
    {
      name: 'council-type',
      repeatable: true,
      example: 'metropolitan-district',
      schema: slug,
    },
    { name: 'nation', repeatable: true, example: 'scotland', schema: slug },
    { name: 'region', repeatable: true, example: 'north-west', schema: slug },
    { name: 'theme', repeatable: true, example: 'local-economy', schema: slug },
    {
      name: 'sort',
      repeatable: false,
      example: 'title',
      schema: { type: 'string', enum: [...sortOrders] },
    },
    {
      name: 'page',
      repeatable: false,
      values: { max: maxPage },
      example: '2',
      schema: { type: 'integer', minimum: 1, maximum: maxPage },
      apiOnly: true,
    },
    {
      name: 'per_page',
      repeatable: false,
      values: { max: maxPerPage, default: defaultPerPage },
      example: '50',
      schema: { type: 'integer', minimum: 1, maximum: maxPerPage, default: defaultPerPage },
      apiOnly: true,
    },
  ] satisfies Array<Omit<ParameterDoc, 'description'>>
).map(documented)

/** How the search treats its filters and values it does not know, in a language. */
export const leniencyNoteIn = (t: Translate): string => t('api.parameter.leniency', { max: maxValuesPerFacet })

export const leniencyNote = leniencyNoteIn(english)
