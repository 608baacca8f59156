import type { Database } from '../../db/client.ts'
import { buildFacets, listOfKey, resolveFacets } from './facets.ts'
import { loadFacetVocabulary } from './facet-vocabulary.ts'
import { widenCompounds } from './compound-words.ts'
import { effectiveSort, paramNames, parseSearchParams, searchHref, searchMessageInEnglish } from './query-string.ts'
import type { ListParam, SearchMessage, SearchParams } from './query-string.ts'
import { LiveSearchEngine } from './live-search-engine.ts'
import type { SearchEngine, TextQuery } from './search-engine.ts'
import { findRows, readTsquery } from './search-query.ts'
import type { SearchCriteria, SearchHit, SearchOutcome } from './search-types.ts'
import { closestKnownWords } from './suggest-query.ts'
import { findSuggestion } from './suggest.ts'
import { plainLexeme, readPlainQuery } from './plain-query.ts'
import { highlighterOf, plainText, snippetOf } from './snippet.ts'
import { parseTsquery } from './tsquery-text.ts'

export interface SearchDeps {
  db: Database
  /**
   * Remembers a value until content changes (the page cache's memo in the app); the search
   * engine, which follows changes itself, for good.
   */
  memo: <T>(key: string, load: () => Promise<T>) => Promise<T>
  /** Told of what fails while the engine reads changes in the background (it keeps answering). */
  onEngineError?: (error: unknown) => void
}

export interface SearchOptions {
  pageSize?: number
  /** Snippets of the rows shown (the page); the API and feeds skip them. */
  snippets?: boolean
  /** Most recently published first whatever the address asks (a feed). */
  order?: 'published'
  /**
   * Forgive the text as a person's search box does (the search page): when every word together
   * finds nothing or very little, show what has some of them; when it finds nothing and a closer
   * spelling finds some, show those. The API, feeds and exports search exactly what they are given.
   */
  forgiving?: boolean
  /**
   * The page's language: of a translated case study whose versions both match, the listing keeps
   * the version in this language (counts and pages too). The API, feeds and exports list both.
   */
  language?: 'en' | 'cy'
  now?: Date
}

/** Results this few or fewer, and a closer spelling is offered. */
const fewResults = 2

const engineKey = 'search-engine'

/** The live search engine, read the first time it is asked for (seconds in a large library: docs/benchmarks.md). */
export function liveSearchEngine(deps: SearchDeps): Promise<LiveSearchEngine> {
  return deps.memo(engineKey, () => LiveSearchEngine.start(deps.db, deps.onEngineError ? { onError: deps.onEngineError } : {}))
}

/** Builds the search engine now, for a server that has just started: otherwise its first reader waits for it. */
export function prepareSearchEngine(deps: SearchDeps): Promise<unknown> {
  return liveSearchEngine(deps)
}

/** Everything a search needs before it reads rows: its parameters, messages, matches and counts. */
async function prepareSearch(deps: SearchDeps, raw: Record<string, unknown>, options: SearchOptions) {
  const { db } = deps
  const parsed = parseSearchParams(raw, options.now)
  const vocabulary = await deps.memo('facet-vocabulary', () => loadFacetVocabulary(db))
  const resolved = resolveFacets(parsed.params, vocabulary)
  const params: SearchParams = resolved.params
  const messages: SearchMessage[] = [...parsed.messages, ...resolved.messages]

  const engine = (await liveSearchEngine(deps)).current()
  const text = params.q === '' ? null : await readText(deps, engine, params.q)
  const textUsed = text !== null
  const queryIgnored = params.q !== '' && !textUsed
  if (queryIgnored) messages.push({ key: 'search.message.queryIgnored', values: { q: params.q } })
  const criteria: SearchCriteria = { q: textUsed ? params.q : '', keys: resolved.keys }
  const sort = effectiveSort(params, textUsed)
  const stale = engine.stale
  const found = await countMatches(engine, text, criteria, options.language)
  return { params, messages, resolved, text, textUsed, queryIgnored, criteria, sort, engine, stale, found, order: options.order ?? sort }
}

/** The matches of a text; with `forgiving`, those of some of its terms when all of them find few (`someWords`). */
async function forgivingMatches(engine: SearchEngine, text: TextQuery, criteria: SearchCriteria, forgiving: boolean, language?: 'en' | 'cy') {
  const all = await countMatches(engine, text, criteria, language)
  const some = forgiving && all.total <= fewResults ? engine.matchesSome(text) : null
  if (some) {
    const matches = await some
    const found = { matches, ...engine.index.count(matches, criteria.keys, language) }
    if (found.total > all.total) return { found, someWords: { all: all.total } }
  }
  return { found: all, someWords: null }
}

