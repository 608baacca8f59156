import assert from 'node:assert/strict'
import { it } from 'node:test'
import { eq, sql } from 'drizzle-orm'
import { describeEachDatabase } from '../../test/app.ts'
import { buildCaseStudy } from '../../test/factories.ts'
import { caseStudies } from '../db/schema/index.ts'
import { ContentChangeFeed } from './content-changes.ts'

describeEachDatabase('content changes', (get) => {
  it('reads what changed publicly since the last read, once, and nothing for a draft', async () => {
    const { db } = get().handle
    const feed = new ContentChangeFeed(db)
    assert.equal(await feed.read(), null, 'the first read marks where to start')
    const published = await buildCaseStudy(db, { title: 'Read once' })
    const draft = await buildCaseStudy(db, { status: 'draft' })
    const changes = await feed.read()
    assert.ok(changes)
    assert.ok(changes.caseStudyIds.includes(published.id))
    assert.ok(!changes.caseStudyIds.includes(draft.id))
    assert.equal(changes.everything, false)
    assert.equal(await feed.read(), null)

    await db.update(caseStudies).set({ summary: 'A draft’s new words' }).where(eq(caseStudies.id, draft.id))
    await db.update(caseStudies).set({ reviewState: 'submitted' }).where(eq(caseStudies.id, published.id))
    assert.equal(await feed.read(), null, 'a draft saved and a submission change nothing public')

    await db.update(caseStudies).set({ status: 'archived' }).where(eq(caseStudies.id, published.id))
    assert.deepEqual((await feed.read())?.caseStudyIds, [published.id])
  })

  it('never skips a transaction that began first and commits after a later one was read', async (t) => {
    const { db, kind } = get().handle
    if (kind === 'pglite') return t.skip('the embedded database runs one transaction at a time')
    const first = await buildCaseStudy(db, { title: 'Committed late' })
    const second = await buildCaseStudy(db, { title: 'Committed early' })
    const draft = await buildCaseStudy(db, { status: 'draft' })
    const feed = new ContentChangeFeed(db)
    await feed.read()
    let release: () => void = () => undefined
    const gate = new Promise<void>((resolve) => (release = resolve))
    let written: () => void = () => undefined
    const inside = new Promise<void>((resolve) => (written = resolve))
    // Its transaction id comes first (a draft saved), its public change after the other's commit.
    const late = db.transaction(async (tx) => {
      await tx.update(caseStudies).set({ summary: 'Saved first' }).where(eq(caseStudies.id, draft.id))
      written()
      await gate
      await tx.update(caseStudies).set({ title: 'Committed late, changed' }).where(eq(caseStudies.id, first.id))
    })
    await inside
    try {
      await db.update(caseStudies).set({ title: 'Committed early, changed' }).where(eq(caseStudies.id, second.id))
      assert.deepEqual((await feed.read())?.caseStudyIds, [second.id])
    } finally {
      // A failed check must not leave the transaction open: the file would hang until its timeout.
      release()
      await late
    }
    assert.deepEqual((await feed.read())?.caseStudyIds, [first.id])
    assert.equal(await feed.read(), null)
  })

  it('asks for everything again after `coophub search rebuild`, and after too long without reading', async () => {
    const { db } = get().handle
    let now = 0
    const feed = new ContentChangeFeed(db, () => now)
    await feed.read()
    await db.transaction(async (tx) => {
      await tx.execute(sql`INSERT INTO content_changes (subject) VALUES ('everything')`)
      await tx.execute(sql`SELECT coophub_content_changed()`)
    })
    assert.equal((await feed.read())?.everything, true)
    now += 6 * 60_000
    assert.equal((await feed.read())?.everything, true)
    assert.equal(await feed.read(), null)
  })
})
