import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { isUniqueViolation } from '../db/unit-of-work.ts'
import { translator } from '../i18n/catalogue.ts'
import { conflictError } from './result.ts'

describe('isUniqueViolation', () => {
  it('finds the code on the error or a wrapped cause', () => {
    assert.ok(isUniqueViolation({ code: '23505' }))
    assert.ok(isUniqueViolation(Object.assign(new Error('query failed'), { cause: { code: '23505' } })))
    assert.ok(!isUniqueViolation({ code: '23503' }))
    assert.ok(!isUniqueViolation(new Error('x')))
    assert.ok(!isUniqueViolation(null))
  })
})

describe('conflictError', () => {
  it('names the thing and points at the other version', () => {
    const e = conflictError('organisation')
    assert.equal(e.field, 'conflict')
    assert.match(translator('cy')(e.message, e.values), /^Mae rhywun arall wedi newid y sefydliad hwn ers i chi ei agor\./)
    assert.match(
      translator('en')(e.message, e.values),
      /^Someone else changed this organisation since you opened it\. Their version is shown below; your changes are kept in the form/,
    )
  })
})
