// The query mix: distinct search addresses (so the page cache never answers one), drawn with a
// seeded generator from the benchmark vocabulary and the filter values the database holds.
import { caseStudyKinds } from '../../src/db/schema/enums.ts'
import type { FilterValues } from './search-data.ts'
import { benchCommonWords, benchPhrases, benchRareWords } from './search-vocabulary.ts'

export const queryKinds = [
  'common word',
  'rare word',
  'phrase in quotes',
  'two words',
  'either word (or)',
  'word, excluding another (-word)',
  'word + one filter',
  'filters only, no words',
  'word, sorted (newest, oldest, title) or page 2',
] as const
export type QueryKind = (typeof queryKinds)[number]

/** Share of the mix per kind, in the order above (the last kind takes what is left). */
const shares = [0.125, 0.125, 0.125, 0.08, 0.08, 0.08, 0.17, 0.125]

export interface SearchAddress {
  kind: QueryKind
  /** The query string, without "?". */
  query: string
  /** `/case-studies?<query>`. */
  path: string
}

/** Mulberry32: the same seed gives the same mix on every run and machine. */
function generator(seed: number): <T>(items: readonly T[]) => T {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return (items) => {
    if (items.length === 0) throw new Error('nothing to pick from')
    return items[Math.floor(next() * items.length)]!
  }
}

type Pair = [string, string]

function filterMaker(values: FilterValues, pick: ReturnType<typeof generator>): () => Pair {
  const makers: Array<() => Pair> = [() => ['kind', pick(caseStudyKinds)], () => ['tier', 'full']]
  if (values.principles.length) makers.push(() => ['principle', pick(values.principles)])
  if (values.members.length) makers.push(() => ['member', pick(values.members)])
  if (values.themes.length) makers.push(() => ['theme', pick(values.themes)])
  if (values.nations.length) makers.push(() => ['nation', pick(values.nations)])
  if (values.years.length) makers.push(() => ['year', String(pick(values.years))])
  return () => pick(makers)()
}

/** `count` distinct addresses, in a shuffled but fixed order, each kind its share of them. */
export function buildAddresses(values: FilterValues, count: number, seed: number): SearchAddress[] {
  const pick = generator(seed)
  const filter = filterMaker(values, pick)
  const common = (): string => pick(benchCommonWords)
  const rare = (): string => pick(benchRareWords)
  /** Two different words, the second drawn with `draw` and written after `join` ("-" to exclude it). */
  const twoWords = (word: string, draw: () => string, join = ''): string => {
    let other = draw()
    for (let n = 0; other === word && n < 20; n++) other = draw()
    return `${word} ${join}${other}`
  }
  const make: Record<QueryKind, () => Pair[]> = {
    'common word': () => [['q', common()]],
    'rare word': () => [['q', rare()]],
    'phrase in quotes': () => [['q', `"${pick(benchPhrases)}"`]],
    'two words': () => [['q', twoWords(common(), pick([common, rare]))]],
    'either word (or)': () => [['q', twoWords(pick([common, rare])(), rare, 'or ')]],
    'word, excluding another (-word)': () => [['q', twoWords(common(), pick([common, rare]), '-')]],
    'word + one filter': () => [['q', pick([common, common, rare])()], filter()],
    'filters only, no words': () => {
      const first = filter()
      const second = filter()
      const pairs = pick([true, false]) && second.join('=') !== first.join('=') ? [first, second] : [first]
      return pick([true, false]) ? [...pairs, ['sort', pick(['newest', 'title'])]] : pairs
    },
    'word, sorted (newest, oldest, title) or page 2': () => {
      const q: Pair = ['q', pick([common, common, rare, () => `"${pick(benchPhrases)}"`])()]
      return pick([
        [q, ['sort', 'newest']],
        [q, ['sort', 'title']],
        [q, ['page', '2']],
        [q, ['sort', 'oldest']],
      ] as Pair[][])
    },
  }

  const seen = new Set<string>()
  const addresses: SearchAddress[] = []
  /** Adds one new address of `kind`; false when `tries` draws found none. */
  const add = (kind: QueryKind, tries = 200): boolean => {
    for (let attempt = 0; attempt < tries; attempt++) {
      const query = new URLSearchParams(make[kind]()).toString()
      if (seen.has(query)) continue
      seen.add(query)
      addresses.push({ kind, query, path: `/case-studies?${query}` })
      return true
    }
    return false
  }
  let assigned = 0
  for (const [n, kind] of queryKinds.entries()) {
    const quota = n < shares.length ? Math.round(count * shares[n]!) : count - assigned
    assigned += quota
    for (let made = 0; made < quota && add(kind); made++);
  }
  // A small vocabulary runs out of single words and phrases: the combinations make up the rest.
  const combinations = queryKinds.slice(3)
  for (let n = 0, stuck = 0; addresses.length < count && stuck < combinations.length; n++) {
    stuck = add(combinations[n % combinations.length]!) ? 0 : stuck + 1
  }
  if (addresses.length < count) console.log(`    note: only ${addresses.length} distinct addresses could be made (wanted ${count})`)

  // Mixed order, so that no stretch of a pass is all one kind.
  const order = addresses.map((a, i) => ({ a, key: Math.imul(i + 1, 0x9e3779b1) >>> 0 }))
  return order.sort((x, y) => x.key - y.key).map((o) => o.a)
}

/**
 * Addresses to warm a server or connection up with: every kind of search in turn (words, a phrase,
 * filters, sorts, page 2, "or", "-word"), so that the code of each has run before the mix is timed,
 * as on a server that has been answering. None shares its text with `mix` (the texts have three
 * words or more where the mix has at most two, and filters alone come three at a time where the mix
 * has at most two), so nothing they leave in the search's memo serves the mix.
 */
export function buildWarmUp(mix: SearchAddress[], values: FilterValues, count: number, seed: number): SearchAddress[] {
  const pick = generator(seed ^ 0x5bd1e995)
  const filter = filterMaker(values, pick)
  const used = new Set(mix.map((a) => new URLSearchParams(a.query).get('q')))
  const three = (): string => `${pick(benchCommonWords)} ${pick(benchCommonWords)} ${pick(benchRareWords)}`
  const makers: Array<() => Pair[]> = [
    () => [['q', three()]],
    () => [['q', `"${three()}"`]],
    () => [['q', three()], filter()],
    () => [filter(), filter(), filter()],
    () => [
      ['q', three()],
      ['sort', pick(['newest', 'oldest', 'title'])],
    ],
    () => [
      ['q', three()],
      ['page', '2'],
    ],
    () => [['q', `${pick(benchCommonWords)} ${pick(benchCommonWords)} or ${pick(benchRareWords)}`]],
    () => [['q', `${pick(benchCommonWords)} ${pick(benchCommonWords)} -${pick(benchCommonWords)}`]],
  ]
  const warmUp: SearchAddress[] = []
  const seen = new Set<string>()
  for (let attempt = 0; warmUp.length < count && attempt < count * 200; attempt++) {
    const pairs = makers[warmUp.length % makers.length]!()
    const q = pairs.find(([name]) => name === 'q')?.[1] ?? null
    const query = new URLSearchParams(pairs).toString()
    if (used.has(q) || seen.has(query)) continue
    seen.add(query)
    warmUp.push({ kind: 'two words', query, path: `/case-studies?${query}` })
  }
  return warmUp
}
