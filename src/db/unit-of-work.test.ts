import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { eq, sql } from 'drizzle-orm'
import { createTestDatabase, testDatabaseKinds } from '../../test/databases.ts'
import { ok, refused } from '../lib/result.ts'
import type { DatabaseHandle } from './client.ts'
import { themes } from './schema/index.ts'
import { inTransaction, isUniqueViolation, withSavepoint } from './unit-of-work.ts'

for (const kind of testDatabaseKinds()) {
  describe(`a use case's unit of work [${kind}]`, () => {
    let handle: DatabaseHandle
    before(async () => {
      handle = await createTestDatabase(kind)
    })
    after(async () => handle.close())

    const names = async () => (await handle.db.select({ name: themes.name }).from(themes).orderBy(themes.name)).map((t) => t.name)

    it('commits every step when the use case succeeds', async () => {
      const result = await inTransaction(handle.db, async (tx) => {
        await tx.insert(themes).values({ slug: 'first', name: 'First' })
        await tx.insert(themes).values({ slug: 'second', name: 'Second' })
        return ok('done')
      })
      assert.deepEqual(result, { ok: true, value: 'done' })
      assert.deepEqual(await names(), ['First', 'Second'])
    })

    it('rolls back the first step when a later one is refused, and returns the refusal', async () => {
      const result = await inTransaction(handle.db, async (tx) => {
        await tx.insert(themes).values({ slug: 'saved-first', name: 'Saved first' })
        return refused('The second step said no')
      })
      assert.deepEqual(result, { ok: false, reason: 'refused', errors: [{ field: '', message: 'The second step said no' }] })
      assert.deepEqual(await names(), ['First', 'Second'])
    })

    it('rolls back and rethrows when a step throws', async () => {
      await assert.rejects(
        inTransaction(handle.db, async (tx) => {
          await tx.insert(themes).values({ slug: 'before-the-error', name: 'Before the error' })
          throw new Error('boom')
        }),
        /boom/,
      )
      assert.deepEqual(await names(), ['First', 'Second'])
    })

    it('answers an expected error inside a savepoint without losing the rest of the use case', async () => {
      const result = await inTransaction(handle.db, async (tx) => {
        await tx.insert(themes).values({ slug: 'third', name: 'Third' })
        try {
          await withSavepoint(tx, (sp) => sp.insert(themes).values({ slug: 'first', name: 'First again' }))
        } catch (error) {
          assert.ok(isUniqueViolation(error))
        }
        const [count] = await tx
          .select({ n: sql<number>`count(*)::int` })
          .from(themes)
          .where(eq(themes.slug, 'third'))
        return ok(count!.n)
      })
      assert.deepEqual(result, { ok: true, value: 1 })
      assert.deepEqual(await names(), ['First', 'Second', 'Third'])
    })
  })
}
