import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { translator } from '../../i18n/catalogue.ts'
import { actionLabel, actorLabel, changesHtml, changeValue, presentChanges, subjectHref, subjectLabel } from './present.ts'

const t = translator('en')
const cy = translator('cy')

describe('presentChanges', () => {
  it('reads before and after', () => {
    assert.deepEqual(presentChanges(t, { name: { before: 'A', after: 'B' }, verified: { before: true, after: false } }), [
      { field: 'name', before: 'A', after: 'B' },
      { field: 'verified', before: 'true', after: 'false' },
    ])
  })
  it('reads plain values as after', () => {
    assert.deepEqual(presentChanges(t, { email: 'a@example.org', organisationId: null }), [
      { field: 'email', before: null, after: 'a@example.org' },
      { field: 'organisationId', before: null, after: '(none)' },
    ])
  })
  it('has nothing to show for null, empty or non-objects', () => {
    for (const nothing of [null, undefined, {}, [], 'text', 5]) assert.equal(presentChanges(t, nothing), null)
  })
  it('cuts long values', () => {
    assert.equal(changeValue(t, 'x'.repeat(600)).length, 501)
    assert.equal(changeValue(t, ''), '(blank)')
    assert.equal(changeValue(t, { a: [1] }), '{"a":[1]}')
  })
})

describe('changesHtml', () => {
  it('escapes every value', () => {
    const html = changesHtml(t, { '<b>': { before: '<script>x</script>', after: '"&' } })
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
  for (const [code, words] of cases) it(`${code} → ${words}`, () => assert.equal(actionLabel(t, code), words))
  it('names subjects in words', () => {
    assert.equal(subjectLabel(t, 'person'), 'Contact')
    assert.equal(subjectLabel(t, 'case-study'), 'Case study')
    assert.equal(subjectLabel(t, 'search-engine'), 'Search engine')
  })
  it('says them in Welsh, a code without words as it is', () => {
    assert.equal(actionLabel(cy, 'case-study-published'), 'Wedi cyhoeddi astudiaeth achos')
    assert.equal(subjectLabel(cy, 'person'), 'Cyswllt')
    assert.equal(actionLabel(cy, 'something-new'), 'Something new')
    assert.equal(changeValue(cy, null), '(dim)')
  })
  it('names the site’s own actors in words, an email address as it is', () => {
    assert.equal(actorLabel(cy, 'command line'), 'llinell orchymyn')
    assert.equal(actorLabel(cy, 'a@example.org'), 'a@example.org')
  })
})
