import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { checkNotInUse, checkSchema, checkTables, formatBytes, parseHeader, RestoreRefused } from './manifest.ts'

const header = {
  format: 'coophub-backup',
  formatVersion: 1,
  createdAt: '2026-12-07T00:00:00.000Z',
  source: 'pglite',
  schema: { migration: 200, tag: '0017_b' },
  tables: [{ name: 'public.organisations', rows: 3 }],
}

describe('the backup header', () => {
  it('reads a header this code wrote', () => {
    assert.deepEqual(parseHeader(JSON.stringify(header)), header)
  })
  for (const [why, line, message] of [
    ['no line at all', undefined, /not a coophub backup/],
    ['not JSON', 'PGDMP\u0001', /not a coophub backup/],
    ['another format', JSON.stringify({ ...header, format: 'other' }), /not a coophub backup/],
    ['a newer format', JSON.stringify({ ...header, formatVersion: 2 }), /written in format 2, newer than this coophub reads \(1\)/],
    ['no schema version', JSON.stringify({ ...header, schema: undefined }), /header is damaged/],
    ['a damaged table list', JSON.stringify({ ...header, tables: [{ name: 'x' }] }), /table list is damaged/],
  ] as const) {
    it(`refuses ${why}`, () => {
      assert.throws(
        () => parseHeader(line),
        (e: unknown) => e instanceof RestoreRefused && message.test(e.message),
      )
    })
  }
})

describe('what a restore checks before writing', () => {
  it('takes a backup of the same schema only: a newer one is unknown, an older one lacks what later migrations did to its rows', () => {
    assert.doesNotThrow(() => checkSchema({ migration: 200, tag: 'b' }, { migration: 200, tag: 'b' }))
    assert.throws(
      () => checkSchema({ migration: 300, tag: '0020_c' }, { migration: 200, tag: '0017_b' }),
      /newer coophub: its database schema is at migration 0020_c, this database at 0017_b/,
    )
    assert.throws(
      () => checkSchema({ migration: 100, tag: '0010_a' }, { migration: 200, tag: '0017_b' }),
      /older coophub: its database schema is at migration 0010_a, this database at 0017_b\. Restore it with the coophub version that made it/,
    )
  })
  it('refuses tables the database lacks', () => {
    assert.doesNotThrow(() => checkTables(['public.a'], new Set(['public.a', 'public.b'])))
    assert.throws(() => checkTables(['public.a', 'public.c'], new Set(['public.a'])), /no table public\.c/)
  })
  it('refuses a database in use unless told to replace it, naming five tables at most', () => {
    assert.doesNotThrow(() => checkNotInUse(new Map(), false))
    const used = new Map(['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((t) => [`public.${t}`, 1]))
    assert.doesNotThrow(() => checkNotInUse(used, true))
    assert.throws(() => checkNotInUse(used, false), /not empty \(public\.a, public\.b, public\.c, public\.d, public\.e and 2 more hold rows\).*--replace/)
  })
})

describe('formatBytes', () => {
  for (const [bytes, text] of [
    [0, '0 B'],
    [1023, '1023 B'],
    [1536, '1.5 kB'],
    [52_013, '51 kB'],
    [5 * 1024 * 1024, '5.0 MB'],
    [3 * 1024 ** 4, '3.0 TB'],
  ] as const) {
    it(`${bytes} → ${text}`, () => assert.equal(formatBytes(bytes), text))
  }
})
