import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { describeEachDatabase } from '../../../test/app.ts'
import { buildCaseStudy, buildOrganisation, buildPrinciple, buildTheme } from '../../../test/factories.ts'
import { caseStudies, organisations, principles } from '../../db/schema/index.ts'
import { replaceCaseStudyLinks } from '../case-studies/commands/save-case-study-links.ts'
import { runSearch } from './run-search.ts'
import type { SearchOutcome } from './search-types.ts'

// Facet counts against a brute-force count in JavaScript over the same generated case studies.
interface Made {
  slug: string
  kind: string
  years: number[]
  principles: string[]
  themes: string[]
  members: string[]
  tiers: string[]
  nations: string[]
  regions: string[]
  councilTypes: string[]
  words: string[]
}

function random(seed: number): () => number {
  let s = seed
  return () => (s = (s * 16_807) % 2_147_483_647) / 2_147_483_647
}

const slugOf = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-')

describeEachDatabase('search facets', (get) => {
  const made: Made[] = []
  const memo = <T>(_key: string, load: () => Promise<T>) => load()
  const search = (raw: Record<string, unknown>) => runSearch({ db: get().handle.db, memo }, raw, { pageSize: 5 })

  before(async () => {
    const { db } = get().handle
    const next = random(42)
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!
    const some = <T>(list: readonly T[], most: number) => [...new Set(Array.from({ length: 1 + Math.floor(next() * most) }, () => pick(list)))]
    const principles = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((p) => buildPrinciple(db, { slug: `principle-${p}`, shortName: `Principle ${p}` })))
    const themes = [await buildTheme(db, 'Housing'), await buildTheme(db, 'Energy'), await buildTheme(db, 'Food')]
    const places = [
      { nation: 'England', region: 'North West', councilType: 'Metropolitan district' },
      { nation: 'England', region: 'London', councilType: 'London borough' },
      { nation: 'Wales', region: 'Wales', councilType: 'Welsh unitary authority' },
      { nation: 'Scotland', region: 'Scotland', councilType: 'Scottish council' },
    ]
    const tiers = ['full', 'associate', 'affiliate', 'none'] as const
    const orgs: Array<{ id: number; slug: string; tier: string; place: (typeof places)[number] }> = []
    for (let i = 0; i < 12; i++) {
      const place = pick(places)
      const tier = pick(tiers)
      const o = await buildOrganisation(db, { slug: `council-${i}`, tier, ...place })
      orgs.push({ id: o.id, slug: o.slug, tier, place })
    }
    const words = ['orchard', 'library', 'bicycle', 'harbour']
    for (let i = 0; i < 60; i++) {
      const [lead, ...others] = some(orgs, 3)
      const participants = others.filter((o) => o !== lead)
      const chosenPrinciples = some(principles, 3)
      const chosenThemes = some(themes, 2)
      const yearStart = 2015 + Math.floor(next() * 8)
      const yearEnd = next() < 0.3 ? yearStart + 1 + Math.floor(next() * 2) : null
      const kind = pick(['case-study', 'project', 'policy-lab'] as const)
      const word = pick(words)
      const status = next() < 0.1 ? 'draft' : 'published'
      await buildCaseStudy(db, {
        slug: `made-${i}`,
        title: `Made number ${i} about the ${word}`,
        kind,
        status,
        yearStart,
        yearEnd,
        principleIds: chosenPrinciples.map((p) => p.id),
        themeIds: chosenThemes.map((t) => t.id),
        leadId: lead!.id,
        participantIds: participants.map((o) => o.id),
      })
      if (status === 'draft') continue
      const members = [lead!, ...participants]
      made.push({
        slug: `made-${i}`,
        kind,
        years: Array.from({ length: (yearEnd ?? yearStart) - yearStart + 1 }, (_, k) => yearStart + k),
        principles: chosenPrinciples.map((p) => p.slug),
        themes: chosenThemes.map((t) => t.slug),
        members: members.map((o) => o.slug),
        tiers: members.map((o) => o.tier).filter((t) => t !== 'none'),
        nations: members.map((o) => slugOf(o.place.nation)),
        regions: members.map((o) => slugOf(o.place.region)),
        councilTypes: members.map((o) => slugOf(o.place.councilType)),
        words: [word],
      })
    }
  })

  type Field = Exclude<keyof Made, 'slug' | 'words'>
  const fieldOf: Record<string, Field> = {
    principle: 'principles',
    kind: 'kind',
    year: 'years',
    member: 'members',
    tier: 'tiers',
    'council-type': 'councilTypes',
    nation: 'nations',
    region: 'regions',
    theme: 'themes',
  }
  const valuesOf = (m: Made, field: Field): string[] => (field === 'kind' ? [m.kind] : (m[field] as Array<string | number>).map(String))

  /** What the search should find and count, worked out without the database. */
  function bruteForce(filters: Record<string, string[]>, word: string | null) {
    const matches = (m: Made, except: string | null) =>
      (word === null || m.words.includes(word)) &&
      Object.entries(filters).every(([param, chosen]) => param === except || chosen.some((v) => valuesOf(m, fieldOf[param]!).includes(v)))
    const counts = new Map<string, number>()
    for (const param of Object.keys(fieldOf)) {
      for (const m of made.filter((x) => matches(x, filters[param] ? param : null))) {
        for (const v of new Set(valuesOf(m, fieldOf[param]!))) counts.set(`${param}=${v}`, (counts.get(`${param}=${v}`) ?? 0) + 1)
      }
    }
    return { total: made.filter((m) => matches(m, null)).length, counts }
  }

  const countsOf = (outcome: SearchOutcome) =>
    new Map(outcome.facets.flatMap((f) => f.values.filter((v) => v.count > 0).map((v) => [`${f.param}=${v.value}`, v.count] as const)))

  it('counts every facet exactly, with OR within a facet and AND across facets, on 40 random filters', async () => {
    const next = random(7)
    const params = Object.keys(fieldOf)
    for (let round = 0; round < 40; round++) {
      const filters: Record<string, string[]> = {}
      for (let f = 0; f < 1 + Math.floor(next() * 3); f++) {
        const param = params[Math.floor(next() * params.length)]!
        const pool = [...new Set(made.flatMap((m) => valuesOf(m, fieldOf[param]!)))]
        filters[param] = [...new Set([pool[Math.floor(next() * pool.length)]!, ...(next() < 0.5 ? [pool[Math.floor(next() * pool.length)]!] : [])])]
      }
      const word = next() < 0.4 ? ['orchard', 'library', 'bicycle', 'harbour'][Math.floor(next() * 4)]! : null
      const outcome = await search({ ...filters, ...(word ? { q: word } : {}) })
      const expected = bruteForce(filters, word)
      const label = JSON.stringify({ filters, word })
      assert.equal(outcome.total, expected.total, `total for ${label}`)
      assert.deepEqual(new Map([...countsOf(outcome)].sort()), new Map([...expected.counts].sort()), `facet counts for ${label}`)
    }
  })

  it('keeps a chosen value with no results listed, ticked, at zero, with a link to remove it', async () => {
    const lonely = made.find((m) => m.kind === 'policy-lab')!
    const other = made.find((m) => !m.principles.some((p) => lonely.principles.includes(p)) && m.kind !== 'policy-lab')
    assert.ok(other, 'the generated data has a case study sharing no principle with a policy lab')
    const outcome = await search({ kind: 'policy-lab', principle: other.principles[0] })
    const chosen = outcome.facets.find((f) => f.name === 'principles')!.values.find((v) => v.value === other.principles[0])!
    assert.equal(chosen.selected, true)
    const res = await get().app.inject(`/case-studies?kind=policy-lab&principle=${other.principles[0]}`)
    assert.equal(res.statusCode, 200)
    assert.match(res.body, new RegExp(`href="/case-studies\\?kind=policy-lab"[^>]*data-qa="remove-filter"`))
  })

  it('sorts by title, oldest and newest, and pages without changing the counts', async () => {
    const byTitle = await search({ sort: 'title' })
    const titles = byTitle.hits.map((h) => h.title)
    assert.deepEqual(
      titles,
      [...titles].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase(), 'en')),
    )
    const oldest = await search({ sort: 'oldest' })
    const years = oldest.hits.map((h) => h.yearStart!)
    assert.deepEqual(
      years,
      [...years].sort((a, b) => a - b),
    )
    assert.equal(years[0], Math.min(...made.flatMap((m) => m.years)))
    const newest = await search({ sort: 'newest', page: '2' })
    assert.equal(newest.params.page, 2)
    assert.deepEqual(countsOf(newest), countsOf(await search({})))
  })

  it('offers a corrected spelling from the corpus, as a link that finds results', async () => {
    const kind = made.find((m) => m.words.includes('orchard'))!.kind
    const outcome = await search({ q: 'orchrad', kind })
    assert.equal(outcome.total, 0)
    assert.equal(outcome.suggestion?.q, 'orchard')
    assert.equal(outcome.suggestion?.href, `/case-studies?q=orchard&kind=${kind}`)
    // The page shows the corrected spelling's results at once, with a way back to the words as typed.
    const res = await get().app.inject('/case-studies?q=orchrad')
    assert.match(res.body, /Showing results for <strong>orchard<\/strong>/)
    assert.match(
      res.body,
      /Search instead for <a class="govuk-link" href="\/case-studies\?q=orchrad&amp;spelling=as-typed" data-qa="search-as-typed">orchrad<\/a>/,
    )
    assert.match(res.body, /found for “orchard”/)
    const asTyped = await get().app.inject('/case-studies?q=orchrad&spelling=as-typed')
    assert.match(asTyped.body, /No case studies match “orchrad”/)
    assert.match(asTyped.body, /Did you mean <a class="govuk-link" href="\/case-studies\?q=orchard" data-qa="did-you-mean-link">orchard<\/a>/)
    assert.equal((await search({ q: 'orchard' })).suggestion, null)
    assert.equal((await search({ q: 'qwxzv' })).suggestion, null)
  })

  it('explains an empty result and names the filters whose removal would help', async () => {
    const res = await get().app.inject('/case-studies?q=orchard&kind=policy-lab&kind=project&year=1999')
    assert.equal(res.statusCode, 200)
    assert.match(res.body, /No case studies match “orchard” with the filters you chose/)
    assert.match(res.body, /remove the filter Year: 1999/)
    assert.match(res.body, /remove all the filters/)
  })

  it('follows a member changing tier, a case study unpublished and links replaced', async () => {
    const { db } = get().handle
    const target = made.find((m) => m.tiers.length > 0)!
    const before = (await search({ member: target.members[0] })).total
    await db.update(organisations).set({ tier: 'affiliate' }).where(eq(organisations.slug, target.members[0]!))
    const after = await search({ member: target.members[0], tier: 'affiliate' })
    assert.equal(after.total, before)
    await db.update(caseStudies).set({ status: 'archived' }).where(eq(caseStudies.slug, target.slug))
    assert.equal((await search({ member: target.members[0] })).total, before - 1)
    await db.update(caseStudies).set({ status: 'published' }).where(eq(caseStudies.slug, target.slug))
    assert.equal((await search({ member: target.members[0] })).total, before)

    // Links replaced the way the editor saves them: the facets follow within the transaction.
    const [row] = await db.select({ id: caseStudies.id }).from(caseStudies).where(eq(caseStudies.slug, target.slug))
    const newLead = await buildOrganisation(db, { slug: 'brand-new-lead', tier: 'associate', nation: 'Northern Ireland' })
    const onlyPrinciple = made.flatMap((m) => m.principles).find((p) => !target.principles.includes(p))!
    const [principle] = await db.select({ id: principles.id }).from(principles).where(eq(principles.slug, onlyPrinciple))
    await db.transaction((tx) =>
      replaceCaseStudyLinks(tx, row!.id, { principleIds: [principle!.id], organisations: [{ organisationId: newLead.id, role: 'lead' }], themeIds: [] }),
    )
    const moved = await search({ member: 'brand-new-lead', nation: 'northern-ireland', principle: onlyPrinciple })
    assert.deepEqual(
      moved.hits.map((h) => h.slug),
      [target.slug],
    )
    assert.equal((await search({ member: target.members[0] })).total, before - 1)
  })
})
