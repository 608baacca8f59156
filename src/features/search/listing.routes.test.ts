import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { describeEachDatabase } from '../../../test/app.ts'
import { buildCaseStudy, buildOrganisation, buildPrinciple, buildTheme } from '../../../test/factories.ts'
import { LiveSearchEngine, loadSearchEngine } from './live-search-engine.ts'
import { findRows } from './search-query.ts'

// A results page's rows come from the listing the engine reads in bulk; the exports read them
// with findRows. Both must show every case study the same: links in the same order, bodies the same.
describeEachDatabase('the search engine listing against findRows', (get) => {
  const ids: number[] = []

  before(async () => {
    const { db } = get().handle
    const members = await Promise.all(['Zeta Council', 'alpha council', 'Émile Trust', 'Beta Co-op'].map((name) => buildOrganisation(db, { name })))
    const principleRows = [
      await buildPrinciple(db, { position: 2 }),
      await buildPrinciple(db, { position: 1 }),
      await buildPrinciple(db, { position: 1, shortName: 'Aardvark' }),
    ]
    const themeRows = await Promise.all(['water', 'Air', 'éclairs'].map((name) => buildTheme(db, name)))
    for (let i = 0; i < 12; i++) {
      const row = await buildCaseStudy(db, {
        leadId: members[i % members.length]!.id,
        participantIds: members.filter((_, m) => m !== i % members.length && (m + i) % 3 !== 0).map((m) => m.id),
        partnerIds: i % 2 === 0 ? [members[(i + 1) % members.length]!.id] : [],
        principleIds: principleRows.filter((_, p) => (p + i) % 2 === 0 || i % 5 === 0).map((p) => p.id),
        themeIds: themeRows.filter((_, t) => (t + i) % 3 !== 1).map((t) => t.id),
        status: i % 6 === 5 ? 'draft' : 'published',
        body: `## Part ${i}\n\nA body with *emphasis* and ${'words '.repeat(i * 10)}`,
        yearEnd: i % 4 === 0 ? 2025 : null,
      })
      ids.push(row.id)
    }
  })

  it('lists every case study as findRows reads it, and leaves out what is not published', async () => {
    const { db } = get().handle
    const engine = await loadSearchEngine(db)
    const expected = await findRows(db, ids, true)
    assert.equal(expected.length, 10, 'the drafts are not found')
    assert.deepEqual(await engine.rowsOf(ids, true), expected)
    assert.deepEqual(
      await engine.rowsOf(ids, false),
      expected.map((row) => ({ ...row, body: null })),
    )
  })

  it('reads bodies it has no room to keep from the database, the same', async () => {
    const { db } = get().handle
    const engine = await loadSearchEngine(db, 0)
    assert.deepEqual(await engine.rowsOf([...ids].reverse(), true), await findRows(db, [...ids].reverse(), true))
  })

  it('lists the rows it read again after a change (one statement with their links) as findRows reads them', async () => {
    const { db } = get().handle
    const live = await LiveSearchEngine.start(db)
    await live.followChanges({ caseStudyIds: ids, subjects: new Set(), everything: false })
    assert.equal(live.stats.changed, ids.length)
    assert.deepEqual(await live.current().rowsOf(ids, true), await findRows(db, ids, true))
  })
})
