// The coverage's counts from the search engine's facet index: the count of every published case
// study, of each principle (its years), each tier (its kinds) and each kind (its years), and how
// many principles each case study meets, all in one pass over the index (countSearches). No SQL
// over case studies: each figure is, by construction, what the search it links to counts, and the
// page cache's memo keeps the result until content changes (the engine is told of a change first).
import { caseStudyKinds, type CaseStudyKind } from '../../db/schema/enums.ts'
import { loadFacetVocabulary } from '../search/facet-vocabulary.ts'
import { searchableTiers, type SearchableTier } from '../search/query-string.ts'
import { countSearches, liveSearchEngine, type SearchCounts, type SearchDeps } from '../search/run-search.ts'
import { buildCoverage, type Coverage } from './rules/coverage.ts'

/** Years the heat table shows, ending this year. */
export const yearsSpan = 10

export interface InsightCounts {
  coverage: Coverage
  /** Published case studies (as the coverage counts them) by how many principles they meet. */
  principlesPerCaseStudy: Array<{ principles: number; caseStudies: number }>
  /** Counted while the engine was catching up with a large change: neither memoised nor for the page cache. */
  stale: boolean
}

const none: SearchCounts = { total: 0, facets: [] }

export async function insightCountsOf(deps: SearchDeps, language: 'en' | 'cy' | undefined, now: Date = new Date()): Promise<InsightCounts> {
  const year = now.getUTCFullYear()
  // Counts of an engine catching up would be kept until the next change, long after it caught up.
  const key = `insights:counts:${language ?? 'both'}:${year}`
  return (await liveSearchEngine(deps)).current().stale ? count() : deps.memo(key, count)

  async function count(): Promise<InsightCounts> {
    const vocabulary = await deps.memo('facet-vocabulary', () => loadFacetVocabulary(deps.db))
    const slugs = vocabulary.principles.map((p) => p.slug)
    const counted = await countSearches(
      deps,
      { principles: slugs, tiers: searchableTiers, kinds: caseStudyKinds },
      // What the coverage reads of those searches: years by principle and by kind, kinds by tier.
      ['years', 'kinds'],
      'principles',
      language ? { language, now } : { now },
    )
    const of = <T extends string>(list: 'principles' | 'tiers' | 'kinds', values: readonly T[]) =>
      new Map(values.map((v) => [v, counted.by.get(list)?.get(v) ?? none]))
    const coverage = buildCoverage({
      year,
      span: yearsSpan,
      principles: vocabulary.principles.map((p) =>
        p.shortNameCy ? { value: p.slug, label: p.shortName, labelCy: p.shortNameCy } : { value: p.slug, label: p.shortName },
      ),
      all: counted.all,
      byPrinciple: of('principles', slugs),
      byTier: of<SearchableTier>('tiers', searchableTiers),
      byKind: of<CaseStudyKind>('kinds', caseStudyKinds),
    })
    const principlesPerCaseStudy = counted.histogram.flatMap((caseStudies, principles) => (caseStudies > 0 ? [{ principles, caseStudies }] : []))
    return { coverage, principlesPerCaseStudy, stale: counted.stale }
  }
}

export async function coverageOf(deps: SearchDeps, language: 'en' | 'cy' | undefined, now: Date = new Date()): Promise<Coverage> {
  return (await insightCountsOf(deps, language, now)).coverage
}
