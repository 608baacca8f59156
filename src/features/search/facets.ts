// Facets: how an address's choices become facet keys (see case_studies.facet_keys), and how counts
// per key become the facets a page or the API shows. Pure: the lists of names come in as arguments.
import { caseStudyKinds } from '../../db/schema/enums.ts'
import { kindLabels } from '../case-studies/present.ts'
import { listParams, paramNames, searchableTiers, unknownValueMessage } from './query-string.ts'
import type { ListParam, SearchMessage, SearchParams } from './query-string.ts'
import type { Facet, FacetValue } from './search-types.ts'

/** The prefix of each facet's keys in case_studies.facet_keys. */
export const facetPrefix: Record<ListParam, string> = {
  principles: 'p:',
  kinds: 'k:',
  years: 'y:',
  members: 'm:',
  tiers: 't:',
  councilTypes: 'c:',
  nations: 'n:',
  regions: 'r:',
  themes: 'h:',
}

/** The facets' names in English, as the API gives them; a page takes `search.facet.<list>` from its catalogue. */
export const facetLabels: Record<ListParam, string> = {
  principles: 'Principle',
  kinds: 'Kind',
  years: 'Year',
  members: 'Member organisation',
  tiers: 'Membership tier',
  councilTypes: 'Council type',
  nations: 'Nation',
  regions: 'Region',
  themes: 'Theme',
}

/** The tiers in English, as the API gives them; a page takes `search.tier.<tier>` from its catalogue. */
export const tierLabels: Record<(typeof searchableTiers)[number], string> = {
  full: 'Full members',
  associate: 'Associate members',
  affiliate: 'Affiliate members',
  supporter: 'Supporters',
}

/** What the database knows of each facet's values: id-keyed lists and slug-keyed names. */
export interface FacetVocabulary {
  /** shortNameCy: the principle's Welsh wording, where the network has written one. */
  principles: Array<{ id: number; slug: string; shortName: string; shortNameCy: string | null }>
  members: Array<{ id: number; slug: string; name: string }>
  themes: Array<{ id: number; slug: string; name: string }>
  /** Slug → name as written, e.g. "metropolitan-district" → "Metropolitan district". */
  councilTypes: Map<string, string>
  nations: Map<string, string>
  regions: Map<string, string>
}

/** One facet's value in the address ↔ its key, and its label. */
interface ValueInfo {
  key: string
  value: string
  label: string
  /** Its name in Welsh where the content has one (a principle's Welsh wording). */
  labelCy?: string
}

/** Every value a facet can take that the vocabulary knows, by address value. */
function knownValues(list: ListParam, vocabulary: FacetVocabulary): Map<string, ValueInfo> | null {
  const prefix = facetPrefix[list]
  const entries = (items: Array<[string, string, string, string?]>) =>
    new Map(items.map(([value, key, label, labelCy]) => [value, labelCy ? { value, key: prefix + key, label, labelCy } : { value, key: prefix + key, label }]))
  switch (list) {
    case 'principles':
      return entries(vocabulary.principles.map((p) => [p.slug, String(p.id), p.shortName, p.shortNameCy ?? undefined]))
    case 'members':
      return entries(vocabulary.members.map((m) => [m.slug, String(m.id), m.name]))
    case 'themes':
      return entries(vocabulary.themes.map((t) => [t.slug, String(t.id), t.name]))
    case 'kinds':
      return entries(caseStudyKinds.map((k) => [k, k, kindLabels[k]]))
    case 'tiers':
      return entries(searchableTiers.map((t) => [t, t, tierLabels[t]]))
    case 'councilTypes':
    case 'nations':
    case 'regions':
      return entries([...vocabulary[list]].map(([slug, name]) => [slug, slug, name]))
    case 'years':
      return null
  }
}

export interface ResolvedFacets {
  /** The address's choices that exist, per facet, as facet keys (OR within, AND across). */
  keys: Partial<Record<ListParam, string[]>>
  /** The parameters with unknown values taken out. */
  params: SearchParams
  messages: SearchMessage[]
  /** Key → how the facet shows it, for every key the vocabulary knows. */
  describe: (list: ListParam, key: string) => { value: string; label: string; labelCy?: string } | null
  /** A value's place when a facet's values are in order of name (to break ties in counts). */
  nameOrder: (list: ListParam, value: string) => number
}

interface Lookups {
  byValue: Map<ListParam, Map<string, ValueInfo>>
  byKey: Map<ListParam, Map<string, ValueInfo>>
  nameOrder: Map<ListParam, Map<string, number>>
}

/** One collator for every comparison: localeCompare with a locale builds one per call. */
const byName = new Intl.Collator('en-GB')

