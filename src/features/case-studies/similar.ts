// Similar case studies: shared themes count most, then shared principles, then similar words in
// the title and summary. Pure: candidates and names come from similar-query.ts.

export interface SimilarCandidate {
  id: number
  slug: string
  title: string
  /** Facet keys of the candidate (case_studies.facet_keys). */
  keys: readonly string[]
  /** ts_rank_cd of its title and summary against this case study's title words (0 to 1). */
  textRank: number
}

export interface SimilarCaseStudy {
  slug: string
  title: string
  /** Why it is listed, in plain words: "Both about Housing", "Both meet Co-production and Innovation". */
  reasons: string[]
}

export interface SimilarityNames {
  principle: (id: string) => string | undefined
  theme: (id: string) => string | undefined
}

// A text rank this high means the titles share a distinctive word, not only a common one.
const TEXT_REASON = 0.05

function list(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
}

export function rankSimilar(myKeys: readonly string[], candidates: readonly SimilarCandidate[], names: SimilarityNames, limit = 5): SimilarCaseStudy[] {
  const mine = new Set(myKeys)
  const scored = candidates.map((c) => {
    const shared = (prefix: string) => c.keys.filter((k) => k.startsWith(prefix) && mine.has(k)).map((k) => k.slice(2))
    const themes = shared('h:')
      .map(names.theme)
      .filter((n): n is string => n !== undefined)
    const principles = shared('p:')
      .map(names.principle)
      .filter((n): n is string => n !== undefined)
    const score = 3 * themes.length + principles.length + 10 * c.textRank
    const reasons = [
      ...(themes.length > 0 ? [`Both about ${list(themes)}`] : []),
      ...(principles.length > 0 ? [`Both meet ${list(principles)}`] : []),
      ...(c.textRank >= TEXT_REASON ? ['A similar title or summary'] : []),
    ]
    return { c, score, reasons }
  })
  return scored
    .filter((s) => s.reasons.length > 0)
    .sort((a, b) => b.score - a.score || a.c.id - b.c.id)
    .slice(0, limit)
    .map((s) => ({ slug: s.c.slug, title: s.c.title, reasons: s.reasons }))
}