/**
 * The rows of the ids, in order; with a snippet of each body around the words searched for when
 * `text` is given. A page's rows come through the engine's cache; an export's many rows do not.
 */
async function hitsOf(source: { engine: SearchEngine } | { db: Database }, ids: readonly number[], text: TextQuery | null): Promise<SearchHit[]> {
  const wanted = text?.tree ? highlighterOf(text.tree) : null
  const rows = 'engine' in source ? await source.engine.rowsOf(ids, wanted !== null) : await findRows(source.db, ids, wanted !== null)
  return rows.map(({ body, ...row }) => ({ ...row, headline: wanted && body ? snippetOf(plainText(body), wanted) : null }))
}

/**
 * A search from its address to everything the page, the feed and the API show: the page of
 * results in the order asked, exact facet counts, and "did you mean" when the text finds little.
 * Never throws for bad input: what it could not use is explained in `messages`.
 */
export async function runSearch(deps: SearchDeps, raw: Record<string, unknown>, options: SearchOptions = {}): Promise<SearchOutcome> {
  const { db } = deps
  const pageSize = options.pageSize ?? 10
  const forgiving = options.forgiving ?? false
  const s = await prepareSearch(deps, raw, options)
  const { params, messages, engine, criteria } = s
  let { found, text } = s
  let suggestion: SearchOutcome['suggestion'] = null
  let corrected: SearchOutcome['corrected'] = null
  let someWords: SearchOutcome['someWords'] = null

  if (s.text && found.total <= fewResults) {
    const original = await forgivingMatches(engine, s.text, criteria, forgiving, options.language)
    const countCorrected = async (q: string) => {
      const better = await readText(deps, engine, q)
      return better ? (await forgivingMatches(engine, better, { ...criteria, q }, forgiving, options.language)).found.total : 0
    }
    // A plain word whose lexeme some published case study has is found already: nothing to correct.
    const matches = (word: string) => {
      const lexeme = plainLexeme(word)
      return typeof lexeme === 'string' && engine.index.has(lexeme)
    }
    const better = await findSuggestion(criteria.q, original.found.total, countCorrected, (words) => closestKnownWords(db, words), matches)
    const betterText = better && forgiving && found.total === 0 && !params.asTyped ? await readText(deps, engine, better) : null
    if (better && betterText) {
      ;({ found, someWords } = await forgivingMatches(engine, betterText, { ...criteria, q: better }, forgiving, options.language))
      text = betterText
      corrected = { q: better, asTypedHref: searchHref(params, { asTyped: true, page: 1 }) }
    } else {
      ;({ found, someWords } = original)
      if (better) suggestion = { q: better, href: searchHref(params, { q: better, asTyped: false, page: 1 }) }
    }
  }

  const totalPages = Math.max(1, Math.ceil(found.total / pageSize))
  if (params.page > totalPages && found.total > 0) {
    messages.push({ key: 'search.message.onlyPages', values: { count: totalPages } })
  }
  const ids = engine.index.page(found.passing, s.order, found.matches, (params.page - 1) * pageSize, pageSize)
  // An engine catching up with a large change may hold rows since unpublished: rows come fresh from the database then.
  const hits = await hitsOf(s.stale ? { db } : { engine }, ids, (options.snippets ?? true) ? text : null)

  return {
    params,
    messages: messages.map(searchMessageInEnglish),
    notices: messages,
    total: found.total,
    pageSize,
    totalPages,
    sort: s.sort,
    hits,
    facets: buildFacets(found.counts, s.resolved),
    suggestion,
    corrected,
    someWords,
    queryIgnored: s.queryIgnored,
    stale: s.stale,
  }
}

/**
 * A search's counts without its rows: the total and every facet (insights, the map). Exactly what
 * the search page counts for the same address in the same language, so a figure made from it
 * equals the total of the search it links to.
 */
export async function countSearch(
  deps: SearchDeps,
  raw: Record<string, unknown>,
  options: Pick<SearchOptions, 'language' | 'now'> = {},
): Promise<Pick<SearchOutcome, 'params' | 'total' | 'facets' | 'stale' | 'notices'>> {
  const s = await prepareSearch(deps, raw, options)
  return { params: s.params, total: s.found.total, facets: buildFacets(s.found.counts, s.resolved), stale: s.stale, notices: s.messages }
}

