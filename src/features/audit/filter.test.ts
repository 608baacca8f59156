import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { auditFilterHref, parseAuditFilter } from './filter.ts'

describe('parseAuditFilter', () => {
  const cases: Array<[string, unknown, { action: string | null; subjectType: string | null; page: number }]> = [
    ['nothing', {}, { action: null, subjectType: null, page: 1 }],
    ['not an object', 'action=x', { action: null, subjectType: null, page: 1 }],
    ['null', null, { action: null, subjectType: null, page: 1 }],
    ['a filter and a page', { action: 'user-created', subject: 'user', page: '3' }, { action: 'user-created', subjectType: 'user', page: 3 }],
    ['repeated values: the first', { action: ['signed-in', 'x'], subject: ['user'] }, { action: 'signed-in', subjectType: 'user', page: 1 }],
    ['empty values', { action: '', subject: '', page: '' }, { action: null, subjectType: null, page: 1 }],
    ['capitals and punctuation', { action: 'User-Created', subject: "user'; drop table" }, { action: null, subjectType: null, page: 1 }],
    ['too long', { action: 'a'.repeat(61) }, { action: null, subjectType: null, page: 1 }],
    ['bad pages', { page: '0' }, { action: null, subjectType: null, page: 1 }],
    ['negative page', { page: '-4' }, { action: null, subjectType: null, page: 1 }],
    ['huge page', { page: '999999999999' }, { action: null, subjectType: null, page: 1 }],
    ['numbers as numbers', { action: 5, page: 2 }, { action: null, subjectType: null, page: 1 }],
    ['objects', { action: { x: 1 }, subject: [{}] }, { action: null, subjectType: null, page: 1 }],
  ]
  for (const [name, query, expected] of cases) it(name, () => assert.deepEqual(parseAuditFilter(query), expected))
})

describe('auditFilterHref', () => {
  it('keeps the filter and leaves out page 1', () => {
    assert.equal(auditFilterHref({ action: null, subjectType: null, page: 1 }), '/admin/audit')
    assert.equal(auditFilterHref({ action: 'user-created', subjectType: 'user', page: 1 }, 2), '/admin/audit?action=user-created&subject=user&page=2')
    assert.equal(auditFilterHref({ action: null, subjectType: 'organisation', page: 4 }), '/admin/audit?subject=organisation&page=4')
  })
})
