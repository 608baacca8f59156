import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { actionLabel, changesHtml, changeValue, presentChanges, subjectHref, subjectLabel } from './present.ts'

describe('presentChanges', () => {
  it('reads before and after', () => {
    assert.deepEqual(presentChanges({ name: { before: 'A', after: 'B' }, verified: { before: true, after: false } }), [
      { field: 'name', before: 'A', after: 'B' },
      { field: 'verified', before: 'true', after: 'false' },
    ])
  })
  it('reads plain values as after', () => {
    assert.deepEqual(presentChanges({ email: 'a@example.org', organisationId: null }), [
      { field: 'email', before: null, after: 'a@example.org' },
      { field: 'organisationId', before: null, after: '(none)' },
    ])
  })
  it('has nothing to show for null, empty or non-objects', () => {
    for (const nothing of [null, undefined, {}, [], 'text', 5]) assert.equal(presentChanges(nothing), null)
  })
  it('cuts long values', () => {
    assert.equal(changeValue('x'.repeat(600)).length, 501)
    assert.equal(changeValue(''), '(blank)')
    assert.equal(changeValue({ a: [1] }), '{"a":[1]}')
  })
})

describe('changesHtml', () => {
  it('escapes every value', () => {
    const html = changesHtml({ '<b>': { before: '<script>x</script>', after: '"&' } })
    assert.doesNotMatch(html, /<script>|<b>/)
    assert.match(html, /&lt;script&gt;x&lt;\/script&gt;/)
    assert.match(html, /&quot;&amp;/)
  })
})

describe('subjectHref', () => {
  it('links admin subjects with numeric ids only', () => {
    assert.equal(subjectHref('organisation', '12'), '/admin/organisations/12')
    assert.equal(subjectHref('person', '3'), '/admin/contacts/3')
    assert.equal(subjectHref('user', 'x'), null)
    assert.equal(subjectHref('case-study', '4'), null)
    assert.equal(subjectHref('user', null), null)
  })
})

describe('actionLabel and subjectLabel', () => {
  const cases: Array<[string, string]> = [
    ['case-study-published', 'Published a case study'],
    ['sign-in-failed', 'Failed to sign in'],
    ['user-disabled', 'Disabled an account'],
    ['something-new', 'Something new'],
  ]
  for (const [code, words] of cases) it(`${code} → ${words}`, () => assert.equal(actionLabel(code), words))
  it('names subjects in words', () => {
    assert.equal(subjectLabel('person'), 'Contact')
    assert.equal(subjectLabel('case-study'), 'Case study')
    assert.equal(subjectLabel('search-engine'), 'Search engine')
  })
})
