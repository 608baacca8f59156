import { demoCaseStudies } from '../../src/features/demo/content/case-studies.ts'

/** Seconds per measured load run: BENCH_DURATION (1–60), 10 by default. */
export const durationS = Math.max(1, Math.min(60, Number(process.env.BENCH_DURATION ?? 10) || 10))
export const connections = 20
export const backgroundConnections = 10
/**
 * The stall check's search load, the same on both databases: about what one embedded database
 * can answer on this machine, so it measures whether searching blocks the server, not how much
 * more work the faster database takes on.
 */
export const backgroundSearchesPerSecond = 50

const caseStudy = demoCaseStudies.find((c) => (c.status ?? 'published') === 'published')!
export const casePath = `/case-studies/${caseStudy.slug}`
/** "co-operative" occurs in several demo case studies. */
export const searchPath = '/case-studies?q=co-operative'
export const backgroundSearches = [
  'co-operative',
  'council',
  'community energy',
  'housing',
  'young people',
  'library',
  'care workers',
  'participatory budgeting',
  'food',
  'procurement',
  'allotment',
  'residents',
].map((q) => `/case-studies?q=${encodeURIComponent(q)}`)

export const percent = (part: number, whole: number): number => (whole > 0 ? (100 * part) / whole : 0)