/** Built once per vocabulary (which lasts until content changes), not once per search. */
const lookupsOf = new WeakMap<FacetVocabulary, Lookups>()

function lookups(vocabulary: FacetVocabulary): Lookups {
  let found = lookupsOf.get(vocabulary)
  if (!found) {
    found = { byValue: new Map(), byKey: new Map(), nameOrder: new Map() }
    for (const list of listParams) {
      const known = knownValues(list, vocabulary)
      if (!known) continue
      found.byValue.set(list, known)
      found.byKey.set(list, new Map([...known.values()].map((v) => [v.key, v])))
      const byLabel = [...known.values()].sort((a, b) => byName.compare(a.label, b.label))
      found.nameOrder.set(list, new Map(byLabel.map((v, i) => [v.value, i])))
    }
    lookupsOf.set(vocabulary, found)
  }
  return found
}

/** Turns the address's slugs into facet keys, dropping (with a message) those the database does not know. */
export function resolveFacets(params: SearchParams, vocabulary: FacetVocabulary): ResolvedFacets {
  const keys: Partial<Record<ListParam, string[]>> = {}
  const messages: SearchMessage[] = []
  const next: SearchParams = { ...params }
  const { byValue, byKey, nameOrder } = lookups(vocabulary)
  for (const list of listParams) {
    const known = byValue.get(list)
    const chosen = params[list] as Array<string | number>
    if (chosen.length === 0) continue
    const kept: Array<string | number> = []
    for (const value of chosen) {
      if (list === 'years' || known?.has(String(value))) kept.push(value)
      else messages.push(unknownValueMessage(list, String(value)))
    }
    ;(next as unknown as Record<ListParam, Array<string | number>>)[list] = kept
    if (kept.length > 0) keys[list] = kept.map((v) => (list === 'years' ? `y:${v}` : known!.get(String(v))!.key))
  }
  return {
    keys,
    params: next,
    messages,
    describe: (list, key) => {
      if (list === 'years') return { value: key.slice(2), label: key.slice(2) }
      const info = byKey.get(list)?.get(key)
      return info ?? null
    },
    nameOrder: (list, value) => nameOrder.get(list)?.get(value) ?? -1,
  }
}

export function listOfKey(key: string): ListParam | null {
  const prefix = key.slice(0, 2)
  return listParams.find((l) => facetPrefix[l] === prefix) ?? null
}

/** The order a facet's values are listed in: years newest first, kinds and tiers as defined, others by count then name. */
function orderValues(list: ListParam, values: FacetValue[], nameOrder: ResolvedFacets['nameOrder']): FacetValue[] {
  if (list === 'years') return values.sort((a, b) => Number(b.value) - Number(a.value))
  if (list === 'kinds') return values.sort((a, b) => caseStudyKinds.indexOf(a.value as never) - caseStudyKinds.indexOf(b.value as never))
  if (list === 'tiers') return values.sort((a, b) => searchableTiers.indexOf(a.value as never) - searchableTiers.indexOf(b.value as never))
  return values.sort((a, b) => b.count - a.count || nameOrder(list, a.value) - nameOrder(list, b.value))
}

function valueOf(info: { value: string; label: string; labelCy?: string }, count: number, selected: boolean): FacetValue {
  const value: FacetValue = { value: info.value, label: info.label, count, selected }
  if (info.labelCy) value.labelCy = info.labelCy
  return value
}

/**
 * Every facet with its values: those with results, and the chosen ones even at zero (so they can
 * be removed). Keys the vocabulary no longer knows (a renamed region, say) are left out.
 */
export function buildFacets(counts: ReadonlyMap<string, number>, resolved: ResolvedFacets): Facet[] {
  const values = new Map<ListParam, FacetValue[]>(listParams.map((l) => [l, []]))
  const seen = new Set<string>()
  const chosen = new Map(listParams.map((l) => [l, new Set((resolved.params[l] as Array<string | number>).map(String))]))
  for (const [key, count] of counts) {
    const list = listOfKey(key)
    if (!list || count <= 0) continue
    const info = resolved.describe(list, key)
    if (!info) continue
    seen.add(key)
    values.get(list)!.push(valueOf(info, count, chosen.get(list)!.has(info.value)))
  }
  for (const list of listParams) {
    for (const key of resolved.keys[list] ?? []) {
      if (seen.has(key)) continue
      const info = resolved.describe(list, key)
      if (info) values.get(list)!.push(valueOf(info, 0, true))
    }
  }
  return listParams.map((list) => ({
    name: list,
    param: paramNames[list],
    label: facetLabels[list],
    values: orderValues(list, values.get(list)!, resolved.nameOrder),
  }))
}