/** A search's total and facets, as countSearch gives them. */
export type SearchCounts = Pick<SearchOutcome, 'total' | 'facets'>

/**
 * The counts of the search with no filter and of each search for one value of the lists in `by`
 * (the values as an address gives them), each exactly what countSearch gives for that address
 * (of the latter, the facets of `columns` and its own list only), in one pass over the engine's
 * index (crossCount) instead of a search each; with the case studies by their number of values of
 * `histogram`. Unknown values count nothing.
 */
export async function countSearches(
  deps: SearchDeps,
  by: Partial<Record<ListParam, readonly string[]>>,
  columns: readonly ListParam[],
  histogram: ListParam,
  options: Pick<SearchOptions, 'language' | 'now'> = {},
): Promise<{ all: SearchCounts; by: Map<ListParam, Map<string, SearchCounts>>; histogram: number[]; stale: boolean }> {
  const vocabulary = await deps.memo('facet-vocabulary', () => loadFacetVocabulary(deps.db))
  const engine = (await liveSearchEngine(deps)).current()
  const lists = Object.keys(by) as ListParam[]
  const counted = engine.index.crossCount(lists, columns, histogram, options.language)
  const resolvedOf = (raw: Record<string, unknown>) => resolveFacets(parseSearchParams(raw, options.now).params, vocabulary)
  const result = new Map<ListParam, Map<string, SearchCounts>>()
  for (const list of lists) {
    const values = new Map<string, SearchCounts>()
    for (const value of by[list] ?? []) {
      const resolved = resolvedOf({ [paramNames[list]]: value })
      const key = resolved.keys[list]?.[0]
      const row = key === undefined ? undefined : counted.rows.get(key)
      // A chosen facet's own values are counted over the matches of the other facets' choices: here, all.
      const counts = new Map([...(row ?? [])].filter(([k]) => listOfKey(k) !== list))
      for (const [k, n] of counted.counts) if (listOfKey(k) === list) counts.set(k, n)
      values.set(value, { total: key === undefined ? 0 : (row?.get(key) ?? 0), facets: buildFacets(counts, resolved) })
    }
    result.set(list, values)
  }
  return {
    all: { total: counted.total, facets: buildFacets(counted.counts, resolvedOf({})) },
    by: result,
    histogram: counted.histogram,
    stale: engine.stale,
  }
}

/**
 * Every match of a search, in its order, a batch at a time: the order is fixed once, when the
 * export starts, so a publish meanwhile neither repeats nor skips a row (one unpublished
 * meanwhile is left out). The address's `page` is ignored.
 */
export async function* allHits(deps: SearchDeps, raw: Record<string, unknown>, batchSize = 100): AsyncGenerator<SearchHit[]> {
  const s = await prepareSearch(deps, raw, {})
  const ids = s.engine.index.page(s.found.passing, s.order, s.found.matches, 0, s.found.total)
  for (let start = 0; start < ids.length; start += batchSize) {
    const hits = await hitsOf({ db: deps.db }, ids.slice(start, start + batchSize), null)
    if (hits.length > 0) yield hits
  }
}

/**
 * The text as PostgreSQL reads it (plain words read here, anything else asked of it once per text
 * until content changes), with the other forms of its compound words that the engine's case
 * studies use (compound-words.ts); null when it has no searchable word.
 */
async function readText(deps: SearchDeps, engine: SearchEngine, q: string): Promise<TextQuery | null> {
  let tree = readPlainQuery(q)
  if (tree === undefined) {
    const query = await deps.memo(`tsquery:${q}`, () => readTsquery(deps.db, q))
    if (query === '') return null
    tree = parseTsquery(query)
    if (tree === null) return { q, tree: null }
  }
  return tree && { q, tree: widenCompounds(tree, q, (lexeme) => engine.index.has(lexeme)) }
}

/** The matches of the text (every published case study without one), filtered and counted in memory. */
async function countMatches(engine: SearchEngine, text: TextQuery | null, criteria: SearchCriteria, language?: 'en' | 'cy') {
  const matches = text === null ? null : await engine.matches(text)
  return { matches, ...engine.index.count(matches, criteria.keys, language) }
}
