import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { sql } from 'drizzle-orm'
import { describeEachDatabase } from '../../../test/app.ts'
import { buildCaseStudy } from '../../../test/factories.ts'

// A case study and its translation are one piece of work: a listing in a language shows the
// version in that language when both match, and counts it once. The open data lists both.

const slugsIn = (html: string) => [...new Set([...html.matchAll(/href="(?:\/cy)?\/case-studies\/([a-z0-9-]+)"/g)].map((m) => m[1]))]

describeEachDatabase('a translated case study in listings', (get) => {
  before(async () => {
    const { db } = get().handle
    const english = await buildCaseStudy(db, {
      slug: 'community-energy-in-afon',
      title: 'Community energy in Afon',
      summary: 'Residents own the solar panels on the school roofs.',
      body: 'Started in 2019 by the town council and a co-operative.',
    })
    await buildCaseStudy(db, {
      slug: 'ynni-cymunedol-yn-afon',
      title: 'Ynni cymunedol yn Afon',
      summary: 'Mae’r trigolion yn berchen ar y paneli solar ar doeon yr ysgolion.',
      body: 'Dechreuodd yn 2019 gyda chyngor y dref a chwmni cydweithredol.',
      language: 'cy',
      translationGroup: english.id,
    })
    await db.execute(sql`UPDATE case_studies SET translation_group = ${english.id} WHERE id = ${english.id}`)
    await get().app.pageCache.refresh()
  })

  it('lists the English version on an English page and the Welsh one on a Welsh page, each counted once', async () => {
    for (const [address, kept, left] of [
      ['/case-studies?q=2019', 'community-energy-in-afon', 'ynni-cymunedol-yn-afon'],
      ['/cy/case-studies?q=2019', 'ynni-cymunedol-yn-afon', 'community-energy-in-afon'],
    ] as const) {
      const page = await get().app.inject(address)
      assert.equal(page.statusCode, 200)
      const slugs = slugsIn(page.body)
      assert.ok(slugs.includes(kept), `${address} lists ${kept}`)
      assert.ok(!slugs.includes(left), `${address} leaves out ${left}`)
      assert.match(page.body, address.startsWith('/cy') ? /1 astudiaeth achos/ : /1 case study/)
    }
  })

  it('keeps the other version when only it matches', async () => {
    const page = await get().app.inject('/cy/case-studies?q=residents')
    assert.ok(slugsIn(page.body).includes('community-energy-in-afon'))
  })

  it('lists both versions in the open data', async () => {
    const res = await get().app.inject('/api/v1/case-studies?q=2019')
    const body = res.json() as { total: number }
    assert.equal(body.total, 2)
  })
})
