import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import { caseStudyKinds } from '../../../db/schema/enums.ts'
import { generateSynthetic, type SyntheticData } from './generate.ts'
import { englishRegions } from './places.ts'
import { benchCommonWords, benchPhrases, benchRareWords } from './vocabulary.ts'

const principles = [
  'Co-production',
  'Democratic engagement',
  'Social partnership',
  'Innovation',
  'Learning',
  'New models',
  'Walking the talk',
  'Community leadership',
  'Enterprise',
  'Social value',
].map((name, i) => ({ id: 100 + i, name }))
const slugPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/
const share = (n: number, of: number) => n / of

describe('synthetic case studies: determinism', () => {
  it('gives identical output for the same count and seed', () => {
    assert.deepEqual(generateSynthetic({ count: 150, seed: 5, principles }), generateSynthetic({ count: 150, seed: 5, principles }))
  })

  it('gives different output for another seed', () => {
    const a = generateSynthetic({ count: 50, seed: 1, principles })
    const b = generateSynthetic({ count: 50, seed: 2, principles })
    assert.notDeepEqual(
      a.caseStudies.map((c) => c.title),
      b.caseStudies.map((c) => c.title),
    )
    assert.notDeepEqual(
      a.organisations.map((o) => o.name),
      b.organisations.map((o) => o.name),
    )
    assert.ok(a.caseStudies.every((c) => c.slug.startsWith('s1-')) && b.caseStudies.every((c) => c.slug.startsWith('s2-')))
  })

  it('keeps the first case studies the same whatever the count', () => {
    const small = generateSynthetic({ count: 40, seed: 9, principles })
    const large = generateSynthetic({ count: 130, seed: 9, principles })
    assert.deepEqual(large.caseStudies.slice(0, 40), small.caseStudies)
    assert.deepEqual(large.organisations, small.organisations)
  })

  it('refuses to run without principles', () => {
    assert.throws(() => generateSynthetic({ count: 1, seed: 1, principles: [] }), /principle/)
  })
})

