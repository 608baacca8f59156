import type { Database } from '../../db/client.ts'
import { buildFacets, resolveFacets } from './facets.ts'
import { loadFacetVocabulary } from './facet-vocabulary.ts'
import { loadHitLinks } from './hit-links.ts'
import { effectiveSort, parseSearchParams, searchHref } from './search-params.ts'
import type { SearchParams } from './search-params.ts'
import { loadSearchEngine } from './search-engine.ts'
import type { SearchEngine } from './search-engine.ts'
import { findRows, hasSearchableWords } from './search-query.ts'
import type { SearchCriteria } from './search-query.ts'
import type { SearchOutcome } from './search-types.ts'
import { findSuggestion } from './suggest-query.ts'

export interface SearchDeps {
  db: Database
  /** Remembers a value until content changes (the page cache's memo in the app). */
  memo: <T>(key: string, load: () => Promise<T>) => Promise<T>
}

export interface SearchOptions {
  pageSize?: number
  /** ts_headline snippets for the rows shown (the page); the API and feeds skip them. */
  snippets?: boolean
  now?: Date
}

/** Results this few or fewer, and a closer spelling is offered. */
const fewResults = 2

/**
 * A search from its address to everything the page, the feed and the API show: the page of
 * results in the order asked, exact facet counts, and "did you mean" when the text finds little.
 * Never throws for bad input: what it could not use is explained in `messages`.
 */
export async function runSearch(deps: SearchDeps, raw: Record<string, unknown>, options: SearchOptions = {}): Promise<SearchOutcome> {
  const { db } = deps
  const pageSize = options.pageSize ?? 10
  const parsed = parseSearchParams(raw, options.now)
  const vocabulary = await deps.memo('facet-vocabulary', () => loadFacetVocabulary(db))
  const resolved = resolveFacets(parsed.params, vocabulary)
  const params: SearchParams = resolved.params
  const messages = [...parsed.messages, ...resolved.messages]

  const textUsed = params.q !== '' && (await deps.memo(`searchable:${params.q}`, () => hasSearchableWords(db, params.q)))
  const queryIgnored = params.q !== '' && !textUsed
  if (queryIgnored) messages.push(`“${params.q}” has no words we can search for (very common words are left out), so we show every case study.`)
  const criteria: SearchCriteria = { q: textUsed ? params.q : '', keys: resolved.keys }
  const sort = effectiveSort(params, textUsed)

  const engine = await deps.memo('search-engine', () => loadSearchEngine(db))
  const found = await countMatches(engine, criteria)
  const totalPages = Math.max(1, Math.ceil(found.total / pageSize))
  if (params.page > totalPages && found.total > 0) {
    messages.push(`There ${totalPages === 1 ? 'is only 1 page' : `are only ${totalPages} pages`} of results.`)
  }
  const ids = engine.index.page(found.passing, sort, found.matches, (params.page - 1) * pageSize, pageSize)
  const rows = await findRows(db, ids, criteria.q, options.snippets ?? true)
  const links = await loadHitLinks(db, rows.map((r) => r.id))

  let suggestion: SearchOutcome['suggestion'] = null
  if (textUsed && found.total <= fewResults) {
    const better = await findSuggestion(db, criteria, found.total, async (q) => (await countMatches(engine, { ...criteria, q })).total)
    if (better) suggestion = { q: better, href: searchHref(params, { q: better, page: 1 }) }
  }

  return {
    params,
    messages,
    total: found.total,
    pageSize,
    totalPages,
    sort,
    hits: rows.map((r) => ({ ...r, ...(links.get(r.id) ?? { lead: null, participants: [], principles: [], themes: [] }) })),
    facets: buildFacets(found.counts, resolved),
    suggestion,
    queryIgnored,
  }
}

/** The matches of the text (every published case study without one), filtered and counted in memory. */
async function countMatches(engine: SearchEngine, criteria: SearchCriteria) {
  const matches = criteria.q === '' ? null : await engine.matches(criteria.q)
  return { matches, ...engine.index.count(matches, criteria.keys) }
}
