import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { isDatabaseUnavailable, isStorageFull, unavailableReason } from './unavailable.ts'

const coded = (code: string, message = 'x') => Object.assign(new Error(message), { code })

describe('a database that cannot be reached', () => {
  it('is told apart from a query that is wrong', () => {
    for (const error of [
      coded('ECONNREFUSED'),
      coded('57P01', 'terminating connection due to administrator command'),
      coded('57P03', 'the database system is starting up'),
      coded('08006'),
      new Error('Connection terminated unexpectedly'),
      new Error('timeout exceeded when trying to connect'),
      new Error('Failed query: select 1', { cause: coded('ECONNRESET') }),
    ]) {
      assert.equal(isDatabaseUnavailable(error), true, String(error))
    }
    for (const error of [coded('23505', 'duplicate key'), coded('42P01', 'relation does not exist'), new Error('boom'), null, 'text']) {
      assert.equal(isDatabaseUnavailable(error), false, String(error))
    }
  })

  it('says why in a few words', () => {
    assert.match(unavailableReason(new Error('Failed query', { cause: coded('ECONNREFUSED') })), /connection refused/)
    assert.match(unavailableReason(coded('57P03')), /starting up/)
    assert.match(unavailableReason(new Error('Connection terminated unexpectedly')), /lost/)
  })
})

describe('a disk that is full', () => {
  it('is recognised from PostgreSQL’s disk_full and the system’s ENOSPC, wrapped or not', () => {
    assert.equal(isStorageFull(new Error('Failed query', { cause: coded('53100', 'could not extend file: No space left on device') })), true)
    assert.equal(isStorageFull(coded('ENOSPC')), true)
    for (const error of [coded('53200', 'out of memory'), coded('23505'), coded('ECONNREFUSED'), new Error('boom'), null]) {
      assert.equal(isStorageFull(error), false, String(error))
    }
  })
})
