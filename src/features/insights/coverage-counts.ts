// The coverage's counts from the search engine's facet index: one count of every published case
// study, one per principle (its years) and one per tier (its kinds). No SQL: the engine already
// holds every case study's facet keys in memory, and the page cache's memo keeps the result until
// content changes.
import { caseStudyKinds, type CaseStudyKind } from '../../db/schema/enums.ts'
import { loadFacetVocabulary } from '../search/facet-vocabulary.ts'
import { searchableTiers, type SearchableTier } from '../search/query-string.ts'
import { countSearch, type SearchDeps } from '../search/run-search.ts'
import { buildCoverage, type Counts, type Coverage } from './rules/coverage.ts'

/** Years the heat table shows, ending this year. */
export const yearsSpan = 10

export function coverageOf(deps: SearchDeps, language: 'en' | 'cy' | undefined, now: Date = new Date()): Promise<Coverage> {
  const year = now.getUTCFullYear()
  return deps.memo(`insights:coverage:${language ?? 'both'}:${year}`, async () => {
    const options = language ? { language, now } : { now }
    const vocabulary = await deps.memo('facet-vocabulary', () => loadFacetVocabulary(deps.db))
    const all = await countSearch(deps, {}, options)
    const byPrinciple = new Map<string, Counts>()
    for (const p of vocabulary.principles) byPrinciple.set(p.slug, await countSearch(deps, { principle: p.slug }, options))
    const byTier = new Map<SearchableTier, Counts>()
    for (const tier of searchableTiers) byTier.set(tier, await countSearch(deps, { tier }, options))
    const byKind = new Map<CaseStudyKind, Counts>()
    for (const kind of caseStudyKinds) byKind.set(kind, await countSearch(deps, { kind }, options))
    return buildCoverage({
      year,
      span: yearsSpan,
      principles: vocabulary.principles.map((p) =>
        p.shortNameCy ? { value: p.slug, label: p.shortName, labelCy: p.shortNameCy } : { value: p.slug, label: p.shortName },
      ),
      all,
      byPrinciple,
      byTier,
      byKind,
    })
  })
}
