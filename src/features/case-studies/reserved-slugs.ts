/**
 * Paths under /case-studies/ that are pages, not case studies: no case study may take one as its
 * slug, or its page would never be reached (a case study titled "Map" would be /case-studies/map,
 * the hex map of the search). Slug generators start from these as taken.
 */
export const reservedCaseStudySlugs: readonly string[] = ['new', 'map']
