import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { DatabaseHandle } from '../../../db/client.ts'
import { createTestDatabase, testDatabaseKinds } from '../../../../test/databases.ts'
import { reservedCaseStudySlugs } from '../reserved-slugs.ts'
import { uniqueSlug } from './create-case-study.ts'

for (const kind of testDatabaseKinds()) {
  describe(`uniqueSlug [${kind}]`, () => {
    let handle: DatabaseHandle
    before(async () => (handle = await createTestDatabase(kind)))
    after(() => handle.close())

    it('never gives a path under /case-studies/ that is a page: “Map” and “New” get -2', async () => {
      assert.deepEqual(reservedCaseStudySlugs, ['new', 'map'])
      assert.equal(await uniqueSlug(handle.db, 'Map'), 'map-2')
      assert.equal(await uniqueSlug(handle.db, 'New'), 'new-2')
      assert.equal(await uniqueSlug(handle.db, 'Map of orchards'), 'map-of-orchards')
    })
  })
}