describe('synthetic case studies: what 2,000 of them look like', () => {
  let data: SyntheticData
  let texts: string[]
  const n = 2000
  before(() => {
    data = generateSynthetic({ count: n, seed: 3, principles })
    texts = data.caseStudies.map((c) => `${c.title}\n${c.summary}\n${c.body}\n${c.outcomes}`.toLowerCase())
  })
  const documentsWith = (pattern: RegExp) => texts.filter((t) => pattern.test(t)).length

  it('has a few hundred member councils of consistent type, nation and region, and some partners', () => {
    const councils = data.organisations.filter((o) => o.kind === 'council')
    const partners = data.organisations.filter((o) => o.kind === 'organisation')
    assert.ok(councils.length >= 200 && councils.length <= 500, `${councils.length} councils`)
    assert.ok(partners.length >= 20, `${partners.length} partners`)
    assert.ok(partners.every((o) => o.tier === 'none' && o.councilType === null))
    const tiers = (t: string) => councils.filter((o) => o.tier === t).length
    assert.ok(tiers('full') > tiers('associate') && tiers('associate') > tiers('affiliate') && tiers('affiliate') > 0)
    assert.equal(tiers('full') + tiers('associate') + tiers('affiliate'), councils.length)
    const nations = (nation: string) => councils.filter((o) => o.nation === nation).length
    assert.ok(nations('England') > councils.length / 2)
    assert.ok(nations('Scotland') > 0 && nations('Wales') > 0 && nations('Northern Ireland') > 0)
    assert.ok(nations('England') > nations('Scotland') && nations('Scotland') > nations('Northern Ireland'))
    for (const o of councils) {
      if (o.nation === 'England') assert.ok(englishRegions.includes(o.region), `${o.name}: ${o.region}`)
      else assert.equal(o.region, o.nation)
      if (o.councilType === 'London borough') assert.equal(o.region, 'London')
      if (o.region === 'London') assert.equal(o.councilType, 'London borough')
      if (o.councilType === 'Metropolitan district') assert.ok(['North West', 'North East', 'Yorkshire and The Humber', 'West Midlands'].includes(o.region))
      if (o.nation === 'Scotland') assert.equal(o.councilType, 'Scottish unitary authority')
      if (o.nation === 'Wales') assert.equal(o.councilType, 'Welsh unitary authority')
      if (o.nation === 'Northern Ireland') assert.equal(o.councilType, 'NI district')
    }
    const slugs = data.organisations.map((o) => o.slug)
    assert.equal(new Set(slugs).size, slugs.length)
    assert.equal(new Set(data.organisations.map((o) => o.name)).size, slugs.length)
    assert.ok(slugs.every((s) => slugPattern.test(s) && s.startsWith('s3-')))
  })

  it('has 15 to 25 themes, each case study one to three', () => {
    assert.ok(data.themes.length >= 15 && data.themes.length <= 25)
    assert.ok(data.themes.every((t) => slugPattern.test(t.slug)))
    for (const c of data.caseStudies) {
      assert.ok(c.themes.length >= 1 && c.themes.length <= 3)
      assert.equal(new Set(c.themes).size, c.themes.length)
      assert.ok(c.themes.every((i) => i >= 0 && i < data.themes.length))
    }
  })

  it('gives every case study a member council as lead, other members and partners in their roles', () => {
    for (const c of data.caseStudies) {
      const lead = data.organisations[c.lead]!
      assert.equal(lead.kind, 'council')
      assert.ok(['full', 'associate', 'affiliate'].includes(lead.tier))
      assert.ok(c.participants.length <= 4 && !c.participants.includes(c.lead))
      assert.equal(new Set(c.participants).size, c.participants.length)
      assert.ok(c.participants.every((i) => data.organisations[i]!.tier !== 'none'))
      assert.ok([...c.partners, ...c.funders].every((i) => data.organisations[i]!.tier === 'none'))
    }
    assert.ok(data.caseStudies.some((c) => c.participants.length === 0) && data.caseStudies.some((c) => c.participants.length === 4))
    assert.ok(data.caseStudies.some((c) => c.partners.length > 0) && data.caseStudies.some((c) => c.funders.length > 0))
  })

  it('meets one to six principles, some far more often than others', () => {
    const uses = new Array<number>(principles.length).fill(0)
    for (const c of data.caseStudies) {
      assert.ok(c.principles.length >= 1 && c.principles.length <= 6)
      assert.deepEqual(
        c.principles,
        [...new Set(c.principles)].sort((a, b) => a - b),
      )
      for (const p of c.principles) uses[p]!++
    }
    assert.ok(Math.max(...uses) > 2 * Math.min(...uses), uses.join())
  })

  it('has valid kinds, mostly case studies, years from 2012 to 2026 skewed recent, and a few drafts', () => {
    const kinds = new Map<string, number>()
    for (const c of data.caseStudies) {
      assert.ok((caseStudyKinds as readonly string[]).includes(c.kind))
      kinds.set(c.kind, (kinds.get(c.kind) ?? 0) + 1)
      assert.ok(c.yearStart >= 2012 && c.yearStart <= 2026)
      if (c.yearEnd !== null) assert.ok(c.yearEnd >= c.yearStart && c.yearEnd <= 2026)
      if (c.status === 'published') assert.ok(c.publishedAt !== null && c.createdAt < c.publishedAt && c.publishedAt < '2026-11')
      else assert.equal(c.publishedAt, null)
    }
    assert.ok(share(kinds.get('case-study') ?? 0, n) > 0.6)
    assert.equal(kinds.size, caseStudyKinds.length)
    const years = (from: number, to: number) => data.caseStudies.filter((c) => c.yearStart >= from && c.yearStart <= to).length
    assert.ok(years(2022, 2026) > years(2012, 2016) * 2)
    const drafts = share(data.caseStudies.filter((c) => c.status === 'draft').length, n)
    assert.ok(drafts > 0.005 && drafts < 0.05, `drafts ${drafts}`)
  })

  it('has unique slugs in the app’s format, prefixed with the seed', () => {
    const slugs = data.caseStudies.map((c) => c.slug)
    assert.equal(new Set(slugs).size, n)
    for (const s of slugs) assert.ok(slugPattern.test(s) && s.startsWith('s3-') && s.length <= 120, s)
  })

  it('writes a title, a one or two sentence summary, a 1.5–3 KB Markdown body and short outcomes', () => {
    for (const c of data.caseStudies) {
      assert.ok(c.title.length > 10 && c.title.length < 120 && !c.title.includes('{'), c.title)
      const sentences = c.summary.split(/(?<=[.!?])\s+/).length
      assert.ok(sentences >= 1 && sentences <= 2, c.summary)
      assert.ok(c.body.length >= 1500 && c.body.length <= 3000, `${c.slug}: ${c.body.length}`)
      assert.ok(c.body.startsWith('## About the project\n\n'))
      assert.ok(!/[{}]/.test(c.body + c.summary + c.outcomes), c.slug)
      assert.ok(c.outcomes.length > 40 && c.outcomes.length < 600)
    }
  })

  it('uses common words in most case studies, rare ones in under 1%, phrases in some', () => {
    assert.ok(benchCommonWords.length >= 10 && benchRareWords.length >= 10 && benchPhrases.length >= 10)
    for (const word of benchCommonWords) {
      const found = share(documentsWith(new RegExp(`\\b${word}s?\\b`)), n)
      assert.ok(found > 0.5, `${word} in ${found}`)
    }
    for (const word of benchRareWords) {
      // Any word starting with it counts, so plurals and longer words cannot hide a common stem.
      const found = share(documentsWith(new RegExp(`\\b${word}`)), n)
      assert.ok(found < 0.01, `${word} in ${found}`)
    }
    assert.ok(benchRareWords.filter((word) => documentsWith(new RegExp(`\\b${word}\\b`)) > 0).length >= benchRareWords.length / 2)
    for (const phrase of benchPhrases) {
      const found = share(documentsWith(new RegExp(`\\b${phrase}\\b`)), n)
      assert.ok(found > 0.002 && found < 0.25, `${phrase} in ${found}`)
    }
  })
})
