import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { describeEachDatabase } from '../../../test/app.ts'
import { buildCaseStudy } from '../../../test/factories.ts'
import { LiveSearchEngine } from './live-search-engine.ts'
import { runSearch } from './run-search.ts'

// Welsh case studies are indexed with the simple configuration (no Welsh stemmer exists in
// PostgreSQL): search finds them by their Welsh words, and English search behaves as before.

const slugsIn = (html: string) => [...html.matchAll(/href="(?:\/cy)?\/case-studies\/([a-z0-9-]+)"/g)].map((m) => m[1])

describeEachDatabase('searching Welsh case studies', (get) => {
  before(async () => {
    const { db } = get().handle
    await buildCaseStudy(db, {
      slug: 'tai-cydweithredol-caerdydd',
      title: 'Tai cydweithredol yng Nghaerdydd',
      summary: 'Mae cynghorau a thenantiaid yn cydweithio i greu mwy o gartrefi fforddiadwy.',
      body: 'Dechreuodd y prosiect yn 2021. Mae’r gymdeithas dai yn eiddo i’w haelodau, ac mae’r cyngor yn rhoi tir ar brydles hir. Rhoddodd y tenantiaid bŵer i bobl leol.',
      language: 'cy',
    })
    await buildCaseStudy(db, {
      slug: 'housing-co-operatives',
      title: 'Housing co-operatives in Cardiff',
      summary: 'Councils and tenants work together to build more affordable homes.',
      body: 'The project began in 2021.',
    })
  })

  for (const [q, expected] of [
    ['cydweithredol', ['tai-cydweithredol-caerdydd']],
    ['Cynghorau', ['tai-cydweithredol-caerdydd']],
    // "mwy" (more) is "mwi" to the English stemmer: Welsh text is matched by the word as written.
    ['mwy cartrefi', ['tai-cydweithredol-caerdydd']],
    ['"tai cydweithredol"', ['tai-cydweithredol-caerdydd']],
    // Read by PostgreSQL (a circumflex), then matched in memory.
    ['bŵer', ['tai-cydweithredol-caerdydd']],
    ['councils', ['housing-co-operatives']],
    ['affordable homes', ['housing-co-operatives']],
  ] as const) {
    it(`finds “${q}”`, async () => {
      const page = await get().app.inject({ url: `/case-studies?q=${encodeURIComponent(q)}` })
      assert.equal(page.statusCode, 200)
      assert.deepEqual(
        slugsIn(page.body).filter((s) => s === 'tai-cydweithredol-caerdydd' || s === 'housing-co-operatives'),
        expected,
      )
    })
  }

  it('finds them from the Welsh search page too', async () => {
    const page = await get().app.inject({ url: '/cy/case-studies?q=cydweithredol' })
    assert.equal(page.statusCode, 200)
    assert.ok(slugsIn(page.body).includes('tai-cydweithredol-caerdydd'))
  })

  it('asks the database each language in its own configuration when the index cannot answer', async () => {
    const { db } = get().handle
    // The engine's way to the database, taken when its index cannot answer a text alone.
    const live = await LiveSearchEngine.start(db)
    const memo = <T>(key: string, load: () => Promise<T>) => (key === 'search-engine' ? Promise.resolve(live as T) : load())
    const engine = live.current()
    const askDatabase = (engine as unknown as { askDatabase(q: string, tree: null): Promise<Uint32Array> }).askDatabase.bind(engine)
    const bits = await askDatabase('cynghorau', null)
    const position = engine.index.positionOf((await runSearch({ db, memo }, { q: 'cynghorau' })).hits[0]!.id)!
    assert.notEqual(bits[position >>> 5]! & (1 << (position & 31)), 0)
    const english = await askDatabase('councils', null)
    assert.equal(english[position >>> 5]! & (1 << (position & 31)), 0)
    await live.idle()
  })
})

describeEachDatabase('Welsh case studies in lists', (get) => {
  it('marks each case study in the results with its own language on English and Welsh pages', async () => {
    const { db } = get().handle
    await buildCaseStudy(db, { slug: 'ynni-cymunedol', title: 'Ynni cymunedol yn y cymoedd', language: 'cy' })
    await buildCaseStudy(db, { slug: 'community-energy', title: 'Community energy in the valleys' })
    const english = await get().app.inject({ url: '/case-studies' })
    assert.match(english.body, /href="\/case-studies\/ynni-cymunedol" lang="cy">Ynni cymunedol yn y cymoedd<\/a>/)
    assert.match(english.body, /href="\/case-studies\/community-energy">Community energy in the valleys<\/a>/)
    const welsh = await get().app.inject({ url: '/cy/case-studies' })
    assert.match(welsh.body, /href="\/cy\/case-studies\/ynni-cymunedol">Ynni cymunedol yn y cymoedd<\/a>/)
    assert.match(welsh.body, /href="\/cy\/case-studies\/community-energy" lang="en">Community energy in the valleys<\/a>/)
    const home = await get().app.inject({ url: '/' })
    assert.match(home.body, /href="\/case-studies\/ynni-cymunedol" lang="cy">/)
  })
})
