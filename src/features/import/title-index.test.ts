import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { TITLE_RELATED, TITLE_SIMILAR, TitleIndex, titleSimilarity } from './title-index.ts'
import type { TitleEntry } from './title-index.ts'

// A small deterministic generator: titles built from a few shared words and syllables, so many
// are near one another, as in a network where every council runs "a food partnership".
function random(seed: number): () => number {
  let s = seed
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648
    return s / 2_147_483_648
  }
}
const syllables = ['vel', 'wyn', 'bel', 'ot', 'mi', 'gar', 'ros', 'kal', 'an', 'ul']
const templates = [
  '{n} food partnership',
  'The {n} repair café in {p}',
  '{n}: volunteers share {m}',
  'Community {n} for {p}, phase {d}',
  '{n} care partnership',
]
const places = ['Wirral', 'South Hams', 'Waltham Forest', 'Denbighshire', 'East Renfrewshire']

function titles(count: number, seed: number): TitleEntry[] {
  const next = random(seed)
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!
  const name = () => {
    const word = Array.from({ length: 2 + Math.floor(next() * 2) }, () => pick(syllables)).join('')
    return word[0]!.toUpperCase() + word.slice(1)
  }
  return Array.from({ length: count }, (_, i) => ({
    id: i + 1,
    slug: `t-${i + 1}`,
    title: pick(templates)
      .replace('{n}', name())
      .replace('{m}', name().toLowerCase())
      .replace('{p}', pick(places))
      .replace('{d}', String(1 + Math.floor(next() * 3))),
    leadId: Math.floor(next() * 5),
    year: 2020 + Math.floor(next() * 3),
  }))
}

/** Every entry a full scan flags, in the index's order: what the index must return. */
function bruteForce(before: readonly TitleEntry[], probe: TitleEntry, limit: number) {
  const related = new Set(
    before
      .filter((e) => e.leadId === probe.leadId && e.year === probe.year)
      .slice(-32)
      .map((e) => e.id),
  )
  return before
    .map((e) => ({ e, s: titleSimilarity(probe.title, e.title) }))
    .filter(({ e, s }) => s > TITLE_SIMILAR || (s > TITLE_RELATED && related.has(e.id)))
    .sort((a, b) => b.s - a.s || a.e.id - b.e.id)
    .slice(0, limit)
    .map(({ e }) => e.id)
}

describe('TitleIndex', () => {
  it('finds exactly what comparing with every earlier title finds', () => {
    const all = titles(1500, 7)
    const index = new TitleIndex()
    let flagged = 0
    all.forEach((probe, i) => {
      const expected = bruteForce(all.slice(0, i), probe, 3)
      const found = index.find(probe).map((m) => m.id)
      assert.deepEqual(found, expected, `“${probe.title}”`)
      flagged += found.length
      index.add(probe)
    })
    // The generator makes near-duplicates; a test that flags nothing would prove nothing.
    assert.ok(flagged > 300, `only ${flagged} flagged`)
  })

  it('gives a reason: a very similar title, or the same lead and year with a related title', () => {
    const index = new TitleIndex()
    index.add({ id: 1, slug: 'a', title: 'Velwyn food partnership', leadId: 1, year: 2021 })
    index.add({ id: 2, slug: 'b', title: 'Kalros repair café in Wirral', leadId: 2, year: 2022 })
    const [similar] = index.find({ id: 3, slug: 'c', title: 'Velwyn food partnerships', leadId: null, year: null })
    assert.equal(similar?.id, 1)
    assert.equal(similar?.reason, 'title')
    const [related] = index.find({ id: 4, slug: 'd', title: 'Kalros repair shop', leadId: 2, year: 2022 })
    assert.equal(related?.id, 2)
    assert.equal(related?.reason, 'lead-and-year')
    assert.deepEqual(index.find({ id: 5, slug: 'e', title: 'Kalros repair shop', leadId: 2, year: 2023 }), [])
  })

  it('finds a re-imported title by its new words, and never the probe itself', () => {
    const index = new TitleIndex()
    index.add({ id: 1, slug: 'a', title: 'Old name', leadId: null, year: null })
    index.add({ id: 1, slug: 'a', title: 'Garmi housing co-operative', leadId: null, year: null })
    assert.deepEqual(
      index.find({ id: 9, slug: 'x', title: 'Garmi housing co-operatives', leadId: null, year: null }).map((m) => m.id),
      [1],
    )
    assert.deepEqual(index.find({ id: 1, slug: 'a', title: 'Garmi housing co-operative', leadId: null, year: null }), [])
  })
})
